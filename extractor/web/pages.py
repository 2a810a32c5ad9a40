"""The HTML pages and their CSV downloads: each route calls one view and renders it."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import HTMLResponse, Response

from extractor.store import ObservationFilter, facets
from extractor.store.labels import meaning_order, theme_of
from extractor.store.lookups import observations_by_id
from extractor.store.overview import indicators_with_data, provinces_with_data, sentence_start
from extractor.store.records import SearchFilters, SearchResult
from extractor.web import charts, tables, views
from extractor.web.api import Db, DocId
from extractor.web.errors import InvalidRequest
from extractor.web.factcheck import check_text
from extractor.web.formatting import slug
from extractor.web.i18n import COOKIE, LANGS, Lang, as_lang, pick_lang
from extractor.web.params import (
    Boundaries,
    Chosen,
    DateText,
    Indicator,
    Limit,
    ObservationId,
    ObservationRef,
    Offset,
    Order,
    Province,
    RollUp,
    SentenceRef,
    Sort,
    Window,
    indicator_data,
    observation_filter,
    search_filters,
    text_param,
)
from extractor.web.schemas import Health
from extractor.web.templating import templates

router = APIRouter(include_in_schema=False)
Name = Annotated[str, Path(max_length=100)]
Code = Annotated[str, Path(max_length=60, pattern=r"^[a-z_]+$")]
Filters = Annotated[SearchFilters, Depends(search_filters)]
ObsFilters = Annotated[ObservationFilter, Depends(observation_filter)]


def request_lang(request: Request) -> Lang:
    """The language of a page: ``?lang=``, then the cookie the switch set, then ``Accept-Language``."""
    return pick_lang(query=request.query_params.get("lang"), cookie=request.cookies.get(COOKIE),
                     accept=request.headers.get("accept-language"))


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A page from its template (autoescaped) and context, in the request's language; a language
    chosen in the URL is kept in a cookie for the next pages."""
    lang = request_lang(request)
    here = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
    switch = {code: f"{request.url.path}?{urlencode([*here, ('lang', code)])}" for code in LANGS}
    response = templates.TemplateResponse(request, template, {**context, "lang": lang, "switch": switch},
                                          status_code=status_code)
    response.headers["content-language"] = lang
    response.headers["vary"] = "Accept-Language, Cookie"
    if as_lang(request.query_params.get("lang")) and request.cookies.get(COOKIE) != lang:
        response.set_cookie(COOKIE, lang, max_age=365 * 86400, samesite="lax")
    return response


def page_args(request: Request) -> dict[str, Any]:
    """The request's non-empty query arguments except paging and language (for links to other pages of
    it); a repeated argument keeps every value."""
    args: dict[str, Any] = {}
    for key, value in request.query_params.multi_items():
        if value and key not in ("offset", "limit", "lang"):
            args[key] = [*args[key], value] if isinstance(args.get(key), list) else \
                [args[key], value] if key in args else value
    return args


def csv_response(text: str, name: str) -> Response:
    """A CSV download named after what it holds (UTF-8 with BOM so spreadsheets read Vietnamese)."""
    return Response("\ufeff" + text, media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{slug_name(name)}.csv"'})


def slug_name(*parts: str | None) -> str:
    """A file name from what a download holds ("Nghệ An", "outstanding_loans" → "nghe-an-outstanding_loans")."""
    return "-".join(slug(p) for p in parts if p) or "data"


@router.get("/health")
def health() -> Health:
    """A static answer (the speed bench's baseline)."""
    return Health()


EXAMPLES = {
    "/api/search": "/api/search?q=d%C6%B0+n%E1%BB%A3&province=Ngh%E1%BB%87+An",
    "/api/observations": "/api/observations?province=nghe+an&indicator=outstanding_loans&from=2024-01-01",
    "/api/factcheck": ("/api/factcheck?text=Nghe+An%27s+outstanding+loans+reached+VND+13%2C357+billion"
                       "+by+June+30%2C+2024"),
    "/api/indicators/{code}": "/api/indicators/outstanding_loans?date=2024-12-31",
    "/api/conflicts": "/api/conflicts", "/api/overview": "/api/overview", "/api/provinces": "/api/provinces",
}


@router.get("/api-docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The JSON API described for people, from the OpenAPI schema (the Swagger page needs a CDN)."""
    paths = request.app.openapi()["paths"]
    endpoints = [{"path": path, "method": method.upper(), "summary": op.get("summary", ""),
                  "description": op.get("description", "").replace("``", ""), "example": EXAMPLES.get(path),
                  "params": [(p["name"], p.get("description", "")) for p in op.get("parameters", [])]}
                 for path, ops in paths.items() for method, op in ops.items()]
    return render(request, "api_docs.html", endpoints=endpoints)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, db: Db) -> HTMLResponse:
    """What the table holds, a search box and ways in."""
    return render(request, "home.html", view=db.read(views.overview))


# ---- search -------------------------------------------------------------------------------------

@router.get("/search.csv")
def search_csv(db: Db, filters: Filters, limit: Limit = None, offset: Offset = 0) -> Response:
    """The search hits as CSV."""
    view = db.read(facets.understood_search, filters, limit=limit, offset=offset)
    return csv_response(tables.to_csv(*tables.search_rows(view)),
                        slug_name("search", view.filters.province, view.filters.indicator, view.filters.q))


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, db: Db, filters: Filters, limit: Limit = None, offset: Offset = 0) -> HTMLResponse:
    """Full-text and number search with facets."""
    view = db.read(facets.understood_search, filters, limit=limit, offset=offset)
    return render(request, "search.html", view=view, has_criteria=facets.has_criteria(filters),
                  args=effective_args(view))


