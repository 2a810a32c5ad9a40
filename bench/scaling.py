"""Extraction time per 100 kB as texts grow, against the 200 kB text timed in the same run.

Issue 17: cost grew much faster than input (300 kB 2 s, 1 MB 32 s, 2 MB 221 s) because stages
compared every figure with every other. This bench builds one long text per size and language
from the paragraph templates in ``scaling_paragraphs.yaml`` (written for the bench in the style
of the gold texts; each copy filled with seeded random numbers, dates and places, so no two
paragraphs repeat exactly), extracts it with linking as ``extractor extract`` does (no
per-document budget, so the whole text is read) and reports CPU seconds per 100 kB and each
size's time per 100 kB as a ratio to the 200 kB text's. The machine is shared and noisy: each
round times every size in turn (a change of load hits them alike), in CPU time of this process,
each extraction with a new pipeline (spaCy's vocabulary grows with every new word, and a text
read twice would find its words known), and the best of ``--repeat`` rounds is kept.

    python bench/scaling.py [--sizes 100k,200k,1M,2M,5M] [--repeat 3] [--lang en,vi] [--json]
    python bench/scaling.py --profile 1M --lang vi   # where the time goes (cProfile)
    python bench/scaling.py --text examples-one-line --sizes 200k,1M --repeat 1 [--examples-from scope]
    python bench/scaling.py --counted --sizes 200k,1M --lang vi   # instructions and cache misses (valgrind)

``--text`` chooses what the long text is made of: ``generated`` (the templates above, the
default), ``examples`` (the example sentences of the rule files in the language, each a
paragraph, over and over: every construction the rules know, many a rare one in a real report)
or ``examples-one-line`` (the same sentences on one line, as a page that lost its paragraph
breaks: whatever is read per paragraph is read over the whole text); ``--examples-from`` takes the
examples of some of the files only, whose constructions then come back far more often (the
examples of all files at once dilute each). The templates alone missed stages that grew with the
square of such texts: an amount in brackets after a rate, a district office's mention read against
every area, a paragraph's opener read back for each sentence.

``--counted`` runs each size in a child process under valgrind's callgrind, counting only the
extraction (collection is on inside ``operator.call``, through which the child calls it), with the
cache simulated at this machine's last-level size: instructions and last-level misses per 100 kB,
as ratios to the 200 kB text's. Counts do not depend on the machine's load, so they tell the two
kinds of growth apart: work that grows with the text (instructions) and the same work slowed by a
larger heap (misses). Each child runs with ``PYTHONHASHSEED=0``: set and dict orders, and so the work, do not change
from run to run.
Slow: about half an hour for 200 kB and 1 MB in one language (stop 43: instructions per 100 kB
1.011x at 1 MB, last-level read misses 3.31x; README, "Speed").

Target: the 5 MB text under 25x the 200 kB text's time (flat per 100 kB). The figures of each
stop are in the README's "Speed" section and bench/HISTORY.md (runs of one tree differ by a point
or two of that ratio on this shared machine). Before issue 17's changes 1 MB took 20x the 200 kB
time (en 36 s, vi 19 s), 4x its rate, and 5 MB did not finish in reasonable time.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import operator
import os
import pstats
import random
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.nlp.spacy_pipeline import build_nlp
from extractor.pipeline import extract_text
from extractor.pipeline.budget import UNLIMITED
from extractor.registry.bundle import bundled

TEMPLATES = Path(__file__).with_name("scaling_paragraphs.yaml")
BASELINE = 200_000
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
FIELD = re.compile(r"\{(\w+)\}")


def grouped(value: int, lang: str) -> str:
    """A whole number with the language's thousands separator (13,374 / 13.374)."""
    return f"{value:,}".replace(",", "." if lang == "vi" else ",")


def decimal(value: float, lang: str) -> str:
    """A decimal with the language's separator (5.76 / 5,76)."""
    return f"{value:.2f}".replace(".", "," if lang == "vi" else ".")


def field_value(name: str, lang: str, data: dict[str, Any], rng: random.Random) -> str:
    """A random value for one template field (see the YAML's header for the fields)."""
    makers: dict[str, Callable[[], str]] = {
        "province": lambda: rng.choice(data["provinces"]),
        "district": lambda: rng.choice(data["districts"]),
        "name": lambda: rng.choice(data["names"]),
        "big": lambda: grouped(rng.randrange(2_000, 20_000), lang),
        "mid": lambda: grouped(rng.randrange(1_000, 9_000), lang),
        "small": lambda: str(rng.randrange(20, 900)),
        "count": lambda: grouped(rng.randrange(1_000, 300_000), lang),
        "few": lambda: str(rng.randrange(2, 40)),
        "pct": lambda: decimal(rng.uniform(1, 15), lang),
        "tiny": lambda: decimal(rng.uniform(0.01, 0.5), lang),
        "amb": lambda: f"{rng.randrange(1, 10)}{',' if lang == 'vi' else '.'}{rng.randrange(100, 1000)}",
        "day": lambda: str(rng.randrange(1, 29)),
        "month": lambda: str(rng.randrange(1, 13)),
        "month_name": lambda: rng.choice(MONTHS),
        "year": lambda: str(rng.randrange(2015, 2026)),
        "prev": lambda: str(rng.randrange(2014, 2025)),
        "months": lambda: str(rng.choice([3, 6, 9])),
        "number": lambda: str(rng.randrange(1, 2000)),
    }
    return makers[name]()


