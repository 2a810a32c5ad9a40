"""Fetching: a polite HTTP client and its validator cache (download only, never extract)."""

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
