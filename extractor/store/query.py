"""Reading the indicator table: filtered observations, search, the province table, conflicts.

Every function takes an open connection and returns plain records (``records.py``) so the CLI
can print them and the web can render and paginate them. SQL is parameterised; user search text
reaches FTS5 only quoted (``quote_fts``).
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from extractor.errors import TooLarge
from extractor.folding import fold as fold_marks
from extractor.folding import fold_key, fold_lower
from extractor.settings import resolve
from extractor.store import reasons
from extractor.store.cells import CANONICAL_DOC, PERIOD_OF_CELL, TABLE_SQL
from extractor.store.labels import document_title
from extractor.store.numeric import NumberTerm, QueryLocale, query_numbers, words_without_numbers
from extractor.store.records import (
    Conflict,
    DocumentHit,
    ObservationFilter,
    Page,
    SearchHit,
    StoredObservation,
    TableCell,
)
from extractor.store.rounding import same_within_rounding

# ``head``: the start of the text, only for a title in capitals (an issuing body's header, which
# ``labels.document_title`` replaces by the type line and subject); SQLite's upper() is ASCII-only,
# so a Vietnamese title in capitals equals it and a title in mixed case does not.
HEAD_SQL = "CASE WHEN d.title = upper(d.title) THEN substr(d.text, 1, 1200) END AS head"
_OBS_SELECT = (
    f"SELECT o.*, o.obs_date AS obs_date, d.source, d.title, d.published, d.language, {HEAD_SQL} "
    "FROM observations o JOIN documents d ON d.pk = o.doc"
)


def page_limit(limit: int | None) -> int:
    """The page size to use: the default when None, never above the configured maximum."""
    default, most = int(resolve("page_size")), int(resolve("max_page_size"))
    return max(1, min(limit if limit is not None else default, most))


# The one fold (``extractor.folding``) under the names the store's callers import: ``fold`` for
# loose matching of names ("Nghệ  An" → "nghe an"), ``fold_chars`` keeping offsets (highlights).
fold = fold_key
fold_chars = fold_lower


def province_names(conn: sqlite3.Connection, name: str) -> list[str]:
    """The stored province names ``name`` stands for, ignoring case and diacritics."""
    stored = [r[0] for r in conn.execute("SELECT DISTINCT province FROM cell_keys")]
    if name in stored:
        return [name]
    return [p for p in stored if fold(p) == fold(name)] or [name]


def observations_from_rows(conn: sqlite3.Connection, rows: Sequence[sqlite3.Row]) -> list[StoredObservation]:
    """``StoredObservation`` records from observations rows joined with their documents (the
    reasons of all of them read in one lookup)."""
    known = reasons.lookup(conn, (r["reasons"] for r in rows))
    return [observation_from_row(r, known) for r in rows]


def observation_from_row(row: sqlite3.Row, known: Mapping[int, reasons.Reason]) -> StoredObservation:
    """A ``StoredObservation`` from an observations row joined with its document; ``known``
    holds the reasons its ``reasons`` ids name (``reasons.lookup``)."""
    keys = set(row.keys())
    rules, why = reasons.decode(row["reasons"], known)

    def get(key: str) -> Any:
        """A joined documents column, None when the row has no such column."""
        return row[key] if key in keys else None

    return StoredObservation(
        id=row["id"], indicator=row["indicator"], province=row["province"],
        boundaries=row["boundaries"], value=Decimal(row["value_text"]), unit=row["unit"],
        qualifier=row["qualifier"], as_of=_date(row["as_of"]), period_start=_date(row["period_start"]),
        period_end=_date(row["period_end"]), date_inferred=bool(row["date_inferred"]),
        status=row["status"], change_value=_decimal(row["change_value"]), change_unit=row["change_unit"],
        change_baseline=_date(row["change_baseline"]), document_id=row["document_id"], text=row["text"],
        start=row["start"], end=row["end"], sentence=row["sentence"], rules=rules,
        part_of=get("part_of"), part=get("part"), why=why,
        obs_date=_date(row["obs_date"]), source=get("source") or "", title=document_title(get("title"), get("head")),
        published=_date(get("published")), language=get("language"), sentence_id=row["sentence_id"])


def _date(value: str | None) -> dt.date | None:
    """A date from ISO text (None stays None)."""
    return dt.date.fromisoformat(value) if value else None


def _decimal(value: str | None) -> Decimal | None:
    """A Decimal from exact text (None stays None)."""
    return None if value is None else Decimal(value)


def _filter_sql(conn: sqlite3.Connection, f: ObservationFilter) -> tuple[str, list[Any]]:
    """WHERE clause and parameters for an observation filter."""
    clauses, params = ["1"], []
    if f.province:
        names = province_names(conn, f.province)
        clauses.append(f"o.province IN ({', '.join('?' * len(names))})")
        params += names
    for column, value in (("indicator", f.indicator), ("boundaries", f.boundaries), ("status", f.status)):
        if value:
            clauses.append(f"o.{column} = ?")
            params.append(value)
    if f.document_id:  # its rows found by the document's key (schema v10)
        clauses.append("o.doc = (SELECT pk FROM documents WHERE id = ?)")
        params.append(f.document_id)
    if f.date_from:
        clauses.append("o.obs_date >= ?")
        params.append(f.date_from.isoformat())
    if f.date_to:
        clauses.append("o.obs_date <= ?")
        params.append(f.date_to.isoformat())
    if f.rows != "all":
        clauses.append("o.part_of IS NULL AND o.province IS NOT NULL" if f.rows == "totals"
                       else "o.part_of IS NOT NULL")
    return " AND ".join(clauses), params


def query_observations(
    conn: sqlite3.Connection,
    filters: ObservationFilter | None = None,
    *,
    limit: int | None = None,
    offset: int = 0,
    count: bool = True,
) -> Page[StoredObservation]:
    """Observations matching ``filters``, newest date first; ``count`` adds the total for paging."""
    where, params = _filter_sql(conn, filters or ObservationFilter())
    size = page_limit(limit)
    rows = conn.execute(
        f"{_OBS_SELECT} WHERE {where} ORDER BY o.obs_date DESC, o.id DESC LIMIT ? OFFSET ?",
        (*params, size, max(0, offset))).fetchall()
    total = conn.execute(f"SELECT count(*) FROM observations o WHERE {where}", params).fetchone()[0] if count else None
    return Page(items=observations_from_rows(conn, rows), limit=size, offset=offset, total=total)


def iter_observations(
    conn: sqlite3.Connection, filters: ObservationFilter | None = None, *, batch: int = 5000
) -> Iterable[StoredObservation]:
    """Every observation matching ``filters`` in id order, read in batches (for exports)."""
    where, params = _filter_sql(conn, filters or ObservationFilter())
    last = 0
    while True:
        rows = conn.execute(f"{_OBS_SELECT} WHERE {where} AND o.id > ? ORDER BY o.id LIMIT ?",
                            (*params, last, batch)).fetchall()
        if not rows:
            return
        yield from observations_from_rows(conn, rows)
        last = rows[-1]["id"]


def get_observation(conn: sqlite3.Connection, observation_id: int) -> StoredObservation | None:
    """One observation by id, with its source document's metadata."""
    row = conn.execute(f"{_OBS_SELECT} WHERE o.id = ?", (observation_id,)).fetchone()
    return observations_from_rows(conn, [row])[0] if row else None


