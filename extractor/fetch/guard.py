"""Refuse URLs that point into private networks unless the caller allows it (SSRF guard)."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from extractor.errors import FetchError

PRIVATE_HINT = (
    "The crawler refuses private and loopback addresses by default; "
    "pass allow_private=True (CLI: --allow-private) for intranet or test servers."
)


def check_scheme(url: str) -> None:
    """Only http and https URLs are fetched."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(
            f"{url}: not an http(s) URL", hint="Give a URL starting with http:// or https://."
        )


def is_public(address: str) -> bool:
    """True when an IP address is globally routable (not private, loopback, link-local...)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(
            f"{host}: cannot resolve host ({exc})",
            hint="Check the URL's host name and your network.",
        ) from exc
    return sorted({str(info[4][0]) for info in infos})


def check_address(url: str, *, allow_private: bool) -> None:
    """Raise FetchError when ``url``'s host resolves to a non-public address."""
    check_scheme(url)
    if allow_private:
        return
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    for address in resolve(parts.hostname or "", port):
        if not is_public(address):
            raise FetchError(
                f"{url}: host resolves to non-public address {address}", hint=PRIVATE_HINT
            )
