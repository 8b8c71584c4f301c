"""The database schema as typed SQLAlchemy models.

The Alembic migrations in ``sitrep/store/migrations`` create exactly these tables (a test
compares them with autogenerate), plus the full-text machinery that SQLAlchemy cannot
describe portably: the SQLite FTS5 table ``articles_fts`` with its triggers, and on
PostgreSQL the generated column ``articles.fts_document`` with its GIN index
``ix_articles_fts``. :func:`is_described_by_models` tells Alembic to
leave those alone when comparing.

Layout, and why:

* ``actors`` is corpus-wide: the same (name, country, sector, kind) across articles is one
  row, so a brief can count an actor over weeks of news. ``identity`` is that 4-tuple as a
  JSON string under a UNIQUE constraint, because SQL treats NULLs as distinct and a plain
  composite UNIQUE would let "protesters / no country" be inserted twice.
* ``article_actors`` keeps the per-article actor list (its order and local ids such as
  ``a3``) so an article's analysis reads back exactly as it was saved, even for an actor
  whose mention list is empty; ``mentions`` hangs off it.
* ``copies`` records syndicated near-duplicates folded onto their first original; the copy's
  analysis is not stored again.
* Strings are unbounded except where the value has a fixed shape (hash) or a CHECK bounds
  it: PostgreSQL enforces VARCHAR lengths and SQLite does not, and an article must not
  store on one backend and fail on the other.
* CHECK constraints hold the closed vocabularies (kinds, roles, date precisions) so a bad
  value aborts the article's transaction instead of being stored.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

__all__ = [
    "FTS_OBJECT_PREFIXES",
    "ActorRow",
    "ArticleActorRow",
    "ArticleRow",
    "Base",
    "CopyRow",
    "EventActorRow",
    "EventRow",
    "FailureRow",
    "IngestRunRow",
    "MentionRow",
    "QuoteRow",
    "is_described_by_models",
]

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
"""Stable constraint names, so migrations can refer to them on every backend."""

FTS_OBJECT_PREFIXES = ("articles_fts", "ix_articles_fts", "fts_document")
"""Full-text objects created by hand in the migration (FTS5 table, its shadow tables, the
PostgreSQL tsvector column and GIN index): not in the models, so autogenerate skips them."""


def is_described_by_models(name: str | None, type_: str, parent_names: Any) -> bool:
    """Alembic ``include_name`` hook: False for the hand-made full-text objects."""
    del type_, parent_names
    return not (name and name.startswith(FTS_OBJECT_PREFIXES))


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class IngestRunRow(Base):
    """One ``sitrep ingest`` invocation: what it read and what came of it."""

    __tablename__ = "ingest_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    sources: Mapped[list[str]] = mapped_column(JSON)
    counts: Mapped[dict[str, int] | None] = mapped_column(JSON)


class FailureRow(Base):
    """An input of a run that could not be ingested, and why (shown in the run report)."""

    __tablename__ = "failures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(
        ForeignKey("ingest_runs.id", ondelete="CASCADE"), index=True
    )
    source: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)


class ArticleRow(Base):
    """A stored original article and its MinHash signature (for near-duplicate folding)."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    origin: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    authors: Mapped[list[str]] = mapped_column(JSON)
    published: Mapped[date | None] = mapped_column(Date, index=True)
    language: Mapped[str | None] = mapped_column(String())
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    minhash: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    run_id: Mapped[int | None] = mapped_column(
        ForeignKey("ingest_runs.id", ondelete="SET NULL"), index=True
    )

    actors: Mapped[list[ArticleActorRow]] = relationship(
        order_by="ArticleActorRow.position", cascade="all, delete-orphan"
    )
    events: Mapped[list[EventRow]] = relationship(
        order_by="EventRow.position", cascade="all, delete-orphan"
    )
    quotes: Mapped[list[QuoteRow]] = relationship(
        order_by="QuoteRow.position", cascade="all, delete-orphan"
    )


class CopyRow(Base):
    """A syndicated near-duplicate folded onto the first stored copy of the story."""

    __tablename__ = "copies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    origin: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    similarity: Mapped[float] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    run_id: Mapped[int | None] = mapped_column(
        ForeignKey("ingest_runs.id", ondelete="SET NULL"), index=True
    )


class ActorRow(Base):
    """One actor across the whole corpus."""

    __tablename__ = "actors"
    __table_args__ = (
        CheckConstraint(
            "kind IS NULL OR kind IN ('person', 'organization', 'country', 'group')",
            name="kind",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    identity: Mapped[str] = mapped_column(Text, unique=True)
    name: Mapped[str] = mapped_column(Text, index=True)
    country: Mapped[str | None] = mapped_column(String())
    sector: Mapped[str | None] = mapped_column(Text)
    # NULL when the actor is known only from an event or quote reference, which has no kind.
    kind: Mapped[str | None] = mapped_column(String(16))


class ArticleActorRow(Base):
    """An actor as it appears in one article: its local id and position in the list."""

    __tablename__ = "article_actors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id"), index=True)
    local_id: Mapped[str] = mapped_column(String())
    position: Mapped[int] = mapped_column(Integer)

    actor: Mapped[ActorRow] = relationship(lazy="joined")
    mentions: Mapped[list[MentionRow]] = relationship(
        order_by="MentionRow.id", cascade="all, delete-orphan"
    )


class MentionRow(Base):
    """One place in an article's text where an actor is mentioned."""

    __tablename__ = "mentions"
    __table_args__ = (CheckConstraint('start >= 0 AND "end" >= start', name="offsets"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_actor_id: Mapped[int] = mapped_column(
        ForeignKey("article_actors.id", ondelete="CASCADE"), index=True
    )
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class EventRow(Base):
    """One PLOVER event with its evidence sentence and trigger offsets."""

    __tablename__ = "events"
    __table_args__ = (
        CheckConstraint(
            "date_precision IS NULL OR date_precision IN ('day', 'week', 'month', 'year')",
            name="date_precision",
        ),
        CheckConstraint("confidence >= 0 AND confidence <= 1", name="confidence"),
        CheckConstraint('start >= 0 AND "end" >= start', name="offsets"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(), index=True)
    mode: Mapped[str | None] = mapped_column(String())
    negated: Mapped[bool]
    future: Mapped[bool]
    confidence: Mapped[float] = mapped_column(Float)
    date_value: Mapped[str | None] = mapped_column(String())
    date_precision: Mapped[str | None] = mapped_column(String(8))
    date_text: Mapped[str | None] = mapped_column(Text)
    location_name: Mapped[str | None] = mapped_column(Text)
    location_country: Mapped[str | None] = mapped_column(String())
    sentence: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    trigger: Mapped[str] = mapped_column(Text)

    actors: Mapped[list[EventActorRow]] = relationship(
        order_by="EventActorRow.position", cascade="all, delete-orphan"
    )


class EventActorRow(Base):
    """Links an event to its source and target actors, in the order analysis gave them."""

    __tablename__ = "event_actors"
    __table_args__ = (CheckConstraint("role IN ('source', 'target')", name="role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), index=True
    )
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id"), index=True)
    role: Mapped[str] = mapped_column(String(8))
    position: Mapped[int] = mapped_column(Integer)

    actor: Mapped[ActorRow] = relationship(lazy="joined")


class QuoteRow(Base):
    """Something said in an article, with its speaker when analysis found one."""

    __tablename__ = "quotes"
    __table_args__ = (CheckConstraint('start >= 0 AND "end" >= start', name="offsets"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    direct: Mapped[bool]
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)

    speaker: Mapped[ActorRow | None] = relationship(lazy="joined")
