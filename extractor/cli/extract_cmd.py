"""`extractor extract` and `extractor eval`: read documents, score against the gold."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sys
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from extractor.cli import output as consoles
from extractor.cli.budget_options import MaxCharsOpt, TimeLimitOpt, budget
from extractor.cli.fetch_options import AllowPrivateOpt, DeadlineOpt, DelayOpt, fetch_options
from extractor.cli.output import JsonWriter, say, write_json_text
from extractor.cli.plain import RICH_ROWS, write_plain
from extractor.errors import ExtractorError

if TYPE_CHECKING:  # the records (pydantic) load when a command prints them
    from extractor.models import Extraction


class Lang(StrEnum):
    auto = "auto"
    en = "en"
    vi = "vi"


class Format(StrEnum):
    json = "json"
    table = "table"


def fail(exc: ExtractorError) -> None:
    """Report a library error on stderr, without a traceback."""
    say("error", "red", exc)


def register(app: typer.Typer) -> None:
    """Add `extract` and `eval`."""
    app.command("extract")(extract)
    app.command("eval")(evaluate)


def extract(
    paths: Annotated[list[str], typer.Argument(help="Files (.txt .html .pdf), folders or URLs.")],
    lang: Annotated[Lang, typer.Option(help="Document language; auto detects it.")] = Lang.auto,
    published: Annotated[dt.datetime | None, typer.Option(
        formats=["%Y-%m-%d"], help="Publication date, when the document does not state it.")] = None,
    format: Annotated[Format, typer.Option("--format", "-f")] = Format.json,
    with_text: Annotated[bool, typer.Option(help="Include the document text in the JSON.")] = False,
    source: Annotated[str | None, typer.Option(
        help="The address a downloaded file came from (its outlet tells whose figures they are); "
             "one file only.")] = None,
    delay: DelayOpt = 1.0,
    allow_private: AllowPrivateOpt = False,
    deadline: DeadlineOpt = None,
    max_chars: MaxCharsOpt = None,
    time_limit: TimeLimitOpt = None,
) -> None:
    """Extract figures, dates and legal references with their provenance."""
    from extractor.fetch import Fetcher
    from extractor.fetch.sources import is_url
    from extractor.pipeline.targets import expand, extract_target
    from extractor.registry.bundle import load_registry

    failed = 0
    try:
        registry = load_registry()  # every rule file checked before the first document
        targets = list(expand(paths))
    except ExtractorError as exc:
        fail(exc)
        raise typer.Exit(1) from None
    if source is not None and len(targets) != 1:
        say("error", "red", "--source names the address of one downloaded file; give one file "
                            "(for a folder, use extractor ingest --manifest)")
        raise typer.Exit(1)
    options = fetch_options(delay=delay, allow_private=allow_private, deadline=deadline)
    limits = budget(max_chars=max_chars, time_limit=time_limit)
    writer = JsonWriter(array=len(targets) != 1)
    # One fetcher for every URL given (per-host delays, robots shared); none for files alone: its
    # client costs a tenth of a second to make.
    wanted = any(is_url(target) for target in targets)
    with Fetcher(options) if wanted else contextlib.nullcontext() as fetcher:
        for target in targets:
            try:
                extraction = extract_target(target, registry=registry, lang=lang.value, source=source,
                                            published=published.date() if published else None,
                                            fetcher=fetcher, budget=limits)
            except ExtractorError as exc:
                fail(exc)
                failed += 1
                continue
            if format is Format.table:
                print_extraction(extraction)
            else:
                writer.write(extraction.contract(with_text=with_text))
    writer.close()
    if failed:
        raise typer.Exit(1)


def print_extraction(extraction: Extraction) -> None:
    """A readable view of one document's records."""
    from rich.markup import escape

    doc = extraction.document
    consoles.out.rule(f"[bold]{escape(doc.title or doc.source)}")
    consoles.out.print(f"source {doc.source} · published {doc.published or '?'} · language "
              f"{doc.language} · province {doc.province or '?'}", highlight=False, markup=False)
    print_rows(("kind", "text", "value", "unit", "qualifier", "offsets", "rule"),
               [(f.kind, f.text, f"{f.value:,}", f.unit, f.qualifier, f"{f.start}-{f.end}", f.rule)
                for f in extraction.figures])
    if extraction.legal_refs:
        print_rows(("legal reference", "id", "kind", "issuer", "issued"),
                   [(r.text, r.id, r.kind, r.issuer or "", str(r.issued or "")) for r in extraction.legal_refs])
    if extraction.observations:
        rows = []
        for o in extraction.observations:
            when = str(o.as_of or f"{o.period_start or '…'} → {o.period_end or '…'}")
            part = f"{o.part_of}: {o.part}" if o.part_of else ""
            rows.append((o.indicator, o.province or "?", f"{o.value:,}", o.unit, when, o.status, part,
                         "; ".join(o.why.get(k, "") for k in ("province", "indicator", "date") if o.why.get(k))))
        print_rows(("indicator", "province", "value", "unit", "as of / period", "status", "part of", "why"), rows)
    for warning in extraction.warnings:
        say("warning", "yellow", warning)


