"""Archive ingest: pages per second of ``extractor ingest`` on realistic news pages and PDFs, at
one worker and at N, CPU per page by stage, peak memory and bytes per stored document.

Input, generated at run time into a temporary folder:

- HTML: ~80 KB news pages (``--page-kb``), half English, half Vietnamese, each a different
  story in the shape of a gold one (``bench/_common.py``: half a gold story's paragraphs, a few
  of two others put in, new figures and provinces) inside an outlet's page of its own: head
  (meta tags, JSON-LD, inline scripts and styles), menus, breadcrumb, related and most-read
  lists, reader comments, a footer, all in ``<div>``s, as most Vietnamese sites write them
  (trafilatura drops an ``<aside>`` far more cheaply than a ``<div>``). Every tenth page
  republishes an earlier story on another outlet, so copy linking has work (the report says
  how many copies were planted and how many the store linked).
- PDF: reports of one to five pages (paragraphs and, in every other one, a table), made with
  fpdf2 and DejaVu as ``scripts/make_fixture_pdfs.py`` makes the fixtures.

Measured, in one run:

- pages/s of the command itself (``python -m extractor ingest FOLDER --db NEW.sqlite``: start-up,
  parse, extract with linking, store, copy links), at 1 worker and at N (``--workers``, the
  machine's cores unless given) when the command has a ``--workers`` option, else at 1 only;
  rounds interleave the two and report medians (the N/1 ratio: median of each round's);
- CPU ms per page of the command (its process and every child it waited for; unlike pages/s,
  it hardly moves when other work holds the cores), and against a baseline timed in the same
  round on the same bytes (lxml parse + text_content for HTML, pdfplumber's plain extract_text
  for PDF);
- peak memory of the command's process tree, sampled every 0.1 s: RSS summed over the
  processes (shared pages counted once per process) and PSS (shared pages divided);
- bytes per stored document (the database's growth over an empty one / documents);
- CPU ms per page by stage: ``ingest_paths`` (the command's batch, one worker) run in this
  process on the first ``--stage-pages``, its CPU time shared out as cProfile shares a second,
  profiled run: parse (``load_path``), extract+link (``process``), store (``save_extraction``
  less the copy linking inside it), copy links (every call into ``store/copies.py``, after each
  document or at the end of the batch), other (the rest: listing files, the batch's loop).

    python bench/ingest_speed.py [--pages 300] [--pdfs 40] [--repeat 3] [--workers N] [--json]
    python bench/ingest_speed.py --quick      # about 30 s: 10 pages, 2 PDFs, 1 round
    python bench/ingest_speed.py --pages 5000 --repeat 1     # the issue's memory target

Targets (issue 18): HTML ≥ 40 pages/s and PDF ≥ 40 pages/s at N workers; N workers ≥ 1.7× one;
peak RSS < 500 MB (at 5,000 pages); ≤ 40 KiB per stored document. PASS/FAIL is printed for each
(a target that needs ``--workers`` fails while the option is missing) and the exit code is 1 on
a FAIL.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import html
import inspect
import io
import json
import os
import pstats
import random
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import LANGUAGES, ROOT, Story, median, median_ratio, new_story, places, sentences

from extractor.folding import fold
from extractor.registry.bundle import Registry, load_registry

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
QUICK = {"pages": 10, "pdfs": 2, "repeat": 1, "stage_pages": 5}
FULL = {"pages": 300, "pdfs": 40, "repeat": 3, "stage_pages": 100}
COPY_EVERY = 10  # every tenth page republishes an earlier story
# Class names of a page's parts in three site styles (CMS templates in English and in Vietnamese
# words without marks, as real sites name them).
STYLES = (
    {"menu": "main-menu", "article": "detail", "body": "detail-content", "lead": "sapo", "date": "post-date",
     "related": "box-related", "list": "list-news", "comments": "box-comment", "footer": "site-footer",
     "side": "col-right"},
    {"menu": "nav-primary", "article": "article", "body": "article-body", "lead": "article-lead",
     "date": "article-time", "related": "related-news", "list": "story-list", "comments": "comments",
     "footer": "footer", "side": "sidebar"},
    {"menu": "menu-top", "article": "content-detail", "body": "noi-dung", "lead": "tom-tat",
     "date": "ngay-dang", "related": "tin-lien-quan", "list": "danh-sach", "comments": "binh-luan",
     "footer": "chan-trang", "side": "cot-phai"},
)


# --- words for a page's boilerplate --------------------------------------------------------------


@dataclass
class Words:
    """Filler of one language drawn from varied gold stories: headlines, snippets, sentences,
    names and menu labels (no language data in this code)."""

    titles: list[str] = field(default_factory=list)
    snippets: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)


def words_of(lang: str, rng: random.Random, *, stories: int = 60) -> Words:
    """A pool of filler for pages in ``lang``."""
    words = Words()
    for story in (new_story(lang, rng) for _ in range(stories)):
        words.titles.append(story.title)
        words.snippets += [" ".join(p.split()[:28]) for p in story.paragraphs[:3]]
        words.sentences += [s for s in sentences(story) if 6 <= len(s.split()) <= 40]
        capitals = [w.strip(",.:;()\"“”") for w in story.title.split() + " ".join(story.paragraphs).split()]
        words.names += [w for w in capitals if w[:1].isupper() and w.isalpha() and len(w) > 2]
        words.labels += [" ".join(story.title.split()[i:i + rng.randint(1, 3)]) for i in range(0, 6, 2)]
    words.names, words.labels = sorted(set(words.names)), sorted({x for x in words.labels if x})
    return words


def person(words: Words, rng: random.Random) -> str:
    """A made-up name of two or three words."""
    return " ".join(rng.sample(words.names, rng.randint(2, 3)))


# --- HTML pages ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outlet:
    """A news site: its host, its name, the language of its pages' chrome, its template."""

    host: str
    name: str
    lang: str
    style: dict[str, str]


