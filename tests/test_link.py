"""The linker on hand-written sentences: the rules of the linker's own code, shown deciding and not.

Sentences are written in the markup of ``helpers/markup.py`` (figures, dates and legal references
spelled out by hand, so the linker is tested on its own); the examples of rules/linking.yaml and
rules/indicators.yaml, in the same markup, are run by tests/test_rule_examples.py.
Expected values are written by reading the sentence, never by running the linker.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.errors import RuleError
from extractor.link import link as link_with
from extractor.link import rules as rules_module
from extractor.link.context import _breaks, piece, title_span
from extractor.link.indicators import load_lexicon
from extractor.link.observe import build_context
from extractor.link.rules import (
    CODE_RULES,
    MARKER_LISTS,
    Reaches,
    decided_by,
    load_link_rules,
    unit_gaps,
)
from extractor.models import Document, Extraction, Observation
from extractor.pipeline import extract_text
from extractor.registry.bundle import bundled
from helpers.markup import (
    HEAD,
    NGHE,
    PUB,
    VI_NGHE,
    build,
    check,
    example_document,
    link,
    observe,
)

_CLAUSE_BREAK = re.compile(r";|:|\u2014|,\s")  # the breaks ``_breaks`` finds one kind at a time
_piece, _title_span = piece, title_span


def linker():
    return bundled().linker


def lexicon():
    return bundled().indicators


def load_unit_gaps(path: Path | None = None) -> Any:
    """The merged-unit gaps of ``path`` (the bundled rules when None)."""
    return unit_gaps(load_link_rules(path))

# --- documents the examples are read in ------------------------------------------------------------



# --- the linker's own rules: (key, rule id, polarity, language, markup, publication date) ------------

OLD_NB = "Ninh Binh (old) added [[*20 billion VND|VND]] in entrusted capital."
CODE: list[tuple[str, str, str, str, str, dt.date | None]] = [
    ("indicator", "unit:", "+", "en", NGHE + "The whole province has [[6,213 savings and loan groups|savings and loan groups]].", PUB),
    ("indicator", "unit:", "-", "en", NGHE + "Outstanding loans reached [[VND 5,000 billion|VND]].", PUB),
    ("indicator", "cue:", "+", "en", NGHE + "Outstanding loans reached [[VND 5,000 billion|VND]].", PUB),
    ("indicator", "cue:", "-", "en", NGHE + "The province has [[21 transaction offices|transaction offices]].", PUB),
    ("indicator", "cue-after:", "+", "en", NGHE + "With [[234,414 households|households]] still having outstanding loans.", PUB),
    ("indicator", "cue-after:", "-", "en", NGHE + "Outstanding loans reached [[VND 5,000 billion|VND]].", PUB),
    # A kind of borrowers in the count's own noun yields to a cue after it, and decides alone.
    ("indicator", "cue-after:", "+", "vi", VI_NGHE + "Năm 2024, toàn tỉnh có [[1.250 hộ mới thoát nghèo|households]] nhờ vốn vay.", PUB),
    ("indicator", "at-a-date:", "+", "en", NGHE + "By {{the end of 2024|2024-12-31}}, [[241,300 households|households]] had access to loans.", PUB),
    ("indicator", "at-a-date:", "-", "en", NGHE + "In {{2024|2024-01-01..2024-12-31}}, [[41,300 households|households]] had access to loans.", PUB),
    ("indicator", "listed-by-place:", "+", "en", NGHE + "Outstanding loans reached [[VND 13,590 billion|VND]]. Of this, Nam Dinh (old) accounted for [[*VND 5,870 billion|VND]].", PUB),
    ("indicator", "listed-by-place:", "-", "en", NGHE + "Outstanding loans reached [[VND 13,590 billion|VND]]. Then a project in Nam Dinh (old) cost [[*VND 5,870 billion|VND]].", PUB),
    # A district or commune opens the item, after the level it goes on listing.
    ("indicator", "listed-by-place:", "+", "en", NGHE + "In Anh Son district, outstanding loans reached [[VND 640 billion|VND]]; in Yen Thanh district, [[*VND 910 billion|VND]].", PUB),
    ("indicator", "listed-by-place:", "-", "en", NGHE + "Outstanding loans reached [[VND 640 billion|VND]]; the new office in Yen Thanh district cost [[*VND 9 billion|VND]].", PUB),
    ("indicator", "listed-by-place:", "+", "en", NGHE + "Outstanding loans in Anh Son district reached [[VND 640 billion|VND]], Do Luong district [[VND 720 billion|VND]] and Yen Thanh district [[*VND 910 billion|VND]].", PUB),
    ("indicator", "listed-by-place:", "-", "en", NGHE + "Outstanding loans in Anh Son district reached [[VND 640 billion|VND]], and the fund of Yen Thanh district [[*VND 9 billion|VND]].", PUB),
    ("indicator", "listed-by-place:", "+", "vi", VI_NGHE + "Dư nợ tại huyện Anh Sơn đạt [[640 tỷ đồng|VND]], huyện Yên Thành [[*910 tỷ đồng|VND]].", PUB),
    ("indicator", "listed-by-place:", "-", "en", NGHE + "Outstanding loans reached [[VND 13,500 billion|VND]]. In Yen Thanh district, [[*VND 30 billion|VND]] was spent building a new office.", PUB),
    ("indicator", "listed-by-place:", "-", "vi", VI_NGHE + "Tổng dư nợ đạt [[13.500 tỷ đồng|VND]]. Tại huyện Yên Thành, [[*30 tỷ đồng|VND]] được dùng xây trụ sở mới.", PUB),
    ("indicator", "listed-by-place:", "-", "vi", VI_NGHE + "Dư nợ đạt [[640 tỷ đồng|VND]]; trụ sở mới ở huyện Yên Thành trị giá [[*9 tỷ đồng|VND]].", PUB),
    ("indicator", "listed-by-place:", "-", "en", NGHE + "Outstanding loans reached [[VND 13,590 billion|VND]]. Ha Tinh's farmers earned [[*VND 5,870 billion|VND]] from exports.", PUB),
    ("indicator", "listed-by-place:", "+", "en", NGHE + "Outstanding loans reached [[VND 13,590 billion|VND]]. Ha Tinh (old) reached [[*VND 5,870 billion|VND]].", PUB),
    ("indicator", "listed-by-place:", "-", "vi", VI_NGHE + "Tổng dư nợ đạt [[13.590 tỷ đồng|VND]]. Hà Tĩnh thu về [[*5.870 tỷ đồng|VND]] từ xuất khẩu nông sản.", PUB),
    ("indicator", "listed-by-place:", "+", "vi", VI_NGHE + "Tổng dư nợ đạt [[13.590 tỷ đồng|VND]]. Hà Tĩnh (cũ) đạt [[*5.870 tỷ đồng|VND]].", PUB),
    ("indicator", "respectively:", "+", "vi", VI_NGHE + "Dư nợ đến {{31/12/2023|2023-12-31}} và {{31/12/2024|2024-12-31}} tương ứng là [[5.000 tỷ đồng|VND]], [[*5.600 tỷ đồng|VND]].", PUB),
    ("indicator", "respectively:", "-", "vi", VI_NGHE + "Dư nợ đến {{31/12/2024|2024-12-31}} là [[5.000 tỷ đồng|VND]], [[*5.600 tỷ đồng|VND]] là vốn của dự án khác.", PUB),
    # The first of a list of programmes no cue reads: an item of the total before it.
    ("indicator", "breakdown-of:", "+", "en", NGHE + "Outstanding loans reached [[VND 21,300 billion|VND]]. Loans for poor households and loans for near-poor households stood at [[*VND 2,600 billion|VND]] and [[VND 2,500 billion|VND]], respectively.", PUB),
    # A list of indicators read item by item with the figures.
    ("indicator", "respective-cue:", "+", "en", NGHE + "As of {{June 30, 2025|2025-06-30}}, total capital and outstanding loans of the branch reached [[*VND 9,410 billion|VND]] and [[VND 9,356 billion|VND]], respectively.", PUB),
    ("indicator", "respective-cue:", "+", "vi", VI_NGHE + "Đến {{30/6/2025|2025-06-30}}, tổng nguồn vốn và tổng dư nợ lần lượt đạt [[9.410 tỷ đồng|VND]] và [[*9.356 tỷ đồng|VND]].", PUB),
    # One cue, two figures: a list of dates reads them, not of indicators.
    ("indicator", "respective-cue:", "-", "en", NGHE + "Outstanding loans in {{2023|2023-01-01..2023-12-31}} and {{2024|2024-01-01..2024-12-31}} were [[*VND 5,000 billion|VND]] and [[VND 5,600 billion|VND]], respectively.", PUB),
    ("indicator", "listed-by-part:", "+", "en", NGHE + "Several programmes have large outstanding loans, such as loans for poor households ([[VND 301.2 billion|VND]]), loans for job creation ([[*VND 95.6 billion|VND]]).", PUB),
    ("indicator", "listed-by-part:", "-", "en", NGHE + "Several programmes have large outstanding loans, such as loans for poor households ([[VND 301.2 billion|VND]]), while a new office cost ([[*VND 95.6 billion|VND]]).", PUB),
    ("indicator", "breakdown-of:", "+", "en", NGHE + "The outstanding balance was [[VND 4,150 billion|VND]], with [[96,300 customers|customers]]; of which [[*VND 388.4 billion|VND]] went to Khmer households.", PUB),
    ("indicator", "change-of:", "+", "en", NGHE + "Total outstanding loans reached [[VND 3,461 billion|VND]], an increase of [[*9.6%|%|9.6]] compared to {{the end of 2017|2017-12-31}}.", PUB),
    ("indicator", "change-of:", "-", "en", NGHE + "The credit growth was [[9.6%|%|9.6]].", PUB),
    ("province", "clause:after", "+", "en", NGHE + "Outstanding loans were [[VND 5,204 billion|VND]] in Ha Giang (old).", PUB),
    ("province", "clause:after", "-", "en", NGHE + "Outstanding loans in Ha Giang reached [[VND 5,204 billion|VND]].", PUB),
    ("province", "clause", "+", "en", NGHE + "Outstanding loans in Ha Giang reached [[VND 5,204 billion|VND]].", PUB),
    ("province", "clause", "-", "en", NGHE + "In Ha Giang, outstanding loans reached [[VND 5,204 billion|VND]].", PUB),
    ("province", "sentence", "+", "en", NGHE + "In Ha Giang, outstanding loans reached [[VND 5,204 billion|VND]].", PUB),
    ("province", "sentence", "-", "en", NGHE + "Outstanding loans reached [[VND 5,204 billion|VND]].", PUB),
    ("province", "sentence:respectively", "+", "en", NGHE + "By {{June 30, 2025|2025-06-30}}, outstanding loans in Thanh Hoa, Nghe An and Ha Tinh were [[VND 15,200 billion|VND]], [[*VND 13,900 billion|VND]] and [[VND 8,100 billion|VND]], respectively.", PUB),
    ("province", "sentence:respectively", "+", "vi", VI_NGHE + "Đến {{30/6/2025|2025-06-30}}, dư nợ tại Thanh Hóa, Nghệ An và Hà Tĩnh lần lượt đạt [[15.200 tỷ đồng|VND]], [[13.900 tỷ đồng|VND]] và [[*8.100 tỷ đồng|VND]].", PUB),
    # Two provinces, three figures: no item by item reading.
    ("province", "sentence:respectively", "-", "en", NGHE + "By {{June 30, 2025|2025-06-30}}, outstanding loans in Thanh Hoa and Ha Tinh were [[*VND 15,200 billion|VND]], [[VND 13,900 billion|VND]] and [[VND 8,100 billion|VND]], respectively.", PUB),
    # A paragraph opening with a province goes on about it; a province named later in a sentence does not.
    ("province", "paragraph", "+", "en", HEAD + "In Lao Cai, outstanding loans reached [[VND 6,010 billion|VND]]. Overdue debt was [[*0.08%|%|0.08]].\nIn Yen Bai, outstanding loans reached [[VND 5,420 billion|VND]].", PUB),
    ("province", "paragraph", "-", "en", HEAD + "Outstanding loans rose most in Lao Cai. Overdue debt was [[*0.08%|%|0.08]].\nIn Yen Bai, outstanding loans reached [[VND 5,420 billion|VND]].", PUB),
    ("province", "paragraph", "-", "en", HEAD + "In Lao Cai, outstanding loans reached [[VND 6,010 billion|VND]].\nOverdue debt was [[*0.08%|%|0.08]].\nIn Yen Bai, outstanding loans reached [[VND 5,420 billion|VND]].", PUB),
    ("province", "sentence:national-amount", "+", "en", NGHE + "The bank's outstanding loans stood at [[VND 171,250 billion|VND|171250000000000]], with [[*6.9 million customers|customers|6900000]] still in debt.", PUB),
    ("province", "sentence:national-amount", "-", "en", NGHE + "The bank's outstanding loans stood at [[VND 17,125 billion|VND|17125000000000]], with [[*690,000 customers|customers|690000]] still in debt.", PUB),
    # A province's lending over many years reaches what no province holds: its size tells nothing.
    ("province", "sentence:national-amount", "-", "vi", VI_NGHE + "Sau 22 năm, doanh số cho vay đạt [[*65.000 tỷ đồng|VND|65000000000000]], giúp [[1.200.000 lượt hộ|turns|1200000]] vay vốn.", PUB),
    # Another institution's amount says nothing of the bank's scope: the banks of a province lend far more.
    ("province", "sentence:national-amount", "-", "en", NGHE + "Total outstanding credit of commercial banks in the province reached [[VND 190,000 billion|VND|190000000000000]]; the VBSP branch had [[*120,000 customers|customers|120000]] still in debt.", PUB),
    ("province", "document:title", "+", "en", NGHE + "Outstanding loans reached [[VND 5,000 billion|VND]].", PUB),
    ("province", "document:title", "-", "en", HEAD + "Outstanding loans reached [[VND 5,000 billion|VND]]. Ha Tinh grew. Ha Tinh sent delegates.", PUB),
    ("province", "document:frequency", "+", "en", HEAD + "Outstanding loans reached [[VND 5,000 billion|VND]]. Ha Tinh grew. Ha Tinh sent delegates.", PUB),
    ("province", "document:frequency", "-", "en", HEAD + "Outstanding loans reached [[VND 5,000 billion|VND]]. Ha Tinh sent delegates.", PUB),
    # Provinces named alike: no one of them is the subject.
    ("province", "document:frequency", "-", "en", HEAD + "Outstanding loans reached [[VND 5,000 billion|VND]]. Ha Tinh grew. Ha Tinh sent delegates. Quang Binh grew. Quang Binh sent delegates.", PUB),
    # A neighbour named once beside it shares nothing.
    ("province", "document:frequency", "+", "en", HEAD + "Ha Tinh has many poor households. Outstanding loans reached [[VND 9,000 billion|VND]]. Ha Tinh borders Quang Binh.", PUB),
    ("province", "document:national", "-", "en", HEAD + "Commercial banks in Ha Tinh, Quang Binh and Quang Tri had outstanding loans of VND 370,000 billion. The VBSP's overdue debt rate was [[0.3%|%|0.3]].", PUB),
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
    ("boundaries", "no-date:merged-away", "+", "en", NGHE + "Outstanding loans in Thai Binh reached [[VND 4,100 billion|VND]].", None),
    ("boundaries", "no-date:merged-away", "-", "en", NGHE + "Outstanding loans in Ha Tinh reached [[VND 4,100 billion|VND]].", None),
    ("date", "sentence:as_of", "+", "en", NGHE + "By {{June 30, 2024|2024-06-30}}, outstanding loans reached [[VND 13,357 billion|VND]].", PUB),
    ("date", "sentence:as_of", "-", "en", NGHE + "In {{2024|2024-01-01..2024-12-31}}, outstanding loans reached [[VND 13,357 billion|VND]].", PUB),
    ("date", "sentence:period_end", "+", "en", NGHE + "In {{2024|2024-01-01..2024-12-31}}, outstanding loans reached [[VND 13,357 billion|VND]].", PUB),
    ("date", "sentence:period_end", "-", "en", NGHE + "By {{June 30, 2024|2024-06-30}}, outstanding loans reached [[VND 13,357 billion|VND]].", PUB),
    ("date", "sentence:period", "+", "en", NGHE + "In {{2024|2024-01-01..2024-12-31}}, the bank disbursed [[VND 900 billion|VND]].", PUB),
    ("date", "sentence:period", "-", "en", NGHE + "By {{June 30, 2024|2024-06-30}}, the bank disbursed [[VND 900 billion|VND]].", PUB),
    ("date", "sentence:open", "+", "en", NGHE + "In {{2025|2025-01-01..}}, the bank disbursed [[VND 900 billion|VND]].", PUB),
    ("date", "sentence:open", "-", "en", NGHE + "In {{2025|2025-01-01..2025-12-31}}, the bank disbursed [[VND 900 billion|VND]].", PUB),
    # A start edge named as a point opens the period (never a year up to 1 January).
    ("date", "sentence:open", "+", "vi", VI_NGHE + "{{Đầu năm 2024|2024-01-01|year}}, chi nhánh đã giải ngân [[415 tỷ đồng|VND]].", PUB),
    # The start of a month: early in that month, within it (never to the publication date).
    ("date", "sentence:month-start", "+", "vi", VI_NGHE + "{{Đầu tháng 6/2025|2025-06-01|month}}, chi nhánh đã giải ngân [[415 tỷ đồng|VND]] cho hộ bị thiệt hại.", PUB),
    ("date", "sentence:month-start", "-", "vi", VI_NGHE + "{{Đầu năm 2024|2024-01-01|year}}, chi nhánh đã giải ngân [[415 tỷ đồng|VND]].", PUB),
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
    ("date", "sentence:year-to-date", "-", "en", NGHE + "In {{early 2022|2022-01-01|year}} it lent [[VND 760 billion|VND]].", PUB),
    ("date", "sentence:to_now", "+", "en", NGHE + "From {{the beginning of 2025|2025-01-01}} to now, outstanding loans rose to [[VND 13,612 billion|VND]].", PUB),
    ("date", "sentence:to_now", "-", "en", NGHE + "At {{the beginning of 2025|2025-01-01}}, outstanding loans were [[VND 12,612 billion|VND]].", PUB),
    ("date", "since:", "+", "en", NGHE + "Since the implementation of <<Directive 40-CT/TW|40-CT/TW|2014-11-22>>, lending turnover reached [[VND 27,706 billion|VND]].", PUB),
    ("date", "since:", "-", "en", NGHE + "After <<Directive 40-CT/TW|40-CT/TW|2014-11-22>>, lending turnover reached [[VND 27,706 billion|VND]].", PUB),
    ("date", "present:", "+", "en", NGHE + "The branch currently maintains [[21 transaction offices|transaction offices]].", PUB),
    ("date", "present:", "-", "en", NGHE + "The branch maintains [[21 transaction offices|transaction offices]].", PUB),
    ("date", "past_years:", "+", "en", NGHE + "During 12 years of operation, the branch has lent [[VND 9,450 billion|VND]].", PUB),
    ("date", "past_years:", "-", "en", NGHE + "After years of operation, the branch has lent [[VND 9,450 billion|VND]].", PUB),
    ("date", "since_founding:", "+", "vi", VI_NGHE + "Kể từ khi thành lập, phòng giao dịch đã cho vay [[2.150 tỷ đồng|VND]].", PUB),
    ("date", "since_founding:", "-", "vi", VI_NGHE + "Từ năm ngoái, phòng giao dịch đã cho vay [[2.150 tỷ đồng|VND]].", PUB),
    ("date", "last_year:", "+", "en", NGHE + "Last year, the office lent [[VND 640 billion|VND]] to students.", PUB),
    ("date", "last_year:", "-", "en", NGHE + "The office lent [[VND 640 billion|VND]] to students, up [[5%|%|5]] over last year.", PUB),
    ("date", "this_year:", "+", "vi", VI_NGHE + "Năm nay, phòng giao dịch đã cho vay [[215 tỷ đồng|VND]].", PUB),
    ("date", "this_year:", "-", "vi", VI_NGHE + "Năm nay, phòng giao dịch đã cho vay [[215 tỷ đồng|VND]].", None),
    ("date", "reviewed:", "+", "en", NGHE + "The branch reviewed the results of {{2023|2023-01-01..2023-12-31}}. Lending turnover reached [[VND 1,250 billion|VND]].", PUB),
    ("date", "reviewed:", "-", "en", NGHE + "The branch set its tasks for {{2024|2024-01-01..2024-12-31}}. Lending turnover reached [[VND 1,250 billion|VND]].", PUB),
    ("date", "frame", "+", "en", NGHE + "By {{June 30, 2024|2024-06-30}}, outstanding loans reached [[VND 13,357 billion|VND]]. The province has [[*21 transaction offices|transaction offices]].", PUB),
    ("date", "frame", "-", "en", NGHE + "The province has [[21 transaction offices|transaction offices]].", PUB),
    ("date", "stated-later", "+", "en", NGHE + "The branch kept [[247 transaction points|transaction points]]. By {{the end of May 2025|2025-05-31|month}}, outstanding loans reached [[VND 6,100 billion|VND]].", None),
    ("date", "stated-later", "-", "en", NGHE + "The branch kept [[247 transaction points|transaction points]]. In {{2024|2024-01-01..2024-12-31}}, the branch lent [[VND 900 billion|VND]].", None),
    ("date", "plan-year", "+", "vi", VI_NGHE + "Chi nhánh xác định mục tiêu cho năm {{2027|2027-01-01..2027-12-31}} là nâng vốn ủy thác địa phương thêm 30 tỷ đồng. Ngoài ra, hệ thống sẽ phấn đấu hạ nợ quá hạn xuống còn [[0,08%|%|0.08]].", PUB),
    ("date", "plan-year", "-", "vi", VI_NGHE + "Hội nghị sơ kết được chi nhánh tổ chức vào năm {{2027|2027-01-01..2027-12-31}} tại huyện. Ngoài ra, hệ thống sẽ phấn đấu hạ nợ quá hạn xuống còn [[0,08%|%|0.08]].", PUB),
    # a plan of a year already over at the publication: the goal after it looks past that year
    ("date", "plan-year", "-", "vi", VI_NGHE + "Chi nhánh xác định mục tiêu cho năm {{2023|2023-01-01..2023-12-31}} là nâng vốn ủy thác địa phương thêm 30 tỷ đồng. Ngoài ra, hệ thống sẽ phấn đấu hạ nợ quá hạn xuống còn [[0,08%|%|0.08]].", PUB),
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
    ("status", "future-date", "+", "en", NGHE + "Outstanding loans rise to [[VND 15,000 billion|VND]] by {{2030|2030-01-01..2030-12-31}}.", PUB),
    ("status", "future-date", "-", "en", NGHE + "Outstanding loans reached [[VND 13,000 billion|VND]] by {{2024|2024-01-01..2024-12-31}}.", PUB),
    ("status", "actual", "+", "en", NGHE + "Outstanding loans reached [[VND 13,000 billion|VND]] by {{2024|2024-01-01..2024-12-31}}.", PUB),
    ("status", "actual", "-", "en", NGHE + "The branch is striving to raise outstanding loans to [[VND 15,000 billion|VND]].", PUB),
    ("change", "change:", "+", "en", NGHE + "Total capital reached [[VND 13,374 billion|VND]], an increase of [[VND 7,132 billion|VND|7132000000000]] compared to {{2014|2014-01-01..2014-12-31}}.", PUB),
    ("change", "change:", "-", "en", NGHE + "Total capital reached [[VND 13,374 billion|VND]].", PUB),
    ("province", "document:branch", "+", "en", HEAD + "The Social Policy Bank of Ha Tinh reported. Outstanding loans reached [[VND 5,000 billion|VND]].", PUB),
    ("province", "document:branch", "-", "en", HEAD + "Ha Tinh sent delegates. Outstanding loans reached [[VND 5,000 billion|VND]].", PUB),
    ("indicator", "paired-with:", "+", "en", NGHE + "The loan turnover reached [[VND 581 billion|VND]] with [[*8,800 households|households]].", PUB),
    ("indicator", "paired-with:", "-", "en", NGHE + "The loan turnover reached [[VND 581 billion|VND]]. The bank trained [[*8,800 households|households]].", PUB),
    ("indicator", "next-item:", "+", "vi", VI_NGHE + "Doanh số cho vay đạt [[700 tỷ đồng|VND]], với [[20.000 lượt hộ|turns]] vay vốn. Trong đó, cho vay [[800 lượt hộ|turns]] mới thoát nghèo, [[*540 lượt hộ|turns]] cận nghèo.", PUB),
    ("indicator", "next-item:", "-", "vi", VI_NGHE + "Doanh số cho vay đạt [[700 tỷ đồng|VND]], với [[20.000 lượt hộ|turns]] vay vốn. Chi nhánh cho vay [[800 lượt hộ|turns]] mới thoát nghèo, [[*540 lượt hộ|turns]] cận nghèo.", PUB),
    # A report going on programme by programme: an item opening with the next programme's name
    # measures what the programme before it measured; one naming who lends lends.
    ("indicator", "next-programme:", "+", "vi", VI_NGHE + "Chương trình cho vay hộ nghèo có dư nợ [[1.600 tỷ đồng|VND]]. Bên cạnh đó, cho vay hộ cận nghèo đạt [[*700 tỷ đồng|VND]].", PUB),
    ("indicator", "next-programme:", "-", "vi", VI_NGHE + "Chương trình cho vay hộ nghèo có dư nợ [[1.600 tỷ đồng|VND]]. Bên cạnh đó, chi nhánh cho vay hộ cận nghèo [[*700 tỷ đồng|VND]].", PUB),
    # A lender named before the programme, whose name a verb of a level joins to the figure: what
    # the programme reached; an indicator's own cue before the name says what the figure is.
    ("indicator", "next-programme:", "+", "vi", VI_NGHE + "Cho vay xuất khẩu lao động có dư nợ [[1.450 tỷ đồng|VND]]. Cùng thời điểm, phòng giao dịch cho vay nước sạch đạt [[*390 tỷ đồng|VND]].", PUB),
    ("indicator", "next-programme:", "-", "vi", VI_NGHE + "Cho vay xuất khẩu lao động có dư nợ [[1.450 tỷ đồng|VND]]. Cùng thời điểm, doanh số cho vay nước sạch đạt [[*390 tỷ đồng|VND]].", PUB),
    # The item's own sentence giving its own period is a flow of its own, not the level before.
    ("indicator", "next-programme:", "-", "vi", VI_NGHE + "Dư nợ chương trình cho vay nước sạch là [[880 tỷ đồng|VND]]. Trong {{6 tháng đầu năm 2025|2025-01-01..2025-06-30}}, cho vay hộ mới thoát nghèo đạt [[*265 tỷ đồng|VND]].", PUB),
    # A day after an until word, or a baseline after a comparison word, dates the level, no flow.
    ("indicator", "next-programme:", "+", "vi", VI_NGHE + "Dư nợ chương trình cho vay giải quyết việc làm là [[2.150 tỷ đồng|VND]]. Tính đến {{31/8/2025|2025-08-31}}, cho vay nhà ở xã hội đạt [[*340 tỷ đồng|VND]].", PUB),
    ("indicator", "next-programme:", "+", "vi", VI_NGHE + "Dư nợ chương trình cho vay giải quyết việc làm là [[2.150 tỷ đồng|VND]]. Tính đến hết {{quý II/2025|2025-04-01..2025-06-30}}, cho vay nhà ở xã hội đạt [[*340 tỷ đồng|VND]].", PUB),
    ("indicator", "next-programme:", "+", "vi", VI_NGHE + "Dư nợ chương trình cho vay giải quyết việc làm là [[2.150 tỷ đồng|VND]]. Cho vay nhà ở xã hội đạt [[*340 tỷ đồng|VND]], tăng [[27 tỷ đồng|VND]] so với {{31/12/2024|2024-12-31}}.", PUB),
    # An amount per borrower opening its clause with an average word, right after a count of the
    # borrowers of a level: that level's average; after anything else, no indicator.
    ("indicator", "average-of:", "+", "vi", VI_NGHE + "Hiện có [[14.300 hộ|households]] còn dư nợ, bình quân [[*39,6 triệu đồng/hộ|VND/household]].", PUB),
    ("indicator", "average-of:", "-", "vi", VI_NGHE + "Thu nhập của [[1.300 hộ|households]] tăng, bình quân [[*39,6 triệu đồng/hộ|VND/household]].", PUB),
    # A noun between the average word and the figure says the average is of something else.
    ("indicator", "average-of:", "-", "vi", VI_NGHE + "Cả huyện còn [[8.750 hộ|households]] có dư nợ, bình quân thu nhập là [[*33 triệu đồng/người|VND/person]].", PUB),
    ("indicator", "average-of:", "-", "en", NGHE + "The bank now serves [[27,400 clients|borrowers]] with outstanding loans, averaging a yearly income of [[*VND 36 million per person|VND/person]].", PUB),
    ("indicator", "average-of:", "+", "en", NGHE + "The bank now serves [[27,400 clients|borrowers]] with outstanding loans, averaging [[*VND 47 million per household|VND/household]].", PUB),
    # An amount per loan is a fee or a cost, in no unit an average cue of the level takes.
    ("indicator", "average-of:", "-", "en", NGHE + "The bank now serves [[27,400 clients|borrowers]] with outstanding loans, averaging [[*VND 30,000 per loan|VND/loan]].", PUB),
    ("indicator", "breakdown-of:", "+", "en", NGHE + "Outstanding loans reached [[VND 5,000 billion|VND]], of which [[*VND 900 billion|VND]] for students.", PUB),
    ("indicator", "breakdown-of:", "-", "en", NGHE + "Outstanding loans reached [[VND 5,000 billion|VND]], of which over [[*96%|%]] was repaid on time.", PUB),
    # A breakdown after a total of loans whose item opens with a source of capital lists the capital.
    ("indicator", "capital-item:", "+", "vi", VI_NGHE + "Tổng dư nợ đạt [[7.260 tỷ đồng|VND]]. Trong đó: nguồn vốn Trung ương chuyển về là [[*815 tỷ đồng|VND]].", PUB),
    ("indicator", "capital-item:", "-", "vi", VI_NGHE + "Tổng dư nợ đạt [[7.260 tỷ đồng|VND]]. Trong đó: phần dư nợ từ vốn Trung ương chuyển về là [[*815 tỷ đồng|VND]].", PUB),
    ("indicator", "list-item:", "+", "en", NGHE + "Outstanding loans of the programmes: poor households [[VND 3,100 billion|VND]]; students [[*VND 640 billion|VND]].", PUB),
    ("indicator", "list-item:", "-", "en", NGHE + "Outstanding loans of the programmes: poor households [[VND 3,100 billion|VND]]. Students got [[*VND 640 billion|VND]].", PUB),
    ("part", "area:district-document", "+", "en", "Thang Binh news\nThe Thang Binh District Social Policy Bank said outstanding loans reached [[VND 923 billion|VND]].", PUB),
    ("part", "area:district-document", "-", "en", NGHE + "The Social Policy Bank of Nghe An province said outstanding loans reached [[VND 13,000 billion|VND]].", PUB),
    # A document whose headline and lead are about one programme or channel: a figure whose
    # sentence refers back to it ("the programme", "hội viên") is its part; any other stays the
    # whole's, and one about policy credit, or naming a programme among the branch's results,
    # reports the whole.
    ("part", "programme:document", "+", "en", "Student loans reach 2,600 students in Quang Tri\nThe branch said outstanding loans of the programme reached [[VND 380 billion|VND]].", PUB),
    ("part", "programme:document", "-", "en", "Student loans reach 2,600 students in Quang Tri\nThe branch said outstanding loans reached [[VND 380 billion|VND]].", PUB),
    ("part", "programme:document", "-", "en", "Policy credit helps poor households escape poverty\nThe branch said outstanding loans of the programme reached [[VND 8,300 billion|VND]].", PUB),
    ("part", "programme:document", "-", "en", "Quang Tri branch lends [[VND 2,900 billion|VND]] in 2024, social housing loans climb\nThe branch said outstanding loans reached [[*VND 8,300 billion|VND]].", PUB),
    ("part", "programme:document", "-", "en", "Student loans reach 2,600 students in Quang Tri\nThe branch said total outstanding loans of the branch reached [[VND 8,300 billion|VND]].", PUB),
    # A headline that names who approved the programme still names one programme.
    ("part", "programme:document", "+", "vi", "Cho vay nhà ở xã hội theo chính sách được Thủ tướng phê duyệt giúp công nhân Bình Dương an cư\nCông nhân được hỗ trợ.\nĐến tháng 9, dư nợ chương trình này đạt [[620 tỷ đồng|VND]].", PUB),
    # An excerpt with no headline opens with its lead's paragraph: the subject is its first
    # sentence's, and a figure that sentence gives after naming the channel is the channel's (a
    # breakdown after it breaks the channel's figure down); a second channel leaves it the whole's.
    ("part", "channel:document", "+", "en", "Over the last two years, the Farmers' Association of the district has channelled [[VND 215 billion|VND]] of preferential loans to 4,300 member families. Members now run larger farms.\nMany have repaid early.", PUB),
    ("part", "channel:document", "-", "en", "Over the last two years, the Farmers' Association of the district has worked with the branch, whose total outstanding loans reached [[VND 5,215 billion|VND]]. Members now run larger farms.\nMany have repaid early.", PUB),
    ("part", "channel:document", "+", "vi", "Năm qua, Hội Nông dân trên địa bàn tỉnh đã cùng ngân hàng cho vay mới [[95 tỷ đồng|VND]] với 2.100 hội viên.\nTrong đó phần lớn là hộ nghèo.", PUB),
    ("part", "channel:document", "-", "vi", "Năm qua, Hội Nông dân và Hội Phụ nữ các cấp trên địa bàn tỉnh đã cùng ngân hàng cho vay mới [[95 tỷ đồng|VND]] với 2.100 hội viên.\nTrong đó phần lớn là hộ nghèo.", PUB),
    ("part", "channel:document", "+", "vi", "Hội Cựu chiến binh quản lý hơn 700 tỷ đồng vốn ủy thác\nĐến cuối năm, dư nợ của hội viên đạt [[715 tỷ đồng|VND]].", PUB),
    ("part", "channel:document", "-", "vi", "Hội Cựu chiến binh quản lý hơn 700 tỷ đồng vốn ủy thác\nĐến cuối năm, dư nợ đạt [[8.100 tỷ đồng|VND]], trong đó qua Hội Cựu chiến binh 715 tỷ đồng.", PUB),
    ("part", "channel:document", "-", "vi", "Hội Cựu chiến binh và Hội Nông dân đồng hành cùng vốn chính sách\nĐến cuối năm, dư nợ của hội viên đạt [[8.100 tỷ đồng|VND]].", PUB),
    # A district office's report: the commune named in a figure's sentence is the figure's own.
    # An amount the one programme's name follows is that programme's; a list after the name is not.
    ("part", "programme-after:", "+", "en", NGHE + "In 2024 the branch disbursed [[VND 650 billion|VND]] in labour export loans.", PUB),
    ("part", "programme-after:", "-", "en", NGHE + "In 2024 the branch disbursed [[VND 1,650 billion|VND]] in loans for poor households and other policy beneficiaries.", PUB),
    # The programme named after the count of borrowers the amount went to; a breakdown word between
    # opens the items of a breakdown instead.
    ("part", "programme-after:", "+", "vi", VI_NGHE + "Năm 2024, chi nhánh giải ngân [[*74 tỷ đồng|VND]] cho [[8.100 hộ|households]] từ chương trình cho vay nước sạch.", PUB),
    ("part", "programme-after:", "-", "vi", VI_NGHE + "Năm 2024, chi nhánh giải ngân [[*1.740 tỷ đồng|VND]] cho [[38.100 hộ|households]], trong đó cho vay nước sạch [[74 tỷ đồng|VND]].", PUB),
    ("part", "area:commune", "+", "vi", "Tin Đô Lương\nNHCSXH huyện Đô Lương cho biết: tại xã Minh Sơn, dư nợ đạt [[42 tỷ đồng|VND]].", PUB),
    ("part", "area:commune", "-", "vi", "Tin Đô Lương\nNHCSXH huyện Đô Lương cho biết: tại xã Minh Sơn, toàn huyện có dư nợ [[610 tỷ đồng|VND]].", PUB),
    ("part", "area:commune-ref", "+", "en", "Do Luong news\nThe Do Luong District Social Policy Bank met borrowers in Minh Son commune. The commune's outstanding loans reached [[VND 42 billion|VND]].", PUB),
    ("part", "area:commune-ref", "-", "en", "Do Luong news\nThe Do Luong District Social Policy Bank met borrowers in Minh Son commune. The district's outstanding loans reached [[VND 610 billion|VND]].", PUB),
    ("part", "area:named", "+", "en", NGHE + "In Huong Son district, outstanding loans reached [[VND 519 billion|VND]].", PUB),
    ("part", "area:named", "-", "en", NGHE + "Outstanding loans reached [[VND 5,000 billion|VND]] in the district.", PUB),
    # A district office named by its own name before the figure in its sentence reports it: the
    # office's area, unless the provincial branch or a province is named between.
    ("part", "area:office", "+", "en", NGHE + "The provincial branch lent [[VND 4,200 billion|VND]] last year. In the year the Tan Ky Social Policy Bank Transaction Office alone lent [[*VND 610 billion|VND]] to 9,300 households.", PUB),
    ("part", "area:office", "+", "vi", VI_NGHE + "Chi nhánh tỉnh đã cho vay [[4.200 tỷ đồng|VND]]. Riêng PGD NHCSXH Tương Dương hiện còn dư nợ [[*455 tỷ đồng|VND]] ở 17 xã.", PUB),
    ("part", "area:office", "-", "vi", VI_NGHE + "Chi nhánh tỉnh đã cho vay [[4.200 tỷ đồng|VND]]. Tại PGD NHCSXH Tương Dương, đại diện lãnh đạo tỉnh nghe báo cáo tổng dư nợ [[*13.900 tỷ đồng|VND]].", PUB),
    ("part", "area:respectively", "+", "vi", VI_NGHE + "Hai huyện Tân Kỳ và Con Cuông có dư nợ lớn nhất, lần lượt đạt [[640 tỷ đồng|VND]] và [[*910 tỷ đồng|VND]].", PUB),
    ("part", "area:respectively", "+", "en", NGHE + "Tan Ky and Con Cuong districts had outstanding loans of [[VND 640 billion|VND]] and [[*VND 910 billion|VND]], respectively.", PUB),
    # three names, two figures: no item by item reading
    ("part", "area:respectively", "-", "en", NGHE + "Tan Ky, Anh Son and Con Cuong districts had outstanding loans of [[*VND 640 billion|VND]] and [[VND 910 billion|VND]], respectively.", PUB),
    ("part", "programme:respectively", "+", "vi", VI_NGHE + "Tổng dư nợ đạt [[21.300 tỷ đồng|VND]]. Dư nợ cho vay hộ nghèo và cho vay hộ cận nghèo lần lượt đạt [[2.600 tỷ đồng|VND]] và [[*2.500 tỷ đồng|VND]].", PUB),
    ("part", "programme:respectively", "+", "en", NGHE + "Outstanding loans reached [[VND 21,300 billion|VND]]. Loans for poor households and loans for near-poor households stood at [[*VND 2,600 billion|VND]] and [[VND 2,500 billion|VND]], respectively.", PUB),
    # Three names, two figures: no item by item reading.
    ("part", "programme:respectively", "-", "en", NGHE + "Outstanding loans reached [[VND 21,300 billion|VND]]. Loans for poor households, loans for near-poor households and student loans stood at [[*VND 2,600 billion|VND]] and [[VND 2,500 billion|VND]], respectively.", PUB),
    ("part", "area:office", "-", "en", NGHE + "The provincial branch lent [[VND 4,200 billion|VND]] last year. The Tan Ky Social Policy Bank Transaction Office said the provincial branch had outstanding loans of [[*VND 13,000 billion|VND]].", PUB),
    ("part", "programme:", "+", "en", NGHE + "Of which, outstanding loans for job creation reached [[VND 140 billion|VND]].", PUB),
    ("part", "programme:", "-", "en", NGHE + "Outstanding loans reached [[VND 5,000 billion|VND]], helping create jobs.", PUB),
    ("part", "channel:", "+", "en", NGHE + "Outstanding loans entrusted through the Women's Union reached [[VND 808 billion|VND]].", PUB),
    ("part", "channel:", "-", "en", NGHE + "Outstanding loans reached [[VND 2,847 billion|VND]]; the Women's Union helped.", PUB),
    ("part", "group:", "+", "en", NGHE + "Outstanding loans to ethnic minority households reached [[VND 1,204 billion|VND]].", PUB),
    ("part", "group:", "-", "en", NGHE + "Outstanding loans reached [[VND 1,204 billion|VND]], helping ethnic minority households.", PUB),
    ("part", "source:", "+", "en", NGHE + "Of the total capital, central capital reached [[VND 12,000 billion|VND]].", PUB),
    ("part", "source:", "-", "en", NGHE + "Total capital reached [[VND 14,286 billion|VND]].", PUB),
    # A breakdown's item that names its own capital takes no source from the item before it.
    ("part", "source:", "+", "vi", VI_NGHE + "Tổng nguồn vốn là [[7.100 tỷ đồng|VND]], trong đó vốn trung ương [[6.300 tỷ đồng|VND]], [[*380 tỷ đồng|VND]] nữa.", PUB),
    ("part", "source:", "-", "vi", VI_NGHE + "Tổng nguồn vốn là [[7.100 tỷ đồng|VND]], trong đó vốn trung ương [[6.300 tỷ đồng|VND]], vốn ủy thác của tỉnh [[*380 tỷ đồng|VND]].", PUB),
    # A programme's money split by source: its items keep the earlier reading (a source part of
    # the item before), known to be wrong for a local-trust item; a split of the branch's whole
    # capital gives an item naming its own capital no source of the item before it.
    ("part", "source:", "+", "vi", VI_NGHE + "Cho vay hộ cận nghèo có dư nợ [[830 tỷ đồng|VND]], trong đó vốn trung ương [[760 tỷ đồng|VND]], vốn ủy thác của huyện [[*70 tỷ đồng|VND]].", PUB),
    ("indicator", "share-of:", "+", "en", NGHE + "Some [[VND 3,120 billion|VND]], or [[58%|%]] of total outstanding loans, went to upland communes.", PUB),
    ("indicator", "share-of:", "-", "en", NGHE + "Some [[VND 3,120 billion|VND]] went to upland communes, [[58%|%]] of total outstanding loans.", PUB),
    # An amount whose own noun names a debt's state, stated as a share of the loans: the rate's
    # numerator, no part of the loans; a noun of borrowers is a part's, the share's whole decides.
    ("indicator", "own-noun:", "+", "vi", VI_NGHE + "Đến cuối tháng 6, có [[1.930 triệu đồng|VND]] là nợ quá hạn, chiếm [[0,05%|%]] dư nợ toàn tỉnh.", PUB),
    ("indicator", "own-noun:", "-", "vi", VI_NGHE + "Cuối quý, các tổ hội quản lý [[2.640 tỷ đồng|VND]], chiếm [[97%|%]] trên tổng dư nợ.", PUB),
    ("indicator", "share-of:", "+", "vi", VI_NGHE + "Riêng hộ cận nghèo vay [[640 tỷ đồng|VND]], chiếm [[9%|%]] tổng dư nợ.", PUB),
    ("indicator", "own-noun:", "+", "en", NGHE + "Loans in the upland districts included [[VND 1,930 million|VND]] of overdue debt, accounting for [[0.05%|%]] of total outstanding loans.", PUB),
    ("indicator", "share-of:", "+", "en", NGHE + "Near-poor families borrowed [[VND 640 billion|VND]], accounting for [[9%|%]] of total outstanding loans.", PUB),
    ("part", "share:", "+", "vi", VI_NGHE + "Dư nợ qua các điểm giao dịch xã đạt [[4.870 tỷ đồng|VND]], chiếm [[96,1%|%|96.1]] tổng dư nợ.", PUB),
    ("part", "share:", "-", "vi", VI_NGHE + "Dư nợ đạt [[4.870 tỷ đồng|VND]], chiếm [[96,1%|%|96.1]] kế hoạch năm.", PUB),
    # Two dated totals of one fact, the second clearly smaller and filed under nothing the rules
    # know: a share of the first; within a tenth of it, the same total said again.
    ("part", "smaller-than-total", "+", "en", NGHE + "On {{March 31, 2023|2023-03-31}} outstanding loans of the bank stood at [[VND 6,200 billion|VND|6200000000000]]. On {{March 31, 2023|2023-03-31}} outstanding loans in the lowland effort stood at [[*VND 900 billion|VND|900000000000]].", PUB),
    ("part", "smaller-than-total", "-", "en", NGHE + "On {{March 31, 2023|2023-03-31}} outstanding loans of the bank stood at [[VND 6,200 billion|VND|6200000000000]]. On {{March 31, 2023|2023-03-31}} outstanding loans stood at roughly [[*VND 6,000 billion|VND|6000000000000]].", PUB),
    ("part", "paired-with:", "+", "en", NGHE + "Khmer households held [[VND 640 billion|VND]], accounting for [[12%|%]] of total outstanding loans, with [[*18,300 borrowers|borrowers]].", PUB),
    # The total word of a share's whole does not make the figure a total.
    ("part", "group:", "+", "en", NGHE + "The bank lent Khmer households [[VND 640 billion|VND]] in outstanding loans, accounting for [[12%|%]] of total outstanding loans, with [[*18,300 borrowers|borrowers]].", PUB),
    ("part", "paired-with:", "-", "en", NGHE + "The bank lent [[VND 5,640 billion|VND]] in outstanding loans, accounting for [[98%|%]] of the plan, with [[*118,300 borrowers|borrowers]].", PUB),
    # A count written right after a part's amount with a slash belongs to that part too.
    ("part", "paired-with:", "+", "vi", VI_NGHE + "Đến nay, chi nhánh có tổng dư nợ [[2.150 tỷ đồng|VND]], trong đó dư nợ ở các huyện vùng biên là [[430 tỷ đồng|VND]]/[[*8.100 hộ|households]].", PUB),
    ("part", "paired-with:", "-", "vi", VI_NGHE + "Dư nợ toàn chi nhánh đạt [[4.160 tỷ đồng|VND]]/[[*88.300 hộ|households]].", PUB),
    # A breakdown word opening a later clause of the total's sentence, its item naming a kind of
    # commune or district with the total's own cue: an area part of that total. An item naming
    # the debt's quality instead is no area.
    ("part", "area:breakdown", "+", "vi", VI_NGHE + "Năm nay dư nợ toàn tỉnh lên [[6.020 tỷ đồng|VND]], trong đó dư nợ ở các xã biên giới đạt [[*745 tỷ đồng|VND]].", PUB),
    ("part", "programme:", "-", "vi", VI_NGHE + "Cuối quý, dư nợ đạt [[5.480 tỷ đồng|VND]], trong đó dư nợ khoanh là [[*4 tỷ đồng|VND]].", PUB),
    ("part", "area:breakdown", "-", "vi", VI_NGHE + "Năm nay dư nợ toàn tỉnh lên [[6.020 tỷ đồng|VND]], trong đó dư nợ quá hạn đạt [[*9 tỷ đồng|VND]].", PUB),
    ("part", "average:", "+", "en", NGHE + "Outstanding loans per district reached an average of [[VND 650 billion|VND]].", PUB),
    ("part", "average:", "-", "en", NGHE + "Outstanding loans reached [[VND 650 billion|VND]].", PUB),
    ("part", "list:", "+", "en", NGHE + "Outstanding loans across the programmes: poor households [[*VND 3,100 billion|VND]]; students [[VND 640 billion|VND]].", PUB),
    ("part", "list:", "-", "en", NGHE + "Outstanding loans across the programmes reached [[*VND 5,100 billion|VND]].", PUB),
]

# Rules decided by where the page came from: (key, rule, polarity, markup, source).
SOURCED: list[tuple[str, str, str, str, str]] = [
    ("province", "document:outlet", "+", HEAD + "Outstanding loans of the provincial bank reached [[VND 5,000 billion|VND]].", "https://baohatinh.vn/kinh-te/a.html"),
    ("province", "document:outlet", "-", HEAD + "Outstanding loans of the provincial bank reached [[VND 5,000 billion|VND]].", "https://en.vietnamplus.vn/a.html"),
    ("province", "document:address", "+", HEAD + "Outstanding loans of the provincial bank reached [[VND 5,000 billion|VND]].", "https://news.example.vn/ha-tinh-tin-dung-chinh-sach.html"),
    ("province", "document:address", "-", HEAD + "Outstanding loans of the provincial bank reached [[VND 5,000 billion|VND]].", "https://news.example.vn/tin-dung-chinh-sach.html"),
]


@pytest.mark.parametrize(("key", "rule", "polarity", "markup", "source"), SOURCED,
                         ids=[f"{r[0]}={r[1]}{r[2]}" for r in SOURCED])
def test_sourced_rule(key: str, rule: str, polarity: str, markup: str, source: str) -> None:
    obs = observe(markup, lang="en", published=PUB, source=source)
    decided = obs is not None and decided_by(obs.rules.get(key, ""), rule)
    assert decided == (polarity == "+"), obs.rules if obs else None


@pytest.mark.parametrize(("key", "rule", "polarity", "lang", "markup", "published"), CODE,
                         ids=[f"{r[0]}={r[1]}{r[2]}" for r in CODE])
def test_code_rule(key: str, rule: str, polarity: str, lang: str, markup: str, published: dt.date | None) -> None:
    obs = observe(markup, lang=lang, published=published)
    decided = obs is not None and decided_by(obs.rules.get(key, ""), rule)
    assert decided == (polarity == "+"), obs.rules if obs else None


@pytest.mark.parametrize(("markup", "indicator"), [
    # A capital cue right after "từ"/"bằng"/"thuộc" names where the money came from: the clause's earlier
    # cue (the loans, the lending) names the figure (funded_from of rules/linking.yaml).
    ("Dư nợ ở huyện miền núi từ nguồn vốn nhận ủy thác của tỉnh lên [[74 tỷ đồng|VND]].", "outstanding_loans"),
    ("Năm nay, chi nhánh giải ngân bằng nguồn vốn nhận ủy thác của huyện thêm [[18 tỷ đồng|VND]].", "lending_turnover"),
    ("Dư nợ tăng nhanh, nguồn vốn nhận ủy thác của tỉnh lên [[74 tỷ đồng|VND]].", "local_entrusted_capital"),
    # "thuộc" (belonging to) names the capital the loans came from as well.
    ("Riêng dư nợ thuộc nguồn vốn nhận ủy thác của tỉnh lên [[74 tỷ đồng|VND]].", "outstanding_loans"),
    # … but with no loans cue before it, the capital after "thuộc" is the figure's noun.
    ("Các khoản thuộc nguồn vốn nhận ủy thác của tỉnh lên [[74 tỷ đồng|VND]].", "local_entrusted_capital"),
])
def test_capital_named_as_the_money_s_source_is_not_its_noun(markup: str, indicator: str) -> None:
    check(observe(VI_NGHE + markup, lang="vi", published=PUB), {"indicator": indicator})


@pytest.mark.parametrize(("markup", "lang"), [
    # The bank or branch named with its province, a total word, a possessive, a nationwide or
    # province-wide word: the whole's figure, though the document is about one programme.
    ("Cho vay học sinh, sinh viên tiếp sức 3.500 em ở Gia Lai\nSinh viên được vay theo mức mới.\nĐến cuối tháng 9, tổng dư nợ của "
     "NHCSXH tỉnh Gia Lai đạt [[9.700 tỷ đồng|VND]] với 180.000 khách hàng.", "vi"),
    ("Cho vay học sinh, sinh viên tiếp sức 3.500 em ở Gia Lai\nSinh viên được vay theo mức mới.\nĐến cuối tháng 9, tổng dư nợ của "
     "chi nhánh đạt [[9.700 tỷ đồng|VND]], tăng 6% so với đầu năm.", "vi"),
    ("Student loans back 3,500 learners in Gia Lai\nStudents may borrow more this year.\nBy late September, the "
     "branch's total outstanding loans stood at [[VND 9,700 billion|VND]].", "en"),
    ("Clean water and sanitation loans bring tap water to Tra Vinh villages\nMany homes now have filters.\nBy the end of August, "
     "total outstanding loans of VBSP Tra Vinh stood at [[VND 6,900 billion|VND]].", "en"),
    ("Veterans' Association marks 15 years of entrusted lending\nThe association met in Hanoi.\nVBSP's outstanding "
     "loans nationwide climbed to [[VND 410 trillion|VND]] by October.", "en"),
    ("Youth Union holds its congress in Lao Cai\nDelegates discussed jobs.\nAcross the province, VBSP Lao Cai "
     "disbursed [[VND 3,300 billion|VND]] in 2024.", "en"),
    ("Hội Nông dân Phú Yên đồng hành cùng nông dân làm giàu\nHội tổ chức tập huấn.\nĐến 30/9, tổng dư nợ của NHCSXH "
     "tỉnh Phú Yên đạt [[7.600 tỷ đồng|VND]] với 110.000 khách hàng.", "vi"),
    ("Phú Yên đẩy mạnh cho vay nhà ở xã hội\nCông nhân được hỗ trợ.\nNăm 2026, mục tiêu tổng dư nợ của chi nhánh đạt "
     "[[11.000 tỷ đồng|VND]].", "vi"),
    # The bank's whole remit in the headline ("lending to the poor and other policy
    # beneficiaries"): no one programme.
    ("Tín dụng cho hộ nghèo và các đối tượng chính sách khác tiếp tục tăng ở Điện Biên\nĐến hết tháng 9, dư nợ "
     "chương trình này đạt [[5.200 tỷ đồng|VND]].", "vi"),
    ("Loans to poor households and other policy beneficiaries keep rising in Dien Bien\nBy September, outstanding "
     "loans of the programme stood at [[VND 5,200 billion|VND]].", "en"),
    # A next sentence that opens with a breakdown: the figure before is the whole it breaks down.
    ("Hội Phụ nữ Bến Tre đưa vốn ưu đãi đến hội viên\nHội phối hợp với ngân hàng.\nNăm 2024, doanh số cho vay hội "
     "viên và các hộ khác đạt [[2.700 tỷ đồng|VND]]. Trong đó, qua Hội Phụ nữ 640 tỷ đồng.", "vi"),
    # The review of entrusted lending as a whole names no one channel.
    ("Tổng kết công tác ủy thác năm 2024 tại Phú Yên\nNgày 12/1/2025, chi nhánh họp tổng kết.\nĐến 31/12/2024, dư "
     "nợ của hội viên đạt [[7.400 tỷ đồng|VND]].", "vi"),
    # One borrower's loan told as a story, though its sentence speaks of the topic: no figure of it.
    ("Hội Nông dân Sóc Trăng giúp hội viên vay vốn\nHội tổ chức tập huấn cho nông dân.\nThấy chị M. chăm chỉ, tổ hội viên "
     "đề nghị phòng giao dịch cho vay [[60 triệu đồng|VND]] để chị nuôi lợn.", "vi"),
    ("Cho vay người mãn hạn tù giúp họ làm lại ở Cần Thơ\nNhiều người đã có việc làm.\nBiết anh K. muốn hoàn lương, "
     "phòng giao dịch huyện cho vay [[70 triệu đồng|VND]] để anh mở tiệm sửa xe.", "vi"),
])
def test_a_programme_documents_whole_figures_stay_totals(markup: str, lang: str) -> None:
    """A figure of a document about one programme or channel is no part of it unless its own
    sentence refers back to it, and never when it names the whole bank or branch."""
    obs = observe(markup, lang=lang, published=PUB)
    assert obs is None or not obs.rules.get("part", "").endswith(":document"), obs.rules


@pytest.mark.parametrize(("markup", "lang", "part"), [
    # A district office's report: the commune the sentence speaks of back, not the district.
    ("Tin Đô Lương\nNHCSXH huyện Đô Lương làm việc tại xã Bài Sơn. Hiện dư nợ trên địa bàn xã đạt [[38 tỷ đồng|VND]].",
     "vi", "Bài Sơn"),
    ("Do Luong news\nThe Do Luong District Social Policy Bank held a session for Bai Son commune. Outstanding "
     "loans in the commune reached [[VND 38 billion|VND]].", "en", "Bai Son"),
    # No commune named: the words that speak of one, still no total of the district.
    ("Tin Đô Lương\nNHCSXH huyện Đô Lương họp. Tổng dư nợ của xã đạt [[38 tỷ đồng|VND]].", "vi", "của xã"),
    # A commune thanked or praised in another clause, or the district office's own words between:
    # the district's figure still.
    ("Tin Đô Lương\nNHCSXH huyện Đô Lương giao dịch tại xã Bài Sơn. Nhờ sự ủng hộ của xã, dư nợ của NHCSXH "
     "huyện đạt [[610 tỷ đồng|VND]].", "vi", "Đô Lương"),
    ("Do Luong news\nThe Do Luong District Social Policy Bank met in Bai Son commune. The commune's leaders "
     "thanked the office; outstanding loans reached [[VND 610 billion|VND]].", "en", "Do Luong"),
])
def test_a_communes_figure_in_a_districts_text_is_the_communes(markup: str, lang: str, part: str) -> None:
    """A figure whose sentence speaks of one commune ("dư nợ của xã", "the commune has") in a
    district office's report, or in a text only its districts placed, is that commune's part."""
    obs = observe(markup, lang=lang, published=PUB)
    assert obs is not None and (obs.part_of, obs.part) == ("area", part), obs.rules if obs else None


HA_TINH_VI = "Tin Hà Tĩnh\nNăm qua, NHCSXH tỉnh Hà Tĩnh cho vay [[3.100 tỷ đồng|VND]]. "
HA_TINH_EN = "Ha Tinh news\nLast year the Ha Tinh Provincial Social Policy Bank lent [[VND 3,100 billion|VND]]. "


@pytest.mark.parametrize(("markup", "lang"), [
    # The whole bank's figure, though a district office stands before it: no district's part.
    (HA_TINH_VI + "Theo số liệu PGD NHCSXH Can Lộc nhận được, dư nợ toàn quốc lên [[*352.000 tỷ đồng|VND]].", "vi"),
    (HA_TINH_EN + "The Can Loc Social Policy Bank Transaction Office heard that outstanding loans nationwide had "
     "passed [[*VND 352 trillion|VND]].", "en"),
    # The office is where the words were spoken, or whom they were sent to; another body reports.
    (HA_TINH_VI + "Tại PGD NHCSXH Thạch Hà chiều qua, lãnh đạo tỉnh được báo cáo tổng nguồn vốn ở mức "
     "[[*11.800 tỷ đồng|VND]].", "vi"),
    (HA_TINH_VI + "Trong báo cáo gửi PGD NHCSXH Thạch Hà, chi nhánh nêu tổng dư nợ ở mức [[*11.800 tỷ đồng|VND]].", "vi"),
    (HA_TINH_EN + "Addressing staff at the Duc Tho Social Policy Bank Transaction Office, the director put total "
     "capital at [[*VND 11,800 billion|VND]].", "en"),
    (HA_TINH_EN + "In a letter to the Duc Tho Social Policy Bank Transaction Office, the bank put total capital at "
     "[[*VND 11,800 billion|VND]].", "en"),
    # The office named for company or for comparison: the sentence's own subject reports.
    (HA_TINH_VI + "Cùng PGD NHCSXH Lộc Hà, ngân hàng đã giải ngân [[*260 tỷ đồng|VND]] từ đầu năm.", "vi"),
    (HA_TINH_VI + "Giống như PGD NHCSXH Kỳ Anh, mọi đơn vị đều giữ nợ quá hạn dưới [[*0,2%|%]].", "vi"),
    (HA_TINH_EN + "As with the Ky Anh Social Policy Bank Transaction Office, every district office held overdue "
     "debt under [[*0.2%|%]].", "en"),
    # A one-word name before a city word with no bank's name before it: too short for an area's name.
    (HA_TINH_EN + "Outstanding loans in Vinh City had grown to [[*VND 2,050 billion|VND]] by March.", "en"),
])
def test_a_district_office_that_does_not_report_the_figure_gives_no_part(markup: str, lang: str) -> None:
    """A district office named before a figure makes it the office's area only when the office
    reports it: not for a national figure, nor where the office is the venue, the addressee, a
    companion or a comparison of another body that reports."""
    obs = observe(markup, lang=lang, published=PUB)
    assert obs is not None and obs.part_of is None, (obs.part_of, obs.part, obs.rules) if obs else None


@pytest.mark.parametrize(("markup", "lang", "part"), [
    # The office itself reports, by its name: its area's figure.
    (HA_TINH_VI + "Hiện nay, PGD NHCSXH Hương Khê có tổng dư nợ [[*780 tỷ đồng|VND]] với 14.200 khách "
     "hàng.", "vi", "Hương Khê"),
    # Two offices joined report together: both are named in the part.
    (HA_TINH_VI + "PGD NHCSXH Can Lộc và PGD NHCSXH Lộc Hà quản lý dư nợ [[*1.450 tỷ đồng|VND]].", "vi",
     "Can Lộc và Lộc Hà"),
    # The bank's short name before the district's: who reports from it, no word of its name.
    ("Credit for farm households\nAt the end of the third quarter, outstanding loans held by VBSP Tan Mieu district "
     "stood at [[*VND 640 billion|VND]].", "en", "Tan Mieu"),
    # After the bank's short name, a one-word name is the office's area too.
    ("Credit for farm households\nBy the end of March, outstanding loans at VBSP Vinh City had grown to "
     "[[*VND 2,050 billion|VND]].", "en", "Vinh"),
])
def test_a_district_office_reporting_a_figure_gives_its_area(markup: str, lang: str, part: str) -> None:
    """A district office (or two joined) named as who holds the figure: an area part, by name."""
    obs = observe(markup, lang=lang, published=PUB)
    assert obs is not None and (obs.part_of, obs.part) == ("area", part), (obs.part_of, obs.part, obs.rules) if obs else None


@pytest.mark.parametrize("markup", [
    NGHE + "By June, loans entrusted through the Veterans' Association totalled [[*VND 265 billion|VND]].",
    NGHE + "By June, loans entrusted through the provincial Veterans\u2019 Association totalled [[*VND 265 billion|VND]].",
    NGHE + "By June, loans entrusted through the town Veterans' Association totalled [[*VND 265 billion|VND]].",
    # A document about the union: its label too.
    "Loans through the Veterans\u2019 Association\nThe association manages loans for member households. By June, "
    "outstanding loans of members reached [[*VND 265 billion|VND]].",
])
def test_a_channel_is_labelled_by_the_unions_own_name(markup: str) -> None:
    """One union, one label: its own name with a plain apostrophe, whatever level word or
    apostrophe the cue was written with."""
    obs = observe(markup, lang="en", published=PUB)
    assert obs is not None and (obs.part_of, obs.part) == ("channel", "Veterans' Association")


@pytest.mark.parametrize(("markup", "lang", "indicator", "part_of"), [
    # A rate averaged over the years is the total's own growth rate, no average per borrower.
    (VI_NGHE + "Cuối quý III, tổng dư nợ lên [[4.870 tỷ đồng|VND]], tốc độ tăng trưởng bình quân mỗi năm "
     "là [[*9,6%|%]].", "vi", "outstanding_growth_rate", None),
    (NGHE + "Outstanding loans reached [[VND 4,870 billion|VND]], on average an increase of [[*9.6%|%]] a year "
     "compared to 2020.", "en", "outstanding_growth_rate", None),
    # The level such a rate leads to: the total, no average.
    (VI_NGHE + "Giai đoạn 2019-2023, dư nợ tăng trưởng bình quân [[8,1%|%]]/năm, lên [[*3.960 tỷ đồng|VND]].",
     "vi", "outstanding_loans", None),
    # Near miss: an amount per borrower after an average word is the average.
    # A yearly word right after the rate, its verb alone between: the level is still the total.
    (VI_NGHE + "Từ năm 2020, dư nợ bình quân tăng [[9%|%]] mỗi năm, đạt [[*4.700 tỷ đồng|VND]].",
     "vi", "outstanding_loans", None),
    # Near miss: with a borrower between, the yearly word after the rate still averages per borrower.
    (VI_NGHE + "Từ năm 2020, dư nợ bình quân mỗi hộ tăng [[6%|%]] mỗi năm, đạt [[*47 triệu đồng|VND]].",
     "vi", "outstanding_loans", "average"),
    (VI_NGHE + "Cuối năm 2023, dư nợ bình quân mỗi hộ lên [[*47 triệu đồng|VND]].", "vi", "outstanding_loans", "average"),
    # Near miss: the average per borrower grew by a percent on the way to its amount, still the average.
    (VI_NGHE + "So với đầu năm, mức dư nợ trung bình của một khách hàng đã tăng thêm [[6,5%|%]] và đạt "
     "[[*47 triệu đồng|VND]].", "vi", "outstanding_loans", "average"),
])
def test_an_average_rate_is_no_average_part(markup: str, lang: str, indicator: str, part_of: str | None) -> None:
    """An average word whose figure is a percent, or stands before a percent that comes first,
    averages a rate over the years: the total's own rate and level, not an average per borrower."""
    obs = observe(markup, lang=lang, published=PUB)
    assert obs is not None and (obs.indicator, obs.part_of) == (indicator, part_of), obs


