"""``extractor table --status target``: a plan's targets per year beside the actuals of that year,
from fixture PDFs ingested into a fresh database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from helpers.sites import PDFS

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("targets") / "t.sqlite"
    result = runner.invoke(app, ["ingest", str(PDFS / "ke-hoach-lang-son.pdf"), str(PDFS / "bao-cao-cao-bang.pdf"),
                                 "--db", str(path)])
    assert result.exit_code == 0, result.stderr
    return path


def rows(db: Path, *args: str) -> list[dict[str, object]]:
    result = runner.invoke(app, ["table", *args, "--format", "json", "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    return list(json.loads(result.stdout))


def test_targets_per_year(db: Path) -> None:
    found = rows(db, "--status", "target", "--province", "Lang Son", "--indicator", "total_capital")
    assert [(r["year"], r["target"]) for r in found] == [
        ("2026", 7900000000000), ("2027", 8450000000000), ("2028", 9050000000000), ("2029", 9750000000000),
        ("2030", 10500000000000)]  # the plan's 2030 target, stated in its prose and its appendix, shown once


def test_target_beside_the_actual_of_its_year(db: Path) -> None:
    (row,) = rows(db, "--status", "target", "--province", "Cao Bang", "--indicator", "outstanding_loans")[:1]
    assert (row["year"], row["target"], row["actual"], row["actual_date"]) == \
        ("2025", 5980000000000, 5790000000000, "2025-09-30")


def test_a_period_target_names_its_years(db: Path) -> None:
    found = rows(db, "--status", "target", "--province", "Lang Son", "--indicator", "lending_turnover")
    assert ("2026-2030", 17000000000000) in [(r["year"], r["target"]) for r in found]


def test_ceilings_keep_their_qualifier(db: Path) -> None:
    found = rows(db, "--status", "target", "--province", "Lang Son", "--indicator", "overdue_debt_rate")
    assert {(r["year"], r["qualifier"]) for r in found} >= {("2026", "less_than"), ("2030", "less_than")}


def test_default_table_shows_actuals(db: Path) -> None:
    found = rows(db, "--province", "Cao Bang", "--indicator", "total_capital")
    assert sorted((r["boundaries"], r["value"], r["as_of"]) for r in found) == [
        ("2025", 5812000000000, "2025-09-30"), ("pre-2025", 5578000000000, "2024-12-31")]
