"""Two writers at once: no "database is locked", no lost or doubled article."""

from __future__ import annotations

import threading
from collections.abc import Callable

from store_samples import edited_copy, harbour_analysis

from sitrep.models import Analysis, Article
from sitrep.store import SaveResult, Store


def _distinct(writer: int, number: int) -> Analysis:
    """Bodies with no shared shingles, so none is folded onto another."""
    words = " ".join(f"w{writer}n{number}k{k}" for k in range(40))
    return Analysis(Article(origin=f"writer{writer}-{number}.txt", text=words))


def _in_threads(jobs: list[Callable[[], list[SaveResult]]]) -> list[list[SaveResult]]:
    results: list[list[SaveResult]] = [[] for _ in jobs]
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(jobs))

    def run(index: int) -> None:
        barrier.wait()
        try:
            results[index] = jobs[index]()
        except BaseException as exc:  # handed to the main thread below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(jobs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    return results


def test_two_writers_interleave_without_errors(store_url: str) -> None:
    with Store.open(store_url) as first, Store.open(store_url) as second:
        def writer(store: Store, number: int) -> Callable[[], list[SaveResult]]:
            return lambda: [store.save(_distinct(number, i)) for i in range(6)]

        results = _in_threads([writer(first, 1), writer(second, 2)])
        assert all(r.status == "stored" for batch in results for r in batch)
        assert first.counts()["articles"] == 12


def test_the_same_article_saved_twice_at_once_is_stored_once(store_url: str) -> None:
    analysis = harbour_analysis()
    with Store.open(store_url) as first, Store.open(store_url) as second:
        results = _in_threads([lambda: [first.save(analysis)], lambda: [second.save(analysis)]])
        statuses = sorted(batch[0].status for batch in results)
        assert statuses == ["duplicate", "stored"]
        assert results[0][0].article_id == results[1][0].article_id
        assert first.analyses() == [analysis]


def test_threads_sharing_one_store_fold_copies(store_url: str) -> None:
    original = harbour_analysis()
    copy = edited_copy(original, "wire.html")
    with Store.open(store_url) as store:
        results = _in_threads([lambda: [store.save(original)], lambda: [store.save(copy)]])
        assert sorted(batch[0].status for batch in results) == ["copy", "stored"]
        counts = store.counts()
        assert (counts["articles"], counts["copies"]) == (1, 1)
