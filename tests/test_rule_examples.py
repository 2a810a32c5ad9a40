"""Every rule's examples, read from the rule files and run (spaCy's TOKENIZER_TESTS, kept in the data).

Each line of ``rules/<lang>/<kind>.jsonl`` carries ``examples: {pos: [...], neg: [...]}``:
sentences where the rule finds a record with the value a reader finds there (written by
reading, not by running the extractor), and sentences where it must find nothing. Examples are
read as documents published on 2025-10-26. A meta-test fails when a rule lacks either kind.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from extractor.nlp.rules import PatternRule, example_value
from extractor.pipeline import extract_text
from extractor.registry.bundle import bundled

PUBLISHED = dt.date(2025, 10, 26)
PATTERN_RULES: list[PatternRule] = [r.rule for lang in ("en", "vi") for r in bundled().ruleset(lang).rules]


def _cases(rules: list[PatternRule], polarity: str) -> list[Any]:
    """One parametrised case per example of each rule, named ``<rule id><+|-><n>``."""
    return [pytest.param(rule, example, id=f"{rule.id}{polarity}{n}", marks=_known_failure(example))
            for rule in rules
            for n, example in enumerate(rule.examples.pos if polarity == "+" else rule.examples.neg, 1)]


def _known_failure(example: Any) -> list[pytest.MarkDecorator]:
    """A strict xfail for an example the data marks as a known failure (a fix turns it red)."""
    reason = getattr(example, "xfail", None)
    return [pytest.mark.xfail(strict=True, reason=reason)] if reason else []


def _lang(rule_id: str) -> str:
    return rule_id.split(".")[1]


def _records(text: str, lang: str) -> list:
    ex = extract_text(text, lang=lang, published=PUBLISHED, link=False)
    return [*ex.figures, *ex.dates, *ex.legal_refs]


def _value(record):
    if hasattr(record, "id") and hasattr(record, "issuer_code"):
        return record.id
    if hasattr(record, "granularity"):
        return record.value if record.value is not None else (record.period_start, record.period_end)
    return record.value


@pytest.mark.parametrize(("rule", "example"), _cases(PATTERN_RULES, "+"))
def test_rule_finds(rule: PatternRule, example) -> None:
    found = [r for r in _records(example.text, _lang(rule.id)) if r.rule == rule.id]
    expected = example_value(rule.kind, example.value)
    values = [_value(r) for r in found]
    assert expected in values, f"{rule.id} found {values} in {example.text!r}"
    if example.qualifier:
        qualifiers = [r.qualifier for r in found if _value(r) == expected]
        assert example.qualifier in qualifiers, f"{rule.id}: qualifiers {qualifiers} in {example.text!r}"


@pytest.mark.parametrize(("rule", "text"), _cases(PATTERN_RULES, "-"))
def test_rule_stays_silent(rule: PatternRule, text: str) -> None:
    found = [(r.text, _value(r)) for r in _records(text, _lang(rule.id)) if r.rule == rule.id]
    assert not found, f"{rule.id} should not fire on {text!r}, found {found}"


def test_every_rule_has_a_positive_and_a_negative_example() -> None:
    """Meta: no pattern rule of rules/<lang>/*.jsonl lacks either kind of example."""
    assert len(PATTERN_RULES) > 50
    lacking = sorted(r.id for r in PATTERN_RULES if not (r.examples.pos and r.examples.neg))
    assert not lacking, f"rules without a positive and a negative example: {lacking}"


# (language, text, field of the one money figure, its expected value)
MONEY_FIELDS = [
    # per-unit amounts
    ("en", "The revenue is nearly 5 billion VND/year.", "unit", "VND/year"),
    ("en", "Her family now earns about 120 million VND a year.", "unit", "VND/year"),
    ("en", "The fund lent VND 40 million each household.", "unit", "VND/household"),
    ("en", "Loans of 50 million VND per household reached the poor.", "unit", "VND/household"),
    ("en", "She earned 50 million VND a year ago.", "unit", "VND"),  # "a year ago" dates it: no rate
    ("en", "Loans of 50 million VND a decade ago were small.", "unit", "VND"),
    ("vi", "Mức vay tối đa 100 triệu đồng/hộ.", "unit", "VND/household"),
    ("vi", "Gia đình có thu nhập 120 triệu đồng mỗi năm.", "unit", "VND/year"),
    ("vi", "Thu nhập đạt 60 triệu đồng một năm.", "unit", "VND/year"),
    ("vi", "Thu nhập là 60 triệu đồng một năm trước.", "unit", "VND"),  # "một năm trước": a year ago
    # ceilings
    ("en", "Each household may borrow a maximum loan of 50 million VND/household.", "qualifier", "less_than"),
    ("en", "The maximum loan is 100 million VND per household.", "qualifier", "less_than"),
    ("en", "Loans are capped at a maximum of 100 million VND.", "qualifier", "less_than"),
    ("en", "The branch lent at most 80 million VND to each household.", "qualifier", "less_than"),
    ("en", "A loan of 50 million VND was granted.", "qualifier", "exact"),
    ("en", "The maximum term of a loan of 50 million VND is five years.", "qualifier", "exact"),
]


@pytest.mark.parametrize(("lang", "text", "field", "expected"), MONEY_FIELDS,
                         ids=[f"{f}:{t[:30]}" for _, t, f, _ in MONEY_FIELDS])
def test_money_unit_and_qualifier(lang: str, text: str, field: str, expected: str) -> None:
    [figure] = [r for r in _records(text, lang) if getattr(r, "kind", None) == "money"]
    assert getattr(figure, field) == expected
