"""Money: VND (integer đồng) and USD amounts, with scale words, qualifiers and per-units."""

from __future__ import annotations

from decimal import Decimal

from extractor.nlp.drafts import (
    VAGUE_NOTE,
    FigureDraft,
    Match,
    group,
    number_readings,
    numbers_readable,
    power_of,
    qualifier_of,
    ten_to,
)
from extractor.nlp.rules import CompiledRule, RuleSet


def normalise(match: Match, rule: CompiledRule, rs: RuleSet) -> list[FigureDraft]:
    """Turn a money match into one draft (two for a range, see ``_range``)."""
    unit = _unit(match, rs)
    if unit is None or not numbers_readable(match):
        return []
    if group(match, "num2") is not None or group(match, "word2") is not None:
        return _range(match, rule, rs, unit)
    if group(match, "vague") is not None:
        return [_vague(match, rule, rs, unit)]
    if group(match, "word") is not None:
        return [_spelled(match, rule, rs, unit)]
    text = match.group("num")
    # "13 nghìn 400 tỷ": an ``outer`` scale multiplies the whole amount (13 nghìn + 400) tỷ.
    power = power_of(match, rs) + power_of(match, rs, "outer")
    addend = _compound_rest(match, rs)
    return [
        FigureDraft(
            kind="money", start=match.start(), end=match.end(), rule=rule.id,
            priority=rule.rule.priority, number_text=text, multiplier=ten_to(power), unit=unit,
            qualifier=qualifier_of(match, rs),
            addend=addend,
        )
    ]


def _unit(match: Match, rs: RuleSet) -> str | None:
    """VND or USD, with a per-unit ("VND/year") when the text gives one."""
    currency = group(match, "cur")
    unit = rs.find("currencies", currency) if currency else "VND"
    per = group(match, "per")
    if unit and per:
        unit = f"{unit}/{rs.find('per_units', per)}"
    return unit


def _compound_rest(match: Match, rs: RuleSet) -> Decimal:
    """The smaller parts of a compound amount: "3.579 tỷ 654 triệu" → 654 × 10⁶; a part without
    its own scale takes the outer one ("13 nghìn 400 tỷ" → 400 × 10⁹)."""
    total = Decimal(0)
    for index in (2, 3):
        text = group(match, f"part{index}")
        if text:
            value = number_readings(text, rs)[0]
            scale = f"scale{index}" if group(match, f"scale{index}") else "outer"
            total += value * ten_to(power_of(match, rs, scale))
    return total


def _vague(match: Match, rule: CompiledRule, rs: RuleSet, unit: str) -> FigureDraft:
    """"hundreds of trillions of VND": the lower bound, qualifier more_than."""
    bound = Decimal(rs.find("vague", match.group("vague")))
    return FigureDraft(
        kind="money", start=match.start(), end=match.end(), rule=rule.id,
        priority=rule.rule.priority, number_text=match.group("vague"), readings=(bound,),
        multiplier=ten_to(power_of(match, rs)), unit=unit, qualifier="more_than",
        notes=[VAGUE_NOTE],
    )


def _spelled(match: Match, rule: CompiledRule, rs: RuleSet, unit: str) -> FigureDraft:
    """"eight million dong": a number written as a word, with its scale."""
    word = match.group("word")
    return FigureDraft(
        kind="money", start=match.start(), end=match.end(), rule=rule.id,
        priority=rule.rule.priority, number_text=word, readings=(Decimal(rs.find("number_words", word)),),
        multiplier=ten_to(power_of(match, rs)), unit=unit, qualifier=qualifier_of(match, rs),
    )


def _range(match: Match, rule: CompiledRule, rs: RuleSet, unit: str) -> list[FigureDraft]:
    """"from 30 to 50 million VND": two figures; the first takes the second's scale if it has none."""
    high_power = power_of(match, rs)
    low_power = power_of(match, rs, "scale1") if group(match, "scale1") else high_power
    upper = "num2" if group(match, "num2") is not None else "word2"  # "between 2.5 and four million"
    drafts = []
    for name, power, note in (("num", low_power, "range: lower bound"),
                              (upper, high_power, "range: upper bound")):
        start, end = match.span(name)
        if name != "num":
            end = match.end()
        elif group(match, "scale1"):
            end = match.end("scale1")
        text = match.group(name)
        spelled = (Decimal(rs.find("number_words", text)),) if name == "word2" else ()
        drafts.append(FigureDraft(
            kind="money", start=start, end=end, rule=rule.id, priority=rule.rule.priority,
            number_text=text, readings=spelled, multiplier=ten_to(power), unit=unit, notes=[note],
        ))
    return drafts
