"""Rules as data: load, validate and compile the patterns and lexicons in ``rules/``.

A language's rules are ``rules/<lang>/lexicon.yaml`` (word lists: scales, currencies,
qualifiers, counted nouns, months…) and one JSONL file per extractor kind (``money.jsonl``,
``count.jsonl``, ``percent.jsonl``, ``date.jsonl``, ``legal.jsonl``). A pattern is a Python
regular expression in which ``<NAME>`` stands for a macro: a lexicon list compiled to an
alternation, or a regex macro from the lexicon. Every rule carries its examples (sentences it
fires on, with the value found, and sentences it must not fire on), validated here and run by
``tests/test_rule_examples.py``; they are never compiled. Every problem in every file is
collected and raised at once as a ``RuleError`` listing ``file:line: message``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from extractor.models import Language, Qualifier
from extractor.nlp.firstchars import MIN_PREFIX, Starts, pattern_starts, start_hint
from extractor.nlp.hits import WINDOW, Groups
from extractor.nlp.scan import Scanner, build_scanner, starts_on_digits, strings_starting
from extractor.registry.files import (
    Pattern,
    Regex,
    Strict,
    check_rule_file,
    display_name,
    raise_problems,
    read_jsonl,
    read_rule_file,
)
from extractor.registry.phrases import trie_regex
from extractor.registry.words import Currency, LegalWord, Phrase, Scale

KINDS = ("money", "count", "percent", "date", "legal")
MACRO = re.compile(r"(?<!\?P)<([A-Z][A-Z0-9_]*)>")


class RuleExample(Strict):
    """A sentence a rule fires on and what a reader finds there: ``value`` is an amount
    ("13374000000000", "0.14"), a day ("2024-06-30"), a period ("2024-01-01..2024-06-30") or a
    legal reference's id ("40-CT/TW"), as the rule's kind reads it (``example_value``).
    ``xfail`` marks a known failure with its cause: the test then fails when it is fixed."""

    text: str = Field(min_length=1)
    value: str = Field(min_length=1)
    qualifier: Qualifier | None = None
    xfail: str | None = Field(default=None, min_length=1)


class RuleExamples(Strict):
    """Sentences a rule fires on (``pos``) and must not fire on (``neg``); tests run them all."""

    pos: list[RuleExample] = Field(min_length=1)
    neg: list[Annotated[str, Field(min_length=1)]] = Field(min_length=1)


class PatternRule(Strict):
    """One line of a ``<kind>.jsonl`` file."""

    id: str = Field(pattern=r"^[a-z]+\.[a-z]{2}\.[a-z0-9_]+$")
    kind: Literal["money", "count", "percent", "ratio", "date", "legal"]
    pattern: str
    priority: int = 0
    ignore_case: bool = True
    context: bool = True
    before: str = ""
    before_required: bool = False
    before_in_span: bool = True
    # How many characters before the main match ``before`` may span: a counted noun with its words
    # may stand far before its number ("the number of savings and loan groups in the province
    # stood at 1,286"). The window is read for every match, so it stays short unless a rule needs it.
    window: int = Field(default=WINDOW, ge=8, le=200)
    not_before: str = ""
    note: str = ""
    examples: RuleExamples

    @model_validator(mode="after")
    def _values_read_as_kind(self) -> PatternRule:
        for example in self.examples.pos:
            example_value(self.kind, example.value)  # a ValueError names the bad value
        return self


def example_value(kind: str, value: str) -> Decimal | dt.date | tuple[dt.date, dt.date] | str:
    """An example's expected value as records of ``kind`` carry it.

    >>> example_value("money", "13374000000000"), example_value("legal", "40-CT/TW")
    (Decimal('13374000000000'), '40-CT/TW')
    >>> example_value("date", "2024-01-01..2024-06-30")
    (datetime.date(2024, 1, 1), datetime.date(2024, 6, 30))
    """
    try:
        if kind == "legal":
            return value
        if kind == "date":
            start, dots, end = value.partition("..")
            day = dt.date.fromisoformat(start)
            return (day, dt.date.fromisoformat(end)) if dots else day
        return Decimal(value)
    except (ValueError, ArithmeticError) as exc:
        raise ValueError(f"example value {value!r} is not what a {kind} rule gives "
                         "(an amount, a day YYYY-MM-DD, a period start..end, or a legal id)") from exc


class QualifierWord(Phrase):
    qualifier: Literal["exact", "approx", "more_than", "less_than"]


class Vague(Phrase):
    value: int = Field(gt=0)


class CountNoun(Phrase):
    unit: str


class PerUnit(Phrase):
    unit: str


class Month(Phrase):
    month: int = Field(ge=1, le=12)


class SmallNumber(Phrase):
    value: int = Field(ge=1, le=12)


class ChangeCue(Regex):
    value: Literal["increase", "decrease"]


class AfterCue(ChangeCue):
    """A change cue matched right after a figure, for figures of ``kinds`` only: the change as a
    noun after its size ("a 2.1% increase over …") follows an amount or a rate, while after a count
    the same word is what the counted do ("3,000 households rise from poverty")."""

    kinds: list[Literal["money", "count", "percent", "ratio"]] = ["money", "count", "percent", "ratio"]


class EdgeWord(Phrase):
    """A word naming the edge of a period: "end", "cuối" → end; "beginning", "đầu" → start."""

    edge: Literal["start", "end", "middle"]
    # A loose end ("late October"): the days of the month from this one on. A report written in
    # them that names its own month so speaks of its own day, not of the month's end still ahead.
    from_day: int | None = Field(default=None, ge=2, le=28)


class NumberFormat(Strict):
    decimal_separator: Literal[".", ","]
    group_separator: Literal[".", ","]
    # Whether a document that writes a thousands group with the group mark ("3.418 tỷ") writes
    # its decimals with the decimal mark ("7,250 tỷ" is 7.25): true of originals, not of
    # translated pages, which keep the source's notation beside their own.
    shown_notation_decides: bool = False
    # How many amounts written "a,bbb,ccc billion" (one of them past the plausible maximum) show
    # that a translated page swapped its source's thousands mark alone (see
    # ``assemble._decimal_group_marks``): one alone is more likely a figure of the whole economy
    # written right (GDP "VND 10,221,815 billion") than a swapped page.
    swapped_marks_evidence: int = Field(default=2, ge=1)


class Band(Strict):
    """A range of ratios, both ends included: ``least`` ≤ ratio ≤ ``most``."""

    least: Decimal = Field(gt=0)
    most: Decimal

    @model_validator(mode="after")
    def _ordered(self) -> Band:
        if self.most < self.least:
            raise ValueError(f"most ({self.most}) is below least ({self.least})")
        return self

    def holds(self, ratio: Decimal) -> bool:
        """Whether ``ratio`` lies in the band."""
        return self.least <= ratio <= self.most


class Lexicon(Strict):
    """A language's word lists; each list becomes a macro of the same name in upper case."""

    number: NumberFormat
    macros: dict[str, str] = {}
    scales: list[Scale] = []
    currencies: list[Currency] = []
    qualifiers: list[QualifierWord] = []
    qualifiers_after: list[QualifierWord] = []  # right after a figure ('12% or more', 'trở lên')
    # Words after which a phrase of ``qualifiers_after`` qualifies nothing ('or more than half',
    # 'or more precisely VND 512 billion')
    qualifiers_after_not_before: list[str] = []
    # Words opening a bracket that restates the change before it ('(equivalent to 17%)')
    restating_words: list[str] = []
    # How far an amount in brackets after a rate may be from the change the rate gives of the
    # level before it and still restate that change (``assemble.bracketed_changes``); none: an
    # amount after a rate restates its change only when a restating word or a qualifier says so.
    rate_size_band: Band | None = None
    vague: list[Vague] = []
    count_nouns: list[CountNoun] = []
    per_units: list[PerUnit] = []
    months: list[Month] = []
    ordinals: list[SmallNumber] = []
    number_words: list[SmallNumber] = []
    change_cues: list[ChangeCue] = []
    change_cues_after: list[AfterCue] = []  # matched right after a figure ("3.4 times higher than")
    abbreviations: list[str] = []
    plausible_max: dict[str, float] = {}
    legal_types: list[LegalWord] = []
    edges: list[EdgeWord] = []
    token_match: Pattern = ""
    legal_issued_after: list[Regex] = []
    legal_issued_before: list[Regex] = []
    baseline_cues: list[Regex] = []
    review_cues: list[Regex] = []  # 'a review of N years of implementing' before a reference
    yearly_openers: list[Regex] = []  # a clause opening 'each year': its amounts are per year
    # A per-unit named before an amount in its clause ('the average loan per household is …'):
    # group ``per`` holds a phrase of ``per_units``
    per_unit_before: list[Regex] = []
    # Words that, between such a per-unit and the amount, end the per-unit's noun phrase: a word
    # of a total, a conjunction opening another clause ('income per capita rose while loans …')
    per_unit_stops: list[str] = []
    # The words between a per-unit amount and the next amount that then shares its per-unit
    # (', an increase of', ', exceeding the target of')
    per_unit_carry: list[Regex] = []
    year_openers: list[Regex] = []  # the words before a year that opens its sentence


