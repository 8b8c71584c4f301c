"""The shipped Alembic migrations: they build the schema from nothing, match the models,
and go down and up again."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from sitrep.store import Store
from sitrep.store.connection import alembic_config, create_store_engine, migrate, parse_url
from sitrep.store.tables import Base, is_described_by_models

TABLES = {"actors", "article_actors", "articles", "copies", "event_actors", "events",
          "failures", "ingest_runs", "mentions", "quotes"}


def test_upgrade_from_empty_matches_the_models(fresh_url: str) -> None:
    engine = create_store_engine(parse_url(fresh_url))
    try:
        migrate(engine)
        with engine.connect() as connection:
            assert set(inspect(connection).get_table_names()) >= TABLES
            context = MigrationContext.configure(
                connection, opts={"include_name": is_described_by_models})
            assert compare_metadata(context, Base.metadata) == []
            head = ScriptDirectory.from_config(alembic_config()).get_current_head()
            assert context.get_current_revision() == head
    finally:
        engine.dispose()


def test_full_text_objects_exist_after_upgrade(fresh_url: str) -> None:
    engine = create_store_engine(parse_url(fresh_url))
    try:
        migrate(engine)
        with engine.connect() as connection:
            if connection.dialect.name == "sqlite":
                names = set(connection.execute(text(
                    "SELECT name FROM sqlite_master WHERE name LIKE 'articles_fts%'")).scalars())
                assert {"articles_fts", "articles_fts_insert", "articles_fts_delete",
                        "articles_fts_update"} <= names
            else:
                indexes = set(connection.execute(text(
                    "SELECT indexname FROM pg_indexes WHERE tablename = 'articles' "
                    "AND schemaname = current_schema()")).scalars())
                assert "ix_articles_fts" in indexes
    finally:
        engine.dispose()


def test_downgrade_to_base_and_up_again(fresh_url: str) -> None:
    engine = create_store_engine(parse_url(fresh_url))
    config = alembic_config()
    try:
        migrate(engine)
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "base")
        with engine.connect() as connection:
            left = set(inspect(connection).get_table_names()) - {"alembic_version"}
            assert left == set()
        migrate(engine)
        with engine.connect() as connection:
            assert set(inspect(connection).get_table_names()) >= TABLES
    finally:
        engine.dispose()


def test_reopening_a_migrated_store_keeps_its_data(fresh_url: str) -> None:
    with Store.open(fresh_url) as store:
        run = store.start_run(["a.html"])
    with Store.open(fresh_url) as store:
        assert store.counts()["runs"] == 1
        store.finish_run(run, {"stored": 0})


def test_signatures_are_recomputed_across_the_word_hash_migration(fresh_url: str) -> None:
    """0002 rewrites signatures of articles stored before it, so their copies still fold."""
    from store_samples import edited_copy, harbour_analysis

    from sitrep.store.copies import signature, signature_bytes

    original = harbour_analysis()
    with Store.open(fresh_url) as store:
        first = store.save(original)
    engine = create_store_engine(parse_url(fresh_url))
    config = alembic_config()
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0001")
        with engine.connect() as connection:
            old = connection.execute(text("SELECT minhash FROM articles")).scalar_one()
        assert old != signature_bytes(signature(original.article.text))
    finally:
        engine.dispose()
    with Store.open(fresh_url) as store:  # upgrades to head again
        assert store.save(edited_copy(original, "wire.html")).copy_of == first.article_id
    engine = create_store_engine(parse_url(fresh_url))
    try:
        with engine.connect() as connection:
            new = connection.execute(text("SELECT minhash FROM articles")).scalar_one()
        assert new == signature_bytes(signature(original.article.text))
    finally:
        engine.dispose()
