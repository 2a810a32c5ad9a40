"""The matching stage: every rule's matches in a paragraph, from two scans of the text.

A rule's matches are what its ``finditer`` gives (left to right, not overlapping), except that
the rule is only tried where a match can start, which is found for all rules at once:

- a rule whose matches start with a digit (*digit-anchored*) is tried where a number starts:
  a number never starts inside another ("374" in "13,374"). One ``match`` of a chain of optional
  lookaheads, one per such rule, tells which of them match there; only those are matched again
  on their own, for their groups.
- a rule whose matches start with one of a few literal strings ("June", "Directive", "$") is
  tried where one of them occurs. One scan of a trie of every rule's strings finds those
  places; the string found there says which rules to try. The scan does not look inside the
  strings it finds ("re" skips ahead only over a pattern that starts with a character it can
  test, which a lookahead is not), so each string that another can start inside ("us" in
  "thousands") is checked at those offsets after it is found.
- any other rule runs its own ``finditer``.

Rules with the same regex (a year read as a date and as a plan's horizon) are tried once: each
of them gets the matches of the first.

Python's ``re`` pays for each pattern at every position it tries, and a Python loop pays for
each match: the two scans keep both to the places that matter. ``tests/test_scan.py`` checks
that the matches are those of trying every rule at every position.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from extractor.nlp.firstchars import DIGITS, Starts, pattern_starts
from extractor.registry.phrases import trie_regex

if TYPE_CHECKING:
    from extractor.nlp.rules import CompiledRule

# Where a number starts: a digit after neither a digit nor a digit and a separator ("13,374"
# holds one number, not two).
DIGIT_RUN = re.compile(r"\d(?<!\d\d)(?<!\d[.,]\d)")
GROUP = re.compile(r"\(\?P<([A-Za-z_]\w*)>")
BACKREF = re.compile(r"\(\?P=([A-Za-z_]\w*)\)")


def digit_anchored(pattern: str, flags: int) -> bool:
    """Whether every match of the pattern starts with a digit."""
    return starts_on_digits(pattern_starts(pattern, flags))


def starts_on_digits(starts: Starts) -> bool:
    """``digit_anchored`` from what a pattern's matches start with (one parse of it)."""
    return starts.chars is not None and bool(starts.chars) and starts.chars <= DIGITS


def start_strings(pattern: str, flags: int) -> tuple[str, ...] | None:
    """Lower-cased strings one of which every match starts with (case aside), or None."""
    return strings_starting(pattern_starts(pattern, flags))


def strings_starting(starts: Starts) -> tuple[str, ...] | None:
    """``start_strings`` from what a pattern's matches start with (one parse of it)."""
    return tuple(sorted({s.lower() for s in starts.prefixes})) if starts.prefixes else None


@dataclass(frozen=True)
class Scanner:
    """Where each rule of a language is tried (see the module docstring)."""

    rules: tuple[CompiledRule, ...]
    chain: re.Pattern[str] | None
    pick: Callable[[Any], tuple[Any, ...]]  # each rule's lookahead among the chain's groups
    chain_rules: tuple[int, ...]  # the rule of each lookahead of the chain
    triggers: re.Pattern[str] | None  # the trie, in a lookahead: every occurrence, overlaps too
    triggers_ignoring_case: re.Pattern[str] | None
    starters: dict[str, tuple[int, ...]]  # a trigger string → the rules it can start
    string_rules: tuple[int, ...]  # every rule anchored on strings (when a look-up fails)
    free_rules: tuple[int, ...]
    match_at: tuple[Callable[[str, int], re.Match[str] | None], ...]  # each rule's regex.match
    twins: tuple[tuple[int, tuple[int, ...]], ...] = ()  # a tried rule → the rules sharing its regex
    leftmost: re.Pattern[str] | None = None  # the trie alone: occurrences that do not overlap
    inner: dict[str, tuple[int, ...]] = field(default_factory=dict)  # a string → where another may start in it

    def matches(self, text: str) -> list[tuple[CompiledRule, list[re.Match[str]]]]:
        """The rules that match in ``text``, in their order, each with its matches."""
        rules, match_at = self.rules, self.match_at
        found: dict[int, list[re.Match[str]]] = {}
        ends = [0] * len(rules)  # a rule's next match cannot start before its last one ends
        for position, indexes in self._at_numbers(text) + self._at_triggers(text):
            for index in indexes:
                if position >= ends[index]:
                    match = match_at[index](text, position)
                    if match is not None:
                        found.setdefault(index, []).append(match)
                        ends[index] = max(match.end(), position + 1)
        for index in self.free_rules:
            if matches := list(rules[index].regex.finditer(text)):
                found[index] = matches
        for index, twins in self.twins:
            if index in found:
                found.update(dict.fromkeys(twins, found[index]))
        return [(rules[index], found[index]) for index in sorted(found)]

    def _at_numbers(self, text: str) -> list[tuple[int, Iterable[int]]]:
        """(position, rules matching there) where a number starts."""
        if self.chain is None:
            return []
        match, pick, chained = self.chain.match, self.pick, self.chain_rules
        return [(run.start(), compress(chained, pick(match(text, run.start()).groups())))  # type: ignore[union-attr]  # matches empty
                for run in DIGIT_RUN.finditer(text)]

    def _at_triggers(self, text: str) -> list[tuple[int, Iterable[int]]]:
        """(position, rules to try there) where a trigger string occurs."""
        if self.triggers is None:
            return []
        get, every = self.starters.get, self.string_rules
        lower = text.lower()
        if len(lower) == len(text) and self.leftmost is not None:
            # The strings are lower case: scan the lower-cased text.
            inner, at = self.inner, self.triggers.match
            found: list[tuple[int, Iterable[int]]] = []
            for t in self.leftmost.finditer(lower):
                string, start = t.group(), t.start()
                found.append((start, get(string, every)))
                for offset in inner.get(string, ()):
                    if (u := at(lower, start + offset)) is not None:
                        found.append((start + offset, get(u.group(1), every)))
            return found
        # A text whose lower case changes length ("İ"): scan it ignoring case.
        return [(t.start(), get(t.group(1).lower(), every))
                for t in self.triggers_ignoring_case.finditer(text)]  # type: ignore[union-attr]  # set with triggers


