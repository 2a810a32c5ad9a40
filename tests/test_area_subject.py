"""English stories whose subject is one district, commune or district office: a lead that names
the area with its province after it ("X district of <province>", "X district, <province>
province") reports the area, as one naming the province in brackets does; a figure whose own
sentence names another district's office is that office's. Sentences are our own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from extractor.models import Observation
from extractor.pipeline import extract_text
from helpers.linking import observations_by_value

PUBLISHED = dt.date(2024, 11, 5)


def _by_value(text: str) -> dict[Decimal, Observation]:
    return observations_by_value(text, lang="en", published=PUBLISHED)


@pytest.mark.parametrize("seat", ["Con Cuong district of Nghe An", "Con Cuong district, Nghe An province,"])
def test_a_lead_naming_an_area_and_where_it_lies_reports_the_area(seat: str) -> None:
    text = (f"Over the past year, {seat} has helped some 1,900 families reach policy loans.\n"
            "Credit has been a lever for poverty reduction in the mountain district.\n"
            "By the end of September 2024, outstanding loans had reached 615 billion VND.\n")
    loans = _by_value(text)[Decimal(615_000_000_000)]
    assert loans.province == "Nghệ An"
    assert (loans.part_of, loans.part) == ("area", "Con Cuong"), loans.rules


def test_a_lead_naming_the_province_first_stays_the_provinces_report() -> None:
    text = ("Over the past year, Nghe An has lent to many families in Con Cuong district.\n"
            "By the end of September 2024, outstanding loans had reached 13,400 billion VND.\n")
    loans = _by_value(text)[Decimal(13_400_000_000_000)]
    assert loans.province == "Nghệ An" and loans.part_of is None, loans.rules


def test_an_office_named_in_the_figures_sentence_reports_it_in_a_districts_story() -> None:
    text = ("Credit news\n"
            "The Con Cuong Social Policy Bank Transaction Office has kept all its communal points open.\n"
            "Its outstanding loans reached 615 billion VND by the end of September 2024.\n"
            "Next door, the Anh Son Social Policy Bank Transaction Office had total capital of 520 billion VND.\n")
    found = _by_value(text)
    assert found[Decimal(615_000_000_000)].part == "Con Cuong"
    capital = found[Decimal(520_000_000_000)]
    assert (capital.part_of, capital.part) == ("area", "Anh Son"), capital.rules


def test_a_ward_is_an_area_and_its_paragraph_goes_on_with_it() -> None:
    """A ward names an area as a commune does; the sentences after the one that opens the
    paragraph on it go on with the ward's figures of other indicators."""
    text = ("Credit news\n"
            "Lending to poor families went on across Vinh Long over the year.\n"
            "Hoa Thuan ward lent VND 37.2 billion to 1,150 households in 2024. Its overdue debt "
            "was VND 0.4 billion, and capital from the local budget added VND 6.8 billion. "
            "For the whole province, outstanding loans stood at VND 8,700 billion.\n")
    found = _by_value(text)
    assert found[Decimal(8_700_000_000_000)].part_of is None  # the province's own total
    for value in (37_200_000_000, 400_000_000, 6_800_000_000):
        obs = found[Decimal(value)]
        assert (obs.part_of, obs.part) == ("area", "Hoa Thuan"), (value, obs.rules)


@pytest.mark.parametrize("body", ["the branch had", "the provincial branch reported"])
def test_a_later_sentence_about_the_branch_ends_the_paragraphs_area(body: str) -> None:
    """A paragraph that opens on a district goes on with it only until a sentence speaks of the
    provincial branch: that sentence's figures are the branch's totals."""
    text = ("Credit news\n"
            "The Nghe An provincial branch of the VBSP held its review this week.\n"
            "In 2023, Dien Chau district lent VND 210 billion to 3,500 households. Its overdue debt "
            f"stood at just 0.2%. By the end of 2023, {body} outstanding loans of VND 11,200 billion.\n")
    found = _by_value(text)
    assert (found[Decimal(210_000_000_000)].part_of, found[Decimal(210_000_000_000)].part) == ("area", "Dien Chau")
    assert found[Decimal("0.2")].part == "Dien Chau"
    loans = found[Decimal(11_200_000_000_000)]
    assert loans.part_of is None, loans.rules


def test_a_provincial_branch_named_after_its_province_keeps_a_lead_residence_no_subject() -> None:
    """A guard: a lead naming where a borrower lives, in a text whose branch is named after its
    province ("the Social Policy Bank, <province> branch"), is the branch's report, no ward's."""
    text = ("Homes for workers\n"
            "In June 2024, the family of Ms. Le Thi Hoa moved into a flat at a new block, Bai Chay ward.\n"
            "She said the loan mattered most.\n"
            "Under the decree, the Social Policy Bank, Quang Ninh branch, has lent VND 640 billion "
            "for social housing.\n")
    loans = _by_value(text)[Decimal(640_000_000_000)]
    assert loans.province == "Quảng Ninh" and loans.part_of != "area", loans.rules


