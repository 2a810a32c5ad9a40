"""The gold: hand-made annotations (``corpus/gold/GUIDELINES.md``) and the documents they annotate.

A gold file points at its document with ``file:`` (default: the same stem, ``.txt``). A ``.txt``
document is read as text; an ``.html`` or ``.pdf`` one goes through the parse stage first, so
the gate measures parsing too. Gold models use the records' literal types, so a misspelt kind,
qualifier or status is an error when the gold loads, not a silent miss.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from extractor.errors import GoldError
from extractor.models import (
    Boundaries,
    FigureKind,
    Granularity,
    Language,
    LegalKind,
    Qualifier,
    Status,
)

DocFormat = Literal["text", "html", "pdf"]
Change = Literal["increase", "decrease"]
SUFFIX_FORMATS: dict[str, DocFormat] = {".html": "html", ".htm": "html", ".pdf": "pdf"}
# Groups are scored and pinned apart: plain texts per language, parsed documents per format.
GROUP_ORDER = ("en", "vi", "html", "pdf")
TEXT_ONLY: tuple[DocFormat, ...] = ("text",)
REAL_TEXTS_HINT = (
    "These are third-party excerpts kept out of git. Pull each page's stored excerpt with the "
    "search tool (its query is in ../shared/real-dev/SOURCES.tsv) into corpus/real/texts/<id>.txt, "
    "as the developers' guide says; the documents present are scored meanwhile."
)


class _Gold(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class GoldFigure(_Gold):
    text: str
    kind: FigureKind
    value: Decimal
    unit: str
    qualifier: Qualifier = "exact"
    change: Change | None = None
    note: str | None = None


class GoldDate(_Gold):
    text: str
    value: dt.date | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    granularity: Granularity = "day"
    note: str | None = None


class GoldLegal(_Gold):
    text: str
    id: str
    kind: LegalKind
    issued: dt.date | None = None
    short_form: bool = False
    note: str | None = None


class GoldObservation(_Gold):
    indicator: str
    province: str | None = None
    boundaries: Boundaries | None = None
    value: Decimal
    unit: str
    qualifier: Qualifier = "exact"
    as_of: dt.date | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    status: Status = "actual"
    change_value: Decimal | None = None
    change_unit: str | None = None
    change_baseline: dt.date | None = None
    part_of: str | None = None
    part: str | None = None
    text: str | None = None
    note: str | None = None


class GoldDocument(_Gold):
    file: str | None = None
    url: str | None = None
    language: Language
    title: str | None = None
    published: dt.date | None = None
    context_published: dt.date | None = None
    province: str | None = None
    pair: str | None = None
    figures: list[GoldFigure] = []
    dates: list[GoldDate] = []
    legal_refs: list[GoldLegal] = []
    observations: list[GoldObservation] = []
    parts: list[GoldObservation] | None = None


@dataclass(frozen=True)
class GoldCase:
    """A gold file with the document it annotates."""

    path: Path
    text_path: Path
    gold: GoldDocument

    @property
    def name(self) -> str:
        return f"{self.path.parent.name}/{self.path.stem}"

    @property
    def format(self) -> DocFormat:
        """How the document is read: as plain text, or through the HTML or PDF parser."""
        return SUFFIX_FORMATS.get(self.text_path.suffix.lower(), "text")

    @property
    def group(self) -> str:
        """The group it is scored and pinned in: its language for texts, else its format."""
        return self.gold.language if self.format == "text" else self.format

    def text(self) -> str:
        """The document of a plain-text case (HTML and PDF cases are read by the parser)."""
        if self.format != "text":
            raise GoldError(f"{self.path}: {self.text_path.name} is {self.format}, not plain text",
                            hint="Read it with extractor.parse.load_path.")
        return self.text_path.read_text(encoding="utf-8")


@dataclass(frozen=True)
class MissingText:
    """A gold file whose document is absent (a git-ignored excerpt not pulled yet)."""

    path: Path
    text_path: Path


@dataclass(frozen=True)
class GoldSet:
    """Every gold file of a folder: the cases that can be scored and those missing a document."""

    cases: list[GoldCase]
    missing: list[MissingText]


def read_gold_document(path: Path) -> GoldDocument:
    """One gold YAML file, validated; GoldError says what is wrong."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return GoldDocument.model_validate(data)
    except (yaml.YAMLError, ValidationError) as exc:
        raise GoldError(f"{path}: {exc}") from exc


def _text_path(path: Path, gold: GoldDocument) -> Path:
    return (path.parent / gold.file) if gold.file else path.with_suffix(".txt")


def read_entry(path: Path) -> GoldCase | MissingText:
    """A gold file as a case, or as a missing text when its document is absent."""
    gold = read_gold_document(path)
    text_path = _text_path(path, gold)
    if not text_path.exists():
        return MissingText(path, text_path)
    return GoldCase(path, text_path.resolve(), gold)


def load_case(path: Path) -> GoldCase:
    """Read one gold YAML file and find its document; GoldError when it is absent."""
    entry = read_entry(path)
    if isinstance(entry, MissingText):
        raise GoldError(f"{path}: its text {entry.text_path} does not exist")
    return entry


def read_gold(folder: Path) -> GoldSet:
    """Every gold file under ``folder`` in name order, documents that are absent set apart."""
    entries = [read_entry(p) for p in sorted(folder.rglob("*.yaml"))]
    return GoldSet([e for e in entries if isinstance(e, GoldCase)],
                   [e for e in entries if isinstance(e, MissingText)])


def load_gold(folder: Path, *, language: str | None = None,
              formats: Collection[DocFormat] = TEXT_ONLY) -> list[GoldCase]:
    """The gold cases under ``folder`` (optionally of one language), in name order.

    Plain-text cases only unless ``formats`` asks for more: ``case.text()`` is then the document
    itself, which many tests rely on. A missing document is a GoldError.
    """
    cases = [load_case(p) for p in sorted(folder.rglob("*.yaml"))]
    return [c for c in cases
            if (language is None or c.gold.language == language) and c.format in formats]


def missing_texts_error(missing: Sequence[MissingText]) -> GoldError:
    """Which documents are absent and how to get them."""
    names = ", ".join(str(m.text_path) for m in missing)
    return GoldError(f"{len(missing)} gold file(s) have no document: {names}", hint=REAL_TEXTS_HINT)


def by_group(cases: Iterable[GoldCase]) -> dict[str, list[GoldCase]]:
    """Cases per scoring group (en, vi, html, pdf), groups in that order."""
    groups: dict[str, list[GoldCase]] = {}
    for case in cases:
        groups.setdefault(case.group, []).append(case)
    rank = {name: i for i, name in enumerate(GROUP_ORDER)}
    return dict(sorted(groups.items(), key=lambda kv: (rank.get(kv[0], len(rank)), kv[0])))


def corpus_hash(cases: Sequence[GoldCase]) -> str:
    """A hash of every gold file and document, so a changed fixture cannot move a score silently."""
    digest = hashlib.sha256()
    for case in sorted(cases, key=lambda c: c.name):
        digest.update(case.name.encode())
        digest.update(case.path.read_bytes())
        digest.update(case.text_path.read_bytes())
    return digest.hexdigest()[:16]
