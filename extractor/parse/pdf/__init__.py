"""PDF → text with page offsets, word boxes, table cells and the administrative header (pdfplumber).

The stages of reading a PDF, one module each: ``content`` (a page's content streams read into
operators as pdfminer reads them, with one regular expression), ``chars`` (a page's chars and
words as pdfplumber reads them, without its per-char machinery), ``lines`` (words into lines,
two-column pages), ``tables`` (ruled and aligned tables), ``page`` (one page in reading order,
garbled pages), ``ocr`` (pages without a text layer), ``header`` (issuer, number, date, title,
signer of an official document) and ``writer`` (the document text with every word's box and every cell's headers).
``parse_pdf`` chains them. The header's patterns and the legacy encodings are ``rules/pdf.yaml``
(``PdfRules``).
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pdfplumber

from extractor.errors import InputError
from extractor.parse.layout import Loaded
from extractor.parse.pdf.header import admin_header, closing_start
from extractor.parse.pdf.lines import Line, Word, clean_word, group_lines, gutter, split_segments
from extractor.parse.pdf.ocr import ocr_available, ocr_lines, tsv_lines
from extractor.parse.pdf.page import (
    OcrMode,
    PageContent,
    by_columns,
    garble_reason,
    page_words,
    read_page,
    read_pages,
    text_layer,
)
from extractor.parse.pdf.tables import Table, aligned_tables, page_tables
from extractor.parse.pdf.writer import TextWriter
from extractor.parse.rules import PdfRules

__all__ = [
    "Line",
    "OcrMode",
    "PageContent",
    "Table",
    "TextWriter",
    "Word",
    "admin_header",
    "aligned_tables",
    "by_columns",
    "clean_word",
    "garble_reason",
    "group_lines",
    "gutter",
    "ocr_available",
    "ocr_lines",
    "open_pdf",
    "page_tables",
    "page_words",
    "parse_pdf",
    "pdf_meta",
    "read_page",
    "read_pages",
    "split_segments",
    "text_layer",
    "tsv_lines",
]


def open_pdf(raw: bytes, *, source: str) -> Any:
    """pdfplumber's document, or InputError naming the file when it is corrupt or encrypted."""
    try:
        pdf = pdfplumber.open(io.BytesIO(raw))
        _ = pdf.pages
    except Exception as exc:  # pdfminer raises many unrelated types on broken files
        name = type(exc).__name__
        hint = (
            "Remove the password and try again."
            if "Password" in name or "Encrypt" in name
            else "The PDF is corrupt or truncated: download it again or re-save it from a PDF viewer."
        )
        raise InputError(f"{source}: cannot read PDF ({name}: {exc})", hint=hint) from exc
    return pdf


def pdf_meta(pdf: Any) -> dict[str, str]:
    """The PDF's own metadata (title, author, creator, producer, creation date) and page count."""
    info = {
        k.lower(): str(v)
        for k, v in (pdf.metadata or {}).items()
        if isinstance(v, (str, bytes)) and str(v).strip()
    }
    keys = {
        "title": "pdf_title",
        "author": "pdf_author",
        "creator": "pdf_creator",
        "producer": "pdf_producer",
        "creationdate": "pdf_creation_date",
    }
    meta = {new: info[old] for old, new in keys.items() if old in info}
    meta["page_count"] = str(len(pdf.pages))
    return meta


def parse_pdf(raw: bytes, *, source: str, rules: PdfRules, ocr: OcrMode = "auto") -> Loaded:
    """Read a PDF into a Loaded document with pages, word boxes, table cells and header metadata."""
    with open_pdf(raw, source=source) as pdf:
        contents = read_pages(pdf, ocr=ocr, encodings=rules.legacy_encodings)
        meta = pdf_meta(pdf)
    writer = TextWriter()
    for content in contents:
        writer.add_page(content, closing=closing_start(content, rules.header.recipients))
    header = admin_header(contents[0], contents[-1], rules.header) if contents else {}
    meta.update(header)
    if "issued" in header:
        meta["date_source"] = "document header"
    warnings = tuple(w for c in contents for w in c.warnings)
    if not writer.text.strip():
        warnings += (f"{source}: no text could be read from any page",)
    return Loaded(
        raw=raw,
        source=source,
        content_type="application/pdf",
        text=writer.text,
        title=header.get("title") or meta.get("pdf_title") or _first_line(writer.text),
        published=dt.date.fromisoformat(header["issued"]) if "issued" in header else None,
        meta=meta,
        language="vi" if header else None,
        pages=tuple(writer.pages),
        boxes=tuple(writer.boxes),
        cells=tuple(writer.cells),
        regions=tuple(writer.regions),
        warnings=warnings,
    )


def _first_line(text: str) -> str | None:
    """The first non-empty line, as a fallback title."""
    return next((line.strip() for line in text.splitlines() if line.strip()), None)
