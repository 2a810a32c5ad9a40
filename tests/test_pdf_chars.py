"""The quick paths of PDF reading (extractor/parse/pdf/chars.py, tables) read what pdfplumber reads.

pdfplumber's own conversion, ``dedupe_chars`` and ``Table.extract`` are the reference: every
fixture page gives the same char dicts, the same other objects, the same de-duplicated chars in
the same order and the same table cells, and
the clustering and de-duplication agree with pdfplumber's on seeded random chars made to
collide (exact duplicates, near ones, tolerance edges). The gutter search's early stop is
checked against the full count it replaces.
"""

from __future__ import annotations

import random
from itertools import pairwise
from typing import Any

import pdfplumber
import pytest
from pdfplumber.utils import dedupe_chars, extract_words
from pdfplumber.utils.clustering import cluster_objects

from extractor.parse.pdf.chars import (
    QuickPage,
    clusters,
    none_alike,
    page_word_boxes,
    quick_page,
    unique_chars,
)
from extractor.parse.pdf.lines import Line, Spans, Word, gutter, split_segments
from extractor.parse.pdf.tables import page_tables
from helpers.pdfs import SPACED_TEXT, minimal_pdf
from helpers.sites import PDFS

FIXTURES = sorted(PDFS.glob("*.pdf"))


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_quick_pages_hold_pdfplumbers_objects(path: Any) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            quick = quick_page(page)
            assert isinstance(quick, QuickPage)
            assert quick.objects == page.objects
            assert quick.dedupe_chars(tolerance=1).chars == page.dedupe_chars(tolerance=1).chars


@pytest.mark.parametrize("mediabox", [(0, 0, 595, 842), (20.5, 30, 615.5, 872)], ids=["origin", "offset"])
def test_spaced_scaled_and_turned_text_gives_pdfplumbers_chars(mediabox: tuple[float, ...], tmp_path: Any) -> None:
    """Spacing, scaling, rise, kerning, quote operators, turned and slanted text, marked
    content and a media box away from the origin: the glyphs' chars are pdfplumber's."""
    path = tmp_path / "spaced.pdf"
    path.write_bytes(minimal_pdf(SPACED_TEXT, mediabox=mediabox))
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        quick = quick_page(page)
        assert len(page.chars) > 100
        assert quick.objects == page.objects
        assert [list(c) for c in quick.chars] == [list(c) for c in page.chars]  # the same keys in order


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_table_cells_read_from_the_table_chars_are_pdfplumbers(path: Any) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page = page.dedupe_chars(tolerance=1)
            assert [t.rows for t in page_tables(page)] == [
                rows for rows in (found.extract() for found in page.find_tables())
                if any((cell or "").strip() for row in rows for cell in row)
            ]


def test_fixtures_have_ruled_tables() -> None:
    """The fixtures hold ruled tables for the test above to read."""
    with pdfplumber.open(PDFS / "bao-cao-tin-dung.pdf") as pdf:
        assert any(page_tables(page) for page in pdf.pages)


WORD_FIELDS = ("text", "x0", "top", "x1", "bottom", "size")


