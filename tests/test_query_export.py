"""Exports keep every value exact: CSV text, JSON numbers, Parquet decimals."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from decimal import Decimal
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from extractor.store import ObservationFilter, connect, export_observations, save_extraction
from helpers.store import HA_NOI, NGHE_AN, Fact, make_extraction

ODD = Fact("Tỷ lệ đạt 0,1234567%.", "0,1234567%", "Hà Tĩnh", "overdue_debt_rate", "0.1234567", unit="%")


@pytest.fixture()
def conn(tmp_path: Path) -> sqlite3.Connection:
    db = connect(tmp_path / "t.sqlite")
    extraction, raw = make_extraction(NGHE_AN, HA_NOI)
    save_extraction(db, extraction, raw=raw)
    return db


def test_csv_keeps_exact_values(conn: sqlite3.Connection) -> None:
    out = io.StringIO()
    assert export_observations(conn, "csv", stream=out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert {r["value"] for r in rows} == {"13357000000000", "0.14"}
    assert {r["sentence"] for r in rows} == {NGHE_AN.sentence, HA_NOI.sentence}


def test_json_numbers_are_exact(conn: sqlite3.Connection, tmp_path: Path) -> None:
    path = tmp_path / "out.json"
    assert export_observations(conn, "json", output=path) == 2
    rows = json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    assert {r["value"] for r in rows} == {13357000000000, Decimal("0.14")}
    assert all(r["province"] in ("Nghệ An", "Hà Nội") for r in rows)


def test_parquet_uses_decimals(conn: sqlite3.Connection, tmp_path: Path) -> None:
    path = tmp_path / "out.parquet"
    assert export_observations(conn, "parquet", output=path) == 2
    table = pq.read_table(path)
    assert str(table.schema.field("value").type) == "decimal128(38, 6)"
    assert sorted(table.column("value").to_pylist()) == [Decimal("0.14"), Decimal(13357000000000)]


def test_filters_apply_to_exports(conn: sqlite3.Connection) -> None:
    out = io.StringIO()
    assert export_observations(conn, "csv", stream=out, filters=ObservationFilter(province="Ha Noi")) == 1


def test_parquet_refuses_to_round(conn: sqlite3.Connection, tmp_path: Path) -> None:
    extraction, raw = make_extraction(ODD, source="odd")
    save_extraction(conn, extraction, raw=raw)
    from extractor.errors import StoreError
    with pytest.raises(StoreError, match="decimals"):
        export_observations(conn, "parquet", output=tmp_path / "x.parquet")
    out = io.StringIO()
    export_observations(conn, "json", stream=out)
    assert "0.1234567" in out.getvalue()


def test_csv_export_defuses_formulas_in_scraped_text() -> None:
    import io

    from extractor.store.export import csv_cell

    assert csv_cell("=HYPERLINK(\"http://x\")").startswith("'=")
    assert csv_cell("@SUM(A1)") == "'@SUM(A1)" and csv_cell("-12") == "-12"
    out = io.StringIO()
    import csv

    csv.writer(out).writerow([csv_cell("+1 cmd")])
    assert out.getvalue().startswith("'+1")
