"""A stock with a day bound right after it ("… raising its outstanding balance to VND 5,870 billion
as of September 30") holds at that day, though a period opens its sentence ("Since the start of
the year, …", which dates the flows there); after a comma the word opens the next clause and binds
nothing of the figure before it. Sentences are our own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from helpers.linking import observations_by_value

PUBLISHED = dt.date(2025, 10, 10)


def test_a_day_bound_right_after_a_stock_dates_it_over_the_sentence_s_period() -> None:
    found = observations_by_value(
        "Policy credit in Bac Lieu\nBy a reporter\nSince the start of the year, the branch has lent VND 1,240 "
        "billion, raising its total outstanding balance to VND 5,870 billion as of September 30, up 6.2% from "
        "the end of 2024.\n", lang="en", published=PUBLISHED)
    stock = found[Decimal(5_870_000_000_000)]
    assert (stock.indicator, stock.as_of) == ("outstanding_loans", dt.date(2025, 9, 30)), stock.rules
    lent = found[Decimal(1_240_000_000_000)]
    assert (lent.indicator, lent.period_start) == ("lending_turnover", dt.date(2025, 1, 1)), lent.rules


def test_a_day_after_a_comma_opens_the_next_clause() -> None:
    found = observations_by_value(
        "Tín dụng chính sách ở Quảng Bình\nPV\nNăm 2002, từ chỗ nhận bàn giao nguồn vốn 200 tỷ đồng, đến "
        "30/9/2021, tổng nguồn vốn của chi nhánh đã tăng lên 3.672 tỷ đồng.\n", lang="vi", published=PUBLISHED)
    first = found[Decimal(200_000_000_000)]
    assert first.as_of != dt.date(2021, 9, 30), first.rules
    assert found[Decimal(3_672_000_000_000)].as_of == dt.date(2021, 9, 30)
