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


def test_a_dollar_headline_over_a_dong_body_restates_the_body() -> None:
    # one indicator given in both currencies: the đồng amount is the fact, no second row to conflict
    text = ("VBSP outstanding loans top $14 billion\n"
            "As of March 31, outstanding loans of VBSP nationwide reached VND 356 trillion, "
            "up 2.1% from the end of last year.\n")
    found = _by_value(text)
    assert found[Decimal("356000000000000")].unit == "VND"
    assert Decimal("14000000000") not in found


def test_dollars_of_another_indicator_than_the_dong_amounts_stay() -> None:
    text = ("Policy lender reports first-quarter results\n"
            "As of March 31, VBSP's total capital stood at $14.6 billion nationwide. "
            "Outstanding loans of VBSP nationwide reached VND 352 trillion.\n")
    found = _by_value(text)
    assert found[Decimal("14600000000")].unit == "USD"
    assert found[Decimal("352000000000000")].unit == "VND"


def test_a_foreign_lenders_loans_to_the_bank_are_the_lenders_figure() -> None:
    text = ("Lenders back social policy credit\n"
            "By the end of 2023, the Asian Development Bank's outstanding loans to VBSP "
            "stood at US$240 million, and JICA's loans to VBSP reached US$95 million.\n")
    found = _by_value(text)
    assert Decimal("240000000") not in found
    assert Decimal("95000000") not in found


def test_the_banks_own_loans_after_a_lender_is_named_stay_the_banks() -> None:
    text = ("Lenders back social policy credit\n"
            "After talks with the Asian Development Bank, the VBSP's outstanding loans "
            "reached US$14.3 billion by the end of 2023.\n")
    assert _by_value(text)[Decimal("14300000000")].indicator == "outstanding_loans"


def test_capital_the_budget_entrusts_to_the_bank_stays_the_banks() -> None:
    text = ("Lenders back social policy credit\n"
            "By the end of 2023, capital from the state budget entrusted to the VBSP "
            "reached VND 41 trillion nationwide.\n")
    assert Decimal("41000000000000") in _by_value(text)


def test_dollars_of_another_year_than_the_dong_amount_stay() -> None:
    # a level of an earlier year in dollars is a fact of its own, not the đồng amount restated
    text = ("Policy lender reports results\n"
            "In 2012, the VBSP's outstanding loans were about US$5.2 billion. By the end of March, "
            "outstanding loans of VBSP nationwide reached VND 352 trillion.\n")
    found = _by_value(text)
    assert found[Decimal("5200000000")].as_of == dt.date(2012, 12, 31)
    assert found[Decimal("352000000000000")].unit == "VND"


def test_borrowers_repaying_their_loans_to_the_bank_leave_its_figures_its_own() -> None:
    # "loans to the VBSP" with no lender named before it in its clause: the borrowers' loans
    text = ("Ha Giang policy bank results\n"
            "By the end of 2023, borrowers paid back their loans to the VBSP in full, and outstanding "
            "loans reached VND 9,240 billion. Vietcombank's outstanding loans in the province "
            "reached VND 61,000 billion.\n")
    assert _by_value(text)[Decimal("9240000000000")].indicator == "outstanding_loans"


def test_the_home_currency_is_read_from_the_rules() -> None:
    """Which amount restates which comes from ``home_currency`` of rules/linking.yaml, not from the
    code: a rule set whose books were kept in dollars makes the bracketed đồng amount the restatement."""
    import dataclasses

    from extractor.pipeline import extract_text
    from extractor.registry.bundle import bundled

    text = ("Hanoi policy credit\nBy June 30, 2025, outstanding loans reached VND 21.86 trillion "
            "(US$932.17 million).\n")
    rules = bundled()
    for currency in ("VND", "USD"):
        registry = dataclasses.replace(rules, linker=dataclasses.replace(rules.linker, home_currency=currency))
        found = extract_text(text, lang="en", published=dt.date(2025, 7, 2), registry=registry).observations
        assert [o.unit for o in found if o.indicator == "outstanding_loans"] == [currency]
