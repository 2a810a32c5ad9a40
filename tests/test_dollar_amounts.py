"""Amounts in US dollars (``status.is_conversion``): a page that gives the bank's amounts in dollars
alone states them in dollars, and they are observations in USD; a dollar amount in brackets beside
one in đồng only restates it, and the đồng amount is the observation. Sentences are invented."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from extractor.models import Observation
from helpers.linking import observations_by_value

PUBLISHED = dt.date(2024, 4, 12)


def _by_value(text: str) -> dict[Decimal, Observation]:
    return observations_by_value(text, lang="en", published=PUBLISHED)


def test_amounts_given_in_dollars_alone_are_observations_in_dollars() -> None:
    text = ("Policy lender reports first-quarter results\n"
            "As of March 31, VBSP's total capital stood at $14.2 billion "
            "nationwide. Over the quarter, the bank disbursed $1.35 billion to poor households.\n")
    found = _by_value(text)
    capital = found[Decimal("14200000000")]
    assert (capital.indicator, capital.unit, capital.as_of) == ("total_capital", "USD", dt.date(2024, 3, 31))
    lent = found[Decimal("1350000000")]
    assert (lent.indicator, lent.unit) == ("lending_turnover", "USD")


def test_dollars_in_brackets_after_dong_restate_the_dong_amount() -> None:
    text = ("Policy lender reports first-quarter results\n"
            "As of March 31, outstanding loans of VBSP nationwide "
            "reached VND 352 trillion (US$14.1 billion).\n")
    found = _by_value(text)
    assert found[Decimal("352000000000000")].indicator == "outstanding_loans"
    assert Decimal("14100000000") not in found


def test_dollars_holding_dong_in_brackets_leave_the_dong_amount_the_fact() -> None:
    text = ("Policy lender reports first-quarter results\n"
            "As of March 31, outstanding loans of VBSP nationwide "
            "reached $14.1 billion (VND 352 trillion).\n")
    found = _by_value(text)
    assert found[Decimal("352000000000000")].unit == "VND"
    assert Decimal("14100000000") not in found


def test_a_bracketed_share_after_dollars_leaves_them_the_fact() -> None:
    text = ("Policy lender reports first-quarter results\n"
            "As of March 31, VBSP's total capital stood at $14.2 billion "
            "nationwide, of which local budgets entrusted $1.9 billion (13.4%).\n")
    found = _by_value(text)
    assert found[Decimal("14200000000")].unit == "USD"
    assert Decimal("1900000000") in found
