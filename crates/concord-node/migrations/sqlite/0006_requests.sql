-- Concord node store, version 6: requests for mutual assistance, sent and received.
-- Both nodes keep a copy of each request and move it through the same workflow
-- (concord_core::assistance). The subject, details and any reason for declining are
-- sealed under the data key.

CREATE TABLE requests (
    pk INTEGER PRIMARY KEY,
    request_id TEXT NOT NULL,
    peer TEXT NOT NULL REFERENCES peers (node_id),
    direction TEXT NOT NULL CHECK (direction IN ('outgoing', 'incoming')),
    request_type TEXT NOT NULL,
    legal_basis TEXT NOT NULL,
    urgency TEXT NOT NULL,
    deadline TEXT,
    status TEXT NOT NULL,
    -- Sealed JSON: subject, details, and the reason if declined.
    content BLOB NOT NULL,
    -- The envelope that carried the request (its receipt moves it from sent to received).
    message_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (peer, request_id)
);
CREATE INDEX requests_by_message ON requests (message_id);
