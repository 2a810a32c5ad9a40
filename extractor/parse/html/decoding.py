"""Bytes → text: a BOM, valid UTF-8, the charset the server or the page declares, then detection;
always NFC (windows-1258 pages carry tones as combining marks)."""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)


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
            return nfc(raw.decode(codec, errors="replace")), codec
    candidates = ["utf-8", known_codec(declared), known_codec(_meta_charset(raw))]
    for codec in (c for c in candidates if c):
        try:
            return nfc(raw.decode(codec)), codec
        except UnicodeDecodeError:
            continue
    best = from_bytes(raw).best()
    if best is not None:
        return nfc(str(best)), best.encoding
    return nfc(raw.decode("cp1252", errors="replace")), "cp1252"


def _meta_charset(raw: bytes) -> str | None:
    """The charset a page declares in a <meta> tag within its first 4 KB."""
    match = META_CHARSET.search(raw[:4096])
    return match.group(1).decode("ascii", errors="ignore") if match else None


def nfc(text: str) -> str:
    """NFC-normalise: windows-1258 pages carry tones as combining marks."""
    return unicodedata.normalize("NFC", text)
