"""A clause opening with the bank's branch named by its province ("VBSP Lam Dong plans to …")
has the branch as its subject: it lists no level by place, so a percent in it does not take the
indicator of the rate stated before (``indicator._listed_by_place``). A clause opening with a
place alone still does. Sentences are invented."""

from __future__ import annotations

from helpers.markup import build, link

BEFORE = "Lam Dong news\nAt the close of 2023 the office's overdue debt rate stood at [[0.19%|%]].\n"


def _indicators_of_focus(markup: str) -> list[str]:
    ex, focus = build(markup)
    return [o.indicator for o in link(ex).observations if o.start == focus]


def test_a_clause_opened_by_the_branchs_name_lists_no_level_by_place() -> None:
    markup = BEFORE + "VBSP Lam Dong next wants [[*104%|%]] of its deposit goal met before June.\n"
    assert _indicators_of_focus(markup) == []


def test_a_clause_opened_by_a_place_lists_the_level_before() -> None:
    markup = "Lam Dong news\nIn Lam Dong the overdue debt rate stood at [[0.19%|%]], in Dak Nong [[*0.27%|%]].\n"
    assert _indicators_of_focus(markup) == ["overdue_debt_rate"]
