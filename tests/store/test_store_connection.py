"""Opening stores: URLs, SQLite file set-up, and errors that name the database safely."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from store_samples import harbour_analysis

from sitrep.errors import StoreError
from sitrep.store import Store
from sitrep.store.connection import create_store_engine, masked, parse_url


def test_sqlite_file_and_parent_directories_are_created(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "sitrep.db"
    with Store.open(f"sqlite:///{path}") as store:
        store.save(harbour_analysis())
    assert path.is_file()


def test_sqlite_connections_use_wal_foreign_keys_and_busy_timeout(sqlite_url: str) -> None:
    engine = create_store_engine(parse_url(sqlite_url))
    try:
        with engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert connection.execute(text("PRAGMA busy_timeout")).scalar_one() >= 1000
    finally:
        engine.dispose()


def test_in_memory_sqlite_works() -> None:
    with Store.open("sqlite://") as store:
        assert store.save(harbour_analysis()).status == "stored"
        assert store.search("mackerel")


def test_unreachable_postgres_names_the_url_without_its_password() -> None:
    url = "postgresql://analyst:s3cret-word@127.0.0.1:1/news"
    with pytest.raises(StoreError) as caught:
        Store.open(url)
    message = str(caught.value)
    assert "s3cret-word" not in message
    assert "analyst:***@127.0.0.1:1/news" in message


@pytest.mark.parametrize("url", ["not a url", "mysql://u@localhost/db", "", "sqlite"])
def test_bad_urls_are_refused(url: str) -> None:
    with pytest.raises(StoreError):
        Store.open(url)


def test_sqlite_path_under_a_file_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match="cannot create"):
        Store.open(f"sqlite:///{blocker / 'sub' / 'sitrep.db'}")


def test_postgres_urls_use_psycopg() -> None:
    assert parse_url("postgresql://u@h/db").drivername == "postgresql+psycopg"
    assert parse_url("postgres://u@h/db").drivername == "postgresql+psycopg"
    assert masked("postgresql+psycopg://u:pw@h/db") == "postgresql+psycopg://u:***@h/db"


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("shopping list: bread, milk\n" * 200, encoding="utf-8")
    with pytest.raises(StoreError, match=r"notes\.db"):
        Store.open(f"sqlite:///{path}")


def test_a_database_from_a_newer_version_is_refused(sqlite_url: str) -> None:
    Store.open(sqlite_url).close()
    engine = create_store_engine(parse_url(sqlite_url))
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'f00d'"))
    engine.dispose()
    with pytest.raises(StoreError, match="newer sitrep"):
        Store.open(sqlite_url)
