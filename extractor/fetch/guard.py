"""Refuse URLs that point into private networks unless the caller allows it (SSRF guard).

Private and loopback addresses are refused unless ``allow_private`` is set (intranets, tests).
Link-local and cloud-metadata addresses are refused always: intranet use never needs them, and
an instance's metadata service hands out its credentials to whoever asks. An IPv6 address that
carries an IPv4 one (mapped, compatible, 6to4, Teredo, NAT64) is judged by the IPv4 it carries,
so ``::ffff:169.254.169.254`` is refused like ``169.254.169.254``.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from extractor.errors import FetchError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

PRIVATE_HINT = (
    "The crawler refuses private and loopback addresses by default; "
    "pass allow_private=True (CLI: --allow-private) for intranet or test servers."
)
NEVER_HINT = (
    "Link-local and cloud-metadata addresses serve a machine's own settings and credentials, "
    "never documents, so they are refused even with allow_private (--allow-private); "
    "check the URL and where it redirects."
)
LINK_LOCAL = (ipaddress.ip_network("169.254.0.0/16"), ipaddress.ip_network("fe80::/10"))
# Metadata services outside the link-local ranges: AWS's and Google Cloud's IPv6 ones, Alibaba
# Cloud's (in the shared 100.64.0.0/10 space a carrier-grade NAT or an intranet may also use).
METADATA = frozenset(
    ipaddress.ip_address(a) for a in ("fd00:ec2::254", "fd20:ce::254", "100.100.100.200")
)
IPV4_COMPATIBLE = ipaddress.ip_network("::/96")
IPV4_TRANSLATED = ipaddress.ip_network("::ffff:0:0:0/96")
NAT64 = ipaddress.ip_network("64:ff9b::/96")


class PrivateAddress(FetchError):
    """The URL's host is a private or loopback address and private addresses are not allowed."""

    hint = PRIVATE_HINT


class ForbiddenAddress(FetchError):
    """The URL's host is a link-local or cloud-metadata address: refused whatever the options."""

    hint = NEVER_HINT


class UnresolvedHost(FetchError):
    """The URL's host name does not resolve."""

    hint = "Check the URL's host name and your network."


def check_scheme(url: str) -> None:
    """Only http and https URLs are fetched."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(
            f"{url}: not an http(s) URL", hint="Give a URL starting with http:// or https://."
        )


def parse_address(address: str) -> IPAddress:
    """An address as resolved (an IPv6 zone such as ``%eth0`` dropped)."""
    return ipaddress.ip_address(address.split("%", 1)[0])


def embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one carries (mapped, compatible, translated, 6to4, Teredo, NAT64).

    >>> embedded_ipv4(ipaddress.IPv6Address("64:ff9b::a9fe:a9fe"))
    IPv4Address('169.254.169.254')
    """
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]  # the client's address; the server is a public relay
    if ip in NAT64 or ip in IPV4_TRANSLATED or _compatible(ip):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def _compatible(ip: ipaddress.IPv6Address) -> bool:
    """True for the deprecated IPv4-compatible form ``::a.b.c.d`` (not ``::`` or ``::1``)."""
    return ip in IPV4_COMPATIBLE and int(ip) > 1


def judged(address: str) -> IPAddress:
    """The address a guard judges: the IPv4 inside an IPv6 carrier, else the address itself."""
    ip = parse_address(address)
    inner = embedded_ipv4(ip) if isinstance(ip, ipaddress.IPv6Address) else None
    return inner if inner is not None else ip


def is_public(address: str) -> bool:
    """True when an IP address is globally routable (not private, loopback, link-local...)."""
    ip = judged(address)
    return ip.is_global and not ip.is_multicast


def is_never_fetched(address: str) -> bool:
    """True for link-local and cloud-metadata addresses, refused even when private ones are allowed."""
    return any(
        ip in METADATA or any(ip in net for net in LINK_LOCAL)
        for ip in (parse_address(address), judged(address))
    )


def refusal(url: str, address: str, *, allow_private: bool, via: str) -> FetchError | None:
    """The error refusing ``address`` for ``url`` (``via`` says how we met it), or None if allowed."""
    if is_never_fetched(address):
        return ForbiddenAddress(f"{url}: {via} link-local or cloud-metadata address {address}")
    if not allow_private and not is_public(address):
        return PrivateAddress(f"{url}: {via} non-public address {address}")
    return None


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise UnresolvedHost(f"{host}: cannot resolve host ({exc})") from exc
    return sorted({str(info[4][0]) for info in infos})


def check_address(url: str, *, allow_private: bool) -> None:
    """Raise when ``url``'s host resolves to an address we refuse (any of them refused: all are)."""
    check_scheme(url)
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    for address in resolve(parts.hostname or "", port):
        refused = refusal(url, address, allow_private=allow_private, via="host resolves to")
        if refused is not None:
            raise refused
