"""Linking table cells: each cell's figure becomes an observation of its table's indicator and key.

A table is keyed by periods when most of its row labels, or most of its column headers, name a
date or a year ("2026", "Năm 2021", "Thực hiện đến 30/6/2025"): the other axis's header is the
indicator cue ("Tổng dư nợ"), the key the date (a stock holds at the key's end, or at the day a
note under the table names; a flow covers the key's period; a "Cộng" row the periods together).
A table keyed by nothing lists programmes or districts: their rows are parts, a "Tổng cộng" /
"Toàn tỉnh" row the province's total, dated by the caption above the table. The place is the
document's; the status comes from the key's words ("Kế hoạch", "Thực hiện"), else the section
the table stands in, else the document's type (a plan's years ahead are targets, a report's
actuals). Words are ``rules/documents.yaml``'s; cues ``rules/indicators.yaml``'s.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from extractor.link.context import Context
from extractor.link.documents import (
    DocumentRules,
    Section,
    has_word,
    kind,
    opens_with,
    section_at,
    sections,
    total_row,
    year_end,
)
from extractor.link.place import era, resolve_place
from extractor.link.scope import NATIONAL, NATIONAL_MARKER
from extractor.models import (
    Boundaries,
    DateMention,
    Figure,
    Observation,
    PartKind,
    Status,
    validated,
)
from extractor.nlp.tables import Cell as FigureCell
from extractor.registry.phrases import new_tone

LEVELS = " / "  # how a header's levels are joined (extractor.parse.layout)
KEYED = 0.5  # the share of an axis's headers that must name a period for it to key the table
CAPTION_LINES = 4
NOTE_LINES = 3


class Cell(FigureCell, Protocol):
    """What linking needs of a table cell (``extractor.parse.layout.TableCell``): what a table
    figure needs, and where its headers stand in the text."""

    @property
    def row_header_span(self) -> tuple[int, int] | None: ...
    @property
    def column_header_spans(self) -> tuple[tuple[int, int], ...]: ...


@dataclass(frozen=True)
class Key:
    """A row's or column's key: its words, the date it names, whether it totals the others."""

    text: str
    date: DateMention | None
    total: bool


@dataclass
class Table:
    """One table's cells and what was found about it."""

    index: int
    cells: list[Cell]
    start: int
    end: int
    axis: str = "none"  # "rows" or "columns" when that axis's headers name periods
    caption: str = ""
    note: tuple[int, int] | None = None  # (month, day) of each year's balances
    section: Section | None = None
    periods: list[DateMention] = field(default_factory=list)


@dataclass(frozen=True)
class Linking:
    """What linking a document's table cells reads: the document's context and rules, every date
    of the document (a table's own among them) and its cells."""

    ctx: Context
    rules: DocumentRules
    dates: Sequence[DateMention]
    cells: Sequence[Cell]


def in_cell(cells: Sequence[Cell], start: int, end: int) -> bool:
    """Whether chars [start, end) lie in a table cell."""
    return any(c.start <= start and end <= c.end and c.end > c.start for c in cells)


def table_observations(link: Linking, figures: Sequence[Figure]) -> list[Observation]:
    """An observation for every table figure its table's headers and keys make one."""
    tables = _tables(link)
    found = []
    for fig in figures:
        cell = next((c for c in link.cells if c.start <= fig.start < c.end), None)
        table = tables.get(cell.table) if cell is not None else None
        if cell is None or table is None or cell.role != "data":
            continue
        obs = _observe(link, table, cell, fig)
        if obs is not None:
            found.append(obs)
    return found


# --- the tables ------------------------------------------------------------------------------


def _tables(link: Linking) -> dict[int, Table]:
    """Each table's cells, its caption and note, its section and which axis keys it."""
    by_index: dict[int, list[Cell]] = {}
    for cell in link.cells:
        by_index.setdefault(cell.table, []).append(cell)
    parts = sections(link.ctx, link.rules)
    tables = {}
    for index, cells in by_index.items():
        start, end = min(c.start for c in cells), max(c.end for c in cells)
        table = Table(index, cells, start, end, caption=_lines_before(link.ctx.text, start),
                      section=section_at(parts, start))
        table.note = _note(link, _lines_after(link.ctx.text, end))
        table.axis = _axis(link, table)
        tables[index] = table
    return tables


