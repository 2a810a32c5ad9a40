"""English breakdowns of a total into kinds of borrowers or programmes: an amount stated as a
share that names no whole is a part of the total before it (``parts.bare_share``), a breakdown's
first count of one kind of household is a part though no cue reads the total before it, and a
household "just out of poverty" counted as a borrower is a borrower. Sentences are our own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from extractor.models import Observation
from extractor.pipeline import extract_text
from helpers.linking import observations_by_value

PUBLISHED = dt.date(2024, 7, 10)
HEAD = "Policy credit in Tien Yen\nBy a reporter\n"


def _by_value(text: str) -> dict[Decimal, Observation]:
    return observations_by_value(HEAD + text, lang="en", published=PUBLISHED)


def test_an_amount_stated_as_a_bare_share_is_a_part_of_the_total_before_it() -> None:
    found = _by_value(
        "The office's outstanding loans stood at VND 5,400 billion as of 30 June 2024.\n"
        "For job creation, lending came to VND 620 billion, accounting for 11.5%, while borrowers of "
        "that programme numbered 14,000.\n")
    item = found[Decimal(620_000_000_000)]
    assert (item.indicator, item.part_of) == ("outstanding_loans", "programme"), item.rules


def test_a_bare_share_ending_its_sentence_is_a_part_and_no_whole_for_the_next() -> None:
    found = _by_value(
        "Outstanding loans in the province totalled VND 6,900 billion at the end of May 2024.\n"
        "Student loans were VND 480 billion, accounting for 7%. Lending for clean water was "
        "VND 350 billion, accounting for 5%.\n")
    for value in (480, 350):
        item = found[Decimal(value * 1_000_000_000)]
        assert (item.indicator, item.part_of) == ("outstanding_loans", "programme"), item.rules
        assert "accounting" not in (item.part or ""), item.part


def test_a_capital_amount_stated_as_a_bare_share_keeps_its_own_indicator() -> None:
    found = _by_value(
        "At the end of March 2024, the branch's total outstanding loans were VND 9,800 billion.\n"
        "Capital entrusted by the provincial budget came to VND 530 billion, accounting for 5.4%, "
        "up from last year.\n")
    capital = found[Decimal(530_000_000_000)]
    assert capital.indicator != "outstanding_loans" and capital.part_of is None, capital.rules


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
        "Since 2020 the credit has reached many families in the upland communes. Of which, 1,420 "
        "poor households, 3,050 near-poor households and 910 newly escaped poverty households "
        "borrowed money for fruit orchards.\n")
    for value in (1_420, 3_050, 910):
        item = found[Decimal(value)]
        assert (item.indicator, item.part_of) == ("borrowers_reached", "programme"), item.rules
    assert found[Decimal(3_050)].part == "near-poor households"


def test_a_vietnamese_breakdowns_first_kind_is_left_to_its_own_cues() -> None:
    text = ('Tin huy\u1ec7n\nPh\xf3ng vi\xean\nV\u1ed1n vay \u01b0u \u0111\xe3i \u0111\xe3 \u0111\u1ebfn '
            'v\u1edbi nhi\u1ec1u h\u1ed9 d\xe2n trong x\xe3. Trong \u0111\xf3, 1.700 h\u1ed9 ngh\xe8o, 650 '
            'h\u1ed9 c\u1eadn ngh\xe8o \u0111\u01b0\u1ee3c vay v\u1ed1n tr\u1ed3ng c\xe0 ph\xea.\n')
    found = extract_text(text, lang="vi", published=PUBLISHED).observations
    assert all(o.rules.get("part", "").find("counted-kind") < 0 for o in found), [o.rules for o in found]


def test_households_that_escaped_poverty_are_not_read_as_borrowers_by_a_later_noun() -> None:
    found = _by_value("In 2023, 1,760 households escaped poverty households' ranks in the commune.\n")
    assert found[Decimal(1_760)].indicator == "households_escaped_poverty"


def test_a_breakdown_count_of_every_borrower_is_no_kinds_part() -> None:
    found = _by_value(
        "Over five years the loans reached many families in the district. Of which, 4,300 poor "
        "households, near-poor households and other policy beneficiaries borrowed capital.\n")
    assert found[Decimal(4_300)].part_of is None


def test_households_newly_out_of_poverty_who_borrowed_are_borrowers() -> None:
    found = _by_value("Last year 1,240 newly escaped poverty households borrowed capital to grow pepper.\n")
    assert found[Decimal(1_240)].indicator == "borrowers_reached"
