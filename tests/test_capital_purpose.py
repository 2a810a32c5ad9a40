"""An amount of capital funds loans: a programme named right after it is what the money is for,
not a programme whose loans it was (``parts._cued_part``). Sentences are invented."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from extractor.pipeline import extract_text

PUBLISHED = dt.date(2026, 2, 3)


def _by_value(text: str) -> dict[Decimal, object]:
    return {o.value: o for o in extract_text(text, lang="en", published=PUBLISHED).observations}


def test_capital_a_budget_will_add_for_a_programme_is_no_programme_part() -> None:
    text = ("Ben Tre social policy credit\n"
            "In 2026, the Ben Tre provincial budget will add VND 73 billion to lend for job creation.\n")
    found = _by_value(text)
    added = found[Decimal(73_000_000_000)]
    assert added.indicator == "local_entrusted_capital"
    assert added.status == "target"
    assert added.part_of is None


def test_loans_followed_by_their_programme_stay_its_part() -> None:
    text = ("Ben Tre social policy credit\n"
            "In 2025, the Ben Tre branch disbursed VND 73 billion in loans for job creation.\n")
    found = _by_value(text)
    lent = found[Decimal(73_000_000_000)]
    assert lent.indicator == "lending_turnover"
    assert lent.part_of == "programme"
