"""A lead below the headline whose own line dates a figure before it ("In 2024, …. Outstanding
loans rose to …") reports that date, not the body's latest (``observe.date_headlines``). Text invented."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from extractor.pipeline import extract_text

TEXT = ("- Ben Tre keeps lending to the poor\n"
        "In 2024, the Ben Tre branch of the bank lent VND 1,210 billion. Its outstanding loans rose to "
        "VND 5,318 billion.\n"
        "As of May 20, 2025, outstanding loans of the Ben Tre branch reached VND 5,562 billion.\n")


def test_a_lead_dated_in_its_own_line_keeps_its_date() -> None:
    found = {o.value: o for o in extract_text(TEXT, lang="en").observations}
    assert found[Decimal(5_318_000_000_000)].as_of == dt.date(2024, 12, 31)
    assert found[Decimal(5_562_000_000_000)].as_of == dt.date(2025, 5, 20)
