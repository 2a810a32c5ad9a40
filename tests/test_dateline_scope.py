"""A dateline never sets the figures' province (issue 14): a story filed from Hanoi that reports
the whole bank's totals files them as national, and a claim moving them to Hanoi is not supported.

The fixture articles (corpus/fixtures/dateline/, text and HTML) were written for this test; the
expected values are read from them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.check.claims import check_text
from extractor.pipeline.batch import ingest_paths
from extractor.registry.bundle import bundled
from extractor.store import connect

FIXTURES = Path(__file__).resolve().parents[1] / "corpus" / "fixtures" / "dateline"


@pytest.fixture(scope="module", params=["national-under-hanoi-dateline.txt", "national-under-hanoi-dateline.html"])
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    conn = connect(tmp_path_factory.mktemp("dateline") / "t.sqlite")
    report = ingest_paths(conn, [FIXTURES / request.param], registry=bundled())
    assert report.counts()["new"] == 1 and not report.failures
    return conn


def test_the_totals_are_national(db) -> None:  # type: ignore[no-untyped-def]
    rows = db.execute("SELECT indicator, province, value_text FROM observations ORDER BY indicator").fetchall()
    found = {(r["indicator"], r["province"], r["value_text"]) for r in rows}
    assert ("outstanding_loans", "national", "345120000000000") in found
    assert ("total_capital", "national", "361540000000000") in found
    assert all(r["province"] == "national" for r in rows), [tuple(r) for r in rows]


def test_a_claim_moving_them_to_hanoi_is_not_supported(db) -> None:  # type: ignore[no-untyped-def]
    claim = "Outstanding policy loans in Hanoi reached VND 345,120 billion as of June 30, 2025."
    checks = check_text(db, claim).checks
    assert checks and all(c.verdict != "supported" for c in checks), [(c.claim.text, c.verdict) for c in checks]


def test_the_national_claim_is_supported(db) -> None:  # type: ignore[no-untyped-def]
    claim = "Nationwide, outstanding policy loans reached VND 345,120 billion as of June 30, 2025."
    verdicts = [c.verdict for c in check_text(db, claim).checks if c.claim.indicator == "outstanding_loans"]
    assert verdicts == ["supported"]