def _lines_before(text: str, start: int) -> str:
    """The few non-blank lines above a table (its title, unit, the heading that dates it), read
    line by line back from the table: splitting all the text before it cost a pass over the
    document per table."""
    lines: list[str] = []
    stop = start
    while len(lines) < CAPTION_LINES:
        begin = text.rfind("\n", 0, stop) + 1
        if text[begin:stop].strip():
            lines.append(text[begin:stop])
        if begin == 0:
            break
        stop = begin - 1
    return "\n".join(reversed(lines))


def _lines_after(text: str, end: int) -> str:
    """The few non-blank lines below a table, read line by line from its end."""
    lines: list[str] = []
    start = end
    while len(lines) < NOTE_LINES:
        stop = text.find("\n", start)
        line = text[start:] if stop < 0 else text[start:stop]
        if line.strip():
            lines.append(line)
        if stop < 0:
            break
        start = stop + 1
    return "\n".join(lines)


def _note(link: Linking, text: str) -> tuple[int, int] | None:
    """The (month, day) a note under the table holds each year's balances at."""
    for pattern in link.rules.notes:
        found = pattern.search(text)
        if found:
            month, day = int(found["month"]), int(found["day"])
            try:
                dt.date(2000, month, day)
            except ValueError:
                continue
            return month, day
    return None


def _axis(link: Linking, table: Table) -> str:
    """Which axis names periods: "rows" or "columns" (most of its keys give a date), or "none"."""
    data = [c for c in table.cells if c.role == "data"]
    rows = {c.row: c for c in data if c.row_header_span}
    columns = {c.col: c for c in data if c.column_header_spans}
    row_keys = [_row_key(link, c) for c in rows.values()]
    column_keys = [_column_key(link, c) for c in columns.values()]
    for axis, keys in (("columns", column_keys), ("rows", row_keys)):
        dated = [k for k in keys if k.date is not None]
        if keys and dated and len(dated) >= KEYED * len(keys):
            table.periods = [k.date for k in dated if k.date is not None and not k.total]
            return axis
    return "none"


def _dates_in(link: Linking, start: int, end: int) -> list[DateMention]:
    return [d for d in link.dates if start <= d.start and d.end <= end]


def _row_key(link: Linking, cell: Cell) -> Key:
    """A row's key: its label's words and date, whether it is a total row."""
    text = cell.row_header or ""
    dates = _dates_in(link, *cell.row_header_span) if cell.row_header_span else []
    total = total_row(link.rules, link.ctx.lang, text) is not None
    return Key(text, dates[-1] if dates else None, total)


def _column_key(link: Linking, cell: Cell) -> Key:
    """A column's key: its header's words and the date of its deepest level that names one."""
    text = cell.column_header or ""
    for start, end in reversed(cell.column_header_spans):
        dates = _dates_in(link, start, end)
        if dates:
            return Key(text, dates[-1], False)
    return Key(text, None, False)


# --- one cell -----------------------------------------------------------------------------------


def _observe(link: Linking, table: Table, cell: Cell, fig: Figure) -> Observation | None:
    """The observation of one cell's figure, or None when its headers make none."""
    ctx = link.ctx
    if table.axis == "columns":
        key, cue_header = _column_key(link, cell), cell.row_header or ""
    elif table.axis == "rows":
        key, cue_header = _row_key(link, cell), cell.column_header or ""
    else:
        key, cue_header = None, ""
    found = _indicator(link, table, cell, fig, cue_header)
    if found is None:
        return None
    code, phrase, from_row = found
    row = _part(link, table, cell, code, keyed=key is not None, from_row=from_row)
    if row is None:
        return None
    part = None if row == "total" else row
    when = _when(link, table, key, code)
    if when is None:
        return None
    as_of, start, end, date_rule, inferred = when
    status, status_rule = _status(link, table, key, as_of or end, start)
    written = ctx.published if status == "target" and ctx.published else (as_of or end or ctx.published)
    name, boundaries, b_rule = _place(ctx, written)
    return validated(Observation, {
        "indicator": code, "province": name, "boundaries": boundaries, "value": fig.value, "unit": fig.unit,
        "qualifier": fig.qualifier, "as_of": as_of, "period_start": start if as_of is None else None,
        "period_end": end if as_of is None else None, "date_inferred": inferred, "status": status,
        "part_of": part[0] if part else None, "part": part[1] if part else None,
        "document_id": ctx.ex.document.id, "text": fig.text, "start": fig.start, "end": fig.end,
        "sentence": fig.sentence,
        "rules": {"indicator": f"table:{phrase}", "province": f"document:{ctx.province_rule}",
                  "boundaries": b_rule, "date": date_rule, "status": status_rule},
        "why": {"indicator": f"indicator from the table's header '{phrase}'",
                "province": ctx.province_why or "the document's province",
                "date": _date_words(date_rule, key)},
    })


