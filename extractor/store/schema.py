"""Schema and migrations: ``PRAGMA user_version`` counts the migrations applied, in order.

Each migration is a function of the connection run inside one transaction with the version
bump, so a database is always at a whole version. Never edit a released migration: add one.
Migrations only change structure (and copy data); the kept tables derived from observations
(``cells``, ``conflict_keys``, the FTS indexes) are refilled by ``db.migrate`` once the
database reaches the current version, so an old migration never runs today's derived SQL.
Money is an INTEGER number of đồng in ``value_int``; every value is also kept as exact decimal
text (``value_text``) with a REAL copy (``value_num``) used only for sorting and ranges, and the
significant digits (``value_digits``) so a query written with any separators finds it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from extractor.store.blobs import compress_stored

FTS_TOKENIZE = "unicode61 remove_diacritics 2"

_SPAN_COLUMNS = """
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    sentence TEXT NOT NULL DEFAULT '',
    sentence_start INTEGER,
    sentence_id INTEGER REFERENCES sentences(id) ON DELETE SET NULL,
    rule TEXT NOT NULL DEFAULT '',
    page INTEGER,
    bbox TEXT
"""

_V1 = f"""
CREATE TABLE raw_blobs (
    sha256 TEXT PRIMARY KEY,
    content BLOB NOT NULL,
    size INTEGER NOT NULL
);
CREATE TABLE documents (
    pk INTEGER PRIMARY KEY,  -- stable rowid for FTS (a TEXT key's rowid may move on VACUUM)
    id TEXT NOT NULL UNIQUE,  -- hash of the raw bytes
    source TEXT NOT NULL,
    title TEXT,
    published TEXT,
    language TEXT NOT NULL,
    language_evidence TEXT NOT NULL DEFAULT '',
    province TEXT,
    content_type TEXT NOT NULL DEFAULT 'text/plain',
    raw_sha256 TEXT REFERENCES raw_blobs(sha256),
    text_sha256 TEXT NOT NULL,
    text TEXT NOT NULL,
    meta TEXT NOT NULL DEFAULT '{{}}',
    warnings TEXT NOT NULL DEFAULT '[]',
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_source ON documents(source);
CREATE TABLE sentences (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER,  -- NULL when the sentence could not be found in the document text
    "end" INTEGER,
    text TEXT NOT NULL
);
CREATE INDEX sentences_document ON sentences(document_id, start);
CREATE TABLE figures (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    value_text TEXT NOT NULL,
    value_int INTEGER,
    value_num REAL NOT NULL,
    value_digits TEXT NOT NULL,
    unit TEXT NOT NULL,
    qualifier TEXT NOT NULL,
    counted TEXT,
    change TEXT,
    upper_text TEXT,
    confidence REAL NOT NULL,
    notes TEXT NOT NULL DEFAULT '[]',
    row_header TEXT,
    column_header TEXT,
    ocr INTEGER NOT NULL DEFAULT 0,
    {_SPAN_COLUMNS}
);
CREATE INDEX figures_document ON figures(document_id);
CREATE TABLE dates (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    value TEXT,
    granularity TEXT NOT NULL,
    period_start TEXT,
    period_end TEXT,
    year_inferred INTEGER NOT NULL DEFAULT 0,
    {_SPAN_COLUMNS}
);
CREATE INDEX dates_document ON dates(document_id);
CREATE TABLE legal_refs (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ref_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    number TEXT NOT NULL,
    year INTEGER,
    type_code TEXT NOT NULL,
    issuer_code TEXT NOT NULL,
    issuer TEXT,
    issued TEXT,
    short_form INTEGER NOT NULL DEFAULT 0,
    {_SPAN_COLUMNS}
);
CREATE INDEX legal_refs_document ON legal_refs(document_id);
CREATE INDEX legal_refs_ref ON legal_refs(ref_id);
CREATE TABLE observations (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    indicator TEXT NOT NULL,
    province TEXT,
    boundaries TEXT,
    value_text TEXT NOT NULL,
    value_int INTEGER,
    value_num REAL NOT NULL,
    value_digits TEXT NOT NULL,
    unit TEXT NOT NULL,
    qualifier TEXT NOT NULL,
    as_of TEXT,
    period_start TEXT,
    period_end TEXT,
    date_inferred INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL,
    change_value TEXT,
    change_unit TEXT,
    change_baseline TEXT,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    sentence TEXT NOT NULL,
    sentence_id INTEGER REFERENCES sentences(id) ON DELETE SET NULL,
    rules TEXT NOT NULL DEFAULT '{{}}',
    obs_date TEXT GENERATED ALWAYS AS (coalesce(as_of, period_end, period_start)) VIRTUAL
);
CREATE INDEX observations_document ON observations(document_id);
CREATE INDEX observations_cell
    ON observations(province, indicator, boundaries, status, obs_date);
CREATE INDEX observations_indicator_date ON observations(indicator, obs_date);
CREATE INDEX observations_date ON observations(obs_date);
"""

_V2 = f"""
CREATE TABLE doc_copies (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    copy_of_doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    similarity REAL NOT NULL,
    PRIMARY KEY (doc_id, copy_of_doc_id)
);
CREATE INDEX doc_copies_of ON doc_copies(copy_of_doc_id);
CREATE TABLE cell_keys (
    province TEXT NOT NULL,
    indicator TEXT NOT NULL,
    boundaries TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (province, indicator, boundaries)
) WITHOUT ROWID;
CREATE INDEX figures_digits ON figures(value_digits);
CREATE INDEX figures_value ON figures(value_text);
CREATE INDEX observations_digits ON observations(value_digits);
CREATE INDEX observations_value ON observations(value_text);
CREATE INDEX observations_sentence ON observations(sentence_id);
CREATE INDEX figures_sentence ON figures(sentence_id);
CREATE VIRTUAL TABLE sentences_fts USING fts5(
    text, content='sentences', content_rowid='id', tokenize="{FTS_TOKENIZE}"
);
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='pk', tokenize="{FTS_TOKENIZE}"
);
INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild');
INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
INSERT OR IGNORE INTO cell_keys(province, indicator, boundaries)
    SELECT DISTINCT province, indicator, coalesce(boundaries, '')
    FROM observations WHERE province IS NOT NULL;
"""


# unicode61 folds "ộ" and "ế" but keeps "đ" (a letter of its own, not d + a mark), so "Dak Lak"
# would miss "Đắk Lắk": FTS reads views that spell đ as d, and queries are folded the same way.
_FOLD_D = "replace(replace({col}, 'đ', 'd'), 'Đ', 'D')"
_V3 = f"""
DROP TABLE sentences_fts;
DROP TABLE documents_fts;
CREATE VIEW sentences_folded AS
    SELECT id, {_FOLD_D.format(col="text")} AS text FROM sentences;
CREATE VIEW documents_folded AS
    SELECT pk, {_FOLD_D.format(col="title")} AS title, {_FOLD_D.format(col="text")} AS text FROM documents;
CREATE VIRTUAL TABLE sentences_fts USING fts5(
    text, content='sentences_folded', content_rowid='id', tokenize="{FTS_TOKENIZE}"
);
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents_folded', content_rowid='pk', tokenize="{FTS_TOKENIZE}"
);
INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild');
INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
"""


def _run_script(sql: str) -> Callable[[sqlite3.Connection], None]:
    """A migration that runs each statement of ``sql`` (inside the caller's transaction)."""

    def migrate(conn: sqlite3.Connection) -> None:
        for statement in _statements(sql):
            conn.execute(statement)

    return migrate


def _statements(sql: str) -> list[str]:
    """Split a script into whole statements (``executescript`` would commit our transaction)."""
    out: list[str] = []
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            out.append(buffer.strip())
            buffer = ""
    return [s for s in out if s]


_V4 = """
CREATE TABLE cells (
    province TEXT NOT NULL,
    indicator TEXT NOT NULL,
    boundaries TEXT NOT NULL DEFAULT '',
    as_of TEXT,
    value_text TEXT NOT NULL,
    unit TEXT NOT NULL,
    sources INTEGER NOT NULL,
    conflict INTEGER NOT NULL,
    observation_id INTEGER NOT NULL,
    document_id TEXT NOT NULL,
    PRIMARY KEY (province, indicator, boundaries)
) WITHOUT ROWID;
"""


_V5 = """
ALTER TABLE documents ADD COLUMN fingerprint BLOB;  -- MinHash of the text (extractor.store.dedupe), NULL until linked
"""


_V6 = """
CREATE TABLE conflict_keys (
    id INTEGER PRIMARY KEY,
    province TEXT NOT NULL,
    indicator TEXT NOT NULL,
    boundaries TEXT NOT NULL DEFAULT '',
    as_of TEXT,
    period_start TEXT,
    period_end TEXT,
    unit TEXT NOT NULL
);
CREATE INDEX conflict_keys_cell ON conflict_keys(province, indicator, boundaries);
CREATE INDEX conflict_keys_indicator ON conflict_keys(indicator);
"""


_V7 = """
ALTER TABLE observations ADD COLUMN part_of TEXT;  -- programme | area | channel | group | source | average
ALTER TABLE observations ADD COLUMN part TEXT;     -- the words naming the part
ALTER TABLE observations ADD COLUMN why TEXT NOT NULL DEFAULT '{}';  -- the rules in words (JSON)
CREATE INDEX observations_part ON observations(part_of);
"""


# Near-duplicate links made as each document is stored, not when a batch ends (extractor.store.copies):
# a fingerprint and word count per document, and its LSH band keys, looked up to find its copies.
# No document has a fingerprint after this migration, so the next batch links every one again
# (``copies.link_copies``) under the rule that does not depend on ingest order.
_V8 = """
ALTER TABLE documents DROP COLUMN fingerprint;
CREATE TABLE doc_prints (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    fingerprint BLOB NOT NULL,  -- MinHash signature (extractor.store.dedupe), little-endian uint32
    words INTEGER NOT NULL      -- ranks same-day near-duplicates: the fuller text is the original
);
CREATE TABLE doc_bands (
    band INTEGER NOT NULL,
    key INTEGER NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (band, key, doc_id)
) WITHOUT ROWID;
CREATE INDEX doc_bands_document ON doc_bands(doc_id);
"""


def _v9(conn: sqlite3.Connection) -> None:
    """Raw bytes compressed (``extractor.store.blobs``): each row says how its content is encoded,
    and the rows kept whole so far are compressed in batches, keys and sizes unchanged. The file
    keeps its size until VACUUM; the pages freed are reused by the next documents."""
    conn.execute("ALTER TABLE raw_blobs ADD COLUMN codec TEXT NOT NULL DEFAULT 'identity'")
    compress_stored(conn)


# Ordered: MIGRATIONS[i] takes a database from user_version i to i + 1.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _run_script(_V1),  # v1: documents, raw bytes, sentences, figures, dates, legal refs, observations
    _run_script(_V2),  # v2: near-duplicate links, cell keys, value indexes, FTS5 (filled from v1 rows)
    _run_script(_V3),  # v3: FTS5 over views that fold "đ" to "d" as well
    _run_script(_V4),  # v4: the province × indicator table kept in ``cells``
    _run_script(_V5),  # v5: a near-duplicate fingerprint per document
    _run_script(_V6),  # v6: conflicting (cell, date) keys kept in ``conflict_keys``
    _run_script(_V7),  # v7: breakdowns (part_of, part) and each observation's reasons in words
    _run_script(_V8),  # v8: fingerprints and LSH band keys kept per document, for links made as it is stored
    _v9,  # v9: raw bytes compressed, with the codec of each row
)
SCHEMA_VERSION = len(MIGRATIONS)
