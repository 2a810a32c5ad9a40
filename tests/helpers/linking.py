"""Linking a text for a behaviour test: its observations looked up by value."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from extractor.models import Observation
from extractor.pipeline import extract_text


def observations_by_value(text: str, *, lang: str, published: dt.date | None = None,
                          source: str = "<text>") -> dict[Decimal, Observation]:
    """Each observation ``extract_text`` links in ``text``, by its value (the last of equal ones)."""
    found = extract_text(text, lang=lang, published=published, source=source).observations  # type: ignore[arg-type]
    return {o.value: o for o in found}
