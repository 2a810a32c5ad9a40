"""Numbers as written, read with an explicit locale.

Vietnamese writes "13.374" for thirteen thousand three hundred seventy-four and "0,14" for a
decimal; English writes "13,374" and "0.14". One separator followed by exactly three digits
("13.090", "13,374") can be read both ways: ``readings`` returns both, the locale's reading
first, and ``choose`` picks one with the evidence at hand, saying why.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

SEPARATORS = ".,"
# A reading is "like its siblings" when within half an order of magnitude of one of them,
# and at least half an order nearer than the other reading.
SIBLING_NEAR = 0.5
SIBLING_MARGIN = 0.5
# What ``readings`` reads, as one regex over digits and separators: no separator, or one mark
# once; or thousands groups of one mark (twice or more), or of one mark then the other as the
# decimal mark. ``well_formed`` checks a written number with it instead of building Decimals.
NUMBER_CHARS = re.compile(r"[\d.,]+")
# Thousands grouped with a space ("19 136", "12 400", also a no-break or thin space): a first
# group of one to three digits (no leading zero), then groups of exactly three, maybe a decimal.
SPACE_GROUPED = re.compile(r"[1-9]\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?")
SPACES = re.compile(r"[ \u00a0\u202f]")
READABLE = re.compile(r"\d+|\d*[.,]\d*|\d{1,3}(?:(?:\.\d{3}){2,}|(?:,\d{3}){2,}|(?:,\d{3})+\.\d*|(?:\.\d{3})+,\d*)")


@dataclass(frozen=True)
class Readings:
    """The possible values of a written number; ``values[0]`` is the locale's reading."""

    values: tuple[Decimal, ...]


def _digits(text: str) -> Decimal:
    return Decimal("".join(ch for ch in text if ch.isdigit()))


def _grouped(parts: list[str]) -> bool:
    """True when the parts are digits, those after the first groups of three."""
    return (1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:])
            and all(p.isdigit() for p in parts))


def _as_decimal(integer: str, fraction: str) -> Decimal:
    return Decimal(f"{integer or '0'}.{fraction}")


def readings(text: str, *, decimal_separator: str, mixed: bool = False) -> Readings:
    """All sensible readings of ``text``, the ``decimal_separator`` locale's first.

    A single separator before exactly three digits is ambiguous when it is the locale's
    decimal mark ("13.090" in English could be Vietnamese for 13,090), or when the document
    is ``mixed`` (it also shows the other notation).

    >>> readings("13.374", decimal_separator=",").values
    (Decimal('13374'),)
    >>> readings("0,14", decimal_separator=",").values
    (Decimal('0.14'),)
    >>> readings("13,374", decimal_separator=".").values
    (Decimal('13374'),)
    >>> readings("13.090", decimal_separator=".").values
    (Decimal('13.090'), Decimal('13090'))
    >>> readings("3.107.885", decimal_separator=".").values
    (Decimal('3107885'),)

    Thousands grouped with spaces read as one number:

    >>> readings("19 136", decimal_separator=",").values
    (Decimal('19136'),)

    ValueError when the separators make no number ("1,234,5", "2,8.5": see ``well_formed``).
    """
    if SPACES.search(text):
        if not SPACE_GROUPED.fullmatch(text):
            raise ValueError(f"not a number: {text!r}")
        text = SPACES.sub("", text)
    seps = [ch for ch in text if ch in SEPARATORS]
    if not seps:
        return Readings((Decimal(text),))
    if len(set(seps)) == 2:
        return Readings((_mixed(text, seps[-1]),))
    sep = seps[0]
    parts = text.split(sep)
    if len(parts) > 2:
        if not _grouped(parts):
            raise ValueError(f"not a number: {text!r}")
        return Readings((_digits(text),))
    return _one_separator(parts[0], parts[1], sep, decimal_separator, mixed)


def well_formed(text: str) -> bool:
    """Whether ``text`` (digits and separators) reads as a number: groups of three between
    thousands marks, at most one decimal mark, last. A typo ("1,234,5 billion", "0,0,5") has
    no sensible reading, so it gives no figure rather than a guessed one.

    >>> well_formed("1.234,5"), well_formed("13,625,214"), well_formed("1,234,5"), well_formed("2,8.5")
    (True, True, False, False)
    """
    if NUMBER_CHARS.fullmatch(text):
        return READABLE.fullmatch(text) is not None
    try:  # anything else is read as ``readings`` reads it
        readings(text, decimal_separator=".")
    except ValueError:
        return False
    return True