def test_a_district_named_alone_as_a_sentences_subject_owns_its_figures() -> None:
    """After a province's total, a sentence opening on a district's bare name ("Yen Thanh
    leads, with …") gives that district's figures; the name must be a district of the province
    the text names."""
    text = ("Credit news\n"
            "By the end of 2024, outstanding loans in Nghe An reached VND 14,200 billion.\n"
            "Yen Thanh leads the province, with VND 1,150 billion in outstanding loans. "
            "Quynh Luu comes next, its outstanding loans at VND 980 billion.\n")
    found = _by_value(text)
    assert found[Decimal(14_200_000_000_000)].part_of is None
    assert (found[Decimal(1_150_000_000_000)].part_of, found[Decimal(1_150_000_000_000)].part) == ("area", "Yen Thanh")
    assert (found[Decimal(980_000_000_000)].part_of, found[Decimal(980_000_000_000)].part) == ("area", "Quynh Luu")


def test_a_sentence_opening_on_a_persons_name_names_no_district() -> None:
    text = ("Credit news\n"
            "By the end of 2024, outstanding loans in Nghe An reached VND 14,200 billion.\n"
            "Tran Hung said outstanding loans rose to VND 14,900 billion this year.\n")
    found = _by_value(text)
    assert found[Decimal(14_900_000_000_000)].part_of is None


@pytest.mark.parametrize("sentence", [
    "Do Luong and Tan Ky each disbursed more than VND 90 billion.",
    "Dien Chau was inspected by a provincial team, which said outstanding loans "
    "of the branch had reached VND 90 billion.",
    "Dien Chau has a new office, and the branch has lent VND 90 billion there.",
])
def test_a_district_opening_a_sentence_owns_no_figure_that_is_not_its_own(sentence: str) -> None:
    """A district's bare name opening a sentence is its subject only before a ranking or having
    verb, and not when the sentence goes on to the branch: two districts joined, a passive, the
    branch's figure."""
    text = ("Credit news\n"
            "By the end of 2024, outstanding loans in Nghe An reached VND 14,200 billion.\n"
            f"{sentence}\n")
    found = _by_value(text)
    assert found[Decimal(90_000_000_000)].part_of != "area", found[Decimal(90_000_000_000)].rules


def test_another_district_named_in_a_figures_sentence_owns_it_in_a_districts_story() -> None:
    """In a district's story, a sentence naming another district (its lower-case office, its
    bare name) last before the figure states that district's figure, not the story's."""
    text = ("Loans in the hills\n"
            "Quynh Luu district of Nghe An has 11,000 households borrowing from the bank.\n"
            "In 2025, the Quynh Luu transaction office lent VND 270 billion to poor households.\n"
            "Much like Quynh Luu, the Tan Ky transaction office also lent VND 160 billion this year.\n"
            "Unlike Tan Ky, Quynh Luu cut its overdue debt to VND 0.5 billion.\n")
    found = _by_value(text)
    assert found[Decimal(270_000_000_000)].part == "Quynh Luu"
    assert (found[Decimal(160_000_000_000)].part_of, found[Decimal(160_000_000_000)].part) == ("area", "Tan Ky")
    assert found[Decimal(500_000_000)].part == "Quynh Luu"


def _vi_by_value(text: str) -> dict[Decimal, Observation]:
    found = extract_text(text, lang="vi", published=PUBLISHED).observations
    return {o.value: o for o in found}


def _assert_tuyen_quang_city_parts(text: str) -> None:
    """The 47 and 268 billion of ``text`` are Tuyên Quang's, as the city's area parts."""
    found = _vi_by_value(text)
    for value in (47_000_000_000, 268_000_000_000):
        obs = found[Decimal(value)]
        assert obs.province == "Tuyên Quang"
        assert (obs.part_of, obs.part) == ("area", "Tuyên Quang"), obs.rules


@pytest.mark.parametrize("city", ["thành phố Tuyên Quang", "TP Tuyên Quang", "thị xã Tuyên Quang"])
def test_a_city_bearing_its_provinces_name_is_an_area_of_it(city: str) -> None:
    """A provincial capital or town named like its province (``parts.seat_cities``), in a text
    that names the province too: the city's office reports the city's figures, no province total."""
    text = (f"Vốn chính sách đến với hộ nghèo tỉnh Tuyên Quang\n"
            f"Năm 2024, NHCSXH {city} đã giải ngân 47 tỷ đồng cho 1.150 lượt hộ vay. "
            "Tổng dư nợ đến cuối năm đạt 268 tỷ đồng.\n")
    _assert_tuyen_quang_city_parts(text)


