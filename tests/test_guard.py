"""The address guard: link-local and cloud-metadata addresses are refused even with
``allow_private``, in every written form and behind redirects (issue 17, item 6).

Nothing here leaves the process: host names go through a stub resolver (numeric hosts are
read by ``getaddrinfo`` with ``AI_NUMERICHOST``, which never asks DNS) and requests go to an
``httpx.MockTransport`` that records them, so a guard that failed would be seen, not obeyed.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator

import httpx
import pytest

from extractor.errors import FetchError
from extractor.fetch import Fetcher, FetchFailed, guard, is_public
from extractor.fetch.guard import is_never_fetched
from helpers.sites import fixture_options

PUBLIC = "93.184.216.34"
METADATA = "169.254.169.254"
# Host names of the stubbed world and what they resolve to.
HOSTS = {
    "news.test": [PUBLIC],
    "intranet.test": ["10.0.0.7"],
    "metadata.test": [METADATA],
    "mapped.test": [f"::ffff:{METADATA}"],
    "aws6.test": ["fd00:ec2::254"],
    "mixed.test": [PUBLIC, METADATA],
}
NEVER = [
    METADATA,
    "169.254.0.1",
    "169.254.170.2",
    "fe80::1",
    "fe80::a9fe:a9fe%eth0",
    "fd00:ec2::254",
    "fd20:ce::254",
    "100.100.100.200",
    f"::ffff:{METADATA}",
    f"::{METADATA}",
    f"::ffff:0:{METADATA}",
    f"64:ff9b::{METADATA}",
    "2002:a9fe:a9fe::1",
    "2001:0:4136:e378:8000:63bf:5601:5601",  # Teredo carrying 169.254.169.254
]


def stub_resolve(host: str, port: int) -> list[str]:
    """Addresses of the stubbed host names; numeric hosts read as the system reads them."""
    if host in HOSTS:
        return HOSTS[host]
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_NUMERICHOST)
    return sorted({str(info[4][0]) for info in infos})


class Peer:
    """A network stream's extra info as httpx exposes it: the address actually connected to."""

    def __init__(self, address: str) -> None:
        self.address = address

    def get_extra_info(self, info: str) -> object:
        return (self.address, 80) if info == "server_addr" else None


class World:
    """A MockTransport answering every host: robots.txt 404, redirects as routed, else a page."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.redirects: dict[str, str] = {}
        self.peer: str | None = None

    def __call__(self, request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        self.seen.append(url)
        extensions = {"network_stream": Peer(self.peer)} if self.peer else {}
        if request.url.path == "/robots.txt":
            return httpx.Response(404, extensions=extensions)
        if url in self.redirects:
            return httpx.Response(302, headers={"Location": self.redirects[url]}, extensions=extensions)
        return httpx.Response(200, text="<p>page</p>", headers={"Content-Type": "text/html"},
                              extensions=extensions)


@pytest.fixture
def world(monkeypatch: pytest.MonkeyPatch) -> World:
    """The stubbed network: resolver and transport."""
    monkeypatch.setattr(guard, "resolve", stub_resolve)
    return World()


@pytest.fixture
def intranet_fetcher(world: World) -> Iterator[Fetcher]:
    """A fetcher allowed private addresses (``--allow-private``) on the stubbed network."""
    with Fetcher(fixture_options(allow_private=True), transport=httpx.MockTransport(world)) as fetcher:
        yield fetcher


def refused(fetcher: Fetcher, url: str) -> FetchFailed:
    """The error fetching ``url`` raises."""
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(url)
    assert isinstance(caught.value, FetchFailed)
    return caught.value


@pytest.mark.parametrize("address", NEVER)
def test_link_local_and_metadata_forms_are_never_fetched(address: str) -> None:
    assert is_never_fetched(address) and not is_public(address)


@pytest.mark.parametrize("address", ["10.0.0.7", "127.0.0.1", "192.168.1.1", "::1", "fd00::1",
                                     "100.64.0.1", PUBLIC, "2001:4860:4860::8888"])
def test_private_and_public_addresses_are_not_link_local(address: str) -> None:
    assert not is_never_fetched(address)


@pytest.mark.parametrize("address", ["2002:7f00:1::", "64:ff9b::7f00:1", "::ffff:0:10.0.0.1"])
def test_an_ipv6_form_carrying_a_private_ipv4_is_not_public(address: str) -> None:
    assert not is_public(address)


@pytest.mark.parametrize("url", [
    "http://metadata.test/latest/meta-data/",
    "http://mapped.test/",
    "http://aws6.test/latest/api/token",
    "http://mixed.test/",  # one refused address is enough
    f"http://{METADATA}/latest/meta-data/iam/",
    f"http://[::ffff:{METADATA}]/",
    "http://[fd00:ec2::254]/",
    "http://2852039166/",  # 169.254.169.254 as one decimal number
    "http://0xa9.0xfe.0xa9.0xfe/",
    "http://0251.0376.0251.0376/",
])
def test_metadata_is_refused_even_with_allow_private(
    intranet_fetcher: Fetcher, world: World, url: str
) -> None:
    error = refused(intranet_fetcher, url)
    assert error.kind == "forbidden" and url in str(error)
    assert "even with allow_private" in error.hint
    assert world.seen == []


def test_a_redirect_to_metadata_is_refused(intranet_fetcher: Fetcher, world: World) -> None:
    start, target = "http://news.test/tin", f"http://{METADATA}/latest/meta-data/iam/"
    world.redirects[start] = target
    error = refused(intranet_fetcher, start)
    assert error.kind == "forbidden" and METADATA in str(error)
    assert target not in world.seen and start in world.seen


def test_a_redirect_to_a_host_named_for_metadata_is_refused(
    intranet_fetcher: Fetcher, world: World
) -> None:
    world.redirects["http://intranet.test/a"] = "http://metadata.test/latest/user-data"
    assert refused(intranet_fetcher, "http://intranet.test/a").kind == "forbidden"
    assert not any("metadata.test" in url for url in world.seen)


def test_intranet_addresses_stay_allowed(intranet_fetcher: Fetcher, world: World) -> None:
    assert intranet_fetcher.fetch("http://intranet.test/bao-cao").status == 200


def test_dns_changing_to_metadata_after_the_check_is_caught(world: World) -> None:
    world.peer = METADATA  # the check resolved news.test to a public address; the socket did not
    # robots.txt off: its own refusal would read as "unreachable robots.txt, disallow all"
    options = fixture_options(allow_private=True, respect_robots=False)
    with Fetcher(options, transport=httpx.MockTransport(world)) as fetcher:
        error = refused(fetcher, "http://news.test/tin")
    assert error.kind == "forbidden" and "DNS changed" in str(error)


def test_without_allow_private_metadata_is_not_offered_the_flag(world: World) -> None:
    options = fixture_options(allow_private=False)
    with Fetcher(options, transport=httpx.MockTransport(world)) as fetcher:
        error = refused(fetcher, "http://metadata.test/")
        private = refused(fetcher, "http://intranet.test/")
    assert error.kind == "forbidden" and "even with" in error.hint
    assert private.kind == "private" and "pass allow_private=True" in private.hint
    assert world.seen == []
