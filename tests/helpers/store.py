"""Builders for store tests: documents whose lines carry their own observation, a stand-in
extractor, and a snapshot of a whole database to compare.

A line reads ``<sentence> ⟦province|indicator|value|unit|date|figure text⟧``; ``fake_extract``
turns each such line into a Figure and an Observation whose offsets point into the text, so
store tests exercise real offsets and sentences without depending on the NLP pipeline.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sqlite3
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from extractor.models import Document, Extraction, Figure, Observation
from extractor.parse import Loaded
from extractor.store import connect, save_extraction

_LINE = re.compile(r"^(?P<sentence>.*?) ⟦(?P<note>[^⟧]*)⟧$", re.MULTILINE)


@dataclass(frozen=True)
class Fact:
    """One observation to write into a test document."""

    sentence: str
    figure: str
    province: str | None
    indicator: str
    value: str
    unit: str = "VND"
    date: str = "2024-06-30"
    boundaries: str = "pre-2025"
    qualifier: str = "exact"


def fact_line(fact: Fact) -> str:
    """The text line that carries ``fact``."""
    note = "|".join([fact.province or "", fact.indicator, fact.value, fact.unit, fact.date, fact.figure,
                     fact.boundaries, fact.qualifier])
    return f"{fact.sentence} ⟦{note}⟧"


def doc_text(*facts: Fact, title: str = "Tin dụng chính sách") -> str:
    """A document: a title line, then one line per fact."""
    return "\n".join([title, *(fact_line(f) for f in facts)]) + "\n"


def fake_extract(text: str, *, source: str, lang: str = "auto", published: dt.date | None = None,
                 raw: bytes | None = None) -> Extraction:
    """Stand-in for ``extract_text``: reads the facts back out of their annotated lines."""
    if "FAIL" in text:
        raise ValueError("the fake extractor was told to fail")
    figures, observations = [], []
    for match in _LINE.finditer(text):
        figure, obs = _read_line(text, match)
        figures.append(figure)
        observations.append(obs)
    language = "en" if lang == "en" or "outstanding loans" in text else "vi"
    doc = Document(id="pending", source=source, title=text.splitlines()[0] if text else None,
                   published=published, language=language, text=text)
    return Extraction(document=doc, figures=tuple(figures), observations=tuple(observations))


def _read_line(text: str, match: re.Match[str]) -> tuple[Figure, Observation]:
    """A figure and an observation from one annotated line."""
    province, indicator, value, unit, date, shown, boundaries, qualifier = match.group("note").split("|")
    sentence, s_start = match.group("sentence"), match.start("sentence")
    start = text.index(shown, s_start)
    end = start + len(shown)
    kind = "percent" if unit == "%" else "money" if unit.startswith("VND") else "count"
    figure = Figure(text=shown, start=start, end=end, sentence=sentence, sentence_start=s_start, rule="fake",
                    kind=kind, value=Decimal(value), unit=unit, qualifier=qualifier)  # type: ignore[arg-type]
    obs = Observation(indicator=indicator, province=province or None, boundaries=boundaries or None,  # type: ignore[arg-type]
                      value=Decimal(value), unit=unit, qualifier=qualifier, as_of=dt.date.fromisoformat(date),  # type: ignore[arg-type]
                      text=shown, start=start, end=end, sentence=sentence,
                      rules={"indicator": "fake", "province": "fake"})
    return figure, obs


def make_extraction(*facts: Fact, source: str = "https://example.test/a", title: str = "Tin dụng chính sách",
                    published: dt.date | None = None) -> tuple[Extraction, bytes]:
    """An extraction and the raw bytes it came from."""
    text = doc_text(*facts, title=title)
    return fake_extract(text, source=source, published=published), text.encode("utf-8")


NGHE_AN = Fact("Tính đến 30/6/2024, tổng dư nợ đạt 13.357 tỷ đồng.", "13.357 tỷ đồng", "Nghệ An",
               "outstanding_loans", "13357000000000")
NGHE_AN_EN = Fact("By June 30, 2024, outstanding loans reached VND 13,357 billion.", "VND 13,357 billion",
                  "Nghệ An", "outstanding_loans", "13357000000000")
HA_NOI = Fact("Tại Hà Nội, dư nợ quá hạn chiếm 0,14% tổng dư nợ.", "0,14%", "Hà Nội", "overdue_debt_rate",
              "0.14", unit="%")


def fake_extract_loaded(loaded: Loaded) -> Extraction:
    """Stand-in for ``extractor.parse.extract_loaded`` built on ``fake_extract``."""
    extraction = fake_extract(loaded.text, source=loaded.source, published=loaded.published, raw=loaded.raw)
    document = extraction.document.model_copy(update={"content_type": loaded.content_type})
    return extraction.model_copy(update={"document": document})


TABLES = ("documents", "raw_blobs", "sentences", "figures", "dates", "legal_refs", "observations")


def snapshot(conn: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (ingest time left out), to compare whole databases."""
    out = {}
    for table in TABLES:
        rows = conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
        out[table] = [tuple(v for k, v in zip(r.keys(), r, strict=True) if k != "ingested_at") for r in rows]
    out["fts"] = conn.execute("SELECT rowid, text FROM sentences_fts ORDER BY rowid").fetchall()
    return {k: [tuple(r) for r in v] for k, v in out.items()}


def keep_raw_whole(conn: sqlite3.Connection, raw: bytes, *, packed: bytes | None = None) -> str:
    """Raw bytes stored as a program of schema v8 or earlier stored them: whole, with no codec
    column, whatever was packed before (patched over ``extractor.store.write.keep_raw`` to build
    an old database)."""
    digest = hashlib.sha256(raw).hexdigest()
    conn.execute("INSERT OR IGNORE INTO raw_blobs(sha256, content, size) VALUES (?, ?, ?)",
                 (digest, raw, len(raw)))
    return digest


def two_document_store(path: Path) -> Path:
    """A database at ``path`` holding two documents: Nghệ An with Hà Nội, and Nghệ An in English."""
    conn = connect(path)
    for i, facts in enumerate([(NGHE_AN, HA_NOI), (NGHE_AN_EN,)]):
        extraction, raw = make_extraction(*facts, source=f"https://example.test/{i}")
        save_extraction(conn, extraction, raw=raw)
    conn.close()
    return path
