"""Vietnamese or English, decided from the text itself (function words, then diacritics)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from extractor.models import Language
from extractor.registry.files import Strict

WORD = re.compile(r"[^\W\d_]+")


class LanguageCues(Strict):
    """``rules/language.yaml``: function words of each language and the Vietnamese letters."""

    vi: frozenset[str]
    en: frozenset[str]
    vi_letters: str


def _diacritic_share(words: list[str], vi_letters: str) -> float:
    """The share of letters that are Vietnamese letters or carry a diacritic. A letter with a
    decomposition is beyond ASCII, so only the letters beyond ASCII are looked at (an English
    text has few), each distinct one once, and the ones unmarked (rare) are counted out."""
    letters = "".join(words)
    if not letters:
        return 0.0
    # Counted in C: the letters beyond ASCII are those the ASCII encoding drops, and only the
    # distinct letters are looked at one by one (a regex pass cutting out each ASCII run cost as
    # much as the rest of the detection).
    beyond = len(letters) - len(letters.encode("ascii", "ignore"))
    unmarked = sum(letters.count(ch) for ch in set(letters) if not ch.isascii() and not _marked(ch, vi_letters))
    marked_ascii = sum(letters.count(ch) for ch in set(vi_letters) if ch.isascii())
    return (beyond - unmarked + marked_ascii) / len(letters)


@lru_cache(maxsize=4096)  # letters a text uses; bounded against a hostile one
def _marked(ch: str, vi_letters: str) -> bool:
    """Whether a letter is a Vietnamese letter or carries a diacritic (has a decomposition)."""
    return ch in vi_letters or bool(unicodedata.decomposition(ch))


def detect(text: str, table: LanguageCues, *, sample: int = 20000) -> tuple[Language, str]:
    """("vi" | "en", evidence): the language with more function words; diacritics break ties."""
    words = WORD.findall(text[:sample])
    # Counted in C: each word lower-cased, then only the function words among the distinct ones
    # summed (a Python loop over every distinct word cost most of the detection).
    counts = Counter(map(str.lower, words))
    vi = sum(map(counts.__getitem__, table.vi & counts.keys()))
    en = sum(map(counts.__getitem__, table.en & counts.keys()))
    share = _diacritic_share(words, table.vi_letters)
    evidence = f"function words vi={vi} en={en}; diacritic letters {share:.0%}"
    if vi == en:
        return ("vi" if share > 0.1 else "en"), evidence
    return ("vi" if vi > en else "en"), evidence