@pytest.mark.parametrize(("markup", "lang"), [
    # A programme's levels before a semicolon do not make the figures after it the programme's:
    # the clause after it may be the branch's whole lending, dated on its own after a lead-in
    # word, or with the bank as its subject and flows smaller than the programme's levels.
    (VI_NGHE + "Cho vay hộ cận nghèo có dư nợ [[870 tỷ đồng|VND|870000000000]], với [[15.400 hộ|households|15400]] "
     "còn vay; doanh số cho vay năm 2024 đạt [[*390 tỷ đồng|VND|390000000000]].", "vi"),
    (VI_NGHE + "Cho vay hộ cận nghèo có dư nợ [[870 tỷ đồng|VND|870000000000]], với [[15.400 hộ|households|15400]] "
     "còn vay; tính đến {{31/8/2025|2025-08-31}}, NHCSXH tỉnh đã cho [[*9.300 khách hàng|customers|9300]] vay vốn.", "vi"),
    (VI_NGHE + "Cho vay hộ cận nghèo có dư nợ [[870 tỷ đồng|VND|870000000000]], với [[15.400 hộ|households|15400]] "
     "còn vay; chi nhánh cũng đã giải ngân [[*410 tỷ đồng|VND|410000000000]] cho 7.700 lượt hộ.", "vi"),
    (NGHE + "Outstanding loans for near-poor households came to [[VND 870 billion|VND|870000000000]], with "
     "[[15,400 households|households]] still borrowing; by {{August 31, 2025|2025-08-31}} the branch had lent "
     "[[*VND 410 billion|VND|410000000000]].", "en"),
])
def test_a_programmes_levels_do_not_go_on_past_a_semicolon(markup: str, lang: str) -> None:
    """The clause after a semicolon is no part of the programme whose levels came before it."""
    obs = observe(markup, lang=lang, published=PUB)
    assert obs is not None and obs.part_of is None, obs


