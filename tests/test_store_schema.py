"""Schema versions and migrations: from an empty file and from v1 with data in it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from extractor.errors import StoreError
from extractor.store import SCHEMA_VERSION, connect, schema_version, search
from extractor.store import db as db_module
from extractor.store.db import migrate
from extractor.store.write import with_document_id
from helpers.legacy_store import BEFORE_V7_OBSERVATION_COLS, insert_v9
from helpers.store import NGHE_AN, keep_raw_whole, make_extraction


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}


def test_empty_file_migrates_to_latest(tmp_path: Path) -> None:
    conn = connect(tmp_path / "t.sqlite")
    assert schema_version(conn) == SCHEMA_VERSION >= 2
    assert {"documents", "raw_blobs", "sentences", "figures", "dates", "legal_refs", "observations",
            "doc_copies", "sentences_fts", "documents_fts"} <= _tables(conn)


def test_wal_mode_and_foreign_keys(tmp_path: Path) -> None:
    conn = connect(tmp_path / "t.sqlite")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_v1_with_data_migrates_and_indexes_old_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from extractor.store import write

    # A v1 program wrote the observation columns v1 had: the ones before v7 added part_of, part, why.
    monkeypatch.setattr(write, "keep_raw", keep_raw_whole)
    path = tmp_path / "old.sqlite"
    conn = connect(path, migrate_to=1)
    assert schema_version(conn) == 1 and "sentences_fts" not in _tables(conn)
    extraction, raw = make_extraction(NGHE_AN)
    from extractor.store.write import document_id_for
    conn.execute("BEGIN")
    # v1 has no FTS or cell keys: insert only the plain tables, as a v1 program would have.
    ex = with_document_id(extraction, document_id_for(raw))
    conn.execute("CREATE TEMP TABLE cell_keys(province, indicator, boundaries)")
    insert_v9(conn, ex, raw, columns=BEFORE_V7_OBSERVATION_COLS)
    conn.execute("DROP TABLE temp.cell_keys")
    conn.execute("COMMIT")
    conn.close()
    monkeypatch.undo()
    conn = connect(path)
    assert schema_version(conn) == SCHEMA_VERSION
    assert conn.execute("SELECT count(*) FROM observations").fetchone()[0] == 1
    assert [h.document_id for h in search(conn, "du no").items] == [ex.document.id]
    assert conn.execute("SELECT count(*) FROM cell_keys").fetchone()[0] == 1


def test_migrating_twice_changes_nothing(tmp_path: Path) -> None:
    conn = connect(tmp_path / "t.sqlite")
    assert migrate(conn) == SCHEMA_VERSION


def test_a_step_another_process_applied_meanwhile_is_skipped(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Two processes open one new database at once and both read version 0; the other one
    migrates first. This one skips the steps already applied instead of failing on "table
    already exists"."""
    path = tmp_path / "x.db"
    connect(path).close()  # the other process, done
    late = connect(path, migrate_to=None)
    real, reads = db_module.schema_version, []

    def stale_first(conn: sqlite3.Connection) -> int:
        reads.append(conn)
        return 0 if len(reads) == 1 else real(conn)

    monkeypatch.setattr(db_module, "schema_version", stale_first)
    assert migrate(late) == SCHEMA_VERSION
    late.close()


def test_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    sqlite3.connect(path).execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer"):
        connect(path)


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        connect(tmp_path / "nope" / "t.sqlite")


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.sqlite"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        connect(path)


def test_time_limit_stops_a_runaway_query(tmp_path: Path) -> None:
    from extractor.store import QueryTimeout, time_limit

    conn = connect(tmp_path / "t.sqlite")
    endless = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
    with pytest.raises(QueryTimeout, match="stopped after 50 ms"), time_limit(conn, 50):
        conn.execute(endless).fetchone()
    assert conn.execute("SELECT 1").fetchone()[0] == 1  # the connection is still usable