def outlets(rng: random.Random, count: int = 8) -> list[Outlet]:
    """Provincial papers named after random provinces (their hosts spell the province, as
    real ones do), in both languages and all styles."""
    codes = rng.sample(places().codes, count)
    out = []
    for i, code in enumerate(codes):
        plain = fold(places().name(code, marks=True))
        host = "bao" + re.sub(r"\W", "", plain).lower() + ".vn"
        out.append(Outlet(host, f"Bao {plain}", LANGUAGES[i % 2], STYLES[i % len(STYLES)]))
    return out


@dataclass(frozen=True)
class Page:
    """One generated page: its story, outlet, date and the story it republishes (if any)."""

    number: int
    story: Story
    outlet: Outlet
    published: dt.datetime
    copy_of: int | None = None


def e(text: str) -> str:
    """Text escaped for HTML."""
    return html.escape(text, quote=True)


def slug(text: str) -> str:
    """A URL slug of a headline."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")[:70]


def head(page: Page, words: Words, rng: random.Random) -> str:
    """<head>: meta tags, canonical, JSON-LD, inline style and an ad configuration script."""
    story, outlet = page.story, page.outlet
    url = f"https://{outlet.host}/{slug(story.title)}-{page.number}.html"
    when = page.published.isoformat()
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": story.title,
          "datePublished": when, "author": {"@type": "Person", "name": person(words, rng)},
          "publisher": {"@type": "Organization", "name": outlet.name}, "mainEntityOfPage": url}
    slots = [{"id": f"div-gpt-{rng.getrandbits(40):x}", "sizes": [[300, 250], [728, 90]],
              "targeting": {"section": slug(rng.choice(words.labels)), "pos": i}} for i in range(24)]
    style = "".join(f".{c}{{margin:{rng.randint(0, 20)}px;padding:{rng.randint(0, 12)}px}}"
                    for c in outlet.style.values()) * 6
    links = "".join(f'<link rel="preload" as="script" href="https://static.{outlet.host}/js/'
                    f'{rng.getrandbits(48):x}.js">' for _ in range(12))
    return (f'<head><meta charset="utf-8"><title>{e(story.title)} - {e(outlet.name)}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="description" content="{e(story.paragraphs[0][:200])}">'
            f'<meta property="og:title" content="{e(story.title)}"><meta property="og:url" content="{url}">'
            f'<meta property="og:type" content="article"><meta property="article:published_time" content="{when}">'
            f'<link rel="canonical" href="{url}">{links}'
            f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>'
            f"<style>{style}</style><script>window.adSlots = {json.dumps(slots)};</script></head>")


def link_list(css: str, heading: str, words: Words, outlet: Outlet, rng: random.Random, items: int) -> str:
    """A <div> of linked headlines with thumbnails, snippets and times (related, most read);
    the whole card links to the story, as on most news sites."""
    rows = []
    for _ in range(items):
        title = rng.choice(words.titles)
        href = f"https://{outlet.host}/{slug(title)}-{rng.randint(1, 10**6)}.html"
        rows.append(f'<div class="item"><a class="thumb" href="{href}"><img src="https://cdn.{outlet.host}/'
                    f'{rng.getrandbits(64):x}.jpg" alt="{e(title)}" loading="lazy" width="240" height="160"></a>'
                    f'<h3 class="title"><a href="{href}" title="{e(title)}">{e(title)}</a></h3>'
                    f'<a class="summary" href="{href}">{e(rng.choice(words.snippets))}</a>'
                    f'<span class="time">{rng.randint(1, 28)}/{rng.randint(1, 12)}/'
                    f'{rng.randint(2015, 2025)}</span></div>')
    return f'<div class="{css}"><div class="heading">{e(heading)}</div><div class="items">{"".join(rows)}</div></div>'


def menu(page: Page, words: Words, rng: random.Random) -> str:
    """Header, main menu with sub-menus and breadcrumb, in <div>s."""
    outlet = page.outlet
    sections = []
    for label in rng.sample(words.labels, 10):
        subs = "".join(f'<li><a href="https://{outlet.host}/{slug(x)}/">{e(x)}</a></li>'
                       for x in rng.sample(words.labels, 8))
        sections.append(f'<li class="has-sub"><a href="https://{outlet.host}/{slug(label)}/">{e(label)}</a>'
                        f'<ul class="sub">{subs}</ul></li>')
    return (f'<div class="topbar"><span>{page.published:%d/%m/%Y}</span> <span>{e(outlet.name)}</span></div>'
            f'<div class="header"><a class="logo" href="https://{outlet.host}/">{e(outlet.name)}</a>'
            f'<div class="{outlet.style["menu"]}"><ul>{"".join(sections)}</ul></div></div>'
            f'<div class="breadcrumb"><a href="/">{e(outlet.name)}</a> › '
            f'<a href="/">{e(rng.choice(words.labels))}</a></div>')


def article(page: Page, words: Words, rng: random.Random) -> str:
    """The story: headline, date, lead, paragraphs, author, tags, share buttons."""
    style, story = page.outlet.style, page.story
    paragraphs = "".join(f"<p>{e(p)}</p>" for p in story.paragraphs[1:])
    tags = "".join(f'<a href="/tag/{slug(x)}">{e(x)}</a>' for x in rng.sample(words.labels, 5))
    return (f'<div class="{style["article"]}"><h1 class="title">{e(story.title)}</h1>'
            f'<div class="{style["date"]}">{page.published:%d/%m/%Y %H:%M}</div>'
            f'<div class="share"><a href="#">Facebook</a> <a href="#">Zalo</a> '
            f'<span>{rng.randint(0, 9999)}</span></div>'
            f'<div class="{style["lead"]}"><strong>{e(story.paragraphs[0])}</strong></div>'
            f'<div class="{style["body"]}">{paragraphs}</div>'
            f'<div class="author">{e(person(words, rng))}</div><div class="tags">{tags}</div></div>')


def comments(css: str, words: Words, rng: random.Random, count: int) -> str:
    """Reader comments: a name, a time, a sentence or two."""
    rows = "".join(f'<div class="comment-item"><span class="name">{e(person(words, rng))}</span>'
                   f'<span class="time">{rng.randint(0, 23)}:{rng.randint(0, 59):02d}</span>'
                   f'<p>{e(" ".join(rng.sample(words.sentences, rng.randint(1, 2))))}</p></div>'
                   for _ in range(count))
    return f'<div class="{css}"><div class="heading">{count}</div>{rows}</div>'


def footer(page: Page, words: Words, rng: random.Random) -> str:
    """Footer: link columns, an address and a licence line, and an analytics script."""
    outlet = page.outlet
    columns = "".join("<ul>" + "".join(f'<li><a href="/{slug(x)}/">{e(x)}</a></li>'
                                       for x in rng.sample(words.labels, 8)) + "</ul>" for _ in range(4))
    return (f'<div class="{outlet.style["footer"]}">{columns}<p>{e(outlet.name)} · {e(rng.choice(words.snippets))}</p>'
            f'<p>{e(person(words, rng))} · {rng.randint(100, 999)}/{rng.randint(1, 99)}/GP-BTTTT</p></div>'
            f'<script>(function(){{var id="{rng.getrandbits(64):x}";window.dataLayer=window.dataLayer||[];'
            f'dataLayer.push({{page:"{slug(page.story.title)}",id:id}});}})();</script>')


def news_page(page: Page, words: Words, rng: random.Random, *, kb: int) -> bytes:
    """A whole page, its side lists grown until it weighs about ``kb`` KB."""
    style = page.outlet.style
    main = (article(page, words, rng) + link_list(style["related"], page.outlet.name, words, page.outlet, rng, 8)
            + comments(style["comments"], words, rng, rng.randint(4, 20)))
    top, bottom = menu(page, words, rng), footer(page, words, rng)
    side: list[str] = []
    size = len((head(page, words, rng) + main + top + bottom).encode())
    while size < kb * 1024:
        block = link_list(style["list"], rng.choice(words.labels), words, page.outlet, rng, 10)
        side.append(block)
        size += len(block.encode())
    body = (f'{top}<div class="container"><div class="main-col">{main}</div>'
            f'<div class="{style["side"]}">{"".join(side)}</div></div>{bottom}')
    return (f'<!doctype html><html lang="{page.outlet.lang}">{head(page, words, rng)}<body>{body}</body></html>'
            ).encode()


def plan_pages(count: int, rng: random.Random) -> list[Page]:
    """Pages in ingest order: new stories, and a tenth republishing an earlier one elsewhere
    (with the original's credit appended)."""
    sites, pages = outlets(rng), []
    for number in range(count):
        when = dt.datetime(2015, 1, 1) + dt.timedelta(minutes=rng.randrange(11 * 365 * 24 * 60))
        if number % COPY_EVERY == COPY_EVERY - 1:
            original = rng.choice([p for p in pages if p.copy_of is None])
            site = rng.choice([s for s in sites if s != original.outlet])
            story = Story(original.story.lang, original.story.title,
                          (*original.story.paragraphs, f"({original.outlet.name})"))
            pages.append(Page(number, story, site, when, copy_of=original.number))
            continue
        lang = LANGUAGES[number % 2]
        same = [s for s in sites if s.lang == lang]
        site = rng.choice(same if rng.random() < 0.8 else sites)
        pages.append(Page(number, new_story(lang, rng), site, when))
    return pages


def write_pages(folder: Path, count: int, *, kb: int, seed: int) -> list[Page]:
    """Generate ``count`` pages into ``folder`` (file names in ingest order)."""
    rng = random.Random(seed)
    words = {lang: words_of(lang, rng) for lang in LANGUAGES}
    pages = plan_pages(count, rng)
    for page in pages:
        raw = news_page(page, words[page.outlet.lang], rng, kb=kb)
        (folder / f"{page.number:05d}-{slug(page.story.title)[:40]}.html").write_bytes(raw)
    return pages


# --- PDFs ----------------------------------------------------------------------------------------


def table_rows(lang: str, words: Words, rng: random.Random) -> list[tuple[str, str, str]]:
    """A table of a report: a label column and two number columns, numbers written as the
    language writes them."""
    sep = "," if lang == "en" else "."

    def number() -> str:
        return f"{rng.randint(1_000, 9_999_999):,}".replace(",", sep)

    labels = [" ".join(rng.choice(words.snippets).split()[:5]) for _ in range(rng.randint(4, 8))]
    header = tuple(" ".join(rng.choice(words.labels).split()[:3]) for _ in range(3))
    return [header, *((label, number(), number()) for label in labels)]  # type: ignore[list-item]


def write_pdf(path: Path, lang: str, words: Words, rng: random.Random, *, pages: int) -> int:
    """A report of about ``pages`` pages (stories until then, at least one, half the reports with
    a table after each); returns its page count."""
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    pdf = FPDF(format="A4", unit="mm")
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    with_table = rng.random() < 0.5
    while True:  # a one-page report holds a story too (it was a blank page, the same bytes as another)
        story = new_story(lang, rng)
        pdf.set_font("DejaVu", "B", 13)
        pdf.multi_cell(0, 7, story.title, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font("DejaVu", "", 11)
        for paragraph in story.paragraphs:
            pdf.multi_cell(0, 6, paragraph, align="J", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(2)
        if with_table:
            with pdf.table(col_widths=(90, 40, 40), text_align=("LEFT", "RIGHT", "RIGHT")) as table:
                for row in table_rows(lang, words, rng):
                    table.row(row)
            pdf.ln(4)
        if pdf.page_no() >= pages:
            break
    pdf.output(str(path))
    return pdf.page_no()


def write_pdfs(folder: Path, count: int, *, seed: int) -> int:
    """Generate ``count`` reports into ``folder``, half in each language; returns their pages."""
    rng = random.Random(seed)
    words = {lang: words_of(lang, rng, stories=20) for lang in LANGUAGES}
    total = 0
    for number in range(count):
        lang = LANGUAGES[number % 2]
        total += write_pdf(folder / f"{number:04d}-report.pdf", lang, words[lang], rng, pages=rng.randint(1, 5))
    return total


# --- running the command -------------------------------------------------------------------------


def workers_option() -> bool:
    """Whether ``extractor ingest`` has a ``--workers`` option (read off the Typer command)."""
    from typer.main import get_command

    from extractor.cli import app

    command: Any = get_command(app)
    return any("--workers" in getattr(p, "opts", ()) for p in command.commands["ingest"].params)


def tree_pids(root: int) -> list[int]:
    """``root`` and every process below it (``/proc/PID/task/TID/children``)."""
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                todo += [int(c) for c in Path(f"/proc/{pid}/task/{task}/children").read_text().split()]
        except OSError:
            continue  # the process ended between two reads
    return found


def memory_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of a process in KiB, (0, 0) once it has ended."""
    try:
        fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:])
    except (OSError, ValueError):
        return 0, 0
    return int(fields.get("Rss", "0 kB").split()[0]), int(fields.get("Pss", "0 kB").split()[0])


class TreeMemory(threading.Thread):
    """Samples the memory of a process tree every ``interval`` seconds; keeps the peaks."""

    def __init__(self, root: int, interval: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.root, self.interval = root, interval
        self.peak_rss = self.peak_pss = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            totals = [memory_kb(pid) for pid in tree_pids(self.root)]
            self.peak_rss = max(self.peak_rss, sum(r for r, _ in totals))
            self.peak_pss = max(self.peak_pss, sum(p for _, p in totals))
            self.done.wait(self.interval)


@dataclass(frozen=True)
class Measured:
    """One run of the command: wall and CPU seconds, peak memory of its tree in MB."""

    wall: float
    cpu: float
    peak_rss_mb: float
    peak_pss_mb: float


def children_cpu() -> float:
    """CPU seconds of every child this process has waited for (and theirs)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def checkout_env() -> dict[str, str]:
    """This environment with the checkout first on the path: the command runs this tree's code."""
    path = os.environ.get("PYTHONPATH")
    return os.environ | {"PYTHONPATH": str(ROOT) + (os.pathsep + path if path else "")}


def ingest(folder: Path, db: Path, *, workers: int | None) -> Measured:
    """Run ``extractor ingest FOLDER --db DB [--workers N]`` and measure it."""
    command = [sys.executable, "-m", "extractor", "ingest", str(folder), "--db", str(db)]
    command += ["--workers", str(workers)] if workers is not None else []
    cpu, start = children_cpu(), time.perf_counter()
    with tempfile.TemporaryFile() as log:
        child = subprocess.Popen(command, stdout=log, stderr=log, cwd=db.parent, env=checkout_env())
        sampler = TreeMemory(child.pid)
        sampler.start()
        code = child.wait()
        wall = time.perf_counter() - start
        sampler.done.set()
        sampler.join()
        if code != 0:
            log.seek(0)
            raise SystemExit(f"{' '.join(command)} failed ({code}):\n{log.read().decode()[-2000:]}")
    return Measured(wall, children_cpu() - cpu, sampler.peak_rss / 1024, sampler.peak_pss / 1024)


def db_bytes(db: Path) -> int:
    """Bytes of a database with its journal files."""
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))


def empty_db_bytes(folder: Path) -> int:
    """Bytes of a new database holding nothing (the schema's pages)."""
    from extractor.store import connect

    connect(folder / "empty.sqlite").close()
    return db_bytes(folder / "empty.sqlite")


def store_figures(db: Path) -> dict[str, float]:
    """Documents, copies linked, observations, and bytes per document (the database's growth
    over an empty one, per document)."""
    size = db_bytes(db) - empty_db_bytes(db.parent)
    with sqlite3.connect(db) as conn:
        count = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                 for t in ("documents", "doc_copies", "observations")}
    return {"documents": count["documents"], "copies_linked": count["doc_copies"],
            "observations": count["observations"], "bytes_per_document": size / max(1, count["documents"])}


