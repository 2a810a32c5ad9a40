"""Qualifier words around a figure: the lexicon's ``qualifiers`` right before it, its
``qualifiers_after`` right after it ("từ 12% trở lên", "10% or more"), each phrase with a sentence
where it qualifies and one where it does not."""

from __future__ import annotations

import pytest

from extractor.pipeline import extract_text
from extractor.registry.bundle import bundled

CASES = [
    # qualifiers_after (vi)
    ("vi", "Lãi suất từ 9% trở lên là quá cao với hộ nghèo.", "9", "more_than"),
    ("vi", "Tổ có nợ khoanh từ 0,06% trở xuống được xếp loại tốt.", "0.06", "less_than"),
    ("vi", "Dư nợ tăng 9%, trở thành chi nhánh dẫn đầu.", "9", "exact"),
    # qualifiers_after (en)
    ("en", "Members who save 9% or more of their income get a bonus.", "9", "more_than"),
    ("en", "Loans reached 1,200 households or above in each district.", "1200", "more_than"),
    ("en", "Growth of 9% or higher is expected.", "9", "more_than"),
    ("en", "Entrusted loans of VND 50 million and above need collateral.", "50000000", "more_than"),
    ("en", "Groups whose arrears are 0.06% or less of their loans rank first.", "0.06", "less_than"),
    ("en", "The overdue ratio fell to 0.06% or below by June.", "0.06", "less_than"),
    ("en", "The overdue ratio must be 0.06% or lower.", "0.06", "less_than"),
    ("en", "Groups with 25 members or fewer meet monthly.", "25", "less_than"),
    ("en", "Lending rose 9% or more than the plan foresaw.", "9", "exact"),
    ("en", "Lending rose 9%, or more precisely 9.2%.", "9", "exact"),
    ("en", "Lending rose 9% or more precisely 9.2%.", "9", "exact"),
    ("en", "Loans went to 1,200 households or lower-income families.", "1200", "exact"),
    ("en", "Each year 7% or fewer-than-planned groups closed.", "7", "exact"),
    ("vi", "Dư nợ đạt 7%, từ tháng sau trở lên mức mới.", "7", "exact"),
    ("vi", "Tỷ lệ là 0,6%; từ quý sau trở xuống còn một nửa.", "0.6", "exact"),
    # qualifiers before a figure (vi comparatives, a raised cap; en estimates)
    ("vi", "Lãi suất mới nhỏ hơn 0,6% mỗi tháng.", "0.6", "less_than"),
    ("vi", "Khoản phí lớn hơn 0,6% số tiền vay phải được báo cáo.", "0.6", "more_than"),
    ("vi", "Tỷ lệ nợ quá hạn phải không lớn hơn 0,6%.", "0.6", "less_than"),
    ("vi", "Tỷ lệ thu lãi không nhỏ hơn 98% kế hoạch.", "98", "more_than"),
    ("vi", "Lãi suất không cao hơn 0,6% mỗi tháng.", "0.6", "less_than"),
    ("vi", "Tỷ lệ thu nợ không thấp hơn 98% số đến hạn.", "98", "more_than"),
    ("vi", "Mỗi hộ được vay tối đa lên đến 75 triệu đồng để mua giống.", "75000000", "less_than"),
    ("vi", "Học sinh được vay tối đa lên tới 4 triệu đồng một tháng.", "4000000", "less_than"),
    ("vi", "Nguồn vốn đã tăng lên đến 2.310 tỷ đồng.", "2310000000000", "exact"),
    ("en", "Spring disbursements are estimated to reach VND 915 billion.", "915000000000", "approx"),
    ("en", "The estimated 1,870 households reached VND 30 billion in loans.", "30000000000", "exact"),
]


@pytest.mark.parametrize(("lang", "text", "value", "qualifier"), CASES)
def test_qualifier(lang: str, text: str, value: str, qualifier: str) -> None:
    figures = {str(f.value): f.qualifier for f in extract_text(text, lang=lang, link=False).figures}
    assert figures[value] == qualifier


def test_every_after_phrase_has_cases() -> None:
    """Each phrase of ``qualifiers_after`` qualifies in some case above."""
    for lang in ("en", "vi"):
        phrases = [q.phrase for q in bundled().ruleset(lang).lexicon.qualifiers_after]
        for phrase in phrases:
            assert any(c[0] == lang and phrase in c[1] and c[3] != "exact" for c in CASES), phrase


def test_every_after_phrase_qualifies_nothing_where_it_does_not_close_the_figure() -> None:
    """Each phrase of ``qualifiers_after`` also stands in a case above where it qualifies nothing
    (before a word of ``qualifiers_after_not_before``, heading a hyphened word, or not right after
    the figure); and before each of those words it qualifies nothing."""
    for lang in ("en", "vi"):
        lexicon = bundled().ruleset(lang).lexicon
        for phrase in (q.phrase for q in lexicon.qualifiers_after):
            if lang == "vi":
                assert any(c[0] == lang and phrase in c[1] and c[3] == "exact" for c in CASES), phrase
                continue
            for word in lexicon.qualifiers_after_not_before:
                text = f"Lending rose 7% {phrase} {word} the year before."
                figure = extract_text(text, lang=lang, link=False).figures[0]
                assert figure.qualifier == "exact", (text, figure.qualifier)
