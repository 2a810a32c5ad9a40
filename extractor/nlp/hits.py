"""A rule's hit: its main match plus the optional context matched just before it.

Rules keep their main pattern anchored on something cheap to find (a digit, a literal word),
so the regex engine can skip ahead quickly; optional words that precede it (a qualifier
"over", a document type "Directive No.", a cue "as of") are matched by the rule's ``before``
pattern on a short window ending where the main match starts. ``Hit`` answers the subset of
``re.Match`` the normalisers use, looking in both matches.
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import Any

WINDOW = 48


class Groups:
    """Stands in for ``Match.re``: the normalisers only ask it for ``groupindex``.
    Built once per rule (see ``CompiledRule.groups``), not per match."""

    def __init__(self, names: frozenset[str]) -> None:
        self.groupindex = MappingProxyType(dict.fromkeys(names, 0))


class Hit:
    """The union of a main match and an optional ``before`` match, in text offsets."""

    __slots__ = ("_start", "before", "main", "offset", "re", "string", "values")

    def __init__(self, main: re.Match[str], before: re.Match[str] | None, window_start: int,
                 *, groups: Groups | Any, before_in_span: bool = True) -> None:
        self.main = main
        self.before = before
        self.offset = window_start
        self.string = main.string
        self._start = window_start + before.start() if before and before_in_span else main.start()
        self.re = groups
        # Group texts, the main match's first: one C call each instead of a look-up per group.
        self.values: dict[str, str | None] = main.groupdict()
        if before is not None:
            self.values = {**before.groupdict(),
                           **{k: v for k, v in self.values.items() if v is not None}}

    def _source(self, name: str) -> re.Match[str] | None:
        """The match holding group ``name``: the main one first, else the context before."""
        if name in self.main.re.groupindex and self.main.group(name) is not None:
            return self.main
        before = self.before
        if before is not None and name in before.re.groupindex and before.group(name) is not None:
            return before
        return None

    def group(self, name: str | int = 0) -> str | Any:
        # ``str | Any`` as typeshed types ``re.Match.group``: None only for a group that did
        # not take part, which the normalisers check where their rules make a group optional.
        if name == 0:
            return self.string[self._start:self.main.end()]
        return self.values.get(name) if isinstance(name, str) else None

    def span(self, name: str | int = 0) -> tuple[int, int]:
        if name == 0:
            return self._start, self.main.end()
        found = self._source(str(name))
        if found is None:
            return -1, -1
        start, end = found.span(name)
        shift = self.offset if found is self.before else 0
        return start + shift, end + shift

    def start(self, name: str | int = 0) -> int:
        return self._start if name == 0 else self.span(name)[0]

    def end(self, name: str | int = 0) -> int:
        return self.main.end() if name == 0 else self.span(name)[1]

    def groupdict(self) -> dict[str, Any]:
        return dict(self.values)
