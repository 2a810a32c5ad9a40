"""Search: diacritics folded by FTS5, numbers matched by value whatever their separators."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.store import connect, save_extraction, search, search_documents
from extractor.store.numeric import query_numbers, readings, words_without_numbers
from extractor.store.query import quote_fts
from helpers.store import HA_NOI, NGHE_AN, NGHE_AN_EN, Fact, make_extraction

OTHER = Fact("Tổng nguồn vốn đạt 13.374 tỷ đồng.", "13.374 tỷ đồng", "Ninh Bình", "total_capital",
             "13374000000000", date="2025-09-30", boundaries="2025")
DAK_LAK = Fact("Tại Đắk Lắk, tổng nguồn vốn đạt 9.000 tỷ đồng.", "9.000 tỷ đồng", "Đắk Lắk", "total_capital",
               "9000000000000", date="2025-09-30", boundaries="2025")
SMALL = Fact("Số hộ còn dư nợ là 13.374 hộ.", "13.374 hộ", "Ninh Bình", "borrowers_outstanding", "13374",
             unit="households")


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    db = connect(tmp_path_factory.mktemp("s") / "t.sqlite")
    for i, facts in enumerate([(NGHE_AN, HA_NOI), (NGHE_AN_EN,), (OTHER, SMALL), (DAK_LAK,)]):
        extraction, raw = make_extraction(*facts, source=f"https://example.test/{i}",
                                          title="Hà Nội: tín dụng chính sách" if i == 0 else "News")
        save_extraction(db, extraction, raw=raw)
    return db


def sentences(conn: sqlite3.Connection, query: str, **kw: object) -> list[str]:
    return [h.sentence for h in search(conn, query, **kw).items]  # type: ignore[arg-type]


@pytest.mark.parametrize("query", ["du no qua han", "dư nợ quá hạn", "DU NO QUA HAN", "Ha Noi", "hà nội"])
def test_diacritics_and_case_are_folded(conn: sqlite3.Connection, query: str) -> None:
    assert sentences(conn, query) == [HA_NOI.sentence]


@pytest.mark.parametrize("query", ["Dak Lak", "dak lak", "Đắk Lắk", "ĐẮK LẮK", "dak lak 9000 ty dong"])
def test_d_with_stroke_is_folded_too(conn: sqlite3.Connection, query: str) -> None:
    assert sentences(conn, query) == [DAK_LAK.sentence]


def test_folding_finds_every_sentence_with_the_words(conn: sqlite3.Connection) -> None:
    assert set(sentences(conn, "du no")) == {NGHE_AN.sentence, HA_NOI.sentence, SMALL.sentence}


@pytest.mark.parametrize("query", ["13357 billion", "13.357 tỷ", "13,357", "VND13,357 billion",
                                   "13.357 tỷ đồng", "13357"])
def test_number_written_any_way_finds_the_same_figure(conn: sqlite3.Connection, query: str) -> None:
    assert set(sentences(conn, query)) == {NGHE_AN.sentence, NGHE_AN_EN.sentence}


def test_scale_word_tells_money_from_a_count(conn: sqlite3.Connection) -> None:
    assert sentences(conn, "13.374 tỷ") == [OTHER.sentence]
    assert set(sentences(conn, "13.374")) == {OTHER.sentence, SMALL.sentence}


def test_locale_can_be_given_explicitly(conn: sqlite3.Connection) -> None:
    # In English "13.374 billion" is 13,374,000,000 đồng: nothing holds that value.
    assert sentences(conn, "13.374 billion", locale="en") == []
    assert sentences(conn, "13.374 tỷ", locale="vi") == [OTHER.sentence]


def test_words_and_numbers_combine(conn: sqlite3.Connection) -> None:
    assert sentences(conn, "outstanding 13,357") == [NGHE_AN_EN.sentence]


def test_percent(conn: sqlite3.Connection) -> None:
    assert sentences(conn, "0,14%") == sentences(conn, "0.14 %") == [HA_NOI.sentence]


def test_hits_carry_document_offsets_and_observations(conn: sqlite3.Connection) -> None:
    hit = search(conn, "quá hạn").items[0]
    text = conn.execute("SELECT text FROM documents WHERE id = ?", (hit.document_id,)).fetchone()[0]
    assert hit.start is not None and text[hit.start:hit.end] == hit.sentence
    assert len(hit.observation_ids) == 1 and hit.matched == "text"


def test_search_facets(conn: sqlite3.Connection) -> None:
    assert sentences(conn, "du no", province="ha noi") == [HA_NOI.sentence]
    assert sentences(conn, "du no", language="en") == []


def test_documents_search_folds_diacritics(conn: sqlite3.Connection) -> None:
    hits = search_documents(conn, "ha noi tin dung").items
    assert [h.title for h in hits] == ["Hà Nội: tín dụng chính sách"]
    assert "tín dụng chính sách" in hits[0].snippet  # the original text, not the folded index


@pytest.mark.parametrize("query", ['"', '""', "AND", "OR NOT", "*", "du*no", "NEAR(a b)", "a:b", "'; DROP TABLE x",
                                   "(", "^", "-", "\\", "  ", "col:du"])
def test_any_input_is_safe(conn: sqlite3.Connection, query: str) -> None:
    search(conn, query)
    search_documents(conn, query)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_any_text_is_a_valid_fts_query(text: str) -> None:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE f USING fts5(x, tokenize='unicode61 remove_diacritics 2')")
    quoted = quote_fts(text)
    if quoted:
        db.execute("SELECT * FROM f WHERE f MATCH ?", (quoted,)).fetchall()


@pytest.mark.parametrize(("text", "locale", "expected"), [
    ("13.374", "auto", ("13374", "13.374")),
    ("13.374", "vi", ("13374",)),
    ("13.374", "en", ("13.374",)),
    ("13,374", "en", ("13374",)),
    ("13,374", "vi", ("13.374",)),
    ("0,14", "auto", ("0.14",)),
    ("12.5", "auto", ("12.5",)),
    ("1.234.567", "auto", ("1234567",)),
    ("1,234,567.5", "auto", ("1234567.5",)),
    ("13.374,5", "auto", ("13374.5",)),
    ("013.374", "auto", ("13.374",)),
])
def test_number_readings(text: str, locale: str, expected: tuple[str, ...]) -> None:
    assert readings(text, locale=locale) == tuple(Decimal(e) for e in expected)  # type: ignore[arg-type]


@pytest.mark.parametrize(("query", "scale"), [
    ("13.357 tỷ", 10**9), ("13.357 ty", 10**9), ("5 ngàn tỉ", 10**12), ("5 nghin ty", 10**12),
    ("5 billions", 10**9), ("500 k", 10**3), ("5 TỶ", 10**9),
    ("5 millionſ", 10**6),  # re's ignoring case takes "ſ" for "s"; the factor must be found too
])
def test_scale_words_come_from_the_lexicons(query: str, scale: int) -> None:
    assert [t.scale for t in query_numbers(query)] == [scale]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 .,%$kKſİtỷỉyriệudđồngmlbnNGHÀ")), max_size=30))
def test_any_query_reads_without_error(text: str) -> None:
    query_numbers(text)
    words_without_numbers(text)


def test_years_are_words_not_figures() -> None:
    assert query_numbers("Nghe An 2024") == []
    assert query_numbers("2024 tỷ")[0].scale == 10**9


def test_the_query_as_a_phrase_ranks_first(tmp_path: Path) -> None:
    db = connect(tmp_path / "r.sqlite")
    scattered = Fact("Nợ được thu, dư thừa vốn, tổng cộng 5 đồng của Nghệ An.", "5 đồng", "Nghệ An",
                     "total_capital", "5")
    phrase = Fact("Tổng dư nợ của tỉnh Nghệ An đạt 6 đồng và còn tăng thêm nhiều hơn nữa.", "6 đồng", "Nghệ An",
                  "outstanding_loans", "6")
    for i, f in enumerate((phrase, scattered)):
        extraction, raw = make_extraction(f, source=f"r{i}")
        save_extraction(db, extraction, raw=raw)
    assert sentences(db, "tong du no") == [phrase.sentence, scattered.sentence]
