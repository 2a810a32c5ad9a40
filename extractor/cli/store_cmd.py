"""Commands over the indicator table: ingest, query, search, table, conflicts, export, reextract,
fact-check, compact.

Each command parses its options, calls one ``extractor.store`` function and prints the records
it returns. Every query-like command takes the same ``--format table|csv|json`` bundle and every
command takes ``--db`` (default and environment variable from ``extractor.settings``).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from enum import Enum, StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar

import typer

from extractor.cli import output as consoles
from extractor.cli.budget_options import MaxCharsOpt, TimeLimitOpt, budget
from extractor.cli.fetch_options import AllowPrivateOpt, DeadlineOpt, DelayOpt, fetch_options
from extractor.cli.output import say
from extractor.cli.plain import RICH_ROWS, write_plain
from extractor.cli.worker_options import WorkersOpt, worker_count
from extractor.errors import ExtractorError
from extractor.settings import setting

if TYPE_CHECKING:
    from rich.progress import Progress

    from extractor.fetch import FetchOptions
    from extractor.pipeline.batch import ExtractLoaded

P = ParamSpec("P")
R = TypeVar("R")


class OutputFormat(StrEnum):
    """How query-like commands print their rows."""

    table = "table"
    csv = "csv"
    json = "json"


class ExportFormat(StrEnum):
    """File formats of ``extractor export``."""

    csv = "csv"
    json = "json"
    parquet = "parquet"


class BoundariesOption(StrEnum):
    """Which administrative map a province name refers to."""

    new = "2025"
    old = "pre-2025"


_DB = setting("db")
DbOpt = Annotated[Path | None, typer.Option(
    "--db", envvar=_DB.env, show_envvar=True, help=f"{_DB.help} [default: ./{_DB.default}]")]
FormatOpt = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output: table, csv or json.")]
LimitOpt = Annotated[int | None, typer.Option("--limit", min=1, help="Rows per page (capped by VBSP_MAX_PAGE_SIZE).")]
OffsetOpt = Annotated[int, typer.Option("--offset", min=0, help="Rows to skip (for paging).")]
ProvinceOpt = Annotated[str | None, typer.Option("--province", help="Province name; case and diacritics ignored.")]
IndicatorOpt = Annotated[str | None, typer.Option("--indicator", help="Indicator code, e.g. outstanding_loans.")]
BoundariesOpt = Annotated[BoundariesOption | None, typer.Option(
    "--boundaries", help="2025 (34 provinces) or pre-2025 (63 provinces).")]
RollUpOpt = Annotated[bool, typer.Option(
    "--roll-up", help="Add 2025-province rows summed from all their pre-2025 parts (never rates).")]


def friendly(func: Callable[P, R]) -> Callable[P, R]:
    """Turn library errors into a message on stderr and exit code 1 (no traceback)."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except ExtractorError as exc:
            say("error", "red", exc)
            raise typer.Exit(code=1) from None

    return wrapper


@contextmanager
def opened(db: Path | None) -> Iterator[Any]:
    """An open, migrated connection to the database (closed afterwards)."""
    from extractor.store import connect

    conn = connect(db)
    try:
        yield conn
    finally:
        conn.close()


def _cell(value: Any) -> str:
    """A value as table/CSV text: exact decimals, ISO dates, empty for None."""
    if value is None:
        return ""
    if type(value) in (str, int, bool):  # most cells, as they are (an Enum's value is taken below)
        return str(value)
    if isinstance(value, Decimal):
        from extractor.store.numeric import canonical

        return canonical(value)
    if isinstance(value, (dt.date, Enum)):
        return str(value.value if isinstance(value, Enum) else value.isoformat())
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def emit(rows: Sequence[dict[str, Any]], fmt: OutputFormat, *, columns: Sequence[str], title: str = "") -> None:
    """Print rows as a rich table, CSV or JSON (scraped text is never read as markup)."""
    if fmt is OutputFormat.json:
        from extractor.store.export import json_value

        body = [{k: json_value(v) if not isinstance(v, dt.date) else v.isoformat() for k, v in r.items()} for r in rows]
        sys.stdout.write(json.dumps(body, ensure_ascii=False, indent=2) + "\n")
    elif fmt is OutputFormat.csv:
        # Scraped text a spreadsheet would run as a formula is defused, as in `export` and the web.
        from extractor.store.export import csv_cell

        writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        writer.writerows({k: csv_cell(_cell(r.get(k))) for k in columns} for r in rows)
    else:
        _print_table(rows, columns, title)


