"""The indicator lexicon: which words make a figure a measure of which indicator.

``rules/indicators.yaml`` lists every indicator code of ``shared/spec/indicators.md`` with its kind
(money, count, percent), whether it is a stock (read at a date) or a flow (summed over a period),
and its cues in English and Vietnamese. A cue *before* a figure governs it ("dư nợ đạt 13.612 tỷ
đồng"), a cue *after* it governs it when it follows closely ("234,414 households still having
outstanding loans"), and a count whose counted noun names the indicator ("21 transaction offices")
needs no other cue. One compiled regular expression per language finds every cue of a text in one
pass. This module also holds the YAML loader the province and linking rules share: every bad entry
of a file is reported as ``file:line`` in one :class:`~extractor.errors.RuleError`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal, NamedTuple, TypeVar

import yaml  # type: ignore[import-untyped]
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from extractor.errors import RuleError
from extractor.resources import rules_dir

Lang = Literal["en", "vi"]
Kind = Literal["money", "count", "percent"]
Measure = Literal["stock", "flow"]
M = TypeVar("M", bound=BaseModel)


# --- loading YAML with line numbers -------------------------------------------------------


class Strict(BaseModel):
    """Base of every rule model: unknown keys are errors, values are frozen."""

    model_config = ConfigDict(frozen=True, extra="forbid")


def _display(path: Path) -> str:
    """The path as shown in errors: relative to the rules folder's parent when possible."""
    try:
        return str(path.resolve().relative_to(rules_dir().resolve().parent))
    except ValueError:
        return str(path)


def node_line(node: yaml.Node, loc: Sequence[Any]) -> int:
    """1-based line of the YAML node at ``loc`` (keys and indexes), or of its deepest parent."""
    for key in loc:
        child: yaml.Node | None = None
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == str(key)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            child = node.value[key]
        if child is None:
            break
        node = child
    return int(node.start_mark.line) + 1


@dataclass(frozen=True)
class RuleFile:
    """A parsed rule file: its data, its node tree (for line numbers) and its display name."""

    path: Path
    name: str
    data: Any
    root: yaml.Node

    def problem(self, loc: Sequence[Any], message: str) -> str:
        """``file:line: message`` for the entry at ``loc``."""
        return f"{self.name}:{node_line(self.root, loc)}: {message}"


def read_rule_file(path: Path) -> RuleFile:
    """Parse a YAML rule file, turning syntax errors into a ``RuleError`` with the line."""
    name = _display(path)
    try:
        text = path.read_text(encoding="utf-8")
        root = yaml.compose(text)
        data = yaml.safe_load(text)
    except OSError as exc:
        raise RuleError([f"{name}:0: cannot read: {exc}"]) from exc
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 0
        raise RuleError([f"{name}:{line}: YAML syntax: {exc.problem}"]) from exc
    if root is None:
        raise RuleError([f"{name}:1: empty rule file"])
    return RuleFile(path, name, data, root)


def validate_rule_file(rf: RuleFile, model: type[M]) -> M:
    """Validate a parsed file against ``model``; every error becomes one ``file:line`` entry."""
    try:
        return model.model_validate(rf.data)
    except ValidationError as exc:
        problems = [
            rf.problem(err["loc"], f"{'.'.join(map(str, err['loc'])) or '<root>'}: {err['msg']}")
            for err in exc.errors()
        ]
        raise RuleError(problems) from exc


def raise_problems(problems: list[str]) -> None:
    """Raise one ``RuleError`` listing ``problems`` when there are any."""
    if problems:
        raise RuleError(problems)


# --- cue phrases as regular expressions ---------------------------------------------------

# Old and new Vietnamese tone placement ("hoà"/"hòa", "uỷ"/"ủy"): both spellings are current, so
# text and cues are brought to one before matching. Each swap keeps the length, so offsets hold.
_TONES = {"à": "ò", "á": "ó", "ả": "ỏ", "ã": "õ", "ạ": "ọ"}
_OLD_TONE = {}
for _plain, _toned in _TONES.items():
    _OLD_TONE["o" + _plain] = _toned + "a"
    _OLD_TONE["o" + {"à": "è", "á": "é", "ả": "ẻ", "ã": "ẽ", "ạ": "ẹ"}[_plain]] = (
        _toned + "e"
    )
