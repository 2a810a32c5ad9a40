"""Saving extractions: one document and everything read from it, in one transaction.

A document's id is the hash of its raw bytes, so re-ingesting the same bytes changes nothing;
new bytes from a source we already hold replace that source's old records (never half of them).
Raw bytes are kept compressed by content hash (``extractor.store.blobs``) so any document can be
re-extracted offline. A document's near-duplicate links are settled in the transaction that
stores it (``extractor.store.copies``).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from extractor.models import DateMention, Extraction, Figure, LegalRef, Observation, Span
from extractor.store.blobs import keep_raw, raw_sha256
from extractor.store.cells import document_keys, refresh_cells
from extractor.store.copies import Link, copies_of_any, link_document
from extractor.store.db import transaction
from extractor.store.numeric import canonical, value_columns
from extractor.store.prepared import Prepared
from extractor.store.reasons import ReasonIndex

SaveStatus = Literal["new", "unchanged", "replaced", "reextracted"]


@dataclass(frozen=True)
class SaveResult:
    """What saving one extraction did, the ids of the documents it replaced, and the
    near-duplicate links it recorded (the document's own and its copies')."""

    status: SaveStatus
    document_id: str
    replaced: tuple[str, ...] = ()
    copies: tuple[Link, ...] = ()


def document_id_for(raw: bytes) -> str:
    """A document's id: the SHA-256 of its raw bytes (as ``extractor.nlp.pipeline`` makes it)."""
    return raw_sha256(raw)


def with_document_id(extraction: Extraction, doc_id: str) -> Extraction:
    """The extraction with its document (and every observation) carrying ``doc_id``."""
    if extraction.document.id == doc_id and all(o.document_id == doc_id for o in extraction.observations):
        return extraction
    observations = tuple(o.model_copy(update={"document_id": doc_id}) for o in extraction.observations)
    document = extraction.document.model_copy(update={"id": doc_id})
    return extraction.model_copy(update={"document": document, "observations": observations})


def save_extraction(
    conn: sqlite3.Connection, extraction: Extraction, *, raw: bytes | None = None, force: bool = False,
    prepared: Prepared | None = None,
) -> SaveResult:
    """Store one extraction; ``force`` replaces the records of a document we already hold.
    ``prepared``: what storing needs from the bytes and text alone, worked out before
    (``store.prepared``; a worker's); a part prepared from other bytes is worked out here."""
    raw = extraction.document.text.encode("utf-8") if raw is None else raw
    extraction = with_document_id(extraction, document_id_for(raw))
    with transaction(conn):
        return _save(conn, extraction, raw, force=force, prepared=prepared)


def _save(conn: sqlite3.Connection, extraction: Extraction, raw: bytes, *, force: bool,
          prepared: Prepared | None = None) -> SaveResult:
    """The body of ``save_extraction``, inside the caller's transaction."""
    doc = extraction.document
    held = conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc.id,)).fetchone() is not None
    if held and not force:
        return SaveResult("unchanged", doc.id)
    stale = [r[0] for r in conn.execute(
        "SELECT id FROM documents WHERE source = ? AND id != ?", (doc.source, doc.id))]
    gone = stale + ([doc.id] if held else [])
    touched = document_keys(conn, gone)
    orphans = copies_of_any(conn, gone)  # their links go with the rows deleted: settled again below
    for old in gone:
        delete_document(conn, old)
    packed = prepared.packed if prepared is not None and prepared.sha256 == doc.id else None
    insert_extraction(conn, extraction, raw, packed=packed)
    sync_fts(conn, doc.id)
    settled = link_document(conn, doc.id, orphans=orphans, prepared=prepared.text_print if prepared else None)
    refresh_cells(conn, touched | document_keys(conn, [doc.id, *orphans, *settled.changed]))
    status: SaveStatus = "reextracted" if held else "replaced" if stale else "new"
    return SaveResult(status, doc.id, tuple(stale), settled.links)


def delete_document(conn: sqlite3.Connection, doc_id: str) -> None:
    """Remove a document and its records (FTS entries first: they are external-content)."""
    conn.execute(
        "INSERT INTO sentences_fts(sentences_fts, rowid, text) "
        "SELECT 'delete', f.id, f.text FROM documents d JOIN sentence_rows s ON s.doc = d.pk "
        "JOIN sentences_folded f ON f.id = s.id WHERE d.id = ?", (doc_id,))
    conn.execute(
        "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
        "SELECT 'delete', f.pk, f.title, f.text FROM documents d JOIN documents_folded f ON f.pk = d.pk "
        "WHERE d.id = ?", (doc_id,))
    conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))


def sync_fts(conn: sqlite3.Connection, doc_id: str) -> None:
    """Index one document's title, text and sentences for full-text search."""
    conn.execute(
        "INSERT INTO sentences_fts(rowid, text) SELECT f.id, f.text FROM documents d "
        "JOIN sentence_rows s ON s.doc = d.pk JOIN sentences_folded f ON f.id = s.id WHERE d.id = ?", (doc_id,))
    conn.execute(
        "INSERT INTO documents_fts(rowid, title, text) SELECT f.pk, f.title, f.text FROM documents d "
        "JOIN documents_folded f ON f.pk = d.pk WHERE d.id = ?", (doc_id,))


