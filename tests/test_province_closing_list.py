"""A province named as a sentence's last words, after a venue word, scopes every result the
sentence lists ("… 480 houses built, which also created jobs for 6,200 labourers in Quang Tri
province."), not the last item alone: in a district office's story, such a lead's figures are
the province's totals, not the district's (``parts._province_closes_sentence``). Sentences are
invented."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from extractor.models import Observation
from helpers.linking import observations_by_value

PUBLISHED = dt.date(2023, 6, 14)

STORY = (
    "Ten years of cheap credit\n\n"
    "Since 2013 about 13,500 clean water works and 480 houses have been built with the loans, "
    "which also created jobs for close to 6,200 labourers{place}.\n\n"
    "The district office\n\n"
    "Outstanding loans of VBSP Hai Lang District stand at VND 540 billion, held by some 9,300 "
    "households.\n"
)


def _by_value(text: str) -> dict[Decimal, Observation]:
    return observations_by_value(text, lang="en", published=PUBLISHED)


def test_a_list_of_results_closed_by_the_province_is_the_provinces() -> None:
    found = _by_value(STORY.format(place=" in Quang Tri province"))
    for value in (13_500, 480, 6_200):
        assert found[Decimal(value)].part_of is None, found[Decimal(value)].rules
    assert found[Decimal(540_000_000_000)].part_of == "area"


def test_a_list_with_no_place_closing_it_stays_the_districts() -> None:
    found = _by_value(STORY.format(place=""))
    assert found[Decimal(13_500)].part_of == "area"
    assert found[Decimal(540_000_000_000)].part_of == "area"