def fill(template: str, lang: str, data: dict[str, Any], rng: random.Random) -> str:
    """A template with every field filled afresh."""
    return FIELD.sub(lambda m: field_value(m.group(1), lang, data, rng), template)


def text_of(lang: str, size: int, *, seed: int = 17) -> str:
    """A text of about ``size`` UTF-8 bytes: a title, a date line, then paragraphs picked and
    filled at random, separated by blank lines."""
    data = yaml.safe_load(TEMPLATES.read_text(encoding="utf-8"))[lang]
    rng = random.Random(seed)
    dateline = "Updated: 10-07-2024 | 08:12" if lang == "en" else "15/8/2024 - 09:45"
    parts = [fill(data["title"], lang, data, rng), dateline]
    used = sum(len(p.encode("utf-8")) + 2 for p in parts)
    while used < size:
        paragraph = fill(rng.choice(data["paragraphs"]), lang, data, rng)
        parts.append(paragraph)
        used += len(paragraph.encode("utf-8")) + 2
    return "\n\n".join(parts)


LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, where PyYAML has it: the files are long
# The rule files whose examples ``--text examples`` reads, besides each language's pattern rules.
EXAMPLE_FILES = ("linking.yaml", "scope.yaml", "parts.yaml", "indicators.yaml")
EXAMPLE_SOURCES = ("linking", "scope", "parts", "indicators", "patterns")  # "patterns": rules/<lang>/*.jsonl
# An example's markup (tests/helpers/markup.py): a figure, date or reference and its fields.
MARKUP = re.compile(r"\[\[\*?([^|\]]*)[^\]]*\]\]|\{\{([^|}]*)[^}]*\}\}|<<([^|>]*)[^>]*>>")


def example_sentences(lang: str, sources: tuple[str, ...] = EXAMPLE_SOURCES) -> list[str]:
    """The example sentences of the rule files in ``lang`` (positive and negative; the phrase
    lists' and cues' under the language's key, the pattern rules' of ``rules/<lang>/``), their
    markup read as the text it marks; ``sources``: those of these files only (``EXAMPLE_SOURCES``)."""
    rules = ROOT / "rules"
    found: list[str] = []

    def walk(node: Any, here: str | None) -> None:
        if isinstance(node, dict):
            if here == lang and isinstance(node.get("text"), str):
                found.append(node["text"])
            for key, value in node.items():
                walk(value, key if key in ("en", "vi") else here)
        elif isinstance(node, list):
            for value in node:
                walk(value, here)

    for name in EXAMPLE_FILES:
        if name.removesuffix(".yaml") in sources:
            walk(yaml.load((rules / name).read_text(encoding="utf-8"), Loader=LOADER), None)
    for path in sorted((rules / lang).glob("*.jsonl")) if "patterns" in sources else ():
        for line in path.read_text(encoding="utf-8").splitlines():
            examples = json.loads(line).get("examples", {}) if line.strip() else {}
            found += [e["text"] if isinstance(e, dict) else e
                      for kind in ("pos", "neg") for e in examples.get(kind, [])]
    return [MARKUP.sub(lambda m: next(g for g in m.groups() if g is not None), text) for text in found]


def examples_text(lang: str, size: int, *, one_line: bool, sources: tuple[str, ...] = EXAMPLE_SOURCES) -> str:
    """A title, a date line, then the rule files' example sentences (of ``sources``) in turn until
    ``size`` UTF-8 bytes: a paragraph each, or all on the date line's next line."""
    sentences = example_sentences(lang, sources)
    title = "Nghe An news" if lang == "en" else "Tin Nghệ An"
    dateline = "Updated: 10-07-2024 | 08:12" if lang == "en" else "15/8/2024 - 09:45"
    head, gap = f"{title}\n\n{dateline}\n\n", " " if one_line else "\n\n"
    parts: list[str] = []
    used = len(head.encode("utf-8")) - len(gap)
    while used < size:
        parts.append(sentences[len(parts) % len(sentences)])
        used += len(parts[-1].encode("utf-8")) + len(gap)
    return head + gap.join(parts)


