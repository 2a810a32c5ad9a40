"""Parse: raw bytes → clean text + metadata + layout (``Loaded``), dispatching on content sniffing.

``load_bytes`` looks at the bytes first (PDF magic even when served as octet-stream, HTML
markers), the declared content type and the file suffix second. What the text itself states
(a title line, a date line, a "Source:" URL) fills what the format's metadata left open; an
HTML page's publication date comes from its metadata and byline only. Parsing knows nothing of
figures: the NLP stage reads the ``Loaded`` text.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from extractor.collector import collector_paused
from extractor.errors import InputError, UnsupportedFormat
from extractor.parse.layout import Loaded, PageSpan, TableCell, TextBox, attach_layout
from extractor.parse.text import TextRules, clean, read_metadata, read_text

if TYPE_CHECKING:
    from extractor.registry.bundle import Registry

Kind = Literal["pdf", "html", "text"]
OcrMode = Literal["auto", "never"]
HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)
HTML_ANYWHERE = re.compile(rb"<(?:html|body|article|div|p)[\s>]", re.IGNORECASE)
BINARY_MAGIC = (
    b"PK\x03\x04",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"\xd0\xcf\x11\xe0",
    b"\x1f\x8b",
)

__all__ = [
    "Loaded",
    "PageSpan",
    "TableCell",
    "TextBox",
    "attach_layout",
    "load_bytes",
    "load_path",
    "path_source",
    "sniff",
]


def _strip_bom(raw: bytes) -> bytes:
    """Bytes without a UTF-8 BOM, for sniffing."""
    return raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw


def sniff(raw: bytes, *, content_type: str | None = None, source: str = "") -> Kind:
    """What the bytes are: PDF by magic number, HTML by markup, else text; declared type last."""
    head = _strip_bom(raw[:4096])
    if b"%PDF-" in raw[:1024]:
        return "pdf"
    if HTML_START.match(head):
        return "html"
    declared = (content_type or "").split(";")[0].strip().lower()
    suffix = Path(source.split("?")[0]).suffix.lower()
    if declared == "application/pdf" or suffix == ".pdf":
        raise InputError(
            f"{source}: declared a PDF but has no PDF header (corrupt or truncated?)",
            hint="Download the file again or open it in a PDF viewer to check it.",
        )
    if (
        raw.startswith(BINARY_MAGIC)
        or (b"\x00" in raw[:1024] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")))
    ):
        raise UnsupportedFormat(
            f"{source}: binary content ({declared or 'unknown type'}) is not a document we read"
        )
    if (
        declared in ("text/html", "application/xhtml+xml")
        or suffix in (".html", ".htm")
        or HTML_ANYWHERE.search(head)
    ):
        return "html"
    return "text"


@collector_paused()
def load_bytes(raw: bytes, *, source: str, registry: Registry, content_type: str | None = None,
               ocr: OcrMode = "auto") -> Loaded:
    """Read raw bytes of a PDF, HTML page or text file into a Loaded document."""
    if not raw.strip():
        raise InputError(
            f"{source}: empty document", hint="Check the file or URL; nothing was downloaded."
        )
    kind = sniff(raw, content_type=content_type, source=source)
    # The PDF and HTML readers import pdfplumber and trafilatura: only when a document needs them.
    if kind == "pdf":
        from extractor.parse.pdf import parse_pdf

        loaded = parse_pdf(raw, source=source, rules=registry.pdf, ocr=ocr)
    elif kind == "html":
        from extractor.parse.html import parse_html

        loaded = parse_html(raw, source=source, rules=registry.html, content_type=content_type)
    else:
        loaded = load_text(raw, source=source, rules=registry.text)
    return with_stated_metadata(loaded, registry.text)


def load_text(raw: bytes, *, source: str, rules: TextRules) -> Loaded:
    """A plain-text document via extractor.parse.text (title from the first line, date line)."""
    doc = read_text(raw, source=source, rules=rules)
    meta = {"source_url": doc.source_url} if doc.source_url else {}
    return Loaded(raw=raw, source=source, content_type="text/plain", text=doc.text,
                  title=doc.title, published=doc.published, meta=meta, warnings=doc.warnings)


def with_stated_metadata(loaded: Loaded, rules: TextRules) -> Loaded:
    """The document with its text clean, and what the text states (title, date line, source
    URL) where the format gave nothing; an HTML page's date comes from its metadata only."""
    text = clean(loaded.text)
    dated = loaded.published is None and loaded.content_type != "text/html"
    stated = read_metadata(text, rules, dated=dated)
    published = stated.published if dated else loaded.published
    meta = {"source_url": stated.source_url, **loaded.meta} if stated.source_url else loaded.meta
    return loaded.model_copy(update={"text": text, "title": loaded.title or stated.title,
                                     "published": published, "meta": meta})


def path_source(path: str | Path) -> str:
    """A path as the text of a source or a message: bytes of a file name that are not UTF-8
    written as ``\\xff`` escapes (Python reads them as lone surrogates, which can be neither
    stored nor printed).

    >>> path_source(os.fsdecode(b"bad\\xffname.txt"))
    'bad\\\\xffname.txt'
    """
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def load_path(path: str | Path, *, registry: Registry, ocr: OcrMode = "auto") -> Loaded:
    """Read a file into a Loaded document; InputError naming the file when it cannot be read."""
    path, source = Path(path), path_source(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{source}: no such file", hint="Check the path.") from None
    except OSError as exc:
        raise InputError(
            f"{source}: cannot read ({exc.strerror})", hint="Check the file's permissions."
        ) from None
    return load_bytes(raw, source=source, registry=registry, ocr=ocr)
