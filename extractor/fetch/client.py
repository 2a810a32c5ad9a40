"""A polite HTTP client: robots.txt, per-host delay, retries, size cap, deadline, SSRF guard.

Downloading is kept apart from extracting: the client only returns bytes and headers, so raw
bytes can be stored and re-extracted offline when the rules improve.
"""

from __future__ import annotations

import email.utils
import hashlib
import threading
import time
from collections.abc import Callable
from typing import Literal, Self
from urllib.parse import urljoin, urlsplit

import httpx
from pydantic import BaseModel, ConfigDict

from extractor.errors import FetchError
from extractor.fetch.cache import MemoryCache, ValidatorCache, Validators
from extractor.fetch.deadline import Deadline, deadline_transport
from extractor.fetch.guard import (
    ForbiddenAddress,
    PrivateAddress,
    UnresolvedHost,
    check_address,
    check_scheme,
    refusal,
)
from extractor.fetch.options import FetchOptions
from extractor.fetch.robots import RobotsPolicy

REDIRECTS = frozenset({301, 302, 303, 307, 308})
ROBOTS_MAX_BYTES = 500 * 1024
SKIPPED_MEDIA = ("image/", "audio/", "video/", "font/")
DEADLINE_HINT = (
    "The server is stalling or very slow; try later, or raise the deadline for a large "
    "document on a slow link (deadline=SECONDS; CLI: --deadline SECONDS; $VBSP_FETCH_DEADLINE)."
)
FailureKind = Literal[
    "http",
    "timeout",
    "deadline",
    "network",
    "robots",
    "private",
    "forbidden",
    "too_large",
    "redirect_loop",
    "redirects",
    "unsupported",
]


class FetchResult(BaseModel):
    """One fetched URL: final address, status, content type and the raw body bytes."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    url: str
    final_url: str
    status: int
    content_type: str | None = None
    body: bytes = b""
    not_modified: bool = False
    etag: str | None = None
    last_modified: str | None = None
    redirects: tuple[str, ...] = ()
    attempts: int = 1


class _Raw(BaseModel):
    """One HTTP exchange before redirects and errors are interpreted."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    status: int
    headers: dict[str, str]
    body: bytes = b""
    attempts: int = 1


class FetchFailed(FetchError):
    """A FetchError that also says which URL failed and how (``kind``), so a batch can count failures."""

    def __init__(self, url: str, reason: str, *, hint: str, kind: FailureKind) -> None:
        super().__init__(f"{url}: {reason}", hint=hint)
        self.url = url
        self.kind: FailureKind = kind


def fetch_error(url: str, reason: str, hint: str, *, kind: FailureKind) -> FetchFailed:
    """A FetchFailed carrying the URL and a machine-readable ``kind``."""
    return FetchFailed(url, reason, hint=hint, kind=kind)