@dataclass(frozen=True)
class CompiledRule:
    """A validated rule with its compiled main regex and the optional context checks."""

    rule: PatternRule
    regex: re.Pattern[str]
    source: str
    before: re.Pattern[str] | None = None
    not_before: re.Pattern[str] | None = None
    digit_anchored: bool = False
    main_groups: Groups = field(default_factory=lambda: Groups(frozenset()))
    all_groups: Groups = field(default_factory=lambda: Groups(frozenset()))
    before_gate: re.Pattern[str] | None = None
    # Lower-cased strings one of which every match starts with (``scan.start_strings`` of the
    # regex), or None: where the scanner tries the rule.
    start_strings: tuple[str, ...] | None = None

    def context_possible(self, window: str) -> bool:
        """Whether the window before a match can hold the ``before`` context at all."""
        if self.before_gate is None:
            return True
        return self.before_gate.search(window.lower() if self.rule.ignore_case else window) is not None

    @property
    def id(self) -> str:
        return self.rule.id


class TableRules(Strict):
    """``rules/tables.yaml``: the words a count column's header opens with ("Số", "Number of")."""

    count_header_prefixes: dict[str, list[str]]


@dataclass(frozen=True)
class LegalCodes:
    """The legal document code tables (``rules/legal_codes.yaml``) by look-up key: type code →
    kind of document, issuer code → issuer's name; and what completes a short form: the issuer
    a text names in words, each kind's type code, each issuer's style of number."""

    types: dict[str, str]
    issuers: dict[str, str]
    issuer_words: re.Pattern[str] | None = None  # the group name of a match is its issuer's code
    issuer_before: re.Pattern[str] | None = None  # an issuer and an issue verb ending a window
    kind_codes: dict[str, str] = field(default_factory=dict)  # kind → its (first) type code
    dated: frozenset[str] = frozenset()  # type codes whose numbers carry their year
    party: frozenset[str] = frozenset()  # issuer codes written "40-CT/TW" (else "1560/QĐ-TTg")


