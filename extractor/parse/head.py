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
from collections.abc import Iterable
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
        rx = re.compile(self.pattern, re.IGNORECASE)
        if not self.examples.pos or not self.examples.neg:
            raise ValueError(f"chrome pattern {self.pattern!r} needs a positive and a negative example")
        wrong = [f"{line!r} should match" for line in self.examples.pos if not rx.fullmatch(line.strip())]
        wrong += [f"{line!r} should not match" for line in self.examples.neg if rx.fullmatch(line.strip())]
        if wrong:
            raise ValueError(f"chrome pattern {self.pattern!r}: " + "; ".join(wrong))
        return self


class Chrome:
    """The chrome line patterns compiled as one regex (none: nothing is chrome)."""

    def __init__(self, lines: Iterable[ChromeLine] = ()) -> None:
        patterns = [f"(?:{line.pattern})" for line in lines]
        self.regex = re.compile("|".join(patterns), re.IGNORECASE) if patterns else None

    def __call__(self, line: str) -> bool:
        """Whether ``line`` is chrome: it matches a pattern whole, or holds no word at all."""
        line = line.strip()
        if not line:
            return True
        if not any(ch.isalpha() for ch in line):
            return True
        return bool(self.regex is not None and self.regex.fullmatch(line))


NO_CHROME = Chrome()


class Line(NamedTuple):
    """A line of content: where it starts and ends in the text."""

    start: int
    end: int


def head_lines(text: str, chrome: Chrome, count: int = 2, reach: int = 600) -> list[Line]:
    """The first ``count`` lines of content of ``text``: lines that are not blank and not
    chrome, within ``reach`` characters of the text's start, or of the first line of content
    when chrome stands before it (a page's chrome may be long; a headline and its lead are
    near). A line running past that reach is cut there."""
    found: list[Line] = []
    base, skipped = 0, False
    for m in _LINE.finditer(text):
        if m.start() >= base + reach:
            break
        if m.group().isspace():
            continue
        if chrome(m.group()):
            skipped = True
            continue
        if not found and skipped:
            base = m.start()
        found.append(Line(m.start(), min(m.end(), base + reach)))
        if len(found) == count:
            break
    return found


def first_line(text: str, chrome: Chrome) -> Line | None:
    """The text's first line of content (None when it has none near its start)."""
    lines = head_lines(text, chrome, 1)
    return lines[0] if lines else None