@pytest.mark.parametrize(("markup", "lang", "indicator"), [
    # Over a count of years or a span of years, those who got loans are those lent to, though
    # the loans they hold now follow: no count of borrowers still holding loans.
    (VI_NGHE + "Sau 11 năm hoạt động, đơn vị đã giúp [[*38.400 hộ nghèo|households]] và hộ mới thoát nghèo được "
     "vay vốn với tổng dư nợ [[1.070 tỷ đồng|VND]].", "vi", "borrowers_reached"),
    (VI_NGHE + "Trong giai đoạn {{2016-2020|2016-01-01..2020-12-31}}, đã có [[*38.400 khách hàng|customers]] được vay "
     "vốn với dư nợ [[1.070 tỷ đồng|VND]].", "vi", "borrowers_reached"),
    # Near misses: no span of years, or one year only: those holding the loans.
    (VI_NGHE + "Hiện nay, chi nhánh có [[*46.900 hộ|households]] được vay vốn với tổng dư nợ [[1.340 tỷ đồng|VND]].",
     "vi", "borrowers_outstanding"),
    (VI_NGHE + "Năm {{2024|2024-01-01..2024-12-31}}, chi nhánh có [[*46.900 hộ|households]] được vay vốn với tổng dư nợ [[1.340 tỷ đồng|VND]].",
     "vi", "borrowers_outstanding"),
    # Near miss: a word of the present after the span of years speaks of those holding loans now.
    (VI_NGHE + "Trong 11 năm qua, hiện nay cả huyện còn [[*38.400 khách hàng|customers]] được vay vốn với dư nợ "
     "[[1.070 tỷ đồng|VND]].", "vi", "borrowers_outstanding"),
    # A word of the present before the count of years leaves the years to govern the count.
    (VI_NGHE + "Hiện nay, qua 14 năm hoạt động, đơn vị đã giúp [[*52.700 hộ|households]] được vay vốn với dư nợ "
     "[[1.480 tỷ đồng|VND]].", "vi", "borrowers_reached"),
])
def test_borrowers_over_years_paired_with_a_debt_are_those_lent_to(markup: str, lang: str, indicator: str) -> None:
    """A count of borrowers whose own cue says they got loans, paired with the debt after it,
    counts those still holding loans, unless its sentence opens on a count of years or a span of
    several years: then it counts those lent to over that span."""
    obs = observe(markup, lang=lang, published=PUB)
    assert obs is not None and obs.indicator == indicator, obs


@pytest.mark.parametrize(("markup", "indicator"), [
    # A programme named by its outcome in an earlier clause; the binder names the debt's borrowers.
    (VI_NGHE + "Nhờ nguồn vốn giải quyết việc làm tăng thêm [[4,1 tỷ đồng|VND]] trong năm, dư nợ đã đạt "
     "[[27 tỷ đồng|VND]] với [[*515 khách hàng|customers]] đang vay.", "borrowers_outstanding"),
    # Near miss: no binder, the outcome's own clause.
    (VI_NGHE + "Năm nay, chi nhánh đã giải ngân [[2,3 tỷ đồng|VND]], nâng dư nợ lên [[31 tỷ đồng|VND]], tạo việc làm "
     "cho [[*640 người|people]].", "jobs_created"),
])
def test_a_count_bound_to_its_level_is_of_its_borrowers(markup: str, indicator: str) -> None:
    """A count a pair binder joins to the level right before it counts that level's borrowers,
    though a cue of an outcome stood in an earlier clause (the name of the programme)."""
    obs = observe(markup, lang="vi", published=PUB)
    assert obs is not None and obs.indicator == indicator, obs


@pytest.mark.parametrize(("markup", "indicator"), [
    # The count opens the clause right after a debt, a comma alone between: those holding it.
    ("Across Lai Chau, total outstanding loans hit [[VND 3,470 billion|VND]], "
     "[[*about 86,200 customers|customers]] in the province borrowed capital.", "borrowers_outstanding"),
    # Past the debt's change too.
    ("Outstanding loans reached [[VND 6,230 billion|VND]], up [[VND 410 billion|VND|410000000000|increase]] from the start of the "
     "year, [[*nearly 142,000 poor households|households]] and others borrowed capital.", "borrowers_outstanding"),
    # Near misses: the count's clause dates its borrowing, or the level is a flow.
    ("Outstanding loans reached [[VND 4,340 billion|VND]], [[*15,300 households|households]] borrowed capital "
     "in {{2024|2024-01-01..2024-12-31}}.", "borrowers_reached"),
    ("In {{2024|2024-01-01..2024-12-31}}, lending reached [[VND 1,450 billion|VND]], [[*36,400 households|households]] borrowed capital.",
     "borrowers_reached"),
    # The count's clause goes on past its cue with a period: those lent to in it.
    ("Total outstanding debt was [[VND 5,370 billion|VND]], [[*12,900 households|households]] borrowed capital "
     "over the last nine months.", "borrowers_reached"),
    ("Tổng dư nợ là [[5.370 tỷ đồng|VND]], [[*12.900 hộ|households]] được vay vốn trong năm.", "borrowers_reached"),
    # A cue of new lending, not of borrowing.
    ("Tổng dư nợ là [[5.370 tỷ đồng|VND]], [[*12.900 hộ|households]] được giải ngân.", "borrowers_reached"),
    ("Total outstanding debt was [[VND 5,370 billion|VND]], [[*12,900 new customers|customers]] borrowed capital.",
     "borrowers_reached"),
    # Years counted, or the unit's founding, before the level: those lent to over that time.
    ("After nearly three decades, total outstanding debt was [[VND 5,370 billion|VND]], "
     "[[*512,000 households|households]] borrowed capital.", "borrowers_reached"),
    ("Kể từ khi thành lập, tổng dư nợ là [[5.370 tỷ đồng|VND]], [[*512.000 hộ|households]] được vay vốn.",
     "borrowers_reached"),
])
def test_borrowers_right_after_a_debt_hold_it(markup: str, indicator: str) -> None:
    """A count whose cue only says they borrow, opening the clause right after a stock's amount
    (a comma between), counts the borrowers of that stock; not when its clause says more (a
    period, new lending) or the sentence looks back over years."""
    obs = observe(markup, lang="en" if markup.isascii() else "vi", published=PUB)
    assert obs is not None and obs.indicator == indicator, obs


@pytest.mark.parametrize(("markup", "indicator"), [
    # The amount restated in another currency in parentheses right after it: what follows the
    # parentheses reads on from the amount (the cue after it, the borrowers a binder joins to it).
    ("By June 30, outstanding loans reached [[VND 6.3 trillion|VND]] ([[US$250 million|USD]]) for "
     "[[*152,000 customers|customers]].", "borrowers_outstanding"),
    ("Over fifteen years the branch has offered [[*VND 5.2 trillion|VND|5200000000000]] ([[US$220 million|USD]]) in soft loans "
     "to farmers.", "lending_turnover"),
    # The pair binder reads past the other currency too: the households lent to.
    ("In 2023 disbursement came to [[VND 870 billion|VND]] ([[US$34 million|USD]]) for "
     "[[*18,500 households|households]] in Kon Tum.", "borrowers_reached"),
    # Near miss: a share or a count in the parentheses is no restatement of the amount.
    ("In 2023 disbursement came to [[VND 870 billion|VND]] ([[9,400 turns|turns]]) for "
     "[[*18,500 households|households]] in Kon Tum.", None),
    # Near miss: parentheses that say more than the other currency stop the reading.
    ("Over fifteen years the branch has offered [[*VND 5.2 trillion|VND|5200000000000]] (of which [[US$220 million|USD]] came "
     "from donors and was spent elsewhere) in soft loans to farmers.", None),
])
def test_a_currency_aside_does_not_part_an_amount_from_what_follows(markup: str, indicator: str | None) -> None:
    """A figure in parentheses right after an amount, alone, restates it in another currency:
    a cue or a pair binder past the parentheses still reads the amount."""
    obs = observe(markup, lang="en", published=PUB)
    assert (obs.indicator if obs is not None else None) == indicator, obs


@pytest.mark.parametrize(("markup", "indicator"), [
    # Behind a lending verb, "in soft loans" after the amount says it was lent.
    ("Since 2012 the office has extended [[*VND 3.7 trillion|VND|3700000000000]] in soft loans to hill farmers.",
     "lending_turnover"),
    # Near misses: a stock cue before the amount, no verb of lending, or a negated one.
    ("At the end of June, outstanding loans hit [[*VND 8,200 billion|VND|8200000000000]] in soft loans "
     "for tea growers.", "outstanding_loans"),
    ("Households of the upland district still owe [[*VND 2.4 trillion|VND|2400000000000]] in preferential loans.",
     None),
    ("The branch has not pumped [[*VND 310 billion|VND|310000000000]] in concessional loans into the district.", None),
    ("In 2024 the office collected [[*VND 1,250 billion|VND|1250000000000]] in soft loans that fell due.",
     "debt_collection_turnover"),
    # The borrowers after such an amount: lent to behind the verb, holding loans after a stock cue.
    ("At the end of June, outstanding loans hit [[VND 8,200 billion|VND|8200000000000]] in soft loans for "
     "[[*117,000 households|households]].", "borrowers_outstanding"),
])
def test_loans_named_after_an_amount_say_it_was_lent_only_behind_a_lending_verb(
    markup: str, indicator: str | None,
) -> None:
    """ "VND X in soft loans" is lent only behind a lending verb; after a stock, a repayment or a
    holding it names the product of that amount."""
    obs = observe(markup, lang="en", published=PUB)
    assert (obs.indicator if obs is not None else None) == indicator, obs


@pytest.mark.parametrize(("markup", "indicator", "part_of"), [
    # A channel's level broken down by programme: its items measure what it does, each a programme.
    (VI_NGHE + "Năm nay, chi nhánh giải ngân [[1.960 tỷ đồng|VND]]. Dư nợ cho vay qua Hội Nông dân đạt "
     "[[960 tỷ đồng|VND]], trong đó: cho vay hộ cận nghèo [[385 tỷ|VND]]; cho vay nước sạch [[*95 tỷ|VND]].",
     "outstanding_loans", "programme"),
    (VI_NGHE + "Dư nợ cho vay qua Hội Nông dân đạt [[960 tỷ đồng|VND]], trong đó: cho vay hộ cận nghèo [[*385 tỷ|VND]]; "
     "cho vay nước sạch [[95 tỷ|VND]].", "outstanding_loans", "programme"),
    # Near miss: a total broken down, as before.
    (VI_NGHE + "Tổng dư nợ đạt [[5.960 tỷ đồng|VND]], trong đó: cho vay hộ cận nghèo [[*385 tỷ|VND]]; cho vay nước "
     "sạch [[95 tỷ|VND]].", "outstanding_loans", "programme"),
])
def test_a_parts_breakdown_lists_its_programmes(markup: str, indicator: str, part_of: str) -> None:
    """A breakdown word after a channel's (group's, area's) level in its sentence breaks that
    level down, not the last total of its kind: its items measure the level's indicator and are
    programme parts."""
    obs = observe(markup, lang="vi", published=PUB)
    assert obs is not None and (obs.indicator, obs.part_of) == (indicator, part_of), obs


BREAKDOWN_ITEMS = (VI_NGHE + "Đến cuối tháng 9, dư nợ của chi nhánh lên [[5.600 tỷ đồng|VND]] trên [[104.000 hộ vay|households]]. "
                   "Trong đó, cho vay HSSV là [[{2}180 tỷ đồng|VND]] với [[4.700 hộ|households]]; cho vay hộ đồng bào "
                   "DTTS vùng cao đạt [[{0}730 tỷ đồng|VND]] với [[{1}15.200 hộ vay|households]] và cho vay giải quyết "
                   "việc làm là [[290 tỷ đồng|VND]] với [[6.800 hộ|households]].")


@pytest.mark.parametrize(("markup", "indicator", "part"), [
    # An item whose programme names its borrowers, which no programme list knows: "cho vay" is
    # still a name, and a later item's programme is not its label.
    (BREAKDOWN_ITEMS.format("*", "", ""), "outstanding_loans", "DTTS"),
    (BREAKDOWN_ITEMS.format("", "*", ""), "borrowers_outstanding", "DTTS"),
    # Near miss: the later item keeps its own name and the total's indicator.
    (BREAKDOWN_ITEMS.format("", "", "*"), "outstanding_loans", "cho vay HSSV"),
    # Near miss: collecting from or paying out to a group is no name of its loans; the item keeps
    # its own indicator.
    (VI_NGHE + "Dư nợ toàn tỉnh đạt [[8.100 tỷ đồng|VND]]. Trong đó, thu nợ hộ DTTS [[*260 tỷ đồng|VND]].",
     "debt_collection_turnover", "DTTS"),
    (VI_NGHE + "Dư nợ toàn tỉnh đạt [[8.100 tỷ đồng|VND]]. Trong đó, giải ngân cho hộ DTTS [[*260 tỷ đồng|VND]] "
     "trong năm 2023.", "lending_turnover", "DTTS"),
    # Near miss: a clause whose "cho vay" a subject precedes lends.
    (VI_NGHE + "Năm nay, chi nhánh cho vay hộ đồng bào DTTS [[*300 tỷ đồng|VND]].", "lending_turnover", "DTTS"),
])
def test_a_breakdown_item_lent_to_a_group_is_named_by_it(markup: str, indicator: str, part: str) -> None:
    """A breakdown's item opening with loans to a group of borrowers ("cho vay hộ … DTTS …") names
    that group's loans, measuring what the total broken down measures; a programme named after
    its figures, in the list's next item, labels that item only."""
    obs = observe(markup, lang="vi", published=PUB)
    assert obs is not None and (obs.indicator, obs.part) == (indicator, part), obs


@pytest.mark.parametrize(("markup", "part"), [
    # The loans entrusted to the unions as a whole, then their shares, union by union, in the next
    # sentence: each share is a channel part measuring what the whole measures.
    (VI_NGHE + "Dư nợ ủy thác qua các tổ chức chính trị - xã hội đạt [[7.200 tỷ đồng|VND]]. Cụ thể, Hội Cựu chiến "
     "binh [[*1.300 tỷ đồng|VND]], Đoàn Thanh niên quản lý [[980 tỷ đồng|VND]].", "Hội Cựu chiến binh"),
    (VI_NGHE + "Dư nợ ủy thác qua các tổ chức chính trị - xã hội đạt [[7.200 tỷ đồng|VND]]. Trong đó, Hội Nông dân "
     "quản lý [[2.900 tỷ đồng|VND]]; Hội Phụ nữ quản lý [[*2.600 tỷ đồng|VND]].", "Hội Phụ nữ"),
])
def test_a_channels_level_broken_down_by_union_in_the_next_sentence(markup: str, part: str) -> None:
    """A breakdown opening the sentence right after a channel's level, naming the unions, breaks
    that level down: each union's amount is a channel part of outstanding loans."""
    obs = observe(markup, lang="vi", published=PUB)
    assert obs is not None and (obs.indicator, obs.part_of, obs.part) == ("outstanding_loans", "channel", part), obs


@pytest.mark.parametrize("markup", [
    # Near misses: a union's amount in the next sentence with no breakdown word, and a breakdown
    # one sentence too far from the channel's level, name no level of it.
    VI_NGHE + "Dư nợ ủy thác qua các tổ chức chính trị - xã hội đạt [[7.200 tỷ đồng|VND]]. Trong năm, Hội Nông dân "
    "quản lý thêm [[*900 tỷ đồng|VND]].",
    VI_NGHE + "Dư nợ ủy thác qua các tổ chức chính trị - xã hội đạt [[7.200 tỷ đồng|VND]]. Chi nhánh cũng nhận thêm "
    "vốn. Cụ thể, Đoàn Thanh niên quản lý [[*900 tỷ đồng|VND]].",
])
def test_a_channels_level_reaches_only_the_breakdown_right_after_it(markup: str) -> None:
    """Only a breakdown opening the very next sentence reaches back to a channel's level."""
    assert observe(markup, lang="vi", published=PUB) is None


@pytest.mark.parametrize("markup", [
    # Each kind of borrowers with its own count, the verb after the last one: it governs them all.
    VI_NGHE + "Năm 2024, [[*318 lượt hộ nghèo|turns]], [[127 lượt hộ cận nghèo|turns]] được vay vốn ưu đãi.",
    VI_NGHE + "Năm 2024, [[318 lượt hộ nghèo|turns]], [[*127 hộ cận nghèo|households]] và [[46 hộ mới thoát nghèo|households]] "
    "được vay vốn ưu đãi.",
])
def test_a_list_of_counts_of_borrowers_shares_the_cue_after_it(markup: str) -> None:
    """Counts of kinds of borrowers listed one after another share the lending cue after the last."""
    obs = observe(markup, lang="vi", published=PUB)
    assert obs is not None and obs.indicator == "borrowers_reached", obs


@pytest.mark.parametrize("markup", [
    # Near misses: the second count is of no kind of borrowers, or the first stands alone.
    VI_NGHE + "Năm 2024, [[*318 lượt hộ nghèo|turns]], [[127 người|people]] được vay vốn ưu đãi.",
    VI_NGHE + "Năm 2024, xã có [[*318 hộ nghèo|households]]; [[127 lượt hộ cận nghèo|turns]] được vay vốn ưu đãi.",
    # A list of those who still need loans: no borrowers yet.
    VI_NGHE + "Cuối năm 2024, xã còn [[*318 hộ nghèo|households]], [[127 hộ cận nghèo|households]] cần được vay vốn.",
])
def test_a_count_outside_a_list_of_borrowers_borrows_no_cue(markup: str) -> None:
    """A count whose clause goes on with no other kind of borrowers, or ends at a semicolon, takes no
    cue from a later count's clause."""
    assert observe(markup, lang="vi", published=PUB) is None


PROGRAMME_LENDING = (VI_NGHE + "Cho vay theo Nghị quyết số 11/NQ-CP của chi nhánh lên tới [[{0}38 tỷ đồng|VND]] "
                     "với [[720 khách hàng|customers]]. Trong đó, có [[{1}95 khách hàng|customers]] vay mua nhà ở xã hội.")


@pytest.mark.parametrize("markup", [PROGRAMME_LENDING.format("*", ""), PROGRAMME_LENDING.format("", "*")])
def test_one_programmes_lending_and_its_breakdown_are_parts(markup: str) -> None:
    """Lending under one programme that its sentence names ("theo Nghị quyết 11") is that
    programme's share, not the branch's lending; a breakdown opening the next sentence breaks
    down that programme: its items are parts too, not figures of no indicator."""
    obs = observe(markup, lang="vi", published=PUB)
    assert obs is not None and obs.part_of == "programme", obs


@pytest.mark.parametrize(("markup", "lang", "part_of"), [
    # Items of one total told apart by their districts, after the breakdown word: every item an area.
    (VI_NGHE + "{{Cuối năm 2024|2024-12-31}}, chi nhánh duy trì [[415 điểm giao dịch|transaction points]]; trong đó huyện Quỳ Hợp "
     "có 38 điểm giao dịch, còn [[*52 điểm giao dịch|transaction points]] thuộc huyện Con Cuông.", "vi", "area"),
    # An outcome's item named by a programme's beneficiaries: a group of the total's people.
    ("Nghe An news\nIn the past year, policy loans created jobs for [[3,450 workers|workers]], including "
     "[[*about 95 people|people]] who completed their prison sentences.", "en", "group"),
])
def test_an_item_of_its_sentences_total_is_a_part(markup: str, lang: str, part_of: str) -> None:
    """A count after a breakdown word whose sentence states the total of its own indicator before
    that word is an item of that total, a part, when the breakdown names an area or a group."""
    obs = observe(markup, lang=lang, published=PUB)
    assert obs is not None and obs.part_of == part_of, obs.rules if obs else None


@pytest.mark.parametrize(("text", "lang", "value", "part"), [
    ("Since 2019, preferential credit has helped 4,700 Khmer households escape poverty.", "en", 4700,
     "Khmer households"),
    # The Vietnamese figure stops at its counted noun ("hộ"): the group's name right after it is read on.
    ("Sau 6 năm, vốn tín dụng chính sách đã giúp 2.450 hộ DTTS thoát nghèo.", "vi", 2450, "DTTS"),
    ("Đến nay, 1.870 hộ đồng bào Khmer đã thoát nghèo nhờ vốn vay ưu đãi.", "vi", 1870, "đồng bào Khmer"),
    # Near misses: the counted noun names no group, or the group is only whom the loans helped.
    ("Since 2019, preferential credit has helped 4,700 households escape poverty, many of them Khmer households.", "en",
     4700, None),
    ("Năm 2024, 3.100 hộ thoát nghèo nhờ vốn vay, trong số đó có nhiều hộ DTTS.", "vi", 3100, None),
    ("Năm 2024, 3.100 hộ thoát nghèo, góp phần hỗ trợ đồng bào DTTS.", "vi", 3100, None),
])
def test_an_outcome_counted_by_a_groups_noun_is_the_groups(text: str, lang: str, value: int, part: str | None) -> None:
    """An outcome (households out of poverty) whose counted noun is a group's own name, in the
    figure's span or written right after it, is that group's part; counted by a plain noun it is
    the outcome itself."""
    title = "Tin Nghệ An" if lang == "vi" else "Nghe An news"
    ex = extract_text(title + "\n\n" + text, lang=lang, published=PUB, title=title)
    found = [o for o in ex.observations if o.value == value]
    assert len(found) == 1 and found[0].indicator == "households_escaped_poverty", found
    assert (found[0].part if found[0].part_of == "group" else None) == part, found


def test_a_breakdown_after_a_groups_outcome_keeps_its_indicator() -> None:
    """An outcome counted by a group's noun is a part, no total; an item broken down in the next
    sentence still goes on from it and keeps the outcome's indicator."""
    text = ("Last year, preferential credit helped 900 Khmer households escape poverty. Last year, preferential "
            "credit helped 8,000 households, including 5,400 Khmer households, escape poverty.")
    ex = extract_text("Nghe An news\n\n" + text, lang="en", published=PUB, title="Nghe An news")
    found = {o.value: o for o in ex.observations}
    assert found[900].part_of == "group", found
    assert 5400 in found and found[5400].indicator == "households_escaped_poverty", found
    assert found[5400].part_of == "group", found


@pytest.mark.parametrize(("markup", "lang"), [
    # Another year after the breakdown's item.
    (VI_NGHE + "{{Năm 2024|2024-01-01..2024-12-31}}, chi nhánh vận hành [[330 điểm giao dịch|transaction points]], trong đó "
     "[[26 điểm giao dịch|transaction points]] ở xã vùng cao, còn {{năm 2023|2023-01-01..2023-12-31}} là [[*318 điểm giao dịch|transaction points]].", "vi"),
    ("Nghe An news\nIn {{2024|2024-01-01..2024-12-31}} the branch ran [[330 transaction points|transaction points]], "
     "including [[26 points|transaction points]] in upland communes, against "
     "[[*318 transaction points|transaction points]] in {{2023|2023-01-01..2023-12-31}}.", "en"),
    # A plan stated after a breakdown word.
    (VI_NGHE + "{{Năm 2024|2024-01-01..2024-12-31}}, vốn vay giúp [[2.650 hộ|households]] thoát nghèo, trong đó kế hoạch "
     "{{năm 2025|2025-01-01..2025-12-31}} "
     "đặt ra [[*2.900 hộ|households]] ở các xã.", "vi"),
    # A year's share of a running total.
    (VI_NGHE + "Từ khi thành lập, vốn vay tạo việc làm cho [[84.000 lao động|workers]], trong đó "
     "{{năm 2024|2024-01-01..2024-12-31}} riêng các xã miền núi có [[*3.700 lao động|workers]].", "vi"),
    # Another province inside a national breakdown.
    ("Nghe An news\nNationwide the bank keeps [[10,400 transaction points|transaction points]] in communes, "
     "of which Ha Tinh province has [[*415 transaction points|transaction points]] in its communes.", "en"),
    # Items naming neither an area nor a group (a venue, a status): no part this rule tells.
    (VI_NGHE + "Đến {{cuối năm 2024|2024-12-31}}, tỉnh có [[14 phòng giao dịch|transaction offices]], trong đó [[*4 phòng giao dịch|transaction offices]] "
     "đã chuyển về trụ sở mới.", "vi"),
])
def test_an_item_of_another_date_plan_or_place_is_no_part(markup: str, lang: str) -> None:
    """A later count of the total's indicator after the breakdown word that is dated otherwise, is
    a plan, is another province's, or names no area or group of the total, is no item of it."""
    obs = observe(markup, lang=lang, published=PUB)
    assert obs is not None and obs.part_of is None, (obs.part_of, obs.part, obs.rules)


@pytest.mark.parametrize(("markup", "lang"), [
    # The total before its list opener stays the total.
    (VI_NGHE + "Trong {{năm 2024|2024-01-01..2024-12-31}}, tín dụng chính sách giúp dựng [[*3.400 căn nhà|houses]], gồm [[2.900 căn nhà|houses]] "
     "cho hộ nghèo và [[500 căn nhà phòng tránh bão|houses]].", "vi"),
    ("Nghe An news\nDuring {{2024|2024-01-01..2024-12-31}}, policy credit paid for [[*3,400 houses|houses]], comprising [[2,900 houses|houses]] "
     "for poor families and [[500 storm-proof houses|houses]].", "en"),
    # A kind-named count of another scope, funder or year: no sibling of the province's count.
    (VI_NGHE + "Trong {{năm 2024|2024-01-01..2024-12-31}}, chi nhánh giúp dựng [[*860 căn nhà|houses]] cho hộ nghèo, toàn quốc có "
     "[[38.000 căn nhà ở xã hội|houses]] được vay vốn.", "vi"),
    ("Nghe An news\nDuring {{2024|2024-01-01..2024-12-31}}, policy credit paid for [[*1,650 houses|houses]] for poor families, while donors "
     "paid for [[420 storm-proof houses|houses]].", "en"),
    ("Nghe An news\nDuring {{2024|2024-01-01..2024-12-31}}, policy credit paid for [[730 storm-proof houses|houses]] "
     "and [[*515 houses|houses]] in {{2023|2023-01-01..2023-12-31}}.", "en"),
])
def test_a_count_beside_a_kind_named_one_is_no_sibling_unless_joined(markup: str, lang: str) -> None:
    """A count of houses is a sibling of a kind-named one (a part of the split) only when joined to
    it as an item of one list: not the whole before "gồm"/"comprising", nor another scope's,
    funder's or year's count."""
    obs = observe(markup, lang=lang, published=PUB)
    assert obs is not None and obs.part_of is None, (obs.part_of, obs.part, obs.rules)


@pytest.mark.parametrize(("markup", "lang", "part_of"), [
    # Works counted by kind, each with its own count: a split of the works.
    ("Nghe An news\nBy {{2024|2024-01-01..2024-12-31}}'s end, borrowers had built [[*3,260 clean water works|works]] "
     "and nearly [[2,940 sanitation works|works]].", "en", "programme"),
    # A kind joined after the count's words with no count of its own: one count of both kinds.
    ("Nghe An news\nBy {{2024|2024-01-01..2024-12-31}}'s end, borrowers had built [[3,260 clean water works|works]] "
     "and standard latrines.", "en", None),
    ("Nghe An news\nDuring {{2024|2024-01-01..2024-12-31}}, policy credit paid for [[730 storm-proof houses|houses]] "
     "and village halls.", "en", None),
    # "and" opening a new predicate, or a quantity, leaves the count its kind.
    ("Nghe An news\nIn {{2024|2024-01-01..2024-12-31}} the loans put up [[1,140 flood-proof houses|houses]] and "
     "sharply cut the damage of the rainy season.", "en", "programme"),
    ("Nghe An news\nIn {{2024|2024-01-01..2024-12-31}} the loans put up [[1,140 flood-proof houses|houses]] and "
     "gave work to some 2,300 labourers.", "en", "programme"),
    ("Nghe An news\nIn {{2024|2024-01-01..2024-12-31}} the Ha Giang office financed [[265 social houses|houses]] and "
     "was praised by the province.", "en", "programme"),
    ("Nghe An news\nIn {{2024|2024-01-01..2024-12-31}} the loans put up [[1,140 flood-proof houses|houses]] and "
     "hundreds of shelters.", "en", "programme"),
])
def test_a_kind_named_count_covers_a_kind_joined_after_it(markup: str, lang: str, part_of: str | None) -> None:
    """A count whose words name an outcome's kind is that kind's part, unless a joining word right
    after those words adds another kind with no count of its own: the count is of both, a total."""
    obs = observe(markup, lang=lang, published=PUB)
    assert obs is not None and obs.part_of == part_of, (obs.part_of, obs.part, obs.rules)


@pytest.mark.parametrize(("text", "lang"), [
    ("Theo Ngân hàng Chính sách xã hội, năm 2023 cho vay giải quyết việc làm đạt 4.700 tỷ đồng. Chúng tôi về "
     "một huyện ven biển miền Trung, nơi toàn huyện có 65 hộ được vay mua ghe. Ngân hàng cũng cho vay nước sạch "
     "930 tỷ đồng.", "vi"),
    ("According to the Vietnam Bank for Social Policies, job-creation lending reached VND 4,700 billion in 2023. "
     "We visited a coastal area where the whole district has 65 households borrowing for boats. The bank also "
     "lent VND 930 billion for clean water.", "en"),
])
def test_a_district_in_a_later_anecdote_leaves_a_national_report_national(text: str, lang: str) -> None:
    """Words of one district ("toàn huyện", "the whole district") in an anecdote after the first
    figure's sentence do not make a report that names the bank alone a district's."""
    title = "Vốn chính sách" if lang == "vi" else "Policy credit"
    ex = extract_text(title + "\n\n" + text, lang=lang, published=PUB, title=title)
    assert ex.document.province == "national"
    assert ex.observations and {o.province for o in ex.observations} == {"national"}


def test_the_whole_district_before_the_first_figure_is_no_report_of_the_whole_bank() -> None:
    """A text that names the bank alone but speaks of one district before its first figure reports
    a district office's figures: no document of the whole bank."""
    text = ("Vốn về thôn bản\n\nTheo Ngân hàng Chính sách xã hội, toàn huyện hiện có dư nợ 388 tỷ đồng. "
            "Nhiều hộ đã có nhà mới.")
    ex = extract_text(text, lang="vi", published=PUB, title="Vốn về thôn bản")
    assert ex.document.province != "national"


def test_a_citys_pupils_in_millions_are_not_the_whole_banks() -> None:
    """Millions of pupils of a city's schools are no figure of the whole bank: the count tells the
    document's scope only, never one figure's place."""
    text = ("Tin Đà Nẵng\n\nTrên địa bàn thành phố hiện có khoảng 1,2 triệu học sinh các cấp. Chi nhánh NHCSXH thành phố Đà Nẵng có "
            "tổng dư nợ 5.900 tỷ đồng.")
    ex = extract_text(text, lang="vi", published=PUB, title="Tin Đà Nẵng")
    assert all(o.province != "national" for o in ex.observations), ex.observations


def test_millions_of_students_are_the_whole_banks() -> None:
    """Students counted in millions are the whole bank's (a province lends to tens of thousands):
    a borrower's home province, named in a story, does not make the text that province's."""
    text = ("Student loans reach millions\n\nBy staff\n\nThe bank has lent to 2.1 million students since the "
            "programme began.\n\nWe met a family in Cam Lac commune, Cam Xuyen district, Ha Tinh province, "
            "whose son borrowed to study. Many families in Cam Xuyen district did the same.")
    ex = extract_text(text, lang="en", published=PUB, title="Student loans reach millions")
    assert [(o.indicator, o.province) for o in ex.observations] == [("students_supported", "national")]


@pytest.mark.parametrize("text", [
    # Offices counted or made many are all the offices of that province's branch, and a province
    # named only after the office's words is the text's only place: its totals stay the province's.
    "Năm 2025, 11 Phòng giao dịch NHCSXH Quảng Trị đã cho vay 2.340 tỷ đồng.",
    "Theo những Phòng giao dịch NHCSXH Quảng Trị, dư nợ toàn tỉnh lên tới 9.600 tỷ đồng.",
    "Dư nợ tại Phòng giao dịch NHCSXH Quảng Bình lên tới 8.100 tỷ đồng.",
])
def test_offices_of_a_province_with_no_other_place_keep_the_province(text: str) -> None:
    """A province named after the office's words is no office's area when the offices are many
    or when no other mention tells the document's province."""
    ex = extract_text("Vốn vay chính sách\n\n" + text, lang="vi", published=dt.date(2025, 11, 20),
                      title="Vốn vay chính sách")
    assert ex.document.province is not None
    assert ex.observations and all(o.part_of is None and o.province is not None for o in ex.observations), \
        ex.observations


