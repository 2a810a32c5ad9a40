"""Fuzzing: corpus texts, HTML pages and PDFs mutated thousands of ways, each read, extracted,
linked and stored, must give a record or one of the project's coded errors, never another
exception (issue 17: a fuzzer found three crash sites in 19,822 cases).

Hypothesis draws a seed file (a window of it for texts), then a few mutations: bytes and the
fragments that broke the pipeline before (number typos, a tag name XML cannot write, bytes that
are not UTF-8) inserted, ranges deleted, repeated or overwritten. ``derandomize`` makes every run
draw the same cases, so CI is reproducible; a failure is shrunk to a small input and printed.
Only committed files are mutated (corpus/gold, corpus/seeds, corpus/fixtures): never
corpus/real, whose texts are third-party.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.errors import ExtractorError
from extractor.nlp.numbers import readings, well_formed
from extractor.parse import load_bytes
from extractor.pipeline.process import process
from extractor.registry.bundle import bundled
from extractor.store import connect, save_extraction, search
from extractor.store.facets import search_sentences
from extractor.store.records import SearchFilters

CORPUS = Path(__file__).parent.parent / "corpus"
TEXTS = sorted([*CORPUS.glob("gold/*/*.txt"), *CORPUS.glob("seeds/*.txt")])
PAGES = sorted(CORPUS.glob("fixtures/**/*.html"))
PDFS = sorted(CORPUS.glob("fixtures/pdf/*.pdf"))
TEXT_WINDOW = 1500  # bytes of a text per case: the pipeline's cost, not the mutation, grows with it

# Fragments that broke a stage once, and the separators, marks and markup the stages read.
FRAGMENTS = [
    b"1,234,5 billion VND", b"VND2,8.5", "0,0,5đ".encode(), "1,2.345,6 tỷ đồng".encode(),
    b'<div class="story"><h3><l">></h3><p>T', b'<l">', b"</p>", b"<p>", b"<table><tr><td>",
    b"\xff", b"\xe1\xbb", b"\x00", b"\r\n", b"\xef\xbb\xbf", b"%", b",", b".", b"-", b"/",
    b"99999999999999999999999", b"0,", b".5", "tỷ đồng".encode(), "hộ nghèo".encode(),
    b" billion VND", b" households", b"Directive 40-CT/TW", "Nghị định 78/2002/NĐ-CP".encode(),
    b"30/6/2024", b"June 30, 2024", "quý I/2024".encode(), b"obj", b"endobj", b"stream", b"xref",
]

@dataclass(frozen=True)
class Mutation:
    """One change to a file's bytes at ``at`` (taken modulo the length, so any position fits)."""

    kind: Literal["insert", "delete", "overwrite", "repeat"]
    at: int
    piece: bytes = b""
    size: int = 0
    times: int = 1

    def apply(self, raw: bytes) -> bytes:
        """``raw`` changed: ``piece`` inserted or written over, ``size`` bytes deleted or repeated."""
        at = self.at % (len(raw) + 1)
        if self.kind == "insert":
            return raw[:at] + self.piece + raw[at:]
        if self.kind == "overwrite":
            return raw[:at] + self.piece + raw[at + len(self.piece):]
        if self.kind == "delete":
            return raw[:at] + raw[at + self.size:]
        return raw[:at] + raw[at:at + self.size] * self.times + raw[at:]


POSITION = st.integers(min_value=0, max_value=1 << 16)
MUTATION = st.one_of(
    st.builds(Mutation, st.just("insert"), POSITION,
              piece=st.sampled_from(FRAGMENTS) | st.binary(min_size=1, max_size=8)),
    st.builds(Mutation, st.just("delete"), POSITION, size=st.integers(min_value=1, max_value=200)),
    st.builds(Mutation, st.just("overwrite"), POSITION, piece=st.binary(min_size=1, max_size=4)),
    st.builds(Mutation, st.just("repeat"), POSITION, size=st.integers(min_value=1, max_value=64),
              times=st.integers(min_value=2, max_value=40)),
)


@st.composite
def mutated(draw: st.DrawFn, files: list[Path], window: int | None = None) -> tuple[str, bytes]:
    """A seed file (a window of it when ``window`` is set) after up to six mutations."""
    path = draw(st.sampled_from(files))
    raw = path.read_bytes()
    if window is not None:
        start = draw(st.integers(min_value=0, max_value=max(0, len(raw) - window)))
        raw = raw[start:start + window]
    for mutation in draw(st.lists(MUTATION, max_size=6)):
        raw = mutation.apply(raw)
    return path.name, raw


FUZZ = settings(derandomize=True, database=None, deadline=None, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def fuzz(cases: int) -> settings:
    """The fuzz settings (same cases every run, no time limit per case) for ``cases`` cases."""
    return settings(FUZZ, max_examples=cases)


@pytest.fixture(scope="module")
def db() -> sqlite3.Connection:
    return connect(":memory:")


def ingest_one(db: sqlite3.Connection) -> Callable[[str, bytes], None]:
    """Read, extract, link and store one document as ``ingest`` does; coded errors are answers."""
    registry = bundled()

    def run(name: str, raw: bytes) -> None:
        with contextlib.suppress(ExtractorError):
            extraction = process(load_bytes(raw, source=name, registry=registry, ocr="never"),
                                 registry=registry)
            save_extraction(db, extraction, raw=raw)

    return run


def test_mutated_texts(db: sqlite3.Connection) -> None:
    run = ingest_one(db)

    @fuzz(1500)
    @given(mutated(TEXTS, window=TEXT_WINDOW))
    def case(named: tuple[str, bytes]) -> None:
        run(*named)

    case()


def test_mutated_pages(db: sqlite3.Connection) -> None:
    run = ingest_one(db)

    @fuzz(500)
    @given(mutated(PAGES))
    def case(named: tuple[str, bytes]) -> None:
        run(*named)

    case()


def test_mutated_pdfs(db: sqlite3.Connection) -> None:
    run = ingest_one(db)

    @fuzz(120)
    @given(mutated(PDFS))
    def case(named: tuple[str, bytes]) -> None:
        run(*named)

    case()


DIGITS = st.text("0123456789", min_size=1, max_size=5)
# Any number as the lexicons' NUM writes it: runs of digits joined by single separators.
WRITTEN_NUMBER = st.builds(lambda head, rest: head + "".join(sep + run for sep, run in rest),
                           DIGITS, st.lists(st.tuples(st.sampled_from(".,"), DIGITS), max_size=4))


@fuzz(3000)
@given(WRITTEN_NUMBER, st.sampled_from(".,"), st.booleans())
def test_any_written_number_is_read_or_refused(text: str, separator: str, mixed: bool) -> None:
    """``readings`` gives values exactly when ``well_formed`` says so; it never fails otherwise."""
    try:
        values = readings(text, decimal_separator=separator, mixed=mixed).values
    except ValueError:
        assert not well_formed(text)
    else:
        assert well_formed(text) and values and all(isinstance(v, Decimal) for v in values)


def test_searches_of_any_text(db: sqlite3.Connection) -> None:
    run = ingest_one(db)
    for path in TEXTS[:4]:  # something for the words and numbers to find
        run(path.name, path.read_bytes())
    query_text = st.lists(st.sampled_from([f.decode("utf-8", "replace") for f in FRAGMENTS])
                          | st.text(max_size=12), max_size=12).map(" ".join)

    @fuzz(1000)
    @given(query_text)
    def case(query: str) -> None:
        with contextlib.suppress(ExtractorError):
            search(db, query)
        with contextlib.suppress(ExtractorError):
            search_sentences(db, SearchFilters(q=query))

    case()
