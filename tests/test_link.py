"""The linker on hand-written sentences: every rule of rules/linking.yaml, shown firing and not.

Sentences are written in a small markup so the figures, dates and legal references the
extraction pipeline would find are spelled out by hand (the linker is tested on its own):

    [[VND 5,000 billion|VND|5000000000000]]     a figure: text | unit | value | change
    {{June 30, 2024|2024-06-30}}                a date: a day, or start..end (either may be empty),
    {{the end of 2018|2018-12-31|year}}         and optionally its granularity
    <<Directive 40-CT/TW|40-CT/TW|2014-11-22>>  a legal reference: text | id | issue date

The observation checked is the one of the figure marked ``[[*…]]`` (else the first figure).
Expected values are written by reading the sentence, never by running the linker.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.errors import RuleError
from extractor.models import DateMention, Document, Extraction, Figure, LegalRef, Observation
from extractor.link import link as link_with
from extractor.link.context import _breaks, piece, title_span
from extractor.link.observe import build_context
from extractor.link.rules import CODE_RULES, MARKER_LISTS, decided_by, load_link_rules, unit_gaps
from extractor.registry.bundle import bundled

_CLAUSE_BREAK = re.compile(r";|:|,\s")  # the breaks ``_breaks`` finds one kind at a time
_piece, _title_span = piece, title_span


def link(ex: Extraction) -> Extraction:
    """The bundled linker on ``ex``."""
    return link_with(ex, linker=bundled().linker)


def linker():  # noqa: ANN201 - the bundled linker, as the tests below name it
    return bundled().linker


def lexicon():  # noqa: ANN201 - the bundled indicator lexicon, as the tests below name it
    return bundled().indicators


def load_unit_gaps(path: Path | None = None) -> Any:
    """The merged-unit gaps of ``path`` (the bundled rules when None)."""
    return unit_gaps(load_link_rules(path))

PUB = dt.date(2025, 10, 26)
_MARK = re.compile(r"\[\[(.+?)\]\]|\{\{(.+?)\}\}|<<(.+?)>>")
_SENTENCE = re.compile(r"\n+|(?<=[.!?])(?<!\bMs\.)(?<!\bMr\.)(?<!\bMrs\.)\s+(?=[A-ZĐÀ-Ỹ])")


def _kind(unit: str) -> str:
    if unit.startswith(("VND", "USD")):
        return "money"
    return {"%": "percent", "times": "ratio"}.get(unit, "count")


def _sentence(text: str, pos: int) -> tuple[str, int]:
    starts = [0] + [m.end() for m in _SENTENCE.finditer(text)]
    start = max(s for s in starts if s <= pos)
    ends = [s for s in starts if s > start]
    end = (ends[0] if ends else len(text))
    return text[start:end].rstrip(), start


def _figure(body: str, start: int, text: str) -> Figure:
    parts = body.lstrip("*").split("|")
    raw, unit = parts[0], parts[1]
    # Distinct by default: two equal facts in one document are one observation.
    value = Decimal(parts[2]) if len(parts) > 2 and parts[2] else Decimal(1000 + start)
    change = parts[3] if len(parts) > 3 else None
    sentence, s0 = _sentence(text, start)
    return Figure(text=raw, start=start, end=start + len(raw), sentence=sentence, sentence_start=s0,
                  kind=_kind(unit), value=value, unit=unit, change=change)


def _date(body: str, start: int, text: str) -> DateMention:
    raw, when, *grain = body.split("|")
    sentence, s0 = _sentence(text, start)
    if ".." not in when:
        return DateMention(text=raw, start=start, end=start + len(raw), sentence=sentence,
                           sentence_start=s0, value=dt.date.fromisoformat(when),
                           granularity=grain[0] if grain else "day")
    a, b = when.split("..")
    return DateMention(text=raw, start=start, end=start + len(raw), sentence=sentence, sentence_start=s0,
                       granularity="year", period_start=dt.date.fromisoformat(a) if a else None,
                       period_end=dt.date.fromisoformat(b) if b else None)


def _legal(body: str, start: int, text: str) -> LegalRef:
    raw, ident, issued = body.split("|")
    sentence, s0 = _sentence(text, start)
    return LegalRef(text=raw, start=start, end=start + len(raw), sentence=sentence, sentence_start=s0,
                    id=ident, kind="directive", number=ident.split("-")[0], type_code="CT",
                    issuer_code="TW", issued=dt.date.fromisoformat(issued) if issued else None)


def build(markup: str, *, lang: str = "en", published: dt.date | None = PUB,
          source: str = "<test>") -> tuple[Extraction, int]:
    """An extraction from markup, and the start offset of the figure to check."""
    pieces, spans, pos = [], [], 0
    for m in _MARK.finditer(markup):
        pieces.append(markup[pos : m.start()])
        offset = sum(map(len, pieces))
        body = next(g for g in m.groups() if g is not None)
        raw = body.lstrip("*").split("|")[0]
        spans.append((m.lastindex, body, offset))
        pieces.append(raw)
        pos = m.end()
    pieces.append(markup[pos:])
    text = "".join(pieces)
    makers = {1: _figure, 2: _date, 3: _legal}
    records = [(kind, makers[kind](body, offset, text)) for kind, body, offset in spans]
    figures = [r for k, r in records if k == 1]
    starred = [offset for kind, body, offset in spans if kind == 1 and body.startswith("*")]
    focus = starred[0] if starred else (figures[0].start if figures else -1)
    doc = Document(id="t", source=source, text=text, language=lang, published=published)
    return Extraction(document=doc, figures=tuple(figures),
                      dates=tuple(r for k, r in records if k == 2),
                      legal_refs=tuple(r for k, r in records if k == 3)), focus


def observe(markup: str, **kwargs: Any) -> Observation | None:
    """The observation linked from the focus figure of ``markup`` (None if it yields none)."""
    ex, focus = build(markup, **kwargs)
    found = [o for o in link(ex).observations if o.start == focus]
    return found[0] if found else None


def check(obs: Observation | None, expected: dict[str, Any]) -> None:
    """Compare the fields named in ``expected``; ``indicator: None`` means no observation."""
    if expected.get("indicator", "") is None:
        assert obs is None, obs
        return
    assert obs is not None
    for key, want in expected.items():
        got = obs.rules.get(key.removeprefix("rule_")) if key.startswith("rule_") else getattr(obs, key)
        if isinstance(want, str) and key in ("as_of", "period_start", "period_end", "change_baseline"):
            want = dt.date.fromisoformat(want)
        if key == "change_value" and want is not None:
            want = Decimal(str(want))
        assert got == want, (key, got, want)


# --- rule table: (rule id, polarity, language, markup, expected) ------------------------------------

NGHE = "Nghe An news\n"  # a title naming the document's province
VI_NGHE = "Tin Nghệ An\n"
HEAD = "News in brief\nBy staff\n"  # a title and byline naming no province
RULES: list[tuple[str, str, str, str, dict[str, Any]]] = [
    # national
    ("national:nationwide", "+", "en", NGHE + "Nationwide, outstanding loans reached [[VND 345,000 billion|VND]].", {"province": "national"}),
    ("national:nationwide", "-", "en", NGHE + "Outstanding loans reached [[VND 13,000 billion|VND]]. Loans reach poor households nationwide.", {"province": "Nghệ An"}),
    ("national:across the country", "+", "en", NGHE + "Across the country, outstanding loans reached [[VND 345,000 billion|VND]].", {"province": "national"}),
    ("national:across the country", "-", "en", NGHE + "Outstanding loans reached [[VND 13,000 billion|VND]]. Offices across the country held meetings.", {"province": "Nghệ An"}),
    ("national:the whole country", "+", "en", NGHE + "In the whole country, total capital reached [[VND 350,000 billion|VND]].", {"province": "national"}),
    ("national:the whole country", "-", "en", NGHE + "Total capital reached [[VND 13,000 billion|VND]]. The whole country praised it.", {"province": "Nghệ An"}),
    ("national:the whole VBSP system", "+", "en", NGHE + "Outstanding loans of the whole VBSP system reached [[VND 345,000 billion|VND]].", {"province": "national"}),
    ("national:the whole VBSP system", "-", "en", NGHE + "The branch's outstanding loans reached [[VND 13,000 billion|VND]].", {"province": "Nghệ An"}),
    ("national:cả nước", "+", "vi", VI_NGHE + "Cả nước có tổng dư nợ [[345.000 tỷ đồng|VND]].", {"province": "national"}),
    ("national:cả nước", "-", "vi", VI_NGHE + "Tổng dư nợ đạt [[13.000 tỷ đồng|VND]]. Cả nước đã họp.", {"province": "Nghệ An"}),
    ("national:toàn quốc", "+", "vi", VI_NGHE + "Trên toàn quốc, tổng dư nợ đạt [[345.000 tỷ đồng|VND]].", {"province": "national"}),
    ("national:toàn quốc", "-", "vi", VI_NGHE + "Tổng dư nợ đạt [[13.000 tỷ đồng|VND]]. Hội nghị toàn quốc đã diễn ra.", {"province": "Nghệ An"}),
    ("national:toàn hệ thống", "+", "vi", VI_NGHE + "Dư nợ toàn hệ thống đạt [[345.000 tỷ đồng|VND]].", {"province": "national"}),
    ("national:toàn hệ thống", "-", "vi", VI_NGHE + "Dư nợ của chi nhánh đạt [[13.000 tỷ đồng|VND]].", {"province": "Nghệ An"}),
    # province_ref: one named mention is enough for the document's province
    ("province_ref:the province", "+", "en", HEAD + "In the province, outstanding loans reached [[VND 5,000 billion|VND]]. Thanh Hoa sent delegates.", {"province": "Thanh Hóa", "rule_province": "document:frequency"}),
    ("province_ref:the province", "-", "en", HEAD + "Outstanding loans reached [[VND 5,000 billion|VND]]. Thanh Hoa sent delegates.", {"province": None}),
    ("province_ref:the whole province", "+", "en", HEAD + "The whole province has outstanding loans of [[VND 5,000 billion|VND]]. Thanh Hoa sent delegates.", {"province": "Thanh Hóa"}),
    ("province_ref:the whole province", "-", "en", HEAD + "The whole bank has outstanding loans of [[VND 5,000 billion|VND]]. Thanh Hoa sent delegates.", {"province": None}),
    ("province_ref:toàn tỉnh", "+", "vi", HEAD + "Toàn tỉnh có tổng dư nợ [[5.000 tỷ đồng|VND]]. Thanh Hóa cử đại biểu.", {"province": "Thanh Hóa"}),
    ("province_ref:toàn tỉnh", "-", "vi", HEAD + "Chi nhánh có tổng dư nợ [[5.000 tỷ đồng|VND]]. Thanh Hóa cử đại biểu.", {"province": None}),
    ("province_ref:trên địa bàn tỉnh", "+", "vi", HEAD + "Tổng dư nợ trên địa bàn tỉnh đạt [[5.000 tỷ đồng|VND]]. Thanh Hóa cử đại biểu.", {"province": "Thanh Hóa"}),
    ("province_ref:trên địa bàn tỉnh", "-", "vi", HEAD + "Tổng dư nợ của chi nhánh đạt [[5.000 tỷ đồng|VND]]. Thanh Hóa cử đại biểu.", {"province": None}),
    # target
    ("target:striving to", "+", "en", NGHE + "The branch is striving to raise outstanding loans to [[VND 15,000 billion|VND]].", {"status": "target"}),
    ("target:striving to", "-", "en", NGHE + "Outstanding loans reached [[VND 13,000 billion|VND]], striving to grow further.", {"status": "actual"}),
    ("target:strives to", "+", "en", NGHE + "In 2026 the branch strives to keep the overdue debt ratio below [[0.3%|%|0.3]].", {"status": "target"}),
    ("target:strives to", "-", "en", NGHE + "The overdue debt ratio was [[0.2%|%|0.2]]; the branch strives to keep it low.", {"status": "actual"}),
    ("target:aims to", "+", "en", NGHE + "The province aims to bring total capital to [[VND 16,000 billion|VND]].", {"status": "target"}),
    ("target:aims to", "-", "en", NGHE + "Total capital reached [[VND 13,000 billion|VND]]. The province aims to do more.", {"status": "actual"}),
    ("target:plans to", "+", "en", NGHE + "The branch plans to disburse [[VND 3,000 billion|VND]] in 2026.", {"status": "target"}),
    ("target:plans to", "-", "en", NGHE + "The branch disbursed [[VND 3,000 billion|VND]]. It plans to continue.", {"status": "actual"}),
    ("target:the target of", "+", "en", NGHE + "Under the target of the strategy, outstanding loans will reach [[VND 20,000 billion|VND]].", {"status": "target"}),
    ("target:the target of", "-", "en", NGHE + "Outstanding loans reached [[VND 13,000 billion|VND]], exceeding the target of the year.", {"status": "actual"}),
    ("target:phấn đấu", "+", "vi", VI_NGHE + "Tỉnh phấn đấu tổng dư nợ đạt [[22.000 tỷ đồng|VND]].", {"status": "target"}),
    ("target:phấn đấu", "-", "vi", VI_NGHE + "Tổng dư nợ đạt [[14.000 tỷ đồng|VND]], tỉnh tiếp tục phấn đấu.", {"status": "actual"}),
    ("target:mục tiêu", "+", "vi", VI_NGHE + "Mục tiêu tỷ lệ nợ quá hạn dưới [[0,1%|%|0.1]].", {"status": "target"}),
    ("target:mục tiêu", "-", "vi", VI_NGHE + "Tỷ lệ nợ quá hạn là [[0,09%|%|0.09]], đạt mục tiêu.", {"status": "actual"}),
    ("target:kế hoạch", "+", "vi", VI_NGHE + "Theo kế hoạch, doanh số cho vay đạt [[3.000 tỷ đồng|VND]].", {"status": "target"}),
    ("target:kế hoạch", "-", "vi", VI_NGHE + "Doanh số cho vay đạt [[3.000 tỷ đồng|VND]], vượt kế hoạch.", {"status": "actual"}),
    ("target:dự kiến", "+", "vi", VI_NGHE + "Dự kiến tổng nguồn vốn đạt [[16.000 tỷ đồng|VND]].", {"status": "target"}),
    ("target:dự kiến", "-", "vi", VI_NGHE + "Tổng nguồn vốn đạt [[14.000 tỷ đồng|VND]] như dự kiến.", {"status": "actual"}),
    # comparison: a change attaches to its level and its date is the baseline
    ("comparison:compared to", "+", "en", NGHE + "Total capital reached [[VND 13,374 billion|VND|13374000000000]], an increase of [[VND 7,132 billion|VND|7132000000000]] compared to {{2014|2014-01-01..2014-12-31}}.", {"change_value": 7132000000000, "change_baseline": "2014-12-31"}),
    ("comparison:compared to", "-", "en", NGHE + "Total capital reached [[VND 13,374 billion|VND|13374000000000]]; the share compared to the plan is high.", {"change_value": None}),
    ("comparison:compared with", "+", "en", NGHE + "Outstanding loans reached [[VND 9,000 billion|VND]], [[VND 500 billion|VND|500000000000]] more compared with {{the end of 2024|2024-12-31}}.", {"change_value": 500000000000, "change_baseline": "2024-12-31"}),
    ("comparison:compared with", "-", "en", NGHE + "Outstanding loans reached [[VND 9,000 billion|VND]]; the bank disbursed [[*VND 500 billion|VND]] more.", {"indicator": "lending_turnover", "change_value": None}),
    ("comparison:over the same period", "+", "en", NGHE + "Lending turnover reached [[VND 900 billion|VND]], up [[VND 50 billion|VND|50000000000]] over the same period.", {"change_value": 50000000000}),
    ("comparison:over the same period", "-", "en", NGHE + "Lending turnover reached [[VND 900 billion|VND]]; disbursement to students was [[*VND 50 billion|VND]].", {"indicator": "lending_turnover", "change_value": None}),
    ("comparison:so với", "+", "vi", VI_NGHE + "Vốn ủy thác đạt [[1.095 tỷ đồng|VND]], tăng [[346 tỷ đồng|VND|346000000000]] so với {{đầu năm|2025-01-01}}.", {"change_value": 346000000000, "change_baseline": "2025-01-01"}),
    ("comparison:so với", "-", "vi", VI_NGHE + "Vốn ủy thác đạt [[1.095 tỷ đồng|VND]] vào {{đầu năm|2025-01-01}}.", {"indicator": "local_entrusted_capital", "change_value": None}),
    ("comparison:so cùng kỳ", "+", "vi", VI_NGHE + "Doanh số cho vay đạt [[900 tỷ đồng|VND]], tăng [[50 tỷ đồng|VND|50000000000]] so cùng kỳ.", {"change_value": 50000000000}),
    ("comparison:so cùng kỳ", "-", "vi", VI_NGHE + "Doanh số cho vay đạt [[900 tỷ đồng|VND]] trong kỳ.", {"change_value": None}),
    # since: the start of a period
    ("since:since", "+", "en", NGHE + "Since {{July 2025|2025-07-01..2025-07-31}}, the branch has disbursed [[VND 800 billion|VND]].", {"period_start": "2025-07-01", "period_end": "2025-10-26"}),
    ("since:since", "-", "en", NGHE + "In {{July 2025|2025-07-01..2025-07-31}}, the branch disbursed [[VND 800 billion|VND]].", {"period_start": "2025-07-01", "period_end": "2025-07-31"}),
    ("since:since the implementation of", "+", "en", NGHE + "Since the implementation of <<Directive 40-CT/TW|40-CT/TW|2014-11-22>>, lending turnover reached [[VND 27,706 billion|VND]].", {"period_start": "2014-11-22", "rule_date": "since:40-CT/TW+published"}),
    ("since:since the implementation of", "-", "en", NGHE + "After ten years of <<Directive 40-CT/TW|40-CT/TW|2014-11-22>>, lending turnover reached [[VND 27,706 billion|VND]].", {"period_start": None, "rule_date": "published"}),
    ("since:from", "+", "en", NGHE + "From {{the beginning of 2025|2025-01-01}} to now, the province has disbursed [[VND 3,843 billion|VND]].", {"period_start": "2025-01-01", "period_end": "2025-10-26"}),
    ("since:from", "-", "en", NGHE + "At {{the beginning of 2025|2025-01-01}}, outstanding loans stood at [[VND 12,000 billion|VND]].", {"as_of": "2025-01-01"}),
    ("since:kể từ khi", "+", "vi", VI_NGHE + "Kể từ khi <<Chỉ thị 40-CT/TW|40-CT/TW|2014-11-22>> ban hành, doanh số cho vay đạt [[27.706 tỷ đồng|VND]].", {"period_start": "2014-11-22"}),
    ("since:kể từ khi", "-", "vi", VI_NGHE + "Sau 10 năm thực hiện <<Chỉ thị 40-CT/TW|40-CT/TW|2014-11-22>>, doanh số cho vay đạt [[27.706 tỷ đồng|VND]].", {"period_start": None}),
    ("since:từ khi", "+", "vi", VI_NGHE + "Từ khi <<Chỉ thị 40-CT/TW|40-CT/TW|2014-11-22>> ra đời, doanh số cho vay đạt [[27.706 tỷ đồng|VND]].", {"period_start": "2014-11-22"}),
    ("since:từ khi", "-", "vi", VI_NGHE + "Thực hiện <<Chỉ thị 40-CT/TW|40-CT/TW|2014-11-22>>, doanh số cho vay đạt [[27.706 tỷ đồng|VND]].", {"period_start": None}),
    ("since:từ", "+", "vi", VI_NGHE + "Từ {{năm 2015|2015-01-01..2015-12-31}} đến hết {{tháng 6/2024|2024-06-01..2024-06-30}}, doanh số cho vay đạt [[38.512 tỷ đồng|VND]].", {"period_start": "2015-01-01", "period_end": "2024-06-30"}),
    ("since:từ", "-", "vi", VI_NGHE + "Trong {{năm 2015|2015-01-01..2015-12-31}}, doanh số cho vay đạt [[3.512 tỷ đồng|VND]].", {"period_start": "2015-01-01", "period_end": "2015-12-31"}),
    ("since:kể từ", "+", "vi", VI_NGHE + "Kể từ {{tháng 7/2025|2025-07-01..2025-07-31}}, chi nhánh đã giải ngân [[800 tỷ đồng|VND]].", {"period_start": "2025-07-01", "period_end": "2025-10-26"}),
    ("since:kể từ", "-", "vi", VI_NGHE + "Trong {{tháng 7/2025|2025-07-01..2025-07-31}}, chi nhánh đã giải ngân [[800 tỷ đồng|VND]].", {"period_end": "2025-07-31"}),
    # until: the end of a period
    ("until:to", "+", "en", NGHE + "From {{2015|2015-01-01..2015-12-31}} to {{June 2019|2019-06-01..2019-06-30}}, the branch lent [[VND 5,320 billion|VND]].", {"period_start": "2015-01-01", "period_end": "2019-06-30"}),
    ("until:to", "-", "en", NGHE + "From {{2015|2015-01-01..2015-12-31}}, the branch lent [[VND 5,320 billion|VND]] to households.", {"period_start": "2015-01-01", "period_end": "2025-10-26"}),
    ("until:until", "+", "en", NGHE + "From {{2015|2015-01-01..2015-12-31}} until {{2020|2020-01-01..2020-12-31}}, the branch lent [[VND 9,000 billion|VND]].", {"period_start": "2015-01-01", "period_end": "2020-12-31"}),
    ("until:until", "-", "en", NGHE + "In {{2020|2020-01-01..2020-12-31}}, the branch lent [[VND 2,000 billion|VND]].", {"period_start": "2020-01-01", "period_end": "2020-12-31"}),
    ("until:by", "+", "en", NGHE + "From {{2015|2015-01-01..2015-12-31}} by {{June 30, 2024|2024-06-30}}, lending turnover reached [[VND 27,706 billion|VND]].", {"period_start": "2015-01-01", "period_end": "2024-06-30"}),
    ("until:by", "-", "en", NGHE + "From {{2015|2015-01-01..2015-12-31}}, lending turnover reached [[VND 27,706 billion|VND]].", {"period_start": "2015-01-01", "period_end": "2025-10-26"}),
    ("until:as of", "+", "en", NGHE + "From {{2015|2015-01-01..2015-12-31}} as of {{June 30, 2024|2024-06-30}}, the bank lent [[VND 27,706 billion|VND]].", {"period_end": "2024-06-30"}),
    ("until:as of", "-", "en", NGHE + "From {{2015|2015-01-01..2015-12-31}}, the bank lent [[VND 27,706 billion|VND]].", {"period_end": "2025-10-26"}),
    ("until:đến", "+", "vi", VI_NGHE + "Từ {{năm 2015|2015-01-01..2015-12-31}} đến {{năm 2020|2020-01-01..2020-12-31}}, doanh số cho vay đạt [[9.000 tỷ đồng|VND]].", {"period_start": "2015-01-01", "period_end": "2020-12-31"}),
    ("until:đến", "-", "vi", VI_NGHE + "Từ {{năm 2015|2015-01-01..2015-12-31}}, doanh số cho vay đạt [[9.000 tỷ đồng|VND]].", {"period_end": "2025-10-26"}),
    ("until:đến hết", "+", "vi", VI_NGHE + "Từ {{năm 2015|2015-01-01..2015-12-31}} đến hết {{năm 2020|2020-01-01..2020-12-31}}, chi nhánh giải ngân [[9.000 tỷ đồng|VND]].", {"period_end": "2020-12-31"}),
    ("until:đến hết", "-", "vi", VI_NGHE + "Từ {{năm 2015|2015-01-01..2015-12-31}}, chi nhánh giải ngân [[9.000 tỷ đồng|VND]].", {"period_end": "2025-10-26"}),
    ("until:tính đến", "+", "vi", VI_NGHE + "Từ {{năm 2015|2015-01-01..2015-12-31}} tính đến {{30/6/2024|2024-06-30}}, doanh số thu nợ đạt [[7.000 tỷ đồng|VND]].", {"period_end": "2024-06-30"}),
    ("until:tính đến", "-", "vi", VI_NGHE + "Từ {{năm 2015|2015-01-01..2015-12-31}}, doanh số thu nợ đạt [[7.000 tỷ đồng|VND]].", {"period_end": "2025-10-26"}),
]
RULES += [
    # to_now: an open period ends at publication
    ("to_now:to now", "+", "en", NGHE + "From {{the beginning of 2025|2025-01-01}} to now, outstanding loans rose to [[VND 13,612 billion|VND]].", {"as_of": "2025-10-26"}),
    ("to_now:to now", "-", "en", NGHE + "At {{the beginning of 2025|2025-01-01}}, outstanding loans were [[VND 12,612 billion|VND]].", {"as_of": "2025-01-01"}),
    ("to_now:to date", "+", "en", NGHE + "To date, the branch has disbursed [[VND 800 billion|VND]] in {{2025|2025-01-01..}}.", {"period_start": "2025-01-01", "period_end": "2025-10-26"}),
    ("to_now:to date", "-", "en", NGHE + "The branch disbursed [[VND 800 billion|VND]] in {{2024|2024-01-01..2024-12-31}}.", {"period_end": "2024-12-31"}),
    ("to_now:so far", "+", "en", NGHE + "So far in {{2025|2025-01-01..}}, the branch has disbursed [[VND 800 billion|VND]].", {"period_end": "2025-10-26"}),
    ("to_now:so far", "-", "en", NGHE + "In {{the first half of 2025|2025-01-01..2025-06-30}}, the branch disbursed [[VND 800 billion|VND]].", {"period_end": "2025-06-30"}),
    ("to_now:đến nay", "+", "vi", VI_NGHE + "Từ {{đầu năm 2025|2025-01-01}} đến nay, chi nhánh giải ngân [[3.843 tỷ đồng|VND]].", {"period_start": "2025-01-01", "period_end": "2025-10-26"}),
    ("to_now:đến nay", "-", "vi", VI_NGHE + "Trong {{quý I/2025|2025-01-01..2025-03-31}}, chi nhánh giải ngân [[843 tỷ đồng|VND]].", {"period_end": "2025-03-31"}),
    # present: the figure holds at publication
    ("present:currently", "+", "en", NGHE + "The branch currently maintains [[21 transaction offices|transaction offices]].", {"as_of": "2025-10-26", "date_inferred": False, "rule_date": "present:currently"}),
    ("present:currently", "-", "en", NGHE + "The branch maintains [[21 transaction offices|transaction offices]].", {"as_of": "2025-10-26", "date_inferred": True}),
    ("present:at present", "+", "en", NGHE + "At present, the province has [[397 transaction points|transaction points]].", {"rule_date": "present:at present"}),
    ("present:at present", "-", "en", NGHE + "The province has [[397 transaction points|transaction points]].", {"rule_date": "published"}),
    ("present:hiện có", "+", "vi", VI_NGHE + "Toàn tỉnh hiện có [[26 phòng giao dịch|transaction offices]].", {"rule_date": "present:hiện có", "date_inferred": False}),
    ("present:hiện có", "-", "vi", VI_NGHE + "Toàn tỉnh có [[26 phòng giao dịch|transaction offices]].", {"rule_date": "published", "date_inferred": True}),
    ("present:hiện nay", "+", "vi", VI_NGHE + "Hiện nay, toàn tỉnh có [[7.125 Tổ TK&VV|savings and loan groups]].", {"rule_date": "present:hiện nay"}),
    ("present:hiện nay", "-", "vi", VI_NGHE + "Toàn tỉnh có [[7.125 Tổ TK&VV|savings and loan groups]].", {"rule_date": "published"}),
    ("present:hiện đang", "+", "vi", VI_NGHE + "Chi nhánh hiện đang duy trì [[547 điểm giao dịch|transaction points]].", {"rule_date": "present:hiện đang"}),
    ("present:hiện đang", "-", "vi", VI_NGHE + "Chi nhánh duy trì [[547 điểm giao dịch|transaction points]].", {"rule_date": "published"}),
    # flow: a stock indicator read as an amount added over a period
    ("flow:added", "+", "en", NGHE + "In {{2024|2024-01-01..2024-12-31}}, entrusted capital added [[VND 20 billion|VND]].", {"period_start": "2024-01-01", "period_end": "2024-12-31", "as_of": None}),
    ("flow:added", "-", "en", NGHE + "In {{2024|2024-01-01..2024-12-31}}, entrusted capital reached [[VND 200 billion|VND]].", {"as_of": "2024-12-31", "period_start": None}),
    ("flow:an additional", "+", "en", NGHE + "Entrusted capital got an additional [[VND 400 billion|VND]] in {{2023 - 2025|2023-01-01..2025-12-31}}.", {"period_start": "2023-01-01", "period_end": "2025-12-31"}),
    ("flow:an additional", "-", "en", NGHE + "Entrusted capital reached [[VND 400 billion|VND]] in {{2025|2025-01-01..2025-12-31}}.", {"as_of": "2025-12-31"}),
    ("flow:allocate", "+", "en", NGHE + "The province will allocate [[VND 400 billion|VND]] in {{2023 - 2025|2023-01-01..2025-12-31}}.", {"indicator": "local_entrusted_capital", "period_start": "2023-01-01"}),
    ("flow:allocate", "-", "en", NGHE + "Capital entrusted was [[VND 400 billion|VND]] at {{the end of 2025|2025-12-31}}.", {"indicator": "local_entrusted_capital", "period_start": None}),
    ("flow:bổ sung", "+", "vi", VI_NGHE + "{{Năm 2024|2024-01-01..2024-12-31}}, vốn ủy thác bổ sung [[50 tỷ đồng|VND]].", {"period_start": "2024-01-01", "as_of": None}),
    ("flow:bổ sung", "-", "vi", VI_NGHE + "{{Năm 2024|2024-01-01..2024-12-31}}, vốn ủy thác đạt [[500 tỷ đồng|VND]].", {"as_of": "2024-12-31"}),
    ("flow:bố trí", "+", "vi", VI_NGHE + "{{Năm 2024|2024-01-01..2024-12-31}}, ngân sách tỉnh bố trí [[100 tỷ đồng|VND]].", {"indicator": "local_entrusted_capital", "period_start": "2024-01-01"}),
    ("flow:bố trí", "-", "vi", VI_NGHE + "{{Năm 2024|2024-01-01..2024-12-31}}, vốn ủy thác đạt [[100 tỷ đồng|VND]].", {"indicator": "local_entrusted_capital", "period_start": None}),
    # blockers: they govern a figure that measures nothing of ours
    ("blockers:revenue", "+", "en", NGHE + "Outstanding loans helped a factory with a revenue of [[VND 5 billion|VND]].", {"indicator": None}),
    ("blockers:revenue", "-", "en", NGHE + "Outstanding loans reached [[VND 5,000 billion|VND]] as revenue grew.", {"indicator": "outstanding_loans"}),
    ("blockers:income", "+", "en", NGHE + "Loans disbursed lifted the income of a family to [[VND 200 million|VND]].", {"indicator": None}),
    ("blockers:income", "-", "en", NGHE + "Loans disbursed reached [[VND 200 billion|VND]] for income growth.", {"indicator": "lending_turnover"}),
    ("blockers:a scale of", "+", "en", NGHE + "Capital entrusted funds a project with a scale of [[VND 550 billion|VND]].", {"indicator": None}),
    ("blockers:a scale of", "-", "en", NGHE + "Capital entrusted reached [[VND 550 billion|VND]] at a scale of its own.", {"indicator": "local_entrusted_capital"}),
    ("blockers:interest rate", "+", "en", NGHE + "Overdue debt rate rules set an interest rate of [[6.6%|%|6.6]].", {"indicator": None}),
    ("blockers:interest rate", "-", "en", NGHE + "The overdue debt rate was [[0.2%|%|0.2]] and the interest rate fell.", {"indicator": "overdue_debt_rate"}),
    ("blockers:deposits", "+", "en", NGHE + "The bank mobilised deposits of [[VND 310 billion|VND]] through the groups.", {"indicator": None}),
    ("blockers:deposits", "-", "en", NGHE + "The bank mobilised [[VND 310 billion|VND]] from deposits and bonds.", {"indicator": "total_capital"}),
    ("blockers:doanh thu", "+", "vi", VI_NGHE + "Nhờ vốn cho vay, hộ có doanh thu [[5 tỷ đồng|VND]].", {"indicator": None}),
    ("blockers:doanh thu", "-", "vi", VI_NGHE + "Doanh số cho vay đạt [[5 tỷ đồng|VND]], doanh thu tăng.", {"indicator": "lending_turnover"}),
    ("blockers:thu nhập", "+", "vi", VI_NGHE + "Nhờ vốn cho vay, thu nhập đạt [[200 triệu đồng|VND]].", {"indicator": None}),
    ("blockers:thu nhập", "-", "vi", VI_NGHE + "Chi nhánh cho vay [[200 tỷ đồng|VND]], thu nhập tăng.", {"indicator": "lending_turnover"}),
    ("blockers:quy mô", "+", "vi", VI_NGHE + "Đề án hỗ trợ cho vay có quy mô [[550 tỷ đồng|VND]].", {"indicator": None}),
    ("blockers:quy mô", "-", "vi", VI_NGHE + "Chi nhánh cho vay [[550 tỷ đồng|VND]], mở rộng quy mô.", {"indicator": "lending_turnover"}),
    ("blockers:lãi suất", "+", "vi", VI_NGHE + "Tỷ lệ nợ quá hạn thấp, lãi suất cho vay [[6,6%|%|6.6]].", {"indicator": None}),
    ("blockers:lãi suất", "-", "vi", VI_NGHE + "Tỷ lệ nợ quá hạn [[0,2%|%|0.2]], lãi suất ổn định.", {"indicator": "overdue_debt_rate"}),
    # breakdown: the parts do not borrow the whole's cue from an earlier clause
    ("breakdown:of which", "+", "en", NGHE + "Outstanding loans reached [[VND 5,000 billion|VND]], of which [[*VND 900 billion|VND]] for students.", {"indicator": None}),
    ("breakdown:of which", "-", "en", NGHE + "Outstanding loans reached [[VND 5,000 billion|VND]], with [[*118,932 customers|customers]].", {"indicator": "borrowers_outstanding"}),
    ("breakdown:including", "+", "en", NGHE + "With [[118,932 customers|customers]] still having outstanding loans, including [[*21,406 poor households|households]].", {"indicator": None}),
    ("breakdown:including", "-", "en", NGHE + "Outstanding loans reached [[VND 5,000 billion|VND]], [[*21,406 poor households|households]] in all.", {"indicator": "borrowers_outstanding"}),
    ("breakdown:trong đó", "+", "vi", VI_NGHE + "Tổng dư nợ đạt [[5.000 tỷ đồng|VND]], với [[118.932 khách hàng|customers]] còn dư nợ, trong đó có [[*21.406 hộ nghèo|households]].", {"indicator": None}),
    ("breakdown:trong đó", "-", "vi", VI_NGHE + "Tổng dư nợ đạt [[5.000 tỷ đồng|VND]], với [[*21.406 hộ nghèo|households]].", {"indicator": "borrowers_outstanding"}),
    ("breakdown:bao gồm", "+", "vi", VI_NGHE + "Tổng dư nợ đạt [[5.000 tỷ đồng|VND]], bao gồm [[*900 tỷ đồng|VND]] cho HSSV.", {"indicator": None}),
    ("breakdown:bao gồm", "-", "vi", VI_NGHE + "Tổng dư nợ đạt [[5.000 tỷ đồng|VND]], với [[*85.579 khách hàng|customers]].", {"indicator": "borrowers_outstanding"}),
    # programme: one programme's share is not the province's total
    ("programme:lending program for", "+", "en", NGHE + "The lending program for poor households alone had outstanding loans of [[1,218 billion VND|VND]].", {"indicator": None}),
    ("programme:lending program for", "-", "en", NGHE + "All programs together had outstanding loans of [[4,218 billion VND|VND]].", {"indicator": "outstanding_loans"}),
    ("programme:lending programme for", "+", "en", NGHE + "The lending programme for students disbursed [[VND 300 billion|VND]].", {"indicator": None}),
    ("programme:lending programme for", "-", "en", NGHE + "The branch disbursed [[VND 3,000 billion|VND]] under 18 programmes.", {"indicator": "lending_turnover"}),
    ("programme:riêng chương trình", "+", "vi", VI_NGHE + "Riêng chương trình cho vay hộ nghèo có dư nợ [[1.218 tỷ đồng|VND]].", {"indicator": None}),
    ("programme:riêng chương trình", "-", "vi", VI_NGHE + "Riêng trong tháng 9, chi nhánh giải ngân [[187 tỷ đồng|VND]].", {"indicator": "lending_turnover"}),
    # date_binders: a date glued to one figure dates that figure only
    ("date_binders:in", "+", "en", NGHE + "The overdue debt rate fell from [[0.43%|%|0.43]] in {{2014|2014-01-01..2014-12-31}} to [[*0.09%|%|0.09]].", {"as_of": "2025-10-26"}),
    ("date_binders:in", "-", "en", NGHE + "In {{2014|2014-01-01..2014-12-31}} the overdue debt rate fell from [[0.43%|%|0.43]] to [[*0.09%|%|0.09]].", {"as_of": "2014-12-31"}),
    ("date_binders:at", "+", "en", NGHE + "The overdue debt rate fell from [[0.5%|%|0.5]] at {{the end of 2020|2020-12-31}} to [[*0.1%|%|0.1]].", {"as_of": "2025-10-26"}),
    ("date_binders:at", "-", "en", NGHE + "At {{the end of 2020|2020-12-31}} the overdue debt rate fell from [[0.5%|%|0.5]] to [[*0.1%|%|0.1]].", {"as_of": "2020-12-31"}),
    ("date_binders:năm", "+", "vi", VI_NGHE + "Tỷ lệ nợ quá hạn giảm từ [[0,43%|%|0.43]] năm {{2014|2014-01-01..2014-12-31}} xuống [[*0,09%|%|0.09]].", {"as_of": "2025-10-26"}),
    ("date_binders:năm", "-", "vi", VI_NGHE + "Năm {{2014|2014-01-01..2014-12-31}} tỷ lệ nợ quá hạn giảm từ [[0,43%|%|0.43]] xuống [[*0,09%|%|0.09]].", {"as_of": "2014-12-31"}),
    ("date_binders:vào", "+", "vi", VI_NGHE + "Tỷ lệ nợ quá hạn giảm từ [[0,5%|%|0.5]] vào {{cuối năm 2020|2020-12-31}} xuống [[*0,1%|%|0.1]].", {"as_of": "2025-10-26"}),
    ("date_binders:vào", "-", "vi", VI_NGHE + "Vào {{cuối năm 2020|2020-12-31}} tỷ lệ nợ quá hạn giảm từ [[0,5%|%|0.5]] xuống [[*0,1%|%|0.1]].", {"as_of": "2020-12-31"}),
    # decrease: a change that goes down
    ("decrease:decreased by", "+", "en", NGHE + "Overdue debt stood at [[VND 18.4 billion|VND|18400000000]]; it decreased by [[VND 2.1 billion|VND|2100000000]] compared to the beginning of the year.", {"change_value": -2100000000}),
    ("decrease:decreased by", "-", "en", NGHE + "Overdue debt stood at [[VND 18.4 billion|VND|18400000000]]; it rose by [[VND 2.1 billion|VND|2100000000]] compared to the beginning of the year.", {"change_value": 2100000000}),
    ("decrease:down", "+", "en", NGHE + "Overdue debt was [[VND 18.4 billion|VND|18400000000]], down [[VND 2.1 billion|VND|2100000000]] compared to 2024.", {"change_value": -2100000000}),
    ("decrease:down", "-", "en", NGHE + "Overdue debt was [[VND 18.4 billion|VND|18400000000]], up [[VND 2.1 billion|VND|2100000000]] compared to 2024.", {"change_value": 2100000000}),
    ("decrease:a decrease of", "+", "en", NGHE + "Overdue debt was [[VND 18.4 billion|VND|18400000000]], a decrease of [[VND 2.1 billion|VND|2100000000]] compared to 2024.", {"change_value": -2100000000}),
    ("decrease:a decrease of", "-", "en", NGHE + "Overdue debt was [[VND 18.4 billion|VND|18400000000]], an increase of [[VND 2.1 billion|VND|2100000000]] compared to 2024.", {"change_value": 2100000000}),
    ("decrease:giảm", "+", "vi", VI_NGHE + "Nợ quá hạn [[18,4 tỷ đồng|VND|18400000000]], giảm [[2,1 tỷ đồng|VND|2100000000]] so với đầu năm.", {"change_value": -2100000000}),
    ("decrease:giảm", "-", "vi", VI_NGHE + "Nợ quá hạn [[18,4 tỷ đồng|VND|18400000000]], tăng [[2,1 tỷ đồng|VND|2100000000]] so với đầu năm.", {"change_value": 2100000000}),
    # anecdote and reporting: one borrower's story is not the province's figure
    ("anecdote:Ms.", "+", "en", NGHE + "Ms. Nguyen Thi Nhu has a factory, creating jobs for [[20 local workers|workers]].", {"indicator": None}),
    ("anecdote:Ms.", "-", "en", NGHE + "Loans helped the province, creating jobs for [[20,000 local workers|workers]].", {"indicator": "jobs_created"}),
    ("anecdote:Mr.", "+", "en", NGHE + "Mr. Tran Van Binh borrowed and disbursed [[VND 50 million|VND]] to his farm.", {"indicator": None}),
    ("anecdote:Mr.", "-", "en", NGHE + "The branch disbursed [[VND 50 billion|VND]] to farms.", {"indicator": "lending_turnover"}),
    ("anecdote:Mrs.", "+", "en", NGHE + "Mrs. Lo Thi Mai got loans, creating jobs for [[5 workers|workers]].", {"indicator": None}),
    ("anecdote:Mrs.", "-", "en", NGHE + "The loans of Mrs. Lo Thi Mai's village kept creating jobs for [[500 workers|workers]].", {"indicator": "jobs_created"}),
    ("anecdote:Bà", "+", "vi", VI_NGHE + "Bà Nguyễn Thị Nhu mở xưởng may, tạo việc làm cho [[20 lao động|workers]].", {"indicator": None}),
    ("anecdote:Bà", "-", "vi", VI_NGHE + "Vốn vay đã tạo việc làm cho [[20.000 lao động|workers]].", {"indicator": "jobs_created"}),
    ("anecdote:Ông", "+", "vi", VI_NGHE + "Ông Trần Văn Bình được giải ngân [[50 triệu đồng|VND]].", {"indicator": None}),
    ("anecdote:Ông", "-", "vi", VI_NGHE + "Chi nhánh đã giải ngân [[50 tỷ đồng|VND]].", {"indicator": "lending_turnover"}),
    ("anecdote:Chị", "+", "vi", VI_NGHE + "Chị Lò Thị Mai vay vốn, tạo việc làm cho [[5 lao động|workers]].", {"indicator": None}),
    ("anecdote:Chị", "-", "vi", VI_NGHE + "Các chị em vay vốn, tạo việc làm cho [[5.000 lao động|workers]].", {"indicator": "jobs_created"}),
    ("anecdote:Anh", "+", "vi", VI_NGHE + "Anh Lê Văn Tám được giải ngân [[80 triệu đồng|VND]].", {"indicator": None}),
    ("anecdote:Anh", "-", "vi", VI_NGHE + "Anh em trong tỉnh được giải ngân [[80 tỷ đồng|VND]].", {"indicator": "lending_turnover"}),
    ("reporting:said", "+", "en", NGHE + "Mr. Pham Duc Cuong said the branch maintains [[21 transaction offices|transaction offices]].", {"indicator": "transaction_offices"}),
    ("reporting:said", "-", "en", NGHE + "Mr. Pham Duc Cuong runs a shop and keeps [[21 transaction offices|transaction offices]].", {"indicator": None}),
    ("reporting:stated", "+", "en", NGHE + "Ms. Le Thi Ha stated that the branch disbursed [[VND 900 billion|VND]].", {"indicator": "lending_turnover"}),
    ("reporting:stated", "-", "en", NGHE + "Ms. Le Thi Ha disbursed [[VND 90 million|VND]] to her farm.", {"indicator": None}),
    ("reporting:reported", "+", "en", NGHE + "Mr. Ho Van Nam reported outstanding loans of [[VND 9,000 billion|VND]].", {"indicator": "outstanding_loans"}),
    ("reporting:reported", "-", "en", NGHE + "Mr. Ho Van Nam still has outstanding loans of [[VND 90 million|VND]].", {"indicator": None}),
    ("reporting:cho biết", "+", "vi", VI_NGHE + "Ông Phạm Đức Cường cho biết tổng dư nợ đạt [[13.612 tỷ đồng|VND]].", {"indicator": "outstanding_loans"}),
    ("reporting:cho biết", "-", "vi", VI_NGHE + "Ông Phạm Đức Cường còn dư nợ [[50 triệu đồng|VND]].", {"indicator": None}),
    ("reporting:phát biểu", "+", "vi", VI_NGHE + "Bà Lê Thị Hà phát biểu: tổng dư nợ đạt [[13.612 tỷ đồng|VND]].", {"indicator": "outstanding_loans"}),
    ("reporting:phát biểu", "-", "vi", VI_NGHE + "Bà Lê Thị Hà có dư nợ [[50 triệu đồng|VND]].", {"indicator": None}),
]


RULES += [
    # bank: a title naming the bank and no province makes the figures national
    ("bank:VBSP", "+", "en", "VBSP outstanding loans reach 166 trillion VND\nBy staff\nTotal outstanding loans reached [[166.43 trillion VND|VND]].", {"province": "national", "rule_province": "document:national"}),
    ("bank:VBSP", "-", "en", "VBSP Nghe An branch reviews 2024\nBy staff\nTotal outstanding loans reached [[13,000 billion VND|VND]].", {"province": "Nghệ An"}),
    ("bank:Vietnam Bank for Social Policies", "+", "en", "The Vietnam Bank for Social Policies reviews 2018\nBy staff\nLending turnover reached [[66,251 billion VND|VND]].", {"province": "national"}),
    ("bank:Vietnam Bank for Social Policies", "-", "en", "The Vietnam Bank for Social Policies in Ha Tinh reviews 2016\nBy staff\nLending turnover reached [[1,356 billion VND|VND]].", {"province": "Hà Tĩnh"}),
    ("bank:Social Policy Bank", "+", "en", "Social Policy Bank reviews the year\nBy staff\nOverdue debt accounted for [[0.3%|%|0.3]].", {"province": "national"}),
    ("bank:Social Policy Bank", "-", "en", "A good year for poor households\nBy staff\nOverdue debt accounted for [[0.3%|%|0.3]].", {"province": None}),
    ("bank:NHCSXH", "+", "vi", "NHCSXH sơ kết 6 tháng\nPV\nTổng dư nợ đạt [[380.126 tỷ đồng|VND]].", {"province": "national"}),
    ("bank:NHCSXH", "-", "vi", "NHCSXH tỉnh Cao Bằng sơ kết 6 tháng\nPV\nTổng dư nợ đạt [[5.126 tỷ đồng|VND]].", {"province": "Cao Bằng"}),
    ("bank:Ngân hàng Chính sách xã hội", "+", "vi", "Ngân hàng Chính sách xã hội: dư nợ tăng\nPV\nTổng dư nợ đạt [[380.126 tỷ đồng|VND]].", {"province": "national"}),
    ("bank:Ngân hàng Chính sách xã hội", "-", "vi", "Tín dụng chính sách: dư nợ tăng\nPV\nTổng dư nợ đạt [[380.126 tỷ đồng|VND]].", {"province": None}),
    # awards and more programme shares
    ("awards:Certificates of Merit", "+", "en", NGHE + "Certificates of Merit went to [[25 savings and loan groups|savings and loan groups]].", {"indicator": None}),
    ("awards:Certificates of Merit", "-", "en", NGHE + "The province has [[25 savings and loan groups|savings and loan groups]].", {"indicator": "savings_loan_groups"}),
    ("awards:awarded", "+", "en", NGHE + "The province awarded [[10 transaction points|transaction points]] for good service.", {"indicator": None}),
    ("awards:awarded", "-", "en", NGHE + "The province has [[10 transaction points|transaction points]].", {"indicator": "transaction_points"}),
    ("awards:giấy khen", "+", "vi", VI_NGHE + "Giám đốc tặng giấy khen cho [[25 Tổ TK&VV|savings and loan groups]] tiêu biểu.", {"indicator": None}),
    ("awards:giấy khen", "-", "vi", VI_NGHE + "Toàn tỉnh có [[2.500 Tổ TK&VV|savings and loan groups]].", {"indicator": "savings_loan_groups"}),
    ("awards:bằng khen", "+", "vi", VI_NGHE + "Tỉnh tặng bằng khen cho [[15 phòng giao dịch|transaction offices]].", {"indicator": None}),
    ("awards:bằng khen", "-", "vi", VI_NGHE + "Tỉnh có [[15 phòng giao dịch|transaction offices]].", {"indicator": "transaction_offices"}),
    ("programme:programme alone", "+", "en", NGHE + "The near-poor household programme alone disbursed [[VND 418 billion|VND]].", {"indicator": None}),
    ("programme:programme alone", "-", "en", NGHE + "The branch alone disbursed [[VND 2,854 billion|VND]].", {"indicator": "lending_turnover"}),
    ("programme:program alone", "+", "en", NGHE + "The student loan program alone had outstanding loans of [[VND 900 billion|VND]].", {"indicator": None}),
    ("programme:program alone", "-", "en", NGHE + "In 2016 alone, the branch had outstanding loans of [[VND 5,148 billion|VND]].", {"indicator": "outstanding_loans"}),
]


RULES += [
    # restatement: a clause opening with "or" after a change is a change too
    ("restatement:or", "+", "en", NGHE + "Outstanding loans stood at [[VND 13,357 billion|VND]], an increase of [[VND 727 billion|VND|727000000000|increase]], or [[5.76%|%|5.76]], compared to {{the end of 2023|2023-12-31}}.", {"change_value": 727000000000}),
    ("restatement:or", "-", "en", NGHE + "Outstanding loans stood at [[VND 13,357 billion|VND]]; overdue debt was [[VND 20 billion|VND]] or [[*0.15%|%|0.15]].", {"indicator": "overdue_debt_rate"}),
    ("restatement:equivalent to", "+", "en", NGHE + "Total outstanding loans reached [[VND 9,000 billion|VND]], up [[VND 500 billion|VND|500000000000]] compared to 2024, equivalent to [[*5.8%|%|5.8]].", {"indicator": "outstanding_growth_rate", "value": Decimal("5.8")}),
    ("restatement:equivalent to", "-", "en", NGHE + "Total outstanding loans reached [[VND 9,000 billion|VND]], equivalent to [[*5.8%|%|5.8]] of the plan.", {"indicator": None}),
    ("restatement:tương đương", "+", "vi", VI_NGHE + "Tổng dư nợ đạt [[16.652 tỷ đồng|VND]], tăng [[1.198 tỷ đồng|VND|1198000000000]] so với cuối năm 2023, tương đương [[*7,75%|%|7.75]].", {"indicator": "outstanding_growth_rate"}),
    ("restatement:tương đương", "-", "vi", VI_NGHE + "Tổng dư nợ đạt [[16.652 tỷ đồng|VND]], tương đương [[*7,75%|%|7.75]] kế hoạch.", {"indicator": None}),
    ("restatement:tương ứng", "+", "vi", VI_NGHE + "Tổng dư nợ đạt [[380.126 tỷ đồng|VND]], tăng [[22.514 tỷ đồng|VND|22514000000000]] so với cuối năm 2024, tương ứng [[*6,3%|%|6.3]].", {"indicator": "outstanding_growth_rate"}),
    ("restatement:tương ứng", "-", "vi", VI_NGHE + "Tổng dư nợ đạt [[380.126 tỷ đồng|VND]], tương ứng [[*6,3%|%|6.3]] kế hoạch.", {"indicator": None}),
    # place_binders: a place right after a figure is its place
    ("place_binders:in", "+", "en", NGHE + "Outstanding loans were [[VND 5,204 billion|VND]] in Ha Giang (old) and [[*VND 4,612 billion|VND]] in Tuyen Quang (old).", {"province": "Tuyên Quang", "rule_province": "clause:after"}),
    ("place_binders:in", "-", "en", NGHE + "In Ha Giang (old) outstanding loans were [[VND 5,204 billion|VND]] and rose in time.", {"province": "Hà Giang", "rule_province": "clause"}),
    ("place_binders:for", "+", "en", NGHE + "Of this, Nam Dinh (old) accounted for [[VND 5,870 billion|VND]], and outstanding loans were [[*VND 3,960 billion|VND]] for Ninh Binh (old).", {"province": "Ninh Bình", "boundaries": "pre-2025"}),
    ("place_binders:for", "-", "en", NGHE + "Outstanding loans were [[VND 3,960 billion|VND]] for the bank in Ninh Binh.", {"province": "Ninh Bình", "rule_province": "clause"}),
    ("place_binders:tại", "+", "vi", VI_NGHE + "Dư nợ đạt [[5.204 tỷ đồng|VND]] tại Hà Giang (cũ) và [[*4.612 tỷ đồng|VND]] tại Tuyên Quang (cũ).", {"province": "Tuyên Quang"}),
    ("place_binders:tại", "-", "vi", VI_NGHE + "Tại Hà Giang (cũ), dư nợ đạt [[5.204 tỷ đồng|VND]] và còn tăng.", {"province": "Hà Giang"}),
    ("place_binders:ở", "+", "vi", VI_NGHE + "Dư nợ đạt [[5.204 tỷ đồng|VND]] ở Hà Giang (cũ) và [[*4.612 tỷ đồng|VND]] ở Tuyên Quang (cũ).", {"province": "Tuyên Quang"}),
    ("place_binders:ở", "-", "vi", VI_NGHE + "Ở Hà Giang (cũ), dư nợ đạt [[5.204 tỷ đồng|VND]] và còn tăng.", {"province": "Hà Giang"}),
    ("place_binders:của", "+", "vi", VI_NGHE + "Dư nợ đạt [[5.204 tỷ đồng|VND]] của Hà Giang (cũ) và [[*4.612 tỷ đồng|VND]] của Tuyên Quang (cũ).", {"province": "Tuyên Quang"}),
    ("place_binders:của", "-", "vi", VI_NGHE + "Dư nợ của Hà Giang (cũ) đạt [[5.204 tỷ đồng|VND]] và còn tăng.", {"province": "Hà Giang"}),
    # more blockers and programme shares
    ("blockers:overdue and frozen", "+", "en", NGHE + "Overdue and frozen debts accounted for [[0.6%|%|0.6]] of total outstanding loans.", {"indicator": None}),
    ("blockers:overdue and frozen", "-", "en", NGHE + "Frozen debts accounted for [[0.06%|%|0.06]] of total outstanding loans.", {"indicator": "frozen_debt_rate"}),
    ("blockers:nợ quá hạn và nợ khoanh", "+", "vi", VI_NGHE + "Nợ quá hạn và nợ khoanh chiếm [[0,6%|%|0.6]] tổng dư nợ.", {"indicator": None}),
    ("blockers:nợ quá hạn và nợ khoanh", "-", "vi", VI_NGHE + "Nợ khoanh chiếm [[0,06%|%|0.06]] tổng dư nợ.", {"indicator": "frozen_debt_rate"}),
    ("programme:under Resolution", "+", "en", NGHE + "The bank was allocated [[VND 38,400 billion|VND]] under Resolution No. 11/NQ-CP.", {"indicator": None}),
    ("programme:under Resolution", "-", "en", NGHE + "The province allocated [[VND 38 billion|VND]] in line with the resolution.", {"indicator": "local_entrusted_capital"}),
    ("programme:theo Nghị định", "+", "vi", VI_NGHE + "Dư nợ theo Nghị định 28 đạt [[1.204 tỷ đồng|VND]].", {"indicator": None}),
    ("programme:theo Nghị định", "-", "vi", VI_NGHE + "Dư nợ đạt [[11.204 tỷ đồng|VND]] sau khi có Nghị định 28.", {"indicator": "outstanding_loans"}),
    ("programme:theo Quyết định", "+", "vi", VI_NGHE + "Vốn cho vay theo Quyết định 1719 đã đến với [[6.105 hộ|households]].", {"indicator": None}),
    ("programme:theo Quyết định", "-", "vi", VI_NGHE + "Chi nhánh đã cho vay [[6.105 hộ|households]] trong năm.", {"indicator": "borrowers_reached"}),
]


RULES += [
    ("target:aims for", "+", "en", NGHE + "For 2019, the bank aims for outstanding loan growth of [[10%|%|10]].", {"status": "target"}),
    ("target:aims for", "-", "en", NGHE + "Outstanding loan growth was [[10%|%|10]]; the bank aims for more.", {"status": "actual"}),
    ("target:the target that", "+", "en", NGHE + "The plan sets the target that entrusted capital will reach [[VND 200 billion|VND]].", {"status": "target"}),
    ("target:the target that", "-", "en", NGHE + "Entrusted capital reached [[VND 200 billion|VND]], meeting the target that was set.", {"status": "actual"}),
    ("target:is to be", "+", "en", NGHE + "Overdue debt is to be kept below [[0.5%|%|0.5]].", {"status": "target"}),
    ("target:is to be", "-", "en", NGHE + "Overdue debt was [[0.5%|%|0.5]], which is to be welcomed.", {"status": "actual"}),
    ("present:now", "+", "en", NGHE + "The bank's network now comprises [[613 transaction offices|transaction offices]].", {"rule_date": "present:now", "date_inferred": False}),
    ("present:now", "-", "en", NGHE + "The bank's network comprises [[613 transaction offices|transaction offices]].", {"rule_date": "published", "date_inferred": True}),
    ("comparison_dated:over", "+", "en", NGHE + "Outstanding loans reached [[VND 5,148 billion|VND]], up [[9.4%|%|9.4]] over {{2015|2015-01-01..2015-12-31}}.", {"change_value": Decimal("9.4"), "change_baseline": "2015-12-31"}),
    ("comparison_dated:over", "-", "en", NGHE + "Total capital reached [[over VND 13,374 billion|VND]] in {{2024|2024-01-01..2024-12-31}}.", {"indicator": "total_capital", "as_of": "2024-12-31"}),
    ("comparison_dated:than in", "+", "en", NGHE + "Outstanding loans reached [[VND 5,148 billion|VND]], [[VND 1,000 billion|VND|1000000000000]] more than in {{2014|2014-01-01..2014-12-31}}.", {"change_value": Decimal("1000000000000"), "change_baseline": "2014-12-31"}),
    ("comparison_dated:than in", "-", "en", NGHE + "Outstanding loans, higher than in most provinces, reached [[VND 5,148 billion|VND]] by {{the end of 2024|2024-12-31}}.", {"change_value": None, "as_of": "2024-12-31"}),
    ("comparison_dated:than", "+", "en", NGHE + "Outstanding loans reached [[VND 5,148 billion|VND]], [[VND 1,000 billion|VND|1000000000000]] higher than {{2014|2014-01-01..2014-12-31}}.", {"change_value": Decimal("1000000000000"), "change_baseline": "2014-12-31"}),
    ("comparison_dated:than", "-", "en", NGHE + "Total capital reached [[more than VND 13,374 billion|VND]] in {{2024|2024-01-01..2024-12-31}}.", {"indicator": "total_capital", "as_of": "2024-12-31"}),
    ("comparison_dated:against", "+", "en", NGHE + "Total outstanding loans reached [[166.43 trillion VND|VND]], up [[9.9%|%|9.9]] against {{the end of 2015|2015-12-31}}.", {"change_value": Decimal("9.9"), "change_baseline": "2015-12-31"}),
    ("comparison_dated:against", "-", "en", NGHE + "Total outstanding loans reached [[166.43 trillion VND|VND]], a hedge against risk, by {{the end of 2016|2016-12-31}}.", {"change_value": None, "as_of": "2016-12-31"}),
]

# merged_from: the units a merged province was formed from are not the figure's place
RULES += [
    ("merged_from:merger of", "+", "en", HEAD + "Dak Lak province (new), set up by the merger of Dak Lak and Phu Yen, has total capital of [[VND 16,200 billion|VND]].", {"province": "Đắk Lắk"}),
    ("merged_from:merger of", "-", "en", HEAD + "After the merger of two communes, Phu Yen had total capital of [[VND 5,100 billion|VND]].", {"province": "Phú Yên"}),
    ("merged_from:merging", "+", "en", HEAD + "Gia Lai province, after merging Gia Lai and Binh Dinh provinces, had outstanding loans of [[VND 20,000 billion|VND]].", {"province": "Gia Lai"}),
    ("merged_from:merging", "-", "en", HEAD + "After merging offices, Binh Dinh had outstanding loans of [[VND 9,000 billion|VND]].", {"province": "Bình Định"}),
    ("merged_from:merged from", "+", "en", HEAD + "Dak Lak province, merged from Dak Lak and Phu Yen, has total capital of [[VND 16,200 billion|VND]].", {"province": "Đắk Lắk"}),
    ("merged_from:merged from", "-", "en", HEAD + "Merged from two branches, the Phu Yen office reported total capital of [[VND 5,100 billion|VND]].", {"province": "Phú Yên"}),
    ("merged_from:formed from", "+", "en", HEAD + "Dak Lak province, formed from the former provinces of Dak Lak and Phu Yen, has total capital of [[VND 16,200 billion|VND]].", {"province": "Đắk Lắk"}),
    ("merged_from:formed from", "-", "en", HEAD + "Formed from two branches, the Phu Yen branch has total capital of [[VND 5,100 billion|VND]].", {"province": "Phú Yên"}),
    ("merged_from:merged with", "+", "en", HEAD + "Ninh Binh, merged with Nam Dinh and Ha Nam, has outstanding loans of [[VND 26,000 billion|VND]].", {"province": "Ninh Bình"}),
    ("merged_from:merged with", "-", "en", HEAD + "Its office merged with another; Nam Dinh has outstanding loans of [[VND 9,000 billion|VND]].", {"province": "Nam Định"}),
    ("merged_from:sáp nhập", "+", "vi", "Tin tức\nTỉnh Đắk Lắk (mới) được sáp nhập từ tỉnh Đắk Lắk và tỉnh Phú Yên, có tổng nguồn vốn [[16.200 tỷ đồng|VND]].", {"province": "Đắk Lắk"}),
    ("merged_from:sáp nhập", "-", "vi", "Tin tức\nSau sáp nhập, tỉnh Phú Yên có tổng nguồn vốn [[5.100 tỷ đồng|VND]].", {"province": "Phú Yên"}),
    ("merged_from:hợp nhất", "+", "vi", "Tin tức\nTỉnh Gia Lai, hợp nhất tỉnh Gia Lai và tỉnh Bình Định, có tổng dư nợ [[20.000 tỷ đồng|VND]].", {"province": "Gia Lai"}),
    ("merged_from:hợp nhất", "-", "vi", "Tin tức\nSau khi hợp nhất, tỉnh Bình Định có tổng dư nợ [[9.000 tỷ đồng|VND]].", {"province": "Bình Định"}),
]

# change_from: "from" right after a change and before a date is the change's baseline
RULES += [
    ("change_from:from", "+", "en", NGHE + "By {{June 30, 2025|2025-06-30}}, total capital was [[VND 9,410 billion|VND]]. Outstanding loans reached [[*VND 9,356 billion|VND]], up [[5.8%|%|5.8|increase]] from {{the beginning of the year|2025-01-01|year}}.",
     {"as_of": "2025-06-30", "change_value": 5.8, "change_baseline": "2025-01-01"}),
    ("change_from:from", "-", "en", NGHE + "The bank disbursed [[*VND 5,320 billion|VND]] from {{2015|2015-01-01..2015-12-31}} to {{2019|2019-01-01..2019-12-31}}, up [[20%|%|20|increase]] from the plan.",
     {"indicator": "lending_turnover", "period_start": "2015-01-01", "period_end": "2019-12-31"}),
]


@pytest.mark.parametrize(("rule", "polarity", "lang", "markup", "expected"), RULES,
                         ids=[f"{r[0]}{r[1]}" for r in RULES])
def test_rule(rule: str, polarity: str, lang: str, markup: str, expected: dict[str, Any]) -> None:
    check(observe(markup, lang=lang), expected)


def _rule_ids() -> set[str]:
    data = yaml.safe_load((Path(__file__).resolve().parents[1] / "rules" / "linking.yaml").read_text("utf-8"))
    return {f"{name}:{phrase}" for name in MARKER_LISTS for lang in ("en", "vi") for phrase in data[name][lang]}


def test_every_linking_rule_has_a_positive_and_a_negative_example() -> None:
    """Meta: no phrase of rules/linking.yaml lacks examples, and no example names a stale rule."""
    ids = _rule_ids()
    positive = {r[0] for r in RULES if r[1] == "+"}
    negative = {r[0] for r in RULES if r[1] == "-"}
    assert ids - positive == set(), "rules without a positive example"
    assert ids - negative == set(), "rules without a negative example"
    assert positive | negative <= ids, "examples for rules that no longer exist"


# --- the linker's own rules: (key, rule id, polarity, language, markup, publication date) ------------

OLD_NB = "Ninh Binh (old) added [[*20 billion VND|VND]] in entrusted capital."
CODE: list[tuple[str, str, str, str, str, dt.date | None]] = [
    ("indicator", "unit:", "+", "en", NGHE + "The whole province has [[6,213 savings and loan groups|savings and loan groups]].", PUB),
    ("indicator", "unit:", "-", "en", NGHE + "Outstanding loans reached [[VND 5,000 billion|VND]].", PUB),
    ("indicator", "cue:", "+", "en", NGHE + "Outstanding loans reached [[VND 5,000 billion|VND]].", PUB),
    ("indicator", "cue:", "-", "en", NGHE + "The province has [[21 transaction offices|transaction offices]].", PUB),
    ("indicator", "cue-after:", "+", "en", NGHE + "With [[234,414 households|households]] still having outstanding loans.", PUB),
    ("indicator", "cue-after:", "-", "en", NGHE + "Outstanding loans reached [[VND 5,000 billion|VND]].", PUB),
    ("indicator", "listed-by-place:", "+", "en", NGHE + "Outstanding loans reached [[VND 13,590 billion|VND]]. Of this, Nam Dinh (old) accounted for [[*VND 5,870 billion|VND]].", PUB),
    ("indicator", "listed-by-place:", "-", "en", NGHE + "Outstanding loans reached [[VND 13,590 billion|VND]]. Then a project in Nam Dinh (old) cost [[*VND 5,870 billion|VND]].", PUB),
    ("indicator", "change-of:", "+", "en", NGHE + "Total outstanding loans reached [[VND 3,461 billion|VND]], an increase of [[*9.6%|%|9.6]] compared to {{the end of 2017|2017-12-31}}.", PUB),
    ("indicator", "change-of:", "-", "en", NGHE + "The credit growth was [[9.6%|%|9.6]].", PUB),
    ("province", "clause:after", "+", "en", NGHE + "Outstanding loans were [[VND 5,204 billion|VND]] in Ha Giang (old).", PUB),
    ("province", "clause:after", "-", "en", NGHE + "Outstanding loans in Ha Giang reached [[VND 5,204 billion|VND]].", PUB),
    ("province", "clause", "+", "en", NGHE + "Outstanding loans in Ha Giang reached [[VND 5,204 billion|VND]].", PUB),
    ("province", "clause", "-", "en", NGHE + "In Ha Giang, outstanding loans reached [[VND 5,204 billion|VND]].", PUB),
    ("province", "sentence", "+", "en", NGHE + "In Ha Giang, outstanding loans reached [[VND 5,204 billion|VND]].", PUB),
    ("province", "sentence", "-", "en", NGHE + "Outstanding loans reached [[VND 5,204 billion|VND]].", PUB),
    ("province", "document:title", "+", "en", NGHE + "Outstanding loans reached [[VND 5,000 billion|VND]].", PUB),
    ("province", "document:title", "-", "en", HEAD + "Outstanding loans reached [[VND 5,000 billion|VND]]. Ha Tinh grew. Ha Tinh sent delegates.", PUB),
    ("province", "document:frequency", "+", "en", HEAD + "Outstanding loans reached [[VND 5,000 billion|VND]]. Ha Tinh grew. Ha Tinh sent delegates.", PUB),
    ("province", "document:frequency", "-", "en", HEAD + "Outstanding loans reached [[VND 5,000 billion|VND]]. Ha Tinh sent delegates.", PUB),
    ("province", "document:national", "+", "en", "VBSP reviews 2016\nBy staff\nOutstanding loans reached [[VND 166,430 billion|VND]].", PUB),
    ("province", "document:national", "-", "en", "VBSP Nghe An branch reviews 2016\nBy staff\nOutstanding loans reached [[VND 9,430 billion|VND]].", PUB),
    ("province", "none", "+", "en", HEAD + "Outstanding loans reached [[VND 5,000 billion|VND]].", PUB),
    ("province", "none", "-", "en", NGHE + "Outstanding loans reached [[VND 5,000 billion|VND]].", PUB),
    ("boundaries", "date", "+", "en", NGHE + "By {{June 30, 2024|2024-06-30}}, outstanding loans reached [[VND 13,357 billion|VND]].", PUB),
    ("boundaries", "date", "-", "en", NGHE + OLD_NB, PUB),
    ("boundaries", "old-marker", "+", "en", NGHE + OLD_NB, PUB),
    ("boundaries", "old-marker", "-", "en", NGHE + "Ninh Binh added [[20 billion VND|VND]] in entrusted capital.", PUB),
    ("boundaries", "merged-away", "+", "en", NGHE + "Outstanding loans in Nam Dinh reached [[VND 5,000 billion|VND]] by {{September 30, 2025|2025-09-30}}.", PUB),
    ("boundaries", "merged-away", "-", "en", NGHE + "Outstanding loans in Ninh Binh reached [[VND 5,000 billion|VND]] by {{September 30, 2025|2025-09-30}}.", PUB),
    ("boundaries", "no-date", "+", "en", NGHE + "Outstanding loans reached [[VND 5,000 billion|VND]].", None),
    ("boundaries", "no-date", "-", "en", NGHE + "Outstanding loans reached [[VND 5,000 billion|VND]].", PUB),
    ("date", "sentence:as_of", "+", "en", NGHE + "By {{June 30, 2024|2024-06-30}}, outstanding loans reached [[VND 13,357 billion|VND]].", PUB),
    ("date", "sentence:as_of", "-", "en", NGHE + "In {{2024|2024-01-01..2024-12-31}}, outstanding loans reached [[VND 13,357 billion|VND]].", PUB),
    ("date", "sentence:period_end", "+", "en", NGHE + "In {{2024|2024-01-01..2024-12-31}}, outstanding loans reached [[VND 13,357 billion|VND]].", PUB),
    ("date", "sentence:period_end", "-", "en", NGHE + "By {{June 30, 2024|2024-06-30}}, outstanding loans reached [[VND 13,357 billion|VND]].", PUB),
    ("date", "sentence:period", "+", "en", NGHE + "In {{2024|2024-01-01..2024-12-31}}, the bank disbursed [[VND 900 billion|VND]].", PUB),
    ("date", "sentence:period", "-", "en", NGHE + "By {{June 30, 2024|2024-06-30}}, the bank disbursed [[VND 900 billion|VND]].", PUB),
    ("date", "sentence:open", "+", "en", NGHE + "In {{2025|2025-01-01..}}, the bank disbursed [[VND 900 billion|VND]].", PUB),
    ("date", "sentence:open", "-", "en", NGHE + "In {{2025|2025-01-01..2025-12-31}}, the bank disbursed [[VND 900 billion|VND]].", PUB),
    ("date", "sentence:from-to", "+", "en", NGHE + "From {{2015|2015-01-01..2015-12-31}} to {{June 2019|2019-06-01..2019-06-30}}, the branch lent [[VND 5,320 billion|VND]]; it collected [[*VND 3,960 billion|VND]].", PUB),
    ("date", "sentence:from-to", "-", "en", NGHE + "From {{2015|2015-01-01..2015-12-31}}, the branch lent [[VND 5,320 billion|VND]].", PUB),
    ("date", "sentence:since", "+", "en", NGHE + "From {{2015|2015-01-01..2015-12-31}}, the branch lent [[VND 5,320 billion|VND]].", PUB),
    ("date", "sentence:since", "-", "en", NGHE + "In {{2015|2015-01-01..2015-12-31}}, the branch lent [[VND 5,320 billion|VND]].", PUB),
    ("date", "sentence:until", "+", "en", NGHE + "From {{2015|2015-01-01..2015-12-31}} it grew and by {{June 30, 2019|2019-06-30}} it had lent [[VND 5,320 billion|VND]].", PUB),
    ("date", "sentence:until", "-", "en", NGHE + "By {{June 30, 2019|2019-06-30}} it had lent [[VND 5,320 billion|VND]].", PUB),
    ("date", "sentence:end", "+", "en", NGHE + "By {{June 30, 2019|2019-06-30}} it had lent [[VND 5,320 billion|VND]].", PUB),
    ("date", "sentence:end", "-", "en", NGHE + "By {{the end of 2018|2018-12-31|year}} it had lent [[VND 5,320 billion|VND]].", PUB),
    ("date", "sentence:year-to-date", "+", "en", NGHE + "By {{the end of 2018|2018-12-31|year}} it had lent [[VND 5,320 billion|VND]].", PUB),
    ("date", "sentence:year-to-date", "-", "en", NGHE + "By {{June 30, 2019|2019-06-30}} it had lent [[VND 5,320 billion|VND]].", PUB),
    ("date", "sentence:to_now", "+", "en", NGHE + "From {{the beginning of 2025|2025-01-01}} to now, outstanding loans rose to [[VND 13,612 billion|VND]].", PUB),
    ("date", "sentence:to_now", "-", "en", NGHE + "At {{the beginning of 2025|2025-01-01}}, outstanding loans were [[VND 12,612 billion|VND]].", PUB),
    ("date", "since:", "+", "en", NGHE + "Since the implementation of <<Directive 40-CT/TW|40-CT/TW|2014-11-22>>, lending turnover reached [[VND 27,706 billion|VND]].", PUB),
    ("date", "since:", "-", "en", NGHE + "After <<Directive 40-CT/TW|40-CT/TW|2014-11-22>>, lending turnover reached [[VND 27,706 billion|VND]].", PUB),
    ("date", "present:", "+", "en", NGHE + "The branch currently maintains [[21 transaction offices|transaction offices]].", PUB),
    ("date", "present:", "-", "en", NGHE + "The branch maintains [[21 transaction offices|transaction offices]].", PUB),
    ("date", "frame", "+", "en", NGHE + "By {{June 30, 2024|2024-06-30}}, outstanding loans reached [[VND 13,357 billion|VND]]. The province has [[*21 transaction offices|transaction offices]].", PUB),
    ("date", "frame", "-", "en", NGHE + "The province has [[21 transaction offices|transaction offices]].", PUB),
    ("date", "published", "+", "en", NGHE + "The province has [[21 transaction offices|transaction offices]].", PUB),
    ("date", "published", "-", "en", NGHE + "By {{June 30, 2024|2024-06-30}}, outstanding loans reached [[VND 13,357 billion|VND]]. The province has [[*21 transaction offices|transaction offices]].", PUB),
    ("date", "old-marker:undated", "+", "en", NGHE + "From {{the beginning of 2025|2025-01-01}} to now, the province disbursed [[VND 3,843 billion|VND]]. " + OLD_NB, PUB),
    ("date", "old-marker:undated", "-", "en", NGHE + "Ninh Binh (old) had outstanding loans of [[VND 4,000 billion|VND]] by {{June 30, 2025|2025-06-30}}.", PUB),
    ("date", "headline", "+", "en", "Nghe An: outstanding loans reach [[nearly VND 11,000 billion|VND|11000000000000]]\nBy staff\nAs of {{April 30, 2021|2021-04-30}}, outstanding loans reached [[VND 10,936 billion|VND]].", PUB),
    ("date", "headline", "-", "en", "Nghe An: outstanding loans reach [[nearly VND 11,000 billion|VND|11000000000000]]\nBy staff\nThe province has [[21 transaction offices|transaction offices]].", PUB),
    ("date", "none", "+", "en", NGHE + "Outstanding loans reached [[VND 5,000 billion|VND]].", None),
    ("date", "none", "-", "en", NGHE + "Outstanding loans reached [[VND 5,000 billion|VND]].", PUB),
    ("status", "target:", "+", "en", NGHE + "The branch is striving to raise outstanding loans to [[VND 15,000 billion|VND]].", PUB),
    ("status", "target:", "-", "en", NGHE + "Outstanding loans reached [[VND 13,000 billion|VND]].", PUB),
    ("status", "future-date", "+", "en", NGHE + "Outstanding loans will reach [[VND 15,000 billion|VND]] by {{2030|2030-01-01..2030-12-31}}.", PUB),
    ("status", "future-date", "-", "en", NGHE + "Outstanding loans reached [[VND 13,000 billion|VND]] by {{2024|2024-01-01..2024-12-31}}.", PUB),
    ("status", "actual", "+", "en", NGHE + "Outstanding loans reached [[VND 13,000 billion|VND]] by {{2024|2024-01-01..2024-12-31}}.", PUB),
    ("status", "actual", "-", "en", NGHE + "The branch is striving to raise outstanding loans to [[VND 15,000 billion|VND]].", PUB),
    ("change", "change:", "+", "en", NGHE + "Total capital reached [[VND 13,374 billion|VND]], an increase of [[VND 7,132 billion|VND|7132000000000]] compared to {{2014|2014-01-01..2014-12-31}}.", PUB),
    ("change", "change:", "-", "en", NGHE + "Total capital reached [[VND 13,374 billion|VND]].", PUB),
]


@pytest.mark.parametrize(("key", "rule", "polarity", "lang", "markup", "published"), CODE,
                         ids=[f"{r[0]}={r[1]}{r[2]}" for r in CODE])
def test_code_rule(key: str, rule: str, polarity: str, lang: str, markup: str, published: dt.date | None) -> None:
    obs = observe(markup, lang=lang, published=published)
    decided = obs is not None and decided_by(obs.rules.get(key, ""), rule)
    assert decided == (polarity == "+"), obs.rules if obs else None


def test_a_headline_takes_the_date_that_governs_the_body() -> None:
    """The body's figure is dated by an earlier sentence's "As of …" (the frame), not in its own
    sentence: the headline still reports that date, not the publication date."""
    obs = observe("Nghe An: outstanding loans reach [[nearly VND 11,000 billion|VND|11000000000000]]\nBy staff\n"
                  "As of {{April 30, 2021|2021-04-30}}, total capital reached [[VND 11,500 billion|VND]]. "
                  "Outstanding loans reached [[VND 10,936 billion|VND]].", lang="en", published=PUB)
    assert obs is not None and obs.rules["date"] == "headline"
    assert obs.as_of == dt.date(2021, 4, 30)


@pytest.mark.parametrize(("markup", "province"), [
    ("Loans reach the poor\nHanoi (VNA) - Outstanding loans reached [[VND 5,000 billion|VND]].", None),
    ("Loans reach the poor\nHanoi, {{January 5, 2026|2026-01-05}}\nOutstanding loans reached [[VND 5,000 billion|VND]].", None),
    ("Loans reach the poor\nHanoi, {{05/01/2026|2026-01-05}} - Outstanding loans reached [[VND 5,000 billion|VND]].", None),
    # not datelines: the place is the subject, or the line does not open with it
    ("Loans reach the poor\nHanoi, the capital, reported outstanding loans of [[VND 5,000 billion|VND]].", "Hà Nội"),
    ("Loans reach the poor\nBy {{January 5, 2026|2026-01-05}}, outstanding loans in Hanoi reached [[VND 5,000 billion|VND]].", "Hà Nội"),
])
def test_the_place_a_story_was_filed_from_is_not_its_province(markup: str, province: str | None) -> None:
    check(observe(markup, lang="en"), {"province": province})


def test_every_code_rule_has_a_positive_and_a_negative_example() -> None:
    """Meta: every rule id of ``CODE_RULES`` is shown deciding and not deciding."""
    ids = {(key, rule) for key, rules in CODE_RULES.items() for rule in rules}
    positive = {(r[0], r[1]) for r in CODE if r[2] == "+"}
    negative = {(r[0], r[1]) for r in CODE if r[2] == "-"}
    assert sorted(ids - positive) == [] and sorted(ids - negative) == []
    assert sorted((positive | negative) - ids) == []


# --- the seeds, end to end through the extraction pipeline ---------------------------------------------

SEEDS = Path(__file__).resolve().parents[1] / "corpus" / "seeds"


def _seed(name: str, published: dt.date | None) -> Extraction:
    from extractor.pipeline import extract_text

    path = next(SEEDS.glob(f"{name}_*.txt"))
    return extract_text(path.read_text("utf-8"), source=str(path), lang="en", published=published)


def _find(ex: Extraction, indicator: str, value: int | str) -> list[Observation]:
    return [o for o in ex.observations if o.indicator == indicator and o.value == Decimal(value)]


def test_seed_000_nghe_an_outstanding_loans_and_borrowers() -> None:
    ex = _seed("000", None)
    assert ex.document.province == "Nghệ An"
    (loans,) = _find(ex, "outstanding_loans", 13_357_000_000_000)
    assert (loans.province, loans.boundaries, loans.as_of, loans.status) == (
        "Nghệ An", "pre-2025", dt.date(2024, 6, 30), "actual")
    (borrowers,) = _find(ex, "borrowers_outstanding", 234_414)
    assert (borrowers.province, borrowers.unit, borrowers.as_of) == ("Nghệ An", "households", dt.date(2024, 6, 30))


def test_seed_000_changes_attach_to_their_level() -> None:
    ex = _seed("000", None)
    (capital,) = _find(ex, "total_capital", 13_374_000_000_000)
    assert (capital.change_value, capital.change_unit, capital.change_baseline) == (
        Decimal(7_132_000_000_000), "VND", dt.date(2014, 12, 31))
    assert not _find(ex, "total_capital", 7_132_000_000_000)  # a change is never a level


def test_seed_000_flows_since_directive_40() -> None:
    ex = _seed("000", None)
    (lending,) = _find(ex, "lending_turnover", 27_706_000_000_000)
    assert lending.period_start == dt.date(2014, 11, 22)  # Directive 40-CT/TW's issue date
    (target,) = _find(ex, "local_entrusted_capital", 400_000_000_000)
    assert target.status == "target"


def test_seed_002_ninh_binh_after_the_merger() -> None:
    ex = _seed("002", dt.date(2025, 10, 26))
    assert ex.document.province == "Ninh Bình"
    (capital,) = _find(ex, "total_capital", 13_625_000_000_000)
    assert (capital.province, capital.boundaries, capital.as_of) == ("Ninh Bình", "2025", dt.date(2025, 9, 30))
    (overdue,) = _find(ex, "overdue_debt_rate", "0.14")
    assert (overdue.province, overdue.boundaries) == ("Ninh Bình", "2025")


def test_seed_002_old_ninh_binh_is_pre_2025() -> None:
    ex = _seed("002", dt.date(2025, 10, 26))
    (added,) = _find(ex, "local_entrusted_capital", 20_000_000_000)
    assert (added.province, added.boundaries, added.rules["boundaries"]) == ("Ninh Bình", "pre-2025", "old-marker")


def test_seed_002_growth_of_outstanding_loans_is_also_an_observation() -> None:
    ex = _seed("002", dt.date(2025, 10, 26))
    (loans,) = _find(ex, "outstanding_loans", 13_612_000_000_000)
    assert (loans.change_value, loans.change_unit, loans.change_baseline) == (Decimal("7.52"), "%", dt.date(2024, 12, 31))
    (growth,) = _find(ex, "outstanding_growth_rate", "7.52")
    assert growth.as_of == loans.as_of


def test_seed_001_is_national() -> None:
    ex = _seed("001", dt.date(2021, 6, 17))
    assert ex.document.province == "national"
    assert {o.province for o in ex.observations} <= {"national"}


# --- the loader ------------------------------------------------------------------------------------------


def test_linking_rules_report_every_bad_entry_with_its_line(tmp_path: Path) -> None:
    good = (Path(__file__).resolve().parents[1] / "rules" / "linking.yaml").read_text("utf-8")
    bad = good.replace("national:\n  en:", "national:\n  fr: [partout]\n  en:", 1).replace(
        "present:\n  en:", "present:\n  en: currently\n  xx:", 1)
    path = tmp_path / "linking.yaml"
    path.write_text(bad, "utf-8")
    with pytest.raises(RuleError) as err:
        load_link_rules(path)
    lines = bad.splitlines()
    fr = next(i for i, l in enumerate(lines, 1) if "fr: [partout]" in l)
    xx = next(i for i, l in enumerate(lines, 1) if l.startswith("  xx:"))
    en = next(i for i, l in enumerate(lines, 1) if l == "  en: currently")
    found = " ".join(err.value.problems)
    assert f"linking.yaml:{fr}:" in found and f"linking.yaml:{xx}:" in found and f"linking.yaml:{en}:" in found


def test_the_words_between_merged_units_come_from_the_rules(tmp_path: Path) -> None:
    good = (Path(__file__).resolve().parents[1] / "rules" / "linking.yaml").read_text("utf-8")
    narrow = good.replace('en: ["the", "former", "old", "province", "provinces", "of"]', 'en: ["the"]', 1)
    assert narrow != good
    path = tmp_path / "linking.yaml"
    path.write_text(narrow, "utf-8")
    first, _ = load_unit_gaps(path)["en"]
    assert first.fullmatch(" the ") and not first.fullmatch(" the former provinces of ")
    first, between = load_unit_gaps()["en"]
    assert first.fullmatch(" the former provinces of ") and between.fullmatch(", and ")
    empty = good.replace('vi: ["tỉnh", "và"]', "vi: []", 1)
    assert empty != good
    path.write_text(empty, "utf-8")
    _, between = load_unit_gaps(path)["vi"]
    assert between.fullmatch(" , & ") and not between.fullmatch(" và ")
    bad = good.replace("merged_gap:\n  first:", "merged_gap:\n  last: {en: []}\n  first:", 1)
    path.write_text(bad, "utf-8")
    with pytest.raises(RuleError) as err:
        load_unit_gaps(path)
    line = next(i for i, l in enumerate(bad.splitlines(), 1) if l.startswith("  last:"))
    assert f"linking.yaml:{line}:" in " ".join(err.value.problems)


def test_document_province_from_the_outlet() -> None:
    ex, _ = build("Policy credit news\nBy staff\nOutstanding loans reached [[VND 9,000 billion|VND]].",
                  source="https://baoninhbinh.org.vn/tin-dung-123.html")
    assert link(ex).document.province == "Ninh Bình"


@pytest.mark.parametrize(("markup", "expected"), [
    (NGHE + "Related news\n- Quynh Luu: [[2,300 households|households]] escape poverty thanks to loans", None),
    (NGHE + "Results:\n- [[2,300 households|households]] escaped poverty.", "households_escaped_poverty"),
    (NGHE + "Related news\n– Loans helped [[2,300 households|households]] escape poverty", None),
    (NGHE + "Related news\n- Lao Cai: [[2,100 poor households|households]] escape poverty in 2020",
     "households_escaped_poverty"),
])
def test_related_news_lines_are_not_figures_of_this_article(markup: str, expected: str | None) -> None:
    obs = observe(markup)
    assert (obs.indicator if obs else None) == expected


def test_a_document_without_figures_or_text() -> None:
    for markup in ["", "Nghe An news", "\n\n"]:
        ex, _ = build(markup)
        out = link(ex)
        assert out.observations == ()
        assert out.document.province == ("Nghệ An" if "Nghe" in markup else None)


def test_ratio_figures_are_never_levels() -> None:
    obs = observe(NGHE + "Entrusted capital increased [[5.5 times|times|5.5]].")
    assert obs is None


def test_linking_is_idempotent() -> None:
    ex, _ = build(NGHE + "Outstanding loans reached [[VND 9,000 billion|VND]] by {{June 30, 2024|2024-06-30}}.")
    once = link(ex)
    assert link(once) == once


# --- properties over mixed documents ----------------------------------------------------------------

@settings(max_examples=80, deadline=None)
@given(st.sampled_from(["en", "vi"]).flatmap(lambda lang: st.tuples(
    st.just(lang), st.lists(st.sampled_from([r[3] for r in RULES if r[2] == lang]), min_size=1, max_size=5))))
def test_any_mix_of_sentences_links_to_well_formed_observations(case: tuple[str, list[str]]) -> None:
    """Whatever the sentences, observations name known indicators, keep their figure's value and
    unit, hold either a date or a period, and linking twice changes nothing."""
    lang, parts = case
    ex, _ = build("\n".join(p.replace("[[*", "[[") for p in parts), lang=lang)
    out = link(ex)
    figures = {f.start: f for f in ex.figures}
    for obs in out.observations:
        assert obs.indicator in lexicon().indicators
        assert (obs.value, obs.unit) == (figures[obs.start].value, figures[obs.start].unit)
        assert obs.as_of is None or (obs.period_start is None and obs.period_end is None)
    assert link(out) == out


# --- indexes equal the plain search they replace ------------------------------------------------------


def _piece_by_walking(text: str, pos: int, span: tuple[int, int], breaks: re.Pattern[str]) -> tuple[int, int]:
    """The clause around ``pos`` found by walking the breaks in order (what ``_piece`` bisects)."""
    start, end = span
    for m in breaks.finditer(text, *span):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            return start, m.start()
    return start, end


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=";:,, \n\tab", max_size=40), st.data())
def test_piece_by_bisect_is_the_piece_found_by_walking(text: str, data: st.DataObject) -> None:
    s0 = data.draw(st.integers(0, len(text)))
    s1 = data.draw(st.integers(s0, len(text)))
    pos = data.draw(st.integers(0, len(text)))
    breaks = _breaks(text)
    assert _piece(pos, (s0, s1), breaks.clause) == _piece_by_walking(text, pos, (s0, s1), _CLAUSE_BREAK)
    assert _piece(pos, (s0, s1), breaks.segment) == _piece_by_walking(text, pos, (s0, s1), re.compile(";"))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="\n \tab", max_size=700))
def test_title_span_is_the_end_of_the_first_two_lines_that_are_not_blank(text: str) -> None:
    lines = [m for m in re.finditer(r"[^\n]+", text[:600]) if m.group().strip()][:2]
    doc = Document(id="t", source="<test>", text=text, language="en")
    assert _title_span(doc) == ((0, lines[-1].end()) if lines else (0, 0))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="\nab ", max_size=30), st.data())
def test_line_by_bisect_is_the_line_found_by_rfind_and_find(text: str, data: st.DataObject) -> None:
    ctx = build_context(build(text)[0], linker())
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    after = text.find("\n", end)
    assert ctx.line(start, end) == (text.rfind("\n", 0, start) + 1, len(text) if after < 0 else after)
