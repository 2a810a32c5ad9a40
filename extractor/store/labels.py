"""How stored codes read in lists and facets: indicator names from ``rules/indicators.yaml``.

An indicator's display name is written once, as the ``name`` of its entry in the lexicon (in
lower case, as it reads inside a sentence); the store labels its facets and series with it,
capitalised, and the web shows the same words.
"""

from __future__ import annotations

from extractor.registry.bundle import bundled

LANGUAGE_NAMES: dict[str, str] = {"en": "English", "vi": "Tiếng Việt"}


def indicator_label(code: str | None) -> str:
    """The display name of an indicator code ("outstanding_loans" → "Outstanding loans").

    >>> indicator_label("outstanding_loans"), indicator_label("not_a_code"), indicator_label(None)
    ('Outstanding loans', 'Not a code', '')
    """
    if not code:
        return ""
    rule = bundled().indicators.indicators.get(code)
    # A code the lexicon no longer lists can still be stored: spell it out rather than fail.
    name = rule.name if rule else code.replace("_", " ")
    return name[:1].upper() + name[1:]


def is_indicator(code: str) -> bool:
    """True for a code the indicator lexicon lists (stored or not)."""
    return code in bundled().indicators.indicators
