"""Full-text search: ranking, phrases, operators and input that must not crash."""

from __future__ import annotations

from dataclasses import replace

from store_samples import harbour_analysis, rail_analysis

from sitrep.models import Analysis, Article
from sitrep.store import SearchHit, Store
from sitrep.store.search import ParsedQuery, Term, fts5_expression, parse_query


def _filled(store_url: str) -> tuple[Store, dict[str, int]]:
    """A store with the two fixture stories plus a short note that names a strike once."""
    store = Store.open(store_url)
    note = Analysis(Article(
        origin="note.txt", title="Weekly transport notes",
        text="Ferries ran on time this week. A strike by port staff was called off "
             "on Friday after a late offer, the harbour authority said.",
    ))
    ids = {
        "harbour": store.save(harbour_analysis()).article_id,
        "rail": store.save(rail_analysis()).article_id,
        "note": store.save(note).article_id,
    }
    return store, ids


def _ids(hits: list[SearchHit]) -> list[int]:
    return [hit.article_id for hit in hits]


def test_ranking_puts_the_article_about_it_first(store_url: str) -> None:
    store, ids = _filled(store_url)
    with store:
        hits = store.search("strike")
        assert _ids(hits) == [ids["rail"], ids["note"]]
        assert hits[0].score > hits[1].score
        top = hits[0]
        assert top.title == "Portuguese train drivers strike over pay"
        assert top.origin == "rail.html"
        assert top.url == "https://news.example.org/rail"
        assert top.published is not None
        assert "«strike»" in top.snippet.lower()
        assert store.search("strike", limit=1) == hits[:1]


def test_phrases_operators_and_prefixes(store_url: str) -> None:
    store, ids = _filled(store_url)
    with store:
        assert _ids(store.search('"mackerel quotas"')) == [ids["harbour"]]
        assert store.search('"quotas mackerel"') == []
        assert sorted(_ids(store.search("mackerel OR drivers"))) == sorted(
            [ids["harbour"], ids["rail"]])
        assert _ids(store.search("strike -Portugal")) == [ids["note"]]
        assert _ids(store.search('strike NOT "train drivers"')) == [ids["note"]]
        assert set(_ids(store.search("ferr*"))) == {ids["note"]}
        assert _ids(store.search("Tromsø")) == [ids["harbour"]]
        # Stemming: "protests" finds "protested".
        assert _ids(store.search("protests")) == [ids["harbour"]]


ODD_QUERIES = [
    '"', '""', "AND", "OR", "NOT", "*", "-", "- -", '"unbalanced phrase', "NEAR(strike pay)",
    "^", "'", "a'b", "&& || !!", "-strike", "", "   ", "\\", "%_", "title:", ":*", "(", ")",
]
ODD_QUERIES_FINDING_STRIKE = [
    "strike AND", "AND strike", "OR strike", "strike*)", "(strike", "strike ,",
    "^strike", "strike:*", '"strike', "strike OR OR", "strike -", "strike NOT",
]


def test_odd_input_does_not_crash(store_url: str) -> None:
    store, ids = _filled(store_url)
    with store:
        for query in ODD_QUERIES:
            assert isinstance(store.search(query), list), query
        for query in ODD_QUERIES_FINDING_STRIKE:
            assert ids["rail"] in _ids(store.search(query)), query


def test_query_parsing() -> None:
    """Operators are understood, punctuation is dropped, phrases keep their word order."""
    parsed = parse_query('Putin "peace talks" OR ceasefire -rumour sanction* AND')
    assert parsed == ParsedQuery(
        clauses=((Term("Putin"),), (Term("peace talks"), Term("ceasefire")),
                 (Term("sanction", prefix=True),)),
        excluded=(Term("rumour"),),
    )
    assert fts5_expression(parsed) == (
        '"Putin" AND ("peace talks" OR "ceasefire") AND "sanction" * NOT "rumour"')
    assert parse_query("-only -negative").empty
    assert parse_query('U.S. "don\'t"').clauses == ((Term("U S"),), (Term("don t"),))


def test_copies_and_duplicates_do_not_appear_twice(store_url: str) -> None:
    store, ids = _filled(store_url)
    with store:
        harbour = harbour_analysis()
        store.save(replace(harbour, article=replace(harbour.article, origin="again.html")))
        assert _ids(store.search("mackerel")) == [ids["harbour"]]