def effective_args(view: SearchResult) -> dict[str, Any]:
    """The search's arguments as understood (names read from the words are filters, not words)."""
    f = view.filters
    pairs = {"q": f.q, "province": f.province, "indicator": f.indicator, "year": f.year, "language": f.language,
             "source": f.source}
    return {k: v for k, v in pairs.items() if v}


# ---- observations -------------------------------------------------------------------------------

@router.get("/observations.csv")
def observations_csv(db: Db, filters: ObsFilters, limit: Limit = None, offset: Offset = 0,
                     roll_up: RollUp = False) -> Response:
    """Observations matching the filters as CSV (the columns of ``extractor export``)."""
    view = db.read(views.observation_list, filters, limit=limit, offset=offset, roll_up=roll_up)
    return csv_response(tables.observations_csv([*view.items, *view.rolled_up]),
                        slug_name(filters.province, filters.indicator) or "observations")


@router.get("/observations", response_class=HTMLResponse)
def observations_page(request: Request, db: Db, filters: ObsFilters, limit: Limit = None,
                      offset: Offset = 0, roll_up: RollUp = False) -> HTMLResponse:
    """Observations filtered as in ``extractor query``."""
    view = db.read(views.observation_list, filters, limit=limit, offset=offset, roll_up=roll_up)
    choices = db.read(lambda conn: (provinces_with_data(conn), indicators_with_data(conn)))
    parts = db.read(observations_by_id, [p for o in view.rolled_up for p in o.parts])
    return render(request, "observations.html", view=view, filters=filters, provinces=choices[0],
                  indicators=sorted(choices[1], key=lambda i: meaning_order(i.value)), parts=parts,
                  args=page_args(request))


@router.get("/observations/{observation_id}", response_class=HTMLResponse)
def observation_page(request: Request, db: Db, observation_id: ObservationId) -> HTMLResponse:
    """One observation: its sentence, document, source, copies and conflicting values."""
    return render(request, "observation.html", view=db.read(views.observation_view, observation_id), args={})


# ---- documents ----------------------------------------------------------------------------------

@router.get("/documents/{doc_id}.csv")
def document_csv(db: Db, doc_id: DocId) -> Response:
    """A document's observations as CSV."""
    view = db.read(views.document_view, doc_id)
    return csv_response(tables.observations_csv(view.observations),
                        slug_name("document", (view.document.title or "")[:60], doc_id[:8]))


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, db: Db, doc_id: DocId, obs: ObservationRef = None,
                  s: SentenceRef = None) -> HTMLResponse:
    """A document's clean text with every figure highlighted (and one observation's or hit's sentence)."""
    view = db.read(views.document_view, doc_id)
    chosen = next((o for o in view.observations if o.id == obs), None)
    selected = db.read(_sentence_span, chosen) if chosen else db.read(views.sentence_span, doc_id, s) if s else None
    return render(request, "document.html", view=view, chosen=chosen, selected=selected,
                  args={"obs": obs} if obs else {})


def _sentence_span(conn: Any, observation: Any) -> tuple[int, int] | None:
    """Offsets of an observation's sentence in its document (stored, else found near the figure)."""
    start = sentence_start(conn, observation.sentence_id)
    if start is None:
        return (observation.start, observation.end)
    return (start, start + len(observation.sentence))


# ---- provinces and indicators ------------------------------------------------------------------

@router.get("/provinces", response_class=HTMLResponse)
def provinces_page(request: Request, db: Db) -> HTMLResponse:
    """Every province in the table, in alphabetical order."""
    return render(request, "provinces.html", view=db.read(views.province_list))


@router.get("/provinces/{name}.csv")
def province_csv(db: Db, name: Name, indicator: Indicator = None) -> Response:
    """A province's series as CSV (one indicator's when asked), each value with its sentence and source."""
    view = db.read(views.province_view, name)
    rows = db.read(tables.province_rows, view, indicator=indicator or None)
    return csv_response(tables.to_csv(*rows), slug_name(view.province, indicator))