def plumber_words(chars: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """pdfplumber's words of ``chars`` as page_words asks for them, the fields it reads."""
    found = extract_words(chars, x_tolerance=1.5, y_tolerance=3, extra_attrs=["size"])
    return [tuple(w[k] for k in WORD_FIELDS) for w in found]


def quick_words(chars: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """page_word_boxes' words of ``chars``, the same fields."""
    return [tuple(w[k] for k in WORD_FIELDS) for w in page_word_boxes(chars, x_tolerance=1.5, y_tolerance=3)]


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_page_words_are_pdfplumbers(path: Any) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            chars = page.dedupe_chars(tolerance=1).chars
            assert quick_words(chars) == plumber_words(chars)


def random_line_chars(rng: random.Random, count: int) -> list[dict[str, Any]]:
    """Chars on close lines, overlapping and out of order, with blanks, ligatures, chars
    without text, two sizes and some rotated text."""
    chars = []
    for _ in range(count):
        x0 = rng.choice([0.0, 1.0, 2.0, 3.5, 5.0, 9.0]) + rng.randrange(0, 6) * 4
        top = rng.choice([10.0, 11.5, 13.0, 14.0, 30.0])
        chars.append({"text": rng.choice(["a", "b", " ", "\u00a0", "", "\ufb01"]), "x0": x0,
                      "x1": x0 + rng.choice([2.0, 3.0, 4.0]), "top": top, "bottom": top + 8,
                      "doctop": top, "upright": rng.random() < 0.9, "size": rng.choice([8.0, 8.0, 8.0, 9.0])})
    return chars


@pytest.mark.parametrize("seed", range(60))
def test_words_of_random_chars_are_pdfplumbers(seed: int) -> None:
    chars = random_line_chars(random.Random(seed), 40)
    assert quick_words(chars) == plumber_words(chars)


def test_fake_bold_fixture_page_loses_its_duplicates() -> None:
    """The fixture that overprints its text (fake bold) has duplicates to remove."""
    with pdfplumber.open(PDFS / "bao-cao-tin-dung.pdf") as pdf:
        quick = quick_page(pdf.pages[2])
        assert len(quick.dedupe_chars(tolerance=1).chars) < len(quick.chars)


def random_chars(rng: random.Random, count: int) -> list[dict[str, Any]]:
    """Chars crowded on a few lines with few letters and fonts, some exact or near copies."""
    chars: list[dict[str, Any]] = []
    for _ in range(count):
        if chars and rng.random() < 0.3:
            copy = dict(rng.choice(chars))
            if rng.random() < 0.5:
                copy["x0"] += rng.choice([0.0, 0.5, 1.0, 1.5])
                copy["doctop"] += rng.choice([0.0, 1.0, 2.5])
            chars.append(copy)
            continue
        chars.append({
            "text": rng.choice("ab"),
            "fontname": rng.choice(["F1", "F2"]),
            "size": rng.choice([10.0, 11.0]),
            "upright": True,
            "doctop": rng.choice([10.0, 10.5, 11.0, 12.0, 30.0]) + rng.choice([0.0, 0.25]),
            "x0": float(rng.randrange(0, 40)) / 2,
            "colour": rng.choice([0, 1]),
        })
    return chars


@pytest.mark.parametrize("seed", range(40))
def test_unique_chars_is_pdfplumbers_dedupe(seed: int) -> None:
    chars = random_chars(random.Random(seed), 60)
    for tolerance in (0, 1, 2):
        assert unique_chars(chars, tolerance=tolerance) == dedupe_chars(chars, tolerance=tolerance)


def spaced_chars(rng: random.Random) -> list[dict[str, Any]]:
    """Chars along a few lines (tops a little apart now and then: a cluster of several doctops),
    most a char's width apart, a few nearer or drawn twice."""
    chars: list[dict[str, Any]] = []
    for line in range(rng.randrange(1, 4)):
        x = rng.uniform(0, 5)
        for _ in range(rng.randrange(1, 25)):
            chars.append({"text": rng.choice("ab "), "fontname": rng.choice(["F1", "F2"]), "size": 10.0,
                          "upright": True, "x0": x, "colour": 0,
                          "doctop": 20.0 * line + rng.choice([0.0, 0.0, 0.0, 0.5, 1.0, 2.0])})
            x += rng.choice([0.5, 1.0, 2.5, 4.0, 6.0, 6.0, 6.0])
    return [*chars, *(dict(c) for c in chars if rng.random() < 0.02)]


@pytest.mark.parametrize("seed", range(80))
def test_none_alike_says_whether_dedupe_keeps_every_char(seed: int) -> None:
    """The one-pass test is exactly "pdfplumber's dedupe removes nothing"."""
    rng = random.Random(seed)
    chars = spaced_chars(rng) if seed % 4 else random_chars(rng, rng.randrange(1, 20))
    for tolerance in (0, 1, 2):
        kept = dedupe_chars(chars, tolerance=tolerance)
        assert none_alike(chars, tolerance=tolerance) == (len(kept) == len(chars))


def test_spaced_chars_are_kept_whole_and_not() -> None:
    """The generated chars try both answers."""
    found = {none_alike(spaced_chars(random.Random(seed)), tolerance=1) for seed in range(80)}
    assert found == {True, False}


@pytest.mark.parametrize("seed", range(20))
def test_clusters_are_pdfplumbers(seed: int) -> None:
    rng = random.Random(seed)
    items = [(rng.choice([0.0, 0.5, 1.0, 1.5, 3.0, 3.9, 5.0]),) for _ in range(rng.randrange(1, 30))]
    for tolerance in (0, 1, 1.5):
        first = lambda item: item[0]  # noqa: E731
        assert clusters(items, first, tolerance) == cluster_objects(items, first, tolerance)


def full_count_splits(lines: list[Line], x: float, *, width: float) -> bool:
    """The column test as it was before its early stop: every line counted."""
    clear = [line for line in lines if not any(w.x0 < x < w.x1 for w in line.words)]
    both = [line for line in clear if line.x0 < x < line.x1]
    if len(clear) < 0.9 * len(lines) or len(both) < 0.5 * len(lines):
        return False
    left = sorted(max(w.x1 for w in line.words if w.x1 <= x) - line.x0 for line in both)
    right = sorted(line.x1 - min(w.x0 for w in line.words if w.x0 >= x) for line in both)
    return min(left[len(left) // 2], right[len(right) // 2]) >= 0.3 * width


def full_count_gutter(lines: list[Line], *, width: float) -> float | None:
    """The gutter search as it was: each candidate tried on every line."""
    if len(lines) < 6:
        return None
    candidates = sorted({round((a.x1 + b.x0) / 2) for line in lines for a, b in pairwise(line.words)
                         if 0.3 * width < (a.x1 + b.x0) / 2 < 0.7 * width})
    for x in sorted(candidates, key=lambda c: abs(c - width / 2)):
        if full_count_splits(lines, x, width=width):
            return float(x)
    return None


def words_across(rng: random.Random, start: float, end: float, top: float) -> list[Word]:
    """Words of random widths and gaps from ``start`` to ``end``."""
    words, x = [], start
    while x < end:
        width = rng.uniform(10, 60)
        words.append(Word("w", x, top, x + width, top + 10))
        x += width + rng.choice([3.0, 4.0, 5.0, 40.0])
    return words


def random_page(rng: random.Random) -> list[Line]:
    """Lines of words in one column, or in two with now and then a line across the middle."""
    two = rng.random() < 0.5
    lines = []
    for row in range(rng.randrange(3, 30)):
        top = 100 + 14 * row
        if two and rng.random() < 0.9:
            words = words_across(rng, 50, 270, top) + words_across(rng, 320, 530, top)
        else:
            words = words_across(rng, rng.uniform(50, 80), 540, top)
        lines.append(Line(segments=split_segments(words)))
    return lines


@pytest.mark.parametrize("seed", range(10))
def test_a_lines_kept_edges_and_texts_are_its_words(seed: int) -> None:
    """A line computes its words, edges and texts once: they are still those of its words."""
    for line in random_page(random.Random(seed)):
        words = [w for seg in line.segments for w in seg]
        for _ in range(2):
            assert line.words == words
            assert (line.x0, line.top, line.x1, line.bottom) == (
                min(w.x0 for w in words), min(w.top for w in words),
                max(w.x1 for w in words), max(w.bottom for w in words))
            texts = [(" ".join(w.text for w in seg), seg[0].x0, seg[-1].x1) for seg in line.segments]
            assert line.segment_texts() == texts
            assert line.text == "\t".join(t for t, _, _ in texts)


@pytest.mark.parametrize("seed", range(20))
def test_spans_tell_whether_a_word_lies_across_an_x(seed: int) -> None:
    """The index answers as a scan of the words would, words overlapping or not, x on an edge or not."""
    rng = random.Random(seed)
    words = [Word("w", x0, 0, x0 + rng.choice([0.0, 1.0, 2.5, 8.0]), 10)
             for x0 in (float(rng.randrange(0, 40)) for _ in range(rng.randrange(1, 12)))]
    spans = Spans.of(words)
    for x in (v / 2 for v in range(-2, 100)):
        assert spans.crossed(x) == any(w.x0 < x < w.x1 for w in words)


def test_random_pages_have_gutters_and_not() -> None:
    """The generated pages try both answers."""
    found = [full_count_gutter(random_page(random.Random(seed)), width=595) for seed in range(60)]
    assert any(x is None for x in found) and any(x is not None for x in found)


@pytest.mark.parametrize("seed", range(60))
def test_gutter_stops_early_with_the_same_answer(seed: int) -> None:
    lines = random_page(random.Random(seed))
    assert gutter(lines, width=595) == full_count_gutter(lines, width=595)
