"""Every rule's examples, read from the rule files and run (spaCy's TOKENIZER_TESTS, kept in the data).

The data carries its own examples, written by reading the sentence, never by running the extractor:
- each line of ``rules/<lang>/<kind>.jsonl``: ``examples: {pos: [{text, value}], neg: [text]}``,
  sentences where the rule finds a record with that value, and where it must find nothing;
- each cue and counted noun of ``rules/indicators.yaml``: sentences (in the markup of
  ``tests/helpers/markup.py``) where it links the figure to its indicator, and where it does not
  (with what the figure links to instead);
- each phrase of a marker list of ``rules/linking.yaml``, and of a phrase list of
  ``rules/scope.yaml`` (whose figures) and ``rules/parts.yaml`` (parts versus totals): sentences
  where it occurs and decides, and near misses where it does not, each with what its figure's
  observation holds.
Examples are read as documents published on 2025-10-26; cue and phrase examples as the body of
a document titled "Nghe An news" ("Tin Nghệ An") unless they give their own title. An example
marked ``xfail`` is a known failure (strict: a fix turns it red until the mark goes). A
meta-test fails when an entry lacks either kind.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from extractor.errors import RuleError
from extractor.link import scope
from extractor.link.indicators import Counterexample, CueExamples
from extractor.link.rules import (
    MARKER_LISTS,
    Expectation,
    MarkerExample,
    MarkerExamples,
    PhraseExamples,
    PhraseList,
    load_link_rules,
    load_part_rules,
    load_scope_rules,
    part_phrase_lists,
    rule_id,
    scope_phrase_lists,
)
from extractor.models import Extraction, Observation
from extractor.nlp.legal import code_key, load_legal_codes
from extractor.nlp.rules import PatternRule, example_value
from extractor.pipeline import extract_text
from extractor.registry.bundle import bundled, load_registry
from extractor.registry.phrases import new_tone
from extractor.resources import rules_dir
from helpers.markup import TITLE, build, example_document, link, observe

PUBLISHED = dt.date(2025, 10, 26)


def _params(name: str, subject: Any, examples: Sequence[Any], polarity: str) -> list[Any]:
    """One parametrised case per example, named ``<rule id><+|-><n>``."""
    return [pytest.param(subject, example, id=f"{name}{polarity}{n}", marks=_known_failure(example))
            for n, example in enumerate(examples, 1)]


def _known_failure(example: Any) -> list[pytest.MarkDecorator]:
    """A strict xfail for an example the data marks as a known failure (a fix turns it red)."""
    reason = getattr(example, "xfail", None)
    return [pytest.mark.xfail(strict=True, reason=reason)] if reason else []


# --- pattern rules: rules/<lang>/<kind>.jsonl ----------------------------------------------------

PATTERN_RULES: list[PatternRule] = [r.rule for lang in ("en", "vi") for r in bundled().ruleset(lang).rules]


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


@pytest.mark.parametrize(("rule", "example"), [c for r in PATTERN_RULES for c in _params(r.id, r, r.examples.pos, "+")])
def test_rule_finds(rule: PatternRule, example) -> None:
    found = [r for r in _records(example.text, _lang(rule.id)) if r.rule == rule.id]
    expected = example_value(rule.kind, example.value)
    values = [_value(r) for r in found]
    assert expected in values, f"{rule.id} found {values} in {example.text!r}"
    if example.qualifier:
        qualifiers = [r.qualifier for r in found if _value(r) == expected]
        assert example.qualifier in qualifiers, f"{rule.id}: qualifiers {qualifiers} in {example.text!r}"


@pytest.mark.parametrize(("rule", "text"), [c for r in PATTERN_RULES for c in _params(r.id, r, r.examples.neg, "-")])
def test_rule_stays_silent(rule: PatternRule, text: str) -> None:
    found = [(r.text, _value(r)) for r in _records(text, _lang(rule.id)) if r.rule == rule.id]
    assert not found, f"{rule.id} should not fire on {text!r}, found {found}"


# --- indicator cues: rules/indicators.yaml ----------------------------------------------------------


@dataclass(frozen=True)
class Cue:
    """A cue or counted noun of the lexicon: the rule id linking writes for it ("cue:dư nợ",
    "cue-after:escaped poverty", "unit:jobs"), the indicator whose entry lists it, the language
    of its examples, and the examples."""

    rule: str
    code: str
    lang: str
    examples: CueExamples

    @property
    def name(self) -> str:
        return f"{self.code}:{self.rule}"


def _cues() -> list[Cue]:
    cues = []
    for code, indicator in bundled().indicators.indicators.items():
        for position, prefix in (("before", "cue"), ("after", "cue-after")):
            for lang in ("en", "vi"):
                cues += [Cue(f"{prefix}:{c.phrase}", code, lang, c.examples)
                         for c in getattr(getattr(indicator, position), lang)]
        cues += [Cue(f"unit:{c.unit}", code, c.examples.lang, c.examples) for c in indicator.counted]
    return cues


CUES = _cues()


def _decided_by(obs: Any) -> str | None:
    return rule_id(obs.rules["indicator"]) if obs else None


@pytest.mark.parametrize(("cue", "text"), [c for cue in CUES for c in _params(cue.name, cue, cue.examples.pos, "+")])
def test_cue_links_its_indicator(cue: Cue, text: str) -> None:
    obs = observe(TITLE[cue.lang] + text, lang=cue.lang)
    assert (obs.indicator if obs else None, _decided_by(obs)) == (cue.code, cue.rule), text


@pytest.mark.parametrize(("cue", "example"), [c for cue in CUES for c in _params(cue.name, cue, cue.examples.neg, "-")])
def test_cue_does_not_decide(cue: Cue, example: Counterexample) -> None:
    obs = observe(TITLE[cue.lang] + example.text, lang=cue.lang)
    assert (obs.indicator if obs else None) == example.indicator, example.text
    assert _decided_by(obs) != cue.rule, example.text


# --- phrase lists: rules/linking.yaml, rules/scope.yaml, rules/parts.yaml -------------------------


@dataclass(frozen=True)
class MarkerPhrase:
    """A phrase of a list: its rule id ("<list>:<phrase>"), the list's name in the phrase index
    ("national", "scope:branch", "cited:directive", "parts:programme"), language and examples."""

    name: str
    list: str
    phrase: str
    lang: str
    examples: MarkerExamples | PhraseExamples


def _markers() -> list[MarkerPhrase]:
    rules = load_link_rules()
    return [MarkerPhrase(f"{name}:{m.phrase}", name, m.phrase, lang, m.examples)
            for name in MARKER_LISTS for lang in ("en", "vi") for m in getattr(getattr(rules, name), lang)]


def _listed(lists: list[PhraseList]) -> list[MarkerPhrase]:
    return [MarkerPhrase(f"{entry.name}:{p.phrase}", entry.name, p.phrase, lang, p.examples)
            for entry in lists for lang in ("en", "vi") for p in getattr(entry.phrases, lang)]


SCOPE_RULES = load_scope_rules(rules_dir() / "scope.yaml")
SCOPE_LISTS = scope_phrase_lists(SCOPE_RULES)
PART_LISTS = part_phrase_lists(load_part_rules(rules_dir() / "parts.yaml"))
MARKERS = _markers()
SCOPE_PHRASES = _listed(SCOPE_LISTS)
PART_PHRASES = _listed(PART_LISTS)
PHRASES = [*MARKERS, *SCOPE_PHRASES, *PART_PHRASES]
# The words making the bank a borrower (``bank_borrows``) are no list of the phrase index: each is
# read right before a name of the bank (``scope._borrows``).
BORROW_PHRASES = [MarkerPhrase(f"bank_borrows:{p.phrase}", "bank_borrows", p.phrase, lang, p.examples)
                  for lang in ("en", "vi") for p in getattr(SCOPE_RULES.bank_borrows, lang)]

# The markup makes every legal reference a directive; a reference whose id writes its type code
# ("11/NQ-CP", "28/2022/NĐ-CP") is of that type's kind, as the extraction would read it.
LEGAL_TYPES = load_legal_codes(rules_dir() / "legal_codes.yaml").types
_TYPE_CODE = re.compile(r"[^\W\d_]+")


def _kinds_from_ids(ex: Extraction) -> Extraction:
    refs = []
    for ref in ex.legal_refs:
        code = _TYPE_CODE.search(ref.id)
        kind = LEGAL_TYPES.get(code_key(code.group())) if code else None
        refs.append(ref.model_copy(update={"kind": kind, "type_code": code.group()}) if code and kind else ref)
    return ex.model_copy(update={"legal_refs": tuple(refs)})


def read(example: MarkerExample, lang: str) -> tuple[str, Observation | None]:
    """The text of the document an example is read in, and its figure's observation."""
    kwargs = {"published": None} if example.undated else {}
    ex, focus = build(example_document(example, lang), lang=lang, **kwargs)
    found = [o for o in link(_kinds_from_ids(ex)).observations if o.start == focus]
    return ex.document.text, (found[0] if found else None)


