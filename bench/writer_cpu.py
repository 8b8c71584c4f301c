"""CPU the ingest's main process (the single writer) spends per article.

    .venv/bin/python bench/writer_cpu.py [--pages 150] [--workers 2] [--profile]

Ingests WCXB dev article pages from ../shared with the worker pool into a fresh SQLite
file and prints this process's CPU milliseconds per article: its main thread (saving,
handing out work) and its other threads (the pool's threads that pickle work items and
unpickle results). The writer runs beside the workers on the same cores, so every
millisecond here is taken from them. ``--profile`` adds a cProfile of the main thread,
timed in CPU time.

Speed is measured here, never in tests.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from sitrep.pipeline import ingest_sources
from sitrep.settings import Settings
from sitrep.store import Store

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SITREP_SHARED", REPO.parent / "shared"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=150)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    wcxb = SHARED / "data" / "extraction" / "wcxb-dev-articles" / "html"
    pages = [str(path) for path in sorted(wcxb.glob("*.html.gz"))[:args.pages]]
    if not pages:
        raise SystemExit(f"no WCXB pages under {wcxb}")
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'writer.db'}"
        settings = replace(Settings(), database_url=url, workers=args.workers)
        with Store.open(url) as store:
            profile = cProfile.Profile(time.thread_time) if args.profile else None
            wall, cpu, thread = time.perf_counter(), time.process_time(), time.thread_time()
            if profile:
                profile.enable()
            report = ingest_sources(pages, store, settings)
            if profile:
                profile.disable()
            wall = time.perf_counter() - wall
            cpu, thread = time.process_time() - cpu, time.thread_time() - thread
    count = len(pages)
    print(f"{count} pages, {args.workers} workers: {report.counts()}")
    print(f"main process CPU {1000 * cpu / count:.2f} ms/article (main thread "
          f"{1000 * thread / count:.2f}, other threads {1000 * (cpu - thread) / count:.2f}); "
          f"wall {count / wall:.1f} articles/s")
    if profile:
        pstats.Stats(profile).sort_stats("tottime").print_stats(30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