# ---- full-text and numeric search -------------------------------------------------------------

_FTS_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
# A search ANDs its terms, one level of SQLite's (or FTS5's) expression tree each, and both stop
# at a depth of 1,000 ("Expression tree is too large"). A sentence holds far fewer words and
# numbers than these, so a longer search could find nothing anyway.
MAX_SEARCH_WORDS = 200
MAX_SEARCH_NUMBERS = 200


def quote_fts(query: str) -> str:
    """User text as a safe FTS5 query: every word (or "quoted phrase") a quoted string, ANDed.

    >>> quote_fts('dư nợ "Hà Nội" OR x* đồng')
    '"du" "no" "Ha Noi" "OR" "x*" "dong"'
    """
    # FTS5 reads NUL as the end of the query. The index spells đ as d (schema v3) and unicode61
    # drops the other marks, so the folded query finds what the query as typed would have.
    query = fold_marks(query.replace("\x00", " "))
    parts = [m.group(1) if m.group(1) is not None else m.group(2) for m in _FTS_TOKEN.finditer(query)]
    words = [p for p in parts if re.search(r"\w", p)]
    if len(words) > MAX_SEARCH_WORDS:
        raise _too_many(f"{len(words):,} words", MAX_SEARCH_WORDS, "words")
    return " ".join('"{}"'.format(w.replace('"', '""')) for w in words)


def _too_many(found: str, limit: int, what: str) -> TooLarge:
    """The error for a search of more terms than it can match together."""
    return TooLarge(f"the search has {found}; at most {limit} {what} are searched together",
                    hint=f"Search with fewer {what}: the few that mark the sentence you want.")