def lxml_baseline(paths: Sequence[Path]) -> None:
    """A raw lxml parse and text_content of each page."""
    from lxml import html as lxml_html

    for path in paths:
        lxml_html.document_fromstring(path.read_bytes()).text_content()


def pdfplumber_baseline(paths: Sequence[Path]) -> None:
    """pdfplumber's plain extract_text of every page."""
    import pdfplumber

    for path in paths:
        with pdfplumber.open(io.BytesIO(path.read_bytes())) as pdf:
            for page in pdf.pages:
                page.extract_text()


def cpu_of(work: Callable[[], None]) -> float:
    """CPU seconds of ``work`` in this process."""
    start = time.process_time()
    work()
    return time.process_time() - start


def rounds(folder: Path, units: int, *, repeat: int, workers: int | None,
           baseline: Callable[[], None]) -> dict[str, Any]:
    """Interleaved rounds of the baseline, the command at 1 worker and (with the option) at N."""
    configs = {1: 1 if workers else None} | ({workers: workers} if workers and workers > 1 else {})
    runs: dict[int, list[Measured]] = {n: [] for n in configs}
    base: list[float] = []
    figures: dict[str, float] = {}
    for r in range(repeat):
        base.append(cpu_of(baseline))
        for n, flag in configs.items():
            db = folder.parent / f"{folder.name}-{r}-{n}.sqlite"
            runs[n].append(ingest(folder, db, workers=flag))
            figures = figures or store_figures(db)
    out: dict[str, Any] = {"workers": {str(n): summary(m, units) for n, m in runs.items()}, **figures}
    out["cpu_vs_baseline"] = median_ratio(base, [m.cpu for m in runs[1]])
    out["baseline_pages_per_s"] = units / median(base)
    n = max(configs)
    out["n_vs_1"] = median_ratio([m.wall for m in runs[1]], [m.wall for m in runs[n]]) if n > 1 else None
    return out


