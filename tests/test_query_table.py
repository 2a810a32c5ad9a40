"""Filtered queries, the province × indicator table, near-duplicate copies and conflicts."""

from __future__ import annotations

import datetime as dt
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from extractor.models import Extraction
from extractor.store import (
    ObservationFilter,
    conflicts,
    connect,
    mark_copy,
    province_table,
    query_observations,
    save_extraction,
)
from extractor.store.series import indicator_dates
from extractor.store.write import document_id_for
from helpers.store import Fact, make_extraction


def loans(value: str, date: str, province: str = "Nghệ An", note: str = "") -> Fact:
    return Fact(f"Dư nợ {note}đạt {value} đồng.", f"{value} đồng", province, "outstanding_loans", value, date=date)


def add(conn: sqlite3.Connection, *facts: Fact, source: str) -> str:
    extraction, raw = make_extraction(*facts, source=source)
    save_extraction(conn, extraction, raw=raw)
    return document_id_for(raw)


@pytest.fixture()
def conn(tmp_path: Path) -> sqlite3.Connection:
    return connect(tmp_path / "t.sqlite")


def test_filters_and_paging(conn: sqlite3.Connection) -> None:
    add(conn, loans("100", "2023-12-31"), loans("120", "2024-06-30"), loans("7", "2024-06-30", "Hà Tĩnh"), source="a")
    page = query_observations(conn, ObservationFilter(province="nghe an"), limit=1)
    assert page.total == 2 and [o.value for o in page.items] == [Decimal(120)]
    assert [o.value for o in query_observations(conn, ObservationFilter(province="Nghệ An"), offset=1).items] == [100]
    dated = ObservationFilter(date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 12, 31))
    assert sorted(o.value for o in query_observations(conn, dated).items) == [7, 120]
    assert query_observations(conn, ObservationFilter(boundaries="2025")).total == 0
    assert query_observations(conn, ObservationFilter(indicator="overdue_debt")).items == []


def test_table_gives_latest_value_and_counts_sources(conn: sqlite3.Connection) -> None:
    add(conn, loans("100", "2023-12-31"), loans("120", "2024-06-30"), source="a")
    add(conn, loans("120", "2024-06-30", note="vẫn "), source="b")
    cells = province_table(conn)
    assert [(c.province, c.indicator, c.value, c.as_of, c.sources, c.conflict) for c in cells] == [
        ("Nghệ An", "outstanding_loans", Decimal(120), dt.date(2024, 6, 30), 2, False)]


def test_near_duplicate_copies_count_once(conn: sqlite3.Connection) -> None:
    original = add(conn, loans("120", "2024-06-30"), source="a")
    copy = add(conn, loans("120", "2024-06-30", note="đã "), source="b")
    mark_copy(conn, copy, original, similarity=0.97)
    assert province_table(conn)[0].sources == 1


def test_table_prefers_the_value_most_sources_give(conn: sqlite3.Connection) -> None:
    add(conn, loans("120", "2024-06-30"), source="a")
    add(conn, loans("120", "2024-06-30", note="x "), source="b")
    add(conn, loans("121", "2024-06-30"), source="c")
    cell = province_table(conn)[0]
    assert (cell.value, cell.sources, cell.conflict) == (Decimal(120), 2, True)


def test_conflicts_pair_different_values_from_different_documents(conn: sqlite3.Connection) -> None:
    add(conn, loans("120", "2024-06-30"), loans("7", "2024-06-30", "Hà Tĩnh"), source="a")
    add(conn, loans("125", "2024-06-30"), loans("7", "2024-06-30", "Hà Tĩnh", note="y "), source="b")
    found = conflicts(conn).items
    assert len(found) == 1
    pair = found[0]
    assert (pair.province, pair.indicator, pair.as_of) == ("Nghệ An", "outstanding_loans", dt.date(2024, 6, 30))
    assert {pair.a.value, pair.b.value} == {Decimal(120), Decimal(125)}
    assert {pair.a.sentence, pair.b.sentence} == {"Dư nợ đạt 120 đồng.", "Dư nợ đạt 125 đồng."}


def test_one_document_disagreeing_with_itself_is_not_a_conflict(conn: sqlite3.Connection) -> None:
    add(conn, loans("120", "2024-06-30"), loans("125", "2024-06-30"), source="a")
    assert conflicts(conn).items == []


def test_copies_do_not_conflict_and_other_dates_do_not(conn: sqlite3.Connection) -> None:
    first = add(conn, loans("120", "2024-06-30"), source="a")
    second = add(conn, loans("125", "2024-06-30"), source="b")
    add(conn, loans("130", "2024-09-30"), source="c")
    mark_copy(conn, second, first, similarity=0.95)
    assert conflicts(conn).items == []


def test_approximate_values_do_not_conflict(conn: sqlite3.Connection) -> None:
    add(conn, loans("120", "2024-06-30"), source="a")
    approx = Fact("Dư nợ hơn 100 đồng.", "100 đồng", "Nghệ An", "outstanding_loans", "100", qualifier="more_than")
    add(conn, approx, source="b")
    assert conflicts(conn).items == []


def test_table_as_of_a_date(conn: sqlite3.Connection) -> None:
    add(conn, loans("100", "2023-12-31"), loans("120", "2024-06-30"), source="a")
    cells = province_table(conn, as_of=dt.date(2024, 1, 31))
    assert [(c.value, c.as_of) for c in cells] == [(Decimal(100), dt.date(2023, 12, 31))]
    assert province_table(conn, as_of=dt.date(2020, 1, 1)) == []


