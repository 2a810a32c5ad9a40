"""The indicator lexicon: which words make a figure a measure of which indicator.

``rules/indicators.yaml`` lists every indicator code of ``shared/spec/indicators.md`` with its kind
(money, count, percent), whether it is a stock (read at a date) or a flow (summed over a period),
and its cues in English and Vietnamese. A cue *before* a figure governs it ("dư nợ đạt 13.612 tỷ
đồng"), a cue *after* it governs it when it follows closely ("234,414 households still having
outstanding loans"), and a count whose counted noun names the indicator ("21 transaction offices")
needs no other cue. Every cue and counted noun carries its examples (sentences it decides and
sentences it must not), validated here, run by ``tests/test_rule_examples.py`` and never
compiled. One phrase index per language finds every cue of a text in one pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal, NamedTuple

from pydantic import Field

from extractor.registry.files import (
    RuleFile,
    Strict,
    raise_problems,
    read_rule_file,
    validate_rule_file,
)
from extractor.registry.phrases import Hit, PhraseIndex, first_word, phrase_regex
from extractor.resources import rules_dir

Lang = Literal["en", "vi"]
Kind = Literal["money", "count", "percent"]
Measure = Literal["stock", "flow"]



class Cues(Strict):
    """Words or phrases of each language, in lists that carry no examples (``merged_gap``)."""

    en: list[str] = Field(default_factory=list)
    vi: list[str] = Field(default_factory=list)


Text = Annotated[str, Field(min_length=1)]


class Counterexample(Strict):
    """A sentence whose figure the cue must not decide, and the indicator the figure links to
    instead (``None``: no observation)."""

    text: Text
    indicator: str | None


class CueExamples(Strict):
    """Sentences in the markup of ``tests/helpers/markup.py``: in ``pos`` the cue links the figure to
    its entry's indicator, in ``neg`` it does not (tests run them all)."""

    pos: list[Text] = Field(min_length=1)
    neg: list[Counterexample] = Field(min_length=1)


class IndicatorCue(Strict):
    """A cue phrase with its examples; a word written [a|b] is optional."""

    phrase: Text
    examples: CueExamples
    # Another indicator one of whose cues must stand earlier in the sentence: a generic cue
    # ("growth rate") speaks of this indicator only where the sentence is about it.
    requires: str | None = None
    # The stock indicator the cue gives a figure its sentence dates at a point ("as of June 30",
    # "by the end of 2023") rather than over a period: households that "had access to loans
    # as of" a day are those holding loans that day, not those lent to during a period.
    at_a_date: str | None = None
    # Figure units beyond its indicator's own that the cue still decides: turns that "còn dư nợ"
    # (still hold loans) are borrowers with loans at a date, where turns alone count loans made.
    units: list[Text] = Field(default_factory=list)
    # Whether the cue decides only where the bank's credit is named as the figure's cause (a
    # ``credit_cause`` word of rules/linking.yaml): "the loans helped 5,000 workers have jobs" are
    # the loans' jobs, "5,000 workers have jobs" alone is a labour statistic. ``sentence``: the
    # word may stand in an earlier part of the sentence (a semicolon list of the credit's
    # outcomes); ``part``: only in the figure's own part, for a cue that names no outcome of its
    # own ("… turns of students": "Loans went to farms; 900 turns of students sat the quiz").
    credit_caused: Literal["sentence", "part"] | None = None
    # Whether the cue decides only an amount larger than one loan can be (``one_loan_max`` of
    # rules/linking.yaml): "VND 6 trillion in soft loans" is what a branch lent, "VND 50 million
    # in soft loans" one family's loan in a story about it.
    beyond_one_loan: bool = False
    # A marker list of rules/linking.yaml one of whose verbs must stand right before the amount
    # the cue reads (the figure, or for a cue after the amount the amount before the cue in its
    # clause), not negated and with no other indicator's cue before it in the clause: "in soft
    # loans" after an amount says it was lent only behind "has provided" or "extended"; after
    # "outstanding loans reached" it names the product of a stock. ``causative_verbs``: "helped N
    # people work abroad", not a count of migrants the sentence only mentions. ``holding_verbs``:
    # "the commune has N households borrowing from the bank", not households of a story that
    # borrow from it and did something else.
    verb_before: Literal["lending_verbs", "causative_verbs", "holding_verbs"] | None = None
    # Whether a cue after the figure decides only right after its noun, qualifying it ("N
    # customers borrowing from the bank"), not across other words ("N households still in need
    # of borrowing", "N new households started borrowing").
    right_after: bool = False


