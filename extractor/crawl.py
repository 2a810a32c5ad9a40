"""Ingest sources into the store: URLs, sitemaps, feeds, list pages, files and folders.

The path ``extractor ingest`` takes: ``sources.iter_source`` yields raw bytes (or a failure
with its reason), ``parse`` turns them into text, the pipeline extracts, the store saves, and
near-duplicates (the same story republished on another site) are linked to their original so
the table counts one source, not three. A bad item never stops the batch; each gets an
outcome. Conditional requests on re-crawl use validators kept beside the database, offered
only for pages whose raw bytes the store still holds.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from extractor.errors import ExtractorError
from extractor.fetch import Fetcher, FetchOptions, JsonFileCache, Validators
from extractor.parse import extract_loaded, load_bytes
from extractor.sources import Failed, RawItem, iter_source
from extractor.store.copies import link_copies
from extractor.store.ingest import IngestReport, Outcome
from extractor.store.write import save_extraction

# Failures that are the source's own choice, not an error: counted as skipped.
SKIPPED_KINDS = frozenset({"robots", "unsupported", "skipped"})


class StoreValidators:
    """ETag/Last-Modified remembered in a JSON file beside the database; offered for a URL only
    while the store still holds a document from it (so a 304 never hides a missing page)."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.file = JsonFileCache(path)

    def get(self, url: str) -> Validators | None:
        held = self.conn.execute("SELECT 1 FROM documents WHERE source = ? LIMIT 1", (url,))
        return self.file.get(url) if held.fetchone() else None

    def put(self, url: str, validators: Validators) -> None:
        self.file.put(url, validators)


def validators_path(db_path: Path) -> Path:
    """Where the HTTP validators of a database live: ``vbsp.sqlite`` → ``vbsp.http-cache.json``."""
    return db_path.with_name(db_path.stem + ".http-cache.json")


def store_item(conn: sqlite3.Connection, item: RawItem | Failed) -> Outcome:
    """Parse, extract and save one crawled item; every problem becomes an outcome."""
    if isinstance(item, Failed):
        status = "skipped" if item.kind in SKIPPED_KINDS else "failed"
        reason = f"{item.reason} ({item.hint})" if item.hint else item.reason
        return Outcome(item.source, status, reason=reason)  # type: ignore[arg-type]
    if item.not_modified:
        return Outcome(item.source, "unchanged", reason="not modified since the last crawl")
    try:
        loaded = load_bytes(item.raw, source=item.final_url or item.source,
                            content_type=item.content_type)
        if loaded.published is None and item.published is not None:
            loaded = loaded.model_copy(update={"published": item.published})
        result = save_extraction(conn, extract_loaded(loaded), raw=loaded.raw)
    except ExtractorError as exc:
        return Outcome(item.source, "failed", reason=f"[{exc.code}] {exc.message}")
    except Exception as exc:  # noqa: BLE001 - one bad page must not stop the batch
        return Outcome(item.source, "failed", reason=f"{type(exc).__name__}: {exc}")
    return Outcome(item.source, result.status, result.document_id)


def ingest_sources(
    conn: sqlite3.Connection,
    specs: Sequence[str],
    *,
    fetcher: Fetcher | None = None,
    follow: str | None = None,
    max_pages: int = 10,
    limit: int | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> IngestReport:
    """Crawl every spec into the store and link the near-duplicates among the new documents."""
    report = IngestReport()
    for item in _items(specs, fetcher=fetcher, follow=follow, max_pages=max_pages, limit=limit):
        outcome = store_item(conn, item)
        report.outcomes.append(outcome)
        if on_outcome:
            on_outcome(outcome)
    fresh = [o.document_id for o in report.outcomes
             if o.status in ("new", "replaced") and o.document_id]
    report.copies = link_copies(conn, fresh)
    return report


def _items(specs: Iterable[str], *, fetcher: Fetcher | None, follow: str | None,
           max_pages: int, limit: int | None) -> Iterable[RawItem | Failed]:
    """Every item of every spec (a page reached twice is saved once: the second is unchanged)."""
    for spec in specs:
        yield from iter_source(spec, fetcher=fetcher, follow=follow, max_pages=max_pages,
                               limit=limit)


def make_fetcher(conn: sqlite3.Connection, db_path: Path, options: FetchOptions) -> Fetcher:
    """A polite fetcher whose conditional-request validators persist beside the database."""
    return Fetcher(options, cache=StoreValidators(conn, validators_path(db_path)))