TEXTS: dict[str, Callable[[str, int, tuple[str, ...]], str]] = {
    "generated": lambda lang, size, sources: text_of(lang, size),
    "examples": lambda lang, size, sources: examples_text(lang, size, one_line=False, sources=sources),
    "examples-one-line": lambda lang, size, sources: examples_text(lang, size, one_line=True, sources=sources),
}


def size_of(label: str) -> int:
    """Bytes of a size label: "100k" → 100,000; "5M" → 5,000,000."""
    scale = {"k": 1_000, "M": 1_000_000}.get(label[-1], 1)
    return int(float(label.rstrip("kM")) * scale)


def fresh_pipeline(lang: str) -> None:
    """A new spaCy pipeline, untimed: its vocabulary grows with every new word it reads (each
    new number is one), so a text read again would find its words known and run faster."""
    build_nlp.cache_clear()
    build_nlp(bundled().ruleset(lang))


def extraction_seconds(text: str, lang: str) -> float:
    """CPU seconds of one extraction (with linking) of ``text`` by a new pipeline."""
    fresh_pipeline(lang)
    start = time.process_time()
    extract_text(text, lang=lang, budget=UNLIMITED)  # type: ignore[arg-type]
    return time.process_time() - start


def measure(lang: str, labels: list[str], repeat: int, kind: str = "generated",
            sources: tuple[str, ...] = EXAMPLE_SOURCES) -> dict[str, dict[str, float]]:
    """Seconds (the best of ``repeat`` rounds, each round timing every size in turn, so a change
    of load hits them alike), seconds per 100 kB and the ratio of that to the 200 kB text's, for
    texts of ``kind`` (``TEXTS``; the examples of ``sources``)."""
    extract_text(text_of(lang, 20_000), lang=lang)  # type: ignore[arg-type]  # load rules untimed
    texts = {label: TEXTS[kind](lang, size_of(label), sources) for label in labels}
    best = dict.fromkeys(labels, float("inf"))
    for _ in range(repeat):
        for label, text in texts.items():
            best[label] = min(best[label], extraction_seconds(text, lang))
    rows = {label: {"bytes": size_of(label), "seconds": taken, "per_100k": taken / size_of(label) * 100_000}
            for label, taken in best.items()}
    base = next(r for r in rows.values() if r["bytes"] == BASELINE)
    for row in rows.values():
        row["per_100k_vs_200k"] = row["per_100k"] / base["per_100k"]
        row["time_vs_200k"] = row["seconds"] / base["seconds"]
    return rows


def profile(lang: str, label: str) -> None:
    """Print where the time of one extraction goes (cProfile: the top 25 by cumulative time,
    then by own time)."""
    text = text_of(lang, size_of(label))
    extract_text(text_of(lang, 20_000), lang=lang)  # type: ignore[arg-type]
    fresh_pipeline(lang)
    profiler = cProfile.Profile()
    profiler.runcall(extract_text, text, lang=lang, budget=UNLIMITED)  # type: ignore[arg-type]
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


def counted_child(lang: str, label: str, kind: str, sources: tuple[str, ...]) -> None:
    """The child of ``--counted``: the rules loaded and a short text read (as ``measure`` does),
    then the text of ``label`` extracted through ``operator.call``, the one call callgrind counts."""
    extract_text(text_of(lang, 20_000), lang=lang)  # type: ignore[arg-type]
    text = TEXTS[kind](lang, size_of(label), sources)
    fresh_pipeline(lang)
    operator.call(extract_text, text, lang=lang, budget=UNLIMITED)  # type: ignore[arg-type]


def last_level_cache() -> str:
    """callgrind's ``--LL`` for this machine's last-level cache (size, ways, line), 8 MiB when
    the system does not tell."""
    size = os.sysconf("SC_LEVEL3_CACHE_SIZE") if "SC_LEVEL3_CACHE_SIZE" in os.sysconf_names else 0
    ways = os.sysconf("SC_LEVEL3_CACHE_ASSOC") if "SC_LEVEL3_CACHE_ASSOC" in os.sysconf_names else 0
    sets = size // (ways * 64) if size > 0 and ways > 0 else 0
    if sets <= 0 or sets & (sets - 1):
        size, ways = 8 * 1024 * 1024, 16  # callgrind wants a power of two of sets
    return f"{size},{ways},64"


def callgrind_counts(summary: str) -> dict[str, int]:
    """The events callgrind's closing summary (its stderr) names, with their totals."""
    events = re.search(r"^==\d+== Events\s*: (.+)$", summary, re.M)
    totals = re.search(r"^==\d+== Collected\s*: (.+)$", summary, re.M)
    if events is None or totals is None:
        raise RuntimeError(f"no callgrind summary in: {summary[-500:]}")
    return dict(zip(events.group(1).split(), map(int, totals.group(1).split()), strict=True))