def _place(ctx: Context, on: dt.date | None) -> tuple[str | None, Boundaries | None, str]:
    """The document's province (or national) and its boundaries at ``on``."""
    if ctx.province is None and ctx.province_rule in (NATIONAL, NATIONAL_MARKER):
        return NATIONAL, era(ctx, on), "date"
    return resolve_place(ctx, None, on)


def _indicator(link: Linking, table: Table, cell: Cell, fig: Figure,
               header: str) -> tuple[str, str, bool] | None:
    """The indicator a header's cue gives the figure (its deepest level first), the cue, and
    whether it came from the row; None for a change column or a header without a cue."""
    ctx = link.ctx
    if table.axis != "none":
        candidates = [(header, table.axis == "columns")]
    elif _breakdown(link, table):
        candidates = [(cell.column_header or "", False)]  # its rows name programmes or districts
    else:
        candidates = [(cell.column_header or "", False), (cell.row_header or "", True)]
    for text, from_row in candidates:
        if not text or has_word(link.rules.change_headers, ctx.lang, text):
            continue
        for level in reversed(text.split(LEVELS)):
            found = _cue(ctx, level, fig)
            if found:
                return found[0], found[1], from_row
    return None


def _cue(ctx: Context, text: str, fig: Figure) -> tuple[str, str] | None:
    """The longest cue in ``text`` whose indicator takes the figure's kind and unit."""
    lexicon = ctx.linker.lexicon
    best: tuple[int, str, str] | None = None
    for cue in lexicon.find_cues(new_tone(text), lang=ctx.lang):
        for code in lexicon.candidates(cue, lang=ctx.lang):
            needed = lexicon.requires.get((ctx.lang, cue.position, cue.phrase.lower(), code))
            if not lexicon.accepts(code, kind=fig.kind, unit=fig.unit):
                continue
            if needed and not any(needed in lexicon.candidates(c, lang=ctx.lang)
                                  for c in lexicon.find_cues(new_tone(text), lang=ctx.lang)):
                continue
            if best is None or cue.end - cue.start > best[0]:
                best = (cue.end - cue.start, code, cue.phrase)
    return (best[1], best[2]) if best else None


Row = Literal["total"] | tuple[PartKind, str] | None


def _part(link: Linking, table: Table, cell: Cell, code: str, *, keyed: bool, from_row: bool) -> Row:
    """What a cell's row is: the total, a part (its kind and words), or neither (None)."""
    ctx, rules = link.ctx, link.rules
    label = cell.row_header or ""
    cued_parts = ctx.linker.lexicon.indicators[code].cued_parts is not False
    if keyed:
        partial = has_word(rules.partial_captions, ctx.lang, table.caption)
        return ("programme", label) if partial and cued_parts and table.axis == "columns" else "total"
    if total_row(rules, ctx.lang, label) or from_row:
        return "total"
    kind_ = _breakdown(link, table)
    return (kind_, label) if kind_ and label else None


def _breakdown(link: Linking, table: Table) -> PartKind | None:
    """The kind of part a table's rows are, by the header of its label column ("Chương trình",
    "Đơn vị"), or None."""
    heading = _label_heading(table)
    for kind_, words in link.rules.breakdown_columns.items():
        if heading and opens_with(words, link.ctx.lang, heading):
            return kind_
    return None


