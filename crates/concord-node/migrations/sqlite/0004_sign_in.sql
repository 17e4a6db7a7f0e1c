-- Concord node store, version 4: signing in to the web UI and the API, cases owned by a
-- unit, and who did what in the audit trail.

-- Consecutive failed sign-ins, and until when the account is locked after too many.
ALTER TABLE users ADD COLUMN failed_sign_ins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN locked_until TEXT;

-- Browser sessions. Only a SHA-256 digest of the cookie's secret is kept, so a copy of
-- the database does not let anyone take over a session.
CREATE TABLE sessions (
    digest BLOB PRIMARY KEY,
    username TEXT NOT NULL REFERENCES users (username) ON DELETE CASCADE,
    -- The token every state-changing form and call of this session must carry.
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen TEXT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (username);

-- API tokens for scripts, each owned by a user and acting with that user's role. Only a
-- digest of the secret is kept.
CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    digest BLOB NOT NULL UNIQUE,
    username TEXT NOT NULL REFERENCES users (username) ON DELETE CASCADE,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_used TEXT,
    revoked_at TEXT
);

-- The unit that registered a case: a field officer sees only their own unit's cases.
-- NULL for cases imported or registered by someone without a unit.
ALTER TABLE cases ADD COLUMN unit TEXT;
CREATE INDEX cases_by_unit ON cases (unit, registered_on DESC, case_id);

-- The user who did what an entry records; NULL for the node itself (exchange, command line).
ALTER TABLE audit ADD COLUMN actor TEXT;
