"""Every rule id with a positive and a negative example (spaCy's TOKENIZER_TESTS style).

Positives say what a reader finds in the sentence (written by reading, not by running the
extractor); negatives are sentences where the rule must not fire. A meta-test fails when a
rule id in ``rules/`` lacks either.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from extractor.pipeline import extract_text
from extractor.registry.bundle import bundled

D = Decimal
PUBLISHED = dt.date(2025, 10, 26)

# (rule id, text, expected value of the record the rule yields: Decimal for figures, a date or
#  a (start, end) period for dates, the canonical id for legal references)
POSITIVE = [
    ("money.en.currency_first", "The total capital reached over VND 13,374 billion.", D("13374000000000")),
    ("money.en.currency_first", "Lending reached VND13,374 billion last year.", D("13374000000000")),
    ("money.en.currency_first", "Outstanding loans were VND 13,625,214 million.", D("13625214000000")),
    ("money.en.currency_first", "It disbursed VND 184 billion VND to the poor.", D("184000000000")),
    ("money.en.currency_first", "Loans totalled VND21.86 trillion (US$932.17 million).", D("21860000000000")),
    ("money.en.currency_last", "The revenue is nearly 5 billion VND/year.", D("5000000000")),
    ("money.en.currency_last", "Capital reached 166.43 trillion VND.", D("166430000000000")),
    ("money.en.vague", "Credit has mobilised hundreds of trillions of VND.", D("100000000000000")),
    ("money.en.range_currency_last", "Loans range from 30 to 50 million VND each.", D("30000000")),
    ("money.en.range_currency_first", "Each loan is between VND 30 and 50 million.", D("50000000")),
    ("count.en.noun", "Loans reached 6.58 million households nationwide.", D("6580000")),
    ("count.en.noun", "There were 27.5 thousand turns of borrowers.", D("27500")),
    ("count.en.noun", "More than 213,000 poor households benefit.", D("213000")),
    ("count.en.vague", "Thousands of households have escaped poverty.", D("1000")),
    ("percent.en.sign", "The overdue debt rate was only 0.14%.", D("0.14")),
    ("percent.en.sign", "Overdue debt accounted for 0.43 percent of loans.", D("0.43")),
    ("percent.en.range", "Loans should grow by 8-10% per year.", D("8")),
    ("ratio.en.after_verb", "Entrusted capital increased 5.5 times compared to 2014.", D("5.5")),
    ("ratio.en.comparative", "Capital is nearly 7 times higher than in 2014.", D("7")),
    ("ratio.en.fold", "Total capital grew 2.5-fold from 2015.", D("2.5")),
    ("ratio.en.fold", "Lending rose nearly 3 fold in ten years.", D("3")),
    ("date.en.month_day_year", "By June 30, 2024, loans had grown.", dt.date(2024, 6, 30)),
    ("date.en.day_month_year", "The plan was signed on 4 January 2023 in Hanoi.", dt.date(2023, 1, 4)),
    ("date.en.numeric", "The conference was held on 26/10/2025 in the province.", dt.date(2025, 10, 26)),
    ("date.en.numeric", "Reported on 10-07-2024 by the branch.", dt.date(2024, 7, 10)),
    ("date.en.month_day", "On June 10, the Secretariat issued a conclusion.", dt.date(2025, 6, 10)),
    ("date.en.day_month", "On 12 July, the committee allocated more capital.", dt.date(2025, 7, 12)),
    ("date.en.numeric_day_month", "Figures as of 30/9 show growth.", dt.date(2025, 9, 30)),
    ("date.en.month_year", "Since July 2025 the board has ten members.", (dt.date(2025, 7, 1), dt.date(2025, 7, 31))),
    ("date.en.quarter", "By the end of the third quarter of 2025, capital grew.", dt.date(2025, 9, 30)),
    ("date.en.quarter_code", "Results for Q1 2018 were reviewed.", (dt.date(2018, 1, 1), dt.date(2018, 3, 31))),
    ("date.en.first_months", "In the first 6 months of 2024, lending rose.", (dt.date(2024, 1, 1), dt.date(2024, 6, 30))),
    ("date.en.first_months", "In the first nine months, lending rose.", (dt.date(2025, 1, 1), dt.date(2025, 9, 30))),
    ("date.en.half", "In the first half of 2024, lending rose.", (dt.date(2024, 1, 1), dt.date(2024, 6, 30))),
    ("date.en.half_code", "The bank lent VND 1.2tn in H1 2024.", (dt.date(2024, 1, 1), dt.date(2024, 6, 30))),
    ("date.en.month_year", "As of the end of June 2024, loans grew.", dt.date(2024, 6, 30)),
    ("money.en.currency_first", "The bank lent VND 1.2tn in H1 2024.", D("1200000000000")),
    ("date.en.year_edge", "Compared to the end of 2024, loans grew.", dt.date(2024, 12, 31)),
    ("date.en.this_year_edge", "An increase compared to the beginning of the year.", dt.date(2025, 1, 1)),
    ("date.en.this_year_edge", "Loans rose 3.2% against the end of last year.", dt.date(2024, 12, 31)),
    ("date.en.this_year_edge", "Loans rose 3.2% against the end of the previous year.", dt.date(2024, 12, 31)),
    ("date.en.since_start_to_now", "From the beginning of 2025 to now, it disbursed more.", (dt.date(2025, 1, 1), PUBLISHED)),
    ("date.en.year_span", "The project runs in the period of 2023 - 2025.", (dt.date(2023, 1, 1), dt.date(2025, 12, 31))),
    ("date.en.from_year_to_year", "Lending grew from 2016 to 2020 steadily.", (dt.date(2016, 1, 1), dt.date(2020, 12, 31))),
    ("date.en.between_years", "Between 2021 and 2025, 36,000 households escaped poverty.", (dt.date(2021, 1, 1), dt.date(2025, 12, 31))),
    ("date.en.bare_year", "Capital grew compared to 2014 levels.", (dt.date(2014, 1, 1), dt.date(2014, 12, 31))),
    ("date.en.horizon_year", "The strategy runs to 2030 for the bank.", (dt.date(2030, 1, 1), dt.date(2030, 12, 31))),
    ("legal.en.full", "Implementing Directive No. 40-CT/TW of the Secretariat.", "40-CT/TW"),
    ("legal.en.full", "Decision No. 1560/QĐ-TTg dated July 18, 2025 applies.", "1560/QD-TTg"),
    ("legal.en.full", "Under Decree 78/2002/ND-CP the bank was founded.", "78/2002/ND-CP"),
    ("legal.en.full", "Official Letter 1827/UBND-KT asked districts to act.", "1827/UBND-KT"),
    ("legal.en.short", "Decision No. 1560/QD-TTg sets goals. Decision 1560 also asks for reviews.", "1560/QD-TTg"),
    ("money.vi.compound", "Tổng dư nợ đạt 3.579 tỷ 654 triệu đồng.", D("3579654000000")),
    ("money.vi.currency_last", "Tổng nguồn vốn đạt 13.374 tỷ đồng.", D("13374000000000")),
    ("money.vi.currency_last", "Dư nợ đạt 10.267tỷ đồng, tăng mạnh.", D("10267000000000")),
    ("money.vi.currency_last", "Mức vay bình quân 41,7 triệu đồng/hộ.", D("41700000")),
    ("money.vi.currency_last", "Mức vay bình quân 50 trđ/hộ.", D("50000000")),
    ("money.vi.currency_first", "Dự án trị giá USD 932 triệu đã ký.", D("932000000")),
    ("money.vi.vague", "Đã huy động hàng trăm tỷ đồng cho người nghèo.", D("100000000000")),
    ("money.vi.range", "Mức cho vay từ 30 đến 50 triệu đồng mỗi hộ.", D("30000000")),
    ("count.vi.noun", "Đã có hơn 86 nghìn hộ được vay vốn.", D("86000")),
    ("count.vi.noun", "Doanh số cho vay đạt 92,5 nghìn lượt khách hàng.", D("92500")),
    ("count.vi.vague", "Hàng nghìn hộ đã thoát nghèo nhờ vốn vay.", D("1000")),
    ("percent.vi.sign", "Tỷ lệ nợ quá hạn chỉ 0,14% tổng dư nợ.", D("0.14")),
    ("percent.vi.range", "Dư nợ phấn đấu tăng 8-10% mỗi năm.", D("10")),
    ("ratio.vi.after_verb", "Nguồn vốn ủy thác tăng gấp 5,5 lần so với năm 2014.", D("5.5")),
    ("ratio.vi.compared", "Nguồn vốn đạt 7 lần so với năm 2014.", D("7")),
    ("date.vi.numeric", "Tính đến ngày 30/6/2024, tổng dư nợ tăng.", dt.date(2024, 6, 30)),
    ("date.vi.words", "Ngày 30 tháng 6 năm 2024, Ban đại diện họp.", dt.date(2024, 6, 30)),
    ("date.vi.day_month", "Tính đến 30.9, dư nợ tăng mạnh.", dt.date(2025, 9, 30)),
    ("date.vi.month_year", "Đến hết tháng 4/2021, dư nợ đạt cao.", dt.date(2021, 4, 30)),
    ("date.vi.quarter", "Kết quả quý III/2025 rất khả quan.", (dt.date(2025, 7, 1), dt.date(2025, 9, 30))),
    ("date.vi.first_months", "Trong 6 tháng đầu năm 2024, doanh số tăng.", (dt.date(2024, 1, 1), dt.date(2024, 6, 30))),
    ("date.vi.year_edge", "So với cuối năm 2024, dư nợ tăng.", dt.date(2024, 12, 31)),
    ("date.vi.year_edge", "So với cuối năm trước, dư nợ tăng 5%.", dt.date(2024, 12, 31)),
    ("date.vi.year_edge", "So với đầu năm, dư nợ tăng 5%.", dt.date(2025, 1, 1)),
    ("date.vi.to_now", "Từ đầu năm đến nay, ngân hàng đã giải ngân nhiều.", (dt.date(2025, 1, 1), PUBLISHED)),
    ("date.vi.year_span", "Trong giai đoạn 2021 - 2025, vốn tăng.", (dt.date(2021, 1, 1), dt.date(2025, 12, 31))),
    ("date.vi.from_year_to_year", "Từ năm 2016 đến năm 2020, vốn tăng.", (dt.date(2016, 1, 1), dt.date(2020, 12, 31))),
    ("date.vi.year", "Trong năm 2024, doanh số cho vay tăng.", (dt.date(2024, 1, 1), dt.date(2024, 12, 31))),
    ("date.vi.horizon_year", "Mục tiêu đến năm 2030 là nâng vốn.", (dt.date(2030, 1, 1), dt.date(2030, 12, 31))),
    ("legal.vi.full", "Thực hiện Chỉ thị số 40-CT/TW ngày 22/11/2014 của Ban Bí thư.", "40-CT/TW"),
    ("legal.vi.full", "Theo Nghị định 78/2002/NĐ-CP của Chính phủ.", "78/2002/ND-CP"),
    ("legal.vi.short", "Quyết định số 1560/QĐ-TTg ban hành. Quyết định số 1560 yêu cầu rà soát.", "1560/QD-TTg"),
]

# (rule id, text where the rule must not produce a record)
NEGATIVE = [
    ("money.en.currency_first", "See https://example.vn/vbsp-disburses-vnd2186-trillion for details.", None),
    ("money.en.currency_last", "After 10 years of implementing Directive No. 40-CT/TW, it works.", None),
    ("money.en.vague", "Hundreds of officials attended the conference.", None),
    ("money.en.range_currency_last", "Loans range from 30 to 50 households in each village.", None),
    ("money.en.range_currency_first", "Capital grew from 2014 to 2024 steadily.", None),
    ("count.en.noun", "Ms. Nhu lives in hamlet 6, Hai Xuan commune.", None),
    ("count.en.noun", "After 10 years of implementing the directive, results are clear.", None),
    ("count.en.noun", "In 2024 households borrowed more than before.", None),
    ("count.en.vague", "Thousands of women attended the festival.", None),
    ("percent.en.sign", "The 13th tenure of the committee began.", None),
    ("percent.en.range", "The years 2021-2025 were successful.", None),
    ("ratio.en.after_verb", "The board met 4 times last year.", None),
    ("ratio.en.comparative", "The board met 4 times in 2024.", None),
    ("ratio.en.fold", "The branch filed 20 folders of loan records.", None),
    ("date.en.month_day_year", "Directive No. 40-CT/TW works well.", None),
    ("date.en.day_month_year", "It lent VND 30 billion to 6 households.", None),
    ("date.en.numeric", "Decree 78/2002/ND-CP founded the bank.", None),
    ("date.en.month_day", "Borrowers may 5 times apply.", None),
    ("date.en.day_month", "About 12 may apply for loans this year.", None),
    ("date.en.day_month", "Loans to 12 Junior colleges rose.", None),
    ("date.en.numeric_day_month", "The ratio 5/6 was reached.", None),
    ("date.en.month_year", "Directive 40 was reviewed by the committee.", None),
    ("date.en.quarter", "A quarter of households are poor.", None),
    ("date.en.quarter_code", "The Q-code is unrelated.", None),
    ("date.en.first_months", "The first 6 households received loans.", None),
    ("date.en.first_months", "In the first six months of the loan, no interest is due.", None),
    ("date.en.first_months", "In the first six months after joining, members save.", None),
    ("date.en.half", "Half of the households are poor.", None),
    ("date.en.half_code", "The H1N1 outbreak of 2009 closed schools.", None),
    ("date.en.year_edge", "At the end of the meeting, they agreed.", None),
    ("date.en.this_year_edge", "At the end of the meeting, they agreed.", None),
    ("date.en.this_year_edge", "At the end of last month, the fund closed.", None),
    ("date.en.since_start_to_now", "From the beginning, the bank served the poor.", None),
    ("date.en.year_span", "Call 0238-3844 for information.", None),
    ("date.en.from_year_to_year", "Loans grew from 30 to 50 million VND.", None),
    ("date.en.between_years", "Each loan was between 30 and 50 million VND.", None),
    ("date.en.between_years", "In 2021 and 2025 the branch audited its books.", None),
    ("date.en.bare_year", "It reached 2024 households in total.", None),
    ("date.en.horizon_year", "Loans rose to 2,024 households.", None),
    ("legal.en.full", "The ratio 3/2-ABC is not a document number.", None),
    ("legal.en.short", "Directive 40 is the Party's key document.", None),
    ("money.vi.compound", "Năm 2024 có 3 tỷ người trên thế giới.", None),
    ("money.vi.currency_last", "Hàng triệu đồng bào dân tộc thiểu số được hỗ trợ.", None),
    ("money.vi.currency_last", "Ngân hàng giải ngân 5 tỷ đầu tư cho vùng cao.", None),
    ("money.vi.currency_last", "Tài liệu dài 5 trang đã được gửi.", None),
    ("money.vi.currency_first", "Tỷ lệ VND so với USD ổn định.", None),
    ("money.vi.vague", "Hàng nghìn hộ đã được vay.", None),
    ("money.vi.range", "Từ 30 đến 50 hộ được vay.", None),
    ("count.vi.noun", "Sau 5 năm thực hiện Chỉ thị, kết quả rõ rệt.", None),
    ("count.vi.noun", "Bà Nhu ở thôn 6, xã Hải Xuân.", None),
    ("count.vi.vague", "Hàng nghìn tỷ đồng đã được giải ngân.", None),
    ("percent.vi.sign", "Khóa 13 của Ban chấp hành.", None),
    ("percent.vi.range", "Giai đoạn 2021-2025 đạt nhiều kết quả.", None),
    ("ratio.vi.after_verb", "Ban đại diện họp 4 lần trong năm.", None),
    ("ratio.vi.compared", "Ban đại diện họp 4 lần trong năm.", None),
    ("date.vi.numeric", "Nghị định 78/2002/NĐ-CP quy định tín dụng.", None),
    ("date.vi.words", "Có 30 tháng để hoàn thành.", None),
    ("date.vi.day_month", "Tỷ lệ đạt 30,9% kế hoạch.", None),
    ("date.vi.month_year", "Trong tháng này ngân hàng giải ngân nhiều.", None),
    ("date.vi.quarter", "Quý khách vui lòng chờ.", None),
    ("date.vi.first_months", "Thời hạn vay 36 tháng đối với hộ nghèo.", None),
    ("date.vi.year_edge", "Cuối cùng, hội nghị đã thành công.", None),
    ("date.vi.to_now", "Từ đầu, ngân hàng đã phục vụ người nghèo.", None),
    ("date.vi.year_span", "Gọi số 0238-3844 để biết thêm.", None),
    ("date.vi.from_year_to_year", "Từ 30 đến 50 triệu đồng mỗi hộ.", None),
    ("date.vi.year", "Sau năm năm thực hiện, kết quả rõ.", None),
    ("date.vi.horizon_year", "Doanh số tăng đến 2.030 tỷ đồng.", None),
    ("legal.vi.full", "Tỷ lệ 3/2-ABC không phải số văn bản.", None),
    ("legal.vi.short", "Chỉ thị 40 là văn bản quan trọng.", None),
]


def _lang(rule_id: str) -> str:
    return rule_id.split(".")[1]


def _records(text: str, lang: str) -> list:
    ex = extract_text(text, lang=lang, published=PUBLISHED, link=False)
    return [*ex.figures, *ex.dates, *ex.legal_refs]


def _value(record):
    if hasattr(record, "id") and hasattr(record, "issuer_code"):
        return record.id
    if hasattr(record, "granularity"):
        return record.value if record.value is not None else (record.period_start, record.period_end)
    return record.value


@pytest.mark.parametrize(("rule_id", "text", "expected"), POSITIVE,
                         ids=[f"{r}:{t[:30]}" for r, t, _ in POSITIVE])
def test_rule_finds(rule_id: str, text: str, expected) -> None:
    found = [_value(r) for r in _records(text, _lang(rule_id)) if r.rule == rule_id]
    assert expected in found, f"{rule_id} found {found} in {text!r}"


@pytest.mark.parametrize(("rule_id", "text", "_"), NEGATIVE,
                         ids=[f"{r}:{t[:30]}" for r, t, _ in NEGATIVE])
def test_rule_stays_silent(rule_id: str, text: str, _) -> None:
    found = [(r.text, _value(r)) for r in _records(text, _lang(rule_id)) if r.rule == rule_id]
    assert not found, f"{rule_id} should not fire on {text!r}, found {found}"


def _all_rule_ids() -> set[str]:
    return {r.id for lang in ("en", "vi") for r in bundled().ruleset(lang).rules}


def test_every_rule_has_a_positive_and_a_negative_example() -> None:
    ids = _all_rule_ids()
    lacking_pos = sorted(ids - {r for r, _, _ in POSITIVE})
    lacking_neg = sorted(ids - {r for r, _, _ in NEGATIVE})
    assert not lacking_pos, f"rules without a positive example: {lacking_pos}"
    assert not lacking_neg, f"rules without a negative example: {lacking_neg}"


def test_examples_name_only_existing_rules() -> None:
    unknown = {r for r, _, _ in POSITIVE + NEGATIVE} - _all_rule_ids()
    assert not unknown, f"examples for rules that do not exist: {sorted(unknown)}"


# (language, text, field of the one money figure, its expected value)
MONEY_FIELDS = [
    # per-unit amounts
    ("en", "The revenue is nearly 5 billion VND/year.", "unit", "VND/year"),
    ("en", "Her family now earns about 120 million VND a year.", "unit", "VND/year"),
    ("en", "The fund lent VND 40 million each household.", "unit", "VND/household"),
    ("en", "Loans of 50 million VND per household reached the poor.", "unit", "VND/household"),
    ("en", "She earned 50 million VND a year ago.", "unit", "VND"),  # "a year ago" dates it: no rate
    ("en", "Loans of 50 million VND a decade ago were small.", "unit", "VND"),
    ("vi", "Mức vay tối đa 100 triệu đồng/hộ.", "unit", "VND/household"),
    ("vi", "Gia đình có thu nhập 120 triệu đồng mỗi năm.", "unit", "VND/year"),
    ("vi", "Thu nhập đạt 60 triệu đồng một năm.", "unit", "VND/year"),
    ("vi", "Thu nhập là 60 triệu đồng một năm trước.", "unit", "VND"),  # "một năm trước": a year ago
    # ceilings
    ("en", "Each household may borrow a maximum loan of 50 million VND/household.", "qualifier", "less_than"),
    ("en", "The maximum loan is 100 million VND per household.", "qualifier", "less_than"),
    ("en", "Loans are capped at a maximum of 100 million VND.", "qualifier", "less_than"),
    ("en", "The branch lent at most 80 million VND to each household.", "qualifier", "less_than"),
    ("en", "A loan of 50 million VND was granted.", "qualifier", "exact"),
    ("en", "The maximum term of a loan of 50 million VND is five years.", "qualifier", "exact"),
]


@pytest.mark.parametrize(("lang", "text", "field", "expected"), MONEY_FIELDS,
                         ids=[f"{f}:{t[:30]}" for _, t, f, _ in MONEY_FIELDS])
def test_money_unit_and_qualifier(lang: str, text: str, field: str, expected: str) -> None:
    [figure] = [r for r in _records(text, lang) if getattr(r, "kind", None) == "money"]
    assert getattr(figure, field) == expected
