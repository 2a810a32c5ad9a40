"""The CSV downloads: each page's table as columns and rows, values exact (never rounded)."""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from extractor.store.export import EXPORT_COLUMNS, csv_cell, flat_record
from extractor.store.facets import source_host
from extractor.store.lookups import observations_by_id
from extractor.store.records import SearchResult, StoredObservation
from extractor.web.schemas import ConflictList, FactCheck, IndicatorView, ProvinceView

Rows = tuple[Sequence[str], Iterable[Sequence[Any]]]


cell = csv_cell  # one CSV cell rule for the web downloads and `extractor export`


def to_csv(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """CSV text with a header, every cell through ``cell``."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([cell(v) for v in row])
    return out.getvalue()


def observations_csv(rows: Iterable[StoredObservation]) -> str:
    """Observations with the columns of ``extractor export`` (values exact, formulas defused)."""
    return to_csv(EXPORT_COLUMNS, ([flat_record(o)[c] for c in EXPORT_COLUMNS] for o in rows))


def search_rows(view: SearchResult) -> Rows:
    """One row per observation of each hit (a hit without observations gives one row)."""
    columns = ("sentence_id", "document_id", "published", "language", "site", "source", "observation_id",
               "province", "indicator", "value", "unit", "qualifier", "date", "sentence")
    rows = []
    for h in view.items:
        base = (h.sentence_id, h.document_id, h.published, h.language, source_host(h.source), h.source)
        for o in h.observations or [None]:
            fields = (o.id, o.province, o.indicator, o.value, o.unit, o.qualifier, o.obs_date) if o else (None,) * 7
            rows.append((*base, *fields, h.sentence))
    return columns, rows


def province_rows(conn: sqlite3.Connection, view: ProvinceView, *, indicator: str | None = None) -> Rows:
    """Every point of every series (or of one indicator's), with the sentence and source it was read from."""
    series = [s for s in view.series if indicator is None or s.indicator == indicator]
    found = observations_by_id(conn, [p.observation_id for s in series for p in s.points])
    columns = ("province", "indicator", "boundaries", "date", "value", "unit", "qualifier", "sources",
               "values_given", "observation_id", "document_id", "sentence", "source_url", "title", "published")
    return columns, [(view.province, s.indicator, s.boundaries, p.date, p.value, p.unit, p.qualifier, p.sources,
                      p.values_given, p.observation_id, p.document_id, *_evidence(found.get(p.observation_id)))
                     for s in series for p in s.points]


def _evidence(observation: StoredObservation | None) -> tuple[Any, ...]:
    """The sentence, source URL, title and publication date of an observation (blank when unknown)."""
    if observation is None:
        return ("", "", "", None)
    return (observation.sentence, observation.source, observation.title, observation.published)


def indicator_rows(conn: sqlite3.Connection, view: IndicatorView) -> Rows:
    """The ranked table (national rows last), with the sentence and source of each value."""
    rows = [*view.rows, *view.national]
    found = observations_by_id(conn, [r.observation_id for r in rows if r.observation_id is not None])
    columns = ("rank", "province", "boundaries", "indicator", "value", "unit", "as_of", "period_start", "period_end",
               "sources", "conflict", "observation_id", "document_id", "sentence", "source_url", "title", "published")
    return columns, [(r.rank, r.province, r.boundaries, view.indicator, r.value, r.unit, r.as_of, r.period_start,
                      r.period_end, r.sources, r.conflict, r.observation_id, r.document_id,
                      *_evidence(found.get(r.observation_id) if r.observation_id is not None else None))
                     for r in rows]


def factcheck_rows(view: FactCheck) -> Rows:
    """One row per claim and recorded observation it was compared with."""
    columns = ("figure", "claimed_value", "unit", "qualifier", "indicator", "province", "date", "verdict",
               "difference", "recorded_value", "recorded_unit", "recorded_date", "observation_id", "sentence",
               "source", "reason")
    rows = []
    for c in view.checks:
        base = (c.claim.text, c.claim.value, c.claim.unit, c.claim.qualifier, c.claim.indicator, c.claim.province,
                c.claim.date, c.verdict, c.difference)
        matches: list[StoredObservation | None] = [*c.matches] or [*c.nearest, *c.latest] or [None]
        for m in matches:
            recorded = (m.value, m.unit, m.obs_date, m.id, m.sentence, m.source) if m else (None,) * 6
            rows.append((*base, *recorded, c.reason))
    return columns, rows


def conflict_rows(view: ConflictList) -> Rows:
    """Both sides of each conflict."""
    columns = ("province", "boundaries", "indicator", "as_of", "period_start", "period_end", "a_value", "a_unit",
               "a_observation_id", "a_source", "b_value", "b_unit", "b_observation_id", "b_source")
    return columns, [(c.province, c.boundaries, c.indicator, c.as_of, c.period_start, c.period_end, c.a.value,
                      c.a.unit, c.a.id, c.a.source, c.b.value, c.b.unit, c.b.id, c.b.source) for c in view.items]