def rebuild_derived(conn: sqlite3.Connection) -> None:
    """Rebuild the FTS indexes and cell keys from the tables (after a bulk load)."""
    with transaction(conn):
        conn.execute("INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild')")
        conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')")
        conn.execute(
            "INSERT OR IGNORE INTO cell_keys(province, indicator, boundaries) "
            "SELECT DISTINCT province, indicator, coalesce(boundaries, '') "
            "FROM observations WHERE province IS NOT NULL AND part_of IS NULL")
        refresh_cells(conn)


def insert_extraction(conn: sqlite3.Connection, extraction: Extraction, raw: bytes, *,
                      packed: bytes | None = None) -> None:
    """Insert the document, its raw bytes (``packed``: already packed) and all its records (no
    FTS; see ``sync_fts``). Records are keyed by the document's integer ``pk`` (schema v10)."""
    doc = _insert_document(conn, extraction, raw, packed=packed)
    sentences = _SentenceIndex(conn, doc, extraction.document.text)
    reasons = ReasonIndex(conn)
    conn.executemany(_insert_sql("figure_rows", _FIGURE_COLS),
                     [_figure_row(f, doc, sentences) for f in extraction.figures])
    conn.executemany(_insert_sql("date_rows", _DATE_COLS),
                     [_date_row(d, doc, sentences) for d in extraction.dates])
    conn.executemany(_insert_sql("legal_ref_rows", _LEGAL_COLS),
                     [_legal_row(r, doc, sentences) for r in extraction.legal_refs])
    conn.executemany(_insert_sql("observation_rows", OBSERVATION_COLS),
                     [observation_row(o, doc, sentences, reasons) for o in extraction.observations])
    conn.executemany(
        "INSERT OR IGNORE INTO cell_keys(province, indicator, boundaries) VALUES (?, ?, ?)",
        {(o.province, o.indicator, o.boundaries or "") for o in extraction.observations
         if o.province and o.part_of is None})


def _insert_document(conn: sqlite3.Connection, extraction: Extraction, raw: bytes, *,
                     packed: bytes | None = None) -> int:
    """Insert the document row and its raw bytes (shared by every document with those bytes);
    the row's ``pk``."""
    doc = extraction.document
    digest = keep_raw(conn, raw, packed=packed)
    cursor = conn.execute(
        _insert_sql("documents", _DOCUMENT_COLS),
        (doc.id, doc.source, doc.title, _iso(doc.published), doc.language, doc.language_evidence,
         doc.province, doc.content_type, digest, raw_sha256(doc.text.encode("utf-8")), doc.text,
         json.dumps(doc.meta, ensure_ascii=False), json.dumps(list(extraction.warnings), ensure_ascii=False),
         dt.datetime.now(dt.UTC).isoformat(timespec="seconds")))
    return int(cursor.lastrowid or 0)


class _SentenceIndex:
    """Gives each distinct sentence of one document a row in ``sentence_rows`` (inserted on first use)."""

    def __init__(self, conn: sqlite3.Connection, doc: int, text: str) -> None:
        self.conn, self.doc, self.text = conn, doc, text
        self.ids: dict[tuple[int | None, str], int] = {}

    def id_for(self, sentence: str, *, hint: int | None, start: int, end: int) -> int | None:
        """The row id of ``sentence`` around ``start..end``, inserting it when new."""
        if not sentence:
            return None
        at = locate_sentence(self.text, sentence, hint=hint, start=start, end=end)
        key = (at, sentence)
        if key not in self.ids:
            cursor = self.conn.execute(
                'INSERT INTO sentence_rows(doc, start, "end", text) VALUES (?, ?, ?, ?)',
                (self.doc, at, None if at is None else at + len(sentence), sentence))
            self.ids[key] = int(cursor.lastrowid or 0)
        return self.ids[key]


def locate_sentence(text: str, sentence: str, *, hint: int | None, start: int, end: int) -> int | None:
    """Where ``sentence`` starts in ``text``: the hint if right, else the copy around the span."""
    if hint is not None and text.startswith(sentence, hint):
        return hint
    at = text.rfind(sentence, 0, start + 1)
    if at >= 0 and at + len(sentence) >= end:
        return at
    at = text.find(sentence)
    return at if at >= 0 else None


def _insert_sql(table: str, columns: Sequence[str]) -> str:
    """A parameterised INSERT for ``columns`` of ``table``."""
    names = ", ".join(f'"{c}"' for c in columns)
    return f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"


def _iso(value: dt.date | None) -> str | None:
    """ISO text for a date (sorts and compares correctly as TEXT)."""
    return value.isoformat() if value else None


def _json(value: Any) -> str | None:
    """Compact JSON for list/dict/tuple columns, None stays NULL."""
    return None if value is None else json.dumps(value, ensure_ascii=False)


