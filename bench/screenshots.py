"""A PNG of every page in both languages at a desktop and a phone width: bench/out/<page>-<lang>-<width>.png.

Builds a database from the seeds and the web test fixtures (through the real pipeline), serves it
with uvicorn on 127.0.0.1 and drives Debian's headless Chromium with Playwright. Prints each file
and the page's scroll width when it is wider than the window (sideways scroll on a phone).

    python bench/screenshots.py [--out bench/out] [--db existing.sqlite] [--only search,province]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from extractor.web import create_app
from extractor.web.server import background_server

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CLAIM = ("Nghe An's outstanding loans reached VND 13,357 billion by June 30, 2024. "
         "As of December 31, 2024, total outstanding loans of Hanoi reached VND 16,000 billion.")
CLAIM_VI = "Tính đến 31/1/2024, tổng dư nợ của Nghệ An đạt 13.000 tỷ đồng."
WIDTHS = (1366, 390)
LANGS = ("vi", "en")


def pages(base: str, api: object) -> dict[str, str]:
    """Page name → URL, with ids looked up through the JSON API."""
    import httpx

    def first(url: str) -> dict:
        return httpx.get(base + url).json()["data"]["items"][0]

    obs = first("/api/observations?province=Nghe+An&indicator=outstanding_loans&from=2024-06-30&to=2024-06-30")
    return {
        "home": "/", "provinces": "/provinces", "search": "/search?q=outstanding+loans",
        "search_vi": "/search?q=" + quote("dư nợ"),
        "province": "/provinces/" + quote("Hà Nội"), "province_ninh_binh": "/provinces/" + quote("Ninh Bình"),
        "indicator": "/indicators/outstanding_loans", "observations": "/observations",
        "observation": f"/observations/{obs['id']}", "document": f"/documents/{obs['document_id']}?obs={obs['id']}",
        "factcheck": "/factcheck?text=" + quote(CLAIM), "factcheck_vi": "/factcheck?text=" + quote(CLAIM_VI),
        "conflicts": "/conflicts", "api_docs": "/api-docs", "error": "/provinces/Atlantis",
        "observations_rolled": "/observations?roll_up=true&indicator=outstanding_loans",
    }


def shoot(base: str, targets: dict[str, str], out: Path) -> list[tuple[Path, int, int]]:
    """Full-page screenshots of each target in each language and width, after charts are drawn;
    with each, the document's scroll width and the window's."""
    from playwright.sync_api import sync_playwright

    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for width in WIDTHS:
            for lang in LANGS:
                page = browser.new_page(viewport={"width": width, "height": 900})
                for name, url in targets.items():
                    page.goto(base + url + ("&" if "?" in url else "?") + f"lang={lang}", wait_until="networkidle")
                    if name == "document":
                        page.locator("a.fig.observed").first.click()
                    path = out / f"{name}-{lang}-{width}.png"
                    page.screenshot(path=str(path), full_page=True)
                    written.append((path, page.evaluate("document.documentElement.scrollWidth"), width))
                page.close()
        browser.close()
    return written


def main() -> None:
    """Build or open the database, serve it, write the screenshots."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--only", default="", help="comma-separated page names (default: every page)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            from helpers.web_corpus import build_database

            db = build_database(Path(tmp) / "screens.sqlite")
        with background_server(create_app(db)) as base:
            targets = pages(base, None)
            wanted = [n for n in args.only.split(",") if n]
            targets = {k: v for k, v in targets.items() if not wanted or k in wanted}
            for path, scroll, width in shoot(base, targets, args.out):
                print(path, f"  SIDEWAYS SCROLL: {scroll}px > {width}px" if scroll > width else "")


if __name__ == "__main__":
    main()
