"""Words per second of the full extraction pipeline, against baselines measured in the same run.

Baselines: bare ``spacy.blank(lang)`` tokenisation of the same texts (the floor any spaCy
pipeline pays) and quantulum3, the general quantity extractor we must beat. The machine is
shared and noisy, so only ratios measured in one run mean anything: each round times the bare
tokeniser, the pipeline without linking and the full pipeline one after the other (so a change
of load hits all three alike), in CPU time of this process (time spent waiting for a core is
not counted), and each timing is the best of ``--repeat`` rounds. Peak memory is tracemalloc's
peak while the pipeline runs.

    python bench/extract_speed.py [--words 100000] [--repeat 5] [--stages] [--json]

More shorter rounds beat fewer long ones on a shared machine: a round in which another process
holds the core spoils only that round, and the best of five is more often a quiet one.

``--stages`` adds where the time goes: each stage (document metadata, spaCy and the rules,
assembling records, linking) timed alone, one document at a time, as a multiple of the bare
tokeniser's time.

Two pipelines are timed. *Extraction* is issue 2's pipeline: document metadata, spaCy and the
rules, records (figures, dates, legal references; ``extract_text(..., link=False)``), what
quantulum3 also does. *With linking* adds issue 4's stage (observations: indicator, province,
date), which is what ``extractor extract`` runs by default.

Targets: extraction ≥ 0.4× the bare tokeniser and ≥ 30× quantulum3 (issue 2); Vietnamese ≥ 0.5×
the English words per second (issue 3). Linking has no target of its own; its cost is reported.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import tracemalloc
import warnings
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.evaluation import load_gold
from extractor.nlp.engine import build_nlp
from extractor.pipeline import extract_text
from extractor.registry.bundle import bundled


def corpus(lang: str, words: int) -> list[str]:
    """The gold texts of a language, repeated until they hold about ``words`` words."""
    texts = [case.text() for case in load_gold(ROOT / "corpus" / "gold", language=lang)]
    out: list[str] = []
    while sum(len(t.split()) for t in out) < words:
        out.extend(texts)
    return out


def each(function: Callable[[Any], object], items: Iterable[Any]) -> None:
    """Call ``function`` on every item and keep no result, as a batch job does (it stores each
    document's records and drops them): results kept alive would make the garbage collector
    walk them again and again, a cost real runs do not pay."""
    for item in items:
        function(item)


def best_of(repeat: int, runs: dict[str, tuple[Callable[[], None], Callable[[], None]]]) -> dict[str, float]:
    """The fastest CPU time in seconds of each run over ``repeat`` rounds; a round does every
    run in turn, each after its untimed ``fresh`` step (a new tokenizer or pipeline, so every
    run starts with cold caches: spaCy caches across calls)."""
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(repeat):
        for name, (fresh, run) in runs.items():
            fresh()
            start = time.process_time()
            run()
            best[name] = min(best[name], time.process_time() - start)
    return best


def bare_tokeniser(lang: str) -> Callable[[str], object]:
    import spacy

    if lang == "vi":
        return spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}}).tokenizer
    return spacy.blank(lang).tokenizer


def quantulum_rate(texts: list[str], budget_words: int) -> float | None:
    """quantulum3's words per second on a sample (it is slow), or None when not installed."""
    try:
        from quantulum3 import parser
    except ImportError:
        return None
    sample, words = [], 0
    for text in texts:
        if words >= budget_words:
            break
        sample.append(text)
        words += len(text.split())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parser.parse(sample[0][:200])  # load its data files before timing
        start = time.process_time()
        for text in sample:
            parser.parse(text)
        seconds = time.process_time() - start
    return words / seconds


def measure(lang: str, words: int, repeat: int) -> dict[str, float | None]:
    texts = corpus(lang, words)
    total = sum(len(t.split()) for t in texts)
    extract_text(texts[0], lang=lang)  # load rules and linker data once, untimed
    tokenisers: list[Callable[[str], object]] = []

    def fresh_tokeniser() -> None:
        tokenisers[:] = [bare_tokeniser(lang)]

    def fresh_pipeline() -> None:
        build_nlp.cache_clear()
        build_nlp(bundled().ruleset(lang))

    best = best_of(repeat, {
        "bare": (fresh_tokeniser, lambda: each(tokenisers[0], texts)),
        "no_link": (fresh_pipeline, lambda: each(partial(extract_text, lang=lang, link=False), texts)),
        "full": (fresh_pipeline, lambda: each(partial(extract_text, lang=lang), texts)),
    })
    bare, no_link, full = best["bare"], best["no_link"], best["full"]
    tracemalloc.start()
    for text in texts[: max(1, len(texts) // 4)]:
        extract_text(text, lang=lang)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "words": total,
        "bare_tokeniser_wps": total / bare,
        "extraction_wps": total / no_link,
        "extraction_vs_tokeniser": bare / no_link,
        "with_linking_wps": total / full,
        "with_linking_vs_tokeniser": bare / full,
        "peak_memory_mb": peak / 1e6,
    }


def stages(lang: str, words: int, repeat: int) -> dict[str, float]:
    """Each stage's time over the corpus as a multiple of bare tokenisation's, best of
    ``repeat`` rounds (CPU time; a fresh pipeline each round, no results kept)."""
    from extractor.link import link as link_with
    from extractor.nlp.assemble import assemble
    from extractor.nlp.engine import make_document, run_pipeline

    texts = corpus(lang, words)
    registry = bundled()
    rules = registry.ruleset(lang)

    def document(text: str):  # type: ignore[no-untyped-def]
        return make_document(text, source="bench", lang=lang, cues=registry.language)  # type: ignore[arg-type]

    def link(extraction):  # type: ignore[no-untyped-def]
        return link_with(extraction, linker=registry.linker)

    documents = [document(t) for t in texts]
    drafted = [run_pipeline(d.text, rules) for d in documents]
    assembled = [assemble(d, found, sentences, rules) for d, (found, sentences) in zip(documents, drafted, strict=True)]
    steps: dict[str, Callable[[], object]] = {
        "bare tokeniser": lambda: each(tokenisers[0], texts),
        "document metadata": lambda: each(document, texts),
        "spaCy + rules": lambda: each(lambda d: run_pipeline(d.text, rules), documents),
        "assemble records": lambda: each(lambda pair: assemble(pair[0], *pair[1], rules),
                                         zip(documents, drafted, strict=True)),
        "link": lambda: each(link, assembled),
    }
    tokenisers: list[Callable[[str], object]] = []
    best: dict[str, float] = {}
    for _ in range(repeat):
        tokenisers[:] = [bare_tokeniser(lang)]
        build_nlp.cache_clear()
        build_nlp(rules)
        for name, step in steps.items():
            start = time.process_time()
            step()
            best[name] = min(best.get(name, float("inf")), time.process_time() - start)
    base = best.pop("bare tokeniser")
    return {name: seconds / base for name, seconds in best.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--quantulum-words", type=int, default=3_000)
    parser.add_argument("--stages", action="store_true", help="also time each stage alone")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    report: dict[str, object] = {lang: measure(lang, args.words, args.repeat) for lang in ("en", "vi")}
    en, vi = report["en"], report["vi"]
    q = quantulum_rate(corpus("en", args.quantulum_words), args.quantulum_words)
    report["quantulum3_wps"] = q
    report["en_vs_quantulum3"] = en["extraction_wps"] / q if q else None
    report["en_with_linking_vs_quantulum3"] = en["with_linking_wps"] / q if q else None
    report["vi_vs_en"] = vi["extraction_wps"] / en["extraction_wps"]
    report["vi_vs_en_with_linking"] = vi["with_linking_wps"] / en["with_linking_wps"]
    checks = {
        "en extraction >= 0.4x bare tokeniser": en["extraction_vs_tokeniser"] >= 0.4,
        "en extraction >= 30x quantulum3": q is None or report["en_vs_quantulum3"] >= 30,
        "vi extraction >= 0.5x en extraction": report["vi_vs_en"] >= 0.5,
    }
    report["checks"] = checks
    if args.stages:
        report["stages_vs_tokeniser"] = {lang: stages(lang, args.words, args.repeat) for lang in ("en", "vi")}
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for lang in ("en", "vi"):
            r = report[lang]
            print(f"{lang}: {r['words']:,} words; bare tokeniser {r['bare_tokeniser_wps']:,.0f} w/s; "
                  f"extraction {r['extraction_wps']:,.0f} w/s ({r['extraction_vs_tokeniser']:.2f}x tokeniser); "
                  f"with linking {r['with_linking_wps']:,.0f} w/s ({r['with_linking_vs_tokeniser']:.2f}x); "
                  f"peak {r['peak_memory_mb']:.1f} MB")
        print(f"quantulum3: {q:,.0f} w/s; en extraction = {report['en_vs_quantulum3']:.0f}x quantulum3 "
              f"({report['en_with_linking_vs_quantulum3']:.0f}x with linking)"
              if q else "quantulum3: not installed")
        print(f"vi = {report['vi_vs_en']:.2f}x en (extraction), "
              f"{report['vi_vs_en_with_linking']:.2f}x (with linking)")
        for name, ok in checks.items():
            print(f"{'PASS' if ok else 'FAIL'} {name}")
        for lang, parts in report.get("stages_vs_tokeniser", {}).items():  # type: ignore[union-attr]
            print(f"{lang} stages (x bare tokeniser time): "
                  + "; ".join(f"{name} {ratio:.2f}" for name, ratio in parts.items()))
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
