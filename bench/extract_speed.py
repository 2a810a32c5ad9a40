"""Words per second of what ``extractor extract`` does, against baselines fed the same paragraphs
in the same run.

The headline is the full path of ``extractor extract`` on a text file: the text read
(``load_bytes``), then ``process`` with linking on and the language detected
(``extractor/pipeline/process.py``: figures, dates, legal references, table cells, layout,
observations). *Without linking* is the same with ``link=False``.

Baselines, fed exactly as the pipeline reads: the pipeline runs its rules over each paragraph of
the text it read (``extractor.nlp.engine.paragraphs``: every non-blank line; it makes no spaCy
Doc since issue 18), so the baselines get those very pieces:

- bare ``spacy.blank(lang)`` tokenisation of each paragraph (the floor any spaCy pipeline pays);
- quantulum3 (English only), the general quantity extractor we must beat, on the first
  paragraphs of the same English texts (it is slow: ``--quantulum-words`` of them).

Texts are the gold corpus's, each copy given new figures and provinces (``bench/_common.py``).
The machine is shared and noisy: each round times the bare tokeniser, the pipeline without
linking, the full pipeline and (English) quantulum3 one after the other, in CPU time of this
process (time spent waiting for a core is not counted), each after a fresh start (a new
tokenizer or spaCy pipeline: spaCy caches across calls; the date lines read are forgotten too, as
every new article brings new ones); rates are the median of ``--repeat``
rounds and ratios the median of each round's ratio. Peak memory is tracemalloc's peak while the
full pipeline runs over a quarter of the texts.

    python bench/extract_speed.py [--words 60000] [--repeat 5] [--stages] [--json]
    python bench/extract_speed.py --quick     # about 20 s: 3,000 words, 3 rounds

Ratios depend on the number of words: spaCy's tokenizer keeps every string it has split, so
over a longer run the bare tokeniser speeds up far more than the pipeline (English with linking,
on a loaded machine: 0.13× the tokeniser at 3,000 words, 0.11× at 20,000, 0.06–0.07× at 60,000,
0.04× at 120,000; the tokeniser's rate levels off from about 60,000 words, the default, at
0.7–0.8M words/s). Compare runs of the same ``--words``, never a ``--quick`` figure with a full
one.

``--stages`` adds where the time goes, each as a multiple of the bare tokeniser's time: reading
the text, the tokenizer of ``spacy_pipeline.build_nlp`` alone (which extraction no longer runs),
spaCy + rules (``run_pipeline``: the rules alone since extraction makes no Doc), the rest of the
extraction (records, tables, layout: the pipeline without linking less the two before) and
linking (the full pipeline less the one without linking).

Targets (issue 18): English with linking ≥ 0.25× the paragraph-fed tokeniser and ≥ 50×
quantulum3; Vietnamese ≥ 0.5× the English words per second (issue 3), with linking. The script
prints PASS/FAIL for each and exits non-zero on a FAIL.
"""

from __future__ import annotations

import argparse
import json
import sys
import tracemalloc
import warnings
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Run, each, interleaved, median, median_ratio, varied_texts

from extractor.nlp.engine import paragraphs, run_pipeline
from extractor.nlp.spacy_pipeline import build_nlp
from extractor.parse import Loaded, load_bytes
from extractor.parse.dates import stated_date
from extractor.pipeline import process
from extractor.registry.bundle import Registry, bundled

QUICK = {"words": 3_000, "repeat": 3, "quantulum_words": 600}


def bare_tokeniser(lang: str) -> Callable[[str], object]:
    """A fresh ``spacy.blank(lang)`` tokenizer (Vietnamese: syllables split on white space)."""
    import spacy

    if lang == "vi":
        return spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}}).tokenizer
    return spacy.blank(lang).tokenizer


def quantulum_parse() -> Callable[[str], object] | None:
    """quantulum3's parser with its data files loaded, or None when it is not installed."""
    try:
        from quantulum3 import parser
    except ImportError:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parser.parse("VND 13,374 billion, up 8.3%")
    return parser.parse


def pieces(loaded: list[Loaded]) -> list[str]:
    """The paragraphs the pipeline hands spaCy, in order, over every document."""
    return [doc.text[start:end] for doc in loaded for start, end in paragraphs(doc.text)]


def first_words(items: list[str], words: int) -> list[str]:
    """The first items holding about ``words`` words."""
    out, total = [], 0
    for item in items:
        if total >= words:
            break
        out.append(item)
        total += len(item.split())
    return out


