"""Ingesting folders: same rows on a second run, bad files reported, re-extraction, killed runs."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from extractor.pipeline.batch import ingest_paths, reextract
from extractor.registry.bundle import bundled
from extractor.store import connect, query_observations
from helpers.store import HA_NOI, NGHE_AN, NGHE_AN_EN, doc_text, fake_extract_loaded, snapshot

TESTS = Path(__file__).parent


def corpus(folder: Path) -> Path:
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(doc_text(NGHE_AN, HA_NOI), encoding="utf-8")
    (folder / "sub" / "b.txt").write_text(doc_text(NGHE_AN_EN), encoding="utf-8")
    (folder / "notes.md").write_text("not ingested", encoding="utf-8")
    return folder


def test_ingesting_a_folder_twice_leaves_the_same_rows(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in")
    conn = connect(tmp_path / "t.sqlite")
    first = ingest_paths(conn, [folder], registry=bundled(), extract=fake_extract_loaded)
    assert first.counts()["new"] == 2 and not first.failures
    before = snapshot(conn)
    second = ingest_paths(conn, [folder], registry=bundled(), extract=fake_extract_loaded)
    assert second.counts()["unchanged"] == 2
    assert snapshot(conn) == before


def test_an_edited_file_replaces_its_document(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in")
    conn = connect(tmp_path / "t.sqlite")
    ingest_paths(conn, [folder], registry=bundled(), extract=fake_extract_loaded)
    (folder / "a.txt").write_text(doc_text(HA_NOI), encoding="utf-8")
    report = ingest_paths(conn, [folder], registry=bundled(), extract=fake_extract_loaded)
    counts = report.counts()
    assert (counts["new"], counts["unchanged"], counts["replaced"], counts["failed"]) == (0, 1, 1, 0)
    assert query_observations(conn).total == 2


def test_bad_files_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "zz_crash.txt").write_text("FAIL here", encoding="utf-8")
    conn = connect(tmp_path / "t.sqlite")
    report = ingest_paths(conn, [folder, tmp_path / "missing.txt"], registry=bundled(), extract=fake_extract_loaded)
    reasons = {Path(o.path).name: o.reason for o in report.failures}
    assert set(reasons) == {"image.txt", "empty.txt", "zz_crash.txt", "missing.txt"}
    assert "binary" in reasons["image.txt"] and "empty" in reasons["empty.txt"]
    assert "no such file" in reasons["missing.txt"] and "ValueError" in reasons["zz_crash.txt"]
    assert report.counts()["new"] == 2


def test_reextract_rebuilds_records_from_raw_bytes(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in")
    conn = connect(tmp_path / "t.sqlite")
    ingest_paths(conn, [folder], registry=bundled(), extract=fake_extract_loaded)
    for path in folder.rglob("*.txt"):
        path.unlink()  # offline: only the stored bytes remain
    conn.execute("DELETE FROM observation_rows")  # as if the old rules had found nothing
    report = reextract(conn, registry=bundled(), extract=fake_extract_loaded)
    assert report.counts()["reextracted"] == 2
    assert query_observations(conn).total == 3


def test_failed_reextraction_keeps_the_old_records(tmp_path: Path) -> None:
    conn = connect(tmp_path / "t.sqlite")
    ingest_paths(conn, [corpus(tmp_path / "in")], registry=bundled(), extract=fake_extract_loaded)

    def broken(loaded: object) -> None:
        raise RuntimeError("new rules crash")

    report = reextract(conn, registry=bundled(), extract=broken)  # type: ignore[arg-type]
    assert report.counts()["failed"] == 2
    assert query_observations(conn).total == 3


WRITER = """
import itertools, sys
sys.path.insert(0, {tests!r})
from extractor.store import connect, save_extraction
from helpers.store import Fact, make_extraction

import time
from extractor.store import write

conn = connect({db!r})
original_sync = write.sync_fts
state = {{"i": 0}}


def sync_then_maybe_stall(conn, doc_id):
    # Inside the write transaction: old rows deleted, new rows inserted, nothing committed yet.
    original_sync(conn, doc_id)
    if {stall} and state["i"] >= 12:
        print("inside", flush=True)
        time.sleep(30)


