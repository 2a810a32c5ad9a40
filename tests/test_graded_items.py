"""After a total of savings and loan groups, a breakdown by grade ("including 880 groups
classified as strong") lists shares of that total (``indicator._graded_item``,
``parts._graded_share``); a graded count with no total before it picks out some groups, and one
of another date than the total's is no item of it: neither is an observation. Sentences are
invented."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from extractor.models import Observation
from helpers.linking import observations_by_value

PUBLISHED = dt.date(2024, 3, 20)


def _by_value(text: str) -> dict[Decimal, Observation]:
    return observations_by_value(text, lang="en", published=PUBLISHED)


def test_groups_graded_after_their_total_are_its_shares() -> None:
    text = ("Groups that keep the loans safe\n"
            "Savings and loan groups help the office collect repayments. At the end of February the "
            "office worked through 915 savings and loan groups, including 880 savings and loan groups "
            "classified as strong and 35 savings and loan groups classified as average.\n")
    found = _by_value(text)
    assert found[Decimal(915)].part_of is None
    for value in (880, 35):
        assert found[Decimal(value)].indicator == "savings_loan_groups"
        assert found[Decimal(value)].part_of == "share", found[Decimal(value)].rules


def test_graded_groups_with_no_total_before_are_no_observation() -> None:
    text = ("Groups that keep the loans safe\n"
            "At the end of February outstanding loans stood at VND 5,200 billion, including 35 savings "
            "and loan groups classified as average.\n")
    assert Decimal(35) not in _by_value(text)


def test_graded_groups_of_another_date_than_the_total_are_no_observation() -> None:
    text = ("Groups that keep the loans safe\n"
            "By December 31, 2023, the district had 915 savings and loan groups. In which, by June 30, "
            "2023, 870 savings and loan groups are classified as strong.\n")
    found = _by_value(text)
    assert found[Decimal(915)].part_of is None
    assert Decimal(870) not in found
