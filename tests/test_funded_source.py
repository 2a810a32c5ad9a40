"""English may name the capital a loan balance was lent from after "of" ("outstanding loans of
the provincial budget capital stood at …"): the figure is the loans (the earlier cue's indicator,
``indicator._funded_from``), and the capital is its source part (``parts._funded_source``), not
a second level of entrusted capital. Sentences are invented."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from extractor.models import Observation
from helpers.linking import observations_by_value

PUBLISHED = dt.date(2024, 8, 2)


def _by_value(text: str) -> dict[Decimal, Observation]:
    return observations_by_value(text, lang="en", published=PUBLISHED)


def test_the_loans_of_a_budgets_capital_are_a_source_part_of_the_loans() -> None:
    text = ("Credit in the highlands\n"
            "At the end of July the office had VND 2,740 billion in outstanding loans, and its "
            "outstanding loans of provincial budget capital stood at VND 236 billion.\n")
    found = _by_value(text)
    assert found[Decimal(2_740_000_000_000)].part_of is None
    loans = found[Decimal(236_000_000_000)]
    assert loans.indicator == "outstanding_loans", loans.rules
    assert loans.part_of == "source"


def test_a_budgets_capital_named_alone_is_the_entrusted_capital() -> None:
    text = ("Credit in the highlands\n"
            "At the end of July, provincial budget capital entrusted to the office came to VND 236 billion.\n")
    capital = _by_value(text)[Decimal(236_000_000_000)]
    assert capital.indicator == "local_entrusted_capital"
    assert capital.part_of is None


def test_of_after_words_that_name_no_loans_leaves_the_capital_its_own_level() -> None:
    text = ("Credit in the highlands\n"
            "At the end of July the office had outstanding loans of VND 2,740 billion, and the total of "
            "provincial budget capital was VND 236 billion.\n")
    capital = _by_value(text)[Decimal(236_000_000_000)]
    assert capital.indicator == "local_entrusted_capital"
    assert capital.part_of is None