write.sync_fts = sync_then_maybe_stall
for i in itertools.count():
    state["i"] = i
    facts = [Fact(f"Kỳ {{i}}: dư nợ đạt {{i * 100 + j}} tỷ đồng.", f"{{i * 100 + j}} tỷ đồng", f"Tỉnh {{j % 63}}",
                  "outstanding_loans", str((i * 100 + j) * 10**9)) for j in range(100)]
    # Sources repeat, so later documents replace earlier ones (the delete path runs too).
    extraction, raw = make_extraction(*facts, source=f"src{{i % 7}}")
    save_extraction(conn, extraction, raw=raw)
    print(i, flush=True)
"""


@pytest.mark.parametrize("stall", [False, True], ids=["anywhere", "inside-a-transaction"])
def test_killed_ingest_leaves_a_sound_database(tmp_path: Path, stall: bool) -> None:
    db = tmp_path / "killed.sqlite"
    script = tmp_path / "writer.py"
    script.write_text(textwrap.dedent(WRITER.format(tests=str(TESTS), db=str(db), stall=stall)), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(TESTS.parent)})
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.strip() == "inside" or (not stall and int(line) >= 12):
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.execute("INSERT INTO sentences_fts(sentences_fts) VALUES ('integrity-check')")
    conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")
    # The external-content index matches the table (3.40's integrity-check does not compare them).
    conn.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, sentences_fts, row)")
    indexed = conn.execute("SELECT doc FROM temp.vocab WHERE term = 'ky'").fetchone()[0]
    assert indexed == conn.execute("SELECT count(*) FROM sentences").fetchone()[0] == 700
    # Every stored document is whole: its 100 observations, and one document per source.
    counts = conn.execute("SELECT count(*) FROM observations GROUP BY document_id").fetchall()
    assert counts and {c[0] for c in counts} == {100}
    assert conn.execute("SELECT count(*), count(DISTINCT source) FROM documents").fetchone() == (7, 7)
    if stall:  # the replacement of src5 (document 12) never committed: document 5 is still there, whole
        text = conn.execute("SELECT text FROM documents WHERE source = 'src5'").fetchone()[0]
        assert "Kỳ 5:" in text and "Kỳ 12:" not in text


def test_republished_copies_are_linked_and_counted_once(tmp_path: Path) -> None:
    from extractor.store import province_table

    folder = tmp_path / "in"
    folder.mkdir()
    body = doc_text(NGHE_AN, HA_NOI, title="Nghệ An: 10 năm thực hiện Chỉ thị 40-CT/TW về tín dụng chính sách xã hội")
    # Same day (no date): the fuller text is the original (extractor.store.copies), whatever the order.
    (folder / "a_original.txt").write_text(body + "Minh Đức - Báo Nghệ An\n", encoding="utf-8")
    (folder / "b_copy.txt").write_text("(Theo Báo Nghệ An)\n" + body, encoding="utf-8")
    (folder / "c_other.txt").write_text(doc_text(NGHE_AN_EN), encoding="utf-8")
    conn = connect(tmp_path / "t.sqlite")
    report = ingest_paths(conn, [folder], registry=bundled(), extract=fake_extract_loaded)
    ids = {Path(o.path).name: o.document_id for o in report.outcomes}
    assert [(c, o) for c, o, _ in report.copies] == [(ids["b_copy.txt"], ids["a_original.txt"])]
    cell = next(c for c in province_table(conn) if c.indicator == "outstanding_loans")
    assert cell.sources == 2  # the original and the English article; the copy counts once
    again = ingest_paths(conn, [folder], registry=bundled(), extract=fake_extract_loaded)
    assert again.copies == [] and conn.execute("SELECT count(*) FROM doc_copies").fetchone()[0] == 1
    assert reextract(conn, registry=bundled(), extract=fake_extract_loaded).counts()["reextracted"] == 3
    assert conn.execute("SELECT count(*) FROM doc_copies").fetchone()[0] == 1  # links survive re-extraction
    assert conn.execute("SELECT count(*) FROM doc_prints").fetchone()[0] == 3  # every document fingerprinted
