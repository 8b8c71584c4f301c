"""Turning a database URL into a migrated SQLAlchemy engine.

SQLite (the default, an embedded file) and PostgreSQL go through the same code; only
connection set-up differs:

* SQLite: the parent directory is created; every connection gets WAL journaling (readers
  do not block the writer), ``synchronous=NORMAL``, enforced foreign keys (off by default
  in SQLite!) and a busy timeout. ``synchronous=NORMAL`` is safe in WAL mode: the
  database never corrupts, and a committed article is lost only on power loss or an OS
  crash (not when the process dies), while saves skip an fsync per commit.
  pysqlite's own transaction handling is switched off so that SQLAlchemy's BEGIN
  is real: DDL in migrations becomes transactional, SAVEPOINTs work, and writers can ask
  for ``BEGIN IMMEDIATE`` (execution option ``sqlite_begin``) so two writers queue on the
  busy timeout instead of failing when a read lock cannot be upgraded.
* PostgreSQL: a bare ``postgresql://`` URL is routed to psycopg 3, the driver we ship.

Errors name the URL with any password hidden.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.pool import StaticPool
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import Text

from sitrep.errors import StoreError

if TYPE_CHECKING:
    from alembic.config import Config

__all__ = [
    "BEGIN_IMMEDIATE",
    "Casefold",
    "alembic_config",
    "create_store_engine",
    "driver_reason",
    "masked",
    "migrate",
    "parse_url",
]

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 10_000
PG_CONNECT_TIMEOUT_S = 10

BEGIN_IMMEDIATE = {"sqlite_begin": "BEGIN IMMEDIATE"}
"""Execution options for a write transaction: on SQLite take the write lock at BEGIN."""


class Casefold(FunctionElement[str]):
    """Unicode-aware lowercase in SQL, for case-insensitive name filters.

    PostgreSQL's ``lower()`` knows Unicode; SQLite's folds ASCII only ("Ö" stays "Ö"), so
    on SQLite this calls Python's ``str.casefold``, registered on every connection.
    """

    type = Text()
    inherit_cache = True
    name = "casefold"


@compiles(Casefold)
def _casefold_default(element: Casefold, compiler: SQLCompiler, **kw: Any) -> str:
    return f"lower({compiler.process(element.clauses, **kw)})"


@compiles(Casefold, "sqlite")
def _casefold_sqlite(element: Casefold, compiler: SQLCompiler, **kw: Any) -> str:
    return f"{SQLITE_CASEFOLD}({compiler.process(element.clauses, **kw)})"


SQLITE_CASEFOLD = "sitrep_casefold"


def _sqlite_casefold(value: str | None) -> str | None:
    return None if value is None else value.casefold()


def driver_reason(exc: SQLAlchemyError) -> str:
    """The driver's one-line message, without SQLAlchemy's SQL dump and background link."""
    original = getattr(exc, "orig", None)
    lines = str(original if original is not None else exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def masked(url: URL | str) -> str:
    """The URL as a user may see it in a message: password replaced by ``***``."""
    if isinstance(url, str):
        try:
            url = make_url(url)
        except ArgumentError:
            return "<unparseable database URL>"
    return url.render_as_string(hide_password=True)


def parse_url(raw: str) -> URL:
    """Parse and normalise a database URL, routing PostgreSQL to psycopg 3."""
    try:
        url = make_url(raw)
    except ArgumentError as exc:
        raise StoreError(f"{masked(raw)}: not a database URL ({exc})") from exc
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(f"{masked(url)}: unsupported database (use sqlite or postgresql)")
    return url


def create_store_engine(url: URL) -> Engine:
    """An engine for ``url`` with the per-backend connection set-up described above."""
    try:
        if url.get_backend_name() == "sqlite":
            return _sqlite_engine(url)
        connect_args: dict[str, Any] = {}
        if "connect_timeout" not in url.query:
            connect_args["connect_timeout"] = PG_CONNECT_TIMEOUT_S
        return create_engine(url, connect_args=connect_args, pool_pre_ping=True)
    except (SQLAlchemyError, ImportError) as exc:
        raise StoreError(f"{masked(url)}: cannot create engine ({exc})") from exc


def _sqlite_engine(url: URL) -> Engine:
    in_memory = url.database in (None, "", ":memory:")
    if not in_memory:
        assert url.database is not None
        path = Path(url.database).expanduser()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{masked(url)}: cannot create {path.parent} ({exc})") from exc
        url = url.set(database=str(path))
        engine = create_engine(url)
    else:
        # One shared connection, or every pooled connection would see its own empty database.
        engine = create_engine(
            url, poolclass=StaticPool, connect_args={"check_same_thread": False}
        )

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # let SQLAlchemy emit BEGIN itself
        dbapi_connection.create_function(
            SQLITE_CASEFOLD, 1, _sqlite_casefold, deterministic=True
        )
        cursor = dbapi_connection.cursor()
        try:
            if not in_memory:
                cursor.execute("PRAGMA journal_mode=WAL")
                cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql(conn.get_execution_options().get("sqlite_begin", "BEGIN"))

    return engine


def alembic_config() -> Config:
    """An Alembic configuration pointing at the migrations shipped inside the package.

    Alembic is imported here, not at module load, to keep CLI start-up quick.
    """
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (``head`` on every open; a no-op when up to date)."""
    from alembic import command
    from alembic.util.exc import CommandError

    config = alembic_config()
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    except CommandError as exc:
        # Typically a revision this sitrep does not know: written by a newer version.
        raise StoreError(
            f"{masked(engine.url)}: cannot migrate the database ({exc}; "
            "was it written by a newer sitrep?)"
        ) from exc
    except SQLAlchemyError as exc:
        raise StoreError(
            f"{masked(engine.url)}: cannot migrate the database ({driver_reason(exc)})"
        ) from exc
