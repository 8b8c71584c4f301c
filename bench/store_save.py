"""Cost of ``Store.save`` per analysed article, on SQLite and optionally PostgreSQL.

    .venv/bin/python bench/store_save.py [--pages 60] [--repeat 3] [--cache FILE]
                                         [--postgres postgresql://user@127.0.0.1/test]

Analyses WCXB dev article pages from ../shared (real news: ~1,900 words, ~70 events,
~100 actor mentions per article), then saves them all into a fresh store, ``--repeat``
times, and prints the median milliseconds per article: wall clock and this process's CPU
time (the CPU figure is steadier on a shared machine). It is measured twice: ``save`` of
an Analysis, which the store prepares itself (flattens it and computes the body's hash and
MinHash signature), as a lone save does, and ``save`` of an analysis prepared beforehand,
as the ingest writer gets them from its workers.
Analysing is slow, so ``--cache`` keeps the analyses in a pickle file between runs. On
PostgreSQL every repeat works in a new schema, dropped afterwards.

Speed is measured here, never in tests.
"""

from __future__ import annotations

import argparse
import os
import pickle
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import quote

from sitrep.models import Analysis
from sitrep.store import PreparedAnalysis, Store, prepare
from sitrep.store.copies import signature

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SITREP_SHARED", REPO.parent / "shared"))


def _analyses(pages: int, cache: Path | None) -> list[Analysis]:
    if cache is not None and cache.exists():
        with cache.open("rb") as handle:
            loaded: list[Analysis] = pickle.load(handle)
        if len(loaded) >= pages:
            return loaded[:pages]
    from sitrep.analyze import Analyzer
    from sitrep.extract import extract
    from sitrep.ingest import read_source
    from sitrep.models import RawDocument
    from sitrep.settings import Settings

    wcxb = SHARED / "data" / "extraction" / "wcxb-dev-articles" / "html"
    files = sorted(wcxb.glob("*.html.gz"))[:pages]
    if not files:
        raise SystemExit(f"no WCXB pages under {wcxb}")
    settings = Settings()
    docs = [d for f in files for d in read_source(str(f), settings) if isinstance(d, RawDocument)]
    results = list(Analyzer(settings).analyze_many([extract(d) for d in docs]))
    if cache is not None:
        with cache.open("wb") as handle:
            pickle.dump(results, handle)
    return results


def _save_all(url: str, analyses: list[Analysis] | list[PreparedAnalysis]) -> tuple[float, float]:
    """Milliseconds per article (wall, CPU) to save ``analyses`` into the store at ``url``."""
    signature.cache_clear()  # every repeat signs the bodies anew, as a first save does
    with Store.open(url) as store:
        wall, cpu = time.perf_counter(), time.process_time()
        for analysis in analyses:
            store.save(analysis)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        if store.counts()["articles"] == 0:
            raise SystemExit("nothing was stored")
    return 1000 * wall / len(analyses), 1000 * cpu / len(analyses)


def _postgres_url(base: str, schema: str) -> str:
    separator = "&" if "?" in base else "?"
    return f"{base}{separator}options={quote(f'-csearch_path={schema}')}"


def _run_postgres(base: str,
                  analyses: list[Analysis] | list[PreparedAnalysis]) -> tuple[float, float]:
    import psycopg

    conninfo = base.replace("postgresql+psycopg://", "postgresql://")
    schema = f"sitrep_bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(conninfo, autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{schema}"')
    try:
        return _save_all(_postgres_url(base, schema), analyses)
    finally:
        with psycopg.connect(conninfo, autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA "{schema}" CASCADE')


def _report(backend: str, runs: list[tuple[float, float]]) -> None:
    walls = [wall for wall, _ in runs]
    cpus = [cpu for _, cpu in runs]
    print(f"{backend}: median {statistics.median(walls):.1f} ms/article wall, "
          f"{statistics.median(cpus):.1f} ms CPU (wall runs: "
          f"{', '.join(f'{w:.1f}' for w in walls)})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--postgres", default=None, help="PostgreSQL URL to measure as well")
    args = parser.parse_args()

    analyses = _analyses(args.pages, args.cache)
    print(f"{len(analyses)} articles: "
          f"{statistics.mean(len(a.article.text.split()) for a in analyses):.0f} words, "
          f"{statistics.mean(len(a.events) for a in analyses):.0f} events, "
          f"{statistics.mean(sum(len(x.mentions) for x in a.actors) for a in analyses):.0f} "
          f"mentions, {statistics.mean(len(a.quotes) for a in analyses):.1f} quotes on average")
    prepared = [prepare(analysis) for analysis in analyses]
    with tempfile.TemporaryDirectory() as tmp:
        runs = [_save_all(f"sqlite:///{Path(tmp) / f'run{i}.db'}", analyses)
                for i in range(args.repeat)]
        given = [_save_all(f"sqlite:///{Path(tmp) / f'given{i}.db'}", prepared)
                 for i in range(args.repeat)]
    _report("sqlite", runs)
    _report("sqlite, prepared (the ingest writer)", given)
    if args.postgres:
        _report("postgresql", [_run_postgres(args.postgres, analyses)
                               for _ in range(args.repeat)])
        _report("postgresql, prepared", [_run_postgres(args.postgres, prepared)
                                         for _ in range(args.repeat)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
