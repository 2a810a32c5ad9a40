"""A figure right after a comparative and before the place or date it is of ("higher than 0.3%
for the whole province") is a level of the indicator its sentence stated just before
(``indicator._compared_level``): in a district's story, the province's rate it is compared with
is the province's observation, the district's own an area part. With no place or date after it,
or with a plan's words, the figure is a yardstick or a goal: no level. Sentences are invented."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from extractor.models import Observation
from helpers.linking import observations_by_value

PUBLISHED = dt.date(2024, 11, 5)

STORY = (
    "Dien Chau keeps its loans healthy\n"
    "Poor families across Dien Chau district borrow from the VBSP Dien Chau District Transaction "
    "Office. In the district the overdue debt rate reached 0.52%, higher than 0.31%{after}.\n"
)


def _by_value(text: str) -> dict[Decimal, Observation]:
    return observations_by_value(text, lang="en", published=PUBLISHED)


def test_the_provinces_rate_a_district_is_compared_with_is_the_provinces() -> None:
    found = _by_value(STORY.format(after=" for the whole province"))
    province = found[Decimal("0.31")]
    assert province.indicator == "overdue_debt_rate"
    assert province.part_of is None and province.province == "Nghệ An", province.rules
    assert found[Decimal("0.52")].part_of == "area"


@pytest.mark.parametrize("after", ["", " set in the whole province's plan", " planned for the whole province"])
def test_a_compared_figure_with_no_place_or_with_a_plans_words_is_no_level(after: str) -> None:
    assert Decimal("0.31") not in _by_value(STORY.format(after=after))


def test_an_amount_above_a_boards_plan_is_no_lending() -> None:
    text = ("Dien Chau keeps its loans healthy\n"
            "This year the VBSP Dien Chau District Transaction Office lent VND 930 billion, higher than "
            "VND 810 billion planned by the board.\n")
    assert Decimal(810_000_000_000) not in _by_value(text)
