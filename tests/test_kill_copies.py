"""Near-duplicate links and source counts after a ``kill -9``, a rerun, two ingests at once and lost
links equal one clean run's (issue 17): real ``python -m extractor`` processes over a folder of
republished copies written here from the gold texts (``corpus/gold``) with small edits."""

from __future__ import annotations

import datetime as dt
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractor.store import connect
from extractor.store.cells import refresh_cells

pytestmark = pytest.mark.slow  # six real runs over some thirty documents: about 20 s in all

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "corpus" / "gold"
DATE = re.compile(r"\b(\d{1,2})([/-])(\d{1,2})\2(\d{4})\b")
CREDIT = "(Theo Báo Tin tức)"
SOURCE_LINE = "Nguồn: Cổng thông tin điện tử tỉnh"

State = tuple[list[tuple[str, str, float]], list[tuple[object, ...]]]


def _next_day(line: str) -> str:
    """A date line moved one day on (the first d/m/yyyy in it), written the same way."""
    def shift(m: re.Match[str]) -> str:
        day = dt.date(int(m[4]), int(m[3]), int(m[1])) + dt.timedelta(days=1)
        return f"{day.day:0{len(m[1])}d}{m[2]}{day.month:0{len(m[3])}d}{m[2]}{day.year}"
    return DATE.sub(shift, line, count=1)


def write_documents(folder: Path) -> list[Path]:
    """A quarter of the gold texts, each with a same-day copy (credit line, last paragraph cut)
    named to sort after it and most with a next-day copy (a source line added) sorting before it."""
    for i, path in enumerate(sorted(GOLD.glob("*/*.txt"))[::4]):
        text = path.read_text(encoding="utf-8")
        title, dateline, *rest = text.split("\n")
        body = [line for line in rest if line.strip()]
        (folder / f"m_{path.stem}.txt").write_text(text, encoding="utf-8")
        (folder / f"z_{path.stem}.txt").write_text("\n".join([title, dateline, CREDIT, *body[:-1]]) + "\n",
                                                   encoding="utf-8")
        if i % 4:
            (folder / f"a_{path.stem}.txt").write_text("\n".join([title, _next_day(dateline), *rest, SOURCE_LINE]),
                                                       encoding="utf-8")
    return sorted(folder.iterdir())


def extractor(*args: str | Path) -> subprocess.Popen[bytes]:
    """``python -m extractor …`` started in the repository."""
    return subprocess.Popen([sys.executable, "-m", "extractor", *map(str, args)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def finish(process: subprocess.Popen[bytes]) -> None:
    """Wait for a run that must succeed."""
    _, err = process.communicate(timeout=120)
    assert process.returncode == 0, err.decode()


def stored(db: Path) -> int:
    """Documents committed so far, read beside the writer (0 before the schema exists)."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def kill_when_stored(db: Path, folder: Path, at_least: int) -> int:
    """Start an ingest, ``kill -9`` it once ``at_least`` documents are committed; the count then."""
    process = extractor("ingest", folder, "--db", db)
    while stored(db) < at_least:
        assert process.poll() is None, "the ingest ended before it was killed"
        time.sleep(0.005)
    os.kill(process.pid, signal.SIGKILL)
    process.communicate()
    assert process.returncode == -signal.SIGKILL
    return stored(db)


def state(db: Path) -> State:
    """Every link as (copy file, original file, similarity) and every table cell with its source count."""
    conn = connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        links = sorted((Path(a).name, Path(b).name, s) for a, b, s in conn.execute(
            "SELECT a.source, b.source, c.similarity FROM doc_copies c JOIN documents a ON a.id = c.doc_id "
            "JOIN documents b ON b.id = c.copy_of_doc_id"))
        cells = sorted(tuple(r) for r in conn.execute(
            "SELECT province, indicator, boundaries, as_of, sources, conflict FROM cells"))
        return links, cells
    finally:
        conn.close()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The documents, originals and copies."""
    path = tmp_path_factory.mktemp("republished")
    write_documents(path)
    return path


@pytest.fixture(scope="module")
def clean(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, State]:
    """One uninterrupted ingest: its database and state."""
    db = tmp_path_factory.mktemp("clean") / "clean.sqlite"
    finish(extractor("ingest", folder, "--db", db))
    found = state(db)
    assert len(found[0]) >= 10  # most stories are told two or three times
    return db, found


def test_kill_9_and_rerun_give_the_clean_runs_links(folder: Path, clean: tuple[Path, State], tmp_path: Path) -> None:
    db, total = tmp_path / "killed.sqlite", len(list(folder.iterdir()))
    assert kill_when_stored(db, folder, total // 2) < total
    finish(extractor("ingest", folder, "--db", db))
    assert stored(db) == total
    assert state(db) == clean[1]


def test_two_ingests_at_once_give_the_clean_runs_links(folder: Path, clean: tuple[Path, State],
                                                      tmp_path: Path) -> None:
    db, files = tmp_path / "both.sqlite", sorted(folder.iterdir())
    connect(db).close()  # the schema made before the race (two first migrations at once are another matter)
    one = extractor("ingest", "--db", db, *files[::2])
    other = extractor("ingest", "--db", db, *reversed(files[1::2]))  # copies before their originals
    finish(one)
    finish(other)
    assert state(db) == clean[1]


def test_reextract_repairs_lost_links(clean: tuple[Path, State], tmp_path: Path) -> None:
    db = tmp_path / "lost.sqlite"
    source = sqlite3.connect(clean[0])
    with sqlite3.connect(db) as target:
        source.backup(target)
    source.close()
    conn = connect(db)
    conn.execute("DELETE FROM doc_copies")
    refresh_cells(conn)  # the table as the lost links leave it: copies counted as sources
    conn.close()
    assert state(db)[1] != clean[1][1]
    finish(extractor("reextract", "--db", db))
    assert state(db) == clean[1]