@pytest.mark.parametrize(("marker", "example"), [c for m in PHRASES for c in _params(m.name, m, m.examples.pos, "+")])
def test_marker_decides(marker: MarkerPhrase, example: MarkerExample) -> None:
    text, obs = read(example, marker.lang)
    found = {phrase for _, _, phrase in bundled().linker.index[marker.lang].scan(new_tone(text))[marker.list]}
    assert marker.phrase in found, f"{marker.name} is not in {example.text!r}"
    check(obs, example.expect)


@pytest.mark.parametrize(("marker", "example"), [c for m in PHRASES for c in _params(m.name, m, m.examples.neg, "-")])
def test_marker_counterexample(marker: MarkerPhrase, example: MarkerExample) -> None:
    check(read(example, marker.lang)[1], example.expect)


@pytest.mark.parametrize(("marker", "example"),
                         [c for m in BORROW_PHRASES for c in _params(m.name, m, m.examples.pos, "+")])
def test_borrower_word_decides(marker: MarkerPhrase, example: MarkerExample,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    text, obs = read(example, marker.lang)
    assert re.search(rf"(?i)(?<!\w){re.escape(marker.phrase)}\s+(?:the\s+)?\S", text), \
        f"{marker.name} is not before a name in {example.text!r}"
    check(obs, example.expect)
    # The phrase decides: without the borrower words the bank named last owns the figure.
    monkeypatch.setattr(scope, "_borrower_words", lambda words: None)
    assert read(example, marker.lang)[1] is not None


@pytest.mark.parametrize(("marker", "example"),
                         [c for m in BORROW_PHRASES for c in _params(m.name, m, m.examples.neg, "-")])
def test_borrower_word_counterexample(marker: MarkerPhrase, example: MarkerExample) -> None:
    check(read(example, marker.lang)[1], example.expect)


def check(obs: Any, expect: Expectation) -> None:
    """The observation holds every field the example gives (``indicator: None``: there is none)."""
    given = expect.given()
    if "indicator" in given and given["indicator"] is None:
        assert obs is None, obs
        return
    assert obs is not None
    rules = given.pop("rules", {})
    assert {key: getattr(obs, key) for key in given} == given
    assert {key: obs.rules.get(key) for key in rules} == rules


# --- the meta-test ----------------------------------------------------------------------------------


def test_every_rule_and_cue_has_a_positive_and_a_negative_example() -> None:
    """Meta: no pattern rule, indicator cue, counted noun or phrase of rules/linking.yaml,
    rules/scope.yaml or rules/parts.yaml lacks either kind of example, and every phrase list of
    the last two (their glue words aside) is run."""
    entries = [(r.id, r.examples.pos, r.examples.neg) for r in PATTERN_RULES]
    entries += [(c.name, c.examples.pos, c.examples.neg) for c in CUES]
    entries += [(m.name, m.examples.pos, m.examples.neg) for m in [*PHRASES, *BORROW_PHRASES]]
    assert len(BORROW_PHRASES) == len(SCOPE_RULES.bank_borrows.en) + len(SCOPE_RULES.bank_borrows.vi) > 0
    assert len(PATTERN_RULES) > 50 and len(CUES) > 150 and len(MARKERS) > 100
    assert len(SCOPE_PHRASES) > 100 and len(PART_PHRASES) > 100
    lists = {entry.name for entry in [*SCOPE_LISTS, *PART_LISTS] if entry.phrases.en or entry.phrases.vi}
    assert {m.list for m in [*SCOPE_PHRASES, *PART_PHRASES]} == lists
    assert {"scope:branch", "scope:venue", "cited:decree", "parts:total", "parts:area_before"} <= lists
    lacking = sorted(name for name, pos, neg in entries if not (pos and neg))
    assert not lacking, f"entries without a positive and a negative example: {lacking}"


def test_bad_scope_and_part_entries_are_reported_with_their_line(tmp_path: Path) -> None:
    """A phrase without negatives, a document kind linking does not know, a plain phrase where one
    with examples belongs, and a phrase repeating another of its list (phrases match ignoring
    case: only the first could ever match) are each reported as file:line."""
    scope = (rules_dir() / "scope.yaml").read_text("utf-8").splitlines()
    vbsp = scope.index('    - phrase: "VBSP"')
    assert scope[vbsp + 4] == "        neg:"
    del scope[vbsp + 4 : vbsp + 6]
    kind = scope.index("  directive:")
    scope[kind] = "  directve:"
    parts = (rules_dir() / "parts.yaml").read_text("utf-8").splitlines()
    total = parts.index("total:") + 2
    assert parts[total] == '    - phrase: "total"' and parts[total + 5].lstrip().startswith("- {")
    parts[total : total + 6] = ['    - "total"']  # the phrase without its examples
    found = _problems(tmp_path, "scope.yaml", scope, load_scope_rules)
    found += _problems(tmp_path, "parts.yaml", parts, load_part_rules)
    assert found[0] == f"scope.yaml:{vbsp + 3}: bank_topic.en.0.examples.neg: Field required"
    assert found[1].startswith(f"scope.yaml:{kind + 2}: cited_document.directve.[key]: Input should be 'directive'")
    assert found[2].startswith(f"parts.yaml:{total + 1}: total.en.0: Input should be a valid dictionary")
    scope = (rules_dir() / "scope.yaml").read_text("utf-8").splitlines()
    again = scope.index('    - phrase: "Vietnam Bank for Social Policies"')
    scope[again] = '    - phrase: "vbsp"'
    assert _problems(tmp_path, "scope.yaml", scope, load_scope_rules) == [
        f"scope.yaml:{again + 1}: 'vbsp' repeats 'VBSP' (phrases match ignoring case)"]


def test_indicators_the_part_rules_name_must_be_indicator_codes(tmp_path: Path) -> None:
    """An indicator of ``group_topic_outcomes``, ``topic_indicators``, ``rate_numerators`` or
    ``bare_share_indicators`` that rules/indicators.yaml does not define is reported as file:line
    when the rules load together (``load_registry``): a misspelt code would silently never match."""
    folder = tmp_path / "rules"
    shutil.copytree(rules_dir(), folder)
    parts = (folder / "parts.yaml").read_text("utf-8").splitlines()
    names = ("group_topic_outcomes:", "topic_indicators:", "rate_numerators:", "bare_share_indicators:")
    rows = [next(i for i, line in enumerate(parts) if line.startswith(name)) for name in names]
    parts[rows[0]] = parts[rows[0]].replace("jobs_created", "job_created")
    parts[rows[1]] = parts[rows[1]].replace("lending_turnover", "lending_turnovers")
    parts[rows[2]] = parts[rows[2]].replace("overdue_debt_rate", "overdue_rate")
    parts[rows[3]] = parts[rows[3]].replace("[outstanding_loans", "[outstanding_loan")
    (folder / "parts.yaml").write_text("\n".join(parts) + "\n", "utf-8")
    with pytest.raises(RuleError) as err:
        load_registry(folder)
    assert [p.split("parts.yaml:", 1)[1].split(" is no", 1)[0] for p in err.value.problems] == [
        f"{rows[0] + 1}: 'job_created'", f"{rows[1] + 1}: 'lending_turnovers'", f"{rows[2] + 1}: 'overdue_rate'",
        f"{rows[3] + 1}: 'outstanding_loan'"]


def _problems(folder: Path, name: str, lines: list[str], load: Any) -> list[str]:
    """The problems ``load`` reports for ``lines`` written as ``folder/name``, without the folder."""
    path = folder / name
    path.write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(RuleError) as err:
        load(path)
    return [p.removeprefix(f"{folder}/") for p in err.value.problems]


# (language, text, field of the one money figure, its expected value)
MONEY_FIELDS = [
    # per-unit amounts
    ("en", "The revenue is nearly 5 billion VND/year.", "unit", "VND/year"),
    ("en", "Her family now earns about 120 million VND a year.", "unit", "VND/year"),
    ("en", "The fund lent VND 40 million each household.", "unit", "VND/household"),
    ("en", "Loans of 50 million VND per household reached the poor.", "unit", "VND/household"),
    ("en", "She earned 50 million VND a year ago.", "unit", "VND"),  # "a year ago" dates it: no rate
    ("en", "Loans of 50 million VND a decade ago were small.", "unit", "VND"),
    ("en", "My stall brings in over 6 million VND (before costs) per month.", "unit", "VND/month"),
    ("en", "Each savings group held an average debt of 1.9 billion VND/group.", "unit", "VND/group"),
    # Per person of a group, not per group.
    ("en", "The union lent VND 20 million per group member.", "unit", "VND/member"),
    ("en", "Lending reached 1.9 billion VND per grouping of three communes.", "unit", "VND"),
    ("en", "She borrowed 6 million VND (in 2019) for a year.", "unit", "VND"),
    ("vi", "Mức vay tối đa 100 triệu đồng/hộ.", "unit", "VND/household"),
    ("vi", "Ở thôn này, dư nợ chia đều khoảng 960 triệu đồng/tổ.", "unit", "VND/group"),
    ("vi", "Hai hội nhận ủy thác, 830 tỷ đồng mỗi tổ chức.", "unit", "VND"),
    ("vi", "Tiền gửi tiết kiệm đạt 3 triệu đồng/tổ viên.", "unit", "VND/member"),
    ("vi", "Dư nợ của xã đạt 17 tỷ đồng, tổ trưởng các thôn họp định kỳ.", "unit", "VND"),
    ("vi", "Gia đình có thu nhập 120 triệu đồng mỗi năm.", "unit", "VND/year"),
    ("vi", "Thu nhập đạt 60 triệu đồng một năm.", "unit", "VND/year"),
    ("vi", "Thu nhập là 60 triệu đồng một năm trước.", "unit", "VND"),  # "một năm trước": a year ago
    # a clause opening with a yearly word (lexicon yearly_openers)
    ("vi", "2. Hằng năm bố trí tối thiểu 120 tỷ đồng từ ngân sách tỉnh.", "unit", "VND/year"),
    ("vi", "Hằng năm, ngân sách tỉnh bố trí 50 tỷ đồng.", "unit", "VND/year"),
    ("vi", "Hằng năm, tỉnh rà soát hộ nghèo, đến nay dư nợ đạt 5.000 tỷ đồng.", "unit", "VND"),
    ("vi", "Hằng năm tỉnh rà soát hộ nghèo; dư nợ đạt 5.000 tỷ đồng.", "unit", "VND"),
    ("vi", "Năm 2024 tỉnh bố trí 50 tỷ đồng.", "unit", "VND"),
    ("en", "Each year the province has put tens of billions of VND into the programmes.", "unit", "VND/year"),
    ("en", "Every year, the budget sets aside VND 30 billion.", "unit", "VND/year"),
    ("en", "Each year the province reviews poor households, and lending reached VND 5 trillion.", "unit", "VND"),
    ("en", "This year the province set aside VND 30 billion.", "unit", "VND"),
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


# (language, text read without a publication date, the value of its yearless day): a review of
# N years of a reference (lexicon review_cues) dates the text N years after the reference's
# issue; without one the day takes the text's latest explicit year
REVIEW_YEARS = [
    ("en", "On the morning of March 3, the provincial committee met to review 5 years of implementing "
           "Directive No. 12-CT/TU dated April 9, 2018 of the Provincial Party Committee.",
     dt.date(2023, 3, 3)),
    ("en", "On June 5, the bank held a conference summarizing ten years of implementing Decision No. "
           "750/QD-TTg dated May 20, 2013 of the Prime Minister.", dt.date(2023, 6, 5)),
    ("vi", "Sáng 9/10, Ban Thường vụ Tỉnh ủy tổ chức hội nghị tổng kết 5 năm thực hiện Chỉ thị số "
           "15-CT/TU ngày 3/8/2019 của Tỉnh ủy.", dt.date(2024, 10, 9)),
    ("en", "On March 3, the provincial committee met to carry out Directive No. 12-CT/TU dated "
           "April 9, 2018 of the Provincial Party Committee.", dt.date(2018, 3, 3)),
    ("en", "Directive No. 12-CT/TU dated April 9, 2018 set the course; on March 3, the committee met to "
           "review 5 years of its work.", dt.date(2018, 3, 3)),
    ("vi", "Sáng 9/10, Tỉnh ủy tổ chức hội nghị triển khai Chỉ thị số 15-CT/TU ngày 3/8/2019 của Tỉnh ủy.",
     dt.date(2019, 10, 9)),
]


@pytest.mark.parametrize(("lang", "text", "expected"), REVIEW_YEARS,
                         ids=[f"{lang}:{t[:40]}" for lang, t, _ in REVIEW_YEARS])
def test_yearless_day_of_a_review(lang: str, text: str, expected: dt.date) -> None:
    ex = extract_text(text, lang=lang, published=None, link=False)
    assert expected in [d.value for d in ex.dates if d.year_inferred]

