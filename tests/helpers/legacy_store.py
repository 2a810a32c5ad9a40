"""Databases as programs before schema v10 wrote them, to test the migrations on real rows.

Up to v9 every row read from a document carried the document's hex id and its sentence's text,
and an observation its rules and their words as JSON. ``save_v9`` stores an extraction so (the
row values the writer makes today, put back in the old columns); ``columns`` leaves out the
observation columns a version before v7 did not have.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from extractor.models import Extraction
from extractor.store import write
from extractor.store.cells import refresh_cells
from extractor.store.db import transaction

V9_OBSERVATION_COLS = (*(c for c in write.OBSERVATION_COLS if c not in ("doc", "reasons")),
                       "document_id", "rules", "why")
BEFORE_V7_OBSERVATION_COLS = tuple(c for c in V9_OBSERVATION_COLS if c not in ("part_of", "part", "why"))


class _V9Sentences:
    """Sentence rows as v9 kept them: keyed by the document's hex id (the ``id_for`` of today's index)."""

    def __init__(self, conn: sqlite3.Connection, doc_id: str, text: str) -> None:
        self.conn, self.doc_id, self.text = conn, doc_id, text
        self.ids: dict[tuple[int | None, str], int] = {}

    def id_for(self, sentence: str, *, hint: int | None, start: int, end: int) -> int | None:
        """The row id of ``sentence``, inserted in v9's ``sentences`` when new."""
        if not sentence:
            return None
        at = write.locate_sentence(self.text, sentence, hint=hint, start=start, end=end)
        if (at, sentence) not in self.ids:
            self.ids[(at, sentence)] = int(self.conn.execute(
                'INSERT INTO sentences(document_id, start, "end", text) VALUES (?, ?, ?, ?)',
                (self.doc_id, at, None if at is None else at + len(sentence), sentence)).lastrowid or 0)
        return self.ids[(at, sentence)]


class _NoReasons:
    """Stands in for today's reason index: v9 kept the reasons as JSON on the row."""

    def encode(self, rules: dict[str, str], why: dict[str, str]) -> str:
        """Nothing: the JSON columns are filled by ``save_v9``."""
        return ""


def _insert(conn: sqlite3.Connection, table: str, values: Sequence[dict[str, Any]], columns: Sequence[str]) -> None:
    """Insert ``columns`` of each row of ``values`` into a v9 table."""
    names = ", ".join(f'"{c}"' for c in columns)
    conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})",
                     [tuple(v[c] for c in columns) for v in values])


def insert_v9(conn: sqlite3.Connection, extraction: Extraction, raw: bytes, *,
              columns: Sequence[str] = V9_OBSERVATION_COLS) -> None:
    """Insert an extraction's rows as a v9 program did (no FTS, links or cells), in the caller's transaction."""
    doc = extraction.document
    write._insert_document(conn, extraction, raw)
    sentences = _V9Sentences(conn, doc.id, doc.text)
    spans = (("figures", write._FIGURE_COLS, extraction.figures, write._figure_row),
             ("dates", write._DATE_COLS, extraction.dates, write._date_row),
             ("legal_refs", write._LEGAL_COLS, extraction.legal_refs, write._legal_row))
    for table, cols, items, make in spans:
        rows = [dict(zip(cols, make(item, 0, sentences), strict=True)) | {"document_id": doc.id,
                                                                            "sentence": item.sentence}
                for item in items]
        _insert(conn, table, rows, [c if c != "doc" else "document_id" for c in cols])
    observations = [dict(zip(write.OBSERVATION_COLS, write.observation_row(o, 0, sentences, _NoReasons()),  # type: ignore[arg-type]
                             strict=True))
                    | {"document_id": doc.id, "sentence": o.sentence,
                       "rules": json.dumps(o.rules, ensure_ascii=False, sort_keys=True),
                       "why": json.dumps(o.why, ensure_ascii=False, sort_keys=True)}
                    for o in extraction.observations]
    _insert(conn, "observations", observations, columns)
    conn.executemany(
        "INSERT OR IGNORE INTO cell_keys(province, indicator, boundaries) VALUES (?, ?, ?)",
        {(o.province, o.indicator, o.boundaries or "") for o in extraction.observations
         if o.province and o.part_of is None})


def save_v9(conn: sqlite3.Connection, extraction: Extraction, raw: bytes) -> str:
    """Store an extraction whole as a v9 program did (rows, FTS, cells; links are made by the next
    batch); its document id."""
    extraction = write.with_document_id(extraction, write.document_id_for(raw))
    doc_id = extraction.document.id
    with transaction(conn):
        insert_v9(conn, extraction, raw)
        conn.execute("INSERT INTO sentences_fts(rowid, text) SELECT f.id, f.text FROM sentences s "
                     "JOIN sentences_folded f ON f.id = s.id WHERE s.document_id = ?", (doc_id,))
        conn.execute("INSERT INTO documents_fts(rowid, title, text) SELECT f.pk, f.title, f.text FROM documents d "
                     "JOIN documents_folded f ON f.pk = d.pk WHERE d.id = ?", (doc_id,))
        refresh_cells(conn, {tuple(r) for r in conn.execute(  # the document's cell keys, as v9 read them
            "SELECT DISTINCT province, indicator, coalesce(boundaries, '') FROM observations "
            "WHERE document_id = ? AND province IS NOT NULL AND part_of IS NULL", (doc_id,))})
    return doc_id
