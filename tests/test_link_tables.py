"""Linking administrative documents and their tables: the examples of rules/documents.yaml, then
the fixture PDFs' table cells as observations (indicator, key date, status, province, parts),
their sections and issuers, scored against the gold's table-cell observations.

Gold (corpus/gold/pdf) is written by reading; a table cell's gold observation carries the cell as
printed in ``text``. Issue 15's target: table-cell observations F1 ≥ 0.95 with the right status
and as_of.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from extractor import evaluation as ev
from extractor.link.documents import DocumentRules, has_word, heading, opens_with, total_row
from extractor.models import Extraction, Observation
from extractor.parse import load_path
from extractor.pipeline import process
from extractor.registry.bundle import bundled
from helpers.goldcontract import GOLD
from helpers.sites import PDFS

RULES: DocumentRules = bundled().documents
BARE_CELL = re.compile(r"[<>≤≥]?\s*[\d.,]+")
NEW_FIXTURES = ("ke-hoach-lang-son", "bao-cao-cao-bang", "quang-ninh-unit-caption", "thong-bao-dien-bien-scan")


# --- the rule file's examples -------------------------------------------------------------------


def _words(name: str, words: dict[str, list]) -> list[tuple[str, str, str, str, bool]]:
    return [(name, lang, w.word, text, polarity) for lang, entries in words.items() for w in entries
            for polarity, texts in ((True, w.examples.pos), (False, w.examples.neg)) for text in texts]


CONTAINS = (_words("key_status:target", RULES.key_status["target"])
            + _words("key_status:actual", RULES.key_status["actual"])
            + _words("partial_captions", RULES.partial_captions) + _words("change_headers", RULES.change_headers)
            + _words("national_issuers", RULES.national_issuers))
TOTALS = _words("total_rows", RULES.total_rows)
OPENS = (_words("sections:target", RULES.sections["target"]) + _words("sections:report", RULES.sections["report"])
         + [w for kind, words in RULES.breakdown_columns.items() for w in _words(f"breakdown:{kind}", words)])


@pytest.mark.parametrize(("table", "lang", "word", "text", "decides"), CONTAINS)
def test_words_a_text_holds(table: str, lang: str, word: str, text: str, decides: bool) -> None:
    """A positive text holds the entry's word; a negative one holds none of its list's words."""
    words = _table(table)
    found = has_word(words, lang, text)
    assert (found == word) if decides else found is None


@pytest.mark.parametrize(("table", "lang", "word", "text", "decides"), OPENS)
def test_words_a_text_opens_with(table: str, lang: str, word: str, text: str, decides: bool) -> None:
    words = _table(table)
    opened = heading(text)[1] if table.startswith("sections") and heading(text) else text
    found = opens_with(words, lang, opened)
    assert (found == word) if decides else found is None


@pytest.mark.parametrize(("table", "lang", "word", "text", "decides"), TOTALS)
def test_total_rows(table: str, lang: str, word: str, text: str, decides: bool) -> None:
    found = total_row(RULES, lang, text)
    assert (found == word) if decides else found is None


def _table(name: str) -> dict[str, list]:
    first, _, second = name.partition(":")
    value = getattr(RULES, first if first != "breakdown" else "breakdown_columns")
    return value[second] if second else value


DOC_TYPES = [(kind, field, w.word, text, polarity) for kind, entry in RULES.doc_types.items()
             for field in ("words", "codes") for w in getattr(entry, field)
             for polarity, texts in ((True, w.examples.pos), (False, w.examples.neg)) for text in texts]


@pytest.mark.parametrize(("kind", "field", "word", "text", "decides"), DOC_TYPES)
def test_document_types(kind: str, field: str, word: str, text: str, decides: bool) -> None:
    if field == "words":
        matched = text.upper().startswith(word.upper())
    else:
        matched = text.split("/", 1)[1].split("-", 1)[0].lower() == word.lower()
    assert matched is decides


NOTES = [(n.pattern, e.text, e.day, e.month) for n in RULES.balance_notes for e in n.examples.pos]
NOT_NOTES = [(n.pattern, text) for n in RULES.balance_notes for text in n.examples.neg]


@pytest.mark.parametrize(("pattern", "text", "day", "month"), NOTES)
def test_balance_note(pattern: str, text: str, day: int, month: int) -> None:
    found = re.search(pattern, text, re.IGNORECASE)
    assert found and (int(found["day"]), int(found["month"])) == (day, month)


@pytest.mark.parametrize(("pattern", "text"), NOT_NOTES)
def test_no_balance_note(pattern: str, text: str) -> None:
    assert re.search(pattern, text, re.IGNORECASE) is None


@pytest.mark.parametrize(("line", "level"), [("II. MỤC TIÊU", 1), ("1. Kết quả qua các năm", 2),
                                             ("1.2. Dư nợ", 3), ("a) Nguồn vốn", 5), ("KẾ HOẠCH", 1)])
def test_headings(line: str, level: int) -> None:
    found = heading(line)
    assert found is not None and found[0] == level


@pytest.mark.parametrize("line", ["2. Mục tiêu cụ thể: phấn đấu đến năm 2030, tổng nguồn vốn tín dụng chính sách "
                                  "xã hội trên địa bàn tỉnh đạt 10.500 tỷ đồng.",
                                  "Tổng dư nợ đạt 7.182 tỷ đồng."])
def test_paragraphs_are_no_headings(line: str) -> None:
    assert heading(line) is None


# --- the fixtures ---------------------------------------------------------------------------------


def extracted(name: str) -> Extraction:
    registry = bundled()
    return process(load_path(PDFS / f"{name}.pdf", registry=registry), registry=registry)


@pytest.fixture(scope="module")
def outputs() -> dict[str, Extraction]:
    return {name: extracted(name) for name in NEW_FIXTURES}


def table_obs(ex: Extraction) -> list[Observation]:
    return [o for o in ex.observations if o.rules.get("indicator", "").startswith("table:") and o.part_of is None]


def find(ex: Extraction, text: str, indicator: str) -> list[Observation]:
    return [o for o in table_obs(ex) if o.text == text and o.indicator == indicator]


def test_plan_years_are_targets_at_each_year_end(outputs: dict[str, Extraction]) -> None:
    ex = outputs["ke-hoach-lang-son"]
    (capital,) = find(ex, "9.050", "total_capital")
    assert (capital.status, capital.as_of, capital.province, capital.boundaries) == \
        ("target", dt.date(2028, 12, 31), "Lạng Sơn", "2025")
    assert capital.rules["date"] == "table:key+note"  # "số dư tại thời điểm 31/12 hằng năm"
    (lending,) = find(ex, "3.400", "lending_turnover")
    assert (lending.period_start, lending.period_end) == (dt.date(2028, 1, 1), dt.date(2028, 12, 31))
    (ceiling, *_) = find(ex, "< 0,5", "overdue_debt_rate")
    assert (ceiling.qualifier, ceiling.value) == ("less_than", Decimal("0.5"))


def test_actual_row_and_total_row_of_a_plan(outputs: dict[str, Extraction]) -> None:
    ex = outputs["ke-hoach-lang-son"]
    (actual,) = find(ex, "7.215", "total_capital")
    assert (actual.status, actual.as_of, actual.boundaries) == ("actual", dt.date(2025, 6, 30), "pre-2025")
    (total,) = find(ex, "17.000", "lending_turnover")
    assert (total.status, total.period_start, total.period_end) == \
        ("target", dt.date(2026, 1, 1), dt.date(2030, 12, 31))
    assert not find(ex, "6.380", "total_capital")  # "Vốn Trung ương": no indicator


def test_issuer_names_the_province(outputs: dict[str, Extraction]) -> None:
    assert outputs["ke-hoach-lang-son"].document.province == "Lạng Sơn"
    assert outputs["bao-cao-cao-bang"].document.province == "Cao Bằng"
    obs = outputs["ke-hoach-lang-son"].observations
    assert {o.rules["province"] for o in obs} == {"document:issuer"}


def test_target_section_makes_prose_targets(outputs: dict[str, Extraction]) -> None:
    """ "- Tỷ lệ nợ quá hạn dưới 0,3% tổng dư nợ." under "II. MỤC TIÊU": a target with no date;
    "Đến 30/6/2025, …" under "I. KẾT QUẢ THỰC HIỆN": actuals."""
    ex = outputs["ke-hoach-lang-son"]
    (ceiling,) = [o for o in ex.observations if o.text == "dưới 0,3%"]
    assert (ceiling.status, ceiling.as_of, ceiling.period_end) == ("target", None, None)
    assert ceiling.rules["status"] == "section:target:mục tiêu"
    (result,) = [o for o in ex.observations if "7.215 tỷ" in o.text]
    assert (result.status, result.as_of) == ("actual", dt.date(2025, 6, 30))


def test_report_columns_of_years_and_its_plan(outputs: dict[str, Extraction]) -> None:
    ex = outputs["bao-cao-cao-bang"]
    (past,) = find(ex, "5.102", "total_capital")
    assert (past.status, past.as_of, past.boundaries) == ("actual", dt.date(2023, 12, 31), "pre-2025")
    (plan,) = find(ex, "6.000", "total_capital")
    assert (plan.status, plan.as_of, plan.rules["status"]) == ("target", dt.date(2025, 12, 31), "table-key:kế hoạch")
    (local,) = find(ex, "215", "local_entrusted_capital")  # "Trong đó: Vốn ngân sách địa phương ủy thác"
    assert local.as_of == dt.date(2022, 12, 31)


def test_programme_and_district_rows_are_parts(outputs: dict[str, Extraction]) -> None:
    ex = outputs["bao-cao-cao-bang"]
    parts = [o for o in ex.observations if o.part_of is not None]
    assert {o.part_of for o in parts} == {"programme", "area"}
    poor = [o for o in parts if o.text == "812,4"]
    assert poor and poor[0].part == "Cho vay hộ nghèo" and poor[0].as_of == dt.date(2025, 9, 30)
    (total,) = find(ex, "5.790.000", "outstanding_loans")  # "Toàn tỉnh", dated by the heading above
    assert (total.as_of, total.status) == (dt.date(2025, 9, 30), "actual")


def test_repeated_header_is_no_data(outputs: dict[str, Extraction]) -> None:
    ex = outputs["bao-cao-cao-bang"]
    (row,) = [o for o in ex.observations if o.text == "12,4"]  # the programmes' table, page 2
    assert row.part == "Cho vay người chấp hành xong án phạt tù" and row.indicator == "outstanding_loans"


# --- the score on the gold's table cells ----------------------------------------------------------


def gold_cells(name: str) -> list[ev.GoldObservation]:
    gold = ev.load_case(GOLD / "pdf" / f"{name}.yaml").gold
    return [o for o in gold.observations if o.text and BARE_CELL.fullmatch(o.text)]


def _key(o: ev.GoldObservation | Observation) -> tuple[object, ...]:
    return (o.indicator, o.province, Decimal(str(o.value)), o.text)


def test_table_cell_observations_meet_the_issue_target(outputs: dict[str, Extraction]) -> None:
    tp = fp = fn = 0
    right_status = right_date = pairs = 0
    for name, ex in outputs.items():
        gold = gold_cells(name)
        found = table_obs(ex)
        both = Counter(map(_key, gold)) & Counter(map(_key, found))
        tp, fp, fn = tp + sum(both.values()), fp + len(found) - sum(both.values()), fn + len(gold) - sum(both.values())
        for key in both:  # same key (five "< 0,5" ceilings): paired in the order they are printed
            for g, p in zip([o for o in gold if _key(o) == key], [o for o in found if _key(o) == key], strict=False):
                pairs += 1
                right_status += g.status == p.status
                right_date += (g.as_of, g.period_start, g.period_end) == (p.as_of, p.period_start, p.period_end)
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert tp >= 80 and f1 >= 0.95, (tp, fp, fn)
    assert right_status == pairs and right_date == pairs


def test_gold_cell_texts_are_printed_cells() -> None:
    for name in NEW_FIXTURES[:3]:
        text = load_path(PDFS / f"{name}.pdf", registry=bundled()).text
        cells = {c.strip() for line in text.splitlines() if " | " in line for c in line.split(" | ")}
        missing = [o.text for o in gold_cells(name) if o.text not in cells]
        assert not missing, (name, missing)


def test_pdf_package_modules_stay_small() -> None:
    package = Path(__file__).resolve().parents[1] / "extractor" / "parse" / "pdf"
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in package.glob("*.py")}
    assert sizes and max(sizes.values()) <= 500, sizes


def test_a_news_title_in_capitals_opens_no_section() -> None:
    """Sections are an official document's (or a PDF's): a news page's title in capitals that
    opens with "Kết quả" does not make its targets actuals."""
    from extractor.pipeline import extract_text

    ex = extract_text("KẾT QUẢ TÍN DỤNG CHÍNH SÁCH TỈNH CAO BẰNG\n\nNgân hàng Chính sách xã hội tỉnh Cao Bằng "
                      "phấn đấu đưa tỷ lệ nợ quá hạn xuống dưới 0,3% tổng dư nợ.", lang="vi",
                      published=dt.date(2025, 10, 1))
    (obs,) = [o for o in ex.observations if o.indicator == "overdue_debt_rate"]
    assert obs.status == "target" and not obs.rules["status"].startswith("section")
