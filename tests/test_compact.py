"""Space given back: the reasons re-extracted observations no longer name are removed, and
``extractor compact`` rewrites the file without its free pages, every record read back intact."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from extractor.cli import app
from extractor.models import Extraction
from extractor.parse import Loaded
from extractor.pipeline.batch import ingest_paths, reextract
from extractor.registry.bundle import bundled
from extractor.store import connect, query_observations, transaction
from extractor.store.compact import compact, database_bytes
from extractor.store.write import delete_document
from helpers.store import HA_NOI, NGHE_AN, NGHE_AN_EN, doc_text, fake_extract_loaded


def folder_of(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(doc_text(NGHE_AN, HA_NOI), encoding="utf-8")
    (folder / "b.txt").write_text(doc_text(NGHE_AN_EN), encoding="utf-8")
    return folder


def reworded(loaded: Loaded) -> Extraction:
    """The fake extraction with new words for every observation's province, as improved rules
    would quote other words (each document's own, as a quote of its text is)."""
    extraction = fake_extract_loaded(loaded)
    words = f"named as {{!r}} in {Path(loaded.source).name}, anew"
    observations = tuple(o.model_copy(update={"why": {"province": words.format(o.province)}})
                         for o in extraction.observations)
    return extraction.model_copy(update={"observations": observations})


def reasons(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT words FROM reasons WHERE kind = 'why'")}


def test_reextraction_removes_the_reasons_no_observation_names(tmp_path: Path) -> None:
    conn = connect(tmp_path / "t.sqlite")
    ingest_paths(conn, [folder_of(tmp_path)], registry=bundled(), extract=reworded)
    reextract(conn, registry=bundled(), extract=fake_extract_loaded)
    assert not any(words.endswith("anew") for words in reasons(conn))
    kept = query_observations(conn).items
    assert kept and all(o.rules == {"indicator": "fake", "province": "fake"} for o in kept)


def test_compact_shrinks_the_file_and_keeps_every_record(tmp_path: Path) -> None:
    conn = connect(tmp_path / "t.sqlite")
    bulk = tmp_path / "bulk"
    bulk.mkdir()
    for n in range(30):
        (bulk / f"{n}.txt").write_text(doc_text(NGHE_AN, HA_NOI) + f"\n\nBản tin số {n}." + " Lời bình." * 400,
                                       encoding="utf-8")
    ingest_paths(conn, [bulk, folder_of(tmp_path)], registry=bundled(), extract=reworded)
    gone = [row[0] for row in conn.execute("SELECT id FROM documents WHERE source LIKE ?", (f"%{bulk.name}%",))]
    assert len(gone) == 30
    with transaction(conn):
        for doc_id in gone:
            delete_document(conn, doc_id)
    kept = query_observations(conn).items
    done = compact(conn)
    assert done.reasons_removed > 0 and done.bytes_after < done.bytes_before
    assert database_bytes(conn) == done.bytes_after
    assert query_observations(conn).items == kept
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_the_compact_command_says_what_it_gave_back(tmp_path: Path) -> None:
    db = tmp_path / "t.sqlite"
    ingest_paths(connect(db), [folder_of(tmp_path)], registry=bundled(), extract=reworded)
    result = CliRunner().invoke(app, ["compact", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "removed 0 unused reasons; database" in result.output and "MB ->" in result.output