for _old, _new in zip("ỳýỷỹỵ", "ùúủũụ", strict=True):
    _OLD_TONE["u" + _old] = _new + "y"
for _key, _value in list(_OLD_TONE.items()):
    _OLD_TONE[_key.capitalize()] = _value.capitalize()
    _OLD_TONE[_key.upper()] = _value.upper()
# Every old spelling is two letters: grouped by the first ("o[àáã…]|u[ýỳ…]"), ``re`` tries one
# character class where a vowel "o" or "u" stands instead of each spelling in turn.
_OLD_SECOND: dict[str, str] = {}
for _old in _OLD_TONE:
    _OLD_SECOND[_old[0]] = _OLD_SECOND.get(_old[0], "") + _old[1]
_OLD_TONE_RE = re.compile("|".join(f"{first}[{''.join(sorted(second))}]" for first, second in sorted(_OLD_SECOND.items())))


def new_tone(text: str) -> str:
    """Move tone marks to the new placement ("hoà" → "hòa"); the length never changes.

    >>> new_tone("uỷ thác, Hoà Bình")
    'ủy thác, Hòa Bình'
    """
    if text.isascii():
        return text  # no tone marks at all
    return _OLD_TONE_RE.sub(lambda m: _OLD_TONE[m.group(0)], text)


_OPTIONAL = re.compile(r"\[([^\]]+)\]")


def _word_regexes(phrase: str) -> list[str]:
    """Each word of a cue phrase as a regex, with the whitespace before it."""
    parts: list[str] = []
    for word in new_tone(phrase).split():
        opt = _OPTIONAL.fullmatch(word)
        if opt and not parts:
            raise re.error(f"the first word of {phrase!r} is optional")
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


def _after_first_word(phrase: str) -> str:
    r"""The regex of what follows a phrase's first word (its first word as :func:`first_word`
    finds it, within the first whitespace-separated part).

    >>> print(_after_first_word("co-operative [policy] loans"))
    \-operative(?:\s+(?:policy))?\s+loans
    """
    _, *rest = _word_regexes(phrase)
    token = new_tone(phrase).split()[0]
    word = _WORD.match(token)
    return re.escape(token[word.end() if word else 0 :]) + "".join(rest)


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


