"""The rule models of the words the store reads: ``rules/search.yaml``, the languages' names and
the few sections of a language's lexicon a query needs.

They live here rather than in ``extractor.store`` because the store reads the registry: the
registry importing the store would import it back. The lexicon's entries the store reads
(``Scale``, ``Currency``, ``LegalWord``) are defined here and used by ``nlp.rules``' full
``Lexicon`` too, so that both readings of a lexicon check them by the same models.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Literal

from pydantic import Field

from extractor.models import Language
from extractor.nlp.language import LanguageCues
from extractor.registry.files import Strict, read_rule_file, validate_rule_file


class Phrase(Strict):
    phrase: str


class Scale(Phrase):
    power: int = Field(ge=0, le=15)


class Currency(Phrase):
    unit: Literal["VND", "USD"]


class LegalWord(Phrase):
    kind: str


class SearchRules(Strict):
    """``rules/search.yaml``: a query's words around numbers beyond the lexicons' scales and currencies."""

    percent: list[str] = Field(min_length=1)
    scales: list[Scale] = Field(default_factory=list)


class Languages(LanguageCues):
    """``rules/language.yaml``: the detection cues, and each language's name as lists show it."""

    names: dict[Language, str]


class LexiconWords(Strict):
    """The sections of ``rules/<lang>/lexicon.yaml`` the store reads: the scale and currency words
    around a query's numbers, the legal types that name an official document. Each section as
    the full ``nlp.rules.Lexicon`` has it, with the same entry models."""

    scales: list[Scale] = []
    currencies: list[Currency] = []
    legal_types: list[LegalWord] = []


def read_lexicon_words(path: Path) -> LexiconWords:
    """The store's sections of a lexicon file, validated alone (a ``RuleError`` lists each bad
    entry of them as ``file:line``, as loading the whole lexicon would): a query reads three
    short lists without building and checking the rest (patterns compiled by validators), which
    the pipeline checks whole when it loads its rules."""
    found = read_rule_file(path)
    if isinstance(found.data, dict):  # anything else is reported as the full reading reports it
        found = replace(found, data={k: v for k, v in found.data.items() if k in LexiconWords.model_fields})
    return validate_rule_file(found, LexiconWords)
