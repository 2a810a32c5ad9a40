"""Short legal forms: completed from the full reference cited, else from the issuer named in
words after them (rules/legal_codes.yaml), else kept as short forms with the number as their id.
Expected ids are written by reading each sentence."""

from __future__ import annotations

import pytest

from extractor.pipeline import extract_text

CASES = [
    # the issuer named in words, after a link word
    ("en", "Directive 40 of the Party Central Committee's Secretariat was reviewed.", [("40-CT/TW", True)]),
    ("en", "Directive No. 40 and Conclusion No. 06 of the Central Party Secretariat took effect.",
     [("40-CT/TW", True), ("06-KL/TW", True)]),
    ("vi", "Thực hiện Chỉ thị số 40 của Ban Bí thư, tỉnh đã bố trí vốn.", [("40-CT/TW", True)]),
    ("vi", "Theo Quyết định 1560 của Thủ tướng Chính phủ, chi nhánh đã cho vay.", [("1560/QD-TTg", True)]),
    # a later bare mention means the same document
    ("en", "Directive 40 of the Secretariat matters. After ten years of Directive 40, the Prime Minister spoke.",
     [("40-CT/TW", True), ("40-CT/TW", True)]),
    # the full reference cited in the document wins
    ("en", "Directive No. 40-CT/TW was issued in 2014. Directive 40 changed lending.",
     [("40-CT/TW", False), ("40-CT/TW", True)]),
    # no issuer in words: a short form, the number as its id
    ("en", "Under Decision 167, poor households built houses.", [("167", True)]),
    # a person, not an issuer: no link word before "Prime Minister"
    ("en", "Praising Directive 40, Prime Minister Pham Minh Chinh asked for more capital.", [("40", True)]),
    # the issuer named as the one that issued a reference wins over a mistyped suffix of its style
    ("en", "On November 22, 2014, the Central Party Secretariat issued Directive No. 40-CT/TU on credit.",
     [("40-CT/TW", False)]),
    # ... and agrees with a suffix it writes itself
    ("vi", "Ban Thường vụ Tỉnh ủy ban hành Chỉ thị số 40-CT/TU về tín dụng chính sách.", [("40-CT/TU", False)]),
    # the issuer's words in any case: pages write "Ban bí thư" as often as "Ban Bí thư"
    ("vi", "Thực hiện Chỉ thị số 40 của Ban bí thư Trung ương Đảng, huyện bố trí thêm vốn.", [("40-CT/TW", True)]),
    ("en", "Directive 40 of the party central committee's secretariat guides the work.", [("40-CT/TW", True)]),
    # a stray space before the slash after the year is no part of the id
    ("vi", "Theo Nghị quyết số 25/2019 /NQ-HĐND của tỉnh, hộ được hỗ trợ lãi suất.", [("25/2019/NQ-HDND", False)]),
    # a decree's number carries its year, which the short form does not give
    ("vi", "Theo Nghị định 78 của Chính phủ, ngân hàng cho vay hộ nghèo.", [("78", True)]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES, ids=[c[1][:40] for c in CASES])
def test_short_forms(lang: str, text: str, expected: list[tuple[str, bool]]) -> None:
    refs = extract_text(text, lang=lang).legal_refs  # type: ignore[arg-type]
    assert [(r.id, r.short_form) for r in refs] == expected
