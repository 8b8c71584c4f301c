"""Full-text search over stored articles (title + body), on SQLite FTS5 or PostgreSQL.

Users type plain words and "quoted phrases", as in a web search box. Such input must
never reach the engines' own query languages raw: FTS5 rejects ``AND`` at the start, a
bare ``*`` or an unbalanced quote with a syntax error, and to_tsquery is as strict. So the
query is parsed here into a small, safe structure and rendered for each backend, with the
same meaning on both:

* words and "phrases" must all match (AND);
* ``OR`` between two terms makes them alternatives;
* ``-word`` / ``-"a phrase"`` / ``NOT word`` excludes articles containing it;
* ``word*`` matches words starting with ``word``;
* ``AND`` and any punctuation-only token are ignored.

Only letters and digits of each term reach the engine (inside quotes on FTS5, through
``phraseto_tsquery`` on PostgreSQL), so no input can cause a syntax error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, text

from sitrep.store.tables import ArticleRow

__all__ = ["ParsedQuery", "SearchHit", "Term", "parse_query", "search_articles"]

HIGHLIGHT_START = "«"
HIGHLIGHT_STOP = "»"
ELLIPSIS = "…"
SNIPPET_TOKENS = 24
TITLE_WEIGHT = 5.0
"""A hit in the title counts this many times a hit in the body (bm25 column weight)."""

_TOKEN = re.compile(r'(?P<neg>-)?"(?P<phrase>[^"]*)"?|(?P<bare>[^\s"]+)')
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One article found by :meth:`sitrep.store.Store.search`; higher ``score`` is better.

    ``snippet`` is a short passage with the matched words between « and ».
    """

    article_id: int
    title: str | None
    origin: str
    url: str | None
    published: date | None
    snippet: str
    score: float


@dataclass(frozen=True, slots=True)
class Term:
    """A word or phrase to match: ``words`` space-separated, ``prefix`` for ``word*``."""

    words: str
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """All ``clauses`` must match (each one by any of its terms); no ``excluded`` may."""

    clauses: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...]

    @property
    def empty(self) -> bool:
        """True when nothing positive is left to look for (an all-excluded query finds nothing)."""
        return not self.clauses


def parse_query(query: str) -> ParsedQuery:
    """Read a user's search box input; never fails, odd tokens are dropped."""
    clauses: list[list[Term]] = []
    excluded: list[Term] = []
    pending_or = pending_not = False
    for match in _TOKEN.finditer(query):
        negated = pending_not or bool(match.group("neg"))
        prefix = False
        if match.group("phrase") is not None:
            raw = match.group("phrase")
        else:
            raw = match.group("bare")
            if raw == "OR":
                pending_or = True
                continue
            if raw == "NOT":
                pending_not = True
                continue
            if raw == "AND":
                continue
            if raw.startswith("-"):
                negated = True
                raw = raw.lstrip("-")
            if raw.endswith("*"):
                raw = raw.rstrip("*")
                prefix = True
        words = _WORD.findall(raw)
        if not words:
            continue
        term = Term(" ".join(words), prefix=prefix and len(words) == 1)
        if negated:
            excluded.append(term)
        elif pending_or and clauses:
            clauses[-1].append(term)
        else:
            clauses.append([term])
        pending_or = pending_not = False
    return ParsedQuery(tuple(tuple(c) for c in clauses), tuple(excluded))


def fts5_expression(parsed: ParsedQuery) -> str:
    """The FTS5 MATCH string: every term double-quoted, so it is always valid syntax."""

    def render(term: Term) -> str:
        quoted = '"' + term.words.replace('"', '""') + '"'
        return quoted + " *" if term.prefix else quoted

    parts = []
    for clause in parsed.clauses:
        rendered = [render(t) for t in clause]
        parts.append(rendered[0] if len(rendered) == 1 else "(" + " OR ".join(rendered) + ")")
    expression = " AND ".join(parts)
    for term in parsed.excluded:
        expression += " NOT " + render(term)
    return expression


