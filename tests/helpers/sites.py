"""A real HTTP server on 127.0.0.1 serving the fixture sites in corpus/fixtures/site/, plus failures.

``tests/conftest.py`` makes the fixtures ``site`` (``serve_site``) and ``site_fetcher``
(``recording_fetcher``) of it.
Static files get ETag/Last-Modified and gzip; ``{{BASE}}`` in text files becomes the server's URL.
Dynamic routes under /fail/ produce the failures the crawler must survive.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from extractor.fetch import Fetcher, FetchOptions

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "corpus" / "fixtures" / "site"
PDFS = ROOT / "corpus" / "fixtures" / "pdf"
LAST_MODIFIED = "Wed, 05 Nov 2025 02:00:00 GMT"
BIG_BYTES = 50 * 1024 * 1024
SLOW_SECONDS = 3.0
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
}


def encode_cp1258(text: str) -> bytes:
    """Encode Vietnamese text as windows-1258 the way such pages are: base letter + combining tone."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", char)
        # Compose base with vowel marks cp1258 has (â, ơ, ư…); tone marks stay combining.
        leftover = []
        for mark in marks:
            composed = unicodedata.normalize("NFC", base + mark)
            if len(composed) == 1 and _encodable(composed):
                base = composed
            else:
                leftover.append(mark)
        out += (base + "".join(leftover)).encode("cp1258")
    return bytes(out)


def _encodable(char: str) -> bool:
    """True when windows-1258 has a byte for ``char``."""
    try:
        char.encode("cp1258")
    except UnicodeEncodeError:
        return False
    return True


@dataclass
class SiteLog:
    """What the server saw: request paths, headers, and per-route counters."""

    paths: list[str] = field(default_factory=list)
    headers: dict[str, dict[str, str]] = field(default_factory=dict)
    counters: dict[str, int] = field(default_factory=dict)
    sent_gzip: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, path: str, headers: dict[str, str]) -> int:
        """Log a request; return how many times this path was asked for, this one included."""
        with self.lock:
            self.paths.append(path)
            self.headers[path] = headers
            self.counters[path] = self.counters.get(path, 0) + 1
            return self.counters[path]


class Handler(BaseHTTPRequestHandler):
    """Serves fixture files and the failure routes."""

    server_version = "FixtureSite/1.0"
    log: SiteLog  # set on the subclass made per server

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""

    def do_GET(self) -> None:
        """Route one GET."""
        path = urlsplit(self.path).path
        count = self.log.record(self.path, {k.lower(): v for k, v in self.headers.items()})
        route = ROUTES.get(path)
        try:
            if route is not None:
                route(self, count)
            else:
                self.serve_static(path)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (size cap, timeout): expected in tests

    @property
    def base(self) -> str:
        """The server's own base URL."""
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def send(
        self, status: int, body: bytes, content_type: str, extra: dict[str, str] | None = None
    ) -> None:
        """Send a complete response, gzipped when the client accepts it and it is text."""
        headers = dict(extra or {})
        if "gzip" in self.headers.get("Accept-Encoding", "") and content_type.startswith(
            ("text/", "application/xml")
        ):
            body = gzip.compress(body, mtime=0)
            headers["Content-Encoding"] = "gzip"
            self.log.sent_gzip.add(self.path)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def serve_static(self, path: str) -> None:
        """A fixture file with validators; 304 when the client's ETag matches."""
        file = (SITE / path.lstrip("/")).resolve()
        if path.endswith("/"):
            file = file / "index.html"
        if SITE not in file.parents or not file.is_file():
            self.send(
                404, b"<html><body><h1>404 Not Found</h1></body></html>", "text/html; charset=utf-8"
            )
            return
        body = file.read_bytes()
        if file.suffix in (".html", ".xml", ".txt"):
            body = body.replace(b"{{BASE}}", self.base.encode())
        self.send_versioned(body, TYPES.get(file.suffix, "application/octet-stream"))

    def send_versioned(self, body: bytes, content_type: str) -> None:
        """Send ``body`` with ETag/Last-Modified, or 304 if the client already has it."""
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send(200, body, content_type, {"ETag": etag, "Last-Modified": LAST_MODIFIED})


def _cp1258_page(declared: bool):  # type: ignore[no-untyped-def]
    """A route serving the Hà Nam article encoded as windows-1258 (declared in a meta tag or not)."""

    def route(handler: Handler, count: int) -> None:
        text = (SITE / "baotinh" / "ha-nam-viec-lam.utf8.html").read_text(encoding="utf-8")
        if not declared:
            text = text.replace(
                '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">\n', ""
            )
        handler.send_versioned(encode_cp1258(text), "text/html")

    return route


