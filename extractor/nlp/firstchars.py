"""Speed up case-insensitive patterns by telling the regex engine where a match can start.

Python's ``re`` scans quickly for a pattern that starts with a literal or a character class,
but a case-insensitive alternation ("hundreds|thousands|…" under IGNORECASE) makes it try the
whole pattern at every position. ``first_chars`` reads the parsed pattern and returns the set
of characters a match can start with; ``start_hint`` gives the ``(?=[…])`` to prepend so positions
that cannot start a match are rejected at once. Measured on the gold texts: 2–3× faster for
such rules, identical matches (tested). ``pattern_starts`` reads both the first characters and
the strings every match starts with (``required_prefixes``) from one parse: loading the rules
asks both of each pattern, and parsing is most of what either costs.
"""

from __future__ import annotations

import re
from re import _constants as c  # type: ignore[attr-defined]  # private, absent from typeshed
from re import _parser as parser  # type: ignore[attr-defined]  # private, absent from typeshed
from typing import Any, NamedTuple

MAX_HINT = 60
DIGITS = frozenset("0123456789")
MAX_RANGE = 80
FirstSet = tuple[set[str] | None, bool]


def _cased(ch: str, ignore_case: bool) -> set[str]:
    return {ch, ch.lower(), ch.upper()} if ignore_case else {ch}


def _charset(items: list[Any], ignore_case: bool) -> set[str] | None:
    """Characters of a ``[...]`` set, or None when it is open-ended (negated, \\w, big range)."""
    out: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            out |= _cased(chr(av), ignore_case)
        elif op is c.RANGE and av[1] - av[0] <= MAX_RANGE:
            for code in range(av[0], av[1] + 1):
                out |= _cased(chr(code), ignore_case)
        elif op is c.CATEGORY and av is c.CATEGORY_DIGIT:
            out |= set("0123456789")
        else:
            return None
    return out


def _first(items: list[Any], ignore_case: bool) -> FirstSet:
    """(characters a match of ``items`` can start with, whether it can match empty)."""
    found: set[str] = set()
    for op, av in items:
        step = _step(op, av, ignore_case)
        if step is None:
            return None, True
        chars, nullable = step
        if chars is None:
            return None, True
        found |= chars
        if not nullable:
            return found, False
    return found, True


