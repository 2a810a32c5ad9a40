"""robots.txt rules per origin, fetched once and cached (RFC 9309 semantics for failures)."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

# A fetcher of robots.txt: url -> (status, body); status 0 means unreachable.
RobotsGetter = Callable[[str], tuple[int, bytes]]


def origin(url: str) -> str:
    """scheme://host[:port] of a URL."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def parse_robots(status: int, body: bytes) -> RobotFileParser:
    """A parser for a robots.txt response: 4xx allows all, 5xx or unreachable disallows all."""
    parser = RobotFileParser()
    if 200 <= status < 300:
        parser.parse(body.decode("utf-8", errors="replace").splitlines())
    elif 400 <= status < 500:
        parser.parse([])  # no rules: everything allowed
    else:
        parser.parse(["User-agent: *", "Disallow: /"])
    return parser


class RobotsPolicy:
    """Answers "may this agent fetch this URL?" with one robots.txt fetch per origin."""

    def __init__(self, getter: RobotsGetter, *, agent: str) -> None:
        self._getter = getter
        self._agent = agent
        self._parsers: dict[str, RobotFileParser] = {}

    def parser(self, url: str) -> RobotFileParser:
        """The (cached) robots.txt parser for ``url``'s origin."""
        key = origin(url)
        if key not in self._parsers:
            status, body = self._getter(f"{key}/robots.txt")
            self._parsers[key] = parse_robots(status, body)
        return self._parsers[key]

    def allowed(self, url: str) -> bool:
        """True when robots.txt lets our agent fetch ``url``."""
        return self.parser(url).can_fetch(self._agent, url)

    def crawl_delay(self, url: str) -> float | None:
        """The Crawl-delay robots.txt asks of our agent, if any."""
        delay = self.parser(url).crawl_delay(self._agent)
        return float(delay) if delay is not None else None
