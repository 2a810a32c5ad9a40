"""Drafts: what a rule found, before overlaps are settled and values are finalised."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any

from extractor.nlp.hits import Hit
from extractor.nlp.numbers import readings, well_formed
from extractor.nlp.rules import RuleSet

# The note of a vague amount ("thousands of households", "hàng trăm tỷ đồng"): its value is a lower bound
# (the linker reads a vague amount beside an exact one of the same fact as said again).
VAGUE_NOTE = "vague amount: value is the lower bound"


@dataclass(slots=True)
class FigureDraft:
    """A number with its unit; ``readings`` are the possible values of the written number."""

    kind: str
    start: int
    end: int
    rule: str
    priority: int
    number_text: str
    multiplier: Decimal
    unit: str
    readings: tuple[Decimal, ...] = ()
    qualifier: str = "exact"
    counted: str | None = None
    addend: Decimal = Decimal(0)
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class DateDraft:
    """A date mention; ``resolve(context_year, published)`` gives the DateMention fields."""

    start: int
    end: int
    rule: str
    priority: int
    explicit_year: int | None
    day_precise: bool
    context: bool
    resolve: Callable[[int | None, Any], dict[str, Any] | None]
    kind: str = "date"
    # "the same period of 2020" ("cùng kỳ năm 2020"): the period named before it, in that year
    same_period: bool = False
    # A day, month, quarter or half written without a year of its own, in words or digits
    # ("tháng 6", "June 30"; not "năm nay", "last year"): it may take the year its sentence opens with.
    takes_year: bool = False
    # An edge of a year written without it ("đầu năm", "the beginning of the year"): the year of
    # the one date its sentence states, when it states one ("By December 31, 2024, … compared
    # to the beginning of the year" read in January 2025 is the start of 2024).
    year_edge: bool = False


@dataclass(slots=True)
class LegalDraft:
    """A legal reference; short forms are resolved against the full ones afterwards."""

    start: int
    end: int
    rule: str
    priority: int
    fields: dict[str, Any]
    short: bool = False
    kind: str = "legal"


Match = Hit


def span_of(match: Match) -> tuple[int, int]:
    """The reported span: the ``fig`` group when the rule has one (widened to the context
    matched before it), else the whole hit."""
    if "fig" in match.re.groupindex and match.group("fig") is not None:
        start, end = match.span("fig")
        return min(start, match.start()) if match.before is not None else start, end
    return match.span()


def qualifier_of(match: Match, rs: RuleSet) -> str:
    """The qualifier word's meaning ("over" → more_than), exact when there is none."""
    word = group(match, "qual")
    return rs.find("qualifiers", word) or "exact" if word else "exact"


def group(match: Match, name: str) -> str | None:
    """A named group's text, or None when the rule has no such group or it did not match
    (a hit's ``values`` hold exactly its rule's groups)."""
    return match.values.get(name)


# The groups of a figure rule that hold a written number (NUM in the lexicons).
NUMBER_GROUPS = ("num", "num2", "part2", "part3")


def numbers_readable(match: Match) -> bool:
    """Whether every number the match wrote has a reading: a typo such as "1,234,5 billion
    VND" gives no figure (guessing would store a wrong value; failing would lose the document)."""
    return all(well_formed(text) for name in NUMBER_GROUPS if (text := group(match, name)))


@cache
def ten_to(power: int) -> Decimal:
    """10 ** ``power`` as a Decimal (built once per power: scale words repeat)."""
    return Decimal(10) ** power


def power_of(match: Match, rs: RuleSet, name: str = "scale") -> int:
    """The power of ten of a scale word group (billion → 9), 0 when absent."""
    word = group(match, name)
    return int(rs.find("scales", word) or 0) if word else 0


def number_readings(text: str, rs: RuleSet) -> tuple[Decimal, ...]:
    """Readings of a written number in this language's notation (see numbers.readings)."""
    return readings(text, decimal_separator=rs.lexicon.number.decimal_separator).values
