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
from extractor.store.query import _OBS_SELECT, observations_from_rows, province_names
from extractor.store.records import StoredObservation

# A near-duplicate copy gives its original's figures again: it is never a second source.
NOT_A_COPY = "NOT EXISTS (SELECT 1 FROM doc_copies c WHERE c.doc_id = o.document_id)"


def _iso(value: dt.date | None) -> str | None:
    """ISO text of a date (None stays None)."""
    return value.isoformat() if value else None


def agreeing(conn: sqlite3.Connection, observation: StoredObservation) -> list[StoredObservation]:
    """Observations from other documents giving the same value for the same cell and date."""
    rows = conn.execute(
        f"{_OBS_SELECT} WHERE o.province IS ? AND o.indicator = ? AND o.boundaries IS ? AND o.as_of IS ? "
        "AND o.period_start IS ? AND o.period_end IS ? AND o.value_text = ? AND o.document_id != ? "
        f"AND {NOT_A_COPY} AND o.document_id NOT IN (SELECT copy_of_doc_id FROM doc_copies WHERE doc_id = ?) "
        "ORDER BY o.id LIMIT 50",
        (observation.province, observation.indicator, observation.boundaries, _iso(observation.as_of),
         _iso(observation.period_start), _iso(observation.period_end), canonical(observation.value),
         observation.document_id, observation.document_id)).fetchall()
    return observations_from_rows(conn, rows)


def cell_observations(conn: sqlite3.Connection, *, province: str | None, indicator: str,
                      date: dt.date | None, status: str, most: int = 50,
                      open_from: tuple[dt.date, dt.date] | None = None) -> list[StoredObservation]:
    """Recorded totals of one indicator for a province (national when None) and date when given,
    newest first: breakdowns and observations of no known province support no claim. With
    ``open_from`` (first, last): only periods the text gives no end, starting between the two."""
    names = province_names(conn, province) if province else []
    where = [f"o.province IN ({', '.join('?' * len(names))})" if names else "o.province = 'national'",
             "o.indicator = ?", "o.status = ?", "o.part_of IS NULL", NOT_A_COPY]
    params: list[Any] = [*names, indicator, status]
    if date:
        where.append("o.obs_date = ?")
        params.append(date.isoformat())
    if open_from:  # an open period's date is its start (obs_date): the cell's index seeks it
        where.append("o.as_of IS NULL AND o.period_end IS NULL AND o.obs_date BETWEEN ? AND ?")
        params.extend(d.isoformat() for d in open_from)
    rows = conn.execute(f"{_OBS_SELECT} WHERE ({where[0]}) AND {' AND '.join(where[1:])} "
                        "ORDER BY o.obs_date DESC, o.id DESC LIMIT ?", (*params, most)).fetchall()
    return observations_from_rows(conn, rows)


def value_observations(conn: sqlite3.Connection, value: Decimal, *, most: int = 200) -> list[StoredObservation]:
    """Recorded totals of a known place with exactly this value (any indicator), newest first."""
    rows = conn.execute(f"{_OBS_SELECT} WHERE o.value_text = ? AND o.part_of IS NULL AND o.province IS NOT NULL "
                        f"AND {NOT_A_COPY} "
                        "ORDER BY o.obs_date DESC, o.id DESC LIMIT ?",
                        (canonical(value), most)).fetchall()
    return observations_from_rows(conn, rows)


def retrieved_dates(conn: sqlite3.Connection, doc_ids: list[str]) -> dict[str, dt.date]:
    """The day each document was read into the table (what a citation gives as "retrieved")."""
    wanted = list(dict.fromkeys(doc_ids))
    if not wanted:
        return {}
    rows = conn.execute(f"SELECT id, ingested_at FROM documents WHERE id IN ({', '.join('?' * len(wanted))})",
                        wanted).fetchall()
    return {r[0]: dt.date.fromisoformat(str(r[1])[:10]) for r in rows if r[1]}


def observations_by_id(conn: sqlite3.Connection, ids: list[int]) -> dict[int, StoredObservation]:
    """Observations by id, with their document's source (for downloads carrying sentence and URL)."""
    wanted = list(dict.fromkeys(ids))
    found: dict[int, StoredObservation] = {}
    for chunk in range(0, len(wanted), 500):
        part = wanted[chunk:chunk + 500]
        rows = conn.execute(f"{_OBS_SELECT} WHERE o.id IN ({', '.join('?' * len(part))})", part).fetchall()
        found.update({o.id: o for o in observations_from_rows(conn, rows) if o.id is not None})
    return found


def sentence_offsets(conn: sqlite3.Connection, doc_id: str, sentence_id: int) -> tuple[int, int] | None:
    """Where a stored sentence of a document starts and ends in its text (None when unknown)."""
    row = conn.execute('SELECT start, "end" FROM sentences WHERE id = ? AND document_id = ?',
                       (sentence_id, doc_id)).fetchone()
    return (int(row[0]), int(row[1])) if row and row[0] is not None and row[1] is not None else None
