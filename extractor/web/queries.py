"""Queries the pages need beyond the store's API: faceted search, series, briefs, the overview.

Same style as ``extractor.store.query``: an open connection in, plain records out, SQL only with
parameters, user words reaching FTS5 only through ``quote_fts``.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from extractor.store.cells import CANONICAL_DOC
from extractor.store.labels import indicator_label
from extractor.store.numeric import query_numbers, words_without_numbers
from extractor.store.query import (
    _OBS_SELECT,  # the columns observation_from_row reads: shared so the two never drift apart
    fold,
    number_clause,
    observation_from_row,
    page_limit,
    province_names,
    quote_fts,
)
from extractor.store.records import StoredObservation
from extractor.web.formatting import host
from extractor.web.schemas import (
    DocumentBrief,
    Facet,
    Hit,
    ObservationBrief,
    SearchFilters,
    SearchResult,
    Series,
    SeriesPoint,
)

FACET_SAMPLE = 1000  # facets count the first hits only, so a common word stays fast
FACET_VALUES = 15


def _date(value: str | None) -> dt.date | None:
    """A date from ISO text (None stays None)."""
    return dt.date.fromisoformat(value) if value else None


def register_functions(conn: sqlite3.Connection) -> None:
    """Add the SQL functions these queries use (the site of a source)."""
    conn.create_function("web_host", 1, host, deterministic=True)


# ---- faceted search ---------------------------------------------------------------------------

def _observation_clause(conn: sqlite3.Connection, f: SearchFilters) -> tuple[list[str], list[Any]]:
    """One EXISTS over the sentence's observations for the province, indicator and year facets."""
    parts, params = [], []
    if f.province:
        names = province_names(conn, f.province)
        parts.append(f"x.province IN ({', '.join('?' * len(names))})")
        params += names
    if f.indicator:
        parts.append("x.indicator = ?")
        params.append(f.indicator)
    if f.year:
        parts.append("x.obs_date BETWEEN ? AND ?")
        params += [f"{f.year:04d}-01-01", f"{f.year:04d}-12-31"]
    if not parts:
        return [], []
    return [f"EXISTS (SELECT 1 FROM observations x WHERE x.sentence_id = s.id AND {' AND '.join(parts)})"], params


def _search_where(conn: sqlite3.Connection, f: SearchFilters) -> tuple[str, list[Any], str]:
    """FROM … WHERE for a search (FTS when there are words), its parameters and the ORDER BY."""
    words = quote_fts(words_without_numbers(f.q))
    clauses, params = _observation_clause(conn, f)
    for term in query_numbers(f.q):
        sql, values = number_clause(term)
        clauses.append(sql)
        params += values
    if f.language:
        clauses.append("d.language = ?")
        params.append(f.language)
    if f.source:
        clauses.append("web_host(d.source) = ?")
        params.append(f.source)
    where = " AND ".join(clauses) or "1"
    if words:
        body = ("sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid "
                f"JOIN documents d ON d.id = s.document_id WHERE sentences_fts MATCH ? AND {where}")
        return body, [words, *params], "sentences_fts.rank"
    # Without words there is nothing to rank: newest sentences first.
    return f"sentences s JOIN documents d ON d.id = s.document_id WHERE {where}", params, "s.id DESC"


def has_criteria(f: SearchFilters) -> bool:
    """True when a search names anything at all (an empty search lists nothing)."""
    return bool(f.q.strip() or f.province or f.indicator or f.year or f.language or f.source)


def search_sentences(conn: sqlite3.Connection, f: SearchFilters, *, limit: int | None = None,
                     offset: int = 0) -> SearchResult:
    """Sentences matching words (diacritics ignored) and numbers, narrowed by facets, with facet counts."""
    size = page_limit(limit)
    if not has_criteria(f):
        return SearchResult(filters=f, items=[], limit=size, offset=offset, has_more=False,
                            facet_sample=FACET_SAMPLE, sampled_hits=0)
    body, params, order = _search_where(conn, f)
    facets, sampled = search_facets(conn, body, params)
    ranked = order != "s.id DESC" and sampled < FACET_SAMPLE
    if order != "s.id DESC" and not ranked:
        order = "sentences_fts.rowid DESC"  # ranking every match of a very common word costs too much
    cols = "s.id, s.document_id, s.text, s.start, d.title, d.source, d.published, d.language"
    rows = conn.execute(f"SELECT {cols} FROM {body} ORDER BY {order} LIMIT ? OFFSET ?",
                        (*params, size + 1, max(0, offset))).fetchall()
    return SearchResult(filters=f, items=_hits(conn, rows[:size]), limit=size, offset=offset,
                        has_more=len(rows) > size, facets=facets, facet_sample=FACET_SAMPLE, sampled_hits=sampled,
                        ranked=ranked)


