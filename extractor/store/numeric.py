"""Exact numeric columns for stored values, and numbers read out of a search query.

No tokenizer equates "13374", "13.374" and "13,374", so values are matched on columns: the
exact decimal text, and the significant digits (what every way of writing a number shares).
Query numbers are read with an explicit locale; when a separator is ambiguous ("13.374" is
13374 in Vietnamese and 13.374 in English) both readings are kept. The scale and currency words
around them are the languages' lexicons' (``rules/<lang>/lexicon.yaml``), the percent words and
query-only abbreviations ``rules/search.yaml``'s, each also without its marks (``NumberWords``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import TYPE_CHECKING, Literal

from extractor.folding import fold
from extractor.registry.bundle import LANGUAGES, bundled_lexicon_words, bundled_search
from extractor.registry.phrases import caseless, trie_regex

if TYPE_CHECKING:
    from extractor.registry.words import LexiconWords, SearchRules

QueryLocale = Literal["auto", "en", "vi"]
# How far before a number its currency word may start: more than any currency name and its spaces.
CURRENCY_REACH = 64

_NUMBER = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)*)(?!\w)|(?<=[A-Za-z])(\d+(?:[.,]\d+)*)", re.UNICODE)


@dataclass(frozen=True)
class NumberWords:
    """The words a query writes around its numbers: scales (with their factors), currencies and
    percent words, as the regexes that find them (each ignoring case)."""

    factors: dict[str, int]  # a scale word, lower case with single spaces -> its factor
    scale_after: re.Pattern[str]  # one scale word, or two that multiply ("ngàn tỉ")
    percent_after: re.Pattern[str]
    unit_after: re.Pattern[str]  # a currency or percent word
    currency_before: re.Pattern[str]

    def factor(self, words: str) -> int:
        """The factor of a matched scale word ("tỷ" → 10**9); ``caseless`` lowers what the
        regexes' ignoring case matched ("millionſ") to the word they matched it for."""
        return self.factors[" ".join(caseless(words).split())]


def _keys(phrases: Iterable[str]) -> set[str]:
    """Each phrase in lower case with single spaces, and the same without marks ("tỷ", "ty")."""
    keys = {" ".join(p.lower().split()) for p in phrases}
    return keys | {fold(k) for k in keys}


def _words_regex(phrases: Iterable[str]) -> str:
    """A regex matching any of ``phrases`` as whole words (any run of spaces between words)."""
    return trie_regex(sorted(phrases), gap=r"\s+") + r"(?!\w)"


def number_words(lexicons: Sequence[LexiconWords], search: SearchRules) -> NumberWords:
    """The query words of the lexicons' scales and currencies and of ``rules/search.yaml``."""
    factors: dict[str, int] = {}
    for scale in [s for lex in lexicons for s in lex.scales] + search.scales:
        factors.update(dict.fromkeys(_keys([scale.phrase]) - factors.keys(), 10**scale.power))
    currency = _words_regex(_keys(c.phrase for lex in lexicons for c in lex.currencies))
    percent = _words_regex(_keys(search.percent))
    scales = _words_regex(factors)
    return NumberWords(
        factors=factors,
        scale_after=re.compile(rf"\s*(?P<scale>{scales})(?:\s+(?P<times>{scales}))?", re.IGNORECASE),
        percent_after=re.compile(rf"\s*(?:%(?!\w)|{percent})", re.IGNORECASE),
        unit_after=re.compile(rf"\s*(?:{currency}|{percent}|%)", re.IGNORECASE),
        currency_before=re.compile(rf"(?<!\w){currency}\s*$", re.IGNORECASE),
    )


@cache
def bundled_number_words() -> NumberWords:
    """The query words of the bundled rules, from the files that hold them alone (a search
    compiles no pattern and loads no stage)."""
    return number_words([bundled_lexicon_words(lang) for lang in sorted(LANGUAGES)], bundled_search())


def _bundled_words(words: NumberWords | None) -> NumberWords:
    """``words``, or those of the bundled rules when none are given."""
    return words if words is not None else bundled_number_words()


@dataclass(frozen=True)
class NumberTerm:
    """A number found in a query: its text, every plausible reading, a scale and percent flag."""

    text: str
    readings: tuple[Decimal, ...]
    scale: int | None = None
    percent: bool = False

    def exact_values(self) -> tuple[str, ...]:
        """Canonical value texts this term stands for (readings times the scale)."""
        factor = self.scale or 1
        return tuple(dict.fromkeys(canonical(r * factor) for r in self.readings))

    def digit_keys(self) -> tuple[str, ...]:
        """Significant-digit keys of the readings, for a query that gives no scale."""
        return tuple(dict.fromkeys(digits(r) for r in self.readings))


def canonical(value: Decimal) -> str:
    """Exact decimal text without exponent or trailing zeros.

    >>> canonical(Decimal("13374E9")), canonical(Decimal("0.140"))
    ('13374000000000', '0.14')
    """
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def digits(value: Decimal) -> str:
    """Significant digits, the same however the number is written or scaled.

    >>> digits(Decimal("13374000000000")), digits(Decimal("13.374")), digits(Decimal("0.14"))
    ('13374', '13374', '14')
    """
    stripped = canonical(abs(value)).replace(".", "").strip("0")
    return stripped or "0"


# SQLite's INTEGER is 64-bit: a larger whole value (a typo of 23 nines) is kept as text only.
SQLITE_INTEGER_MAX = 2**63 - 1


