"""The pipeline gives the same stored result whether the CPU work runs in worker
processes or in the writer itself."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from sitrep.pipeline import bundled_samples, ingest_sources
from sitrep.settings import Settings
from sitrep.store import Store


def _ingest(url: str, workers: int) -> tuple[dict[str, int], list[tuple[str, int, int]]]:
    settings = replace(Settings(), database_url=url, workers=workers)
    store = Store.open(url)
    try:
        report = ingest_sources([str(bundled_samples())], store, settings)
        assert not report.failed, report.failed
        stored = [(a.article.origin, len(a.events), len(a.quotes)) for a in store.analyses()]
        return store.counts(), sorted(stored)
    finally:
        store.close()


def test_workers_and_serial_store_the_same(tmp_path: Path) -> None:
    serial = _ingest(f"sqlite:///{tmp_path / 'serial.db'}", workers=1)
    parallel = _ingest(f"sqlite:///{tmp_path / 'parallel.db'}", workers=2)
    assert serial == parallel
    counts, stored = serial
    assert counts["copies"] == 2
    assert len(stored) == counts["articles"] >= 20


def test_workers_get_one_blas_thread_and_the_caller_keeps_its_environment(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from sitrep.pipeline import _single_threaded_children

    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    monkeypatch.setenv("OMP_NUM_THREADS", "4")  # the user's own choice wins
    with _single_threaded_children():
        assert os.environ["OPENBLAS_NUM_THREADS"] == "1"
        assert os.environ["OMP_NUM_THREADS"] == "4"
    assert "OPENBLAS_NUM_THREADS" not in os.environ
    assert os.environ["OMP_NUM_THREADS"] == "4"
