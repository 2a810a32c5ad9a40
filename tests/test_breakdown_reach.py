"""A breakdown word ("Of which, …") breaks down the last total of its figure's kind stated
shortly before it; when only another indicator's sentence and figure-less prose stand between,
the total may lie up to twice the usual reach back (``indicator._total_reached``), but not a
total of an earlier paragraph that another date follows. Sentences are invented."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from extractor.link.indicator import BREAKDOWN_REACH
from extractor.models import Observation
from helpers.linking import observations_by_value

PUBLISHED = dt.date(2025, 4, 8)

PROSE = ("Officials of the commune praised the work of the transaction points, the savings and loan "
         "groups and the mass organisations, who visit the borrowers at home, explain the policies to "
         "them and help them to plan how the money will be spent on their farms and their shops, so that "
         "each loan is repaid on time and lent again to the next family on the waiting list. ")

REPORT = (
    "Cheap credit for the uplands\n"
    "In the first quarter of 2025 the office lent to 12,640 near-poor families and students. "
    "Its outstanding loans stood at VND 3,180 billion at the end of March, about VND 95 billion "
    "more than in December.{gap}{prose}Of which, some 5,300 near-poor families came under "
    "the production and business households in difficult areas scheme.\n"
)


def _by_value(text: str) -> dict[Decimal, Observation]:
    return observations_by_value(text, lang="en", published=PUBLISHED)


def test_an_item_past_another_indicators_sentence_and_prose_is_a_part_of_the_total() -> None:
    text = REPORT.format(gap=" ", prose=PROSE)
    total_end = text.index("12,640 near-poor families") + len("12,640 near-poor families")
    assert text.index("Of which") - total_end > BREAKDOWN_REACH  # past the usual reach
    item = _by_value(text)[Decimal(5_300)]
    assert item.indicator == "borrowers_reached"
    assert item.part_of == "programme", item.rules


def test_an_item_past_prose_twice_the_reach_long_names_no_total() -> None:
    assert Decimal(5_300) not in _by_value(REPORT.format(gap=" ", prose=PROSE * 3))


def test_a_total_of_an_earlier_paragraph_another_date_follows_is_not_broken_down() -> None:
    text = REPORT.format(gap="\n", prose="In April, " + PROSE)
    assert Decimal(5_300) not in _by_value(text)


def test_an_item_its_clause_names_as_bad_debt_is_no_part_of_the_total() -> None:
    """A blocker after the item's figure in its clause says what the item is ("… including VND
    2,460 million that had become bad debt"): no part of the loans broken down
    (``_blocker_names_it``); an item whose clause names no such thing stays a part."""
    text = ("Cheap credit for the uplands\n"
            "At the close of March 2025 the office held VND 1,870 billion in outstanding loans, "
            "including VND 2,460 million that had become bad debt.\n")
    assert Decimal(2_460_000_000) not in _by_value(text)
    item = _by_value(text.replace("had become bad debt", "went to the job creation programme"))[Decimal(2_460_000_000)]
    assert (item.indicator, item.part_of) == ("outstanding_loans", "programme"), item.rules


def test_items_after_a_total_of_another_indicator_among_them_still_break_down_the_first_total() -> None:
    """A count of students (a total of its own indicator) stated among the items of a breakdown
    of borrowers does not end it: the customers after it are still borrowers of one programme
    (``_total_before``); the students stay their own total."""
    text = ("Cheap credit for the uplands\n"
            "Over the first half of 2025, 9,400 customers borrowed from the bank, including 1,830 "
            "households that put in clean water works; 52 students with help for school fees; 5,180 "
            "customers who started small trades.\n")
    found = _by_value(text)
    assert found[Decimal(52)].indicator == "students_supported" and found[Decimal(52)].part_of is None
    trades = found[Decimal(5_180)]
    assert (trades.indicator, trades.part_of) == ("borrowers_reached", "programme"), trades.rules
