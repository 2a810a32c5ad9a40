"""Parse: raw bytes → clean text + metadata + layout (``Loaded``), dispatching on content sniffing.

``load_bytes`` looks at the bytes first (PDF magic even when served as octet-stream, HTML
markers), the declared content type and the file suffix second.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from extractor.errors import InputError, UnsupportedFormat
from extractor.parse.layout import Loaded, PageSpan, TableCell, TextBox, attach_layout

if TYPE_CHECKING:
    from extractor.models import Extraction

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
    "extract_loaded",
    "load_bytes",
    "load_path",
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
        or b"\x00" in raw[:1024]
        and not raw.startswith((b"\xff\xfe", b"\xfe\xff"))
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


def load_bytes(
    raw: bytes, *, source: str, content_type: str | None = None, ocr: OcrMode = "auto"
) -> Loaded:
    """Read raw bytes of a PDF, HTML page or text file into a Loaded document."""
    if not raw.strip():
        raise InputError(
            f"{source}: empty document", hint="Check the file or URL; nothing was downloaded."
        )
    kind = sniff(raw, content_type=content_type, source=source)
    if kind == "pdf":
        from extractor.parse.pdf import parse_pdf

        return parse_pdf(raw, source=source, ocr=ocr)
    if kind == "html":
        from extractor.parse.html import parse_html

        return parse_html(raw, source=source, content_type=content_type)
    return load_text(raw, source=source)


def load_text(raw: bytes, *, source: str) -> Loaded:
    """A plain-text document via extractor.parse.text (title from the first line, date line)."""
    from extractor.parse.text import read_text

    doc = read_text(raw, source=source)
    meta = {"source_url": doc.source_url} if doc.source_url else {}
    return Loaded(
        raw=raw,
        source=source,
        content_type="text/plain",
        text=doc.text,
        title=doc.title,
        published=doc.published,
        meta=meta,
    )


def load_path(path: str | Path, *, ocr: OcrMode = "auto") -> Loaded:
    """Read a file into a Loaded document; InputError naming the file when it cannot be read."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file", hint="Check the path.") from None
    except OSError as exc:
        raise InputError(
            f"{path}: cannot read ({exc.strerror})", hint="Check the file's permissions."
        ) from None
    return load_bytes(raw, source=str(path), ocr=ocr)


def extract_loaded(loaded: Loaded, *, lang: Literal["auto", "en", "vi"] = "auto") -> Extraction:
    """Run the NLP pipeline on a loaded document, then attach its layout and warnings.

    The language is detected from the text unless given: a page's declared language (kept in
    ``meta["declared_language"]``) is often a site-wide template value. For HTML the page's own
    metadata is the only source of the publication date, never a date line found in the body.
    """
    from extractor.nlp.pipeline import extract_text

    meta = dict(loaded.meta)
    if loaded.language:
        meta["declared_language"] = loaded.language
    extraction = extract_text(
        loaded.text,
        source=loaded.source,
        lang=lang,
        published=loaded.published,
        raw=loaded.raw,
        title=loaded.title,
        meta=meta,
        content_type=loaded.content_type,
    )
    if loaded.content_type == "text/html" and extraction.document.published != loaded.published:
        document = extraction.document.model_copy(update={"published": loaded.published})
        extraction = extraction.model_copy(update={"document": document})
    if loaded.cells:
        from extractor.nlp.tables import with_table_figures

        extraction = with_table_figures(extraction, loaded.cells)
    extraction = attach_layout(extraction, loaded)
    if loaded.warnings:
        extraction = extraction.model_copy(
            update={"warnings": loaded.warnings + extraction.warnings}
        )
    return extraction
