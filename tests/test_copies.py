"""Near-duplicate links are made as each document is stored and depend on the documents alone:
any ingest order, a replaced original, a database from before v8 and empty texts (issue 17)."""

from __future__ import annotations

import datetime as dt
import itertools
import random
import sqlite3
from pathlib import Path

import pytest

from extractor.models import Extraction
from extractor.pipeline.batch import run_batch
from extractor.registry.bundle import bundled
from extractor.store import connect, province_table, save_extraction
from extractor.store import write as store_write
from extractor.store.cells import refresh_cells
from extractor.store.copies import repair_copies
from extractor.store.write import with_document_id
from helpers.legacy_store import insert_v9
from helpers.store import (
    HA_NOI,
    NGHE_AN,
    NGHE_AN_EN,
    doc_text,
    fact_line,
    fake_extract,
    fake_extract_loaded,
    keep_raw_whole,
)

GOLD = Path(__file__).resolve().parents[1] / "corpus" / "gold"

TITLE = "Nghệ An: 10 năm thực hiện Chỉ thị 40-CT/TW về tín dụng chính sách xã hội"
LEAD = "Tín dụng chính sách tiếp tục là trụ cột giảm nghèo bền vững của tỉnh trong những năm qua.\n"
BODY = doc_text(NGHE_AN, HA_NOI, title=TITLE)
JULY_1, JULY_2 = dt.date(2024, 7, 1), dt.date(2024, 7, 2)

# (source, text, published): the original, a copy republished the next day with a credit line
# (longer, but later), a same-day copy that lost the standfirst (shorter), and another story.
STORIES = {
    "original": ("https://baonghean.vn/a", LEAD + BODY, JULY_1),
    "next_day": ("https://aggregator.vn/b", LEAD + BODY + "(Theo Báo Nghệ An, bài viết của phóng viên)\n", JULY_2),
    "same_day": ("https://portal.gov.vn/c", "(Theo Báo Nghệ An)\n" + BODY, JULY_1),
    "other": ("https://vietnamplus.vn/d", doc_text(NGHE_AN_EN), JULY_1),
}


def _extraction(name: str) -> tuple[Extraction, bytes]:
    """One of the stories as an extraction and the bytes it came from."""
    source, text, published = STORIES[name]
    return fake_extract(text, source=source, published=published), text.encode("utf-8")


def _store(conn: sqlite3.Connection, names: tuple[str, ...]) -> None:
    """Save the named stories in that order."""
    for name in names:
        extraction, raw = _extraction(name)
        save_extraction(conn, extraction, raw=raw)


def _links(conn: sqlite3.Connection) -> list[tuple[str, str, float]]:
    """Every link as (copy source, original source, similarity)."""
    return sorted(tuple(r) for r in conn.execute(
        "SELECT a.source, b.source, c.similarity FROM doc_copies c JOIN documents a ON a.id = c.doc_id "
        "JOIN documents b ON b.id = c.copy_of_doc_id"))


def _sources(conn: sqlite3.Connection) -> list[tuple[str, str, int]]:
    """Each table cell's source count."""
    return sorted((c.province, c.indicator, c.sources) for c in province_table(conn))


def _state(conn: sqlite3.Connection) -> tuple[list[tuple[str, str, float]], list[tuple[str, str, int]]]:
    """Links and source counts: what a clean run must agree with."""
    return _links(conn), _sources(conn)


def test_links_do_not_depend_on_the_order_documents_come_in() -> None:
    states = []
    for order in itertools.permutations(STORIES):
        conn = connect(":memory:")
        _store(conn, order)
        states.append(_state(conn))
    assert all(state == states[0] for state in states)
    original = STORIES["original"][0]
    assert [(copy, of) for copy, of, _ in states[0][0]] == sorted(
        (STORIES[name][0], original) for name in ("next_day", "same_day"))
    loans = [n for province, indicator, n in states[0][1] if (province, indicator) == ("Nghệ An", "outstanding_loans")]
    assert loans == [2]  # three tellings of one story count once, beside the English article