def summary(measured: list[Measured], units: int) -> dict[str, float]:
    """Medians of the runs of one worker count."""
    wall = median([m.wall for m in measured])
    return {"pages_per_s": units / wall, "wall_s": wall,
            "cpu_ms_per_page": 1000 * median([m.cpu for m in measured]) / units,
            "pages_per_cpu_s": units / median([m.cpu for m in measured]),
            "peak_rss_mb": max(m.peak_rss_mb for m in measured),
            "peak_pss_mb": max(m.peak_pss_mb for m in measured)}


# --- stages in this process ----------------------------------------------------------------------


STAGES = {"parse": ("extractor/parse/__init__.py", "load_path"),
          "extract+link": ("extractor/pipeline/process.py", "process"),
          "store": ("extractor/store/write.py", "save_extraction")}
COPIES = "extractor/store/copies.py"


def batch(paths: Sequence[Path], db: Path, registry: Registry) -> None:
    """``ingest_paths`` into a new database, as ``extractor ingest`` runs it, in this process
    (one worker when it takes a ``workers`` option)."""
    from extractor.pipeline.batch import ingest_paths
    from extractor.store import connect

    options = {"workers": 1} if "workers" in inspect.signature(ingest_paths).parameters else {}
    conn = connect(db)
    try:
        ingest_paths(conn, list(paths), registry=registry, **options)
    finally:
        conn.close()