def _step(op: object, av: Any, ignore_case: bool) -> FirstSet | None:
    """The first set of one parsed item; ``(set(), True)`` for zero-width items.

    ``av``, the item's argument, is typed by ``op`` (a code point, a list of items, a tuple),
    which ``re._parser`` does not declare: hence ``Any``."""
    if op is c.LITERAL:
        return _cased(chr(av), ignore_case), False
    if op is c.IN:
        return _charset(av, ignore_case), False
    if op is c.AT or op is c.ASSERT_NOT or (op is c.ASSERT and av[0] < 0):
        return set(), True
    if op is c.ASSERT:  # a lookahead: the match starts with what it accepts
        chars, nullable = _first(av[1], ignore_case)
        return (set(), True) if chars is None or nullable else (chars, False)
    if op is c.SUBPATTERN:
        _, add, remove, body = av
        flag = (ignore_case or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
        return _first(body, flag)
    if op is c.BRANCH:
        return _branches(av[1], ignore_case)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _, body = av
        chars, nullable = _first(body, ignore_case)
        return chars, nullable or low == 0
    return None


def _branches(branches: list[Any], ignore_case: bool) -> FirstSet:
    found: set[str] = set()
    any_nullable = False
    for branch in branches:
        chars, nullable = _first(branch, ignore_case)
        if chars is None:
            return None, True
        found |= chars
        any_nullable |= nullable
    return found, any_nullable


def _parsed(pattern: str, flags: int) -> list[Any] | None:
    """The items of ``pattern`` as ``re``'s parser reads them, or None when it does not parse."""
    try:
        return list(parser.parse(pattern, flags))
    except re.error:
        return None


def _chars_of(items: list[Any], flags: int) -> set[str] | None:
    """``first_chars`` of parsed items."""
    chars, nullable = _first(items, bool(flags & re.IGNORECASE))
    return None if chars is None or nullable or not chars else chars


def first_chars(pattern: str, flags: int = 0) -> set[str] | None:
    """The characters a match can start with, or None when any character could.

    >>> sorted(first_chars("(?:hundreds|tens) of", re.IGNORECASE))
    ['H', 'T', 'h', 't']
    >>> first_chars("(?:over\\\\s+)?x") is None
    False
    >>> first_chars("\\\\w+") is None
    True
    """
    items = _parsed(pattern, flags)
    return None if items is None else _chars_of(items, flags)


def start_hint(chars: set[str] | None, flags: int) -> str:
    """The ``(?=[…])`` to put before a pattern whose matches start with ``chars`` (its
    ``first_chars``), or "" when it would not help (case-sensitive patterns, too many or any
    characters)."""
    if not flags & re.IGNORECASE or not chars or len(chars) > MAX_HINT:
        return ""
    escaped = "".join(re.escape(ch) for ch in sorted(chars))
    return f"(?=[{escaped}])"


class Starts(NamedTuple):
    """Where a pattern's matches start, read from one parse of it: the characters
    (``first_chars``) and the strings (``required_prefixes`` with ``min_length`` 1, None when
    there are none). Parsing is most of what analysing a pattern costs, and loading the rules
    asks both of every pattern it compiles."""

    chars: set[str] | None
    prefixes: tuple[str, ...] | None

    def strings(self, min_length: int) -> tuple[str, ...] | None:
        """``prefixes`` unless one is shorter than ``min_length`` (``required_prefixes``)."""
        return self.prefixes if self.prefixes and min(map(len, self.prefixes)) >= min_length else None


def pattern_starts(pattern: str, flags: int = 0) -> Starts:
    """``first_chars`` and ``required_prefixes(min_length=1)`` of ``pattern``, from one parse.

    >>> pattern_starts("(?:June|Jan)\\\\s", re.IGNORECASE).prefixes
    ('jan', 'june')
    """
    items = _parsed(pattern, flags)
    if items is None:
        return Starts(None, None)
    return Starts(_chars_of(items, flags), _prefixes_of(items, flags, 1))


MAX_PREFIXES = 80
MAX_CLASS = 10
MIN_PREFIX = 2


Prefixes = tuple[set[str], bool]


def _zero_width(op: object, av: object) -> bool:
    return op is c.AT or op is c.ASSERT_NOT or op is c.ASSERT


def _sequence_prefixes(items: list[Any]) -> Prefixes | None:
    """(literal strings one of which every match of ``items`` starts with, whether each of
    them is a whole match), or None when a match may start with anything.

    Literals extend every prefix; a group or an alternation of literal branches multiplies
    them ("b(?:illion|n)" → billion, bn); anything else (a class, a repeat) ends them.
    Zero-width items consume nothing, so they are passed over.
    """
    found: set[str] = {""}
    for op, av in items:
        if _zero_width(op, av):
            continue
        if op is c.LITERAL:
            found = {p + chr(av) for p in found}
            continue
        sub = (_sequence_prefixes(list(av[3])) if op is c.SUBPATTERN
               else _class_prefixes(av) if op is c.IN
               else _branch_prefixes(av[1]) if op is c.BRANCH else None)
        if sub is None or len(found) * len(sub[0]) > MAX_PREFIXES:
            return (found, False) if found != {""} else None
        found = {p + q for p in found for q in sub[0]}
        if not sub[1]:
            return found, False
    return found, True


def _class_prefixes(items: list[Any]) -> Prefixes | None:
    """The characters of a small ``[...]`` set, each a whole match ("[1-4]" → 1, 2, 3, 4)."""
    chars = _charset(items, False)
    return ({*chars}, True) if chars and len(chars) <= MAX_CLASS else None


def _branch_prefixes(branches: list[Any]) -> Prefixes | None:
    found: set[str] = set()
    whole = True
    for branch in branches:
        sub = _sequence_prefixes(list(branch))
        if sub is None:
            return None
        found |= sub[0]
        whole &= sub[1]
    return found, whole


def required_prefixes(pattern: str, flags: int = 0, *,
                      min_length: int = MIN_PREFIX) -> tuple[str, ...] | None:
    """Strings every match starts with ("January", "Jan", …), lower-cased when the pattern
    ignores case; None when the pattern does not start with such strings or one of them is
    shorter than ``min_length``.

    >>> required_prefixes("\\\\b(?P<m>May|June)\\\\s\\\\d+")
    ('June', 'May')
    >>> required_prefixes("(?:over\\\\s+)?x") is None
    True
    """
    items = _parsed(pattern, flags)
    return None if items is None else _prefixes_of(items, flags, min_length)


def _prefixes_of(items: list[Any], flags: int, min_length: int) -> tuple[str, ...] | None:
    """``required_prefixes`` of parsed items."""
    prefixes = _sequence_prefixes(items)
    found = prefixes[0] if prefixes else None
    if not found or len(found) > MAX_PREFIXES or min(map(len, found)) < min_length:
        return None
    if flags & re.IGNORECASE:
        found = {p.lower() for p in found}
    return tuple(sorted(found))
