"""Each page's data from the library: one function per page, an open connection in, a record out.

Routes call these through ``Database.read`` (time-limited) and render the record as HTML, JSON
or CSV; nothing here knows about HTTP.
"""

from __future__ import annotations

import datetime as dt
import functools
import sqlite3
from typing import Literal

from extractor.store import (
    ObservationFilter,
    conflicts,
    copies_of,
    disagreeing,
    get_document,
    get_observation,
    province_table,
    query_observations,
)
from extractor.store.labels import (
    HEAD_CHARS,
    KEY_INDICATORS,
    document_title,
    indicator_label,
    is_indicator,
    meaning_order,
)
from extractor.store.lookups import agreeing, sentence_offsets
from extractor.store.overview import (
    document_briefs,
    indicators_with_data,
    overview_counts,
    provinces_with_data,
    recent_documents,
    sentence_start,
)
from extractor.store.query import fold
from extractor.store.records import DocumentBrief, Series, StoredObservation, TableCell
from extractor.store.rollup import default_mapping, rolled_up_observations
from extractor.store.series import (
    count_observations,
    indicator_dates,
    province_series,
    stored_province,
)
from extractor.web.errors import NotFound
from extractor.web.schemas import (
    ConflictList,
    DocumentView,
    FigureRecord,
    IndicatorRow,
    IndicatorView,
    KeyFigure,
    ObservationList,
    ObservationView,
    Overview,
    ProvinceList,
    ProvinceView,
)


def overview(conn: sqlite3.Connection) -> Overview:
    """What the table holds, for the home page."""
    documents, observations = overview_counts(conn)
    return Overview(documents=documents, observations=observations, provinces=provinces_with_data(conn),
                    indicators=sorted(indicators_with_data(conn), key=lambda i: meaning_order(i.value)),
                    recent=recent_documents(conn))


def province_view(conn: sqlite3.Connection, name: str) -> ProvinceView:
    """A province's key figures and indicators over time, in the order of meaning (404 when unknown)."""
    names = stored_province(conn, name)
    if not names:
        raise NotFound(f"no observations for province {name!r}")
    merged_into, formed_from = merger(names[0])
    series = sorted(province_series(conn, names), key=lambda s: meaning_order(s.indicator))
    return ProvinceView(province=names[0], known=True, series=series, key_figures=key_figures(series),
                        observations=count_observations(conn, names), merged_into=merged_into,
                        formed_from=formed_from)


def key_figures(series: list[Series]) -> list[KeyFigure]:
    """The latest value of each key indicator (``labels.KEY_INDICATORS``) the series hold."""
    figures = []
    for code in KEY_INDICATORS:
        points = [(p, s) for s in series if s.indicator == code and not s.span for p in s.points]
        if points:
            point, owner = max(points, key=lambda ps: (ps[0].date, ps[1].boundaries == "2025"))
            figures.append(KeyFigure(indicator=code, value=point.value, unit=point.unit, qualifier=point.qualifier,
                                     date=point.date, boundaries=owner.boundaries,
                                     observation_id=point.observation_id))
    return figures


def merger(province: str) -> tuple[str | None, list[str]]:
    """The 2025 province a pre-2025 one joined (when renamed or merged) and the old parts of a 2025 one."""
    mapping = province_mapping()
    parts = sorted((old for old, new in mapping.items() if new == province), key=fold)
    merged_into = mapping.get(province)
    return (merged_into if merged_into != province else None), (parts if parts != [province] else [])


@functools.cache
def province_mapping() -> dict[str, str]:
    """Old → 2025 province names from the gazetteer (loaded once)."""
    return dict(default_mapping())


def province_list(conn: sqlite3.Connection) -> ProvinceList:
    """Every province in the table."""
    return ProvinceList(provinces=provinces_with_data(conn))


def indicator_view(conn: sqlite3.Connection, code: str, *, date: dt.date | None, boundaries: str | None,
                   window_months: int = 12, sort: str = "value", descending: bool = True,
                   chosen: list[str] | None = None) -> IndicatorView:
    """Every province's latest value of an indicator within ``window_months`` before ``date`` (the
    latest date with values when None), ranked; and the indicator over time for chosen provinces."""
    dates = indicator_dates(conn, code)
    if not dates and not is_indicator(code):
        raise NotFound(f"no indicator {code!r}")
    at = date or _latest_provincial(conn, code) or (dates[0] if dates else None)
    start = _months_before(at, window_months) if at else None
    cells = province_table(conn, indicator=code, as_of=at, boundaries=boundaries) if at else []
    briefs = {b.id: b for b in document_briefs(conn, [c.document_id for c in cells])}
    inside = [c for c in cells if c.province != "national" and (start is None or (c.as_of and c.as_of >= start))]
    older = [c for c in cells if c.province != "national" and c not in inside]
    ranked = _ranked(sorted(inside, key=lambda c: (c.unit, -c.value)), briefs)
    picked = [p for p in (chosen or []) if p] or [r.province for r in ranked[:3]]
    series = [s for p in picked for s in province_series(conn, stored_province(conn, p) or [p], indicator=code)]
    return IndicatorView(indicator=code, label=indicator_label(code), date=at, window_months=window_months,
                         window_start=start, boundaries=boundaries, sort=_sort_key(sort), descending=descending,
                         rows=_sorted_rows(ranked, sort, descending=descending),
                         national=_ranked([c for c in cells if c.province == "national"], briefs),
                         older=_ranked(older, briefs), dates=dates, chosen=picked, series=series)


def _latest_provincial(conn: sqlite3.Connection, code: str) -> dt.date | None:
    """The latest date any province (not the national figure) has a value of an indicator for."""
    cells = province_table(conn, indicator=code)
    return max((c.as_of for c in cells if c.province != "national" and c.as_of), default=None)


