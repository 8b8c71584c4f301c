"""RSS and Atom feeds: one document per entry.

An entry's body is its full content (``content:encoded``, Atom ``<content>``) or else its
summary; title, link, date and authors travel as hints that extraction falls back on.

Feeds from the web often carry only a teaser. For a feed fetched from a URL, an entry
whose body is shorter than :data:`SHORT_ENTRY_CHARS` of text is fetched from its link,
because a two-line summary is not an article. A feed file on disk is read as it is:
reading a file must never reach the network.

Entries are numbered from 1 in ``origin`` (``feed.xml#3``), in document order, so a user
can find the one an error names.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser

from sitrep.errors import EmptyInput, FeedError, InputError, UnsupportedInput
from sitrep.ingest.decoding import charset_from_content_type, decode_html, decode_text
from sitrep.ingest.fetch import Fetcher, is_url
from sitrep.ingest.sniff import sniff_kind
from sitrep.models import RawDocument

__all__ = ["FETCH_WORKERS", "SHORT_ENTRY_CHARS", "documents_from_feed"]

SHORT_ENTRY_CHARS = 1000
"""Below this many characters of text, an entry of a fetched feed is a teaser and its
link is fetched. News articles run to several thousand; teasers to a few hundred."""

FETCH_WORKERS = 4
"""Pages of one feed fetched at the same time."""

_TAG = re.compile(r"<[^>]*>")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _plain_length(markup: str) -> int:
    """Characters of visible text in a fragment: tags dropped, entities resolved."""
    return len(" ".join(html.unescape(_TAG.sub(" ", markup)).split()))


def _entry_body(entry: Mapping[str, Any]) -> tuple[str, bool] | None:
    """The entry's best body and whether it is HTML; full content beats the summary."""
    for detail in entry.get("content") or ():
        value = detail.get("value") or ""
        if value.strip():
            return value, detail.get("type", "text/html") in _HTML_TYPES
    summary = entry.get("summary") or ""
    if summary.strip():
        detail = entry.get("summary_detail") or {}
        return summary, detail.get("type", "text/html") in _HTML_TYPES
    return None


def _entry_date(entry: Mapping[str, Any]) -> date | None:
    """Publication date, else last update; feedparser has parsed both into UTC tuples."""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed is None:
        return None
    return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)


def _entry_authors(entry: Mapping[str, Any]) -> tuple[str, ...]:
    names = [str(a.get("name", "")).strip() for a in entry.get("authors") or ()]
    names = [n for n in names if n]
    if not names and entry.get("author"):
        names = [str(entry["author"]).strip()]
    return tuple(dict.fromkeys(names))


def _optional(entry: Mapping[str, Any], key: str) -> str | None:
    value = entry.get(key)
    return (str(value).strip() or None) if value else None


def _fetch_page(fetcher: Fetcher, link: str, entry_origin: str) -> tuple[str, str, bool]:
    """The page an entry links to: (final URL, decoded content, is HTML)."""
    fetched = fetcher.fetch(link, entry_origin)
    kind = sniff_kind(urlsplit(fetched.url).path, fetched.data[:8192],
                      fetched.content_type or "application/octet-stream", entry_origin)
    if kind == "html":
        charset = charset_from_content_type(fetched.content_type)
        return fetched.url, decode_html(entry_origin, fetched.data, charset), True
    if kind == "text":
        return fetched.url, decode_text(entry_origin, fetched.data), False
    raise UnsupportedInput(entry_origin, f"entry link {link} is a {kind}, not a page")


def _entry_document(entry: Mapping[str, Any], entry_origin: str,
                    fetcher: Fetcher | None, base_url: str | None) -> RawDocument:
    body = _entry_body(entry)
    link = _optional(entry, "link")
    if link is not None and base_url is not None:
        link = urljoin(base_url, link)
    url = link
    teaser = body is None or _plain_length(body[0]) < SHORT_ENTRY_CHARS
    if fetcher is not None and teaser and link is not None and is_url(link):
        url, content, is_html = _fetch_page(fetcher, link, entry_origin)
    elif body is not None:
        content, is_html = body
    elif link is not None:
        raise EmptyInput(entry_origin, f"feed entry has no content or summary (its link "
                                       f"{link} is not fetched for a feed read from a file)")
    else:
        raise EmptyInput(entry_origin, "feed entry has no content, summary or link")
    return RawDocument(
        origin=entry_origin,
        content=content,
        kind="html" if is_html else "text",
        url=url,
        title=_optional(entry, "title"),
        published=_entry_date(entry),
        authors=_entry_authors(entry),
    )


def documents_from_feed(origin: str, data: bytes, fetcher: Fetcher | None = None,
                        content_type: str | None = None,
                        base_url: str | None = None) -> Iterator[RawDocument | InputError]:
    """Parse a feed's bytes into documents (or an error per bad entry).

    ``fetcher`` is given only for feeds fetched from the web: teaser entries are then
    fetched from their links. ``content_type`` is the HTTP header, which may name the
    feed's charset; ``base_url`` (the feed's own URL) resolves relative entry links.
    """
    headers = {"content-type": content_type} if content_type else {}
    if base_url:
        headers["content-location"] = base_url
    parsed = feedparser.parse(data, response_headers=headers)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            problem = str(parsed.get("bozo_exception") or "unreadable XML").splitlines()[0]
            yield FeedError(origin, f"malformed feed: {problem}")
        elif not parsed.get("version"):
            yield FeedError(origin, "not an RSS or Atom feed")
        else:
            yield EmptyInput(origin, "feed has no entries")
        return
    def entry_item(numbered: tuple[int, Mapping[str, Any]]) -> RawDocument | InputError:
        number, entry = numbered
        try:
            return _entry_document(entry, f"{origin}#{number}", fetcher, base_url)
        except InputError as exc:
            return exc

    if fetcher is None:
        yield from map(entry_item, enumerate(entries, start=1))
        return
    # Teaser pages are fetched a few at a time (in entry order): a feed of thirty teasers
    # should not take thirty round trips, nor hit one server with thirty connections.
    pool = ThreadPoolExecutor(max_workers=FETCH_WORKERS, thread_name_prefix="sitrep-feed")
    try:
        yield from pool.map(entry_item, enumerate(entries, start=1))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
