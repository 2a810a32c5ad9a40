"""Rules as data: load, validate and compile the patterns and lexicons in ``rules/``.

A language's rules are ``rules/<lang>/lexicon.yaml`` (word lists: scales, currencies,
qualifiers, counted nouns, months…) and one JSONL file per extractor kind (``money.jsonl``,
``count.jsonl``, ``percent.jsonl``, ``date.jsonl``, ``legal.jsonl``). A pattern is a Python
regular expression in which ``<NAME>`` stands for a macro: a lexicon list compiled to an
alternation, or a regex macro from the lexicon. Every problem in every file is collected and
raised at once as a ``RuleError`` listing ``file:line: message``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from extractor.errors import RuleError
from extractor.nlp.firstchars import required_prefixes, with_start_hint
from extractor.nlp.hits import Groups
from extractor.nlp.scan import Scanner, build_scanner, digit_anchored
from extractor.nlp.trie import trie_regex
from extractor.resources import rules_dir

KINDS = ("money", "count", "percent", "date", "legal")
MACRO = re.compile(r"(?<!\?P)<([A-Z][A-Z0-9_]*)>")


class Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


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
    not_before: str = ""
    note: str = ""


class Phrase(Strict):
    phrase: str


class Scale(Phrase):
    power: int = Field(ge=0, le=15)


class Currency(Phrase):
    unit: Literal["VND", "USD"]


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


def _compiles(value: str) -> str:
    """A regular expression that compiles, so a bad one is reported with its line at load."""
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"bad regular expression: {exc}") from exc
    return value


Pattern = Annotated[str, AfterValidator(_compiles)]


class Regex(Strict):
    """A regular expression entry of a lexicon list."""

    pattern: Pattern


class Cue(Regex):
    value: str


class LegalWord(Phrase):
    kind: str


class EdgeWord(Phrase):
    """A word naming the edge of a period: "end", "cuối" → end; "beginning", "đầu" → start."""

    edge: Literal["start", "end", "middle"]


class NumberFormat(Strict):
    decimal_separator: Literal[".", ","]
    group_separator: Literal[".", ","]


class Lexicon(Strict):
    """A language's word lists; each list becomes a macro of the same name in upper case."""

    number: NumberFormat
    macros: dict[str, str] = {}
    scales: list[Scale] = []
    currencies: list[Currency] = []
    qualifiers: list[QualifierWord] = []
    vague: list[Vague] = []
    count_nouns: list[CountNoun] = []
    per_units: list[PerUnit] = []
    months: list[Month] = []
    ordinals: list[SmallNumber] = []
    number_words: list[SmallNumber] = []
    change_cues: list[Cue] = []
    abbreviations: list[str] = []
    plausible_max: dict[str, float] = {}
    legal_types: list[LegalWord] = []
    edges: list[EdgeWord] = []
    token_match: Pattern = ""
    legal_issued_after: list[Regex] = []
    legal_issued_before: list[Regex] = []


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

    def context_possible(self, window: str) -> bool:
        """Whether the window before a match can hold the ``before`` context at all."""
        if self.before_gate is None:
            return True
        return self.before_gate.search(window.lower() if self.rule.ignore_case else window) is not None

    @property
    def id(self) -> str:
        return self.rule.id


@dataclass(frozen=True)
class RuleSet:
    """Everything one language's pipeline needs, compiled once."""

    lang: str
    lexicon: Lexicon
    rules: tuple[CompiledRule, ...]
    lookup: dict[str, dict[str, Any]]
    scanner: Scanner

    def find(self, table: str, phrase: str) -> Any:
        """Look a matched phrase up in a lexicon table (case and space insensitive)."""
        entries = self.lookup[table]
        found = entries.get(phrase, _ABSENT)  # most matches are written as listed
        return entries.get(fold_phrase(phrase)) if found is _ABSENT else found


_ABSENT = object()


def fold_phrase(text: str) -> str:
    """Key for lexicon look-ups: lower case, single spaces."""
    return " ".join(text.lower().split())


# --- YAML with line numbers -------------------------------------------------------------


