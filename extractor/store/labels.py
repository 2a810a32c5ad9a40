"""How stored codes read in lists and facets: indicator names from ``rules/indicators.yaml``,
language names from ``rules/language.yaml``.

An indicator's display name is written once, as the ``name`` of its entry in the lexicon (in
lower case, as it reads inside a sentence); the store labels its facets and series with it,
capitalised, and the web shows the same words.
"""

from __future__ import annotations

from collections.abc import ItemsView, Iterator, KeysView, ValuesView

from extractor.folding import fold_key
from extractor.registry.bundle import LANGUAGES, bundled, bundled_lexicon_words


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


def indicator_label(code: str | None, lang: str = "en") -> str:
    """The display name of an indicator code in ``lang`` ("outstanding_loans" → "Outstanding loans", "Dư nợ").

    >>> indicator_label("outstanding_loans"), indicator_label("outstanding_loans", "vi")
    ('Outstanding loans', 'Dư nợ')
    >>> indicator_label("not_a_code"), indicator_label(None)
    ('Not a code', '')
    """
    if not code:
        return ""
    rule = bundled().indicators.indicators.get(code)
    # A code the lexicon no longer lists can still be stored: spell it out rather than fail.
    name = (rule.name_vi if lang == "vi" else rule.name) if rule else code.replace("_", " ")
    return name[:1].upper() + name[1:]


def indicator_definition(code: str | None, lang: str = "en") -> str:
    """What an indicator counts, in ``lang`` (``definition`` / ``definition_vi``); "" when unknown."""
    rule = bundled().indicators.indicators.get(code or "")
    if rule is None:
        return ""
    text = rule.definition_vi if lang == "vi" else rule.definition
    return text[:1].upper() + text[1:]


# Indicators grouped by what they mean, in the order a reader asks about a province: how much
# capital, how much is lent, to how many, how well it is repaid, through what network, with what
# outcomes. Every code of rules/indicators.yaml is in one theme (tests/test_web_i18n.py checks).
THEMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("capital", ("total_capital", "local_entrusted_capital")),
    ("loans", ("outstanding_loans", "lending_turnover", "debt_collection_turnover", "outstanding_growth_rate")),
    ("borrowers", ("borrowers_outstanding", "borrowers_reached")),
    ("quality", ("overdue_debt_rate", "overdue_debt", "frozen_debt_rate")),
    ("network", ("transaction_points", "transaction_offices", "savings_loan_groups")),
    ("outcomes", ("households_escaped_poverty", "jobs_created", "students_supported", "houses_supported",
                  "water_sanitation_works", "guest_workers")),
)
# The figures a province page leads with.
KEY_INDICATORS = ("outstanding_loans", "total_capital", "borrowers_outstanding", "overdue_debt_rate")


def theme_of(code: str) -> str:
    """The theme an indicator belongs to ("other" for a code no theme lists)."""
    return next((theme for theme, codes in THEMES if code in codes), "other")


def meaning_order(code: str) -> tuple[int, str]:
    """Sort key putting indicators in the order of ``THEMES`` (unknown codes last, by code).

    >>> sorted(["jobs_created", "outstanding_loans", "total_capital"], key=meaning_order)
    ['total_capital', 'outstanding_loans', 'jobs_created']
    """
    ordered = [c for _, codes in THEMES for c in codes]
    return (ordered.index(code), code) if code in ordered else (len(ordered), code)


def is_indicator(code: str) -> bool:
    """True for a code the indicator lexicon lists (stored or not)."""
    return code in bundled().indicators.indicators


# ---- document titles --------------------------------------------------------------------------

HEAD_CHARS = 1200  # an official document's type and subject sit under its header, near the top


def _type_words() -> dict[str, str]:
    """Folded legal-type phrases of every language ("ke hoach" → "Kế hoạch"), from the lexicons."""
    return {fold_key(t.phrase): t.phrase for lang in sorted(LANGUAGES) for t in bundled_lexicon_words(lang).legal_types}


def _is_heading(line: str) -> bool:
    """True for a line in capitals (an issuing body, a national motto, a type line)."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def document_title(title: str | None, head: str | None) -> str | None:
    """A document's title as readers name it: an official document whose stored title is its
    issuing body's header ("ỦY BAN NHÂN DÂN") is named by its type line and subject instead
    ("Kế hoạch thực hiện Chỉ thị số 40-CT/TW về …"); any other title is kept.

    >>> document_title("ỦY BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN\\nTỈNH NGHỆ AN\\nSố: 12/KH-UBND\\nKẾ HOẠCH\\n"
    ...                "Thực hiện Chỉ thị số 40-CT/TW về tín dụng chính sách\\nCăn cứ …")
    'Kế hoạch thực hiện Chỉ thị số 40-CT/TW về tín dụng chính sách'
    >>> document_title("Nghe An news", "KẾ HOẠCH\\nabc")
    'Nghe An news'
    """
    if title and not _is_heading(title):
        return title
    lines = [line.strip() for line in (head or "")[:HEAD_CHARS].splitlines()]
    types = _type_words()
    for i, line in enumerate(lines):
        if _is_heading(line) and fold_key(line) in types:
            subject = _subject(lines[i + 1:])
            if subject:
                return f"{types[fold_key(line)]} {subject[:1].lower()}{subject[1:]}"
    return title


def _subject(lines: list[str]) -> str:
    """The subject lines under a type line, up to a blank line or the text's first "Căn cứ"."""
    taken: list[str] = []
    for line in lines:
        if not line or fold_key(line).startswith(("can cu", "kinh gui")) or len(" ".join(taken)) > 200:
            break
        taken.append(line)
    return " ".join(taken).strip()
