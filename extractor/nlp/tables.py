"""Figures and dates in table cells: a bare number read with the unit its table gives it.

A cell holding a bare number ("2.345", "< 0,5") is read together with the unit its table states
for it (``rules/table_reading.yaml``: a header's parenthesis, the row's "ĐVT" cell, a rate's
column, a counted noun, the caption above the table) through the same rules as running text
("2.345" + "tỷ đồng" → 2,345 billion đồng); a sign before it is a ceiling or a floor. The figure
keeps the cell's own span, so the layout step gives it its page, box and headers. A bare year
that keys a row or a column ("2026") is a date: the year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Annotated, Literal, Protocol

from pydantic import AfterValidator, Field

from extractor.models import DateMention, Document, Extraction, Figure, Qualifier
from extractor.nlp.engine import document_id, extract_document
from extractor.nlp.rules import RuleSet, TableRules
from extractor.registry.files import Pattern, Strict
from extractor.registry.phrases import new_tone

BARE_NUMBER = re.compile(r"\(?[-+]?\d[\d.,]*\)?")
IN_PARENTHESES = re.compile(r"\(([^()]+)\)")
YEAR = re.compile(r"(?:19|20)\d\d")
DECIMAL_COMMA = re.compile(r"\d{1,3}(?:\.\d{3})*,\d+")  # "1.987,5"
THOUSANDS_ONLY = re.compile(r"\d{1,3}(?:\.\d{3}){2,}")  # "2.345.678": dots only, three groups or more
LEVELS = " / "  # how a header's levels are joined (extractor.parse.layout)
Lang = Literal["en", "vi"]


# --- the rules: rules/table_reading.yaml --------------------------------------------------------


def _has_unit_group(value: str) -> str:
    if "unit" not in re.compile(value).groupindex:
        raise ValueError("a unit caption needs the named group 'unit'")
    return value


class CaptionExample(Strict):
    """A caption line and the unit it states."""

    text: str
    unit: str


class CaptionExamples(Strict):
    pos: list[CaptionExample] = Field(min_length=1)
    neg: list[str] = Field(min_length=1)


class TextExamples(Strict):
    """Headers (or cells) an entry decides, and near misses it must leave alone."""

    pos: list[str] = Field(min_length=1)
    neg: list[str] = Field(min_length=1)


class UnitCaption(Strict):
    """A line above a table that states its unit ("Đơn vị tính: tỷ đồng")."""

    pattern: Annotated[Pattern, AfterValidator(_has_unit_group)]
    examples: CaptionExamples


class HeaderWord(Strict):
    """A word or phrase of a header, with its examples."""

    word: str = Field(min_length=1)
    examples: TextExamples


class Sign(Strict):
    """A sign before a cell's number and the qualifier it gives ("< 0,5": less than 0.5)."""

    sign: str = Field(min_length=1)
    qualifier: Literal["less_than", "more_than"]
    examples: TextExamples


class TableReading(Strict):
    """``rules/table_reading.yaml``: where a table states the units of its cells."""

    version: Literal[1]
    caption_lines: int = Field(ge=1)
    unit_captions: list[UnitCaption]
    unit_columns: dict[Lang, list[HeaderWord]]
    percent_headers: dict[Lang, list[HeaderWord]]
    signs: list[Sign]

    @cached_property
    def captions(self) -> list[re.Pattern[str]]:
        """The caption patterns, compiled (ignoring case)."""
        return [re.compile(c.pattern, re.IGNORECASE) for c in self.unit_captions]

    def caption_unit(self, line: str) -> str | None:
        """The unit a caption line states, or None."""
        for pattern in self.captions:
            found = pattern.match(line)
            if found:
                return found["unit"].strip()
        return None

    def is_unit_column(self, header: str, lang: str) -> bool:
        """Whether a column's header names the unit of each row ("ĐVT")."""
        words = {header_key(w.word) for w in _of(self.unit_columns, lang)}
        return header_key(header.split(LEVELS)[-1]) in words

    def is_rate(self, header: str, lang: str) -> bool:
        """Whether a header speaks of a rate ("Tỷ lệ nợ quá hạn"), whose numbers are "%"."""
        folded = f" {header_key(header)} "
        return any(f" {header_key(w.word)} " in folded for w in _of(self.percent_headers, lang))

    def signed(self, cell: str) -> tuple[str, Qualifier]:
        """The number of a cell without its sign, and the qualifier the sign gives."""
        text = cell.strip()
        for sign in sorted(self.signs, key=lambda s: len(s.sign), reverse=True):
            if text.startswith(sign.sign):
                return text[len(sign.sign) :].strip(), sign.qualifier
        return text, "exact"


def _of(words: dict[Lang, list[HeaderWord]], lang: str) -> list[HeaderWord]:
    """The entries of one language (none for a language the file does not list)."""
    return next((entries for code, entries in words.items() if code == lang), [])


