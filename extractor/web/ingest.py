"""Ingesting URLs from the web form/API (write mode only): fetch, parse, extract, store.

Mirrors ``extractor.store.ingest.ingest_file`` for URLs: every URL gets an outcome, one bad URL
never stops the others, and the polite fetcher's SSRF guard and robots rules stay on.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from extractor.errors import ExtractorError
from extractor.fetch import Fetcher
from extractor.parse import Loaded, load_bytes
from extractor.store.ingest import ExtractLoaded, default_extract
from extractor.store.write import save_extraction
from extractor.web.schemas import IngestItem, IngestResult

MakeFetcher = Callable[[], Fetcher]


def load_url(fetcher: Fetcher, url: str) -> Loaded:
    """Fetch one URL and parse its bytes; the final URL (after redirects) is the source."""
    response = fetcher.fetch(url)
    return load_bytes(response.body, source=response.final_url, content_type=response.content_type)


def ingest_url(conn: sqlite3.Connection, fetcher: Fetcher, url: str, *, extract: ExtractLoaded) -> IngestItem:
    """Fetch, extract and store one URL; any problem becomes a failed item with its reason."""
    try:
        loaded = load_url(fetcher, url)
        result = save_extraction(conn, extract(loaded), raw=loaded.raw)
    except ExtractorError as exc:
        return IngestItem(url=url, status="failed", reason=f"[{exc.code}] {exc.message}")
    except Exception as exc:  # noqa: BLE001 - one bad page must not stop the batch
        return IngestItem(url=url, status="failed", reason=f"{type(exc).__name__}: {exc}")
    return IngestItem(url=url, status=result.status, document_id=result.document_id)


def ingest_urls(conn: sqlite3.Connection, urls: Sequence[str], *, fetcher: MakeFetcher = Fetcher,
                extract: ExtractLoaded | None = None) -> IngestResult:
    """Ingest every URL with one polite fetcher (per-host delays and robots shared)."""
    run = extract or default_extract()
    with fetcher() as client:
        return IngestResult(items=[ingest_url(conn, client, url, extract=run) for url in urls])