def _hits(conn: sqlite3.Connection, rows: Sequence[sqlite3.Row]) -> list[Hit]:
    """Hit records with the observations stated in each sentence."""
    briefs = observation_briefs(conn, [r["id"] for r in rows])
    return [Hit(sentence_id=r["id"], sentence=r["text"], document_id=r["document_id"], title=r["title"],
                source=r["source"], published=_date(r["published"]), language=r["language"], start=r["start"],
                observations=tuple(briefs.get(r["id"], ()))) for r in rows]


def observation_briefs(conn: sqlite3.Connection, sentence_ids: Sequence[int]) -> dict[int, list[ObservationBrief]]:
    """The observations of each sentence, briefly."""
    found: dict[int, list[ObservationBrief]] = defaultdict(list)
    if not sentence_ids:
        return found
    rows = conn.execute(
        "SELECT id, sentence_id, indicator, province, value_text, unit, qualifier, obs_date FROM observations "
        f"WHERE sentence_id IN ({', '.join('?' * len(sentence_ids))}) ORDER BY start, id", list(sentence_ids))
    for r in rows:
        found[r["sentence_id"]].append(ObservationBrief(
            id=r["id"], indicator=r["indicator"], province=r["province"], value=Decimal(r["value_text"]),
            unit=r["unit"], qualifier=r["qualifier"], obs_date=_date(r["obs_date"])))
    return found


def search_facets(conn: sqlite3.Connection, body: str, params: list[Any]) -> tuple[dict[str, list[Facet]], int]:
    """Facet counts (province, indicator, year, language, source) over the first hits, in one query."""
    rows = conn.execute(_FACETS_SQL.format(sample=f"SELECT s.id AS id, d.language AS language, d.source AS source "
                                                  f"FROM {body} LIMIT {FACET_SAMPLE}"), params).fetchall()
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for facet, value, n in rows:
        if value:
            counts[facet][host(value) if facet == "source" else value] += n
    sampled = sum(counts["language"].values()) + counts["nolanguage"]["-"]
    labels = {code: indicator_label(code) for code in counts["indicator"]}
    return {"province": _top(counts["province"]), "indicator": _top(counts["indicator"], labels),
            "year": _top(counts["year"], by_value=True),
            "language": _top(counts["language"], {"en": "English", "vi": "Tiếng Việt"}),
            "source": _top(counts["source"])}, sampled


# Every facet in one statement: the sample and its observations are materialised once.
_FACETS_SQL = """
WITH hits AS MATERIALIZED ({sample}),
     obs AS MATERIALIZED (SELECT DISTINCT h.id, x.province, x.indicator, substr(x.obs_date, 1, 4) AS year
                          FROM hits h JOIN observations x ON x.sentence_id = h.id)
SELECT 'province', province, count(DISTINCT id) FROM obs GROUP BY 2
UNION ALL SELECT 'indicator', indicator, count(DISTINCT id) FROM obs GROUP BY 2
UNION ALL SELECT 'year', year, count(DISTINCT id) FROM obs GROUP BY 2
UNION ALL SELECT 'language', language, count(*) FROM hits WHERE language IS NOT NULL GROUP BY 2
UNION ALL SELECT 'nolanguage', '-', count(*) FROM hits WHERE language IS NULL
UNION ALL SELECT 'source', source, count(*) FROM hits GROUP BY 2
"""


def _top(counts: Counter[str], labels: dict[str, str] | None = None, *, by_value: bool = False) -> list[Facet]:
    """The most common facet values (years newest first), labelled."""
    items = sorted(counts.items(), reverse=True)[:FACET_VALUES] if by_value else counts.most_common(FACET_VALUES)
    return [Facet(value=v, label=(labels or {}).get(v, v), count=n) for v, n in items if v]


# ---- a province over time ---------------------------------------------------------------------

_SERIES_SQL = f"""
SELECT o.id, o.indicator, o.boundaries, o.unit, o.obs_date, o.value_text, o.qualifier, o.document_id,
       {CANONICAL_DOC} AS canon, o.period_start, o.as_of
FROM observations o
WHERE o.province IN ({{names}}) AND o.status = 'actual' AND o.obs_date IS NOT NULL
"""
SeriesKey = tuple[str, str | None, str, str]


