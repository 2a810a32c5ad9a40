"""The province × indicator table and its conflicts, kept as tables: recomputed for the cells a write touches.

Only totals of a known place count: a breakdown (``part_of``) or an observation whose province could
not be told is kept and shown as such, never as a cell of the table.

Computing every cell from a million observations takes about half a second (one index seek per
cell, then every source at the latest date); reading the kept ``cells`` table takes a few
milliseconds. Each write refreshes only the (province, indicator, boundaries) keys it touched,
inside the same transaction, so the kept table never disagrees with the observations.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

# The document an observation counts as: the original when it is a near-duplicate copy.
# (min() rather than ORDER BY similarity: no temporary b-tree per row, and a copy has one original.)
CANONICAL_DOC = ("coalesce((SELECT min(c.copy_of_doc_id) FROM doc_copies c WHERE c.doc_id = o.document_id), "
                 "o.document_id)")
# The period of a cell's value (``o`` its observation) when the text gives it no date of its own.
PERIOD_OF_CELL = ("CASE WHEN o.as_of IS NULL THEN o.period_start END AS period_start, "
                  "CASE WHEN o.as_of IS NULL THEN o.period_end END AS period_end")
# A cell is in conflict when the conflicts page lists its date (``conflict_keys``, refreshed first):
# exact, actual values the texts date, from different documents. A vague headline and the exact
# body figure of one document ("hơn 52 nghìn" and "52.418") are no conflict.
CELL_CONFLICT = ("EXISTS (SELECT 1 FROM conflict_keys ck WHERE ck.province = r.province "
                 "AND ck.indicator = r.indicator AND ck.boundaries = r.boundaries "
                 "AND coalesce(ck.as_of, ck.period_end, ck.period_start) = r.as_of)")
TABLE_SQL = f"""
WITH latest AS MATERIALIZED (
    SELECT k.province, k.indicator, k.boundaries,
           (SELECT max(o.obs_date) FROM observations o
             WHERE o.province = k.province AND o.indicator = k.indicator
               AND o.boundaries IS nullif(k.boundaries, '') AND o.status = 'actual'
               AND o.part_of IS NULL AND o.obs_date <= :as_of) AS d
    FROM cell_keys k WHERE {{where}}
),
options AS (
    SELECT l.province, l.indicator, l.boundaries, l.d AS as_of, o.value_text, o.unit,
           count(DISTINCT {CANONICAL_DOC}) AS sources, max(o.id) AS observation_id
    FROM latest l JOIN observations o
      ON o.province = l.province AND o.indicator = l.indicator
     AND o.boundaries IS nullif(l.boundaries, '') AND o.status = 'actual' AND o.part_of IS NULL
     AND o.obs_date = l.d
    GROUP BY l.province, l.indicator, l.boundaries, o.value_text, o.unit
),
ranked AS (
    SELECT *, row_number() OVER key_window AS choice
    FROM options
    WINDOW key_window AS (PARTITION BY province, indicator, boundaries
                          ORDER BY sources DESC, observation_id DESC
                          RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
)
SELECT r.province, r.indicator, nullif(r.boundaries, '') AS boundaries, r.as_of, r.value_text, r.unit,
       r.sources, {CELL_CONFLICT} AS conflict, r.observation_id, o.document_id, {PERIOD_OF_CELL}
FROM ranked r JOIN observations o ON o.id = r.observation_id
WHERE r.choice = 1
ORDER BY r.province, r.indicator, r.boundaries
"""


# Conflicting dates of one cell: exact, actual values with a stated date, from two or more
# (original) documents, that differ. Undated values ("has so far reached") are never compared:
# two articles of different years can both say "so far". Kept like the cells, so the conflicts page
# never scans.
CONFLICT_KEYS_SQL = f"""
SELECT o.province, o.indicator, coalesce(o.boundaries, '') AS boundaries, o.as_of, o.period_start,
       o.period_end, o.unit
FROM observations o
WHERE o.status = 'actual' AND o.qualifier = 'exact' AND o.date_inferred = 0 AND o.obs_date IS NOT NULL
  AND o.province IS NOT NULL AND o.part_of IS NULL AND {{where}}
GROUP BY o.province, o.indicator, o.boundaries, o.as_of, o.period_start, o.period_end, o.unit
HAVING count(DISTINCT o.value_text) > 1 AND count(DISTINCT {CANONICAL_DOC}) > 1
"""
_INSERT_CONFLICTS = ("INSERT INTO conflict_keys(province, indicator, boundaries, as_of, period_start, period_end, "
                     "unit) " + CONFLICT_KEYS_SQL)

CellKey = tuple[str, str, str]  # province, indicator, boundaries ('' when unknown)

_INSERT = """
INSERT INTO cells(province, indicator, boundaries, as_of, value_text, unit, sources, conflict,
                  observation_id, document_id)
SELECT province, indicator, coalesce(boundaries, ''), as_of, value_text, unit, sources, conflict,
       observation_id, document_id
FROM ({table})
"""


def refresh_cells(conn: sqlite3.Connection, keys: Iterable[CellKey] | None = None) -> None:
    """Recompute the kept cells and conflict keys for ``keys`` (all when None), in the caller's transaction."""
    params = {"as_of": "9999-12-31"}
    if keys is None:
        for table in ("cells", "conflict_keys"):
            conn.execute(f"DELETE FROM {table}")
        conn.execute(_INSERT_CONFLICTS.format(where="1"))  # before the cells, which read it
        conn.execute(_INSERT.format(table=TABLE_SQL.format(where="1")), params)
        return
    one = TABLE_SQL.format(where="k.province = :province AND k.indicator = :indicator AND k.boundaries = :boundaries")
    same = "o.province = :province AND o.indicator = :indicator AND o.boundaries IS nullif(:boundaries, '')"
    for province, indicator, boundaries in sorted(set(keys)):
        key = {"province": province, "indicator": indicator, "boundaries": boundaries}
        for table in ("cells", "conflict_keys"):
            conn.execute(f"DELETE FROM {table} WHERE province = :province AND indicator = :indicator "
                         "AND boundaries = :boundaries", key)
        conn.execute(_INSERT_CONFLICTS.format(where=same), key)  # before the cell, which reads it
        conn.execute(_INSERT.format(table=one), params | key)


def document_keys(conn: sqlite3.Connection, doc_ids: Iterable[str]) -> set[CellKey]:
    """The cell keys a set of stored documents' observations fall in."""
    keys: set[CellKey] = set()
    for doc_id in doc_ids:
        keys |= {(r[0], r[1], r[2]) for r in conn.execute(
            "SELECT DISTINCT province, indicator, coalesce(boundaries, '') FROM observations "
            "WHERE doc = (SELECT pk FROM documents WHERE id = ?) AND province IS NOT NULL AND part_of IS NULL",
            (doc_id,))}
    return keys
