"""Fetching: a polite HTTP client and its validator cache (download only, never extract).

``Fetcher(FetchOptions(...), cache=...)`` honours robots.txt, waits ``delay`` seconds between
requests to one host, retries 429/5xx/timeouts with backoff, stops redirect loops, aborts bodies
past ``max_bytes``, gives up a response not finished within ``deadline`` seconds, refuses
private addresses unless ``allow_private=True`` and link-local and cloud-metadata addresses
always. Every failure is a ``FetchFailed`` (a ``FetchError``) with the URL, a ``kind`` and a hint.
"""

from extractor.fetch.cache import JsonFileCache, MemoryCache, ValidatorCache, Validators
from extractor.fetch.client import Fetcher, FetchFailed, FetchResult
from extractor.fetch.guard import check_address, is_public
from extractor.fetch.options import USER_AGENT, FetchOptions

__all__ = [
    "USER_AGENT",
    "FetchFailed",
    "FetchOptions",
    "FetchResult",
    "Fetcher",
    "JsonFileCache",
    "MemoryCache",
    "ValidatorCache",
    "Validators",
    "check_address",
    "is_public",
]