def retry_after_seconds(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds a Retry-After header asks for (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def is_transient(status: int) -> bool:
    """Statuses worth retrying: rate limiting and server errors."""
    return status == 429 or 500 <= status < 600


class Fetcher:
    """Fetches URLs politely; one instance per crawl so per-host timing and robots are shared."""

    def __init__(
        self,
        options: FetchOptions | None = None,
        *,
        cache: ValidatorCache | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.options = options or FetchOptions()
        self.cache: ValidatorCache = cache if cache is not None else MemoryCache()
        self._sleep = sleep
        self._clock = clock
        self._last: dict[str, float] = {}
        self._lock = threading.RLock()
        self._client = httpx.Client(
            headers={"User-Agent": self.options.user_agent},
            timeout=httpx.Timeout(self.options.timeout),
            follow_redirects=False,
            transport=transport or deadline_transport(),
        )
        self.robots = RobotsPolicy(self._get_robots, agent=self.options.robots_token)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def fetch(self, url: str, *, conditional: bool = True) -> FetchResult:
        """GET ``url`` following redirects; raise FetchError saying what went wrong and what to do."""
        self._check_allowed(url)
        validators = self.cache.get(url) if conditional else None
        headers = validators.headers() if validators else {}
        current, hops, attempts = url, [url], 0
        for _ in range(self.options.max_redirects + 1):
            raw = self._get_with_retries(current, headers)
            attempts += raw.attempts
            target = self._redirect_target(current, raw)
            if target is None:
                return self._finish(url, current, raw, tuple(hops[1:]), attempts)
            if target in hops:
                raise fetch_error(
                    url,
                    f"redirect loop ({' -> '.join([*hops, target])})",
                    "The site redirects in a circle; open it in a browser or drop this URL.",
                    kind="redirect_loop",
                )
            self._check_allowed(target)
            hops.append(target)
            current = target
        raise fetch_error(
            url,
            f"more than {self.options.max_redirects} redirects",
            "Give the final URL directly or raise max_redirects.",
            kind="redirects",
        )

    def _check_allowed(self, url: str) -> None:
        """Refuse other schemes, addresses the guard refuses and URLs robots.txt disallows."""
        try:
            check_scheme(url)
            check_address(url, allow_private=self.options.allow_private)
        except FetchError as exc:
            raise _refused(url, exc) from None
        if self.options.respect_robots and not self.robots.allowed(url):
            raise fetch_error(
                url,
                "disallowed by robots.txt",
                "The site asks crawlers not to fetch this path; download it by hand if you have permission.",
                kind="robots",
            )

    @staticmethod
    def _redirect_target(url: str, raw: _Raw) -> str | None:
        """The absolute Location of a redirect response, else None."""
        location = raw.headers.get("location")
        if raw.status in REDIRECTS and location:
            return urljoin(url, location)
        return None

    def _finish(
        self, url: str, final: str, raw: _Raw, hops: tuple[str, ...], attempts: int
    ) -> FetchResult:
        """Turn the last response into a FetchResult or a FetchError."""
        if raw.status == 304:
            return FetchResult(
                url=url,
                final_url=final,
                status=304,
                not_modified=True,
                redirects=hops,
                attempts=attempts,
                content_type=raw.headers.get("content-type"),
            )
        if raw.status >= 400 or raw.status < 200:
            raise fetch_error(
                url,
                f"HTTP {raw.status} after {attempts} attempt(s)",
                _status_hint(raw.status),
                kind="http",
            )
        result = FetchResult(
            url=url,
            final_url=final,
            status=raw.status,
            body=raw.body,
            redirects=hops,
            attempts=attempts,
            content_type=raw.headers.get("content-type"),
            etag=raw.headers.get("etag"),
            last_modified=raw.headers.get("last-modified"),
        )
        self._remember(url, result)
        return result

    def _remember(self, url: str, result: FetchResult) -> None:
        """Store the validators a server gave, so the next crawl can ask 'changed since?'."""
        if result.etag or result.last_modified:
            digest = hashlib.sha256(result.body).hexdigest()
            self.cache.put(
                url, Validators(etag=result.etag, last_modified=result.last_modified, sha256=digest)
            )

    def _get_with_retries(self, url: str, headers: dict[str, str]) -> _Raw:
        """One GET, retried with exponential backoff on 429, 5xx, timeouts and network errors."""
        tries = self.options.retries + 1
        for attempt in range(tries):
            last = attempt == tries - 1
            try:
                raw = self._get_once(url, headers)
            except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError) as exc:
                if last:
                    raise _transport_error(url, exc, tries) from exc
                self._sleep(self._backoff(attempt))
                continue
            if not is_transient(raw.status) or last:
                return raw.model_copy(update={"attempts": attempt + 1})
            self._sleep(self._retry_wait(raw, attempt))
        raise AssertionError("unreachable")  # pragma: no cover

    def _backoff(self, attempt: int) -> float:
        """Exponential backoff: backoff, 2×backoff, 4×backoff…"""
        return float(self.options.backoff * (2**attempt))

    def _retry_wait(self, raw: _Raw, attempt: int) -> float:
        """How long to wait before retrying: the server's Retry-After (capped) or our backoff."""
        asked = retry_after_seconds(raw.headers.get("retry-after"))
        if asked is None:
            return self._backoff(attempt)
        return min(asked, self.options.max_retry_after)

    def _wait_for_host(self, url: str) -> None:
        """Sleep so that requests to one host are at least ``delay`` (or Crawl-delay) apart."""
        host = urlsplit(url).netloc
        gap = self._host_delay(url)  # may fetch robots.txt itself, so outside the lock
        with self._lock:
            elapsed = self._clock() - self._last.get(host, float("-inf"))
            if elapsed < gap:
                self._sleep(gap - elapsed)
            self._last[host] = self._clock()

    def _host_delay(self, url: str) -> float:
        """Our per-host delay, raised to robots.txt's Crawl-delay when it asks for more."""
        delay = self.options.delay
        if self.options.respect_robots and not url.endswith("/robots.txt"):
            asked = self.robots.crawl_delay(url)
            if asked is not None:
                delay = max(delay, min(asked, self.options.max_crawl_delay))
        return delay

    def _get_once(self, url: str, headers: dict[str, str], *, cap: int | None = None) -> _Raw:
        """One GET within the response deadline (connect, headers and body); the deadline
        passing is final, not retried: a server that trickled once would trickle again."""
        self._wait_for_host(url)
        deadline = Deadline(self.options.deadline)
        try:
            with deadline, self._client.stream("GET", url, headers=headers) as response:
                return self._read(url, response, cap or self.options.max_bytes)
        except httpx.TimeoutException as exc:
            if deadline.expired:
                raise _deadline_error(url, self.options.deadline) from exc
            raise

    def _read(self, url: str, response: httpx.Response, cap: int) -> _Raw:
        """Status and headers, and the body only for 2xx answers, aborted past the size cap."""
        self._check_peer(url, response)
        found = {k.lower(): v for k, v in response.headers.items()}
        if not 200 <= response.status_code < 300:
            return _Raw(status=response.status_code, headers=found)
        _check_declared_size(url, found, cap)
        _check_media_type(url, found)
        return _Raw(
            status=response.status_code, headers=found, body=_read_capped(url, response, cap)
        )

    def _check_peer(self, url: str, response: httpx.Response) -> None:
        """Refuse to read from a peer the guard refuses: DNS may have changed since the check."""
        stream = response.extensions.get("network_stream")
        peer = stream.get_extra_info("server_addr") if stream is not None else None
        if not peer:
            return
        refused = refusal(
            url, str(peer[0]), allow_private=self.options.allow_private, via="connected to"
        )
        if refused is not None:
            raise _refused(url, refused, note=" (DNS changed after the check?)")

    def _get_robots(self, url: str) -> tuple[int, bytes]:
        """Fetch robots.txt for the policy: (status, body), status 0 when unreachable."""
        try:
            raw = self._get_once(url, {}, cap=ROBOTS_MAX_BYTES)
        except (httpx.HTTPError, FetchError):
            return 0, b""
        return raw.status, raw.body


def _check_declared_size(url: str, headers: dict[str, str], cap: int) -> None:
    """Abort before reading when Content-Length already exceeds the cap."""
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise fetch_error(
            url,
            f"body of {int(declared):,} bytes exceeds the {cap:,}-byte cap",
            "Raise max_bytes if this document is really needed.",
            kind="too_large",
        )


def _check_media_type(url: str, headers: dict[str, str]) -> None:
    """Refuse images, audio, video and fonts before downloading them: they are never documents."""
    media = headers.get("content-type", "").split(";")[0].strip().lower()
    if media.startswith(SKIPPED_MEDIA):
        raise fetch_error(
            url,
            f"{media} is not a document (not downloaded)",
            "Give the URL of an HTML page, a PDF or a text file.",
            kind="unsupported",
        )


def _read_capped(url: str, response: httpx.Response, cap: int) -> bytes:
    """Read a streamed (decompressed) body, aborting as soon as it passes ``cap`` bytes."""
    chunks: list[bytes] = []
    total = 0
    for chunk in response.iter_bytes():
        total += len(chunk)
        if total > cap:
            raise fetch_error(
                url,
                f"body exceeds the {cap:,}-byte cap (aborted while streaming)",
                "Raise max_bytes if this document is really needed.",
                kind="too_large",
            )
        chunks.append(chunk)
    return b"".join(chunks)


def _refused(url: str, exc: FetchError, *, note: str = "") -> FetchFailed:
    """A guard's refusal as a FetchFailed whose kind says which refusal it was."""
    kind: FailureKind = "unsupported"
    if isinstance(exc, ForbiddenAddress):
        kind = "forbidden"
    elif isinstance(exc, PrivateAddress):
        kind = "private"
    elif isinstance(exc, UnresolvedHost):
        kind = "network"
    return fetch_error(url, exc.message.removeprefix(f"{url}: ") + note, exc.hint, kind=kind)


def _deadline_error(url: str, seconds: float) -> FetchFailed:
    """A FetchFailed for a response still unfinished when its deadline passed."""
    return fetch_error(
        url,
        f"no complete response within the {seconds:g} s deadline (the server sends too slowly)",
        DEADLINE_HINT,
        kind="deadline",
    )


def _transport_error(url: str, exc: Exception, tries: int) -> FetchError:
    """A FetchError for a timeout or network failure after all retries."""
    if isinstance(exc, httpx.TimeoutException):
        return fetch_error(
            url,
            f"timed out after {tries} attempt(s)",
            "The server is slow or down; try later or raise the timeout.",
            kind="timeout",
        )
    return fetch_error(
        url,
        f"network error after {tries} attempt(s): {type(exc).__name__}: {exc}",
        "Check the URL and your connection; try again later.",
        kind="network",
    )


def _status_hint(status: int) -> str:
    """What to do about an HTTP error status."""
    if status in (401, 403):
        return "The site refuses access; download the page by hand if you are allowed to."
    if status in (404, 410):
        return "The page is gone; check the URL or drop it from the source list."
    if status == 429:
        return "The site is rate-limiting us; try later or raise the per-host delay."
    if status >= 500:
        return "The server failed; try again later."
    return "Check the URL."
