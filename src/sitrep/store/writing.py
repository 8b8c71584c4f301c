"""Writing one analysed article: a handful of multi-row statements, not one per row.

A typical news article brings ~70 events, ~30 actors with ~100 mentions and a few quotes.
Added one ORM object at a time, with a SELECT per actor, that cost over 100 ms per article
(measured with ``bench/store_save.py``), most of it in SQLAlchemy's unit of work. Here
each table gets one executemany through SQLAlchemy Core (one ``COPY`` on PostgreSQL),
children learn their parents' ids with one SELECT per table, and the actors the article
needs are looked up with one query.

Everything runs on the caller's connection, inside its transaction (one per article), so
anything that fails - a CHECK constraint, a missing run - takes the whole article with it.

Events and quotes cite actors by :class:`~sitrep.models.ActorRef` (name, country,
sector), which carries no kind. Such a reference is linked to the article's own actor with
the same ref when there is one (so it gets that actor's kind), else to an existing corpus
actor with the same ref (one with a kind first, then the oldest), else to a new actor row
of unknown kind.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table, bindparam, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, IntegrityError

from sitrep.errors import StoreError
from sitrep.models import ActorRef, Analysis, Article
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

__all__ = ["actor_identity", "insert_article", "insert_copy", "write_analysis"]

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

# Statements built once: building a SELECT costs more than SQLite takes to run it.
_STORED_ACTORS = select(ACTORS.c.id, ACTORS.c.name, ACTORS.c.country, ACTORS.c.sector,
                        ACTORS.c.kind).where(ACTORS.c.name.in_(bindparam("names",
                                                                         expanding=True)))
_ACTOR_IDS = select(ACTORS.c.id, ACTORS.c.identity).where(
    ACTORS.c.identity.in_(bindparam("identities", expanding=True)))
_POSITIONED_IDS = {
    table.name: select(table.c.id).where(table.c.article_id == bindparam("article_id"))
    .order_by(table.c.position)
    for table in (ARTICLE_ACTORS, EVENTS)
}

Identity = tuple[str, str | None, str | None, str | None]
"""(name, country, sector, kind): what makes an actor row unique across the corpus."""


def actor_identity(name: str, country: str | None, sector: str | None, kind: str | None) -> str:
    """The UNIQUE key of ``actors``: NULL-safe, unlike a composite constraint."""
    return json.dumps([name, country, sector, kind], ensure_ascii=False)


def insert_article(connection: Connection, article: Article, content_hash: str,
                   minhash: bytes, run_id: int | None) -> int:
    """Insert the article row itself; returns its new id."""
    result = connection.execute(
        insert(ARTICLES).values(
            origin=article.origin,
            url=article.url,
            title=article.title,
            authors=list(article.authors),
            published=article.published,
            language=article.language,
            text=article.text,
            content_hash=content_hash,
            minhash=minhash,
            created_at=datetime.now(UTC),
            run_id=run_id,
        )
    )
    key = result.inserted_primary_key
    assert key is not None  # an INSERT of one row always has one
    return int(key[0])


def insert_copy(connection: Connection, article: Article, content_hash: str,
                original_id: int, similarity: float, run_id: int | None) -> None:
    """Record ``article`` as a near-copy of stored article ``original_id``."""
    connection.execute(
        insert(COPIES).values(
            article_id=original_id,
            origin=article.origin,
            url=article.url,
            title=article.title,
            published=article.published,
            content_hash=content_hash,
            similarity=similarity,
            created_at=datetime.now(UTC),
            run_id=run_id,
        )
    )


def write_analysis(connection: Connection, article_id: int, analysis: Analysis) -> None:
    """Insert everything analysis found in stored article ``article_id``."""
    actor_ids = _ActorIds(connection, analysis)
    if analysis.actors:
        link_ids = _insert_positioned(connection, ARTICLE_ACTORS, article_id, [
            {"article_id": article_id, "actor_id": actor_ids.of_mention[position],
             "local_id": actor.id, "position": position}
            for position, actor in enumerate(analysis.actors)
        ])
        _insert_many(connection, MENTIONS, [
            {"article_actor_id": link_id, "article_id": article_id,
             "actor_id": actor_ids.of_mention[position],
             "start": span.start, "end": span.end, "text": span.text}
            for position, (actor, link_id) in enumerate(zip(analysis.actors, link_ids,
                                                             strict=True))
            for span in actor.mentions
        ])
    if analysis.events:
        event_ids = _insert_positioned(connection, EVENTS, article_id, [
            {
                "article_id": article_id,
                "position": position,
                "type": event.type,
                "mode": event.mode,
                "negated": event.negated,
                "future": event.future,
                "confidence": event.confidence,
                "date_value": event.date.value if event.date else None,
                "date_precision": event.date.precision if event.date else None,
                "date_text": event.date.text if event.date else None,
                "location_name": event.location.name if event.location else None,
                "location_country": event.location.country if event.location else None,
                "sentence": event.sentence,
                "start": event.start,
                "end": event.end,
                "trigger": event.trigger,
            }
            for position, event in enumerate(analysis.events)
        ])
        _insert_many(connection, EVENT_ACTORS, [
            {"event_id": event_id, "actor_id": actor_ids.of_ref[ref], "role": role,
             "position": index}
            for event, event_id in zip(analysis.events, event_ids, strict=True)
            for role, refs in (("source", event.source), ("target", event.target))
            for index, ref in enumerate(refs)
        ])
    _insert_many(connection, QUOTES, [
        {"article_id": article_id, "position": position,
         "speaker_id": actor_ids.of_ref[quote.speaker] if quote.speaker else None,
         "text": quote.text, "direct": quote.direct, "start": quote.start, "end": quote.end}
        for position, quote in enumerate(analysis.quotes)
    ])


def _insert_many(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` with one executemany (SQLite) or one COPY (PostgreSQL).

    Not SQLAlchemy's batched ``INSERT ... VALUES ... RETURNING``: it measured slower on
    both (PostgreSQL: 87 ms per article, 73 with psycopg's executemany, 45 with COPY).
    """
    if not rows:
        return
    if connection.dialect.name == "postgresql":
        _copy_rows(connection, table, rows)
        return
    connection.execute(insert(table), rows)