def _mixed(text: str, decimal_sep: str) -> Decimal:
    """Both separators: the last one is the decimal mark ("1.234,5", "1,234.5")."""
    integer, fraction = text.rsplit(decimal_sep, 1)
    group_sep = "," if decimal_sep == "." else "."
    if not _grouped(integer.split(group_sep)):
        raise ValueError(f"not a number: {text!r}")
    return _as_decimal(integer.replace(group_sep, ""), fraction)


def _one_separator(integer: str, fraction: str, sep: str, decimal_separator: str,
                   mixed: bool) -> Readings:
    as_decimal = _as_decimal(integer, fraction)
    if len(fraction) != 3 or integer == "0" or len(integer) > 3:
        return Readings((as_decimal,))
    as_group = Decimal(integer + fraction)
    if sep == decimal_separator:
        return Readings((as_decimal, as_group))
    return Readings((as_group, as_decimal) if mixed else (as_group,))


def foreign_notation(texts: Sequence[str], *, decimal_separator: str) -> bool:
    """True when some number can only be read in the other notation ("0,14" in English).

    >>> foreign_notation(["13,374", "0,14"], decimal_separator=".")
    True
    >>> foreign_notation(["13,374", "7.52"], decimal_separator=".")
    False
    """
    group_separator = "," if decimal_separator == "." else "."
    for text in texts:
        parts = text.split(group_separator)
        if len(parts) == 2 and decimal_separator not in text and len(parts[1]) != 3:
            return True
        if text.count(decimal_separator) > 1:
            return True
    return False


def parse_number(text: str, *, decimal_separator: str) -> Decimal:
    """The locale's reading of a written number.

    >>> parse_number("140.000", decimal_separator=",")
    Decimal('140000')
    >>> parse_number("41,7", decimal_separator=",")
    Decimal('41.7')
    """
    return readings(text, decimal_separator=decimal_separator).values[0]


@dataclass(frozen=True)
class Choice:
    """The reading chosen for an ambiguous number, with the evidence."""

    value: Decimal
    confidence: float
    note: str


def choose(
    text: str,
    candidates: Sequence[Decimal],
    *,
    plausible_max: float | None,
    siblings: Sequence[Decimal],
    integral: bool,
    mixed: bool = False,
    notation_shown: bool = False,
) -> Choice:
    """Pick among the readings (already scaled) of an ambiguous number.

    Evidence in order: a reading that is impossible (a fraction of a household) or
    implausible for the unit; a document that shows its notation (``notation_shown``: it
    writes thousands with the other mark, "3.418 tỷ", so "7,250 tỷ" is 7.25); the magnitude
    of unambiguous sibling numbers with the same unit and scale word ("66,251 billion …
    55.518 billion"); in a document that mixes notations,
    the thousands-group reading (decimals rarely run to three digits); trailing zeros (nobody
    writes "1.000 billion" for one billion); else the locale's reading.
    """
    pool = [v for v in candidates if not integral or v == v.to_integral_value()]
    if len(pool) == 1:
        return Choice(pool[0], 0.95, f"{text!r}: the other reading is not a whole number")
    plausible = [v for v in pool if plausible_max is None or v <= Decimal(str(plausible_max))]
    if len(plausible) == 1:
        return Choice(plausible[0], 0.9, f"{text!r}: the other reading is implausibly large")
    pool = plausible or pool
    if notation_shown:
        return Choice(pool[0], 0.85, f"{text!r}: the document writes its thousands with the "
                      "other mark, so this one is its decimal mark")
    by_siblings = _closest_to_siblings(pool, siblings)
    if by_siblings is not None:
        return Choice(by_siblings, 0.8, f"{text!r}: read like the sibling figures' magnitude")
    fraction = text.replace(",", ".").rsplit(".", 1)[-1]
    if mixed:
        return Choice(max(pool), 0.7, f"{text!r}: the document mixes notations; three digits "
                      "after the separator read as a thousands group")
    if fraction.endswith("0"):
        grouped = max(pool)
        return Choice(grouped, 0.7, f"{text!r}: trailing zero, read as a thousands group")
    return Choice(pool[0], 0.6, f"{text!r}: ambiguous separator, read in the document's notation")


def _closest_to_siblings(pool: Sequence[Decimal], siblings: Sequence[Decimal]) -> Decimal | None:
    """The reading nearest (in orders of magnitude) to some sibling, when clearly nearest."""
    logs = [math.log10(s) for s in siblings if s > 0]
    if not logs:
        return None
    distances = sorted((min(abs(math.log10(v) - s) for s in logs), v) for v in pool if v > 0)
    if len(distances) < 2:
        return None
    (best, value), (second, _) = distances[0], distances[1]
    return value if best < SIBLING_NEAR and second - best >= SIBLING_MARGIN else None
