"""Faceted sentence search: words and numbers narrowed by province, indicator, year, language, site.

Like ``query.search`` it finds sentences; it also counts, over the first hits, how many carry each
province, indicator, year, language and source site, so a page can offer them as facets. SQL only
with parameters; user words reach FTS5 only through ``quote_fts``.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Sequence
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

from extractor.store.labels import LANGUAGE_NAMES, document_title, indicator_label
from extractor.store.numeric import query_numbers, words_without_numbers
from extractor.store.query import HEAD_SQL, number_clauses, page_limit, province_names, quote_fts
from extractor.store.records import Facet, Hit, ObservationBrief, SearchFilters, SearchResult
from extractor.store.understand import read_query

FACET_SAMPLE = 1000  # facets count the first hits only, so a common word stays fast
FACET_VALUES = 15
NEWEST_FIRST = "s.id DESC"


def source_host(source: str | None) -> str:
    """The site a source came from ("baoninhbinh.org.vn"), or "local file" for paths.

    >>> source_host("https://www.vbsp.org.vn/a.html"), source_host("/data/a.txt")
    ('vbsp.org.vn', 'local file')
    """
    if not source:
        return ""
    parts = urlsplit(source)
    if parts.scheme in ("http", "https") and parts.hostname:
        return parts.hostname.lower().removeprefix("www.")
    return "local file"


def register_functions(conn: sqlite3.Connection) -> None:
    """Add the SQL functions the search uses (``source_host``: the site filter)."""
    conn.create_function("source_host", 1, source_host, deterministic=True)


def _date(value: str | None) -> dt.date | None:
    """A date from ISO text (None stays None)."""
    return dt.date.fromisoformat(value) if value else None


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
    found, values = number_clauses(query_numbers(f.q))
    clauses += found
    params += values
    if f.language:
        clauses.append("d.language = ?")
        params.append(f.language)
    if f.source:
        clauses.append("source_host(d.source) = ?")
        params.append(f.source)
    # A near-duplicate copy repeats its original's sentences: it is listed with the original only.
    clauses.append("NOT EXISTS (SELECT 1 FROM doc_copies c WHERE c.doc_id = d.id)")
    where = " AND ".join(clauses) or "1"
    if words:
        body = ("sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid "
                f"JOIN documents d ON d.pk = s.doc WHERE sentences_fts MATCH ? AND {where}")
        return body, [words, *params], "sentences_fts.rank"
    # Without words there is nothing to rank: newest sentences first.
    return f"sentences s JOIN documents d ON d.pk = s.doc WHERE {where}", params, NEWEST_FIRST


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
    register_functions(conn)
    body, params, order = _search_where(conn, f)
    facets, sampled = search_facets(conn, body, params)
    ranked = order != NEWEST_FIRST and sampled < FACET_SAMPLE
    if order != NEWEST_FIRST and not ranked:
        order = "sentences_fts.rowid DESC"  # ranking every match of a very common word costs too much
    cols = f"s.id, s.document_id, s.text, s.start, d.title, d.source, d.published, d.language, {HEAD_SQL}"
    rows = conn.execute(f"SELECT {cols} FROM {body} ORDER BY {order} LIMIT ? OFFSET ?",
                        (*params, size + 1, max(0, offset))).fetchall()
    return SearchResult(filters=f, items=_hits(conn, rows[:size]), limit=size, offset=offset,
                        has_more=len(rows) > size, facets=facets, facet_sample=FACET_SAMPLE, sampled_hits=sampled,
                        ranked=ranked, order="relevance" if ranked else "added", asked=f.q)


def understood_search(conn: sqlite3.Connection, f: SearchFilters, *, limit: int | None = None,
                      offset: int = 0) -> SearchResult:
    """``search_sentences`` after the province and indicator named in the words became filters
    ("tổng dư nợ Nghệ An": outstanding loans of Nghệ An; ``understand.read_query``)."""
    reading = read_query(conn, f.q) if f.q.strip() else None
    changes: dict[str, str] = {}
    if reading and reading.province and not f.province:
        changes["province"] = reading.province
    if reading and reading.indicator and not f.indicator:
        changes["indicator"] = reading.indicator
    if not changes:
        return search_sentences(conn, f, limit=limit, offset=offset)
    assert reading is not None
    words = {"province": reading.province_words, "indicator": reading.indicator_words}
    rest = _without(f.q, [words[k] for k in changes])
    result = search_sentences(conn, f.model_copy(update={**changes, "q": rest}), limit=limit, offset=offset)
    return result.model_copy(update={"asked": f.q, "understood": sorted(changes),
                                     "understood_words": {k: words[k] for k in changes}})


def _without(query: str, phrases: list[str]) -> str:
    """The query less each phrase (once), spaces tidied."""
    for phrase in phrases:
        query = query.replace(phrase, " ", 1)
    return " ".join(query.split())


def _hits(conn: sqlite3.Connection, rows: Sequence[sqlite3.Row]) -> list[Hit]:
    """Hit records with the observations stated in each sentence."""
    briefs = observation_briefs(conn, [r["id"] for r in rows])
    return [Hit(sentence_id=r["id"], sentence=r["text"], document_id=r["document_id"],
                title=document_title(r["title"], r["head"]),
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
            counts[facet][source_host(value) if facet == "source" else value] += n
    sampled = sum(counts["language"].values()) + counts["nolanguage"]["-"]
    labels = {code: indicator_label(code) for code in counts["indicator"]}
    return {"province": _top(counts["province"]), "indicator": _top(counts["indicator"], labels),
            "year": _top(counts["year"], by_value=True), "language": _top(counts["language"], LANGUAGE_NAMES),
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
