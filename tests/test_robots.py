"""robots.txt matching through protego: wildcards, end anchors, groups (RFC 9309).

The table in ``test_fetch.py`` is the acceptance test the hand-written parser passed; the cases
here are the ones it got wrong (token boundaries, merged groups, a byte-order mark) and more
``*`` and ``$`` forms from RFC 9309 and the crawlers' published examples.
"""

from __future__ import annotations

import pytest

from extractor.fetch.robots import parse_robots

AGENT = "vbsp-extractor"


def allowed(robots: str, path: str, agent: str = AGENT) -> bool:
    """Whether ``agent`` may fetch ``path`` on a site serving ``robots``."""
    return parse_robots(200, robots.encode()).can_fetch(agent, "http://example.org" + path)


@pytest.mark.parametrize(
    ("rules", "path", "expected"),
    [
        ("Disallow: /*.php$", "/index.php", False),
        ("Disallow: /*.php$", "/folder/any.php", False),
        ("Disallow: /*.php$", "/index.php5", True),  # "$" ends the pattern
        ("Disallow: /*.php$", "/index.php?x=1", True),  # the query is part of the path matched
        ("Disallow: /fish*", "/fish.html", False),  # a trailing "*" changes nothing
        ("Disallow: /fish*", "/Fish.html", True),  # paths are case-sensitive
        ("Disallow: /*/tag/*", "/tin-tuc/tag/vbsp", False),
        ("Disallow: /*/tag/*", "/tag/vbsp", True),  # "*/" needs a segment before it
        ("Disallow: /*?", "/tin-tuc?page=2", False),
        ("Disallow: /*?", "/tin-tuc", True),
        ("Disallow: /\nAllow: /$", "/", True),  # only the home page is allowed
        ("Disallow: /\nAllow: /$", "/tin-tuc", False),
        ("Disallow: /a\nAllow: /a*", "/a", True),  # equal matches: the least restrictive wins
        ("Allow: /page\nDisallow: /*.html", "/page.html", False),  # the longer pattern wins
        ("Disallow: /x$y", "/x$y", False),  # a "$" inside a pattern is a literal character
    ],
)
def test_wildcards_and_end_anchors(rules: str, path: str, expected: bool) -> None:
    assert allowed(f"User-agent: *\n{rules}\n", path) is expected


def test_a_group_for_a_longer_name_is_not_ours() -> None:
    # "extractor" is not our product token: the hand-written parser matched any substring
    assert allowed("User-agent: extractor\nDisallow: /\n", "/tin-tuc/a.html")


def test_groups_naming_our_agent_twice_are_merged() -> None:
    robots = "User-agent: vbsp-extractor\nDisallow: /a/\n\nUser-agent: vbsp-extractor\nDisallow: /b/\n"
    assert not allowed(robots, "/a/1.html") and not allowed(robots, "/b/1.html")


def test_agent_names_match_in_any_case() -> None:
    assert not allowed("User-agent: VBSP-Extractor\nDisallow: /\n", "/a.html")


def test_a_byte_order_mark_does_not_hide_the_first_group() -> None:
    robots = "\ufeffUser-agent: *\nDisallow: /private/\n"
    assert not allowed(robots, "/private/a.html") and allowed(robots, "/public/a.html")


def test_percent_encoded_and_raw_utf8_paths_match_each_other() -> None:
    raw, encoded = "/tin-t\u1ee9c/", "/tin-t%E1%BB%A9c/"
    assert not allowed(f"User-agent: *\nDisallow: {raw}\n", encoded + "a.html")
    assert not allowed(f"User-agent: *\nDisallow: {encoded}\n", raw + "a.html")


def test_robots_txt_itself_is_always_allowed() -> None:
    assert allowed("User-agent: *\nDisallow: /\n", "/robots.txt")
