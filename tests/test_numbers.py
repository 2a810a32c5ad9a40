"""Numbers in both notations: examples, doctests and a property test over random amounts."""

from __future__ import annotations

import doctest
import itertools
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.nlp import numbers
from extractor.nlp.numbers import choose, parse_number, readings, well_formed
from extractor.pipeline import extract_text


def test_doctests() -> None:
    assert doctest.testmod(numbers).failed == 0


@pytest.mark.parametrize(("text", "sep", "expected"), [
    ("13.374", ",", Decimal("13374")),
    ("0,14", ",", Decimal("0.14")),
    ("3.107.885", ",", Decimal("3107885")),
    ("1.095", ",", Decimal("1095")),
    ("41,7", ",", Decimal("41.7")),
    ("13,374", ".", Decimal("13374")),
    ("0.14", ".", Decimal("0.14")),
    ("13,625,214", ".", Decimal("13625214")),
    ("1,234.5", ".", Decimal("1234.5")),
    ("1.234,5", ",", Decimal("1234.5")),
])
def test_locale_reading(text: str, sep: str, expected: Decimal) -> None:
    assert parse_number(text, decimal_separator=sep) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("vi", "Toàn xã có 2 318 hộ vay vốn ưu đãi.", [Decimal("2318")]),
    ("vi", "Dư nợ của chi nhánh đạt 5 072 tỷ đồng.", [Decimal("5072000000000")]),
    ("en", "Loans reached VND 6 150 billion for 1 204 households.",
     [Decimal("6150000000000"), Decimal("1204")]),
    # Not one number: a month then a count, a list, a phone number.
    ("vi", "Trong tháng 8 340 hộ đã trả nợ.", [Decimal("340")]),
    ("en", "Items 2 4 6 list 90 households.", [Decimal("90")]),
])
def test_thousands_grouped_with_a_space(lang: str, text: str, expected: list[Decimal]) -> None:
    doc = extract_text(text, lang=lang, link=False)
    assert [f.value for f in doc.figures] == expected


def test_space_grouped_readings_need_groups_of_three() -> None:
    assert readings("12 400", decimal_separator=".").values == (Decimal("12400"),)
    for text in ("12 40", "0912 345", "2024 136"):
        with pytest.raises(ValueError):
            readings(text, decimal_separator=".")


def test_malformed_groups_raise() -> None:
    with pytest.raises(ValueError):
        readings("1.23.4", decimal_separator=",")


def _reads(text: str) -> bool:
    try:
        readings(text, decimal_separator=".")
    except ValueError:
        return False
    return True


def test_well_formed_is_exactly_what_readings_reads() -> None:
    # Every string of up to ten digits and separators, and two beyond them (read as before).
    texts = ["".join(chars) for n in range(1, 11) for chars in itertools.product("1.,", repeat=n)]
    texts += ["12,345.6", "\uff11\uff12,\uff13\uff14\uff15"]
    assert [well_formed(t) for t in texts] == [_reads(t) for t in texts]


def test_choice_prefers_the_plausible_reading() -> None:
    # "13.090 trillion VND" read as 13,090 trillion would be 13 quadrillion đồng.
    pick = choose("13.090", [Decimal("13.090"), Decimal("13090")], plausible_max=2000.0,
                  siblings=[], integral=False)
    assert pick.value == Decimal("13.090") and pick.confidence < 1


def test_choice_follows_siblings_of_the_same_scale() -> None:
    pick = choose("55.518", [Decimal("55.518"), Decimal("55518")], plausible_max=None,
                  siblings=[Decimal("66251")], integral=False)
    assert pick.value == Decimal("55518")


def _en(value: int) -> str:
    return f"{value:,}"


def _vi(value: int) -> str:
    return f"{value:,}".replace(",", ".")


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_integers_round_trip_in_both_notations(value: int) -> None:
    assert parse_number(_en(value), decimal_separator=".") == value
    assert parse_number(_vi(value), decimal_separator=",") == value


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=99_999), st.integers(min_value=1, max_value=99))
def test_decimals_round_trip_in_both_notations(whole: int, cents: int) -> None:
    fraction = f"{cents:02d}".rstrip("0") or "0"
    expected = Decimal(f"{whole}.{fraction}")
    assert parse_number(f"{_en(whole)}.{fraction}", decimal_separator=".") == expected
    assert parse_number(f"{_vi(whole)},{fraction}", decimal_separator=",") == expected


SCALES_EN = {"billion": 10**9, "million": 10**6}
SCALES_VI = {"tỷ": 10**9, "triệu": 10**6}


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=99_999), st.sampled_from(sorted(SCALES_EN)))
def test_english_amounts_with_scale_words(number: int, scale: str) -> None:
    text = f"The branch lent VND {_en(number)} {scale} to poor households."
    money = [f for f in extract_text(text, lang="en", link=False).figures if f.kind == "money"]
    assert [f.value for f in money] == [number * SCALES_EN[scale]]


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=99_999), st.sampled_from(sorted(SCALES_VI)),
       st.integers(min_value=0, max_value=9))
