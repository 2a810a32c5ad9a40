"""The rule models of the words the store reads: ``rules/search.yaml`` and the languages' names.

They live here rather than in ``extractor.store`` because the store reads the registry: the
registry importing the store would import it back.
"""

from __future__ import annotations

from pydantic import Field

from extractor.models import Language
from extractor.nlp.language import LanguageCues
from extractor.nlp.rules import Scale
from extractor.registry.files import Strict


class SearchRules(Strict):
    """``rules/search.yaml``: a query's words around numbers beyond the lexicons' scales and currencies."""

    percent: list[str] = Field(min_length=1)
    scales: list[Scale] = Field(default_factory=list)


class Languages(LanguageCues):
    """``rules/language.yaml``: the detection cues, and each language's name as lists show it."""

    names: dict[Language, str]
