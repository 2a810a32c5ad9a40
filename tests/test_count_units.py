"""The unit of a count is its counted noun's plural as corpus/gold/GUIDELINES.md names it, whatever
words the text uses for it (rules/<lang>/lexicon.yaml ``count_nouns``).

Sentences written for these tests, in the shape outlets use.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extractor.pipeline import extract_text

PUBLISHED = dt.date(2025, 10, 26)

# (language, text, the unit of its one count)
COUNT_UNITS = [
    ("en", "Nearly 12,405 Khmer families in the district hold loans.", "households"),
    ("en", "The 5 family members share two hectares of rice land.", "members"),
    ("en", "The programme built over 2,350 rural water and sanitation projects.", "works"),
    ("en", "The province approved 14 rural road projects.", "projects"),
    # The Vietnamese abbreviation for pupils and students, pluralised in an English text.
    ("en", "Study loans reached 3,120 HSSVs from poor families this year.", "students"),
    ("vi", "Hiện có 318 các cấp Hội nhận ủy thác cho vay vốn.", "associations"),
    # The Vietnamese abbreviation for pupils and students with an English plural; hygiene
    # facilities (vệ sinh) are works like sanitation facilities.
    ("en", "Loans helped 2,310 HSSVs pay their study costs.", "students"),
    ("en", "The capital built 4,820 clean water and hygiene facilities.", "works"),
    # a counted noun glued to the word before it by a lost space
    ("en", "The fund reached nearly 3,200 needystudents this year.", "students"),
    # "khách vay" are borrowers. Turns of pupils or students are turns, not students: schools and
    # fairs count visits so ("lượt HSSV", the bank's own wording, stays students).
    ("en", "The science fair drew 7,300 turns of students from twelve schools.", "turns"),
    ("vi", "Ngày hội việc làm đón 2.850 lượt sinh viên đến tìm hiểu.", "turns"),
    ("vi", "Cuộc thi vẽ tranh có 910 lượt học sinh dự thi.", "turns"),
    ("vi", "Quý I, chi nhánh cho 3.460 khách vay vay vốn sản xuất.", "borrowers"),
    # Pupils and students counted with the classifier "em" are students.
    ("vi", "Từ năm 2015 đến nay, hơn 4.130 em HSSV đã vay vốn đi học.", "students"),
    # Savings and loan groups named by their lending ("tổ vay vốn"), loans as debts ("món nợ").
    ("vi", "Xã Tân Lập có 17 tổ vay vốn hoạt động tốt.", "savings and loan groups"),
    ("vi", "Gia đình anh Tư còn 3 món nợ ở phòng giao dịch.", "loans"),
]

# Near misses of those nouns: no count of them.
NO_COUNT = [
    ("vi", "Tổ vay vốn số 12 họp vào ngày 5 hằng tháng."),
    ("vi", "Nhà hàng phục vụ 4 món ăn đặc sản."),
]


@pytest.mark.parametrize(("lang", "text"), NO_COUNT)
def test_no_count(lang: str, text: str) -> None:
    figures = extract_text(text, lang=lang, published=PUBLISHED, link=False).figures
    assert [f for f in figures if f.kind == "count"] == []

# (language, text, the value of its one count): a scale word written in the plural still scales,
# and one after a number word scales it.
COUNT_VALUES = [
    ("en", "Loans gave work to more than 64 thousands rural labourers.", 64000),
    ("en", "Loans gave work to more than 64 thousand rural labourers.", 64000),
    # A number written as a word before its scale: "over three million borrowers".
    ("en", "The bank has lent to over three million rural borrowers since 2010.", 3000000),
    ("en", "Four thousand students in the province hold study loans.", 4000),
]

# (language, text): a number word that only ends a tens compound, or that closes a range of number
# words, is no count of its own.
NO_COUNT = [
    ("en", "The district office has lent to seventy-two thousand farming households."),
    ("en", "Almost forty two thousand students in Lao Cai borrow for their studies."),
    ("en", "Loans went to six or seven thousand families in the delta."),
]



@pytest.mark.parametrize(("lang", "text", "value"), COUNT_VALUES, ids=[t[:45] for _, t, _ in COUNT_VALUES])
def test_a_plural_scale_word_scales_a_count(lang: str, text: str, value: int) -> None:
    [count] = [f for f in extract_text(text, lang=lang, published=PUBLISHED, link=False).figures
               if f.kind == "count"]
    assert count.value == value


@pytest.mark.parametrize(("lang", "text"), NO_COUNT, ids=[t[:45] for _, t in NO_COUNT])
def test_a_number_word_inside_a_compound_or_range_is_no_count(lang: str, text: str) -> None:
    ex = extract_text(text, lang=lang, published=PUBLISHED, link=False)
    assert [f.value for f in ex.figures if f.kind == "count"] == []


@pytest.mark.parametrize(("lang", "text", "unit"), COUNT_UNITS, ids=[t[:30] for _, t, _ in COUNT_UNITS])
def test_a_count_takes_the_unit_of_its_noun(lang: str, text: str, unit: str) -> None:
    [count] = [f for f in extract_text(text, lang=lang, published=PUBLISHED, link=False).figures
               if f.kind == "count"]
    assert count.unit == unit


# Children counted with the classifier "em" before a plain noun of school ("em học sinh") are no
# counted students: gift and scholarship stories count them so (only "em HSSV", the loan
# programme's abbreviation, is).
NOT_STUDENTS = [
    ("vi", "Dịp khai giảng, đoàn thanh niên xã tặng 85 suất quà cho 85 em học sinh nghèo."),
    ("vi", "Quỹ khuyến học huyện năm nay trao học bổng cho 140 em sinh viên."),
]


@pytest.mark.parametrize(("lang", "text"), NOT_STUDENTS, ids=[t[:30] for _, t in NOT_STUDENTS])
def test_children_counted_with_em_are_no_students(lang: str, text: str) -> None:
    ex = extract_text(text, lang=lang, published=PUBLISHED)
    assert [f for f in ex.figures if f.unit == "students"] == []
    assert not ex.observations
