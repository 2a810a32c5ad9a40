"""HTML → clean article text: trafilatura finds the body, lxml reads metadata and bylines.

Boilerplate (navigation, sidebars, related lists, share buttons, comments, footers) is left out,
image captions are kept apart, tables stay tables (one row a line, cells joined by " | ") and the
publication date comes only from metadata or the visible byline, never from the body. The class
names of a page's parts and the words of photo credits are ``rules/html.yaml`` (``HtmlRules``).

The package's parts: ``decoding`` (bytes → text), ``meta`` (title, date, language, author) and
``body`` (the article's text, captions and table cells).
"""

from __future__ import annotations

from collections.abc import Sequence

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
    parse_tree,
    published_date,
    read_meta,
)
from extractor.parse.layout import Loaded, TableCell
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
    tree, patterns = parse_tree(decoded.text, source=source, max_elements=limit), rules.page
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
    body = article_body(tree, source=source, lead=lead)
    text, cells = headed(title, body.text, body.cells)
    return Loaded(
        raw=raw,
        source=source,
        content_type="text/html",
        text=text,
        title=title,
        published=published,
        meta=meta,
        language=language,
        captions=captions,
        cells=cells,
        warnings=replaced_warning(source, decoded),
    )


def headed(title: str | None, body: str, cells: Sequence[TableCell]) -> tuple[str, tuple[TableCell, ...]]:
    """The article's text with its headline as the first line, as a text file is read: a headline
    states figures of its own ("Bến Tre: hơn 2.100 tỷ đồng vốn chính sách …"), which every
    record then points to, and the linker reads it as the headline it is. The table cells move
    with the body. A body that already opens with the headline is kept as it is."""
    if not title or not title.strip() or body.lstrip().startswith(title.strip()):
        return body, tuple(cells)
    head = f"{title.strip()}\n\n"
    return head + body, tuple(shifted(cell, len(head)) for cell in cells)


def shifted(cell: TableCell, by: int) -> TableCell:
    """A table cell whose text moved ``by`` characters on."""
    row_span = cell.row_header_span
    return cell.model_copy(update={
        "start": cell.start + by, "end": cell.end + by,
        "row_header_span": (row_span[0] + by, row_span[1] + by) if row_span else None,
        "column_header_spans": tuple((s + by, e + by) for s, e in cell.column_header_spans)})
