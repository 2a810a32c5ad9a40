"""Linking near-duplicate documents (republished articles) so their figures count as one source.

Each document's MinHash fingerprint (``extractor.store.dedupe``) is kept in ``documents.fingerprint``;
a new document is compared with every stored one through an LSH index, and a near-duplicate is
recorded as a copy of the document ingested first (``doc_copies``), which the province table,
source counts and conflicts then treat as one source.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from extractor.store import dedupe
from extractor.store.db import transaction
from extractor.store.write import mark_copy


def _fingerprint(conn: sqlite3.Connection, doc_id: str) -> dedupe.Fingerprint | None:
    """A stored document's fingerprint, computed and kept on first use (None if it is gone)."""
    row = conn.execute("SELECT fingerprint, text FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    if row["fingerprint"] is not None:
        return dedupe.from_bytes(row["fingerprint"])
    fp = dedupe.fingerprint(row["text"])
    with transaction(conn):
        conn.execute("UPDATE documents SET fingerprint = ? WHERE id = ?", (dedupe.to_bytes(fp), doc_id))
    return fp


def _index(conn: sqlite3.Connection, *, threshold: float) -> tuple[dedupe.DuplicateIndex, dict[str, int]]:
    """An LSH index of every fingerprinted document, and each document's ingest order."""
    index, order = dedupe.DuplicateIndex(threshold=threshold), {}
    for pk, doc_id, blob in conn.execute(
            "SELECT pk, id, fingerprint FROM documents WHERE fingerprint IS NOT NULL ORDER BY pk"):
        index.add(doc_id, dedupe.from_bytes(blob))
        order[doc_id] = pk
    return index, order


def link_copies(
    conn: sqlite3.Connection, doc_ids: Iterable[str], *, threshold: float = dedupe.DEFAULT_THRESHOLD
) -> list[tuple[str, str, float]]:
    """Fingerprint ``doc_ids`` and link each to an earlier near-duplicate; returns (copy, original, similarity)."""
    wanted = [d for d in dict.fromkeys(doc_ids) if _fingerprint(conn, d) is not None]
    index, order = _index(conn, threshold=threshold)
    links = []
    for doc_id in wanted:
        fp = _fingerprint(conn, doc_id)
        earlier = [(other, sim) for other, sim in index.query(fp or ()) if order[other] < order[doc_id]]
        if earlier:
            original, similarity = min(earlier, key=lambda m: order[m[0]])
            mark_copy(conn, doc_id, original, similarity=similarity)
            links.append((doc_id, original, similarity))
    return links
