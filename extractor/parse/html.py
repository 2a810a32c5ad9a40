"""HTML → clean article text: trafilatura finds the body, lxml reads metadata and bylines.

Boilerplate (navigation, sidebars, related lists, share buttons, comments, footers) is left out,
image captions are kept apart, tables stay tables (one row a line, cells joined by " | ") and the
publication date comes only from metadata or the visible byline, never from the body. The class
names of a page's parts and the words of photo credits are ``rules/html.yaml`` (``HtmlRules``).
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

import trafilatura
from charset_normalizer import from_bytes
from lxml import etree
from lxml import html as lxml_html

from extractor.errors import InputError
from extractor.models import Language
from extractor.parse.dates import parse_date, stated_date
from extractor.parse.layout import Loaded, TableCell, render_table
from extractor.parse.rules import HtmlRules, PagePatterns

MIN_ARTICLE_CHARS = 200
MAX_LINK_SHARE = 0.4
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
BLOCK_TAGS = frozenset({"p", "head", "list", "item", "quote", "table", "row", "cell", "div"})
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
CAPTION_CLASS = re.compile(
    r"caption|photo-?desc|image-?desc|img-?desc|fig-?desc|expnoedit", re.IGNORECASE
)
BYLINE_MAX_CHARS = 160
CAPTION_MAX_CHARS = 300
LEAD_MIN_CHARS = 40
LEAD_MAX_CHARS = 800
# A cheap XPath prefilter for CAPTION_CLASS (XPath 1.0 has no regex or lower-case()).
CAPTION_XPATH = "|".join(
    ["//figcaption"]
    + [
        f"//*[contains(@class, '{part}')]"
        for part in ("aption", "desc", "Desc", "NoEdit", "noedit", "Noedit")
    ]
)
LAYOUT_CELL_CHARS = 400
LAYOUT_PARAGRAPH_CHARS = 80
PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "dc.date.issued",
    "dc.date",
    "date",
    "sailthru.date",
    "parsely-pub-date",
)


# --- decoding -----------------------------------------------------------------------------


def charset_of(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header."""
    match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", content_type or "", re.IGNORECASE)
    return match.group(1) if match else None


def known_codec(name: str | None) -> str | None:
    """Python's codec name for a declared charset, or None if unknown."""
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


