"""A stock a text without a publication date says holds now ("currently", "at present"): no
date, rather than the text's frame or a date stated later (``when._fallback_when``); a to-now
phrase ("up to now") still reaches the date the report last gave."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers.markup import NGHE, VI_NGHE, check, observe

FRAMED = "In {{2021|2021-01-01..2021-12-31}}, the branch lent [[VND 820 billion|VND]]. "
LATER = " By {{the end of April 2022|2022-04-30|month}}, outstanding loans reached [[VND 5,210 billion|VND]]."


@pytest.mark.parametrize(("markup", "published", "as_of"), [
    # Undated: "currently", "at present" name no day the reader can know.
    (NGHE + FRAMED + "The branch currently runs [[*168 transaction points|transaction points]].", None, None),
    (NGHE + "At present, the district has [[*1,215 savings and loan groups|savings and loan groups]]." + LATER,
     None, None),
    # With a publication date, the present is that day.
    (NGHE + FRAMED + "The branch currently runs [[*168 transaction points|transaction points]].",
     dt.date(2022, 3, 9), dt.date(2022, 3, 9)),
    # Without a present word the frame still dates it ...
    (NGHE + FRAMED + "The branch runs [[*168 transaction points|transaction points]].", None, dt.date(2021, 12, 31)),
    # ... and "now" inside "up to now" is the to-now phrase: the report's date, not today's.
    (NGHE + FRAMED + "Up to now, the branch runs [[*168 transaction points|transaction points]].",
     None, dt.date(2021, 12, 31)),
    # After a report's day in its paragraph, the present is that day.
    (NGHE + "As of {{May 31, 2022|2022-05-31}}, total capital reached [[VND 4,800 billion|VND]]. The branch"
     " now runs [[*168 transaction points|transaction points]].", None, dt.date(2022, 5, 31)),
    (VI_NGHE + "Đến ngày {{31/5/2022|2022-05-31}}, tổng nguồn vốn đạt [[4.800 tỷ đồng|VND]]. Toàn tỉnh"
     " hiện có [[*1.215 tổ TK&VV|savings and loan groups]].", None, dt.date(2022, 5, 31)),
])
def test_present_stock_of_an_undated_text(markup: str, published: dt.date | None, as_of: dt.date | None) -> None:
    obs = observe(markup, lang="vi" if markup.startswith(VI_NGHE) else "en", published=published)
    assert obs is not None and obs.indicator in ("transaction_points", "savings_loan_groups")
    check(obs, {"as_of": as_of})
