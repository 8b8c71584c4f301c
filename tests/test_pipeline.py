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
    from sitrep.worker_server import single_threaded_children

    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    monkeypatch.setenv("OMP_NUM_THREADS", "4")  # the user's own choice wins
    with single_threaded_children():
        assert os.environ["OPENBLAS_NUM_THREADS"] == "1"
        assert os.environ["OMP_NUM_THREADS"] == "4"
    assert "OPENBLAS_NUM_THREADS" not in os.environ
    assert os.environ["OMP_NUM_THREADS"] == "4"


def _ingest_folder(folder: Path, url: str, workers: int) -> tuple[dict[str, int], list[str]]:
    settings = replace(Settings(), database_url=url, workers=workers)
    store = Store.open(url)
    try:
        report = ingest_sources([str(folder)], store, settings)
        return report.counts(), [Path(f.source).name + ": " + f.reason for f in report.failed]
    finally:
        store.close()


def test_bad_inputs_among_batches_fail_alone_and_in_order(tmp_path: Path) -> None:
    """Workers take documents in batches: a bad document fails on its own line, and the
    good ones of its batch are stored as they are without workers."""
    folder = tmp_path / "news"
    folder.mkdir()
    samples = sorted(bundled_samples().glob("pages/*.html"))
    assert len(samples) >= 8
    for index, sample in enumerate(samples * 3):  # enough inputs to start the pool
        (folder / f"{index:03d}-{sample.name}").write_bytes(sample.read_bytes())
    (folder / "005-empty.txt").write_bytes(b"")
    (folder / "011-binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "009-menu-only.html").write_text(  # fails in the worker, inside a batch
        '<html><body><nav><a href="/">Home</a></nav><script>var a;</script></body></html>',
        encoding="utf-8")
    (folder / "017-latin1.txt").write_bytes("Caf\xe9 owners protested in Lyon.".encode("latin-1"))
    serial = _ingest_folder(folder, f"sqlite:///{tmp_path / 'serial.db'}", workers=1)
    parallel = _ingest_folder(folder, f"sqlite:///{tmp_path / 'parallel.db'}", workers=2)
    assert parallel == serial
    counts, failed = parallel
    assert [line.split(":")[0] for line in failed] == [
        "005-empty.txt", "009-menu-only.html", "011-binary.txt", "017-latin1.txt"]
    # each page three times: stored once, then found again as the same body
    assert (counts["stored"], counts["duplicates"]) == (len(samples), 2 * len(samples))


def test_batches_keep_input_order_around_read_errors() -> None:
    from sitrep.errors import InputError
    from sitrep.models import RawDocument
    from sitrep.pipeline import _batches

    def doc(name: str) -> RawDocument:
        return RawDocument(origin=name, content="Text.", kind="text")

    error = InputError("bad.txt", "empty file")
    items = [doc("a"), doc("b"), doc("c"), error, doc("d")]
    batches = list(_batches(items, 2))
    shape = [b if isinstance(b, InputError) else [d.origin for d in b] for b in batches]
    assert shape == [["a", "b"], ["c"], error, ["d"]]


def test_files_read_by_workers_and_records_read_here_keep_one_order(tmp_path: Path) -> None:
    """Workers read plain HTML and text files themselves; a JSON Lines file is split into
    records by the writer. Mixed in one folder, the outcome matches the serial run's."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    samples = sorted(bundled_samples().glob("pages/*.html"))
    for index, sample in enumerate(samples * 3):
        (folder / f"{index:03d}-{sample.name}").write_bytes(sample.read_bytes())
    records = [
        '{"url": "https://example.org/a", "title": "Dock strike", '
        '"text": "Dock workers in Antwerp walked out on Monday over a new rota."}',
        "{not json",
    ]
    (folder / "004-records.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    (folder / "006-missing.html.gz").write_bytes(b"\x1f\x8b broken gzip")
    serial = _ingest_folder(folder, f"sqlite:///{tmp_path / 'serial.db'}", workers=1)
    parallel = _ingest_folder(folder, f"sqlite:///{tmp_path / 'parallel.db'}", workers=2)
    assert parallel == serial
    counts, failed = parallel
    assert [line.split(":")[0] for line in failed] == ["004-records.jsonl", "006-missing.html.gz"]
    assert counts["stored"] == len(samples) + 1
