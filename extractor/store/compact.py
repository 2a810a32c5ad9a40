"""Giving back the space a database no longer uses: reasons no observation names, then the file's
free pages (``VACUUM``).

SQLite keeps a file's size when rows go (a re-extraction replaces a document's rows; the v9 and
v10 migrations rewrote most of a database): the freed pages are reused by later writes, never
returned. ``extractor compact`` returns them, on the user's word, since VACUUM rewrites the
whole file (it needs as much free disk again and holds the database while it runs).
"""

from __future__ import annotations

import sqlite3

from extractor.models import Record
from extractor.store.db import transaction
from extractor.store.reasons import prune


class Compacted(Record):
    """What ``compact`` did: reasons removed, and the database's size before and after (bytes
    of its pages, the write-ahead log aside)."""

    reasons_removed: int
    bytes_before: int
    bytes_after: int


def database_bytes(conn: sqlite3.Connection) -> int:
    """The size of the database's pages in bytes (what its file holds once checkpointed)."""
    pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    return pages * int(conn.execute("PRAGMA page_size").fetchone()[0])


def compact(conn: sqlite3.Connection) -> Compacted:
    """Remove unused reasons, rewrite the file without its free pages and empty the write-ahead
    log. ``conn`` must not be inside a transaction (VACUUM cannot run in one)."""
    before = database_bytes(conn)
    with transaction(conn):
        removed = prune(conn)
    conn.execute("VACUUM")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return Compacted(reasons_removed=removed, bytes_before=before, bytes_after=database_bytes(conn))
