"""Exact numeric columns for stored values, and numbers read out of a search query.

No tokenizer equates "13374", "13.374" and "13,374", so values are matched on columns: the
exact decimal text, and the significant digits (what every way of writing a number shares).
Query numbers are read with an explicit locale; when a separator is ambiguous ("13.374" is
13374 in Vietnamese and 13.374 in English) both readings are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Literal

QueryLocale = Literal["auto", "en", "vi"]

_SCALES: tuple[tuple[str, int], ...] = (
    (r"nghìn tỷ|nghìn tỉ|ngàn tỷ|ngàn tỉ|nghin ty|ngan ty|trillion|tn", 10**12),
    (r"tỷ|tỉ|ty|billion|bn|bln", 10**9),
    (r"triệu|trieu|million|mn|mln|tr", 10**6),
    (r"nghìn|ngàn|nghin|ngan|thousand|k", 10**3),
)
_UNIT_WORDS = r"vnd|vnđ|đồng|dong|đ|usd|percent|per cent|phần trăm|phan tram"
_NUMBER = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)*)(?!\w)|(?<=[A-Za-z])(\d+(?:[.,]\d+)*)", re.UNICODE)
_SCALE_AFTER = re.compile(
    r"\s*(" + "|".join(p for p, _ in _SCALES) + r")(?!\w)", re.IGNORECASE | re.UNICODE
)
_PERCENT_AFTER = re.compile(r"\s*(%|percent|per cent|phần trăm|phan tram)(?!\w)", re.IGNORECASE)
_UNIT_AFTER = re.compile(r"\s*(?:(?:" + _UNIT_WORDS + r")(?!\w)|%)", re.IGNORECASE | re.UNICODE)
_CURRENCY_BEFORE = re.compile(r"(?<!\w)(?:vnd|vnđ|usd)\s*$", re.IGNORECASE)


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


def value_columns(value: Decimal) -> tuple[str, int | None, float, str]:
    """(value_text, value_int, value_num, value_digits) for storing ``value`` exactly."""
    integral = value == value.to_integral_value()
    return canonical(value), int(value) if integral else None, float(value), digits(value)


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


def query_numbers(query: str, *, locale: QueryLocale = "auto") -> list[NumberTerm]:
    """The numbers in a search query, with scale words ("tỷ", "billion") and "%" attached."""
    terms = []
    for match in _NUMBER.finditer(query):
        text = match.group(1) or match.group(2)
        after = query[match.end():]
        scale = _scale_after(after)
        percent = bool(_PERCENT_AFTER.match(after))
        found = readings(text, locale=locale)
        if found and not (scale is None and not percent and _looks_like_year(text)):
            terms.append(NumberTerm(text=text, readings=found, scale=scale, percent=percent))
    return terms


def _looks_like_year(text: str) -> bool:
    """A bare 19xx/20xx is a year the full-text search should match, not a figure."""
    return text.isdigit() and len(text) == 4 and 1900 <= int(text) <= 2100


def _scale_after(text: str) -> int | None:
    """The multiplier named right after a number ("tỷ" → 10**9), if any."""
    match = _SCALE_AFTER.match(text)
    if not match:
        return None
    word = match.group(1).lower()
    return next(factor for pattern, factor in _SCALES if re.fullmatch(pattern, word, re.IGNORECASE))


def words_without_numbers(query: str) -> str:
    """The query less its numbers and the scale/unit words around them: what goes to full text."""
    spans = [
        _number_phrase(query, m.start(), m.end())
        for m in _NUMBER.finditer(query)
        if not _looks_like_year(m.group(0)) or _SCALE_AFTER.match(query, m.end())
    ]
    kept, last = [], 0
    for start, end in spans:
        kept.append(query[last:start])
        last = end
    kept.append(query[last:])
    return " ".join(" ".join(kept).split())


def _number_phrase(query: str, start: int, end: int) -> tuple[int, int]:
    """Widen a number's span over a currency before it and scale/unit words after it."""
    before = _CURRENCY_BEFORE.search(query[:start])
    if before:
        start = before.start()
    scale = _SCALE_AFTER.match(query, end)
    end = scale.end() if scale else end
    unit = _UNIT_AFTER.match(query, end)
    return start, unit.end() if unit else end
