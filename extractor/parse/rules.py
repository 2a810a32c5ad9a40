"""The rules of the PDF and HTML readers: ``rules/pdf.yaml`` and ``rules/html.yaml``.

They live apart from the readers so that loading the registry imports neither pdfplumber nor
trafilatura (a reader is imported only when a document needs it). Each model compiles its
patterns once, on first use.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Annotated, NamedTuple

from pydantic import AfterValidator

from extractor.registry.files import Pattern, Regex, Strict


def _groups(*names: str) -> AfterValidator:
    """A check that a pattern has the named groups its reader takes out of a match."""
    def check(value: str) -> str:
        missing = [n for n in names if n not in re.compile(value).groupindex]
        if missing:
            raise ValueError(f"the pattern needs the named groups {', '.join(missing)}")
        return value
    return AfterValidator(check)


def _alternatives(patterns: list[Regex] | list[str]) -> str:
    """A regex matching any of ``patterns`` (each a group of its own; none: nothing)."""
    texts = [p.pattern if isinstance(p, Regex) else p for p in patterns]
    return "|".join(f"(?:{t})" for t in texts) or "(?!)"


def _either(patterns: list[Regex] | list[str], flags: int = 0) -> re.Pattern[str]:
    """``_alternatives`` compiled."""
    return re.compile(_alternatives(patterns), flags)


class LegacyEncoding(Strict):
    """A legacy Vietnamese font encoding, known by the characters it puts where letters should be."""

    name: str
    marks: str
    example: str  # "Ngân hàng" as the encoding shows it, quoted in the warning


class HeaderPatterns(NamedTuple):
    """The compiled patterns of a Vietnamese official document's header and signature."""

    motto: re.Pattern[str]
    number: re.Pattern[str]
    place_date: re.Pattern[str]
    signer_title: re.Pattern[str]
    recipients: re.Pattern[str]


class PdfRules(Strict):
    """``rules/pdf.yaml``: the administrative header and closing of official documents, legacy
    font encodings."""

    motto: list[Regex]
    doc_number: Annotated[Pattern, _groups("number")]
    place_date: Annotated[Pattern, _groups("place", "day", "month", "year")]
    signer_titles: list[Regex]
    recipients: Pattern
    legacy_encodings: list[LegacyEncoding]

    @cached_property
    def header(self) -> HeaderPatterns:
        """The header patterns, compiled (the motto ignoring case)."""
        return HeaderPatterns(_either(self.motto, re.IGNORECASE), re.compile(self.doc_number),
                              re.compile(self.place_date), _either(self.signer_titles),
                              re.compile(self.recipients, re.IGNORECASE))


class PagePatterns(NamedTuple):
    """The compiled patterns of what news pages mark with classes, and of photo credits."""

    byline: re.Pattern[str]
    title: re.Pattern[str]
    lead: re.Pattern[str]
    comments: re.Pattern[str]
    photo_credit: re.Pattern[str]


class HtmlRules(Strict):
    """``rules/html.yaml``: the class names of a page's parts, photo credits, next-page links."""

    byline_class: list[Pattern]
    title_class: list[Pattern]
    lead_class: list[Pattern]
    comments_class: list[Pattern]
    photo_credit: list[str]
    next_page: list[str]

    @cached_property
    def page(self) -> PagePatterns:
        """The class and credit patterns, compiled (all ignore case)."""
        credit = _alternatives([re.escape(w) for w in sorted(self.photo_credit, key=len, reverse=True)])
        return PagePatterns(
            byline=_either(self.byline_class, re.IGNORECASE),
            title=_either(self.title_class, re.IGNORECASE),
            lead=_either(self.lead_class, re.IGNORECASE),
            comments=_either(self.comments_class, re.IGNORECASE),
            photo_credit=re.compile(rf"(?:{credit})\s*:\s*[^.:;]{{1,60}}\)?\s*$", re.IGNORECASE))

    @cached_property
    def next_page_words(self) -> frozenset[str]:
        """The anchor texts of a next-page link, lower case with single spaces."""
        return frozenset(" ".join(w.lower().split()) for w in self.next_page)