def _months_before(day: dt.date, months: int) -> dt.date:
    """The day ``months`` calendar months before ``day`` (the month's last day when shorter); the first
    day there is when that is before it (``?date=0001-01-01`` is a valid date).

    >>> _months_before(dt.date(2024, 3, 31), 1), _months_before(dt.date(1, 6, 30), 12)
    (datetime.date(2024, 2, 29), datetime.date(1, 1, 1))
    """
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    if year < dt.MINYEAR:
        return dt.date.min
    last = (dt.date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month + 1, min(day.day, last))


def _sort_key(sort: str) -> Literal["value", "province", "date"]:
    """A known sort column (value otherwise)."""
    return sort if sort in ("province", "date") else "value"  # type: ignore[return-value]  # narrowed by the test


def _sorted_rows(rows: list[IndicatorRow], sort: str, *, descending: bool) -> list[IndicatorRow]:
    """The ranked rows in the asked order (ranks stay those by value)."""
    if sort == "province":
        return sorted(rows, key=lambda r: fold(r.province), reverse=descending)
    if sort == "date":
        return sorted(rows, key=lambda r: (r.as_of or dt.date.min, -r.rank), reverse=descending)
    return rows if descending else list(reversed(rows))


def _ranked(cells: list[TableCell], briefs: dict[str, DocumentBrief]) -> list[IndicatorRow]:
    """Table cells as rows numbered in their order, with the document each value was read from."""
    return [IndicatorRow(province=c.province, boundaries=c.boundaries, value=c.value, unit=c.unit, as_of=c.as_of,
                         period_start=c.period_start, period_end=c.period_end, sources=c.sources,
                         conflict=c.conflict, observation_id=c.observation_id,
                         document_id=c.document_id, rank=i,
                         title=briefs[c.document_id].title if c.document_id in briefs else None,
                         source=briefs[c.document_id].source if c.document_id in briefs else "")
            for i, c in enumerate(cells, 1)]


def document_view(conn: sqlite3.Connection, doc_id: str) -> DocumentView:
    """A document with its figures, each paired with the observation made from it."""
    stored = get_document(conn, doc_id)
    if stored is None:
        raise NotFound(f"no document {doc_id!r}")
    figures = [FigureRecord(index=i, figure=f, observation=_observation_at(stored.observations, f.start, f.end))
               for i, f in enumerate(stored.figures)]
    other = [c.copy_of_doc_id if c.doc_id == doc_id else c.doc_id for c in stored.copies]
    document = stored.document.model_copy(update={"title": document_title(stored.document.title,
                                                                          stored.document.text[:HEAD_CHARS])})
    return DocumentView(document=document, figures=figures, observations=list(stored.observations),
                        copies=list(stored.copies), copy_documents=document_briefs(conn, other),
                        warnings=list(stored.warnings), ingested_at=stored.ingested_at)


def _observation_at(observations: tuple[StoredObservation, ...], start: int, end: int) -> StoredObservation | None:
    """The observation whose span overlaps a figure's."""
    return next((o for o in observations if o.start < end and start < o.end), None)


def observation_view(conn: sqlite3.Connection, observation_id: int) -> ObservationView:
    """One observation with its evidence, its document, copies and the sources that agree or differ."""
    observation = get_observation(conn, observation_id)
    if observation is None:
        raise NotFound(f"no observation {observation_id}")
    doc_id = observation.document_id
    copies = [c.copy_of_doc_id if c.doc_id == doc_id else c.doc_id for c in copies_of(conn, doc_id)]
    return ObservationView(observation=observation, document=document_briefs(conn, [doc_id])[0],
                           sentence_start=sentence_start(conn, observation.sentence_id),
                           copies=document_briefs(conn, copies),
                           agreeing=agreeing(conn, observation),
                           disagreeing=disagreeing(conn, observation_id))


def observation_list(conn: sqlite3.Connection, filters: ObservationFilter, *, limit: int | None,
                     offset: int, roll_up: bool = False) -> ObservationList:
    """A page of observations for the filters of ``extractor query`` (``roll_up`` as its --roll-up)."""
    page = query_observations(conn, filters, limit=limit, offset=offset)
    rolled = rolled_rows(conn, filters)[:page.limit] if roll_up and offset == 0 else []
    return ObservationList(items=page.items, limit=page.limit, offset=page.offset, total=page.total, rolled_up=rolled)


def rolled_rows(conn: sqlite3.Connection, filters: ObservationFilter) -> list[StoredObservation]:
    """Rolled-up 2025 rows for the filters' province, indicator and dates (never rates)."""
    if filters.boundaries == "pre-2025":
        return []
    rows = rolled_up_observations(conn, province=filters.province, indicator=filters.indicator,
                                  mapping_source=province_mapping)
    low, high = filters.date_from or dt.date.min, filters.date_to or dt.date.max
    return [r for r in rows if r.obs_date is None or low <= r.obs_date <= high]


def conflict_list(conn: sqlite3.Connection, *, province: str | None, indicator: str | None,
                  limit: int | None, offset: int) -> ConflictList:
    """A page of conflicting values (the list of ``extractor conflicts``)."""
    page = conflicts(conn, province=province, indicator=indicator, limit=limit, offset=offset)
    return ConflictList(items=page.items, limit=page.limit, offset=page.offset, total=page.total)


def sentence_span(conn: sqlite3.Connection, doc_id: str, sentence_id: int) -> tuple[int, int] | None:
    """Offsets of a document's sentence (a search hit's), None when it is not this document's."""
    return sentence_offsets(conn, doc_id, sentence_id)
