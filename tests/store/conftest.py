"""Backends for the store tests: SQLite always, PostgreSQL when a server answers.

Every store test runs against both through the ``store_url`` fixture. PostgreSQL tests use
one fresh schema per test session (search_path set through the URL's ``options``, which
SQLAlchemy hands to psycopg), emptied before each test and dropped at the end.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import quote

import psycopg
import pytest

PG_HOST = "127.0.0.1"
PG_PORT = 5432
PG_DATABASE = "test"
PG_USERS = ("postgres", "root")


@dataclass(frozen=True)
class PostgresServer:
    """A reachable PostgreSQL server and the user that could log in."""

    user: str

    @property
    def conninfo(self) -> str:
        return f"host={PG_HOST} port={PG_PORT} dbname={PG_DATABASE} user={self.user}"

    def url(self, schema: str) -> str:
        options = quote(f"-csearch_path={schema}")
        return (f"postgresql+psycopg://{self.user}@{PG_HOST}:{PG_PORT}/{PG_DATABASE}"
                f"?options={options}")

    def create_schema(self) -> str:
        schema = f"sitrep_test_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.conninfo, autocommit=True) as connection:
            connection.execute(f'CREATE SCHEMA "{schema}"')
        return schema

    def drop_schema(self, schema: str) -> None:
        with psycopg.connect(self.conninfo, autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')

    def empty_schema(self, schema: str) -> None:
        """Truncate every table but Alembic's, so each test starts from an empty store."""
        with psycopg.connect(self.conninfo, autocommit=True) as connection:
            tables = [
                row[0]
                for row in connection.execute(
                    "SELECT tablename FROM pg_tables WHERE schemaname = %s "
                    "AND tablename <> 'alembic_version'",
                    (schema,),
                )
            ]
            if tables:
                names = ", ".join(f'"{schema}"."{t}"' for t in tables)
                connection.execute(f"TRUNCATE {names} RESTART IDENTITY CASCADE")


def _find_server() -> tuple[PostgresServer | None, str]:
    errors = []
    for user in PG_USERS:
        server = PostgresServer(user)
        try:
            with psycopg.connect(server.conninfo, connect_timeout=3):
                return server, ""
        except psycopg.Error as exc:
            errors.append(f"{user}: {str(exc).strip().splitlines()[0]}")
    return None, "; ".join(errors)


@pytest.fixture(scope="session")
def postgres() -> PostgresServer:
    server, why = _find_server()
    if server is None:
        pytest.skip(f"PostgreSQL not reachable on {PG_HOST}:{PG_PORT}/{PG_DATABASE} ({why})")
    return server


@pytest.fixture(scope="session")
def postgres_schema(postgres: PostgresServer) -> Iterator[str]:
    schema = postgres.create_schema()
    yield schema
    postgres.drop_schema(schema)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture()
def store_url(backend: str, request: pytest.FixtureRequest) -> str:
    """A URL of an empty store on the backend under test."""
    if backend == "sqlite":
        return str(request.getfixturevalue("sqlite_url"))
    server: PostgresServer = request.getfixturevalue("postgres")
    schema: str = request.getfixturevalue("postgres_schema")
    server.empty_schema(schema)
    return server.url(schema)


@pytest.fixture()
def fresh_url(backend: str, request: pytest.FixtureRequest) -> Iterator[str]:
    """A URL of a database with no tables at all (for migration tests)."""
    if backend == "sqlite":
        yield str(request.getfixturevalue("sqlite_url"))
        return
    server: PostgresServer = request.getfixturevalue("postgres")
    schema = server.create_schema()
    yield server.url(schema)
    server.drop_schema(schema)
