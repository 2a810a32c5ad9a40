"""Assembling records from drafts: which overlapping drafts are kept."""

from __future__ import annotations

import random

import pytest

from extractor.nlp.assemble import select
from extractor.nlp.drafts import LegalDraft


def _greedy(drafts: list[LegalDraft]) -> list[LegalDraft]:
    """The definition ``select`` implements, checking every draft against every kept one."""
    kept: list[LegalDraft] = []
    for draft in sorted(drafts, key=lambda d: (-(d.end - d.start), -d.priority, d.start)):
        if all(draft.end <= k.start or draft.start >= k.end for k in kept):
            kept.append(draft)
    return sorted(kept, key=lambda d: d.start)


def _draft(start: int, length: int, priority: int) -> LegalDraft:
    return LegalDraft(start, start + length, "legal.en.test", priority, {})


def test_select_keeps_the_longest_then_the_priority_then_the_leftmost() -> None:
    longest, inside, crossing, later = _draft(0, 10, 0), _draft(2, 3, 5), _draft(8, 4, 5), _draft(10, 4, 1)
    rival = _draft(10, 4, 2)
    assert select([inside, crossing, later, longest, rival]) == [longest, rival]


@pytest.mark.parametrize("seed", range(20))
def test_select_equals_the_greedy_definition(seed: int) -> None:
    """Random spans, empty ones included, many overlapping: the same drafts in the same order."""
    rng = random.Random(seed)
    for _ in range(200):
        drafts = [_draft(rng.randint(0, 30), rng.choice([0, 1, 2, 3, 5, 8]), rng.randint(0, 2))
                  for _ in range(rng.randint(0, 12))]
        assert [id(d) for d in select(drafts)] == [id(d) for d in _greedy(drafts)]