def _print_table(rows: Sequence[dict[str, Any]], columns: Sequence[str], title: str) -> None:
    """A rich table of ``columns`` (markup off: cells hold untrusted scraped text); beyond
    ``RICH_ROWS`` rows plain aligned text, which rich would take seconds to lay out."""
    cells = [[_short(c, _cell(row.get(c))) for c in columns] for row in rows]
    if len(cells) > RICH_ROWS:
        write_plain(cells, columns, sys.stdout, title=title)
        return
    from rich.table import Table

    table = Table(title=title or None, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row_cells in cells:
        table.add_row(*row_cells)
    consoles.out.print(table, markup=False)
    if not rows:
        consoles.err.print("no rows", highlight=False)


def _short(column: str, text: str) -> str:
    """Table cells kept readable: ids cut to 12 characters, sentences to 160 (csv/json keep all)."""
    if column.endswith(("document_id", "_document")) and len(text) > 12:
        return text[:12] + "…"
    return text[:159] + "…" if len(text) > 160 else text


def _page_note(shown: int, offset: int, total: int | None) -> None:
    """Say on stderr which rows were shown when there are more."""
    if total is not None and total > shown:
        consoles.err.print(f"rows {offset + 1}–{offset + shown} of {total} (use --limit/--offset)", highlight=False)


# ---- ingest and reextract ---------------------------------------------------------------------

def _progress() -> Progress:
    """A progress bar on stderr, so stdout stays clean for the summary."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                    console=consoles.err, transient=True)


def _summary(report: Any, verb: str) -> None:
    """The closing summary: counts per status, then every failure with its reason."""
    counts = report.counts()
    shown = ", ".join(f"{n} {status}" for status, n in counts.items() if n or status in ("new", "failed"))
    copies = getattr(report, "copies", [])
    consoles.out.print(f"{verb}: {shown}" + (f"; {len(copies)} linked as near-duplicate copies" if copies else ""),
              markup=False, highlight=False)
    for failure in report.failures:
        consoles.err.print(f"failed: {failure.path}: {failure.reason}", markup=False, highlight=False)


def _run_batch(run: Callable[..., Any], total: int | None, label: str) -> Any:
    """Run a batch function with a progress bar advanced by its ``on_outcome`` callback."""
    with _progress() as progress:
        task = progress.add_task(label, total=total)
        return run(on_outcome=lambda outcome: progress.advance(task))


@friendly
def ingest(
    sources: Annotated[list[str] | None, typer.Argument(
        help="Files (.txt, .html, .pdf), folders, URLs of articles, sitemaps, RSS/Atom feeds or "
             "list pages (with --follow), or a .urls file listing URLs.")] = None,
    db: DbOpt = None,
    manifest: Annotated[Path | None, typer.Option(
        help="A CSV or JSON Lines file of downloaded articles: path, url, published, title per "
             "row (the url is read as the page's address).")] = None,
    follow: Annotated[str | None, typer.Option(
        help="On list pages: a regex the article URLs to follow match (pages are walked via "
             "their next links).")] = None,
    max_pages: Annotated[int, typer.Option(help="List pages to walk at most.")] = 10,
    limit: Annotated[int | None, typer.Option(help="Documents to take from each source at most.")] = None,
    delay: DelayOpt = 1.0,
    allow_private: AllowPrivateOpt = False,
    deadline: DeadlineOpt = None,
    max_chars: MaxCharsOpt = None,
    time_limit: TimeLimitOpt = None,
    workers: WorkersOpt = None,
) -> None:
    """Extract figures from files, folders, URLs, sitemaps, feeds and list pages and store them
    (unchanged documents are skipped; republished copies are linked to their original)."""
    from extractor.fetch.sources import is_url
    from extractor.registry.bundle import load_registry

    registry = load_registry()  # every rule file checked before the first document
    extract = _extractor(registry, max_chars=max_chars, time_limit=time_limit)
    sources, workers = sources or [], worker_count(workers)
    if manifest is not None:
        _ingest_manifest(manifest, db, registry, extract, workers=workers)
    if not sources:
        if manifest is None:
            consoles.err.print("error: give files, folders or URLs to ingest, or --manifest FILE",
                      markup=False, highlight=False)
            raise typer.Exit(code=1)
        return
    if follow or any(is_url(s) or s.endswith(".urls") for s in sources):
        _ingest_web(sources, db, registry, extract, follow=follow, max_pages=max_pages, limit=limit,
                    options=fetch_options(delay=delay, allow_private=allow_private, deadline=deadline),
                    workers=workers)
        return
    _ingest_files([Path(s) for s in sources], db, registry, extract, workers=workers)


def _extractor(registry: Any, *, max_chars: int | None, time_limit: float | None) -> ExtractLoaded:
    """The pipeline with the command line's per-document budget, for a batch."""
    from extractor.pipeline import process

    return functools.partial(process, registry=registry, budget=budget(max_chars=max_chars, time_limit=time_limit))


def _ingest_manifest(manifest: Path, db: Path | None, registry: Any, extract: ExtractLoaded, *,
                     workers: int) -> None:
    """Ingest the downloaded articles a manifest lists, with a progress bar and a summary."""
    from extractor.pipeline.manifest import ingest_manifest, read_manifest

    total = len(read_manifest(manifest))
    with opened(db) as conn:
        report = _run_batch(lambda **kw: ingest_manifest(conn, manifest, registry=registry, extract=extract,
                                                            workers=workers, **kw),
                            total, "ingest")
    _summary(report, "ingested")
    if report.failures and len(report.failures) == len(report.outcomes):
        raise typer.Exit(code=1)


def _ingest_files(paths: list[Path], db: Path | None, registry: Any, extract: ExtractLoaded, *,
                  workers: int) -> None:
    from extractor.pipeline.batch import discover, ingest_paths

    with opened(db) as conn:
        files = list(discover(paths))
        if not files:
            consoles.err.print("error: no .txt, .html, .htm or .pdf files in " + ", ".join(map(str, paths)),
                      markup=False, highlight=False)
            raise typer.Exit(code=1)
        report = _run_batch(lambda **kw: ingest_paths(conn, files, registry=registry, extract=extract,
                                                         workers=workers, **kw),
                            len(files), "ingest")
    _summary(report, "ingested")
    if report.failures and len(report.failures) == len(report.outcomes):
        raise typer.Exit(code=1)


def _ingest_web(sources: list[str], db: Path | None, registry: Any, extract: ExtractLoaded, *, follow: str | None,
                max_pages: int, limit: int | None, options: FetchOptions, workers: int) -> None:
    """Crawl the sources politely into the store, with a progress bar and a closing summary."""
    from extractor.pipeline.crawl import ingest_sources, make_fetcher
    from extractor.settings import db_path

    with opened(db) as conn, make_fetcher(conn, db_path(db), options) as fetcher:
        report = _run_batch(lambda **kw: ingest_sources(conn, sources, registry=registry, fetcher=fetcher,
                                                        extract=extract, follow=follow, max_pages=max_pages,
                                                        limit=limit, workers=workers, **kw),
                            None, "crawl")
    fetched = sum(1 for o in report.outcomes if o.path.startswith("http") and o.status not in ("failed", "skipped"))
    consoles.out.print(f"fetched: {fetched}", markup=False, highlight=False)
    _summary(report, "ingested")
    for skipped in (o for o in report.outcomes if o.status == "skipped"):
        consoles.err.print(f"skipped: {skipped.path}: {skipped.reason}", markup=False, highlight=False)
    if report.failures and len(report.failures) == len(report.outcomes):
        raise typer.Exit(code=1)


@friendly
def reextract(
    db: DbOpt = None,
    document: Annotated[list[str] | None, typer.Option("--document", help="Only these document ids.")] = None,
    max_chars: MaxCharsOpt = None,
    time_limit: TimeLimitOpt = None,
    workers: WorkersOpt = None,
) -> None:
    """Run extraction again on the stored raw bytes (after the rules improve), offline."""
    from extractor.pipeline.batch import reextract as run_reextract
    from extractor.registry.bundle import load_registry
    from extractor.store.documents import stored_documents

    registry = load_registry()  # every rule file checked before the first document
    with opened(db) as conn:
        total = len(document) if document else len(stored_documents(conn))
        extract = _extractor(registry, max_chars=max_chars, time_limit=time_limit)
        report = _run_batch(lambda **kw: run_reextract(conn, registry=registry, document_ids=document,
                                                       extract=extract, workers=worker_count(workers), **kw),
                            total, "reextract")
    _summary(report, "re-extracted")


# ---- queries ----------------------------------------------------------------------------------

OBSERVATION_COLUMNS = ("id", "province", "boundaries", "indicator", "value", "unit", "qualifier", "date",
                       "status", "document_id", "sentence")


def _observation_dict(row: Any) -> dict[str, Any]:
    """An observation as a flat dict: export columns, the date it is filed under (``obs_date``) and
    its date as an ISO 8601 interval (``date``: "2002-10-04/.." for a period the text gives no end,
    whose start alone would read as the value's date)."""
    from extractor.store.export import flat_record
    from extractor.store.records import iso_interval

    return {**flat_record(row), "obs_date": row.obs_date, "date": iso_interval(row.as_of, row.period_start,
                                                                               row.period_end)}


@friendly
def query(
    province: ProvinceOpt = None,
    indicator: IndicatorOpt = None,
    date_from: Annotated[dt.datetime | None, typer.Option(
        "--from", formats=["%Y-%m-%d"], help="On or after this date.")] = None,
    date_to: Annotated[dt.datetime | None, typer.Option(
        "--to", formats=["%Y-%m-%d"], help="On or before this date.")] = None,
    boundaries: BoundariesOpt = None,
    roll_up: RollUpOpt = False,
    fmt: FormatOpt = OutputFormat.table,
    limit: LimitOpt = None,
    offset: OffsetOpt = 0,
    db: DbOpt = None,
) -> None:
    """Observations filtered by province, indicator, date and boundaries, newest first."""
    from extractor.store import ObservationFilter, query_observations

    filters = ObservationFilter(province=province, indicator=indicator,
                                boundaries=boundaries.value if boundaries else None,
                                date_from=date_from.date() if date_from else None,
                                date_to=date_to.date() if date_to else None)
    with opened(db) as conn:
        page = query_observations(conn, filters, limit=limit, offset=offset)
        rows = page.items + (_rolled(conn, filters) if roll_up else [])
    columns = OBSERVATION_COLUMNS if fmt is OutputFormat.table else (*OBSERVATION_COLUMNS, "obs_date", "rules",
                                                                     "source")
    emit([_observation_dict(r) for r in rows], fmt, columns=columns)
    _page_note(len(page.items), offset, page.total)


def _rolled(conn: Any, filters: Any) -> list[Any]:
    """Rolled-up 2025 rows matching the filters' province, indicator and dates."""
    from extractor.store.rollup import rolled_up_observations

    rows = rolled_up_observations(conn, province=filters.province, indicator=filters.indicator)
    return [r for r in rows if (not filters.date_from or (r.obs_date and r.obs_date >= filters.date_from))
            and (not filters.date_to or (r.obs_date and r.obs_date <= filters.date_to))]


@friendly
def search(
    text: Annotated[str, typer.Argument(help='Words and/or numbers: "du no Nghe An", "13.357 tỷ", "13,357".')],
    province: ProvinceOpt = None,
    indicator: IndicatorOpt = None,
    locale: Annotated[str, typer.Option(
        "--locale", help="How to read 13.374: auto (both), vi (13374) or en (13.374).")] = "auto",
    fmt: FormatOpt = OutputFormat.table,
    limit: LimitOpt = None,
    offset: OffsetOpt = 0,
    db: DbOpt = None,
) -> None:
    """Sentences matching words (diacritics ignored) and numbers (however they are written)."""
    from extractor.store import search as run_search

    if locale not in ("auto", "en", "vi"):
        raise typer.BadParameter("use auto, en or vi", param_hint="--locale")
    with opened(db) as conn:
        page = run_search(conn, text, limit=limit, offset=offset, province=province, indicator=indicator,
                          locale=locale)  # type: ignore[arg-type]  # checked above
    rows = [h.model_dump() for h in page.items]
    emit(rows, fmt, columns=("document_id", "sentence_id", "start", "end", "matched", "observation_ids", "sentence"))


class TableStatus(StrEnum):
    """Which values ``extractor table`` shows."""

    actual = "actual"
    target = "target"


TARGET_COLUMNS = ("province", "boundaries", "indicator", "year", "target", "qualifier", "unit", "target_date",
                  "actual", "actual_date", "document_id")


@friendly
def table(
    province: ProvinceOpt = None,
    indicator: IndicatorOpt = None,
    boundaries: BoundariesOpt = None,
    roll_up: RollUpOpt = False,
    status: Annotated[TableStatus, typer.Option(
        "--status", help="actual: the latest value per province and indicator; target: each target a plan or "
                         "report sets, per year, beside the actual value of that year.")] = TableStatus.actual,
    fmt: FormatOpt = OutputFormat.table,
    db: DbOpt = None,
) -> None:
    """Provinces × indicators: the latest value, its date and how many sources give it (or, with
    --status target, the targets per year beside the actuals)."""
    from extractor.store import ObservationFilter, iter_observations, province_table
    from extractor.store.rollup import province_table_rolled_up

    if status is TableStatus.target:
        wanted = ObservationFilter(province=province, indicator=indicator, rows="totals",
                                   boundaries=boundaries.value if boundaries else None)
        with opened(db) as conn:
            targets = list(iter_observations(conn, wanted.model_copy(update={"status": "target"})))
            actuals = list(iter_observations(conn, wanted.model_copy(update={"status": "actual"})))
        emit(_targets_beside_actuals(targets, actuals), fmt, columns=TARGET_COLUMNS)
        return
    with opened(db) as conn:
        if roll_up:
            cells = province_table_rolled_up(conn, province=province, indicator=indicator)
        else:
            cells = province_table(conn, province=province, indicator=indicator,
                                   boundaries=boundaries.value if boundaries else None)
    # On screen one date column, which writes a period as a period (an open period's start alone
    # would read as the value's date); files keep the columns a program reads as well.
    dates = ("date",) if fmt is OutputFormat.table else ("date", "as_of", "period_start", "period_end")
    emit([c.model_dump() for c in cells], fmt, columns=(
        "province", "boundaries", "indicator", "value", "unit", *dates, "sources", "conflict", "rolled_up",
        "observation_id"))


def _targets_beside_actuals(targets: list[Any], actuals: list[Any]) -> list[dict[str, Any]]:
    """One row per target (province, indicator, year or years; a target stated twice in one document
    shown once), with the latest actual of that year in the same unit beside it."""
    latest: dict[tuple[Any, ...], Any] = {}
    for obs in actuals:
        key = (obs.province, obs.indicator, obs.unit, obs.obs_date.year if obs.obs_date else None)
        if obs.obs_date and (key not in latest or obs.obs_date > latest[key].obs_date):
            latest[key] = obs
    rows: dict[tuple[Any, ...], dict[str, Any]] = {}
    for obs in sorted(targets, key=lambda o: (o.province or "", o.indicator, o.obs_date or dt.date.max)):
        year = obs.obs_date.year if obs.obs_date else None
        first = obs.period_start.year if obs.period_start else year
        years = f"{first}-{year}" if first != year else (str(year) if year else None)
        actual = latest.get((obs.province, obs.indicator, obs.unit, year)) if first == year else None
        rows.setdefault((obs.province, obs.indicator, years, obs.value, obs.unit, obs.document_id), {
            "province": obs.province, "boundaries": obs.boundaries, "indicator": obs.indicator, "year": years,
            "target": obs.value, "qualifier": obs.qualifier, "unit": obs.unit, "target_date": obs.obs_date,
            "actual": actual.value if actual else None, "actual_date": actual.obs_date if actual else None,
            "document_id": obs.document_id})
    return list(rows.values())


CONFLICT_COLUMNS = ("province", "boundaries", "indicator", "as_of", "period_start", "period_end", "a_value",
                    "a_document", "a_sentence", "b_value", "b_document", "b_sentence")


def _conflict_dict(c: Any) -> dict[str, Any]:
    """A conflict as one flat row with both values and both sentences."""
    row: dict[str, Any] = c.model_dump(exclude={"a", "b"})
    for side, obs in (("a", c.a), ("b", c.b)):
        row |= {f"{side}_value": obs.value, f"{side}_unit": obs.unit, f"{side}_document": obs.document_id,
                f"{side}_source": obs.source, f"{side}_sentence": obs.sentence, f"{side}_id": obs.id}
    return row


@friendly
def conflicts(
    province: ProvinceOpt = None,
    indicator: IndicatorOpt = None,
    fmt: FormatOpt = OutputFormat.table,
    limit: LimitOpt = None,
    offset: OffsetOpt = 0,
    db: DbOpt = None,
) -> None:
    """Same province, indicator and date, different values from different documents."""
    from extractor.store import conflicts as find_conflicts

    with opened(db) as conn:
        page = find_conflicts(conn, province=province, indicator=indicator, limit=limit, offset=offset)
    emit([_conflict_dict(c) for c in page.items], fmt, columns=CONFLICT_COLUMNS)
    _page_note(len(page.items), offset, page.total)


@friendly
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="csv, json or parquet.")] = ExportFormat.csv,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="File to write (stdout for csv/json when left out).")] = None,
    province: ProvinceOpt = None,
    indicator: IndicatorOpt = None,
    boundaries: BoundariesOpt = None,
    db: DbOpt = None,
) -> None:
    """Export observations with their sources; values stay exact in every format."""
    from extractor.store import ObservationFilter, export_observations

    filters = ObservationFilter(province=province, indicator=indicator,
                                boundaries=boundaries.value if boundaries else None)
    if fmt is ExportFormat.parquet and output is None:
        raise typer.BadParameter("parquet is binary: give a file", param_hint="--output")
    with opened(db) as conn:
        count = export_observations(conn, fmt.value, output=output, filters=filters, stream=sys.stdout)
    if output is not None:
        consoles.err.print(f"wrote {count} observations to {output}", markup=False, highlight=False)


