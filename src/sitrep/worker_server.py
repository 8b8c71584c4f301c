"""The fork server that ingest workers start from, and starting it ahead of the ingest.

Workers are forked from a multiprocessing fork server rather than spawned: the server
imports the pipeline's modules once (spaCy, SQLAlchemy, the extractors: ~0.8 s of CPU), and
every worker forked from it starts with them loaded. That import is the first thing an
ingest waits for once it starts its pool. A command that knows it will ingest with workers
can start the server before its own imports and its opening of the database
(:func:`start_ahead`): the two processes then import side by side on two cores, and on
711 WCXB pages ``sitrep ingest`` saw its first stored article about 0.9 s sooner.

This module imports nothing heavy itself, so that starting the server costs the command
nothing it would not pay anyway.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from multiprocessing.context import BaseContext

from sitrep.settings import Settings

__all__ = ["FORKSERVER_PRELOAD", "POOL_THRESHOLD", "single_threaded_children", "start_ahead",
           "uses_pool", "worker_context"]

# Below this many inputs the worker start-up (importing spaCy, loading the KB) costs more
# than it saves.
POOL_THRESHOLD = 24
# Imported by the fork server before it forks any worker: the workers fingerprint bodies
# for the store, whose signature permutations need datasketch.
FORKSERVER_PRELOAD = ["sitrep.pipeline", "sitrep.store.copies", "datasketch"]
# The pool runs one worker per core: a worker's BLAS (numpy's OpenBLAS, used by the
# parser) must not start threads of its own, or the workers fight over the cores.
_SINGLE_THREAD = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


@contextmanager
def single_threaded_children() -> Iterator[None]:
    """Processes started inside inherit one-thread BLAS settings (read when they import
    numpy); the caller's environment is restored afterwards. A user's own setting wins.

    The fork server is such a process: the workers forked from it inherit its numpy.
    """
    saved = {variable: os.environ.get(variable) for variable in _SINGLE_THREAD}
    for variable in _SINGLE_THREAD:
        os.environ.setdefault(variable, "1")
    try:
        yield
    finally:
        for variable, value in saved.items():
            if value is None:
                os.environ.pop(variable, None)
            else:
                os.environ[variable] = value


def worker_context() -> BaseContext:
    """The multiprocessing context ingest workers start from (the fork server, with the
    pipeline's modules preloaded when this call is the one that starts it)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(FORKSERVER_PRELOAD)
    return context


def uses_pool(sources: Sequence[str], settings: Settings) -> bool:
    """Whether an ingest of ``sources`` (already expanded to files and URLs) runs workers."""
    if settings.workers <= 1:
        return False
    bulky = any(s.lower().endswith((".warc", ".warc.gz", ".jsonl")) for s in sources)
    return bulky or len(sources) >= POOL_THRESHOLD


def start_ahead(sources: Sequence[str], settings: Settings) -> bool:
    """Start the fork server now when an ingest of ``sources`` will use workers; returns
    whether it did. Sources that cannot be listed are left for the ingest to report."""
    from sitrep.ingest import expand_sources

    try:
        if not uses_pool(expand_sources(sources), settings):
            return False
    except OSError:  # an unreadable directory: the ingest itself names it
        return False
    worker_context()
    with single_threaded_children():
        multiprocessing.forkserver.ensure_running()
    return True