class Extract:
    """What ``extractor extract`` does to one text file's bytes: read, then process."""

    def __init__(self, registry: Registry, *, link: bool) -> None:
        self.registry, self.link = registry, link

    def __call__(self, raw: object) -> object:
        assert isinstance(raw, bytes)
        loaded = load_bytes(raw, source="bench.txt", registry=self.registry)
        return process(loaded, registry=self.registry, link=self.link)


def fresh_pipelines(registry: Registry) -> None:
    """Build the spaCy pipelines again and forget the date lines read, so a run starts with cold
    caches: every article of an archive brings date lines never read before (a time stamp is
    seldom repeated), which a round reading the same texts again would find read."""
    build_nlp.cache_clear()
    stated_date.cache_clear()
    for lang in ("en", "vi"):
        build_nlp(registry.ruleset(lang))


def runs(lang: str, raws: list[bytes], paragraphs_: list[str], registry: Registry,
         quantulum: tuple[Callable[[Any], object], list[str]] | None) -> dict[str, Run]:
    """The runs of one round: name → (fresh start, timed work)."""
    tokenisers: list[Callable[[Any], object]] = []

    def fresh_tokeniser() -> None:
        tokenisers[:] = [bare_tokeniser(lang)]

    out: dict[str, Run] = {
        "tokeniser": (fresh_tokeniser, lambda: each(tokenisers[0], paragraphs_)),
        "no_link": (partial(fresh_pipelines, registry), lambda: each(Extract(registry, link=False), raws)),
        "full": (partial(fresh_pipelines, registry), lambda: each(Extract(registry, link=True), raws)),
    }
    if quantulum is not None:
        parse, sample = quantulum

        def quiet() -> None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                each(parse, sample)

        out["quantulum3"] = (lambda: None, quiet)
    return out


def stage_runs(lang: str, raws: list[bytes], loaded: list[Loaded], paragraphs_: list[str],
               registry: Registry) -> dict[str, Run]:
    """Runs of the parts ``--stages`` reports that are timed on their own."""
    rules = registry.ruleset(lang)
    reader = partial(load_bytes, source="bench.txt", registry=registry)

    def pipeline_tokeniser(piece: Any) -> object:
        return build_nlp(rules).make_doc(piece)

    return {
        "read text": (lambda: None, lambda: each(reader, raws)),
        "pipeline tokeniser": (partial(fresh_pipelines, registry), lambda: each(pipeline_tokeniser, paragraphs_)),
        "spaCy + rules": (partial(fresh_pipelines, registry),
                          lambda: each(lambda d: run_pipeline(d.text, rules), loaded)),
    }


