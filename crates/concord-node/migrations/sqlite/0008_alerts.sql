-- Concord node store, version 8: alerts, issued by this node or received from partners.
-- A node keeps the highest revision of each alert it has seen; whether an alert is in
-- force is computed when it is read, from `cancelled` and `expires_at`. The subject,
-- details and area are sealed under the data key.

CREATE TABLE alerts (
    pk INTEGER PRIMARY KEY,
    -- Chosen by the issuer; one alert per ID, so a partner cannot revise another's alert.
    alert_id TEXT NOT NULL UNIQUE,
    -- The partner who issued it; NULL for an alert this node issued.
    issuer TEXT REFERENCES peers (node_id),
    revision INTEGER NOT NULL CHECK (revision >= 1),
    alert_type TEXT NOT NULL,
    -- RFC 3339 in UTC, so that text order is time order.
    expires_at TEXT NOT NULL,
    cancelled INTEGER NOT NULL CHECK (cancelled IN (0, 1)),
    -- Sealed JSON: subject, details, area.
    content BLOB NOT NULL,
    -- For a partner's alert: the revision this node acknowledged, and when.
    acknowledged_revision INTEGER,
    acknowledged_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- For an alert this node issued: the partners it went to (its updates and cancellation
-- go to the same ones), and what each acknowledged.
CREATE TABLE alert_recipients (
    alert_pk INTEGER NOT NULL REFERENCES alerts (pk),
    peer TEXT NOT NULL REFERENCES peers (node_id),
    acknowledged_revision INTEGER,
    acknowledged_at TEXT,
    PRIMARY KEY (alert_pk, peer)
) WITHOUT ROWID;
