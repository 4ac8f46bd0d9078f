-- storyline store, schema version 1 (PostgreSQL). Same tables as the SQLite schema;
-- full-text search uses a GIN index over a tsvector expression instead of FTS5.
CREATE TABLE documents (
    seq BIGINT PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    title TEXT,
    outlet TEXT,
    dateline TEXT,
    language TEXT NOT NULL,
    published_value TEXT NOT NULL,
    published_earliest TEXT,
    published_latest TEXT,
    published_basis TEXT NOT NULL,
    text TEXT NOT NULL,
    analysis_version BIGINT NOT NULL,
    analysis TEXT NOT NULL,
    json TEXT NOT NULL
);
CREATE INDEX documents_outlet ON documents (outlet);
CREATE INDEX documents_published ON documents (published_earliest);
CREATE INDEX documents_fts ON documents
    USING GIN (to_tsvector('simple', coalesce(title, '') || ' ' || text));
CREATE TABLE entities (
    seq BIGINT PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, type TEXT NOT NULL,
    code TEXT, role TEXT, country TEXT, json TEXT NOT NULL
);
CREATE TABLE events (
    seq BIGINT PRIMARY KEY, id TEXT NOT NULL UNIQUE, summary TEXT NOT NULL, plover TEXT NOT NULL,
    source_actor TEXT, target_actor TEXT, date_value TEXT NOT NULL, date_earliest TEXT, date_latest TEXT,
    status TEXT NOT NULL, corroboration BIGINT NOT NULL, json TEXT NOT NULL
);
CREATE INDEX events_date ON events (date_earliest);
CREATE TABLE claims (
    seq BIGINT PRIMARY KEY, id TEXT NOT NULL UNIQUE, doc TEXT NOT NULL, speaker_text TEXT NOT NULL,
    speaker_entity TEXT, anonymous BIGINT NOT NULL, stance TEXT NOT NULL, cue TEXT NOT NULL,
    content TEXT NOT NULL, direct BIGINT NOT NULL, date_value TEXT NOT NULL, json TEXT NOT NULL
);
CREATE INDEX claims_doc ON claims (doc);
CREATE TABLE figures (
    seq BIGINT PRIMARY KEY, id TEXT NOT NULL UNIQUE, quantity TEXT NOT NULL,
    value DOUBLE PRECISION NOT NULL, qualifier TEXT NOT NULL, as_of_value TEXT NOT NULL, json TEXT NOT NULL
);
CREATE TABLE conflicts (
    seq BIGINT PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, explanation TEXT NOT NULL,
    json TEXT NOT NULL
);
CREATE TABLE timeline (
    seq BIGINT PRIMARY KEY, date_value TEXT NOT NULL, headline TEXT NOT NULL, json TEXT NOT NULL
);
CREATE TABLE sources (
    seq BIGINT PRIMARY KEY, name TEXT NOT NULL, named BIGINT NOT NULL, anonymous BIGINT NOT NULL,
    json TEXT NOT NULL
);
CREATE TABLE evidence (
    owner_kind TEXT NOT NULL, owner_id TEXT NOT NULL, doc TEXT NOT NULL,
    start_byte BIGINT NOT NULL, end_byte BIGINT NOT NULL, text TEXT NOT NULL
);
CREATE INDEX evidence_owner ON evidence (owner_kind, owner_id);
CREATE INDEX evidence_doc ON evidence (doc);
CREATE TABLE skipped (seq BIGINT PRIMARY KEY, path TEXT NOT NULL, reason TEXT NOT NULL);
