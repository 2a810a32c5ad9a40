"""Change cues: a figure after "an increase of", "up", "tăng" is a change, not a level."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from extractor.evaluation import load_gold
from extractor.nlp.assemble import CHANGE_WINDOW, Cues, change_cues, change_of, required_words
from extractor.pipeline import extract_text
from extractor.registry.bundle import bundled, load_registry
from extractor.resources import rules_dir

CASES = [
    ("en", "Capital rose, an increase of VND 7,132 billion compared to 2014.", "increase"),
    ("en", "Total capital was up 8.5% over the end of 2017.", "increase"),
    ("en", "Overdue debt decreased by 0.12 percentage points.", "decrease"),
    ("en", "Frozen debt made up 0.03% of total loans.", None),
    ("en", "Overdue loans in the district are making up 0.07% of the balance.", None),
    ("en", "Lending to farms is taking up 36% of the total.", None),
    ("en", "Frozen debt, taking up by 0.05 percentage points this spring, worried the board.", "increase"),
    ("en", "Total outstanding loans reached VND 13,357 billion.", None),
    ("vi", "Tổng dư nợ tăng 7,52% so với cuối năm 2024.", "increase"),
    ("vi", "Nợ quá hạn giảm 0,05% so với đầu năm.", "decrease"),
    ("vi", "Tổng dư nợ đạt 13.612 tỷ đồng.", None),
    ("vi", "Tổng dư nợ tăng thêm 1.200 tỷ đồng so với đầu năm.", "increase"),
    ("vi", "Đến nay, tổng nguồn vốn đã tăng lên 2.945 tỷ đồng.", None),  # 'rose to': the new level
    ("en", "Total capital rose to VND 3,672 billion.", None),
    # Cues right after the figure (``change_cues_after``), and multiples and growth in Vietnamese.
    ("en", "Entrusted capital is now nearly 3.4 times higher than in 2012.", "increase"),
    ("en", "Overdue debt was VND 3 billion lower than a year earlier.", "decrease"),
    ("en", "Lending reached VND 900 billion, higher than planned.", None),
    ("vi", "Nguồn vốn ủy thác gấp 6 lần so với năm 2010.", "increase"),
    ("vi", "Dư nợ đã tăng trưởng gần 45% so với cuối năm 2019.", "increase"),
    ("vi", "Tốc độ tăng trưởng 6,4% trong năm.", None),
    ("vi", "Sau 5 năm, nguồn vốn ủy thác đã tăng trưởng gần 64%.", "increase"),  # grew by
    ("vi", "Nguồn vốn ủy thác tăng gấp 6,5 lần so với năm 2015.", "increase"),  # N times as much
    ("vi", "Tổng nguồn vốn gấp 12 lần so với năm 2010.", "increase"),
    ("vi", "Tốc độ tăng trưởng kinh tế đạt 7%.", None),
    ("en", "Total capital is now nearly 3.5 times higher than in 2015.", "increase"),  # a cue after it
    ("en", "Lending was 4 times larger than a decade earlier.", "increase"),
    # A Vietnamese comparative, its baseline between it and the figure; "nhiều hơn" only with one.
    ("vi", "Tổng nguồn vốn cao hơn cùng kỳ 515 tỷ đồng.", "increase"),
    ("vi", "Nợ quá hạn thấp hơn năm trước 1,4 tỷ đồng.", "decrease"),
    ("vi", "Số hộ được vay nhiều hơn năm ngoái 2.300 hộ.", "increase"),
    ("vi", "Năm nay chi nhánh cho vay nhiều hơn 2.300 hộ.", None),
    ("vi", "Lãi suất cao, trong khi dư nợ đạt 4.100 tỷ đồng.", None),
    # Only a time is a baseline between: an old level, a reason or a plan is none.
    ("vi", "Lãi suất thấp hơn giúp người dân vay 50 triệu đồng.", None),
    ("vi", "Tỷ lệ nợ quá hạn thấp hơn mức 0,2%.", None),
    ("vi", "Số hộ được vay nhiều hơn dự kiến ban đầu 1.200 hộ.", None),
    ("vi", "Tổng nguồn vốn cao hơn so với đầu năm 240 tỷ đồng.", "increase"),
    ("vi", "Tổng nguồn vốn cao hơn năm trước là 240 tỷ đồng.", "increase"),
    ("vi", "Tổng nguồn vốn cao hơn cùng kỳ năm 2024 là 240 tỷ đồng.", "increase"),
    # A rise or fall with its baseline of time between the verb and the figure; 'so' may stand alone.
    ("vi", "Vốn ủy thác tăng so với cuối năm trước hơn 18 tỷ đồng.", "increase"),
    ("vi", "Số tiền gửi của tổ viên tăng so với cùng kỳ là 4.260 triệu đồng.", "increase"),
    ("vi", "Nợ quá hạn giảm so năm trước 1,2 tỷ đồng.", "decrease"),
    ("vi", "Số tiền gửi tiết kiệm cao hơn so cùng kỳ 8 tỷ đồng.", "increase"),
    ("vi", "Dư nợ tăng so với kế hoạch 37 tỷ đồng.", None),  # a plan is no baseline of time
    ("vi", "Vốn ủy thác tăng so với đầu năm, đạt 5.120 tỷ đồng.", None),  # the level, after a comma
    # A change stated 'in amount' or 'in rate' (về số tuyệt đối, về số tương đối).
    ("vi", "Nợ khoanh của xã giảm về số tuyệt đối 96 triệu đồng.", "decrease"),
    ("vi", "Tỷ lệ hộ trả nợ đúng hạn tăng về số tương đối 0,4%.", "increase"),
    ("vi", "Số tuyệt đối 96 triệu đồng được ghi vào sổ.", None),
    ("vi", "Tỷ lệ về số tương đối 4,7% là thấp.", None),
    # A plus sign opening a bracket: the growth of the level before it; a bare one is no change.
    ("en", "Outstanding loans kept rising in the quarter (+3.2% on the year).", "increase"),
    ("vi", "Dư nợ tiếp tục đi lên trong quý (+3,2% so với đầu năm).", "increase"),
    ("en", "The survey put satisfaction at +3.2% in the table.", None),
    # The change as a noun after its size, with its baseline after; not a verb, nor a plan.
    ("en", "Loans marked a 3.7% increase over the previous quarter.", "increase"),
    ("en", "Overdue debt showed a 0.4% decline on last year.", "decrease"),
    ("en", "If 640 households increase their savings, the fund grows.", None),
    ("en", "The branch set a 9% growth target for lending.", None),
    # ... nor the verb after a count, whose people do the rising; money and rates only
    ("en", "Loans helped 2,700 households rise from poverty last year.", None),
    ("en", "The courses let 1,150 workers gain in skills.", None),
    ("en", "Savings showed a VND 12 billion rise on last year.", "increase"),
    # ... and ratios: "a 2.5-fold increase" moved as "grew 2.5-fold" did
    ("en", "Deposits saw a 4.5-fold increase over 2016.", "increase"),
]


@pytest.mark.parametrize(("lang", "text", "change"), CASES)
def test_change_cues(lang: str, text: str, change: str | None) -> None:
    figures = extract_text(text, lang=lang, link=False).figures
    assert [f.change for f in figures] == [change]


# A percent in brackets right after a change restates it as a rate of the old level: a change
# too (``assemble.bracketed_changes``); after a level it is a share, no change.
BRACKETED_CASES = [
    ("en", "Capital rose, an increase of VND 96 billion (7.4%) on last year.", ["increase", "increase"]),
    ("vi", "Dư nợ giảm 31 tỷ đồng (2,6%) so với cùng kỳ.", ["decrease", "decrease"]),
    ("en", "Capital reached VND 3,100 billion (41.2%) of the province's credit.", [None, None]),
    ("vi", "Dư nợ tăng 85 tỷ đồng, (chiếm 3,1%) tổng dư nợ.", ["increase", None]),
    # A bracket that goes on after the percent says what the percent is of: no change.
    ("vi", "Dư nợ tăng 85 tỷ đồng (12% kế hoạch năm).", ["increase", None]),
    ("en", "Loans grew by VND 40 billion ( 5.5% of the plan).", ["increase", None]),
    # ... a word saying the bracket restates it may open it
    ("en", "Capital hit VND 512 trillion, an increase of VND 61 trillion (equivalent to 13.5%).",
     [None, "increase", "increase"]),
    ("vi", "Dư nợ giảm 27 tỷ đồng (tương đương 3,4%) trong quý.", ["decrease", "decrease"]),
    # An amount alone in brackets after a changed rate is the same change in money.
    ("en", "Deposits reached VND 18,700 billion, up 1.9% (about VND 350 billion).", [None, "increase", "increase"]),
    ("vi", "Nguồn vốn tăng 6,1% (khoảng 410 tỷ đồng) trong năm.", ["increase", "increase"]),
    # ... or one about the size the rate gives of a level stated before it
    ("en", "Loans reached VND 6,200 billion, up 7.5% (VND 430 billion) on the year.",
     [None, "increase", "increase"]),
    ("vi", "Dư nợ đạt 6.200 tỷ đồng, tăng 7,5% (430 tỷ đồng) so với thời điểm cuối quý trước.",
     [None, "increase", "increase"]),
    # ... not a level the bracket reaches ("reaching", "đạt"), nor an amount alone that no word and
    # no level before make the change: the level the rate brought about
    ("vi", "Dư nợ tăng 4,2% (đạt 1.830 tỷ đồng) trong năm.", ["increase", None]),
    ("en", "Loans rose 4.2% (reaching VND 1,830 billion) on the year.", ["increase", None]),
    ("en", "Outstanding loans of the branch grew 7.5% (VND 9,120 billion) on the year.", ["increase", None]),
    ("vi", "Nợ quá hạn giảm 0,03% (15 tỷ đồng) so với thời điểm cuối quý trước.", ["decrease", None]),
    ("vi", "Vốn huy động đạt 900 tỷ đồng; dư nợ tăng 7,5% (6.200 tỷ đồng).", [None, "increase", None]),
]


@pytest.mark.parametrize(("lang", "text", "changes"), BRACKETED_CASES)
def test_bracketed_change(lang: str, text: str, changes: list[str | None]) -> None:
    figures = extract_text(text, lang=lang, link=False).figures
    assert [f.change for f in sorted(figures, key=lambda f: f.start)] == changes


# How near the amount must be to the rate's size is the lexicon's ``rate_size_band``: a narrower
# band, or none, leaves the amount the level the rate brought about.
BAND_CASES = [
    ("en", "Loans reached VND 6,200 billion, up 7.5% (VND 430 billion) on the year."),
    ("vi", "Dư nợ đạt 6.200 tỷ đồng, tăng 7,5% (430 tỷ đồng) so với thời điểm cuối quý trước."),
]


@pytest.mark.parametrize(("lang", "text"), BAND_CASES)
@pytest.mark.parametrize(("band", "restates"), [
    ("{least: 0.5, most: 2}", True),    # 430 / (7.5% of 6,200) = 0.92
    ("{least: 0.95, most: 1.05}", False),
    (None, False),
])
def test_the_rate_size_band_is_the_lexicons(tmp_path: Path, lang: str, text: str, band: str | None,
                                              restates: bool) -> None:
    folder = tmp_path / "rules"
    shutil.copytree(rules_dir(), folder)
    path = folder / lang / "lexicon.yaml"
    lexicon = path.read_text(encoding="utf-8")
    bundled_line = "rate_size_band: {least: 0.5, most: 2}\n"
    assert bundled_line in lexicon
    path.write_text(lexicon.replace(bundled_line, f"rate_size_band: {band}\n" if band else ""), encoding="utf-8")
    figures = extract_text(text, lang=lang, link=False, registry=load_registry(folder)).figures
    changes = [f.change for f in sorted(figures, key=lambda f: f.start)]
    assert changes == [None, "increase", "increase" if restates else None]


def test_a_rates_level_is_looked_for_in_its_own_sentence_only() -> None:
    """Sentences of amounts after rates read together give what each gives alone (each rate's
    level is looked for among its sentence's figures, not every figure of the text)."""
    sentences = [text for lang, text, _ in BRACKETED_CASES if lang == "vi"]
    alone = [[f.change for f in sorted(extract_text(t, lang="vi", link=False).figures, key=lambda f: f.start)]
             for t in sentences]
    together = sorted(extract_text(" ".join(sentences * 3), lang="vi", link=False).figures, key=lambda f: f.start)
    assert [f.change for f in together] == [c for changes in alone for c in changes] * 3


# Such a level in brackets stays a level when the clause goes on to compare: the comparison is the
# rate's (``change.is_change``).
LEVEL_IN_BRACKETS = [
    ("en", "Tuyen Quang news\nBy June 30, 2024, outstanding loans of the Tuyen Quang branch of the VBSP "
           "grew 7.5% (VND 6,120 billion) compared to the end of 2023.\n", "outstanding_loans", "6120000000000"),
    ("vi", "Tin Tuyên Quang\nĐến 30/6/2024, nợ quá hạn của Chi nhánh NHCSXH tỉnh Tuyên Quang giảm 0,03% "
           "(15 tỷ đồng) so với thời điểm 31/12/2023.\n", "overdue_debt", "15000000000"),
]


@pytest.mark.parametrize(("lang", "text", "indicator", "value"), LEVEL_IN_BRACKETS)
def test_a_level_in_brackets_after_a_rate_is_an_observation(lang: str, text: str, indicator: str,
                                                              value: str) -> None:
    found = extract_text(text, lang=lang, published=dt.date(2024, 7, 5)).observations  # type: ignore[arg-type]
    assert [(o.indicator, o.value) for o in found if o.value == Decimal(value)] == [(indicator, Decimal(value))]


# --- the words gate: a cue is searched only where one of its words is ---------------------

GOLD = Path(__file__).resolve().parent.parent / "corpus" / "gold"


def _every_cue(text: str, start: int, cues: Cues) -> str | None:
    """The definition ``change_of`` implements: the first cue found in the window."""
    before = text[max(0, start - CHANGE_WINDOW):start]
    return next((cue.change for cue in cues.cues if cue.pattern.search(before)), None)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_change_of_equals_searching_every_cue_on_the_gold_texts(lang: str) -> None:
    """Before every word of every gold text (both languages' texts, so cues also meet text
    they were not written for), the gated search finds what searching every cue finds."""
    cues = change_cues(bundled().ruleset(lang))
    texts = [case.text() for case in load_gold(GOLD)]
    starts = [(text, m.start()) for text in texts for m in re.finditer(r"(?<=\s)\S", text)]
    found = [change_of(text, start, cues) for text, start in starts]
    assert found == [_every_cue(text, start, cues) for text, start in starts]
    assert {"increase", "decrease"} <= set(found)


ODD_CASES = [
    "The total roſe by 5%",  # long s: matches "s" ignoring case, lower-cases to itself
    "The total rİse of 5%",  # dotted capital I: lower-cases to two characters
    "A rıse of 5%",  # dotless i
    "Capital ROSE BY 5%",
    "Loans went  UP 5%",
    "Loans made up 5%",
    "Dư nợ TĂNG 5%",
    "Dư nợ giảm đi 5%",
    "Nợ Giảm 5%",
]


@pytest.mark.parametrize("text", ODD_CASES)
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_change_of_equals_searching_every_cue_whatever_the_case(lang: str, text: str) -> None:
    cues = change_cues(bundled().ruleset(lang))
    start = text.index("5%")
    assert change_of(text, start, cues) == _every_cue(text, start, cues)


@pytest.mark.parametrize(("pattern", "words"), [
    (r"(?i)\b(?:an?\s+)?(?:increase|rise)\s+of\s+(?:\w+\s+)?$", {"increase", "rise"}),
    (r"(?i)\b(?:went\s+up|(?<!\bmade\s)up)\s+$", {"went", "up"}),  # a branch's best, joined
    (r"\btăng\s+(?:thêm\s+|lên\s+)?$", {"tăng"}),
    (r"\b(?:giảm|giảm\s+đi)\s+$", {"giảm"}),  # the common start of the branches
    (r"(?:ab)+c", {"ab"}),  # a required repeat holds its body
    (r"x(?:ab)*yz", {"yz"}),  # an optional one does not
    (r"[Tt]ăng", {"Tăng", "tăng"}),
    (r"(?i:up)\s+$", None),  # scoped flags: not read
    (r"\w+\s+$", None),
    (r"(?:up|\w+)\s+$", None),  # one branch holds no literal
])
def test_required_words(pattern: str, words: set[str] | None) -> None:
    found = required_words(re.compile(pattern))
    assert (None if found is None else set(found)) == words


@pytest.mark.parametrize(("text", "lang"), [
    # A rate in the clause after an amount change is that change's rate: outstanding loans',
    # not the borrowers counted beside the level.
    ("Tin Nghệ An\n\nĐến 31/12/2022, dư nợ các chương trình là 5.240 tỷ đồng với 118.300 hộ vay, cao hơn "
     "đầu năm 410 tỷ đồng, tăng trưởng 8,5%.", "vi"),
    ("Nghe An news\n\nBy December 31, 2022, outstanding loans reached VND 5,240 billion with 118,300 borrowers, "
     "up VND 410 billion from the beginning of the year, a rise of 8.5%.", "en"),
])
def test_a_rate_after_an_amount_change_is_the_levels_growth(text: str, lang: str) -> None:
    observations = extract_text(text, lang=lang, published=None).observations
    borrowers = [o for o in observations if o.indicator == "borrowers_outstanding"]
    assert [o.change_value for o in borrowers] == [None]
    assert [o.value for o in observations if o.indicator == "outstanding_growth_rate"] == [8.5]


PAIRED_VI = "Tin Thanh Hóa\n\nTại thời điểm 30/9/2024, tổng dư nợ của chi nhánh là 3.870 tỷ đồng, với 74.200 hộ "
PAIRED_EN = ("Thanh Hoa news\n\nAt the end of September 2024, the branch's outstanding loans stood at "
             "VND 3,870 billion, ")


@pytest.mark.parametrize(("text", "lang"), [
    # A rate right after the borrowers a pair binder joins to the amount, past one comma and a
    # change word alone: the amount's growth, not the borrowers'.
    (PAIRED_VI + "đang vay, tăng 5,1% so với đầu năm.", "vi"),
    (PAIRED_EN + "with 74,200 borrowers, up 5.1% against the start of the year.", "en"),
])
def test_a_rate_after_the_borrowers_paired_with_an_amount_is_the_amounts_growth(text: str, lang: str) -> None:
    observations = extract_text(text, lang=lang, published=None).observations
    loans = [o for o in observations if o.indicator == "outstanding_loans"]
    assert [(o.change_value, o.change_unit) for o in loans] == [(Decimal("5.1"), "%")]
    assert [o.change_value for o in observations if o.indicator == "borrowers_outstanding"] == [None]
    assert [o.value for o in observations if o.indicator == "outstanding_growth_rate"] == [Decimal("5.1")]


@pytest.mark.parametrize(("text", "lang"), [
    # Near misses: a noun after the comma names what moved (the count), as a semicolon parts it.
    (PAIRED_VI + "đang vay, số hộ vay tăng 5,1% so với đầu năm.", "vi"),
    (PAIRED_VI.replace("74.200 hộ", "74.200 khách hàng") + "còn dư nợ, số khách hàng tăng 5,1% so với đầu năm.", "vi"),
    (PAIRED_VI.replace("74.200 hộ", "74.200 hộ vay") + "; tăng 5,1% so với đầu năm.", "vi"),
    (PAIRED_EN + "with 74,200 borrowers, the number of borrowers up 5.1% against the start of the year.", "en"),
])
def test_a_rate_after_paired_borrowers_that_names_them_moves_the_count(text: str, lang: str) -> None:
    observations = extract_text(text, lang=lang, published=None).observations
    assert [o.change_value for o in observations if o.indicator == "outstanding_loans"] == [None]
    assert [o.change_value for o in observations if o.indicator == "borrowers_outstanding"] == [Decimal("5.1")]
