"""The records every stage passes on: documents, figures, dates, legal references, observations.

All records are frozen pydantic models that refuse unknown fields. Every record that comes from
text carries its evidence: the raw text, character offsets into ``Document.text``, the sentence
and the id of the rule that produced it. Money in VND is an integer number of đồng; rates are
``Decimal``; nothing numeric is ever a float.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from decimal import Decimal
from typing import Annotated, Any, Literal, NoReturn, Self, TypeVar

from pydantic import BaseModel, ConfigDict, PlainSerializer, model_validator

Language = Literal["en", "vi"]
FigureKind = Literal["money", "count", "percent", "ratio"]
Qualifier = Literal["exact", "approx", "more_than", "less_than"]
Granularity = Literal["day", "month", "quarter", "half", "year"]
Boundaries = Literal["pre-2025", "2025"]
Status = Literal["actual", "target"]
# What an observation is a part of its place's total by: one lending programme, one area inside the
# province (a district, a commune), one channel (a mass organisation), one group of borrowers, one
# source of capital, or an average per household or borrower.
PartKind = Literal["programme", "area", "channel", "group", "source", "average", "share"]
LegalKind = Literal[
    "directive",
    "conclusion",
    "resolution",
    "decision",
    "decree",
    "circular",
    "plan",
    "official_letter",
    "law",
    "notice",
    "report",
    "instruction",
    "programme",
    "other",
]


def _number_json(value: Decimal) -> int | float:
    """JSON numbers: integral values as ints, others as the shortest float that round-trips."""
    return int(value) if value == value.to_integral_value() else float(value)


Number = Annotated[Decimal, PlainSerializer(_number_json, when_used="json")]
Box = tuple[float, float, float, float]
UnitKind = Literal["money", "percent", "count"]
PERCENT_UNITS = ("%", "percent", "percentage_points")


def unit_kind(unit: str | None) -> UnitKind:
    """What a unit measures: money (đồng: "VND", "VND/household"), a share or rate ("%",
    "percentage_points") or a count (households, people, offices …)."""
    if unit and unit.upper().startswith("VND"):
        return "money"
    return "percent" if unit in PERCENT_UNITS else "count"


class Record(BaseModel):
    """Base for every record: immutable, strict about fields. Each record's validator is built
    when it first validates (``defer_build``): a command that reads two kinds of records does not
    wait for the validators of the twenty others (a twentieth of a second of a store query's start)."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


R = TypeVar("R", bound=Record)


def validated(model: type[R], fields: dict[str, Any]) -> R:
    """``model(**fields)``, validated alike, for a fifth less: ``BaseModel.__init__`` packs the
    keywords into a dict again and hands the validator an instance to fill, which costs more
    than the validator making one. (``model_construct`` would skip the checks, yet costs more:
    pydantic fills its defaults in Python.) For records made in bulk: figures, dates, legal
    references, observations, a PDF's word boxes; each shares its set of given fields with the
    records of its kind given the same (``_shared_fields``)."""
    record: R = model.__pydantic_validator__.validate_python(fields)
    return _shared_fields(record)


class SharedFields(set[str]):
    """The given field names that records of one kind share (``_shared_fields``): read-only, since
    a change would reach every record holding it (``record.model_fields_set.add(…)`` raises); a
    copy, as ``model_copy`` takes before adding the fields it updates, is a plain set of its own."""

    def _refuse(self) -> NoReturn:
        raise TypeError("records share this set of given fields: copy it (set(...)) to change it")

    def add(self, element: str) -> None:
        self._refuse()

    def discard(self, element: object) -> None:
        self._refuse()

    def remove(self, element: str) -> None:
        self._refuse()

    def pop(self) -> str:
        self._refuse()

    def clear(self) -> None:
        self._refuse()

    def update(self, *others: Iterable[str]) -> None:
        self._refuse()

    def difference_update(self, *others: Iterable[Any]) -> None:
        self._refuse()

    def intersection_update(self, *others: Iterable[Any]) -> None:
        self._refuse()

    def symmetric_difference_update(self, other: Iterable[str]) -> None:
        self._refuse()

    def __ior__(self, other: AbstractSet[str]) -> Self:  # type: ignore[override,misc]
        self._refuse()

    def __iand__(self, other: AbstractSet[object]) -> Self:
        self._refuse()

    def __isub__(self, other: AbstractSet[object]) -> Self:
        self._refuse()

    def __ixor__(self, other: AbstractSet[str]) -> Self:  # type: ignore[override,misc]
        self._refuse()

    def __copy__(self) -> set[str]:
        return set(self)

    def __deepcopy__(self, memo: dict[int, Any]) -> set[str]:
        return set(self)

    def __reduce__(self) -> tuple[type[set[str]], tuple[list[str]]]:
        return set, (list(self),)


# One set of given field names per record kind and set of names: pydantic keeps a set per
# record, and a set of a dozen names outweighs the record's own values (it was half the memory
# of a long document's records: 624 against 482 MB at the peak of a 5 MB text).
_FIELD_SETS: dict[tuple[type[Record], frozenset[str]], SharedFields] = {}


def _shared_fields(record: R) -> R:
    """``record`` holding the one read-only set of its given field names its kind and names
    share. Records are frozen, so pydantic never adds to it (it does so on assignment only), and
    ``model_copy`` gives the copy a plain set of its own."""
    given = record.__pydantic_fields_set__
    key = (type(record), frozenset(given))
    shared = _FIELD_SETS.get(key)
    if shared is None:
        shared = _FIELD_SETS[key] = SharedFields(given)
    object.__setattr__(record, "__pydantic_fields_set__", shared)
    return record


class Span(Record):
    """Where a record sits in ``Document.text`` and the sentence around it."""

    text: str
    start: int
    end: int
    sentence: str = ""
    sentence_start: int = 0
    rule: str = ""
    page: int | None = None
    bbox: Box | None = None

    @model_validator(mode="after")
    def _offsets_ordered(self) -> Span:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad offsets {self.start}..{self.end}")
        return self


class Document(Record):
    """One source document: the clean text and what we know about where it came from."""

    id: str
    source: str
    title: str | None = None
    published: dt.date | None = None
    language: Language = "en"
    language_evidence: str = ""
    text: str
    province: str | None = None
    content_type: str = "text/plain"
    meta: dict[str, str] = {}


class Figure(Span):
    """A number with what it measures: money, count, percent or ratio."""

    kind: FigureKind
    value: Number
    unit: str
    qualifier: Qualifier = "exact"
    counted: str | None = None
    change: Literal["increase", "decrease"] | None = None
    upper: Number | None = None
    confidence: float = 1.0
    notes: tuple[str, ...] = ()
    row_header: str | None = None
    column_header: str | None = None
    ocr: bool = False

    @model_validator(mode="after")
    def _vnd_is_integral(self) -> Figure:
        if self.unit.startswith("VND") and self.value != self.value.to_integral_value():
            raise ValueError(f"VND amount must be a whole number of đồng, got {self.value}")
        return self


class DateMention(Span):
    """A date, a point at the edge of a period, or a period.

    ``value`` is set when the text pins one day ("30/6/2024", "the end of 2024" → 2024-12-31);
    ``period_start``/``period_end`` are set when it names a span ("the first 6 months of 2024").
    ``granularity`` is the precision the text gives.
    """

    value: dt.date | None = None
    granularity: Granularity = "day"
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    year_inferred: bool = False

    @model_validator(mode="after")
    def _has_a_date(self) -> DateMention:
        if self.value is None and self.period_start is None and self.period_end is None:
            raise ValueError("a date mention needs a value or a period")
        return self


class LegalRef(Span):
    """A reference to a Vietnamese legal or party document: "Directive No. 40-CT/TW"."""

    id: str
    kind: LegalKind
    number: str
    year: int | None = None
    type_code: str
    issuer_code: str
    issuer: str | None = None
    issued: dt.date | None = None
    short_form: bool = False


class Observation(Record):
    """One row of the indicator table, traceable to the figure and sentence it came from.

    A breakdown (``part_of`` set) is a part of its place's total, never the total; an
    observation whose ``province`` is None is kept for review but counts for no province.
    """

    indicator: str
    province: str | None = None
    boundaries: Boundaries | None = None
    value: Number
    unit: str
    qualifier: Qualifier = "exact"
    as_of: dt.date | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    date_inferred: bool = False
    status: Status = "actual"
    change_value: Number | None = None
    change_unit: str | None = None
    change_baseline: dt.date | None = None
    part_of: PartKind | None = None
    part: str | None = None  # the words naming the part ("Thang Binh district", "job creation")
    document_id: str = ""
    text: str
    start: int
    end: int
    sentence: str
    rules: dict[str, str] = {}
    why: dict[str, str] = {}  # the rules above in words, for people ("province from the outlet …")


class Extraction(Record):
    """Everything read from one document: the JSON contract of ``extractor extract``."""

    document: Document
    figures: tuple[Figure, ...] = ()
    dates: tuple[DateMention, ...] = ()
    legal_refs: tuple[LegalRef, ...] = ()
    observations: tuple[Observation, ...] = ()
    warnings: tuple[str, ...] = ()

    def contract(self, *, with_text: bool = False) -> dict[str, object]:
        """The JSON contract of ``extractor extract``: every record, the document text only
        when asked (offsets point into it)."""
        exclude = None if with_text else {"document": {"text"}}
        return self.model_dump(mode="json", exclude=exclude)
