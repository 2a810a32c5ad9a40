"""Issue dates of legal references read from a document's administrative header or its prose.

A Vietnamese directive or plan opens with its number ("Số: 73/KH-UBND") over the place and
date it was signed ("Thanh Hóa, ngày 15 tháng 3 năm 2024"): that date is the document's issue
date. In prose, a date opening the sentence whose verb issues the reference is its issue date
(lexicon ``legal_issued_before``). Expectations come from reading the text.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extractor.pipeline import extract_text


def _issued(text: str, lang: str) -> dict[str, dt.date | None]:
    return {r.id: r.issued for r in extract_text(text, lang=lang, link=False).legal_refs}


# A document's administrative header (and numbers cited in prose that only look like one).
HEADERS = [
    ("vi", "ỦY BAN NHÂN DÂN TỈNH THANH HÓA\nSố: 73/KH-UBND\nThanh Hóa, ngày 15 tháng 3 năm 2024\nKẾ HOẠCH\n",
     "73/KH-UBND", dt.date(2024, 3, 15)),
    ("vi", "NGÂN HÀNG CHÍNH SÁCH XÃ HỘI\nSố 1827/NHCS-TDNN\nHà Nội, ngày 12/5/2023\nV/v cho vay hộ nghèo\n",
     "1827/NHCS-TDNN", dt.date(2023, 5, 12)),
    ("en", "PEOPLE'S COMMITTEE OF THANH HOA PROVINCE\nNo.: 73/KH-UBND\nThanh Hoa, March 15, 2024\nPLAN\n",
     "73/KH-UBND", dt.date(2024, 3, 15)),
    # not a header: the number is cited inside a sentence
    ("vi", "Thực hiện Kế hoạch số 73/KH-UBND\nThanh Hóa, ngày 15 tháng 3 năm 2024, tỉnh họp.\n", "73/KH-UBND", None),
    ("en", "The plan follows Plan No. 73/KH-UBND\nThanh Hoa, March 15, 2024 was a busy day.\n", "73/KH-UBND", None),
]
# A date opening the sentence whose verb issues the reference.
PROSE = [
    ("en", "On November 22, 2014, the Central Party Secretariat issued Directive No. 40-CT/TW on credit.",
     "40-CT/TW", dt.date(2014, 11, 22)),
    # the kind of document between the verb and a bare number
    ("en", "On March 4, 2025, the Provincial Party Standing Committee issued Action Program No. 81-CTr/TU.",
     "81-CTr/TU", dt.date(2025, 3, 4)),
    ("en", "On April 2, 2025, the Provincial People's Committee developed Plan No. 612/KH-UBND to carry it out.",
     "612/KH-UBND", dt.date(2025, 4, 2)),
    # words in lower case between the verb and the number: another document is issued
    ("en", "On May 9, 2025, the committee issued guidance to implement Decision No. 1560/QD-TTg.",
     "1560/QD-TTg", None),
    ("vi", "Ngày 22/11/2014, Ban Bí thư ban hành Chỉ thị số 40-CT/TW về tín dụng chính sách.",
     "40-CT/TW", dt.date(2014, 11, 22)),
    ("vi", "Ngày 22/11/2014, Ban Bí thư họp; Chỉ thị số 40-CT/TW được nhắc lại.", "40-CT/TW", None),
]


@pytest.mark.parametrize(("lang", "text", "ref", "issued"), HEADERS + PROSE)
def test_the_issue_date_is_read_from_a_header_or_the_sentence_issuing_it(
        lang: str, text: str, ref: str, issued: dt.date | None) -> None:
    found = _issued(text, lang)
    assert ref in found and found[ref] == issued


def test_a_quarter_coordinated_with_a_dated_one_takes_no_context_year() -> None:
    # "quý I" alone takes the year of its context ("Trong quý I, …"); one joined to a quarter
    # that states its year shares that year, never the publication's.
    text = "Trong quý I và quý II năm 2023, dư nợ tăng đều."
    extraction = extract_text(text, lang="vi", published=dt.date(2025, 10, 26), link=False)
    periods = {(d.text, d.period_start) for d in extraction.dates}
    assert ("quý II năm 2023", dt.date(2023, 4, 1)) in periods
    assert all(start is None or start.year == 2023 for _, start in periods)
