"""The HTML and PDF gold files keep the contract of ``corpus/gold/GUIDELINES.md``.

Their ``text`` anchors are checked against what a reader of the page sees, computed here without
the product's parser: an HTML page's markup minus its scripts and the regions the fixture marks
as site chrome or captions; a PDF's characters (a line drawn twice read once), whole page and
column by column.
"""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from lxml import html as lxml_html

from extractor import evaluation as ev
from helpers.goldcontract import GOLD, UNITS, indicator_kinds
from helpers.sites import ROOT

FORMAT_FOLDERS = {"html": GOLD / "html", "pdf": GOLD / "pdf"}
GOLD_FILES = sorted(p for folder in FORMAT_FOLDERS.values() for p in folder.glob("*.yaml"))
IDS = [f"{p.parent.name}/{p.name}" for p in GOLD_FILES]
NOT_ARTICLE = '//*[@data-fx="chrome" or @data-fx="caption"] | //script | //style | //head'


def _squash(text: str) -> str:
    return " ".join(text.split())


def html_reader_text(path: Path) -> list[str]:
    """The article as a reader sees it: the page without scripts, site chrome and captions."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")  # a fixture declares another charset than its bytes
    except UnicodeDecodeError:
        text = raw.decode("cp1258")
    tree = lxml_html.document_fromstring(re.sub(r"<\?xml[^>]*>", "", text))
    for element in tree.xpath(NOT_ARTICLE):
        element.drop_tree()
    return [_squash(tree.text_content())]


def scanned_text() -> dict[str, dict[int, list[str]]]:
    """The lines the fixture generator drew on each scanned page (a reader reads the image)."""
    spec = importlib.util.spec_from_file_location("make_fixture_pdfs", ROOT / "scripts" / "make_fixture_pdfs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return dict(module.SCANNED_TEXT)


def pdf_reader_text(path: Path) -> list[str]:
    """Each page whole, and its left and right halves (a two-column page reads column by column);
    a scanned page as the lines printed on its image."""
    views = []
    scans = scanned_text().get(path.name, {})
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            if number in scans:
                views += [_squash(" ".join(scans[number]))] * 2
                continue
            page = page.dedupe_chars()
            half = page.width / 2
            views.append(_squash(page.extract_text() or ""))
            views.append(" ".join(_squash(page.crop(box).extract_text() or "")
                                  for box in ((0, 0, half, page.height), (half, 0, page.width, page.height))))
    return views


def reader_views(case: ev.GoldCase) -> list[str]:
    return html_reader_text(case.text_path) if case.format == "html" else pdf_reader_text(case.text_path)


def occurrences(views: list[str], anchor: str) -> int:
    """How often the anchor occurs: per page, in whichever reading (whole or by column) has more."""
    anchor = _squash(anchor)
    if len(views) == 1:
        return views[0].count(anchor)
    return sum(max(whole.count(anchor), columns.count(anchor))
               for whole, columns in zip(views[::2], views[1::2], strict=True))


@pytest.fixture(scope="module", params=GOLD_FILES, ids=IDS)
def case(request: pytest.FixtureRequest) -> ev.GoldCase:
    return ev.load_case(request.param)


def test_html_and_pdf_gold_exists() -> None:
    cases = [ev.load_case(p) for p in GOLD_FILES]
    assert sum(c.format == "html" for c in cases) >= 5
    assert sum(c.format == "pdf" for c in cases) >= 3


def test_each_gold_file_annotates_a_fixture_of_its_folder(case: ev.GoldCase) -> None:
    assert case.format == case.path.parent.name
    assert "fixtures" in case.text_path.parts


def test_html_gold_states_title_and_date(case: ev.GoldCase) -> None:
    """Title and publication date are part of a page's contract: the gold gives both."""
    if case.format == "html":
        assert case.gold.title and case.gold.published


def test_anchors_occur_as_often_as_listed(case: ev.GoldCase) -> None:
    views = reader_views(case)
    listed: Counter[str] = Counter()
    for entry in [*case.gold.figures, *case.gold.dates, *case.gold.legal_refs]:
        listed[entry.text] += 1
    problems = [f"{text!r}: listed {n}, the reader sees {occurrences(views, text)}"
                for text, n in listed.items() if occurrences(views, text) < n]
    assert not problems, f"{case.name}: {problems}"


def test_units_fit_their_kind(case: ev.GoldCase) -> None:
    kinds = indicator_kinds()
    problems = [f"{f.text!r}: {f.unit} for {f.kind}" for f in case.gold.figures
                if f.unit not in UNITS[f.kind]]
    problems += [f"{o.indicator}: {o.unit}" for o in case.gold.observations
                 if o.indicator not in kinds or o.unit not in UNITS.get(kinds[o.indicator], set())]
    assert not problems, f"{case.name}: {problems}"


def test_vnd_is_whole_dong(case: ev.GoldCase) -> None:
    values: list[Any] = [f for f in case.gold.figures if f.unit.startswith("VND")]
    values += [o for o in case.gold.observations if o.unit.startswith("VND")]
    assert all(v.value == v.value.to_integral_value() for v in values), case.name


def test_every_mention_of_a_legal_document_has_its_issue_date(case: ev.GoldCase) -> None:
    issued: dict[str, set[Any]] = {}
    for ref in case.gold.legal_refs:
        issued.setdefault(ref.id, set()).add(ref.issued)
    assert all(len(dates) == 1 for dates in issued.values()), f"{case.name}: {issued}"