def test_borrowers_of_all_policy_credit_programmes_are_the_totals() -> None:
    """Borrowers "with outstanding loans of the policy credit programmes" and their outstanding
    loans are the branch's totals, no one programme's share."""
    obs = observe(VI_NGHE + "Cuối năm 2024, toàn tỉnh còn [[98.300 khách hàng|customers]] có dư nợ chương trình "
                  "tín dụng chính sách, tổng dư nợ lên tới [[*11.700 tỷ đồng|VND]].", lang="vi", published=PUB)
    assert obs is not None and obs.part_of is None, obs


MERGED = dt.date(2025, 11, 20)  # a date after the 2025 merger


@pytest.mark.parametrize(("markup", "province", "part"), [
    # Since the merger an old province reports as a transaction office of the new one: the
    # office's figures are an area part of the new province, not the old province's totals.
    ("Tin Tuyên Quang\nTổng dư nợ của Chi nhánh NHCSXH tỉnh Tuyên Quang lên tới 18.900 tỷ đồng. Ở khu vực "
     "phía bắc, dư nợ của Phòng giao dịch NHCSXH Hà Giang lên tới [[*6.820 tỷ đồng|VND]].", "Tuyên Quang",
     ("area", "Hà Giang")),
    ("Tin Tuyên Quang\nRiêng PGD NHCSXH (CSXH) Hà Giang có tổng dư nợ đạt [[7.150 tỷ đồng|VND]]. Doanh số "
     "cho vay đạt [[*1.920 tỷ đồng|VND]].", "Tuyên Quang", ("area", "Hà Giang")),
    # The branch named with the province: its total.
    ("Tin Tuyên Quang\nChi nhánh NHCSXH tỉnh Tuyên Quang có tổng dư nợ [[*19.800 tỷ đồng|VND]].",
     "Tuyên Quang", (None, None)),
])
def test_an_office_named_as_a_province_is_an_area_of_the_branch(markup: str, province: str,
                                                                 part: tuple[str | None, str | None]) -> None:
    """A province's name right after a transaction office's words ("Phòng giao dịch NHCSXH …")
    names that office, an area of the document's province, not the province itself."""
    obs = observe(markup, lang="vi", published=MERGED)
    assert obs is not None and (obs.province, obs.part_of, obs.part) == (province, *part), obs


@pytest.mark.parametrize(("markup", "lang"), [
    (VI_NGHE + "{{Đầu năm 2024|2024-01-01|year}}, chi nhánh đã giải ngân [[415 tỷ đồng|VND]] cho hộ nghèo.", "vi"),
    (NGHE + "In {{early 2024|2024-01-01|year}}, the branch lent [[VND 415 billion|VND]] to poor households.", "en"),
])
def test_a_flow_at_a_start_edge_runs_from_it(markup: str, lang: str) -> None:
    """A flow dated by the start of a year ("Đầu năm 2024, … giải ngân …") runs from that day to
    the report's date: a start edge is no year-end point, whose year would end where it starts."""
    obs = observe(markup, lang=lang, published=PUB)
    assert obs is not None and (obs.period_start, obs.period_end) == (dt.date(2024, 1, 1), PUB)


def test_a_headline_takes_the_date_that_governs_the_body() -> None:
    """The body's figure is dated by an earlier sentence's "As of …" (the frame), not in its own
    sentence: the headline still reports that date, not the publication date."""
    obs = observe("Nghe An: outstanding loans reach [[nearly VND 11,000 billion|VND|11000000000000]]\nBy staff\n"
                  "As of {{April 30, 2021|2021-04-30}}, total capital reached [[VND 11,500 billion|VND]]. "
                  "Outstanding loans reached [[VND 10,936 billion|VND]].", lang="en", published=PUB)
    assert obs is not None and obs.rules["date"] == "headline"
    assert obs.as_of == dt.date(2021, 4, 30)


@pytest.mark.parametrize(("markup", "as_of"), [
    (NGHE + "The branch kept [[247 transaction points|transaction points]]. By {{the end of May 2025|2025-05-31|month}}, "
     "outstanding loans reached [[VND 6,100 billion|VND]].", dt.date(2025, 5, 31)),
    (NGHE + "Outstanding loans grew by [[8.1%|%]] compared to {{2023|2023-01-01..2023-12-31}}. The office ranked first "
     "up to {{September 2024|2024-09-01..2024-09-30|month}}.", dt.date(2024, 9, 30)),
    # a sentence dated by a cited document; a later period reports its own flows; another paragraph
    (NGHE + "When <<Directive 40-CT/TW|40-CT/TW|2014-11-22>> was issued on {{November 22, 2014|2014-11-22}}, total "
     "capital stood at [[VND 6,200 billion|VND]]. As of {{June 30, 2024|2024-06-30}}, it was [[VND 13,374 billion|VND]].", None),
    (NGHE + "Overdue debts were only [[0.05%|%]] of outstanding loans. In {{2020|2020-01-01..2020-12-31}}, the branch "
     "lent to [[17,000 customers|customers]].", None),
    (NGHE + "The branch kept [[247 transaction points|transaction points]].\nBy {{the end of May 2025|2025-05-31|month}}, "
     "outstanding loans reached [[VND 6,100 billion|VND]].", None),
    # a later date that a change is measured from: a baseline, not the report's date
    (NGHE + "The branch kept [[247 transaction points|transaction points]]. Each of them now serves more villages "
     "compared to {{the end of 2024|2024-12-31|year}}.", None),
])
def test_a_stock_undated_before_takes_the_report_date_its_paragraph_states(markup: str, as_of: dt.date | None) -> None:
    """In a text without a publication date, a stock that nothing dates before it takes the
    report's date ("by", "up to") stated later in its paragraph."""
    obs = observe(markup, lang="en", published=None)
    assert obs is not None and obs.as_of == as_of, obs.rules if obs else None


def test_a_stock_at_an_undated_now_has_no_period() -> None:
    """ "… được thành lập năm 2010, đến nay dư nợ đạt …" in a text that gives no publication date:
    the stock holds at a "now" the text does not date, and has no period start either."""
    obs = observe(VI_NGHE + "Chi nhánh Ngân hàng Chính sách xã hội tỉnh được thành lập {{năm 2010|2010-01-01..2010-12-31}}, "
                  "đến nay dư nợ đạt [[3.200 tỷ đồng|VND]].",
                  lang="vi", published=None)
    assert obs is not None and obs.indicator == "outstanding_loans"
    assert (obs.as_of, obs.period_start, obs.period_end) == (None, None, None)


def test_a_headline_takes_the_span_the_body_states() -> None:
    """The body's flows run over a count of years up to its reporting date ("Trong 5 năm qua"),
    stated before them: the headline repeating one reports that span, not the publication date."""
    obs = observe("[[12.600 hộ thoát nghèo|households|12600]] nhờ vốn chính sách\nTin Nghệ An\n"
                  "Tính đến {{cuối năm 2024|2024-12-31|year}}, dư nợ đạt [[8.450 tỷ đồng|VND]]. "
                  "Trong 5 năm qua, nguồn vốn đã giúp [[12.600 hộ thoát nghèo|households|12600]].",
                  lang="vi", published=PUB)
    assert obs is not None and obs.rules["date"] == "headline"
    assert (obs.period_start, obs.period_end) == (dt.date(2020, 1, 1), dt.date(2024, 12, 31))


@pytest.mark.parametrize(("markup", "lang", "expected"), [
    # A headline flow in a text without a publication date, which the body states up to a day:
    # it ends at that day; a running total the body does not start stays open.
    ("[[Some 6,200 households|households|6200]] escape poverty with policy loans\nBy staff\n"
     "By {{December 31, 2023|2023-12-31}}, the loans had helped [[6,200 households|households]] escape poverty.",
     "en", (None, None, dt.date(2023, 12, 31))),
    # A year-end report date of another figure does not make a headline's running count that year's.
    ("[[Some 6,200 households|households|6200]] escape poverty with policy loans\nBy staff\n"
     "By {{December 31, 2023|2023-12-31}}, outstanding loans of the branch reached [[VND 7,420 billion|VND]].",
     "en", (None, None, None)),
    # The body states the same flow over one year: that year.
    ("[[1.900 hộ|households|1900]] thoát nghèo nhờ vốn chính sách\nTin Nghệ An\n"
     "Trong {{năm 2023|2023-01-01..2023-12-31}}, nguồn vốn đã giúp [[1.900 hộ|households]] thoát nghèo.",
     "vi", (None, dt.date(2023, 1, 1), dt.date(2023, 12, 31))),
    # A headline level: the latest day the body states that indicator at, not its history.
    ("Dư nợ đạt [[6.900 tỷ đồng|VND|6900000000000]] sau nhiều năm nỗ lực\nTin Nghệ An\n"
     "Năm {{2016|2016-01-01..2016-12-31}}, tổng dư nợ mới đạt [[2.300 tỷ đồng|VND]]. "
     "Tính đến {{30/9/2022|2022-09-30}}, tổng dư nợ đạt [[6.900 tỷ đồng|VND]].",
     "vi", (dt.date(2022, 9, 30), None, None)),
    # A body that dates only another indicator does not date the headline.
    ("Dư nợ đạt [[6.900 tỷ đồng|VND|6900000000000]] sau nhiều năm nỗ lực\nTin Nghệ An\n"
     "Tính đến {{30/9/2022|2022-09-30}}, tổng nguồn vốn của chi nhánh đạt [[7.050 tỷ đồng|VND]].",
     "vi", (None, None, None)),
    # A lead paragraph (a sentence, not a headline) may sum up more than the report: no date.
    ("Over the years, [[some 6,200 households|households|6200]] escaped poverty with the branch's loans.\nBy staff\n"
     "By {{December 31, 2023|2023-12-31}}, the loans had helped [[6,200 households|households]] escape poverty.",
     "en", (None, None, None)),
])
def test_an_undated_texts_headline_takes_the_report_date_of_its_body(
        markup: str, lang: str, expected: tuple[dt.date | None, dt.date | None, dt.date | None]) -> None:
    """A headline of a text without a publication date that nothing dates sums up the report
    its body dates for the same indicator: a level at the latest day the body states it at, a
    flow up to that day."""
    ex, _ = build(markup, lang=lang, published=None)
    head = link(ex).observations[0]
    assert head.start < 40
    assert (head.as_of, head.period_start, head.period_end) == expected, head.rules


@pytest.mark.parametrize(("markup", "lang", "period"), [
    ("[[Gần 12.300 lượt hộ|turns|12300]] được vay vốn ưu đãi\nTin Nghệ An\n"
     "{{Từ đầu năm đến hết tháng 9/2025|2025-01-01..2025-09-30}}, doanh số cho vay đạt [[2.140 tỷ đồng|VND]], "
     "với [[gần 12.300 lượt hộ|turns|12300]] được vay vốn.", "vi", (dt.date(2025, 1, 1), dt.date(2025, 9, 30))),
    ("[[More than 8,400 households|households|8400]] received loans\nBy staff\n"
     "In {{the first half of 2024|2024-01-01..2024-06-30}}, the branch in Nghe An lent [[VND 610 billion|VND]] "
     "and [[more than 8,400 households|households|8400]] received loans.", "en", (dt.date(2024, 1, 1), dt.date(2024, 6, 30))),
])
def test_a_headline_no_date_reaches_is_the_body_fact_that_dates_it(markup: str, lang: str,
                                                                     period: tuple[dt.date, dt.date]) -> None:
    """A headline that no date reaches, restated by the body with its period: one observation,
    with the body's period (the headline's lack of a date is not the fact's)."""
    ex, _ = build(markup, lang=lang, published=None)
    reached = [o for o in link(ex).observations if o.indicator == "borrowers_reached"]
    assert [(o.period_start, o.period_end) for o in reached] == [period]


@pytest.mark.parametrize(("markup", "lang", "indicator"), [
    # a count that borrows, joined to outstanding loans: the households holding those loans
    (VI_NGHE + "Đến {{30/9/2025|2025-09-30}}, dư nợ đạt [[4.260 tỷ đồng|VND]] với [[*96 nghìn hộ|households|96000]] vay vốn.",
     "vi", "borrowers_outstanding"),
    (VI_NGHE + "Tính đến {{cuối năm 2024|2024-12-31|year}}, tổng dư nợ đạt [[5.930 tỷ đồng|VND]], với [[*gần 127 nghìn hộ nghèo|households|127000]] "
     "và các đối tượng chính sách được vay vốn.", "vi", "borrowers_outstanding"),
    (NGHE + "As of {{June 30, 2024|2024-06-30}}, outstanding loans stood at [[VND 5,180 billion|VND]] with "
     "[[*112,000 households|households]] that received loans.", "en", "borrowers_outstanding"),
    # joined across the level's change, stated in a clause between them
    (NGHE + "As of {{June 30, 2024|2024-06-30}}, total outstanding loans stood at [[VND 7,450 billion|VND]], up "
     "[[VND 610 billion|VND|610000000000|increase]] from {{2023|2023-01-01..2023-12-31}}, benefiting "
     "[[*over 132,000 households|households]].", "en", "borrowers_outstanding"),
    (VI_NGHE + "Đến {{30/6/2024|2024-06-30}}, tổng dư nợ đạt [[7.450 tỷ đồng|VND]], tăng [[610 tỷ đồng|VND|610000000000|increase]] "
     "so với {{đầu năm|2024-01-01}}, với [[*132.400 khách hàng|customers]].", "vi", "borrowers_outstanding"),
    # the level after the count, joined in the count's own clause
    (VI_NGHE + "Đến nay, [[*trên 31 nghìn hộ|households|31000]] được vay vốn với tổng dư nợ [[hơn 1.210 tỷ đồng|VND|1210000000000]].",
     "vi", "borrowers_outstanding"),
    (NGHE + "Today [[*nearly 640 households|households|640]] in the commune have taken loans with the total outstanding "
     "loan of [[VND 27 billion|VND]].", "en", "borrowers_outstanding"),
    # near misses: joined to a lending turnover; not joined (another clause)
    (VI_NGHE + "Năm 2024, [[*12.500 lượt hộ|turns]] được vay vốn với doanh số cho vay [[640 tỷ đồng|VND]].",
     "vi", "borrowers_reached"),
    (VI_NGHE + "Năm 2024, doanh số cho vay đạt [[1.950 tỷ đồng|VND]] với [[*41.300 lượt hộ|turns]] được vay vốn.",
     "vi", "borrowers_reached"),
    (VI_NGHE + "Năm 2024, dư nợ đạt [[4.260 tỷ đồng|VND]]; trong năm có [[*18.400 hộ|households]] được vay vốn.",
     "vi", "borrowers_reached"),
])
def test_borrowers_joined_to_a_level_are_that_levels_borrowers(markup: str, lang: str, indicator: str) -> None:
    """A count whose cue only says that it borrows ("… hộ vay vốn"), joined by a pair binder to
    outstanding loans, counts the borrowers holding them (borrowers_outstanding), not those lent to."""
    obs = observe(markup, lang=lang)
    assert obs is not None and obs.indicator == indicator, obs.rules if obs else None


@pytest.mark.parametrize(("markup", "lang", "change"), [
    # the change in brackets right after the level, with its comparison inside the brackets
    (VI_NGHE + "Đến {{31/12/2024|2024-12-31}}, tổng dư nợ đạt [[*6.320 tỷ đồng|VND]] (tăng [[515 tỷ đồng|VND|515000000000|increase]] "
     "so với {{đầu năm|2024-01-01}}).", "vi", Decimal("515000000000")),
    (NGHE + "By {{December 31, 2024|2024-12-31}}, total capital was [[*more than VND 7,400 billion|VND|7400000000000]] "
     "(up [[VND 612 billion|VND|612000000000|increase]] compared to {{the beginning of the year|2024-01-01}}).",
     "en", Decimal("612000000000")),
    # near miss: the level's comparison outside any bracket, the bracket a restatement
    (VI_NGHE + "Đến {{31/12/2024|2024-12-31}}, tổng dư nợ đạt [[*6.320 tỷ đồng|VND]], tăng [[515 tỷ đồng|VND|515000000000|increase]] "
     "([[8,9%|%|8.9]]) so với {{đầu năm|2024-01-01}}.", "vi", Decimal("515000000000")),
])
def test_a_level_before_its_bracketed_change_stays_a_level(markup: str, lang: str, change: Decimal) -> None:
    """ "đạt 6.320 tỷ đồng (tăng 515 tỷ đồng so với đầu năm)": a bracket parts no clause, but the
    comparison inside it is the bracketed change's, so the level before it is no change; it is
    the level, and carries the change."""
    obs = observe(markup, lang=lang)
    assert obs is not None and obs.change_value == change, obs.rules if obs else None


@pytest.mark.parametrize(("markup", "indicator"), [
    (VI_NGHE + "Dư nợ tập trung vào các chương trình: cho vay hộ nghèo [[1.412 tỷ đồng|VND]]; cho vay hộ cận nghèo "
     "[[*985 tỷ đồng|VND]]; cho vay học sinh, sinh viên [[136 tỷ đồng|VND]].", "outstanding_loans"),
    # near misses: no lead-in cue; an item cue that names no programme
    (VI_NGHE + "Chi nhánh tập trung vào các chương trình: cho vay hộ nghèo [[412 tỷ đồng|VND]]; cho vay hộ cận nghèo "
     "[[*285 tỷ đồng|VND]].", "lending_turnover"),
    (VI_NGHE + "Dư nợ các chương trình: hộ nghèo [[1.412 tỷ đồng|VND]]; nợ quá hạn [[*3 tỷ đồng|VND]].", "overdue_debt"),
])
def test_a_programmes_name_in_a_list_item_keeps_the_lead_ins_indicator(markup: str, indicator: str) -> None:
    """ "Dư nợ tập trung vào các chương trình: cho vay hộ nghèo 1.412 tỷ đồng; …": "cho vay" names
    the item's programme; its figure measures what the lead-in does."""
    obs = observe(markup, lang="vi")
    assert obs is not None and obs.indicator == indicator, obs.rules if obs else None


@pytest.mark.parametrize(("markup", "lang", "change"), [
    (VI_NGHE + "Đến {{30/9/2024|2024-09-30}}, tổng dư nợ đạt [[*4.120 tỷ đồng|VND|4120000000000]], với [[98.240 khách hàng|customers]] "
     "còn dư nợ, tăng [[238 tỷ đồng|VND|238000000000|increase]] so với {{đầu năm|2024-01-01}}.", "vi", Decimal("238000000000")),
    (NGHE + "By {{September 30, 2024|2024-09-30}}, outstanding loans reached [[*VND 4,120 billion|VND|4120000000000]] with "
     "[[98,240 customers|customers]] still having outstanding loans, up [[VND 238 billion|VND|238000000000|increase]] compared to "
     "{{the beginning of the year|2024-01-01}}.", "en", Decimal("238000000000")),
    # near miss: the change counts borrowers, and modifies their count
    (VI_NGHE + "Đến {{30/9/2024|2024-09-30}}, tổng dư nợ đạt [[*4.120 tỷ đồng|VND|4120000000000]], với [[98.240 khách hàng|customers]] "
     "còn dư nợ, tăng [[1.310 khách hàng|customers|1310|increase]] so với {{đầu năm|2024-01-01}}.", "vi", None),
])
def test_a_change_after_the_levels_borrowers_modifies_the_level(markup: str, lang: str, change: Decimal | None) -> None:
    """ "dư nợ đạt 4.120 tỷ đồng, với 98.240 khách hàng còn dư nợ, tăng 238 tỷ đồng so với đầu
    năm": the count between is the level's borrowers; the money change modifies the money level."""
    obs = observe(markup, lang=lang)
    assert obs is not None and obs.change_value == change, obs.rules if obs else None


@pytest.mark.parametrize(("markup", "rates"), [
    # the plan's share in brackets, inside the clause of the growth and its comparison
    (VI_NGHE + "Đến {{cuối năm 2024|2024-12-31|year}}, dư nợ đạt [[6.180 tỷ đồng|VND]], tăng [[8,2%|%|8.2|increase]] so "
     "với {{cuối năm 2023|2023-12-31|year}} (hoàn thành [[97,4%|%]] kế hoạch được giao).", [8.2]),
    (VI_NGHE + "Đến {{cuối năm 2024|2024-12-31|year}}, dư nợ đạt [[6.180 tỷ đồng|VND]], tăng [[8,2%|%|8.2|increase]] "
     "(đạt [[97,4%|%]] kế hoạch tăng trưởng) so với {{cuối năm 2023|2023-12-31|year}}.", [8.2]),
    # near misses: a growth restated in brackets; a share of a comparison, not of a plan met
    (VI_NGHE + "Đến {{cuối năm 2024|2024-12-31|year}}, dư nợ đạt [[6.180 tỷ đồng|VND]], tăng [[470 tỷ đồng|VND|470000000000|increase]] "
     "([[8,2%|%|8.2]]) so với {{cuối năm 2023|2023-12-31|year}}.", [8.2]),
])
def test_a_share_of_a_plan_met_is_no_growth(markup: str, rates: list[float]) -> None:
    """ "…, tăng 8,2% so với cuối năm 2023 (hoàn thành 97,4% kế hoạch)": the bracketed percent
    says how much of its plan the level met, not how much it grew, though it shares the clause of
    the comparison."""
    ex, _ = build(markup, lang="vi")
    growth = [float(o.value) for o in link(ex).observations if o.indicator == "outstanding_growth_rate"]
    assert growth == rates


@pytest.mark.parametrize(("markup", "lang", "status", "as_of"), [
    (VI_NGHE + "Tính đến {{30/9/2025|2025-09-30}}, tổng nguồn vốn đạt [[7.640 tỷ đồng|VND]]. Riêng vốn ủy thác từ ngân "
     "sách tỉnh đạt [[*815 tỷ đồng|VND]], vượt chỉ tiêu Chiến lược phát triển chi nhánh đến "
     "{{năm 2030|2030-01-01..2030-12-31}}.", "vi", "actual", dt.date(2025, 9, 30)),
    (NGHE + "As of {{September 30, 2025|2025-09-30}}, total capital reached [[VND 7,640 billion|VND]]. Entrusted capital "
     "came to [[*VND 815 billion|VND]], exceeding the targets of the branch's strategy to "
     "{{2030|2030-01-01..2030-12-31}}.", "en", "actual", dt.date(2025, 9, 30)),
    # near miss: the strategy's horizon named before the figure sets the figure's goal
    (VI_NGHE + "Tính đến {{30/9/2025|2025-09-30}}, vốn ủy thác đạt 815 tỷ đồng. Chiến lược phát triển chi nhánh đến "
     "{{năm 2030|2030-01-01..2030-12-31}} đặt mục tiêu vốn ủy thác từ ngân sách tỉnh đạt [[1.500 tỷ đồng|VND]].",
     "vi", "target", dt.date(2030, 12, 31)),
    # a plan named after a level that no goal words make a goal
    (VI_NGHE + "Tính đến {{30/9/2025|2025-09-30}}, tổng nguồn vốn đạt [[7.640 tỷ đồng|VND]]. Riêng vốn ủy thác từ ngân "
     "sách tỉnh đạt [[*815 tỷ đồng|VND]], góp phần thực hiện Chiến lược phát triển chi nhánh đến "
     "{{năm 2030|2030-01-01..2030-12-31}}.", "vi", "actual", dt.date(2025, 9, 30)),
    # near miss: a goal verb before the level makes it the plan's
    (NGHE + "As of {{September 30, 2025|2025-09-30}}, total capital reached [[VND 7,640 billion|VND]]. Entrusted capital "
     "will reach [[*VND 1,500 billion|VND]] under the branch's strategy to {{2030|2030-01-01..2030-12-31}}.",
     "en", "target", dt.date(2030, 12, 31)),
])
def test_a_met_plans_horizon_dates_no_figure(markup: str, lang: str, status: str, as_of: dt.date) -> None:
    """ "…, vượt chỉ tiêu Chiến lược … đến năm 2030": the year closes the name of the plan the
    level met; it neither dates the level nor makes it a goal."""
    obs = observe(markup, lang=lang)
    assert obs is not None and (obs.status, obs.as_of) == (status, as_of), obs


@pytest.mark.parametrize(("markup", "lang", "status", "as_of"), [
    # a plan year that has come is the year the level was measured in, not a horizon
    (VI_NGHE + "Tính đến {{30/6/2025|2025-06-30}}, chi nhánh có 412 tổ. Vốn ủy thác đạt [[*690 tỷ đồng|VND]], tương "
     "đương 97% chỉ tiêu giao {{năm 2024|2024-01-01..2024-12-31}}.", "vi", "actual", dt.date(2024, 12, 31)),
    (NGHE + "As of {{June 30, 2025|2025-06-30}}, the branch had 412 groups. Entrusted funds totalled "
     "[[*VND 690 billion|VND]], or 97% of the targets for {{2024|2024-01-01..2024-12-31}}.", "en", "actual",
     dt.date(2024, 12, 31)),
    # a projection before a horizon: the strategy's goal
    (NGHE + "As of {{June 30, 2025|2025-06-30}}, the branch had 412 groups. Entrusted funds are projected at "
     "[[*VND 1,150 billion|VND]] by the branch strategy to {{2030|2030-01-01..2030-12-31}}.", "en", "target",
     dt.date(2030, 12, 31)),
    # near miss: a level reached, then the horizon of the strategy it serves
    (NGHE + "As of {{June 30, 2025|2025-06-30}}, the branch had 412 groups. Entrusted funds totalled "
     "[[*VND 690 billion|VND]], serving the branch strategy to {{2030|2030-01-01..2030-12-31}}.", "en", "actual",
     dt.date(2025, 6, 30)),
])
def test_only_a_horizon_ahead_without_a_projection_dates_no_figure(markup: str, lang: str, status: str,
                                                                   as_of: dt.date) -> None:
    """A plan's year after a level dates no figure only when it lies ahead of the report and no
    word of a projection makes the level the plan's."""
    obs = observe(markup, lang=lang)
    assert obs is not None and (obs.status, obs.as_of) == (status, as_of), obs


@pytest.mark.parametrize(("markup", "lang", "period"), [
    # a unit setting up groups in a reviewed year: that year still frames the flows after it
    (VI_NGHE + "{{Năm 2022|2022-01-01..2022-12-31}}, chi nhánh Hương Khê thành lập thêm 37 tổ tiết kiệm và vay vốn, "
     "dư nợ đạt [[3.870 tỷ đồng|VND]]. Cả năm, chi nhánh cho vay [[*19.400 lượt hộ|turns]].", "vi",
     (dt.date(2022, 1, 1), dt.date(2022, 12, 31))),
    (NGHE + "In {{2022|2022-01-01..2022-12-31}}, the Huong Khe branch set up 37 more savings groups and established "
     "two new transaction points; loans reached [[VND 3,870 billion|VND]]. Over the year, the branch lent to "
     "[[*19,400 households|households]].", "en", (dt.date(2022, 1, 1), dt.date(2022, 12, 31))),
])
def test_setting_up_groups_in_a_year_is_no_founding(markup: str, lang: str,
                                                    period: tuple[dt.date, dt.date]) -> None:
    """A founded word with its own object ("established two new points") is routine news of
    the year, not the unit's founding: the year frames the figures after it."""
    obs = observe(markup, lang=lang)
    assert obs is not None and (obs.period_start, obs.period_end) == period, obs


@pytest.mark.parametrize(("markup", "lang", "start"), [
    (VI_NGHE + "Trải qua gần 12 năm hoạt động, phòng giao dịch Thanh Chương đã giải ngân [[2.840 tỷ đồng|VND]].",
     "vi", None),
    # an approximate count reaching back to the bank's founding still names no year
    (NGHE + "Over more than 22 years of operation, the Dien Chau office has disbursed [[VND 2,840 billion|VND]].",
     "en", None),
    # near miss: an exact count names its start year
    (NGHE + "In its 12 years of operation, the Dien Chau office has disbursed [[VND 2,840 billion|VND]].",
     "en", dt.date(2014, 1, 1)),
])
def test_an_approximate_count_of_years_gives_no_start(markup: str, lang: str, start: dt.date | None) -> None:
    """ "nearly 12 years of operation": the year the count would start in is a guess
    (GUIDELINES: period_start null)."""
    obs = observe(markup, lang=lang)
    assert obs is not None and obs.period_start == start and obs.period_end == PUB, obs


@pytest.mark.parametrize(("markup", "lang", "start"), [
    # the report's own year is the last of the years counted, in mid-year too
    (NGHE + "Over the past six years, the Quynh Luu office has lent [[VND 1,930 billion|VND]].", "en",
     dt.date(2019, 1, 1)),
    (VI_NGHE + "Trong 6 năm qua, phòng giao dịch Quỳnh Lưu đã cho vay [[1.930 tỷ đồng|VND]].", "vi",
     dt.date(2019, 1, 1)),
    # a count reaching the bank's first full year counts its life: from that year
    # the bank's own years of work naming the year after its first full year: from that first year
    (NGHE + "In 21 years of operation, the branch has lent [[VND 7,300 billion|VND]].", "en", dt.date(2003, 1, 1)),
    (NGHE + "Over the past 22 years, the branch has lent [[VND 7,300 billion|VND]].", "en", dt.date(2003, 1, 1)),
])
def test_a_count_of_years_ends_in_the_reports_year(markup: str, lang: str, start: dt.date) -> None:
    """ "over the past 6 years" in a report of June 2024 runs 2019-2024 (GUIDELINES: 5 years in
    2025 start in 2021), not from the year the day six years earlier falls in."""
    obs = observe(markup, lang=lang, published=dt.date(2024, 6, 14))
    assert obs is not None and obs.period_start == start and obs.period_end == dt.date(2024, 6, 14), obs


@pytest.mark.parametrize(("markup", "lang", "published", "start", "end"), [
    # a year-end count naming the bank's founding year starts in it (GUIDELINES: the year named)
    (NGHE + "Across the last 21 years, the Quang Tri branch has disbursed [[VND 6,750 billion|VND]] in all.", "en",
     dt.date(2022, 12, 31), dt.date(2002, 1, 1), dt.date(2022, 12, 31)),
    (VI_NGHE + "Suốt 22 năm qua, chi nhánh tỉnh Yên Bái đã cho vay tổng cộng [[5.480 tỷ đồng|VND]].", "vi",
     dt.date(2023, 12, 31), dt.date(2002, 1, 1), dt.date(2023, 12, 31)),
    (VI_NGHE + "Đến {{31/12/2023|2023-12-31}}, tổng dư nợ của chi nhánh là [[3.960 tỷ đồng|VND]]. Trong 22 năm hoạt động, "
     "chi nhánh đã giải ngân [[*11.240 tỷ đồng|VND]].", "vi", dt.date(2024, 1, 12), dt.date(2002, 1, 1),
     dt.date(2023, 12, 31)),
    # one year short of the founding year: more years than the bank's
    (NGHE + "Across the last 22 years, the Quang Tri branch has disbursed [[VND 6,750 billion|VND]] in all.", "en",
     dt.date(2022, 12, 31), None, dt.date(2022, 12, 31)),
    # a piece of early January, undated, looks back on the years just closed
    (NGHE + "In the last four years, the Binh Phuoc office has lent [[VND 2,310 billion|VND]] to near-poor households.",
     "en", dt.date(2024, 1, 9), dt.date(2020, 1, 1), dt.date(2024, 1, 9)),
    (VI_NGHE + "Trong 4 năm qua, phòng giao dịch Đồng Xoài đã cho vay [[2.310 tỷ đồng|VND]] tới hộ cận nghèo.", "vi",
     dt.date(2024, 1, 9), dt.date(2020, 1, 1), dt.date(2024, 1, 9)),
    # but a February piece counts its own year
    (NGHE + "In the last four years, the Binh Phuoc office has lent [[VND 2,310 billion|VND]] to near-poor households.",
     "en", dt.date(2024, 2, 20), dt.date(2021, 1, 1), dt.date(2024, 2, 20)),
    # a count naming the year after the founding one starts there, whatever the number of years
    (NGHE + "Over the past 19 years, the Kon Tum branch has disbursed [[VND 4,100 billion|VND]].", "en",
     dt.date(2022, 8, 10), dt.date(2004, 1, 1), dt.date(2022, 8, 10)),
    (NGHE + "Over the past three years, the Kon Tum branch has disbursed [[VND 410 billion|VND]].", "en",
     dt.date(2006, 11, 20), dt.date(2004, 1, 1), dt.date(2006, 11, 20)),
    (VI_NGHE + "Trong 20 năm qua, chi nhánh tỉnh Kon Tum đã giải ngân [[4.100 tỷ đồng|VND]].", "vi",
     dt.date(2023, 12, 31), dt.date(2004, 1, 1), dt.date(2023, 12, 31)),
    # but a count of the bank's own years of work naming that year counts from its first full year
    (NGHE + "After 16 years of operation, the Kon Tum branch has disbursed [[VND 4,100 billion|VND]].", "en",
     dt.date(2019, 3, 5), dt.date(2003, 1, 1), dt.date(2019, 3, 5)),
    (VI_NGHE + "Qua 20 năm hoạt động, chi nhánh tỉnh Kon Tum đã giải ngân [[4.100 tỷ đồng|VND]].", "vi",
     dt.date(2023, 12, 31), dt.date(2003, 1, 1), dt.date(2023, 12, 31)),
    # a single year in mid-year is the twelve months before: not the report's year so far
    (VI_NGHE + "Trong 1 năm qua, phòng giao dịch huyện Hương Khê đã giải ngân [[640 tỷ đồng|VND]].", "vi",
     dt.date(2024, 8, 5), dt.date(2023, 1, 1), dt.date(2024, 8, 5)),
])
def test_where_a_count_of_years_starts(markup: str, lang: str, published: dt.date, start: dt.date | None,
                                       end: dt.date) -> None:
    """Edges of the counted years: a count reaching the bank's founding year starts in it; an
    undated January piece counts the years just closed; no first full year replaces the year
    named; a single year does not shrink to the report's year so far."""
    obs = observe(markup, lang=lang, published=published)
    assert obs is not None and obs.period_start == start and obs.period_end == end, obs


