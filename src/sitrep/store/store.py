"""The store: one place where analysed articles are kept, searched and read back.

``Store.open(url)`` connects and migrates; ``save`` writes one article per transaction,
folding exact re-ingests (DUPLICATE) and syndicated near-copies (COPY) onto what is
already stored; ``search`` and ``analyses`` read it back for the CLI and the brief.
Every database failure surfaces as :class:`~sitrep.errors.StoreError` naming what was
being done (the article's origin, the run, the URL with its password hidden).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from types import TracebackType
from typing import TYPE_CHECKING, Literal

from sqlalchemy import Connection, Engine, select, text, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from sitrep.errors import StoreError
from sitrep.models import Analysis, Article
from sitrep.store.connection import (
    BEGIN_IMMEDIATE,
    Casefold,
    create_store_engine,
    driver_reason,
    masked,
    migrate,
    parse_url,
)
from sitrep.store.copies import (
    CopyIndex,
    Fingerprint,
    best_original,
    from_bytes,
    signature,
    signature_bytes,
)
from sitrep.store.driver import fetch
from sitrep.store.prepared import PreparedAnalysis, prepare
from sitrep.store.records import analysis_from_row, analysis_query, count_rows
from sitrep.store.search import SearchHit, search_articles
from sitrep.store.tables import (
    ActorRow,
    ArticleActorRow,
    ArticleRow,
    CopyRow,
    EventRow,
    FailureRow,
    IngestRunRow,
    QuoteRow,
)
from sitrep.store.writing import insert_article, insert_copy, write_analysis

if TYPE_CHECKING:
    from datasketch import MinHash

__all__ = ["SaveResult", "Store"]

SaveStatus = Literal["stored", "duplicate", "copy"]


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What :meth:`Store.save` did with an article.

    ``article_id`` is always a row of ``articles``: the new one (stored), the one already
    holding this body (duplicate), or the original the input was folded onto (copy).
    ``copy_of`` is that original's id whenever the input is a recorded copy (status
    ``copy``, or ``duplicate`` of a copy seen before), else None.
    """

    status: SaveStatus
    article_id: int
    copy_of: int | None = None


