"""Saving analyses and reading them back, on SQLite and (when reachable) PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import create_engine, text
from store_samples import edited_copy, harbour_analysis, rail_analysis

from sitrep.errors import StoreError
from sitrep.models import ActorMention, Analysis, Article, DateRef, Span
from sitrep.store import SaveResult, Store, prepare
from sitrep.store.copies import Fingerprint


def test_round_trip_gives_back_equal_records(store_url: str) -> None:
    harbour, rail = harbour_analysis(), rail_analysis()
    with Store.open(store_url) as store:
        first = store.save(harbour)
        second = store.save(rail)
        assert first.status == second.status == "stored"
        assert first.article_id != second.article_id
        assert store.analyses() == [harbour, rail]


def test_same_actor_across_articles_is_one_row(store_url: str) -> None:
    first = harbour_analysis()
    # Another story citing the same Norwegian minister and Norway.
    second = replace(first, article=replace(first.article, text=first.article.text[::-1],
                                            origin="mirror.txt"),
                     events=[], quotes=[])
    with Store.open(store_url) as store:
        store.save(first)
        before = store.counts()["actors"]
        assert store.save(second).status == "stored"
        assert store.counts()["actors"] == before
        # "Iceland" appears only as an event reference: stored once, without a kind.
        assert before == len(first.actors) + 1


def test_exact_resave_is_a_duplicate_and_stores_nothing(store_url: str) -> None:
    analysis = harbour_analysis()
    with Store.open(store_url) as store:
        stored = store.save(analysis)
        counts = store.counts()
        again = store.save(analysis)
        assert again == SaveResult("duplicate", stored.article_id, None)
        # Only whitespace differs: the same normalised body.
        spaced = replace(analysis.article, text="  " + analysis.article.text.replace(" ", "\n "))
        assert store.save(Analysis(spaced)).status == "duplicate"
        assert store.counts() == counts


def test_near_duplicate_is_folded_across_separate_opens(store_url: str) -> None:
    original = harbour_analysis()
    copy = edited_copy(original, "syndicated.html")
    with Store.open(store_url) as store:
        first = store.save(original)
    with Store.open(store_url) as store:
        folded = store.save(copy)
        assert folded == SaveResult("copy", first.article_id, first.article_id)
        assert store.save(copy) == SaveResult("duplicate", first.article_id, first.article_id)
        counts = store.counts()
        assert (counts["articles"], counts["copies"]) == (1, 1)
        assert store.analyses() == [original]
    engine = create_engine(store_url)
    with engine.connect() as connection:
        row = connection.execute(
            text("SELECT origin, url, title, similarity, article_id FROM copies")).one()
    engine.dispose()
    assert row.origin == "syndicated.html"
    assert row.url == copy.article.url
    assert row.title == copy.article.title
    assert 0.9 <= row.similarity < 1.0


def test_clearly_different_articles_are_not_folded(store_url: str) -> None:
    harbour, rail = harbour_analysis(), rail_analysis()
    half = harbour.article.text[: len(harbour.article.text) // 2]
    other_half = rail.article.text[len(rail.article.text) // 2 :]
    mixed = Analysis(replace(harbour.article, text=half + other_half, origin="mixed.html"))
    with Store.open(store_url) as store:
        store.save(harbour)
        assert store.save(rail).status == "stored"
        assert store.save(mixed).status == "stored"
        assert store.counts()["copies"] == 0


def test_a_second_store_sees_articles_saved_by_the_first(store_url: str) -> None:
    original = harbour_analysis()
    with Store.open(store_url) as reader, Store.open(store_url) as writer:
        reader.save(rail_analysis())  # builds its copy index before the original exists
        first = writer.save(original)
        assert reader.save(edited_copy(original, "late.html")).copy_of == first.article_id


def _broken_event(analysis: Analysis, **changes: object) -> Analysis:
    events = list(analysis.events)
    events.append(replace(events[0], **changes))  # type: ignore[arg-type]
    return replace(analysis, events=events)


@pytest.mark.parametrize(
    "changes",
    [{"confidence": 1.5}, {"date": DateRef("2025-03-04", "fortnight", "soon")}],  # type: ignore[arg-type]
    ids=["confidence", "precision"],
)
def test_failed_save_leaves_nothing_of_the_article(store_url: str,
                                                   changes: dict[str, object]) -> None:
    analysis = harbour_analysis()
    with Store.open(store_url) as store:
        with pytest.raises(StoreError, match=r"harbour\.html"):
            store.save(_broken_event(analysis, **changes))
        assert set(store.counts().values()) == {0}
        assert store.analyses() == []
        # The failed article did not enter the copy index either: it is stored, not a copy.
        assert store.save(analysis).status == "stored"
        assert store.analyses() == [analysis]


def test_analyses_filter_by_date_and_actor(store_url: str) -> None:
    march = harbour_analysis(published=date(2025, 3, 4))
    may = rail_analysis(published=date(2025, 5, 12))
    body = "Özlem Ünal opened a ferry terminal on the Bosphorus after years of delays."
    undated = Analysis(
        Article(origin="undated.txt", text=body),
        [ActorMention("a1", "Özlem Ünal", "person", "TUR", "GOV", [Span(0, 10, "Özlem Ünal")])],
    )
    with Store.open(store_url) as store:
        for analysis in (may, undated, march):
            store.save(analysis)
        assert store.analyses() == [march, may, undated]
        assert store.analyses(since=date(2025, 4, 1)) == [may]
        assert store.analyses(until=date(2025, 3, 4)) == [march]
        assert store.analyses(since=date(2025, 3, 5), until=date(2025, 5, 11)) == []
        assert store.analyses(actor="solberg") == [march]
        assert store.analyses(actor="RUI CAR") == [may]
        assert store.analyses(actor="özlem ün") == [undated]
        assert store.analyses(actor="%") == []
        assert store.analyses(since=date(2025, 1, 1), actor="carvalho") == [may]


def test_runs_and_failures_are_recorded(store_url: str) -> None:
    with Store.open(store_url) as store:
        run = store.start_run(["feed.xml", "page.html"])
        store.record_failure(run, "feed.xml#3", "malformed entry")
        store.save(harbour_analysis(), run_id=run)
        store.finish_run(run, {"stored": 1, "failed": 1})
        assert store.counts()["runs"] == 1
        with pytest.raises(StoreError, match="run 999"):
            store.finish_run(999, {})
        with pytest.raises(StoreError, match="run 999"):
            store.record_failure(999, "x", "y")
    engine = create_engine(store_url)
    with engine.connect() as connection:
        runs = connection.execute(text("SELECT sources, counts, finished FROM ingest_runs")).one()
        failure = connection.execute(text("SELECT run_id, source, reason FROM failures")).one()
        article_run = connection.execute(text("SELECT run_id FROM articles")).scalar_one()
    engine.dispose()
    assert "page.html" in str(runs.sources) and runs.finished is not None
    assert tuple(failure) == (run, "feed.xml#3", "malformed entry")
    assert article_run == run


def test_known_predicts_save_without_writing(store_url: str) -> None:
    original = harbour_analysis()
    copy = edited_copy(original, "wire.html")
    with Store.open(store_url) as store:
        assert store.known(original.article) is None
        first = store.save(original)
        counts = store.counts()
        assert store.known(original.article) == SaveResult("duplicate", first.article_id)
        predicted = store.known(copy.article)
        assert predicted == SaveResult("copy", first.article_id, first.article_id)
        assert store.known(rail_analysis().article) is None
        assert store.counts() == counts
        assert store.save(copy) == predicted


def test_two_local_actors_with_one_identity_round_trip(store_url: str) -> None:
    analysis = harbour_analysis()
    norway = analysis.actors[2]
    twin = ActorMention("a9", norway.name, norway.kind, norway.country, norway.sector,
                        [Span(norway.mentions[0].start, norway.mentions[0].end, "Norway")])
    analysis.actors.append(twin)
    with Store.open(store_url) as store:
        store.save(analysis)
        assert store.analyses() == [analysis]
        # The twin shares Norway's row; Iceland (cited only by events) adds one.
        assert store.counts()["actors"] == len(analysis.actors)


def test_save_of_an_analysis_prepared_elsewhere(store_url: str) -> None:
    """The ingest workers prepare analyses (flat, fingerprinted); saving one stores, folds
    and finds duplicates exactly as saving the Analysis, and reads back equal."""
    original, rail = harbour_analysis(), rail_analysis()
    copy = edited_copy(original, "wire.html")
    with Store.open(store_url) as store:
        first = store.save(prepare(original))
        assert first.status == "stored"
        assert store.save(prepare(original)) == SaveResult("duplicate", first.article_id)
        assert store.save(prepare(copy)) == SaveResult(
            "copy", first.article_id, first.article_id)
        assert store.save(copy) == SaveResult("duplicate", first.article_id, first.article_id)
        assert store.save(prepare(rail)).status == "stored"
        assert store.analyses() == [original, rail]


def test_a_fingerprint_that_is_not_a_signature_is_refused(store_url: str) -> None:
    analysis = harbour_analysis()
    broken = prepare(analysis, Fingerprint(analysis.article.content_hash, b"short"))
    with Store.open(store_url) as store, pytest.raises(StoreError, match=r"harbour\.html"):
        store.save(broken)
