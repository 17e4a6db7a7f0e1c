-- Concord node store, version 7: hit/no-hit matching across the network.
--
-- The coordinating node makes the network's linkage key and schema, one per epoch, and
-- sends them to the members; the highest epoch held is the current one. Each node
-- encodes the persons it may share, sends the encodings under opaque references to the
-- partners whose agreements allow "encodings", compares what it receives with its own,
-- and records the hits. Keys and filters are sealed under the data key.

-- The partner whose linkage keys this node accepts (or this node itself).
CREATE TABLE linkage_coordinator (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    node_id TEXT NOT NULL
);

CREATE TABLE linkage_keys (
    epoch INTEGER PRIMARY KEY,
    -- Sealed linkage key file.
    key BLOB NOT NULL,
    schema TEXT NOT NULL,
    key_check TEXT NOT NULL,
    issued_by TEXT NOT NULL,
    received_at TEXT NOT NULL
);

-- Which partners the coordinator has sent which epoch's key to.
CREATE TABLE linkage_key_grants (
    peer TEXT NOT NULL REFERENCES peers (node_id),
    epoch INTEGER NOT NULL,
    sent_at TEXT NOT NULL,
    PRIMARY KEY (peer, epoch)
) WITHOUT ROWID;

-- Persons whose encoding must be made again. Triggers fill it, so that no way of
-- adding, changing or deleting a person (import, the web form, a replaced case) can
-- forget to tell the partners.
CREATE TABLE linkage_pending (
    person_id TEXT PRIMARY KEY
) WITHOUT ROWID;
INSERT INTO linkage_pending (person_id) SELECT person_id FROM persons;
CREATE TRIGGER persons_to_encode_on_insert AFTER INSERT ON persons BEGIN
    INSERT OR IGNORE INTO linkage_pending (person_id) VALUES (new.person_id);
END;
CREATE TRIGGER persons_to_encode_on_delete AFTER DELETE ON persons BEGIN
    INSERT OR IGNORE INTO linkage_pending (person_id) VALUES (old.person_id);
END;

-- This node's shared persons, encoded under the current epoch.
CREATE TABLE own_encodings (
    person_id TEXT PRIMARY KEY,
    epoch INTEGER NOT NULL,
    -- Random, sent to partners instead of anything that names the person.
    reference TEXT NOT NULL UNIQUE,
    -- Sealed filter.
    filter BLOB NOT NULL,
    -- BLAKE3 of the filter: tells a changed encoding from an unchanged one.
    digest BLOB NOT NULL,
    -- 0 until compared with the partners' encodings held.
    matched INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX own_encodings_unmatched ON own_encodings (matched) WHERE matched = 0;

-- Whether anything changed that partners may be owed (an encoding, a partner, an
-- agreement): looking for it reads every encoding, so it is done only then.
CREATE TABLE linkage_outgoing (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    changed INTEGER NOT NULL
);
INSERT INTO linkage_outgoing (id, changed) VALUES (1, 1);
CREATE TRIGGER outgoing_on_encoding_insert AFTER INSERT ON own_encodings BEGIN
    UPDATE linkage_outgoing SET changed = 1 WHERE id = 1;
END;
CREATE TRIGGER outgoing_on_encoding_update AFTER UPDATE OF digest ON own_encodings BEGIN
    UPDATE linkage_outgoing SET changed = 1 WHERE id = 1;
END;
CREATE TRIGGER outgoing_on_encoding_delete AFTER DELETE ON own_encodings BEGIN
    UPDATE linkage_outgoing SET changed = 1 WHERE id = 1;
END;
CREATE TRIGGER outgoing_on_peer AFTER INSERT ON peers BEGIN
    UPDATE linkage_outgoing SET changed = 1 WHERE id = 1;
END;
CREATE TRIGGER outgoing_on_agreement AFTER UPDATE OF send_categories ON peers BEGIN
    UPDATE linkage_outgoing SET changed = 1 WHERE id = 1;
END;

-- Which encoding (by digest) each partner was last sent for each reference.
CREATE TABLE encodings_sent (
    peer TEXT NOT NULL REFERENCES peers (node_id),
    reference TEXT NOT NULL,
    digest BLOB NOT NULL,
    PRIMARY KEY (peer, reference)
) WITHOUT ROWID;

-- Partners' encodings, under their references.
CREATE TABLE partner_encodings (
    peer TEXT NOT NULL REFERENCES peers (node_id),
    reference TEXT NOT NULL,
    epoch INTEGER NOT NULL,
    -- Sealed filter.
    filter BLOB NOT NULL,
    matched INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (peer, reference)
);
CREATE INDEX partner_encodings_unmatched ON partner_encodings (matched) WHERE matched = 0;

-- The match weights estimated from this node's comparisons of an epoch, kept so that a
-- few new encodings are scored like the many they join (see exchange/hits.rs).
CREATE TABLE linkage_weights (
    epoch INTEGER PRIMARY KEY,
    weights TEXT NOT NULL,
    partner_encodings INTEGER NOT NULL,
    estimated_at TEXT NOT NULL
);

-- Pairs of one of this node's persons and a partner's reference that scored at or above
-- the threshold, found here or told by the partner.
CREATE TABLE hits (
    pk INTEGER PRIMARY KEY,
    peer TEXT NOT NULL REFERENCES peers (node_id),
    epoch INTEGER NOT NULL,
    person_id TEXT NOT NULL,
    own_reference TEXT NOT NULL,
    partner_reference TEXT NOT NULL,
    score REAL NOT NULL,
    found_by TEXT NOT NULL CHECK (found_by IN ('this-node', 'partner')),
    status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'confirmed', 'rejected')),
    reviewed_by TEXT,
    reviewed_at TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (peer, own_reference, partner_reference)
);
CREATE INDEX hits_by_status ON hits (status, pk);

-- A request made from a hit is about one of each node's persons: the requester's from
-- its hit, the responder's from the reference the request carries.
ALTER TABLE requests ADD COLUMN about_person TEXT;
-- A request about one of the requester's cases names it (a file number, on both nodes).
ALTER TABLE requests ADD COLUMN about_case TEXT;
