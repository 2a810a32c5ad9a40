"""Vietnamese or English, decided from the text itself (function words, then diacritics)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from extractor.models import Language
from extractor.registry.files import Strict

WORD = re.compile(r"[^\W\d_]+")


class LanguageCues(Strict):
    """``rules/language.yaml``: function words of each language and the Vietnamese letters."""

    vi: frozenset[str]
    en: frozenset[str]
    vi_letters: str


def _diacritic_share(words: list[str], vi_letters: str) -> float:
    """The share of letters that are Vietnamese letters or carry a diacritic. Each distinct
    letter is looked up once and only the marked ones are counted (``str.count``): an English
    text has few of them, and counting every letter cost as much as finding the words."""
    letters = "".join(words)
    marked = sum(letters.count(ch) for ch in set(letters)
                 if ch in vi_letters or unicodedata.decomposition(ch))
    return marked / len(letters) if letters else 0.0


def detect(text: str, table: LanguageCues, *, sample: int = 20000) -> tuple[Language, str]:
    """("vi" | "en", evidence): the language with more function words; diacritics break ties."""
    words = WORD.findall(text[:sample])
    counts = Counter(map(str.lower, words))
    vi = sum(n for word, n in counts.items() if word in table.vi)
    en = sum(n for word, n in counts.items() if word in table.en)
    share = _diacritic_share(words, table.vi_letters)
    evidence = f"function words vi={vi} en={en}; diacritic letters {share:.0%}"
    if vi == en:
        return ("vi" if share > 0.1 else "en"), evidence
    return ("vi" if vi > en else "en"), evidence