@dataclass(frozen=True, eq=False)
class RuleSet:
    """Everything one language's pipeline needs, compiled once."""

    lang: Language
    lexicon: Lexicon
    rules: tuple[CompiledRule, ...]
    lookup: dict[str, dict[str, Any]]
    scanner: Scanner
    legal_codes: LegalCodes = field(default_factory=lambda: LegalCodes({}, {}))

    def find(self, table: str, phrase: str) -> Any:
        """Look a matched phrase up in a lexicon table (case and space insensitive)."""
        entries = self.lookup[table]
        found = entries.get(phrase, _ABSENT)  # most matches are written as listed
        return entries.get(fold_phrase(phrase)) if found is _ABSENT else found


_ABSENT = object()


def fold_phrase(text: str) -> str:
    """Key for lexicon look-ups: lower case, single spaces (diacritics kept: "tỷ" is no "ty")."""
    return " ".join(text.lower().split())


# --- Loading ----------------------------------------------------------------------------


def load_lexicon(path: Path, problems: list[str]) -> Lexicon | None:
    """Read and validate a lexicon file; every bad entry goes to ``problems`` as file:line."""
    return check_rule_file(read_rule_file(path), Lexicon, problems)


def phrase_alternation(phrases: Iterable[str]) -> str:
    """A regex matching any of the phrases, longest first, spaces matching any run of spaces
    (trie-shaped: see ``registry.phrases.trie_regex``)."""
    return trie_regex(phrases, gap=r"\s+")