@router.get("/provinces/{name}", response_class=HTMLResponse)
def province_page(request: Request, db: Db, name: Name) -> HTMLResponse:
    """A province's key figures, then its indicators over time in the order of meaning."""
    view = db.read(views.province_view, name)
    lang = request_lang(request)
    groups: dict[str, list[Any]] = {}
    for series in view.series:
        groups.setdefault(series.indicator, []).append(series)
    return render(request, "province.html", view=view, groups=groups, args={}, shown=TABLE_ROWS,
                  themes=_themes(groups), theme_of=theme_of,
                  tables={code: latest_rows(items) for code, items in groups.items()},
                  charts={code: charts.line_chart(items, lang=lang) for code, items in groups.items()})


def _themes(groups: dict[str, list[Any]]) -> list[tuple[str, list[str]]]:
    """The themes a province has indicators in, each with its indicators, in the order of meaning."""
    themes: dict[str, list[str]] = {}
    for code in groups:
        themes.setdefault(theme_of(code), []).append(code)
    return list(themes.items())


TABLE_ROWS = 12  # the chart shows every date; the table the latest, the CSV and observations page all


def latest_rows(series: list[Any]) -> list[tuple[Any, Any]]:
    """(series, point) pairs of one indicator, newest date first."""
    pairs = [(s, p) for s in series for p in s.points]
    return sorted(pairs, key=lambda pair: pair[1].date, reverse=True)


@router.get("/indicators/{code}.csv")
def indicator_csv(db: Db, code: Code, date: DateText = None, boundaries: Boundaries = None, window: Window = 12,
                  sort: Sort = "value", order: Order = "desc", p: Chosen = None) -> Response:
    """An indicator's ranked table as CSV, each value with its sentence and source."""
    view = indicator_data(db, code, date, boundaries, window, sort, order, p)
    rows = db.read(tables.indicator_rows, view)
    return csv_response(tables.to_csv(*rows), slug_name(code, view.date.isoformat() if view.date else None))


@router.get("/indicators/{code}", response_class=HTMLResponse)
def indicator_page(request: Request, db: Db, code: Code, date: DateText = None, boundaries: Boundaries = None,
                   window: Window = 12, sort: Sort = "value", order: Order = "desc",
                   p: Chosen = None) -> HTMLResponse:
    """Every province ranked at one date (latest value within a window), sortable; a chart over time."""
    view = indicator_data(db, code, date, boundaries, window, sort, order, p)
    lang = request_lang(request)
    return render(request, "indicator.html", view=view, chart=charts.bar_chart(view.rows, lang=lang),
                  trend=charts.trend_chart(view.series, lang=lang), args=page_args(request),
                  indicators=sorted(db.read(indicators_with_data), key=lambda i: meaning_order(i.value)))


# ---- fact-check and conflicts -------------------------------------------------------------------

@router.get("/factcheck.csv")
def factcheck_csv(request: Request, db: Db, text: Annotated[str, Depends(text_param)]) -> Response:
    """The verdicts as CSV."""
    if not text:
        raise InvalidRequest("text: give a sentence to check")
    view = db.read(check_text, text, extract=request.app.state.extract)
    return csv_response(tables.to_csv(*tables.factcheck_rows(view)), "factcheck")


@router.get("/factcheck", response_class=HTMLResponse)
def factcheck_page(request: Request, db: Db, text: Annotated[str, Depends(text_param)]) -> HTMLResponse:
    """Paste a sentence; every figure in it is compared with the table."""
    view = db.read(check_text, text, extract=request.app.state.extract) if text else None
    return render(request, "factcheck.html", view=view, text=text, args=page_args(request))


@router.get("/conflicts.csv")
def conflicts_csv(db: Db, province: Province = None, indicator: Indicator = None, limit: Limit = None,
                  offset: Offset = 0) -> Response:
    """The conflicts as CSV."""
    view = db.read(views.conflict_list, province=province or None, indicator=indicator or None, limit=limit,
                   offset=offset)
    return csv_response(tables.to_csv(*tables.conflict_rows(view)), slug_name("conflicts", province, indicator))


@router.get("/conflicts", response_class=HTMLResponse)
def conflicts_page(request: Request, db: Db, province: Province = None, indicator: Indicator = None,
                   limit: Limit = None, offset: Offset = 0) -> HTMLResponse:
    """Same province, indicator and date, different values from different sources."""
    view = db.read(views.conflict_list, province=province or None, indicator=indicator or None, limit=limit,
                   offset=offset)
    return render(request, "conflicts.html", view=view, province=province or "", indicator=indicator or "",
                  args=page_args(request))
