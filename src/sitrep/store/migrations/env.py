"""Alembic environment for sitrep's store.

Run programmatically by :func:`sitrep.store.connection.migrate`, which hands over an open
connection in ``config.attributes["connection"]``; the ``alembic`` command line works too
when ``sqlalchemy.url`` is set. Logging is left as the application configured it.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from sitrep.store.tables import Base, is_described_by_models

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_name=is_described_by_models,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection: Connection | None = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("alembic: no connection given and sqlalchemy.url is not set")
    with create_engine(url).begin() as own_connection:
        _run(own_connection)


if context.is_offline_mode():
    raise RuntimeError("sitrep migrations run online only")
run_migrations_online()