def build_macros(lexicon: Lexicon) -> dict[str, str]:
    """Macros from the lexicon: each list as an alternation, plus the regex macros."""
    macros = {
        "SCALE": phrase_alternation(s.phrase for s in lexicon.scales),
        "CUR": phrase_alternation(c.phrase for c in lexicon.currencies),
        "VND": phrase_alternation(c.phrase for c in lexicon.currencies if c.unit == "VND"),
        "USD": phrase_alternation(c.phrase for c in lexicon.currencies if c.unit == "USD"),
        "QUAL": phrase_alternation(q.phrase for q in lexicon.qualifiers),
        "VAGUE": phrase_alternation(v.phrase for v in lexicon.vague),
        "NOUN": phrase_alternation(n.phrase for n in lexicon.count_nouns),
        "PER": phrase_alternation(p.phrase for p in lexicon.per_units),
        "MONTH": phrase_alternation(m.phrase for m in lexicon.months),
        "ORDINAL": phrase_alternation(o.phrase for o in lexicon.ordinals),
        "NUMWORD": phrase_alternation(o.phrase for o in lexicon.number_words),
        "LEGALWORD": phrase_alternation(t.phrase for t in lexicon.legal_types),
    }
    macros.update(lexicon.macros)
    return macros


def expand(pattern: str, macros: dict[str, str], *, depth: int = 0) -> str:
    """Replace ``<NAME>`` macros (which may use other macros) by their regex."""
    if depth > 5:
        raise ValueError("macros nest more than 5 deep (a macro refers to itself?)")

    def sub(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in macros:
            raise KeyError(name)
        return "(?:" + expand(macros[name], macros, depth=depth + 1) + ")"

    return MACRO.sub(sub, pattern)


def compile_rule(rule: PatternRule, macros: dict[str, str], source: str) -> CompiledRule:
    """Compile one rule; raises ValueError/KeyError/re.error with the reason.

    ``before`` and ``not_before`` are anchored at the end of the window preceding the match;
    a window is searched at each of its positions, so they get the main pattern's start hint
    (most start with ``\\b`` and a list of words: the hint rejects a position at once).
    Each pattern is parsed once for what its matches start with (``pattern_starts``): the
    start hint, whether it is digit-anchored, the strings the scanner and ``before_gate`` try.
    """
    flags = re.IGNORECASE if rule.ignore_case else 0

    def anchored(pattern: str) -> tuple[re.Pattern[str] | None, Starts]:
        if not pattern:
            return None, Starts(None, None)
        body = f"(?:{expand(pattern, macros)})\\Z"
        starts = pattern_starts(body, flags)  # those of the pattern: ``\\Z`` is zero-width
        return re.compile(start_hint(starts.chars, flags) + body, flags), starts

    expanded = expand(rule.pattern, macros)
    starts = pattern_starts(expanded, flags)
    anchored_on_digit = starts_on_digits(starts)
    main = re.compile(expanded if anchored_on_digit else start_hint(starts.chars, flags) + expanded, flags)
    before, before_starts = anchored(rule.before)
    before_words = before_starts.strings(MIN_PREFIX)
    before_gate = re.compile("|".join(map(re.escape, before_words))) if before_words else None
    names = frozenset(main.groupindex)
    strings = strings_starting(starts)  # the scanner's, as ``scan.start_strings`` of the regex
    return CompiledRule(rule, main, source, before, anchored(rule.not_before)[0], anchored_on_digit,
                        Groups(names),
                        Groups(names | frozenset(before.groupindex if before else ())), before_gate,
                        strings)


def _lookup_tables(lexicon: Lexicon) -> dict[str, dict[str, Any]]:
    return {
        "scales": {fold_phrase(s.phrase): s.power for s in lexicon.scales},
        "currencies": {fold_phrase(c.phrase): c.unit for c in lexicon.currencies},
        "qualifiers": {fold_phrase(q.phrase): q.qualifier for q in lexicon.qualifiers},
        "qualifiers_after": {fold_phrase(q.phrase): q.qualifier for q in lexicon.qualifiers_after},
        "vague": {fold_phrase(v.phrase): v.value for v in lexicon.vague},
        "count_nouns": {fold_phrase(n.phrase): n.unit for n in lexicon.count_nouns},
        "per_units": {fold_phrase(p.phrase): p.unit for p in lexicon.per_units},
        "months": {fold_phrase(m.phrase): m.month for m in lexicon.months},
        "ordinals": {fold_phrase(o.phrase): o.value for o in lexicon.ordinals},
        "number_words": {fold_phrase(o.phrase): o.value for o in lexicon.number_words},
        "legal_types": {fold_phrase(t.phrase): t.kind for t in lexicon.legal_types},
        "edges": {fold_phrase(e.phrase): e.edge for e in lexicon.edges},
        "edge_from_day": {fold_phrase(e.phrase): e.from_day for e in lexicon.edges if e.from_day},
    }


def compile_rules(folder: Path, lang: str, lexicon: Lexicon, problems: list[str]) -> list[CompiledRule]:
    """Compile every pattern file of a language, reporting each bad rule as ``file:line``."""
    macros = build_macros(lexicon)
    compiled: list[CompiledRule] = []
    seen: dict[str, str] = {}
    for kind in KINDS:
        path = folder / f"{kind}.jsonl"
        if not path.exists():
            continue
        for line_no, rule in read_jsonl(path, PatternRule, problems):
            where = f"{display_name(path)}:{line_no}"
            if rule.id in seen:
                problems.append(f"{where}: duplicate rule id {rule.id!r} (first at {seen[rule.id]})")
                continue
            if rule.id.split(".")[1] != lang:
                problems.append(f"{where}: rule id {rule.id!r} must carry the language {lang!r}")
            seen[rule.id] = where
            try:
                compiled.append(compile_rule(rule, macros, where))
            except KeyError as exc:
                problems.append(f"{where}: unknown macro <{exc.args[0]}>")
            except (re.error, ValueError) as exc:
                problems.append(f"{where}: bad pattern: {exc}")
    return compiled


def load_ruleset(folder: Path, lang: Language, *, legal_codes: LegalCodes | None = None) -> RuleSet:
    """Load, validate and compile one language's rules; raise RuleError listing every problem.
    ``legal_codes``: the code tables legal references are read with (none: no code is known)."""
    problems: list[str] = []
    lexicon = load_lexicon(folder / "lexicon.yaml", problems)
    rules = compile_rules(folder, lang, lexicon, problems) if lexicon else []
    raise_problems(problems)
    assert lexicon is not None  # a missing lexicon is a problem
    return RuleSet(lang, lexicon, tuple(rules), _lookup_tables(lexicon), build_scanner(rules),
                   legal_codes or LegalCodes({}, {}))
