"""HTML → clean article text: trafilatura finds the body, lxml reads metadata and bylines.

Boilerplate (navigation, sidebars, related lists, share buttons, comments, footers) is left out,
image captions are kept apart, tables stay tables (one row a line, cells joined by " | ") and the
publication date comes only from metadata or the visible byline, never from the body. The class
names of a page's parts and the words of photo credits are ``rules/html.yaml`` (``HtmlRules``).

The package's parts: ``decoding`` (bytes → text), ``meta`` (title, date, language, author) and
``body`` (the article's text, captions and table cells).
"""

from __future__ import annotations

from extractor.parse.dates import parse_date
from extractor.parse.html.body import (
    BodyWriter,
    article_body,
    lead_text,
    pop_captions,
    unwrap_layout_tables,
)
from extractor.parse.html.decoding import charset_of, decode, known_codec
from extractor.parse.html.meta import (
    article_ld,
    longest_part,
    meta_tags,
    page_language,
    page_title,
    published_date,
    read_meta,
    read_page,
)
from extractor.parse.layout import Loaded
from extractor.parse.rules import HtmlRules
from extractor.parse.text import replaced_warning
from extractor.settings import resolve

__all__ = [
    "BodyWriter",
    "charset_of",
    "decode",
    "known_codec",
    "longest_part",
    "parse_date",
    "parse_html",
]


def parse_html(
    raw: bytes, *, source: str, rules: HtmlRules, content_type: str | None = None,
    max_elements: int | None = None,
) -> Loaded:
    """Read an HTML page into a Loaded document; InputError if it is not an article, TooLarge
    if it has more than ``max_elements`` tags (default: the ``html_max_elements`` setting)."""
    decoded = decode(raw, declared=charset_of(content_type))
    limit = int(resolve("html_max_elements")) if max_elements is None else max_elements
    page = read_page(decoded.text, source=source, max_elements=limit)  # held to the end: see read_page
    tree, patterns = page.tree, rules.page
    ld, tags = article_ld(tree), meta_tags(tree)
    published, date_source = published_date(tree, ld, tags, patterns=patterns)
    title, language = page_title(tree, ld, tags, patterns=patterns), page_language(tree, tags)
    meta = read_meta(tree, ld, tags, patterns=patterns) | {"encoding": decoded.encoding}
    if date_source:
        meta["date_source"] = date_source
    captions = pop_captions(tree, patterns=patterns)
    if captions:
        meta["captions"] = "\n".join(captions)
    unwrap_layout_tables(tree)
    lead = lead_text(tree, patterns=patterns)
    body = article_body(tree, source=source, lead=lead, headline=title)
    return Loaded(
        raw=raw,
        source=source,
        content_type="text/html",
        text=body.text,
        title=title,
        published=published,
        meta=meta,
        language=language,
        captions=captions,
        cells=tuple(body.cells),
        warnings=replaced_warning(source, decoded),
    )