class CountedExamples(CueExamples):
    """A counted noun's examples, with the language they are written in (a unit has none)."""

    lang: Lang


class CountedUnit(Strict):
    """A counted noun (a figure's unit) that names the indicator on its own, with its examples."""

    unit: Text
    examples: CountedExamples


class CueLists(Strict):
    """The cues of one position (before or after the figure) in each language."""

    en: list[IndicatorCue] = Field(default_factory=list)
    vi: list[IndicatorCue] = Field(default_factory=list)

    def phrases(self, lang: str) -> list[str]:
        """The cue phrases of ``lang``."""
        cues: list[IndicatorCue] = getattr(self, lang)
        return [cue.phrase for cue in cues]


class IndicatorRule(Strict):
    """One indicator: its code, what kind of figure measures it and the words that say so."""

    code: str = Field(pattern=r"^[a-z][a-z_]*$")
    kind: Kind
    measure: Measure
    name: str  # English, lower case as it reads inside a sentence
    name_vi: str  # the same in Vietnamese (the web app's Vietnamese pages)
    definition: str = ""  # what it counts, for readers, in English
    definition_vi: str = ""  # the same in Vietnamese
    units: list[str] = Field(min_length=1)
    before: CueLists = CueLists()
    after: CueLists = CueLists()
    counted: list[CountedUnit] = Field(default_factory=list)
    # The count indicator of the borrowers a money figure of this indicator is joined to ("dư nợ
    # 3.107 tỷ đồng/137.834 khách hàng", "lending of VND 1.8 trillion to 41,000 borrowers").
    count_pair: str | None = None
    # Whether a programme, channel, group, source or average named beside a figure makes it a
    # breakdown: not for an outcome that one programme produces ("jobs created", "houses built").
    cued_parts: bool = True
    # Whether an amount "added" to this stock is an observation over a period (the budget's
    # capital entrusted in a year), not a change of the stock ("added VND 640 billion in
    # outstanding loans": the loans grew by that much).
    added_is_flow: bool = False


class IndicatorFile(Strict):
    """``rules/indicators.yaml``."""

    version: Literal[1]
    indicators: list[IndicatorRule] = Field(min_length=1)


class CueHit(NamedTuple):
    """A cue found in a text: where, which phrase, and whether it reads before or after."""

    start: int
    end: int
    phrase: str
    position: Literal["before", "after"]


