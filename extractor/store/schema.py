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
from extractor.store.reasons import intern_stored

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
ALTER TABLE observations ADD COLUMN part_of TEXT;  -- programme | area | channel | group | source | average | share
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


# Each thing stored once (issue 18: 113 KiB per stored news page, the sentence text alone three
# times). The rows read from a document are keyed by its integer ``documents.pk`` (8 bytes at
# most, not the 64 hex digits of its id); a figure, date, legal reference or observation links its
# sentence (``sentence_id``) and keeps its own copy only when that differs from the linked one
# (``sentence`` NULL otherwise); an observation's rules and their words are ids into ``reasons``
# (``extractor.store.reasons``). The tables keep their names as views giving the columns readers
# had (``document_id``, ``sentence``) and the document's key (``doc``, to find one document's rows).
_V10_SCHEMA = """
CREATE TABLE reasons (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,   -- rules | why
    name TEXT NOT NULL,   -- what the rule decided: date, province, indicator...
    words TEXT NOT NULL,  -- the rule, or its words
    UNIQUE (kind, name, words)
);
CREATE TABLE sentence_rows (
    id INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
    start INTEGER,  -- NULL when the sentence could not be found in the document text
    "end" INTEGER,
    text TEXT NOT NULL
);
CREATE TABLE figure_rows (
    id INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
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
    {span}
);
CREATE TABLE date_rows (
    id INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
    value TEXT,
    granularity TEXT NOT NULL,
    period_start TEXT,
    period_end TEXT,
    year_inferred INTEGER NOT NULL DEFAULT 0,
    {span}
);
CREATE TABLE legal_ref_rows (
    id INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
    ref_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    number TEXT NOT NULL,
    year INTEGER,
    type_code TEXT NOT NULL,
    issuer_code TEXT NOT NULL,
    issuer TEXT,
    issued TEXT,
    short_form INTEGER NOT NULL DEFAULT 0,
    {span}
);
CREATE TABLE observation_rows (
    id INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
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
    sentence TEXT,  -- NULL: the linked sentence's text ('' when none is linked)
    sentence_id INTEGER,
    reasons TEXT NOT NULL DEFAULT '',  -- ids of ``reasons`` rows, space-separated, in key order
    part_of TEXT,  -- programme | area | channel | group | source | average | share
    part TEXT,     -- the words naming the part
    obs_date TEXT GENERATED ALWAYS AS (coalesce(as_of, period_end, period_start)) VIRTUAL
);
"""
_V10_SPAN = """
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    sentence TEXT,  -- NULL: the linked sentence's text ('' when none is linked)
    sentence_start INTEGER,
    sentence_id INTEGER,
    rule TEXT NOT NULL DEFAULT '',
    page INTEGER,
    bbox TEXT
"""
# v9's indexes but two no query reads: figures by sentence (kept for the foreign key to
# sentences, which v10 leaves out: a sentence goes only with its document's rows) and legal
# references by id (nothing reads legal references by id).
_V10_INDEXES = """
CREATE INDEX sentence_rows_doc ON sentence_rows(doc, start);
CREATE INDEX figure_rows_doc ON figure_rows(doc);
CREATE INDEX figure_rows_digits ON figure_rows(value_digits);
CREATE INDEX figure_rows_value ON figure_rows(value_text);
CREATE INDEX date_rows_doc ON date_rows(doc);
CREATE INDEX legal_ref_rows_doc ON legal_ref_rows(doc);
CREATE INDEX observation_rows_doc ON observation_rows(doc);
CREATE INDEX observation_rows_cell ON observation_rows(province, indicator, boundaries, status, obs_date);
CREATE INDEX observation_rows_indicator_date ON observation_rows(indicator, obs_date);
CREATE INDEX observation_rows_date ON observation_rows(obs_date);
CREATE INDEX observation_rows_digits ON observation_rows(value_digits);
CREATE INDEX observation_rows_value ON observation_rows(value_text);
CREATE INDEX observation_rows_sentence ON observation_rows(sentence_id);
CREATE INDEX observation_rows_part ON observation_rows(part_of);
"""
# The sentence and the document's id are read by subqueries, run only for the rows of a query that
# reads the column.
_DOCUMENT_ID = "(SELECT d.id FROM documents d WHERE d.pk = x.doc) AS document_id"
_SENTENCE = "coalesce(x.sentence, (SELECT s.text FROM sentence_rows s WHERE s.id = x.sentence_id), '') AS sentence"
_SPAN_VIEW = f'x.text, x.start, x."end", {_SENTENCE}, x.sentence_start, x.sentence_id, x.rule, x.page, x.bbox'


def _view(name: str, table: str, columns: str) -> str:
    """The view ``name`` of ``table`` (written ``x`` in ``columns``) with its document's key and id.
    The id is a subquery, run only for the rows of a query that reads it: a count or a filter on
    other columns reads the table alone, and a query for one document's rows asks for its ``doc``.
    The table is named in full, not aliased, so a query plan through the view names the table it reads."""
    select = f"SELECT x.id, x.doc, {_DOCUMENT_ID}, {columns} FROM x"
    return f"CREATE VIEW {name} AS {select.replace('x.', f'{table}.').replace('FROM x', f'FROM {table}')};\n"


