"""The linking rules: ``rules/linking.yaml`` (marker phrase lists) and the ``Linker`` built once.

A ``Linker`` holds everything linking needs, compiled: the indicator lexicon, the province
gazetteer and one phrase index per language over the marker lists and the indicator cues. The
rule ids linking writes in ``Observation.rules`` are listed in ``CODE_RULES``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import Field

from extractor.link.indicators import Cues, IndicatorLexicon
from extractor.link.provinces import Gazetteer
from extractor.registry.files import RuleFile, Strict, raise_problems, read_rule_file, validate_rule_file
from extractor.registry.phrases import PhraseIndex, first_word
from extractor.resources import rules_dir

CUES_BEFORE, CUES_AFTER = "cue:before", "cue:after"

# The rule ids linking writes in ``Observation.rules``, by key. An id ending in ":" is a family
# ("cue:<phrase>", "target:<phrase>"); a value's part after "+" says where an open end came from
# ("sentence:since+published"). tests/test_link.py shows each deciding and not.
CODE_RULES: dict[str, tuple[str, ...]] = {
    "indicator": ("unit:", "cue:", "cue-after:", "listed-by-place:", "change-of:"),
    "province": ("clause:after", "clause", "sentence", "document:title", "document:frequency",
                 "document:national", "none"),
    "boundaries": ("date", "old-marker", "merged-away", "no-date"),
    "date": ("sentence:as_of", "sentence:period", "sentence:period_end", "sentence:open",
             "sentence:from-to", "sentence:since", "sentence:until", "sentence:end",
             "sentence:year-to-date", "sentence:to_now", "since:", "present:", "frame", "published",
             "old-marker:undated", "headline", "none"),
    "status": ("target:", "future-date", "actual"),
    "change": ("change:",),
}


def rule_id(value: str) -> str:
    """The id of a rule value: "sentence:since+published" → "sentence:since",
    "cue:dư nợ (earlier clause)" → "cue:dư nợ"."""
    return value.split("+")[0].removesuffix(" (earlier clause)")


def decided_by(value: str, rule: str) -> bool:
    """Whether a rule value in ``Observation.rules`` comes from ``rule`` (an id or a family)."""
    base = rule_id(value)
    return base == rule or (rule.endswith(":") and base.startswith(rule))


MARKER_LISTS = (
    "national",
    "bank",
    "province_ref",
    "target",
    "comparison",
    "since",
    "until",
    "to_now",
    "present",
    "flow",
    "blockers",
    "date_binders",
    "breakdown",
    "programme",
    "awards",
    "restatement",
    "place_binders",
    "comparison_dated",
    "decrease",
    "anecdote",
    "reporting",
    "merged_from",
    "change_from",
)


class MergedGap(Strict):
    """Single words that may stand between a ``merged_from`` phrase and the first unit it names
    (``first``), and between the units (``next``; commas and "&" always may)."""

    first: Cues = Field(default_factory=Cues)
    next: Cues = Field(default_factory=Cues)


class LinkRules(Strict):
    """``rules/linking.yaml``: every list has English and Vietnamese phrases."""

    version: Literal[1]
    national: Cues
    bank: Cues
    province_ref: Cues
    target: Cues
    comparison: Cues
    since: Cues
    until: Cues
    to_now: Cues
    present: Cues
    flow: Cues
    blockers: Cues
    date_binders: Cues
    breakdown: Cues
    programme: Cues
    awards: Cues
    restatement: Cues
    place_binders: Cues
    comparison_dated: Cues
    decrease: Cues
    anecdote: Cues
    reporting: Cues = Field(default_factory=Cues)
    merged_from: Cues = Field(default_factory=Cues)
    change_from: Cues = Field(default_factory=Cues)
    merged_gap: MergedGap = Field(default_factory=MergedGap)


UnitGaps = dict[str, tuple[re.Pattern[str], re.Pattern[str]]]


@dataclass(frozen=True)
class Linker:
    """Everything linking needs, loaded and compiled once: one phrase index per language holds
    the marker lists of ``rules/linking.yaml`` and the cues of ``rules/indicators.yaml``."""

    lexicon: IndicatorLexicon
    gazetteer: Gazetteer
    index: dict[str, PhraseIndex]
    unit_gaps: UnitGaps  # see ``unit_gaps``

    @classmethod
    def build(cls, lexicon: IndicatorLexicon, gazetteer: Gazetteer, rules: LinkRules) -> Linker:
        """Index every phrase set of each language."""
        markers = marker_lists(rules)
        index = {
            lang: PhraseIndex({**markers[lang], CUES_BEFORE: lexicon.phrases[(lang, "before")],
                               CUES_AFTER: lexicon.phrases[(lang, "after")]})
            for lang in ("en", "vi")
        }
        return cls(lexicon, gazetteer, index, unit_gaps(rules))


def load_link_rules(path: Path | None = None) -> LinkRules:
    """``rules/linking.yaml`` (or ``path``) read and validated; a phrase that does not start with
    a word is reported with its line."""
    rf = read_rule_file(path or rules_dir() / "linking.yaml")
    rules = validate_rule_file(rf, LinkRules)
    raise_problems(_phrase_problems(rf, rules))
    return rules


def _phrase_problems(rf: RuleFile, rules: LinkRules) -> list[str]:
    return [
        rf.problem((name, lang, i), f"{phrase!r} must start with a word")
        for name in MARKER_LISTS for lang in ("en", "vi")
        for i, phrase in enumerate(getattr(getattr(rules, name), lang)) if not first_word(phrase)
    ]


def marker_lists(rules: LinkRules) -> dict[str, dict[str, list[str]]]:
    """The marker lists by language: ``{lang: {list name: phrases}}``."""
    return {lang: {name: getattr(getattr(rules, name), lang) for name in MARKER_LISTS}
            for lang in ("en", "vi")}


def unit_gaps(rules: LinkRules) -> UnitGaps:
    """``merged_gap`` as two regexes per language: what may stand before the first unit a
    merged province was formed from, and between the units (where a comma and "&" always may)."""

    def gap(words: list[str], always: tuple[str, ...]) -> re.Pattern[str]:
        parts = [r"\s", *always]
        if words:
            parts.append(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b")
        return re.compile(f"(?:{'|'.join(parts)})*", re.IGNORECASE)

    first, between = rules.merged_gap.first, rules.merged_gap.next
    return {lang: (gap(getattr(first, lang), ()), gap(getattr(between, lang), (",", "&")))
            for lang in ("en", "vi")}