def value_columns(value: Decimal) -> tuple[str, int | None, float, str]:
    """(value_text, value_int, value_num, value_digits) for storing ``value`` exactly;
    ``value_int`` is None for a fraction or a whole number beyond SQLite's INTEGER.

    >>> value_columns(Decimal("13374E9"))[:2], value_columns(Decimal("1E23"))[:2]
    (('13374000000000', 13374000000000), ('100000000000000000000000', None))
    """
    fits = value == value.to_integral_value() and abs(value) <= SQLITE_INTEGER_MAX
    return canonical(value), int(value) if fits else None, float(value), digits(value)


def readings(text: str, *, locale: QueryLocale = "auto") -> tuple[Decimal, ...]:
    """Every reading of a written number under ``locale`` ('auto' keeps both when ambiguous).

    >>> readings("13.374"), readings("13.374", locale="vi"), readings("0,14")
    ((Decimal('13374'), Decimal('13.374')), (Decimal('13374'),), (Decimal('0.14'),))
    """
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        last = "." if text.rfind(".") > text.rfind(",") else ","
        return _parse(text, decimal=last)
    if not dots and not commas:
        return _parse(text, decimal=None)
    sep = "." if dots else ","
    if dots + commas > 1 or not _grouping_possible(text, sep):
        return _parse(text, decimal=None if dots + commas > 1 else sep)
    return _ambiguous(text, sep, locale=locale)


def _grouping_possible(text: str, sep: str) -> bool:
    """True when one separator could be a thousands mark (exactly three digits follow it)."""
    head, tail = text.split(sep)
    return len(tail) == 3 and 1 <= len(head) <= 3 and not head.startswith("0")


def _ambiguous(text: str, sep: str, *, locale: QueryLocale) -> tuple[Decimal, ...]:
    """Readings of "13.374"/"13,374": grouping or decimal, as the locale says."""
    # Vietnamese groups with "." and marks decimals with ","; English the other way round.
    grouping_locale = "vi" if sep == "." else "en"
    as_group, as_decimal = _parse(text, decimal=None), _parse(text, decimal=sep)
    if locale == "auto":
        return as_group + as_decimal
    return as_group if locale == grouping_locale else as_decimal


def _parse(text: str, *, decimal: str | None) -> tuple[Decimal, ...]:
    """Parse with ``decimal`` as the decimal mark and the other separator as grouping."""
    integer, _, fraction = text.partition(decimal) if decimal else (text, "", "")
    cleaned = re.sub(r"[.,]", "", integer) + ("." + fraction if fraction else "")
    if decimal and re.search(r"[.,]", fraction):
        return ()
    try:
        return (Decimal(cleaned),)
    except InvalidOperation:
        return ()


def query_numbers(query: str, *, locale: QueryLocale = "auto",
                  words: NumberWords | None = None) -> list[NumberTerm]:
    """The numbers in a search query, with scale words ("tỷ", "billion") and "%" attached
    (``words``: by default those of the bundled rules).

    >>> [(t.text, t.scale, t.percent) for t in query_numbers("du no 13.357 ngàn tỉ, 0,14 phan tram")]
    [('13.357', 1000000000000, False), ('0,14', None, True)]
    """
    matches = list(_NUMBER.finditer(query))
    if not matches:
        return []  # the words are read only for a query that has a number
    words = _bundled_words(words)
    terms = []
    for match in matches:
        text = match.group(1) or match.group(2)
        scale = _scale_after(query, match.end(), words)
        percent = bool(words.percent_after.match(query, match.end()))
        found = readings(text, locale=locale)
        if found and not (scale is None and not percent and _looks_like_year(text)):
            terms.append(NumberTerm(text=text, readings=found, scale=scale, percent=percent))
    return terms


def _looks_like_year(text: str) -> bool:
    """A bare 19xx/20xx is a year the full-text search should match, not a figure."""
    return text.isdigit() and len(text) == 4 and 1900 <= int(text) <= 2100


def _scale_after(query: str, end: int, words: NumberWords) -> int | None:
    """The multiplier named right after a number ending at ``end`` ("tỷ" → 10**9, "ngàn tỉ" →
    10**12), if any."""
    match = words.scale_after.match(query, end)
    if not match:
        return None
    times = match["times"]
    return words.factor(match["scale"]) * (words.factor(times) if times else 1)


def words_without_numbers(query: str, *, words: NumberWords | None = None) -> str:
    """The query less its numbers and the scale/unit words around them: what goes to full text.

    >>> words_without_numbers("du no VND 13,357 billion dong Nghe An")
    'du no Nghe An'
    """
    matches = list(_NUMBER.finditer(query))
    if not matches:
        return " ".join(query.split())  # no number: no words to read or to take out
    words = _bundled_words(words)
    spans = [
        _number_phrase(query, m.start(), m.end(), words)
        for m in matches
        if not _looks_like_year(m.group(0)) or words.scale_after.match(query, m.end())
    ]
    kept, last = [], 0
    for start, end in spans:
        kept.append(query[last:start])
        last = end
    kept.append(query[last:])
    return " ".join(" ".join(kept).split())


def _number_phrase(query: str, start: int, end: int, words: NumberWords) -> tuple[int, int]:
    """Widen a number's span over a currency before it and scale/unit words after it."""
    # Looked for just before the number: searching the whole head for each number cost O(n²).
    before = words.currency_before.search(query, max(0, start - CURRENCY_REACH), start)
    if before:
        start = before.start()
    scale = words.scale_after.match(query, end)
    end = scale.end() if scale else end
    unit = words.unit_after.match(query, end)
    return start, unit.end() if unit else end
