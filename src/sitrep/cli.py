"""The ``sitrep`` command line: thin commands that parse options, call one library
function and turn sitrep's own exceptions into one clean line.

Data goes to stdout (JSON lines, briefs); progress, summaries and errors go to stderr,
so ``sitrep analyze x.txt | jq`` works.

Exit codes:
    0  everything asked for was done
    1  done, but some inputs failed (each named on stderr with its reason)
    2  bad usage (unknown option, bad date given as an option, missing argument)
    3  nothing could be done (database or configuration error)
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from datetime import date
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, ParamSpec, TypeVar, cast

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from sitrep import __version__
from sitrep.errors import ConfigError, InputError, InvalidDate, SitrepError, StoreError

EXIT_PARTIAL = 1
EXIT_USAGE = 2
EXIT_FATAL = 3

app = typer.Typer(
    help="sitrep: raw news in; evidenced events, quotes, actors and briefs out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
actor_app = typer.Typer(help="Look actors up in the knowledge base.", no_args_is_help=True)
app.add_typer(actor_app, name="actor")
eval_app = typer.Typer(help="Score sitrep on gold data (writes nothing).", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

err = Console(stderr=True, highlight=False, soft_wrap=True)

P = ParamSpec("P")
R = TypeVar("R")


def handle_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn sitrep's exceptions into one line on stderr and the documented exit code."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except InvalidDate as exc:
            err.print(f"error: {exc}", markup=False)
            raise typer.Exit(EXIT_USAGE) from None
        except InputError as exc:
            err.print(f"error: {exc}", markup=False)
            raise typer.Exit(EXIT_PARTIAL) from None
        except (StoreError, ConfigError, SitrepError) as exc:
            err.print(f"error: {exc}", markup=False)
            raise typer.Exit(EXIT_FATAL) from None

    return wrapper


def _settings() -> Any:
    from sitrep.settings import Settings

    return Settings.from_env()


def _parse_day(value: str | None, where: str) -> date | None:
    if value is None:
        return None
    from sitrep.analyze.dates import parse_date

    return parse_date(value, where)


def _emit(obj: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


def _fail_line(exc: InputError) -> None:
    err.print(f"error: {exc.source}: {exc.reason}", markup=False)


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        typer.echo(f"sitrep {__version__}")
        raise typer.Exit()


# -- ingest ---------------------------------------------------------------------------------


def _run_ingest(sources: list[str], quiet: bool = False) -> int:
    """Ingest sources into the configured store; returns the exit code."""
    from sitrep.worker_server import start_ahead

    settings = _settings()
    # The workers' fork server imports the pipeline while this process does the same and
    # opens the store (see worker_server).
    start_ahead(sources, settings)
    from sitrep.pipeline import ingest_sources
    from sitrep.store import Store

    store = Store.open(settings.database_url)
    try:
        with Progress(
            TextColumn("[bold]ingest[/]"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[docs]} docs"), TimeElapsedColumn(),
            TextColumn("{task.description}"),
            console=err, transient=True, disable=quiet or not err.is_terminal,
        ) as bar:
            task = bar.add_task("", total=None, docs=0)
            state = {"sources": 0, "docs": 0}

            def progress(event: str, detail: str) -> None:
                if event == "total":
                    bar.update(task, total=int(detail))
                elif event == "source":
                    if state["sources"]:
                        bar.advance(task)
                    state["sources"] += 1
                    bar.update(task, description=Path(detail).name[-40:])
                elif event == "document":
                    state["docs"] += 1
                    bar.update(task, docs=state["docs"])

            report = ingest_sources(sources, store, settings, progress)
            bar.update(task, completed=state["sources"])
    finally:
        store.close()
    for failure in report.failed:
        err.print(f"error: {failure.line()}", markup=False)
    if not quiet:
        err.print(
            f"ingested {report.stored} new, {report.duplicates} already stored, "
            f"{report.copies} near-duplicate copies, {len(report.failed)} failed "
            f"({report.events} events, {report.quotes} quotes) -> "
            f"{_safe_url(settings.database_url)}",
            markup=False,
        )
    return EXIT_PARTIAL if report.failed else 0


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # a URL we cannot parse is reported by Store.open already
        return url


@app.command()
@handle_errors
def ingest(
    sources: Annotated[list[str], typer.Argument(
        help="Files, directories, feeds, WARC files, URLs.")],
) -> None:
    """Read news into the database: files (.txt .html .html.gz .json .jsonl), feeds, WARC,
    URLs."""
    raise typer.Exit(_run_ingest(sources))


# -- extract / analyze ----------------------------------------------------------------------


@app.command()
@handle_errors
def extract(
    files: Annotated[list[str], typer.Argument(help="HTML (.html, .html.gz) or text files.")],
) -> None:
    """Print the clean article of each file as one JSON object per line."""
    from sitrep.pipeline import extract_sources

    failed = False
    for item in extract_sources(files, _settings()):
        if isinstance(item, InputError):
            _fail_line(item)
            failed = True
            continue
        _emit({
            "path": item.origin,
            "title": item.title,
            "authors": list(item.authors),
            "published": item.published.isoformat() if item.published else None,
            "language": item.language,
            "text": item.text,
        })
    raise typer.Exit(EXIT_PARTIAL if failed else 0)


def _jsonl_records(path: str) -> Iterator[tuple[int, dict[str, Any] | InputError]]:
    """Lines of a JSONL file (or stdin for "-"); a broken line becomes an error naming it."""
    name = "<stdin>" if path == "-" else path
    if path == "-":
        stream = sys.stdin
    else:
        try:
            stream = open(path, encoding="utf-8")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise InputError(name, exc.strerror or str(exc)) from None
    try:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, InputError(f"{name}:{number}", f"not JSON ({exc.msg})")
                continue
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                yield number, InputError(f"{name}:{number}", 'expected an object with "text"')
                continue
            yield number, record
    finally:
        if stream is not sys.stdin:
            stream.close()


def _dated_records(
    path: str, default: date | None
) -> Iterator[tuple[Any, str, date | None] | None]:
    """(id, text, date) per --jsonl line. A line that cannot be used is reported on
    stderr and as {"id", "error"} on stdout (so outputs stay aligned), and yields None."""
    for number, record in _jsonl_records(path):
        if isinstance(record, InputError):
            _fail_line(record)
            _emit({"id": None, "line": number, "error": record.reason})
            yield None
            continue
        rid = record.get("id", number)
        try:
            day = (_parse_day(record["date"], f"line {number} date") if record.get("date")
                   else default)
        except InvalidDate as exc:
            err.print(f"error: {exc}", markup=False)
            _emit({"id": rid, "error": str(exc)})
            yield None
            continue
        yield rid, record["text"], day


@app.command()
@handle_errors
def analyze(
    path: Annotated[str, typer.Argument(help="A file, directory, URL, or - for stdin.")],
    on: Annotated[str | None, typer.Option("--date", help="Publication date YYYY-MM-DD "
                                           "(relative dates are resolved against it).")] = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help='Read lines {"id","text","date"?}; '
                                        "write one result per line with the same id.")] = False,
) -> None:
    """Print actors, events and quotes of each input as one JSON document per line."""
    from sitrep.analyze import Analyzer
    from sitrep.models import Article
    from sitrep.pipeline import analyze_sources, text_document

    published = _parse_day(on, "--date")
    settings = _settings()
    analyzer = Analyzer(settings)
    failed = False
    if jsonl:
        for item in _dated_records(path, published):
            if item is None:
                failed = True
                continue
            rid, sentence, day = item
            article = Article(origin=str(rid), text=sentence, published=day)
            _emit({"id": rid, **analyzer.analyze(article).to_json()})
        raise typer.Exit(EXIT_PARTIAL if failed else 0)

    if path == "-":
        from sitrep.extract import extract as extract_doc

        article = extract_doc(text_document(sys.stdin.read()))
        if published is not None:
            from dataclasses import replace

            article = replace(article, published=published)
        _emit(analyzer.analyze(article).to_json())
        return
    for result in analyze_sources([path], settings, published, analyzer):
        if isinstance(result, InputError):
            _fail_line(result)
            failed = True
            continue
        _emit(result.to_json())
    raise typer.Exit(EXIT_PARTIAL if failed else 0)


@actor_app.command("resolve")
@handle_errors
def actor_resolve(
    text: Annotated[str, typer.Argument(help='An actor phrase ("the Kremlin"), or with --jsonl '
                                        "a file of lines (- for stdin).")],
    on: Annotated[str | None, typer.Option("--date", help="Date the phrase refers to "
                                           "(who held which office then).")] = None,
    jsonl: Annotated[bool, typer.Option(
        "--jsonl", help='Read lines {"id","text","date"?}.')] = False,
) -> None:
    """Print {"name","country","sector","kind"} for a short actor phrase."""
    from sitrep.analyze.kb import KnowledgeBase

    day = _parse_day(on, "--date")
    kb = KnowledgeBase.load(_settings().actor_files)

    def answer(phrase: str, when: date | None) -> dict[str, Any]:
        found = kb.resolve(phrase, when)
        if found is None:
            return {"name": phrase, "country": None, "sector": None, "kind": None}
        return found.to_json()

    if not jsonl:
        _emit(answer(text, day))
        return
    failed = False
    for item in _dated_records(text, day):
        if item is None:
            failed = True
            continue
        rid, phrase, when = item
        _emit({"id": rid, **answer(phrase, when)})
    raise typer.Exit(EXIT_PARTIAL if failed else 0)


@eval_app.command("plover")
@handle_errors
def eval_plover(
    path: Annotated[Path, typer.Argument(help="Gold records (JSONL), e.g. "
                                         "../shared/data/plover/gsr-dev.jsonl.")],
    as_json: Annotated[bool, typer.Option("--json", help="Figures as JSON.")] = False,
) -> None:
    """Event type accuracy, source/target country match and a confusion matrix."""
    from sitrep.analyze import Analyzer
    from sitrep.analyze.evaluate import format_report, read_gold, score_plover

    if not path.is_file():
        raise InputError(str(path), "no such file")
    records = read_gold(path)
    report = score_plover(Analyzer(_settings()), records)
    if as_json:
        _emit(report.to_json())
    else:
        sys.stdout.write(format_report(report, str(path)) + "\n")


# -- store-backed ---------------------------------------------------------------------------


@app.command()
@handle_errors
def search(
    query: Annotated[str, typer.Argument(help='Words, or a "quoted phrase".')],
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per hit.")] = False,
) -> None:
    """Full-text search over stored articles."""
    from sitrep.store import Store

    store = Store.open(_settings().database_url)
    try:
        hits = store.search(query, limit)
    finally:
        store.close()
    if as_json:
        for hit in hits:
            _emit({"article_id": hit.article_id, "title": hit.title, "origin": hit.origin,
                   "url": hit.url,
                   "published": hit.published.isoformat() if hit.published else None,
                   "snippet": hit.snippet, "score": hit.score})
        return
    if not hits:
        err.print(f"no articles match {query!r}", markup=False)
        return
    table = Table("id", "published", "title", "snippet", show_lines=False)
    for hit in hits:
        table.add_row(str(hit.article_id), hit.published.isoformat() if hit.published else "",
                      hit.title or hit.origin, hit.snippet)
    Console(highlight=False).print(table)


@app.command()
@handle_errors
def brief(
    file: Annotated[str | None, typer.Argument(help="Analyse this file without storing it "
                                               "(else: brief the stored corpus).")] = None,
    since: Annotated[str | None, typer.Option(help="From this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date (YYYY-MM-DD).")] = None,
    actor: Annotated[str | None, typer.Option(help="Only what involves this actor.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="text, markdown, json or html.")] = "text",
    on: Annotated[str | None, typer.Option("--date", help="With FILE: its publication date.")]
    = None,
) -> None:
    """Summarise the stored corpus, or one FILE: key actors, events, quotes, timeline."""
    from sitrep.brief import BriefFormat, BriefOptions, build_brief, render
    from sitrep.pipeline import analyze_sources

    if fmt not in ("text", "markdown", "json", "html"):
        err.print(f"error: --format: expected text, markdown, json or html, got {fmt!r}")
        raise typer.Exit(EXIT_USAGE)
    options = BriefOptions(since=_parse_day(since, "--since"), until=_parse_day(until, "--until"),
                           actor=actor, title=None)
    settings = _settings()
    if file is not None:
        published = _parse_day(on, "--date")
        analyses = []
        for item in analyze_sources([file], settings, published):
            if isinstance(item, InputError):
                raise item
            analyses.append(item)
        title = analyses[0].article.title if len(analyses) == 1 else None
        options = BriefOptions(since=options.since, until=options.until, actor=actor,
                               title=f"Brief: {title or Path(file).name}")
    else:
        from sitrep.store import Store

        store = Store.open(settings.database_url)
        try:
            analyses = store.analyses(options.since, options.until, actor)
        finally:
            store.close()
    sys.stdout.write(render(build_brief(analyses, options), cast(BriefFormat, fmt)))


@app.command()
@handle_errors
def status() -> None:
    """Where the database is and what it holds."""
    from sitrep.store import Store

    settings = _settings()
    store = Store.open(settings.database_url)
    try:
        counts = store.counts()
    finally:
        store.close()
    _emit({"database": _safe_url(settings.database_url), **counts})


@app.command()
@handle_errors
def demo() -> None:
    """Ingest the bundled sample news into the default database and print the brief."""
    from sitrep.brief import BriefOptions, build_brief, render
    from sitrep.pipeline import bundled_samples
    from sitrep.store import Store

    samples = bundled_samples()
    err.print(f"sitrep demo: ingesting the sample corpus in {samples}", markup=False)
    code = _run_ingest([str(samples)])
    store = Store.open(_settings().database_url)
    try:
        analyses = store.analyses()
    finally:
        store.close()
    sys.stdout.write(render(build_brief(analyses, BriefOptions(title="sitrep demo brief")), "text"))
    raise typer.Exit(code)


# Set before numpy loads (the commands import it lazily). sitrep's matrices are small,
# per-sentence batches: a BLAS thread per core only spins and doubles the CPU each sentence
# costs, and with one thread the model multiplies through numpy's OpenBLAS, about three
# times BLIS's speed here. A user's own setting wins.
_ONE_BLAS_THREAD = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def main() -> None:
    """Console-script entry point."""
    for variable in _ONE_BLAS_THREAD:
        os.environ.setdefault(variable, "1")
    app()


if __name__ == "__main__":
    main()