def test_a_replaced_original_frees_its_copies() -> None:
    conn = connect(":memory:")
    _store(conn, ("original", "same_day", "other"))
    assert _links(conn)
    rewritten = fake_extract(doc_text(HA_NOI, title="Một câu chuyện khác hẳn"), source=STORIES["original"][0],
                             published=JULY_1)
    assert save_extraction(conn, rewritten).status == "replaced"
    fresh = connect(":memory:")
    _store(fresh, ("same_day", "other"))
    save_extraction(fresh, rewritten)
    assert _state(conn) == _state(fresh) and _links(conn) == []


def test_a_database_from_before_v8_is_linked_by_the_next_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "v7.sqlite"
    old = connect(path, migrate_to=7)
    with monkeypatch.context() as patch:  # stored by the old code: raw bytes whole, no links or links by ingest order
        patch.setattr(store_write, "keep_raw", keep_raw_whole)
        for name in STORIES:
            extraction, raw = _extraction(name)
            insert_v9(old, with_document_id(extraction, name), raw)
    old.execute("INSERT INTO doc_copies(doc_id, copy_of_doc_id, similarity) VALUES ('original', 'next_day', 0.9)")
    old.close()
    conn = connect(path)
    columns = {r["name"] for r in conn.execute("PRAGMA table_info(documents)")}
    assert "fingerprint" not in columns and conn.execute("SELECT count(*) FROM doc_prints").fetchone()[0] == 0
    report = run_batch(conn, [], registry=bundled(), extract=fake_extract_loaded)
    assert conn.execute("SELECT count(*) FROM doc_prints").fetchone()[0] == len(STORIES)
    assert sorted((c, o) for c, o, _ in report.copies) == [("next_day", "original"), ("same_day", "original")]
    fresh = connect(":memory:")
    _store(fresh, tuple(STORIES))
    assert _state(conn) == _state(fresh)


@pytest.mark.parametrize("texts", [("", " \n"), ("…", "— —")])
def test_texts_without_words_are_fingerprinted_but_never_copies(texts: tuple[str, str]) -> None:
    conn = connect(":memory:")
    for i, text in enumerate(texts):
        save_extraction(conn, fake_extract(text, source=f"https://example.test/{i}"), raw=f"{i}{text}".encode())
    assert conn.execute("SELECT count(*) FROM doc_prints").fetchone()[0] == 2
    assert _links(conn) == [] and run_batch(conn, [], registry=bundled(), extract=fake_extract_loaded).copies == []


def _edited(rng: random.Random, stories: list[str]) -> str:
    """One of ``stories`` retold: maybe a line cut, maybe a credit line, one fact, one of three endings."""
    lines = rng.choice(stories).split("\n")
    if rng.random() < 0.5:
        del lines[rng.randrange(len(lines))]
    if rng.random() < 0.5:
        lines.insert(2, "(Theo Báo Tin tức)")
    return "\n".join([*lines, fact_line(rng.choice([NGHE_AN, HA_NOI, NGHE_AN_EN])), str(rng.randrange(3))])


@pytest.mark.parametrize("seed", range(8))
def test_links_kept_as_documents_come_and_go_are_those_worked_out_afresh(seed: int) -> None:
    rng = random.Random(seed)
    stories = [p.read_text(encoding="utf-8") for p in sorted(GOLD.glob("vi/*.txt"))[:4]]
    conn = connect(":memory:")
    for _ in range(30):  # a source stored again with other bytes replaces its document
        published = dt.date(2024, 7, rng.randint(1, 3)) if rng.random() < 0.8 else None
        save_extraction(conn, fake_extract(_edited(rng, stories), source=f"s{rng.randrange(20)}", published=published))
    links = _links(conn)
    kept = conn.execute("SELECT * FROM cells ORDER BY 1, 2, 3").fetchall()
    assert links and repair_copies(conn) == [] and _links(conn) == links
    refresh_cells(conn)
    assert [tuple(r) for r in conn.execute("SELECT * FROM cells ORDER BY 1, 2, 3")] == [tuple(r) for r in kept]