@friendly
def factcheck(
    text: Annotated[str, typer.Argument(help='The sentence to check: "Nghe An\'s outstanding loans reached '
                                             'VND 13,357 billion by June 30, 2024".')],
    fmt: FormatOpt = OutputFormat.table,
    db: DbOpt = None,
) -> None:
    """Check every figure of a sentence against the table: supported, different or not found,
    with the observations and sources it rests on (as the web page's fact-check)."""
    from extractor.web.factcheck import check_text

    with opened(db) as conn:
        result = check_text(conn, text)
    rows = [{
        "figure": c.claim.text, "verdict": c.verdict, "indicator": c.claim.indicator,
        "province": c.claim.province, "date": c.claim.date, "reason": c.reason,
        "observation_ids": [m.id for m in c.matches if m.id is not None],
        "sources": list(dict.fromkeys(m.source for m in c.matches)),
    } for c in result.checks]
    emit(rows, fmt, columns=("figure", "verdict", "indicator", "province", "date", "reason", "observation_ids",
                             "sources"))


@friendly
def compact(db: DbOpt = None) -> None:
    """Give back the space the database no longer uses (after re-extracting or an upgrade):
    unused reasons removed, then the file rewritten without its free pages. Needs as much free
    disk as the database takes, and holds it while it runs."""
    from extractor.store.compact import compact as run_compact

    with opened(db) as conn:
        done = run_compact(conn)
    mb = 1024 * 1024
    consoles.out.print(f"removed {done.reasons_removed} unused reasons; database {done.bytes_before / mb:,.1f} MB -> "
              f"{done.bytes_after / mb:,.1f} MB", markup=False, highlight=False)


COMMANDS: tuple[Callable[..., Any], ...] = (ingest, query, search, table, conflicts, export, reextract, factcheck,
                                            compact)


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    for command in COMMANDS:
        app.command(name=command.__name__)(command)
