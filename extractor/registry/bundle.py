"""The ``Registry``: every rule of ``rules/`` loaded and compiled once, passed to each stage.

``load_registry`` reads every file, collecting the problems of all of them, and raises one
``RuleError`` listing each bad entry as ``file:line``: a broken rule file stops a command before
its first document, never once per document. ``bundled()`` is the registry of the rules shipped
with the package, loaded once per process.

Importing this module loads no stage: the loaders (which bring spaCy, dateparser and every
compiled pattern) are imported when a registry is loaded, so a query that only reads the store
starts fast. Queries that read one or two rule files (a search's scale words, the legal types a
document title is named by) take them from ``bundled_lexicon_words`` and ``bundled_search``,
which read those files alone (and of a lexicon, the sections the store reads alone).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from extractor.collector import collector_paused
from extractor.errors import RuleError
from extractor.resources import rules_dir

if TYPE_CHECKING:
    from extractor.link.documents import DocumentRules
    from extractor.link.indicators import IndicatorLexicon
    from extractor.link.provinces import Gazetteer
    from extractor.link.rules import Linker
    from extractor.models import Language
    from extractor.nlp.rules import Lexicon, RuleSet, TableRules
    from extractor.nlp.tables import TableReading
    from extractor.parse.rules import HtmlRules, PdfRules
    from extractor.parse.text import TextRules
    from extractor.registry.words import Languages, LexiconWords, SearchRules

LANGUAGES: tuple[Language, ...] = ("en", "vi")
T = TypeVar("T")


@dataclass(frozen=True, eq=False)
class Registry:
    """Every rule the stages use, validated and compiled (compared by identity)."""

    folder: Path
    patterns: dict[str, RuleSet]  # per language: figures, dates, legal references
    indicators: IndicatorLexicon
    gazetteer: Gazetteer
    linker: Linker
    tables: TableRules
    table_reading: TableReading  # where a table states its cells' units
    documents: DocumentRules  # administrative documents: types, sections, their tables' words
    language: Languages  # detection cues and display names
    text: TextRules
    pdf: PdfRules
    html: HtmlRules
    search: SearchRules

    def ruleset(self, lang: str) -> RuleSet:
        """The pattern rules of ``lang``."""
        return self.patterns[lang]

    def __reduce__(self) -> tuple[Callable[[Path], Registry], tuple[Path]]:
        """Pickled as its folder, read again where it is unpickled: a worker process started by
        ``spawn`` gets the rules this way (compiled patterns do not pickle)."""
        return load_registry, (self.folder,)


class _Collector:
    """Runs loaders and keeps every ``RuleError``'s problems instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def load(self, loader: Callable[[], T]) -> T | None:
        try:
            return loader()
        except RuleError as exc:
            self.problems.extend(exc.problems)
            return None


def _loaded(value: T | None) -> T:
    """A loader's result once no problem was collected (a loader that failed added one)."""
    assert value is not None, "a failed loader reports its problems"
    return value


