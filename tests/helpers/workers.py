"""Stand-in extractions for worker-pool tests (module-level, so a spawned worker can unpickle
them) and a snapshot of a database that leaves out what depends on the order of storing."""

from __future__ import annotations

import os
import sqlite3

from extractor.models import Extraction
from extractor.parse import Loaded
from extractor.store import reasons
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
    rows = conn.execute(f"SELECT {', '.join(_by_value(name) for name in kept)} FROM {table}").fetchall()
    if "reasons" not in kept:
        return rows
    at = kept.index("reasons")
    known = reasons.lookup(conn, (row[at] for row in rows))
    return [(*row[:at], reasons.decode(row[at], known), *row[at + 1:]) for row in rows]


def _by_value(column: str) -> str:
    """A column as compared: a document's key (which depends on the order of storing, like row
    ids) as the document's id; an observation's reasons (ids, as well) are read back above."""
    return "(SELECT d.id FROM documents d WHERE d.pk = doc) AS doc" if column == "doc" else f'"{column}"'