@pytest.mark.parametrize(("markup", "end"), [
    # a review's year three years before the publication's, after the figures of the last year
    (VI_NGHE + "Đến {{cuối năm 2024|2024-12-31|year}}, tổng dư nợ của chi nhánh đạt [[9.240 tỷ đồng|VND]]. Số liệu "
     "được nêu tại hội nghị tổng kết {{năm 2022|2022-01-01..2022-12-31}} của chi nhánh. Vốn vay giúp "
     "[[*51.300 lượt hộ|turns]] được vay vốn.", dt.date(2024, 12, 31)),
    # near miss: the year just closed is the one a meeting reviews
    (VI_NGHE + "Đến {{30/9/2025|2025-09-30}}, tổng dư nợ của chi nhánh đạt [[9.240 tỷ đồng|VND]]. Tại hội nghị tổng kết "
     "{{năm 2024|2024-01-01..2024-12-31}}, chi nhánh cho biết vốn vay giúp [[*51.300 lượt hộ|turns]] được vay vốn.",
     dt.date(2024, 12, 31)),
])
def test_a_review_of_a_long_past_year_dates_no_flow(markup: str, end: dt.date) -> None:
    """A meeting "tổng kết năm 2022" named in a story of 2025 after the figures of 2024: a slip
    of the pen or a mention of history, which dates none of the flows after it."""
    obs = observe(markup, lang="vi")
    assert obs is not None and obs.period_end == end, obs


@pytest.mark.parametrize(("markup", "lang", "period"), [
    (NGHE + "Since its inception in {{2004|2004-01-01..2004-12-31}}, the Yen Thanh office has lent "
     "[[VND 3,150 billion|VND]].", "en", (dt.date(2004, 1, 1), PUB)),
    (VI_NGHE + "Kể từ khi được thành lập năm {{2004|2004-01-01..2004-12-31}}, phòng giao dịch Yên Thành đã cho vay "
     "[[3.150 tỷ đồng|VND]].", "vi", (dt.date(2004, 1, 1), PUB)),
    # near miss: the founding year itself, no since word before it
    (NGHE + "Founded in {{2004|2004-01-01..2004-12-31}}, the Yen Thanh office lent [[VND 315 billion|VND]] that year.",
     "en", (dt.date(2004, 1, 1), dt.date(2004, 12, 31))),
])
def test_a_year_after_since_and_a_founding_opens_a_period(markup: str, lang: str,
                                                          period: tuple[dt.date, dt.date]) -> None:
    """ "Since its inception in 2004, … has lent …": the year opens a period running to the
    report's date, as "since 2004" does, not the founding year alone."""
    obs = observe(markup, lang=lang)
    assert obs is not None and (obs.period_start, obs.period_end) == period, obs


@pytest.mark.parametrize(("markup", "status"), [
    # the plan stated first, then after a semicolon the level reached at a day already past
    (VI_NGHE + "{{Năm 2024|2024-01-01..2024-12-31}}, chi nhánh được giao kế hoạch tăng dư nợ 410 tỷ đồng; đến "
     "{{31/12/2024|2024-12-31}}, tổng dư nợ đạt [[*5.930 tỷ đồng|VND]].", "actual"),
    # near misses: the day is still ahead; no semicolon parts them
    (VI_NGHE + "Kế hoạch {{năm 2026|2026-01-01..2026-12-31}}, dư nợ tăng 450 tỷ đồng; đến {{31/12/2026|2026-12-31}}, "
     "tổng dư nợ đạt [[*6.380 tỷ đồng|VND]].", "target"),
    (VI_NGHE + "Theo kế hoạch, đến {{31/12/2024|2024-12-31}}, tổng dư nợ đạt [[*5.930 tỷ đồng|VND]].", "target"),
    # an earlier day's level before the semicolon reports a result, no goal of a later plan year
    (VI_NGHE + "Cho {{năm 2025|2025-01-01..2025-12-31}}, chi nhánh có kế hoạch tăng dư nợ 380 tỷ đồng, còn đến "
     "{{31/12/2024|2024-12-31}} dư nợ là [[3.960 tỷ đồng|VND]]; đến {{30/6/2025|2025-06-30}} dư nợ là [[*4.150 tỷ đồng|VND]].",
     "actual"),
    # a colon that labels the plan's own value opens no list of goals
    (VI_NGHE + "Chỉ tiêu kế hoạch được giao: 4.400 tỷ đồng; tới {{31/8/2025|2025-08-31}}, dư nợ chung đạt "
     "[[*4.090 tỷ đồng|VND]].", "actual"),
])
def test_a_plan_before_a_semicolon_and_a_past_day_makes_no_goal(markup: str, status: str) -> None:
    """ "…, được giao kế hoạch …; đến 31/12/2024, tổng dư nợ đạt …" read in 2025: the level
    reached against the plan, an actual."""
    obs = observe(markup, lang="vi")
    assert obs is not None and obs.status == status, obs


@pytest.mark.parametrize(("markup", "lang"), [
    # an old plan's goals listed after a colon, parted by semicolons, their days past
    (VI_NGHE + "Kế hoạch phát triển của chi nhánh cho giai đoạn {{2019-2023|2019-01-01..2023-12-31}}: tới {{30/6/2021|2021-06-30}}, vốn ủy thác "
     "địa phương lên [[180 tỷ đồng|VND]]; tới {{30/6/2023|2023-06-30}}, vốn ủy thác địa phương lên [[*265 tỷ đồng|VND]].",
     "vi"),
    # the same shape without the colon: a goal with its day before the semicolon
    (NGHE + "The branch aims to raise entrusted funds by {{December 31, 2021|2021-12-31}} to [[VND 180 billion|VND]]; by "
     "{{December 31, 2023|2023-12-31}} entrusted funds to [[*VND 265 billion|VND]].", "en"),
    (VI_NGHE + "Dự án đặt mục tiêu đến {{30/6/2021|2021-06-30}} vốn ủy thác địa phương lên [[180 tỷ đồng|VND]]; đến "
     "{{30/6/2023|2023-06-30}} vốn ủy thác địa phương lên [[*265 tỷ đồng|VND]].", "vi"),
])
def test_a_list_of_a_plans_goals_after_a_semicolon_stays_goals(markup: str, lang: str) -> None:
    """A plan's goals listed item by item, parted by semicolons, with days already past: every
    item is a goal, as the first one."""
    obs = observe(markup, lang=lang)
    assert obs is not None and obs.status == "target", obs


@pytest.mark.parametrize(("markup", "lang", "as_of"), [
    # a founding year back in history, then the level now
    (VI_NGHE + "{{Năm 2004|2004-01-01..2004-12-31}}, khi mới thành lập, tổng nguồn vốn của chi nhánh chỉ có "
     "[[280 tỷ đồng|VND]]. Đến nay, tổng nguồn vốn đạt [[*6.150 tỷ đồng|VND]].", "vi", PUB),
    (NGHE + "In {{2004|2004-01-01..2004-12-31}}, when it was founded, the branch had total capital of only "
     "[[VND 280 billion|VND]]. Its total capital stands at [[*VND 6,150 billion|VND]].", "en", PUB),
    # near misses: a year of no founding frames the level after it; so does a founding this year
    (NGHE + "In {{2024|2024-01-01..2024-12-31}}, the branch had total capital of [[VND 5,900 billion|VND]]. "
     "Its outstanding loans stand at [[*VND 5,870 billion|VND]].", "en", dt.date(2024, 12, 31)),
    (VI_NGHE + "Đến {{30/6/2025|2025-06-30}}, chi nhánh thành lập thêm [[14 tổ|savings and loan groups]]; tổng nguồn vốn "
     "đạt [[6.020 tỷ đồng|VND]]. Tổng dư nợ đạt [[*6.010 tỷ đồng|VND]].", "vi", dt.date(2025, 6, 30)),
])
def test_a_founding_years_back_frames_no_later_level(markup: str, lang: str, as_of: dt.date) -> None:
    """ "Năm 2004, khi mới thành lập, … chỉ có 280 tỷ đồng. Đến nay, … đạt 6.150 tỷ đồng": the
    founding year is a point of history; the level after it is today's, not of 2004."""
    obs = observe(markup, lang=lang)
    assert obs is not None and obs.as_of == as_of, obs


@pytest.mark.parametrize(("markup", "lang", "rates"), [
    # a signed percent restating the money change, after the borrowers paired with the level
    (VI_NGHE + "Dư nợ toàn chi nhánh tính đến {{31/3/2025|2025-03-31}} đạt [[2.870 tỷ đồng|VND]] với [[40.150 hộ|households]] "
     "còn vay; so với {{cuối năm 2024|2024-12-31}}, dư nợ tăng [[97 tỷ đồng|VND|97000000000|increase]] (+[[3,5%|%|3.5]]).",
     "vi", [3.5]),
    (NGHE + "Outstanding loans in the branch came to [[VND 2,870 billion|VND]] for [[40,150 borrowers|borrowers]] on "
     "{{March 31, 2025|2025-03-31}}, an increase of [[VND 97 billion|VND|97000000000|increase]] (+[[3.5%|%|3.5|increase]]) on "
     "{{end-2024|2024-12-31}}.", "en", [3.5]),
    # near miss: an unsigned percent of its own, after the borrowers
    (VI_NGHE + "Dư nợ toàn chi nhánh tính đến {{31/3/2025|2025-03-31}} đạt [[2.870 tỷ đồng|VND]] với [[40.150 hộ|households]] "
     "còn vay; số hộ nhiều hơn [[1,8%|%|1.8]] so với {{cuối năm 2024|2024-12-31}}.", "vi", []),
])
def test_a_signed_bracketed_growth_restates_the_money_change(markup: str, lang: str, rates: list[float]) -> None:
    """A signed percent in brackets after a money change restates that change, however many
    borrowers stand beside the level before it: a growth rate of the level."""
    ex, _ = build(markup, lang=lang)
    growth = [float(o.value) for o in link(ex).observations if o.indicator == "outstanding_growth_rate"]
    assert growth == rates


@pytest.mark.parametrize(("markup", "lang", "rates"), [
    # the cue's own verb of change leads to the pair: the level it comes to is the cue's too
    (VI_NGHE + "Trong mười năm qua, tỷ lệ nợ quá hạn của tỉnh đã giảm mạnh, từ [[1,75%|%|1.75]] (năm 2014) xuống "
     "[[0,11%|%|0.11]].", "vi", [1.75, 0.11]),
    (NGHE + "Over the past decade the province's overdue debt ratio has fallen sharply, from [[1.75%|%|1.75]] in the "
     "first year to [[0.11%|%|0.11]].", "en", [1.75, 0.11]),
    # near misses: another subject has its own pair; a range has no verb of change; no pair at all
    (NGHE + "Overdue debt dropped below target, while the share of poor families declined from [[14.3%|%|14.3]] "
     "to [[4.6%|%|4.6]].", "en", [14.3]),
    (VI_NGHE + "Nợ quá hạn được kéo giảm, tỷ lệ hộ cận nghèo giảm từ [[14,3%|%|14.3]] xuống [[4,6%|%|4.6]].", "vi", [14.3]),
    (NGHE + "Outstanding loans kept growing, and a single family may borrow from [[VND 30 million|VND|30000000]] to "
     "[[VND 120 million|VND|120000000]].", "en", [30000000]),
    (VI_NGHE + "Trong mười năm qua, tỷ lệ nợ quá hạn của tỉnh đã giảm mạnh, lúc đầu [[1,75%|%|1.75]], nay "
     "[[0,11%|%|0.11]].", "vi", [1.75]),
])
def test_the_level_a_from_to_pair_comes_to_takes_the_cue_before_it(markup: str, lang: str,
                                                                    rates: list[float]) -> None:
    """A from-to pair the cue's own verb of change leads to, in a few words: its old level does not
    keep the cue from the new one; another subject's pair or a range takes nothing from the cue."""
    ex, _ = build(markup, lang=lang)
    found = [float(o.value) for o in link(ex).observations
             if o.indicator in ("overdue_debt_rate", "outstanding_loans")]
    assert found == rates


@pytest.mark.parametrize(("text", "lang", "indicator"), [
    # loans summed by their state (overdue, restructured) are none lent in the year
    ("In Dien Chau, overdue loans totaling VND 4.1 billion were restructured in 2024.", "en", "lending_turnover"),
    # repayment put off is no repayment
    ("In 2024 the office extended debt repayment for VND 58 billion of loans after the landslides.", "en",
     "debt_collection_turnover"),
    ("Loan repayment terms were lengthened in 2024 for 920 families owing VND 35 billion.", "en",
     "debt_collection_turnover"),
    # a growth rate beside another level is no growth of outstanding loans
    ("Năm 2024, dư nợ toàn tỉnh là 5.100 tỷ đồng; còn tổng nguồn vốn là 5.240 tỷ đồng, tỷ lệ tăng trưởng 6,3%.", "vi",
     "outstanding_growth_rate"),
    # an average per household in one district is no outstanding loans of the district (an
    # average part at most, never a level)
    ("Năm 2024, phòng giao dịch huyện Quế Phong có dư nợ bình quân 61,2 triệu đồng/hộ.", "vi", "outstanding_loans"),
    # a ceiling, or what each household got, is one loan's size
    ("Từ năm 2024, mỗi hộ nghèo đã được vay tối đa 90 triệu đồng để dựng nhà.", "vi", "lending_turnover"),
    ("Năm 2024, mỗi hộ đã được vay 35 triệu đồng để mua bò.", "vi", "lending_turnover"),
    ("Năm 2024, người lao động đã được vay tối đa 120 triệu đồng.", "vi", "lending_turnover"),
    # one cooperative's, one firm's or one school's loan is no lending of the branch
    ("Hợp tác xã Đồng Tiến đã được vay 1,8 tỷ đồng để làm xưởng sấy.", "vi", "lending_turnover"),
    ("Công ty may này đã được vay 1,2 tỷ đồng theo Nghị quyết 11.", "vi", "lending_turnover"),
    # lending from a budget's capital is lending, not that capital
    ("Năm 2024, doanh số cho vay từ nguồn vốn từ ngân sách địa phương đạt 135 tỷ đồng.", "vi",
     "local_entrusted_capital"),
])
def test_recall_cues_stay_out_of_their_near_misses(text: str, lang: str, indicator: str) -> None:
    """Cues added for recall (loans totaling, repayments, growth rate, average outstanding loans,
    loans each household got, capital named by its source) do not reach these near misses; an
    average is kept apart as an average part, no level of the indicator."""
    title = "Nghe An news" if lang == "en" else "Tin Nghệ An"
    ex = extract_text(text, lang=lang, published=dt.date(2025, 10, 26), title=title)
    assert [o.text for o in ex.observations if o.indicator == indicator and o.part_of != "average"] == []


def test_a_breakdown_item_named_after_its_count_keeps_a_name_its_comma_cuts() -> None:
    """Items that give their count first and their programme after it: the programme's name
    counts whole though a comma of its own ends the count's clause, so the count is not filed
    under the item before it."""
    markup = (VI_NGHE + "Quý này chi nhánh cho vay [[230 khách hàng|customers]]. Trong đó, có [[120 khách hàng|customers]] "
              "vay vốn chương trình cho vay giải quyết việc làm, [[95 khách hàng|customers]] vay vốn chương trình "
              "cho vay học sinh, sinh viên.")
    ex, _ = build(markup, lang="vi")
    assert [o.part for o in link(ex).observations] == [
        None, "cho vay giải quyết việc làm", "cho vay học sinh, sinh viên"]


@pytest.mark.parametrize(("markup", "lang", "parts"), [
    (NGHE + "Outstanding loans are spread over three programmes: job creation [[VND 52 billion|VND|52000000000]]; clean water "
     "[[VND 52 billion|VND|52000000000]]; students [[VND 9 billion|VND|9000000000]].", "en",
     ["job creation", "clean water", "students"]),
    (VI_NGHE + "Dư nợ các chương trình: hộ cận nghèo [[310 tỷ đồng|VND|310000000000]]; nước sạch [[310 tỷ đồng|VND|310000000000]].",
     "vi", ["hộ cận nghèo", "nước sạch"]),
    # near miss: one part stated again (a headline) is one fact
    ("Job creation loans reach [[VND 52 billion|VND|52000000000]]\nOutstanding loans are spread over three programmes: job creation "
     "[[VND 52 billion|VND|52000000000]]; students [[VND 9 billion|VND|9000000000]].", "en", ["job creation", "students"]),
])
def test_parts_of_equal_value_are_two_facts(markup: str, lang: str, parts: list[str]) -> None:
    """Two items of a list that give the same amount are two parts, not one fact stated again."""
    ex, _ = build(markup, lang=lang)
    assert [o.part for o in link(ex).observations] == parts


@pytest.mark.parametrize(("markup", "lang", "parts"), [
    (NGHE + "In Yen Thanh district, outstanding loans reached [[VND 1,150 billion|VND]], with average "
     "outstanding loans of [[VND 57 million per household|VND/household]].", "en",
     [("area", "Yen Thanh"), ("average", "average outstanding")]),
    ("Thang Binh news\nThe Thang Binh District Social Policy Bank said outstanding loans reached "
     "[[VND 923 billion|VND]]; the average outstanding loan was [[VND 49 million per household|VND/household]].",
     "en", [("area", "Thang Binh"), ("average", "the average")]),
    # near miss: a per-unit amount with no average cue keeps its area
    (NGHE + "In Yen Thanh district, outstanding loans reached [[VND 1,150 billion|VND]].", "en",
     [("area", "Yen Thanh")]),
])
def test_an_average_per_household_is_no_areas_total(markup: str, lang: str, parts: list[tuple[str, str]]) -> None:
    """An average amount per household in a district's sentence or report is an average, not the
    district's outstanding loans."""
    ex, _ = build(markup, lang=lang)
    assert [(o.part_of, o.part) for o in link(ex).observations] == parts


@pytest.mark.parametrize(("markup", "lang", "parts"), [
    (VI_NGHE + "Tổng dư nợ đạt [[6.200 tỷ đồng|VND|6200000000000]]. Cho vay giải quyết việc làm: dư nợ đạt "
     "[[*710 tỷ đồng|VND|710000000000]]; cho vay nước sạch: dư nợ [[*260 tỷ đồng|VND|260000000000]].",
     "vi", [None, "Cho vay giải quyết việc làm", "cho vay nước sạch"]),
    (NGHE + "Outstanding loans reached [[VND 6,200 billion|VND|6200000000000]]. Loans for students: "
     "outstanding loans of [[*VND 260 billion|VND|260000000000]].", "en", [None, "Loans for students"]),
    # near miss: a label that names no part leaves the figure after its colon the total
    (VI_NGHE + "Kết quả cụ thể: dư nợ đạt [[6.200 tỷ đồng|VND|6200000000000]].", "vi", [None]),
    # near misses: a speaker's preamble naming a programme, a total word after the colon
    (VI_NGHE + "Làm việc với đoàn về cho vay nước sạch, Giám đốc chi nhánh cho biết: dư nợ đạt "
     "[[6.200 tỷ đồng|VND|6200000000000]].", "vi", [None]),
    (VI_NGHE + "Kết quả cho vay năm nay: tổng dư nợ đạt [[6.200 tỷ đồng|VND|6200000000000]].",
     "vi", [None]),
])
def test_a_programme_label_before_a_colon_names_the_part_of_its_figures(markup: str, lang: str,
                                                                        parts: list[str | None]) -> None:
    """A sentence part that opens with a programme and a colon ("Cho vay giải quyết việc làm: dư nợ đạt …")
    gives that programme's figures: its name is the part, though the colon ends its clause."""
    ex, _ = build(markup, lang=lang)
    assert [o.part for o in link(ex).observations] == parts


@pytest.mark.parametrize(("markup", "lang", "parts"), [
    # after a breakdown word, an item's figure is of the programme named before it, not of the
    # next item's named after it in the same clause
    (VI_NGHE + "Doanh số cho vay đạt [[9 tỷ đồng|VND|9000000000]]; trong đó, cho vay hộ cận nghèo "
     "[[*3 tỷ đồng|VND|3000000000]], cho vay giải quyết việc làm [[*620 triệu đồng|VND|620000000]] và cho vay "
     "nước sạch [[*1,4 tỷ đồng|VND|1400000000]].",
     "vi", [None, "cho vay hộ cận nghèo", "cho vay giải quyết việc làm", "cho vay nước sạch"]),
    # items that give their figures first: each is of the programme named after it, before the
    # next figure (not of the one the item before named)
    (VI_NGHE + "Năm nay chi nhánh giải ngân [[5,2 tỷ đồng|VND|5200000000]], trong đó [[*2,6 tỷ đồng|VND|2600000000]] "
     "cho vay hộ mới thoát nghèo, [[*1,5 tỷ đồng|VND|1500000000]] cho vay nhà ở xã hội và "
     "[[*1,1 tỷ đồng|VND|1100000000]] cho vay xuất khẩu lao động.",
     "vi", [None, "cho vay hộ mới thoát nghèo", "cho vay nhà ở xã hội", "cho vay xuất khẩu lao động"]),
    (NGHE + "The branch's outstanding loans stood at [[VND 5.2 billion|VND|5200000000]], of which "
     "[[*VND 2.6 billion|VND|2600000000]] was for near-poor household loans, [[*VND 1.5 billion|VND|1500000000]] "
     "for student loans and [[*VND 1.1 billion|VND|1100000000]] for labour export loans.",
     "en", [None, "near-poor household loans", "student loans", "labour export"]),
])
def test_a_breakdown_item_is_of_the_programme_named_before_it(markup: str, lang: str,
                                                               parts: list[str | None]) -> None:
    ex, _ = build(markup, lang=lang)
    assert [o.part for o in link(ex).observations] == parts


@pytest.mark.parametrize(("text", "lang", "parts"), [
    # a breakdown's items named by one abbreviation each: the abbreviation names the programme
    ("Tin Nghệ An\nĐến 30/9/2025, dư nợ đạt 9.500 tỷ đồng với 210.000 khách hàng. Trong đó, NS&VSMTNT 650 tỷ "
     "đồng với 30.000 khách hàng; HSSV 800 tỷ đồng với 15.000 khách hàng; cho vay hộ nghèo 2.100 tỷ đồng với "
     "40.000 khách hàng.", "vi",
     [None, None, "NS&VSMTNT", "NS&VSMTNT", "HSSV", "HSSV", "cho vay hộ nghèo", "cho vay hộ nghèo"]),
    # counts of a breakdown named by their own kind of household, not by the number or the verb after
    ("Tin Nghệ An\nNăm 2025, chi nhánh giải ngân 120 tỷ đồng cho 3.100 hộ vay vốn, trong đó có: 900 hộ nghèo, "
     "2.200 hộ cận nghèo.", "vi", [None, None, "hộ nghèo", "hộ cận nghèo"]),
    ("Nghe An news\nAs of June 30, 2025, the provincial branch disbursed VND 1,200 billion to 31,000 borrowers. "
     "Of which, 4,100 poor households, 6,200 near-poor households, and 2,900 newly escaped-poverty households "
     "received loans to raise livestock.", "en",
     [None, None, "poor households", "near-poor households", "newly escaped-poverty households"]),
    # near misses: a bare count of households names no kind of them (its own words stay); a
    # lower-case word is no abbreviation (the words after the figure name the item)
    ("Tin Nghệ An\nNăm 2025, chi nhánh giải ngân 120 tỷ đồng cho 3.100 hộ vay vốn, trong đó có 900 hộ.", "vi",
     [None, None, "900 hộ"]),
    ("Nghe An news\nOutstanding loans reached VND 9,500 billion. Of which, loans for poor households VND 2,100 "
     "billion; others VND 300 billion for many small programmes.", "en",
     [None, "loans for poor households", "for many small programmes"]),
])
def test_a_breakdowns_item_is_named_by_its_kind_or_abbreviation(text: str, lang: str,
                                                               parts: list[str | None]) -> None:
    """An item of a breakdown whose words before the figure are one word or none is named by the
    count's own kind of household ("900 hộ nghèo") or by an abbreviation ("HSSV 800 tỷ đồng"), not
    by the figure's own text or the clause after it."""
    observations = extract_text(text, lang=lang, published=PUB).observations
    assert [o.part for o in observations] == parts


@pytest.mark.parametrize(("text", "lang", "facts"), [
    # a headline's part restated by the body as a total, and a headline's total the body names a part
    ("Dư nợ cho vay nhà ở xã hội đạt 420 tỷ đồng\n\nTriển khai chương trình nhà ở xã hội, chi nhánh tỉnh Nghệ An "
     "đã giải ngân cho nhiều hộ, với tổng dư nợ đến 30/6/2024 đạt 420 tỷ đồng.", "vi",
     [(420, "cho vay nhà ở xã hội")]),
    ("Nghe An: outstanding loans reach VND 420 billion\n\nAs of June 30, 2024, the Nghe An branch's loans for "
     "students reached VND 420 billion.", "en", [(420, "loans for students")]),
    # near miss: the body's total of another value is the total
    ("Dư nợ cho vay nhà ở xã hội đạt 420 tỷ đồng\n\nTriển khai chương trình nhà ở xã hội, chi nhánh tỉnh Nghệ An "
     "đã giải ngân cho nhiều hộ, với tổng dư nợ đến 30/6/2024 đạt 9.800 tỷ đồng.", "vi",
     [(420, "cho vay nhà ở xã hội"), (9800, None)]),
])
def test_a_headline_and_its_body_stating_one_fact_share_its_part(text: str, lang: str,
                                                                 facts: list[tuple[int, str | None]]) -> None:
    """One amount the headline states as a programme's and the body as a total (or the other way
    round) is one fact, that programme's: no total of the province beside it."""
    observations = extract_text(text, lang=lang, published=PUB).observations
    assert [(o.value / 10**9, o.part) for o in observations] == facts


@pytest.mark.parametrize(("markup", "indicator"), [
    # one borrower named by a lower-case title and a name, before or after the amount
    (VI_NGHE + "Mùa khô năm ngoái, gia đình ông Khang được phòng giao dịch huyện cho vay [[45 triệu đồng|VND]] để đào ao.", None),
    (VI_NGHE + "Được chi nhánh cho vay [[35 triệu đồng|VND]] từ chương trình hộ cận nghèo, chị Lan mở tiệm may.", None),
    # near misses: a title that names no one ("bà con"); a count of borrowers beside the amount;
    # an official named and quoted
    (VI_NGHE + "Năm qua, bà con trong xã được phòng giao dịch cho vay [[4,5 tỷ đồng|VND]].", "lending_turnover"),
    (VI_NGHE + "Năm qua, nhờ ông Khang vận động, [[86 hộ|households]] được cho vay [[*3,2 tỷ đồng|VND]].", "lending_turnover"),
    (VI_NGHE + "Theo ông Khang, Giám đốc phòng giao dịch, năm qua huyện đã cho vay [[4,5 tỷ đồng|VND]].", "lending_turnover"),
    (VI_NGHE + "Năm qua, xã được cho vay [[*4,2 tỷ đồng|VND]]; riêng chị Lan vay [[40 triệu đồng|VND]] mở quán.", "lending_turnover"),
    # an official named with his office after a comma reports, he does not borrow
    (VI_NGHE + "Năm qua, ông Hồ Văn Nam, Giám đốc chi nhánh, ký quyết định giải ngân [[4,9 tỷ đồng|VND]] cho hộ nghèo.",
     "lending_turnover"),
    (VI_NGHE + "Theo báo cáo của anh Vi Văn Tùng, cán bộ địa bàn, doanh số cho vay quý III đạt [[2,6 tỷ đồng|VND]].",
     "lending_turnover"),
])
def test_an_amount_told_of_one_named_borrower_is_no_level(markup: str, indicator: str | None) -> None:
    """ "gia đình ông Khang được … cho vay 45 triệu đồng": a sentence that names one borrower
    mid-sentence tells the size of one loan, no lending of the branch's."""
    obs = observe(markup, lang="vi")
    assert (obs.indicator if obs else None) == indicator, obs.rules if obs else None


@pytest.mark.parametrize(("markup", "lang", "indicator"), [
    # words of no indicator right after the counted noun pick some out
    (VI_NGHE + "Toàn tỉnh còn [[126 Tổ TK&VV|savings and loan groups]] có nợ quá hạn trên 2%.", "vi", None),
    (NGHE + "In the district, [[318 savings and loan groups|savings and loan groups]] with overdue debt above 3% were reviewed.", "en", None),
    # near misses: the groups counted whole, the rate in another clause
    (VI_NGHE + "Toàn tỉnh có [[4.126 Tổ TK&VV|savings and loan groups]], tỷ lệ nợ quá hạn còn 0,1%.", "vi", "savings_loan_groups"),
    (NGHE + "The province has [[4,120 savings and loan groups|savings and loan groups]]; overdue debt is 0.1%.", "en",
     "savings_loan_groups"),
])
def test_a_counted_noun_qualified_by_a_blocker_counts_some(markup: str, lang: str, indicator: str | None) -> None:
    """ "126 Tổ TK&VV có nợ quá hạn trên 2%": the groups a threshold picks out, no count of them all."""
    obs = observe(markup, lang=lang)
    assert (obs.indicator if obs else None) == indicator, obs.rules if obs else None


@pytest.mark.parametrize(("markup", "lang", "indicator"), [
    # an amount lent to one borrower, and that borrower
    (VI_NGHE + "Tại xã Tân Hòa, phòng giao dịch đã giải ngân [[*80 triệu đồng|VND|80000000]] cho [[1 người|people|1]] mới ra tù.", "vi", None),
    (VI_NGHE + "Tại xã Tân Hòa, phòng giao dịch đã giải ngân [[80 triệu đồng|VND|80000000]] cho [[*1 người|people|1]] mới ra tù.", "vi", None),
    # near misses: many borrowers, or a count of one that no amount is lent to
    (VI_NGHE + "Tại xã Tân Hòa, phòng giao dịch đã giải ngân [[*8 tỷ đồng|VND|8000000000]] cho [[112 hộ|households|112]].", "vi", "lending_turnover"),
    (NGHE + "Last month the district office disbursed [[*VND 6 billion|VND|6000000000]] to [[118 households|households|118]] in the commune.", "en",
     "lending_turnover"),
])
def test_an_amount_lent_to_one_borrower_is_no_level(markup: str, lang: str, indicator: str | None) -> None:
    """ "giải ngân 80 triệu đồng cho 1 người": the size of one loan and its borrower, no lending of the branch's."""
    obs = observe(markup, lang=lang)
    assert (obs.indicator if obs else None) == indicator, obs.rules if obs else None


@pytest.mark.parametrize(("markup", "lang", "indicator"), [
    # the cue after the count opens inside words of what no indicator measures (a need to borrow)
    (VI_NGHE + "Theo khảo sát của xã Châu Tiến, [[640 hộ|households]] đang có nhu cầu vay vốn với số tiền 31 tỷ đồng.", "vi", None),
    (VI_NGHE + "Theo khảo sát của xã Châu Tiến, 640 hộ đang có nhu cầu vay vốn với số tiền [[31 tỷ đồng|VND]].", "vi", None),
    (VI_NGHE + "Ở xã Châu Tiến, [[77 hộ|households]] có nhu cầu vay vốn mà chưa được giải ngân.", "vi", None),
    # the need was met: a verb after the blocker's words, so the cue still decides
    (VI_NGHE + "Ở xã Châu Tiến, [[77 hộ|households]] có nhu cầu vay vốn đều đã được vay trong quý.", "vi", "borrowers_reached"),
    (VI_NGHE + "Năm nay [[1.905 hộ|households]] có nhu cầu vay vốn được chi nhánh đáp ứng kịp thời.", "vi", "borrowers_reached"),
    # near miss: the need in another clause, the count lent to
    (VI_NGHE + "Để đáp ứng nhu cầu vay, năm nay [[3.150 hộ|households]] đã được vay vốn.", "vi", "borrowers_reached"),
])
def test_a_cue_after_inside_a_blocker_names_no_indicator(markup: str, lang: str, indicator: str | None) -> None:
    """ "… người có nhu cầu vay vốn": a need to borrow, no loans made; nor is the amount paired with it lent."""
    obs = observe(markup, lang=lang)
    assert (obs.indicator if obs else None) == indicator, obs.rules if obs else None


@pytest.mark.parametrize(("markup", "lang", "indicator"), [
    # a yearly word opening the count's clause: a rate per year
    (VI_NGHE + "Trung bình hằng năm huyện có [[khoảng 1.400 hộ|households]] thoát nghèo.", "vi", None),
    (NGHE + "Every year [[about 1,400 households|households]] escape poverty in the district.", "en", None),
    # near miss: the yearly word in another clause
    (VI_NGHE + "Năm 2024 có [[1.400 hộ|households]] thoát nghèo; hằng năm chi nhánh rà soát hộ vay.", "vi",
     "households_escaped_poverty"),
    # … or inside the count's clause, not opening it
    (VI_NGHE + "Nhờ vốn ngân sách bổ sung hằng năm mà đến nay [[48.200 hộ|households]] còn dư nợ.", "vi",
     "borrowers_outstanding"),
])
def test_a_count_its_clause_opens_per_year_is_a_rate(markup: str, lang: str, indicator: str | None) -> None:
    """ "Hằng năm có 1.400 hộ thoát nghèo": a count per year, as "… mỗi năm" after it, is a rate."""
    obs = observe(markup, lang=lang)
    assert (obs.indicator if obs else None) == indicator, obs.rules if obs else None


