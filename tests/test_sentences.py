"""Sentence boundaries and tokens: legal numbers survive, Vietnamese punctuation is split."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extractor.evaluation import load_gold
from extractor.nlp.sentences import STOP, split
from extractor.nlp.spacy_pipeline import build_nlp
from extractor.registry.bundle import bundled

GOLD = Path(__file__).resolve().parent.parent / "corpus" / "gold"

SENTENCES = [
    ("en", "Implementing Directive No. 40-CT/TW of the Secretariat, the bank grew. It lent more.",
     ["Implementing Directive No. 40-CT/TW of the Secretariat, the bank grew.", "It lent more."]),
    ("en", "Under Decision No. 05/QD-TTg dated January 4, 2023, capital grew. Loans rose.",
     ["Under Decision No. 05/QD-TTg dated January 4, 2023, capital grew.", "Loans rose."]),
    ("en", "Mr. Hieu chaired it.\nThe meeting ended.", ["Mr. Hieu chaired it.", "The meeting ended."]),
    ("vi", "Thực hiện Chỉ thị số 40-CT/TW. Tổng dư nợ đạt 13.374 tỷ đồng. TP. HCM dẫn đầu.",
     ["Thực hiện Chỉ thị số 40-CT/TW.", "Tổng dư nợ đạt 13.374 tỷ đồng.", "TP. HCM dẫn đầu."]),
    # An ellipsis glued to the next sentence ends its own; "etc." ends one before a capital.
    ("en", "Loans went to farms, shops, schools…The branch also lent more.",
     ["Loans went to farms, shops, schools…", "The branch also lent more."]),
    ("en", "Loans went to farms, shops, etc. The branch also lent more.",
     ["Loans went to farms, shops, etc.", "The branch also lent more."]),
    # Not a range written with one ("từ 50…100"), nor a quote that opens with one.
    ("vi", "Mỗi hộ được vay từ 50…100 triệu đồng. Dư nợ tăng.",
     ["Mỗi hộ được vay từ 50…100 triệu đồng.", "Dư nợ tăng."]),
    ("en", 'He said "…Nghe An lent more". Loans rose.', ['He said "…Nghe An lent more".', "Loans rose."]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), SENTENCES)
def test_sentence_boundaries(lang: str, text: str, expected: list[str]) -> None:
    doc = build_nlp(bundled().ruleset(lang))(text)
    assert [s.text.strip() for s in doc.sents] == expected


def test_glued_ellipsis_ends_a_vietnamese_sentence() -> None:
    """The records' sentences (``sentences.split``) end at an ellipsis glued to a capital, though
    the Vietnamese tokenizer keeps "rừng…Chi" one token (the spaCy face snaps to it)."""
    text = "Vốn vay giúp mua bò, trồng rừng…Chi nhánh còn cho vay thêm."
    found = split(text, frozenset(bundled().ruleset("vi").lexicon.abbreviations))
    assert [text[a:b] for a, b in zip(found.starts, found.ends, strict=True)] == [
        "Vốn vay giúp mua bò, trồng rừng…", "Chi nhánh còn cho vay thêm."]


# Wire copy that lost the spaces after its stops: a stop glued to a capital ends a sentence
# after a word in small letters or digits, or a word in capitals before one in small letters;
# not after an abbreviation, an initial or a short place abbreviation, nor inside a number.
GLUED = [
    ("en", "Loans rose in May.The branch lent VND2.8 trillion to 40,000 borrowers.",
     ["Loans rose in May.", "The branch lent VND2.8 trillion to 40,000 borrowers."]),
    ("en", "Debts fell to 0.3 percent.VBSP staff met in 2021.Overdue loans were small (VBSP).The end",
     ["Debts fell to 0.3 percent.", "VBSP staff met in 2021.", "Overdue loans were small (VBSP).", "The end"]),
    ("en", "Bad debt stood at 0.27%.In 2026 the office plans more loans; see item 4.Then",
     ["Bad debt stood at 0.27%.", "In 2026 the office plans more loans; see item 4.Then"]),
    ("en", "Farms, e.g.Rice farms, U.S.Aid and Mr.Lam lent 1.15 million.",
     ["Farms, e.g.Rice farms, U.S.Aid and Mr.Lam lent 1.15 million."]),
    ("vi", "Dư nợ đạt 900 tỷ đồng.Tại tp.Vinh, x.Nghi Phú và TP.HCM vốn tăng theo NHCSXH.Trong đó",
     ["Dư nợ đạt 900 tỷ đồng.", "Tại tp.Vinh, x.Nghi Phú và TP.HCM vốn tăng theo NHCSXH.", "Trong đó"]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), GLUED)
def test_glued_stop_ends_a_sentence(lang: str, text: str, expected: list[str]) -> None:
    found = split(text, frozenset(bundled().ruleset(lang).lexicon.abbreviations))
    assert [text[a:b] for a, b in zip(found.starts, found.ends, strict=True)] == expected


TOKENS = [
    ("en", "Directive No. 40-CT/TW and 1560/QĐ-TTg.", ["Directive", "No", ".", "40-CT/TW", "and", "1560/QĐ-TTg", "."]),
    ("vi", "vay 5 tỷ đồng, theo Chỉ thị 40-CT/TW.",
     ["vay", "5", "tỷ", "đồng", ",", "theo", "Chỉ", "thị", "40-CT/TW", "."]),
    ("vi", "Ngân hàng Chính sách xã hội (NHCSXH) cho vay",
     ["Ngân", "hàng", "Chính", "sách", "xã", "hội", "(", "NHCSXH", ")", "cho", "vay"]),
    ("vi", "Tổ TK&VV đạt 0,14%", ["Tổ", "TK&VV", "đạt", "0,14", "%"]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), TOKENS)
def test_tokens(lang: str, text: str, expected: list[str]) -> None:
    assert [t.text for t in build_nlp(bundled().ruleset(lang))(text)] == expected


READABLE_STOP = re.compile(r"[.!?…]+[\"'”’)\]]*(?:[ \t]+|(?<=…)|(?=[^\W\d_]))|\n\s*")


def test_stop_pattern_finds_what_its_readable_form_finds() -> None:
    """``sentences.STOP`` is written to start with one character class (so ``re`` skips ahead);
    it must find exactly what the plain alternation finds, in every gold text and odd strings."""
    texts = [case.text() for case in load_gold(GOLD)]
    texts += ["a.\n\n b", 'x! "Y', "…  Z", "end.\t\tNext", "a\n", "\n\n\n", "No. 5. Then", "?!.) x",
              "1.5 2. 3", "”. A", "a .\n", "", ".", "a…B", "a….B", "(…)x",
              "rose.The", "e.g.x", "VND2.8", "(A).)B", "a.1"]
    for text in texts:
        assert [m.span() for m in STOP.finditer(text)] == [m.span() for m in READABLE_STOP.finditer(text)]
