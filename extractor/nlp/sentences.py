"""Sentence boundaries from the raw text, robust to "Directive No. 40-CT/TW" and "TP. HCM".

A boundary is a line break, or sentence-final punctuation followed by a space (or an ellipsis
followed by nothing) and a capital letter, digit or opening quote, unless the word before the
stop is an abbreviation of the language's lexicon ("No.", "Mr.", "TP."; listed without the
stop). Computed with one regex pass over the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

# Sentence-final punctuation with what closes it and the spaces after it (none after an
# ellipsis, which pages glue to the next sentence: "… were given loans…The bank …"; none before
# a letter either, for wire copy that lost its spaces: "… in March.The bank …", judged by
# ``_glued_boundary``), or a line break with the white space after it:
# ``[.!?…]+["'”’)\]]*(?:[ \t]+|(?<=…)|(?=[^\W\d_]))|\n\s*``, written
# to start with one character class so ``re`` can skip ahead to the next candidate instead of
# trying the pattern at every position (about half the cost of splitting).
STOP = re.compile(r"[.!?…\n](?:(?<=\n)\s*|(?<=[.!?…])[.!?…]*[\"'”’)\]]*(?:[ \t]+|(?<=…)|(?=[^\W\d_])))")
OPENERS = "\"'“‘([«"
# Longer runs without a stop are cut (see ``_add_bounded``); no sentence of the gold and real
# development texts reaches 700 characters.
MAX_SENTENCE = 3000


@dataclass(frozen=True)
class Sentences:
    """Sentence spans of a text, with a fast lookup of the sentence around an offset."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    # Each sentence's text, cut once: the records of one sentence share it, where a copy each
    # was a twelfth of a long document's records in memory.
    _texts: dict[int, str] = field(default_factory=dict, compare=False, repr=False)

    def around(self, offset: int) -> tuple[int, int]:
        """The (start, end) of the sentence containing ``offset``."""
        index = max(bisect.bisect_right(self.starts, offset) - 1, 0)
        return self.starts[index], self.ends[index]

    def sentence(self, offset: int) -> tuple[str, int]:
        """The sentence text containing ``offset`` and its start offset."""
        start, end = self.around(offset)
        text = self._texts.get(start)
        if text is None:
            text = self._texts[start] = self.text[start:end]
        return text, start


def _word_before(text: str, stop: int) -> str:
    start = stop
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:stop].lstrip("(\"'“")


def _is_boundary(text: str, match: re.Match[str], abbreviations: frozenset[str]) -> bool:
    if "\n" in match.group():
        return True
    following = text[match.end():match.end() + 1]
    if not following or not (following.isupper() or following.isdigit() or following in OPENERS):
        return False
    before = text[match.start() - 1 : match.start()]
    if match.group()[-1] == "…" and (not following.isupper() or before.isdigit() or before in OPENERS):
        return False  # a glued ellipsis ends a sentence only before a capital: "từ 50…100", "“…Nghe An"
    word = _word_before(text, match.start())
    if not match.group()[-1].isspace() and match.group()[-1] != "…":
        return _glued_boundary(text, match.end(), word, abbreviations)
    return word not in abbreviations and not (len(word) == 1 and word.isupper())


# A stop glued to the next word ends a sentence only after a word of at least this many
# characters: shorter ones are initials and abbreviations of places ("p.", "tp.", "x.").
GLUED_WORD = 3
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _glued_boundary(text: str, after: int, word: str, abbreviations: frozenset[str]) -> bool:
    """Whether a stop glued to a capital ("… rose.The bank", "… percent.VBSP …") ends a
    sentence: after a word of ``GLUED_WORD`` or more characters that is no abbreviation and ends
    in a small letter, a digit or a closing mark; after a word in capitals only before a word
    that goes on in small letters ("VBSP.The", not "U.S.A")."""
    bare = word.rstrip("\"'”’)]%")
    if len(bare) >= GLUED_WORD and _NUMBER.fullmatch(bare):
        return True  # a number's own marks are no abbreviation's: "… was 0.15%.By 2025 …"
    if len(bare) < GLUED_WORD or bare in abbreviations or "." in bare:
        return False
    if bare[-1].islower() or bare[-1].isdigit():
        return True
    return text[after + 1 : after + 2].islower()


def split(text: str, abbreviations: frozenset[str]) -> Sentences:
    """Sentence spans of ``text`` (trimmed of surrounding white space)."""
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    for match in STOP.finditer(text):
        if not _is_boundary(text, match, abbreviations):
            continue
        _append(text, position, match.end(), starts, ends)
        position = match.end()
    _append(text, position, len(text), starts, ends)
    if not starts:
        starts, ends = [0], [len(text)]
    return Sentences(text, tuple(starts), tuple(ends))


def _append(text: str, start: int, end: int, starts: list[int], ends: list[int]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        _add_bounded(text, start + lead, start + lead + len(stripped), starts, ends)


def _add_bounded(text: str, start: int, end: int, starts: list[int], ends: list[int]) -> None:
    """The sentence ``[start, end)`` in parts of at most ``MAX_SENTENCE`` characters, cut at a
    space: a longer run without a stop is no sentence (a list, a flattened table, a hostile
    text), and every figure carries its sentence and is linked by reading it."""
    while end - start > MAX_SENTENCE:
        space = text.rfind(" ", start + 1, start + MAX_SENTENCE)
        cut = space if space > start else start + MAX_SENTENCE
        last = cut
        while text[last - 1].isspace():
            last -= 1
        starts.append(start)
        ends.append(last)
        start = cut
        while text[start].isspace():
            start += 1
    starts.append(start)
    ends.append(end)