@dataclass(frozen=True)
class IndicatorLexicon:
    """The loaded indicator lexicon: its phrases per language and position, and an index."""

    indicators: dict[str, IndicatorRule]
    phrases: dict[tuple[str, str], tuple[str, ...]]
    by_phrase: dict[tuple[str, str, str], tuple[str, ...]]
    by_unit: dict[str, str]
    index: dict[str, PhraseIndex]
    requires: dict[tuple[str, str, str, str], str] = field(default_factory=dict)  # (lang, position, phrase, code)
    at_a_date: dict[tuple[str, str, str, str], str] = field(default_factory=dict)  # the same keys
    cue_units: dict[tuple[str, str, str, str], frozenset[str]] = field(default_factory=dict)  # the same keys
    credit_caused: dict[tuple[str, str, str, str], str] = field(default_factory=dict)  # the same keys
    beyond_one_loan: frozenset[tuple[str, str, str, str]] = frozenset()  # the same keys
    verb_before: dict[tuple[str, str, str, str], str] = field(default_factory=dict)  # the same keys
    right_after: frozenset[tuple[str, str, str, str]] = frozenset()  # the same keys

    def find_cues(self, text: str, *, lang: str, start: int = 0, end: int | None = None) -> list[CueHit]:
        """Every cue of ``lang`` in ``text[start:end]`` (``text`` already in new tone), by offset."""
        hits = self.index[lang].scan(text)
        return cues_of(hits["before"], hits["after"], start=start, end=len(text) if end is None else end)

    def candidates(self, cue: CueHit, *, lang: str) -> tuple[str, ...]:
        """Indicator codes a cue can stand for (the figure's kind and unit choose among them)."""
        return self.by_phrase.get((lang, cue.position, cue.phrase.lower()), ())

    @property
    def borrower_codes(self) -> frozenset[str]:
        """The indicators that count borrowers of a money level (its ``count_pair``)."""
        return frozenset(r.count_pair for r in self.indicators.values() if r.count_pair)

    def added_units(self, code: str, *, lang: str) -> frozenset[str]:
        """The units beyond indicator ``code``'s own that some cue of ``lang`` reading it adds (the
        per-borrower units of "average outstanding loan", "dư nợ bình quân")."""
        return frozenset().union(*(units for (cue_lang, _, _, cue_code), units in self.cue_units.items()
                                   if cue_lang == lang and cue_code == code))

    def accepts(self, code: str, *, kind: str, unit: str) -> bool:
        """Whether a figure of ``kind`` and ``unit`` can measure indicator ``code``."""
        rule = self.indicators[code]
        return rule.kind == kind and unit in rule.units

    def cue_accepts(self, cue: CueHit, code: str, *, lang: str, kind: str, unit: str) -> bool:
        """Whether ``cue``, read as indicator ``code``, governs a figure of ``kind`` and ``unit``:
        one of the indicator's units, or of those the cue adds."""
        added = self.cue_units.get((lang, cue.position, cue.phrase.lower(), code), frozenset())
        return self.accepts(code, kind=kind, unit=unit) or (self.indicators[code].kind == kind and unit in added)


def cues_of(before: list[Hit], after: list[Hit], *, start: int = 0, end: int = 2**62) -> list[CueHit]:
    """Index hits of the two cue sets as ``Cue`` records inside ``[start, end)``, by offset."""
    cues = [CueHit(s, e, p, "before") for s, e, p in before if start <= s and e <= end]
    cues += [CueHit(s, e, p, "after") for s, e, p in after if start <= s and e <= end]
    return sorted(cues, key=lambda c: (c.start, -c.end))


def _phrase_problems(rf: RuleFile, model: IndicatorFile) -> list[str]:
    """Duplicate codes, cues that cannot compile, cues claimed twice for one kind, examples
    naming an indicator the file does not list."""
    problems: list[str] = []
    seen_codes: set[str] = set()
    owners: dict[tuple[str, str, str, str], str] = {}
    codes = {rule.code for rule in model.indicators}
    for i, rule in enumerate(model.indicators):
        if rule.code in seen_codes:
            problems.append(rf.problem(("indicators", i, "code"), f"duplicate code {rule.code!r}"))
        seen_codes.add(rule.code)
        for j, unit in enumerate(rule.counted):
            problems += _unknown_codes(rf, ("indicators", i, "counted", j), unit.examples, codes)
        for position, lang, j, cue in _cue_entries(rule):
            loc = ("indicators", i, position, lang, j)
            problems += _unknown_codes(rf, loc, cue.examples, codes)
            problems += _cue_problems(rf, (*loc, "phrase"), cue.phrase)
            problems += _stock_problems(rf, loc, cue, rule, model)
            key = (lang, position, cue.phrase.lower(), rule.kind)
            if key in owners and owners[key] != rule.code:
                problems.append(rf.problem((*loc, "phrase"),
                                           f"cue {cue.phrase!r} already governs {owners[key]} ({rule.kind})"))
            owners.setdefault(key, rule.code)
    return problems


def _cue_entries(rule: IndicatorRule) -> Iterator[tuple[str, str, int, IndicatorCue]]:
    """Every cue of an indicator: its position, language, index in its list, and the cue."""
    for position in ("before", "after"):
        for lang in ("en", "vi"):
            for j, cue in enumerate(getattr(getattr(rule, position), lang)):
                yield position, lang, j, cue


