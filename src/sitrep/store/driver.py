"""The statements of every save, run on the driver's own cursor.

An article brings ~70 events, ~90 mentions, ~30 actors and their links: some 300 rows in
a dozen statements. Through SQLAlchemy's ``Connection.execute`` each statement pays for
its cache-key lookup, execution context and result wrapping, and every row of an
executemany for ``construct_params`` and type processing: about 3 ms of the writer's CPU
per article, more than SQLite took to store the rows. The rows written here are plain
integers, strings, floats and booleans, which the drivers bind exactly as SQLAlchemy's
types would (SQLite stores booleans as 0/1 either way), so this module hands them to the
driver as tuples.

What stays SQLAlchemy's: the connection and its transaction (the cursor belongs to the
connection the caller began, so the article's statements commit or roll back together),
and the errors: a driver error is raised as the ``sqlalchemy.exc.DBAPIError`` subclass
that ``execute`` would have raised (``IntegrityError`` for a failed CHECK), so callers
handle both paths alike. SQL is written with ``?`` placeholders and given psycopg's
``%s`` on PostgreSQL, where many rows go through ``COPY`` instead of an executemany.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

__all__ = ["Row", "execute_many", "fetch", "insert_rows", "placeholders"]

Row = tuple[Any, ...]


def placeholders(count: int) -> str:
    """``?, ?, ...``: the parameter list of an ``IN`` or ``VALUES`` with ``count`` items."""
    return ", ".join("?" * count)


def _driver_sql(connection: Connection, sql: str) -> str:
    return sql.replace("?", "%s") if connection.dialect.name == "postgresql" else sql


def fetch(connection: Connection, sql: str, params: Sequence[Any] = ()) -> list[Row]:
    """Every row ``sql`` returns, as tuples."""
    statement = _driver_sql(connection, sql)
    dbapi_error = _dbapi_error(connection)
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(statement, tuple(params))
        return [tuple(row) for row in cursor.fetchall()]
    except dbapi_error as exc:
        raise _wrapped(connection, statement, params, exc) from exc
    finally:
        cursor.close()


def insert_rows(connection: Connection, table: str, columns: Sequence[str],
                rows: Sequence[Row]) -> None:
    """Insert ``rows`` (values in ``columns`` order) into ``table``: one executemany on
    SQLite, one ``COPY FROM STDIN`` on PostgreSQL (no per-row parse and plan: it measured
    45 ms an article against psycopg's executemany's 73)."""
    if not rows:
        return
    names = ", ".join(f'"{column}"' for column in columns)
    if connection.dialect.name == "postgresql":
        _copy_rows(connection, f'COPY "{table}" ({names}) FROM STDIN', rows)
        return
    execute_many(connection,
                 f'INSERT INTO "{table}" ({names}) VALUES ({placeholders(len(columns))})',
                 rows)


def execute_many(connection: Connection, sql: str, rows: Sequence[Row]) -> None:
    """Run ``sql`` once for each row of parameters (one executemany)."""
    if not rows:
        return
    statement = _driver_sql(connection, sql)
    dbapi_error = _dbapi_error(connection)
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(statement, rows)
    except dbapi_error as exc:
        raise _wrapped(connection, statement, rows, exc, many=True) from exc
    finally:
        cursor.close()


def _copy_rows(connection: Connection, statement: str, rows: Sequence[Row]) -> None:
    dbapi_error = _dbapi_error(connection)
    driver = connection.connection.driver_connection
    try:
        with driver.cursor() as cursor, cursor.copy(statement) as copy:  # type: ignore[union-attr]
            for row in rows:
                copy.write_row(row)
    except dbapi_error as exc:
        raise _wrapped(connection, statement, None, exc, many=True) from exc


def _dbapi_error(connection: Connection) -> type[Exception]:
    error: type[Exception] = connection.dialect.loaded_dbapi.Error
    return error


def _wrapped(connection: Connection, statement: str, params: Any, exc: Exception,
             *, many: bool = False) -> BaseException:
    """The SQLAlchemy exception ``Connection.execute`` raises for this driver error."""
    return DBAPIError.instance(statement, params, exc, _dbapi_error(connection),
                               hide_parameters=True, dialect=connection.dialect,
                               ismulti=many)