def stage_cpu(paths: Sequence[Path], units: int, tmp: Path, registry: Registry) -> dict[str, float]:
    """CPU ms per page of each stage of a batch in this process: the batch's CPU time, shared out
    as cProfile shares it (a second, profiled batch). Parse is ``load_path``, extract+link
    ``process``, store ``save_extraction`` less the copy linking it runs, copy links every call
    into ``store/copies.py`` (wherever the batch makes it: after each document or at the end)."""
    from extractor.pipeline import process
    from extractor.pipeline.batch import load_file

    process(load_file(paths[0], registry=registry), registry=registry)  # lazy imports, untimed
    cpu = cpu_of(lambda: batch(paths, tmp / f"plain-{paths[0].suffix[1:]}.sqlite", registry))
    profiler = cProfile.Profile()
    profiler.runcall(batch, paths, tmp / f"profiled-{paths[0].suffix[1:]}.sqlite", registry)
    stats: dict[Any, Any] = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    total = sum(tt for _, _, tt, _, _ in stats.values())
    shares = {stage: cumulative(stats, *where) for stage, where in STAGES.items()}
    into_copies = entries(stats, COPIES)
    shares["store"] -= sum(ct for caller, ct in into_copies if "extractor/store/" in caller)
    shares["copy links"] = sum(ct for _, ct in into_copies)
    shares["other"] = total - sum(shares.values())
    return {stage: 1000 * cpu * share / total / units for stage, share in shares.items()}


