"""Linking near-duplicate documents (republished articles) so their figures count as one source.

The links are a function of the stored documents alone, never of the order or the runs that
brought them in. A document's near-duplicates are the stored documents whose MinHash similarity
(``extractor.store.dedupe``) reaches ``dedupe.THRESHOLD``; among a document and its
near-duplicates the original is the one that ranks first:

1. the one published first (a document without a date ranks after every dated one);
2. on the same day, the one with more words: the fuller text holds what a copy kept and what it
   cut (a republished story often loses its standfirst or captions and gains only a credit line,
   "(Theo Báo Ninh Bình)"), so it is the one to cite;
3. then the smaller document id (the hash of its bytes): arbitrary, but the same in every run.

A document whose original is another document is recorded as its copy (one ``doc_copies`` row),
and the province table, source counts and conflicts count the two as one source. Near-duplication
is not transitive (A ~ B and B ~ C without A ~ C), so a link is one hop: from a copy to the first
of its own near-duplicates.

A document's fingerprint and LSH band keys are kept when it is stored (``doc_prints``,
``doc_bands``), and in the same transaction the links of the document, of its near-duplicates and
of the copies of the documents it replaces are settled (``link_document``). SQLite runs one write
transaction at a time, so a kill loses a whole document or nothing, and two ingests at once end
where one would. Documents kept without a fingerprint (by an older version, or ``bulk_save``) are
linked when a batch starts (``link_copies``); ``repair_copies`` settles every document again,
whatever links were recorded before (``reextract`` ends with it).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from extractor.store.blobs import raw_sha256
from extractor.store.cells import document_keys, refresh_cells
from extractor.store.db import transaction

# ``dedupe`` is imported by the functions that fingerprint: it loads numpy, which a query command
# importing the store should not wait for.
if TYPE_CHECKING:
    from extractor.store.dedupe import Fingerprint
    from extractor.store.prepared import TextPrint

Link = tuple[str, str, float]  # (copy, original, similarity)
Rank = tuple[bool, str, int, str]  # (undated, published, -words, id): the smallest is the original
REPAIR_CHUNK = 500  # documents settled per transaction by ``repair_copies``, so other writers get turns


@dataclass(frozen=True)
class Settled:
    """What settling did: the links recorded anew, and every document whose original changed."""

    links: tuple[Link, ...] = ()
    changed: tuple[str, ...] = ()

    def __add__(self, other: Settled) -> Settled:
        return Settled(self.links + other.links, self.changed + other.changed)


def link_document(conn: sqlite3.Connection, doc_id: str, *, orphans: Iterable[str] = (),
                  prepared: TextPrint | None = None) -> Settled:
    """Fingerprint a document just stored and link it, inside the caller's transaction: to the
    first of its near-duplicates, each near-duplicate to it when it ranks before that one's
    original, and ``orphans`` (copies whose original was just deleted) afresh. ``prepared``: its
    fingerprint worked out before (``store.prepared``, for the text stored)."""
    keep_print(conn, doc_id, prepared=prepared)
    near = near_duplicates(conn, doc_id)
    held = _originals(conn, near)
    ranks = _ranks(conn, [doc_id, *near, *held.values()])
    wanted = {doc_id: _first(doc_id, near, ranks)}
    for other, similarity in near.items():
        current = held.get(other, other)
        if current not in ranks:  # linked to a document without a fingerprint: worked out afresh
            wanted[other] = original_of(conn, other)
        elif ranks[doc_id] < ranks[current]:
            wanted[other] = (other, doc_id, similarity)
    return _record(conn, wanted) + settle(conn, orphans)


def copies_of_any(conn: sqlite3.Connection, doc_ids: Iterable[str]) -> list[str]:
    """The documents recorded as copies of any of ``doc_ids`` (their links go when those are deleted)."""
    return [row[0] for doc_id in doc_ids
            for row in conn.execute("SELECT doc_id FROM doc_copies WHERE copy_of_doc_id = ?", (doc_id,))]


def links_of(conn: sqlite3.Connection, doc_ids: Iterable[str]) -> list[Link]:
    """The links now recorded from ``doc_ids`` (one link may have replaced another while a batch ran)."""
    return [tuple(row) for doc_id in dict.fromkeys(doc_ids) for row in conn.execute(
        "SELECT doc_id, copy_of_doc_id, similarity FROM doc_copies WHERE doc_id = ?", (doc_id,))]


def keep_print(conn: sqlite3.Connection, doc_id: str, *, prepared: TextPrint | None = None) -> bool:
    """Keep a stored document's fingerprint, word count and band keys (``prepared``'s when it
    was prepared from the text stored); False when it is not stored."""
    row = conn.execute("SELECT pk, text FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        return False
    doc, text = row
    if prepared is None or prepared.text_sha256 != raw_sha256(text.encode("utf-8")):
        from extractor.store.prepared import print_of

        prepared = print_of(text)
    conn.execute("INSERT OR REPLACE INTO doc_prints(doc, fingerprint, words) VALUES (?, ?, ?)",
                 (doc, prepared.fingerprint, prepared.words))
    conn.execute("DELETE FROM doc_bands WHERE doc = ?", (doc,))
    conn.executemany("INSERT OR IGNORE INTO doc_bands(band, key, doc) VALUES (?, ?, ?)",
                     [(band, key, doc) for band, key in prepared.bands])
    return True


def _print(conn: sqlite3.Connection, doc_id: str) -> Fingerprint | None:
    """A document's kept fingerprint (None when it has none yet)."""
    from extractor.store import dedupe

    row = conn.execute("SELECT p.fingerprint FROM documents d JOIN doc_prints p ON p.doc = d.pk WHERE d.id = ?",
                       (doc_id,)).fetchone()
    return None if row is None else dedupe.from_bytes(row[0])