def test_document_page_and_disagreeing_sources(conn: sqlite3.Connection) -> None:
    from extractor.store.documents import disagreeing, get_document

    first = add(conn, loans("120", "2024-06-30"), source="a")
    second = add(conn, loans("125", "2024-06-30"), source="b")
    stored = get_document(conn, first)
    assert stored is not None and stored.document.source == "a"
    assert [f.value for f in stored.figures] == [Decimal(120)] and len(stored.observations) == 1
    figure = stored.figures[0]
    assert stored.document.text[figure.start:figure.end] == figure.text
    others = disagreeing(conn, stored.observations[0].id or 0)
    assert [(o.document_id, o.value) for o in others] == [(second, Decimal(125))]
    mark_copy(conn, second, first, similarity=0.9)
    assert disagreeing(conn, stored.observations[0].id or 0) == []
    assert [c.copy_of_doc_id for c in get_document(conn, second).copies] == [first]  # type: ignore[union-attr]
    assert get_document(conn, "nope") is None


def _live(conn: sqlite3.Connection) -> list[object]:
    return province_table(conn, as_of=dt.date.max)


def test_kept_table_follows_every_kind_of_write(conn: sqlite3.Connection) -> None:
    first = add(conn, loans("120", "2024-06-30"), loans("7", "2024-06-30", "Hà Tĩnh"), source="a")
    second = add(conn, loans("125", "2024-06-30"), source="b")
    assert province_table(conn) == _live(conn) and province_table(conn)[1].conflict
    mark_copy(conn, second, first, similarity=0.9)
    assert province_table(conn) == _live(conn)
    add(conn, loans("9", "2025-03-31", "Hà Tĩnh"), source="a")  # replaces the first document
    cells = province_table(conn)
    assert cells == _live(conn)
    assert [(c.province, c.value) for c in cells] == [("Hà Tĩnh", Decimal(9)), ("Nghệ An", Decimal(125))]


def test_conflicts_page_over_conflicting_dates(conn: sqlite3.Connection) -> None:
    dates = ("2023-12-31", "2024-06-30", "2024-12-31")
    add(conn, *(loans("100", d) for d in dates), source="a")
    add(conn, *(loans("101", d) for d in dates), source="b")
    page = conflicts(conn, limit=2)
    assert page.total == 3 and [str(c.as_of) for c in page.items] == ["2023-12-31", "2024-06-30"]
    assert [str(c.as_of) for c in conflicts(conn, limit=2, offset=2).items] == ["2024-12-31"]
    assert conflicts(conn, province="ha tinh").total == 0


def lent(value: str, start: str, end: str | None, source: str) -> Extraction:
    """A document giving lending over a period ("since 4/10/2002": no end) instead of at a date."""
    extraction, _ = make_extraction(Fact(f"Doanh số cho vay đạt {value} đồng.", f"{value} đồng", "Hà Giang",
                                         "lending_turnover", value), source=source)
    period = {"as_of": None, "period_start": dt.date.fromisoformat(start),
              "period_end": dt.date.fromisoformat(end) if end else None}
    return extraction.model_copy(update={"observations": tuple(
        o.model_copy(update=period) for o in extraction.observations)})


@pytest.mark.parametrize("end, date", [(None, "2002-10-04/.."), ("2024-12-31", "2002-10-04/2024-12-31")])
def test_a_cell_of_a_flow_carries_its_period_not_its_start_as_its_date(
        conn: sqlite3.Connection, end: str | None, date: str) -> None:
    extraction = lent("8150000000000", "2002-10-04", end, "a")
    save_extraction(conn, extraction, raw=extraction.document.text.encode())
    at = dt.date(2025, 1, 1)
    for cell in (province_table(conn)[0], province_table(conn, as_of=at)[0]):  # kept table, and computed
        assert (cell.period_start, cell.period_end) == (dt.date(2002, 10, 4), end and dt.date.fromisoformat(end))
        assert cell.date == date and cell.model_dump()["date"] == date


def test_a_cell_of_a_level_has_no_period(conn: sqlite3.Connection) -> None:
    add(conn, loans("120", "2024-06-30"), source="a")
    cell = province_table(conn)[0]
    assert (cell.period_start, cell.period_end, cell.date) == (None, None, "2024-06-30")


def test_one_documents_vague_and_exact_figures_are_no_conflict_of_its_cell(conn: sqlite3.Connection) -> None:
    vague = Fact("Hơn 120 tỷ đồng dư nợ.", "120 tỷ đồng", "Nghệ An", "outstanding_loans", "120000000000",
                 qualifier="more_than")
    add(conn, vague, loans("120400000000", "2024-06-30"), source="a")
    assert province_table(conn)[0].conflict is False and conflicts(conn).items == []
    add(conn, loans("125000000000", "2024-06-30"), source="b")  # another document, another exact value
    cell = province_table(conn)[0]
    assert cell.conflict is True and len(conflicts(conn).items) == 1
    assert province_table(conn, as_of=dt.date(2024, 12, 31))[0].conflict is True


def test_undated_values_are_never_in_conflict(conn: sqlite3.Connection) -> None:
    for value, source in (("52040", "a"), ("52000", "b")):  # "has so far reached …" in two articles
        extraction = lent(value, "2020-01-01", None, source)
        undated = tuple(o.model_copy(update={"period_start": None}) for o in extraction.observations)
        save_extraction(conn, extraction.model_copy(update={"observations": undated}),
                        raw=f"{extraction.document.text}{source}".encode())
    assert conflicts(conn).items == [] and province_table(conn) == []


def test_the_date_picker_offers_no_start_of_an_open_period(conn: sqlite3.Connection) -> None:
    for end, source in ((None, "a"), ("2024-12-31", "b")):
        extraction = lent("8150000000000", "2002-10-04", end, source)
        save_extraction(conn, extraction, raw=f"{extraction.document.text}{source}".encode())
    assert indicator_dates(conn, "lending_turnover") == [dt.date(2024, 12, 31)]
