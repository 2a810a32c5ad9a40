"""robots.txt rules per origin, fetched once and cached, matched as RFC 9309 says.

urllib.robotparser ignores ``*`` and ``$`` in paths ("Disallow: /*?page=" allows everything)
and applies the first matching rule instead of the longest; Vietnamese news sites use
wildcards widely, so the matching is done here: the longest matching rule wins, ``Allow``
wins a tie, the most specific user-agent group applies, and an unreachable robots.txt
(5xx, network error) means "disallow all" while a missing one (4xx) means "allow all".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

# A fetcher of robots.txt: url -> (status, body); status 0 means unreachable.
RobotsGetter = Callable[[str], tuple[int, bytes]]


def origin(url: str) -> str:
    """scheme://host[:port] of a URL."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@dataclass(frozen=True)
class Rule:
    """One Allow/Disallow line: its path pattern as written and compiled."""

    allow: bool
    pattern: str
    regex: re.Pattern[str]


@dataclass
class Group:
    """The rules for one set of user-agent tokens."""

    agents: list[str] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    crawl_delay: float | None = None


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """A robots path pattern as a regex: ``*`` any run of characters, a final ``$`` the end."""
    anchored = pattern.endswith("$")
    body = pattern[:-1] if anchored else pattern
    regex = ".*".join(re.escape(unquote(part)) for part in body.split("*"))
    return re.compile(regex + ("$" if anchored else ""))


def sitemap_urls(text: str) -> list[str]:
    """The ``Sitemap:`` URLs a robots.txt lists (they apply to every agent)."""
    found = []
    for raw in text.splitlines():
        key, _, value = raw.split("#", 1)[0].partition(":")
        if key.strip().lower() == "sitemap" and value.strip():
            found.append(value.strip())
    return found


def parse_groups(text: str) -> list[Group]:
    """The user-agent groups of a robots.txt (consecutive User-agent lines share one group)."""
    groups: list[Group] = []
    current: Group | None = None
    last_was_agent = False
    for raw in text.splitlines():
        key, _, value = raw.split("#", 1)[0].partition(":")
        key, value = key.strip().lower(), value.strip()
        if key == "user-agent":
            if current is None or not last_was_agent:
                current = Group()
                groups.append(current)
            current.agents.append(value.lower())
        elif current is not None:
            _add_line(current, key, value)
        last_was_agent = key == "user-agent"
    return groups


def _add_line(group: Group, key: str, value: str) -> None:
    """Apply one Allow/Disallow/Crawl-delay line to a group (unknown keys ignored)."""
    if key in ("allow", "disallow") and value:
        group.rules.append(Rule(allow=key == "allow", pattern=value, regex=compile_pattern(value)))
    elif key == "crawl-delay":
        with suppress(ValueError):
            group.crawl_delay = float(value)


class RobotsRules:
    """The rules of one robots.txt, answering for one user-agent token."""

    def __init__(
        self,
        groups: list[Group],
        *,
        allow_all: bool = False,
        disallow_all: bool = False,
        sitemaps: list[str] | None = None,
    ) -> None:
        self.groups = groups
        self.sitemaps = sitemaps or []
        self.allow_all = allow_all
        self.disallow_all = disallow_all

    def group_for(self, agent: str) -> Group | None:
        """The group naming our agent (longest matching token), else the ``*`` group."""
        agent = agent.lower()
        named = [(len(a), g) for g in self.groups for a in g.agents if a != "*" and a in agent]
        if named:
            return max(named, key=lambda pair: pair[0])[1]
        return next((g for g in self.groups if "*" in g.agents), None)

    def can_fetch(self, agent: str, url: str) -> bool:
        """True when the longest rule matching the URL's path allows it (no rule: allowed)."""
        if self.disallow_all or self.allow_all:
            return not self.disallow_all
        group = self.group_for(agent)
        if group is None:
            return True
        parts = urlsplit(url)
        target = unquote(parts.path or "/") + (f"?{unquote(parts.query)}" if parts.query else "")
        matches = [r for r in group.rules if r.regex.match(target)]
        if not matches:
            return True
        best = max(matches, key=lambda r: (len(r.pattern), r.allow))
        return best.allow

    def crawl_delay(self, agent: str) -> float | None:
        """The Crawl-delay our agent's group asks for, if any."""
        group = self.group_for(agent)
        return group.crawl_delay if group is not None else None


def parse_robots(status: int, body: bytes) -> RobotsRules:
    """Rules for a robots.txt response: 2xx parsed, 4xx allows all, 5xx or unreachable disallows all."""
    if 200 <= status < 300:
        text = body.decode("utf-8", errors="replace")
        return RobotsRules(parse_groups(text), sitemaps=sitemap_urls(text))
    if 400 <= status < 500:
        return RobotsRules([], allow_all=True)
    return RobotsRules([], disallow_all=True)


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
