"""Ingest speed: HTML and PDF pages per second through parse (and extraction, and the store), peak memory.

Each stage is reported as a ratio to a baseline measured in the same run on the same bytes:
HTML against a raw lxml parse + text_content, PDF against pdfplumber's plain extract_text.
Usage: ``python bench/ingest_speed.py [--rounds 5]``.
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pdfplumber
from lxml import html as lxml_html

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.parse import Loaded, load_bytes

SITE = ROOT / "corpus" / "fixtures" / "site"
PDFS = ROOT / "corpus" / "fixtures" / "pdf"
TEXT_PDFS = sorted(p.name for p in PDFS.glob("*.pdf") if not p.name.startswith("scan-"))


def html_pages() -> list[tuple[str, bytes]]:
    """The fixture article pages (list, tag and robots-blocked pages left out)."""
    skip = ("tin-tuc", "tag", "private")
    return [
        (str(p), p.read_bytes())
        for p in sorted(SITE.rglob("*.html"))
        if not any(s in p.parts for s in skip)
    ]


PADDING = (
    '<li><a href="/tin/{i}.html">Tin liên quan số {i}: địa phương giải ngân {i} tỷ đồng vốn ưu đãi</a>'
    '<span class="time">{i} phút trước</span></li>'
)


def inflate(raw: bytes, *, kb: int) -> bytes:
    """A page grown to ~``kb`` KB with a sidebar of related links (real news pages are ~80 KB)."""
    items, i = [], 0
    while len(raw) + sum(len(x) for x in items) < kb * 1024:
        items.append(PADDING.format(i=i).encode())
        i += 1
    aside = b'<aside class="more-news"><ul>' + b"".join(items) + b"</ul></aside>"
    return raw.replace(b"</body>", aside + b"</body>", 1)


def pdf_files(names: Sequence[str]) -> list[tuple[str, bytes]]:
    """Fixture PDFs by name."""
    return [(str(PDFS / n), (PDFS / n).read_bytes()) for n in names]


def pdf_page_count(docs: Sequence[tuple[str, bytes]]) -> int:
    """Pages across the PDFs."""
    total = 0
    for _, raw in docs:
        with pdfplumber.open(__import__("io").BytesIO(raw)) as pdf:
            total += len(pdf.pages)
    return total


def timed(work: Callable[[], object], *, rounds: int) -> float:
    """Best wall time of ``rounds`` runs (best-of damps noise from other processes)."""
    best = float("inf")
    for _ in range(rounds):
        gc.collect()
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def peak_mib(work: Callable[[], object]) -> float:
    """Peak Python heap allocated while ``work`` runs, in MiB (tracemalloc)."""
    gc.collect()
    tracemalloc.start()
    work()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def _rss_growth(work: Callable[[], object], conn: Any) -> None:
    """In a forked child: run ``work`` and send how far the peak RSS rose, in MiB."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    work()
    conn.send((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024)


def rss_growth_mib(work: Callable[[], object]) -> float:
    """Peak RSS growth of ``work`` in a fresh forked process (counts C allocations, unlike tracemalloc)."""
    ctx = multiprocessing.get_context("fork")
    ours, theirs = ctx.Pipe()
    child = ctx.Process(target=_rss_growth, args=(work, theirs))
    child.start()
    growth = float(ours.recv())
    child.join()
    return growth


def lxml_baseline(docs: Sequence[tuple[str, bytes]]) -> None:
    """Raw lxml parse + text_content of each page."""
    for _, raw in docs:
        lxml_html.document_fromstring(raw).text_content()


def trafilatura_only(docs: Sequence[tuple[str, bytes]]) -> None:
    """trafilatura.extract alone with our options: the share of our HTML time that is trafilatura's."""
    import trafilatura

    for _, raw in docs:
        trafilatura.extract(
            raw,
            output_format="xml",
            include_comments=False,
            include_tables=True,
            with_metadata=False,
            deduplicate=False,
        )


def pdfplumber_baseline(docs: Sequence[tuple[str, bytes]]) -> None:
    """pdfplumber's plain extract_text on every page."""
    import io

    for _, raw in docs:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            for page in pdf.pages:
                page.extract_text()


def parse_all(docs: Sequence[tuple[str, bytes]], *, ocr: str = "never") -> list[Loaded]:
    """Our parse stage on every document."""
    return [load_bytes(raw, source=src, ocr=ocr) for src, raw in docs]  # type: ignore[arg-type]


def extract_stage() -> Callable[[Loaded], object] | str:
    """The pipeline's extract_loaded, or the reason it cannot run yet."""
    try:
        from extractor.parse import extract_loaded

        extract_loaded(parse_all(html_pages()[:1])[0])
    except Exception as exc:  # noqa: BLE001 - the pipeline lands separately: report, do not crash
        return f"{type(exc).__name__}: {str(exc).splitlines()[0][:100]}"
    return extract_loaded


def store_stage(extract: Callable[[Loaded], object]) -> Callable[[Sequence[Loaded]], None] | str:
    """A function saving extractions into a fresh SQLite store, or the reason it cannot run."""
    try:
        from extractor.store.db import connect
        from extractor.store.write import save_extraction
    except Exception as exc:  # noqa: BLE001 - the store is optional here: report, do not crash
        return f"{type(exc).__name__}: {exc}"

    def run(loaded: Sequence[Loaded]) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            conn = connect(Path(tmp) / "bench.db")
            for doc in loaded:
                save_extraction(conn, extract(doc), raw=doc.raw)  # type: ignore[arg-type]
            conn.close()

    return run


def row(name: str, units: int, seconds: float, baseline: float | None, unit: str) -> str:
    """One report line: rate, and ratio to the baseline's rate."""
    rate = units / seconds if seconds else float("inf")
    ratio = f"{baseline / seconds:6.3f}× baseline" if baseline else "      (baseline)"
    return f"  {name:<34} {rate:9.1f} {unit}/s  {ratio}"


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--page-kb", type=int, default=84, help="grow HTML pages to this size")
    args = parser.parse_args()
    html = [(src, inflate(raw, kb=args.page_kb)) for src, raw in html_pages()] * 2
    pdfs = pdf_files(TEXT_PDFS)
    pdf_pages = pdf_page_count(pdfs)
    print(
        f"HTML: {len(html)} pages ({sum(len(r) for _, r in html) // len(html) // 1024} KB avg); "
        f"PDF: {len(pdfs)} files, {pdf_pages} pages; best of {args.rounds} rounds"
    )

    base_html = timed(lambda: lxml_baseline(html), rounds=args.rounds)
    ours_html = timed(lambda: parse_all(html), rounds=args.rounds)
    traf_html = timed(lambda: trafilatura_only(html), rounds=args.rounds)
    base_pdf = timed(lambda: pdfplumber_baseline(pdfs), rounds=args.rounds)
    ours_pdf = timed(lambda: parse_all(pdfs), rounds=args.rounds)
    print("parse")
    print(row("lxml parse + text_content", len(html), base_html, None, "HTML pages"))
    print(row("trafilatura.extract alone", len(html), traf_html, base_html, "HTML pages"))
    print(row("load_bytes (trafilatura + meta)", len(html), ours_html, base_html, "HTML pages"))
    print(row("pdfplumber extract_text", pdf_pages, base_pdf, None, "PDF pages"))
    print(row("load_bytes (boxes, tables, header)", pdf_pages, ours_pdf, base_pdf, "PDF pages"))

    scan = pdf_files(["scan-thong-bao.pdf"])
    from extractor.parse.pdf import ocr_available

    if ocr_available():
        ocr = timed(lambda: parse_all(scan, ocr="auto"), rounds=1)
        print(row("load_bytes with OCR (tesseract vie)", 1, ocr, base_pdf / pdf_pages, "PDF pages"))
    else:
        print("  OCR: tesseract with Vietnamese data not installed, not measured")

    extract = extract_stage()
    print("extraction (extract_loaded) and store")
    if isinstance(extract, str):
        print(f"  not measured: the pipeline cannot run yet ({extract})")
    else:
        loaded_html, loaded_pdf = parse_all(html), parse_all(pdfs)
        e_html = timed(lambda: [extract(d) for d in loaded_html], rounds=args.rounds)
        e_pdf = timed(lambda: [extract(d) for d in loaded_pdf], rounds=args.rounds)
        print(row("parse + extract, HTML", len(html), ours_html + e_html, base_html, "HTML pages"))
        print(row("parse + extract, PDF", pdf_pages, ours_pdf + e_pdf, base_pdf, "PDF pages"))
        store = store_stage(extract)
        if isinstance(store, str):
            print(f"  store not measured ({store})")
        else:
            s_html = timed(lambda: store(loaded_html), rounds=max(1, args.rounds // 2))
            s_pdf = timed(lambda: store(loaded_pdf), rounds=max(1, args.rounds // 2))
            print(
                row(
                    "parse + extract + store, HTML",
                    len(html),
                    ours_html + s_html,
                    base_html,
                    "HTML pages",
                )
            )
            print(
                row(
                    "parse + extract + store, PDF",
                    pdf_pages,
                    ours_pdf + s_pdf,
                    base_pdf,
                    "PDF pages",
                )
            )

    print("peak memory: Python heap (tracemalloc) | peak RSS growth in a forked child")
    for name, base_name, ours, base in (
        ("HTML parse", "lxml", lambda: parse_all(html), lambda: lxml_baseline(html)),
        ("PDF parse", "pdfplumber", lambda: parse_all(pdfs), lambda: pdfplumber_baseline(pdfs)),
    ):
        heap, heap_base = peak_mib(ours), peak_mib(base)
        rss, rss_base = rss_growth_mib(ours), rss_growth_mib(base)
        print(
            f"  {name:<11} heap {heap:6.1f} MiB ({base_name} {heap_base:5.1f}) | "
            f"RSS +{rss:6.1f} MiB ({base_name} +{rss_base:5.1f})"
        )
    print(
        f"  this process max RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
    )


if __name__ == "__main__":
    main()