def span_label(as_of: str | None, period_start: str | None, period_end: str | None) -> str:
    """What a value covers: "" for a level at a date, "over 6 months" for a flow over a period.

    >>> span_label(None, "2024-01-01", "2024-06-30"), span_label("2024-06-30", None, None)
    ('over 6 months', '')
    """
    if as_of or not (period_start and period_end):
        return ""
    days = (dt.date.fromisoformat(period_end) - dt.date.fromisoformat(period_start)).days + 1
    months = round(days / 30.44)
    return f"over {months} month{'s' if months != 1 else ''}" if months >= 1 else f"over {days} days"


def province_series(conn: sqlite3.Connection, names: Sequence[str]) -> list[Series]:
    """Each indicator of a province over time: per date, the value most sources give (ties: latest)."""
    cursor = conn.cursor()
    cursor.row_factory = None  # plain tuples: a big province has thousands of rows
    sql = _SERIES_SQL.format(names=", ".join("?" * len(names)))
    if conn.execute("SELECT 1 FROM doc_copies LIMIT 1").fetchone() is None:
        sql = sql.replace(CANONICAL_DOC, "o.document_id")  # no copies: a document is its own original
    rows = cursor.execute(sql, list(names)).fetchall()
    options: dict[SeriesKey, dict[str, dict[str, list[tuple[Any, ...]]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list)))
    for r in rows:
        # Levels at a date and flows over periods of different lengths are different series.
        options[(r[1], r[2], r[3], span_label(r[10], r[9], r[4]))][r[4]][r[5]].append(r)
    return [Series(indicator=key[0], label=indicator_label(key[0]), unit=key[2], boundaries=key[1], span=key[3],
                   points=[_point(by_value) for _, by_value in sorted(by_date.items())])
            for key, by_date in sorted(options.items(), key=lambda item: tuple(k or "" for k in item[0]))]


def _weight(rows: list[tuple[Any, ...]]) -> tuple[int, int]:
    """How many (original) documents give a value, then its latest observation id."""
    return len({r[8] for r in rows}), max(r[0] for r in rows)


def _point(by_value: dict[str, list[tuple[Any, ...]]]) -> SeriesPoint:
    """The value most documents give on one date; ties go to the latest observation."""
    best = max(by_value.values(), key=_weight)
    sources, last_id = _weight(best)
    last = next(r for r in best if r[0] == last_id)
    return SeriesPoint(date=dt.date.fromisoformat(last[4]), value=Decimal(last[5]), unit=last[3], qualifier=last[6],
                       sources=sources, values_given=len(by_value), observation_id=last_id, document_id=last[7])


def stored_province(conn: sqlite3.Connection, province: str) -> list[str]:
    """The stored spellings a province name stands for (case and diacritics ignored); empty when unknown."""
    names = province_names(conn, province)
    marks = ", ".join("?" * len(names))
    found = conn.execute(f"SELECT DISTINCT province FROM cell_keys WHERE province IN ({marks})", names)
    return [r[0] for r in found]


def count_observations(conn: sqlite3.Connection, names: Sequence[str]) -> int:
    """How many observations name a province (any of its stored spellings)."""
    marks = ", ".join("?" * len(names))
    return int(conn.execute(f"SELECT count(*) FROM observations WHERE province IN ({marks})", list(names)).fetchone()[0])


def indicator_dates(conn: sqlite3.Connection, indicator: str, *, most: int = 40) -> list[dt.date]:
    """The dates an indicator has values for, newest first (for the date picker)."""
    rows = conn.execute("SELECT DISTINCT obs_date FROM observations WHERE indicator = ? AND obs_date IS NOT NULL "
                        "AND status = 'actual' ORDER BY obs_date DESC LIMIT ?", (indicator, most))
    return [dt.date.fromisoformat(r[0]) for r in rows]


# ---- documents and observations ---------------------------------------------------------------

def document_briefs(conn: sqlite3.Connection, ids: Iterable[str]) -> list[DocumentBrief]:
    """Title, source and date of documents, in the order asked."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return []
    rows = conn.execute(f"SELECT id, title, source, published, language FROM documents "
                        f"WHERE id IN ({', '.join('?' * len(wanted))})", wanted).fetchall()
    by_id = {r["id"]: r for r in rows}
    return [DocumentBrief(id=i, title=by_id[i]["title"], source=by_id[i]["source"],
                          published=_date(by_id[i]["published"]), language=by_id[i]["language"])
            for i in wanted if i in by_id]


def sentence_start(conn: sqlite3.Connection, sentence_id: int | None) -> int | None:
    """Where a stored sentence starts in its document's text (None when unknown)."""
    if sentence_id is None:
        return None
    row = conn.execute("SELECT start FROM sentences WHERE id = ?", (sentence_id,)).fetchone()
    return row[0] if row else None