@pytest.mark.parametrize(("markup", "lang", "province"), [
    # the bank named alone, by a text that names a commune or a district: a local report
    ("Loans reach the poor\nIn Tan Lap commune, the Vietnam Bank for Social Policies has lent [[VND 42 billion|VND]] this year.",
     "en", None),
    ("Vốn đến với hộ nghèo\nTheo Ngân hàng Chính sách xã hội, năm nay các xã Tân Lập, Yên Hòa được cho vay [[42 tỷ đồng|VND]].",
     "vi", None),
    # near miss: no place below the whole bank is named
    ("Loans reach the poor\nThis year the Vietnam Bank for Social Policies has lent [[VND 42,000 billion|VND]].", "en", "national"),
])
def test_the_bank_named_alone_is_no_national_scope_beside_a_named_commune(markup: str, lang: str,
                                                                          province: str | None) -> None:
    """ "the bank is named with no branch and no province" reads the whole bank, unless the text
    names districts or communes: a district office's report need not name its province."""
    check(observe(markup, lang=lang), {"province": province})


@pytest.mark.parametrize(("markup", "lang", "province"), [
    ("Loans reach the poor\nHanoi (VNA) - Outstanding loans reached [[VND 5,000 billion|VND]].", "en", None),
    ("Loans reach the poor\nHanoi, {{January 5, 2026|2026-01-05}}\nOutstanding loans reached [[VND 5,000 billion|VND]].",
     "en", None),
    ("Loans reach the poor\nHanoi, {{05/01/2026|2026-01-05}} - Outstanding loans reached [[VND 5,000 billion|VND]].",
     "en", None),
    # a day's date after its date_article ("ngày"), which the date's text leaves out
    ("Vốn đến với hộ nghèo\nHà Nội, ngày {{5/1/2026|2026-01-05}}\nDư nợ đạt [[5.000 tỷ đồng|VND]].", "vi", None),
    # not datelines: the place is the subject, or the line does not open with it
    ("Loans reach the poor\nHanoi, the capital, reported outstanding loans of [[VND 5,000 billion|VND]].", "en", "Hà Nội"),
    ("Loans reach the poor\nBy {{January 5, 2026|2026-01-05}}, outstanding loans in Hanoi reached [[VND 5,000 billion|VND]].",
     "en", "Hà Nội"),
    ("Vốn đến với hộ nghèo\nHà Nội, ngày hội vay vốn: dư nợ đạt [[5.000 tỷ đồng|VND]].", "vi", "Hà Nội"),
])
def test_the_place_a_story_was_filed_from_is_not_its_province(markup: str, lang: str, province: str | None) -> None:
    check(observe(markup, lang=lang), {"province": province})


@pytest.mark.parametrize(("markup", "lang", "as_of"), [
    ("Loans reach the poor\nQuang Tri, {{November 3, 2024|2024-11-03}} (VNA) - Outstanding loans climbed to "
     "[[VND 4,850 billion|VND]] as of {{September 30, 2024|2024-09-30}}.", "en", "2024-09-30"),
    ("Loans reach the poor\n{{July 20, 2024|2024-07-20}} - Outstanding loans reached [[VND 4,850 billion|VND]] "
     "as of {{June 30, 2024|2024-06-30}}.", "en", "2024-06-30"),
    ("Vốn đến với hộ nghèo\nQuảng Trị, ngày {{3/11/2024|2024-11-03}} (TTXVN) - Tổng dư nợ đạt [[4.850 tỷ đồng|VND]] "
     "tính đến {{30/9/2024|2024-09-30}}.", "vi", "2024-09-30"),
    # near misses: the date does not open the line, or no dash follows it: the sentence's own date
    ("Loans reach the poor\nUp to {{June 30, 2024|2024-06-30}} - a good half - outstanding loans reached "
     "[[VND 4,850 billion|VND]] in Quang Tri.", "en", "2024-06-30"),
    ("Loans reach the poor\nQuang Tri, {{November 3, 2024|2024-11-03}}: outstanding loans reached [[VND 4,850 billion|VND]].",
     "en", "2024-11-03"),
])
def test_a_wire_datelines_date_dates_no_figure(markup: str, lang: str, as_of: str) -> None:
    """The date of a dateline the story follows on its line ("Quang Tri, November 3, 2024 (VNA) - …")
    is the day it was filed, not the date of the first sentence's figures."""
    check(observe(markup, lang=lang), {"as_of": as_of})


def test_every_code_rule_has_a_positive_and_a_negative_example() -> None:
    """Meta: every rule id of ``CODE_RULES`` is shown deciding and not deciding."""
    ids = {(key, rule) for key, rules in CODE_RULES.items() for rule in rules}
    positive = {(r[0], r[1]) for r in [*CODE, *SOURCED] if r[2] == "+"}
    negative = {(r[0], r[1]) for r in [*CODE, *SOURCED] if r[2] == "-"}
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


def test_an_em_dash_parts_the_borrowers_from_the_change_after_them() -> None:
    """An em dash ends the clause of the count before it: the change after it is the amount's."""
    text = ("Sáu tháng đầu năm 2025, chi nhánh giải ngân 1.135 tỷ đồng cho 23.400 lượt khách hàng "
            "\u2014 tăng 96 tỷ đồng so với cùng kỳ.")
    ex = extract_text("Bank news\n\n" + text, lang="vi", published=PUB, title="Bank news")
    assert [(o.indicator, o.value, o.change_value) for o in ex.observations] == [
        ("lending_turnover", Decimal("1135000000000"), Decimal("96000000000")),
        ("borrowers_reached", Decimal("23400"), None)]


def test_em_dashes_around_a_breakdown_aside_part_no_clause() -> None:
    """An aside between em dashes that opens with a breakdown word is a part of the whole around it."""
    text = ("At the end of June 2025, total outstanding loans\u2014including VND 930 billion entrusted "
            "through the Farmers' Association\u2014came to VND 5,860 billion.")
    ex = extract_text("Bank news\n\n" + text, lang="en", published=PUB, title="Bank news")
    part = next(o for o in ex.observations if o.value == Decimal("930000000000"))
    assert (part.indicator, part.part_of) == ("outstanding_loans", "channel")


@pytest.mark.parametrize("text", [
    # One household's loan is no lending of the bank.
    "Every family that borrows for a biogas tank has a total loan value of VND 30 million.",
    # Borrowers now owing the bank, with no word of when they borrowed: not an amount lent over a period.
    "At present, 38,600 customers owe the Phu Tho branch money, with a combined loan value of VND 2,870 billion.",
    # Workers hired at a job fair were not given jobs by the bank's loans.
    "At a recruitment day run by the Phu Tho Employment Service Centre in April 2025, 980 workers were "
    "offered jobs by 35 firms.",
    # One programme's lending capital is no total capital of the province.
    "The total lending capital for the job creation programme in Phu Tho was VND 310 billion at the end of 2024.",
])
def test_loan_value_job_and_programme_capital_phrases_give_no_total(text: str) -> None:
    ex = extract_text("Bank news\n\n" + text, lang="en", published=PUB, title="Bank news")
    assert [(o.indicator, o.value) for o in ex.observations] == []


@pytest.mark.parametrize(("text", "jobs"), [
    # The loans named just before the workers: jobs the credit gave.
    ("With the bank's preferential loans, over 2,350 labourers in Quy Chau now have jobs.", [2350]),
    ("Over five years the district's policy loans lifted 930 families out of poverty and let 1,470 "
     "young people in the hamlets get jobs.", [1470]),
    # Or after them in their clause.
    ("Over 2,350 labourers in Quy Chau now have jobs thanks to the bank's loans.", [2350]),
    # No credit named before them: a labour statistic, or one named too far before.
    ("According to the labour department, 2,350 labourers in Quy Chau now have jobs.", []),
    ("Loans paid for cattle and new pens, fruit trees on the hills and boats for the lagoon's "
     "fishermen, while the town's factories report that 2,350 labourers now have jobs.", []),
])
def test_workers_who_have_jobs_are_the_loans_only_after_credit_named_before(text: str, jobs: list[int]) -> None:
    ex = extract_text("Bank news\n\n" + text, lang="en", published=PUB, title="Bank news")
    assert [int(o.value) for o in ex.observations if o.indicator == "jobs_created"] == jobs


@pytest.mark.parametrize("text", [
    # Funds of a budget or an insurance scheme are not the bank's credit.
    "Money from the district budget funds let 1,150 labourers in Lang Son get jobs at the port.",
    # Another agent between the credit and the workers.
    "Apart from loans to 120 farms, the provincial job centre helped 780 workers in Bac Giang get jobs.",
    "At a job fair funded by the VBSP in Hai Duong, 940 labourers were offered jobs.",
    # Loans only repaid, and another subject after "while".
    "Having repaid their loans, 260 workers in Nam Dinh left to work overseas, while 510 workers got "
    "jobs nearby through the labour exchange.",
    # A baseline before the loans, and a negation.
    "Before the loans came, just 75 labourers in the hamlet had stable jobs.",
    "The credit scheme failed to help 410 workers in the district get jobs.",
    # Loans after the outcome that the workers repay, not that made the jobs.
    "Some 1,320 labourers in Quang Binh now have jobs and pay back their loans in full.",
])
def test_jobs_are_not_the_loans_where_the_credit_does_not_make_them(text: str) -> None:
    ex = extract_text("Bank news\n\n" + text, lang="en", published=PUB, title="Bank news")
    assert [o.value for o in ex.observations if o.indicator == "jobs_created"] == []


@pytest.mark.parametrize(("text", "status"), [
    # Jobs the credit will make by a later year look ahead: a goal, not a result.
    ("Over the coming years the loans are expected to help 2,400 labourers in Lai Chau get jobs by 2027.",
     "target"),
    # The same outcome by the publication's year is a result.
    ("So far the loans have helped 2,400 labourers in Lai Chau get jobs in 2025.", "actual"),
])
def test_jobs_by_a_later_year_are_a_goal(text: str, status: str) -> None:
    ex = extract_text("Bank news\n\n" + text, lang="en", published=dt.date(2025, 9, 12), title="Bank news")
    assert [o.status for o in ex.observations if o.indicator == "jobs_created"] == [status]


@pytest.mark.parametrize(("text", "students"), [
    # Turns of students that a lending verb governs are students the loans supported.
    ("Since it began, the branch has lent to over 62,000 turns of students in Gia Lai.", [62000]),
    # Turns of students at an event are visits, whatever the loans did before or the event was about.
    ("Loans also reached farms; 2,300 turns of students joined the essay contest.", []),
    ("Briefings on student loans attracted 2,300 turns of students in Kon Tum.", []),
    # The event after a later count in the same sentence part is that count's: the loans still
    # reached the first count only.
    ("In Dak Nong the bank has lent to 1,850 turns of students, and some 2,900 turns of students "
     "took part in its essay contest.", [1850]),
])
def test_turns_of_students_are_supported_only_where_lent_to(text: str, students: list[int]) -> None:
    ex = extract_text("Bank news\n\n" + text, lang="en", published=PUB, title="Bank news")
    assert [int(o.value) for o in ex.observations if o.indicator == "students_supported"] == students


@pytest.mark.parametrize(("text", "groups"), [
    # The bank's savings and loan groups, as outlets inflect their name.
    ("The Lai Chau branch works through 412 savings and loans groups in its communes.", [412]),
    # Bare savings groups may be self-funded village groups with no tie to the bank.
    ("The Farmers' Association runs 64 savings groups that pool members' own money in Lai Chau.", []),
])
def test_only_savings_and_loan_groups_are_the_banks_groups(text: str, groups: list[int]) -> None:
    ex = extract_text("Bank news\n\n" + text, lang="en", published=PUB, title="Bank news")
    assert [int(o.value) for o in ex.observations if o.indicator == "savings_loan_groups"] == groups


@pytest.mark.parametrize(("text", "when"), [
    # The early or late part of the month the report is written in is the present: a level then
    # is actual, and "as of late <month>" dates it like "as of <month>".
    # Read on 20 March, a level "as of late March" is the one at the publication (not the
    # month's end still ahead).
    ("As of late March, the Kon Tum branch's outstanding loans totalled VND 3,120 billion.",
     [("actual", dt.date(2025, 3, 20), None, None)]),
    # "In early/late <month>" is that month, as "in <month>" is: lending over the month, not the
    # year up to its end.
    ("In late February, the Kon Tum branch disbursed VND 27 billion to 530 households.",
     [("actual", None, dt.date(2025, 2, 1), dt.date(2025, 2, 28))] * 2),
])
def test_an_early_or_late_month_is_that_month(text: str, when: list[tuple[str, object, object, object]]) -> None:
    ex = extract_text("Bank news\n\n" + text, lang="en", published=dt.date(2025, 3, 20), title="Bank news")
    assert [(o.status, o.as_of, o.period_start, o.period_end) for o in ex.observations] == when


@pytest.mark.parametrize(("text", "lang", "when"), [
    # Early in the month, a level by the month's end (or by the month) is still ahead: a goal.
    ("Tới hết tháng 3, tổng dư nợ của chi nhánh Kon Tum đạt 3.480 tỷ đồng.", "vi",
     [("target", dt.date(2025, 3, 31))]),
    ("By March, outstanding loans at the Kon Tum branch are set to reach VND 3,470 billion.", "en",
     [("target", dt.date(2025, 3, 31))]),
    # Early in the month, "as of late <month>" is not yet the present: the month's end.
    ("As of late March, the Kon Tum branch's outstanding loans will total VND 3,460 billion.", "en",
     [("target", dt.date(2025, 3, 31))]),
])
def test_the_publications_month_ahead_is_a_goal(text: str, lang: str, when: list[tuple[str, object]]) -> None:
    ex = extract_text("Bank news\n\n" + text, lang=lang, published=dt.date(2025, 3, 4), title="Bank news")
    assert [(o.status, o.as_of) for o in ex.observations] == when



@pytest.mark.parametrize(("text", "kept"), [
    # A scale slip makes an amount no branch or bank could hold: no level, and no value guessed.
    ("By the end of 2024, total capital was VND 295,300,000 billion and outstanding loans were "
     "VND 288,700,000 billion; up 4.1% from a year earlier.", [("outstanding_growth_rate", Decimal("4.1"))]),
    # An amount cut off before its scale word (or a price) is no level either.
    ("In 2023, the branch lent VND610 billion to 19,800 households and collected more than VND310",
     [("lending_turnover", Decimal("610000000000")), ("borrowers_reached", Decimal("19800"))]),
    ("As of June 30, 2025, overdue debt at the Cam Xuyen district office stood at just VND640", []),
])
def test_an_amount_outside_the_levels_bounds_is_no_level(text: str, kept: list[tuple[str, Decimal]]) -> None:
    ex = extract_text("Bank news\n\n" + text, lang="en", published=PUB, title="Bank news")
    assert [(o.indicator, o.value) for o in ex.observations] == kept


@pytest.mark.parametrize(("lang", "text", "value"), [
    # A small amount written out in full, or with its scale word, is the amount the writer meant.
    ("en", "As of June 30, 2025, overdue debt at the Cam Xuyen district office stood at just VND 640,000, "
     "or 0.01% of its outstanding loans.", Decimal("640000")),
    ("vi", "Đến ngày 30/6/2025, nợ quá hạn của phòng giao dịch huyện Cẩm Xuyên chỉ còn 640 nghìn đồng.",
     Decimal("640000")),
])
def test_a_small_amount_written_in_full_stays_a_level(lang: str, text: str, value: Decimal) -> None:
    ex = extract_text("Bank news\n\n" + text, lang=lang, published=PUB, title="Bank news")
    assert ("overdue_debt", value) in [(o.indicator, o.value) for o in ex.observations]


def test_past_years_life_names_only_counts_of_years(tmp_path: Path) -> None:
    good = (Path(__file__).resolve().parents[1] / "rules" / "linking.yaml").read_text("utf-8")
    path = tmp_path / "linking.yaml"
    path.write_text(good.replace('past_years_life: ["years of operation"', 'past_years_life: ["years of service"', 1),
                    "utf-8")
    with pytest.raises(RuleError) as err:
        load_link_rules(path)
    assert any("past_years_life" in p for p in err.value.problems)


def test_level_amount_bounds_must_be_ordered(tmp_path: Path) -> None:
    good = (Path(__file__).resolve().parents[1] / "rules" / "linking.yaml").read_text("utf-8")
    path = tmp_path / "linking.yaml"
    path.write_text(good.replace("  least: 1000000\n", "  least: 9000000000000000\n", 1), "utf-8")
    with pytest.raises(RuleError) as err:
        load_link_rules(path)
    assert any("level_amount" in p for p in err.value.problems)


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
    fr = next(i for i, line in enumerate(lines, 1) if "fr: [partout]" in line)
    xx = next(i for i, line in enumerate(lines, 1) if line.startswith("  xx:")) + 1  # its list's first entry
    en = next(i for i, line in enumerate(lines, 1) if line == "  en: currently")
    found = " ".join(err.value.problems)
    assert f"linking.yaml:{fr}:" in found and f"linking.yaml:{xx}:" in found and f"linking.yaml:{en}:" in found


def test_indicators_the_linking_rules_name_must_be_indicator_codes(tmp_path: Path) -> None:
    """A code of ``capital_item_totals`` or ``funded_from`` that rules/indicators.yaml does not
    define is reported with its line when the rules load with the codes."""
    good = (Path(__file__).resolve().parents[1] / "rules" / "linking.yaml").read_text("utf-8")
    bad = good.replace("capital_item_totals: {outstanding_loans: total_capital}",
                       "capital_item_totals: {outstanding_loans: capital_total}", 1)
    bad = bad.replace("  indicators: [total_capital, local_entrusted_capital]",
                      "  indicators: [total_capital, local_capital]", 1)
    path = tmp_path / "linking.yaml"
    path.write_text(bad, "utf-8")
    codes = frozenset(load_lexicon().indicators)
    load_link_rules(path)  # without the codes, no cross-file check
    with pytest.raises(RuleError) as err:
        load_link_rules(path, codes=codes)
    lines = bad.splitlines()
    totals = next(i for i, line in enumerate(lines, 1) if line.startswith("capital_item_totals:"))
    funded = next(i for i, line in enumerate(lines, 1) if "local_capital]" in line)
    found = " ".join(err.value.problems)
    assert f"linking.yaml:{totals}: 'capital_total'" in found and f"linking.yaml:{funded}: 'local_capital'" in found
    assert len(err.value.problems) == 2


def test_missing_or_malformed_marker_examples_name_their_line(tmp_path: Path) -> None:
    """A phrase without both kinds of example, an example expecting nothing or a field that
    observations lack, is reported with its line."""
    good = (Path(__file__).resolve().parents[1] / "rules" / "linking.yaml").read_text("utf-8")
    lines = good.splitlines()
    nationwide = lines.index('    - phrase: "nationwide"')
    assert lines[nationwide + 4].lstrip().startswith("neg:")
    del lines[nationwide + 4 : nationwide + 6]  # its negatives
    across = lines.index('    - phrase: "across the country"')
    lines[across + 3] = lines[across + 3].replace('expect: {province: "national"}', "expect: {}")
    lines[across + 5] = lines[across + 5].replace('expect: {province: "Nghệ An"}', 'expect: {region: "north"}')
    path = tmp_path / "linking.yaml"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(RuleError) as err:
        load_link_rules(path)
    assert [p.split("linking.yaml:", 1)[1] for p in err.value.problems] == [
        f"{nationwide + 3}: national.en.0.examples.neg: Field required",
        f"{across + 4}: national.en.1.examples.pos.0.expect: Value error, an expectation gives at least one field to check",
        f"{across + 6}: national.en.1.examples.neg.0.expect.region: Extra inputs are not permitted",
    ]


def test_bad_reaches_name_their_line(tmp_path: Path) -> None:
    """A reach linking does not know, one without a language and a negative distance are each
    reported with their line."""
    lines = (Path(__file__).resolve().parents[1] / "rules" / "linking.yaml").read_text("utf-8").splitlines()
    rank = lines.index("  rank: {en: 40, vi: 40}")
    lines.insert(rank, "  ranks: {en: 40, vi: 40}")
    plan = lines.index("  plan_met: {en: 40, vi: 40}")
    lines[plan] = "  plan_met: {en: 40}"
    whole = lines.index("  whole: {en: 8, vi: 8}")
    lines[whole] = "  whole: {en: 8, vi: -8}"
    path = tmp_path / "linking.yaml"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(RuleError) as err:
        load_link_rules(path)
    found = [p.split("linking.yaml:", 1)[1].split(" ", 2)[:2] for p in err.value.problems]
    assert sorted(found) == sorted([[f"{plan + 1}:", "reaches.plan_met.vi:"],
                                    [f"{whole + 1}:", "reaches.whole.vi:"],
                                    [f"{rank + 1}:", "reaches.ranks:"]])


def test_every_reach_is_read_by_linking() -> None:
    """No reach of rules/linking.yaml is dead data: linking reads each by its name."""
    source = "".join(path.read_text("utf-8") for path in Path(rules_module.__file__).parent.glob("*.py"))
    assert [name for name in Reaches.model_fields if f'reach("{name}")' not in source] == []


def test_a_reach_bounds_its_own_language_only() -> None:
    """The distances of ``reaches`` are read per language: a Vietnamese plan_met reach too short
    for "đạt 97,6% kế hoạch" makes the plan a goal in Vietnamese, and English keeps its own."""
    bundle = linker()
    short = {**bundle.reaches, "vi": {**bundle.reaches["vi"], "plan_met": 3}}
    narrow = dataclasses.replace(bundle, reaches=short)
    vi = build(VI_NGHE + "Doanh số thu nợ đạt 97,6% kế hoạch, trong khi tổng dư nợ lên [[7.815 tỷ đồng|VND]].",
               lang="vi")
    en = build(HEAD + "Lending exceeded the target of the year, and total capital reached [[VND 9,320 billion|VND]].")
    for (ex, focus), status in ((vi, "target"), (en, "actual")):
        assert [o.status for o in link_with(ex, linker=bundle).observations if o.start == focus] == ["actual"]
        assert [o.status for o in link_with(ex, linker=narrow).observations if o.start == focus] == [status]


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
    line = next(i for i, text in enumerate(bad.splitlines(), 1) if text.startswith("  last:"))
    assert f"linking.yaml:{line}:" in " ".join(err.value.problems)


def test_document_province_from_the_outlet() -> None:
    ex, _ = build("Policy credit news\nBy staff\nOutstanding loans reached [[VND 9,000 billion|VND]].",
                  source="https://baoninhbinh.org.vn/tin-dung-123.html")
    assert link(ex).document.province == "Ninh Bình"


@pytest.mark.parametrize(("markup", "province"), [
    # the bank named with no figure: the text reports no one's figures
    ("Putting the directive to work\nBy staff\nThe provincial Party committee asked the Social Policy Bank to "
     "lend more to poor students.", None),
    ("Đưa chỉ thị vào cuộc sống\nPV\nTỉnh ủy yêu cầu NHCSXH tăng cho vay học sinh, sinh viên.", None),
    # near misses: a figure the bank's, or words about the whole bank
    ("Putting the directive to work\nBy staff\nThe Social Policy Bank's outstanding loans reached "
     "[[VND 400,000 billion|VND]].", "national"),
    ("Putting the directive to work\nBy staff\nNationwide, the Social Policy Bank lends to poor students.", "national"),
])
def test_the_bank_named_without_figures_says_no_province(markup: str, province: str | None) -> None:
    """Naming the bank with no branch and no province makes a text national only when it reports
    figures: with none, there is nothing whose figures they could be (GUIDELINES: national needs
    positive evidence)."""
    ex, _ = build(markup, lang="vi" if "PV" in markup else "en")
    assert link(ex).document.province == province


@pytest.mark.parametrize(("markup", "province"), [
    # the bank's branch named before its province ("branch" is a branch_gap word)
    ("Loans help the poor\nBy staff\nThe Social Policy Bank branch in Ninh Binh held its review on Friday. "
     "Outstanding loans reached [[VND 9,000 billion|VND]].", "Ninh Bình"),
    ("Loans help the poor\nBy staff\nStaff of the VBSP branch in Ha Giang met on Friday. Outstanding loans "
     "reached [[VND 7,000 billion|VND]].", "Hà Giang"),
    # near miss: the province is only named, never with the bank
    ("Loans help the poor\nBy staff\nDelegates from Ninh Binh met the Social Policy Bank on Friday. "
     "Outstanding loans reached [[VND 9,000 billion|VND]].", None),
])
def test_a_branch_named_before_its_province(markup: str, province: str | None) -> None:
    """"The VBSP branch in Ha Giang" names the branch's province as "the Ha Giang branch" does."""
    ex, _ = build(markup)
    assert link(ex).document.province == province


@pytest.mark.parametrize(("markup", "province", "figure_province"), [
    # three provinces' branches at one review, each named as often: none is the subject, though
    # one of them is once called "… branch"; each figure keeps its own province
    ("Mountain branches take stock\nBy staff\nBranch directors from Son La, Dien Bien and Lai Chau gathered. "
     "Son La, Dien Bien and Lai Chau all lowered overdue debt. At mid-year, the Son La branch reported outstanding "
     "loans of [[*VND 8.4 trillion|VND]], against VND 5.9 trillion for Dien Bien and VND 4.7 trillion for Lai Chau.",
     None, "Sơn La"),
    # a headline listing several provinces alike names no main one either
    ("Debt relief after landslides in Son La, Dien Bien and Lai Chau\nBy staff\nBorrowers in Son La, Dien Bien "
     "and Lai Chau may defer repayments. Dien Bien had outstanding loans of [[*VND 5.9 trillion|VND]].",
     None, "Điện Biên"),
    # near miss: a single neighbour named as often takes nothing from the branch named
    ("Mountain branches take stock\nBy staff\nThe Son La branch of the VBSP lowered overdue debt, like Dien Bien. "
     "Son La and Dien Bien both lent more. The branch had outstanding loans of [[*VND 8.4 trillion|VND]].",
     "Sơn La", "Sơn La"),
    # near miss: a headline naming one province keeps it, though the body sets two neighbours
    # beside it as often as it names that province
    ("Cao Bang tops its neighbours in policy lending\nBy staff\nCao Bang added VND 900 billion of loans last year, "
     "more than Lang Son or Quang Ninh. Lang Son and Quang Ninh kept overdue debt below 0.2%. Cao Bang also sent "
     "more workers abroad than Lang Son and Quang Ninh.\nBy year-end, outstanding loans stood at "
     "[[*VND 7.6 trillion|VND]].", "Cao Bằng", "Cao Bằng"),
    # near miss: a branch merged in 2025 from three old provinces' branches, naming the old ones as
    # often as its own, is still its province's
    ("One year on for a merged branch\nThe VBSP branch of Ninh Binh now joins the former branches of Ninh Binh, "
     "Nam Dinh and Ha Nam. Offices in Nam Dinh and Ha Nam kept their staff, and Nam Dinh and Ha Nam officers "
     "now work in the new branch.\nBy September, outstanding loans reached [[*VND 26 trillion|VND]].",
     "Ninh Bình", "Ninh Bình"),
])
def test_branches_of_several_provinces_alike_give_no_document_province(
        markup: str, province: str | None, figure_province: str) -> None:
    """A story about several provinces' branches, each named about as often, has no main province,
    even when one of them is once named as "the … branch" or its headline lists them."""
    ex, focus = build(markup)
    linked = link(ex)
    (obs,) = [o for o in linked.observations if o.start == focus]
    assert (linked.document.province, obs.province) == (province, figure_province)


@pytest.mark.parametrize(("markup", "province"), [
    # the bank's district office named with its district and province
    ("Loans help the poor\nBy staff\nVBSP Muong Lat district (Thanh Hoa) lent more this year. Outstanding "
     "loans reached [[VND 260,000 billion|VND|260000000000000]].", "Thanh Hóa"),
    # near miss: the district where a borrower lives, in a story about the whole bank
    ("Loans help the poor\nBy staff\nThe Social Policy Bank lends in every commune. The family of Mr. Lo Van "
     "Tinh in Muong Lat district, Thanh Hoa province, borrowed to raise cows. Outstanding loans reached "
     "[[VND 260,000 billion|VND|260000000000000]].", "national"),
])
def test_a_district_names_the_branch_only_with_the_bank(markup: str, province: str | None) -> None:
    """A district named right after the bank is its office's and its province the branch's; a
    borrower's district and province in a human-interest paragraph name no branch."""
    ex, _ = build(markup)
    assert link(ex).document.province == province


@pytest.mark.parametrize(("markup", "lang", "province"), [
    # a headline ending in the bank's credit, a lead opening with a meeting's venue
    ("Bright spots in policy credit\nIn Hanoi, the VBSP held a conference to review nine months. Outstanding "
     "loans reached [[VND 41,000 billion|VND]].", "en", "national"),
    ("Nâng cao hiệu quả tín dụng chính sách\nTại Hà Nội, NHCSXH tổ chức hội nghị sơ kết 9 tháng. Tổng dư nợ "
     "đạt [[41.000 tỷ đồng|VND]].", "vi", "national"),
    # near miss: the credit and the place on one line name the branch's province
    ("Bright spots\nPolicy credit in Ha Giang grew this year. Outstanding loans reached [[VND 9,000 billion|VND]].",
     "en", "Hà Giang"),
])
def test_a_headline_does_not_run_into_the_lead(markup: str, lang: str, province: str) -> None:
    """The bank's name ending one line and a place opening the next are no branch named with
    its province: the headline and the lead are apart."""
    ex, _ = build(markup, lang=lang)
    assert link(ex).document.province == province


@pytest.mark.parametrize(("markup", "province"), [
    # an excerpt that opens with its lead (a paragraph of sentences about the whole bank): the
    # line after it is the body, and a province its example names is not the title's
    ("Nationwide, the policy bank has lent for years. Its outstanding loans neared "
     "[[VND 402 trillion|VND]] and the poor borrowed more.\nA good example is a village in Ca Mau "
     "province, where farmers borrowed to raise shrimp.", "national"),
    # near miss: a one-sentence headline, then a line naming the province
    ("The policy bank lends across the nation\nA good example is a village in Ca Mau province, where "
     "farmers borrowed to raise shrimp. Outstanding loans reached [[VND 402 trillion|VND]].", "Cà Mau"),    # near misses: a first line of page furniture (a byline and a notice) hides no headline
    ("Written by Thu Ha. Photos: staff. Subscribe to our channel for more stories every week\n"
     "Soft loans lift farmers in Son La\nBy mid-2023 the policy bank's branch had lent [[VND 3,100 "
     "billion|VND]]. Visitors from Dien Bien came and will follow the model.", "Sơn La"),
])
def test_a_lead_paragraph_ends_the_title(markup: str, province: str) -> None:
    """The title is the first lines up to a paragraph of sentences, that paragraph included."""
    ex, _ = build(markup)
    assert link(ex).document.province == province


@pytest.mark.parametrize("director", ["The General Director of the VBSP", "The Deputy General Director of the VBSP"])
def test_the_banks_director_visiting_a_branch_is_no_whole_bank_report(director: str) -> None:
    """Who visits or speaks says nothing of whose figures a branch's report gives."""
    ex, _ = build(HEAD + f"{director} met staff of the provincial branch last week. By the end of "
                  "June the branch had lent [[VND 5,200 billion|VND]] to 90,000 households.")
    linked = link(ex)
    assert linked.document.province is None
    assert [o.province for o in linked.observations] == [None]


@pytest.mark.parametrize(("markup", "province"), [
    # a copied story that ends with its source: a provincial paper's address alone on a line
    ("Loans for farmers\nBy staff\nThe farmers' union lent through the policy bank; outstanding loans "
     "reached [[VND 800 billion|VND]].\nSource: https://baonghean.vn/some-story-123.html", "Nghệ An"),
    ("Loans for farmers\nBy staff\nThe farmers' union lent through the policy bank; outstanding loans "
     "reached [[VND 800 billion|VND]].\nhttp://baonghean.vn/", "Nghệ An"),
    # near misses: a "read more" link points at another story; an address inside a sentence
    ("Loans for farmers\nBy staff\nThe farmers' union lent through the policy bank; outstanding loans "
     "reached [[VND 800 billion|VND]].\nRead more: https://baonghean.vn/another-story-77.html", None),
    # near miss: an address inside a sentence is no credit line
    ("Loans for farmers\nBy staff\nThe farmers' union lent through the policy bank; outstanding loans "
     "reached [[VND 800 billion|VND]].\nRead more at baonghean.vn about the loans.", None),
])
def test_a_source_credit_line_names_the_outlet(markup: str, province: str | None) -> None:
    """``scope._credited_urls``: the host of a source address standing alone on one of the last
    lines is the story's outlet."""
    ex, _ = build(markup)
    assert link(ex).document.province == province


