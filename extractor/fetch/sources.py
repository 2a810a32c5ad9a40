r"""Crawl sources: a URL, a file, a folder, a sitemap, a feed, or a list page with a follow pattern.

Every source yields ``RawItem`` (raw bytes + where they came from) or ``Failed`` (why not), so a
batch goes on past a bad URL or file and the caller can count fetched / unchanged / failed::

    with Fetcher(FetchOptions(delay=1.0)) as web:
        for item in iter_source(url, fetcher=web, follow=r"/tin-tuc/.+\.html$", max_pages=5):
            if isinstance(item, Failed): ...          # item.reason, item.kind, item.hint
            elif item.not_modified: ...               # 304: the store already holds it
            else: loaded = load_bytes(item.raw, source=item.source, content_type=item.content_type)
"""

from __future__ import annotations

import datetime as dt
import gzip
import re
from collections.abc import Collection, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Literal
from urllib.parse import urldefrag, urljoin

from lxml import etree
from lxml import html as lxml_html
from pydantic import BaseModel, ConfigDict

from extractor.errors import ExtractorError, FetchError
from extractor.fetch import Fetcher, FetchFailed, FetchResult
from extractor.parse.dates import parse_date
from extractor.registry.bundle import bundled

SourceKind = Literal["auto", "url", "file", "folder", "sitemap", "feed", "list", "urls"]
DOCUMENT_SUFFIXES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".pdf": "application/pdf",
    ".txt": "text/plain",
}
MAX_SITEMAP_DEPTH = 3


class RawItem(BaseModel):
    """Raw bytes of one document and where they came from; nothing parsed yet."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: str
    raw: bytes = b""
    content_type: str | None = None
    final_url: str | None = None
    status: int | None = None
    not_modified: bool = False
    etag: str | None = None
    last_modified: str | None = None
    found_via: str | None = None
    published: dt.date | None = None  # a date the feed states for the entry, if any


class Failed(BaseModel):
    """A document that could not be got, with the reason and what to do; the batch goes on."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: str
    reason: str
    kind: str = "error"
    hint: str = ""
    found_via: str | None = None


Item = RawItem | Failed


def is_url(spec: str) -> bool:
    """True for http(s) URLs."""
    return spec.startswith(("http://", "https://"))


def iter_source(
    spec: str,
    *,
    fetcher: Fetcher | None = None,
    kind: SourceKind = "auto",
    follow: str | None = None,
    max_pages: int = 10,
    limit: int | None = None,
    next_words: Collection[str] | None = None,
) -> Iterator[Item]:
    """Every document one source spec leads to (``max_pages`` list pages; ``limit`` documents;
    ``next_words`` the anchor texts of a next-page link, by default those of ``rules/html.yaml``)."""
    items = _dispatch(spec, fetcher=fetcher, kind=kind, follow=follow, max_pages=max_pages,
                      next_words=next_words)
    for count, item in enumerate(items, start=1):
        yield item
        if limit is not None and count >= limit:
            return


def _dispatch(
    spec: str, *, fetcher: Fetcher | None, kind: SourceKind, follow: str | None, max_pages: int,
    next_words: Collection[str] | None,
) -> Iterator[Item]:
    """Route a spec to the right walker."""
    if kind in ("file", "folder") or (kind == "auto" and not is_url(spec)):
        return iter_path(Path(spec))
    if kind == "urls":
        return _iter_url_list(Path(spec), fetcher=_need(fetcher, spec))
    web = _need(fetcher, spec)
    if kind == "list" or (kind == "auto" and follow):
        problem = _pattern_problem(follow)
        if problem:
            hint = "Pass follow='a regular expression matching the article URLs', e.g. '/tin-tuc/.+\\.html$'."
            return iter([Failed(source=spec, reason=problem, kind="usage", hint=hint)])
        return iter_list_pages(spec, follow=follow or "", fetcher=web, max_pages=max_pages,
                               next_words=next_words)
    if kind == "sitemap":
        return iter_sitemap(spec, fetcher=web)
    if kind == "feed":
        return iter_feed(spec, fetcher=web)
    return iter_url_auto(spec, fetcher=web)


