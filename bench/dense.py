"""Dense pages: does the time per copy of one construct grow as a page repeats it?

Issue 17: a stage that reads each figure (or date, mention, marker) against every other of its
kind in the text makes a page dense in that kind quadratic: the generated texts of
``bench/scaling.py`` mix many kinds and rarely repeat one, so they missed such stages. This bench
takes each sentence of ``dense_sentences.yaml`` (one construct each, written for the bench),
repeats it alone to two sizes, on one line (a page that lost its paragraph breaks: whatever is
read per paragraph is read over the whole text), as one run without a full stop (its stops made
commas: whatever is read per sentence is read over runs of ``MAX_SENTENCE`` characters, cut at a
space wherever that falls) or one sentence per paragraph, extracts it with
linking as ``extractor extract`` does (no per-document budget), and reports each size's CPU
seconds and the time per copy at the larger size as a ratio to the smaller's. A linear stage keeps
that ratio near 1; one that reads the whole text for each copy makes it grow with the sizes'
ratio (4 by default). Runs are in CPU time of this process, each with a new pipeline (spaCy's
vocabulary grows with every new word), one after the other.

    python bench/dense.py [--lang vi,en] [--layout one-line,run,paragraphs] [--sizes 100k,400k] [--only 3,12] [--json]

Target: every ratio under ``--limit`` (1.25 by default: runs of a linear text differ by a few
hundredths on this shared machine). Each flagged sentence is a quadratic stage to profile
(``python -m cProfile``); its fix keeps every output (see README "Speed").
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.nlp.spacy_pipeline import build_nlp
from extractor.pipeline import extract_text
from extractor.pipeline.budget import UNLIMITED
from extractor.registry.bundle import bundled

SENTENCES = Path(__file__).with_name("dense_sentences.yaml")
LAYOUTS = {"one-line": " ", "run": ", ", "paragraphs": "\n"}
TITLE = {"vi": "Tin tức", "en": "News"}


def sentences(lang: str) -> list[str]:
    """The bench's sentences of a language, in the file's order."""
    data = yaml.safe_load(SENTENCES.read_text(encoding="utf-8"))
    return [str(s) for s in data[lang]]


def size_of(label: str) -> int:
    """Bytes of a size label: "100k" → 100,000, "1M" → 1,000,000."""
    scale = {"k": 1_000, "M": 1_000_000}
    return int(float(label[:-1]) * scale[label[-1]]) if label[-1] in scale else int(label)


def dense_text(sentence: str, lang: str, size: int, layout: str) -> tuple[str, int]:
    """A title line, then ``sentence`` repeated to about ``size`` UTF-8 bytes, joined as
    ``layout`` says; and how many copies."""
    if layout == "run":
        sentence = sentence.rstrip(".!?")
    copies = max(1, size // (len(sentence.encode("utf-8")) + len(LAYOUTS[layout])))
    return TITLE[lang] + "\n" + LAYOUTS[layout].join([sentence] * copies), copies


def seconds(text: str, lang: str) -> float:
    """CPU seconds of one extraction with linking by a new pipeline."""
    build_nlp.cache_clear()
    build_nlp(bundled().ruleset(lang))
    start = time.process_time()
    extract_text(text, lang=lang, budget=UNLIMITED)  # type: ignore[arg-type]
    return time.process_time() - start


def measure(sentence: str, lang: str, layout: str, sizes: tuple[int, int]) -> dict[str, Any]:
    """Both sizes of one sentence in one layout: seconds, copies, the per-copy ratio."""
    runs = [(seconds(text, lang), copies) for text, copies in (dense_text(sentence, lang, size, layout)
                                                               for size in sizes)]
    (small, n_small), (large, n_large) = runs
    return {"sentence": sentence, "lang": lang, "layout": layout, "seconds": [small, large],
            "copies": [n_small, n_large], "per_copy_ratio": (large / n_large) / (small / n_small)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--lang", default="vi,en")
    parser.add_argument("--layout", default="one-line,run,paragraphs", help="any of one-line, run, paragraphs")
    parser.add_argument("--sizes", default="100k,400k", help="two sizes: the smaller first")
    parser.add_argument("--only", help="the sentences' places in the file's list, e.g. 3,12")
    parser.add_argument("--limit", type=float, default=1.25, help="the largest per-copy ratio that passes")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    small, large = (size_of(label) for label in args.sizes.split(","))
    if not 0 < small < large:
        parser.error("--sizes takes two sizes, the smaller first")
    layouts = args.layout.split(",")
    if not set(layouts) <= set(LAYOUTS):
        parser.error(f"--layout takes {', '.join(LAYOUTS)}")
    only = {int(i) for i in args.only.split(",")} if args.only else None
    extract_text(TITLE["en"] + "\nA line.", lang="en")  # rules loaded and lazy imports done, untimed
    rows = []
    for lang in args.lang.split(","):
        for place, sentence in enumerate(sentences(lang)):
            if only is not None and place not in only:
                continue
            for layout in layouts:
                row = measure(sentence, lang, layout, (small, large)) | {"place": place}
                rows.append(row)
                if not args.json:
                    flag = "FAIL" if row["per_copy_ratio"] >= args.limit else "ok  "
                    small_s, large_s = row["seconds"]
                    print(f"{flag} {lang} #{place:<2} {layout:<10} {small_s:7.2f} s {large_s:7.2f} s"
                          f"  per copy {row['per_copy_ratio']:.2f}x  {sentence[:60]}", flush=True)
    failed = [row for row in rows if row["per_copy_ratio"] >= args.limit]
    if args.json:
        print(json.dumps({"sizes": [small, large], "limit": args.limit, "rows": rows,
                          "checks": {"every per-copy ratio under the limit": not failed}}, indent=2))
    else:
        verdict = "PASS" if not failed else "FAIL"
        print(f"{verdict} {len(rows) - len(failed)} of {len(rows)} under {args.limit}x per copy")
    return 0 if not failed else 1


if __name__ == "__main__":
    raise SystemExit(main())