class _LineLoader(yaml.SafeLoader):
    """A safe loader that records the line of every mapping under the key ``__line__``."""


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(path: Path) -> Any:
    """Parse YAML keeping line numbers; a syntax error becomes a ``file:line`` RuleError."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 0
        raise RuleError([f"{path}:{line}: YAML syntax error: {exc.problem}"]) from exc


def strip_lines(value: Any) -> Any:
    """Remove the ``__line__`` keys the loader added."""
    if isinstance(value, dict):
        return {k: strip_lines(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [strip_lines(v) for v in value]
    return value


def _describe(exc: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in err['loc']) or 'entry'}: {err['msg']}" for err in exc.errors()
    )


def validate_yaml_list(path: Path, data: dict[str, Any], key: str, model: type[BaseModel],
                       problems: list[str]) -> list[Any]:
    """Validate each entry of ``data[key]``, reporting bad ones as ``file:line``."""
    good = []
    for entry in data.get(key) or []:
        line = entry.get("__line__", data.get("__line__", 0)) if isinstance(entry, dict) else 0
        try:
            good.append(model.model_validate(strip_lines(entry)))
        except ValidationError as exc:
            problems.append(f"{path}:{line}: {key}: {_describe(exc)}")
    return good


M = TypeVar("M", bound=BaseModel)


def _line_of(data: Any, loc: tuple[Any, ...]) -> int:
    """The line of the deepest mapping on the path ``loc`` into the loaded YAML."""
    line = data.get("__line__", 1) if isinstance(data, dict) else 1
    for key in loc:
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(data, dict):
            line = data.get("__line__", line)
    return line


def load_model(path: Path, model: type[M]) -> M:
    """A whole YAML rules file validated as one model; every problem reported as file:line."""
    data = read_yaml(path)
    try:
        return model.model_validate(strip_lines(data))
    except ValidationError as exc:
        raise RuleError([
            f"{path}:{_line_of(data, err['loc'])}: {'.'.join(map(str, err['loc']))}: {err['msg']}"
            for err in exc.errors()
        ]) from exc


# --- Loading ----------------------------------------------------------------------------

_LIST_MODELS: dict[str, type[BaseModel]] = {
    "scales": Scale,
    "currencies": Currency,
    "qualifiers": QualifierWord,
    "vague": Vague,
    "count_nouns": CountNoun,
    "per_units": PerUnit,
    "months": Month,
    "ordinals": SmallNumber,
    "number_words": SmallNumber,
    "change_cues": Cue,
    "legal_types": LegalWord,
    "edges": EdgeWord,
    "legal_issued_after": Regex,
    "legal_issued_before": Regex,
}


def load_lexicon(path: Path, problems: list[str]) -> Lexicon | None:
    """Read and validate a lexicon file; bad entries go to ``problems``."""
    data = read_yaml(path)
    if not isinstance(data, dict):
        problems.append(f"{path}:1: a lexicon must be a mapping of lists")
        return None
    fields: dict[str, Any] = {}
    for key, model in _LIST_MODELS.items():
        fields[key] = validate_yaml_list(path, data, key, model, problems)
    rest = {k: strip_lines(v) for k, v in data.items() if k not in _LIST_MODELS and k != "__line__"}
    try:
        return Lexicon.model_validate({**rest, **fields})
    except ValidationError as exc:
        problems.append(f"{path}:{data.get('__line__', 1)}: {_describe(exc)}")
        return None


def read_jsonl(path: Path, problems: list[str]) -> list[tuple[int, PatternRule]]:
    """Read a JSONL pattern file; each bad line is reported as ``file:line``."""
    out = []
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            out.append((line_no, PatternRule.model_validate(json.loads(line))))
        except json.JSONDecodeError as exc:
            problems.append(f"{path}:{line_no}: invalid JSON: {exc.msg}")
        except ValidationError as exc:
            problems.append(f"{path}:{line_no}: {_describe(exc)}")
    return out


def phrase_alternation(phrases: Iterable[str]) -> str:
    """A regex matching any of the phrases, longest first, spaces matching any run of spaces
    (trie-shaped: see ``trie.trie_regex``)."""
    return trie_regex(phrases)


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

    ``before`` and ``not_before`` are anchored at the end of the window preceding the match.
    """
    flags = re.IGNORECASE if rule.ignore_case else 0

    def anchored(pattern: str) -> re.Pattern[str] | None:
        return re.compile(f"(?:{expand(pattern, macros)})\\Z", flags) if pattern else None

    expanded = expand(rule.pattern, macros)
    anchored_on_digit = digit_anchored(expanded, flags)
    main = re.compile(expanded if anchored_on_digit else with_start_hint(expanded, flags), flags)
    before = anchored(rule.before)
    names = frozenset(main.groupindex)
    before_words = required_prefixes(expand(rule.before, macros), flags) if rule.before else None
    before_gate = re.compile("|".join(map(re.escape, before_words))) if before_words else None
    return CompiledRule(rule, main, source, before, anchored(rule.not_before), anchored_on_digit,
                        Groups(names),
                        Groups(names | frozenset(before.groupindex if before else ())), before_gate)


def _lookup_tables(lexicon: Lexicon) -> dict[str, dict[str, Any]]:
    return {
        "scales": {fold_phrase(s.phrase): s.power for s in lexicon.scales},
        "currencies": {fold_phrase(c.phrase): c.unit for c in lexicon.currencies},
        "qualifiers": {fold_phrase(q.phrase): q.qualifier for q in lexicon.qualifiers},
        "vague": {fold_phrase(v.phrase): v.value for v in lexicon.vague},
        "count_nouns": {fold_phrase(n.phrase): n.unit for n in lexicon.count_nouns},
        "per_units": {fold_phrase(p.phrase): p.unit for p in lexicon.per_units},
        "months": {fold_phrase(m.phrase): m.month for m in lexicon.months},
        "ordinals": {fold_phrase(o.phrase): o.value for o in lexicon.ordinals},
        "number_words": {fold_phrase(o.phrase): o.value for o in lexicon.number_words},
        "legal_types": {fold_phrase(t.phrase): t.kind for t in lexicon.legal_types},
        "edges": {fold_phrase(e.phrase): e.edge for e in lexicon.edges},
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
        for line_no, rule in read_jsonl(path, problems):
            where = f"{path}:{line_no}"
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


def load_ruleset(folder: Path, lang: str) -> RuleSet:
    """Load, validate and compile one language's rules; raise RuleError listing every problem."""
    problems: list[str] = []
    lex_path = folder / "lexicon.yaml"
    if not lex_path.exists():
        raise RuleError([f"{lex_path}:0: missing lexicon file"])
    lexicon = load_lexicon(lex_path, problems)
    rules = compile_rules(folder, lang, lexicon, problems) if lexicon else []
    if problems or lexicon is None:
        raise RuleError(sorted(problems, key=_location))
    return RuleSet(lang, lexicon, tuple(rules), _lookup_tables(lexicon), build_scanner(rules))


def _location(problem: str) -> tuple[str, int]:
    """Sort key of a ``file:line: message`` problem: by file, then line number."""
    where = problem.split(": ", 1)[0]
    path, _, line = where.rpartition(":")
    return (path, int(line)) if line.isdigit() else (where, 0)


@cache
def ruleset(lang: str) -> RuleSet:
    """The bundled rules of ``lang``, loaded once per process."""
    return load_ruleset(rules_dir() / lang, lang)