def _need(fetcher: Fetcher | None, spec: str) -> Fetcher:
    """The fetcher, or a FetchError when a URL source was given without one."""
    if fetcher is None:
        raise FetchError(
            f"{spec}: a URL source needs a Fetcher",
            hint="Create Fetcher(FetchOptions(...)) and pass it.",
        )
    return fetcher


def _pattern_problem(follow: str | None) -> str | None:
    """What is wrong with a follow pattern, if anything."""
    if not follow:
        return "a list page needs a follow pattern"
    try:
        re.compile(follow)
    except re.error as exc:
        return f"the follow pattern {follow!r} is not a valid regular expression ({exc})"
    return None


def _iter_url_list(path: Path, *, fetcher: Fetcher) -> Iterator[Item]:
    """Fetch the URLs listed in a file; a missing file is one failure."""
    try:
        urls = _read_url_list(path)
    except OSError as exc:
        yield Failed(
            source=str(path),
            reason=f"cannot read the URL list ({exc.strerror})",
            kind="missing",
            hint="Give a text file with one URL a line.",
        )
        return
    yield from iter_urls(urls, fetcher=fetcher)


def _read_url_list(path: Path) -> list[str]:
    """URLs from a file, one a line; blank lines and # comments ignored."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


# --- files and folders -------------------------------------------------------------------


def iter_path(path: Path) -> Iterator[Item]:
    """One file, or every .html/.pdf/.txt file under a folder (sorted, hidden files skipped)."""
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            if not any(part.startswith(".") for part in child.relative_to(path).parts):
                yield read_file(child)
    elif path.exists():
        yield read_file(path)
    else:
        yield Failed(
            source=str(path),
            reason="no such file or folder",
            kind="missing",
            hint="Check the path, or give a URL starting with http(s)://.",
        )


def read_file(path: Path) -> Item:
    """A file as a RawItem, or Failed when it is not a document we read or cannot be read."""
    content_type = DOCUMENT_SUFFIXES.get(path.suffix.lower())
    if content_type is None:
        return Failed(
            source=str(path),
            reason=f"skipped: {path.suffix or 'no suffix'} is not .html, .pdf or .txt",
            kind="skipped",
            hint="Rename or convert the file if it is a document.",
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Failed(
            source=str(path),
            reason=f"cannot read: {exc.strerror}",
            kind="unreadable",
            hint="Check the file's permissions.",
        )
    return RawItem(source=str(path), raw=raw, content_type=content_type)


# --- URLs ----------------------------------------------------------------------------------


def fetch_item(
    url: str,
    *,
    fetcher: Fetcher,
    found_via: str | None = None,
    conditional: bool = True,
    published: dt.date | None = None,
) -> Item:
    """Fetch one URL into a RawItem, or a Failed with the fetcher's reason and hint."""
    try:
        result = fetcher.fetch(url, conditional=conditional)
    except ExtractorError as exc:
        kind = exc.kind if isinstance(exc, FetchFailed) else "error"
        return Failed(source=url, reason=exc.message, kind=kind, hint=exc.hint, found_via=found_via)
    return to_item(result, found_via=found_via).model_copy(update={"published": published})


def to_item(result: FetchResult, *, found_via: str | None = None) -> RawItem:
    """A FetchResult as a RawItem."""
    return RawItem(
        source=result.url,
        raw=result.body,
        content_type=result.content_type,
        final_url=result.final_url,
        status=result.status,
        not_modified=result.not_modified,
        etag=result.etag,
        last_modified=result.last_modified,
        found_via=found_via,
    )


def iter_urls(
    urls: Iterable[str],
    *,
    fetcher: Fetcher,
    found_via: str | None = None,
    published: Mapping[str, dt.date] | None = None,
) -> Iterator[Item]:
    """Fetch each URL once, in order; failures are yielded, not raised."""
    seen: set[str] = set()
    dates = published or {}
    for url in urls:
        if url not in seen:
            seen.add(url)
            yield fetch_item(url, fetcher=fetcher, found_via=found_via, published=dates.get(url))


