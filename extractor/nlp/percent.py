"""Percentages ("7.52%", "0,43 phần trăm") and ratios ("increased 5.5 times", "gấp 7 lần")."""

from __future__ import annotations

import re
from decimal import Decimal

from extractor.nlp.drafts import FigureDraft, qualifier_of, span_of
from extractor.nlp.rules import CompiledRule, RuleSet

UNITS = {"percent": "%", "ratio": "times"}


def normalise(match: re.Match[str], rule: CompiledRule, rs: RuleSet) -> list[FigureDraft]:
    """One draft: a percent in percentage points, or a ratio as a multiplier."""
    kind = rule.rule.kind
    start, end = span_of(match)
    text = match.group("num")
    return [FigureDraft(
        kind=kind, start=start, end=end, rule=rule.id, priority=rule.rule.priority,
        number_text=text, multiplier=Decimal(1),
        unit=UNITS[kind], qualifier=qualifier_of(match, rs),
    )]
