"""The report's date carried to the figures that state none (extractor/link/when.py): a period
stated with a stock frames the flows after it, a closing date a few days after publication frames
the report though its figure is "expected", and a review of N years of a document starts the
flows without a period of their own, without framing the figures that follow a stated date.

Sentences written for these tests, in the shape outlets use.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extractor.pipeline import extract_text
from helpers.markup import check, observe


@pytest.mark.parametrize(("markup", "lang", "published", "expected"), [
    # A period named with a stock ("5 tháng đầu năm, tổng nguồn vốn …") frames a later flow.
    ("{{5 tháng đầu năm|2024-01-01..2024-05-31|month}}, tổng nguồn vốn đạt [[5.661 tỷ đồng|VND]]. "
     "Doanh số cho vay đạt [[*723 tỷ đồng|VND]].", "vi", dt.date(2024, 6, 10),
     {"indicator": "lending_turnover", "period_start": dt.date(2024, 1, 1), "period_end": dt.date(2024, 5, 31)}),
    # The end of a month named as a point is a report's date: its flows run from the year's start.
    ("Đến {{hết tháng 6|2019-06-30|month}}, tổng nguồn vốn đạt [[21.200 tỷ đồng|VND]]. "
     "Doanh số cho vay đạt [[*3.650 tỷ đồng|VND]].", "vi", dt.date(2019, 7, 5),
     {"period_start": dt.date(2019, 1, 1), "period_end": dt.date(2019, 6, 30)}),
    # An "expected" closing figure four days after publication still dates the report.
    ("Tính đến {{hết tháng 6|2019-06-30|month}}, tổng nguồn vốn dự kiến đạt [[21.200 tỷ đồng|VND]]. "
     "Tổng dư nợ đạt [[*19.700 tỷ đồng|VND]].", "vi", dt.date(2019, 6, 26),
     {"indicator": "outstanding_loans", "as_of": dt.date(2019, 6, 30), "status": "actual"}),
    # A plan months ahead does not.
    ("Đến {{cuối năm 2019|2019-12-31|year}}, tổng nguồn vốn dự kiến đạt [[25.000 tỷ đồng|VND]]. "
     "Tổng dư nợ đạt [[*19.700 tỷ đồng|VND]].", "vi", dt.date(2019, 6, 26),
     {"indicator": "outstanding_loans", "as_of": dt.date(2019, 6, 26)}),
    # A review of ten years of a directive: flows without a period start at its issue date …
    ("The board reviewed ten years of implementing <<Directive 40-CT/TW|40-CT/TW|2014-11-22>>. "
     "Lending turnover reached [[*VND 27,706 billion|VND]].", "en", dt.date(2024, 7, 12),
     {"period_start": dt.date(2014, 11, 22), "period_end": dt.date(2024, 7, 12)}),
    # … and a stock after a stated date keeps that date, not the review's end.
    ("Sau 10 năm thực hiện <<Chỉ thị 40-CT/TW|40-CT/TW|2014-11-22>>, doanh số cho vay đạt "
     "[[27.706 tỷ đồng|VND]]. Đến {{hết tháng 6/2024|2024-06-30|month}}, tổng nguồn vốn đạt "
     "[[13.374 tỷ đồng|VND]]. Tổng dư nợ đạt [[*13.200 tỷ đồng|VND]].", "vi", dt.date(2024, 7, 12),
     {"indicator": "outstanding_loans", "as_of": dt.date(2024, 6, 30)}),
    # A goal without a date of its own is left undated: the report's day is no goal's day.
    ("Đến {{30/9/2025|2025-09-30}}, tổng dư nợ đạt [[13.357 tỷ đồng|VND]]. Thời gian tới, chi nhánh "
     "phấn đấu tăng trưởng tín dụng trên [[*10%|%]].", "vi", dt.date(2025, 10, 26),
     {"indicator": "outstanding_growth_rate", "status": "target", "as_of": None}),
    # A day after an until word in the figure's paragraph, though not opening its sentence, dates
    # it over a year carried from an earlier paragraph.
    ("In {{2023|2023-01-01..2023-12-31|year}}, the Yen Bai branch lent [[VND 1,200 billion|VND]].\n"
     "The branch's outstanding loans as of {{August 31, 2024|2024-08-31}} amounted to "
     "[[VND 6,700 billion|VND]]. Debt collection turnover was [[*VND 810 billion|VND]].", "en",
     dt.date(2024, 9, 25), {"indicator": "debt_collection_turnover", "period_end": dt.date(2024, 8, 31)}),
    # An event's day (no until word) dates no figure after it: the report's day stays.
    ("Tính đến {{31/8/2024|2024-08-31}}, tổng nguồn vốn của chi nhánh tỉnh Lạng Sơn đạt "
     "[[5.400 tỷ đồng|VND]].\nNgày {{12/9/2024|2024-09-12}}, Phó Chủ tịch UBND tỉnh làm việc với chi "
     "nhánh. Doanh số cho vay đạt [[*1.130 tỷ đồng|VND]].", "vi", dt.date(2024, 9, 25),
     {"indicator": "lending_turnover", "period_end": dt.date(2024, 8, 31)}),
    ("As of {{June 30, 2024|2024-06-30}}, total capital of the Bac Kan branch was "
     "[[VND 4,800 billion|VND]].\nOn {{July 9, 2024|2024-07-09}}, the provincial Party Secretary "
     "visited the branch. Outstanding loans stood at [[*VND 4,650 billion|VND]].", "en",
     dt.date(2024, 9, 25), {"indicator": "outstanding_loans", "as_of": dt.date(2024, 6, 30)}),
    # A flow set against the same period of last year runs from its year's first day …
    ("Đến {{31/10/2023|2023-10-31}}, doanh số cho vay đạt [[*1.845 tỷ đồng|VND]], tăng "
     "[[6,2%|%|6.2|increase]] so với cùng kỳ năm trước.", "vi", None,
     {"indicator": "lending_turnover", "period_start": dt.date(2023, 1, 1), "period_end": dt.date(2023, 10, 31)}),
    # … but not one on an event's day (no until word): a day's lending, not the year so far.
    ("Ngày {{14/10/2025|2025-10-14}}, phòng giao dịch huyện Lương Tài giải ngân [[7 tỷ đồng|VND]] "
     "cho [[*180 hộ vay|households]], tăng [[15%|%|15|increase]] so với cùng kỳ năm trước.", "vi",
     dt.date(2025, 10, 20), {"indicator": "borrowers_reached", "period_start": None,
                             "period_end": dt.date(2025, 10, 14)}),
    # … as one under a report whose stock is set against the end of the year before.
    ("As of {{July 31, 2022|2022-07-31}}, outstanding loans reached [[VND 6,480 billion|VND]], up "
     "[[VND 310 billion|VND|310000000000|increase]] compared with {{the end of 2021|2021-12-31|year}}. "
     "Debt collection turnover was [[*VND 720 billion|VND]].", "en", None,
     {"indicator": "debt_collection_turnover", "period_start": dt.date(2022, 1, 1),
      "period_end": dt.date(2022, 7, 31)}),
    # A whole year joined to the first months of the next: one flow over both, from the year's start …
    ("Trong {{năm 2022|2022-01-01..2022-12-31|year}} và {{5 tháng đầu năm 2023|2023-01-01..2023-05-31|month}}, "
     "chi nhánh tỉnh Cao Bằng giải ngân [[*780 tỷ đồng|VND]].", "vi", dt.date(2023, 6, 20),
     {"indicator": "lending_turnover", "period_start": dt.date(2022, 1, 1), "period_end": dt.date(2023, 5, 31)}),
    ("During {{2021|2021-01-01..2021-12-31|year}} and {{the first four months of 2022|2022-01-01..2022-04-30|month}}, "
     "the Ha Giang branch lent [[*VND 1,050 billion|VND]].", "en", dt.date(2022, 5, 20),
     {"indicator": "lending_turnover", "period_start": dt.date(2021, 1, 1), "period_end": dt.date(2022, 4, 30)}),
    ("{{Năm 2023|2023-01-01..2023-12-31|year}} và {{6 tháng đầu năm 2024|2024-01-01..2024-06-30|half}}, chi nhánh "
     "tỉnh Bắc Kạn bám sát kế hoạch.\nDoanh số thu nợ đạt [[*415 tỷ đồng|VND]].", "vi", dt.date(2024, 7, 15),
     {"indicator": "debt_collection_turnover", "period_start": dt.date(2023, 1, 1),
      "period_end": dt.date(2024, 6, 30)}),
    # … but each part its own flow when each has its own figure.
    ("{{Năm 2022|2022-01-01..2022-12-31|year}}, chi nhánh giải ngân [[690 tỷ đồng|VND]]; "
     "{{5 tháng đầu năm 2023|2023-01-01..2023-05-31|month}}, chi nhánh giải ngân [[*310 tỷ đồng|VND]].", "vi",
     dt.date(2023, 6, 20),
     {"indicator": "lending_turnover", "period_start": dt.date(2023, 1, 1), "period_end": dt.date(2023, 5, 31)}),
    # A year opening the words a reporting verb reports, when the speaker is of the bank, governs
    # the figures of the next paragraphs as one opening its sentence does …
    ("Talking to reporters, the director of the VBSP branch in Son La said that in "
     "{{2022|2022-01-01..2022-12-31|year}}, the branch met all of its credit plans.\n"
     "Outstanding loans reached [[*VND 8,150 billion|VND]].", "en",
     dt.date(2023, 2, 14), {"indicator": "outstanding_loans", "as_of": dt.date(2022, 12, 31)}),
    ("Tại hội nghị, lãnh đạo NHCSXH tỉnh Điện Biên cho biết, {{năm 2021|2021-01-01..2021-12-31|year}}, "
     "toàn tỉnh đã vượt các kế hoạch tín dụng.\n"
     "Doanh số thu nợ đạt [[*930 tỷ đồng|VND]].", "vi",
     dt.date(2022, 2, 14), {"indicator": "debt_collection_turnover", "period_start": dt.date(2021, 1, 1),
                            "period_end": dt.date(2021, 12, 31)}),
    # … but not a borrower's story of a past year, nor an event's month an official recalls.
    ("Ông Vũ Đình Khoa, xã Phúc Thịnh, huyện Chiêm Hóa, cho biết, {{năm 2018|2018-01-01..2018-12-31|year}}, "
     "gia đình ông được vay vốn để trồng cam.\nDư nợ của Ngân hàng Chính sách xã hội tỉnh Tuyên Quang "
     "đạt [[*7.215 tỷ đồng|VND]].", "vi", dt.date(2025, 10, 20),
     {"indicator": "outstanding_loans", "as_of": dt.date(2025, 10, 20)}),
    ("Ms. Hoang Thi Lan, who grows tea in Phu Luong district, said that in "
     "{{2016|2016-01-01..2016-12-31|year}}, her family received a loan from the bank.\nOutstanding loans "
     "of the Thai Nguyen branch reached [[*VND 6,900 billion|VND]].", "en", dt.date(2025, 10, 20),
     {"indicator": "outstanding_loans", "as_of": dt.date(2025, 10, 20)}),
    ("Giám đốc NHCSXH tỉnh Hòa Bình cho biết, {{tháng 4/2021|2021-04-01..2021-04-30|month}}, nhiều hộ "
     "vay gặp khó khăn vì mưa lũ.\nDoanh số cho vay đạt [[*1.420 tỷ đồng|VND]].", "vi",
     dt.date(2025, 10, 20), {"indicator": "lending_turnover", "period_end": dt.date(2025, 10, 20)}),
    # A goal under a report date of its own paragraph is left undated, as under a carried frame.
    ("{{Năm 2023|2023-01-01..2023-12-31|year}}, chi nhánh cho vay [[1.050 tỷ đồng|VND]].\n"
     "Tính đến {{31/7/2024|2024-07-31}}, tổng nguồn vốn đạt [[6.120 tỷ đồng|VND]]. Chi nhánh phấn đấu "
     "tăng trưởng tín dụng trên [[*9%|%]].", "vi", dt.date(2024, 8, 5),
     {"indicator": "outstanding_growth_rate", "status": "target", "as_of": None}),
    # A founding year in a text without a publication date frames no flow after the report's day.
    ("Founded in {{2003|2003-01-01..2003-12-31|year}}, the branch keeps growing. As of "
     "{{September 30, 2024|2024-09-30}}, total capital reached [[VND 9,300 billion|VND]]. Lending turnover "
     "reached [[*VND 1,870 billion|VND]].", "en", None,
     {"indicator": "lending_turnover", "period_end": dt.date(2024, 9, 30)}),
])
def test_the_report_date_reaches_the_figures_that_state_none(
        markup: str, lang: str, published: dt.date | None, expected: dict[str, object]) -> None:
    check(observe(markup, lang=lang, published=published), expected)


@pytest.mark.parametrize(("text", "published", "expected"), [
    # A goal's day written without its year is the coming one: the date reads as last year's,
    # this year's lying ahead of the publication, but a goal looks ahead.
    ("Phấn đấu đến 31/12, tổng dư nợ đạt 6.000 tỷ đồng.", dt.date(2025, 10, 26), ("target", dt.date(2025, 12, 31))),
    # A goal's day this year already past stays where it is.
    ("Phấn đấu đến 30/9, tổng dư nợ đạt 6.000 tỷ đồng.", dt.date(2025, 10, 26), ("target", dt.date(2025, 9, 30))),
    # A month a few months ahead is this year's, and after the publication a plan.
    ("Đến cuối tháng 6, tổng dư nợ sẽ đạt 6.000 tỷ đồng.", dt.date(2025, 2, 10), ("target", dt.date(2025, 6, 30))),
    # A day four months ahead reads as last year's, but "sẽ đạt" (will reach) makes it a goal's.
    ("Đến 30/6, tổng dư nợ sẽ đạt 6.200 tỷ đồng.", dt.date(2025, 2, 10), ("target", dt.date(2025, 6, 30))),
    ("By June 30, outstanding loans will reach VND 6,200 billion.", dt.date(2025, 2, 10),
     ("target", dt.date(2025, 6, 30))),
    # "năm nay" names the year in words: never last year's.
    ("Đến cuối tháng 12 năm nay, tổng dư nợ đạt 9.500 tỷ đồng.", dt.date(2026, 1, 5),
     ("target", dt.date(2026, 12, 31))),
    # … while a report in January of the day just past keeps it.
    ("Đến 31/12, tổng dư nợ đạt 6.000 tỷ đồng.", dt.date(2026, 1, 5), ("actual", dt.date(2025, 12, 31))),
    ("Đến 30/6, tổng dư nợ đạt 5.000 tỷ đồng.", dt.date(2026, 1, 5), ("actual", dt.date(2025, 6, 30))),
])
def test_a_goals_day_without_its_year_is_the_coming_one(text: str, published: dt.date,
                                                        expected: tuple[str, dt.date]) -> None:
    lang = "vi" if "đồng" in text else "en"
    observations = extract_text("Tin Nghệ An\n\n" + text, lang=lang, published=published).observations
    assert [(o.status, o.as_of) for o in observations] == [expected]


@pytest.mark.parametrize(("first", "published", "expected"), [
    # The date opening a goal's sentence is no report date: the next figure stating none is the
    # publication's, not the goal's (nor last year's, where the reader first put the day).
    ("Đến 30/6, tổng dư nợ sẽ đạt 6.200 tỷ đồng.", dt.date(2025, 2, 10), dt.date(2025, 2, 10)),
    ("Đến 30/6, chi nhánh phấn đấu tổng dư nợ đạt 6.200 tỷ đồng.", dt.date(2025, 2, 10), dt.date(2025, 2, 10)),
    # A date with an actual level still frames it …
    ("Đến 31/12, tổng dư nợ đạt 5.900 tỷ đồng.", dt.date(2025, 2, 10), dt.date(2024, 12, 31)),
    # … as does one whose sentence names a plan with no goal figure after it: a share of a plan
    # met, a plan document's number, a verb of a coming result that is no level.
    ("Đến 30/9, dư nợ tăng 310 tỷ đồng, bằng 96% kế hoạch giao.", dt.date(2025, 12, 20), dt.date(2025, 9, 30)),
    ("Đến 30/9, chi nhánh đã triển khai Kế hoạch số 52/KH-UBND của tỉnh.", dt.date(2025, 12, 20),
     dt.date(2025, 9, 30)),
    ("Đến 30/9, chi nhánh sẽ đạt kế hoạch năm, nay dư nợ lên 6.150 tỷ đồng.", dt.date(2025, 12, 20),
     dt.date(2025, 9, 30)),
])
def test_a_goals_date_frames_no_later_figure(first: str, published: dt.date, expected: dt.date) -> None:
    text = f"Tin Nghệ An\n\n{first} Toàn tỉnh có 3.180 tổ tiết kiệm và vay vốn."
    observations = extract_text(text, lang="vi", published=published).observations
    groups = [o for o in observations if o.indicator == "savings_loan_groups"]
    assert [o.as_of for o in groups] == [expected]


@pytest.mark.parametrize(("text", "published", "expected"), [
    # A month or a quarter without its year that would start over a month after the publication
    # is last year's: a January article's "tháng 12" is the December just past.
    ("Trong tháng 12, chi nhánh giải ngân 52 tỷ đồng.", dt.date(2026, 1, 5),
     (dt.date(2025, 12, 1), dt.date(2025, 12, 31))),
    ("Trong quý IV, chi nhánh giải ngân 152 tỷ đồng.", dt.date(2026, 1, 5),
     (dt.date(2025, 10, 1), dt.date(2025, 12, 31))),
    ("Trong tháng 9, chi nhánh giải ngân 52 tỷ đồng.", dt.date(2025, 10, 26),
     (dt.date(2025, 9, 1), dt.date(2025, 9, 30))),
])
def test_a_month_without_its_year_is_no_later_than_the_publication(text: str, published: dt.date,
                                                                   expected: tuple[dt.date, dt.date]) -> None:
    observations = extract_text("Tin Nghệ An\n\n" + text, lang="vi", published=published).observations
    assert [(o.period_start, o.period_end) for o in observations] == [expected]


@pytest.mark.parametrize(("text", "lang"), [
    ("Tổng dư nợ đạt 6.420 tỷ đồng, dự kiến đến cuối năm sẽ đạt 6.810 tỷ đồng.", "vi"),
    ("Outstanding loans reached VND 6,420 billion and are expected to reach VND 6,810 billion by the "
     "end of the year.", "en"),
])
def test_a_level_before_a_goal_is_not_dated_by_the_goals_date(text: str, lang: str) -> None:
    title = "Tin Nghệ An" if lang == "vi" else "Nghe An news"
    observations = extract_text(f"{title}\n\n{text}", lang=lang, published=dt.date(2025, 10, 26)).observations
    level = next(o for o in observations if o.value == 6_420_000_000_000)
    assert (level.status, level.as_of) == ("actual", dt.date(2025, 10, 26))


@pytest.mark.parametrize(("text", "expected"), [
    # "will reach" right before its figure: a goal …
    ("By June 30, outstanding loans will reach VND 6,200 billion.", "target"),
    # … not when it speaks of something else in a clause before a current level …
    ("Policy credit will reach more villages; so far outstanding loans stand at VND 6,200 billion.", "actual"),
    ("The branch will reach its plan, as outstanding loans have already hit VND 6,200 billion.", "actual"),
    # … nor of a period already over at publication (a translation's future tense).
    ("In the first quarter of 2025, outstanding loans will reach VND 6,200 billion.", "actual"),
])
def test_a_goal_verb_makes_a_target_only_of_the_figure_right_after_it(text: str, expected: str) -> None:
    observations = extract_text(f"Nghe An news\n\n{text}", lang="en", published=dt.date(2025, 5, 20)).observations
    assert [o.status for o in observations] == [expected]


@pytest.mark.parametrize(("text", "lang", "published", "expected"), [
    # The page's stamp heading the first line is the publication date, not the date of that
    # sentence's figures: the period the sentence names after the figure dates the flow.
    (" date 2024-05-20 About 12,000 poor households borrowed from the bank in the first four "
     "months of this year.\nThe loans created jobs for 3,100 workers.", "en", dt.date(2024, 5, 20),
     [(None, dt.date(2024, 1, 1), dt.date(2024, 4, 30))] * 2),
    # A stamp of a month alone dates no figure after it: the year the report names does.
    (" date 2024-07 Hiện nay mạng lưới phủ khắp các xã.\nCụ thể, năm 2023, tổng dư nợ đạt 9.200 "
     "tỷ đồng, tăng 800 tỷ đồng so với năm 2020. Chương trình cho vay hộ nghèo: dư nợ đạt 2.100 "
     "tỷ đồng.", "vi", None, [(dt.date(2023, 12, 31), None, None)] * 2),
])
def test_a_page_stamp_dates_no_figure(text: str, lang: str, published: dt.date | None,
                                      expected: list[tuple[dt.date | None, ...]]) -> None:
    observations = extract_text(text, lang=lang, published=published).observations
    assert [(o.as_of, o.period_start, o.period_end) for o in observations] == expected


def test_a_programmes_name_makes_no_opening_year_a_goals() -> None:
    # "Chương trình mục tiêu quốc gia" names a programme: the year opening its sentence is the
    # report's, and dates the figures after it.
    text = ("Tin Nghệ An\n\nNăm 2024, chi nhánh NHCSXH tỉnh bám sát các chương trình mục tiêu quốc gia "
            "về giảm nghèo. Toàn tỉnh có 18 phòng giao dịch. Tổng dư nợ đạt 9.600 tỷ đồng.")
    observations = extract_text(text, lang="vi", published=None).observations
    assert [(o.indicator, o.as_of, o.status) for o in observations] == [
        ("transaction_offices", dt.date(2024, 12, 31), "actual"),
        ("outstanding_loans", dt.date(2024, 12, 31), "actual")]


def test_a_programmes_name_before_a_figure_makes_it_no_goal() -> None:
    # The name stands before the figure in its sentence: its "mục tiêu" would make the figure a
    # goal, and the opening year a goal's date, were it read as a plan word.
    text = ("Tin Nghệ An\n\nNăm 2024, chi nhánh cho vay theo Chương trình mục tiêu quốc gia về giảm nghèo "
            "với dư nợ 1.260 tỷ đồng. Toàn tỉnh có 18 phòng giao dịch.")
    observations = extract_text(text, lang="vi", published=None).observations
    assert [(o.indicator, o.as_of, o.status) for o in observations] == [
        ("outstanding_loans", dt.date(2024, 12, 31), "actual"),
        ("transaction_offices", dt.date(2024, 12, 31), "actual")]


@pytest.mark.parametrize(("text", "lang"), [
    # A date opening the words quoted after a colon governs the report, as one opening a
    # sentence does, though that sentence states no figure of its own.
    ("Bà Lê Thị Hoa, Giám đốc chi nhánh cho biết: Tính đến cuối tháng 6/2016, chi nhánh đã triển "
     "khai đầy đủ các chương trình tín dụng. Tổng dư nợ gần 1.900 tỷ đồng.", "vi"),
    ("The branch director said: As of June 30, 2016, the branch had carried out every credit "
     "programme. Outstanding loans reached VND 1,900 billion.", "en"),
])
def test_a_date_opening_quoted_words_governs_the_report(text: str, lang: str) -> None:
    observations = extract_text("Tin Nghệ An\n\n" + text, lang=lang, published=None).observations
    assert [(o.indicator, o.as_of) for o in observations] == [("outstanding_loans", dt.date(2016, 6, 30))]


@pytest.mark.parametrize(("text", "lang"), [
    # A year heading a list's items after a colon is no report's date.
    ("Mức cho vay tối đa được nâng qua các thời kỳ: năm 2013 là 50 triệu đồng/hộ, nay là 100 triệu "
     "đồng/hộ.\nTổng dư nợ đạt 14.200 tỷ đồng.", "vi"),
    ("The loan ceiling has been raised over the years: in 2013 it was VND 50 million per household.\n"
     "Outstanding loans reached VND 14,200 billion.", "en"),
])
def test_a_year_heading_a_list_after_a_colon_governs_nothing(text: str, lang: str) -> None:
    observations = extract_text("Tin Nghệ An\n\n" + text, lang=lang, published=dt.date(2025, 3, 10)).observations
    assert [(o.indicator, o.as_of) for o in observations] == [("outstanding_loans", dt.date(2025, 3, 10))]


@pytest.mark.parametrize(("text", "expected"), [
    # A rate over years that began before the publication's and end in its year reviews them …
    ("Between 2012 and 2022, the branch's outstanding loans grew by 15% per year on average.", "actual"),
    # … while one over years still to come is a plan.
    ("Between 2023 and 2027, outstanding loan growth of the branch is 12% per year on average.", "target"),
])
def test_a_stock_over_years_begun_before_the_publication_is_no_goal(text: str, expected: str) -> None:
    observations = extract_text("Nghe An news\n\n" + text, lang="en", published=dt.date(2022, 10, 20)).observations
    assert [o.status for o in observations] == [expected]


@pytest.mark.parametrize(("text", "lang"), [
    # A level compared with the day the frame stands at is of a later day: the frame does not
    # date it, nor, in an undated text, anything else.
    ("Năm 2024, doanh số cho vay đạt 1.100 tỷ đồng.\nTổng dư nợ hiện đạt 4.900 tỷ đồng, tăng 260 tỷ "
     "đồng so với cuối năm 2024.", "vi"),
    ("In 2024, lending turnover reached VND 1,100 billion.\nOutstanding loans now stand at VND 4,900 "
     "billion, an increase of VND 260 billion compared to the end of 2024.", "en"),
])
def test_a_level_compared_with_the_frames_day_is_not_of_that_day(text: str, lang: str) -> None:
    observations = extract_text("Tin Nghệ An\n\n" + text, lang=lang, published=None).observations
    [level] = [o for o in observations if o.indicator == "outstanding_loans"]
    assert (level.as_of, level.change_baseline) == (None, dt.date(2024, 12, 31))


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # A span written short, or a date after "As of", heading the first line is no page stamp.
    ("Giai đoạn 2021-25, chi nhánh đã giải ngân 12.400 tỷ đồng cho 310.000 lượt hộ.", "vi",
     (dt.date(2021, 1, 1), dt.date(2025, 12, 31))),
    ("As of 2024-06-30, outstanding loans reached VND 14,600 billion.", "en", dt.date(2024, 6, 30)),
])
def test_a_first_line_date_that_is_no_stamp_dates_its_figure(text: str, lang: str,
                                                           expected: dt.date | tuple[dt.date, dt.date]) -> None:
    [obs, *_] = extract_text(text, lang=lang, published=dt.date(2026, 1, 20)).observations
    found = obs.as_of if isinstance(expected, dt.date) else (obs.period_start, obs.period_end)
    assert found == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A span begun before the publication's year that ends in a later one looks ahead.
    ("Giai đoạn 2021-2030, tổng dư nợ của chi nhánh đạt 30.000 tỷ đồng.", "target"),
    ("Trong giai đoạn 2024-2027, tổng dư nợ của chi nhánh đạt khoảng 19.000 tỷ đồng.", "target"),
])
def test_a_span_ending_after_the_publications_year_is_a_plan(text: str, expected: str) -> None:
    observations = extract_text("Tin Nghệ An\n\n" + text, lang="vi", published=dt.date(2025, 3, 10)).observations
    assert [o.status for o in observations] == [expected]


def test_a_plan_named_in_a_comparison_is_no_baseline() -> None:
    # "so với kế hoạch năm 2025" measures against a plan, not a later day: the frame dates the level.
    text = ("Tin Nghệ An\n\nTính đến 30/9/2025, chi nhánh triển khai 18 chương trình tín dụng.\n"
            "Tổng dư nợ đạt 15.100 tỷ đồng, tăng 820 tỷ đồng, hoàn thành 98% so với kế hoạch năm 2025.")
    observations = extract_text(text, lang="vi", published=dt.date(2025, 10, 20)).observations
    [level] = [o for o in observations if o.indicator == "outstanding_loans"]
    assert level.as_of == dt.date(2025, 9, 30)


def test_a_borrowers_year_still_dates_the_year_it_is_pointed_back_to() -> None:
    # "cũng trong năm" points back to the year that opened a borrower's story: the branch's
    # disbursement after it is of that year, not of the publication's.
    text = ("Tin Nghệ An\n\nNăm 2023, gia đình anh Vi Văn Tám ở bản Na Lượng được vay 70 triệu đồng "
            "để nuôi dê. Cũng trong năm, chi nhánh đã giải ngân 980 tỷ đồng cho 21.000 lượt hộ.")
    observations = extract_text(text, lang="vi", published=dt.date(2025, 3, 10)).observations
    [flow] = [o for o in observations if o.indicator == "lending_turnover"]
    assert (flow.period_start, flow.period_end) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))


def test_a_place_able_to_borrow_is_no_borrower() -> None:
    # "was able to borrow" with a town as its subject: the town's entrusted capital, not one loan
    text = "Nghe An news\n\nIn 2022, the town was able to borrow VND 2 billion of entrusted capital for 90 households."
    observations = extract_text(text, lang="en", published=dt.date(2025, 3, 10)).observations
    assert [o.indicator for o in observations] == ["local_entrusted_capital"]


@pytest.mark.parametrize(("text", "lang"), [
    # the time to come opening a sentence that then reports a level reached: the level is a fact
    ("Trong thời gian tới, huyện Quỳ Châu duy trì các giải pháp thu hồi nợ; hiện tỷ lệ nợ quá hạn "
     "chỉ còn 0,07%.", "vi"),
    ("In the coming time, the Quy Chau office will keep its collection drive: as of June 30, 2025, "
     "its overdue debt ratio was only 0.07%.", "en"),
])
def test_the_time_to_come_does_not_make_a_reported_level_a_goal(text: str, lang: str) -> None:
    title = "Tin Nghệ An\n\n" if lang == "vi" else "Nghe An news\n\n"
    observations = extract_text(title + text, lang=lang, published=dt.date(2025, 10, 26)).observations
    assert [(o.indicator, o.status) for o in observations] == [("overdue_debt_rate", "actual")]


@pytest.mark.parametrize(("text", "lang", "start"), [
    # An open period in a text with no publication date: the flows after it that state no
    # period of their own run from its start (its end is a day the text does not give) …
    ("Từ năm 2006 đến nay, chi nhánh đã cho vay hơn 150 nghìn lượt hộ.\n"
     "Vốn vay đã giúp 31 nghìn hộ thoát nghèo và tạo việc làm cho 44 nghìn lao động.", "vi", dt.date(2006, 1, 1)),
    ("Since 2006, the branch has lent to more than 150,000 households.\n"
     "The loans helped 31,000 households escape poverty and created jobs for 44,000 workers.", "en",
     dt.date(2006, 1, 1)),
    # … but not after a stated report date, which governs them instead.
    ("Since 2006, the branch has lent to more than 150,000 households. As of June 30, 2024, "
     "outstanding loans reached VND 3,100 billion.\n"
     "The loans helped 31,000 households escape poverty and created jobs for 44,000 workers.", "en", None),
])
def test_an_open_period_of_an_undated_text_starts_the_flows_after_it(text: str, lang: str,
                                                                     start: dt.date | None) -> None:
    observations = extract_text("Tin Nghệ An\n\n" + text, lang=lang, published=None).observations
    flows = [o for o in observations if o.indicator in {"households_escaped_poverty", "jobs_created"}]
    assert len(flows) == 2
    assert all(o.period_start == start and o.period_end is None for o in flows) or start is None
    if start is None:
        assert all(o.period_end == dt.date(2024, 6, 30) or o.as_of == dt.date(2024, 6, 30) for o in flows)


@pytest.mark.parametrize(("text", "period"), [
    # A half-year in words is that half of the calendar year, as "the first half of" is in English.
    ("Nửa cuối năm 2023, chi nhánh đã giải ngân 540 tỷ đồng cho các hộ cận nghèo.",
     (dt.date(2023, 7, 1), dt.date(2023, 12, 31))),
    ("Chỉ riêng nửa đầu năm 2024, chi nhánh đã giải ngân 540 tỷ đồng cho các hộ cận nghèo.",
     (dt.date(2024, 1, 1), dt.date(2024, 6, 30))),
])
def test_a_vietnamese_half_year_in_words_is_a_period(text: str, period: tuple[dt.date, dt.date]) -> None:
    observations = extract_text("Tin Nghệ An\n\n" + text, lang="vi", published=dt.date(2025, 10, 26)).observations
    turnover = [o for o in observations if o.indicator == "lending_turnover"]
    assert [(o.period_start, o.period_end) for o in turnover] == [period]
