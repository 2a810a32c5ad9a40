"""Score the extractor against the hand-made gold in ``corpus/gold`` (see GUIDELINES.md there).

The data's path: ``gold`` reads annotations and finds their documents; ``run`` extracts each
document (plain text directly, HTML and PDF through the parse stage); ``scoring`` matches the
records and compares every attribute of the matches; ``gate`` holds the scores against the
floors pinned per group (en, vi, html, pdf) in ``baseline.json``.
"""

from __future__ import annotations

from extractor.errors import GoldError
from extractor.evaluation.counting import (
    DATE_TOLERANCE,
    Accuracy,
    Tally,
    close,
    num,
    pair_in_order,
    same_unit,
    unit_key,
)
from extractor.evaluation.gate import check_gate, new_floors, read_baseline
from extractor.evaluation.gold import (
    GROUP_ORDER,
    DocFormat,
    GoldCase,
    GoldDate,
    GoldDocument,
    GoldFigure,
    GoldLegal,
    GoldObservation,
    GoldSet,
    MissingText,
    by_group,
    corpus_hash,
    load_case,
    load_gold,
    missing_texts_error,
    read_gold,
)
from extractor.evaluation.run import Extract, evaluate, evaluate_groups, extract_case
from extractor.evaluation.scoring import ACCURACIES, Report, is_part, score_case

AS_OF_TOLERANCE = DATE_TOLERANCE

__all__ = [
    "ACCURACIES", "AS_OF_TOLERANCE", "DATE_TOLERANCE", "GROUP_ORDER", "Accuracy", "DocFormat",
    "Extract", "GoldCase", "GoldDate", "GoldDocument", "GoldError", "GoldFigure", "GoldLegal",
    "GoldObservation", "GoldSet", "MissingText", "Report", "Tally", "by_group", "check_gate",
    "close", "corpus_hash", "evaluate", "evaluate_groups", "extract_case", "is_part", "load_case",
    "load_gold", "missing_texts_error", "new_floors", "num", "pair_in_order", "read_baseline",
    "read_gold", "same_unit", "score_case", "unit_key",
]
