"""Plain records the query layer returns: the CLI prints them, the web renders and paginates them."""

from __future__ import annotations

import datetime as dt
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, computed_field

from extractor.models import (
    Boundaries,
    Document,
    Figure,
    Language,
    Number,
    Observation,
    Record,
    Status,
)


class ObservationFilter(Record):
    """Filters of ``query_observations`` (every one optional; dates bound ``obs_date``)."""

    province: str | None = None
    indicator: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    boundaries: Boundaries | None = None
    status: Status | None = None
    document_id: str | None = None
    rows: Literal["all", "totals", "parts"] = "all"  # totals: of a known place, no breakdowns


class StoredObservation(Observation):
    """An observation as stored: its row id, the date it is filed under and its source document.

    Rolled-up rows (old provinces summed into a 2025 province) have ``id`` None, ``rolled_up``
    True, the ids of the observations summed in ``parts`` and the rule in ``rules["rollup"]``.
    """

    id: int | None
    obs_date: dt.date | None = None
    source: str = ""
    title: str | None = None
    published: dt.date | None = None
    language: Language | None = None
    sentence_id: int | None = None
    rolled_up: bool = False
    parts: tuple[int, ...] = ()


T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of results: the items, the paging used and the total when it was counted."""

    model_config = ConfigDict(frozen=True, defer_build=True)  # built when first used, as a Record

    items: list[T]
    limit: int
    offset: int
    total: int | None = None


class SearchHit(Record):
    """A sentence matching a search: where it sits in which document, and its observations."""

    document_id: str
    sentence_id: int
    sentence: str
    start: int | None
    end: int | None
    title: str | None = None
    source: str = ""
    published: dt.date | None = None
    language: Language | None = None
    matched: Literal["text", "number", "both"]
    observation_ids: tuple[int, ...] = ()


class DocumentHit(Record):
    """A document matching a search on its title or text."""

    document_id: str
    title: str | None
    source: str
    published: dt.date | None
    language: Language | None
    province: str | None
    snippet: str


class TableCell(Record):
    """One cell of the province × indicator table: the latest value and how many sources give it.

    ``sources`` counts distinct documents giving ``value`` at ``as_of`` (near-duplicate copies
    count once); ``conflict`` is True when the conflicts page lists that date: other documents
    give another exact value the text dates (one document's vague and exact figures are none).
    ``as_of`` is the date the cell is ordered by: the date the text gives the value at, else the
    end of its period (a flow), else the period's start when the text gives no end ("since the
    bank was founded" in an undated article). ``period_start`` and ``period_end`` are the
    period of a flow, and ``date`` the value's date as an ISO 8601 interval: "2024-12-31",
    "2024-01-01/2024-12-31", "2002-10-04/.." (an open end): shown instead of ``as_of``, which
    alone would read an open period's start as the date of the value.
    """

    province: str
    boundaries: Boundaries | None
    indicator: str
    value: Number
    unit: str
    as_of: dt.date | None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    sources: int
    conflict: bool = False
    observation_id: int | None = None
    document_id: str = ""
    rolled_up: bool = False

    @computed_field  # type: ignore[prop-decorator]  # pydantic's documented form
    @property
    def date(self) -> str:
        """The value's date or period as an ISO 8601 interval ("" when undated)."""
        return iso_interval(self.as_of, self.period_start, self.period_end)


def iso_interval(as_of: dt.date | None, start: dt.date | None, end: dt.date | None) -> str:
    """A date, a period "start/end", an open one "start/.." or "../end", or "" (ISO 8601-2).

    >>> iso_interval(dt.date(2024, 12, 31), None, None)
    '2024-12-31'
    >>> iso_interval(dt.date(2002, 10, 4), dt.date(2002, 10, 4), None)
    '2002-10-04/..'
    """
    if start is None and end is None:
        return as_of.isoformat() if as_of else ""
    return f"{start.isoformat() if start else '..'}/{end.isoformat() if end else '..'}"


class Conflict(Record):
    """Two different values for the same province, indicator and date, from different documents."""

    province: str | None
    boundaries: Boundaries | None
    indicator: str
    as_of: dt.date | None
    period_start: dt.date | None
    period_end: dt.date | None
    a: StoredObservation
    b: StoredObservation


class DocumentCopy(Record):
    """A near-duplicate link: ``doc_id`` is a copy of ``copy_of_doc_id``."""

    doc_id: str
    copy_of_doc_id: str
    similarity: float


class StoredDocument(Record):
    """A stored document with everything read from it, for a document page."""

    document: Document
    raw_sha256: str | None
    ingested_at: str
    figures: tuple[Figure, ...] = ()
    observations: tuple[StoredObservation, ...] = ()
    copies: tuple[DocumentCopy, ...] = ()
    warnings: tuple[str, ...] = ()


# ---- browsing: faceted search, a province over time, what the table holds ---------------------

class Facet(Record):
    """One value of a facet or list (a province, an indicator…), its label and how many items carry it."""

    value: str
    label: str
    count: int


class ObservationBrief(Record):
    """The observations shown beside a search hit."""

    id: int
    indicator: str
    province: str | None
    value: Number
    unit: str
    qualifier: str
    obs_date: dt.date | None


class Hit(Record):
    """A sentence matching a faceted search, with where it comes from and what it states."""

    sentence_id: int
    sentence: str
    document_id: str
    title: str | None
    source: str
    published: dt.date | None
    language: str | None
    start: int | None
    observations: tuple[ObservationBrief, ...] = ()


class SearchFilters(Record):
    """The search box and its facets."""

    q: str = ""
    province: str | None = None
    indicator: str | None = None
    year: int | None = None
    language: Language | None = None
    source: str | None = None


class SearchResult(Record):
    """One page of search hits with facet counts over (at most) the first ``facet_sample`` hits."""

    filters: SearchFilters
    items: list[Hit]
    limit: int
    offset: int
    has_more: bool
    facets: dict[str, list[Facet]] = Field(default_factory=dict)
    facet_sample: int
    sampled_hits: int
    ranked: bool = False
    order: Literal["relevance", "added"] = Field("added", description="How the hits are ordered: relevance "
                                                 "(words together first, then shorter sentences) or the order "
                                                 "they were added, latest first.")
    asked: str = Field("", description="The query as typed, before the names in it became filters.")
    understood: list[str] = Field(default_factory=list, description="The filters read from the query's words "
                                                                    "(province, indicator).")
    understood_words: dict[str, str] = Field(default_factory=dict, description="The words each was read from.")


class SeriesPoint(Record):
    """One date of a province's indicator: the value most sources give, and the evidence."""

    date: dt.date
    value: Number
    unit: str
    qualifier: str
    sources: int
    values_given: int
    observation_id: int
    document_id: str


class Series(Record):
    """One indicator of one province over time, on one map and in one unit."""

    indicator: str
    label: str
    unit: str
    boundaries: str | None
    span: str = ""
    points: list[SeriesPoint]
    province: str | None = None


class DocumentBrief(Record):
    """Where a document comes from (for copies and links)."""

    id: str
    title: str | None
    source: str
    published: dt.date | None
    language: str | None