@pytest.mark.parametrize(("line", "related"), [
    # a related headline in two short parts, or a question and its answer: another article's
    ("- Hill district lends 150 billion dong. Borrowers rejoice", True),
    ("- Where did 150 billion dong go? Into goats and coffee", True),
    # near miss: a wire story sent as one paragraph, closed by the agency's credit
    ("- The branch lent 150 billion dong this spring. Most went to farms in the hills-VNA", False),
])
def test_a_short_two_part_headline_is_still_related_news(line: str, related: bool) -> None:
    """``Context.headline_line``: a dash-led line of two sentences is the report only when it is
    long or closed by an agency's credit."""
    text = "Loans in Nghe An rose this year, the branch said.\nRelated news\n" + line
    ex = extract_text(text, lang="en", published=PUB, title="Nghe An news")
    ctx = build_context(ex, bundled().linker)
    assert ctx.headline_line(text.index("150")) is related


@pytest.mark.parametrize(("markup", "expected"), [
    (NGHE + "Related news\n- Quynh Luu: [[2,300 households|households]] escape poverty thanks to loans", None),
    (NGHE + "Results:\n- [[2,300 households|households]] escaped poverty.", "households_escaped_poverty"),
    (NGHE + "Related news\n– Loans helped [[2,300 households|households]] escape poverty", None),
    (NGHE + "Related news\n- Lao Cai: [[2,100 poor households|households]] escape poverty in 2020",
     "households_escaped_poverty"),
    # near miss: a wire story sent as one paragraph, led by its dateline's dash and closed by the
    # agency's credit, holds sentences: it is the report, not another article's headline
    (NGHE + "– Loans helped [[2,300 households|households]] escape poverty this year. The branch also "
     "lent to students in the hills-VNA", "households_escaped_poverty"),

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

def example_documents(lang: str) -> list[str]:
    """Every example of rules/linking.yaml in ``lang``, as the document it is read in."""
    rules = load_link_rules()
    return [example_document(example, lang) for name in MARKER_LISTS
            for marker in getattr(getattr(rules, name), lang)
            for example in (*marker.examples.pos, *marker.examples.neg)]


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(["en", "vi"]).flatmap(lambda lang: st.tuples(
    st.just(lang), st.lists(st.sampled_from(example_documents(lang)), min_size=1, max_size=5))))
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
@given(st.text(alphabet=";:\u2014,, \n\tab", max_size=40), st.data())
def test_piece_by_bisect_is_the_piece_found_by_walking(text: str, data: st.DataObject) -> None:
    s0 = data.draw(st.integers(0, len(text)))
    s1 = data.draw(st.integers(s0, len(text)))
    pos = data.draw(st.integers(0, len(text)))
    breaks = _breaks(text, [])
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


@pytest.mark.parametrize(("text", "lang"), [
    ("Tin Nghệ An\nSáng 5/3, tại huyện Yên Thành, NHCSXH tổ chức hội nghị tổng kết. Theo báo cáo, tổng dư nợ "
     "đạt 13.500 tỷ đồng.", "vi"),
    ("Nghe An news\nOn March 5, in Yen Thanh district, the Social Policy Bank held a conference to review the "
     "year. Outstanding loans reached VND 13,500 billion.", "en"),
])
def test_a_meetings_venue_in_the_lead_makes_no_district_report(text: str, lang: str) -> None:
    # Where a meeting was held is no district the report is about: the province's totals stay its own.
    observations = extract_text(text, lang=lang, published=PUB).observations
    assert [(o.indicator, o.province, o.part_of) for o in observations] == [("outstanding_loans", "Nghệ An", None)]


@pytest.mark.parametrize(("text", "province"), [
    # A national report naming a commune only in a closing anecdote is still national …
    ("Tín dụng chính sách\n\nNgân hàng Chính sách xã hội cho biết chương trình cho vay nhà ở xã hội đã "
     "giải ngân 1.270 tỷ đồng.\nTại xã Tân Lập, nhiều hộ đã xây được nhà nhờ nguồn vốn này.", "national"),
    # … while a report opening with a commune or district is that office's, of no known province.
    ("Tín dụng chính sách\n\nTại xã Tân Lập, Ngân hàng Chính sách xã hội cho vay 12 tỷ đồng.", None),
])
def test_the_bank_named_alone_is_national_unless_an_area_comes_first(text: str, province: str | None) -> None:
    observations = extract_text(text, lang="vi", published=dt.date(2025, 10, 26)).observations
    assert {o.province for o in observations} == {province}


@pytest.mark.parametrize(("text", "parts"), [
    # the kind of household the total counts names no item of its breakdown: the words after do
    ("Tin Nghệ An\nNăm nay toàn tỉnh có 3.100 hộ nghèo được vay vốn, trong đó 900 hộ nghèo ở các huyện miền núi.",
     [None, "ở các huyện miền núi"]),
])
def test_a_kind_the_total_counts_names_no_item(text: str, parts: list[str | None]) -> None:
    observations = extract_text(text, lang="vi", published=PUB).observations
    assert [o.part for o in observations] == parts


def test_an_equal_amount_of_another_date_is_another_fact() -> None:
    # the headline's part and the body's total of another year have one value: both stay
    text = ("Dư nợ cho vay học sinh, sinh viên đạt 1.000 tỷ đồng\n\nĐến 30/9/2025, dư nợ cho vay học sinh, "
            "sinh viên của chi nhánh tỉnh Nghệ An đạt 1.000 tỷ đồng. Năm 2012, tổng dư nợ toàn chi nhánh mới "
            "đạt 1.000 tỷ đồng.")
    observations = extract_text(text, lang="vi", published=PUB).observations
    assert sorted((str(o.as_of), o.part_of or "") for o in observations) == [
        ("2012-12-31", ""), ("2025-09-30", "programme")]


@pytest.mark.parametrize(("text", "facts"), [
    # the district a text filed under the whole bank speaks of is a part of the province it lies in
    ("Vốn chính sách về với vùng cao\n\nTheo Ngân hàng Chính sách xã hội, đến nay, dư nợ các chương trình tại "
     "huyện Quỳ Hợp đạt 310 tỷ đồng.", [("Nghệ An", "area")]),
    # near miss: the bank's own figure in such a text stays national
    ("Vốn chính sách về với Quỳ Hợp\n\nTheo Ngân hàng Chính sách xã hội, đến nay, dư nợ các chương trình "
     "đạt 310.000 tỷ đồng.", [("national", None)]),
    # a commune named only in a closing story makes no figure of the bank's its part
    ("Vốn chính sách\n\nNgân hàng Chính sách xã hội cho biết chương trình cho vay nhà ở xã hội đã giải ngân "
     "2.450 tỷ đồng.\nTại xã Tân Lập, nhiều hộ đã dựng được nhà mới.", [("national", "programme")]),
])
def test_an_area_of_a_text_filed_under_the_bank_is_of_no_known_province(
        text: str, facts: list[tuple[str | None, str | None]]) -> None:
    observations = extract_text(text, lang="vi", published=PUB).observations
    assert [(o.province, o.part_of) for o in observations] == facts


@pytest.mark.parametrize(("markup", "province", "part"), [
    # a region joined right after the figure, and one the sentence refers back to
    ("VBSP news\nSoft loans helped [[85,000 households|households]] in the Mekong Delta escape poverty.",
     "national", "Mekong Delta"),
    ("VBSP news\nThe Red River Delta has many borrowers. Overdue debt in the region was [[0.21%|%]].",
     "national", "Red River Delta"),
    # near miss: a province named in the sentence is the figure's own
    ("VBSP news\nThe Red River Delta has many borrowers. In Thai Binh, a province in the region, overdue debt "
     "was [[0.21%|%]] at {{the end of 2023|2023-12-31}}.", "Thái Bình", None),
    # a province's text names its region to say where it lies: joined or referred back to, the
    # region is not the figure's
    ("Lam Dong news\nThe branch serves this Central Highlands province. In its southern hill districts, "
     "outstanding loans in the region reached [[VND 2,100 billion|VND]].", "Lâm Đồng", None),
    ("Lam Dong news\nSoft loans helped [[64,000 households|households]] in the Central Highlands escape poverty.",
     "Lâm Đồng", None),
    # the region followed by a province's word names one of its provinces
    ("VBSP news\nLoans of [[VND 900 billion|VND]] in the Mekong Delta province of the story went to job creation.",
     "national", None),
    # a headline naming the region and no province makes the region the text's topic, whatever
    # province its body names
    ("Soft loans reach more borrowers in the Central Highlands\nPoverty has fallen fast.\nDelegates met in "
     "Dak Lak province. Poverty has fallen. Lending in the region rose to [[VND 31,000 billion|VND]].",
     "national", "Central Highlands"),
    # referred back to from two sentences on: too far
    ("VBSP news\nThe Mekong Delta is home to many poor families. Borrowers number in the millions. "
     "The region's overdue debt ratio was [[0.4%|%]].", "national", None),
])
def test_a_region_named_for_a_figure_is_an_area_of_the_whole_bank(markup: str, province: str,
                                                                   part: str | None) -> None:
    obs = observe(markup)
    assert obs is not None and (obs.province, obs.part) == (province, part)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # an amount its one programme's name follows is that programme's part …
    ("Năm 2024, chi nhánh giải ngân 650 tỷ đồng cho vay xuất khẩu lao động, giúp 2.800 lao động sang làm việc "
     "tại Nhật Bản.", "vi", [("lending_turnover", "programme"), ("guest_workers", None)]),
    ("In 2024 the branch disbursed VND 650 billion in labour export loans, helping 2,800 workers go abroad.",
     "en", [("lending_turnover", "programme"), ("guest_workers", None)]),
    # … but not when the name opens a list of programmes or borrowers, whose total the amount is
    ("Năm 2024, chi nhánh giải ngân 1.650 tỷ đồng cho vay hộ nghèo, cho vay giải quyết việc làm, cho vay nước "
     "sạch.", "vi", [("lending_turnover", None)]),
    ("In 2024 the branch disbursed VND 1,650 billion in loans for poor households and other policy beneficiaries.",
     "en", [("lending_turnover", None)]),
    # … and the programme is no topic for the next sentence's total
    ("In 2024 the branch disbursed VND 650 billion in labour export loans. Outstanding loans reached VND 5,200 "
     "billion.", "en", [("lending_turnover", "programme"), ("outstanding_loans", None)]),
])
def test_an_amount_its_programme_follows_is_that_programmes_part(text: str, lang: str,
                                                                 expected: list[tuple[str, str | None]]) -> None:
    title = "Bac Ninh news\n\n" if lang == "en" else "Tin Bắc Ninh\n\n"
    ex = extract_text(title + text, lang=lang, published=dt.date(2025, 3, 1))
    assert [(o.indicator, o.part_of) for o in ex.observations] == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a lead setting an amount aside for one programme tells that programme's story (no report of the
    # whole): a later sentence speaking of "this programme" gives its figure
    ("Student loans open doors in Quang Nam\n\nThis year the Quang Nam branch has set aside VND 120 billion "
     "for student loans.\n\nBy June, this program had lent VND 130 billion.", "en", [("lending_turnover", "programme")]),
    ("Cho vay học sinh, sinh viên ở Quảng Nam\n\nNăm nay, chi nhánh tỉnh Quảng Nam dành 250 tỷ đồng cho vay học "
     "sinh, sinh viên.\n\nĐến tháng 6, chương trình này đã giải ngân 140 tỷ đồng.", "vi", [("lending_turnover", "programme")]),
    # in such a story, a body sentence with no word of the programme stays the branch's: the branch
    # as its subject, a count of programmes after the figure, a plan, a headline naming two programmes
    ("Social housing loans help workers in Long An\n\nThe Long An branch has stepped up social housing loans "
     "this year.\n\nSince 2022, the branch has disbursed VND 4,700 billion.", "en", [("lending_turnover", None)]),
    ("Cho vay học sinh, sinh viên ở Quảng Nam\n\nChi nhánh tỉnh Quảng Nam đưa vốn vay học sinh, sinh viên tới "
     "mọi huyện.\n\nDư nợ đạt 9.800 tỷ đồng, trải trên 19 chương trình tín dụng.", "vi", [("outstanding_loans", None)]),
    ("Student loans open doors in Quang Nam\n\nThe Quang Nam branch keeps student loans open to every poor "
     "family.\n\nThis year, the branch plans to disburse VND 700 billion.", "en", [("lending_turnover", None)]),
    ("Student loans and job creation loans in Quang Nam\n\nThe Quang Nam branch has taken student loans to "
     "every commune.\n\nBy May, outstanding loans had reached VND 5,400 billion.", "en", [("outstanding_loans", None)]),
    # another programme's name opened by the owner words, or the programme named after the
    # figure in another clause: no reference to the story's programme
    ("Cho vay giải quyết việc làm giúp lao động nông thôn\n\nChi nhánh tỉnh Kon Tum đẩy mạnh cho vay giải quyết "
     "việc làm.\n\nNăm qua, để đạt mục tiêu của chương trình mục tiêu quốc gia giảm nghèo, ngân hàng đã giải ngân "
     "640 tỷ đồng.", "vi", [("lending_turnover", None)]),
    ("Cho vay giải quyết việc làm giúp lao động nông thôn\n\nChi nhánh tỉnh Kon Tum đẩy mạnh cho vay giải quyết "
     "việc làm.\n\nNăm qua, ngân hàng giải ngân 640 tỷ đồng cho các chương trình, đưa dư nợ của chương trình lên "
     "270 tỷ đồng.", "vi", [("lending_turnover", None), ("outstanding_loans", "programme")]),
])
def test_the_body_of_one_programmes_story_states_its_figures(text: str, lang: str,
                                                             expected: list[tuple[str, str | None]]) -> None:
    title, body = text.split("\n\n", 1)
    ex = extract_text(body, lang=lang, published=dt.date(2025, 7, 10), title=title)
    assert [(o.indicator, o.part_of) for o in ex.observations
            if o.indicator in ("outstanding_loans", "lending_turnover")] == expected


@pytest.mark.parametrize("sentence", [
    # the state's rural water scheme, named without the loans or capital of it, is no bank programme
    "Sở Nông nghiệp cho biết chương trình nước sạch nông thôn đã giải ngân 90 tỷ đồng cho các công trình.",
    "Theo UBND tỉnh, chương trình nước sạch nông thôn đã có 75 tỷ đồng vốn đầu tư.",
])
def test_the_water_scheme_without_its_loans_is_no_programme_part(sentence: str) -> None:
    ex = extract_text(sentence, lang="vi", published=dt.date(2025, 7, 10), title="Tin Lai Châu")
    assert all(o.part_of != "programme" for o in ex.observations)


@pytest.mark.parametrize(("markup", "indicator"), [
    # capital named by where all of it came from is still the whole
    (NGHE + "At mid-year, total capital mobilized through every channel came to [[VND 8,300 billion|VND]].", "total_capital"),
    # a colon after "some localities" opens no area item when a province total follows it
    (NGHE + "Some localities stood out this year: total outstanding loans of the province hit [[VND 14,700 billion|VND]].",
     "outstanding_loans"),
])
def test_a_total_after_a_source_or_list_word_stays_a_total(markup: str, indicator: str) -> None:
    """Words that name a source of capital or open a list of places do not make a total a part."""
    ex, _ = build(markup, lang="en")
    assert [(o.indicator, o.part_of) for o in link(ex).observations] == [(indicator, None)]


def test_a_kind_of_area_a_breakdown_names_in_a_text_of_the_whole_bank_stays_national() -> None:
    """An item of a breakdown naming a kind of commune ("các xã …") in a text filed under the whole
    bank is a part of the bank's own total across those communes, not a district of an unnamed
    province."""
    markup = ("NHCSXH tổng kết năm 2024\nNhìn lại một năm\nDư nợ chung đạt [[318.000 tỷ đồng|VND]], trong đó "
              "dư nợ tại các xã an toàn khu là [[27.500 tỷ đồng|VND]]/[[*612.000 hộ|households]].")
    obs = observe(markup, lang="vi", published=PUB)
    assert obs is not None and (obs.part_of, obs.province) == ("area", "national")


@pytest.mark.parametrize("star", ["amount", "count"])
def test_a_kind_of_area_named_without_a_name_is_an_area_part_of_the_whole_bank(star: str) -> None:
    """A kind of area a cue names before the figure ("các huyện nghèo", rules/parts.yaml `area`),
    with no breakdown word, in a text filed under the whole bank: an area part of the bank's total,
    still national (no district of an unnamed province), and so is its paired count."""
    amount, count = ("*", "") if star == "amount" else ("", "*")
    markup = ("NHCSXH tổng kết năm 2024\nNhìn lại một năm\nDư nợ chung đạt 318.000 tỷ đồng. Dư nợ tại các "
              f"huyện nghèo là [[{amount}29.700 tỷ đồng|VND]], với [[{count}560 nghìn khách hàng|customers]] còn dư nợ.")
    obs = observe(markup, lang="vi", published=PUB)
    assert obs is not None and (obs.part_of, obs.province) == ("area", "national")


@pytest.mark.parametrize(("markup", "expected"), [
    # the plan opening the sentence: its goal for the whole branch or bank, no programme
    ("Tin Quảng Trị\nKế hoạch\nTheo kế hoạch được Thủ tướng giao, năm nay dư nợ của chi nhánh tăng 260 tỷ đồng, "
     "lên [[*5.340 tỷ đồng|VND]].", ("target", None)),
    ("NHCSXH đặt mục tiêu\nKế hoạch\nTheo kế hoạch tăng trưởng được Thủ tướng giao, năm 2027 dư nợ của NHCSXH "
     "tăng 6%, lên [[*392.000 tỷ đồng|VND]].", ("target", None)),
    # the plan's loans named after the noun, in a breakdown: a level reached, a programme part
    ("NHCSXH tổng kết\nMột năm\nTổng dư nợ đạt 356.000 tỷ đồng, trong đó dư nợ theo kế hoạch được Thủ tướng "
     "giao là [[*312.400 tỷ đồng|VND]].", ("actual", "programme")),
])
def test_the_prime_ministers_plan_is_a_programme_only_after_the_indicators_noun(
        markup: str, expected: tuple[str, str | None]) -> None:
    """The Prime Minister's credit plan names the programmes it covers only right after the
    indicator's noun; opening the sentence ("Theo kế hoạch … giao, …") it gives a goal."""
    obs = observe(markup, lang="vi", published=dt.date(2026, 3, 15))
    assert obs is not None and (obs.status, obs.part_of) == expected


@pytest.mark.parametrize(("markup", "part"), [
    # "riêng" setting lending apart from mobilising, or one year apart: the year's total lending
    ("Tổng nguồn vốn của chi nhánh đạt 3.900 tỷ đồng. Riêng cho vay năm 2025 đạt [[*1.240 tỷ đồng|VND]].", (None, None)),
    ("Về huy động, chi nhánh đạt 610 tỷ đồng; riêng cho vay mới trong năm đạt [[*1.240 tỷ đồng|VND]].", (None, None)),
    # a channel after it gives the kind
    ("Tiền gửi qua tổ đạt 240 tỷ đồng; riêng cho vay qua Hội Cựu chiến binh đạt [[*515 tỷ đồng|VND]].",
     ("channel", "qua Hội Cựu chiến binh")),
    # a programme after it gives the label
    ("Doanh số cho vay năm 2025 đạt 1.760 tỷ đồng. Riêng cho vay hộ cận nghèo đạt [[*96 tỷ đồng|VND]].",
     ("programme", "cho vay hộ cận nghèo")),
    # a purpose after it: that programme's share
    ("Doanh số cho vay năm 2025 đạt 1.760 tỷ đồng. Riêng về cho vay để xây nhà chống lũ đạt [[*23 tỷ đồng|VND]].",
     ("programme", "Riêng về cho vay để")),
])
def test_rieng_before_lending_is_a_programme_only_with_a_purpose(markup: str, part: tuple[str | None, str | None]) -> None:
    """"Riêng (về) cho vay" names a programme only before a purpose ("để …"); before a year, "mới"
    or a channel, and when a programme's own cue follows, the figure keeps its total or that cue."""
    obs = observe("Tin Bắc Giang\nTổng kết\n" + markup, lang="vi", published=PUB)
    assert obs is not None and (obs.part_of, obs.part) == part


def test_a_kind_of_area_a_place_binder_opens_is_a_part_before_the_indicator() -> None:
    """A place binder opening the clause of a kind of area's words ("Ở các xã …") places the
    figures after it: an area part, though the indicator's noun comes after the words."""
    markup = ("NHCSXH tổng kết\nMột năm\nỞ các xã đặc biệt khó khăn dư nợ tăng 40 tỷ đồng, "
              "lên [[*610 tỷ đồng|VND]].")
    obs = observe(markup, lang="vi", published=PUB)
    assert obs is not None and obs.part_of == "area"


@pytest.mark.parametrize("markup", [
    # the province described before the indicator's noun: its branch's total
    "Tin Sơn La\nTổng kết\nSơn La còn 3 huyện nghèo nên dư nợ của chi nhánh đạt [[*6.450 tỷ đồng|VND]].",
    # where the money is aimed, in a lead-in before the clause that names the indicator
    "Tin Kon Tum\nTổng kết\nĐể dồn vốn cho các xã đặc biệt khó khăn, NHCSXH tỉnh Kon Tum tăng dư nợ thêm "
    "210 tỷ đồng, lên [[*3.870 tỷ đồng|VND]].",
    "NHCSXH tổng kết\nMột năm\nVùng sâu, vùng xa được ưu tiên vốn nên tổng dư nợ toàn hệ thống đạt "
    "[[*402.000 tỷ đồng|VND]].",
])
def test_a_kind_of_area_in_a_lead_in_before_the_indicator_leaves_the_total(markup: str) -> None:
    """Words naming a kind of area (rules/parts.yaml ``area``) in a lead-in before the indicator's
    noun describe the place or the money's aim: the figure stays its place's total."""
    obs = observe(markup, lang="vi", published=PUB)
    assert obs is not None and obs.part_of is None


@pytest.mark.parametrize(("markup", "province"), [
    # the bank's own amount in dollars, more than any province's branch holds: the whole bank's story
    ("Lending grows\nBy staff\nThe Vietnam Bank for Social Policies will lend over [[2.5 billion USD|USD|2500000000]] "
     "this year, a district chief in Yen Bai said. Overdue debt was [[*0.9%|%|0.9]].", "national"),
    # the bank told as the source, its money word ("credit") in the dollar sum's own clause
    ("Lending grows\nBy staff\nAs reported by the Vietnam Bank for Social Policies, its credit for near-poor "
     "families will top [[USD 2.7 billion|USD|2700000000]] next year. Overdue debt was [[*0.9%|%|0.9]].", "national"),
    # a dollar sum with no bank in its sentence (an economy's exports) says nothing of the bank
    ("Lending grows\nBy staff\nThe Vietnam Bank for Social Policies lends more in Lao Cai and Yen Bai. Farm exports "
     "reached [[2.5 billion USD|USD|2500000000]] this year. Overdue debt was [[*0.9%|%|0.9]].", None),
])
def test_the_banks_amount_in_dollars_tells_a_story_of_the_whole_bank(markup: str, province: str | None) -> None:
    check(observe(markup, lang="en"), {"province": province})


@pytest.mark.parametrize("markup", [
    # the province's economy in dollars, told at a meeting with the bank: not the bank's amount
    "Investors return\nBy staff\nAt a working session with the Vietnam Bank for Social Policies, the governor noted "
    "that the province drew [[USD 2.8 billion|USD|2800000000]] of investment in 2023. Outstanding loans of the bank there came to "
    "[[*VND 7,400 billion|VND]].",
    # the bank named, but the dollar sum has no cue of the bank's in its clause
    "Investors return\nBy staff\nOfficials of the Vietnam Bank for Social Policies joined a trade fair, where "
    "exporters signed deals worth [[USD 2.8 billion|USD|2800000000]]. The bank's outstanding loans in the province "
    "came to [[*VND 7,400 billion|VND]].",
])
def test_a_dollar_sum_that_is_not_the_banks_own_leaves_the_document_unscoped(markup: str) -> None:
    obs = observe(markup, lang="en")
    assert obs is not None and obs.province != "national"


@pytest.mark.parametrize(("lang", "markup", "province"), [
    # the bank's totals in a paragraph opening with a province stay the whole bank's
    ('vi', 'Tín dụng chính sách\nPV\nNgân hàng rà soát vùng đồng bằng.\nTại Nam Định, Phó Thủ tướng thăm một số hộ vay vốn làm nghề. Tính đến {{30/9/2024|2024-09-30}}, tổng dư nợ đạt [[*345.000 tỷ đồng|VND|345000000000000]], với gần [[6,9 triệu khách hàng|customers|6900000]] còn dư nợ.',
     'national'),
    ('en', 'Policy credit\nBy staff\nThe bank reviewed the delta.\nIn Nam Dinh, the Deputy Prime Minister met several borrowing families. As of {{September 30, 2024|2024-09-30}}, total outstanding loans reached [[*VND 345,000 billion|VND|345000000000000]], with nearly [[6.9 million customers|customers|6900000]] still in debt.',
     'national'),
    # an opener listing several provinces opens on none of them
    ('vi', 'Tín dụng chính sách\nPV\nNgân hàng rà soát vùng duyên hải.\nỞ Phú Yên, Bình Định và Quảng Ngãi, bão làm hư hại nhiều nhà cửa. Ngân hàng đã cho vay [[210 tỷ đồng|VND]] để khắc phục. Tỷ lệ nợ quá hạn là [[*0,4%|%|0.4]].',
     None),
    ('en', 'Policy credit\nBy staff\nThe bank reviewed the coast.\nIn Phu Yen, Binh Dinh and Quang Ngai, a storm damaged many homes. The bank lent [[VND 210 billion|VND]] for repairs. The overdue debt rate was [[*0.4%|%|0.4]].',
     None),
    # a passage on a visit to a neighbour, in a province's own report, goes on about the home branch
    ('vi', 'NHCSXH tỉnh Thanh Hóa: nâng chất lượng tín dụng\nPV\nChi nhánh NHCSXH tỉnh Thanh Hóa tổng kết năm.\nTại Ninh Bình, cán bộ chi nhánh tham quan cách làm của các điểm giao dịch xã. Về đơn vị, chi nhánh áp dụng ngay, tỷ lệ nợ quá hạn còn [[*0,05%|%|0.05]].',
     'Thanh Hóa'),
    ('en', 'Thanh Hoa social policy bank improves credit\nBy staff\nThe Provincial Bank for Social Policies in Thanh Hoa reviewed its year.\nIn Ninh Binh, staff of the branch toured commune transaction points. Back home, the branch applied the method and its overdue debt rate fell to [[*0.05%|%|0.05]].',
     'Thanh Hóa'),
    # a count of the visitors or of what they saw in the opener's sentence is no figure of the
    # neighbour's: the home branch's rate after it stays home
    ('vi', 'NHCSXH tỉnh Thanh Hóa: nâng chất lượng tín dụng\nPV\nChi nhánh NHCSXH tỉnh Thanh Hóa tổng kết năm.\nTại Ninh Bình, [[11 cán bộ|staff|11]] chi nhánh đã tới 5 điểm giao dịch xã. Về đơn vị, chi nhánh áp dụng ngay, tỷ lệ nợ quá hạn còn [[*0,04%|%|0.04]].',
     'Thanh Hóa'),
    ('en', 'Thanh Hoa social policy bank improves credit\nBy staff\nThe Provincial Bank for Social Policies in Thanh Hoa reviewed its year.\nIn Ninh Binh, [[11 officers|staff|11]] of the branch toured 5 commune transaction points. Back home, the branch applied the method and its overdue debt rate fell to [[*0.04%|%|0.04]].',
     'Thanh Hóa'),
])
def test_a_paragraph_opener_yields_to_the_banks_totals_a_list_and_the_home_branch(
        lang: str, markup: str, province: str | None) -> None:
    check(observe(markup, lang=lang), {"province": province})


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # A province report gives its total, then (same date, no part word the rules know) a smaller
    # amount for the same indicator: only the largest is the total, the other a share of it.
    ("Kon Tum province news\n\nAs of June 30, 2024, outstanding loans of the bank in Kon Tum province "
     "totalled VND 7,450 billion. The rest of the report covers the mountain communes.\n\nAs of June 30, "
     "2024, outstanding loans in that effort were VND 1,980 billion.", "en",
     [(7450000000000, None), (1980000000000, "share")]),
    # A headline's rounded figure and the body's exact one are one total said twice: unchanged.
    ("Kon Tum province news\n\nAs of June 30, 2024, outstanding loans of the bank in Kon Tum province "
     "reached nearly VND 7,500 billion.\n\nAs of June 30, 2024, outstanding loans in Kon Tum province "
     "were VND 7,452 billion.", "en",
     [(7500000000000, None), (7452000000000, None)]),
    # Two rates of one date are no total and its share: unchanged.
    ("Kon Tum province news\n\nAs of June 30, 2024, the overdue debt ratio in Kon Tum province was 0.31%. "
     "As of June 30, 2024, the overdue debt ratio was 0.12%.", "en",
     [(Decimal("0.31"), None), (Decimal("0.12"), None)]),
    # Two totals of different dates are two facts: unchanged.
    ("Kon Tum province news\n\nAs of June 30, 2024, outstanding loans of the bank in Kon Tum province "
     "totalled VND 7,450 billion. As of December 31, 2019, outstanding loans were VND 3,900 billion.", "en",
     [(7450000000000, None), (3900000000000, None)]),
    # A smaller count whose own noun goes on to name one kind of household ("lượt hộ" + a kind) is
    # that programme's part; one counting no kind stays a share.
    ("Tin Kon Tum\n\nNăm 2023, Ngân hàng CSXH tỉnh Kon Tum cho vay 37.400 lượt hộ vay vốn. Năm 2023, "
     "chi nhánh giải ngân cho 9.700 lượt hộ cận nghèo vay vốn; 5.200 lượt hộ khác vay vốn trồng rừng.", "vi",
     [(37400, None), (9700, "programme"), (5200, "share")]),
    # A count naming some kinds of household is a share of the one whose list ends with every
    # other borrower, however near their values; with no such list, near values are one total.
    ("Tin Kon Tum\n\nTừ năm 2015 đến nay, Ngân hàng CSXH tỉnh Kon Tum đã cho 61.000 lượt hộ nghèo, cận nghèo vay "
     "vốn. Từ năm 2015 đến nay, chi nhánh đã cho 64.500 lượt hộ nghèo, hộ mới thoát nghèo cùng đối tượng chính sách "
     "khác vay vốn.", "vi",
     [(61000, "share"), (64500, None)]),
    ("Tin Kon Tum\n\nTừ năm 2015 đến nay, Ngân hàng CSXH tỉnh Kon Tum đã cho 61.000 lượt hộ nghèo, cận nghèo vay "
     "vốn. Từ năm 2015 đến nay, chi nhánh đã cho 64.500 lượt hộ vay vốn.", "vi",
     [(61000, None), (64500, None)]),
])
def test_a_smaller_total_of_the_same_fact_is_a_share(text: str, lang: str, expected: list[tuple[object, str | None]]
                                                     ) -> None:
    """One total per indicator, place, date and status in a document (``smaller_shares``)."""
    title = text.split("\n")[0]
    ex = extract_text(text, lang=lang, published=PUB, title=title)
    got = [(o.value, o.part_of) for o in ex.observations]
    assert got == expected, ex.observations
    shares = [o for o in ex.observations if o.part_of == "share"]
    assert all(o.rules["part"] == "smaller-than-total" and "smaller amount than" in o.why["part"] for o in shares)


def test_undated_totals_are_never_compared() -> None:
    """Totals whose date the text does not tell (no day, no period) may be of two dates: unchanged."""
    ex = extract_text("Tin Kon Tum\n\nChi nhánh tỉnh Kon Tum có tổng dư nợ 7.450 tỷ đồng. Trước đây, tổng dư nợ "
                      "chỉ 1.200 tỷ đồng.", lang="vi", published=None, title="Tin Kon Tum")
    assert len(ex.observations) == 2 and all(o.part_of != "share" for o in ex.observations), ex.observations


@pytest.mark.parametrize(("text", "lang"), [
    # Loan turns and distinct households are two measures, not a total and its share.
    ("Tin Bắc Kạn\n\nTrong năm 2023, NHCSXH tỉnh Bắc Kạn giải ngân 940 tỷ đồng cho 27.500 lượt hộ vay. "
     "Cũng trong năm 2023, có 16.800 hộ gia đình trong tỉnh được vay vốn.", "vi"),
    ("Bac Kan news\n\nIn 2023, the bank in Bac Kan province disbursed VND 940 billion in 27,500 loan turns. "
     "In 2023, some 16,800 households in the province received loans.", "en"),
    # A sum since the bank's founding and one year's lending share an end but no start: two facts.
    ("Tin Bắc Kạn\n\nLũy kế từ khi thành lập đến 31/12/2023, doanh số cho vay của NHCSXH tỉnh Bắc Kạn "
     "đạt 14.600 tỷ đồng. Tính đến 31/12/2023, doanh số cho vay trong năm đạt 1.850 tỷ đồng.", "vi"),
    # The document's title placed the larger (scheme-wide) amount; the province's own sentence the
    # smaller: the title's guess does not demote the province's own total.
    ("Tin Bắc Kạn\n\nĐến ngày 15/8/2023, dư nợ của Ngân hàng đối với chương trình đạt 2.400 tỷ đồng với "
     "31.000 khách hàng. Riêng tại tỉnh Bắc Kạn, đến ngày 15/8/2023, dư nợ đạt 820 tỷ đồng với 12.000 khách "
     "hàng.", "vi"),
    ("Bac Kan news\n\nBy August 15, 2023, outstanding loans of the bank under the scheme reached VND 2,400 "
     "billion. In Bac Kan province alone, by August 15, 2023, outstanding loans reached VND 820 billion.", "en"),
])
def test_a_smaller_total_stays_when_the_larger_is_another_fact_or_weakly_told(text: str, lang: str) -> None:
    """No share of another measure (turns vs households), of an open-start sum, or of a larger
    total whose place only the title told while the smaller's own sentence told its place."""
    title = text.split("\n")[0]
    ex = extract_text(text, lang=lang, published=PUB, title=title)
    assert ex.observations and all(o.part_of != "share" for o in ex.observations), ex.observations


