"""robots.txt rules per origin, fetched once and cached, matched by protego.

urllib.robotparser ignores ``*`` and ``$`` in paths ("Disallow: /*?page=" allows everything)
and applies the first matching rule instead of the longest; Vietnamese news sites use wildcards
widely. protego (the parser Scrapy uses) matches as RFC 9309 says: wildcards and end anchors,
the longest matching rule wins, ``Allow`` wins a tie, the most specific user-agent group
applies. What a robots.txt *response* means is decided here, since protego only reads bodies:
an unreachable robots.txt (5xx, network error) means "disallow all", a missing one (4xx)
"allow all" (RFC 9309 section 2.3.1).
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from protego import Protego

# A fetcher of robots.txt: url -> (status, body); status 0 means unreachable.
RobotsGetter = Callable[[str], tuple[int, bytes]]


def origin(url: str) -> str:
    """scheme://host[:port] of a URL."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class RobotsRules:
    """The rules of one robots.txt response; ``parsed`` is None when the status alone decides."""

    def __init__(self, parsed: Protego | None, *, allowed_without_rules: bool = True) -> None:
        self.parsed = parsed
        self.allowed_without_rules = allowed_without_rules
        self.sitemaps: list[str] = list(parsed.sitemaps) if parsed is not None else []

    def can_fetch(self, agent: str, url: str) -> bool:
        """True when our agent's group lets it fetch ``url`` (no rule for it: allowed)."""
        if self.parsed is None:
            return self.allowed_without_rules
        return self.parsed.can_fetch(url, agent)

    def crawl_delay(self, agent: str) -> float | None:
        """The Crawl-delay our agent's group asks for, if any."""
        return self.parsed.crawl_delay(agent) if self.parsed is not None else None


def parse_robots(status: int, body: bytes) -> RobotsRules:
    """Rules for a robots.txt response: 2xx parsed, 4xx allows all, 5xx or unreachable disallows all."""
    if 200 <= status < 300:
        # utf-8-sig: a byte-order mark must not hide the first User-agent line.
        return RobotsRules(Protego.parse(body.decode("utf-8-sig", errors="replace")))
    return RobotsRules(None, allowed_without_rules=400 <= status < 500)


class RobotsPolicy:
    """Answers "may this agent fetch this URL?" with one robots.txt fetch per origin."""

    def __init__(self, getter: RobotsGetter, *, agent: str) -> None:
        self._getter = getter
        self._agent = agent
        self._rules: dict[str, RobotsRules] = {}

    def rules(self, url: str) -> RobotsRules:
        """The (cached) rules for ``url``'s origin."""
        key = origin(url)
        if key not in self._rules:
            status, body = self._getter(f"{key}/robots.txt")
            self._rules[key] = parse_robots(status, body)
        return self._rules[key]

    def allowed(self, url: str) -> bool:
        """True when robots.txt lets our agent fetch ``url``."""
        return self.rules(url).can_fetch(self._agent, url)

    def crawl_delay(self, url: str) -> float | None:
        """The Crawl-delay robots.txt asks of our agent, if any."""
        return self.rules(url).crawl_delay(self._agent)

    def sitemaps(self, url: str) -> list[str]:
        """The sitemaps robots.txt lists for ``url``'s site (a place to start a crawl)."""
        return self.rules(url).sitemaps
