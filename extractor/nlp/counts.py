"""Counts: a number with the thing it counts ("234,414 poor households", "92,5 nghìn lượt")."""

from __future__ import annotations

from decimal import Decimal

from extractor.nlp.drafts import (
    VAGUE_NOTE,
    FigureDraft,
    Match,
    group,
    numbers_readable,
    power_of,
    qualifier_of,
    ten_to,
)
from extractor.nlp.rules import CompiledRule, RuleSet

# The unit of a count whose noun is left out ("8,200 students, of whom 640 in
# vocational schools"): ``assemble.elided_units`` gives it the noun of the count before it.
ELIDED = ""


def normalise(match: Match, rule: CompiledRule, rs: RuleSet) -> list[FigureDraft]:
    """One draft per count match; the unit is the counted noun's canonical name."""
    noun = group(match, "noun")
    if noun is None:
        return [_elided(match, rule, rs)] if numbers_readable(match) else []
    unit = rs.find("count_nouns", noun)
    if unit is None or not numbers_readable(match):
        return []
    mods = (group(match, "mods") or "").strip()
    counted = f"{mods} {noun}".strip()
    vague = group(match, "vague")
    if vague:
        return [FigureDraft(
            kind="count", start=match.start(), end=match.end(), rule=rule.id,
            priority=rule.rule.priority, number_text=vague,
            readings=(Decimal(rs.find("vague", vague)),), multiplier=Decimal(1), unit=unit,
            qualifier="more_than", counted=counted, notes=[VAGUE_NOTE],
        )]
    word = group(match, "word")
    if word is not None:  # "two million students": a number word and its scale
        return [FigureDraft(
            kind="count", start=match.start(), end=match.end(), rule=rule.id,
            priority=rule.rule.priority, number_text=word, readings=(Decimal(rs.find("number_words", word)),),
            multiplier=ten_to(power_of(match, rs)), unit=unit, qualifier=qualifier_of(match, rs), counted=counted,
        )]
    text = match.group("num")
    return [FigureDraft(
        kind="count", start=match.start(), end=match.end(), rule=rule.id,
        priority=rule.rule.priority, number_text=text,
        multiplier=ten_to(power_of(match, rs)), unit=unit,
        qualifier=qualifier_of(match, rs), counted=counted,
    )]


def _elided(match: Match, rule: CompiledRule, rs: RuleSet) -> FigureDraft:
    """A count whose noun is left out: its unit is settled once the count before it is known."""
    return FigureDraft(
        kind="count", start=match.start(), end=match.end(), rule=rule.id,
        priority=rule.rule.priority, number_text=match.group("num"),
        multiplier=ten_to(power_of(match, rs)), unit=ELIDED, qualifier=qualifier_of(match, rs),
    )