def iter_url_auto(url: str, *, fetcher: Fetcher) -> Iterator[Item]:
    """A URL: a sitemap or feed is walked; anything else is the document itself."""
    item = fetch_item(url, fetcher=fetcher)
    if isinstance(item, Failed) or item.not_modified:
        yield item
        return
    shape = xml_shape(item.raw)
    if shape == "sitemap":
        yield from _walk_sitemap(item, fetcher=fetcher, depth=0)
    elif shape == "feed":
        yield from _walk_feed(item, base=item.final_url or url, fetcher=fetcher)
    else:
        yield item


# --- sitemaps and feeds --------------------------------------------------------------------


def _xml_root(raw: bytes) -> etree._Element | None:
    """The root of an XML document (gunzipped if needed), or None; never resolves entities."""
    if raw[:2] == b"\x1f\x8b":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError):
            return None
    head = raw[:1024].lstrip()
    if not head.startswith(
        (b"<?xml", b"<urlset", b"<sitemapindex", b"<rss", b"<feed", b"<rdf", b"\xef\xbb\xbf<")
    ):
        return None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        return etree.fromstring(raw, parser=parser)
    except etree.XMLSyntaxError:
        return None


def _local(tag: object) -> str:
    """An element's tag without its namespace."""
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def xml_shape(raw: bytes) -> Literal["sitemap", "sitemapindex", "feed", "other"]:
    """What an XML body is: a sitemap, a sitemap index, a feed, or something else."""
    root = _xml_root(raw)
    if root is None:
        return "other"
    name = _local(root.tag)
    if name in ("urlset", "sitemapindex"):
        return "sitemap"
    if name in ("rss", "feed", "rdf"):
        return "feed"
    return "other"


def sitemap_locs(raw: bytes) -> tuple[list[str], list[str]]:
    """(page URLs, child sitemap URLs) listed in a sitemap or sitemap index."""
    root = _xml_root(raw)
    if root is None:
        return [], []
    locs = [(el.text or "").strip() for el in root.iter() if _local(el.tag) == "loc"]
    locs = [loc for loc in locs if loc]
    return ([], locs) if _local(root.tag) == "sitemapindex" else (locs, [])


def iter_sitemap(url: str, *, fetcher: Fetcher) -> Iterator[Item]:
    """Every page a sitemap (or sitemap index, recursively) lists (sitemaps fetched fresh)."""
    item = fetch_item(url, fetcher=fetcher, conditional=False)
    if isinstance(item, Failed):
        yield item
        return
    yield from _walk_sitemap(item, fetcher=fetcher, depth=0)


def _walk_sitemap(item: RawItem, *, fetcher: Fetcher, depth: int) -> Iterator[Item]:
    """Pages of a fetched sitemap; child sitemaps are followed up to a fixed depth."""
    pages, children = sitemap_locs(item.raw)
    if not pages and not children:
        yield Failed(
            source=item.source,
            reason="not a sitemap (no <loc> entries)",
            kind="not_sitemap",
            hint="Give the sitemap.xml URL, or use the URL as a plain page.",
        )
        return
    yield from iter_urls(pages, fetcher=fetcher, found_via=item.source)
    for child in children:
        if depth >= MAX_SITEMAP_DEPTH:
            yield Failed(source=child, reason="sitemap index nested too deep", kind="too_deep")
            continue
        sub = fetch_item(child, fetcher=fetcher, found_via=item.source, conditional=False)
        yield from (
            [sub]
            if isinstance(sub, Failed)
            else _walk_sitemap(sub, fetcher=fetcher, depth=depth + 1)
        )


def feed_entries(raw: bytes, *, base: str) -> list[tuple[str, dt.date | None]]:
    """(absolute link, stated date) of each RSS 2.0, RSS 1.0 (RDF) or Atom entry, in feed order."""
    root = _xml_root(raw)
    if root is None:
        return []
    entries = []
    for entry in (el for el in root.iter() if _local(el.tag) in ("item", "entry")):
        link = _entry_link(entry)
        if link:
            entries.append((urljoin(base, link), _entry_date(entry)))
    return entries


def feed_links(raw: bytes, *, base: str) -> list[str]:
    """Article links in a feed, absolute, in feed order."""
    return [link for link, _ in feed_entries(raw, base=base)]


