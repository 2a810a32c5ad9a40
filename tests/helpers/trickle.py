"""A server on 127.0.0.1 that trickles its answer one byte at a time (a stalling or hostile site).

Each pause is shorter than any per-read timeout, so only a total deadline per response ends the
answer. ``/headers`` trickles from the status line on, ``/body`` sends its headers at once and
trickles the body; ``/robots.txt`` answers 404 at once (no rules). Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import socketserver
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

PAUSE = 0.2  # seconds between two bytes: far below the tests' per-read timeout
BODY = b"<html><body><p>" + b"x" * 40 + b"</p></body></html>"  # ~14 s of trickling
HEAD = (
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
    b"Content-Length: " + str(len(BODY)).encode() + b"\r\nConnection: close\r\n\r\n"
)


@dataclass
class Trickler:
    """A running trickling server: its base URL and how often each path was asked for."""

    base: str = ""
    requests: Counter[str] = field(default_factory=Counter)
    stop: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str) -> str:
        """Absolute URL of a path on this server."""
        return self.base + path


class _Handler(socketserver.StreamRequestHandler):
    """Reads one request, then answers it slowly (or at once for robots.txt)."""

    trickler: Trickler

    def handle(self) -> None:
        """Answer one request; a client that hangs up ends the trickle."""
        path = self._request_path()
        self.trickler.requests[path] += 1
        try:
            if path == "/robots.txt":
                self.wfile.write(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
            elif path == "/headers":
                self._trickle(HEAD + BODY)
            else:
                self.wfile.write(HEAD)
                self._trickle(BODY)
        except OSError:
            pass  # the client gave up: what the deadline is for

    def _request_path(self) -> str:
        """The path of the request line; the headers are read and dropped."""
        first = self.rfile.readline().decode("latin-1").split()
        while self.rfile.readline() not in (b"\r\n", b"\n", b""):
            pass
        return first[1] if len(first) > 1 else "/"

    def _trickle(self, data: bytes) -> None:
        """Send ``data`` one byte per ``PAUSE`` seconds, until done or the server stops."""
        for byte in data:
            if self.trickler.stop.is_set():
                return
            self.wfile.write(bytes([byte]))
            self.wfile.flush()
            time.sleep(PAUSE)


@contextmanager
def trickling_server() -> Iterator[Trickler]:
    """The trickling server on 127.0.0.1 (random port), stopped on leaving."""
    trickler = Trickler()
    handler = type("BoundTrickle", (_Handler,), {"trickler": trickler})
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    trickler.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield trickler
    finally:
        trickler.stop.set()
        server.shutdown()
        server.server_close()