def number_clauses(terms: Sequence[NumberTerm]) -> tuple[list[str], list[str]]:
    """SQL (one clause a number, all to hold) selecting sentences with every query number;
    TooLarge beyond MAX_SEARCH_NUMBERS."""
    if len(terms) > MAX_SEARCH_NUMBERS:
        raise _too_many(f"{len(terms):,} numbers", MAX_SEARCH_NUMBERS, "numbers")
    clauses, params = [], []
    for term in terms:
        sql, values = number_clause(term)
        clauses.append(sql)
        params += values
    return clauses, params


def number_clause(term: NumberTerm) -> tuple[str, list[str]]:
    """SQL selecting sentence ids with a figure or observation matching one query number."""
    column, values = ("value_text", list(term.exact_values())) if term.scale or term.percent else (
        "value_digits", list(term.digit_keys()))
    marks = ", ".join("?" * len(values))
    sql = (f"s.id IN (SELECT sentence_id FROM figures WHERE {column} IN ({marks}) "
           f"UNION SELECT sentence_id FROM observations WHERE {column} IN ({marks}))")
    return sql, values + values


def _hit_filters(conn: sqlite3.Connection, province: str | None, indicator: str | None,
                 language: str | None) -> tuple[list[str], list[Any]]:
    """Extra WHERE clauses for search facets (province/indicator of the sentence's observations)."""
    clauses: list[str] = []
    params: list[Any] = []
    if province or indicator:
        sub = "EXISTS (SELECT 1 FROM observations x WHERE x.sentence_id = s.id"
        if province:
            names = province_names(conn, province)
            sub += f" AND x.province IN ({', '.join('?' * len(names))})"
            params += names
        if indicator:
            sub += " AND x.indicator = ?"
            params.append(indicator)
        clauses.append(sub + ")")
    if language:
        clauses.append("d.language = ?")
        params.append(language)
    return clauses, params


def search(
    conn: sqlite3.Connection,
    text: str,
    *,
    limit: int | None = None,
    offset: int = 0,
    locale: QueryLocale = "auto",
    province: str | None = None,
    indicator: str | None = None,
    language: str | None = None,
) -> Page[SearchHit]:
    """Sentences matching ``text``: its words through FTS (diacritics folded), its numbers by value."""
    words, numbers = quote_fts(words_without_numbers(text)), query_numbers(text, locale=locale)
    if not words and not numbers:
        return Page(items=[], limit=page_limit(limit), offset=offset, total=0)
    clauses, params = _hit_filters(conn, province, indicator, language)
    found, values = number_clauses(numbers)
    clauses += found
    params += values
    size = page_limit(limit)
    rows = _search_rows(conn, words, clauses, params, size, offset, phrase=words_without_numbers(text))
    matched = "both" if words and numbers else "text" if words else "number"
    return Page(items=_hits(conn, rows, matched), limit=size, offset=offset)


# FTS5's bm25 costs ~0.2 ms per hit here (it loads every phrase's positions), 37 ms for 200 hits
# and half a second for a common word. So the index only finds hits, newest first (rowid order,
# walked without sorting), and the newest RANK_WINDOW hits are ranked in Python: the whole query
# as a phrase first, then shorter (more focused) sentences. Bounded time at any corpus size.
RANK_WINDOW = 200


def _search_rows(conn: sqlite3.Connection, words: str, clauses: list[str], params: list[Any],
                 size: int, offset: int, *, phrase: str = "") -> list[sqlite3.Row]:
    """Run the sentence search: FTS hits ranked in a recent window, or newest first for numbers only."""
    cols = "s.id, s.document_id, s.text, s.start, s.\"end\", d.title, d.source, d.published, d.language"
    where = " AND ".join(clauses) or "1"
    if not words:
        sql = (f"SELECT {cols} FROM sentences s JOIN documents d ON d.pk = s.doc "
               f"WHERE {where} ORDER BY s.id DESC LIMIT ? OFFSET ?")
        return conn.execute(sql, (*params, size, offset)).fetchall()
    sql = (f"SELECT {cols} FROM sentences_fts f JOIN sentences s ON s.id = f.rowid "
           f"JOIN documents d ON d.pk = s.doc WHERE sentences_fts MATCH ? AND {where} "
           "ORDER BY f.rowid DESC LIMIT ?")
    window = conn.execute(sql, (words, *params, max(RANK_WINDOW, offset + size))).fetchall()
    return rank_window(window, phrase)[offset:offset + size]


