"""Rolling pre-2025 provinces up to 2025 ones: sums only when complete, rates never summed."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from extractor.store import connect, rolled_up_observations, save_extraction
from helpers.store import Fact, make_extraction

# Ninh Bình (2025) = Ninh Bình + Hà Nam + Nam Định (pre-2025); Nghệ An stayed whole.
MAPPING = {"Ninh Bình": "Ninh Bình", "Hà Nam": "Ninh Bình", "Nam Định": "Ninh Bình", "Nghệ An": "Nghệ An"}


def fact(province: str, indicator: str, value: str, unit: str = "VND", date: str = "2024-12-31") -> Fact:
    return Fact(f"{province}: {indicator} là {value}.", value, province, indicator, value, unit=unit, date=date)


@pytest.fixture()
def conn(tmp_path: Path) -> sqlite3.Connection:
    db = connect(tmp_path / "t.sqlite")
    facts = [
        fact("Ninh Bình", "outstanding_loans", "100"), fact("Hà Nam", "outstanding_loans", "200"),
        fact("Nam Định", "outstanding_loans", "300"),
        fact("Ninh Bình", "borrowers_outstanding", "10", "households"),
        fact("Hà Nam", "borrowers_outstanding", "20", "households"),  # Nam Định missing: no sum
        fact("Ninh Bình", "overdue_debt_rate", "0.1", "%"), fact("Hà Nam", "overdue_debt_rate", "0.2", "%"),
        fact("Nam Định", "overdue_debt_rate", "0.3", "%"),
        fact("Nghệ An", "overdue_debt_rate", "0.14", "%"),
        fact("Ninh Bình", "outstanding_loans", "1", date="2023-12-31"),  # other date, parts missing
    ]
    for i, f in enumerate(facts):
        extraction, raw = make_extraction(f, source=f"s{i}")
        save_extraction(db, extraction, raw=raw)
    return db


def test_money_summed_when_every_part_is_present(conn: sqlite3.Connection) -> None:
    rows = rolled_up_observations(conn, mapping=MAPPING, indicator="outstanding_loans")
    assert [(r.province, r.boundaries, r.value, str(r.as_of)) for r in rows] == [
        ("Ninh Bình", "2025", Decimal(600), "2024-12-31")]
    row = rows[0]
    assert row.rolled_up and len(row.parts) == 3
    assert row.rules["rollup"] == "sum of Hà Nam + Nam Định + Ninh Bình"


def test_count_with_a_missing_part_is_not_summed(conn: sqlite3.Connection) -> None:
    assert rolled_up_observations(conn, mapping=MAPPING, indicator="borrowers_outstanding") == []


def test_rates_are_never_summed_but_carry_over_for_an_unchanged_province(conn: sqlite3.Connection) -> None:
    rows = rolled_up_observations(conn, mapping=MAPPING, indicator="overdue_debt_rate")
    assert [(r.province, r.value, r.rules["rollup"]) for r in rows] == [
        ("Nghệ An", Decimal("0.14"), "same territory (one pre-2025 province)")]


def test_a_part_whose_sources_disagree_blocks_the_sum(conn: sqlite3.Connection) -> None:
    extraction, raw = make_extraction(fact("Hà Nam", "outstanding_loans", "250"), source="other")
    save_extraction(conn, extraction, raw=raw)
    assert rolled_up_observations(conn, mapping=MAPPING, indicator="outstanding_loans") == []


def test_filter_by_new_province(conn: sqlite3.Connection) -> None:
    rows = rolled_up_observations(conn, mapping=MAPPING, province="nghe an")
    assert {r.province for r in rows} == {"Nghệ An"}


def test_table_fills_2025_cells_from_rolled_up_rows(conn: sqlite3.Connection) -> None:
    from extractor.store.rollup import province_table_rolled_up

    cells = province_table_rolled_up(conn, mapping=MAPPING)
    got = {(c.province, c.indicator): (c.value, c.rolled_up, c.sources) for c in cells}
    assert got == {("Ninh Bình", "outstanding_loans"): (Decimal(600), True, 3),
                   ("Nghệ An", "overdue_debt_rate"): (Decimal("0.14"), True, 1)}


def test_a_direct_2025_value_wins_over_an_older_roll_up(conn: sqlite3.Connection) -> None:
    from extractor.store.rollup import province_table_rolled_up

    newer = Fact("Ninh Bình: dư nợ 700.", "700", "Ninh Bình", "outstanding_loans", "700", date="2025-09-30",
                 boundaries="2025")
    extraction, raw = make_extraction(newer, source="new")
    save_extraction(conn, extraction, raw=raw)
    cells = {(c.province, c.indicator): c for c in province_table_rolled_up(conn, mapping=MAPPING)}
    cell = cells[("Ninh Bình", "outstanding_loans")]
    assert (cell.value, cell.rolled_up) == (Decimal(700), False)


def test_default_mapping_is_the_63_to_34_merger() -> None:
    from extractor.store.rollup import default_mapping, parts_of

    mapping = default_mapping()
    assert len(mapping) == 63 and len(parts_of(mapping)) == 34
    assert parts_of(mapping)["Ninh Bình"] == {"Ninh Bình", "Hà Nam", "Nam Định"}
