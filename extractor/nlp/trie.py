"""Phrase lists as trie-shaped regular expressions.

Python's ``re`` tries the alternatives of ``a|b|c`` one after the other, so a 50-phrase list
costs 50 attempts wherever it is tried. Sharing prefixes ("thousand", "thousands", "three")
makes the engine read each character once per branch point instead. Among the phrases that
match at a position the longest is tried first, as with an alternation sorted longest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

Trie = dict[str, "Trie"]
END = ""


def trie_regex(phrases: Iterable[str], *, gap: str | None = r"\s+") -> str:
    """A regex matching any of ``phrases``; a space between words matches ``gap``, or, when
    ``gap`` is None, the phrases are taken character for character.

    >>> trie_regex(["bn", "billion", "billions"])
    '(?:b(?:illion(?:s)?|n))'
    >>> trie_regex([])
    '(?!)'
    """
    tree: Trie = {}
    for phrase in phrases:
        chars = phrase if gap is None else " ".join(phrase.split())
        if not chars:
            continue
        node = tree
        for ch in chars:
            node = node.setdefault(ch, {})
        node[END] = {}
    return "(?:" + _node(tree, gap) + ")" if tree else "(?!)"


def _node(node: Trie, gap: str | None) -> str:
    """The regex of a node: its branches, optional when a phrase may end here."""
    branches = [(gap if ch == " " and gap is not None else re.escape(ch)) + _node(child, gap)
                for ch, child in sorted(node.items()) if ch != END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if END in node else body
