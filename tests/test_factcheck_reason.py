"""The fact-check's one sentence of why: it names where the claim was checked, in words a reader
reads ("for Hà Giang on 30 Jun 2025", "for the whole country"), never an empty place."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from extractor.check.records import Claim
from extractor.web.factcheck import reason


def claim(*, province: str | None, indicator: str | None, date: dt.date | None = None) -> Claim:
    return Claim(text="VND 1,250 billion", start=0, end=17, value=Decimal(1_250_000_000_000), unit="VND",
                 qualifier="exact", indicator=indicator, province=province, boundaries=None, date=date,
                 status="actual")


NO_VALUE = "The table has no value of this indicator "


@pytest.mark.parametrize(("province", "date", "where"), [
    ("Hà Giang", dt.date(2025, 6, 30), "for Hà Giang on 30 Jun 2025"),
    ("Hà Giang", None, "for Hà Giang"),
    # A claim of a known indicator that names no province is checked against the national figures.
    (None, dt.date(2023, 12, 31), "for the whole country on 31 Dec 2023"),
    ("national", None, "for the whole country"),
])
def test_a_reason_names_where_the_claim_was_checked(province: str | None, date: dt.date | None, where: str) -> None:
    said = reason("not_found", claim(province=province, indicator="outstanding_loans", date=date), [])
    assert said == NO_VALUE + where


def test_a_claim_of_no_known_indicator_and_no_province_names_no_place() -> None:
    # Checked against equal values of every province: no one place to name, and no dangling "for".
    said = reason("not_found", claim(province=None, indicator=None, date=dt.date(2023, 12, 31)), [])
    assert said == "No recorded value equals this figure, and what it measures was not recognised"


def test_a_date_alone_reads_without_an_empty_place() -> None:
    # "for  on 31 Dec 2023" was written where the claim named no province.
    said = reason("not_found", claim(province=None, indicator="jobs_created", date=dt.date(2023, 12, 31)), [])
    assert " for  " not in said and "for on" not in said and said.endswith("for the whole country on 31 Dec 2023")