def print_rows(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Rows under their columns: a rich table, or beyond ``RICH_ROWS`` rows plain aligned text,
    which rich would take seconds to lay out (a long document has thousands of figures)."""
    if len(rows) > RICH_ROWS:
        write_plain(rows, columns, sys.stdout)
        return
    from rich.table import Table

    table = Table(*columns)
    for row in rows:
        table.add_row(*row)
    consoles.out.print(table, markup=False)


def evaluate(
    gold: Annotated[Path, typer.Argument(help="The gold folder.")] = Path("corpus/gold"),
    lang: Annotated[Lang, typer.Option(
        help="Score one language's plain texts, or every group: en, vi, html, pdf (auto).")] = Lang.auto,
    format: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
    errors: Annotated[int, typer.Option(help="How many misses and false positives to list.")] = 20,
    update_baseline: Annotated[bool, typer.Option(
        help="Pin the current scores as the gate's floors in baseline.json.")] = False,
    allow_lower: Annotated[bool, typer.Option(help="Let --update-baseline lower a floor.")] = False,
) -> None:
    """Score the extractor against hand-made gold: F1 per record kind, accuracy per attribute."""
    try:
        reports = _score_groups(gold, None if lang is Lang.auto else lang.value,
                                pinning=update_baseline)
        if update_baseline:
            _update_baseline(gold / "baseline.json", reports, allow_lower=allow_lower)
    except ExtractorError as exc:
        fail(exc)
        raise typer.Exit(1) from None
    if format is Format.json:
        write_json_text(json.dumps({k: {"documents": r.documents, "corpus_hash": h, **r.scores()}
                                    for k, (r, h) in reports.items()}, ensure_ascii=False, indent=2))
        return
    for group, (report, _) in reports.items():
        _print_report(group, report, errors)


def _score_groups(folder: Path, language: str | None, *, pinning: bool) -> dict[str, Any]:
    """Reports per group of the gold cases present; absent documents are named (a warning
    when others are there to score, an error when none is or when floors are to be pinned)."""
    from extractor import evaluation as ev

    gold_set = ev.read_gold(folder)
    cases = [c for c in gold_set.cases if language is None or c.group == language]
    if gold_set.missing and (pinning or not cases):
        raise ev.missing_texts_error(gold_set.missing)
    if gold_set.missing:
        say("warning", "yellow", ev.missing_texts_error(gold_set.missing))
    if not cases:
        raise ev.GoldError(f"{folder}: no gold files" + (f" of language {language}" if language else ""),
                           hint="Give the gold folder, e.g. corpus/gold or corpus/real.")
    return ev.evaluate_groups(cases)


def _update_baseline(path: Path, reports: dict[str, Any], *, allow_lower: bool) -> None:
    from extractor import evaluation as ev

    old = ev.read_baseline(path) if path.exists() else {"floors": {}, "corpus_hash": {}}
    for group, (report, corpus) in reports.items():
        old["floors"][group] = ev.new_floors(report.scores(), old["floors"].get(group, {}),
                                             allow_lower=allow_lower)
        old["corpus_hash"][group] = corpus
    path.write_text(json.dumps(old, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    consoles.err.print(f"pinned floors in {path}")


def _print_report(group: str, report: Any, errors: int) -> None:
    from rich.table import Table

    from extractor.evaluation import ACCURACIES

    table = Table(title=f"{group}: {report.documents} documents", title_justify="left")
    for column in ("what", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="left" if column == "what" else "right")
    rows = [(f"figures: {k}", t) for k, t in sorted(report.figures.items())]
    rows += [("figures: all", report.figures_all()), ("legal references", report.legal),
             ("dates", report.dates), ("dates: day-precise", report.day_dates),
             ("observations", report.observations)]
    if report.parts_documents:
        rows.append((f"observations: parts ({report.parts_documents} documents)", report.parts))
    for name, t in rows:
        table.add_row(name, f"{t.precision:.3f}", f"{t.recall:.3f}", f"{t.f1:.3f}",
                      str(t.tp), str(t.fp), str(t.fn))
    consoles.out.print(table)
    for metric, what in ACCURACIES.items():
        acc = report.accuracy[metric]
        if acc.total:
            consoles.out.print(f"{what}: {acc.score:.3f} ({acc.right}/{acc.total})  [{metric}]",
                      highlight=False, markup=False)
    _print_errors(report, errors)


def _print_errors(report: Any, limit: int) -> None:
    lines = [("miss", m) for t in report.figures.values() for m in t.misses]
    lines += [("false positive", m) for t in report.figures.values() for m in t.false_positives]
    lines += [("legal miss", m) for m in report.legal.misses]
    lines += [("legal false positive", m) for m in report.legal.false_positives]
    lines += [("date miss", m) for m in report.day_dates.misses]
    lines += [("observation miss", m) for m in report.observations.misses]
    lines += [("observation false positive", m) for m in report.observations.false_positives]
    lines += [("part miss", m) for m in report.parts.misses]
    lines += [("part false positive", m) for m in report.parts.false_positives]
    lines += [(metric.split("_accuracy")[0].removesuffix(".accuracy"), m)
              for metric, acc in report.accuracy.items() for m in acc.wrong]
    for label, line in lines[:limit]:
        consoles.out.print(f"  {label}: {line}", highlight=False, markup=False)
    if len(lines) > limit:
        consoles.out.print(f"  … and {len(lines) - limit} more (--errors N)", highlight=False)