class Store:
    """Analysed articles in SQLite (default) or PostgreSQL; open with :meth:`open`.

    Threads may share a Store: its copy index is guarded by a lock, and writes through one
    Store are serialised (SQLite has one writer anyway). Separate Stores, in threads or
    processes, coordinate through the database.
    """

    def __init__(self, engine: Engine) -> None:
        """Wrap an already migrated engine; use :meth:`open` unless you built one yourself."""
        self._engine = engine
        self._writer = engine.execution_options(**BEGIN_IMMEDIATE)
        self._copies = CopyIndex()
        self._copies_lock = threading.Lock()
        self._where = masked(engine.url)

    @classmethod
    def open(cls, url: str) -> Store:
        """Connect to ``url`` and migrate the schema to the newest revision."""
        parsed = parse_url(url)
        engine = create_store_engine(parsed)
        try:
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except SQLAlchemyError as exc:
            engine.dispose()
            raise StoreError(f"{masked(parsed)}: cannot connect ({driver_reason(exc)})") from exc
        try:
            migrate(engine)
        except StoreError:
            engine.dispose()
            raise
        return cls(engine)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Release every connection (the Store is unusable afterwards)."""
        self._engine.dispose()

    @contextmanager
    def _transaction(self, what: str, *, write: bool) -> Iterator[Session]:
        """A session in one transaction; database errors become StoreError("what: ...")."""
        try:
            with Session(self._writer if write else self._engine) as session, session.begin():
                yield session
        except SQLAlchemyError as exc:
            raise StoreError(f"{what}: {driver_reason(exc)}") from exc

    # ---- ingest runs -------------------------------------------------------------------

    def start_run(self, sources: Sequence[str]) -> int:
        """Record the start of an ingest run over ``sources``; returns the run id."""
        with self._transaction("starting an ingest run", write=True) as session:
            run = IngestRunRow(started=datetime.now(UTC), sources=list(sources))
            session.add(run)
            session.flush()
            return run.id

    def record_failure(self, run_id: int, source: str, reason: str) -> None:
        """Remember that ``source`` could not be ingested in run ``run_id``, and why."""
        with self._transaction(f"run {run_id}: recording failure of {source}",
                               write=True) as session:
            session.add(FailureRow(run_id=run_id, source=source, reason=reason))

    def finish_run(self, run_id: int, counts: Mapping[str, int]) -> None:
        """Close run ``run_id`` with its outcome counts (stored, duplicate, copy, failed...)."""
        with self._transaction(f"run {run_id}: finishing", write=True) as session:
            result = session.execute(
                update(IngestRunRow)
                .where(IngestRunRow.id == run_id)
                .values(finished=datetime.now(UTC), counts=dict(counts))
            )
            if getattr(result, "rowcount", 1) == 0:
                raise StoreError(f"run {run_id}: no such ingest run in {self._where}")

    # ---- saving ------------------------------------------------------------------------

    def known(self, article: Article) -> SaveResult | None:
        """What :meth:`save` would answer for this article, when it would store nothing.

        A DUPLICATE or COPY result lets the pipeline skip analysing an article whose
        analysis would not be stored (re-fetched feed entries, syndicated copies) and just
        ``save(Analysis(article))`` to record it; None means the article is new. Writes
        nothing.
        """
        content_hash = article.content_hash
        existing = self._existing(article, content_hash)
        if existing is not None:
            return existing
        minhash = signature(article.text)
        with (self._copies_lock,
              self._connection(f"{article.origin}: looking for copies",
                               write=False) as connection):
            original = self._find_original(connection, article.text, minhash)
        if original is None:
            return None
        return SaveResult("copy", original[0], original[0])

    def save(self, analysis: Analysis | PreparedAnalysis,
             run_id: int | None = None) -> SaveResult:
        """Store one analysed article in one transaction: all of it, or nothing.

        An identical body already stored gives DUPLICATE; a near-copy of a stored article
        (Jaccard >= 0.9 on 3-word shingles) is recorded in ``copies`` and gives COPY, its
        analysis not stored again. ``analysis`` may come already prepared
        (:func:`~sitrep.store.prepare`, as the ingest workers do to spare the single
        writer); an Analysis is prepared here.
        """
        article = analysis.article
        if isinstance(analysis, PreparedAnalysis):
            prepared = analysis
        else:
            content_hash = article.content_hash  # hashes the whole body: once per save
            existing = self._existing(article, content_hash)  # spares the signature
            if existing is not None:                          # on re-ingest
                return existing
            minhash = signature(article.text)
            prepared = prepare(analysis, Fingerprint(content_hash, signature_bytes(minhash)))
        content_hash = prepared.fingerprint.content_hash
        minhash = from_bytes(prepared.fingerprint.minhash, article.origin)
        try:
            with self._copies_lock:
                result, stored_id = self._save_once(prepared, minhash, run_id)
                if stored_id is not None:
                    self._copies.add(stored_id, minhash)  # only once committed
        except IntegrityError as exc:
            # A concurrent writer may have stored the same body since we looked.
            existing = self._existing(article, content_hash)
            if existing is None:
                raise StoreError(f"{article.origin}: cannot save ({driver_reason(exc)})") from exc
            return existing
        except SQLAlchemyError as exc:
            raise StoreError(f"{article.origin}: cannot save ({driver_reason(exc)})") from exc
        return result

    def _save_once(self, prepared: PreparedAnalysis, minhash: MinHash,
                   run_id: int | None) -> tuple[SaveResult, int | None]:
        article, content_hash = prepared.article, prepared.fingerprint.content_hash
        with self._writer.connect() as connection, connection.begin():
            existing = _find_existing(connection, content_hash)
            if existing is not None:
                return existing, None
            original = self._find_original(connection, article.text, minhash)
            if original is not None:
                original_id, similarity = original
                insert_copy(connection, article, content_hash, original_id, similarity,
                            run_id)
                return SaveResult("copy", original_id, original_id), None
            article_id = insert_article(connection, article, content_hash,
                                        prepared.fingerprint.minhash, run_id)
            write_analysis(connection, article_id, prepared)
            return SaveResult("stored", article_id), article_id

    @contextmanager
    def _connection(self, what: str, *, write: bool) -> Iterator[Connection]:
        """A connection in one transaction; database errors become StoreError("what: ...")."""
        try:
            with (self._writer if write else self._engine).connect() as connection, \
                    connection.begin():
                yield connection
        except SQLAlchemyError as exc:
            raise StoreError(f"{what}: {driver_reason(exc)}") from exc

    def _existing(self, article: Article, content_hash: str) -> SaveResult | None:
        with self._connection(f"{article.origin}: looking up", write=False) as connection:
            return _find_existing(connection, content_hash)

    def _find_original(self, connection: Connection, body: str,
                       minhash: MinHash) -> tuple[int, float] | None:
        """The stored article ``body`` copies and the exact similarity, if any."""
        self._refresh_copy_index(connection)
        candidates = self._copies.candidates(minhash)
        if not candidates:
            return None
        rows = connection.execute(
            select(ArticleRow.id, ArticleRow.text).where(ArticleRow.id.in_(candidates))
        )
        return best_original(body, ((row.id, row.text) for row in rows))

    def _refresh_copy_index(self, connection: Connection) -> None:
        """Index signatures stored since the last look (all of them on first use)."""
        rows = fetch(connection, _SIGNATURES_AFTER, (self._copies.last_id,))
        self._copies.add_stored((int(article_id), bytes(blob)) for article_id, blob in rows)

    # ---- reading -----------------------------------------------------------------------

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Full-text search over titles and bodies of stored articles; best first."""
        try:
            with self._engine.connect() as connection:
                return search_articles(connection, query, limit)
        except SQLAlchemyError as exc:
            raise StoreError(f"search {query!r}: {driver_reason(exc)}") from exc

    def analyses(self, since: date | None = None, until: date | None = None,
                 actor: str | None = None) -> list[Analysis]:
        """Stored originals as Analysis records, oldest first, optionally filtered.

        ``since``/``until`` bound the publication date (inclusive; articles without one
        are left out when either is given); ``actor`` keeps articles with an actor whose
        name contains it, ignoring case.
        """
        statement = analysis_query()
        if since is not None:
            statement = statement.where(ArticleRow.published >= since)
        if until is not None:
            statement = statement.where(ArticleRow.published <= until)
        if actor:
            named = (
                select(ArticleActorRow.article_id)
                .join(ActorRow, ActorRow.id == ArticleActorRow.actor_id)
                .where(Casefold(ActorRow.name).contains(actor.casefold(), autoescape=True))
            )
            statement = statement.where(ArticleRow.id.in_(named))
        statement = statement.order_by(
            ArticleRow.published.is_(None), ArticleRow.published, ArticleRow.id
        )
        with self._transaction("reading analyses", write=False) as session:
            return [analysis_from_row(row) for row in session.scalars(statement)]

    def counts(self) -> dict[str, int]:
        """How many articles, copies, actors, events, quotes and runs are stored."""
        tables = {
            "articles": ArticleRow,
            "copies": CopyRow,
            "actors": ActorRow,
            "events": EventRow,
            "quotes": QuoteRow,
            "runs": IngestRunRow,
        }
        with self._transaction("counting rows", write=False) as session:
            return {name: count_rows(session, table) for name, table in tables.items()}


_EXISTING = ("SELECT id, 0 FROM articles WHERE content_hash = ? "
             "UNION ALL SELECT article_id, 1 FROM copies WHERE content_hash = ?")
_SIGNATURES_AFTER = "SELECT id, minhash FROM articles WHERE id > ? ORDER BY id"
"""The lookups of every save, run on the driver's cursor (see :mod:`sitrep.store.driver`)."""


def _find_existing(connection: Connection, content_hash: str) -> SaveResult | None:
    """The stored article or copy with this exact body; None when it is new."""
    found = sorted(fetch(connection, _EXISTING, (content_hash, content_hash)),
                   key=lambda row: int(row[1]))  # an article before a copy
    if not found:
        return None
    article_id, is_copy = int(found[0][0]), int(found[0][1])
    if is_copy:
        return SaveResult("duplicate", article_id, article_id)
    return SaveResult("duplicate", article_id)
