"""Run the extractor on gold cases: plain texts as they are, HTML and PDF through the parser."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from extractor.evaluation.gold import GoldCase, by_group, corpus_hash
from extractor.evaluation.scoring import Report, score_case
from extractor.models import Extraction
from extractor.parse import load_path
from extractor.pipeline import extract_text, process
from extractor.registry.bundle import bundled

Extract = Callable[[GoldCase], Extraction]


def extract_case(case: GoldCase) -> Extraction:
    """The extractor's output for a gold case, with the language, source and context date it
    states (the page's ``url``, when given, is the source, as for a fetched page)."""
    if case.format == "text":
        return _extract_text(case)
    return _extract_parsed(case)


def _extract_text(case: GoldCase) -> Extraction:
    raw = case.text_path.read_bytes()
    return extract_text(raw.decode("utf-8"), source=case.gold.url or str(case.text_path), raw=raw,
                        lang=case.gold.language, published=case.gold.context_published)


def _extract_parsed(case: GoldCase) -> Extraction:
    """An HTML page or PDF read by the parse stage, then extracted: the gate measures both."""
    registry = bundled()
    loaded = load_path(case.text_path, registry=registry)
    update: dict[str, object] = {}
    if case.gold.url:
        update["source"] = case.gold.url
    if loaded.published is None and case.gold.context_published is not None:
        update["published"] = case.gold.context_published
    return process(loaded.model_copy(update=update), registry=registry, lang=case.gold.language)


def evaluate(cases: Sequence[GoldCase], extract: Extract = extract_case) -> Report:
    """Run ``extract`` on every case and score it."""
    report = Report()
    for case in cases:
        score_case(report, case, extract(case))
    return report


def evaluate_groups(cases: Sequence[GoldCase], extract: Extract = extract_case
                    ) -> dict[str, tuple[Report, str]]:
    """A report and a corpus hash per scoring group (en, vi, html, pdf)."""
    return {group: (evaluate(members, extract), corpus_hash(members))
            for group, members in by_group(cases).items()}
