"""The records the web layer returns: each page's data, which is also its JSON twin under /api/.

Search results, series, facets and document briefs are the store's records (``store/records.py``).

Every JSON answer is one envelope: ``{"ok": true, "data": …}`` on success and
``{"ok": false, "error": …, "status": …, "code": …, "hint": …}`` on failure (datasette's error shape,
with the project's error code and what to do).
"""

from __future__ import annotations

import datetime as dt
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from extractor.check.records import Claim, Verdict
from extractor.models import Document, Figure, Number
from extractor.store.records import (
    Conflict,
    DocumentBrief,
    DocumentCopy,
    Facet,
    Series,
    StoredObservation,
)

T = TypeVar("T")


class View(BaseModel):
    """Base of the page records: frozen, strict."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Envelope(BaseModel, Generic[T]):
    """A successful JSON answer."""

    ok: Literal[True] = True
    data: T


class ErrorBody(BaseModel):
    """A failed JSON answer (every status, every route): what failed, its HTTP status, the error's code
    (the library's ``E0xx``, the web's own ``E4xx``/``E500``) and what to do."""

    ok: Literal[False] = False
    error: str
    status: int
    code: str
    hint: str | None = None


class KeyFigure(View):
    """One of the figures a province page leads with: the latest value of a key indicator."""

    indicator: str
    value: Number
    unit: str
    qualifier: str
    date: dt.date
    boundaries: str | None
    observation_id: int


class ProvinceView(View):
    """A province page: key figures, every indicator over time (in the order of meaning), and how
    the 2025 merger changed the province."""

    province: str
    known: bool
    series: list[Series]
    key_figures: list[KeyFigure] = Field(default_factory=list)
    observations: int
    merged_into: str | None = Field(None, description="The 2025 province this pre-2025 province became part of.")
    formed_from: list[str] = Field(default_factory=list, description="The pre-2025 provinces of this 2025 province.")


class ProvinceList(View):
    """Every province in the table, with how many indicators and observations it has."""

    provinces: list[Facet]


class IndicatorRow(View):
    """One province's latest value of an indicator on or before the chosen date."""

    province: str
    boundaries: str | None
    value: Number
    unit: str
    as_of: dt.date | None  # the date the row is ordered by (see TableCell)
    period_start: dt.date | None = None  # a flow's period, shown instead of ``as_of``
    period_end: dt.date | None = None
    sources: int
    conflict: bool
    observation_id: int | None
    document_id: str
    rank: int
    title: str | None = None
    source: str = ""


class IndicatorView(View):
    """An indicator page: every province's latest value within a window ending at one date, ranked,
    and the indicator over time for chosen provinces."""

    indicator: str
    label: str
    date: dt.date | None = Field(description="The date the ranking is at (the latest with values when not asked).")
    window_months: int = Field(description="Values dated within this many months before ``date`` are ranked.")
    window_start: dt.date | None = None
    boundaries: str | None
    sort: Literal["value", "province", "date"] = "value"
    descending: bool = True
    rows: list[IndicatorRow]
    national: list[IndicatorRow]
    older: list[IndicatorRow] = Field(default_factory=list, description="Provinces whose latest value is older "
                                                                        "than the window (not ranked).")
    dates: list[dt.date]
    chosen: list[str] = Field(default_factory=list, description="Provinces drawn over time.")
    series: list[Series] = Field(default_factory=list, description="The indicator over time for the chosen "
                                                                   "provinces.")


class FigureRecord(View):
    """A figure of a document with the observation it became, if any."""

    index: int
    figure: Figure
    observation: StoredObservation | None = None


class DocumentView(View):
    """A document page: the clean text, every figure and observation, the copies."""

    document: Document
    figures: list[FigureRecord]
    observations: list[StoredObservation]
    copies: list[DocumentCopy]
    copy_documents: list[DocumentBrief]
    warnings: list[str]
    ingested_at: str


class ObservationView(View):
    """An observation page: the evidence, the document, copies, agreeing and conflicting sources."""

    observation: StoredObservation
    document: DocumentBrief
    sentence_start: int | None
    copies: list[DocumentBrief]
    agreeing: list[StoredObservation]
    disagreeing: list[StoredObservation]


class ObservationList(View):
    """A page of observations for the filters of ``extractor query`` (and, asked for, rolled-up rows)."""

    items: list[StoredObservation]
    limit: int
    offset: int
    total: int | None
    rolled_up: list[StoredObservation] = Field(
        default_factory=list, description="2025-province rows summed from all their pre-2025 parts (roll_up=true); "
                                          "id is null, parts lists the observations summed.")


class ClaimCheck(View):
    """The verdict on one claim and the recorded observations it rests on."""

    claim: Claim
    verdict: Verdict
    reason: str
    matches: list[StoredObservation]
    others: list[StoredObservation] = Field(default_factory=list, description="Other values recorded for the same "
                                            "indicator, province and date (a supported claim may still be disputed).")
    nearest: list[StoredObservation] = Field(default_factory=list, description="When nothing is recorded at the "
                                             "claim's date: the values at the recorded date nearest to it.")
    latest: list[StoredObservation] = Field(default_factory=list, description="When nothing is recorded at the "
                                            "claim's date: the values at the latest recorded date.")
    difference: str = Field("", description="How far the claim is from the first recorded value, as a share of it "
                                            "(\"+20.0%\").")


class FactCheck(View):
    """Every figure of a pasted text compared with the table."""

    text: str
    language: str
    checks: list[ClaimCheck]
    retrieved: dict[str, dt.date] = Field(default_factory=dict, description="The day each cited document was "
                                                                            "read into the table.")


class ConflictList(View):
    """A page of conflicting values."""

    items: list[Conflict]
    limit: int
    offset: int
    total: int | None


class Overview(View):
    """The home page: what the table holds."""

    documents: int
    observations: int
    provinces: list[Facet]
    indicators: list[Facet]
    recent: list[DocumentBrief]


class IngestRequest(BaseModel):
    """URLs to fetch, extract and store (write mode only)."""

    model_config = ConfigDict(extra="forbid")

    urls: list[str] = Field(min_length=1, max_length=20)


class IngestItem(View):
    """What happened to one URL."""

    url: str
    status: str
    document_id: str | None = None
    reason: str = ""


class IngestResult(View):
    """What happened to every URL of an ingest request."""

    items: list[IngestItem]


class Health(View):
    """A static answer, the baseline of the speed bench."""

    status: Literal["ok"] = "ok"
