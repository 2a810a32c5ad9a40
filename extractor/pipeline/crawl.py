"""Web sources into the store: URLs, sitemaps, feeds, list pages, and the web form's URLs.

``fetch.sources`` yields raw bytes (or a failure with its reason); here each becomes a ``Job``
of ``pipeline.batch``, so a crawled page is processed, stored and linked to its copies exactly
as a file is. One rule for a fetched document's address: its ``source`` is the final URL after
redirects, and the URL asked for is kept in ``meta["requested_url"]`` when it differs.
Conditional requests on re-crawl use validators kept beside the database, offered only for
pages whose raw bytes the store still holds.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path

from extractor.fetch import Fetcher, FetchOptions, FetchResult, JsonFileCache, Validators
from extractor.fetch.sources import Failed, RawItem, iter_source
from extractor.parse import Loaded, load_bytes
from extractor.pipeline.batch import (
    ExtractLoaded,
    IngestReport,
    Job,
    Outcome,
    OutcomeStatus,
    extractor_of,
    run_batch,
)
from extractor.registry.bundle import Registry
from extractor.store.documents import holds_source

# Failures that are the source's own choice, not an error: counted as skipped.
SKIPPED_KINDS = frozenset({"robots", "unsupported", "skipped"})


class StoreValidators:
    """ETag/Last-Modified remembered in a JSON file beside the database; offered for a URL only
    while the store still holds a document from it (so a 304 never hides a missing page)."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.file = JsonFileCache(path)

    def get(self, url: str) -> Validators | None:
        return self.file.get(url) if holds_source(self.conn, url) else None

    def put(self, url: str, validators: Validators) -> None:
        self.file.put(url, validators)


def validators_path(db_path: Path) -> Path:
    """Where the HTTP validators of a database live: ``vbsp.sqlite`` → ``vbsp.http-cache.json``."""
    return db_path.with_name(db_path.stem + ".http-cache.json")


def make_fetcher(conn: sqlite3.Connection, db_path: Path, options: FetchOptions) -> Fetcher:
    """A polite fetcher whose conditional-request validators persist beside the database."""
    return Fetcher(options, cache=StoreValidators(conn, validators_path(db_path)))


def load_fetched(raw: bytes, *, requested: str, final: str | None, content_type: str | None,
                 registry: Registry) -> Loaded:
    """Fetched bytes parsed, with the one rule for a fetched document's address."""
    loaded = load_bytes(raw, source=final or requested, content_type=content_type, registry=registry)
    if final and final != requested:
        loaded = loaded.model_copy(update={"meta": loaded.meta | {"requested_url": requested}})
    return loaded


def load_result(result: FetchResult, *, registry: Registry) -> Loaded:
    """A fetch result parsed (``result.url`` is the URL asked for)."""
    return load_fetched(result.body, requested=result.url, final=result.final_url,
                        content_type=result.content_type, registry=registry)


def load_url(url: str, *, registry: Registry, fetcher: Fetcher | None = None) -> Loaded:
    """Fetch one URL and parse it (``extractor extract URL``); raises FetchError or InputError."""
    own = fetcher is None
    web = fetcher or Fetcher()
    try:
        result = web.fetch(url, conditional=False)
    finally:
        if own:
            web.close()
    return load_result(result, registry=registry)


def item_job(item: RawItem | Failed) -> Job:
    """The job of one crawled item: its outcome is decided when it failed or was not modified."""
    if isinstance(item, Failed):
        status: OutcomeStatus = "skipped" if item.kind in SKIPPED_KINDS else "failed"
        why = f"{item.reason} ({item.hint})" if item.hint else item.reason
        return Job(item.source, done=Outcome(item.source, status, reason=why))
    if item.not_modified:
        return Job(item.source, done=Outcome(item.source, "unchanged",
                                             reason="not modified since the last crawl"))
    return Job(item.source, partial(load_item, item))


def load_item(item: RawItem, *, registry: Registry) -> Loaded:
    """A crawled item's bytes parsed (the feed's date kept when the page states none)."""
    loaded = load_fetched(item.raw, requested=item.source, final=item.final_url,
                          content_type=item.content_type, registry=registry)
    if loaded.published is None and item.published is not None:
        loaded = loaded.model_copy(update={"published": item.published})  # the feed's date
    return loaded


def ingest_sources(conn: sqlite3.Connection, specs: Sequence[str], *, registry: Registry,
                   fetcher: Fetcher | None = None, follow: str | None = None, max_pages: int = 10,
                   limit: int | None = None, extract: ExtractLoaded | None = None,
                   on_outcome: Callable[[Outcome], None] | None = None, workers: int = 1) -> IngestReport:
    """Crawl every spec into the store (a page reached twice is saved once: the second is
    unchanged) and link the near-duplicates among the new documents. Fetching stays in this
    process, one polite fetcher for every page; ``workers`` processes parse and extract."""
    items = _items(specs, fetcher=fetcher, follow=follow, max_pages=max_pages, limit=limit)
    return run_batch(conn, (item_job(item) for item in items), registry=registry,
                     extract=extractor_of(registry, extract), on_outcome=on_outcome, workers=workers)


def _items(specs: Iterable[str], *, fetcher: Fetcher | None, follow: str | None,
           max_pages: int, limit: int | None) -> Iterator[RawItem | Failed]:
    for spec in specs:
        yield from iter_source(spec, fetcher=fetcher, follow=follow, max_pages=max_pages, limit=limit)


def ingest_urls(conn: sqlite3.Connection, urls: Sequence[str], *, registry: Registry,
                fetcher: Callable[[], Fetcher] = Fetcher) -> IngestReport:
    """Ingest URLs (the web's form) with one polite fetcher: per-host delays and robots shared."""
    with fetcher() as client:
        jobs = (Job(url, partial(load_url, url, fetcher=client)) for url in urls)
        return run_batch(conn, jobs, registry=registry, extract=extractor_of(registry))
