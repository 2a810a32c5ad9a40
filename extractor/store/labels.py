"""How stored codes read in lists and facets: indicator names from ``rules/indicators.yaml``,
language names from ``rules/language.yaml``.

An indicator's display name is written once, as the ``name`` of its entry in the lexicon (in
lower case, as it reads inside a sentence); the store labels its facets and series with it,
capitalised, and the web shows the same words.
"""

from __future__ import annotations

from collections.abc import ItemsView, Iterator, KeysView, ValuesView

from extractor.registry.bundle import bundled


def language_names() -> dict[str, str]:
    """Each language code's name as lists show it, from ``rules/language.yaml``."""
    return {code: name for code, name in bundled().language.names.items()}  # noqa: C416 - keys widen to str


def language_label(code: str | None) -> str:
    """The name of a language code as lists show it ("en" → "English"); an unknown code as it is.

    >>> language_label("en"), language_label("xx"), language_label(None)
    ('English', 'xx', '')
    """
    return language_names().get(code, code) if code else ""


class _LanguageNames(dict[str, str]):
    """The names of ``rules/language.yaml`` where a dict is wanted (``store.facets`` labels its
    facets with one), read from the bundled registry at each look-up, so that importing the store
    loads no rules. New code calls ``language_label``; this goes when ``facets`` does."""

    # dict's own signatures are overloaded on the default's type; these views are all we need.
    def get(self, code: str, default: str | None = None) -> str | None:  # type: ignore[override]
        return language_names().get(code, default)

    def __getitem__(self, code: str) -> str:
        return language_names()[code]

    def __contains__(self, code: object) -> bool:
        return code in language_names()

    def __iter__(self) -> Iterator[str]:
        return iter(language_names())

    def __len__(self) -> int:
        return len(language_names())

    def keys(self) -> KeysView[str]:  # type: ignore[override]
        return language_names().keys()

    def items(self) -> ItemsView[str, str]:  # type: ignore[override]
        return language_names().items()

    def values(self) -> ValuesView[str]:  # type: ignore[override]
        return language_names().values()


LANGUAGE_NAMES: dict[str, str] = _LanguageNames()


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