def cumulative(stats: dict[Any, Any], path: str, name: str) -> float:
    """Cumulative profiled seconds of the function ``name`` of ``path``."""
    return sum(ct for (file, _, func), (_, _, _, ct, _) in stats.items() if file.endswith(path) and func == name)


def entries(stats: dict[Any, Any], path: str) -> list[tuple[str, float]]:
    """(caller's file, cumulative seconds) of every call into ``path`` from outside it."""
    return [(caller[0], edge[3]) for (file, _, _), (*_, callers) in stats.items() if file.endswith(path)
            for caller, edge in callers.items() if not caller[0].endswith(path)]


def pdf_pages(paths: Sequence[Path]) -> int:
    """Pages across PDFs."""
    import pdfplumber

    total = 0
    for path in paths:
        with pdfplumber.open(path) as pdf:
            total += len(pdf.pages)
    return total


# --- report --------------------------------------------------------------------------------------


def checks(report: dict[str, Any]) -> dict[str, bool]:
    """The issue's targets (N-worker targets fail while ``--workers`` is missing)."""
    h, p, n = report["html"], report["pdf"], str(report["workers"])
    at_n = report["workers_option"]
    return {
        f"HTML >= 40 pages/s at {n} workers": at_n and h["workers"][n]["pages_per_s"] >= 40,
        f"PDF >= 40 pages/s at {n} workers": at_n and p["workers"][n]["pages_per_s"] >= 40,
        f"HTML {n} workers >= 1.7x one worker": h["n_vs_1"] is not None and h["n_vs_1"] >= 1.7,
        f"peak RSS < 500 MB ({h['pages']} pages)": max(w["peak_rss_mb"] for w in h["workers"].values()) < 500,
        "<= 40 KiB per stored HTML page": h["bytes_per_document"] <= 40 * 1024,
    }


