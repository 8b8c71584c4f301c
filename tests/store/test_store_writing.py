"""The bulk write path: which actor rows references link to, big articles, failures."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import create_engine, text
from store_samples import harbour_analysis, rail_analysis, sentence_around, span, text_of

from sitrep.errors import StoreError
from sitrep.models import ActorMention, ActorRef, Analysis, Article, Event
from sitrep.store import Store
from sitrep.store.tables import Base
from sitrep.store.writing import COLUMNS, NAMES_PER_QUERY

ICELAND = ActorRef("Iceland", "ISL", None)


def _citing(ref: ActorRef, origin: str, body: str) -> Analysis:
    """An article whose one event cites ``ref`` without listing it as an actor."""
    sentence, start, end = sentence_around(body, "met")
    event = Event(type="CONSULT", mode=None, source=(ref,), target=(), date=None,
                  location=None, negated=False, future=False, confidence=0.6,
                  sentence=sentence, start=start, end=end, trigger="met")
    return Analysis(Article(origin=origin, text=body), [], [event], [])


def _linked_kinds(url: str, origin: str) -> list[str | None]:
    """Kinds of the actor rows the events of article ``origin`` link to."""
    engine = create_engine(url)
    with engine.connect() as connection:
        kinds = connection.execute(text(
            "SELECT actors.kind FROM event_actors "
            "JOIN actors ON actors.id = event_actors.actor_id "
            "JOIN events ON events.id = event_actors.event_id "
            "JOIN articles ON articles.id = events.article_id "
            "WHERE articles.origin = :origin "
            "ORDER BY events.position, event_actors.role, event_actors.position"
        ), {"origin": origin}).scalars().all()
    engine.dispose()
    return list(kinds)


def test_kindless_reference_prefers_a_stored_actor_with_a_kind(store_url: str) -> None:
    body = text_of("harbour_talks")
    later = ("Coast guard officers met their Icelandic counterparts in Reykjavik to agree "
             "on joint patrols of the northern fishing grounds before the winter season.")
    with Store.open(store_url) as store:
        # First seen only as a reference: a new actor row of unknown kind.
        store.save(_citing(ICELAND, "first.html", body))
        assert _linked_kinds(store_url, "first.html") == [None]
        # Then as an article's own actor: its own row, with the kind.
        named = Analysis(
            Article(origin="named.html", text=body[::-1]),
            [ActorMention("a1", "Iceland", "country", "ISL", None, [])],
        )
        store.save(named)
        assert store.counts()["actors"] == 2
        # A later bare reference links to the row with a kind, and adds none.
        store.save(_citing(ICELAND, "later.html", later))
        assert _linked_kinds(store_url, "later.html") == ["country"]
        assert store.counts()["actors"] == 2


def test_reference_to_the_articles_own_actor_takes_its_kind(store_url: str) -> None:
    analysis = harbour_analysis()
    with Store.open(store_url) as store:
        store.save(analysis)
    # Norway is an article actor (country); Iceland only a reference; the protest's
    # source is the article's kind-less-sector group.
    assert _linked_kinds(store_url, "harbour.html") == ["country", None, "group", "country",
                                                        None]


def test_article_with_more_actor_names_than_one_query_holds(store_url: str) -> None:
    body = text_of("rail_strike")
    mention = span(body, "Marta Figueiredo")
    actors = [ActorMention(f"a{i}", f"Delegate {i}", "person", "PRT", "LAB", [mention])
              for i in range(NAMES_PER_QUERY + 20)]
    analysis = Analysis(Article(origin="roll-call.html", text=body), actors)
    with Store.open(store_url) as store:
        store.save(analysis)
        assert store.counts()["actors"] == len(actors)
        assert store.analyses() == [analysis]
        # Saved again under another body, every actor is found, none added.
        again = replace(analysis, article=replace(analysis.article, text=body[::-1]))
        assert store.save(again).status == "stored"
        assert store.counts()["actors"] == len(actors)


def test_failure_after_actors_were_written_rolls_them_back(store_url: str) -> None:
    analysis = harbour_analysis()
    broken_quote = replace(analysis.quotes[0], start=-5)  # violates the offsets CHECK
    broken = replace(analysis, quotes=[*analysis.quotes, broken_quote])
    with Store.open(store_url) as store:
        with pytest.raises(StoreError, match=r"harbour\.html"):
            store.save(broken)
        assert store.counts()["actors"] == 0
        assert store.save(analysis).status == "stored"
        assert store.analyses() == [analysis]


def test_awkward_characters_round_trip(store_url: str) -> None:
    """Tabs, newlines, backslashes and quotes survive the bulk path (COPY on PostgreSQL)."""
    body = ('The minister\tsaid "no\\deal"\nyesterday, and the \\N union met again.\r\n'
            "Talks resume on Friday.")
    sentence, start, end = sentence_around(body, "met")
    awkward = span(body, 'said "no\\deal"\nyesterday')
    analysis = Analysis(
        Article(origin="awkward.txt", text=body),
        [ActorMention("a1", "the \\N union", "group", None, "LAB", [awkward])],
        [Event(type="CONSULT", mode=None, source=(ActorRef("the \\N union", None, "LAB"),),
               target=(), date=None, location=None, negated=False, future=False,
               confidence=0.5, sentence=sentence, start=start, end=end, trigger="met")],
    )
    with Store.open(store_url) as store:
        store.save(analysis)
        assert store.analyses() == [analysis]


def test_bulk_rows_fill_every_column_of_their_tables() -> None:
    """The row tuples name their columns by hand: none of a table's may be left out."""
    for name, columns in COLUMNS.items():
        assert len(set(columns)) == len(columns), name
        assert set(columns) | {"id"} == set(Base.metadata.tables[name].c.keys()), name


def test_reserved_ids_follow_rows_written_before(store_url: str) -> None:
    """Ids of actor links and events are reserved before the rows are written; articles
    saved one after another, and a gap left by a failed one, keep them consistent."""
    harbour, rail = harbour_analysis(), rail_analysis()
    broken = replace(rail, article=replace(rail.article, origin="broken.html",
                                           text=rail.article.text[::-1]),
                     quotes=[replace(rail.quotes[0], start=-1)] if rail.quotes else [],
                     events=[replace(rail.events[0], confidence=2.0)])
    with Store.open(store_url) as store:
        store.save(harbour)
        with pytest.raises(StoreError, match=r"broken\.html"):
            store.save(broken)
        store.save(rail)
        assert store.analyses() == [harbour, rail]
