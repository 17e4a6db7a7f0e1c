-- Concord node store, version 3: the people who use the node.
-- Passwords are kept only as Argon2id hashes (PHC string format).

CREATE TABLE users (
    username TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    -- The unit a field officer belongs to (and sees the cases of); NULL for other roles.
    unit TEXT,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    password_changed_at TEXT NOT NULL
);
