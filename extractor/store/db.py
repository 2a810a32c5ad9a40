"""Opening the database: WAL, foreign keys, migrations, transactions, a time limit for reads."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from extractor.errors import StoreError
from extractor.settings import db_path
from extractor.store.cells import refresh_cells
from extractor.store.schema import MIGRATIONS, SCHEMA_VERSION


class QueryTimeout(StoreError):
    """A read query ran past its time limit."""

    code = "E007"
    hint = "Narrow the query (add a province, indicator or date filter) or ask for fewer rows."


def connect(path: str | Path | None = None, *, migrate_to: int | None = SCHEMA_VERSION) -> sqlite3.Connection:
    """Open (creating if needed) the database at ``path`` (``--db``/``$VBSP_DB``/default), migrated."""
    target = db_path(path)
    if str(target) != ":memory:" and not target.parent.exists():
        raise StoreError(f"cannot create {target}: folder {target.parent} does not exist",
                         hint="Create the folder or pass --db with a path in an existing folder.")
    try:
        conn = _open(target)
        if migrate_to is not None:
            migrate(conn, target=migrate_to)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot open {target}: {exc}",
                         hint="Check the file is an SQLite database made by this tool, or pass another --db.") from exc
    return conn


def _open(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode (we BEGIN ourselves) with WAL and foreign keys on."""
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA busy_timeout = 10000")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: durable against process kills
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA cache_size = -65536")  # 64 MB: the hot indexes of a million rows stay in memory
    return conn


def schema_version(conn: sqlite3.Connection) -> int:
    """The number of migrations applied to this database."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, *, target: int = SCHEMA_VERSION) -> int:
    """Apply the migrations between the database's version and ``target``, each in one transaction.

    The version is read again inside each transaction: another process opening the same new
    database at the same moment may have applied the step already (it is then skipped).
    """
    current = schema_version(conn)
    if current > SCHEMA_VERSION:
        raise StoreError(f"database schema v{current} is newer than this program's v{SCHEMA_VERSION}",
                         hint="Upgrade vbsp-extractor, or pass --db with another file.")
    for version in range(current, target):
        with transaction(conn):
            if schema_version(conn) > version:
                continue
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            if version + 1 == SCHEMA_VERSION:
                _refill_kept(conn)
    return schema_version(conn)


def _refill_kept(conn: sqlite3.Connection) -> None:
    """Refill the tables derived from observations (inside the last migration's transaction)."""

    refresh_cells(conn)


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction (BEGIN IMMEDIATE … COMMIT), rolled back whole on any error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


@contextmanager
def time_limit(conn: sqlite3.Connection, milliseconds: int) -> Iterator[None]:
    """Stop any query on ``conn`` that runs longer than ``milliseconds`` (raises QueryTimeout)."""
    deadline = time.monotonic() + milliseconds / 1000
    conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
    try:
        yield
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            raise QueryTimeout(f"query stopped after {milliseconds} ms") from exc
        raise
    finally:
        conn.set_progress_handler(None, 0)