_V10_VIEWS = (
    _view("sentences", "sentence_rows", 'x.start, x."end", x.text')
    + _view("figures", "figure_rows", (
        "x.kind, x.value_text, x.value_int, x.value_num, x.value_digits, x.unit, x.qualifier, x.counted, "
        "x.change, x.upper_text, x.confidence, x.notes, x.row_header, x.column_header, x.ocr, " + _SPAN_VIEW))
    + _view("dates", "date_rows", (
        "x.value, x.granularity, x.period_start, x.period_end, x.year_inferred, " + _SPAN_VIEW))
    + _view("legal_refs", "legal_ref_rows", (
        "x.ref_id, x.kind, x.number, x.year, x.type_code, x.issuer_code, x.issuer, x.issued, x.short_form, "
        + _SPAN_VIEW))
    + _view("observations", "observation_rows", (
        "x.indicator, x.province, x.boundaries, x.value_text, x.value_int, x.value_num, x.value_digits, x.unit, "
        "x.qualifier, x.as_of, x.period_start, x.period_end, x.date_inferred, x.status, x.change_value, "
        f"x.change_unit, x.change_baseline, x.text, x.start, x.\"end\", {_SENTENCE}, "
        "x.sentence_id, x.reasons, x.part_of, x.part, x.obs_date"))
    + f"""DROP VIEW sentences_folded;
CREATE VIEW sentences_folded AS
    SELECT id, {_FOLD_D.format(col="text")} AS text FROM sentence_rows;
"""
)
_V10_PRINTS = """
CREATE TABLE doc_prints_v10 (
    doc INTEGER PRIMARY KEY REFERENCES documents(pk) ON DELETE CASCADE,
    fingerprint BLOB NOT NULL,  -- MinHash signature (extractor.store.dedupe), little-endian uint32
    words INTEGER NOT NULL      -- ranks same-day near-duplicates: the fuller text is the original
);
INSERT INTO doc_prints_v10(doc, fingerprint, words)
    SELECT d.pk, p.fingerprint, p.words FROM doc_prints p JOIN documents d ON d.id = p.doc_id;
CREATE TABLE doc_bands_v10 (
    band INTEGER NOT NULL,
    key INTEGER NOT NULL,
    doc INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
    PRIMARY KEY (band, key, doc)
) WITHOUT ROWID;
INSERT INTO doc_bands_v10(band, key, doc)
    SELECT b.band, b.key, d.pk FROM doc_bands b JOIN documents d ON d.id = b.doc_id;
DROP TABLE doc_bands;
DROP TABLE doc_prints;
ALTER TABLE doc_prints_v10 RENAME TO doc_prints;
ALTER TABLE doc_bands_v10 RENAME TO doc_bands;
CREATE INDEX doc_bands_doc ON doc_bands(doc);
"""
# A row's own copy of its sentence is kept only when it is not the linked sentence's text.
_OWN_SENTENCE = "CASE WHEN x.sentence IS coalesce(s.text, '') THEN NULL ELSE x.sentence END"
_SPAN_COPY = f'x.text, x.start, x."end", {_OWN_SENTENCE}, x.sentence_start, x.sentence_id, x.rule, x.page, x.bbox'
_COPY = "INSERT INTO {table} SELECT x.id, d.pk, {columns} FROM {old} x JOIN documents d ON d.id = x.document_id " \
        "LEFT JOIN sentences s ON s.id = x.sentence_id;\n"
_V10_COPY = (
    "INSERT INTO sentence_rows SELECT x.id, d.pk, x.start, x.\"end\", x.text FROM sentences x "
    "JOIN documents d ON d.id = x.document_id;\n"
    + _COPY.format(table="figure_rows", old="figures", columns=(
        "x.kind, x.value_text, x.value_int, x.value_num, x.value_digits, x.unit, x.qualifier, x.counted, "
        "x.change, x.upper_text, x.confidence, x.notes, x.row_header, x.column_header, x.ocr, " + _SPAN_COPY))
    + _COPY.format(table="date_rows", old="dates", columns=(
        "x.value, x.granularity, x.period_start, x.period_end, x.year_inferred, " + _SPAN_COPY))
    + _COPY.format(table="legal_ref_rows", old="legal_refs", columns=(
        "x.ref_id, x.kind, x.number, x.year, x.type_code, x.issuer_code, x.issuer, x.issued, x.short_form, "
        + _SPAN_COPY))
    + _COPY.format(table="observation_rows (id, doc, indicator, province, boundaries, value_text, value_int, "
                   "value_num, value_digits, unit, qualifier, as_of, period_start, period_end, date_inferred, "
                   "status, change_value, change_unit, change_baseline, text, start, \"end\", sentence, "
                   "sentence_id, part_of, part)", old="observations", columns=(
        "x.indicator, x.province, x.boundaries, x.value_text, x.value_int, x.value_num, x.value_digits, x.unit, "
        "x.qualifier, x.as_of, x.period_start, x.period_end, x.date_inferred, x.status, x.change_value, "
        f"x.change_unit, x.change_baseline, x.text, x.start, x.\"end\", {_OWN_SENTENCE}, x.sentence_id, "
        "x.part_of, x.part"))
)


def _v10(conn: sqlite3.Connection) -> None:
    """Each thing stored once: rows keyed by the document's integer key, sentences linked rather
    than copied, an observation's reasons as ids (see ``_V10_SCHEMA``). Row ids are kept, so the
    FTS index of sentences stays valid and every observation keeps its public id."""
    _run_script(_V10_SCHEMA.format(span=_V10_SPAN))(conn)
    _run_script(_V10_COPY)(conn)
    intern_stored(conn)
    for old in ("observations", "legal_refs", "dates", "figures", "sentences"):
        conn.execute(f"DROP TABLE {old}")
    _run_script(_V10_INDEXES + _V10_VIEWS + _V10_PRINTS)(conn)


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
    _v10,  # v10: each thing stored once: integer document keys, sentences linked, reasons as ids
    _run_script(""),  # v11: no new structure; the kept cells are refilled: a cell's conflict is the conflicts page's
)
SCHEMA_VERSION = len(MIGRATIONS)
