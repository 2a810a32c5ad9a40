"""English breakdowns of a total into kinds of borrowers or programmes: an amount stated as a
share that names no whole is a part of the total before it (``parts.bare_share``), a breakdown's
first count of one kind of household is a part though no cue reads the total before it, and a
household "just out of poverty" counted as a borrower is a borrower. Sentences are our own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from extractor.models import Observation
from extractor.pipeline import extract_text

PUBLISHED = dt.date(2024, 7, 10)
HEAD = "Policy credit in Tien Yen\nBy a reporter\n"


def _by_value(text: str) -> dict[Decimal, Observation]:
    found = extract_text(HEAD + text, lang="en", published=PUBLISHED).observations
    return {o.value: o for o in found}


def test_an_amount_stated_as_a_bare_share_is_a_part_of_the_total_before_it() -> None:
    found = _by_value(
        "By the end of June 2024, total outstanding loans of the branch reached VND 8,200 billion.\n"
        "Loans of the housing programme were VND 1,150 billion, accounting for 14%, and more than "
        "9,000 households still hold them.\n")
    item = found[Decimal(1_150_000_000_000)]
    assert (item.indicator, item.part_of) == ("outstanding_loans", "programme"), item.rules


def test_a_bare_share_of_overdue_debt_stays_the_debts_own() -> None:
    found = _by_value(
        "By the end of June 2024, total outstanding loans of the branch reached VND 8,200 billion. "
        "Overdue debt was VND 3 billion, accounting for 0.04%.\n")
    debt = found[Decimal(3_000_000_000)]
    assert (debt.indicator, debt.part_of) == ("overdue_debt", None), debt.rules


def test_a_bare_share_with_no_total_before_it_makes_no_part() -> None:
    found = _by_value("Loans of the housing programme were VND 1,150 billion, accounting for 14%.\n")
    assert all(o.part_of is None for o in found.values())


def test_the_first_kinds_of_household_of_a_breakdown_are_parts_with_no_total_read() -> None:
    found = _by_value(
        "Over five years the loans reached many families in the district. Of which, 2,300 poor "
        "households, 1,100 near-poor households and 640 newly escaped poverty households borrowed "
        "capital to raise cattle.\n")
    for value in (2_300, 1_100, 640):
        item = found[Decimal(value)]
        assert (item.indicator, item.part_of) == ("borrowers_reached", "programme"), item.rules


def test_a_breakdown_count_of_every_borrower_is_no_kinds_part() -> None:
    found = _by_value(
        "Over five years the loans reached many families in the district. Of which, 4,300 poor "
        "households, near-poor households and other policy beneficiaries borrowed capital.\n")
    assert found[Decimal(4_300)].part_of is None


def test_households_newly_out_of_poverty_who_borrowed_are_borrowers() -> None:
    found = _by_value("Last year 1,240 newly escaped poverty households borrowed capital to grow pepper.\n")
    assert found[Decimal(1_240)].indicator == "borrowers_reached"
