"""The web app's handle on the database: read-only connections per thread, every read time-limited."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from extractor.errors import StoreError
from extractor.settings import resolve
from extractor.store import connect, time_limit
from extractor.store.readers import database_file, open_reader

R = TypeVar("R")


class Database:
    """Opens the database once to migrate it, then one read-only connection per worker thread."""

    def __init__(self, path: str | Path | None, *, time_limit_ms: int | None = None) -> None:
        first = connect(path)  # creates and migrates, so readers never write
        self.path = database_file(first) or Path(str(path))
        first.close()
        self.time_limit_ms = int(time_limit_ms or resolve("query_time_limit_ms"))
        self._local = threading.local()

    def reader(self) -> sqlite3.Connection:
        """This thread's connection, refusing writes at the SQLite level (``query_only``)."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = open_reader(self.path)
            self._local.conn = conn
        return conn

    def read(self, work: Callable[..., R], *args: object, **kwargs: object) -> R:
        """Run a library query on this thread's connection under the query time limit; SQLite's own
        failures (a damaged or replaced file, a lock held too long) become the coded ``StoreError``."""
        conn = self.reader()
        try:
            with time_limit(conn, self.time_limit_ms):
                return work(conn, *args, **kwargs)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot read the database: {exc}",
                             hint="Check the file given to --db is this tool's database and readable.") from exc

    def write(self, work: Callable[..., R], *args: object, **kwargs: object) -> R:
        """Run a library write on a fresh read-write connection (only the token-guarded ingest does)."""
        conn = connect(self.path)
        try:
            return work(conn, *args, **kwargs)
        finally:
            conn.close()
