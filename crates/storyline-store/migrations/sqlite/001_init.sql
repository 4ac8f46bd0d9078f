-- storyline store, schema version 1 (SQLite). Documents with their per-document
-- analysis, every report object as columns plus its exact JSON, evidence spans, and
-- an FTS5 index over titles and cleaned texts kept in sync by triggers.
CREATE TABLE documents (
    seq INTEGER PRIMARY KEY,
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
    analysis_version INTEGER NOT NULL,
    analysis TEXT NOT NULL,
    json TEXT NOT NULL
);
CREATE INDEX documents_outlet ON documents (outlet);
CREATE INDEX documents_published ON documents (published_earliest);
CREATE VIRTUAL TABLE documents_fts USING fts5 (title, text, content = 'documents', content_rowid = 'seq');
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER documents_au AFTER UPDATE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TABLE entities (
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, type TEXT NOT NULL,
    code TEXT, role TEXT, country TEXT, json TEXT NOT NULL
);
CREATE TABLE events (
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, summary TEXT NOT NULL, plover TEXT NOT NULL,
    source_actor TEXT, target_actor TEXT, date_value TEXT NOT NULL, date_earliest TEXT, date_latest TEXT,
    status TEXT NOT NULL, corroboration INTEGER NOT NULL, json TEXT NOT NULL
);
CREATE INDEX events_date ON events (date_earliest);
CREATE TABLE claims (
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, doc TEXT NOT NULL, speaker_text TEXT NOT NULL,
    speaker_entity TEXT, anonymous INTEGER NOT NULL, stance TEXT NOT NULL, cue TEXT NOT NULL,
    content TEXT NOT NULL, direct INTEGER NOT NULL, date_value TEXT NOT NULL, json TEXT NOT NULL
);
CREATE INDEX claims_doc ON claims (doc);
CREATE TABLE figures (
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, quantity TEXT NOT NULL, value REAL NOT NULL,
    qualifier TEXT NOT NULL, as_of_value TEXT NOT NULL, json TEXT NOT NULL
);
CREATE TABLE conflicts (
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, explanation TEXT NOT NULL,
    json TEXT NOT NULL
);
CREATE TABLE timeline (
    seq INTEGER PRIMARY KEY, date_value TEXT NOT NULL, headline TEXT NOT NULL, json TEXT NOT NULL
);
CREATE TABLE sources (
    seq INTEGER PRIMARY KEY, name TEXT NOT NULL, named INTEGER NOT NULL, anonymous INTEGER NOT NULL,
    json TEXT NOT NULL
);
CREATE TABLE evidence (
    owner_kind TEXT NOT NULL, owner_id TEXT NOT NULL, doc TEXT NOT NULL,
    start_byte INTEGER NOT NULL, end_byte INTEGER NOT NULL, text TEXT NOT NULL
);
CREATE INDEX evidence_owner ON evidence (owner_kind, owner_id);
CREATE INDEX evidence_doc ON evidence (doc);
CREATE TABLE skipped (seq INTEGER PRIMARY KEY, path TEXT NOT NULL, reason TEXT NOT NULL);
