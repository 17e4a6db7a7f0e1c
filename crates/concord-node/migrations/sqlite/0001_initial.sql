-- Concord node store, version 1.
-- Identifying data (names, dates of birth, document and phone numbers, narratives) is
-- only ever stored sealed (`identity`, `narrative`); lookups go through `blind_index`.

CREATE TABLE node (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    country TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE keyring (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    method TEXT NOT NULL CHECK (method IN ('passphrase', 'keyfile')),
    salt BLOB NOT NULL,
    memory_kib INTEGER NOT NULL,
    passes INTEGER NOT NULL,
    sealed_key BLOB NOT NULL
);

CREATE TABLE cases (
    pk INTEGER PRIMARY KEY,
    case_id TEXT NOT NULL UNIQUE,
    registered_on TEXT NOT NULL,
    status TEXT NOT NULL,
    sensitivity TEXT NOT NULL,
    org_country TEXT NOT NULL,
    origin_country TEXT,
    destination_country TEXT,
    -- The case without persons and narrative, as JSON: nothing identifying.
    details TEXT NOT NULL,
    narrative BLOB,
    updated_at TEXT NOT NULL
);
CREATE INDEX cases_by_date ON cases (registered_on DESC, case_id);
CREATE INDEX cases_by_status ON cases (status);

CREATE TABLE case_exploitation (
    case_pk INTEGER NOT NULL REFERENCES cases (pk) ON DELETE CASCADE,
    exploitation TEXT NOT NULL,
    PRIMARY KEY (exploitation, case_pk)
) WITHOUT ROWID;

CREATE TABLE case_route_country (
    case_pk INTEGER NOT NULL REFERENCES cases (pk) ON DELETE CASCADE,
    country TEXT NOT NULL,
    PRIMARY KEY (country, case_pk)
) WITHOUT ROWID;

CREATE TABLE persons (
    pk INTEGER PRIMARY KEY,
    person_id TEXT NOT NULL UNIQUE,
    case_pk INTEGER NOT NULL REFERENCES cases (pk) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    role TEXT NOT NULL,
    gender TEXT NOT NULL,
    age_band TEXT,
    country_of_birth TEXT,
    -- Sealed JSON: names, date of birth, documents, phones.
    identity BLOB NOT NULL
);
CREATE INDEX persons_by_case ON persons (case_pk, position);

CREATE TABLE person_citizenship (
    person_pk INTEGER NOT NULL REFERENCES persons (pk) ON DELETE CASCADE,
    country TEXT NOT NULL,
    PRIMARY KEY (country, person_pk)
) WITHOUT ROWID;
CREATE INDEX citizenship_by_person ON person_citizenship (person_pk);

CREATE TABLE blind_index (
    kind TEXT NOT NULL,
    digest BLOB NOT NULL,
    person_pk INTEGER NOT NULL REFERENCES persons (pk) ON DELETE CASCADE,
    PRIMARY KEY (kind, digest, person_pk)
) WITHOUT ROWID;
CREATE INDEX blind_index_by_person ON blind_index (person_pk);