_DOCUMENT_COLS = ("id", "source", "title", "published", "language", "language_evidence", "province",
                  "content_type", "raw_sha256", "text_sha256", "text", "meta", "warnings", "ingested_at")
# A new row keeps no copy of its sentence: ``_SentenceIndex`` links every sentence but the empty
# one, which the views read as ''. (Rows migrated from before v10 keep a copy where it differed.)
OWN_SENTENCE = None
_SPAN_COLS = ("text", "start", "end", "sentence", "sentence_start", "sentence_id", "rule", "page", "bbox")
_FIGURE_COLS = ("doc", "kind", "value_text", "value_int", "value_num", "value_digits", "unit",
                "qualifier", "counted", "change", "upper_text", "confidence", "notes", "row_header",
                "column_header", "ocr", *_SPAN_COLS)
_DATE_COLS = ("doc", "value", "granularity", "period_start", "period_end",
              "year_inferred", *_SPAN_COLS)
_LEGAL_COLS = ("doc", "ref_id", "kind", "number", "year", "type_code", "issuer_code", "issuer",
               "issued", "short_form", *_SPAN_COLS)
OBSERVATION_COLS = ("doc", "indicator", "province", "boundaries", "value_text", "value_int",
                    "value_num", "value_digits", "unit", "qualifier", "as_of", "period_start",
                    "period_end", "date_inferred", "status", "change_value", "change_unit",
                    "change_baseline", "text", "start", "end", "sentence", "sentence_id", "reasons",
                    "part_of", "part")


def _span_values(span: Span, sentences: _SentenceIndex) -> tuple[Any, ...]:
    """The shared evidence columns of a figure, date or legal reference (its sentence linked)."""
    sid = sentences.id_for(span.sentence, hint=span.sentence_start, start=span.start, end=span.end)
    return (span.text, span.start, span.end, OWN_SENTENCE, span.sentence_start, sid,
            span.rule, span.page, _json(span.bbox))


def _figure_row(f: Figure, doc: int, sentences: _SentenceIndex) -> tuple[Any, ...]:
    """One ``figure_rows`` row."""
    return (doc, f.kind, *value_columns(f.value), f.unit, f.qualifier, f.counted, f.change,
            None if f.upper is None else canonical(f.upper), f.confidence, _json(list(f.notes)),
            f.row_header, f.column_header, int(f.ocr), *_span_values(f, sentences))


def _date_row(d: DateMention, doc: int, sentences: _SentenceIndex) -> tuple[Any, ...]:
    """One ``date_rows`` row."""
    return (doc, _iso(d.value), d.granularity, _iso(d.period_start), _iso(d.period_end),
            int(d.year_inferred), *_span_values(d, sentences))


def _legal_row(r: LegalRef, doc: int, sentences: _SentenceIndex) -> tuple[Any, ...]:
    """One ``legal_ref_rows`` row."""
    return (doc, r.id, r.kind, r.number, r.year, r.type_code, r.issuer_code, r.issuer,
            _iso(r.issued), int(r.short_form), *_span_values(r, sentences))


def observation_row(o: Observation, doc: int, sentences: _SentenceIndex, reasons: ReasonIndex) -> tuple[Any, ...]:
    """One ``observation_rows`` row (every Observation field; the sentence linked, the reasons
    as ids, each in key order as the JSON kept before schema v10 had them)."""
    sid = sentences.id_for(o.sentence, hint=None, start=o.start, end=o.end)
    change = None if o.change_value is None else canonical(o.change_value)
    return (doc, o.indicator, o.province, o.boundaries, *value_columns(o.value), o.unit, o.qualifier,
            _iso(o.as_of), _iso(o.period_start), _iso(o.period_end), int(o.date_inferred), o.status,
            change, o.change_unit, _iso(o.change_baseline), o.text, o.start, o.end,
            OWN_SENTENCE, sid, reasons.encode(dict(sorted(o.rules.items())),
                                                               dict(sorted(o.why.items()))),
            o.part_of, o.part)


def bulk_save(conn: sqlite3.Connection, items: Iterable[tuple[Extraction, bytes]]) -> int:
    """Insert many new documents in one transaction without FTS upkeep or near-duplicate links;
    call ``rebuild_derived`` after (the next batch links them: ``copies.link_copies``)."""
    count = 0
    with transaction(conn):
        for extraction, raw in items:
            insert_extraction(conn, with_document_id(extraction, document_id_for(raw)), raw)
            count += 1
    return count


def mark_copy(conn: sqlite3.Connection, doc_id: str, copy_of: str, *, similarity: float) -> None:
    """Record that ``doc_id`` is a near-duplicate of ``copy_of`` (sources then count once)."""
    with transaction(conn):
        conn.execute(
            "INSERT INTO doc_copies(doc_id, copy_of_doc_id, similarity) VALUES (?, ?, ?) "
            "ON CONFLICT(doc_id, copy_of_doc_id) DO UPDATE SET similarity = excluded.similarity",
            (doc_id, copy_of, similarity))
        refresh_cells(conn, document_keys(conn, [doc_id, copy_of]))
