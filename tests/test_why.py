"""Why an observation is what it is, in words a reader can check against the sentence: the
words of the text that decided it, as the text writes them, never a rule's pattern or id."""

from __future__ import annotations

import re

import pytest

from extractor.evaluation import load_gold
from extractor.pipeline import extract_text
from extractor.resources import rules_dir

GOLD = rules_dir().parent / "corpus" / "gold"
# What only a rule could write: a pattern's optional or alternative words, or a rule id after
# "date: " ("date: since:40-CT/TW").
RULE_SYNTAX = re.compile(r"\[[^\]]*\]|\w\|\w|^date: \S+:")


def why_of(text: str, lang: str, indicator: str) -> dict[str, str]:
    found = [o for o in extract_text(text, lang=lang).observations if o.indicator == indicator]
    assert found, f"no {indicator} observation in {text!r}"
    return found[0].why


@pytest.mark.parametrize(("text", "lang", "indicator", "words"), [
    # The lexicon's cue is "total [policy] [credit] capital [sources|source]".
    ("By June 30, 2024, the total policy credit capital of the Bank for Social Policies in Lao Cai "
     "reached VND 9,215 billion.", "en", "total_capital", "indicator from the words 'total policy credit capital'"),
    ("Đến 31/5/2024, Tổng nguồn vốn của Ngân hàng Chính sách xã hội tỉnh Yên Bái đạt 8.412 tỷ đồng.", "vi",
     "total_capital", "indicator from the words 'Tổng nguồn vốn'"),
    # A counted noun as written, not the unit it is read as ("transaction offices").
    ("Ngân hàng Chính sách xã hội tỉnh Hà Giang có 11 phòng giao dịch cấp huyện.", "vi", "transaction_offices",
     "indicator from the counted noun 'phòng giao dịch'"),
    ("Toàn tỉnh có 182.305 hộ còn dư nợ tại Ngân hàng Chính sách xã hội tỉnh Sơn La.", "vi",
     "borrowers_outstanding", "indicator from the words 'còn dư nợ' after the figure"),
    # The whole an amount is a share of, as written (the lexicon's cue has optional words).
    ("At the Bank for Social Policies in Nghe An, some VND 860 billion went to three upland districts, "
     "accounting for 14% of total outstanding loans.", "en", "outstanding_loans",
     "indicator of the whole it is stated as a share of ('total outstanding loans')"),
], ids=["en cue", "vi cue", "vi counted noun", "vi cue after", "en share of"])
def test_the_indicator_is_explained_by_the_words_of_the_text(text: str, lang: str, indicator: str,
                                                             words: str) -> None:
    assert why_of(text, lang, indicator)["indicator"] == words


def test_a_period_from_a_directive_is_said_in_words() -> None:
    text = ("On August 2, the Ha Tinh Provincial Party Committee reviewed ten years of implementing Directive "
            "No. 40-CT/TW of the Secretariat on social policy credit.\n\nWhen the Secretariat issued Directive "
            "No. 40-CT/TW on November 22, 2014, policy credit capital in Ha Tinh stood at 3,100 billion VND.\n\n"
            "In the ten years, the branch of the Vietnam Bank for Social Policies lent a total of 19,420 billion VND.")
    assert why_of(text, "en", "lending_turnover")["date"] == "date counted from when 40-CT/TW was issued"


def test_no_reason_in_the_gold_corpus_shows_a_rule_pattern_or_id() -> None:
    shown = [(case.name, reason) for case in load_gold(GOLD) if case.format == "text"
             for obs in extract_text(case.text(), lang=case.gold.language).observations
             for reason in obs.why.values() if RULE_SYNTAX.search(reason)]
    assert shown == []


def test_a_present_word_in_an_undated_text_says_why_it_has_no_date() -> None:
    text = ("Bac Kan policy bank news\n\nThe Bank for Social Policies in Bac Kan currently runs "
            "93 transaction points in the province's communes.")
    assert why_of(text, "en", "transaction_points")["date"] == (
        "no date: 'currently' in a text that states no publication date")
