"""Starting the workers' fork server ahead of an ingest, and when an ingest uses workers."""

from __future__ import annotations

import multiprocessing.forkserver
from dataclasses import replace
from pathlib import Path
from typing import Any

from sitrep.settings import Settings
from sitrep.worker_server import POOL_THRESHOLD, start_ahead, uses_pool


def test_workers_only_for_enough_inputs_or_bulky_ones() -> None:
    two = replace(Settings(), workers=2)
    few = [f"story-{n}.html" for n in range(POOL_THRESHOLD - 1)]
    assert not uses_pool(few, two)
    assert uses_pool([*few, "one-more.txt"], two)
    assert uses_pool(["crawl.warc.gz"], two)
    assert uses_pool(["wire.JSONL"], two)
    assert not uses_pool([*few, "crawl.warc"], replace(two, workers=1))


def test_a_small_ingest_starts_no_server(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("A short note.", encoding="utf-8")
    assert not start_ahead([str(tmp_path)], replace(Settings(), workers=2))


def test_a_folder_of_many_files_starts_the_server(tmp_path: Path) -> None:
    for n in range(POOL_THRESHOLD):
        (tmp_path / f"story-{n}.txt").write_text(f"Story {n}.", encoding="utf-8")
    assert start_ahead([str(tmp_path)], replace(Settings(), workers=2))
    server: Any = multiprocessing.forkserver._forkserver  # the module's one server
    assert server._forkserver_pid is not None
    # Started twice (the ingest's own pool asks again): the same server.
    pid = server._forkserver_pid
    assert start_ahead([str(tmp_path)], replace(Settings(), workers=2))
    assert server._forkserver_pid == pid
