"""Query parameters shared by a page, its JSON twin and its CSV: parsed once, validated, capped."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import Path, Query

from extractor.settings import resolve
from extractor.store import ObservationFilter
from extractor.store.records import SearchFilters
from extractor.web import views
from extractor.web.db import Database
from extractor.web.errors import InvalidRequest
from extractor.web.schemas import IndicatorView

MAX_PAGE = int(resolve("max_page_size"))
MAX_OFFSET = 100_000  # deep pages cost a scan each; filters are the way to go further
MAX_QUERY = 500
# SQLite keeps integers in 8 bytes: a larger number is no row's id (and binding it raises OverflowError).
MAX_ROW_ID = 2**63 - 1

Limit = Annotated[int | None, Query(ge=1, le=MAX_PAGE, description=f"Rows per page (at most {MAX_PAGE}).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")]
RollUp = Annotated[bool, Query(description="Add 2025-province rows summed from all their pre-2025 parts "
                                           "(never rates), as `extractor query --roll-up`.")]
# Forms send empty strings for "any": the patterns accept them and ``_blank`` turns them into None.
Province = Annotated[str | None, Query(max_length=100, description="Province; case and diacritics ignored.")]
Indicator = Annotated[str | None, Query(max_length=60, pattern=r"^[a-z_]*$", description="Indicator code.")]
Boundaries = Annotated[str | None, Query(pattern=r"^(2025|pre-2025)?$", description="2025 or pre-2025.")]
ObservationId = Annotated[int, Path(ge=1, le=MAX_ROW_ID, description="Observation id.")]
ObservationRef = Annotated[int | None, Query(ge=1, le=MAX_ROW_ID, description="An observation to highlight.")]
SentenceRef = Annotated[int | None, Query(ge=1, le=MAX_ROW_ID, description="A sentence to highlight (a search hit).")]
DateText = Annotated[str | None, Query(pattern=r"^(\d{4}-\d{2}-\d{2})?$", description="YYYY-MM-DD.")]


def _blank(value: str | None) -> str | None:
    """None for empty form values."""
    return value.strip() or None if value is not None else None


def parse_date(value: str | None, name: str) -> dt.date | None:
    """A YYYY-MM-DD parameter as a date (422 when it is no real date)."""
    text = _blank(value)
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidRequest(f"{name}: {text} is not a date (use YYYY-MM-DD)") from None


def search_filters(
    q: Annotated[str, Query(max_length=MAX_QUERY, description="Words and/or numbers; diacritics ignored.")] = "",
    province: Province = None,
    indicator: Indicator = None,
    year: Annotated[str | None, Query(pattern=r"^(\d{4})?$", description="Year of the figures.")] = None,
    language: Annotated[str | None, Query(pattern=r"^(en|vi)?$", description="en or vi.")] = None,
    source: Annotated[str | None, Query(max_length=200, description="Site, e.g. vbsp.org.vn.")] = None,
) -> SearchFilters:
    """The search box and its facets."""
    return SearchFilters(q=q.strip(), province=_blank(province), indicator=_blank(indicator),
                         year=int(year) if _blank(year) else None, language=_blank(language),  # type: ignore[arg-type]  # Query's pattern admits en|vi
                         source=_blank(source))


def observation_filter(
    province: Province = None,
    indicator: Indicator = None,
    date_from: Annotated[str | None, Query(alias="from", pattern=r"^(\d{4}-\d{2}-\d{2})?$",
                                           description="On or after (YYYY-MM-DD).")] = None,
    date_to: Annotated[str | None, Query(alias="to", pattern=r"^(\d{4}-\d{2}-\d{2})?$",
                                         description="On or before (YYYY-MM-DD).")] = None,
    boundaries: Boundaries = None,
) -> ObservationFilter:
    """The filters of ``extractor query``."""
    return ObservationFilter(province=_blank(province), indicator=_blank(indicator),
                             date_from=parse_date(date_from, "from"), date_to=parse_date(date_to, "to"),
                             boundaries=_blank(boundaries))  # type: ignore[arg-type]  # Query's pattern


def text_param(
    text: Annotated[str, Query(max_length=2000, description="A sentence or short passage to check.")] = "",
) -> str:
    """The text pasted into the fact-check box."""
    return text.strip()


Window = Annotated[int, Query(ge=1, le=120, description="Months before the date whose values are ranked.")]
Sort = Annotated[str, Query(pattern=r"^(value|province|date)$", description="Sort by value, province or date.")]
Order = Annotated[str, Query(pattern=r"^(asc|desc)$", description="asc or desc.")]
Chosen = Annotated[list[str] | None, Query(max_length=8, description="Provinces to draw over time (repeat p=).")]


def indicator_data(db: Database, code: str, date: str | None, boundaries: str | None, window: int, sort: str,
                   order: str, p: list[str] | None) -> IndicatorView:
    """The indicator view for its page, CSV and JSON twin, from their shared parameters."""
    return db.read(views.indicator_view, code, date=parse_date(date, "date"), boundaries=boundaries or None,
                   window_months=window, sort=sort, descending=order == "desc",
                   chosen=[x.strip() for x in (p or []) if x.strip()][:8])