def _entry_date(entry: etree._Element) -> dt.date | None:
    """The publication date a feed entry states (pubDate, published, dc:date, then updated)."""
    stated = {_local(child.tag): (child.text or "").strip() for child in entry}
    for key in ("pubdate", "published", "date", "issued", "updated"):
        found = parse_date(stated.get(key)) if stated.get(key) else None
        if found:
            return found
    return None


def _entry_link(entry: etree._Element) -> str | None:
    """The link of one feed entry: RSS <link>text</link> or Atom <link rel="alternate" href>."""
    for child in entry:
        if _local(child.tag) != "link":
            continue
        href = str(child.get("href") or "")
        if href and child.get("rel", "alternate") == "alternate":
            return href.strip()
        if not href and (child.text or "").strip():
            return (child.text or "").strip()
    return None


def iter_feed(url: str, *, fetcher: Fetcher) -> Iterator[Item]:
    """Every article an RSS/Atom feed links to (the feed itself fetched fresh every time)."""
    item = fetch_item(url, fetcher=fetcher, conditional=False)
    if isinstance(item, Failed):
        yield item
        return
    yield from _walk_feed(item, base=item.final_url or url, fetcher=fetcher)


def _walk_feed(item: RawItem, *, base: str, fetcher: Fetcher) -> Iterator[Item]:
    """The entries of a fetched feed, each carrying the date the feed gives it."""
    entries = feed_entries(item.raw, base=base)
    if not entries:
        yield Failed(
            source=item.source,
            reason="not a feed (no items with links)",
            kind="not_feed",
            hint="Give the RSS/Atom URL, or use the URL as a plain page.",
        )
        return
    dates = {link: day for link, day in entries if day is not None}
    yield from iter_urls(
        [link for link, _ in entries], fetcher=fetcher, found_via=item.source, published=dates
    )


# --- list pages with pagination ------------------------------------------------------------


def page_links(raw: bytes, *, base: str) -> list[tuple[str, str, str]]:
    """(absolute URL without fragment, anchor text, rel+class) of every link on an HTML page."""
    try:
        doc = lxml_html.document_fromstring(raw)
    except (etree.ParserError, ValueError):
        return []
    out = []
    for anchor in doc.iter("a", "link"):
        href = anchor.get("href")
        if href and not href.startswith(("javascript:", "mailto:", "tel:")):
            url = urldefrag(urljoin(base, href.strip()))[0]
            hints = f"{anchor.get('rel', '')} {anchor.get('class', '')}".lower()
            out.append((url, " ".join(anchor.text_content().split()).lower(), hints))
    return out


def next_page(
    links: list[tuple[str, str, str]], *, seen: set[str], words: Collection[str], number: int = 1
) -> str | None:
    """The pagination link: rel/class "next" or an anchor reading one of ``words`` ("next", "»"),
    else the anchor "number+1"."""
    fresh = [(url, text, hints) for url, text, hints in links if url not in seen]
    for url, text, hints in fresh:
        if "next" in hints or text in words or text.strip(" »›>") in words:
            return url
    return next((url for url, text, _ in fresh if text == str(number + 1)), None)


def iter_list_pages(
    start: str, *, follow: str, fetcher: Fetcher, max_pages: int = 10,
    next_words: Collection[str] | None = None,
) -> Iterator[Item]:
    """Articles linked from a list page (URLs matching ``follow``), walking up to ``max_pages`` pages
    by its next-page links (``next_words``: by default those of ``rules/html.yaml``)."""
    pattern = re.compile(follow)
    words = bundled().html.next_page_words if next_words is None else next_words
    pages_seen: set[str] = set()
    articles_seen: set[str] = set()
    page: str | None = start
    while page is not None and len(pages_seen) < max_pages:
        pages_seen.add(page)
        listing = fetch_item(page, fetcher=fetcher, conditional=False)  # its links may be new
        if isinstance(listing, Failed):
            yield listing
            return
        links = page_links(listing.raw, base=listing.final_url or page)
        targets = [
            u
            for u, _, _ in links
            if pattern.search(u) and u not in articles_seen and u not in pages_seen
        ]
        articles_seen.update(targets)
        yield from iter_urls(targets, fetcher=fetcher, found_via=page)
        page = next_page(links, seen=pages_seen, words=words, number=len(pages_seen))