def _copy_rows(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """PostgreSQL: stream ``rows`` with ``COPY FROM STDIN`` (no per-row parse and plan).

    Driver errors are re-raised as SQLAlchemy's, as ``execute`` would raise them, so a
    failed CHECK still becomes a StoreError naming the article.
    """
    import psycopg

    columns = list(rows[0])
    names = ", ".join(f'"{column}"' for column in columns)
    driver = connection.connection.driver_connection
    try:
        with driver.cursor() as cursor, cursor.copy(  # type: ignore[union-attr]
            f'COPY "{table.name}" ({names}) FROM STDIN'
        ) as copy:
            for row in rows:
                copy.write_row([row[column] for column in columns])
    except psycopg.IntegrityError as exc:
        raise IntegrityError(f"COPY {table.name}", None, exc) from exc
    except psycopg.Error as exc:
        raise DBAPIError(f"COPY {table.name}", None, exc) from exc


def _insert_positioned(connection: Connection, table: Table, article_id: int,
                       rows: list[dict[str, Any]]) -> list[int]:
    """Insert an article's rows of ``table`` (position i at index i); their new ids.

    The ids are read back by (article_id, position) rather than with ``RETURNING``:
    SQLAlchemy cannot batch an order-preserving ``RETURNING`` on SQLite and falls back to
    one statement per row, which was a third of the write time.
    """
    _insert_many(connection, table, rows)
    ids = [int(row_id) for row_id in connection.scalars(_POSITIONED_IDS[table.name],
                                                         {"article_id": article_id})]
    if len(ids) != len(rows):
        raise StoreError(f"article {article_id}: wrote {len(rows)} rows to {table.name}, "
                         f"read back {len(ids)}")
    return ids


class _ActorIds:
    """The corpus actor rows one article needs, found or created with a few statements.

    ``of_mention[i]`` is the row of the article's i-th actor; ``of_ref[ref]`` the row an
    event or quote reference links to (see the module docstring for the rule).
    """

    def __init__(self, connection: Connection, analysis: Analysis) -> None:
        self._connection = connection
        kind_of_ref: dict[ActorRef, str] = {}
        for actor in analysis.actors:
            kind_of_ref.setdefault(actor.ref(), actor.kind)
        cited: list[ActorRef] = [
            ref for event in analysis.events for ref in (*event.source, *event.target)
        ]
        cited.extend(quote.speaker for quote in analysis.quotes if quote.speaker)
        names = {actor.name for actor in analysis.actors} | {ref.name for ref in cited}
        stored = self._stored(names)
        stored_kinds = _best_kinds(stored)

        # Identities in the order they are first needed, and what each reference links to.
        wanted: dict[Identity, None] = {}
        mention_identities: list[Identity] = []
        for actor in analysis.actors:
            identity: Identity = (actor.name, actor.country, actor.sector, actor.kind)
            wanted.setdefault(identity)
            mention_identities.append(identity)
        ref_identities: dict[ActorRef, Identity] = {}
        for ref in cited:
            if ref in ref_identities:
                continue
            # No stored actor with this ref: None, a new actor row of unknown kind.
            kind = kind_of_ref.get(ref) or stored_kinds.get(ref)
            identity = (ref.name, ref.country, ref.sector, kind)
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
            rows = self._connection.execute(_STORED_ACTORS, {"names": list(chunk)})
            for row in rows:
                found[(row.name, row.country, row.sector, row.kind)] = row.id
        return found

    def _insert(self, identities: list[Identity]) -> dict[Identity, int]:
        """Create the actor rows not stored yet; their ids, by identity."""
        keys = {actor_identity(*identity): identity for identity in identities}
        dialect = self._connection.dialect.name
        upsert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        # ON CONFLICT DO NOTHING: a concurrent writer may have inserted the same actor
        # since we looked; the SELECT below then finds its row.
        self._connection.execute(
            upsert(ACTORS).on_conflict_do_nothing(index_elements=["identity"]),
            [{"identity": key, "name": name, "country": country, "sector": sector,
              "kind": kind}
             for key, (name, country, sector, kind) in keys.items()],
        )
        ids: dict[Identity, int] = {}
        for chunk in _chunks(list(keys), NAMES_PER_QUERY):
            rows = self._connection.execute(_ACTOR_IDS, {"identities": list(chunk)})
            for row in rows:
                ids[keys[row.identity]] = row.id
        return ids


def _best_kinds(stored: dict[Identity, int]) -> dict[ActorRef, str | None]:
    """For each stored (name, country, sector), the kind a kind-less reference links to:
    a known kind first, then the oldest row."""
    best: dict[ActorRef, tuple[bool, int, str | None]] = {}
    for (name, country, sector, kind), actor_id in stored.items():
        ref = ActorRef(name, country, sector)
        rank = (kind is None, actor_id, kind)
        current = best.get(ref)
        if current is None or rank[:2] < current[:2]:
            best[ref] = rank
    return {ref: rank[2] for ref, rank in best.items()}


def _chunks(items: Sequence[str], size: int) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
