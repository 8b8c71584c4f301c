"""Reading stored rows back as ``sitrep.models.Analysis`` records.

Writing is in :mod:`sitrep.store.writing`; an analysis reads back exactly as it was saved.
"""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Select, func, select
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
    EventRow,
)

__all__ = ["analysis_from_row", "analysis_query", "count_rows"]


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