def test_the_linkers_thresholds_come_only_from_the_rules_file() -> None:
    """No Python default shadows a threshold of rules/linking.yaml: a Linker built any other way
    than ``Linker.build`` must be given each one."""
    import dataclasses

    from extractor.link.rules import Linker

    defaults = {f.name for f in dataclasses.fields(Linker)
                if f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING}
    assert not defaults & {"near_total", "from_to_lead_words", "founding_past_years", "level_amount",
                           "year_so_far_slack_days", "home_currency", "borrower_joiners"}


@pytest.mark.parametrize("days", [-1, 45])
def test_the_year_so_far_slack_is_validated(days: int) -> None:
    """The day slack of a year-so-far frame is a count of days within a month."""
    import yaml
    from pydantic import ValidationError

    from extractor.link.rules import LinkRules

    data = yaml.safe_load((Path(__file__).parents[1] / "rules" / "linking.yaml").read_text(encoding="utf-8"))
    LinkRules.model_validate(data)
    with pytest.raises(ValidationError):
        LinkRules.model_validate({**data, "year_so_far_slack_days": days})


@pytest.mark.parametrize(("key", "value"), [
    ("home_currency", "đồng"), ("home_currency", "vnd"), ("home_currency", ""),
    ("borrower_joiners", []), ("borrower_joiners", ["/", ""]), ("borrower_joiners", ["with"]),
])
def test_the_home_currency_and_the_borrower_joiners_are_validated(key: str, value: object) -> None:
    """The home currency is a three-letter code as money units start ("VND"); a borrower joiner is
    one mark (``_borrowers_after`` reads the first character after the amount), and there is one
    at least."""
    import yaml
    from pydantic import ValidationError

    from extractor.link.rules import LinkRules

    data = yaml.safe_load((Path(__file__).parents[1] / "rules" / "linking.yaml").read_text(encoding="utf-8"))
    LinkRules.model_validate(data)
    with pytest.raises(ValidationError):
        LinkRules.model_validate({**data, key: value})


@pytest.mark.parametrize(("markup", "lang", "boundaries"), [
    (VI_NGHE + "Sau 17 năm qua, Ngân hàng Chính sách xã hội tỉnh đã cho vay [[8.420 tỷ đồng|VND]].", "vi", "pre-2025"),
    (NGHE + "Over the past 16 years, the Social Policy Bank branch has lent [[VND 6,310 billion|VND]].", "en",
     "pre-2025"),
    # near misses: a term's count, an approximate count, a count beyond the merger, no bank named
    (VI_NGHE + "Trong 5 năm qua, Ngân hàng Chính sách xã hội tỉnh đã cho vay [[8.420 tỷ đồng|VND]].", "vi", None),
    (VI_NGHE + "Hơn 17 năm qua, Ngân hàng Chính sách xã hội tỉnh đã cho vay [[8.420 tỷ đồng|VND]].", "vi", None),
    (NGHE + "Over the past 24 years, the Social Policy Bank branch has lent [[VND 6,310 billion|VND]].", "en", None),
    (NGHE + "Over the past 16 years, the province has grown. The bank has lent [[VND 6,310 billion|VND]].", "en",
     None),
])
def test_an_undated_text_counting_the_banks_years_is_pre_merger(markup: str, lang: str,
                                                                  boundaries: str | None) -> None:
    """A text with no date at all whose sentence on the bank counts its past years exactly, fewer
    than the merger's distance from the founding: the old provinces' figures."""
    obs = observe(markup, lang=lang, published=None)
    assert obs is not None and obs.boundaries == boundaries, obs


@pytest.mark.parametrize(("markup", "lang", "start"), [
    # A lead on the year so far, then a flow dated only at a day of that year: from 1 January.
    (NGHE + "Results for {{the first months of 2024|2024-01-01|year}} were reviewed at the branch's meeting.\n"
     "By {{June 30|2024-06-30}}, the branch had lent [[*VND 640 billion|VND]].", "en", dt.date(2024, 1, 1)),
    (NGHE + "{{The first six months of 2024|2024-01-01..2024-06-30|month}} were busy for the branch.\n"
     "By {{June 30|2024-06-30}}, the branch had lent [[*VND 640 billion|VND]].", "en", dt.date(2024, 1, 1)),
    ("Tin Nghệ An\nTrong những tháng {{đầu năm 2024|2024-01-01|year}}, tín dụng chính sách có nhiều chuyển biến.\n"
     "Đến {{30/6|2024-06-30}}, chi nhánh đã cho vay [[*640 tỷ đồng|VND]].", "vi", dt.date(2024, 1, 1)),
    # The text's opening lead frames a paragraph further on.
    (NGHE + "Results for {{the first months of 2024|2024-01-01|year}} were reviewed at the branch's meeting.\n"
     "Staff visited every commune.\nBy {{June 30|2024-06-30}}, the branch had lent [[*VND 640 billion|VND]].",
     "en", dt.date(2024, 1, 1)),
    # A stock compared with the start of the year frames the flows of the next paragraph.
    ("Tin Nghệ An\nĐến {{30/6/2024|2024-06-30}}, tổng dư nợ đạt [[7.350 tỷ đồng|VND]], tăng 280 tỷ đồng so với "
     "{{đầu năm|2024-01-01|year}}.\nTrong kỳ, chi nhánh đã cho vay [[*1.120 tỷ đồng|VND]].", "vi", dt.date(2024, 1, 1)),
    # Not: the year so far of another year, a period ending months away, a span opening a year before.
    ("Tin Nghệ An\nKế hoạch năm 2025, chi nhánh sẽ giải ngân sớm từ {{đầu năm 2025|2025-01-01|year}}.\n"
     "Tính đến {{30/9/2024|2024-09-30}}, doanh số cho vay đạt [[*870 tỷ đồng|VND]].", "vi", None),
    (NGHE + "{{The first six months of 2024|2024-01-01..2024-06-30|month}} were busy for the branch.\n"
     "By {{October 31|2024-10-31}}, the branch had lent [[*VND 640 billion|VND]].", "en", None),
    (NGHE + "In {{2023|2023-01-01..2023-12-31}} and {{the first quarter of 2024|2024-01-01..2024-03-31|quarter}}, "
     "the branch worked hard.\nBy {{March 31|2024-03-31}}, the branch had lent [[*VND 640 billion|VND]].", "en", None),
    # Not a flow whose sentence adds up over more than the year (cumulative, over the years).
    ("Tin Nghệ An\nĐến {{30/9/2024|2024-09-30}}, tổng dư nợ đạt [[7.350 tỷ đồng|VND]], tăng 250 tỷ đồng so với "
     "{{đầu năm|2024-01-01|year}}.\nLũy kế đến {{30/9/2024|2024-09-30}}, chi nhánh đã cho vay [[*3.100 tỷ đồng|VND]].",
     "vi", None),
    (NGHE + "By {{September 30, 2024|2024-09-30}}, total capital stood at [[VND 8,050 billion|VND]], up VND 330 billion "
     "compared to {{the start of the year|2024-01-01|year}}.\nOver the years, the branch has lent "
     "[[*VND 21,000 billion|VND]].", "en", None),
    ("Tin Nghệ An\nĐến {{30/9/2024|2024-09-30}}, tổng dư nợ đạt [[7.350 tỷ đồng|VND]], tăng 250 tỷ đồng so với "
     "{{đầu năm|2024-01-01|year}}.\nĐến {{30/9/2024|2024-09-30}}, chi nhánh đã cho vay [[*9.400 tỷ đồng|VND]] kể từ "
     "khi nhận bàn giao.", "vi", None),
    # Not a bare start of the year, the date of one household's loan.
    ("Tin Nghệ An\n{{Đầu năm 2024|2024-01-01|year}}, gia đình anh Lò Văn Sáng vay 60 triệu đồng mua bò giống.\n"
     "Đến {{30/9/2024|2024-09-30}}, chi nhánh đã cho vay [[*1.150 tỷ đồng|VND]].", "vi", None),
    (NGHE + "In {{early 2024|2024-01-01|year}}, Mr. Vi Van Thanh took a VND 70 million loan for his pig farm.\n"
     "By {{September 30|2024-09-30}}, the branch had lent [[*VND 1,150 billion|VND]].", "en", None),
    # Not a comparison two paragraphs back, past the text's opening.
    (NGHE + "The branch held its review meeting.\nBy {{June 30, 2024|2024-06-30}}, total capital stood at "
     "[[VND 8,050 billion|VND]], up VND 330 billion compared to {{the start of the year|2024-01-01|year}}.\n"
     "Staff visited every commune.\nBy {{September 30|2024-09-30}}, the branch had lent [[*VND 1,150 billion|VND]].",
     "en", None),
])
def test_flow_dated_at_a_day_of_a_year_so_far(markup: str, lang: str, start: dt.date | None) -> None:
    obs = observe(markup, lang=lang, published=dt.date(2024, 11, 20))
    assert obs is not None
    assert obs.period_start == start, obs.rules


@pytest.mark.parametrize(("markup", "lang", "baseline"), [
    # A level against the same period a year earlier: its own day, one year back.
    (NGHE + "As of {{March 31, 2025|2025-03-31}}, outstanding loans were [[VND 4,020 billion|VND]], "
     "[[VND 260 billion|VND|260000000000|increase]] more than over the same period last year.", "en", dt.date(2024, 3, 31)),
    ("Tin Nghệ An\nĐến {{31/3/2025|2025-03-31}}, tổng dư nợ đạt [[4.020 tỷ đồng|VND]], tăng "
     "[[260 tỷ đồng|VND|260000000000]] so cùng kỳ năm trước.", "vi", dt.date(2024, 3, 31)),
    # A flow against last year's same period dates no baseline day (not the end of last year).
    (NGHE + "In {{the first quarter of 2025|2025-01-01..2025-03-31|quarter}}, the branch lent [[VND 700 billion|VND]], "
     "up [[VND 90 billion|VND|90000000000|increase]] over the same period last year.", "en", None),
    # A named year after the same period: the level's own day in that year.
    ("Tin Nghệ An\nĐến {{31/3/2025|2025-03-31}}, tổng dư nợ đạt [[4.020 tỷ đồng|VND]], tăng "
     "[[260 tỷ đồng|VND|260000000000]] so với cùng kỳ {{năm 2023|2023-01-01..2023-12-31}}.", "vi", dt.date(2023, 3, 31)),
    # A level dated by the publication ("currently"): no day of the text's a year back.
    ("Tin Nghệ An\nHiện nay, tổng nguồn vốn đạt [[6.480 tỷ đồng|VND]], tăng [[530 tỷ đồng|VND|530000000000]] so với "
     "cùng kỳ năm trước.", "vi", None),
    (NGHE + "At present, total capital amounts to [[VND 6,480 billion|VND]], up [[VND 530 billion|VND|530000000000]] "
     "compared with the same period last year.", "en", None),
    # Other wordings of the same day a year back.
    ("Tin Nghệ An\nTính đến {{30/6/2025|2025-06-30}}, tổng nguồn vốn đạt [[6.480 tỷ đồng|VND]], tăng "
     "[[530 tỷ đồng|VND|530000000000]] so với cùng thời điểm năm trước.", "vi", dt.date(2024, 6, 30)),
    (NGHE + "At {{June 30, 2025|2025-06-30}}, total capital amounted to [[VND 6,480 billion|VND]], up "
     "[[VND 530 billion|VND|530000000000]] year-on-year.", "en", dt.date(2024, 6, 30)),
    (NGHE + "At {{June 30, 2025|2025-06-30}}, total capital amounted to [[VND 6,480 billion|VND]], up "
     "[[VND 530 billion|VND|530000000000]] from a year earlier.", "en", dt.date(2024, 6, 30)),
    (NGHE + "At {{June 30, 2025|2025-06-30}}, total capital amounted to [[VND 6,480 billion|VND]], "
     "[[VND 530 billion|VND|530000000000|increase]] higher than at the same time last year.", "en", dt.date(2024, 6, 30)),
    # The same period's comparison past another change is that change's.
    (NGHE + "At {{June 30, 2025|2025-06-30}}, total capital amounted to [[VND 6,480 billion|VND]], up "
     "[[VND 300 billion|VND|300000000000|increase]] in six months and [[VND 520 billion|VND|520000000000|increase]] "
     "over the same period last year.", "en", None),
])
def test_change_against_the_same_period_a_year_earlier(markup: str, lang: str, baseline: dt.date | None) -> None:
    obs = observe(markup, lang=lang, published=dt.date(2025, 4, 20))
    assert obs is not None
    assert obs.change_baseline == baseline, obs.rules


@pytest.mark.parametrize(("text", "lang", "baseline"), [
    # A change right before a since word is measured from that day, not from a later comparison.
    ("At June 30, 2025, total capital amounted to VND 6,480 billion, up VND 95 billion since the beginning of "
     "the year and VND 160 billion over the same period last year.", "en", dt.date(2025, 1, 1)),
    ("Tính đến 30/6/2025, tổng nguồn vốn đạt 6.480 tỷ đồng, tăng 95 tỷ đồng từ đầu năm và tăng 160 tỷ đồng so "
     "với cùng kỳ năm trước.", "vi", dt.date(2025, 1, 1)),
    # Not a year after the since word: its day is unsaid.
    ("At June 30, 2025, total capital amounted to VND 6,480 billion, up VND 2,900 billion since 2015.", "en", None),
])
def test_change_followed_by_a_since_day(text: str, lang: str, baseline: dt.date | None) -> None:
    ex = extract_text(text, lang=lang, published=dt.date(2025, 7, 20), title="Tin Nghệ An" if lang == "vi" else "Nghe An news")
    changes = [o for o in ex.observations if o.change_value is not None]
    assert changes, ex.observations
    assert changes[0].change_baseline == baseline, changes[0].rules


@pytest.mark.parametrize(("markup", "lang", "as_of"), [
    # A lead on the year so far dates a stock at the report's day, not on 1 January.
    (NGHE + "In {{the first months of 2024|2024-01-01|year}}, total capital of the branch climbed to "
     "[[VND 6,900 billion|VND]].", "en", dt.date(2024, 5, 15)),
    ("Tin Nghệ An\nCác tháng {{đầu năm 2024|2024-01-01|year}}, tổng nguồn vốn của chi nhánh tăng lên "
     "[[6.900 tỷ đồng|VND]].", "vi", dt.date(2024, 5, 15)),
    # A bare start of the year is a point.
    (NGHE + "At {{the start of 2024|2024-01-01|year}}, total capital of the branch stood at [[VND 6,900 billion|VND]].",
     "en", dt.date(2024, 1, 1)),
])
def test_stock_under_a_lead_on_the_year_so_far(markup: str, lang: str, as_of: dt.date) -> None:
    obs = observe(markup, lang=lang, published=dt.date(2024, 5, 15))
    assert obs is not None
    assert obs.as_of == as_of, obs.rules


QB = "Quang Binh news\n"  # a province the examples below are read in
VI_QB = "Tin Quảng Bình\n"


@pytest.mark.parametrize(("markup", "lang", "start"), [
    # a level later in the paragraph set against the start of the year: the paragraph reports the
    # year so far, the flow before it too
    (QB + "At {{May 31, 2023|2023-05-31}}, the office had disbursed [[VND 1,240 billion|VND]]. "
     "Deposits came to [[VND 610 billion|VND]], up [[VND 75 billion|VND|75000000000|increase]] "
     "compared to {{the beginning of the year|2023-01-01|year}}.", "en", dt.date(2023, 1, 1)),
    (VI_QB + "Tính đến {{31/5/2023|2023-05-31}}, doanh số cho vay là [[1.240 tỷ đồng|VND]]. Dư nợ đạt "
     "[[6.100 tỷ đồng|VND]], tăng [[75 tỷ đồng|VND|75000000000|increase]] so với {{đầu năm|2023-01-01|year}}.",
     "vi", dt.date(2023, 1, 1)),
    # the comparison stands in another paragraph: it frames nothing here
    (QB + "At {{May 31, 2023|2023-05-31}}, the office had disbursed [[VND 1,240 billion|VND]].\n"
     "Deposits came to [[VND 610 billion|VND]], up [[VND 75 billion|VND|75000000000|increase]] "
     "compared to {{the beginning of the year|2023-01-01|year}}.", "en", None),
])
def test_flow_in_a_paragraph_compared_later_with_the_year_start(markup: str, lang: str,
                                                                start: dt.date | None) -> None:
    obs = observe(markup, lang=lang, published=dt.date(2023, 6, 12))
    assert obs is not None
    assert (obs.period_start, obs.period_end) == (start, dt.date(2023, 5, 31)), obs.rules


@pytest.mark.parametrize(("markup", "lang", "published", "start"), [
    # a comparison with one of the bank's first years, long before the report's day: the paragraph
    # reviews the bank's life, and a flow in it dated only by that day runs from that year
    (QB + "At {{the end of 2016|2016-12-31|year}}, the office's loans to poor families came to [[VND 4,700 billion|"
     "VND]], up fivefold compared with {{2003|2003-01-01..2003-12-31}}. In all it has disbursed "
     "[[*VND 8,150 billion|VND]].", "en", dt.date(2017, 2, 3), dt.date(2003, 1, 1)),
    (VI_QB + "Đến {{cuối tháng 3/2019|2019-03-31|month}}, chi nhánh đã giải ngân [[*7.420 tỷ đồng|VND]]; dư nợ "
     "gấp 5 lần so với {{năm 2002|2002-01-01..2002-12-31}}, đạt [[4.610 tỷ đồng|VND]].",
     "vi", dt.date(2019, 4, 18), dt.date(2002, 1, 1)),
    # a year-on-year comparison with a first year, in a report of the next year: the year so far
    (VI_QB + "Đến {{cuối tháng 3/2004|2004-03-31|month}}, chi nhánh đã giải ngân [[*142 tỷ đồng|VND]]; dư nợ "
     "tăng [[38 tỷ đồng|VND|38000000000|increase]] so với {{năm 2003|2003-01-01..2003-12-31}}.",
     "vi", dt.date(2004, 4, 18), dt.date(2004, 1, 1)),
    # set against a recent year: the report's year so far, as before
    (VI_QB + "Đến {{cuối tháng 3/2019|2019-03-31|month}}, chi nhánh đã giải ngân [[*742 tỷ đồng|VND]]; dư nợ "
     "tăng [[210 tỷ đồng|VND|210000000000|increase]] so với {{năm 2017|2017-01-01..2017-12-31}}.",
     "vi", dt.date(2019, 4, 18), dt.date(2019, 1, 1)),
])
def test_flow_in_a_paragraph_compared_with_the_first_years(markup: str, lang: str, published: dt.date,
                                                            start: dt.date) -> None:
    obs = observe(markup, lang=lang, published=published)
    assert obs is not None
    assert obs.period_start == start, obs.rules


def test_a_stated_frame_start_outlasts_a_comparison_with_the_first_years() -> None:
    # the frame states its own start; a later comparison with the bank's first years moves it not
    markup = (QB + "From {{March 1, 2016|2016-03-01}} to {{September 30, 2023|2023-09-30}}, the office lent "
              "[[VND 3,900 billion|VND]] to poor families.\nIts lending turnover reached [[*VND 1,050 billion|VND]], "
              "[[20 times|times|20]] more than in {{2003|2003-01-01..2003-12-31}}.")
    obs = observe(markup, lang="en", published=dt.date(2023, 10, 20))
    assert obs is not None
    assert (obs.period_start, obs.period_end) == (dt.date(2016, 3, 1), dt.date(2023, 9, 30)), obs.rules


@pytest.mark.parametrize(("markup", "measure", "period"), [
    # a span opening the paragraph that was still running at the publication: the flows the
    # paragraph gives no date of their own run from its start up to the publication
    (VI_QB + "Trong {{giai đoạn 2016-2020|2016-01-01..2020-12-31}}, chi nhánh mở rộng mạng lưới ở các xã vùng cao. "
     "Vốn vay giúp nhiều gia đình có việc làm. Tổng số tiền đã giải ngân là [[*2.180 tỷ đồng|VND]].",
     "flow", (dt.date(2016, 1, 1), dt.date(2019, 8, 14))),
    # a level there holds at the publication
    (VI_QB + "Trong {{giai đoạn 2016-2020|2016-01-01..2020-12-31}}, chi nhánh mở rộng mạng lưới ở các xã vùng cao. "
     "Vốn vay giúp nhiều gia đình có việc làm. Dư nợ hiện là [[*3.640 tỷ đồng|VND]].",
     "stock", dt.date(2019, 8, 14)),
    # a span closed before the publication keeps its own end
    (VI_QB + "Trong {{giai đoạn 2011-2015|2011-01-01..2015-12-31}}, chi nhánh mở rộng mạng lưới ở các xã vùng cao. "
     "Vốn vay giúp nhiều gia đình có việc làm. Tổng số tiền đã giải ngân là [[*2.180 tỷ đồng|VND]].",
     "flow", (dt.date(2011, 1, 1), dt.date(2015, 12, 31))),
    # a plan's span (a goal word in its sentence) reports nothing done: only the publication dates
    (VI_QB + "Trong {{giai đoạn 2016-2020|2016-01-01..2020-12-31}}, tỉnh phấn đấu giảm nghèo bền vững ở các xã. "
     "Vốn vay giúp nhiều gia đình có việc làm. Tổng số tiền đã giải ngân là [[*2.180 tỷ đồng|VND]].",
     "flow", (None, dt.date(2019, 8, 14))),
])
def test_figures_under_a_span_running_at_the_publication(markup: str, measure: str, period: Any) -> None:
    obs = observe(markup, lang="vi", published=dt.date(2019, 8, 14))
    assert obs is not None
    if measure == "stock":
        assert (obs.period_start, obs.as_of) == (None, period), obs.rules
    else:
        assert (obs.period_start, obs.period_end) == period, obs.rules


@pytest.mark.parametrize(("markup", "lang", "start"), [
    # a text reviewing eight years of a dated decision: a flow dated only by the report's day runs
    # from that decision, not over the report's year
    (QB + "Officials reviewed eight years of implementing <<Decision 15/2013/QD-TTg|15/2013/QĐ-TTg|2013-03-25>> "
     "at a meeting on Friday.\nBy {{the end of May 2021|2021-05-31|month}}, the office had lent "
     "[[*VND 1,930 billion|VND]].", "en", dt.date(2013, 3, 25)),
    (VI_QB + "Hội nghị tổng kết 8 năm thực hiện <<Quyết định 15/2013/QĐ-TTg|15/2013/QĐ-TTg|2013-03-25>> diễn ra "
     "chiều qua.\nĐến {{hết tháng 5/2021|2021-05-31|month}}, chi nhánh đã cho vay [[*1.930 tỷ đồng|VND]].",
     "vi", dt.date(2013, 3, 25)),
    # a meeting that reviews no count of years: the report's year so far
    (QB + "Officials met on Tuesday to discuss how the decision is carried out.\nBy {{the end of May 2021|"
     "2021-05-31|month}}, the office had lent [[*VND 193 billion|VND]].", "en", dt.date(2021, 1, 1)),
])
def test_flow_at_a_report_day_in_a_review_of_years(markup: str, lang: str, start: dt.date) -> None:
    obs = observe(markup, lang=lang, published=dt.date(2021, 6, 9))
    assert obs is not None
    assert (obs.period_start, obs.period_end) == (start, dt.date(2021, 5, 31)), obs.rules


@pytest.mark.parametrize(("markup", "lang", "period"), [
    # a report's day opens the sentence; the flow's own clause states its period after it
    (QB + "At {{March 31, 2021|2021-03-31}}, deposits stood at [[VND 2,815 billion|VND]], while the office "
     "lent to [[*8,400 families|households]] in {{the first quarter|2021-01-01..2021-03-31}}.",
     "en", (dt.date(2021, 1, 1), dt.date(2021, 3, 31))),
    (VI_QB + "Tính đến {{31/3/2021|2021-03-31}}, dư nợ đạt [[2.815 tỷ đồng|VND]], phòng giao dịch đã cho vay "
     "[[*8.400 hộ|households]] {{quý I|2021-01-01..2021-03-31}}.",
     "vi", (dt.date(2021, 1, 1), dt.date(2021, 3, 31))),
    # a period that runs past the day is a plan's or the year's, not what the day closes
    (QB + "At {{March 31, 2021|2021-03-31}}, deposits stood at [[VND 2,815 billion|VND]], while the office "
     "lent to [[*8,400 families|households]] of the plan for {{2021|2021-01-01..2021-12-31}}.",
     "en", (None, dt.date(2021, 3, 31))),
])
def test_flow_period_after_it_under_a_report_day(markup: str, lang: str, period: Any) -> None:
    obs = observe(markup, lang=lang, published=dt.date(2021, 4, 8))
    assert obs is not None
    assert (obs.period_start, obs.period_end) == period, obs.rules


def test_a_flow_period_glued_under_a_report_day_is_the_reports_own() -> None:
    # the period glued to the flow under a report's day is the report's own, no point of history
    markup = (VI_QB + "Tính đến {{31/3/2021|2021-03-31}}, dư nợ đạt [[2.815 tỷ đồng|VND]], phòng giao dịch đã cho "
              "vay [[*8.400 hộ|households]] {{quý I|2021-01-01..2021-03-31}}.")
    obs = observe(markup, lang="vi", published=dt.date(2021, 4, 8))
    assert obs is not None
    assert (obs.period_start, obs.period_end) == (dt.date(2021, 1, 1), dt.date(2021, 3, 31)), obs.rules
    assert "glued" not in obs.rules["date"], obs.rules


@pytest.mark.parametrize(("markup", "lang", "start"), [
    # N years of a document the text does not date: a count of years up to the report's date,
    # not the period of the report stated before
    (VI_QB + "{{Quý I năm 2022|2022-01-01..2022-03-31}}, chi nhánh giải ngân [[415 tỷ đồng|VND]]. "
     "Qua 7 năm thực hiện Nghị quyết 12, chi nhánh đã giải ngân [[*5.300 tỷ đồng|VND]].", "vi", dt.date(2016, 1, 1)),
    (QB + "After seven years of implementing Resolution 12, the office has disbursed [[*VND 5,300 billion|VND]].",
     "en", dt.date(2016, 1, 1)),
    # an approximate count names no year
    (VI_QB + "Qua hơn 7 năm thực hiện Nghị quyết 12, chi nhánh đã giải ngân [[*5.300 tỷ đồng|VND]].", "vi", None),
    # a count of none would start after the report's date: no start
    (QB + "After 0 years of implementing Resolution 12, the office has disbursed [[*VND 5,300 billion|VND]].",
     "en", None),
])
def test_flow_over_years_of_an_undated_document(markup: str, lang: str, start: dt.date | None) -> None:
    obs = observe(markup, lang=lang, published=dt.date(2022, 4, 27))
    assert obs is not None
    assert obs.period_start == start, obs.rules
    assert obs.period_end is None or obs.period_start is None or obs.period_start <= obs.period_end


def test_stock_allocated_and_stated_at_a_day_is_a_level() -> None:
    # a flow word before a level verb, at a day: the capital allocated so far, a level at that day
    markup = (QB + "At {{March 31, 2021|2021-03-31}}, capital allocated from the district budget to the "
              "office stood at [[VND 360 billion|VND]].")
    obs = observe(markup, lang="en", published=dt.date(2021, 4, 8))
    assert obs is not None
    assert (obs.as_of, obs.period_start) == (dt.date(2021, 3, 31), None), obs.rules


BG = "Bank lending notes\nBy staff\n"


@pytest.mark.parametrize(("markup", "lang", "published", "province", "boundaries", "part"), [
    # a merged-away province's own branch totals stay the old area, even when the text speaks from
    # after the merger: they are no figures of the whole new province
    (BG + "Since the two-level local government began, the Social Policy Bank branch in Bac Giang has "
     "kept lending. Its outstanding loans reached [[VND 9,700 billion|VND]].", "en", None,
     "Bắc Giang", "pre-2025", None),
    (BG + "Since the two-level local government began, the Social Policy Bank branch in Bac Giang has "
     "kept lending. Its outstanding loans reached [[VND 9,700 billion|VND]].", "en", PUB,
     "Bắc Giang", "pre-2025", None),
    # a province the text marks "(old)" is never moved, whatever else the text names
    (BG + "With the two-level local government in place, the branch of the Social Policy Bank in "
     "Bac Giang (old) now runs as an area office of Bac Ninh. Its outstanding loans reached "
     "[[VND 9,700 billion|VND]].", "en", PUB, "Bắc Giang", "pre-2025", None),
    # the text names the new province the old branch now belongs to: the new province's
    (BG + "With the two-level local government in place, the Social Policy Bank branch in Bac Giang, "
     "now part of Bac Ninh province, kept its network. Its outstanding loans reached "
     "[[VND 9,700 billion|VND]].", "en", PUB, "Bắc Ninh", "2025", None),
    # one district's transaction office of a merged-away province, undated: the new province's
    # area part, even where the text marks the old province
    (BG + "Từ khi chính quyền địa phương hai cấp đi vào hoạt động, Phòng giao dịch NHCSXH huyện Lục "
     "Ngạn (tỉnh Bắc Giang cũ) vẫn phục vụ người vay ở các xã. Dư nợ của Phòng giao dịch NHCSXH huyện "
     "Lục Ngạn đạt [[1.250 tỷ đồng|VND]].", "vi", None, "Bắc Ninh", "2025", "Lục Ngạn"),
    # a unit that kept its name is itself either way
    (BG + "Under the two-level local government, the Social Policy Bank branch in Nghe An met on "
     "Friday. Its outstanding loans reached [[VND 13,100 billion|VND]].", "en", None, "Nghệ An", None, None),
])
def test_a_post_merger_text_of_a_merged_away_province(markup: str, lang: str, published: dt.date | None,
                                                      province: str, boundaries: str | None,
                                                      part: str | None) -> None:
    """A text that speaks from after the 2025 merger (rules/provinces.yaml ``post_merger_cues``)
    about a province merged into another files a district office's figures under the new province
    as its area parts, and the old branch's own totals under the new province only when it names
    that province; otherwise, and always under an "(old)" marker, the old area with its old
    boundaries."""
    ex, focus = build(markup, lang=lang, published=published)
    linked = link(ex)
    found = [o for o in linked.observations if o.start == focus]
    assert found, linked.observations
    assert (found[0].province, found[0].boundaries) == (province, boundaries)
    assert (found[0].part if found[0].part_of == "area" else None) == part


@pytest.mark.parametrize(("text", "province"), [
    # the whole bank meets with a purpose clause before the venue: the city is only where it met
    ("Board members of the Vietnam Bank for Social Policies gathered for a seminar to agree on targets "
     "for the coming quarter in Da Nang on Friday. Total capital reached VND 410,000 billion.", "national"),
    # a branch hosts the meeting: the city is the branch's own
    ("The Social Policy Bank branch held a conference to honour its best savings groups and their team "
     "leaders in Ninh Binh city on Monday. Total capital reached VND 6,400 billion.", "Ninh Bình"),
    # words of lending and whom it reaches before the place: the place is whose lending is told
    ("On Thursday the Social Policy Bank convened a workshop to weigh up lending to ethnic minority "
     "households over five years in Dien Bien province. Total capital reached VND 7,700 billion.",
     "Điện Biên"),
])
def test_a_meetings_purpose_clause_keeps_its_venue_a_venue(text: str, province: str) -> None:
    """A place after a meeting word and a purpose clause is where the meeting was held
    (rules/linking.yaml reaches.venue), unless a branch hosts the meeting or the clause speaks of
    lending and its borrowers (rules/scope.yaml ``venue_host``, ``venue_scoped``)."""
    title = "Policy lending roundup"
    ex = extract_text(title + "\n\n" + text, lang="en", published=PUB, title=title)
    assert ex.document.province == province


@pytest.mark.parametrize(("markup", "part_of"), [
    ("Nghe An news\nBy June the Lao Cai branch had lent [[VND 38 billion|VND]] to pay wages of 8,600 workers.", "programme"),
    # A second recipient joined before the purpose: the amount went to both, a total.
    ("Nghe An news\nIn {{2021|2021-01-01..2021-12-31}} the Lao Cai branch lent [[VND 1,390 billion|VND]] to 26,000 "
     "households and to 180 companies to pay wages.", None),
    ("Nghe An news\nIn {{2021|2021-01-01..2021-12-31}} the Lao Cai branch lent VND 1,390 billion to [[26,000 "
     "households|households]] and to 180 companies to pay wages.", None),
])
def test_a_programme_named_after_a_second_recipient_is_not_the_amounts(markup: str, part_of: str | None) -> None:
    """An amount (or its count of borrowers) followed by its programme's name is that programme's part,
    unless another recipient is joined ("and to …") before the name: then it names only that one's."""
    obs = observe(markup, lang="en", published=PUB)
    assert obs is not None and obs.part_of == part_of, (obs.part_of, obs.part, obs.rules)
