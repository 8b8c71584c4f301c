"""Writing one analysed article: a handful of multi-row statements, not one per row.

A typical news article brings ~70 events, ~30 actors with ~100 mentions and a few quotes.
Added one ORM object at a time, with a SELECT per actor, that cost over 100 ms per article
(measured with ``bench/store_save.py``), most of it in SQLAlchemy's unit of work. Here
each table gets one executemany of plain tuples on the driver's cursor (one ``COPY`` on
PostgreSQL; see :mod:`sitrep.store.driver` for why not SQLAlchemy's execute), the ids
children point at are reserved before their parents are written, and the actors the
article needs are looked up with one query.

Everything runs on the caller's connection, inside its transaction (one per article), so
anything that fails - a CHECK constraint, a missing run - takes the whole article with it.

Events and quotes cite actors by reference (name, country, sector; see
:mod:`sitrep.store.prepared`), which carries no kind. Such a reference is linked to the
article's own actor with the same ref when there is one (so it gets that actor's kind),
else to an existing corpus actor with the same ref (one with a kind first, then the
oldest), else to a new actor row of unknown kind.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from sqlalchemy import Connection, Table, insert

from sitrep.models import Article
from sitrep.store.driver import Row, execute_many, fetch, insert_rows, placeholders
from sitrep.store.prepared import PreparedAnalysis, Ref
from sitrep.store.tables import (
    ActorRow,
    ArticleActorRow,
    ArticleRow,
    CopyRow,
    EventActorRow,
    EventRow,
    MentionRow,
    QuoteRow,
)

__all__ = ["COLUMNS", "actor_identity", "insert_article", "insert_copy", "write_analysis"]

ACTORS: Table = ActorRow.__table__  # type: ignore[assignment]
ARTICLES: Table = ArticleRow.__table__  # type: ignore[assignment]
ARTICLE_ACTORS: Table = ArticleActorRow.__table__  # type: ignore[assignment]
COPIES: Table = CopyRow.__table__  # type: ignore[assignment]
EVENTS: Table = EventRow.__table__  # type: ignore[assignment]
EVENT_ACTORS: Table = EventActorRow.__table__  # type: ignore[assignment]
MENTIONS: Table = MentionRow.__table__  # type: ignore[assignment]
QUOTES: Table = QuoteRow.__table__  # type: ignore[assignment]

NAMES_PER_QUERY = 500
"""Bound parameters per ``IN`` list: far below SQLite's and PostgreSQL's limits, and an
article rarely names more actors than this, so it is one query almost always."""

COLUMNS: dict[str, tuple[str, ...]] = {
    ARTICLE_ACTORS.name: ("id", "article_id", "actor_id", "local_id", "position"),
    MENTIONS.name: ("article_actor_id", "article_id", "actor_id", "start", "end", "text"),
    EVENTS.name: ("id", "article_id", "position", "type", "mode", "negated", "future",
                  "confidence", "date_value", "date_precision", "date_text",
                  "location_name", "location_country", "sentence", "start", "end",
                  "trigger"),
    EVENT_ACTORS.name: ("event_id", "actor_id", "role", "position"),
    QUOTES.name: ("article_id", "position", "speaker_id", "text", "direct", "start", "end"),
}
"""The order of the values in each row tuple written by :func:`write_analysis`."""

# Statements built once: building one costs more than SQLite takes to run it.
_INSERT_ARTICLE = insert(ARTICLES)
_INSERT_COPY = insert(COPIES)
_STORED_ACTORS = "SELECT id, name, country, sector, kind FROM actors WHERE name IN ({})"
_ACTOR_IDS = "SELECT id, identity FROM actors WHERE identity IN ({})"
# ON CONFLICT DO NOTHING: a concurrent writer may have inserted the same actor since we
# looked; the SELECT of _ACTOR_IDS then finds its row.
_INSERT_ACTORS = ("INSERT INTO actors (identity, name, country, sector, kind) "
                  "VALUES (?, ?, ?, ?, ?) ON CONFLICT (identity) DO NOTHING")
_LAST_SQLITE_IDS = ("SELECT (SELECT max(id) FROM article_actors), "
                    "(SELECT max(id) FROM events)")
_NEXT_POSTGRES_IDS = "SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, ?)"

Identity = tuple[str, str | None, str | None, str | None]
"""(name, country, sector, kind): what makes an actor row unique across the corpus."""


def actor_identity(name: str, country: str | None, sector: str | None, kind: str | None) -> str:
    """The UNIQUE key of ``actors``: NULL-safe, unlike a composite constraint."""
    return json.dumps([name, country, sector, kind], ensure_ascii=False)


def insert_article(connection: Connection, article: Article, content_hash: str,
                   minhash: bytes, run_id: int | None) -> int:
    """Insert the article row itself; returns its new id."""
    result = connection.execute(_INSERT_ARTICLE, {
        "origin": article.origin,
        "url": article.url,
        "title": article.title,
        "authors": list(article.authors),
        "published": article.published,
        "language": article.language,
        "text": article.text,
        "content_hash": content_hash,
        "minhash": minhash,
        "created_at": datetime.now(UTC),
        "run_id": run_id,
    })
    key = result.inserted_primary_key
    assert key is not None  # an INSERT of one row always has one
    return int(key[0])


def insert_copy(connection: Connection, article: Article, content_hash: str,
                original_id: int, similarity: float, run_id: int | None) -> None:
    """Record ``article`` as a near-copy of stored article ``original_id``."""
    connection.execute(_INSERT_COPY, {
        "article_id": original_id,
        "origin": article.origin,
        "url": article.url,
        "title": article.title,
        "published": article.published,
        "content_hash": content_hash,
        "similarity": similarity,
        "created_at": datetime.now(UTC),
        "run_id": run_id,
    })


def write_analysis(connection: Connection, article_id: int,
                   prepared: PreparedAnalysis) -> None:
    """Insert everything analysis found in stored article ``article_id``.

    Call it after the article's own row, in the same transaction: on SQLite that insert
    holds the write lock, which keeps the ids reserved here free until the commit.
    """
    actor_ids = _ActorIds(connection, prepared)
    actors, events = prepared.actors, prepared.events
    link_ids, event_ids = _reserve_ids(connection, len(actors), len(events))
    of_mention, of_ref = actor_ids.of_mention, actor_ids.of_ref
    _insert(connection, ARTICLE_ACTORS, [
        (link_ids[position], article_id, of_mention[position], actor[0], position)
        for position, actor in enumerate(actors)
    ])
    _insert(connection, MENTIONS, [
        (link_ids[position], article_id, of_mention[position], *mention)
        for position, actor in enumerate(actors)
        for mention in actor[5]
    ])
    _insert(connection, EVENTS, [
        (event_ids[position], article_id, position, *event[0])
        for position, event in enumerate(events)
    ])
    _insert(connection, EVENT_ACTORS, [
        (event_id, of_ref[ref], role, index)
        for (_, sources, targets), event_id in zip(events, event_ids, strict=True)
        for role, refs in (("source", sources), ("target", targets))
        for index, ref in enumerate(refs)
    ])
    _insert(connection, QUOTES, [
        (article_id, position, of_ref[speaker] if speaker else None, *rest)
        for position, (speaker, *rest) in enumerate(prepared.quotes)
    ])


def _insert(connection: Connection, table: Table, rows: list[Row]) -> None:
    insert_rows(connection, table.name, COLUMNS[table.name], rows)


def _reserve_ids(connection: Connection, links: int,
                 events: int) -> tuple[list[int], list[int]]:
    """Ids for the article's actor links and events, which mentions and event actors
    point at: reserved before the rows are written, so that no row is read back.

    SQLite gives a new row the highest id plus one, and nobody else can write while this
    transaction holds the write lock, so the next ids are known; PostgreSQL hands them out
    from the tables' sequences (the values ``COPY`` would have drawn).
    """
    if connection.dialect.name == "postgresql":
        return (_next_postgres_ids(connection, ARTICLE_ACTORS, links),
                _next_postgres_ids(connection, EVENTS, events))
    [(last_link, last_event)] = fetch(connection, _LAST_SQLITE_IDS)
    first_link, first_event = (last_link or 0) + 1, (last_event or 0) + 1
    return (list(range(first_link, first_link + links)),
            list(range(first_event, first_event + events)))


def _next_postgres_ids(connection: Connection, table: Table, count: int) -> list[int]:
    if not count:
        return []
    return sorted(int(row[0]) for row in fetch(connection, _NEXT_POSTGRES_IDS,
                                                (table.name, count)))


class _ActorIds:
    """The corpus actor rows one article needs, found or created with a few statements.

    ``of_mention[i]`` is the row of the article's i-th actor; ``of_ref[ref]`` the row an
    event or quote reference links to (see the module docstring for the rule).
    """

    def __init__(self, connection: Connection, prepared: PreparedAnalysis) -> None:
        self._connection = connection
        kind_of_ref: dict[Ref, str] = {}
        for _, name, kind, country, sector, _ in prepared.actors:
            kind_of_ref.setdefault((name, country, sector), kind)
        cited: list[Ref] = [
            ref for _, sources, targets in prepared.events for ref in (*sources, *targets)
        ]
        cited.extend(quote[0] for quote in prepared.quotes if quote[0])
        names = {actor[1] for actor in prepared.actors} | {ref[0] for ref in cited}
        stored = self._stored(names)
        stored_kinds = _best_kinds(stored)

        # Identities in the order they are first needed, and what each reference links to.
        wanted: dict[Identity, None] = {}
        mention_identities: list[Identity] = []
        for _, name, kind, country, sector, _ in prepared.actors:
            identity: Identity = (name, country, sector, kind)
            wanted.setdefault(identity)
            mention_identities.append(identity)
        ref_identities: dict[Ref, Identity] = {}
        for ref in cited:
            if ref in ref_identities:
                continue
            # No stored actor with this ref: None, a new actor row of unknown kind.
            ref_kind = kind_of_ref.get(ref) or stored_kinds.get(ref)
            identity = (*ref, ref_kind)
            ref_identities[ref] = identity
            wanted.setdefault(identity)

        ids = {identity: stored[identity] for identity in wanted if identity in stored}
        missing = [identity for identity in wanted if identity not in ids]
        if missing:
            ids.update(self._insert(missing))
        self.of_mention = [ids[identity] for identity in mention_identities]
        self.of_ref = {ref: ids[identity] for ref, identity in ref_identities.items()}

    def _stored(self, names: Iterable[str]) -> dict[Identity, int]:
        """Every stored actor bearing one of ``names``, by identity."""
        found: dict[Identity, int] = {}
        for chunk in _chunks(sorted(names), NAMES_PER_QUERY):
            query = _STORED_ACTORS.format(placeholders(len(chunk)))
            for actor_id, name, country, sector, kind in fetch(self._connection, query,
                                                               chunk):
                found[(name, country, sector, kind)] = actor_id
        return found

    def _insert(self, identities: list[Identity]) -> dict[Identity, int]:
        """Create the actor rows not stored yet; their ids, by identity."""
        keys = {actor_identity(*identity): identity for identity in identities}
        execute_many(self._connection, _INSERT_ACTORS,
                     [(key, *identity) for key, identity in keys.items()])
        ids: dict[Identity, int] = {}
        for chunk in _chunks(list(keys), NAMES_PER_QUERY):
            query = _ACTOR_IDS.format(placeholders(len(chunk)))
            for actor_id, key in fetch(self._connection, query, chunk):
                ids[keys[key]] = actor_id
        return ids


def _best_kinds(stored: dict[Identity, int]) -> dict[Ref, str | None]:
    """For each stored (name, country, sector), the kind a kind-less reference links to:
    a known kind first, then the oldest row."""
    best: dict[Ref, tuple[bool, int, str | None]] = {}
    for (name, country, sector, kind), actor_id in stored.items():
        ref = (name, country, sector)
        rank = (kind is None, actor_id, kind)
        current = best.get(ref)
        if current is None or rank[:2] < current[:2]:
            best[ref] = rank
    return {ref: rank[2] for ref, rank in best.items()}


def _chunks(items: Sequence[str], size: int) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