def rank_window(rows: Sequence[sqlite3.Row], phrase: str) -> list[sqlite3.Row]:
    """Hits with the query as a phrase first, then shorter sentences, then newer ones."""
    wanted = fold(phrase)

    def key(row: sqlite3.Row) -> tuple[bool, bool, int, int]:
        title = row["title"] if "title" in row.keys() and row["title"] else ""  # noqa: SIM118 - Row "in" tests values
        # The lead of a long document decides: folding whole articles would cost more than the search.
        return (bool(wanted) and wanted not in fold(title), bool(wanted) and wanted not in fold(row["text"][:3000]),
                len(row["text"]), -row["id"])

    return sorted(rows, key=key)


def _hits(conn: sqlite3.Connection, rows: Sequence[sqlite3.Row], matched: str) -> list[SearchHit]:
    """SearchHit records for sentence rows, with the ids of the observations in each sentence."""
    ids = [r["id"] for r in rows]
    by_sentence: dict[int, list[int]] = defaultdict(list)
    if ids:
        for sid, oid in conn.execute(
                f"SELECT sentence_id, id FROM observations WHERE sentence_id IN ({', '.join('?' * len(ids))}) "
                "ORDER BY id", ids):
            by_sentence[sid].append(oid)
    return [SearchHit(document_id=r["document_id"], sentence_id=r["id"], sentence=r["text"],
                      start=r["start"], end=r["end"], title=r["title"], source=r["source"],
                      published=_date(r["published"]), language=r["language"], matched=matched,  # type: ignore[arg-type]  # stored from a Document
                      observation_ids=tuple(by_sentence[r["id"]])) for r in rows]


def search_documents(
    conn: sqlite3.Connection, text: str, *, limit: int | None = None, offset: int = 0
) -> Page[DocumentHit]:
    """Documents whose title or text match ``text`` (diacritics folded), ranked like sentences."""
    words, size = quote_fts(text), page_limit(limit)
    if not words:
        return Page(items=[], limit=size, offset=offset, total=0)
    window = conn.execute(
        "SELECT d.pk AS id, d.id AS document_id, d.title, d.source, d.published, d.language, d.province, "
        "d.text FROM documents_fts f JOIN documents d ON d.pk = f.rowid WHERE documents_fts MATCH ? "
        "ORDER BY f.rowid DESC LIMIT ?", (words, max(RANK_WINDOW, offset + size))).fetchall()
    rows = rank_window(window, text)[offset:offset + size]
    hits = [DocumentHit(document_id=r["document_id"], title=r["title"], source=r["source"],
                        published=_date(r["published"]), language=r["language"],
                        province=r["province"], snippet=snippet(r["text"], text)) for r in rows]
    return Page(items=hits, limit=size, offset=offset)


