"""A total deadline per response: connect, headers and body together end by it.

httpx's timeouts bound each socket wait, so a server sending one byte per second never trips
them and a response can last for ever. Here every socket wait under httpx is cut to the time
left before the deadline of the response being read, so a trickling server is cut off when
its time is up. The deadline in force is kept in a context variable: the fetcher sets it around
one response, and the network streams read it whichever pooled connection serves it.
"""

from __future__ import annotations

import ssl
import time
import typing
from collections.abc import Callable, Iterable
from contextvars import ContextVar, Token

import httpcore
import httpx

T = typing.TypeVar("T")


class Deadline:
    """The moment one response must be finished by; ``expired`` once a wait was cut by it."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = float("inf")
        self.expired = False
        self._token: Token[Deadline | None] | None = None

    def __enter__(self) -> Deadline:
        self.end = time.monotonic() + self.seconds
        self._token = _CURRENT.set(self)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._token is not None:
            _CURRENT.reset(self._token)

    def bound(
        self,
        wait: Callable[[float | None], T],
        timeout: float | None,
        expired: type[httpcore.TimeoutException],
    ) -> T:
        """Run one socket wait with httpx's timeout cut to the time left; note when the cut fired."""
        left = self.end - time.monotonic()
        if left <= 0:
            self.expired = True
            raise expired(f"the {self.seconds:g} s deadline of the response passed")
        if timeout is not None and timeout < left:
            return wait(timeout)
        try:
            return wait(left)
        except httpcore.TimeoutException:
            self.expired = True
            raise


_CURRENT: ContextVar[Deadline | None] = ContextVar("fetch_deadline", default=None)


def _bounded(
    wait: Callable[[float | None], T],
    timeout: float | None,
    expired: type[httpcore.TimeoutException],
) -> T:
    """A socket wait under the deadline in force, or as httpx asked when there is none."""
    current = _CURRENT.get()
    return wait(timeout) if current is None else current.bound(wait, timeout, expired)


class DeadlineStream(httpcore.NetworkStream):
    """A network stream whose reads and writes end by the deadline in force."""

    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        """Read, waiting no longer than the deadline allows."""
        return _bounded(lambda t: self._stream.read(max_bytes, t), timeout, httpcore.ReadTimeout)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        """Write, waiting no longer than the deadline allows."""
        _bounded(lambda t: self._stream.write(buffer, t), timeout, httpcore.WriteTimeout)

    def close(self) -> None:
        """Close the underlying stream."""
        self._stream.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        """The TLS handshake under the deadline; the TLS stream keeps it too."""
        tls = _bounded(
            lambda t: self._stream.start_tls(ssl_context, server_hostname, t),
            timeout,
            httpcore.ConnectTimeout,
        )
        return DeadlineStream(tls)

    def get_extra_info(self, info: str) -> typing.Any:
        """The underlying stream's details (peer address, socket...)."""
        return self._stream.get_extra_info(info)


class DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's blocking backend whose connections end by the deadline in force."""

    def __init__(self) -> None:
        self._backend = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[typing.Any] | None = None,
    ) -> httpcore.NetworkStream:
        """Connect within the deadline; the stream keeps it for every read and write."""
        stream = _bounded(
            lambda t: self._backend.connect_tcp(host, port, t, local_address, socket_options),
            timeout,
            httpcore.ConnectTimeout,
        )
        return DeadlineStream(stream)

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[typing.Any] | None = None,
    ) -> httpcore.NetworkStream:
        """Unix sockets are never used by the fetcher; kept for the interface."""
        return DeadlineStream(self._backend.connect_unix_socket(path, timeout, socket_options))

    def sleep(self, seconds: float) -> None:
        """Sleep as httpcore's backend does."""
        self._backend.sleep(seconds)


def deadline_transport() -> httpx.HTTPTransport:
    """httpx's own transport, talking through ``DeadlineBackend``.

    httpx offers no option for the network backend, so its connection pool is built again
    with ours, with httpx's default TLS context and limits.
    """
    transport = httpx.HTTPTransport()
    # ``_pool`` is httpx's own attribute (since 0.18): the one way to choose the backend.
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(),
        max_connections=100,
        max_keepalive_connections=20,
        keepalive_expiry=5.0,
        network_backend=DeadlineBackend(),
    )
    return transport