def search_articles(connection: Connection, query: str, limit: int) -> list[SearchHit]:
    """Run ``query`` on the connection's backend; best hits first."""
    parsed = parse_query(query)
    if parsed.empty or limit <= 0:
        return []
    if connection.dialect.name == "sqlite":
        return _search_sqlite(connection, parsed, limit)
    return _search_postgres(connection, parsed, limit)


_SQLITE_SEARCH = text(
    f"""
    SELECT a.id, a.title, a.origin, a.url, a.published,
           snippet(articles_fts, -1, '{HIGHLIGHT_START}', '{HIGHLIGHT_STOP}', '{ELLIPSIS}',
                   {SNIPPET_TOKENS}) AS snippet,
           -bm25(articles_fts, {TITLE_WEIGHT}, 1.0) AS score
    FROM articles_fts JOIN articles AS a ON a.id = articles_fts.rowid
    WHERE articles_fts MATCH :expression
    ORDER BY score DESC, a.id
    LIMIT :limit
    """
).columns(
    ArticleRow.id, ArticleRow.title, ArticleRow.origin, ArticleRow.url, ArticleRow.published
)


def _search_sqlite(connection: Connection, parsed: ParsedQuery, limit: int) -> list[SearchHit]:
    rows = connection.execute(
        _SQLITE_SEARCH, {"expression": fts5_expression(parsed), "limit": limit}
    )
    return [_hit(row) for row in rows]


def _hit(row: Any) -> SearchHit:
    return SearchHit(
        article_id=row.id,
        title=row.title,
        origin=row.origin,
        url=row.url,
        published=row.published,
        snippet=row.snippet or "",
        score=float(row.score),
    )


def postgres_tsquery(parsed: ParsedQuery) -> tuple[str, dict[str, str]]:
    """SQL for the tsquery and its bound values.

    The SQL text is built only from our own operators; every user word travels as a bound
    parameter through ``phraseto_tsquery`` (or ``to_tsquery`` for a prefix, given a single
    ``\\w+`` word quoted as a lexeme), so no input can break the query.
    """
    params: dict[str, str] = {}

    def render(term: Term) -> str:
        name = f"term{len(params)}"
        if term.prefix:
            params[name] = "'" + term.words + "':*"
            return f"to_tsquery('english'::regconfig, :{name})"
        params[name] = term.words
        return f"phraseto_tsquery('english'::regconfig, :{name})"

    clauses = []
    for clause in parsed.clauses:
        rendered = [render(t) for t in clause]
        clauses.append(rendered[0] if len(rendered) == 1 else "(" + " || ".join(rendered) + ")")
    sql = " && ".join(clauses)
    for term in parsed.excluded:
        sql += " && !!" + render(term)
    return sql, params


_PG_HEADLINE_OPTIONS = (
    f"StartSel={HIGHLIGHT_START}, StopSel={HIGHLIGHT_STOP}, MaxWords={SNIPPET_TOKENS}, "
    f"MinWords={SNIPPET_TOKENS // 2}, MaxFragments=2, FragmentDelimiter=\" {ELLIPSIS} \""
)


def _search_postgres(connection: Connection, parsed: ParsedQuery, limit: int) -> list[SearchHit]:
    tsquery, params = postgres_tsquery(parsed)
    statement = text(
        f"""
        WITH hits AS (
            SELECT a.id, a.title, a.origin, a.url, a.published, a.text, q.query,
                   ts_rank_cd(a.fts_document, q.query, 1) AS score
            FROM articles AS a, (SELECT {tsquery} AS query) AS q
            WHERE a.fts_document @@ q.query
            ORDER BY score DESC, a.id
            LIMIT :limit
        )
        SELECT id, title, origin, url, published, score,
               ts_headline('english'::regconfig, text, query, :headline) AS snippet
        FROM hits
        ORDER BY score DESC, id
        """
    ).columns(
        ArticleRow.id, ArticleRow.title, ArticleRow.origin, ArticleRow.url, ArticleRow.published
    )
    rows = connection.execute(
        statement, {**params, "limit": limit, "headline": _PG_HEADLINE_OPTIONS}
    )
    return [_hit(row) for row in rows]