def snippet(text: str, query: str, *, width: int = 200) -> str:
    """The original text around the first word of ``query`` found in it (FTS snippets would be folded)."""
    folded = fold_chars(text)
    hits = [folded.find(w) for w in fold(query).split() if len(w) > 1]
    at = min((h for h in hits if h >= 0), default=0)
    start = max(0, at - width // 3)
    piece = " ".join(text[start:start + width].split())
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")


# ---- province × indicator table ---------------------------------------------------------------

def province_table(
    conn: sqlite3.Connection,
    *,
    province: str | None = None,
    indicator: str | None = None,
    boundaries: str | None = None,
    as_of: dt.date | None = None,
) -> list[TableCell]:
    """Province × indicator cells: latest actual value (on or before ``as_of``), its date, its sources.

    Without ``as_of`` the cells come from the ``cells`` table kept up to date by every write;
    with it they are computed from the observations (slower: one index seek per cell).
    """
    clauses, params = ["1"], {"as_of": (as_of or dt.date.max).isoformat()}
    if province:
        names = province_names(conn, province)
        clauses.append(f"k.province IN ({', '.join(f':p{i}' for i in range(len(names)))})")
        params |= {f"p{i}": name for i, name in enumerate(names)}
    if indicator:
        clauses.append("k.indicator = :indicator")
        params["indicator"] = indicator
    if boundaries:
        clauses.append("k.boundaries = :boundaries")
        params["boundaries"] = boundaries
    if as_of is None:  # the kept table (refreshed on every write) answers in a few ms
        where = " AND ".join(clauses).replace("k.", "c.")
        rows = conn.execute(f"SELECT c.*, nullif(c.boundaries, '') AS boundaries, {PERIOD_OF_CELL} FROM cells c "
                            f"LEFT JOIN observation_rows o ON o.id = c.observation_id WHERE {where} "
                            "ORDER BY c.province, c.indicator, c.boundaries", params).fetchall()
    else:
        rows = conn.execute(TABLE_SQL.format(where=" AND ".join(clauses)), params).fetchall()
    return _cells(rows)


def _cells(rows: Iterable[sqlite3.Row]) -> list[TableCell]:
    """Cells from the table query, which already chose the value most sources give (ties: latest)."""
    return [TableCell(province=r["province"], boundaries=r["boundaries"], indicator=r["indicator"],
                      value=Decimal(r["value_text"]), unit=r["unit"], as_of=_date(r["as_of"]),
                      period_start=_date(r["period_start"]), period_end=_date(r["period_end"]),
                      sources=r["sources"], conflict=bool(r["conflict"]), observation_id=r["observation_id"],
                      document_id=r["document_id"]) for r in rows]


# ---- conflicts --------------------------------------------------------------------------------

def conflicts(
    conn: sqlite3.Connection,
    *,
    province: str | None = None,
    indicator: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> Page[Conflict]:
    """Same province, indicator and date, different values from different documents, as pairs.

    Only exact, actual values with a date the text states are compared: "more than", targets
    and dates filled in from the publication date would make conflicts out of nothing. Paging
    counts conflicting (cell, date) keys, read from the kept ``conflict_keys`` table; each key
    gives one pair per value beyond the first, so a page can hold more than ``limit`` pairs.
    """
    where, params = _filter_sql(conn, ObservationFilter(province=province, indicator=indicator))
    where = where.replace("o.", "c.")
    size = page_limit(limit)
    keys = conn.execute(
        "SELECT c.province, c.indicator, nullif(c.boundaries, '') AS boundaries, c.as_of, c.period_start, "
        f"c.period_end, c.unit FROM conflict_keys c WHERE {where} "
        "ORDER BY c.province, c.indicator, c.boundaries, c.as_of, c.period_end, c.id LIMIT ? OFFSET ?",
        (*params, size, max(0, offset))).fetchall()
    total = conn.execute(f"SELECT count(*) FROM conflict_keys c WHERE {where}", params).fetchone()[0]
    pairs = [pair for key in keys for pair in _conflict_pairs(conn, key)]
    return Page(items=pairs, limit=size, offset=offset, total=total)


def _conflict_pairs(conn: sqlite3.Connection, key: sqlite3.Row) -> list[Conflict]:
    """The pairs (first value's observation vs each other value's) for one conflicting key."""
    rows = conn.execute(
        f"{_OBS_SELECT.replace('SELECT o.*', f'SELECT o.*, {CANONICAL_DOC} AS canon')} "
        "WHERE o.province = ? AND o.indicator = ? AND o.boundaries IS ? AND o.as_of IS ? "
        "AND o.period_start IS ? AND o.period_end IS ? AND o.unit = ? AND o.status = 'actual' "
        "AND o.obs_date IS coalesce(?, ?, ?) "  # the indexed column: a seek, not a scan of the cell
        "AND o.qualifier = 'exact' AND o.date_inferred = 0 ORDER BY o.id",
        (*tuple(key), key["as_of"], key["period_end"], key["period_start"])).fetchall()
    values = list(dict.fromkeys(r["value_text"] for r in rows))
    texts = {r["value_text"]: r["text"] for r in rows}
    # Rounding is no disagreement: "13,625 billion" and "13.625,214 tỷ" are one figure written twice.
    others = [v for v in values[1:]
              if not same_within_rounding(Decimal(values[0]), texts[values[0]], Decimal(v), texts[v])]
    pairs = (_pick_pair(rows, values[0], other) for other in others)
    return [_conflict(key, *observations_from_rows(conn, [a, b])) for a, b in pairs if a is not None and b is not None]


def _pick_pair(rows: Sequence[sqlite3.Row], first: str, other: str) -> tuple[sqlite3.Row | None, sqlite3.Row | None]:
    """The earliest two rows giving ``first`` and ``other`` from different (original) documents."""
    for a in (r for r in rows if r["value_text"] == first):
        for b in (r for r in rows if r["value_text"] == other):
            if a["canon"] != b["canon"]:
                return a, b
    return None, None


def _conflict(key: sqlite3.Row, a: StoredObservation, b: StoredObservation) -> Conflict:
    """A Conflict record for one key and two observations."""
    return Conflict(province=key["province"], boundaries=key["boundaries"], indicator=key["indicator"],
                    as_of=_date(key["as_of"]), period_start=_date(key["period_start"]),
                    period_end=_date(key["period_end"]), a=a, b=b)