def _label_heading(table: Table) -> str:
    """The header of the table's label column (the column header of its label cells)."""
    labels = [c for c in table.cells if c.role == "label" and c.column_header]
    widest = max(labels, key=lambda c: c.col, default=None)  # the label column, not the numbering
    return widest.column_header or "" if widest else ""


When = tuple[dt.date | None, dt.date | None, dt.date | None, str, bool]  # as_of, start, end, rule, inferred


def _when(link: Linking, table: Table, key: Key | None, code: str) -> When | None:
    """The cell's date: its key's (a total row's: the table's periods together), else a date of
    the caption above the table, else the document's date, borrowed."""
    stock = link.ctx.linker.lexicon.indicators[code].measure == "stock"
    if key is not None and key.total:
        if stock:
            return None  # a total of balances over years is no balance
        return _total_period(table, key)
    if key is not None and key.date is not None:
        return _dated(key.date, stock=stock, note=table.note, rule="table:key")
    captions = [d for d in link.dates if table.start - len(table.caption) - 1 <= d.start < table.start]
    if captions:
        return _dated(captions[-1], stock=stock, note=None, rule="table:caption")
    published = link.ctx.published
    return (published, None, None, "published", True) if stock else (None, None, published, "published", True)


def _total_period(table: Table, key: Key) -> When | None:
    """A total row's period: the one its label names, else the table's periods together."""
    if key.date is not None and key.date.period_start and key.date.period_end:
        return None, key.date.period_start, key.date.period_end, "table:total", False
    starts = [d.period_start or d.value for d in table.periods]
    ends = [d.period_end or d.value for d in table.periods]
    if not starts or not ends:
        return None
    return None, min(s for s in starts if s), max(e for e in ends if e), "table:total", False


def _dated(d: DateMention, *, stock: bool, note: tuple[int, int] | None, rule: str) -> When:
    """A key's date as a stock's day or a flow's period: a year holds its balances at its end
    (or at the note's day), a day ("đến 30/6/2025") is the day, a flow runs from 1 January."""
    if d.value is not None:
        start = dt.date(d.value.year, 1, 1)
        return (d.value, None, None, rule, False) if stock else (None, start, d.value, rule, False)
    assert d.period_end is not None or d.period_start is not None
    end = d.period_end or d.period_start
    assert end is not None
    whole_year = d.period_start is not None and d.period_start == dt.date(end.year, 1, 1) \
        and end == dt.date(end.year, 12, 31)
    if stock:
        day = year_end(end.year, note) if whole_year else end
        return day, None, None, rule + ("+note" if note and whole_year else ""), False
    return None, d.period_start, end, rule, False


def _status(link: Linking, table: Table, key: Key | None, end: dt.date | None,
            start: dt.date | None) -> tuple[Status, str]:
    """Target or actual: the key's words, else the table's section, else the document's type
    and whether the key lies ahead of the document."""
    ctx, rules = link.ctx, link.rules
    words = (key.text if key else "") + "\n" + (table.caption if key is None else "")
    for status in ("target", "actual"):
        word = has_word(rules.key_status[status], ctx.lang, words) if status in rules.key_status else None
        if word:
            return status, f"table-key:{word}"
    if table.section is not None:
        return ("target" if table.section.kind == "target" else "actual"), f"section:{table.section.kind}"
    published = ctx.published
    first = start or end
    ahead = published is not None and first is not None and first > published
    doc = kind(ctx, rules)
    if doc == "plan":
        later = published is not None and end is not None and end > published
        return ("target" if later else "actual"), f"plan:{'ahead' if later else 'past'}"
    return ("target" if ahead else "actual"), ("future-date" if ahead else "actual")


def _date_words(rule: str, key: Key | None) -> str:
    """The date rule in words."""
    if rule.startswith("table:key") and key is not None:
        note = " (balances on the day the note under the table names)" if rule.endswith("+note") else ""
        return f"date from the table's key '{key.text}'{note}"
    if rule == "table:total":
        return "the periods of the table together (a total row)"
    if rule == "table:caption":
        return "date from the caption above the table"
    return "the document's date (the table states none)"