def test_vietnamese_amounts_with_scale_words(number: int, scale: str, tenth: int) -> None:
    written = _vi(number) + (f",{tenth}" if tenth else "")
    text = f"Ngân hàng đã cho vay {written} {scale} đồng đối với hộ nghèo."
    money = [f for f in extract_text(text, lang="vi", link=False).figures if f.kind == "money"]
    expected = (Decimal(number) + Decimal(tenth) / 10) * SCALES_VI[scale]
    assert [f.value for f in money] == [expected]


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=10**9))
def test_plain_amounts_without_scale_words(value: int) -> None:
    en = extract_text(f"Each household received {_en(value)} VND.", lang="en", link=False)
    vi = extract_text(f"Mỗi hộ nhận {_vi(value)} đồng.", lang="vi", link=False)
    assert [f.value for f in en.figures] == [value]
    assert [f.value for f in vi.figures] == [value]


@pytest.mark.parametrize(("text", "lang", "written", "expected"), [
    # a Vietnamese text that writes its thousands with "." writes its decimals with ","
    ("Tổng dư nợ đạt 3.418 tỷ đồng; nợ quá hạn 7,250 tỷ đồng, chiếm 0,21%.", "vi", "7,250 tỷ đồng",
     Decimal("7250000000")),
    # near misses: no thousands group shown; an English page (translations keep the Vietnamese
    # notation beside their own: the siblings decide); a text that also writes English decimals
    ("Tổng dư nợ đạt 418 tỷ đồng; nợ quá hạn 7,250 tỷ đồng.", "vi", "7,250 tỷ đồng", Decimal("7250000000000")),
    ("Outstanding loans reached VND 3,418 billion, and VND 7.250 billion went to students.", "en",
     "VND 7.250 billion", Decimal("7250000000000")),
    ("Tổng dư nợ đạt 3.418 tỷ đồng, tăng 4.5%; nợ quá hạn 7,250 tỷ đồng.", "vi", "7,250 tỷ đồng",
     Decimal("7250000000000")),
])
def test_a_shown_notation_reads_the_decimal_mark(text: str, lang: str, written: str, expected: Decimal) -> None:
    """``NumberFormat.shown_notation_decides``: where it is on, a document that writes a thousands
    group with its group mark reads its decimal mark as one, before the siblings' magnitude."""
    values = [f.value for f in extract_text(text, lang=lang, link=False).figures if written in f.text]
    assert values == [expected]


@pytest.mark.parametrize(("text", "written", "expected"), [
    # a number of the same unit and scale whose thousands reading is implausible shows how the
    # page writes that scale: "2.000 trillion" beside "24.350 trillion" is two trillion
    ("The branch lent 2.000 trillion VND this year; its capital reached 24.350 trillion VND.",
     "2.000 trillion VND", Decimal("2000000000000")),
    # near misses: no such number (trailing zeros read as a thousands group); another scale word
    ("The branch lent 2.000 trillion VND this year.", "2.000 trillion VND", Decimal("2000000000000000")),
    ("Loans of 2.000 trillion VND went out; capital reached 24.350 billion VND.",
     "2.000 trillion VND", Decimal("2000000000000000")),
    # near miss: the page also writes "." groups under another scale word, so the implausible
    # number (another body's) shows no one notation
    ("Lending across the economy came to VND 15.800 trillion, the central bank reported. The VBSP's loans "
     "stood at VND 395.000 billion; over two decades the bank has lent VND 1.000 trillion in all.",
     "VND 1.000 trillion", Decimal("1000000000000000")),
])
def test_an_implausible_reading_shows_the_page_notation(text: str, written: str, expected: Decimal) -> None:
    """``assemble.decided_by_size``: the other ambiguous numbers of that unit and scale word read
    in the notation an implausibly large reading ruled out."""
    values = [f.value for f in extract_text(text, lang="en", link=False).figures if written in f.text]
    assert values == [expected]


# A translated page that swapped only the thousands mark of its source ("3.508,217 tỷ" written
# "3,508,217 billion": thousands of trillions, more than the whole bank holds) writes the last
# group mark of every amount with a scale word as a decimal mark; counts and a page without
# such an amount keep the usual reading.
SWAPPED_MARKS = [
    ("The fund held 3,508,217 billion VND at the close of March, of which 52,386 billion VND "
     "came from the province; 41,200 customers hold loans of 6,120,557 billion VND.",
     ["3508217000000", "52386000000", "41200", "6120557000000"]),
    ("The programme lent 13,374 billion VND to 41,200 customers; 1,207 billion VND went to schools.",
     ["13374000000000", "41200", "1207000000000"]),
    ("Deposits came to 1,234,567 million VND; the uplands held 52,386 billion VND.",
     ["1234567000000", "52386000000000"]),
    ("A typo gives VND 312,400,000 billion of capital and VND 52,386 billion of loans.",
     ["312400000000000000", "52386000000000"]),
    # One such amount alone is a figure of the whole economy written right, not a swapped page.
    ("The country's GDP reached VND 10,221,815 billion in 2023; the branch lent VND 13,374 billion.",
     ["10221815000000000", "13374000000000"]),
    # Several, but none beyond the plausible maximum as written: the page writes its own notation.
    ("The bank held VND 1,320,417 million at the start and VND 2,045,118 million at the end, "
     "with VND 13,374 billion lent.",
     ["1320417000000", "2045118000000", "13374000000000"]),
]


@pytest.mark.parametrize(("text", "values"), SWAPPED_MARKS)
def test_swapped_thousands_mark(text: str, values: list[str]) -> None:
    figures = sorted(extract_text(text, lang="en", link=False).figures, key=lambda f: f.start)
    assert [str(f.value) for f in figures] == values
