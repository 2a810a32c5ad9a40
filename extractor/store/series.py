"""A province over time: each indicator's value per date, the one most sources give (ties: latest).

Also the small lookups a province or indicator page starts from: which stored spellings a name
stands for, how many observations it has, which dates an indicator has values for.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from extractor.store.cells import CANONICAL_DOC
from extractor.store.labels import indicator_label
from extractor.store.query import province_names
from extractor.store.records import Series, SeriesPoint
from extractor.store.rounding import same_within_rounding

_SERIES_SQL = f"""
SELECT o.id, o.indicator, o.boundaries, o.unit, o.obs_date, o.value_text, o.qualifier, o.document_id,
       {CANONICAL_DOC} AS canon, o.period_start, o.as_of, o.text
FROM observations o
WHERE o.province IN ({{names}}) AND o.status = 'actual' AND o.obs_date IS NOT NULL AND o.part_of IS NULL
"""
SeriesKey = tuple[str, str | None, str, str]
# Units that count the same people: a series does not split over the word an outlet chose.
# (The bank calls its borrowers "khách hàng", customers; most outlets say households, "hộ".)
SAME_UNITS = {"households": "households or customers", "customers": "households or customers",
              "borrowers": "households or customers", "labourers": "workers", "workers": "workers"}


def series_unit(unit: str) -> str:
    """The unit a series is kept in: units meaning the same thing merged ("customers" → "households or customers").

    >>> series_unit("customers"), series_unit("VND")
    ('households or customers', 'VND')
    """
    return SAME_UNITS.get(unit, unit)


def span_label(as_of: str | None, period_start: str | None, period_end: str | None) -> str:
    """What a value covers: "" for a level at a date, "over 6 months" for a flow over a period,
    "since 2002-10-04" for a flow whose end the text does not give (its own series: its point
    stands at the start, the only date it has, and is no level of that day).

    >>> span_label(None, "2024-01-01", "2024-06-30"), span_label("2024-06-30", None, None)
    ('over 6 months', '')
    >>> span_label(None, "2002-10-04", None)
    'since 2002-10-04'
    """
    if not as_of and period_start and not period_end:
        return f"since {period_start}"
    if as_of or not (period_start and period_end):
        return ""
    days = (dt.date.fromisoformat(period_end) - dt.date.fromisoformat(period_start)).days + 1
    months = round(days / 30.44)
    return f"over {months} month{'s' if months != 1 else ''}" if months >= 1 else f"over {days} days"


def province_series(conn: sqlite3.Connection, names: Sequence[str], *, indicator: str | None = None) -> list[Series]:
    """Each indicator of a province over time (only ``indicator`` when given): per date, the value
    most sources give (ties: latest); units that mean the same thing share a series."""
    cursor = conn.cursor()
    cursor.row_factory = None  # plain tuples: a big province has thousands of rows
    sql = _SERIES_SQL.format(names=", ".join("?" * len(names)))
    params: list[Any] = list(names)
    if indicator:
        sql += " AND o.indicator = ?"
        params.append(indicator)
    if conn.execute("SELECT 1 FROM doc_copies LIMIT 1").fetchone() is None:
        sql = sql.replace(CANONICAL_DOC, "o.document_id")  # no copies: a document is its own original
    rows = cursor.execute(sql, params).fetchall()
    options: dict[SeriesKey, dict[str, dict[str, list[tuple[Any, ...]]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list)))
    for r in rows:
        # Levels at a date and flows over periods of different lengths are different series.
        options[(r[1], r[2], series_unit(r[3]), span_label(r[10], r[9], r[4]))][r[4]][r[5]].append(r)
    return [Series(indicator=key[0], label=indicator_label(key[0]), unit=key[2], boundaries=key[1], span=key[3],
                   points=[_point(by_value) for _, by_value in sorted(by_date.items())],
                   province=names[0] if names else None)
            for key, by_date in sorted(options.items(), key=lambda item: tuple(k or "" for k in item[0]))]


def _weight(rows: list[tuple[Any, ...]]) -> tuple[int, int]:
    """How many (original) documents give a value, then its latest observation id."""
    return len({r[8] for r in rows}), max(r[0] for r in rows)


def _point(by_value: dict[str, list[tuple[Any, ...]]]) -> SeriesPoint:
    """The value most documents give on one date; ties go to the latest observation."""
    best = max(by_value.values(), key=_weight)
    sources, last_id = _weight(best)
    last = next(r for r in best if r[0] == last_id)
    value = Decimal(last[5])
    # Another value within the written precision of this one is the same figure rounded, not another value.
    others = [v for v, rows in by_value.items() if v != last[5]
              and not same_within_rounding(value, _text(best), Decimal(v), _text(rows))]
    return SeriesPoint(date=dt.date.fromisoformat(last[4]), value=value, unit=last[3], qualifier=last[6],
                       sources=sources, values_given=1 + len(others), observation_id=last_id, document_id=last[7])


def _text(rows: list[tuple[Any, ...]]) -> str:
    """The figure as written in the first of ``rows``."""
    return str(rows[0][11])


def stored_province(conn: sqlite3.Connection, province: str) -> list[str]:
    """The stored spellings a province name stands for (case and diacritics ignored); empty when unknown."""
    names = province_names(conn, province)
    marks = ", ".join("?" * len(names))
    found = conn.execute(f"SELECT DISTINCT province FROM cell_keys WHERE province IN ({marks})", names)
    return [r[0] for r in found]


def count_observations(conn: sqlite3.Connection, names: Sequence[str]) -> int:
    """How many observations name a province (any of its stored spellings)."""
    marks = ", ".join("?" * len(names))
    sql = f"SELECT count(*) FROM observations WHERE province IN ({marks})"
    return int(conn.execute(sql, list(names)).fetchone()[0])


def indicator_dates(conn: sqlite3.Connection, indicator: str, *, most: int = 40) -> list[dt.date]:
    """The dates an indicator has values for, newest first (for the date picker). The start of a
    period the text gives no end for ("since 2002") is no date a value is at."""
    rows = conn.execute("SELECT DISTINCT obs_date FROM observations WHERE indicator = ? AND obs_date IS NOT NULL "
                        "AND status = 'actual' AND (as_of IS NOT NULL OR period_end IS NOT NULL) "
                        "ORDER BY obs_date DESC LIMIT ?", (indicator, most))
    return [dt.date.fromisoformat(r[0]) for r in rows]