def trie_regex(branches: dict[str, str]) -> str:
    """A regex matching ``key`` then ``branches[key]`` for any key, shaped as a trie of the keys.

    Python's ``re`` tries alternatives one by one; sharing prefixes makes a long alternation
    about as cheap as a short one.

    >>> print(trie_regex({"to": "X", "today": "", "in": "Y|Z"}))
    (?:to(?:day|X)|in(?:Y|Z))
    """
    tree: dict[str, Any] = {}
    for key, then in branches.items():
        node = tree
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = then

    def node_regex(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + node_regex(child) for ch, child in node.items() if ch]
        if "" not in node and len(alts) == 1:
            return alts[0]
        alts += [node[""]] if "" in node else []
        return f"(?:{'|'.join(alts)})" if alts != [""] else ""

    return node_regex(tree)


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
    first words, each followed by a look-ahead for the rest of its phrases. It runs over the text
    in lower case and matches the first word case-sensitively, which ``re`` does much faster
    than ignoring case (the rest of a phrase still ignores case). Only at those places are the
    sets that have phrases with that first word tried, each set's phrases as one alternation in
    the set's matching order. Within a set, matches do not overlap (the earlier one wins), as
    with ``finditer``.
    """

    def __init__(self, sets: dict[str, Iterable[str]]) -> None:
        self.names = tuple(sets)
        by_word: dict[str, dict[str, list[str]]] = {}
        for name, phrases in sets.items():
            for phrase in _order(phrases):
                by_word.setdefault(first_word(phrase), {}).setdefault(name, []).append(phrase)
        # For each first word: (set name, its phrases of that word as one regex, those phrases).
        self.first: dict[str, list[tuple[str, re.Pattern[str], tuple[str, ...]]]] = {
            word: [(name, _alternatives(phrases), tuple(phrases)) for name, phrases in by_set.items()]
            for word, by_set in by_word.items()
        }
        rests = {
            word: "|".join(_after_first_word(phrase) for phrases in by_set.values() for phrase in phrases)
            for word, by_set in by_word.items()
        }
        # Each first word ends in an empty group of its own: ``lastindex`` of a start names the
        # word without slicing and lower-casing the text there.
        words = list(rests)
        self._starts = re.compile(BEFORE_WORD + trie_regex(
            {word: rf"(?!\w)(?=(?i:{rests[word]})(?!\w))(?P<w{i}>)" for i, word in enumerate(words)}))
        # What a start tries, as the scan wants it: (the set's number, its match, its phrases).
        self._tries: dict[str, list[tuple[int, Callable[[str, int], re.Match[str] | None], tuple[str, ...]]]] = {
            word: [(self.names.index(name), rx.match, phrases) for name, rx, phrases in by_set]
            for word, by_set in self.first.items()
        }
        by_number = {number: self._tries[words[int(group[1:])]] for group, number in self._starts.groupindex.items()}
        self._by_group = [by_number.get(number, []) for number in range(self._starts.groups + 1)]

    def scan(self, text: str) -> dict[str, list[Hit]]:
        """``{set name: [(start, end, phrase), …]}`` for ``text`` (already in new tone)."""
        found: list[list[Hit]] = [[] for _ in self.names]
        # ``caseless`` turns "İ", "ı" and "ſ" into ASCII letters where ``str.lower`` does not: in
        # a text holding one, the word as written (in lower case) decides which phrases to try.
        odd = not text.isascii() and any(letter in text for letter, _ in _RE_ASCII_CASES)
        by_group = self._by_group
        for start in self._starts.finditer(" " + caseless(text)):
            pos = start.start()  # of the word in ``text`` (see BEFORE_WORD)
            if odd:
                tries = self._tries.get(text[pos : start.end() - 1].lower(), [])
            else:
                tries = by_group[start.lastindex]  # type: ignore[index]
            for i, match, phrases in tries:
                hits = found[i]
                if hits and hits[-1][1] > pos:
                    continue  # inside the set's previous match
                m = match(text, pos)
                if m:
                    hits.append((pos, m.end(), phrases[m.lastindex - 1]))  # type: ignore[operator]
        return dict(zip(self.names, found))


def _alternatives(phrases: list[str]) -> re.Pattern[str]:
    """Phrases as one regex that takes the first of them that matches; each is a group, so
    ``lastindex`` tells which."""
    return re.compile("|".join(f"({phrase_regex(phrase)})(?!\\w)" for phrase in phrases), re.IGNORECASE)


# --- the indicator lexicon ------------------------------------------------------------------


class Cues(Strict):
    """Cue phrases of one language group: before the figure, or right after it."""

    en: list[str] = Field(default_factory=list)
    vi: list[str] = Field(default_factory=list)


class IndicatorRule(Strict):
    """One indicator: its code, what kind of figure measures it and the words that say so."""

    code: str = Field(pattern=r"^[a-z][a-z_]*$")
    kind: Kind
    measure: Measure
    name: str
    units: list[str] = Field(min_length=1)
    before: Cues = Cues()
    after: Cues = Cues()
    counted: list[str] = Field(default_factory=list)


class IndicatorFile(Strict):
    """``rules/indicators.yaml``."""

    version: Literal[1]
    indicators: list[IndicatorRule] = Field(min_length=1)


class Cue(NamedTuple):
    """A cue found in a text: where, which phrase, and whether it reads before or after."""

    start: int
    end: int
    phrase: str
    position: Literal["before", "after"]


@dataclass(frozen=True)
class Lexicon:
    """The loaded indicator lexicon: its phrases per language and position, and an index."""

    indicators: dict[str, IndicatorRule]
    phrases: dict[tuple[str, str], tuple[str, ...]]
    by_phrase: dict[tuple[str, str, str], tuple[str, ...]]
    by_unit: dict[str, str]
    index: dict[str, PhraseIndex]

    def find_cues(self, text: str, *, lang: str, start: int = 0, end: int | None = None) -> list[Cue]:
        """Every cue of ``lang`` in ``text[start:end]`` (``text`` already in new tone), by offset."""
        hits = self.index[lang].scan(text)
        return cues_of(hits["before"], hits["after"], start=start, end=len(text) if end is None else end)

    def candidates(self, cue: Cue, *, lang: str) -> tuple[str, ...]:
        """Indicator codes a cue can stand for (the figure's kind and unit choose among them)."""
        return self.by_phrase.get((lang, cue.position, cue.phrase.lower()), ())

    def accepts(self, code: str, *, kind: str, unit: str) -> bool:
        """Whether a figure of ``kind`` and ``unit`` can measure indicator ``code``."""
        rule = self.indicators[code]
        return rule.kind == kind and unit in rule.units


def cues_of(before: list[Hit], after: list[Hit], *, start: int = 0, end: int = 2**62) -> list[Cue]:
    """Index hits of the two cue sets as ``Cue`` records inside ``[start, end)``, by offset."""
    cues = [Cue(s, e, p, "before") for s, e, p in before if start <= s and e <= end]
    cues += [Cue(s, e, p, "after") for s, e, p in after if start <= s and e <= end]
    return sorted(cues, key=lambda c: (c.start, -c.end))


def _phrase_problems(rf: RuleFile, model: IndicatorFile) -> list[str]:
    """Duplicate codes, cues that cannot compile, cues claimed twice for one kind."""
    problems: list[str] = []
    seen_codes: set[str] = set()
    owners: dict[tuple[str, str, str, str], str] = {}
    for i, rule in enumerate(model.indicators):
        if rule.code in seen_codes:
            problems.append(rf.problem(("indicators", i, "code"), f"duplicate code {rule.code!r}"))
        seen_codes.add(rule.code)
        for position in ("before", "after"):
            cues: Cues = getattr(rule, position)
            for lang in ("en", "vi"):
                for j, phrase in enumerate(getattr(cues, lang)):
                    loc = ("indicators", i, position, lang, j)
                    try:
                        re.compile(phrase_regex(phrase))
                    except re.error as exc:
                        problems.append(rf.problem(loc, f"cue {phrase!r} does not compile: {exc}"))
                    if not first_word(phrase):
                        problems.append(rf.problem(loc, f"cue {phrase!r} must start with a word"))
                    key = (lang, position, phrase.lower(), rule.kind)
                    if key in owners and owners[key] != rule.code:
                        problems.append(
                            rf.problem(loc, f"cue {phrase!r} already governs {owners[key]} ({rule.kind})")
                        )
                    owners.setdefault(key, rule.code)
    return problems


def build_lexicon(model: IndicatorFile) -> Lexicon:
    """Compile the validated lexicon into a phrase index per language."""
    by_phrase: dict[tuple[str, str, str], tuple[str, ...]] = {}
    phrases: dict[tuple[str, str], list[str]] = {(l, p): [] for l in ("en", "vi") for p in ("before", "after")}
    for rule in model.indicators:
        for position in ("before", "after"):
            for lang in ("en", "vi"):
                for phrase in getattr(getattr(rule, position), lang):
                    key = (lang, position, phrase.lower())
                    by_phrase[key] = (*by_phrase.get(key, ()), rule.code)
                    phrases[(lang, position)].append(phrase)
    by_unit = {unit: rule.code for rule in model.indicators for unit in rule.counted}
    frozen = {key: tuple(found) for key, found in phrases.items()}
    index = {lang: PhraseIndex({p: frozen[(lang, p)] for p in ("before", "after")}) for lang in ("en", "vi")}
    return Lexicon({r.code: r for r in model.indicators}, frozen, by_phrase, by_unit, index)


def load_lexicon(path: Path | None = None) -> Lexicon:
    """Load, validate and compile ``rules/indicators.yaml`` (or ``path``)."""
    rf = read_rule_file(path or rules_dir() / "indicators.yaml")
    model = validate_rule_file(rf, IndicatorFile)
    raise_problems(_phrase_problems(rf, model))
    return build_lexicon(model)


@cache
def lexicon() -> Lexicon:
    """The bundled lexicon, loaded once."""
    return load_lexicon()