def header_key(text: str) -> str:
    """A header compared ignoring case, tone placement, spacing and closing punctuation."""
    return " ".join(new_tone(text).lower().split()).strip(" :.")


# --- the cells ------------------------------------------------------------------------------------


class Cell(Protocol):
    """What a table figure needs of a cell (read-only: the layout's cells are frozen records)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def table(self) -> int: ...

    @property
    def row(self) -> int: ...

    @property
    def col(self) -> int: ...

    @property
    def role(self) -> str: ...

    @property
    def row_header(self) -> str | None: ...

    @property
    def column_header(self) -> str | None: ...


@dataclass(frozen=True)
class Reading:
    """What reading a document's tables needs: its rules, the language's, and its cells."""

    rules: RuleSet
    tables: TableRules
    reading: TableReading
    text: str
    cells: Sequence[Cell]

    @property
    def lang(self) -> str:
        return self.rules.lang

    @cached_property
    def captions(self) -> dict[int, str]:
        """Each table's unit caption: a line of the few above its first cell."""
        starts: dict[int, int] = {}
        ends: dict[int, int] = {}
        for cell in self.cells:
            starts[cell.table] = min(starts.get(cell.table, cell.start), cell.start)
            ends[cell.table] = max(ends.get(cell.table, cell.end), cell.end)
        found = {}
        for table, start in starts.items():
            floor = max((end for t, end in ends.items() if end <= start and t != table), default=0)
            unit = self._caption_above(start, floor)
            if unit:
                found[table] = unit
        return found

    def _caption_above(self, start: int, floor: int) -> str | None:
        lines = [ln for ln in self.text[floor:start].split("\n") if ln.strip()]
        for line in reversed(lines[-self.reading.caption_lines :]):
            unit = self.reading.caption_unit(line)
            if unit:
                return unit
        return None

    @cached_property
    def row_units(self) -> dict[tuple[int, int], str]:
        """The unit cell of each row that has one ("Tỷ đồng" under "ĐVT")."""
        return {(c.table, c.row): self.text[c.start : c.end].strip() for c in self.cells
                if c.role != "header" and c.column_header
                and self.reading.is_unit_column(c.column_header, self.lang) and self.text[c.start : c.end].strip()}

    def unit_phrases(self, cell: Cell) -> Iterator[tuple[str, str, bool]]:
        """Candidate unit words for a cell's number, in order, with where each comes from and
        whether only a count may come of it."""
        column, row = cell.column_header or "", cell.row_header or ""
        for header, where in ((column, "column"), (row, "row")):
            inside = IN_PARENTHESES.findall(header)
            if inside:
                # The header's own counted noun is the more precise ("Lao động … (người)": workers).
                words = counted(IN_PARENTHESES.sub(" ", header), self.lang, self.tables)
                yield words, f"the {where} header {header!r}", True
                yield inside[-1].strip(), f"the {where} header {header!r}", False
        unit = self.row_units.get((cell.table, cell.row))
        if unit:
            yield unit, f"the row's unit {unit!r}", False
        for header, where in ((column, "column"), (row, "row")):
            if header and self.reading.is_rate(header, self.lang):
                yield "%", f"the {where} header {header!r} (a rate)", False
        # A header that counts ("Số khách hàng …") names the counted noun; a row does so only where
        # the columns are periods ("Số khách hàng còn dư nợ" by year).
        for header, where in ((column, "column"), (row if YEAR.search(column) else "", "row")):
            noun = counted(header, self.lang, self.tables) if header else header
            if noun != header:
                yield noun, f"the {where} header {header!r}", True
        caption = self.captions.get(cell.table)
        if caption:
            yield caption, f"the unit above the table {caption!r}", False
        if column:
            yield counted(column, self.lang, self.tables), f"the column header {column!r}", False


def counted(header: str, lang: str, tables: TableRules) -> str:
    """The header's last level without a leading "number of" ("Số khách hàng" → "khách hàng")."""
    words = header.split(LEVELS)[-1].strip()
    for prefix in sorted(tables.count_header_prefixes.get(lang, []), key=len, reverse=True):
        if words.lower().startswith(prefix + " "):
            return words[len(prefix) :].strip()
    return words


def unit_phrase(header: str, lang: str, tables: TableRules) -> str:
    """The words of a column header that name the unit: its parenthesis if it has one, else
    the header without a leading "number of" ("Số khách hàng" → "khách hàng")."""
    inside = IN_PARENTHESES.search(header)
    return inside.group(1).strip() if inside else counted(header, lang, tables)


# --- figures ------------------------------------------------------------------------------------


