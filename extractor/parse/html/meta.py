"""A page's metadata: the lxml tree, JSON-LD and meta tags, the headline and title, the language it
declares, its author and its publication date (metadata, then the visible byline, never the body)."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from lxml import etree
from lxml import html as lxml_html

from extractor.errors import InputError, TooLarge
from extractor.models import Language
from extractor.parse.dates import parse_date, stated_date
from extractor.parse.rules import PagePatterns

CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# The same characters as UTF-8 bytes: each is one byte, which no other character's bytes hold.
CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])

XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)

# A name XML can write (ASCII, with an optional prefix as in Word's <o:p>): the HTML parser keeps
# any run of characters as a tag or attribute name ('<l">'), which trafilatura cannot reparse.
XML_NAME = re.compile(r"[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?\Z", re.ASCII)

BYLINE_MAX_CHARS = 160

START_TAG = re.compile(r"<[A-Za-z]")

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


def html_parser() -> lxml_html.HTMLParser:
    """lxml.html's parser with its element classes looked up in C: lxml.html asks a Python
    method for the class of every element it hands out, and the page's elements are handed out
    tens of thousands of times (each walk of ours and of trafilatura, over the page and its
    copies), a tenth of reading a page. The classes are lxml.html's own (``HtmlElement``, and
    ``FormElement`` … for form tags), picked by the tag name the parser gives, always lower-case."""
    lookup = etree.ElementNamespaceClassLookup(
        etree.ElementDefaultClassLookup(
            element=lxml_html.HtmlElement,
            comment=lxml_html.HtmlComment,
            pi=lxml_html.HtmlProcessingInstruction,
            entity=lxml_html.HtmlEntity,
        )
    )
    lookup.get_namespace(None).update(
        lxml_html.HtmlElementClassLookup._default_element_classes)  # type: ignore[attr-defined]
    parser = lxml_html.HTMLParser()
    parser.set_element_class_lookup(lookup)
    return parser


HTML_PARSER = html_parser()


class Page(NamedTuple):
    """A page's lxml tree and its elements, in page order, as lxml handed them out (``read_page``;
    the elements ``drop_bad_names`` unwrapped are among them)."""

    tree: lxml_html.HtmlElement
    elements: list[lxml_html.HtmlElement]


def read_page(text: str, *, source: str, max_elements: int) -> Page:
    """The lxml tree of an HTML string (XML declaration and control characters removed, <br>
    spaced, names XML cannot write dropped; TooLarge for a page of more than ``max_elements``
    tags) with its elements. lxml builds an element's Python object when a walk reaches it and
    frees it when nothing holds it, so each walk of a page built them all anew, half its cost;
    a caller that holds ``elements`` while it reads the page has each built once, and its walks
    (links, image neighbours, the lead, the byline …) hand out the same objects."""
    refuse_huge(text, source=source, max_elements=max_elements)
    text = without_controls(XML_DECL.sub("", text, count=1))
    try:
        tree = lxml_html.document_fromstring(text, parser=HTML_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(
            f"{source}: not readable as HTML ({exc})", hint="Check that the file is an HTML page."
        ) from exc
    elements = list(tree.iter(etree.Element))
    for br in tree.iter("br"):
        br.tail = "\n" + (br.tail or "")  # "1.234<br>5" must not become "1.2345"
    drop_bad_names(tree, elements=elements)
    return Page(tree, elements)


def without_controls(text: str) -> str:
    """``text`` without CONTROL_CHARS, which the HTML parser would refuse. Whether it holds any
    is asked of its UTF-8 bytes, whose ``translate`` deletes CONTROL_BYTES in a third of the
    time the regex takes to search a page's characters through its class (0.2 against 0.6 ms
    for 80 KB); a page that holds some (few do) goes through the regex."""
    encoded = text.encode("utf-8", "surrogatepass")
    if len(encoded.translate(None, CONTROL_BYTES)) == len(encoded):
        return text
    return CONTROL_CHARS.sub("", text)


def parse_tree(text: str, *, source: str, max_elements: int) -> lxml_html.HtmlElement:
    """The tree of ``read_page`` alone."""
    return read_page(text, source=source, max_elements=max_elements).tree


def text_of(el: etree._Element) -> str:
    """What lxml.html's ``el.text_content()`` returns, every text node below ``el`` in order,
    at a third to a half of its cost: text_content() evaluates an XPath (string()) at each call,
    and a page asks for the texts of hundreds of its links and image neighbours. An element
    without children holds them all in ``.text``; the others are read by lxml's text
    serialiser, which asks libxml2 for the node's content as XPath's string() does."""
    if len(el) == 0:
        return el.text or ""
    return etree.tostring(el, method="text", encoding=str, with_tail=False)


def spaced_text(el: etree._Element) -> str:
    """``el``'s text (``text_of``) with each run of white space made one space, ends trimmed."""
    return " ".join(text_of(el).split())


def refuse_huge(text: str, *, source: str, max_elements: int) -> None:
    """TooLarge when the page opens more than ``max_elements`` tags, counted before any tree is
    built: reading costs ~50 µs and ~2 KB a tag (a page of a million tags, 8 MB, took 49 s of CPU
    and 1.9 GB), while an article page has a few thousand. A page with no more '<' than that
    is let through uncounted (every tag opens with one)."""
    if text.count("<") <= max_elements:
        return
    tags = START_TAG.finditer(text)
    if next(itertools.islice(tags, max_elements, None), None) is not None:
        raise TooLarge(
            f"{source}: more than {max_elements:,} HTML tags, far more than an article page has",
            hint="If it is one article, raise VBSP_HTML_MAX_ELEMENTS; reading takes ~50 ms per 1,000 tags.",
        )


def drop_bad_names(
    tree: lxml_html.HtmlElement, *, elements: list[lxml_html.HtmlElement] | None = None
) -> None:
    """Unwrap elements and drop attributes whose names XML cannot write ('<l">' in a broken
    page): trafilatura writes its result as XML and reads it back, which fails on them. The
    text inside an unwrapped element stays. A page uses a few dozen names thousands of times:
    each is matched once, and a page whose names are all good (nearly every page) is left after
    one walk. ``elements`` are the tree's, when the caller has them."""
    elements = list(tree.iter(etree.Element)) if elements is None else elements
    names = {el.tag for el in elements}.union(*(el.keys() for el in elements))
    bad = {name for name in names if not XML_NAME.match(str(name))}
    if not bad:
        return
    for el in elements:
        if not bad.isdisjoint(el.keys()):
            _drop_bad_attributes(el)
    for el in [el for el in elements if el.tag in bad]:
        if el.getparent() is not None:
            el.drop_tag()


def _drop_bad_attributes(el: etree._Element) -> None:
    """Keep only the attributes XML can name; lxml reads "{…}" in a name as a namespace, so a
    bad one cannot be deleted by its name: all go and the good ones come back."""
    attributes = el.items()
    el.attrib.clear()
    for name, value in attributes:
        if XML_NAME.match(name):
            el.set(name, value)


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
    text = spaced_text(el)
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
    for el in tree.iter("h2", "h3", "div", "p", "span"):  # the class first: text is costly
        if patterns.title.search(el.get("class", "")) and 0 < len(text_of(el).strip()) <= 300:
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
        text_of(headline) if headline is not None else None,
    ):
        if value and str(value).strip():
            return strip_site_name(" ".join(str(value).split()), tags.get("og:site_name"))
    if title_el is not None and text_of(title_el).strip():
        return longest_part(spaced_text(title_el))
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
        text = spaced_text(el)
        if text and len(text) <= 80 and not _in_comments(el, patterns=patterns):
            return text
    return None