def test_a_centrally_run_city_named_as_a_city_stays_the_province() -> None:
    text = ("Vốn chính sách ở thành phố Đà Nẵng\n"
            "Năm 2024, NHCSXH thành phố Đà Nẵng đã giải ngân 470 tỷ đồng. Tổng dư nợ đạt 2.680 tỷ đồng.\n")
    found = _vi_by_value(text)
    assert found[Decimal(2_680_000_000_000)].part_of is None
    assert found[Decimal(2_680_000_000_000)].province == "Đà Nẵng"


@pytest.mark.parametrize("unit", ["thành phố Tuyên Quang", "thị xã Tuyên Quang"])
def test_a_city_the_only_mention_of_its_province_tells_the_province_and_the_area(unit: str) -> None:
    """The city's name is then the only place the province is told by: the figures are the
    province's, as the city's area parts."""
    text = ("Vốn chính sách đến với hộ nghèo\n"
            f"Năm 2024, Phòng giao dịch NHCSXH {unit} đã giải ngân 47 tỷ đồng. Tổng dư nợ đạt 268 tỷ đồng.\n")
    _assert_tuyen_quang_city_parts(text)


def test_a_commune_named_before_a_province_with_its_own_word_is_no_city() -> None:
    """"Hợp tác xã tỉnh …": the commune's word ends a longer noun, and the province has its own
    word; its figures stay the province's."""
    text = ("Vốn chính sách đến với hộ nghèo\n"
            "Năm 2024, Liên minh Hợp tác xã tỉnh Tuyên Quang cùng NHCSXH tỉnh Tuyên Quang giải ngân "
            "47 tỷ đồng. Tổng dư nợ của NHCSXH tỉnh Tuyên Quang đạt 2.680 tỷ đồng.\n")
    found = _vi_by_value(text)
    assert found[Decimal(2_680_000_000_000)].part_of is None


@pytest.mark.parametrize(("lang", "text", "unit"), [
    ("vi", "Tin TP Hồ Chí Minh\nNgày 5/3, Phòng giao dịch NHCSXH Quận 6 giải ngân cho 140 hộ vay. "
           "Đến cuối tháng 2, tổng dư nợ đạt 580 tỷ đồng.\n", "Quận 6"),
    ("en", "Policy loans reach Ho Chi Minh City workers\nOn March 3, the VBSP District 6 Branch handed "
           "out loans. By the end of February, outstanding loans had reached VND 580 billion.\n", "District 6"),
])
def test_a_numbered_urban_districts_office_reports_that_district(lang: str, text: str, unit: str) -> None:
    """A city's district named by its number ("Quận 6", "District 6"; ``area_numbered``) is an area,
    and the bank's office there reports it."""
    found = {o.value: o for o in extract_text(text, lang=lang, published=PUBLISHED).observations}
    loans = found[Decimal(580_000_000_000)]
    assert loans.province == "Hồ Chí Minh"
    assert (loans.part_of, loans.part) == ("area", unit), loans.rules


@pytest.mark.parametrize("text", [
    # A kind of area qualified by what it is like, in the plural: the province's own areas.
    "Vốn ưu đãi được dồn cho các huyện vùng cao Lào Cai, nâng dư nợ của NHCSXH tỉnh lên "
    "11.200 tỷ đồng vào cuối năm 2023.\n",
    # A bare unit word made many by "những": the province's communes, no town of its name.
    "Nguồn vốn tiếp tục tới những xã Hà Giang, nâng dư nợ của NHCSXH tỉnh lên 8.100 tỷ đồng "
    "vào cuối năm 2023.\n",
    # A province with no city or town of its own name ("seat_named" of rules/provinces.yaml).
    "Chương trình tín dụng đến với huyện Nghệ An nào cũng thế, nâng dư nợ của NHCSXH tỉnh lên "
    "16.300 tỷ đồng vào cuối năm 2023.\n",
])
def test_unit_words_before_the_only_mention_of_a_province_leave_it_the_province(text: str) -> None:
    """Area words right before a province's only mention that do not name one city of its name
    leave the province's figure its total."""
    found = _vi_by_value("Vốn chính sách cho vùng khó\n" + text)
    (obs,) = [o for o in found.values() if o.indicator == "outstanding_loans"]
    assert obs.part_of is None, obs.rules