def print_report(report: dict[str, Any]) -> None:
    """The report as lines of text."""
    option = "" if report["workers_option"] else " (extractor ingest has no --workers option: 1 worker only)"
    print(f"{report['cores']} cores; {report['repeat']} round(s); medians{option}")
    for kind, unit in (("html", "pages"), ("pdf", "PDF pages")):
        r = report[kind]
        print(f"{kind.upper()}: {r['pages']} {unit} in {r['documents']} documents"
              + (f", {r['page_kb']:.0f} KB average" if kind == "html" else "")
              + f"; {r['copies_linked']} copies linked"
              + (f" of {r['copies_planted']} planted" if kind == "html" else ""))
        for n, w in r["workers"].items():
            print(f"  {n} worker(s): {w['pages_per_s']:.1f} {unit}/s ({w['wall_s']:.1f} s), "
                  f"CPU {w['cpu_ms_per_page']:.1f} ms/page ({w['pages_per_cpu_s']:.1f} {unit}/CPU s), "
                  f"peak RSS {w['peak_rss_mb']:.0f} MB (PSS {w['peak_pss_mb']:.0f})")
        if r["n_vs_1"] is not None:
            print(f"  N workers / 1 worker: {r['n_vs_1']:.2f}x")
        print(f"  baseline ({r['baseline']}) {r['baseline_pages_per_s']:.0f} {unit}/s; ingest CPU per page = "
              f"{1 / r['cpu_vs_baseline']:.0f}x the baseline's")
        print(f"  {r['bytes_per_document'] / 1024:.1f} KiB per stored document; {r['observations']} observations")
        print("  CPU ms per page by stage (in process): "
              + "; ".join(f"{k} {v:.1f}" for k, v in r["stages_cpu_ms_per_page"].items()))
    for name, ok in report["checks"].items():
        print(f"{'PASS' if ok else 'FAIL'} {name}")


