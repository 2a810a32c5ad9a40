"""Phrases as regular expressions: tone placement, cue phrases, tries and a one-pass index.

Every word list of ``rules/`` becomes regular expressions here. Python's ``re`` tries the
alternatives of ``a|b|c`` one after the other, so long lists are compiled as tries (shared
prefixes read once), and many named phrase sets are matched in one pass (:class:`PhraseIndex`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from typing import Any

# Old and new Vietnamese tone placement ("hoà"/"hòa", "uỷ"/"ủy"): both spellings are current, so
# text and cues are brought to one before matching. The old one marks the second vowel of "oa",
# "oe" and "uy", the new one the first; each swap keeps the length, so offsets hold.
_TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323"  # grave, acute, hook above, tilde, dot below
_GLIDES = {"o": "ae", "u": "y"}


def _old_tone_table() -> dict[str, str]:
    """Each old spelling (in lower, title and upper case) mapped to the new one."""
    table: dict[str, str] = {}
    for first, seconds in _GLIDES.items():
        for second in seconds:
            for mark in _TONE_MARKS:
                old = first + unicodedata.normalize("NFC", second + mark)
                table[old] = unicodedata.normalize("NFC", first + mark) + second
    for old, new in list(table.items()):
        table[old.capitalize()] = new.capitalize()
        table[old.upper()] = new.upper()
    return table


_OLD_TONE = _old_tone_table()
# Every old spelling is two letters: grouped by the first ("o[…]|u[…]"), ``re`` tries one
# character class where a vowel "o" or "u" stands instead of each spelling in turn.
_OLD_SECOND: dict[str, str] = {}
for _old in _OLD_TONE:
    _OLD_SECOND[_old[0]] = _OLD_SECOND.get(_old[0], "") + _old[1]
_OLD_TONE_RE = re.compile("|".join(f"{first}[{''.join(sorted(second))}]"
                                   for first, second in sorted(_OLD_SECOND.items())))


# The characters outlets write for an apostrophe besides the plain one the rules spell: the
# typographic one (half of English outlets), the opening quote and the letter apostrophe.
_APOSTROPHE_MARKS = "\u2019\u2018\u02bc"
APOSTROPHES = str.maketrans(dict.fromkeys(_APOSTROPHE_MARKS, "'"))


def new_tone(text: str) -> str:
    """Move tone marks to the new placement ("hoà" → "hòa"), and write a typographic apostrophe
    or a look-alike as the plain one the rules spell ("Women\u2019s Union", "Women\u02bcs Union" →
    "Women's Union"); the length never changes.

    >>> new_tone("uỷ thác, Hoà Bình")
    'ủy thác, Hòa Bình'
    >>> new_tone("the Farmers\u2019 Association")
    "the Farmers' Association"
    """
    if text.isascii():
        return text  # no tone marks at all
    if any(mark in text for mark in _APOSTROPHE_MARKS):  # a scan per mark is cheaper than a translate
        text = text.translate(APOSTROPHES)
    return _OLD_TONE_RE.sub(lambda m: _OLD_TONE[m.group(0)], text)


def trie_regex(branches: Mapping[str, str] | Iterable[str], *, gap: str | None = None) -> str:
    r"""A regex matching any key of ``branches`` followed by its regex (a plain list of phrases
    is keys followed by nothing), shaped as a trie of the keys. A space in a key matches
    ``gap`` when one is given. Among keys that match at a place the longest is tried first.

    >>> print(trie_regex({"to": "X", "today": "", "in": "Y|Z"}))
    (?:(?:in(?:Y|Z)|to(?:day|X)))
    >>> print(trie_regex(["bn", "billion", "billions"], gap=r"\s+"))
    (?:b(?:illion(?:s|)|n))
    >>> trie_regex([])
    '(?!)'
    """
    pairs = branches.items() if isinstance(branches, Mapping) else ((b, "") for b in branches)
    tree: dict[str, Any] = {}
    for key, then in sorted(pairs):
        chars = key if gap is None else " ".join(key.split())
        if not chars:
            continue
        node = tree
        for ch in chars:
            node = node.setdefault(ch, {})
        node[""] = then
    return f"(?:{_node_regex(tree, gap)})" if tree else "(?!)"


def _node_regex(node: dict[str, Any], gap: str | None) -> str:
    """The regex of a trie node: its branches, then what a key ending here is followed by."""
    alts = [(gap if ch == " " and gap is not None else re.escape(ch)) + _node_regex(child, gap)
            for ch, child in node.items() if ch]
    if "" not in node and len(alts) == 1:
        return alts[0]
    alts += [node[""]] if "" in node else []
    return f"(?:{'|'.join(alts)})" if alts != [""] else ""


_OPTIONAL = re.compile(r"\[([^\]]+)\]")


def _word_regexes(phrase: str) -> list[str]:
    """Each word of a cue phrase as a regex, with the whitespace before it."""
    parts: list[str] = []
    for word in new_tone(phrase).split():
        opt = _OPTIONAL.fullmatch(word)
        if opt and not parts:
            raise re.error(f"the first word of {phrase!r} is optional")
        if not opt and ("[" in word or "]" in word):
            # "[nông thôn]" would be read as the words "[nông" and "thôn]", which no text holds
            raise re.error(f"{word!r} in {phrase!r} is no whole optional word: give each optional word its own [ ]")
        if opt:
            alts = "|".join(re.escape(a) for a in opt.group(1).split("|"))
            parts.append(f"(?:\\s+(?:{alts}))?")
        else:
            parts.append(("\\s+" if parts else "") + re.escape(word))
    return parts


def phrase_regex(phrase: str) -> str:
    r"""A cue phrase as a regex: a word ``[a|b]`` is optional (one of the alternatives).

    Words are separated by any whitespace; the first word must not be optional.

    >>> print(phrase_regex("total [policy|credit] capital"))
    total(?:\s+(?:policy|credit))?\s+capital
    """
    return "".join(_word_regexes(phrase))


def _rests(phrase: str) -> set[str]:
    """What may follow a phrase's first word (as :func:`first_word` finds it), in lower case
    (:func:`caseless`), one space between words: each optional word left out or given as
    one of its alternatives. The phrase's regex matches just the texts these spell, a run of
    spaces for each space.

    >>> sorted(_rests("Co-operative [policy|credit] loans"))
    ['-operative credit loans', '-operative loans', '-operative policy loans']
    """
    token, *words = caseless(new_tone(phrase)).split()
    word = _WORD.match(token)
    head = token[word.end() if word else 0 :]
    forms: list[list[str]] = [[]]
    for item in words:
        opt = _OPTIONAL.fullmatch(item)
        alternatives = opt.group(1).split("|") if opt else [item]
        forms = [[*form, alt] for form in forms for alt in alternatives if alt] + (forms if opt else [])
    return {head + "".join(f" {later}" for later in form) for form in forms}


class _RestsOf(dict[str, set[str]]):
    """``_rests`` of each phrase looked up, worked out on its first look-up (a memo kept while
    one index is built: the look-ahead, the sets by next word and the lone words all ask)."""

    def __missing__(self, phrase: str) -> set[str]:
        self[phrase] = found = _rests(phrase)
        return found


_NEXT_WORD = re.compile(r"\W*(\w*)")
GAP = r"\s+"  # what a space between a phrase's words matches


def _next_word(rest: str) -> str:
    """The first word of what follows a first word ("" when none follows): where a phrase
    matches, the text's next word is this one.

    >>> _next_word("'s total"), _next_word("")
    ('s', '')
    """
    found = _NEXT_WORD.match(rest)
    assert found is not None, "it matches anywhere"
    return found.group(1)


def _rest_ahead(by_set: Mapping[str, Iterable[str]], rests_of: Callable[[str], set[str]] = _rests) -> str:
    r"""A look-ahead for what may follow a first word, for phrases of every set: a trie of
    their rests in lower case, matched case-sensitively over the text in lower case (see
    :func:`caseless`), which ``re`` runs much faster than the phrases' own regexes ignoring
    case. Empty when one of the phrases is the word alone: nothing needs to follow.
    (``rests_of``: ``_rests``, or a memo of it.)

    >>> print(_rest_ahead({"a": ["the bank", "the VBSP's total"]}))
    (?=(?:\s+(?:(?:bank|vbsp's\s+total)))(?!\w))
    """
    rests = {rest for phrases in by_set.values() for phrase in phrases for rest in rests_of(phrase)}
    if "" in rests:
        return ""
    spaced = [rest[1:] for rest in rests if rest[:1] == " "]
    glued = [rest for rest in rests if rest[:1] != " "]
    alternatives = [GAP + trie_regex(spaced, gap=GAP)] if spaced else []
    alternatives += [trie_regex(glued, gap=GAP)] if glued else []
    return rf"(?=(?:{'|'.join(alternatives)})(?!\w))"


def _shortest(phrase: str) -> int:
    """Length of the shortest text a phrase matches (its optional words left out)."""
    return len(" ".join(w for w in phrase.split() if not _OPTIONAL.fullmatch(w)))


def _order(phrases: Iterable[str]) -> tuple[str, ...]:
    """Phrases in matching order: ``re`` takes the first alternative that matches, so the one
    whose shortest match is longest goes first ("outstanding loans will grow by" before
    "outstanding [policy] loans")."""
    return tuple(sorted(set(phrases), key=lambda p: (-_shortest(p), -len(p), p)))


_WORD = re.compile(r"\w+")
Hit = tuple[int, int, str]
# A set an index tries where a first word starts: [its number, its phrases' match (compiled when
# first called: ``_entry``), its phrases, the phrase when it is the word alone and the set's only one].
Try = list[Any]

# The character before a word: a pattern for "a word starts here" opens with it and runs over
# " " + text, so a match's start is the word's offset in the text. ``re`` skips ahead in C to a
# character of a class (it cannot to a look-behind such as ``(?<!\w)``): every character outside
# [0-9A-Za-z_] stops it, and the look-behind keeps those that are no word character (a non-ASCII
# letter is one).
BEFORE_WORD = r"[^0-9A-Za-z_](?<=\W)"


def first_word(phrase: str) -> str:
    """The word a phrase starts with, as the index looks it up ("" if it starts with a sign)."""
    m = _WORD.match(new_tone(phrase).lower())
    return m.group() if m else ""


# The letters ``re.IGNORECASE`` takes for an ASCII letter that ``str.lower`` does not turn into
# one: "İ" (whose lower case is two characters long), dotless "ı" and long "ſ".
_RE_ASCII_CASES = (("İ", "i"), ("ı", "i"), ("ſ", "s"))


def caseless(text: str) -> str:
    """``text`` in lower case, character for character (offsets hold), with an ASCII letter
    wherever ``re.IGNORECASE`` would match one: a case-sensitive lower-case pattern finds at
    least what the pattern ignoring case finds in ``text``, and ``re`` runs it much faster.

    >>> caseless("İNGILTERE ſince Vốn")
    'ingiltere since vốn'
    """
    for letter, ascii_letter in _RE_ASCII_CASES:
        text = text.replace(letter, ascii_letter)
    return text.lower()


class PhraseIndex:
    """Many named phrase sets matched in one pass over a text.

    One regex alternation per set would cost a scan of the whole text per set. Here one regular
    expression finds the places where a phrase of some set may start: a trie of the phrases'
    first words, each followed by a look-ahead for the rest of its phrases (a trie too). It runs
    over the text in lower case and matches case-sensitively, which ``re`` does much faster than
    ignoring case; it finds at least the places where a phrase matches ignoring case, given that
    no letter of a phrase matches a character ignoring case whose lower case is another letter
    (a test holds the rules to it). Only at those places are the sets tried that have phrases
    with that first word and the text's next word after it (``_sets_by_next``), each set's
    phrases as one alternation in the set's matching order, ignoring case. Within a set, matches
    do not overlap (the earlier one wins), as with ``finditer``.
    """

    def __init__(self, sets: dict[str, Iterable[str]]) -> None:
        self.names = tuple(sets)
        rests_of = _RestsOf().__getitem__  # each phrase's rests are asked for three times
        by_word: dict[str, dict[str, list[str]]] = {}
        for name, phrases in sets.items():
            for phrase in _order(phrases):
                by_word.setdefault(first_word(phrase), {}).setdefault(name, []).append(phrase)
        # A start's groups are its word and the word after it (both in lower case), which
        # choose the sets to try there (``_sets_by_next``). Groups of their own for each first
        # word, some two hundred, made each start's match object dearer to make than the rest of
        # the scan.
        self._starts = re.compile(BEFORE_WORD + "(" + trie_regex(
            {word: rf"(?!\w){_rest_ahead(by_set, rests_of)}" for word, by_set in by_word.items()}) + r")(?=\W*(\w*))")
        # What a start tries, for each first word: each set that has phrases of that word, as
        # [the set's number, the match of its phrases as one alternation, its phrases, the
        # phrase when it is the word alone: it matches wherever the word starts]. The
        # alternation is compiled when a text first holds the word (``_entry``): most words of
        # most sets never start a phrase in a given batch, and compiling them all was a fifth
        # of loading the rules.
        self._tries: dict[str, list[Try]] = {
            word: [_entry(self.names.index(name), tuple(phrases), rests_of) for name, phrases in by_set.items()]
            for word, by_set in by_word.items()
        }
        self._always, self._by_next = _sets_by_next(self._tries, rests_of)

    def scan(self, text: str) -> dict[str, list[Hit]]:
        """``{set name: [(start, end, phrase), …]}`` for ``text`` (already in new tone)."""
        found: list[list[Hit]] = [[] for _ in self.names]
        ends = [0] * len(self.names)  # where each set's last match ends
        # ``caseless`` turns "İ", "ı" and "ſ" into ASCII letters where ``str.lower`` does not: in
        # a text holding one, the word as written (in lower case) decides which phrases to try.
        odd = not text.isascii() and any(letter in text for letter, _ in _RE_ASCII_CASES)
        always, by_next = self._always, self._by_next
        for start in self._starts.finditer(" " + caseless(text)):
            pos = start.start()  # of the word in ``text`` (see BEFORE_WORD)
            if odd:
                tries = self._tries.get(text[pos : start.end(1) - 1].lower(), [])
            else:
                words = start.groups()
                tries = by_next.get(words) or always[words[0]]
            for i, match, phrases, alone in tries:
                if ends[i] > pos:
                    continue  # inside the set's previous match
                if alone:
                    end, phrase = start.end(1) - 1, alone
                else:
                    m = match(text, pos)
                    if m is None:
                        continue
                    end, phrase = m.end(), phrases[m.lastindex - 1]  # each phrase a group
                found[i].append((pos, end, phrase))
                ends[i] = end
        return dict(zip(self.names, found, strict=True))


def _sets_by_next(tries: dict[str, list[Try]], rests_of: Callable[[str], set[str]] = _rests,
                  ) -> tuple[dict[str, list[Try]], dict[tuple[str, ...], list[Try]]]:
    """The sets a start tries, by its first word and the text's next word: where a phrase
    matches, that next word is the first word of one of the phrase's rests (or the rest holds
    no word), so a set none of whose rests goes on with the text's next word is not tried
    ("the" starts phrases of many sets, most of them ruled out by the word after it).
    Returns, by first word, the sets that have a rest without words (tried wherever the word
    stands), and by (first word, next word) those and the sets whose rests go on with it."""
    always: dict[str, list[Try]] = {}
    by_next: dict[tuple[str, ...], list[Try]] = {}
    for word, entries in tries.items():
        later: dict[str, list[Try]] = {}
        for entry in entries:
            nexts = {_next_word(rest) for phrase in entry[2] for rest in rests_of(phrase)}
            if "" in nexts:
                always.setdefault(word, []).append(entry)
            for after in nexts - {""}:
                later.setdefault(after, []).append(entry)
        always.setdefault(word, [])
        by_next.update({(word, after): always[word] + found for after, found in later.items()})
    return always, by_next


def _alone(phrases: list[str], rests_of: Callable[[str], set[str]] = _rests) -> str | None:
    """The phrase when a set's only phrase of a first word is that word alone ("to"): where
    the index finds the word, it is a match, and no regex need say so."""
    return phrases[0] if len(phrases) == 1 and rests_of(phrases[0]) == {""} else None


def _entry(number: int, phrases: tuple[str, ...], rests_of: Callable[[str], set[str]] = _rests) -> Try:
    """What a start tries for one set's phrases of a first word (see ``PhraseIndex._tries``).
    Its match compiles the phrases' alternation on its first call and puts the compiled
    match in its place: the scan calls whatever the entry holds, with no test per call."""
    entry: Try = [number, None, phrases, _alone(list(phrases), rests_of)]

    def compile_then_match(text: str, pos: int) -> re.Match[str] | None:
        match = entry[1] = _alternatives(list(phrases)).match
        return match(text, pos)

    entry[1] = compile_then_match
    return entry


def _alternatives(phrases: list[str]) -> re.Pattern[str]:
    """Phrases as one regex that takes the first of them that matches; each is a group, so
    ``lastindex`` tells which."""
    return re.compile("|".join(f"({phrase_regex(phrase)})(?!\\w)" for phrase in phrases), re.IGNORECASE)
