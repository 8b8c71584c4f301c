"""Converting between ``sitrep.models.Analysis`` and rows, in both directions.

Writing happens inside the caller's transaction (one per article), so anything that fails
here - a CHECK constraint, a missing actor - takes the whole article with it.

Events and quotes cite actors by :class:`~sitrep.models.ActorRef` (name, country,
sector), which carries no kind. Such a reference is linked to the article's own actor with
the same ref when there is one (so it gets that actor's kind), else to an existing corpus
actor with the same ref, else to a new actor row of unknown kind.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Select, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, selectinload

from sitrep.models import (
    ActorKind,
    ActorMention,
    ActorRef,
    Analysis,
    Article,
    DateRef,
    Event,
    Place,
    Precision,
    Quote,
    Span,
)
from sitrep.store.tables import (
    ActorRow,
    ArticleActorRow,
    ArticleRow,
    EventActorRow,
    EventRow,
    MentionRow,
    QuoteRow,
)

__all__ = [
    "ActorResolver",
    "analysis_from_row",
    "analysis_query",
    "article_row",
    "count_rows",
    "write_analysis",
]


def actor_identity(name: str, country: str | None, sector: str | None, kind: str | None) -> str:
    """The UNIQUE key of ``actors``: NULL-safe, unlike a composite constraint."""
    return json.dumps([name, country, sector, kind], ensure_ascii=False)


class ActorResolver:
    """Finds or creates corpus actor rows for one article's transaction."""

    def __init__(self, session: Session, article_actors: Iterable[ActorMention]) -> None:
        self._session = session
        self._by_identity: dict[str, int] = {}
        self._kind_of_ref: dict[ActorRef, str] = {}
        for actor in article_actors:
            self._kind_of_ref.setdefault(actor.ref(), actor.kind)

    def actor_id(self, name: str, country: str | None, sector: str | None,
                 kind: str | None) -> int:
        """The id of the actor row with exactly this identity, inserted if absent."""
        identity = actor_identity(name, country, sector, kind)
        known = self._by_identity.get(identity)
        if known is not None:
            return known
        values = {"identity": identity, "name": name, "country": country,
                  "sector": sector, "kind": kind}
        dialect = self._session.get_bind().dialect.name
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        # ON CONFLICT DO NOTHING: a concurrent writer may have inserted the same actor.
        self._session.execute(
            insert(ActorRow).values(values).on_conflict_do_nothing(index_elements=["identity"])
        )
        actor_id = self._session.scalars(
            select(ActorRow.id).where(ActorRow.identity == identity)
        ).one()
        self._by_identity[identity] = actor_id
        return actor_id

    def ref_id(self, ref: ActorRef) -> int:
        """The actor row an event or quote reference points at (see the module docstring)."""
        kind = self._kind_of_ref.get(ref)
        if kind is not None:
            return self.actor_id(ref.name, ref.country, ref.sector, kind)
        existing = self._session.scalars(
            select(ActorRow.id)
            .where(
                ActorRow.name == ref.name,
                _same(ActorRow.country, ref.country),
                _same(ActorRow.sector, ref.sector),
            )
            .order_by(ActorRow.kind.is_(None), ActorRow.id)
            .limit(1)
        ).first()
        if existing is not None:
            return existing
        return self.actor_id(ref.name, ref.country, ref.sector, None)


def _same(column: Any, value: str | None) -> Any:
    return column.is_(None) if value is None else column == value


def article_row(article: Article, minhash: bytes, run_id: int | None) -> ArticleRow:
    return ArticleRow(
        origin=article.origin,
        url=article.url,
        title=article.title,
        authors=list(article.authors),
        published=article.published,
        language=article.language,
        text=article.text,
        content_hash=article.content_hash,
        minhash=minhash,
        created_at=datetime.now(UTC),
        run_id=run_id,
    )


