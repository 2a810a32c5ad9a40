"""Bytes → text: a BOM, valid UTF-8 (or UTF-8 but for a few bytes, replaced and counted), the
charset the server or the page declares, then detection; always NFC (windows-1258 pages carry
tones as combining marks)."""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from extractor.parse.text import Decoded, mostly_utf8, utf8_replacing

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


def decode(raw: bytes, *, declared: str | None = None) -> Decoded:
    """Decode bytes (NFC): BOM, UTF-8 (a few invalid bytes replaced), declared charsets, then
    detection. Bytes that are UTF-8 but for a few come before a declared charset, as valid
    UTF-8 always did: a legacy charset almost never forms valid multi-byte sequences."""
    if raw.startswith(codecs.BOM_UTF8):
        return _nfc(utf8_replacing(raw[len(codecs.BOM_UTF8):]))
    for bom in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if raw.startswith(bom):
            return Decoded(nfc(raw.decode("utf-16", errors="replace")), "utf-16")
    try:  # valid UTF-8, nearly every page: nothing to replace or count (mostly_utf8 scans for it)
        return Decoded(nfc(raw.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    found = mostly_utf8(raw)
    if found is not None:
        return _nfc(found)
    for codec in (c for c in (known_codec(declared), known_codec(_meta_charset(raw))) if c):
        try:
            return Decoded(nfc(raw.decode(codec)), codec)
        except UnicodeDecodeError:
            continue
    best = from_bytes(raw).best()
    if best is not None:
        return Decoded(nfc(str(best)), best.encoding)
    return Decoded(nfc(raw.decode("cp1252", errors="replace")), "cp1252")


def _nfc(decoded: Decoded) -> Decoded:
    """``decoded`` with its text NFC."""
    return decoded._replace(text=nfc(decoded.text))


def _meta_charset(raw: bytes) -> str | None:
    """The charset a page declares in a <meta> tag within its first 4 KB."""
    match = META_CHARSET.search(raw[:4096])
    return match.group(1).decode("ascii", errors="ignore") if match else None


def nfc(text: str) -> str:
    """NFC-normalise: windows-1258 pages carry tones as combining marks."""
    return unicodedata.normalize("NFC", text)