def agreeing(conn: sqlite3.Connection, observation: StoredObservation) -> list[StoredObservation]:
    """Observations from other documents giving the same value for the same cell and date."""
    rows = conn.execute(
        f"{_OBS_SELECT} WHERE o.province IS ? AND o.indicator = ? AND o.boundaries IS ? AND o.as_of IS ? "
        "AND o.period_start IS ? AND o.period_end IS ? AND o.value_text = ? AND o.document_id != ? "
        "ORDER BY o.id LIMIT 50",
        (observation.province, observation.indicator, observation.boundaries, _iso(observation.as_of),
         _iso(observation.period_start), _iso(observation.period_end), _text(observation.value),
         observation.document_id)).fetchall()
    return [observation_from_row(r) for r in rows]


def _iso(value: dt.date | None) -> str | None:
    """ISO text of a date (None stays None)."""
    return value.isoformat() if value else None


def _text(value: Decimal) -> str:
    """The stored exact text of a value."""
    from extractor.store.numeric import canonical

    return canonical(value)


# ---- fact-check lookups -------------------------------------------------------------------------

def cell_observations(conn: sqlite3.Connection, *, province: str | None, indicator: str,
                      date: dt.date | None, status: str, most: int = 50) -> list[StoredObservation]:
    """Recorded values of one indicator for a province (and date when given), newest first."""
    names = province_names(conn, province) if province else []
    where = [f"o.province IN ({', '.join('?' * len(names))})" if names else "o.province IS NULL OR o.province = 'national'",
             "o.indicator = ?", "o.status = ?"]
    params: list[Any] = [*names, indicator, status]
    if date:
        where.append("o.obs_date = ?")
        params.append(date.isoformat())
    rows = conn.execute(f"{_OBS_SELECT} WHERE ({where[0]}) AND {' AND '.join(where[1:])} "
                        "ORDER BY o.obs_date DESC, o.id DESC LIMIT ?", (*params, most)).fetchall()
    return [observation_from_row(r) for r in rows]


def value_observations(conn: sqlite3.Connection, value: Decimal, *, most: int = 200) -> list[StoredObservation]:
    """Recorded observations with exactly this value (any indicator), newest first."""
    rows = conn.execute(f"{_OBS_SELECT} WHERE o.value_text = ? ORDER BY o.obs_date DESC, o.id DESC LIMIT ?",
                        (_text(value), most)).fetchall()
    return [observation_from_row(r) for r in rows]


# ---- the home page ----------------------------------------------------------------------------

def overview_counts(conn: sqlite3.Connection) -> tuple[int, int]:
    """How many documents and observations are stored."""
    docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    obs = conn.execute("SELECT max(id) FROM observations").fetchone()[0]  # rowid max: instant, close enough
    exact = conn.execute("SELECT count(*) FROM observations").fetchone()[0] if (obs or 0) < 200_000 else obs
    return int(docs), int(exact or 0)


def provinces_with_data(conn: sqlite3.Connection) -> list[Facet]:
    """Every province in the table with how many indicators it has, alphabetically (folded)."""
    rows = conn.execute("SELECT province, count(DISTINCT indicator) AS n FROM cell_keys GROUP BY province").fetchall()
    return sorted((Facet(value=r[0], label=r[0], count=r[1]) for r in rows), key=lambda f: fold(f.label))


def indicators_with_data(conn: sqlite3.Connection) -> list[Facet]:
    """Every indicator in the table with how many provinces report it."""
    rows = conn.execute("SELECT indicator, count(DISTINCT province) FROM cell_keys GROUP BY indicator "
                        "ORDER BY 2 DESC, 1").fetchall()
    return [Facet(value=r[0], label=indicator_label(r[0]), count=r[1]) for r in rows]


def recent_documents(conn: sqlite3.Connection, *, most: int = 10) -> list[DocumentBrief]:
    """The latest documents by publication date."""
    rows = conn.execute("SELECT id, title, source, published, language FROM documents "
                        "ORDER BY published DESC, pk DESC LIMIT ?", (most,)).fetchall()
    return [DocumentBrief(id=r["id"], title=r["title"], source=r["source"], published=_date(r["published"]),
                          language=r["language"]) for r in rows]