def peak_memory_mb(raws: list[bytes], registry: Registry) -> float:
    """tracemalloc's peak while the full pipeline runs over a quarter of the texts."""
    tracemalloc.start()
    each(Extract(registry, link=True), raws[: max(1, len(raws) // 4)])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def stage_shares(seconds: dict[str, list[float]]) -> dict[str, float]:
    """Each part's time as a multiple of the bare tokeniser's (median over rounds); the rest of
    the extraction and linking are differences of whole runs of the same round."""
    tok = seconds["tokeniser"]
    rest = [n - r - s for n, r, s in zip(seconds["no_link"], seconds["read text"], seconds["spaCy + rules"],
                                          strict=True)]
    link = [f - n for f, n in zip(seconds["full"], seconds["no_link"], strict=True)]
    parts = {name: seconds[name] for name in ("read text", "pipeline tokeniser", "spaCy + rules")}
    parts |= {"rest of extraction": rest, "linking": link}
    return {name: median_ratio(values, tok) for name, values in parts.items()}


def measure(lang: str, *, words: int, repeat: int, quantulum_words: int, stages: bool,
            registry: Registry) -> dict[str, Any]:
    """One language's rates and ratios, all from interleaved rounds of this run."""
    raws = [text.encode("utf-8") for text in varied_texts(lang, words)]
    each(Extract(registry, link=True), raws[:2])  # load rules, linker data and lazy imports, untimed
    loaded = [load_bytes(raw, source="bench.txt", registry=registry) for raw in raws]
    fed = pieces(loaded)
    total = sum(len(doc.text.split()) for doc in loaded)
    parse = quantulum_parse() if lang == "en" else None
    sample = first_words(fed, quantulum_words)
    plan = runs(lang, raws, fed, registry, (parse, sample) if parse else None)
    if stages:
        plan |= stage_runs(lang, raws, loaded, fed, registry)
    seconds = interleaved(repeat, plan)
    tok, no_link, full = seconds["tokeniser"], seconds["no_link"], seconds["full"]
    report: dict[str, Any] = {
        "words": total,
        "paragraphs": len(fed),
        "tokeniser_wps": total / median(tok),
        "extraction_wps": total / median(no_link),
        "with_linking_wps": total / median(full),
        "extraction_vs_tokeniser": median_ratio(tok, no_link),
        "with_linking_vs_tokeniser": median_ratio(tok, full),
        "peak_memory_mb": peak_memory_mb(raws, registry),
    }
    if parse is not None:
        q = seconds["quantulum3"]
        sample_words = sum(len(p.split()) for p in sample)
        report["quantulum3_wps"] = sample_words / median(q)
        # (total / full) / (sample_words / q) per round: both rates from the same round.
        report["with_linking_vs_quantulum3"] = median_ratio([total * s for s in q], [sample_words * f for f in full])
        report["extraction_vs_quantulum3"] = median_ratio([total * s for s in q], [sample_words * n for n in no_link])
    if stages:
        report["stages_vs_tokeniser"] = stage_shares(seconds)
    return report


def checks(report: dict[str, Any]) -> dict[str, bool | None]:
    """The issue's targets; None where a baseline is missing (quantulum3 not installed)."""
    en, vi = report["en"], report["vi"]
    versus_q = en.get("with_linking_vs_quantulum3")
    return {
        "en with linking >= 0.25x paragraph-fed tokeniser": en["with_linking_vs_tokeniser"] >= 0.25,
        "en with linking >= 50x quantulum3": None if versus_q is None else versus_q >= 50,
        "vi with linking >= 0.5x en with linking": vi["with_linking_wps"] >= 0.5 * en["with_linking_wps"],
    }


def print_report(report: dict[str, Any]) -> None:
    """The report as lines of text."""
    for lang in ("en", "vi"):
        r = report[lang]
        print(f"{lang}: {r['words']:,} words in {r['paragraphs']:,} paragraphs; "
              f"paragraph-fed tokeniser {r['tokeniser_wps']:,.0f} w/s; "
              f"with linking (extractor extract) {r['with_linking_wps']:,.0f} w/s "
              f"= {r['with_linking_vs_tokeniser']:.3f}x tokeniser; "
              f"without linking {r['extraction_wps']:,.0f} w/s = {r['extraction_vs_tokeniser']:.3f}x; "
              f"peak {r['peak_memory_mb']:.1f} MB")
        if "quantulum3_wps" in r:
            print(f"  quantulum3 on the same paragraphs {r['quantulum3_wps']:,.0f} w/s: with linking "
                  f"{r['with_linking_vs_quantulum3']:.1f}x, without {r['extraction_vs_quantulum3']:.1f}x")
        if "stages_vs_tokeniser" in r:
            parts = r["stages_vs_tokeniser"].items()
            print("  stages (x tokeniser time): " + "; ".join(f"{k} {v:.2f}" for k, v in parts))
    if "quantulum3_wps" not in report["en"]:
        print("quantulum3: not installed (pip install -e '.[test]')")
    print(f"vi = {report['vi_vs_en_with_linking']:.2f}x en (with linking)")
    for name, ok in report["checks"].items():
        print(f"{'n/a ' if ok is None else 'PASS' if ok else 'FAIL'} {name}")


def main(argv: list[str] | None = None) -> int:
    """Measure both languages, print the report, exit non-zero on a missed target."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a small run (about 20 s); a size given too overrides it")
    parser.add_argument("--words", type=int, help="words per language (60,000; --quick 3,000)")
    parser.add_argument("--repeat", type=int, help="interleaved rounds (5; --quick 3)")
    parser.add_argument("--quantulum-words", type=int, help="English words given to quantulum3 (3,000; --quick 600)")
    parser.add_argument("--stages", action="store_true", help="also time the parts on their own")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else {"words": 60_000, "repeat": 5, "quantulum_words": 3_000}
    words, repeat, q_words = (getattr(args, k) or sizes[k] for k in ("words", "repeat", "quantulum_words"))
    registry = bundled()
    report: dict[str, Any] = {
        lang: measure(lang, words=words, repeat=repeat, quantulum_words=q_words, stages=args.stages,
                      registry=registry) for lang in ("en", "vi")}
    report["vi_vs_en_with_linking"] = report["vi"]["with_linking_wps"] / report["en"]["with_linking_wps"]
    report["checks"] = checks(report)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_report(report)
    return 0 if all(report["checks"].values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
