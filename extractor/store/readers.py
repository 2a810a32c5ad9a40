"""Read-only access for a server: which file a database is, and connections that refuse writes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from extractor.store.db import connect


def database_file(conn: sqlite3.Connection) -> Path | None:
    """The file a connection has open (None for an in-memory database)."""
    name = conn.execute("PRAGMA database_list").fetchone()["file"]
    return Path(name) if name else None


def open_reader(path: str | Path) -> sqlite3.Connection:
    """A connection to an already migrated database that refuses writes at the SQLite level (``query_only``)."""
    conn = connect(path, migrate_to=None)
    conn.execute("PRAGMA query_only = ON")
    return conn
