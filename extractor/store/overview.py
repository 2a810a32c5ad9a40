"""What the table holds, and short records of its documents: the home page, the lists, the links."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable

from extractor.store.labels import document_title, indicator_label
from extractor.store.query import HEAD_SQL, fold
from extractor.store.records import DocumentBrief, Facet

EXACT_COUNT_UP_TO = 200_000  # beyond this, counting every observation costs more than a page may take


def _date(value: str | None) -> dt.date | None:
    """A date from ISO text (None stays None)."""
    return dt.date.fromisoformat(value) if value else None


def overview_counts(conn: sqlite3.Connection) -> tuple[int, int]:
    """How many documents and observations are stored."""
    docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    obs = conn.execute("SELECT max(id) FROM observations").fetchone()[0]  # rowid max: instant, close enough
    exact = conn.execute("SELECT count(*) FROM observations").fetchone()[0] if (obs or 0) < EXACT_COUNT_UP_TO else obs
    return int(docs), int(exact or 0)


def provinces_with_data(conn: sqlite3.Connection) -> list[Facet]:
    """Every province in the table with how many indicators it has, alphabetically (folded)."""
    rows = conn.execute("SELECT province, count(DISTINCT indicator) AS n FROM cell_keys GROUP BY province").fetchall()
    return sorted((Facet(value=r[0], label=r[0], count=r[1]) for r in rows), key=lambda f: fold(f.label))


def indicators_with_data(conn: sqlite3.Connection) -> list[Facet]:
    """Every indicator in the table with how many provinces report it, labelled with its display name."""
    rows = conn.execute("SELECT indicator, count(DISTINCT province) FROM cell_keys GROUP BY indicator "
                        "ORDER BY 2 DESC, 1").fetchall()
    return [Facet(value=r[0], label=indicator_label(r[0]), count=r[1]) for r in rows]


def recent_documents(conn: sqlite3.Connection, *, most: int = 10) -> list[DocumentBrief]:
    """The latest documents by publication date, copies folded into their original."""
    rows = conn.execute(f"SELECT id, title, source, published, language, {HEAD_SQL} FROM documents d "
                        "WHERE NOT EXISTS (SELECT 1 FROM doc_copies c WHERE c.doc_id = d.id) "
                        "ORDER BY published DESC, pk DESC LIMIT ?", (most,)).fetchall()
    return [_brief(r) for r in rows]


def _brief(row: sqlite3.Row) -> DocumentBrief:
    """A DocumentBrief from a documents row (with ``head``), titled as readers name it."""
    return DocumentBrief(id=row["id"], title=document_title(row["title"], row["head"]), source=row["source"],
                         published=_date(row["published"]), language=row["language"])


def document_briefs(conn: sqlite3.Connection, ids: Iterable[str]) -> list[DocumentBrief]:
    """Title, source and date of documents, in the order asked (unknown ids left out)."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return []
    rows = conn.execute(f"SELECT id, title, source, published, language, {HEAD_SQL} FROM documents d "
                        f"WHERE id IN ({', '.join('?' * len(wanted))})", wanted).fetchall()
    by_id = {r["id"]: r for r in rows}
    return [_brief(by_id[i]) for i in wanted if i in by_id]


def sentence_start(conn: sqlite3.Connection, sentence_id: int | None) -> int | None:
    """Where a stored sentence starts in its document's text (None when unknown)."""
    if sentence_id is None:
        return None
    row = conn.execute("SELECT start FROM sentences WHERE id = ?", (sentence_id,)).fetchone()
    return row[0] if row else None