def test_a_city_where_the_provinces_branch_meets_is_no_area() -> None:
    """The city only the venue of the provincial branch's meeting ("tại TP …, Chi nhánh NHCSXH
    tỉnh …"), the only mention of the province: the branch's figures are the province's totals."""
    text = ("Tổng kết hoạt động tín dụng chính sách năm 2024\n"
            "Chiều 8/1, tại thành phố Bắc Giang, Chi nhánh NHCSXH tỉnh tổ chức hội nghị tổng kết: "
            "tổng dư nợ đạt 12.300 tỷ đồng, tăng 900 tỷ đồng so với đầu năm.\n")
    obs = _vi_by_value(text)[Decimal(12_300_000_000_000)]
    assert obs.province == "Bắc Giang"
    assert obs.part_of is None, obs.rules


@pytest.mark.parametrize("dash", ["\u2013", "-"])
def test_an_office_named_by_the_bank_a_dash_and_its_district_reports_the_district(dash: str) -> None:
    # English names the district office after the bank's name without "Vietnam", past a dash;
    # "the branch" after it is that office.
    text = (f"Some 45 poor households got loans from the Bank for Social Policies {dash} Ham Tan District "
            "Branch in March.\n"
            "Since January, the branch has disbursed nearly VND 41.5 billion to 820 borrowers.\n")
    lent = _by_value(text)[Decimal(41_500_000_000)]
    assert (lent.part_of, lent.part) == ("area", "Ham Tan")


def test_the_branch_after_a_district_caption_is_the_provinces() -> None:
    # A photo's caption shows the district office; the lead's "the branch" is the province's.
    text = ("Officers of the Bank for Social Policies \u2013 Do Luong District Branch meet borrowers (Photo: staff)\n"
            "Figures from the VBSP in Ha Tinh province show that by September 30, 2024, the branch "
            "had outstanding loans of VND 13,700 billion.\n")
    loans = _by_value(text)[Decimal(13_700_000_000_000)]
    assert loans.part_of is None, loans.rules


def test_the_branch_after_the_provinces_bank_is_named_again_is_the_provinces() -> None:
    text = ("In August, the Bank for Social Policies \u2013 Do Luong District Branch lent to 35 families.\n"
            "At the ceremony, a deputy director of the VBSP in Ha Tinh noted that the branch "
            "had outstanding loans of VND 13,700 billion by the end of July.\n")
    loans = _by_value(text)[Decimal(13_700_000_000_000)]
    assert loans.part_of is None, loans.rules


@pytest.mark.parametrize("unit", ["Northern Representative Office", "Internal Audit Office",
                                  "Lending Department Office"])
def test_a_unit_of_the_bank_named_before_office_of_the_is_no_area(unit: str) -> None:
    text = f"The {unit} of the Vietnam Bank for Social Policies said overdue debt was 0.4% of the portfolio.\n"
    share = _by_value(text)[Decimal("0.4")]
    assert share.part_of != "area", share.rules


def test_a_hyphenated_provinces_branch_of_the_bank_stays_the_province() -> None:
    text = "The Ba Ria - Vung Tau branch of the Vietnam Bank for Social Policies had lent VND 4,800 billion by June.\n"
    lent = _by_value(text)[Decimal(4_800_000_000_000)]
    assert lent.part_of is None, lent.rules


@pytest.mark.parametrize("text", [
    "By June 30, 2024, the VBSP branch had outstanding loans of VND 11,000 billion; in Na Hang village alone, "
    "20 households borrowed VND 900 million.\n",
    "Touring Pa Co village on March 3, 2024, the head of the provincial VBSP branch said its outstanding loans "
    "had reached VND 11,000 billion.\n",
])
def test_a_village_in_a_provinces_sentence_leaves_the_provinces_total_whole(text: str) -> None:
    loans = _by_value(text)[Decimal(11_000_000_000_000)]
    assert loans.part_of is None, loans.rules


def test_an_office_named_by_its_area_before_the_bank_reports_the_area() -> None:
    text = ("The Cu Chi branch of the Social Policy Bank held its review on May 4.\n"
            "This year it has lent VND 260 billion to 5,100 households.\n")
    lent = _by_value(text)[Decimal(260_000_000_000)]
    assert (lent.part_of, lent.part) == ("area", "Cu Chi")


def test_a_provinces_branch_named_before_the_bank_stays_the_province() -> None:
    text = ("The Tay Ninh branch of the Social Policy Bank held its review on May 4.\n"
            "This year it has lent VND 2,600 billion to 51,000 households.\n")
    lent = _by_value(text)[Decimal(2_600_000_000_000)]
    assert lent.province == "Tây Ninh" and lent.part_of is None
