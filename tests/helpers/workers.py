"""Stand-in extractions for worker-pool tests (module-level, so a spawned worker can unpickle
them) and a snapshot of a database that leaves out what depends on the order of storing."""

from __future__ import annotations

import os
import sqlite3

from extractor.models import Extraction
from extractor.parse import Loaded
from helpers.store import fake_extract_loaded

CRASH = "CRASH"  # a document whose text holds this ends the process that reads it


def crash_or_fake(loaded: Loaded) -> Extraction:
    """``fake_extract_loaded``, except that a document saying CRASH ends its process at once,
    as a segfault or the out-of-memory killer would."""
    if CRASH in loaded.text:
        os._exit(3)
    return fake_extract_loaded(loaded)


ORDER_DEPENDENT = frozenset({"ingested_at"})  # the time of storing; row ids are left out too


def stored_records(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """Every row of every ordinary table, without row ids, references to row ids or ingest
    times, sorted: two batches that stored the same records in different orders compare equal."""
    tables = [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
        "AND name NOT LIKE '%fts%' AND name NOT LIKE 'sqlite_%'")]
    return {table: sorted(repr(tuple(row)) for row in _rows(conn, table)) for table in tables}


def _rows(conn: sqlite3.Connection, table: str) -> list[tuple[object, ...]]:
    columns = [(name, kind.upper()) for _, name, kind, *_ in conn.execute(f"PRAGMA table_info({table})")]
    kept = [name for name, kind in columns if name not in ORDER_DEPENDENT
            and not (kind == "INTEGER" and (name in ("id", "pk") or name.endswith("_id")))]
    return conn.execute(f"SELECT {', '.join(kept)} FROM {table}").fetchall()