def decode(raw: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """Decode bytes → (NFC text, encoding): BOM, valid UTF-8, declared charsets, then detection."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            return _nfc(raw.decode(codec, errors="replace")), codec
    candidates = ["utf-8", known_codec(declared), known_codec(_meta_charset(raw))]
    for codec in (c for c in candidates if c):
        try:
            return _nfc(raw.decode(codec)), codec
        except UnicodeDecodeError:
            continue
    best = from_bytes(raw).best()
    if best is not None:
        return _nfc(str(best)), best.encoding
    return _nfc(raw.decode("cp1252", errors="replace")), "cp1252"


def _meta_charset(raw: bytes) -> str | None:
    """The charset a page declares in a <meta> tag within its first 4 KB."""
    match = META_CHARSET.search(raw[:4096])
    return match.group(1).decode("ascii", errors="ignore") if match else None


def _nfc(text: str) -> str:
    """NFC-normalise: windows-1258 pages carry tones as combining marks."""
    return unicodedata.normalize("NFC", text)


# --- metadata -----------------------------------------------------------------------------


def parse_tree(text: str, *, source: str) -> lxml_html.HtmlElement:
    """An lxml tree of an HTML string: XML declaration and control characters removed, <br> spaced."""
    text = CONTROL_CHARS.sub("", XML_DECL.sub("", text, count=1))
    try:
        tree = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(
            f"{source}: not readable as HTML ({exc})", hint="Check that the file is an HTML page."
        ) from exc
    for br in tree.iter("br"):
        br.tail = "\n" + (br.tail or "")  # "1.234<br>5" must not become "1.2345"
    return tree


def json_ld(tree: lxml_html.HtmlElement) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page (``@graph`` and lists flattened); bad JSON skipped."""
    found: list[dict[str, Any]] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except json.JSONDecodeError:
            continue
        found.extend(_flatten_ld(data))
    return found


def _flatten_ld(data: Any) -> Iterator[dict[str, Any]]:
    """Objects in a JSON-LD value: itself, list members and @graph members."""
    if isinstance(data, list):
        for item in data:
            yield from _flatten_ld(item)
    elif isinstance(data, dict):
        yield data
        yield from _flatten_ld(data.get("@graph", []))


def article_ld(tree: lxml_html.HtmlElement) -> dict[str, Any]:
    """The JSON-LD NewsArticle/Article object, or {}."""
    for obj in json_ld(tree):
        kinds = obj.get("@type", [])
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if any(str(k).endswith("Article") or k == "Report" for k in kinds):
            return obj
    return {}


def meta_tags(tree: lxml_html.HtmlElement) -> dict[str, str]:
    """<meta property|name|itemprop=... content=...> as a dict of lower-cased keys (first wins)."""
    tags: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
        value = el.get("content")
        if key and value and value.strip():
            tags.setdefault(key.strip().lower(), " ".join(value.split()))
    return tags


def ld_author(obj: dict[str, Any]) -> str | None:
    """Author name(s) from a JSON-LD article."""
    found = obj.get("author")
    authors: list[Any] = found if isinstance(found, list) else [found]
    names = [a.get("name") if isinstance(a, dict) else a for a in authors]
    return ", ".join(str(n).strip() for n in names if n) or None


def is_byline_candidate(el: etree._Element, *, patterns: PagePatterns) -> bool:
    """A <time> element, or one whose class/id/itemprop names a date, time, byline or meta line."""
    if not isinstance(el.tag, str) or el.tag in ("script", "style", "title", "meta"):
        return False
    label = f"{el.get('class', '')} {el.get('id', '')} {el.get('itemprop', '')}"
    return el.tag == "time" or bool(patterns.byline.search(label))


def candidate_date(el: lxml_html.HtmlElement, *, patterns: PagePatterns) -> dt.date | None:
    """The date a short, visible byline element states (reader comments excluded)."""
    text = " ".join(el.text_content().split())
    if not text or len(text) > BYLINE_MAX_CHARS:
        return None
    found = parse_date(el.get("datetime") or text) if el.tag == "time" else stated_date(text)
    return found if found is not None and not _in_comments(el, patterns=patterns) else None


def _in_comments(el: etree._Element, *, patterns: PagePatterns) -> bool:
    """True inside a comments section (reader comments carry their own dates)."""
    labels = (f"{a.get('class', '')} {a.get('id', '')}" for a in el.iterancestors())
    return any(map(patterns.comments.search, labels))


def shares_container(el: etree._Element, headline: etree._Element) -> bool:
    """True when ``el`` and the headline sit in one container below <body> (not a site-wide header)."""
    around = set(headline.iterancestors())
    common = next((a for a in el.iterancestors() if a in around), None)
    return common is not None and common.tag not in ("body", "html")


def byline_date(tree: lxml_html.HtmlElement, *, patterns: PagePatterns) -> dt.date | None:
    """The byline's date: the first after the headline, else one above it in the headline's container.

    A date widget in the site header shows today's date, not the article's: it shares no
    container with the headline but <body>, so it is never taken.
    """
    headline = headline_element(tree, patterns=patterns)
    passed, earlier = headline is None, []
    for el in tree.iter():
        if el is headline:
            passed = True
        elif is_byline_candidate(el, patterns=patterns):
            if passed:
                found = candidate_date(el, patterns=patterns)
                if found:
                    return found
            elif headline is not None and shares_container(el, headline):
                earlier.append(el)
    dates = (candidate_date(el, patterns=patterns) for el in reversed(earlier))
    return next((d for d in dates if d), None)


def published_date(
    tree: lxml_html.HtmlElement, ld: dict[str, Any], tags: dict[str, str], *, patterns: PagePatterns
) -> tuple[dt.date | None, str]:
    """(publication date, where it came from): JSON-LD, meta tags, then the visible byline."""
    found = parse_date(str(ld.get("datePublished", "")) or None)
    if found:
        return found, "json-ld datePublished"
    for key in PUBLISHED_META:
        found = parse_date(tags.get(key))
        if found:
            return found, f"meta {key}"
    found = byline_date(tree, patterns=patterns)
    return (found, "byline") if found else (None, "")


def page_language(tree: lxml_html.HtmlElement, tags: dict[str, str]) -> Language | None:
    """The language a page declares (<html lang>, og:locale, content-language), if vi or en."""
    for value in (
        tree.get("lang"),
        tags.get("og:locale"),
        tags.get("content-language"),
        tags.get("language"),
    ):
        code = (value or "").strip().lower()[:2]
        if code == "vi":
            return "vi"
        if code == "en":
            return "en"
    return None


def headline_element(
    tree: lxml_html.HtmlElement, *, patterns: PagePatterns
) -> lxml_html.HtmlElement | None:
    """The headline: the first <h1>, else a heading or block classed as the title ("tieude")."""
    h1 = next(iter(tree.iter("h1")), None)
    if h1 is not None:
        return h1
    for el in tree.iter("h2", "h3", "div", "p", "span"):
        text = el.text_content().strip()
        if patterns.title.search(el.get("class", "")) and 0 < len(text) <= 300:
            return el
    return None


def page_title(
    tree: lxml_html.HtmlElement, ld: dict[str, Any], tags: dict[str, str], *, patterns: PagePatterns
) -> str | None:
    """Headline: JSON-LD headline, og:title, the headline element, then <title>; site name cut."""
    headline = headline_element(tree, patterns=patterns)
    title_el = next(iter(tree.iter("title")), None)
    for value in (
        ld.get("headline"),
        tags.get("og:title"),
        headline.text_content() if headline is not None else None,
    ):
        if value and str(value).strip():
            return strip_site_name(" ".join(str(value).split()), tags.get("og:site_name"))
    if title_el is not None and title_el.text_content().strip():
        return longest_part(" ".join(title_el.text_content().split()))
    return None


def longest_part(title: str) -> str:
    """ "Báo X - Headline" or "Headline | Báo X" → the longest part (site names are short)."""
    parts = re.split(r"\s+[-|–—]\s+", title)
    return max(parts, key=len) if len(parts) > 1 else title


def strip_site_name(title: str, site_name: str | None) -> str:
    """ "Headline - Site" → "Headline" when the site's name is known."""
    if site_name:
        for sep in (" - ", " | ", " – ", " — "):
            if title.endswith(sep + site_name) and len(title) > len(sep + site_name):
                return title[: -len(sep + site_name)]
    return title


def read_meta(
    tree: lxml_html.HtmlElement, ld: dict[str, Any], tags: dict[str, str], *, patterns: PagePatterns
) -> dict[str, str]:
    """og:*, author, canonical URL, description, section, site name and keywords."""
    meta = {k: v for k, v in tags.items() if k.startswith(("og:", "article:"))}
    author = (
        ld_author(ld)
        or tags.get("author")
        or tags.get("article:author")
        or _byline_author(tree, patterns=patterns)
    )
    canonical = next(
        (el.get("href") for el in tree.iter("link") if el.get("rel", "").lower() == "canonical"),
        None,
    )
    extras = {
        "author": author,
        "canonical_url": canonical or tags.get("og:url"),
        "description": tags.get("description") or tags.get("og:description"),
        "site_name": tags.get("og:site_name"),
        "section": tags.get("article:section"),
        "keywords": tags.get("keywords") or tags.get("news_keywords"),
    }
    meta.update({k: " ".join(v.split()) for k, v in extras.items() if v and v.strip()})
    return meta


def _byline_author(tree: lxml_html.HtmlElement, *, patterns: PagePatterns) -> str | None:
    """The text of a visible author element."""
    for el in tree.xpath('//*[contains(@class,"author") or @rel="author" or @itemprop="author"]'):
        text = " ".join(el.text_content().split())
        if text and len(text) <= 80 and not _in_comments(el, patterns=patterns):
            return text
    return None


# --- body ---------------------------------------------------------------------------------


def is_caption(el: lxml_html.HtmlElement) -> bool:
    """A <figcaption> or an element classed as a caption."""
    if el.tag == "figcaption":
        return True
    return el.tag not in ("body", "html", "article", "main") and bool(
        CAPTION_CLASS.search(el.get("class", ""))
    )


def after_images(tree: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """Elements right after an image, or after the element wrapping it (where credits go)."""
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
    return found


def is_credit_line(el: lxml_html.HtmlElement, *, patterns: PagePatterns) -> bool:
    """A short text block ending in a photo credit: "… Ảnh: Minh Đức"."""
    if el.tag not in ("p", "em", "i", "span", "div") or el.find(".//p") is not None:
        return False
    text = " ".join(el.text_content().split())
    return 0 < len(text) <= CAPTION_MAX_CHARS and bool(patterns.photo_credit.search(text))


def pop_captions(tree: lxml_html.HtmlElement, *, patterns: PagePatterns) -> tuple[str, ...]:
    """Remove image captions from the tree and return their texts (kept apart from the body)."""
    marked = [el for el in tree.xpath(CAPTION_XPATH) if is_caption(el)]
    credited = [el for el in after_images(tree) if is_credit_line(el, patterns=patterns)]
    captions = []
    for el in marked + credited:
        if el.getparent() is not None:
            text = " ".join(el.text_content().split())
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
            p for p in cell.iter("p") if len(p.text_content().strip()) > LAYOUT_PARAGRAPH_CHARS
        ]
        if len(paragraphs) >= 2 or len(cell.text_content().strip()) > LAYOUT_CELL_CHARS:
            return True
    return False


def unwrap_layout_tables(tree: lxml_html.HtmlElement) -> None:
    """Turn layout tables into divs so trafilatura sees the page's blocks, not one giant row."""
    for table in [t for t in tree.iter("table") if is_layout_table(t)]:
        for el in [table, *table.iter("thead", "tbody", "tfoot", "tr", "td", "th")]:
            if el is table or next(el.iterancestors("table"), None) is table:
                el.tag = "div"


def main_content(tree: lxml_html.HtmlElement, *, source: str) -> etree._Element | None:
    """trafilatura's main-content XML (comments off, tables on, its date guessing unused); prunes ``tree``."""
    xml = trafilatura.extract(
        tree,
        url=source if source.startswith("http") else None,
        output_format="xml",
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        include_formatting=False,
        with_metadata=False,
        deduplicate=False,
    )
    if not xml:
        return None
    return etree.fromstring(
        xml.encode("utf-8"), parser=etree.XMLParser(resolve_entities=False, no_network=True)
    )


def block_text(el: etree._Element, *, breaks: str = "\n") -> str:
    """An element's text, NFC, spaces collapsed; <lb/> (a <br>) becomes ``breaks`` so words never glue."""
    parts: list[str] = []
    _collect(el, parts, breaks=breaks)
    text = "".join(
        ch for ch in _nfc("".join(parts)) if ch == "\n" or unicodedata.category(ch) != "Cc"
    )
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

    def __init__(self) -> None:
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


def parse_html(
    raw: bytes, *, source: str, rules: HtmlRules, content_type: str | None = None
) -> Loaded:
    """Read an HTML page into a Loaded document; InputError if it is not an article."""
    text, encoding = decode(raw, declared=charset_of(content_type))
    tree, patterns = parse_tree(text, source=source), rules.page
    ld, tags = article_ld(tree), meta_tags(tree)
    published, date_source = published_date(tree, ld, tags, patterns=patterns)
    title, language = page_title(tree, ld, tags, patterns=patterns), page_language(tree, tags)
    meta = read_meta(tree, ld, tags, patterns=patterns) | {"encoding": encoding}
    if date_source:
        meta["date_source"] = date_source
    captions = pop_captions(tree, patterns=patterns)
    if captions:
        meta["captions"] = "\n".join(captions)
    unwrap_layout_tables(tree)
    lead = lead_text(tree, patterns=patterns)
    body = _article_body(tree, source=source, lead=lead)  # last: trafilatura prunes the tree
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
    )