def build_scanner(rules: Sequence[CompiledRule]) -> Scanner:
    """The scanner of a language's compiled rules (each rule's ``start_strings``, worked out as
    it was compiled, are those of ``start_strings`` of its regex: not parsed again here)."""
    digit, strings, free = [], {}, []
    twins = shared_regexes(rules)
    copies = {index for same in twins.values() for index in same}
    for index, rule in enumerate(rules):
        if index in copies:
            continue  # its twin is tried
        if rule.digit_anchored:
            digit.append(index)
        elif (starts := rule.start_strings) is not None:
            strings[index] = starts
        else:
            free.append(index)
    chain, pick = _chain([rules[i] for i in digit])
    union = sorted({s for starts in strings.values() for s in starts})
    starters = {
        u: tuple(i for i, starts in strings.items() if any(u.startswith(s) for s in starts))
        for u in union
    }
    trie = trie_regex(union, gap=None)
    trigger = f"(?=({trie}))"
    return Scanner(tuple(rules), chain, pick, tuple(digit),
                   re.compile(trigger) if union else None,
                   re.compile(trigger, re.IGNORECASE) if union else None,
                   starters, tuple(strings), tuple(free), tuple(rule.regex.match for rule in rules),
                   tuple(twins.items()), re.compile(trie) if union else None, inner_starts(union))


def inner_starts(strings: Sequence[str]) -> dict[str, tuple[int, ...]]:
    """Each string → the offsets inside it where one of ``strings`` could start (its rest there
    and that string agree as far as both go: "us" at 3 in "thousands"); strings without any are
    left out. Elsewhere inside an occurrence no string starts, so a scan may skip it.

    A rest agrees with a string when it is a beginning of one (a set of every string's
    beginnings says so) or one is a beginning of it (each of its own beginnings looked up among
    the strings): look-ups, where comparing each rest with every string made this quadratic in
    the strings' number.

    >>> inner_starts(["thousands", "us", "ands", "x"])
    {'thousands': (3, 5)}
    """
    whole = set(strings)
    beginnings = {string[:k] for string in strings for k in range(1, len(string) + 1)}
    found: dict[str, tuple[int, ...]] = {}
    for string in strings:
        offsets = tuple(k for k in range(1, len(string))
                        if string[k:] in beginnings
                        or any(string[k:j] in whole for j in range(k, len(string) + 1)))
        if offsets:
            found[string] = offsets
    return found


def shared_regexes(rules: Sequence[CompiledRule]) -> dict[int, tuple[int, ...]]:
    """The first rule of each regex that several rules share (pattern and flags) → the others."""
    first: dict[tuple[str, int], int] = {}
    twins: dict[int, tuple[int, ...]] = {}
    for index, rule in enumerate(rules):
        key = (rule.regex.pattern, rule.regex.flags)
        if key in first:
            twins[first[key]] = (*twins.get(first[key], ()), index)
        else:
            first[key] = index
    return twins


def _own_groups(pattern: str, index: int) -> str:
    """``pattern`` with its groups non-capturing, except those a back-reference needs, which
    become ``r{index}__name`` (the chain holds every rule's groups: their names must differ)."""
    kept = set(BACKREF.findall(pattern))

    def group(m: re.Match[str]) -> str:
        return f"(?P<r{index}__{m.group(1)}>" if m.group(1) in kept else "(?:"

    def backref(m: re.Match[str]) -> str:
        return f"(?P=r{index}__{m.group(1)})"

    return BACKREF.sub(backref, GROUP.sub(group, pattern))


def _chain(rules: list[CompiledRule]) -> tuple[re.Pattern[str] | None, Callable[[Any], tuple[Any, ...]]]:
    """One regex with an optional lookahead per rule, ``(?:(?=(…))|)``, and a function picking,
    from its match's ``groups()``, each rule's lookahead: set when the rule matches there.
    The rules' own groups become non-capturing, except those a back-reference needs."""
    if not rules:
        return None, tuple
    parts = []
    for index, rule in enumerate(rules):
        body = _own_groups(rule.regex.pattern, index)
        flag = "i" if rule.regex.flags & re.IGNORECASE else "-i"
        parts.append(f"(?:(?=(?P<r{index}>(?{flag}:{body})))|)")
    regex = re.compile("".join(parts))
    positions = [regex.groupindex[f"r{i}"] - 1 for i in range(len(rules))]
    pick = itemgetter(*positions)
    return regex, (pick if len(positions) > 1 else lambda groups: (pick(groups),))