def _probe(number: str, unit: str, rules: RuleSet) -> Figure | None:
    """The figure the rules read in "<number> <unit>", or in "<currency> <number> <scale>" for
    "VND billion": the one that starts the probe, takes in a word of the unit and the most of it."""
    first, _, rest = unit.partition(" ")
    probes = [f"{number} {unit}"] + ([f"{first} {number} {rest}"] if rest else [])
    best: tuple[float, Figure] | None = None
    for probe in probes:
        doc = Document(id=document_id(probe.encode()), source="<table cell>", language=rules.lang, text=probe)
        for figure in extract_document(doc, rules).figures:
            covered = figure.end / len(probe)
            if figure.start == 0 and figure.end > len(number) + 1 and (best is None or covered > best[0]):
                best = (covered, figure)
    return best[1] if best else None


def cell_figure(cell: Cell, reading: Reading) -> Figure | None:
    """The figure of one bare-number cell read with its table's unit, or None."""
    text = reading.text
    raw = text[cell.start : cell.end]
    shown = raw.strip()
    number, qualifier = reading.reading.signed(shown)
    if cell.role != "data" or not BARE_NUMBER.fullmatch(number):
        return None
    for unit, where, counts_only in reading.unit_phrases(cell):
        figure = _probe(number, unit, reading.rules)
        if figure is not None and (figure.kind == "count" or not counts_only):
            return _placed(figure, cell, shown, qualifier, where, text)
    return None


def _placed(figure: Figure, cell: Cell, shown: str, qualifier: Qualifier, where: str, text: str) -> Figure:
    """A probe's figure moved onto the cell: its span, its row as sentence, its qualifier."""
    start = cell.start + text[cell.start : cell.end].index(shown)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    update: dict[str, object] = {
        "text": shown, "start": start, "end": start + len(shown),
        "sentence": text[line_start:line_end], "sentence_start": line_start,
        "rule": f"table:{figure.rule}", "notes": (*figure.notes, f"unit from {where}"),
    }
    if qualifier != "exact":
        update["qualifier"] = qualifier
    return figure.model_copy(update=update)


def column_notation(placed: Sequence[tuple[Cell, Figure]]) -> list[Figure]:
    """The cells' figures, a money cell written "2.345.678" in a column whose other cells write
    "1.987,5" read as the writer meant it: its last dot is the decimal comma the column uses
    (2.345,678), not a thousands mark (which would make it a thousand times the others)."""
    columns: dict[tuple[int, int], list[Figure]] = {}
    for cell, figure in placed:
        columns.setdefault((cell.table, cell.col), []).append(figure)
    out = []
    for cell, figure in placed:
        column = columns[(cell.table, cell.col)]
        commas = sum(1 for f in column if f.kind == "money" and DECIMAL_COMMA.fullmatch(f.text))
        if figure.kind == "money" and commas >= 2 and THOUSANDS_ONLY.fullmatch(figure.text):
            figure = figure.model_copy(update={
                "value": figure.value / 1000,
                "notes": (*figure.notes, "its last dot read as the decimal comma the column's other cells use")})
        out.append(figure)
    return out


def year_date(cell: Cell, text: str) -> DateMention | None:
    """A bare year that keys a row or heads a column ("2026"): the year, as a period."""
    raw = text[cell.start : cell.end]
    if cell.role == "data" or not YEAR.fullmatch(raw.strip()):
        return None
    year = int(raw.strip())
    start = cell.start + raw.index(raw.strip())
    return DateMention(text=raw.strip(), start=start, end=start + 4, rule="table:year", granularity="year",
                       period_start=dt.date(year, 1, 1), period_end=dt.date(year, 12, 31))


def with_table_figures(extraction: Extraction, cells: Sequence[Cell], *, rules: RuleSet,
                       tables: TableRules, reading: TableReading) -> Extraction:
    """The extraction plus a figure for every bare-number cell no rule has read already, and a
    date for every year that keys a row or column (``rules``: those of the document's language)."""
    text = extraction.document.text
    context = Reading(rules=rules, tables=tables, reading=reading, text=text, cells=cells)
    taken = [(f.start, f.end) for f in extraction.figures]
    dated = [(d.start, d.end) for d in extraction.dates]
    placed: list[tuple[Cell, Figure]] = []
    dates = []
    for cell in cells:
        if any(s < cell.end and e > cell.start for s, e in taken):
            continue
        figure = cell_figure(cell, context)
        if figure is not None:
            placed.append((cell, figure))
            continue
        date = year_date(cell, text)
        if date is not None and not any(s < date.end and e > date.start for s, e in dated):
            dates.append(date)
    figures = column_notation(placed)
    if not figures and not dates:
        return extraction
    return extraction.model_copy(update={
        "figures": tuple(sorted((*extraction.figures, *figures), key=lambda f: f.start)),
        "dates": tuple(sorted((*extraction.dates, *dates), key=lambda d: d.start)),
    })
