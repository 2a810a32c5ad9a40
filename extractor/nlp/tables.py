"""Figures in table cells whose unit is in the column header ("Dư nợ (tỷ đồng)" over "2.345").

A cell holding a bare number is read together with its column header's unit, through the same
rules as running text ("2.345" + "tỷ đồng" → 2,345 billion đồng), and the figure keeps the
cell's own span, so the layout step gives it its page, box and row and column headers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from extractor.models import Document, Extraction, Figure
from extractor.nlp.engine import document_id, extract_document
from extractor.nlp.rules import RuleSet, TableRules

BARE_NUMBER = re.compile(r"\(?[-+]?\d[\d.,]*\)?")
IN_PARENTHESES = re.compile(r"\(([^()]+)\)")


class Cell(Protocol):
    """What a table figure needs of a cell (read-only: the layout's cells are frozen records)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def column_header(self) -> str | None: ...


def unit_phrase(header: str, lang: str, tables: TableRules) -> str:
    """The words of a column header that name the unit: its parenthesis if it has one, else
    the header without a leading "number of" ("Số khách hàng" → "khách hàng")."""
    inside = IN_PARENTHESES.search(header)
    if inside:
        return inside.group(1).strip()
    words = header.strip()
    for prefix in sorted(tables.count_header_prefixes.get(lang, []), key=len, reverse=True):
        if words.lower().startswith(prefix + " "):
            return words[len(prefix):].strip()
    return words


def cell_figure(text: str, cell: Cell, rules: RuleSet, tables: TableRules) -> Figure | None:
    """The figure of one bare-number cell read with its header's unit, or None."""
    raw = text[cell.start:cell.end]
    number = raw.strip()
    if not cell.column_header or not BARE_NUMBER.fullmatch(number):
        return None
    lang = rules.lang
    unit = unit_phrase(cell.column_header, lang, tables)
    probe = f"{number} {unit}"
    cell_doc = Document(id=document_id(probe.encode()), source="<table cell>",
                        language=lang, text=probe)
    found = [f for f in extract_document(cell_doc, rules).figures if f.start == 0]
    if not found:
        return None
    figure = found[0]
    start = cell.start + raw.index(number)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    return figure.model_copy(update={
        "text": number, "start": start, "end": start + len(number),
        "sentence": text[line_start:line_end], "sentence_start": line_start,
        "rule": f"table:{figure.rule}",
        "notes": (*figure.notes, f"unit from the column header {cell.column_header!r}"),
    })


def with_table_figures(extraction: Extraction, cells: Sequence[Cell], *, rules: RuleSet,
                       tables: TableRules) -> Extraction:
    """The extraction plus a figure for every bare-number cell no rule has read already
    (``rules``: those of the document's language)."""
    text = extraction.document.text
    taken = [(f.start, f.end) for f in extraction.figures]
    extra = []
    for cell in cells:
        if any(s < cell.end and e > cell.start for s, e in taken):
            continue
        figure = cell_figure(text, cell, rules, tables)
        if figure is not None:
            extra.append(figure)
    if not extra:
        return extraction
    figures = tuple(sorted((*extraction.figures, *extra), key=lambda f: f.start))
    return extraction.model_copy(update={"figures": figures})
