"""Percentages ("7.52%", "0,43 phần trăm") and ratios ("increased 5.5 times", "gấp 7 lần")."""

from __future__ import annotations

from decimal import Decimal

from extractor.nlp.drafts import (
    FigureDraft,
    Match,
    group,
    numbers_readable,
    qualifier_of,
    span_of,
)
from extractor.nlp.rules import CompiledRule, RuleSet

UNITS = {"percent": "%", "ratio": "times"}


def normalise(match: Match, rule: CompiledRule, rs: RuleSet) -> list[FigureDraft]:
    """One draft: a percent in percentage points, or a ratio as a multiplier."""
    kind = rule.rule.kind
    if not numbers_readable(match):
        return []
    if group(match, "num2") is not None:
        return _range(match, rule)
    start, end = span_of(match)
    return [FigureDraft(
        kind=kind, start=start, end=end, rule=rule.id, priority=rule.rule.priority,
        number_text=match.group("num"), multiplier=Decimal(1),
        unit=UNITS[kind], qualifier=qualifier_of(match, rs),
    )]


def _range(match: Match, rule: CompiledRule) -> list[FigureDraft]:
    """"8-10%": two figures, one per bound."""
    unit = UNITS[rule.rule.kind]
    bounds = ((match.start("num"), match.end("num"), "num", "range: lower bound"),
              (match.start("num2"), match.end(), "num2", "range: upper bound"))
    return [FigureDraft(kind=rule.rule.kind, start=start, end=end, rule=rule.id,
                        priority=rule.rule.priority, number_text=match.group(name),
                        multiplier=Decimal(1), unit=unit, notes=[note])
            for start, end, name, note in bounds]
