-- Concord node store, version 2: the exchange with partner nodes.
-- Envelopes are stored as sent (sealed to their recipient); received payloads are stored
-- sealed under the node's data key. The audit trail records who, what kind, when and how
-- large — never the content.

ALTER TABLE node ADD COLUMN endpoint TEXT;

-- The node's own signing and exchange keys, sealed under the data key. Created on the
-- first open after this migration, so a node made by an older Concord gains an identity.
CREATE TABLE node_identity (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    node_id TEXT NOT NULL,
    public_keys BLOB NOT NULL,
    sealed_secret BLOB NOT NULL
);

-- Partners, each by its signed card as added (ID, name, country, kind, public keys,
-- endpoint: read from the card, which is verified again whenever it is read).
CREATE TABLE peers (
    node_id TEXT PRIMARY KEY,
    card TEXT NOT NULL,
    added_at TEXT NOT NULL,
    -- The sharing agreement: categories allowed out to and in from this partner,
    -- separated by ';' (see concord_exchange::Category).
    send_categories TEXT NOT NULL DEFAULT '',
    receive_categories TEXT NOT NULL DEFAULT ''
);

CREATE TABLE outbox (
    pk INTEGER PRIMARY KEY,
    message_id TEXT NOT NULL UNIQUE,
    recipient TEXT NOT NULL REFERENCES peers (node_id),
    kind TEXT NOT NULL,
    handling TEXT NOT NULL,
    created_at TEXT NOT NULL,
    envelope BLOB NOT NULL,
    size INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'rejected')),
    attempts INTEGER NOT NULL DEFAULT 0,
    -- Unix milliseconds of the next push over HTTP.
    next_attempt_ms INTEGER NOT NULL,
    last_error TEXT,
    settled_at TEXT,
    settled_via TEXT,
    rejection TEXT
);
CREATE INDEX outbox_pending ON outbox (recipient, next_attempt_ms) WHERE status = 'pending';

CREATE TABLE inbox (
    pk INTEGER PRIMARY KEY,
    sender TEXT NOT NULL REFERENCES peers (node_id),
    message_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    handling TEXT NOT NULL,
    created_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    via TEXT NOT NULL CHECK (via IN ('http', 'bundle')),
    size INTEGER NOT NULL,
    payload BLOB NOT NULL,
    UNIQUE (sender, message_id)
);

-- The audit trail, append-only and chained: each entry's `link` is HMAC-SHA256, under a
-- key derived from the node's data key, of the previous link and the entry, so that an
-- entry altered, removed or inserted on disk is detected. `audit_head` holds the last
-- link and the count, so that entries cut from the end are detected too.
CREATE TABLE audit (
    -- Never deleted or updated, so the rowid alone numbers entries in order.
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    event TEXT NOT NULL,
    peer TEXT,
    kind TEXT,
    message_id TEXT,
    size INTEGER,
    detail TEXT,
    link BLOB NOT NULL
);

CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL,
    link BLOB NOT NULL
);