def write_analysis(session: Session, row: ArticleRow, analysis: Analysis) -> None:
    """Add the article row and everything analysis found in it to the session, then flush."""
    session.add(row)
    session.flush()  # the article id is needed by the children below
    resolver = ActorResolver(session, analysis.actors)
    for position, actor in enumerate(analysis.actors):
        actor_id = resolver.actor_id(actor.name, actor.country, actor.sector, actor.kind)
        link = ArticleActorRow(
            article_id=row.id, actor_id=actor_id, local_id=actor.id, position=position
        )
        link.mentions = [
            MentionRow(article_id=row.id, actor_id=actor_id, start=span.start, end=span.end,
                       text=span.text)
            for span in actor.mentions
        ]
        row.actors.append(link)
    for position, event in enumerate(analysis.events):
        row.events.append(_event_row(event, position, resolver))
    for position, quote in enumerate(analysis.quotes):
        row.quotes.append(
            QuoteRow(
                position=position,
                speaker_id=resolver.ref_id(quote.speaker) if quote.speaker else None,
                text=quote.text,
                direct=quote.direct,
                start=quote.start,
                end=quote.end,
            )
        )
    session.flush()


def _event_row(event: Event, position: int, resolver: ActorResolver) -> EventRow:
    row = EventRow(
        position=position,
        type=event.type,
        mode=event.mode,
        negated=event.negated,
        future=event.future,
        confidence=event.confidence,
        date_value=event.date.value if event.date else None,
        date_precision=event.date.precision if event.date else None,
        date_text=event.date.text if event.date else None,
        location_name=event.location.name if event.location else None,
        location_country=event.location.country if event.location else None,
        sentence=event.sentence,
        start=event.start,
        end=event.end,
        trigger=event.trigger,
    )
    for role, refs in (("source", event.source), ("target", event.target)):
        for index, ref in enumerate(refs):
            row.actors.append(
                EventActorRow(actor_id=resolver.ref_id(ref), role=role, position=index)
            )
    return row


def analysis_query() -> Select[ArticleRow]:
    """Articles with everything :func:`analysis_from_row` reads, loaded in a few queries."""
    return select(ArticleRow).options(
        selectinload(ArticleRow.actors).selectinload(ArticleActorRow.mentions),
        selectinload(ArticleRow.events).selectinload(EventRow.actors),
        selectinload(ArticleRow.quotes),
    )


def analysis_from_row(row: ArticleRow) -> Analysis:
    """Rebuild the Analysis exactly as it was saved."""
    article = Article(
        origin=row.origin,
        text=row.text,
        title=row.title,
        authors=tuple(row.authors),
        published=row.published,
        language=row.language,
        url=row.url,
    )
    actors = [
        ActorMention(
            id=link.local_id,
            name=link.actor.name,
            kind=cast(ActorKind, link.actor.kind),  # article actors always have a kind
            country=link.actor.country,
            sector=link.actor.sector,
            mentions=[Span(m.start, m.end, m.text) for m in link.mentions],
        )
        for link in row.actors
    ]
    events = [_event(event) for event in row.events]
    quotes = [
        Quote(
            speaker=_ref(q.speaker) if q.speaker else None,
            text=q.text,
            direct=q.direct,
            start=q.start,
            end=q.end,
        )
        for q in row.quotes
    ]
    return Analysis(article=article, actors=actors, events=events, quotes=quotes)


def _ref(actor: ActorRow) -> ActorRef:
    return ActorRef(actor.name, actor.country, actor.sector)


def _event(row: EventRow) -> Event:
    date_ref = None
    if row.date_value is not None:
        date_ref = DateRef(
            row.date_value,
            cast(Precision, row.date_precision),  # a CHECK keeps it one
            row.date_text or "",
        )
    location = None
    if row.location_name is not None:
        location = Place(row.location_name, row.location_country)
    return Event(
        type=row.type,
        mode=row.mode,
        source=tuple(_ref(link.actor) for link in row.actors if link.role == "source"),
        target=tuple(_ref(link.actor) for link in row.actors if link.role == "target"),
        date=date_ref,
        location=location,
        negated=row.negated,
        future=row.future,
        confidence=row.confidence,
        sentence=row.sentence,
        start=row.start,
        end=row.end,
        trigger=row.trigger,
    )


def count_rows(session: Session, table: type[Any]) -> int:
    return int(session.scalar(select(func.count()).select_from(table)) or 0)
