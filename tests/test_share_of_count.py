"""A percent stated as a share of a whole it does not name, right after a count, is that count's
share ("86 communes were free of overdue debt, accounting for 41% of the total"), not a rate the cue of
an earlier clause names (``indicator._share_of_count``). Sentences are invented."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from extractor.pipeline import extract_text

HEAD = "Yen Bai policy credit\nBy the end of June 2026, outstanding loans reached VND 5,930 billion. "


def _rates(text: str, lang: str = "en") -> dict[Decimal, str]:
    found = extract_text(text, lang=lang, published=dt.date(2026, 7, 2)).observations
    return {o.value: o.indicator for o in found if o.unit == "%"}


def test_a_share_after_a_count_of_communes_is_no_overdue_rate() -> None:
    text = HEAD + "As many as 86 communes were free of overdue debt, accounting for 41.3 percent of the total.\n"
    assert Decimal("41.3") not in _rates(text)


@pytest.mark.parametrize("tail", [
    "Overdue debts were VND 4.1 billion, accounting for 0.07 percent of the total.",
    # The count a pair binder joins to the amount is the amount's borrowers: the share is the amount's.
    "Overdue debts were VND 4.1 billion with 217 customers, accounting for 0.07 percent of the total.",
])
def test_a_share_after_the_amount_stays_its_rate(tail: str) -> None:
    assert _rates(HEAD + tail + "\n")[Decimal("0.07")] == "overdue_debt_rate"


@pytest.mark.parametrize(("tail", "lang"), [
    # A count of borrowers right after the amount, across a comma or a slash, is the amount's too.
    ("Overdue debts were VND 4.1 billion, involving 217 customers, accounting for 0.07 percent.", "en"),
    ("Nợ quá hạn 4,1 tỷ đồng/217 khách hàng, chiếm 0,07%.", "vi"),
])
def test_borrowers_right_after_the_amount_leave_the_share_its_rate(tail: str, lang: str) -> None:
    head = HEAD if lang == "en" else "Tín dụng chính sách Yên Bái\nĐến 30/6/2026, tổng dư nợ đạt 5.930 tỷ đồng. "
    assert _rates(head + tail + "\n", lang)[Decimal("0.07")] == "overdue_debt_rate"


def test_communes_after_an_amount_keep_their_own_share() -> None:
    text = HEAD + "Overdue debts were VND 4.1 billion, while 86 communes had none, accounting for 41.3 percent.\n"
    assert Decimal("41.3") not in _rates(text)


def test_the_borrower_joiners_are_read_from_the_rules() -> None:
    """The marks joining borrowers to the amount before them are ``borrower_joiners`` of
    rules/linking.yaml: without the slash among them, the count after "4,1 tỷ đồng/" is no longer
    the amount's borrowers, and the share after it is no rate of the amount."""
    import dataclasses

    from extractor.registry.bundle import bundled

    text = ("Tín dụng chính sách Yên Bái\nĐến 30/6/2026, tổng dư nợ đạt 5.930 tỷ đồng. "
            "Nợ quá hạn 4,1 tỷ đồng/217 khách hàng, chiếm 0,07%.\n")
    rules = bundled()
    for joiners, rated in (((",", "/"), True), ((",",), False)):
        registry = dataclasses.replace(rules, linker=dataclasses.replace(rules.linker, borrower_joiners=joiners))
        found = extract_text(text, lang="vi", published=dt.date(2026, 7, 2), registry=registry).observations
        assert any(o.unit == "%" and o.indicator == "overdue_debt_rate" for o in found) is rated