@collector_paused()
def load_registry(folder: Path | None = None) -> Registry:
    """Load every rule file of ``folder`` (default: the bundled ``rules/``); one ``RuleError``
    lists the problems of all files.

    The cyclic collector is paused meanwhile: loading makes container objects by the hundred
    thousand (YAML nodes, parsed patterns, validated entries), which set off some 480
    collections, each walking the young ones and some all of them: a sixth of the time the
    rules took to load (more beside spaCy's objects). What cycles loading leaves as garbage
    the first collection after it finds."""
    # Imported here, not with the module: they load every stage (see the module's docstring).
    from extractor.link.documents import DocumentRules
    from extractor.link.indicators import load_lexicon
    from extractor.link.outlets import load_outlets
    from extractor.link.provinces import load_gazetteer
    from extractor.link.rules import Linker, load_link_rules, load_part_rules, load_scope_rules
    from extractor.nlp.legal import load_legal_codes
    from extractor.nlp.rules import TableRules, load_ruleset
    from extractor.nlp.tables import TableReading
    from extractor.parse.head import Chrome
    from extractor.parse.rules import HtmlRules, PdfRules
    from extractor.parse.text import TextRules
    from extractor.registry.files import load_model, location
    from extractor.registry.words import Languages, SearchRules

    root = folder or rules_dir()
    got = _Collector()
    legal_codes = got.load(lambda: load_legal_codes(root / "legal_codes.yaml"))
    patterns = {lang: got.load(partial(load_ruleset, root / lang, lang, legal_codes=legal_codes))
                for lang in LANGUAGES}
    indicators = got.load(lambda: load_lexicon(root / "indicators.yaml"))
    gazetteer = got.load(lambda: load_gazetteer(root / "provinces.yaml", districts=root / "districts.yaml"))
    codes = frozenset(indicators.indicators) if indicators is not None else None
    link_rules = got.load(lambda: load_link_rules(root / "linking.yaml", codes=codes))
    scope = got.load(lambda: load_scope_rules(root / "scope.yaml"))
    parts = got.load(lambda: load_part_rules(root / "parts.yaml", codes=codes))
    outlets = got.load(lambda: load_outlets(root / "outlets.yaml", gazetteer)) if gazetteer else None
    tables = got.load(lambda: load_model(root / "tables.yaml", TableRules))
    table_reading = got.load(lambda: load_model(root / "table_reading.yaml", TableReading))
    documents = got.load(lambda: load_model(root / "documents.yaml", DocumentRules))
    language = got.load(lambda: load_model(root / "language.yaml", Languages))
    text = got.load(lambda: load_model(root / "text_metadata.yaml", TextRules))
    pdf = got.load(lambda: load_model(root / "pdf.yaml", PdfRules))
    html = got.load(lambda: load_model(root / "html.yaml", HtmlRules))
    search = got.load(lambda: load_model(root / "search.yaml", SearchRules))
    if got.problems:
        raise RuleError(sorted(got.problems, key=location))
    cues = _loaded(language)
    numbers = {n.phrase: n.value for rs in patterns.values() for n in _loaded(rs).lexicon.number_words}
    linker = Linker.build(_loaded(indicators), _loaded(gazetteer), _loaded(link_rules),
                          _loaded(outlets), _loaded(scope), _loaded(parts),
                          {"en": frozenset(cues.en), "vi": frozenset(cues.vi)}, numbers,
                          Chrome(_loaded(text).chrome))
    return Registry(folder=root, patterns={lang: _loaded(rs) for lang, rs in patterns.items()},
                    indicators=_loaded(indicators), gazetteer=_loaded(gazetteer), linker=linker,
                    tables=_loaded(tables), table_reading=_loaded(table_reading),
                    documents=_loaded(documents), language=_loaded(language), text=_loaded(text),
                    pdf=_loaded(pdf), html=_loaded(html), search=_loaded(search))


@cache
def bundled() -> Registry:
    """The registry of the rules shipped with the package, loaded once per process."""
    return load_registry()


@cache
def bundled_lexicon(lang: str) -> Lexicon:
    """The bundled lexicon of ``lang`` (``rules/<lang>/lexicon.yaml``) read on its own: the words
    a query reads, without compiling the patterns (the same file ``bundled()`` reads)."""
    from extractor.nlp.rules import load_lexicon
    from extractor.registry.files import raise_problems

    problems: list[str] = []
    lexicon = load_lexicon(rules_dir() / lang / "lexicon.yaml", problems)
    raise_problems(problems)
    assert lexicon is not None  # a lexicon that did not load is a problem raised above
    return lexicon


@cache
def bundled_lexicon_words(lang: str) -> LexiconWords:
    """The sections of the bundled lexicon of ``lang`` that the store reads (scales, currencies,
    legal types), read and checked without the rest of the file: a search with a number starts
    without the pattern models and the regexes their validators compile."""
    from extractor.registry.words import read_lexicon_words

    return read_lexicon_words(rules_dir() / lang / "lexicon.yaml")


@cache
def bundled_search() -> SearchRules:
    """The bundled ``rules/search.yaml`` read on its own (the same file ``bundled()`` reads)."""
    from extractor.registry.files import load_model
    from extractor.registry.words import SearchRules

    return load_model(rules_dir() / "search.yaml", SearchRules)
