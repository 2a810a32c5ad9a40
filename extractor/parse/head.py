"""The head of a text: the page chrome before its headline, the headline and the lead.

Scraped pages and the plain-text files saved from them often open with chrome before the
headline: a section label, language links, a date stamp, a photo caption or credit, a byline, a
share or font-size widget. ``head_lines`` skips such lines (``Chrome``: the line patterns of
``chrome`` in rules/text_metadata.yaml) and returns the first lines of content: the headline (or
the lead, when the text opens with it) and the line after it. Every place that reads a text's
head (the plain-text title, the title span of linking, the story's subject, a figure on the
headline) asks here, so chrome never takes the headline's place.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from typing import NamedTuple

from pydantic import model_validator

from extractor.registry.files import Pattern, Strict

_LINE = re.compile(r"[^\n]+")


class ChromeExamples(Strict):
    """Lines a chrome pattern must match (``pos``) and lines it must not (``neg``)."""

    pos: list[str]
    neg: list[str]


class ChromeLine(Strict):
    """A pattern a whole chrome line matches (stripped, ignoring case), with its examples."""

    pattern: Pattern
    examples: ChromeExamples

    @model_validator(mode="after")
    def _examples_hold(self) -> ChromeLine:
        if not self.examples.pos or not self.examples.neg:
            raise ValueError(f"chrome pattern {self.pattern!r} needs a positive and a negative example")
        chrome = Chrome([self])
        # An example's lines before its last are the lines of content above it (an ``alt`` group).
        wrong = [f"{line!r} should match" for line in self.examples.pos if not chrome(*_example(line))]
        wrong += [f"{line!r} should not match" for line in self.examples.neg if chrome(*_example(line))]
        if wrong:
            raise ValueError(f"chrome pattern {self.pattern!r}: " + "; ".join(wrong))
        return self


def _example(example: str) -> tuple[str, list[str]]:
    """An example's line and the lines above it (``ChromeLine``)."""
    *above, line = example.split("\n")
    return line, [a.strip() for a in above]


class Chrome:
    """The chrome line patterns compiled as one regex (none: nothing is chrome), and apart the
    patterns with a group a match must also satisfy: ``name`` (each of its words opens on a
    capital letter), ``upper`` (no lower-case letter), ``alt`` (a line of content stands above it: an image's alt
    text repeating the headline is chrome, but not when it is the only headline a scrape kept)."""

    def __init__(self, lines: Iterable[ChromeLine] = ()) -> None:
        plain = [f"(?:{line.pattern})" for line in lines if not _CHECKED.search(line.pattern)]
        self.regex = re.compile("|".join(plain), re.IGNORECASE) if plain else None
        self.checked = [re.compile(line.pattern, re.IGNORECASE) for line in lines if _CHECKED.search(line.pattern)]

    def __call__(self, line: str, above: Collection[str] = ()) -> bool:
        """Whether ``line`` is chrome: it matches a pattern whole, or holds no word at all
        (``above``: the lines of content before it, stripped, for an ``alt`` group)."""
        line = line.strip()
        if not line:
            return True
        if not any(ch.isalpha() for ch in line):
            return True
        if self.regex is not None and self.regex.fullmatch(line):
            return True
        return any(m is not None and _holds(m, above) for m in (rx.fullmatch(line) for rx in self.checked))


_CHECKED = re.compile(r"\(\?P<(?:name|upper|alt)>")


def _holds(m: re.Match[str], above: Collection[str]) -> bool:
    """Whether a match's checked groups hold (``Chrome``)."""
    groups = m.groupdict()
    name, upper = groups.get("name"), groups.get("upper")
    if name is not None and not all(w[0].isupper() or w[0].isdigit() for w in name.split()):
        return False
    if upper is not None and any(ch.islower() for ch in upper):
        return False
    return groups.get("alt") is None or bool(above)


NO_CHROME = Chrome()


class Line(NamedTuple):
    """A line of content: where it starts and ends in the text."""

    start: int
    end: int


def head_lines(text: str, chrome: Chrome, count: int = 2, reach: int = 600, chrome_lines: int = 12) -> list[Line]:
    """The first ``count`` lines of content of ``text``: lines that are not blank and not
    chrome, within ``reach`` characters of the text's start, or of the end of the chrome that
    stands before the first line of content (at most ``chrome_lines`` lines of it: a page's
    chrome may be long; a headline and its lead are near). A line running past that reach is
    cut there."""
    found: list[Line] = []
    above: list[str] = []
    base, skipped = 0, 0
    for m in _LINE.finditer(text):
        if m.start() >= base + reach:
            break
        if m.group().isspace():
            continue
        if chrome(m.group(), above):
            skipped += 1
            if not found:
                if skipped > chrome_lines:
                    break
                base = m.end() + 1
            continue
        above.append(m.group().strip())
        found.append(Line(m.start(), min(m.end(), base + reach)))
        if len(found) == count:
            break
    return found


def first_line(text: str, chrome: Chrome) -> Line | None:
    """The text's first line of content (None when it has none near its start)."""
    lines = head_lines(text, chrome, 1)
    return lines[0] if lines else None
