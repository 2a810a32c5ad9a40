"""What an administrative document is, read once for linking: its type, its issuer's province
and its sections (``rules/documents.yaml``, ``DocumentRules``).

A plan's years ahead are targets and a report's past years actuals (``kind``); the issuing body
in the header ("ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN") names the province whose figures it states
(``issuer_scope``); a heading opens a section ("I. KẾT QUẢ THỰC HIỆN" reports, "II. MỤC TIÊU"
sets targets) that holds until the next heading of its level (``sections``), and the prose's
observations take its status (``in_sections``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Literal

from pydantic import Field

from extractor.link.context import Context
from extractor.link.place import era
from extractor.link.scope import NATIONAL
from extractor.models import DateMention, Observation
from extractor.parse.layout import CELL_SEPARATOR
from extractor.registry.files import Pattern, Strict
from extractor.registry.phrases import new_tone

Lang = Literal["en", "vi"]
DocKind = Literal["plan", "report"]
SectionKind = Literal["target", "report"]
# A heading: a numbered line ("II.", "1.", "1.2.", "a)") or a short line in capitals.
NUMBERED = re.compile(r"\s*(?P<num>[IVXLC]{1,5}|[A-Z]|\d{1,2}(?:\.\d{1,2})*|[a-z])[.)]\s+(?P<text>\S.*)")
HEADING_WORDS = 16
LINE = re.compile(r"[^\n]+")


# --- the rules ------------------------------------------------------------------------------------


class TextExamples(Strict):
    """Texts an entry decides, and near misses it leaves alone."""

    pos: list[str] = Field(min_length=1)
    neg: list[str] = Field(min_length=1)


class Word(Strict):
    """A word or phrase, matched as whole words ignoring case and tone placement."""

    word: str = Field(min_length=1)
    examples: TextExamples


class DocType(Strict):
    """How a document of one kind names itself: its type line and its number's code."""

    words: list[Word]
    codes: list[Word]


class NoteExample(Strict):
    text: str
    day: int
    month: int


class NoteExamples(Strict):
    pos: list[NoteExample] = Field(min_length=1)
    neg: list[str] = Field(min_length=1)


class BalanceNote(Strict):
    """A note's pattern for the day and month each year's balances are held at."""

    pattern: Pattern
    examples: NoteExamples


Words = dict[Lang, list[Word]]


class DocumentRules(Strict):
    """``rules/documents.yaml``: document types, sections, and the words of their tables."""

    version: Literal[1]
    doc_types: dict[DocKind, DocType]
    sections: dict[SectionKind, Words]
    key_status: dict[Literal["target", "actual"], Words]
    total_rows: Words
    breakdown_columns: dict[Literal["programme", "area"], Words]
    partial_captions: Words
    change_headers: Words
    balance_notes: list[BalanceNote]
    national_issuers: Words

    @cached_property
    def notes(self) -> list[re.Pattern[str]]:
        """The balance-note patterns, compiled (ignoring case)."""
        return [re.compile(n.pattern, re.IGNORECASE) for n in self.balance_notes]


def key(text: str) -> str:
    """A text as words are compared: new tone placement, lower case, single spaces."""
    return " ".join(new_tone(text).lower().split())


def _phrase(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(key(word))}(?!\w)")


def has_word(words: Words, lang: str, text: str) -> str | None:
    """The first of a language's words the text holds (as whole words), or None."""
    folded = key(text)
    for entry in _of(words, lang):
        if _phrase(entry.word).search(folded):
            return entry.word
    return None


def opens_with(words: Words, lang: str, text: str) -> str | None:
    """The first of a language's words the text opens with (as whole words), or None."""
    folded = key(text)
    for entry in _of(words, lang):
        if _phrase(entry.word).match(folded):
            return entry.word
    return None


def total_row(rules: DocumentRules, lang: str, label: str) -> str | None:
    """The total word a row's label is ("Tổng cộng"), or opens with before a period or a colon
    ("Cộng giai đoạn 2026 - 2030", "Cộng:"); None for a label that only begins with the word
    ("Cộng đồng dân cư", "Total capital")."""
    folded = key(label)
    for entry in _of(rules.total_rows, lang):
        found = _phrase(entry.word).match(folded)
        rest = folded[found.end() :] if found else ""
        if found and (not any(ch.isalpha() for ch in rest) or any(ch.isdigit() for ch in rest)):
            return entry.word
    return None


def _of(words: Words, lang: str) -> list[Word]:
    return next((entries for code, entries in words.items() if code == lang), [])


# --- the document -------------------------------------------------------------------------------


def kind(ctx: Context, rules: DocumentRules) -> DocKind | None:
    """A plan or a report, by the type line under the header or the code of its number."""
    meta = ctx.ex.document.meta
    doc_type, number = meta.get("doc_type", ""), meta.get("doc_number", "")
    code = number.split("/", 1)[1].split("-", 1)[0] if "/" in number else ""
    for name, entry in rules.doc_types.items():
        if any(_phrase(w.word).match(key(doc_type)) for w in entry.words):
            return name
        if code and any(key(w.word) == key(code) for w in entry.codes):
            return name
    return None