def measure_html(tmp: Path, args: argparse.Namespace, registry: Registry, workers: int | None) -> dict[str, Any]:
    """Generate pages, run the command over them, time the stages."""
    folder = tmp / "html"
    folder.mkdir()
    pages = write_pages(folder, args.pages, kb=args.page_kb, seed=args.seed)
    paths = sorted(folder.glob("*.html"))
    report = {"pages": len(paths), "page_kb": sum(p.stat().st_size for p in paths) / len(paths) / 1024,
              "copies_planted": sum(p.copy_of is not None for p in pages), "baseline": "lxml parse + text_content"}
    report |= rounds(folder, len(paths), repeat=args.repeat, workers=workers, baseline=lambda: lxml_baseline(paths))
    staged = paths[: args.stage_pages]
    report["stages_cpu_ms_per_page"] = stage_cpu(staged, len(staged), tmp, registry)
    return report


def measure_pdf(tmp: Path, args: argparse.Namespace, registry: Registry, workers: int | None) -> dict[str, Any]:
    """Generate PDFs, run the command over them, time the stages."""
    folder = tmp / "pdf"
    folder.mkdir()
    pages = write_pdfs(folder, args.pdfs, seed=args.seed)
    paths = sorted(folder.glob("*.pdf"))
    report: dict[str, Any] = {"pages": pages, "baseline": "pdfplumber extract_text"}
    report |= rounds(folder, pages, repeat=args.repeat, workers=workers, baseline=lambda: pdfplumber_baseline(paths))
    staged = paths[: max(1, args.stage_pages // 3)]
    report["stages_cpu_ms_per_page"] = stage_cpu(staged, pdf_pages(staged), tmp, registry)
    return report


def main(argv: list[str] | None = None) -> int:
    """Measure HTML and PDF ingest, print the report, exit non-zero on a missed target."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a small run (about 30 s); a size given too overrides it")
    parser.add_argument("--pages", type=int, help="HTML pages (300; --quick 10)")
    parser.add_argument("--pdfs", type=int, help="PDF reports of 1-5 pages (40; --quick 2)")
    parser.add_argument("--repeat", type=int, help="interleaved rounds (3; --quick 1)")
    parser.add_argument("--stage-pages", type=int,
                        help="HTML pages timed stage by stage, and a third as many PDFs (100; --quick 5)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="N (default: the cores)")
    parser.add_argument("--page-kb", type=int, default=80)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--tmp", type=Path, help="where to make the temporary folder (default: the system's)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    for key, value in (QUICK if args.quick else FULL).items():
        setattr(args, key, getattr(args, key) or value)
    option = workers_option()
    registry = load_registry()
    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
        workers = args.workers if option else None
        report: dict[str, Any] = {"cores": os.cpu_count(), "repeat": args.repeat, "workers_option": option,
                                  "workers": args.workers}
        report["html"] = measure_html(Path(tmp), args, registry, workers)
        report["pdf"] = measure_pdf(Path(tmp), args, registry, workers)
    report["checks"] = checks(report)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_report(report)
    return 0 if all(report["checks"].values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
