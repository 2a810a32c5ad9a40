"""Issue 16 in a real headless Chromium: every point at 1366 and 390 px, in Vietnamese and English.

Each test runs four times (two widths × two languages). At every page it checks that the document
is no wider than the window (no sideways scroll on a phone) and that the page raised no error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from helpers.browser import chromium, served_corpus

WIDTHS = (1366, 390)
LANGS = ("vi", "en")

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with served_corpus(tmp_path_factory.mktemp("browser-i18n")) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


@pytest.fixture(params=[(w, lang) for w in WIDTHS for lang in LANGS], ids=lambda p: f"{p[0]}px-{p[1]}")
def tab(request: pytest.FixtureRequest, browser: Any, base_url: str) -> Iterator[Any]:
    width, lang = request.param
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN" if lang == "vi" else "en-GB",
                                  extra_http_headers={"Accept-Language": lang}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.errors = []
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.width, page.lang, page.base = width, lang, base_url
    yield page
    context.close()


def visit(page: Any, path: str) -> None:
    """Open a page and check it fits the window and raised nothing."""
    page.goto(page.base + path, wait_until="networkidle")
    assert page.locator("html").get_attribute("lang") == page.lang
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= page.width, f"{path}: {scroll}px wide in a {page.width}px window"
    squeezed = page.evaluate(SQUEEZED_CELLS)
    assert squeezed == [], f"{path}: table cells too narrow for their words: {squeezed}"
    assert page.errors == [], page.errors


# Words of data tables broken across lines (of up to 20 characters, so long addresses may wrap;
# hyphens and slashes may end a line; text for screen readers only is left out): a table squeezed
# into its box breaks '16.250 tỷ đồng' one letter a line. A word drawn on two lines is broken.
SQUEEZED_CELLS = """() => {
  const out = [];
  for (const cell of document.querySelectorAll('table.data td, table.data th')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest('.sr-only')) continue;
      for (const word of node.data.matchAll(/[^\\s\\/-]{2,20}/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (lines.size > 1) out.push(word[0]);
      }
    }
  }
  return out;
}"""


def words(page: Any, vi: str, en: str) -> str:
    return vi if page.lang == "vi" else en


def observation_path(page: Any) -> str:
    found = page.request.get(page.base + "/api/observations?province=Nghe+An&indicator=outstanding_loans"
                             "&from=2024-06-30&to=2024-06-30").json()["data"]["items"][0]
    return f"/observations/{found['id']}"


# 1 and 2: the language switch, and every page at the width without sideways scroll --------------

PAGES = ["/", "/provinces", "/search?q=" + quote("tổng dư nợ Nghệ An"), "/provinces/" + quote("Hà Nội"),
         "/provinces/" + quote("Ninh Bình"), "/indicators/outstanding_loans", "/observations",
         "/observations?roll_up=true", "/conflicts", "/api-docs",
         "/factcheck?text=" + quote("Tính đến 31/1/2024, tổng dư nợ của Nghệ An đạt 13.000 tỷ đồng.")]


def test_every_page_fits_the_window_in_the_chosen_language(tab: Any) -> None:
    for path in [*PAGES, observation_path(tab)]:
        visit(tab, path)
    document = tab.locator("#open-in-document").get_attribute("href")
    visit(tab, document)


def test_the_switch_changes_the_language_and_keeps_it(tab: Any) -> None:
    visit(tab, "/")
    other = "en" if tab.lang == "vi" else "vi"
    tab.locator(f"a.lang-switch[hreflang='{other}']").click()
    tab.wait_for_load_state("networkidle")
    assert tab.locator("html").get_attribute("lang") == other
    tab.goto(tab.base + "/provinces")
    assert tab.locator("html").get_attribute("lang") == other  # kept in the cookie
    assert tab.locator("h1").inner_text() == ("Các tỉnh" if other == "vi" else "Provinces")


def test_numbers_and_dates_follow_the_language(tab: Any) -> None:
    visit(tab, "/provinces/" + quote("Nghệ An"))
    text = tab.locator("#outstanding_loans").inner_text()
    assert words(tab, "13.357 tỷ đồng", "VND 13,357 billion") in text
    assert words(tab, "30/6/2024", "30 Jun 2024") in text
    assert tab.locator("#outstanding_loans canvas[data-drawn='true']").count() == 1


# 3: search ------------------------------------------------------------------------------------------

def test_search_reads_names_as_removable_chips_and_opens_results_at_their_sentence(tab: Any) -> None:
    visit(tab, "/")
    tab.fill("#q", "tong du no nghe an")
    tab.press("#q", "Enter")
    tab.wait_for_url(re.compile(r"/search\?q="))
    chips = tab.locator("li.chip[data-filter]")
    assert sorted(chips.evaluate_all("ns => ns.map(n => n.dataset.filter)")) == ["indicator", "province"]
    assert tab.locator("li.hit").count() >= 3
    order = tab.locator("p.order-note").inner_text()
    assert order and "newest" not in order.lower()
    sentence = tab.locator("li.hit p.sentence").first.inner_text()
    tab.locator("li.hit a.in-doc").first.click()
    tab.wait_for_url(re.compile(r"/documents/\w+\?s=\d+"))
    highlighted = tab.locator("#doctext .hl").evaluate_all("ns => ns.map(n => n.textContent).join('')")
    assert " ".join(highlighted.split()) == " ".join(sentence.split())
    box = tab.locator("#sentence").bounding_box()
    assert box is not None and -box["height"] <= box["y"] <= 900  # scrolled to the sentence
    tab.go_back()
    tab.locator("li.chip[data-filter='province'] a.remove").click()
    tab.wait_for_load_state("networkidle")
    assert tab.locator("li.chip[data-filter='province']").count() == 0
    assert tab.locator("li.chip[data-filter='indicator']").count() == 1
    visit(tab, "/search?q=" + quote("du 13,357 billion"))
    marks = tab.locator("mark.word").all_inner_texts()
    assert "13.357" in marks and "dụ" not in "".join(marks)


# 4: compare and trend ---------------------------------------------------------------------------

def test_the_ranking_sorts_and_draws_chosen_provinces_over_time(tab: Any) -> None:
    visit(tab, "/indicators/outstanding_loans?date=2024-12-31&window=12")
    assert tab.locator("p.window").get_attribute("data-window-start") == "2023-12-31"
    values = tab.locator("table.ranking tbody tr").evaluate_all("rs => rs.map(r => r.dataset.province)")
    assert values[0] == "Hà Nội"
    tab.locator("a.sort[data-sort='province']").click()
    tab.wait_for_load_state("networkidle")
    names = tab.locator("table.ranking tbody tr").evaluate_all("rs => rs.map(r => r.dataset.province)")
    assert sorted(names) == sorted(values) and names != values
    for box in tab.locator("table.ranking input[name='p']").element_handles():
        box.uncheck()
    tab.locator("table.ranking tr[data-province='Nghệ An'] input[name='p']").check()
    tab.locator("#draw").click()
    tab.wait_for_load_state("networkidle")
    assert tab.locator("#trend h2").inner_text().endswith("Nghệ An")
    assert tab.locator("canvas[data-chart='chart-trend'][data-drawn='true']").count() == 1
    assert tab.evaluate("document.documentElement.scrollWidth") <= tab.width


def test_a_province_leads_with_key_figures(tab: Any) -> None:
    visit(tab, "/provinces/" + quote("Hà Nội"))
    first = tab.locator(".keyfig").first.inner_text()
    assert words(tab, "Dư nợ", "Outstanding loans") in first and words(tab, "16.250", "16,250") in first
    themes = tab.locator("h2.theme").all_inner_texts()
    assert themes[0] == words(tab, "Cho vay", "Loans")


# 5: the fact-check ---------------------------------------------------------------------------------

def test_the_fact_check_gives_difference_nearest_latest_and_a_citation(tab: Any) -> None:
    visit(tab, "/factcheck")
    tab.fill("#text", "As of December 31, 2024, total outstanding loans of Hanoi reached VND 16,000 billion. "
                      "As of January 31, 2024, total outstanding loans of Nghe An reached VND 13,000 billion.")
    tab.click("#check")
    tab.wait_for_selector("section.check")
    assert tab.locator("section.check").evaluate_all("ns => ns.map(n => n.dataset.verdict)") == ["different",
                                                                                                 "not_found"]
    assert tab.locator("section.check.different .difference").inner_text() == words(tab, "−1,5%", "−1.5%")
    missing = tab.locator("section.check.not_found")
    assert missing.locator("h3").count() == 2 and missing.locator("blockquote.sentence").count() >= 2
    cite = missing.locator(".cite").first.inner_text()
    assert words(tab, "12.900 tỷ đồng", "VND 12,900 billion") in cite and words(tab, "truy cập", "retrieved") in cite
    assert tab.evaluate("document.documentElement.scrollWidth") <= tab.width


# 6: sources in words ---------------------------------------------------------------------------------

def test_an_observation_shows_its_reasons_in_words(tab: Any) -> None:
    visit(tab, observation_path(tab))
    reasons = tab.locator("ul.why").inner_text()
    assert words(tab, "theo", "from") in reasons and not re.search(r"\b(cue|sentence|document):", reasons)
    body = tab.locator("main").inner_text()
    assert "13357000000000" not in body and "13,357,000,000,000" not in body


# 7: CSV downloads ------------------------------------------------------------------------------------

def test_csv_downloads_are_named_after_what_they_hold(tab: Any) -> None:
    visit(tab, "/provinces/" + quote("Nghệ An"))
    with tab.expect_download() as info:
        tab.locator("#outstanding_loans a[download]").click()
    download = info.value
    assert download.suggested_filename == "nghe-an-outstanding_loans.csv"
    header = Path(download.path()).read_text(encoding="utf-8-sig").splitlines()[0]
    assert "sentence" in header and "source_url" in header
