"""The indicator lexicon: the spec's codes, the loader, and every cue shown deciding and not.

Sentences use the markup of tests/test_link.py; expectations come from reading the sentence.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from test_link import NGHE, VI_NGHE, observe

from extractor.errors import RuleError
from extractor.link.indicators import load_lexicon
from extractor.link.rules import CUES_AFTER, CUES_BEFORE, marker_lists
from extractor.registry.bundle import bundled
from extractor.registry.phrases import _OLD_TONE, _OLD_TONE_RE, PhraseIndex, _order, caseless, first_word, new_tone, phrase_regex

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT.parent / "shared" / "spec" / "indicators.md"
LEXICON = ROOT / "rules" / "indicators.yaml"


# --- the lexicon against the public contract -------------------------------------------------------


def _spec_rows() -> dict[str, str]:
    """code → kind from the table of shared/spec/indicators.md."""
    if not SPEC.exists():
        pytest.skip("shared/spec/indicators.md is not beside the checkout")
    rows = re.findall(r"^\| (\w+) \| (money|count|percent) \|", SPEC.read_text("utf-8"), re.MULTILINE)
    return dict(rows)


def test_every_spec_code_is_in_the_lexicon_with_its_kind() -> None:
    spec = _spec_rows()
    assert len(spec) >= 20
    ours = {code: rule.kind for code, rule in bundled().indicators.indicators.items()}
    assert {c: ours.get(c) for c in spec} == spec


def test_every_indicator_can_be_reached() -> None:
    """An indicator no cue or counted noun leads to would never be observed."""
    lex = bundled().indicators
    reached = {c for codes in lex.by_phrase.values() for c in codes} | set(lex.by_unit.values())
    assert reached == set(lex.indicators)


# --- the loader --------------------------------------------------------------------------------------


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    text = LEXICON.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "indicators.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _line(path: Path, needle: str) -> int:
    return next(i for i, l in enumerate(path.read_text("utf-8").splitlines(), 1) if needle in l)


def test_every_bad_entry_is_reported_with_its_line(tmp_path: Path) -> None:
    path = _broken(tmp_path, "    kind: percent\n    measure: stock\n    name: overdue debt as",
                   "    kind: ratio\n    measure: stock\n    colour: red\n    name: overdue debt as")
    path.write_text(path.read_text("utf-8").replace("measure: flow\n    name: amount lent",
                                                    "measure: sometimes\n    name: amount lent"), "utf-8")
    with pytest.raises(RuleError) as err:
        load_lexicon(path)
    problems = err.value.problems
    assert len(problems) == 3
    assert any(p.startswith(f"rules/indicators.yaml:{_line(path, 'kind: ratio')}:") or
               f"indicators.yaml:{_line(path, 'kind: ratio')}:" in p for p in problems)
    assert any(f"indicators.yaml:{_line(path, 'colour: red')}:" in p for p in problems)
    assert any(f"indicators.yaml:{_line(path, 'measure: sometimes')}:" in p for p in problems)


def test_a_cue_that_cannot_compile_names_its_line(tmp_path: Path) -> None:
    path = _broken(tmp_path, '"total [policy] [credit] capital [sources|source]"', '"[total] capital"')
    with pytest.raises(RuleError) as err:
        load_lexicon(path)
    line = _line(path, "[total] capital")
    assert all(f"indicators.yaml:{line}:" in p for p in err.value.problems)
    assert any("the first word of '[total] capital' is optional" in p for p in err.value.problems)


def test_a_cue_claimed_by_two_indicators_of_one_kind_is_reported(tmp_path: Path) -> None:
    path = _broken(tmp_path, 'vi: ["doanh số thu nợ", "thu nợ", "thu hồi nợ"]',
                   'vi: ["doanh số thu nợ", "thu nợ", "thu hồi nợ", "giải ngân"]')
    with pytest.raises(RuleError) as err:
        load_lexicon(path)
    assert len(err.value.problems) == 1
    assert "already governs lending_turnover" in err.value.problems[0]


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = _broken(tmp_path, "  - code: overdue_debt\n", "  - code: [overdue_debt\n")
    with pytest.raises(RuleError) as err:
        load_lexicon(path)
    assert "YAML syntax" in err.value.problems[0]
    assert re.search(r"indicators\.yaml:\d+:", err.value.problems[0])


def test_new_tone_keeps_length() -> None:
    for text in ["uỷ thác", "Hoà Bình", "khoẻ", "thuỷ lợi"]:
        assert len(new_tone(text)) == len(text)
    assert new_tone("uỷ thác") == "ủy thác"


def test_old_tone_pattern_matches_exactly_the_old_spellings() -> None:
    """The grouped pattern stands for the list of old spellings it was built from."""
    pairs = {a + b for a in "oOuUaA" for b in map(chr, range(0x41, 0x1EFA))}
    assert {p for p in pairs if _OLD_TONE_RE.fullmatch(p)} == set(_OLD_TONE)


def _scan_word_by_word(sets: dict[str, list[str]], text: str) -> dict[str, list[tuple[int, int, str]]]:
    """What ``PhraseIndex.scan`` must find, the slow way: at every word, each set's phrases
    starting with that word are tried in the set's matching order; within a set, matches do
    not overlap."""
    compiled = {name: [(first_word(p), re.compile(phrase_regex(p) + r"(?!\w)", re.IGNORECASE), p)
                       for p in _order(phrases)] for name, phrases in sets.items()}
    found: dict[str, list[tuple[int, int, str]]] = {name: [] for name in sets}
    busy = {name: 0 for name in sets}
    for word in re.finditer(r"\w+", text):
        for name, tries in compiled.items():
            for first, rx, phrase in tries:
                if busy[name] > word.start() or first != word.group().lower():
                    continue
                m = rx.match(text, word.start())
                if m:
                    found[name].append((word.start(), m.end(), phrase))
                    busy[name] = m.end()
                    break
    return found


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_phrase_index_finds_what_trying_every_word_finds(lang: str) -> None:
    from extractor.evaluation import load_gold
    from extractor.link.rules import load_link_rules

    sets = {**marker_lists(load_link_rules())[lang], CUES_BEFORE: list(bundled().indicators.phrases[(lang, "before")]),
            CUES_AFTER: list(bundled().indicators.phrases[(lang, "after")])}
    index = PhraseIndex(sets)
    odd = ["İn Nghe An, OUTSTANDING   LOANS rose; ſince 2020 outstanding\npolicy loans", "in-in to-now TO DATE",
           "Dư Nợ đến   nay; DƯ NỢ CHO VAY, tòan tỉnh, İnan đến hết năm", "outstanding loans will grow by 5%"]
    texts = odd + [new_tone(case.text()) for case in load_gold(ROOT / "corpus" / "gold", language=lang)]
    assert len(texts) > 10
    for text in texts:
        assert index.scan(text) == _scan_word_by_word(sets, text), text[:60]


def test_caseless_keeps_length_and_gives_the_ascii_letter_re_would_match() -> None:
    letter = re.compile("[a-z]", re.IGNORECASE)
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        low = caseless(ch)
        assert len(low) == 1, hex(code)
        if letter.fullmatch(ch):
            assert re.fullmatch(low, ch, re.IGNORECASE) and low.isascii() and low.islower(), hex(code)
        elif low.isascii():
            assert not low.isalpha(), hex(code)


def test_phrase_regex_optional_words() -> None:
    pattern = re.compile(phrase_regex("total [policy] [credit] capital [sources|source]"), re.IGNORECASE)
    for text in ["total capital", "Total policy credit capital sources", "total credit capital source"]:
        assert pattern.fullmatch(text)
    assert not pattern.fullmatch("total policy")


# --- every cue: (rule id, polarity, language, markup, expected indicator) -------------------------

E, V = NGHE, VI_NGHE
CUES: list[tuple[str, str, str, str, str | None]] = [
    # total_capital
    ("cue:total [policy] [credit] capital [sources|source]", "+", "en", E + "By June 30, 2024, the total capital reached [[over VND 13,374 billion|VND]].", "total_capital"),
    ("cue:total [policy] [credit] capital [sources|source]", "-", "en", E + "The proportion of the total capital is modest, only reaching [[3.14%|%]].", None),
    ("cue:mobilised", "+", "en", E + "Social policy credit has mobilised [[hundreds of trillions of VND|VND]].", "total_capital"),
    ("cue:mobilised", "-", "en", E + "The associations mobilised [[1,726 members|members]].", None),
    ("cue:mobilized", "+", "en", E + "The branch mobilized [[VND 2,000 billion|VND]] in deposits.", "total_capital"),
    ("cue:mobilized", "-", "en", E + "Disbursed loans reached [[VND 2,000 billion|VND]] and everyone mobilized.", "lending_turnover"),
    ("cue:tổng nguồn vốn", "+", "vi", V + "Tổng nguồn vốn đạt [[14.286 tỷ đồng|VND]].", "total_capital"),
    ("cue:tổng nguồn vốn", "-", "vi", V + "Vốn ủy thác chiếm [[6,8%|%]] tổng nguồn vốn.", None),
    ("cue:nguồn vốn tín dụng chính sách", "+", "vi", V + "Nguồn vốn tín dụng chính sách đạt [[9.000 tỷ đồng|VND]].", "total_capital"),
    ("cue:nguồn vốn tín dụng chính sách", "-", "vi", V + "Dư nợ đạt [[9.000 tỷ đồng|VND]] từ nguồn vốn tín dụng chính sách.", "outstanding_loans"),
    # local_entrusted_capital
    ("cue:capital entrusted", "+", "en", E + "Of which, the capital entrusted locally reached [[more than 1,095 billion VND|VND]].", "local_entrusted_capital"),
    ("cue:capital entrusted", "-", "en", E + "Total capital reached [[VND 13,625 billion|VND]], capital entrusted grew too.", "total_capital"),
    ("cue:entrusted capital", "+", "en", E + "Entrusted capital from the local budget reached [[VND 264 billion|VND]].", "local_entrusted_capital"),
    ("cue:entrusted capital", "-", "en", E + "Entrusted capital accounted for [[6.8%|%]] of the total.", None),
    ("cue:capital from the local budget", "+", "en", E + "Capital from the local budget reached [[VND 300 billion|VND]].", "local_entrusted_capital"),
    ("cue:capital from the local budget", "-", "en", E + "Loans disbursed reached [[VND 300 billion|VND]], with capital from the local budget.", "lending_turnover"),
    ("cue:local budget capital", "+", "en", E + "Local budget capital reached [[VND 200 billion|VND]].", "local_entrusted_capital"),
    ("cue:local budget capital", "-", "en", E + "Local budget capital supported [[1,000 households|households]].", None),
    ("cue:allocate", "+", "en", E + "The province is striving to allocate an additional [[VND 400 billion|VND]].", "local_entrusted_capital"),
    ("cue:allocate", "-", "en", E + "The province decided to allocate staff to [[21 transaction offices|transaction offices]].", "transaction_offices"),
    ("cue:allocated", "+", "en", E + "The provincial budget allocated [[VND 50 billion|VND]] to the bank.", "local_entrusted_capital"),
    ("cue:allocated", "-", "en", E + "The budget allocated supports [[50 students|students]].", "students_supported"),
    ("cue:vốn ủy thác", "+", "vi", V + "Vốn ủy thác đạt [[1.095 tỷ đồng|VND]].", "local_entrusted_capital"),
    ("cue:vốn ủy thác", "-", "vi", V + "Vốn ủy thác chiếm [[21,9%|%]] tổng nguồn vốn.", None),
    ("cue:vốn nhận ủy thác", "+", "vi", V + "Nguồn vốn nhận ủy thác từ ngân sách địa phương đạt [[264 tỷ đồng|VND]].", "local_entrusted_capital"),
    ("cue:vốn nhận ủy thác", "-", "vi", V + "Nguồn vốn nhận ủy thác tăng, tổng dư nợ đạt [[3.461 tỷ đồng|VND]].", "outstanding_loans"),
    ("cue:nguồn vốn ngân sách", "+", "vi", V + "Nguồn vốn ngân sách thành phố ủy thác đạt [[3.684 tỷ đồng|VND]].", "local_entrusted_capital"),
    ("cue:nguồn vốn ngân sách", "-", "vi", V + "Nguồn vốn ngân sách chiếm [[21,9%|%]].", None),
    ("cue:vốn ngân sách tỉnh", "+", "vi", V + "Vốn ngân sách tỉnh ủy thác sang NHCSXH đạt [[412 tỷ đồng|VND]].", "local_entrusted_capital"),
    ("cue:vốn ngân sách tỉnh", "-", "vi", V + "Vốn ngân sách tỉnh hỗ trợ [[1.000 hộ|households]].", None),
    ("cue:capital from the provincial budget", "+", "en", E + "Capital from the provincial budget reached [[VND 412 billion|VND]].", "local_entrusted_capital"),
    ("cue:capital from the provincial budget", "-", "en", E + "Capital from the provincial budget supported [[1,000 households|households]].", None),
    ("cue:provincial budget capital", "+", "en", E + "Provincial budget capital reached [[VND 412 billion|VND]] by June.", "local_entrusted_capital"),
    ("cue:provincial budget capital", "-", "en", E + "Provincial budget capital supported [[1,000 households|households]].", None),
    ("cue:vốn ngân sách địa phương", "+", "vi", V + "Vốn ngân sách địa phương chuyển sang đạt [[521 tỷ đồng|VND]].", "local_entrusted_capital"),
    ("cue:vốn ngân sách địa phương", "-", "vi", V + "Doanh số cho vay đạt [[521 tỷ đồng|VND]], có vốn ngân sách địa phương.", "lending_turnover"),
    ("cue:bố trí", "+", "vi", V + "Ngân sách tỉnh bố trí [[100 tỷ đồng|VND]] cho vay.", "local_entrusted_capital"),
    ("cue:bố trí", "-", "vi", V + "Ngân sách tỉnh bố trí bình quân [[100 tỷ đồng/năm|VND/year]].", None),
    ("cue-after:in entrusted capital", "+", "en", E + "Ninh Binh (old) added [[20 billion VND|VND]] in entrusted capital.", "local_entrusted_capital"),
    ("cue-after:in entrusted capital", "-", "en", E + "It lent [[20 billion VND|VND]], a rise in entrusted capital.", "lending_turnover"),
    ("cue-after:of entrusted capital", "+", "en", E + "The city added [[VND 50 billion|VND]] of entrusted capital.", "local_entrusted_capital"),
    ("cue-after:of entrusted capital", "-", "en", E + "The city added [[50 students|students]] of entrusted capital programmes.", "students_supported"),
    ("cue-after:vốn ủy thác", "+", "vi", V + "Tỉnh chuyển thêm [[50 tỷ đồng|VND]] vốn ủy thác.", "local_entrusted_capital"),
    ("cue-after:vốn ủy thác", "-", "vi", V + "Tỉnh có [[50 hộ|households]] vốn ủy thác.", None),
    # outstanding_loans
    ("cue:outstanding [policy] [credit] loans", "+", "en", E + "Total policy outstanding loans aside, outstanding policy loans reached [[VND 11,000 billion|VND]].", "outstanding_loans"),
    ("cue:outstanding [policy] [credit] loans", "-", "en", E + "Nearly [[90%|%]] of total outstanding loans go to rural areas.", None),
    ("cue:outstanding loan", "+", "en", E + "The outstanding loan balance per household is high; the outstanding loan reached [[VND 9,000 billion|VND]].", "outstanding_loans"),
    ("cue:outstanding loan", "-", "en", E + "Each outstanding loan averages [[VND 40 million/household|VND/household]].", None),
    ("cue:outstanding debt", "+", "en", E + "Raising the outstanding debt to [[VND 13,612 billion|VND]].", "outstanding_loans"),
    ("cue:outstanding debt", "-", "en", E + "The overdue share of outstanding debt is [[0.1%|%]].", None),
    ("cue:total outstanding [loans|debt|balance]", "+", "en", E + "Raising the total outstanding debt to [[VND 13,612 billion|VND]].", "outstanding_loans"),
    ("cue:total outstanding [loans|debt|balance]", "-", "en", E + "Overdue debt was [[0.2%|%]] of total outstanding.", "overdue_debt_rate"),
    ("cue:outstanding [policy] [credit] balance", "+", "en", E + "The outstanding policy credit balance has reached [[VND 13,357 billion|VND]].", "outstanding_loans"),
    ("cue:outstanding [policy] [credit] balance", "-", "en", E + "The outstanding policy credit balance covers [[129 communes|communes]].", None),
    ("cue:credit balance", "+", "en", E + "The credit balance stood at [[VND 7,000 billion|VND]].", "outstanding_loans"),
    ("cue:credit balance", "-", "en", E + "The credit balance grew in [[129 communes|communes]].", None),
    ("cue:outstanding [policy] credit", "+", "en", E + "Outstanding policy credit reaches [[nearly VND 11,000 billion|VND]].", "outstanding_loans"),
    ("cue:outstanding [policy] credit", "-", "en", E + "Outstanding policy credit helped [[4,200 households|households]] escape poverty.", "households_escaped_poverty"),
    ("cue:tổng dư nợ", "+", "vi", V + "Tổng dư nợ đạt [[14.205 tỷ đồng|VND]].", "outstanding_loans"),
    ("cue:tổng dư nợ", "-", "vi", V + "Nợ quá hạn chỉ chiếm [[0,06%|%]] tổng dư nợ.", "overdue_debt_rate"),
    ("cue:dư nợ", "+", "vi", V + "Dư nợ đạt [[3.569 tỷ đồng|VND]].", "outstanding_loans"),
    ("cue:dư nợ", "-", "vi", V + "Gần [[90%|%]] dư nợ đầu tư vào nông thôn.", None),
    ("cue:dư nợ cho vay", "+", "vi", V + "Dư nợ cho vay đạt [[5.000 tỷ đồng|VND]].", "outstanding_loans"),
    ("cue:dư nợ cho vay", "-", "vi", V + "Doanh số cho vay đạt [[5.000 tỷ đồng|VND]].", "lending_turnover"),
    ("cue:dư nợ tăng", "+", "vi", V + "Dư nợ tăng lên [[5.000 tỷ đồng|VND]].", "outstanding_loans"),
    ("cue:dư nợ tăng", "-", "vi", V + "Dư nợ giảm còn [[5.000 tỷ đồng|VND]].", "outstanding_loans"),
    # lending_turnover and borrowers_reached
    ("cue:lending turnover", "+", "en", E + "The total lending turnover has reached [[VND 27,706 billion|VND]].", "lending_turnover"),
    ("cue:lending turnover", "-", "en", E + "Debt collection turnover reached [[VND 20,550 billion|VND]] (accounting for [[*74.2%|%]] of lending turnover).", None),
    ("cue:disbursed", "+", "en", E + "The whole province has disbursed [[VND 3,843 billion|VND]] to [[*more than 56,600 customers|customers]].", "borrowers_reached"),
    ("cue:disbursed", "-", "en", E + "Loans will be disbursed soon; overdue debt was [[0.1%|%]].", "overdue_debt_rate"),
    ("cue:disburse", "+", "en", E + "The branch plans to disburse [[VND 3,000 billion|VND]].", "lending_turnover"),
    ("cue:disburse", "-", "en", E + "To disburse faster, the branch opened [[21 transaction offices|transaction offices]].", "transaction_offices"),
    ("cue:disbursement", "+", "en", E + "Disbursement reached [[VND 1,200 billion|VND]].", "lending_turnover"),
    ("cue:disbursement", "-", "en", E + "Disbursement was fast and debt collection reached [[VND 1,000 billion|VND]].", "debt_collection_turnover"),
    ("cue:lent", "+", "en", E + "The branch lent [[VND 5,320 billion|VND]] to [[*120,000 customers|customers]].", "borrowers_reached"),
    ("cue:lent", "-", "en", E + "The branch lent money and overdue debt fell to [[0.2%|%]].", "overdue_debt_rate"),
    ("cue:loans worth", "+", "en", E + "Borrowers received loans worth [[VND 700 billion|VND]].", "lending_turnover"),
    ("cue:loans worth", "-", "en", E + "Loans worth a lot; outstanding loans reached [[VND 700 billion|VND]].", "outstanding_loans"),
    ("cue:provided loans", "+", "en", E + "The bank provided loans of [[VND 900 billion|VND]].", "lending_turnover"),
    ("cue:provided loans", "-", "en", E + "The bank provided loans; debt collection reached [[VND 900 billion|VND]].", "debt_collection_turnover"),
    ("cue:provided capital to", "+", "en", E + "Preferential credit capital has provided capital to [[742,060 poor households|households]].", "borrowers_reached"),
    ("cue:provided capital to", "-", "en", E + "Preferential credit capital has provided capital to [[129 communes|communes]].", None),
    ("cue:provided loans to", "+", "en", E + "The bank provided loans to [[45,000 borrowers|borrowers]].", "borrowers_reached"),
    ("cue:provided loans to", "-", "en", E + "The bank provided loans to [[450 projects|projects]].", None),
    ("cue:doanh số cho vay", "+", "vi", V + "Doanh số cho vay đạt [[38.512 tỷ đồng|VND]] với [[*hơn 1,1 triệu lượt|turns]].", "borrowers_reached"),
    ("cue:doanh số cho vay", "-", "vi", V + "Doanh số thu nợ đạt [[27.140 tỷ đồng|VND]].", "debt_collection_turnover"),
    ("cue:giải ngân", "+", "vi", V + "Chi nhánh giải ngân [[187 tỷ đồng|VND]] cho [[*3.702 lượt khách hàng|turns]].", "borrowers_reached"),
    ("cue:giải ngân", "-", "vi", V + "Sau khi giải ngân, tỷ lệ nợ quá hạn là [[0,1%|%]].", "overdue_debt_rate"),
    ("cue:cho vay", "+", "vi", V + "Chi nhánh đã cho vay [[500 tỷ đồng|VND]].", "lending_turnover"),
    ("cue:cho vay", "-", "vi", V + "Dư nợ cho vay đạt [[500 tỷ đồng|VND]].", "outstanding_loans"),
    ("cue-after:accessed loans", "+", "en", E + "In 2024, [[52,300 customers|customers]] accessed loans.", "borrowers_reached"),
    ("cue-after:accessed loans", "-", "en", E + "In 2024, [[52 communes|communes]] accessed loans.", None),
    ("cue-after:received loans", "+", "en", E + "In total [[38,175 households|households]] received loans.", "borrowers_reached"),
    ("cue-after:received loans", "-", "en", E + "In total [[38 schools|schools]] received loans.", None),
    ("cue-after:receiving loans", "+", "en", E + "Lending reached VND 1,326 billion with [[38,175 customer turns|turns]] receiving loans.", "borrowers_reached"),
    ("cue-after:receiving loans", "-", "en", E + "With [[38,175 customers|customers]]; many more are receiving loans.", None),
    ("cue-after:to access loans", "+", "en", E + "Helping [[33,740 turns|turns]] of poor households to access loans.", "borrowers_reached"),
    ("cue-after:to access loans", "-", "en", E + "Helping [[33,740 turns|turns]] of poor households, near-poor households and others to access loans.", None),
    ("cue-after:borrowed capital", "+", "en", E + "Last year [[12,000 households|households]] borrowed capital.", "borrowers_reached"),
    ("cue-after:borrowed capital", "-", "en", E + "Last year [[12 villages|villages]] borrowed capital.", None),
    ("cue-after:được vay vốn", "+", "vi", V + "Có [[1,1 triệu lượt hộ|turns]] được vay vốn.", "borrowers_reached"),
    ("cue-after:được vay vốn", "-", "vi", V + "Có [[129 xã|communes]] được vay vốn.", None),
    ("cue-after:vay vốn", "+", "vi", V + "Có [[92,5 nghìn lượt khách hàng|turns]] vay vốn.", "borrowers_reached"),
    ("cue-after:vay vốn", "-", "vi", V + "Có [[92 thôn|villages]] vay vốn.", None),
    # debt_collection_turnover
    ("cue:debt collection turnover", "+", "en", E + "Debt collection turnover has reached [[VND 20,550 billion|VND]].", "debt_collection_turnover"),
    ("cue:debt collection turnover", "-", "en", E + "It reached [[74.2%|%]] of debt collection turnover.", None),
    ("cue:debt collection", "+", "en", E + "Debt collection reached [[VND 1,114 billion|VND]].", "debt_collection_turnover"),
    ("cue:debt collection", "-", "en", E + "Debt collection improved and [[8,612 savings and loan groups|savings and loan groups]] helped.", "savings_loan_groups"),
    ("cue:recovered", "+", "en", E + "The province recovered [[VND 2,888 billion|VND]].", "debt_collection_turnover"),
    ("cue:recovered", "-", "en", E + "Recovered from floods, [[3,215 households|households]] escaped poverty.", "households_escaped_poverty"),
    ("cue:collected", "+", "en", E + "The bank collected [[VND 900 billion|VND]] in repayments.", "debt_collection_turnover"),
    ("cue:collected", "-", "en", E + "Data collected show overdue debt of [[0.2%|%]].", "overdue_debt_rate"),
    ("cue:doanh số thu nợ", "+", "vi", V + "Doanh số thu nợ đạt [[27.140 tỷ đồng|VND]].", "debt_collection_turnover"),
    ("cue:doanh số thu nợ", "-", "vi", V + "Doanh số thu nợ tăng, có [[7.125 Tổ TK&VV|savings and loan groups]].", "savings_loan_groups"),
    ("cue:thu nợ", "+", "vi", V + "Chi nhánh thu nợ [[2.930 tỷ đồng|VND]].", "debt_collection_turnover"),
    ("cue:thu nợ", "-", "vi", V + "Thu nợ tốt nên nợ quá hạn chỉ [[0,1%|%]].", "overdue_debt_rate"),
    ("cue:thu hồi nợ", "+", "vi", V + "Chi nhánh thu hồi nợ [[300 tỷ đồng|VND]].", "debt_collection_turnover"),
    ("cue:thu hồi nợ", "-", "vi", V + "Thu hồi nợ giúp [[300 hộ|households]] thoát nghèo.", "households_escaped_poverty"),
    # overdue_debt and overdue_debt_rate
    ("cue:overdue debt", "+", "en", E + "Overdue debt decreased to [[VND 18.4 billion|VND]], or [[*0.17%|%]].", "overdue_debt_rate"),
    ("cue:overdue debt", "-", "en", E + "Overdue debt fell; total capital reached [[VND 9,000 billion|VND]].", "total_capital"),
    ("cue:overdue debts", "+", "en", E + "Overdue debts were [[VND 12 billion|VND]].", "overdue_debt"),
    ("cue:overdue debts", "-", "en", E + "Overdue debts fell in [[129 communes|communes]].", None),
    ("cue:overdue debt rate", "+", "en", E + "Credit quality is guaranteed with an overdue debt rate of [[only 0.14%|%]].", "overdue_debt_rate"),
    ("cue:overdue debt rate", "-", "en", E + "The overdue debt rate fell, and [[6,213 savings and loan groups|savings and loan groups]] work well.", "savings_loan_groups"),
    ("cue:overdue debt ratio", "+", "en", E + "The overdue debt ratio is below [[0.35%|%]].", "overdue_debt_rate"),
    ("cue:overdue debt ratio", "-", "en", E + "The overdue debt ratio fell as lending reached [[VND 9,000 billion|VND]].", "lending_turnover"),
    ("cue:overdue [debt|debts|loans] accounted for", "+", "en", E + "Overdue loans accounted for [[0.39%|%]] of total outstanding loans.", "overdue_debt_rate"),
    ("cue:overdue [debt|debts|loans] accounted for", "-", "en", E + "Overdue loans accounted for little; disbursement reached [[VND 50 billion|VND]].", "lending_turnover"),
    ("cue:tỷ lệ nợ quá hạn", "+", "vi", V + "Tỷ lệ nợ quá hạn chỉ còn [[0,09%|%]].", "overdue_debt_rate"),
    ("cue:tỷ lệ nợ quá hạn", "-", "vi", V + "Tỷ lệ nợ quá hạn thấp, tổng dư nợ đạt [[7.618 tỷ đồng|VND]].", "outstanding_loans"),
    ("cue:nợ quá hạn chiếm", "+", "vi", V + "Nợ quá hạn chiếm [[0,06%|%]] tổng dư nợ.", "overdue_debt_rate"),
    ("cue:nợ quá hạn chiếm", "-", "vi", V + "Nợ quá hạn chiếm tỷ lệ nhỏ; cả tỉnh có [[26 phòng giao dịch|transaction offices]].", "transaction_offices"),
    ("cue:nợ quá hạn", "+", "vi", V + "Nợ quá hạn còn [[18,4 tỷ đồng|VND]], chiếm [[*0,17%|%]].", "overdue_debt_rate"),
    ("cue:nợ quá hạn", "-", "vi", V + "Nợ quá hạn giảm ở [[30 xã|communes]].", None),
    # frozen_debt_rate
    ("cue:debt suspension rate", "+", "en", E + "The debt suspension rate of [[0.02%|%]] is low.", "frozen_debt_rate"),
    ("cue:debt suspension rate", "-", "en", E + "The debt suspension rate is low in [[129 communes|communes]].", None),
    ("cue:frozen debt", "+", "en", E + "Frozen debt accounted for [[0.05%|%]].", "frozen_debt_rate"),
    ("cue:frozen debt", "-", "en", E + "Frozen debt was settled for [[500 households|households]].", None),
    ("cue:frozen debts", "+", "en", E + "Frozen debts were [[0.03%|%]] of loans.", "frozen_debt_rate"),
    ("cue:frozen debts", "-", "en", E + "Frozen debts were written off in [[3 districts|districts]].", None),
    ("cue:nợ khoanh", "+", "vi", V + "Nợ khoanh chiếm [[0,02%|%]].", "frozen_debt_rate"),
    ("cue:nợ khoanh", "-", "vi", V + "Nợ khoanh được xử lý cho [[50 hộ|households]].", None),
    ("cue:tỷ lệ nợ khoanh", "+", "vi", V + "Tỷ lệ nợ khoanh là [[0,03%|%]].", "frozen_debt_rate"),
    ("cue:tỷ lệ nợ khoanh", "-", "vi", V + "Tỷ lệ nợ khoanh thấp ở [[12 xã|communes]].", None),
    # outstanding_growth_rate
    ("cue:outstanding loan growth", "+", "en", E + "Outstanding loan growth was [[8.5%|%]] this year.", "outstanding_growth_rate"),
    ("cue:outstanding loan growth", "-", "en", E + "Outstanding loan growth was strong; loans reached [[VND 500 billion|VND]] in value.", None),
    ("cue:credit growth", "+", "en", E + "Credit growth reached [[9%|%]].", "outstanding_growth_rate"),
    ("cue:credit growth", "-", "en", E + "Credit growth helped [[200 households|households]] escape poverty.", "households_escaped_poverty"),
    ("cue:growth rate", "+", "en", E + "Outstanding loans grew, a growth rate of [[6.41%|%]].", "outstanding_growth_rate"),
    ("cue:growth rate", "-", "en", E + "The growth rate helped [[200 households|households]] escape poverty.", "households_escaped_poverty"),
    ("cue:increase outstanding loans by", "+", "en", E + "In 2019 the branch strives to increase outstanding loans by [[about 8%|%]].", "outstanding_growth_rate"),
    ("cue:increase outstanding loans by", "-", "en", E + "To increase outstanding loans by much, it lent [[VND 900 billion|VND]].", "lending_turnover"),
    ("cue:outstanding [policy] [credit] loans grew by", "+", "en", E + "Outstanding policy loans grew by [[9.6%|%]] in 2018.", "outstanding_growth_rate"),
    ("cue:outstanding [policy] [credit] loans grew by", "-", "en", E + "Outstanding policy loans reached [[VND 9,600 billion|VND]] in 2018.", "outstanding_loans"),
    ("cue:tốc độ tăng trưởng", "+", "vi", V + "Tổng dư nợ tăng mạnh, tốc độ tăng trưởng [[6,41%|%]].", "outstanding_growth_rate"),
    ("cue:tốc độ tăng trưởng", "-", "vi", V + "Tốc độ tăng trưởng cao, giúp [[200 hộ|households]] thoát nghèo.", "households_escaped_poverty"),
    ("cue:tăng trưởng dư nợ", "+", "vi", V + "Tăng trưởng dư nợ đạt [[9,6%|%]].", "outstanding_growth_rate"),
    ("cue:tăng trưởng dư nợ", "-", "vi", V + "Tăng trưởng dư nợ tốt; nợ quá hạn [[0,1%|%]].", "overdue_debt_rate"),
    ("cue:dư nợ tăng", "+", "vi", V + "Dư nợ tăng [[8%|%]].", "outstanding_growth_rate"),
    # borrowers_outstanding
    ("cue:outstanding debt", "+", "en", E + "The outstanding debt is held by [[118,000 customers|customers]].", "borrowers_outstanding"),
    ("cue:tổng dư nợ", "+", "vi", V + "Tổng dư nợ 3.569 tỷ đồng/[[85.579 khách hàng|customers]].", "borrowers_outstanding"),
    ("cue-after:still having outstanding loans", "+", "en", E + "With [[234,414 poor households|households]] and other policy beneficiaries still having outstanding loans.", "borrowers_outstanding"),
    ("cue-after:still having outstanding loans", "-", "en", E + "With [[234 communes|communes]] still having outstanding loans.", None),
    ("cue-after:having outstanding loans", "+", "en", E + "There are [[200,000 households|households]] having outstanding loans.", "borrowers_outstanding"),
    ("cue-after:having outstanding loans", "-", "en", E + "There are [[200 villages|villages]] having outstanding loans.", None),
    ("cue-after:with outstanding loans", "+", "en", E + "It counts [[150,000 customers|customers]] with outstanding loans.", "borrowers_outstanding"),
    ("cue-after:with outstanding loans", "-", "en", E + "It counts [[150 programmes|programmes]] with outstanding loans.", None),
    ("cue-after:still having loans", "+", "en", E + "It counts [[150,000 households|households]] still having loans.", "borrowers_outstanding"),
    ("cue-after:still having loans", "-", "en", E + "It counts [[15 schools|schools]] still having loans.", None),
    ("cue-after:are enjoying [this|the] preferential [capital|credit|loans]", "+", "en", E + "More than [[213,000 poor households|households]] and policy beneficiaries are enjoying this preferential capital source.", "borrowers_outstanding"),
    ("cue-after:are enjoying [this|the] preferential [capital|credit|loans]", "-", "en", E + "More than [[213 villages|villages]] are enjoying this preferential capital source.", None),
    ("cue-after:còn dư nợ", "+", "vi", V + "Với [[263.418 khách hàng|customers]] còn dư nợ.", "borrowers_outstanding"),
    ("cue-after:còn dư nợ", "-", "vi", V + "Với [[26 xã|communes]] còn dư nợ.", None),
    ("cue-after:đang vay vốn", "+", "vi", V + "Có [[176.940 hộ|households]] đang vay vốn.", "borrowers_outstanding"),
    ("cue-after:đang vay vốn", "-", "vi", V + "Có [[176 thôn|villages]] đang vay vốn.", None),
    ("cue-after:đang được thụ hưởng", "+", "vi", V + "Hơn [[213.000 hộ|households]] đang được thụ hưởng nguồn vốn.", "borrowers_outstanding"),
    ("cue-after:đang được thụ hưởng", "-", "vi", V + "Hơn [[213 xã|communes]] đang được thụ hưởng nguồn vốn.", None),
    # counted nouns
    ("unit:savings and loan groups", "+", "en", E + "The whole province has [[6,213 savings and loan groups|savings and loan groups]].", "savings_loan_groups"),
    ("unit:savings and loan groups", "-", "en", E + "The whole province has [[84 district-level associations|associations]].", None),
    ("unit:transaction points", "+", "en", E + "Ninh Binh maintains [[397 transaction points|transaction points]] in communes.", "transaction_points"),
    ("unit:transaction points", "-", "en", E + "Transaction points serve [[129 communes|communes]].", None),
    ("unit:transaction offices", "+", "en", E + "Ninh Binh maintains [[21 transaction offices|transaction offices]].", "transaction_offices"),
    ("unit:transaction offices", "-", "en", E + "Transaction offices employ [[358 professional staff|staff]].", None),
    ("unit:jobs", "+", "en", E + "Loans created [[5,000 jobs|jobs]].", "jobs_created"),
    ("unit:jobs", "-", "en", E + "Loans created [[5,000 workers|workers]] a future.", None),
    ("unit:students", "+", "vi", V + "Giúp [[43.600 HSSV|students]] có hoàn cảnh khó khăn được vay vốn học tập.", "students_supported"),
    ("unit:students", "-", "vi", V + "Giúp [[43 trường|schools]] có hoàn cảnh khó khăn.", None),
    ("unit:houses", "+", "vi", V + "Xây dựng, sửa chữa [[xấp xỉ 45 nghìn căn nhà|houses]].", "houses_supported"),
    ("unit:houses", "-", "vi", V + "Xây dựng [[45 nghìn công trình|works]] chuồng trại.", None),
    # jobs_created
    ("cue:creating jobs for", "+", "en", E + "Loans helped, creating jobs for [[9,000 workers|workers]].", "jobs_created"),
    ("cue:creating jobs for", "-", "en", E + "Creating jobs for all, the bank opened [[21 transaction offices|transaction offices]].", "transaction_offices"),
    ("cue:created jobs for", "+", "en", E + "The loans created jobs for [[11,240 workers|workers]].", "jobs_created"),
    ("cue:created jobs for", "-", "en", E + "The loans created jobs for [[11 villages|villages]].", None),
    ("cue:create jobs for", "+", "en", E + "Loans helped create jobs for [[3,000 labourers|labourers]].", "jobs_created"),
    ("cue:create jobs for", "-", "en", E + "Loans helped create jobs for [[3 districts|districts]].", None),
    ("cue:created [and|or] maintained jobs for", "+", "en", E + "Loans created and maintained jobs for [[21,000 workers|workers]].", "jobs_created"),
    ("cue:created [and|or] maintained jobs for", "-", "en", E + "Loans created and maintained jobs for [[21 cooperatives|cooperatives]].", None),
    ("cue:creating [and|or] maintaining jobs for", "+", "en", E + "Creating and maintaining jobs for [[2,000 people|people]].", "jobs_created"),
    ("cue:creating [and|or] maintaining jobs for", "-", "en", E + "Creating and maintaining jobs for [[20 villages|villages]].", None),
    ("cue:tạo việc làm cho", "+", "vi", V + "Tạo việc làm cho [[gần 120 nghìn lao động|workers]].", "jobs_created"),
    ("cue:tạo việc làm cho", "-", "vi", V + "Tạo việc làm cho [[120 xã|communes]].", None),
    ("cue:giải quyết việc làm cho", "+", "vi", V + "Giải quyết việc làm cho [[2.000 lao động|workers]].", "jobs_created"),
    ("cue:giải quyết việc làm cho", "-", "vi", V + "Giải quyết việc làm cho [[20 thôn|villages]].", None),
    ("cue:tạo việc làm", "+", "vi", V + "Vốn vay tạo việc làm mới cho [[41.250 lao động|workers]].", "jobs_created"),
    ("cue:tạo việc làm", "-", "vi", V + "Vốn vay tạo việc làm ở [[41 xã|communes]].", None),
    # households_escaped_poverty
    ("cue-after:escaped poverty", "+", "en", E + "Since then, [[86,000 households|households]] escaped poverty.", "households_escaped_poverty"),
    ("cue-after:escaped poverty", "-", "en", E + "Since then, [[86 villages|villages]] escaped poverty.", None),
    ("cue-after:escape poverty", "+", "en", E + "Loans helped [[3,215 households|households]] escape poverty.", "households_escaped_poverty"),
    ("cue-after:escape poverty", "-", "en", E + "Loans helped [[3 districts|districts]] escape poverty.", None),
    ("cue-after:out of poverty", "+", "en", E + "Loans lifted [[5,000 households|households]] out of poverty.", "households_escaped_poverty"),
    ("cue-after:out of poverty", "-", "en", E + "Loans lifted [[5 communes|communes]] out of poverty.", None),
    ("cue-after:thoát nghèo", "+", "vi", V + "Giúp [[2.318 hộ|households]] thoát nghèo.", "households_escaped_poverty"),
    ("cue-after:thoát nghèo", "-", "vi", V + "Giúp [[23 xã|communes]] thoát nghèo.", None),
    ("cue-after:vượt qua ngưỡng nghèo", "+", "vi", V + "Giúp hơn [[86 nghìn hộ|households]] vượt qua ngưỡng nghèo.", "households_escaped_poverty"),
    ("cue-after:vượt qua ngưỡng nghèo", "-", "vi", V + "Giúp [[86 thôn|villages]] vượt qua ngưỡng nghèo.", None),
    ("cue-after:vượt ngưỡng nghèo", "+", "vi", V + "Có [[1.200 hộ|households]] vượt ngưỡng nghèo.", "households_escaped_poverty"),
    ("cue-after:vượt ngưỡng nghèo", "-", "vi", V + "Có [[12 bản|villages]] vượt ngưỡng nghèo.", None),
    # water_sanitation_works
    ("cue-after:clean water", "+", "en", E + "Loans built [[14,620 clean water and rural sanitation works|works]].", "water_sanitation_works"),
    ("cue-after:clean water", "-", "en", E + "Loans built [[14,620 houses|houses]] with clean water.", "houses_supported"),
    ("cue-after:sanitation", "+", "en", E + "Loans built [[2,000 works|works]] for sanitation.", "water_sanitation_works"),
    ("cue-after:sanitation", "-", "en", E + "Loans built [[2,000 works|works]], and sanitation improved elsewhere, far from the works.", None),
    ("cue-after:nước sạch", "+", "vi", V + "Xây dựng [[310 nghìn công trình|works]] nước sạch.", "water_sanitation_works"),
    ("cue-after:nước sạch", "-", "vi", V + "Xây dựng [[310 công trình|works]] giao thông.", None),
    ("cue-after:vệ sinh môi trường", "+", "vi", V + "Xây dựng [[5.000 công trình|works]] vệ sinh môi trường.", "water_sanitation_works"),
    ("cue-after:vệ sinh môi trường", "-", "vi", V + "Có [[5.000 hộ|households]] vệ sinh môi trường tốt.", None),
    # guest_workers
    ("cue:work abroad", "+", "en", E + "Loans to work abroad reached [[1,200 workers|workers]].", "guest_workers"),
    ("cue:work abroad", "-", "en", E + "Loans to work abroad helped [[12 communes|communes]].", None),
    ("cue:working abroad", "+", "en", E + "Loans for working abroad went to [[300 labourers|labourers]].", "guest_workers"),
    ("cue:working abroad", "-", "en", E + "Loans for working abroad went to [[3 districts|districts]].", None),
    ("cue:xuất khẩu lao động", "+", "vi", V + "Cho vay xuất khẩu lao động với [[500 lao động|workers]].", "guest_workers"),
    ("cue:xuất khẩu lao động", "-", "vi", V + "Cho vay xuất khẩu lao động ở [[5 huyện|districts]].", None),
    ("cue:làm việc ở nước ngoài", "+", "vi", V + "Cho vay làm việc ở nước ngoài với [[200 người|people]].", "guest_workers"),
    ("cue:làm việc ở nước ngoài", "-", "vi", V + "Cho vay làm việc ở nước ngoài tại [[2 xã|communes]].", None),
    ("cue-after:to work abroad", "+", "en", E + "Loans helped [[1,500 workers|workers]] to work abroad.", "guest_workers"),
    ("cue-after:to work abroad", "-", "en", E + "Loans helped [[15 communes|communes]] to work abroad.", None),
    ("cue-after:go to work abroad", "+", "en", E + "Loans helped [[27 workers|workers]] go to work abroad under contracts.", "guest_workers"),
    ("cue-after:go to work abroad", "-", "en", E + "Loans helped [[27 villages|villages]] go to work abroad.", None),
    ("cue-after:went abroad", "+", "en", E + "Last year [[400 workers|workers]] went abroad on loans.", "guest_workers"),
    ("cue-after:went abroad", "-", "en", E + "Last year [[400 students|students]] went abroad on loans.", "students_supported"),
    ("cue-after:đi làm việc ở nước ngoài", "+", "vi", V + "Giúp [[350 lao động|workers]] đi làm việc ở nước ngoài.", "guest_workers"),
    ("cue-after:đi làm việc ở nước ngoài", "-", "vi", V + "Giúp [[35 xã|communes]] đi làm việc ở nước ngoài.", None),
    ("cue-after:đi xuất khẩu lao động", "+", "vi", V + "Có [[120 người|people]] đi xuất khẩu lao động.", "guest_workers"),
    ("cue-after:đi xuất khẩu lao động", "-", "vi", V + "Có [[12 thôn|villages]] đi xuất khẩu lao động.", None),
]


CUES += [
    ("cue:policy credit capital", "+", "en", E + "Policy credit capital in Nghe An amounted to [[just over 6,200 billion VND|VND]].", "total_capital"),
    ("cue:policy credit capital", "-", "en", E + "Policy credit capital reached [[129 communes|communes]].", None),
    ("cue:entrusted", "+", "en", E + "The district budgets entrusted an additional [[VND 184 billion|VND]].", "local_entrusted_capital"),
    ("cue:entrusted", "-", "en", E + "Associations entrusted by the bank manage [[7,897 savings and loan groups|savings and loan groups]].", "savings_loan_groups"),
    ("cue:channelled", "+", "en", E + "The bank has channelled [[hundreds of trillions of VND|VND]] to the poor.", "lending_turnover"),
    ("cue:channelled", "-", "en", E + "The bank channelled loans; overdue debt was [[0.3%|%]].", "overdue_debt_rate"),
    ("cue:loans of", "+", "en", E + "In the first 6 months alone, loans of [[VND 612 billion|VND]] went to [[*27.5 thousand turns|turns]] of customers.", "borrowers_reached"),
    ("cue:loans of", "-", "en", E + "The branch reached total outstanding loans of [[VND 2,420 billion|VND]].", "outstanding_loans"),
    ("cue:total outstanding [loans|debt|balance]", "-", "en", E + "Total outstanding loans of the programmes cover [[129 communes|communes]].", None),
    ("cue:grow outstanding loans by", "+", "en", E + "For 2023, the VBSP plans to grow outstanding loans by [[about 10%|%]].", "outstanding_growth_rate"),
    ("cue:grow outstanding loans by", "-", "en", E + "To grow outstanding loans by much, the bank lent [[VND 9,000 billion|VND]].", "lending_turnover"),
    ("cue:outstanding loans will grow by", "+", "en", E + "The plan says outstanding loans will grow by [[8%|%]] per year.", "outstanding_growth_rate"),
    ("cue:outstanding loans will grow by", "-", "en", E + "The plan says outstanding loans will reach [[VND 8,000 billion|VND]].", "outstanding_loans"),
    ("cue-after:still [have|had|hold|holds|holding] [outstanding] loans", "+", "en", E + "At the end of June [[234,414 households|households]] still had loans.", "borrowers_outstanding"),
    ("cue-after:still [have|had|hold|holds|holding] [outstanding] loans", "-", "en", E + "At the end of June [[234 communes|communes]] still had loans.", None),
    ("cue-after:still [have|had|hold|holds|holding] [outstanding] loans", "+", "en", E + "Nearly [[250 thousand households|households]] still hold loans.", "borrowers_outstanding"),
    ("cue-after:borrowed from the bank", "+", "en", E + "During the decade [[742,060 poor households|households]] borrowed from the bank.", "borrowers_reached"),
    ("cue-after:borrowed from the bank", "-", "en", E + "During the decade [[742 cooperatives|cooperatives]] borrowed from the bank.", None),
    ("cue-after:found or kept jobs", "+", "en", E + "Over [[345,000 labourers|labourers]] found or kept jobs.", "jobs_created"),
    ("cue-after:found or kept jobs", "-", "en", E + "Over [[345 villages|villages]] found or kept jobs.", None),
    ("cue-after:found jobs", "+", "en", E + "Thanks to loans [[12,000 workers|workers]] found jobs.", "jobs_created"),
    ("cue-after:found jobs", "-", "en", E + "Thanks to loans [[12 cooperatives|cooperatives]] found jobs.", None),
    ("cue-after:borrowed", "+", "en", E + "Some [[1.2 million poor households|households]] borrowed last year.", "borrowers_reached"),
    ("cue-after:borrowed", "-", "en", E + "Some [[120 communes|communes]] borrowed equipment.", None),
    ("cue:lending reached", "+", "en", E + "Total lending reached [[VND 9,000 billion|VND]] last year.", "lending_turnover"),
    ("cue:lending reached", "-", "en", E + "Lending reached [[12 communes|communes]] in the mountains.", None),
    ("cue:lending totalled", "+", "en", E + "Last year lending totalled [[VND 9,000 billion|VND]].", "lending_turnover"),
    ("cue:lending totalled", "-", "en", E + "Last year lending totalled [[12 communes|communes]].", None),
    ("cue:lending totaled", "+", "en", E + "Last year lending totaled [[VND 9,000 billion|VND]].", "lending_turnover"),
    ("cue:lending totaled", "-", "en", E + "Last year lending totaled [[12 communes|communes]].", None),
    ("cue:lending in", "+", "en", E + "Lending in 2025 totalled [[VND 120 trillion|VND]].", "lending_turnover"),
    ("cue:lending in", "-", "en", E + "Lending in 2025 covered [[120 communes|communes]].", None),
    ("cue-after:was collected", "+", "en", E + "In the first half, [[1,980 billion VND|VND]] was collected.", "debt_collection_turnover"),
    ("cue-after:was collected", "-", "en", E + "In the first half, [[198 communes|communes]] was collected into one list.", None),
    ("cue-after:were collected", "+", "en", E + "Last year [[VND 980 billion|VND]] were collected from borrowers.", "debt_collection_turnover"),
    ("cue-after:were collected", "-", "en", E + "Last year [[98 villages|villages]] were collected in a survey.", None),
    ("cue-after:was recovered", "+", "en", E + "By June, [[VND 120 billion|VND]] was recovered.", "debt_collection_turnover"),
    ("cue-after:was recovered", "-", "en", E + "By June, [[12 cooperatives|cooperatives]] was recovered from floods.", None),
    ("cue-after:were recovered", "+", "en", E + "By June, [[VND 120 billion|VND]] were recovered from overdue loans.", "debt_collection_turnover"),
    ("cue-after:were recovered", "-", "en", E + "By June, [[12 villages|villages]] were recovered from floods.", None),
    ("cue-after:was lent", "+", "en", E + "In 2023, [[VND 1,700 billion|VND]] was lent to poor households.", "lending_turnover"),
    ("cue-after:was lent", "-", "en", E + "In 2023, [[1,700 households|households]] was lent a hand by the union.", None),
    ("cue-after:were lent", "+", "en", E + "Last year [[VND 950 billion|VND]] were lent to 20,000 customers.", "lending_turnover"),
    ("cue-after:were lent", "-", "en", E + "Last year [[20 communes|communes]] were lent equipment.", None),
    ("cue-after:was disbursed", "+", "en", E + "In the first half, [[VND 1,200 billion|VND]] was disbursed.", "lending_turnover"),
    ("cue-after:was disbursed", "-", "en", E + "In the first half, [[12 villages|villages]] was disbursed aid.", None),
    ("cue-after:were disbursed", "+", "en", E + "Since January [[VND 640 billion|VND]] were disbursed to borrowers.", "lending_turnover"),
    ("cue-after:were disbursed", "-", "en", E + "Since January [[64 cooperatives|cooperatives]] were disbursed grants.", None),
    ("cue-after:find jobs", "+", "en", E + "Loans helped [[12,300 labourers|labourers]] find jobs.", "jobs_created"),
    ("cue-after:find jobs", "-", "en", E + "Loans helped [[123 villages|villages]] find jobs.", None),
    ("cue-after:find or keep jobs", "+", "en", E + "Loans helped [[8,000 workers|workers]] find or keep jobs.", "jobs_created"),
    ("cue-after:find or keep jobs", "-", "en", E + "Loans helped [[80 cooperatives|cooperatives]] find or keep jobs.", None),
    ("cue-after:entrusted from the [local|provincial] budget", "+", "en", E + "The branch received [[VND 50 billion|VND]] entrusted from the local budget.", "local_entrusted_capital"),
    ("cue-after:entrusted from the [local|provincial] budget", "-", "en", E + "The branch serves [[50 communes|communes]] entrusted from the provincial budget.", None),
    ("cue-after:go abroad", "+", "en", E + "Loans helped [[5,600 workers|workers]] go abroad to work.", "guest_workers"),
    ("cue-after:go abroad", "-", "en", E + "Loans helped [[56 students|students]] go abroad to study.", "students_supported"),
    ("cue-after:đi làm việc có thời hạn ở nước ngoài", "+", "vi", V + "Giúp [[27 lao động|workers]] đi làm việc có thời hạn ở nước ngoài.", "guest_workers"),
    ("cue-after:đi làm việc có thời hạn ở nước ngoài", "-", "vi", V + "Giúp [[27 xã|communes]] đi làm việc có thời hạn ở nước ngoài.", None),
]


@pytest.mark.parametrize(("rule", "polarity", "lang", "markup", "expected"), CUES,
                         ids=[f"{r[0]}{r[1]}" for r in CUES])
def test_cue(rule: str, polarity: str, lang: str, markup: str, expected: str | None) -> None:
    obs = observe(markup, lang=lang)
    assert (obs.indicator if obs else None) == expected
    decided_by = obs.rules["indicator"].removesuffix(" (earlier clause)") if obs else None
    if polarity == "+":
        assert decided_by == rule
    else:
        assert decided_by != rule


def _rule_ids() -> set[str]:
    data: dict[str, Any] = yaml.safe_load(LEXICON.read_text("utf-8"))
    ids = set()
    for ind in data["indicators"]:
        for position, prefix in (("before", "cue"), ("after", "cue-after")):
            for phrases in (ind.get(position) or {}).values():
                ids |= {f"{prefix}:{p}" for p in phrases}
        ids |= {f"unit:{u}" for u in ind.get("counted", [])}
    return ids


def test_every_cue_has_a_positive_and_a_negative_example() -> None:
    """Meta: no cue of rules/indicators.yaml lacks examples, and no example names a stale cue."""
    ids = _rule_ids()
    positive = {r[0] for r in CUES if r[1] == "+"}
    negative = {r[0] for r in CUES if r[1] == "-"}
    assert sorted(ids - positive) == [], "cues without a positive example"
    assert sorted(ids - negative) == [], "cues without a negative example"
    assert sorted((positive | negative) - ids) == [], "examples for cues that no longer exist"


def test_doctests_of_the_lexicon_and_gazetteer() -> None:
    import doctest

    import extractor.link.indicators as lexicon_module
    import extractor.link.provinces as provinces_module
    import extractor.registry.phrases as phrases_module

    for module in (lexicon_module, provinces_module, phrases_module):
        assert doctest.testmod(module).failed == 0
