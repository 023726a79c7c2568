-- Documents handed out (PDF packs, decks, workbooks): the exact file's SHA-256 and the fingerprint
-- of the data it was built from, with each record's own hash, so `verify-pack` can say whether a
-- file is one we exported and which records have changed since.
CREATE TABLE document_export (
    id           TEXT PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('pack', 'deck', 'workbook')),
    file_name    TEXT NOT NULL,
    file_sha256  TEXT NOT NULL CHECK (length(file_sha256) = 64),
    bytes        INTEGER NOT NULL CHECK (bytes > 0),
    pages        INTEGER NOT NULL CHECK (pages >= 0),
    fingerprint  TEXT NOT NULL CHECK (length(fingerprint) = 64),
    scope        TEXT NOT NULL,
    records      TEXT NOT NULL,
    exported_by  TEXT NOT NULL,
    exported_at  TEXT NOT NULL
) STRICT;
CREATE INDEX document_export_by_file ON document_export (file_sha256);
CREATE INDEX document_export_by_fingerprint ON document_export (fingerprint);
