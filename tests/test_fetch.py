"""The polite HTTP client against a real server on 127.0.0.1: every failure has its stated outcome."""

from __future__ import annotations

import email.utils
import time

import pytest

from extractor.errors import FetchError
from extractor.fetch import Fetcher, FetchFailed, FetchOptions, JsonFileCache, is_public
from extractor.fetch.client import retry_after_seconds
from extractor.fetch.robots import parse_robots
from helpers.sites import SITE, Site, fixture_options


class FakeClock:
    """A monotonic clock that only moves when the client sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def kind_of(error: FetchError) -> str:
    """The failure kind the client attached to an error (every client error is a FetchFailed)."""
    assert isinstance(error, FetchFailed)
    return error.kind


# --- plain success, gzip, user agent ------------------------------------------------------


def test_fetches_article_with_gzip_and_user_agent(site: Site, site_fetcher: Fetcher) -> None:
    url = site.url("/aggregator/news/vbsp-outstanding-loans.html")
    result = site_fetcher.fetch(url)
    expected = (
        (SITE / "aggregator/news/vbsp-outstanding-loans.html")
        .read_bytes()
        .replace(b"{{BASE}}", site.base.encode())
    )
    assert result.status == 200 and result.body == expected
    assert result.content_type is not None and result.content_type.startswith("text/html")
    assert "/aggregator/news/vbsp-outstanding-loans.html" in site.log.sent_gzip
    agent = site.log.headers["/aggregator/news/vbsp-outstanding-loans.html"]["user-agent"]
    assert agent.startswith("vbsp-extractor/") and "robots.txt" in agent


def test_follows_a_permanent_redirect(site: Site, site_fetcher: Fetcher) -> None:
    result = site_fetcher.fetch(site.url("/moved/ninh-binh"))
    assert result.final_url == site.url("/baotinh/ninh-binh-tin-dung-chinh-sach.html")
    assert result.redirects == (result.final_url,)


# --- robots.txt and private addresses ------------------------------------------------------


def test_robots_disallowed_path_is_never_requested(site: Site, site_fetcher: Fetcher) -> None:
    with pytest.raises(FetchError) as caught:
        site_fetcher.fetch(site.url("/private/secret.html"))
    assert kind_of(caught.value) == "robots"
    assert "robots.txt" in str(caught.value) and site.url("/private/secret.html") in str(
        caught.value
    )
    assert "/private/secret.html" not in site.log.paths
    assert "/robots.txt" in site.log.paths


def test_redirect_into_disallowed_path_is_refused(site: Site, site_fetcher: Fetcher) -> None:
    with pytest.raises(FetchError) as caught:
        site_fetcher.fetch(site.url("/fail/to-private"))
    assert kind_of(caught.value) == "robots"
    assert "/private/secret.html" not in site.log.paths


def test_robots_can_be_ignored_when_asked(site: Site) -> None:
    with Fetcher(fixture_options(respect_robots=False)) as fetcher:
        assert fetcher.fetch(site.url("/private/secret.html")).status == 200


@pytest.mark.parametrize(
    ("status", "allowed"), [(200, None), (404, True), (403, True), (500, False), (0, False)]
)
def test_robots_failures_follow_rfc_9309(status: int, allowed: bool | None) -> None:
    parser = parse_robots(status, b"User-agent: *\nDisallow: /x/\n")
    url = "http://example.org/x/page.html"
    assert parser.can_fetch("vbsp-extractor", url) is (False if allowed is None else allowed)


def test_private_addresses_refused_by_default(site: Site) -> None:
    with (
        Fetcher(FetchOptions(delay=0), sleep=lambda s: None) as fetcher,
        pytest.raises(FetchError) as caught,
    ):
        fetcher.fetch(site.url("/aggregator/news/vbsp-outstanding-loans.html"))
    assert kind_of(caught.value) == "private"
    assert "allow_private" in str(caught.value)
    assert site.log.paths == []  # not even robots.txt was asked for


def test_allow_private_flag_lets_the_test_server_through(site: Site) -> None:
    with Fetcher(FetchOptions(delay=0, allow_private=True)) as fetcher:
        assert fetcher.fetch(site.url("/baotinh/atom.xml")).status == 200


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("8.8.8.8", True),
        ("2001:4860:4860::8888", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.9", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),
        ("::1", False),
        ("fe80::1", False),
        ("fc00::1", False),
        ("::ffff:127.0.0.1", False),
        ("0.0.0.0", False),
        ("224.0.0.1", False),
    ],
)
def test_is_public(address: str, public: bool) -> None:
    assert is_public(address) is public


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a.pdf", "gopher://x/"])
def test_non_http_schemes_refused(url: str) -> None:
    with Fetcher(fixture_options()) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.fetch(url)
    assert kind_of(caught.value) == "unsupported" and "http" in caught.value.hint


# --- HTTP failures --------------------------------------------------------------------------


def test_404_fails_with_url_and_hint(site: Site, site_fetcher: Fetcher) -> None:
    with pytest.raises(FetchError) as caught:
        site_fetcher.fetch(site.url("/baotinh/bai-da-go.html"))
    assert kind_of(caught.value) == "http" and "HTTP 404" in str(caught.value)
    assert site.url("/baotinh/bai-da-go.html") in str(caught.value) and caught.value.hint
    assert site.log.counters["/baotinh/bai-da-go.html"] == 1  # a 404 is not retried


def test_500_is_retried_then_fails(site: Site, site_fetcher: Fetcher) -> None:
    with pytest.raises(FetchError) as caught:
        site_fetcher.fetch(site.url("/fail/500"))
    assert "HTTP 500" in str(caught.value) and "3 attempt" in str(caught.value)
    assert site.log.counters["/fail/500"] == 3  # retries=2 in the test options


def test_429_then_200_waits_retry_after(site: Site, site_fetcher: Fetcher) -> None:
    result = site_fetcher.fetch(site.url("/fail/429"))
    assert result.status == 200 and result.attempts == 2
    assert 2.0 in site_fetcher.sleeps  # type: ignore[attr-defined]


def test_retry_after_is_capped(site: Site) -> None:
    sleeps: list[float] = []
    with Fetcher(fixture_options(max_retry_after=0.25), sleep=sleeps.append) as fetcher:
        assert fetcher.fetch(site.url("/fail/429")).status == 200
    assert 0.25 in sleeps and 2.0 not in sleeps


def test_503_backs_off_exponentially(site: Site) -> None:
    sleeps: list[float] = []
    with Fetcher(fixture_options(backoff=0.5, retries=3), sleep=sleeps.append) as fetcher:
        result = fetcher.fetch(site.url("/fail/503-twice"))
    assert result.status == 200 and result.attempts == 3
    assert [s for s in sleeps if s > 0] == [0.5, 1.0]


def test_slow_response_times_out(site: Site) -> None:
    with (
        Fetcher(fixture_options(timeout=0.3, retries=1)) as fetcher,
        pytest.raises(FetchError) as caught,
    ):
        fetcher.fetch(site.url("/fail/slow"))
    assert kind_of(caught.value) == "timeout" and "timed out after 2 attempt" in str(caught.value)


def test_redirect_loop_is_stopped(site: Site, site_fetcher: Fetcher) -> None:
    with pytest.raises(FetchError) as caught:
        site_fetcher.fetch(site.url("/fail/loop-a"))
    assert kind_of(caught.value) == "redirect_loop" and "loop-b" in str(caught.value)
    assert site.log.counters["/fail/loop-a"] == 1 and site.log.counters["/fail/loop-b"] == 1


def test_50mb_streamed_body_is_aborted_at_the_cap(site: Site) -> None:
    with (
        Fetcher(fixture_options(max_bytes=2 * 1024 * 1024)) as fetcher,
        pytest.raises(FetchError) as caught,
    ):
        fetcher.fetch(site.url("/fail/big"))
    assert kind_of(caught.value) == "too_large" and "while streaming" in str(caught.value)


def test_50mb_body_with_default_cap(site: Site, site_fetcher: Fetcher) -> None:
    with pytest.raises(FetchError) as caught:
        site_fetcher.fetch(site.url("/fail/big"))
    assert kind_of(caught.value) == "too_large" and "20,971,520" in str(caught.value)


def test_declared_50mb_body_is_refused_before_reading(site: Site, site_fetcher: Fetcher) -> None:
    with pytest.raises(FetchError) as caught:
        site_fetcher.fetch(site.url("/fail/big-declared"))
    assert kind_of(caught.value) == "too_large" and "52,428,800 bytes" in str(caught.value)


# --- conditional requests -------------------------------------------------------------------


def test_second_fetch_is_conditional_and_not_modified(site: Site, site_fetcher: Fetcher) -> None:
    url = site.url("/baotinh/nghe-an-10-nam-chi-thi-40.html")
    first = site_fetcher.fetch(url)
    second = site_fetcher.fetch(url)
    assert first.etag and first.last_modified and not first.not_modified
    assert second.status == 304 and second.not_modified and second.body == b""
    assert (
        site.log.headers["/baotinh/nghe-an-10-nam-chi-thi-40.html"]["if-none-match"] == first.etag
    )


def test_validators_persist_in_a_json_file(site: Site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = site.url("/aggregator/rss.xml")
    with Fetcher(fixture_options(), cache=JsonFileCache(tmp_path / "validators.json")) as fetcher:
        assert fetcher.fetch(url).status == 200
    with Fetcher(fixture_options(), cache=JsonFileCache(tmp_path / "validators.json")) as fetcher:
        assert fetcher.fetch(url).not_modified
        assert fetcher.fetch(url, conditional=False).status == 200


# --- politeness -----------------------------------------------------------------------------


def test_one_request_per_second_per_host(site: Site) -> None:
    clock = FakeClock()
    paths = ["/aggregator/rss.xml", "/baotinh/atom.xml", "/sitemap.xml"]
    with Fetcher(fixture_options(delay=1.0), sleep=clock.sleep, clock=clock) as fetcher:
        for path in paths:
            fetcher.fetch(site.url(path))
        other_host = site.base.replace("127.0.0.1", "localhost")
        fetcher.fetch(other_host + "/aggregator/rss.xml")
    # robots.txt + 3 pages on one host, robots.txt + 1 page on the other: each host's first request is free
    assert clock.sleeps == [1.0] * (len(site.log.paths) - 2)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("2", 2.0),
        ("0", 0.0),
        ("", None),
        (None, None),
        ("soon", None),
    ],
)
def test_retry_after_values(value: str | None, seconds: float | None) -> None:
    assert retry_after_seconds(value) == seconds


def test_retry_after_http_date() -> None:
    now = time.time()
    header = email.utils.formatdate(now + 30, usegmt=True)
    assert retry_after_seconds(header, now=now) == pytest.approx(30, abs=1.5)


def test_dns_answer_changing_after_the_check_is_caught(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    from extractor.fetch import guard

    monkeypatch.setattr(
        guard, "resolve", lambda host, port: ["93.184.216.34"]
    )  # the check sees a public address
    with (
        Fetcher(FetchOptions(delay=0, respect_robots=False)) as fetcher,
        pytest.raises(FetchError) as caught,
    ):
        fetcher.fetch(site.url("/aggregator/rss.xml"))
    assert kind_of(caught.value) == "private" and "127.0.0.1" in str(caught.value)


def test_robots_crawl_delay_raises_the_per_host_delay(site: Site) -> None:
    from extractor.fetch.robots import RobotsPolicy

    clock = FakeClock()
    with Fetcher(
        fixture_options(delay=1.0, max_crawl_delay=30), sleep=clock.sleep, clock=clock
    ) as fetcher:
        fetcher.robots = RobotsPolicy(
            lambda url: (200, b"User-agent: *\nCrawl-delay: 5\n"), agent="vbsp-extractor"
        )
        fetcher.fetch(site.url("/aggregator/rss.xml"))
        fetcher.fetch(site.url("/baotinh/atom.xml"))
    assert clock.sleeps == [5.0]


def test_crawl_delay_is_capped(site: Site) -> None:
    from extractor.fetch.robots import RobotsPolicy

    clock = FakeClock()
    with Fetcher(
        fixture_options(delay=0.0, max_crawl_delay=2), sleep=clock.sleep, clock=clock
    ) as fetcher:
        fetcher.robots = RobotsPolicy(
            lambda url: (200, b"User-agent: *\nCrawl-delay: 3600\n"), agent="vbsp-extractor"
        )
        fetcher.fetch(site.url("/aggregator/rss.xml"))
        fetcher.fetch(site.url("/baotinh/atom.xml"))
    assert clock.sleeps == [2.0]


ROBOTS = b"""# comments and odd spacing are fine
User-agent: *
Disallow: /*?page=
Disallow: /*.pdf$
Disallow: /search
Allow: /search/help
Crawl-delay: 2

User-agent: BadBot
User-agent: vbsp-extractor
Disallow: /tin-nong/
Allow: /tin-nong/chinh-sach

User-agent: Googlebot
Disallow: /
"""


@pytest.mark.parametrize(
    ("agent", "path", "allowed"),
    [
        ("other", "/tin-tuc/a.html", True),
        ("other", "/tin-tuc/?page=2", False),  # wildcard: urllib.robotparser allowed this
        ("other", "/docs/ke-hoach.pdf", False),  # "$" anchors the end
        ("other", "/docs/ke-hoach.pdf?x=1", True),
        ("other", "/search?q=vbsp", False),
        ("other", "/search/help", True),  # the longer Allow wins
        ("vbsp-extractor", "/tin-tuc/?page=2", True),  # our own group replaces the * group
        ("vbsp-extractor", "/tin-nong/a.html", False),
        ("vbsp-extractor", "/tin-nong/chinh-sach-moi.html", True),
        ("Googlebot", "/anything", False),
    ],
)
def test_robots_rules_follow_rfc_9309_matching(agent: str, path: str, allowed: bool) -> None:
    assert parse_robots(200, ROBOTS).can_fetch(agent, "http://example.org" + path) is allowed


def test_robots_crawl_delay_per_group() -> None:
    rules = parse_robots(200, ROBOTS)
    assert rules.crawl_delay("other") == 2.0 and rules.crawl_delay("vbsp-extractor") is None


def test_images_are_not_downloaded(site: Site, site_fetcher: Fetcher) -> None:
    with pytest.raises(FetchError) as caught:
        site_fetcher.fetch(site.url("/img/anh.png"))
    assert kind_of(caught.value) == "unsupported" and "image/png" in str(caught.value)


def test_robots_lists_sitemaps(site: Site, site_fetcher: Fetcher) -> None:
    assert site_fetcher.robots.sitemaps(site.url("/")) == [site.url("/sitemap.xml")]
