"""The JSON twins under /api/: each route calls one view through the time-limited reader and wraps it."""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Path, Request, Response
from pydantic import BaseModel

from extractor.store import ObservationFilter, facets
from extractor.store.records import SearchFilters, SearchResult
from extractor.web import views
from extractor.web.db import Database
from extractor.web.errors import STATUSES, Forbidden, InvalidRequest
from extractor.web.factcheck import check_text
from extractor.web.ingest import ingest_urls
from extractor.web.params import (
    Boundaries,
    Chosen,
    DateText,
    Indicator,
    Limit,
    ObservationId,
    Offset,
    Order,
    Province,
    RollUp,
    Sort,
    Window,
    indicator_data,
    observation_filter,
    search_filters,
    text_param,
)
from extractor.web.schemas import (
    ConflictList,
    DocumentView,
    Envelope,
    ErrorBody,
    FactCheck,
    Health,
    IndicatorView,
    IngestRequest,
    IngestResult,
    ObservationList,
    ObservationView,
    Overview,
    ProvinceList,
    ProvinceView,
)

ERRORS: dict[int | str, dict[str, Any]] = {status: {"model": ErrorBody} for status in STATUSES}
router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)


def envelope(data: BaseModel) -> Response:
    """``{"ok": true, "data": …}`` serialised straight from the record (no second validation pass)."""
    return Response(Envelope[Any](data=data).model_dump_json(), media_type="application/json")


def database(request: Request) -> Database:
    """The app's database handle."""
    db: Database = request.app.state.db  # Starlette's state holds anything; create_app puts one here
    return db


Db = Annotated[Database, Depends(database)]
DocId = Annotated[str, Path(max_length=128, pattern=r"^[A-Za-z0-9_.-]+$",
                            description="Document id (the hash shown in every observation).")]
ProvinceName = Annotated[str, Path(max_length=100, description="Province name; case and diacritics ignored.")]
IndicatorCode = Annotated[str, Path(max_length=60, pattern=r"^[a-z_]+$",
                                    description="Indicator code, e.g. outstanding_loans.")]


@router.get("/overview", response_model=Envelope[Overview])
def api_overview(db: Db) -> Response:
    """What the table holds: counts, provinces, indicators, recent documents."""
    return envelope(db.read(views.overview))


@router.get("/search", response_model=Envelope[SearchResult])
def api_search(db: Db, filters: Annotated[SearchFilters, Depends(search_filters)], limit: Limit = None,
               offset: Offset = 0) -> Response:
    """Sentences matching words (diacritics ignored) and numbers, with facets; a province or indicator
    named in ``q`` becomes a filter (``understood``)."""
    return envelope(db.read(facets.understood_search, filters, limit=limit, offset=offset))


@router.get("/observations", response_model=Envelope[ObservationList])
def api_observations(db: Db, filters: Annotated[ObservationFilter, Depends(observation_filter)],
                     limit: Limit = None, offset: Offset = 0, roll_up: RollUp = False) -> Response:
    """Observations filtered as in ``extractor query``, newest first."""
    return envelope(db.read(views.observation_list, filters, limit=limit, offset=offset, roll_up=roll_up))


@router.get("/observations/{observation_id}", response_model=Envelope[ObservationView])
def api_observation(db: Db, observation_id: ObservationId) -> Response:
    """One observation with its sentence, document, copies, agreeing and conflicting sources."""
    return envelope(db.read(views.observation_view, observation_id))


@router.get("/documents/{doc_id}", response_model=Envelope[DocumentView])
def api_document(db: Db, doc_id: DocId) -> Response:
    """One document: clean text, figures (with their observations), copies."""
    return envelope(db.read(views.document_view, doc_id))


@router.get("/provinces", response_model=Envelope[ProvinceList])
def api_provinces(db: Db) -> Response:
    """Every province in the table, with how many indicators it has."""
    return envelope(db.read(views.province_list))


@router.get("/provinces/{name}", response_model=Envelope[ProvinceView])
def api_province(db: Db, name: ProvinceName) -> Response:
    """A province's indicators over time."""
    return envelope(db.read(views.province_view, name))


@router.get("/indicators/{code}", response_model=Envelope[IndicatorView])
def api_indicator(db: Db, code: IndicatorCode, date: DateText = None, boundaries: Boundaries = None,
                  window: Window = 12, sort: Sort = "value", order: Order = "desc", p: Chosen = None) -> Response:
    """Every province's latest value of an indicator within ``window`` months before ``date``, ranked,
    and the indicator over time for the provinces ``p`` (the top three when none)."""
    return envelope(indicator_data(db, code, date, boundaries, window, sort, order, p))


@router.get("/factcheck", response_model=Envelope[FactCheck])
def api_factcheck(request: Request, db: Db, text: Annotated[str, Depends(text_param)]) -> Response:
    """Every figure of ``text`` compared with the table: supported, different or not found."""
    if not text:
        raise InvalidRequest("text: give a sentence to check")
    return envelope(db.read(check_text, text, extract=request.app.state.extract))


@router.get("/conflicts", response_model=Envelope[ConflictList])
def api_conflicts(db: Db, province: Province = None, indicator: Indicator = None, limit: Limit = None,
                  offset: Offset = 0) -> Response:
    """Same province, indicator and date, different values from different documents."""
    return envelope(db.read(views.conflict_list, province=province or None, indicator=indicator or None,
                                 limit=limit, offset=offset))


def require_token(request: Request, authorization: Annotated[str | None, Header(
        description="Bearer <token>: the token the server was started with (--write-token).")] = None) -> None:
    """403 unless the server was started with a write token and the request carries it."""
    expected = request.app.state.write_token
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not expected:
        raise Forbidden("this server is read-only (start it with --write-token to allow ingest)")
    if not hmac.compare_digest(given.encode(), str(expected).encode()):
        raise Forbidden("a valid write token is required (Authorization: Bearer <token>)")


@router.post("/ingest", response_model=Envelope[IngestResult], dependencies=[Depends(require_token)])
def api_ingest(request: Request, db: Db, body: IngestRequest) -> Response:
    """Fetch, extract and store web pages, body {"urls": [...]} (only with the server's write token)."""
    fetcher = request.app.state.fetcher
    options = {"fetcher": fetcher} if fetcher else {}
    return envelope(db.write(ingest_urls, body.urls, registry=request.app.state.registry, **options))


@router.get("/health", response_model=Health, include_in_schema=False)
def api_health() -> Health:
    """A static answer (the speed bench's baseline)."""
    return Health()