def counted(lang: str, labels: list[str], kind: str, sources: tuple[str, ...]) -> dict[str, dict[str, float]]:
    """Instructions and last-level read misses of each size's extraction, per 100 kB and as
    ratios to the 200 kB text's (see the module's docstring)."""
    rows: dict[str, dict[str, float]] = {}
    for label in labels:
        child = [sys.executable, str(Path(__file__).resolve()), "--counted-child", label, "--lang", lang,
                 "--text", kind, "--examples-from", ",".join(sources)]
        done = subprocess.run(["valgrind", "--tool=callgrind", "--collect-atstart=no",
                               "--toggle-collect=_operator_call", "--cache-sim=yes",
                               f"--LL={last_level_cache()}", "--callgrind-out-file=/dev/null", *child],
                              capture_output=True, text=True, check=False,
                              env={**os.environ, "PYTHONHASHSEED": "0"})
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(child)} under callgrind failed: {done.stderr[-2000:]}")
        found = callgrind_counts(done.stderr)
        misses, hundreds = found["DLmr"] + found["ILmr"], size_of(label) / 100_000
        rows[label] = {"bytes": size_of(label), "instructions": found["Ir"], "ll_read_misses": misses,
                       "instructions_per_100k": found["Ir"] / hundreds,
                       "ll_read_misses_per_100k": misses / hundreds}
    base = next(r for r in rows.values() if r["bytes"] == BASELINE)
    for row in rows.values():
        row["instructions_per_100k_vs_200k"] = row["instructions_per_100k"] / base["instructions_per_100k"]
        row["ll_misses_per_100k_vs_200k"] = row["ll_read_misses_per_100k"] / base["ll_read_misses_per_100k"]
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100k,200k,1M,2M,5M")
    parser.add_argument("--lang", default="en,vi")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", metavar="SIZE", help="profile one size instead")
    parser.add_argument("--text", choices=sorted(TEXTS), default="generated",
                        help="what the long texts are made of (see the module's docstring)")
    parser.add_argument("--examples-from", default=",".join(EXAMPLE_SOURCES),
                        help="the rule files whose examples make the text (--text examples…): "
                             + ", ".join(EXAMPLE_SOURCES))
    parser.add_argument("--counted", action="store_true",
                        help="instructions and last-level cache misses under valgrind, not seconds")
    parser.add_argument("--counted-child", metavar="SIZE", help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    sources = tuple(args.examples_from.split(","))
    if not set(sources) <= set(EXAMPLE_SOURCES):
        parser.error(f"--examples-from takes {', '.join(EXAMPLE_SOURCES)}")
    langs = args.lang.split(",")
    if args.counted_child:
        counted_child(langs[0], args.counted_child, args.text, sources)
        return 0
    if args.profile:
        for lang in langs:
            profile(lang, args.profile)
        return 0
    labels = args.sizes.split(",")
    if "200k" not in labels:
        labels.insert(0, "200k")
    if args.counted:
        if shutil.which("valgrind") is None:
            parser.error("--counted runs valgrind, which is not installed (Debian: apt install valgrind)")
        counts = {lang: counted(lang, labels, args.text, sources) for lang in langs}
        if args.json:
            print(json.dumps({"text": args.text, "counted": counts}, indent=2))
        else:
            for lang, rows in counts.items():
                for label, row in rows.items():
                    print(f"{lang} {label:>5}: {row['instructions_per_100k'] / 1e9:.3f} G instructions/100 kB "
                          f"({row['instructions_per_100k_vs_200k']:.3f}x the 200 kB text's), "
                          f"{row['ll_read_misses_per_100k'] / 1e6:.3f} M last-level read misses/100 kB "
                          f"({row['ll_misses_per_100k_vs_200k']:.2f}x)")
        return 0
    report = {lang: measure(lang, labels, args.repeat, args.text, sources) for lang in langs}
    checks = {f"{lang} {label} under 25x the 200k time": rows[label]["time_vs_200k"] < 25
              for lang, rows in report.items() for label in labels if size_of(label) == 5_000_000}
    if args.json:
        print(json.dumps({"text": args.text, "sizes": report, "checks": checks}, indent=2))
    else:
        for lang, rows in report.items():
            for label, row in rows.items():
                print(f"{lang} {label:>5}: {row['seconds']:8.2f} s, {row['per_100k']:.3f} s/100 kB, "
                      f"{row['per_100k_vs_200k']:.2f}x the 200 kB rate, {row['time_vs_200k']:.1f}x its time")
        for name, ok in checks.items():
            print(f"{'PASS' if ok else 'FAIL'} {name}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
