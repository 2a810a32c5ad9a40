"""The web app in a real headless Chromium (Debian's /usr/bin/chromium driven by Playwright).

The app runs under uvicorn in a background thread on 127.0.0.1 (a free port), on a database
filled by ingesting the seeds and the web fixtures. Skipped when Chromium or Playwright is missing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from helpers.browser import chromium, served_corpus

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with served_corpus(tmp_path_factory.mktemp("browser")) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, extra_http_headers={"Accept-Language": "en"})
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    tab.errors = []  # console errors and uncaught exceptions: CSP violations land here
    tab.on("console", lambda m: tab.errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: tab.errors.append(str(e)))
    tab.dialogs = []
    tab.on("dialog", lambda d: (tab.dialogs.append(d.message), d.dismiss()))
    yield tab
    context.close()


def test_search_then_observation_then_its_sentence_highlighted_in_the_document(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/")
    page.fill("#q", "du no Nghe An")
    page.press("#q", "Enter")
    page.wait_for_url(re.compile(r"/search\?q="))
    first = page.locator("a.obs-link").first
    first.click()
    page.wait_for_url(re.compile(r"/observations/\d+$"))
    sentence = page.locator("blockquote.sentence").inner_text().strip()
    figure = page.locator("blockquote.sentence mark.fig").inner_text().strip()
    page.click("#open-in-document")
    page.wait_for_url(re.compile(r"/documents/\w+\?obs=\d+"))
    highlighted = page.locator("#doctext .hl").evaluate_all("nodes => nodes.map(n => n.textContent).join('')")
    assert " ".join(highlighted.split()) == " ".join(sentence.split())
    page.locator("#doctext .hl a.fig", has_text=figure).first.click()
    panel = page.locator("#panel-body")
    assert figure in panel.inner_text() and "Indicator" in panel.inner_text()
    assert page.errors == []


def test_factcheck_one_supported_one_different(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/factcheck")
    page.fill("#text", "Nghe An's outstanding loans reached VND 13,357 billion by June 30, 2024. "
                       "As of December 31, 2024, total outstanding loans of Hanoi reached VND 16,000 billion.")
    page.click("#check")
    page.wait_for_selector("section.check")
    verdicts = page.locator("section.check").evaluate_all("nodes => nodes.map(n => n.dataset.verdict)")
    assert verdicts == ["supported", "different"]
    different = page.locator("section.check.different")
    assert "VND 16,250 billion" in different.locator(".recorded").first.inner_text()
    source = different.locator("a[href^='/documents/']").first
    source.click()
    page.wait_for_url(re.compile(r"/documents/\w+"))
    assert "Hanoi" in page.locator("h1").inner_text()
    assert page.errors == []


def test_charts_are_drawn_from_the_local_library(page: Any, base_url: str) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{base_url}/provinces/H%C3%A0%20N%E1%BB%99i", wait_until="networkidle")
    assert page.locator("canvas[data-drawn='true']").count() >= 1
    page.goto(f"{base_url}/indicators/outstanding_loans", wait_until="networkidle")
    assert page.locator("canvas[data-drawn='true']").count() == 2  # the provinces over time, the ranking
    assert all(url.startswith(base_url) for url in requests)
    assert page.errors == []


def test_scraped_script_never_runs(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/search?q=Quang+Tri")
    assert "<script>alert" in page.locator("ol.hits").inner_text()
    page.locator("ol.hits a[href^='/documents/']").first.click()
    page.wait_for_url(re.compile(r"/documents/"))
    assert "onerror=alert(1)" in page.locator("#doctext").inner_text()
    page.locator("#doctext a.fig").first.click()
    assert page.dialogs == [] and page.locator("#doctext img, #doctext script, #doctext b").count() == 0
