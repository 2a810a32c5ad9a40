"""A sentence opening with words that speak of the level just stated ("The figure …")
moves that level by the change it words as one; a share of a plan beside it moves nothing
(``change._level_compared_back``). Sentences are invented."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from extractor.pipeline import extract_text

TEXT = ("Tra Vinh policy credit\n"
        "By the end of June 2026, outstanding loans of the Tra Vinh branch stood at VND 6,480 billion. "
        "The figure shows an increase of 5.35% on a year before and equals 97.4% of the year's plan.\n")


def test_the_figure_shows_an_increase_is_the_growth_rate_of_the_level_before() -> None:
    found = extract_text(TEXT, lang="en", published=dt.date(2026, 7, 9)).observations
    rates = [o for o in found if o.indicator == "outstanding_growth_rate"]
    assert [o.value for o in rates] == [Decimal("5.35")]
    assert rates[0].as_of == dt.date(2026, 6, 30)
    assert rates[0].province == "Trà Vinh"


def test_without_the_words_the_rise_moves_no_level_of_the_sentence_before() -> None:
    text = TEXT.replace("The figure shows", "Housing demand shows")
    found = extract_text(text, lang="en", published=dt.date(2026, 7, 9)).observations
    assert not [o for o in found if o.indicator == "outstanding_growth_rate"]