def near_duplicates(conn: sqlite3.Connection, doc_id: str) -> dict[str, float]:
    """The other stored documents similar enough to ``doc_id`` to tell one story, with their similarity."""
    from extractor.store import dedupe

    fp = _print(conn, doc_id)
    if fp is None:
        return {}
    found: dict[str, float] = {}
    for band, key in dedupe.band_keys(fp):
        for other, blob in conn.execute(
                "SELECT d.id, p.fingerprint FROM doc_bands b JOIN doc_prints p ON p.doc = b.doc "
                "JOIN documents d ON d.pk = b.doc WHERE b.band = ? AND b.key = ? AND d.id != ?",
                (band, key, doc_id)):
            if other not in found:
                found[other] = dedupe.similar(fp, dedupe.from_bytes(blob))
    return {other: score for other, score in found.items() if score >= dedupe.THRESHOLD}


def _ranks(conn: sqlite3.Connection, doc_ids: Sequence[str]) -> dict[str, Rank]:
    """Each document's place in the order that picks the original (see the module docstring)."""
    marks = ", ".join("?" * len(doc_ids))
    rows = conn.execute(f"SELECT d.id, d.published, p.words FROM documents d JOIN doc_prints p ON p.doc = d.pk "
                        f"WHERE d.id IN ({marks})", tuple(doc_ids))
    return {doc_id: (published is None, published or "", -words, doc_id) for doc_id, published, words in rows}


def _originals(conn: sqlite3.Connection, doc_ids: Iterable[str]) -> dict[str, str]:
    """The original each of ``doc_ids`` is recorded as a copy of (those that are copies)."""
    return {doc_id: row[0] for doc_id in doc_ids
            for row in conn.execute("SELECT copy_of_doc_id FROM doc_copies WHERE doc_id = ?", (doc_id,))}


def _first(doc_id: str, near: dict[str, float], ranks: dict[str, Rank]) -> Link | None:
    """The link to the first-ranked of a document and its near-duplicates (None: itself)."""
    first = min([doc_id, *near], key=ranks.__getitem__)
    return None if first == doc_id else (doc_id, first, near[first])


def original_of(conn: sqlite3.Connection, doc_id: str) -> Link | None:
    """The link the stored documents give ``doc_id`` (None when it is its own original)."""
    near = near_duplicates(conn, doc_id)
    return _first(doc_id, near, _ranks(conn, [doc_id, *near])) if near else None


def _record(conn: sqlite3.Connection, wanted: dict[str, Link | None]) -> Settled:
    """Record each document's wanted link in place of what it holds (in the caller's transaction)."""
    links: list[Link] = []
    changed: list[str] = []
    for doc_id, link in wanted.items():
        held = [tuple(r) for r in conn.execute(
            "SELECT doc_id, copy_of_doc_id, similarity FROM doc_copies WHERE doc_id = ?", (doc_id,))]
        if held == ([link] if link else []):
            continue
        conn.execute("DELETE FROM doc_copies WHERE doc_id = ?", (doc_id,))
        if link:
            conn.execute("INSERT INTO doc_copies(doc_id, copy_of_doc_id, similarity) VALUES (?, ?, ?)", link)
            links.append(link)
        changed.append(doc_id)
    return Settled(tuple(links), tuple(changed))


def settle(conn: sqlite3.Connection, doc_ids: Iterable[str]) -> Settled:
    """Record for ``doc_ids`` the links the stored documents give them, worked out afresh (in the
    caller's transaction); a document without a fingerprint gets one, one no longer stored is passed."""
    stored = [d for d in dict.fromkeys(doc_ids) if _print(conn, d) is not None or keep_print(conn, d)]
    return _record(conn, {doc_id: original_of(conn, doc_id) for doc_id in stored})


def _recount(conn: sqlite3.Connection, settled: Settled) -> list[Link]:
    """Refresh the table cells of the documents whose original changed; the links recorded."""
    refresh_cells(conn, document_keys(conn, settled.changed))
    return list(settled.links)


def link_copies(conn: sqlite3.Connection) -> list[Link]:
    """Link every stored document that has no fingerprint yet, each in its own transaction (what
    every batch starts with); returns the links recorded."""
    links: list[Link] = []
    unprinted = [row[0] for row in conn.execute(
        "SELECT d.id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM doc_prints p WHERE p.doc = d.pk) "
        "ORDER BY d.id")]
    for doc_id in unprinted:
        with transaction(conn):
            if _print(conn, doc_id) is None:  # another ingest may have linked it meanwhile
                links += _recount(conn, link_document(conn, doc_id))
    return links


def repair_copies(conn: sqlite3.Connection) -> list[Link]:
    """Settle every stored document's link again, whatever was recorded before (idempotent);
    returns the links recorded anew."""
    links = link_copies(conn)
    doc_ids = [row[0] for row in conn.execute("SELECT id FROM documents ORDER BY id")]
    for start in range(0, len(doc_ids), REPAIR_CHUNK):
        with transaction(conn):
            links += _recount(conn, settle(conn, doc_ids[start : start + REPAIR_CHUNK]))
    return links
