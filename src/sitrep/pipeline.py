"""The stages run end to end: ingest -> extract -> analyze -> store.

Two entry points, both used by the CLI and the benchmarks:

- :func:`ingest_sources` reads sources into the database. Extraction and analysis (the CPU
  work) run in worker processes when the batch is large enough to pay for starting them;
  the calling process stays the single writer, because SQLite allows one and because one
  transaction per article is easiest to keep honest in one place. The writer shares the
  cores with the workers, so whatever needs no database is done in the workers: they read
  plain files themselves and send each analysis prepared for the store (flat tuples, with
  the body's hash and MinHash signature), leaving the writer ~3.5 ms of CPU an article.
- :func:`analyze_sources` analyses inputs without storing them (``sitrep analyze``,
  ``sitrep brief FILE``).

Bad inputs never stop a batch: each becomes a :class:`Failure` naming the input and the
reason, recorded with the run.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from sitrep.analyze import Analyzer
from sitrep.errors import InputError, SitrepError
from sitrep.extract import extract
from sitrep.ingest import expand_sources, read_source
from sitrep.ingest.fetch import is_url
from sitrep.ingest.sniff import kind_from_suffix
from sitrep.models import Analysis, Article, RawDocument
from sitrep.settings import Settings
from sitrep.worker_server import single_threaded_children, uses_pool, worker_context

if TYPE_CHECKING:  # the store (SQLAlchemy) loads only for commands that write
    from sitrep.store import PreparedAnalysis, Store

__all__ = [
    "Failure",
    "IngestReport",
    "ProgressCallback",
    "analyze_sources",
    "extract_sources",
    "ingest_sources",
]

# Documents in flight per worker: enough to keep workers busy, few enough to bound memory
# when a WARC holds a hundred thousand records.
WINDOW_PER_WORKER = 16
# Documents a worker takes at a time: one round trip per batch instead of per document, and
# the analyzer streams the batch through spaCy's ``pipe`` (about 5 % less CPU than one by
# one on WCXB pages), while small enough that the workers stay evenly loaded.
BATCH_SIZE = 4


@dataclass(frozen=True, slots=True)
class Failure:
    source: str
    reason: str

    def line(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(slots=True)
class IngestReport:
    """What one ``sitrep ingest`` did; ``failed`` keeps every reason."""

    run_id: int
    stored: int = 0
    duplicates: int = 0
    copies: int = 0
    events: int = 0
    quotes: int = 0
    failed: list[Failure] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.stored + self.duplicates + self.copies + len(self.failed)

    def counts(self) -> dict[str, int]:
        return {
            "stored": self.stored,
            "duplicates": self.duplicates,
            "copies": self.copies,
            "failed": len(self.failed),
            "events": self.events,
            "quotes": self.quotes,
        }


ProgressCallback = Callable[[str, str], None]
"""Called as ``(event, detail)``: ("total", "N") once the sources are expanded, then
("source", name) when a source starts, ("document", outcome) after each document."""


def _noop(event: str, detail: str) -> None:
    return None


def _with_date(article: Article, published: date | None) -> Article:
    return article if published is None else replace(article, published=published)


# -- worker side ---------------------------------------------------------------------------

_worker_analyzer: Analyzer | None = None
_worker_settings: Settings | None = None

WorkItem = RawDocument | str
"""What a worker is sent: a document already read, or the path of a file it reads itself."""
Saveable: TypeAlias = "Analysis | PreparedAnalysis"
"""An analysis for ``Store.save``: workers send it prepared (flat and fingerprinted)."""


def _init_worker(settings: Settings) -> None:
    global _worker_analyzer, _worker_settings
    _worker_analyzer = Analyzer(settings)
    _worker_settings = settings


def _process_batch(items: list[WorkItem]) -> list[Saveable | InputError]:
    """Read, extract, analyse and fingerprint a batch in a worker, in order; errors travel
    back as values, one per document that failed.

    Everything here is work the single writer would otherwise do beside the workers on the
    same cores: reading and inflating plain files, the body's hash and MinHash signature
    (the writer then only compares and inserts), and flattening the analysis into the
    tuples the store writes, which also unpickle in a tenth of the time.
    """
    from sitrep.store import prepare

    assert _worker_analyzer is not None and _worker_settings is not None, \
        "worker not initialised"
    docs: list[RawDocument | InputError] = []
    for item in items:
        if isinstance(item, str):
            docs.extend(read_source(item, _worker_settings))
        else:
            docs.append(item)
    return [result if isinstance(result, InputError) else prepare(result)
            for result in _extract_and_analyze_batch(docs, _worker_analyzer)]


def _extract_and_analyze_batch(
    docs: list[RawDocument | InputError], analyzer: Analyzer
) -> list[Analysis | InputError]:
    """Each document's analysis or error (a read error passes through), in input order.

    The extracted articles go through :meth:`Analyzer.analyze_many` together; should that
    fail for one of them, the batch is analysed again one by one so that only the bad
    document carries the error.
    """
    extracted: list[Article | InputError] = []
    for doc in docs:
        if isinstance(doc, InputError):
            extracted.append(doc)
            continue
        try:
            extracted.append(extract(doc))
        except InputError as exc:
            extracted.append(exc)
        except SitrepError as exc:
            extracted.append(InputError(doc.origin, str(exc)))
    articles = [item for item in extracted if isinstance(item, Article)]
    try:
        analysed = iter(list(analyzer.analyze_many(articles)))
    except SitrepError:
        return [item if isinstance(item, InputError) else _analyze_one(item, analyzer)
                for item in extracted]
    return [item if isinstance(item, InputError) else next(analysed) for item in extracted]


def _analyze_one(article: Article, analyzer: Analyzer) -> Analysis | InputError:
    try:
        return analyzer.analyze(article)
    except InputError as exc:
        return exc
    except SitrepError as exc:
        return InputError(article.origin, str(exc))


def _extract_and_analyze(
    doc: RawDocument, analyzer: Analyzer, published: date | None
) -> Analysis | InputError:
    try:
        article = _with_date(extract(doc), published)
        return analyzer.analyze(article)
    except InputError as exc:
        return exc
    except SitrepError as exc:
        return InputError(doc.origin, str(exc))


# -- reading -------------------------------------------------------------------------------


def _documents(
    sources: Sequence[str], settings: Settings, progress: ProgressCallback
) -> Iterator[RawDocument | InputError]:
    for source in sources:
        progress("source", source)
        yield from read_source(source, settings)


def _work_items(
    sources: Sequence[str], settings: Settings, progress: ProgressCallback
) -> Iterator[WorkItem | InputError]:
    """What the workers are sent: a plain HTML or text file goes by its path, so the worker
    reads and inflates it (about 1 ms of the writer's CPU per page otherwise); feeds, WARC,
    JSON and URLs are read here, where their records are split into documents."""
    for source in sources:
        progress("source", source)
        if not is_url(source) and kind_from_suffix(source) in ("html", "text"):
            yield source
        else:
            yield from read_source(source, settings)


def _results_serial(
    docs: Iterable[RawDocument | InputError], analyzer: Analyzer, published: date | None
) -> Iterator[Analysis | InputError]:
    for doc in docs:
        yield doc if isinstance(doc, InputError) else _extract_and_analyze(doc, analyzer, published)


def _results_parallel(
    items: Iterable[WorkItem | InputError], settings: Settings
) -> Iterator[Saveable | InputError]:
    """Read+extract+analyse in worker processes, yielding results in input order.

    A bounded window of futures keeps memory flat however long the input is.
    """
    # Workers fork from a server that imported the pipeline once (see worker_server),
    # started here unless the command started it ahead.
    context = worker_context()
    window: deque[Future[list[Saveable | InputError]] | InputError] = deque()
    limit = settings.workers * WINDOW_PER_WORKER // BATCH_SIZE
    with single_threaded_children(), ProcessPoolExecutor(
        max_workers=settings.workers, mp_context=context,
        initializer=_init_worker, initargs=(settings,),
    ) as pool:
        for batch in _batches(items, BATCH_SIZE):
            window.append(batch if isinstance(batch, InputError)
                          else pool.submit(_process_batch, batch))
            while len(window) >= limit:
                yield from _resolve(window.popleft())
        while window:
            yield from _resolve(window.popleft())


def _batches(
    items: Iterable[WorkItem | InputError], size: int
) -> Iterator[list[WorkItem] | InputError]:
    """Consecutive items in lists of up to ``size``; a read error passes through on its
    own, in its place (the batch before it is cut short), so the order of inputs holds."""
    batch: list[WorkItem] = []
    for item in items:
        if isinstance(item, InputError):
            if batch:
                yield batch
                batch = []
            yield item
            continue
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _resolve(
    item: Future[list[Saveable | InputError]] | InputError,
) -> list[Saveable | InputError]:
    return [item] if isinstance(item, InputError) else item.result()


# -- public --------------------------------------------------------------------------------


def ingest_sources(
    sources: Sequence[str],
    store: Store,
    settings: Settings,
    progress: ProgressCallback = _noop,
    analyzer: Analyzer | None = None,
) -> IngestReport:
    """Ingest every source into ``store``; one transaction per article.

    Returns the report; raises only for failures of the store itself (StoreError), never for
    a bad input.
    """
    expanded = expand_sources(sources)
    progress("total", str(len(expanded)))
    report = IngestReport(run_id=store.start_run(list(sources)))
    results: Iterable[Saveable | InputError]
    if uses_pool(expanded, settings):
        results = _results_parallel(_work_items(expanded, settings, progress), settings)
    else:
        docs = _documents(expanded, settings, progress)
        results = _results_serial(docs, analyzer or Analyzer(settings), None)
    for result in results:
        if isinstance(result, InputError):
            report.failed.append(Failure(result.source, result.reason))
            store.record_failure(report.run_id, result.source, result.reason)
            progress("document", "failed")
            continue
        saved = store.save(result, report.run_id)
        if saved.status == "stored":
            report.stored += 1
            report.events += len(result.events)
            report.quotes += len(result.quotes)
        elif saved.status == "duplicate":
            report.duplicates += 1
        else:
            report.copies += 1
        progress("document", saved.status)
    store.finish_run(report.run_id, report.counts())
    return report


def analyze_sources(
    sources: Sequence[str],
    settings: Settings,
    published: date | None = None,
    analyzer: Analyzer | None = None,
) -> Iterator[Analysis | InputError]:
    """Analyse inputs without storing them; ``published`` overrides the article's date."""
    analyzer = analyzer or Analyzer(settings)
    docs = (d for s in expand_sources(sources) for d in read_source(s, settings))
    yield from _results_serial(docs, analyzer, published)


def extract_sources(sources: Sequence[str], settings: Settings) -> Iterator[Article | InputError]:
    """Clean articles for ``sitrep extract``; bad inputs come back as errors, in order."""
    for source in expand_sources(sources):
        for doc in read_source(source, settings):
            if isinstance(doc, InputError):
                yield doc
                continue
            try:
                yield extract(doc)
            except InputError as exc:
                yield exc


def text_document(text: str, origin: str = "<stdin>") -> RawDocument:
    """A plain-text document from a string (stdin, a --jsonl line)."""
    return RawDocument(origin=origin, content=text, kind="text")


def bundled_samples() -> Path:
    """The sample corpus shipped inside the package (used by ``sitrep demo``)."""
    return Path(__file__).resolve().parent / "data" / "samples"