def _status(code: int):  # type: ignore[no-untyped-def]
    """A route that always answers ``code``."""

    def route(handler: Handler, count: int) -> None:
        handler.send(code, f"<html><body>error {code}</body></html>".encode(), "text/html")

    return route


def _rate_limited(handler: Handler, count: int) -> None:
    """429 with Retry-After: 2 on the first request, then the article."""
    if count == 1:
        handler.send(429, b"slow down", "text/plain", {"Retry-After": "2"})
    else:
        handler.serve_static("/baotinh/nghe-an-10-nam-chi-thi-40.html")


def _flaky(handler: Handler, count: int) -> None:
    """503 twice, then the article."""
    if count <= 2:
        handler.send(503, b"busy", "text/plain")
    else:
        handler.serve_static("/aggregator/news/conclusion-06-kl-tw.html")


def _slow(handler: Handler, count: int) -> None:
    """Answer only after SLOW_SECONDS: past any test timeout."""
    time.sleep(SLOW_SECONDS)
    handler.send(200, b"<html><body><p>too late</p></body></html>", "text/html")


def _redirect(target: str, code: int = 302):  # type: ignore[no-untyped-def]
    """A route redirecting to ``target``."""

    def route(handler: Handler, count: int) -> None:
        handler.send_response(code)
        handler.send_header("Location", target)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return route


def _big(declared: bool):  # type: ignore[no-untyped-def]
    """A 50 MB body generated on the fly (Content-Length declared or streamed until close)."""

    def route(handler: Handler, count: int) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        if declared:
            handler.send_header("Content-Length", str(BIG_BYTES))
        handler.send_header("Connection", "close")
        handler.end_headers()
        chunk = b"<p>" + b"x" * (1024 * 1024 - 7) + b"</p>\n"
        for _ in range(BIG_BYTES // len(chunk)):
            handler.wfile.write(chunk)
        handler.close_connection = True

    return route


def _image(handler: Handler, count: int) -> None:
    """A PNG image: not a document."""
    handler.send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 2048, "image/png")


def _pdf_octet(handler: Handler, count: int) -> None:
    """The administrative-document PDF served as application/octet-stream."""
    handler.send_versioned(
        (PDFS / "ke-hoach-ninh-binh.pdf").read_bytes(), "application/octet-stream"
    )


ROUTES = {
    "/fail/500": _status(500),
    "/fail/429": _rate_limited,
    "/fail/503-twice": _flaky,
    "/fail/slow": _slow,
    "/fail/loop-a": _redirect("/fail/loop-b"),
    "/fail/loop-b": _redirect("/fail/loop-a"),
    "/fail/to-private": _redirect("/private/secret.html"),
    "/moved/ninh-binh": _redirect("/baotinh/ninh-binh-tin-dung-chinh-sach.html", 301),
    "/fail/big": _big(declared=False),
    "/fail/big-declared": _big(declared=True),
    "/docs/ke-hoach-ninh-binh.bin": _pdf_octet,
    "/img/anh.png": _image,
    "/baotinh/ha-nam-viec-lam.html": _cp1258_page(declared=True),
    "/baotinh/ha-nam-viec-lam-undeclared.html": _cp1258_page(declared=False),
}


@dataclass
class Site:
    """A running fixture server: its base URL and its request log."""

    base: str
    log: SiteLog

    def url(self, path: str) -> str:
        """Absolute URL of a path on this server."""
        return self.base + path


@contextmanager
def serve_site() -> Iterator[Site]:
    """The fixture server on 127.0.0.1 (random port), stopped on leaving."""
    log = SiteLog()
    handler = type("BoundHandler", (Handler,), {"log": log})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield Site(base=f"http://127.0.0.1:{server.server_address[1]}", log=log)
    finally:
        server.shutdown()
        server.server_close()


def fixture_options(**overrides: object) -> FetchOptions:
    """Fetch options for tests: private addresses allowed, no politeness waits, short timeouts."""
    values: dict[str, object] = {
        "allow_private": True,
        "delay": 0.0,
        "backoff": 0.0,
        "timeout": 2.0,
        "retries": 2,
    }
    values.update(overrides)
    return FetchOptions(**values)  # type: ignore[arg-type]


@contextmanager
def recording_fetcher() -> Iterator[Fetcher]:
    """A Fetcher for the fixture server; its sleeps are recorded in ``.sleeps``, not slept."""
    sleeps: list[float] = []
    fetcher = Fetcher(fixture_options(), sleep=sleeps.append)
    fetcher.sleeps = sleeps  # type: ignore[attr-defined]
    with fetcher:
        yield fetcher
