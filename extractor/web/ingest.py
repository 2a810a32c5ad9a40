"""Ingesting URLs from the web form/API (write mode only): the pipeline's batch, as JSON.

Every URL gets an outcome, one bad URL never stops the others, and the polite fetcher's SSRF
guard and robots rules stay on (``extractor.pipeline.crawl.ingest_urls`` does the work).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from extractor.fetch import Fetcher
from extractor.pipeline.crawl import ingest_urls as run_ingest
from extractor.registry.bundle import Registry
from extractor.web.schemas import IngestItem, IngestResult


def ingest_urls(conn: sqlite3.Connection, urls: Sequence[str], *, registry: Registry,
                fetcher: Callable[[], Fetcher] = Fetcher) -> IngestResult:
    """Fetch, extract and store every URL; each URL's outcome as an ``IngestItem``."""
    report = run_ingest(conn, urls, registry=registry, fetcher=fetcher)
    return IngestResult(items=[IngestItem(url=o.path, status=o.status, document_id=o.document_id,
                                          reason=o.reason) for o in report.outcomes])
