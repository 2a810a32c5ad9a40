"""Page speed of the web app at scale: p50/p95 of the search, province and fact-check pages.

Loads ``--rows`` generated observations (default 100,000; the generator of ``bench/query_speed.py``)
into a temporary database, serves the app with ``extractor serve`` (uvicorn, in its own process so
the timing client does not share its interpreter lock) on 127.0.0.1 and times whole HTTP requests
(server-rendered HTML, over a keep-alive connection) against a baseline measured in the same run:
the static ``/health`` answer, which costs the HTTP stack and nothing else. Target: p95 under
200 ms for the search, province and fact-check pages.

    python bench/web_speed.py                 # 100,000 rows
    python bench/web_speed.py --rows 20000 --repeat 50 --json
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from query_speed import INDICATORS, PROVINCES, generate

from extractor.store import connect
from extractor.store.query import fold

TARGET_MS = 200
CLAIMS = ("Tính đến {d}, tổng dư nợ của {p} đạt {v} tỷ đồng.",
          "As of {d_en}, total outstanding loans of {p_plain} reached VND {v_en} billion.")


def _claim(rng: random.Random) -> str:
    """A claim sentence like the ones people paste, about a random province and date."""
    province = rng.choice([p for p in PROVINCES if p != "national"])
    year, (month, day) = rng.randint(2015, 2025), rng.choice(((3, 31), (6, 30), (9, 30), (12, 31)))
    value = rng.randint(50, 20_000)
    text = rng.choice(CLAIMS)
    return text.format(d=f"{day}/{month}/{year}", p=province, v=f"{value:,}".replace(",", "."),
                       d_en=f"{day} {['March', 'June', 'September', 'December'][month // 3 - 1]} {year}",
                       p_plain=fold(province).title(), v_en=f"{value:,}")


def pages(rng: random.Random) -> Iterator[tuple[str, Callable[[], str]]]:
    """The timed URLs (a fresh random one per call): baseline first."""
    yield "baseline: GET /health (static)", lambda: "/health"
    yield "search page (province + cue words, folded)", lambda: "/search?q=" + quote(
        f"{fold(rng.choice(PROVINCES))} {fold(rng.choice(INDICATORS)[1])}")
    yield "search page (one very common word 'dư nợ')", lambda: "/search?q=" + quote("dư nợ")
    yield "search page (a number '13.374 tỷ')", lambda: "/search?q=" + quote(
        f"{rng.randint(50, 20000):,} tỷ".replace(",", "."))
    yield "search page (names read as filters, 'tổng dư nợ …')", lambda: "/search?q=" + quote(
        f"tổng dư nợ {rng.choice(PROVINCES)}")
    yield "province page (every indicator over time)", lambda: "/provinces/" + quote(rng.choice(PROVINCES))
    yield "fact-check page (one pasted sentence)", lambda: "/factcheck?text=" + quote(_claim(rng))
    yield "indicator page (ranking at a date, 3 provinces over time)", lambda: "/indicators/" + rng.choice(
        INDICATORS)[0]
    yield "indicator page, English (sorted by province)", lambda: "/indicators/" + rng.choice(
        INDICATORS)[0] + "?sort=province&order=asc&lang=en"
    yield "home page", lambda: "/"


def timings(client: httpx.Client, url: Callable[[], str], *, repeat: int) -> list[float]:
    """Milliseconds per request (after two warm-ups); fails loudly on a non-200 answer."""
    for _ in range(2):
        client.get(url())
    out = []
    for _ in range(repeat):
        target = url()
        began = time.perf_counter()
        response = client.get(target)
        out.append((time.perf_counter() - began) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{target}: HTTP {response.status_code}: {response.text[:200]}")
    return out


def summary(ms: list[float], baseline_p50: float) -> dict[str, float]:
    """p50/p95 in ms and the p95 as a ratio of the baseline's p50."""
    p95 = statistics.quantiles(ms, n=20)[18]
    return {"p50_ms": round(statistics.median(ms), 2), "p95_ms": round(p95, 2),
            "p95_vs_baseline": round(p95 / baseline_p50, 1)}


def measure(base: str, repeat: int, seed: int = 11) -> dict[str, Any]:
    """Time every page through the real HTTP server."""
    rng = random.Random(seed)
    out: dict[str, Any] = {}
    baseline = 0.0
    with httpx.Client(base_url=base, timeout=60) as client:
        client.get("/factcheck?text=" + quote(_claim(rng)))  # loads spaCy and the rules once
        for name, url in pages(rng):
            ms = timings(client, url, repeat=repeat)
            baseline = baseline or statistics.median(ms)
            out[name] = summary(ms, baseline)
    return out


def report_text(report: dict[str, Any]) -> str:
    """A readable report."""
    head = (f"rows {report['rows']:,} (load {report['load_s']} s, index {report['index_s']} s), "
            f"{report['repeat']} requests per page")
    lines = [head]
    for name, value in report.items():
        if isinstance(value, dict):
            verdict = "" if name.startswith("baseline") else (
                "  ok" if value["p95_ms"] < TARGET_MS else f"  OVER {TARGET_MS} ms")
            lines.append(f"{name:46} p50 {value['p50_ms']:8.2f} ms  p95 {value['p95_ms']:8.2f} ms  "
                         f"p95/baseline {value['p95_vs_baseline']:7.1f}{verdict}")
    return "\n".join(lines)


@contextmanager
def served(db: Path, *, timeout: float = 60.0) -> Iterator[str]:
    """``extractor serve --db db`` on a free local port in a child process; yields its base URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "extractor", "serve", "--db", str(db), "--port", str(port)]
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, child, timeout)
        yield base
    finally:
        child.terminate()
        child.wait(timeout)


def _wait_until_up(base: str, child: subprocess.Popen[bytes], timeout: float) -> None:
    """Poll /health until the server answers (or fail when the child exits or time runs out)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if child.poll() is not None:
            raise RuntimeError(f"extractor serve exited with code {child.returncode}")
        try:
            if httpx.get(base + "/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError("extractor serve did not start")


def main(argv: list[str] | None = None) -> int:
    """Build the database, serve it, time the pages, print the report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=100)
    parser.add_argument("--json", action="store_true", help="Print the results as JSON.")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "web-bench.sqlite"
        conn = connect(path)
        load_s, index_s = generate(conn, args.rows)
        conn.close()
        with served(path) as base:
            results = measure(base, args.repeat)
    report = {"rows": args.rows, "repeat": args.repeat, "load_s": round(load_s, 1), "index_s": round(index_s, 1),
              **results}
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else report_text(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
