"""Marker phrases that count only where they open a sentence (``opens: true`` in
rules/linking.yaml): "Of the total, capital from the central budget made up …" opens a breakdown,
"… made up most of the total capital, or …" inside a sentence opens none. Also the blockers a
longer phrase holds (``blockers_not``) and the programme a decree's lead-in names. Sentences are
our own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from extractor.errors import RuleError
from extractor.link.context import _opens_sentence
from extractor.link.rules import load_link_rules, sentence_openers
from extractor.models import Observation
from extractor.registry.bundle import bundled
from helpers.linking import observations_by_value

LINKING = Path(__file__).resolve().parents[1] / "rules" / "linking.yaml"
PUBLISHED = dt.date(2025, 10, 15)


@pytest.mark.parametrize(("text", "pos", "opens"), [
    ("Of the total, …", 0, True),
    ("Loans rose. Of the total, …", 12, True),
    ("Loans rose.\nOf the total, …", 12, True),
    ('Loans rose. "Of the total, …', 13, True),
    ("Loans rose!  (Of the total, …", 14, True),
    ("They made up 6% of the total, …", 17, False),
    ("Loans rose, of the total, …", 12, False),
    (" " * 50 + "Of the total", 50, False),  # spaces beyond the reach: no sentence's start seen
])
def test_a_phrase_opens_a_sentence_after_its_close_or_a_line_break(text: str, pos: int, opens: bool) -> None:
    assert _opens_sentence(text, pos) is opens


def test_the_bundled_openers_are_read_per_language_and_list() -> None:
    openers = sentence_openers(load_link_rules())
    assert "of the total," in openers["en"]["breakdown"]
    assert "trong đó" not in openers["vi"].get("breakdown", frozenset())
    assert bundled().linker.openers == openers


def test_a_bad_opens_value_is_reported_with_its_line(tmp_path: Path) -> None:
    good = LINKING.read_text("utf-8")
    entry = '    - phrase: "of the total,"\n      opens: '
    bad = good.replace(entry + "true\n", entry + "often\n", 1)
    assert bad != good
    path = tmp_path / "linking.yaml"
    path.write_text(bad, "utf-8")
    line = bad[: bad.index("opens: often")].count("\n") + 1
    with pytest.raises(RuleError) as err:
        load_link_rules(path)
    assert any(p.startswith(f"{path}:{line}") for p in err.value.problems), err.value.problems


def _by_value(text: str, lang: str) -> dict[Decimal, Observation]:
    head = "Policy credit in Ninh Thuan\nBy a reporter\n" if lang == "en" else "Tín dụng chính sách ở Cà Mau\nPV\n"
    return observations_by_value(head + text, lang=lang, published=PUBLISHED)


def test_of_the_total_opens_a_breakdown_only_at_a_sentence_s_start() -> None:
    opened = _by_value("Total capital was VND 4,120 billion. Of the total capital, capital from the central "
                       "budget made up VND 3,700 billion.", "en")[Decimal(3_700_000_000_000)]
    assert (opened.indicator, opened.part_of) == ("total_capital", "source"), opened.rules
    inside = _by_value("Total capital was VND 4,120 billion. Funds from the central budget made up most of the "
                       "total capital, or VND 3,700 billion.", "en")[Decimal(3_700_000_000_000)]
    assert not inside.rules["indicator"].startswith("breakdown-of:"), inside.rules
    assert not (inside.rules.get("part") or "").startswith("programme:of the"), inside.rules


def test_mobilised_capital_with_its_interest_made_up_is_a_source_not_a_rate() -> None:
    found = _by_value("Tổng nguồn vốn đạt 9.120 tỷ đồng. Trong đó, nguồn vốn trung ương 8.350 tỷ đồng; nguồn vốn "
                      "huy động tại địa phương được trung ương cấp bù lãi suất 230 tỷ đồng.", "vi")
    item = found[Decimal(230_000_000_000)]
    assert (item.indicator, item.part_of, item.part) == ("total_capital", "source", "nguồn vốn huy động"), item.rules


def test_a_decree_s_lead_in_after_a_programme_s_name_labels_the_programme_with_its_number() -> None:
    found = _by_value("Năm 2025, chương trình cho vay nhà ở xã hội theo Nghị định 100/2024/NĐ-CP đã giải ngân "
                      "245 tỷ đồng cho 310 khách hàng.", "vi")
    lent = found[Decimal(245_000_000_000)]
    assert (lent.indicator, lent.part_of) == ("lending_turnover", "programme"), lent.rules
    assert lent.part == "cho vay nhà ở xã hội theo Nghị định 100/2024/NĐ-CP"
