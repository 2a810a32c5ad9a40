"""A page's body: captions kept apart, layout tables unwrapped, trafilatura's main content walked
into blocks of text and tables (one row a line, cells joined by " | "), the standfirst restored,
and pages that hold no article refused."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NamedTuple

import trafilatura
import trafilatura.core
from lxml import etree
from lxml import html as lxml_html

from extractor.errors import InputError
from extractor.parse.html.decoding import nfc
from extractor.parse.html.meta import headline_element, shares_container, spaced_text, text_of
from extractor.parse.layout import TableCell, render_table
from extractor.parse.rules import PagePatterns

MIN_ARTICLE_CHARS = 200

MAX_LINK_SHARE = 0.4

BLOCK_TAGS = frozenset({"p", "head", "list", "item", "quote", "table", "row", "cell", "div"})

CAPTION_CLASS = re.compile(
    r"caption|photo-?desc|image-?desc|img-?desc|fig-?desc|expnoedit", re.IGNORECASE
)

CAPTION_MAX_CHARS = 300

LEAD_MIN_CHARS = 40

LEAD_MAX_CHARS = 800

# A cheap prefilter for CAPTION_CLASS: a class holding none of these parts, in any case, is no
# caption's. (It was once XPath's contains(), which has no lower-case, so "CAPTION" or
# "PHOTO-DESC" slipped past a pattern that ignores case.)
CAPTION_PARTS = re.compile("aption|desc|noedit", re.IGNORECASE)

# Control characters (Unicode category Cc: C0, DEL and C1) but the newline.
CONTROL_BUT_NEWLINE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")

LAYOUT_CELL_CHARS = 400

LAYOUT_PARAGRAPH_CHARS = 80


def is_caption(el: lxml_html.HtmlElement) -> bool:
    """A <figcaption> or an element classed as a caption."""
    if el.tag == "figcaption":
        return True
    return el.tag not in ("body", "html", "article", "main") and bool(
        CAPTION_CLASS.search(el.get("class", ""))
    )


def after_images(tree: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """Elements right after an image, or after the element wrapping it (where credits go), each
    once, in the order first found (a gallery's images share their siblings)."""
    found: list[lxml_html.HtmlElement] = []
    for img in tree.iter("img"):
        found.extend(img.itersiblings())
        holder = img.getparent()
        for _ in range(2):  # <p><img></p><p>credit</p>, <div><a><img></a></div><p>credit</p>
            if holder is None:
                break
            nxt = holder.getnext()
            if nxt is not None:
                found.append(nxt)
            holder = holder.getparent()
    return list(dict.fromkeys(found))


def marked_captions(tree: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """<figcaption>s and the elements classed as captions, in page order. The page's classes are
    read first as plain strings and searched at once: a page none of whose classes holds a part
    of CAPTION_PARTS (most pages) has only its <figcaption>s, found without handing out the
    hundreds of classed elements. Else XPath hands out only the elements with a class and a
    regex reads their classes: XPath's contains() cost half a millisecond a page for each part
    of CAPTION_PARTS."""
    if not CAPTION_PARTS.search("\n".join(tree.xpath("//@class", smart_strings=False))):
        return list(tree.iter("figcaption"))
    return [
        el
        for el in tree.xpath("//figcaption | //*[@class]")
        if (el.tag == "figcaption" or CAPTION_PARTS.search(el.get("class", ""))) and is_caption(el)
    ]


def may_end_in_credit(text: str) -> bool:
    """Whether ``text`` may end in a photo credit, a cheap test before ``photo_credit`` (rules'
    PagePatterns), whose search tries every position of the text. That pattern ends in
    ``:\\s*[^.:;]{1,60}\\)?\\s*$``: its colon is the text's last, and after it come at most 61
    characters once spaces are collapsed and trimmed, none a '.' or ';'. The answer is the same
    for a text and for it with its spaces collapsed (``" ".join(text.split())``)."""
    colon = text.rfind(":")
    if colon < 0:
        return False
    after = text[colon + 1 :]
    return "." not in after and ";" not in after and len(" ".join(after.split())) <= 61


def is_credit_line(el: lxml_html.HtmlElement, *, patterns: PagePatterns) -> bool:
    """A short text block ending in a photo credit: "… Ảnh: Minh Đức". ``may_end_in_credit``
    reads the element's text before its spaces are collapsed, which costs twice reading it."""
    if el.tag not in ("p", "em", "i", "span", "div") or next(el.iterdescendants("p"), None) is not None:
        return False
    text = text_of(el)
    if not may_end_in_credit(text):
        return False
    text = " ".join(text.split())
    return 0 < len(text) <= CAPTION_MAX_CHARS and bool(patterns.photo_credit.search(text))


def pop_captions(tree: lxml_html.HtmlElement, *, patterns: PagePatterns) -> tuple[str, ...]:
    """Remove image captions from the tree and return their texts (kept apart from the body)."""
    marked = marked_captions(tree)
    credited = [el for el in after_images(tree) if is_credit_line(el, patterns=patterns)]
    captions = []
    for el in marked + credited:
        if el.getparent() is not None:
            text = spaced_text(el)
            if text:
                captions.append(text)
            el.drop_tree()
    return tuple(dict.fromkeys(captions))


def is_layout_table(table: lxml_html.HtmlElement) -> bool:
    """A <table> used to lay out the page (old templates), not to hold data.

    It nests tables or headings, or one of its own cells holds a long text or several long
    paragraphs. Word-pasted data tables wrap short cells in <p>; those stay tables.
    """
    if (
        table.find(".//table") is not None
        or table.find(".//h1") is not None
        or table.find(".//h2") is not None
    ):
        return True
    for cell in table.iter("td", "th"):
        if next(cell.iterancestors("table"), None) is not table:
            continue
        paragraphs = [
            p for p in cell.iter("p") if len(text_of(p).strip()) > LAYOUT_PARAGRAPH_CHARS
        ]
        if len(paragraphs) >= 2 or len(text_of(cell).strip()) > LAYOUT_CELL_CHARS:
            return True
    return False


def unwrap_layout_tables(tree: lxml_html.HtmlElement) -> None:
    """Turn layout tables into divs so trafilatura sees the page's blocks, not one giant row."""
    for table in [t for t in tree.iter("table") if is_layout_table(t)]:
        for el in [table, *table.iter("thead", "tbody", "tfoot", "tr", "td", "th")]:
            if el is table or next(el.iterancestors("table"), None) is table:
                el.tag = "div"


# trafilatura's fast mode skips its fallback (readability and jusText run on the page and compared
# with its own extraction), about two thirds of its time on a news page. The fallback takes
# readability's text when it is twice as long as trafilatura's own or the own one has no paragraph
# or is mostly tables, and jusText's when the own one is under 250 characters: an own extraction
# that holds a whole article is seldom replaced. So the fast body is kept when it has at least
# FAST_MIN_PROSE_CHARS of running prose in at least FAST_MIN_PARAGRAPHS paragraphs and no more
# tables than paragraphs; else the full extraction runs (the fast one, a third of its cost, lost).
# On 400 generated news pages (bench/ingest_speed.py) the two agreed on every page and the fast
# one was kept on all but one; on the mutated fixture pages of tests/test_fuzz.py every body the
# fallback changed had under 1,000 characters of prose or a single paragraph, so each took the
# fallback. The fixture articles, cut from real pages (300-1,000 characters), take it too.
FAST_MIN_PROSE_CHARS = 1000

FAST_MIN_PARAGRAPHS = 3


class MainContent(NamedTuple):
    """trafilatura's main content (None when it found none) and which extraction gave it:
    "fast", or "full" with why the fast one was not enough."""

    xml: etree._Element | None
    path: str
    prose: int  # prose_chars of xml (0 when None): measured once, for the choice and the caller


def main_content(tree: lxml_html.HtmlElement, *, source: str) -> MainContent:
    """trafilatura's main-content XML: its fast extraction, else (too little found) the full one
    with its fallback. trafilatura reads a copy of ``tree``, which stays whole."""
    fast = trafilatura_xml(tree, source=source, fast=True)
    prose = 0 if fast is None else prose_chars(fast)
    short = too_little(fast, prose=prose)
    if short is None:
        return MainContent(fast, "fast", prose)
    full = trafilatura_xml(tree, source=source, fast=False)
    return MainContent(full, f"full: {short}", 0 if full is None else prose_chars(full))


def too_little(main: etree._Element | None, *, prose: int | None = None) -> str | None:
    """Why a fast extraction is not enough (too little prose, too few paragraphs, mostly
    tables), or None when it is; ``prose`` is ``prose_chars(main)`` when the caller has it."""
    if main is None:
        return "nothing found"
    prose = prose_chars(main) if prose is None else prose
    paragraphs = sum(1 for _ in main.iter("p"))
    if prose < FAST_MIN_PROSE_CHARS:
        return f"{prose} characters of prose"
    if paragraphs < FAST_MIN_PARAGRAPHS:
        return f"{paragraphs} paragraphs"
    if sum(1 for _ in main.iter("table")) > paragraphs:
        return "mostly tables"
    return None


# trafilatura 2.3 retries a short extraction that covers little of the page's text (under 3,000
# characters and a fifth of the page: most news articles amid a site's menus and link lists) in
# its recall mode, and keeps the retry when it is half as long again: a second extraction, plus
# the page's whole text read to measure it, on most pages (a third of reading an 85 KB page, 28
# against 18 ms in bench/ingest_speed.py's pages). ``too_little`` already asks the same of the
# fast extraction and sends a page it finds short to the full one, so the fast pass runs without
# the retry and the full pass keeps it. The setting is trafilatura's module constant, so every
# extraction holds a lock while it runs (threads of the web app may read pages at once); a
# trafilatura without the constant has no retry to turn off.
RETRY_SETTING = "ESCALATION_MAX_LENGTH"
_SETTING = threading.Lock()


@contextmanager
def recall_retry(enabled: bool) -> Iterator[None]:
    """trafilatura's retry of a short extraction in recall mode on or off while the block runs."""
    with _SETTING:
        saved = getattr(trafilatura.core, RETRY_SETTING, None)
        if saved is not None and not enabled:
            setattr(trafilatura.core, RETRY_SETTING, 0)
        try:
            yield
        finally:
            if saved is not None:
                setattr(trafilatura.core, RETRY_SETTING, saved)


def trafilatura_xml(tree: lxml_html.HtmlElement, *, source: str, fast: bool) -> etree._Element | None:
    """trafilatura's main-content XML (comments off, tables on, its date guessing unused), fast
    (without its recall retry: see ``recall_retry``) or with its fallback. trafilatura writes its
    result as XML and reads it back: markup that ``parse_tree`` could not mend is an InputError
    naming the page, never lxml's own error."""
    try:
        with recall_retry(not fast):
            xml = _extract(tree, source=source, fast=fast)
        if not xml:
            return None
        return etree.fromstring(
            xml.encode("utf-8"), parser=etree.XMLParser(resolve_entities=False, no_network=True)
        )
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{source}: the page's main text could not be read ({exc})",
                         hint="Check that the file is a whole HTML page; save it again from the browser.") from None


def _extract(tree: lxml_html.HtmlElement, *, source: str, fast: bool) -> str | None:
    """trafilatura's main-content XML as text, with the options the pipeline reads it with."""
    xml: str | None = trafilatura.extract(
        tree,
        url=source if source.startswith("http") else None,
        output_format="xml",
        fast=fast,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        include_formatting=False,
        with_metadata=False,
        deduplicate=False,
    )
    return xml


def block_text(el: etree._Element, *, breaks: str = "\n") -> str:
    """An element's text, NFC, spaces collapsed; <lb/> (a <br>) becomes ``breaks`` so words never glue."""
    parts: list[str] = []
    _collect(el, parts, breaks=breaks)
    text = CONTROL_BUT_NEWLINE.sub("", nfc("".join(parts)))
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _collect(node: etree._Element, parts: list[str], *, breaks: str) -> None:
    """Depth-first text of ``node`` into ``parts``, with ``breaks`` for each <lb/>."""
    if node.text:
        parts.append(node.text)
    for child in node:
        if child.tag == "lb":
            parts.append(breaks)
        elif child.tag in BLOCK_TAGS:  # nested blocks (a <p> inside a <cell>) are kept apart
            parts.append(breaks)
            _collect(child, parts, breaks=breaks)
            parts.append(breaks)
        else:
            _collect(child, parts, breaks=breaks)
        if child.tail:
            parts.append(child.tail)


class BodyWriter:
    """Accumulates blocks of body text and the table cells found on the way."""

    def __init__(self, path: str = "") -> None:
        self.path = path  # which extraction found the body (MainContent.path)
        self.blocks: list[str] = []
        self.cells: list[TableCell] = []
        self.tables = 0

    @property
    def offset(self) -> int:
        """Where the next block starts (blocks are joined by a blank line)."""
        return sum(len(b) for b in self.blocks) + 2 * len(self.blocks)

    def add(self, text: str) -> None:
        """Append one paragraph-like block."""
        if text:
            self.blocks.append(text)

    def add_table(self, table: etree._Element) -> None:
        """Append a table: rows on their own lines, cells joined by " | "."""
        rows = [
            [block_text(c, breaks=" ") for c in row if c.tag == "cell"] for row in table.iter("row")
        ]
        rows = [r for r in rows if any(r)]
        if not rows:
            return
        marked = any(c.get("role") == "head" for c in next(table.iter("row")).iter("cell"))
        text, cells = render_table(
            rows, offset=self.offset, table=self.tables, header_marked=marked
        )
        self.tables += 1
        self.cells.extend(cells)
        self.blocks.append(text)

    def walk(self, parent: etree._Element | list[etree._Element]) -> None:
        """Turn trafilatura's XML blocks (p, head, list, quote, table) into text blocks."""
        for el in parent:
            if el.tag == "table":
                self.add_table(el)
            elif el.tag == "list":
                items = (block_text(item, breaks=" ") for item in el.iter("item"))
                self.add("\n".join(item for item in items if item))
            elif el.tag in ("quote", "div") and len(el):
                self.walk(el)
            else:
                self.add(block_text(el))

    @property
    def text(self) -> str:
        """The body: blocks joined by blank lines."""
        return "\n\n".join(self.blocks)


def prose_chars(main: etree._Element) -> int:
    """Characters of running prose (paragraphs, quotes, tables) — lists and headings don't count."""
    return sum(len(block_text(el)) for el in main.iter("p", "quote", "cell"))


def link_texts(tree: lxml_html.HtmlElement) -> set[str]:
    """The texts of every link on the page, spaces collapsed: a page repeats its links' texts
    (menus, lists, the story's own links), and each is collapsed once."""
    return {" ".join(text.split()) for text in {text_of(a) for a in tree.iter("a")}}


def link_share(text: str, anchors: set[str]) -> float:
    """Share of ``text`` made of link texts from the page: high for list, tag and home pages."""
    linked = sum(text.count(a) * len(a) for a in anchors if len(a) >= 12)
    return min(1.0, linked / max(1, len(text)))


def _not_article(source: str, why: str) -> InputError:
    """The error for a page that holds no article."""
    return InputError(
        f"{source}: not an article ({why}; a list, tag or error page?)",
        hint="Give the URL of an article page; for a list page use a follow pattern to reach its articles.",
    )


def lead_text(tree: lxml_html.HtmlElement, *, patterns: PagePatterns) -> str | None:
    """The standfirst ("sapo") under the headline, which trafilatura sometimes drops as boilerplate."""
    headline = headline_element(tree, patterns=patterns)
    if headline is None:
        return None
    passed = False
    for el in tree.iter():
        if el is headline:
            passed = True
        elif passed and isinstance(el.tag, str) and patterns.lead.search(el.get("class", "")):
            text = spaced_text(el)
            if LEAD_MIN_CHARS <= len(text) <= LEAD_MAX_CHARS and shares_container(el, headline):
                return nfc(text)
            return None  # only the first lead-like block after the headline
    return None


def article_body(
    tree: lxml_html.HtmlElement, *, source: str, lead: str | None = None, headline: str | None = None
) -> BodyWriter:
    """The article's body text (with the lead if trafilatura dropped it), or InputError if none.
    The headline opens it, as the first line of a text file does, unless the body holds it: a
    headline states figures of its own ("Bến Tre: hơn 2.100 tỷ đồng vốn chính sách …"), which
    records then point to, and the linker reads it as the headline it is."""
    anchors = link_texts(tree)
    main, path, found = main_content(tree, source=source)
    if main is None or found < MIN_ARTICLE_CHARS:
        raise _not_article(source, f"{found} characters of running text found")
    writer = BodyWriter(path)
    blocks = list(next(main.iter("main"), main))
    written = block_text(main, breaks=" ")
    if headline and " ".join(headline.split()) not in written:
        writer.add(headline.strip())
    if lead and " ".join(lead.split()) not in written:
        heading = blocks[:1] if blocks and blocks[0].tag == "head" else []
        writer.walk(heading)
        writer.add(lead)
        blocks = blocks[len(heading) :]
    writer.walk(blocks)
    share = link_share(writer.text, anchors)
    if share > MAX_LINK_SHARE:
        raise _not_article(source, f"{share:.0%} of the extracted text is link text")
    return writer
