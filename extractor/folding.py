"""One diacritic fold for every stage: matching, look-ups, search and ASCII ids.

Vietnamese letters lose their marks ("ệ" → "e") and "đ" becomes "d" (Unicode gives it no
decomposition, so every ad-hoc fold forgot it once). The fold keeps each character's place:
offsets into a folded copy are offsets into the text.
"""

from __future__ import annotations

import unicodedata


def _fold_char(ch: str) -> str:
    """A letter without its diacritics ("ệ" → "e", "Đ" → "D"); other characters unchanged."""
    if ch in "\u0111\u0110":
        return "d" if ch == "\u0111" else "D"
    base = unicodedata.normalize("NFD", ch)[0]
    return base if base.isascii() and base.isalpha() else ch


_FOLD = {
    ord(ch): _fold_char(ch)
    for ch in map(chr, range(0xC0, 0x1EFA))
    if ch.isalpha() and _fold_char(ch) != ch
}
# ``str.translate`` raises and swallows a LookupError for each character its table lacks, so
# the table lists every character up to the last folded one, most of them as themselves.
_FOLD_TABLE = [ord(_FOLD.get(code, chr(code))) for code in range(max(_FOLD) + 1)]


def fold(text: str) -> str:
    """Drop Vietnamese diacritics, keeping case and length (offsets stay valid).

    >>> fold("Thừa Thiên Huế, Đắk Lắk, QĐ-TTg")
    'Thua Thien Hue, Dak Lak, QD-TTg'
    """
    # ASCII text has nothing to fold (and translating it still costs a lookup per character).
    return text if text.isascii() else text.translate(_FOLD_TABLE)


def fold_key(text: str) -> str:
    """Lower case, folded, single spaces: the key of loose look-ups ("Nghệ  An" → "nghe an").

    >>> fold_key("  Tổng  Dư Nợ ")
    'tong du no'
    """
    return " ".join(fold(text).lower().split())


def fold_lower(text: str) -> str:
    """Folded and lower-cased character for character: offsets into it are offsets into ``text``
    (``str.lower`` alone turns "İ" into two characters).

    >>> fold_lower("Đắk  Lắk İ")
    'dak  lak i'
    """
    lowered = fold(text).lower()
    # ``lower`` never shortens a character, so an unchanged length means none was lengthened.
    return lowered if len(lowered) == len(text) else "".join(ch.lower()[:1] for ch in fold(text))