def link_texts(tree: lxml_html.HtmlElement) -> set[str]:
    """The texts of every link on the page."""
    return {" ".join(a.text_content().split()) for a in tree.iter("a")}


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
            text = " ".join(el.text_content().split())
            if LEAD_MIN_CHARS <= len(text) <= LEAD_MAX_CHARS and shares_container(el, headline):
                return _nfc(text)
            return None  # only the first lead-like block after the headline
    return None


def _article_body(
    tree: lxml_html.HtmlElement, *, source: str, lead: str | None = None
) -> BodyWriter:
    """The article's body text (with the lead if trafilatura dropped it), or InputError if none."""
    anchors = link_texts(tree)  # before trafilatura, which prunes the tree it is given
    main = main_content(tree, source=source)
    found = 0 if main is None else prose_chars(main)
    if main is None or found < MIN_ARTICLE_CHARS:
        raise _not_article(source, f"{found} characters of running text found")
    writer = BodyWriter()
    blocks = list(next(main.iter("main"), main))
    if lead and " ".join(lead.split()) not in block_text(main, breaks=" "):
        heading = blocks[:1] if blocks and blocks[0].tag == "head" else []
        writer.walk(heading)
        writer.add(lead)
        blocks = blocks[len(heading) :]
    writer.walk(blocks)
    share = link_share(writer.text, anchors)
    if share > MAX_LINK_SHARE:
        raise _not_article(source, f"{share:.0%} of the extracted text is link text")
    return writer
