"""End-to-end throughput: HTML pages -> extracted, analysed, stored events.

    .venv/bin/python bench/throughput.py [--pages N] [--workers W] [--repeat R]

Reads WCXB dev article pages from ../shared when present (real, varied web pages: product
guides, advice and a little news, so most are judged not about public affairs and are
parsed only where they touch on it), else, or with ``--samples``, the bundled news corpus
repeated (every article political: the analysis's full cost). Each repeat ingests into a
fresh SQLite file, so every run does the full work (nothing is skipped as already stored).
Prints the median articles/s over the repeats, the analysis rate in sentences/s on one core,
the CPU milliseconds per article of each stage (run one after another in this process, over
the first 100 pages), and the peak memory. The stage table says where the time goes on a
busy machine, where wall-clock rates do not; all but "store" run in the ingest workers,
"store" in the single writer.

Speed is measured here, never in tests.
"""

from __future__ import annotations

import os

# One core means one thread: numpy's OpenBLAS would otherwise spin extra threads whose
# CPU time inflates the per-core figure (set before numpy is imported).
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import os
import platform
import resource
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from sitrep.analyze import Analyzer
from sitrep.analyze.nlp.model import find_model
from sitrep.models import Analysis, Article, RawDocument
from sitrep.pipeline import bundled_samples, ingest_sources
from sitrep.settings import Settings
from sitrep.store import Store, prepare

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SITREP_SHARED", REPO.parent / "shared"))


def _pages(limit: int, workdir: Path, samples: bool = False) -> tuple[list[str], str]:
    wcxb = SHARED / "data" / "extraction" / "wcxb-dev-articles" / "html"
    if wcxb.is_dir() and not samples:
        files = sorted(wcxb.glob("*.html.gz"))[:limit]
        return [str(f) for f in files], f"WCXB dev articles ({len(files)} pages)"
    samples = sorted(p for p in bundled_samples().rglob("*") if p.is_file()
                     and p.suffix in {".html", ".txt", ".jsonl", ".xml"})
    copies: list[str] = []
    i = 0
    while len(copies) < limit and samples:
        for sample in samples:
            target = workdir / f"{i:05d}-{sample.name}"
            shutil.copy(sample, target)
            copies.append(str(target))
            i += 1
    return copies[:limit], f"bundled samples repeated ({limit} files)"


def _sentences_per_second(articles: list[Article]) -> tuple[float, int, list[Analysis], float]:
    """Analysis alone on one core, counted in sentences the pipeline itself splits.

    Timed in CPU seconds of this process (the pass is single-threaded), so the figure per
    core holds on a busy machine too; a short warm-up first fills the caches. Also returns
    the analyses (for the store stage) and the CPU seconds the pass took."""
    analyzer = Analyzer(Settings())
    with analyzer.nlp.select_pipes(enable=[analyzer.nlp.pipe_names[0]]):
        sentences = sum(len(list(doc.sents))
                        for doc in analyzer.nlp.pipe(a.text for a in articles))
    for _ in analyzer.analyze_many(articles[:5]):
        pass
    started = time.process_time()
    analyses = list(analyzer.analyze_many(articles))
    elapsed = time.process_time() - started
    return sentences / elapsed, sentences, analyses, elapsed


def _read_and_extract(paths: list[str]) -> tuple[list[Article], float, float, float]:
    """Extracted articles of ``paths``, with the CPU seconds reading and extracting took,
    and the CPU seconds of a first warm-up pass over five pages.

    The warm-up holds what a worker pays once (py3langid's model, justext's stoplists,
    about 0.7 s): over 100 pages it would add ~7 ms to every article, while a worker
    spreads it over its whole batch; the analysis stage is timed warm in the same way.
    """
    from sitrep.extract import extract
    from sitrep.ingest import read_source

    settings = Settings()
    started = time.process_time()
    docs = [doc for path in paths for doc in read_source(path, settings)
            if not isinstance(doc, Exception)]
    reading = time.process_time() - started

    def extract_all(batch: list[RawDocument]) -> list[Article]:
        found = []
        for doc in batch:
            try:
                found.append(replace(extract(doc), published=date(2025, 8, 13)))
            except Exception:
                continue
        return found

    started = time.process_time()
    extract_all(docs[:5])
    warm_up = time.process_time() - started
    started = time.process_time()
    articles = extract_all(docs)
    return articles, reading, time.process_time() - started, warm_up


def _saving(analyses: list[Analysis], url: str) -> tuple[float, float]:
    """CPU seconds to prepare ``analyses`` for the store (flatten, fingerprint: done by the
    ingest workers) and to store them one transaction each, as the writer does."""
    started = time.process_time()
    prepared = [prepare(analysis) for analysis in analyses]
    preparing = time.process_time() - started
    with Store.open(url) as store:
        run_id = store.start_run(["bench"])
        started = time.process_time()
        for item in prepared:
            store.save(item, run_id)
        return preparing, time.process_time() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--samples", action="store_true",
                        help="the bundled news samples, repeated, even where WCXB is present")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        pages, what = _pages(args.pages, work, args.samples)
        rates = []
        report = None
        for run in range(args.repeat):
            url = f"sqlite:///{work / f'run{run}.db'}"
            settings = replace(Settings(), database_url=url, workers=args.workers)
            store = Store.open(url)
            started = time.perf_counter()
            report = ingest_sources(pages, store, settings)
            elapsed = time.perf_counter() - started
            store.close()
            rates.append(report.seen / elapsed)
        assert report is not None
        articles, reading, extracting, warm_up = _read_and_extract(pages[:100])
        sps, sentences, analyses, analysing = _sentences_per_second(articles)
        preparing, saving = _saving(analyses, f"sqlite:///{work / 'stages.db'}")

    # Workers are forkserver grandchildren, invisible to RUSAGE_CHILDREN; this process ran
    # every stage itself (the analysis-alone pass), so its peak is a worker's peak too.
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"machine: {platform.machine()} {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}")
    print(f"input: {what}; workers: {args.workers}; repeats: {args.repeat}")
    print(f"last run: {report.stored} stored, {report.copies} copies, {report.duplicates} dup, "
          f"{len(report.failed)} failed, {report.events} events, {report.quotes} quotes")
    print(f"end to end (HTML -> stored events): median {statistics.median(rates):.1f} articles/s "
          f"(runs: {', '.join(f'{r:.1f}' for r in rates)})")
    model = "trained parser" if find_model(Settings()) else "rules only, no parser"
    print(f"analysis alone, one core ({model}): {sps:,.0f} sentences per CPU-second "
          f"over {sentences} sentences")
    stages = {"read": reading, "extract": extracting, "analyse": analysing,
              "prepare for the store": preparing, "store": saving}
    print(f"CPU per article by stage, one process, {len(articles)} articles: " + ", ".join(
        f"{name} {1000 * seconds / len(articles):.1f} ms" for name, seconds in stages.items())
        + f"; total {1000 * sum(stages.values()) / len(articles):.1f} ms")
    print(f"extraction warm-up (once per process: language model, stoplists): first 5 pages "
          f"{warm_up:.2f} CPU-s")
    print(f"peak RSS of one process running every stage: {peak_self:.0f} MiB "
          f"(each of the {args.workers} workers holds the same analyzer)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
