"""Initial schema: articles, copies, actors, mentions, events, quotes, runs, full-text search.

Revision ID: 0001
Revises:
Create Date: 2026-11-26

The tables mirror ``sitrep.store.tables`` (a test checks that autogenerate finds no
difference). Full-text search is backend-specific and created by hand here:

* SQLite: an external-content FTS5 table over ``articles(title, text)`` with the porter
  stemmer, kept in step by triggers so every writer (not only ``Store.save``) updates it.
* PostgreSQL: a stored generated ``tsvector`` column ``fts_document`` (title weighted A,
  body D) with a GIN index. Stored, because ranking recomputed ``to_tsvector`` over
  whole bodies for every matching row otherwise (seconds per query on 700 articles).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OFFSETS_CHECK = 'start >= 0 AND "end" >= start'

SQLITE_FTS = [
    "CREATE VIRTUAL TABLE articles_fts USING fts5("
    "title, text, content='articles', content_rowid='id', tokenize='porter unicode61')",
    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); END",
    "CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
]

POSTGRES_FTS = [
    "ALTER TABLE articles ADD COLUMN fts_document tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, text), 'D')) STORED",
    "CREATE INDEX ix_articles_fts ON articles USING gin (fts_document)",
]


def _id() -> sa.Column[int]:
    return sa.Column("id", sa.Integer(), nullable=False)


def upgrade() -> None:
    op.create_table(
        "actors",
        _id(),
        sa.Column("identity", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("country", sa.String(), nullable=True),
        sa.Column("sector", sa.Text(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=True),
        sa.CheckConstraint(
            "kind IS NULL OR kind IN ('person', 'organization', 'country', 'group')",
            name=op.f("ck_actors_kind"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actors")),
        sa.UniqueConstraint("identity", name=op.f("uq_actors_identity")),
    )
    op.create_index(op.f("ix_actors_name"), "actors", ["name"])

    op.create_table(
        "ingest_runs",
        _id(),
        sa.Column("started", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sources", sa.JSON(), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ingest_runs")),
    )

    op.create_table(
        "articles",
        _id(),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("authors", sa.JSON(), nullable=False),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("language", sa.String(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("minhash", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["run_id"], ["ingest_runs.id"],
            name=op.f("fk_articles_run_id_ingest_runs"), ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_articles_content_hash")),
    )
    op.create_index(op.f("ix_articles_published"), "articles", ["published"])
    op.create_index(op.f("ix_articles_run_id"), "articles", ["run_id"])

    op.create_table(
        "failures",
        _id(),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"], ["ingest_runs.id"],
            name=op.f("fk_failures_run_id_ingest_runs"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_failures")),
    )
    op.create_index(op.f("ix_failures_run_id"), "failures", ["run_id"])

    op.create_table(
        "article_actors",
        _id(),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("local_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["actors.id"], name=op.f("fk_article_actors_actor_id_actors")
        ),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"],
            name=op.f("fk_article_actors_article_id_articles"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_actors")),
    )
    op.create_index(op.f("ix_article_actors_actor_id"), "article_actors", ["actor_id"])
    op.create_index(op.f("ix_article_actors_article_id"), "article_actors", ["article_id"])

    op.create_table(
        "copies",
        _id(),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("similarity", sa.Float(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"],
            name=op.f("fk_copies_article_id_articles"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["run_id"], ["ingest_runs.id"],
            name=op.f("fk_copies_run_id_ingest_runs"), ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_copies")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_copies_content_hash")),
    )
    op.create_index(op.f("ix_copies_article_id"), "copies", ["article_id"])
    op.create_index(op.f("ix_copies_run_id"), "copies", ["run_id"])

    op.create_table(
        "events",
        _id(),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(), nullable=False),
        sa.Column("mode", sa.String(), nullable=True),
        sa.Column("negated", sa.Boolean(), nullable=False),
        sa.Column("future", sa.Boolean(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("date_value", sa.String(), nullable=True),
        sa.Column("date_precision", sa.String(length=8), nullable=True),
        sa.Column("date_text", sa.Text(), nullable=True),
        sa.Column("location_name", sa.Text(), nullable=True),
        sa.Column("location_country", sa.String(), nullable=True),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("trigger", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "date_precision IS NULL OR date_precision IN ('day', 'week', 'month', 'year')",
            name=op.f("ck_events_date_precision"),
        ),
        sa.CheckConstraint(
            "confidence >= 0 AND confidence <= 1", name=op.f("ck_events_confidence")
        ),
        sa.CheckConstraint(OFFSETS_CHECK, name=op.f("ck_events_offsets")),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"],
            name=op.f("fk_events_article_id_articles"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    op.create_index(op.f("ix_events_article_id"), "events", ["article_id"])
    op.create_index(op.f("ix_events_type"), "events", ["type"])

    op.create_table(
        "quotes",
        _id(),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("direct", sa.Boolean(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.CheckConstraint(OFFSETS_CHECK, name=op.f("ck_quotes_offsets")),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"],
            name=op.f("fk_quotes_article_id_articles"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["speaker_id"], ["actors.id"], name=op.f("fk_quotes_speaker_id_actors")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quotes")),
    )
    op.create_index(op.f("ix_quotes_article_id"), "quotes", ["article_id"])
    op.create_index(op.f("ix_quotes_speaker_id"), "quotes", ["speaker_id"])

    op.create_table(
        "event_actors",
        _id(),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=8), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint("role IN ('source', 'target')", name=op.f("ck_event_actors_role")),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["actors.id"], name=op.f("fk_event_actors_actor_id_actors")
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"],
            name=op.f("fk_event_actors_event_id_events"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_actors")),
    )
    op.create_index(op.f("ix_event_actors_actor_id"), "event_actors", ["actor_id"])
    op.create_index(op.f("ix_event_actors_event_id"), "event_actors", ["event_id"])

    op.create_table(
        "mentions",
        _id(),
        sa.Column("article_actor_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.CheckConstraint(OFFSETS_CHECK, name=op.f("ck_mentions_offsets")),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["actors.id"], name=op.f("fk_mentions_actor_id_actors")
        ),
        sa.ForeignKeyConstraint(
            ["article_actor_id"], ["article_actors.id"],
            name=op.f("fk_mentions_article_actor_id_article_actors"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"],
            name=op.f("fk_mentions_article_id_articles"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mentions")),
    )
    op.create_index(op.f("ix_mentions_actor_id"), "mentions", ["actor_id"])
    op.create_index(op.f("ix_mentions_article_actor_id"), "mentions", ["article_actor_id"])
    op.create_index(op.f("ix_mentions_article_id"), "mentions", ["article_id"])

    dialect = op.get_bind().dialect.name
    for statement in SQLITE_FTS if dialect == "sqlite" else POSTGRES_FTS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("articles_fts_insert", "articles_fts_delete", "articles_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS articles_fts")
    for table in (
        "mentions", "event_actors", "quotes", "events", "copies", "article_actors",
        "failures", "articles", "ingest_runs", "actors",
    ):
        op.drop_table(table)
