"""Reading one document back: its text, figures, observations and near-duplicate copies."""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal

from extractor.models import Document, Figure
from extractor.store.blobs import raw_bytes as raw_bytes  # read here by reextract (pipeline.batch)
from extractor.store.cells import CANONICAL_DOC
from extractor.store.query import _OBS_SELECT, _date, observations_from_rows
from extractor.store.records import DocumentCopy, StoredDocument, StoredObservation


def _document(row: sqlite3.Row) -> Document:
    """A Document record from a documents row."""
    return Document(id=row["id"], source=row["source"], title=row["title"], published=_date(row["published"]),
                    language=row["language"], language_evidence=row["language_evidence"],
                    text=row["text"], province=row["province"], content_type=row["content_type"],
                    meta=json.loads(row["meta"]))


def _figure(row: sqlite3.Row) -> Figure:
    """A Figure record from a figures row (value exact from its text column)."""
    bbox = json.loads(row["bbox"]) if row["bbox"] else None
    return Figure(text=row["text"], start=row["start"], end=row["end"], sentence=row["sentence"],
                  sentence_start=row["sentence_start"] or 0, rule=row["rule"], page=row["page"],
                  bbox=tuple(bbox) if bbox else None, kind=row["kind"], value=Decimal(row["value_text"]),
                  unit=row["unit"], qualifier=row["qualifier"], counted=row["counted"], change=row["change"],
                  upper=Decimal(row["upper_text"]) if row["upper_text"] else None,
                  confidence=row["confidence"], notes=tuple(json.loads(row["notes"])),
                  row_header=row["row_header"], column_header=row["column_header"], ocr=bool(row["ocr"]))


def copies_of(conn: sqlite3.Connection, doc_id: str) -> list[DocumentCopy]:
    """Near-duplicate links in either direction for one document."""
    rows = conn.execute("SELECT doc_id, copy_of_doc_id, similarity FROM doc_copies "
                        "WHERE doc_id = ? OR copy_of_doc_id = ? ORDER BY similarity DESC", (doc_id, doc_id))
    return [DocumentCopy(doc_id=a, copy_of_doc_id=b, similarity=s) for a, b, s in rows]


def get_document(conn: sqlite3.Connection, doc_id: str) -> StoredDocument | None:
    """One document with its figures, observations and copies, or None when unknown."""
    row = conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    figures = conn.execute("SELECT * FROM figures WHERE doc = ? ORDER BY start, id", (row["pk"],))
    observations = conn.execute(f"{_OBS_SELECT} WHERE o.doc = ? ORDER BY o.start, o.id", (row["pk"],)).fetchall()
    return StoredDocument(document=_document(row), raw_sha256=row["raw_sha256"], ingested_at=row["ingested_at"],
                          figures=tuple(_figure(f) for f in figures),
                          observations=tuple(observations_from_rows(conn, observations)),
                          copies=tuple(copies_of(conn, doc_id)), warnings=tuple(json.loads(row["warnings"])))


def disagreeing(conn: sqlite3.Connection, observation_id: int) -> list[StoredObservation]:
    """Observations from other (original) documents giving another value for the same cell and date."""
    rows = conn.execute(
        f"{_OBS_SELECT} JOIN observations me ON me.id = ? "
        "WHERE o.province IS me.province AND o.indicator = me.indicator AND o.boundaries IS me.boundaries "
        "AND o.as_of IS me.as_of AND o.period_start IS me.period_start AND o.period_end IS me.period_end "
        "AND o.status = me.status AND o.value_text != me.value_text "
        f"AND {CANONICAL_DOC} != {CANONICAL_DOC.replace('o.document_id', 'me.document_id')} ORDER BY o.id",
        (observation_id,)).fetchall()
    return observations_from_rows(conn, rows)


def stored_documents(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Id, source, content type, publication date and raw bytes key of every stored document."""
    return conn.execute(
        "SELECT id, source, content_type, published, raw_sha256 FROM documents ORDER BY pk").fetchall()


def holds_source(conn: sqlite3.Connection, source: str) -> bool:
    """Whether the store holds a document read from ``source``."""
    return conn.execute("SELECT 1 FROM documents WHERE source = ? LIMIT 1", (source,)).fetchone() is not None