def issuer_scope(ctx: Context, rules: DocumentRules) -> Context:
    """The context with the document's province taken from its issuing body, when the header
    names one ("ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"), or national for a national body naming none."""
    issuer = ctx.ex.document.meta.get("issuer", "")
    if not issuer:
        return ctx
    named = ctx.linker.gazetteer.find(issuer)
    if named:
        code = named[0].code
        name = ctx.linker.gazetteer.name_at(code, ctx.published)
        return ctx.amended(province=name, province_rule="issuer", province_code=code,
                           province_why=f"province from the issuing body ({issuer!r})")
    if has_word(rules.national_issuers, ctx.lang, issuer):
        return ctx.amended(province=None, province_rule=NATIONAL, province_code=None,
                           province_why=f"the issuing body speaks for the whole country ({issuer!r})")
    return ctx


# --- sections ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    """Chars [start, end) of a section of one kind, opened by a heading of ``level``, and the
    date its heading names, if any ("NĂM 2026")."""

    kind: SectionKind
    start: int
    end: int
    level: int
    word: str
    date: DateMention | None = None


def heading(line: str) -> tuple[int, str] | None:
    """A heading's level (0: "A.", 1: "II." or capitals, 2: "1.", 3: "1.1.", 5: "a)") and its
    words; None for a line of text."""
    numbered = NUMBERED.match(line)
    if numbered and (len(line.split()) > HEADING_WORDS or line.rstrip().endswith((".", ";"))):
        return None  # a numbered paragraph ("1. Phấn đấu đến năm 2030, …."), not a heading
    if numbered:
        num = numbered["num"]
        if num.isdigit() or "." in num:
            return 2 + num.count("."), numbered["text"]
        if num.islower():
            return 5, numbered["text"]
        return (0 if len(num) == 1 and num not in "IVX" else 1), numbered["text"]
    # a short line in capitals (with a letter: not a row of figures)
    if len(line.split()) <= HEADING_WORDS and line.upper() == line and any(ch.isalpha() for ch in line):
        return 1, line.strip()
    return None


def sections(ctx: Context, rules: DocumentRules) -> list[Section]:
    """The document's target and report sections, each to the next heading of its level or above:
    only in an official document or a PDF (a news page's capitalised title is no heading)."""
    doc = ctx.ex.document
    if doc.content_type != "application/pdf" and not {"doc_type", "doc_number"} & set(doc.meta):
        return []
    found: list[Section] = []
    open_: list[Section] = []
    for line in LINE.finditer(ctx.text):
        head = heading(line.group()) if CELL_SEPARATOR not in line.group() else None
        if head is None:
            continue
        level, words = head
        for section in [s for s in open_ if s.level >= level]:
            found.append(replace(section, end=line.start()))
            open_.remove(section)
        for kind_ in ("target", "report"):
            word = opens_with(rules.sections[kind_], ctx.lang, words) if kind_ in rules.sections else None
            if word:
                dates = ctx.free_dates.within(line.start(), line.end())
                open_.append(Section(kind_, line.start(), len(ctx.text), level, word, dates[0] if dates else None))
                break
    return sorted(found + open_, key=lambda s: s.start)


def section_at(found: Sequence[Section], pos: int) -> Section | None:
    """The innermost section holding ``pos``."""
    holding = [s for s in found if s.start <= pos < s.end]
    return max(holding, key=lambda s: s.level) if holding else None


def in_sections(ctx: Context, found: list[Observation], rules: DocumentRules) -> list[Observation]:
    """The prose's observations with the status of their section: a target section's are
    targets (a date only borrowed becomes the heading's, or none); a report section's are
    actuals unless their own date comes after the document."""
    parts = sections(ctx, rules)
    return [_in_section(ctx, obs, section_at(parts, obs.start)) for obs in found]


def _in_section(ctx: Context, obs: Observation, section: Section | None) -> Observation:
    if section is None:
        return obs
    if section.kind == "report":
        end = obs.as_of or obs.period_end
        later = ctx.published is not None and end is not None and end > ctx.published
        if obs.status == "actual" or later:
            return obs
        return obs.model_copy(update={
            "status": "actual", "rules": {**obs.rules, "status": f"section:report:{section.word}"},
            "why": {**obs.why, "status": f"stated in a section of results ({section.word!r})"}})
    rules = {**obs.rules, "status": f"section:target:{section.word}"}
    update: dict[str, object] = {"status": "target", "rules": rules,
                                 "why": {**obs.why, "status": f"stated in a section of targets ({section.word!r})"}}
    if obs.date_inferred:
        update |= _heading_date(ctx, obs, section)
        update["rules"] = {**rules, "date": "section:heading" if section.date else "section:undated"}
    written = ctx.published or obs.as_of or obs.period_end
    if obs.province is not None and written is not None:
        update["boundaries"] = era(ctx, written)
    return obs.model_copy(update=update)


def _heading_date(ctx: Context, obs: Observation, section: Section) -> dict[str, object]:
    """The date of a target the text dates only by borrowing: the heading's, else none."""
    d = section.date
    stock = ctx.linker.lexicon.indicators[obs.indicator].measure == "stock"
    if d is None:
        return {"as_of": None, "period_start": None, "period_end": None, "date_inferred": False}
    end = d.value or d.period_end
    start = d.period_start if d.value is None else None
    return {"as_of": end if stock else None, "period_start": None if stock else start,
            "period_end": None if stock else end, "date_inferred": False}


def year_end(year: int, note: tuple[int, int] | None) -> dt.date:
    """The day a year's balances are held at: the note's day and month, else 31 December."""
    month, day = note or (12, 31)
    return dt.date(year, month, day)