def _cue_problems(rf: RuleFile, loc: tuple[object, ...], phrase: str) -> list[str]:
    """A cue phrase that does not compile, or whose first word is optional, is a problem."""
    problems = []
    try:
        re.compile(phrase_regex(phrase))
    except re.error as exc:
        problems.append(rf.problem(loc, f"cue {phrase!r} does not compile: {exc}"))
    if not first_word(phrase):
        problems.append(rf.problem(loc, f"cue {phrase!r} must start with a word"))
    return problems


def _stock_problems(rf: RuleFile, loc: tuple[object, ...], cue: IndicatorCue, rule: IndicatorRule,
                    model: IndicatorFile) -> list[str]:
    """A cue's ``at_a_date`` indicator must be a stock indicator of the file, of the cue's kind."""
    if cue.at_a_date is None:
        return []
    target = next((r for r in model.indicators if r.code == cue.at_a_date), None)
    if target is None or target.measure != "stock" or target.kind != rule.kind:
        return [rf.problem((*loc, "at_a_date"), f"{cue.at_a_date!r} is no stock indicator of kind {rule.kind}")]
    return []


def _unknown_codes(rf: RuleFile, loc: tuple[object, ...], examples: CueExamples, codes: set[str]) -> list[str]:
    """A counterexample linking to an indicator the lexicon does not list (a typo) is a problem."""
    return [rf.problem((*loc, "examples", "neg", k, "indicator"),
                       f"example links to {neg.indicator!r}, which is no indicator code of this file")
            for k, neg in enumerate(examples.neg) if neg.indicator is not None and neg.indicator not in codes]


def build_lexicon(model: IndicatorFile) -> IndicatorLexicon:
    """Compile the validated lexicon into a phrase index per language."""
    by_phrase: dict[tuple[str, str, str], tuple[str, ...]] = {}
    requires: dict[tuple[str, str, str, str], str] = {}
    at_a_date: dict[tuple[str, str, str, str], str] = {}
    cue_units: dict[tuple[str, str, str, str], frozenset[str]] = {}
    credit_caused: dict[tuple[str, str, str, str], str] = {}
    beyond_one_loan: set[tuple[str, str, str, str]] = set()
    verb_before: dict[tuple[str, str, str, str], str] = {}
    right_after: set[tuple[str, str, str, str]] = set()
    phrases: dict[tuple[str, str], list[str]] = {
        (language, side): [] for language in ("en", "vi") for side in ("before", "after")}
    for rule in model.indicators:
        for position in ("before", "after"):
            for lang in ("en", "vi"):
                for cue in getattr(getattr(rule, position), lang):
                    phrase = cue.phrase
                    key = (lang, position, phrase.lower())
                    by_phrase[key] = (*by_phrase.get(key, ()), rule.code)
                    phrases[(lang, position)].append(phrase)
                    if cue.requires:
                        requires[(*key, rule.code)] = cue.requires
                    if cue.at_a_date:
                        at_a_date[(*key, rule.code)] = cue.at_a_date
                    if cue.units:
                        cue_units[(*key, rule.code)] = frozenset(cue.units)
                    if cue.credit_caused:
                        credit_caused[(*key, rule.code)] = cue.credit_caused
                    if cue.beyond_one_loan:
                        beyond_one_loan.add((*key, rule.code))
                    if cue.verb_before:
                        verb_before[(*key, rule.code)] = cue.verb_before
                    if cue.right_after:
                        right_after.add((*key, rule.code))
    by_unit = {counted.unit: rule.code for rule in model.indicators for counted in rule.counted}
    frozen = {key: tuple(found) for key, found in phrases.items()}
    index = {lang: PhraseIndex({p: frozen[(lang, p)] for p in ("before", "after")}) for lang in ("en", "vi")}
    return IndicatorLexicon({r.code: r for r in model.indicators}, frozen, by_phrase, by_unit, index, requires,
                            at_a_date, cue_units, credit_caused, frozenset(beyond_one_loan),
                            verb_before, frozenset(right_after))


def load_lexicon(path: Path | None = None) -> IndicatorLexicon:
    """Load, validate and compile ``rules/indicators.yaml`` (or ``path``)."""
    rf = read_rule_file(path or rules_dir() / "indicators.yaml")
    model = validate_rule_file(rf, IndicatorFile)
    raise_problems(_phrase_problems(rf, model))
    return build_lexicon(model)
