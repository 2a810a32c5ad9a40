"""Observations that bear on one value: the same cell and date, or the same number anywhere.

The evidence an observation page shows beside a value (other sources agreeing) and a fact-check
compares a claim with (recorded values of its cell, or equal values when its indicator is unknown).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from decimal import Decimal
from typing import Any

from extractor.store.numeric import canonical
from extractor.store.query import _OBS_SELECT, observation_from_row, province_names
from extractor.store.records import StoredObservation


def _iso(value: dt.date | None) -> str | None:
    """ISO text of a date (None stays None)."""
    return value.isoformat() if value else None


def agreeing(conn: sqlite3.Connection, observation: StoredObservation) -> list[StoredObservation]:
    """Observations from other documents giving the same value for the same cell and date."""
    rows = conn.execute(
        f"{_OBS_SELECT} WHERE o.province IS ? AND o.indicator = ? AND o.boundaries IS ? AND o.as_of IS ? "
        "AND o.period_start IS ? AND o.period_end IS ? AND o.value_text = ? AND o.document_id != ? "
        "ORDER BY o.id LIMIT 50",
        (observation.province, observation.indicator, observation.boundaries, _iso(observation.as_of),
         _iso(observation.period_start), _iso(observation.period_end), canonical(observation.value),
         observation.document_id)).fetchall()
    return [observation_from_row(r) for r in rows]


def cell_observations(conn: sqlite3.Connection, *, province: str | None, indicator: str,
                      date: dt.date | None, status: str, most: int = 50) -> list[StoredObservation]:
    """Recorded totals of one indicator for a province (national when None) and date when given,
    newest first: breakdowns and observations of no known province support no claim."""
    names = province_names(conn, province) if province else []
    where = [f"o.province IN ({', '.join('?' * len(names))})" if names else "o.province = 'national'",
             "o.indicator = ?", "o.status = ?", "o.part_of IS NULL"]
    params: list[Any] = [*names, indicator, status]
    if date:
        where.append("o.obs_date = ?")
        params.append(date.isoformat())
    rows = conn.execute(f"{_OBS_SELECT} WHERE ({where[0]}) AND {' AND '.join(where[1:])} "
                        "ORDER BY o.obs_date DESC, o.id DESC LIMIT ?", (*params, most)).fetchall()
    return [observation_from_row(r) for r in rows]


def value_observations(conn: sqlite3.Connection, value: Decimal, *, most: int = 200) -> list[StoredObservation]:
    """Recorded totals of a known place with exactly this value (any indicator), newest first."""
    rows = conn.execute(f"{_OBS_SELECT} WHERE o.value_text = ? AND o.part_of IS NULL AND o.province IS NOT NULL "
                        "ORDER BY o.obs_date DESC, o.id DESC LIMIT ?",
                        (canonical(value), most)).fetchall()
    return [observation_from_row(r) for r in rows]
