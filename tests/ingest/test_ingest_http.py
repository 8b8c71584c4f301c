"""URLs against a real HTTP server on 127.0.0.1: pages, feeds whose teaser entries are
fetched from their links, redirects, error statuses, refused connections and timeouts."""

from __future__ import annotations

import socket
import time
from html import escape

from ingest_support import PARAGRAPHS, LiveServer, Route, article_html, collect

from sitrep.errors import FetchError, SourceNotFound, UnsupportedInput
from sitrep.settings import Settings


def _feed(items: list[tuple[str, str, str]]) -> bytes:
    """RSS 2.0 with (title, link, description) items."""
    body = "".join(f"<item><title>{escape(title)}</title><link>{escape(link)}</link>"
                   f"<description>{escape(text)}</description></item>"
                   for title, link, text in items)
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Gazette</title>{body}</channel></rss>").encode()


def test_html_page_by_url(http_server: LiveServer, settings: Settings) -> None:
    http_server.routes["/pier.html"] = Route(body=article_html("Pier closed").encode())
    url = http_server.url("/pier.html")
    [document], errors = collect(url, settings)
    assert errors == []
    assert document.origin == url
    assert document.url == url
    assert document.kind == "html"
    assert PARAGRAPHS[0] in document.content


def test_charset_from_the_content_type_header(http_server: LiveServer,
                                              settings: Settings) -> None:
    page = article_html("Łódź harbour", charset=None).encode("iso-8859-2")
    http_server.routes["/pl"] = Route(body=page, content_type="text/html; charset=ISO-8859-2")
    [document], _ = collect(http_server.url("/pl"), settings)
    assert "Łódź harbour" in document.content


def test_plain_text_by_url(http_server: LiveServer, settings: Settings) -> None:
    http_server.routes["/notes"] = Route(body=b"Harbour meeting notes.",
                                         content_type="text/plain; charset=utf-8")
    [document], _ = collect(http_server.url("/notes"), settings)
    assert document.kind == "text"
    assert document.content == "Harbour meeting notes."


def test_redirect_is_followed(http_server: LiveServer, settings: Settings) -> None:
    http_server.routes["/new"] = Route(body=article_html("Moved story").encode())
    http_server.routes["/old"] = Route(status=301, headers={"Location": "/new"})
    [document], errors = collect(http_server.url("/old"), settings)
    assert errors == []
    assert document.origin == http_server.url("/old")
    assert document.url == http_server.url("/new")
    assert "Moved story" in document.content


def test_feed_by_url_fetches_teaser_entries_from_their_links(
        http_server: LiveServer, settings: Settings) -> None:
    long_text = " ".join(PARAGRAPHS * 2)
    assert len(long_text) > 1000
    http_server.routes["/story1.html"] = Route(body=article_html("Story one").encode())
    http_server.routes["/feed"] = Route(
        content_type="application/rss+xml",
        body=_feed([
            ("Story one", http_server.url("/story1.html"), "Teaser for story one."),
            ("Story two", http_server.url("/story2.html"), long_text),
            ("Story three", http_server.url("/gone.html"), "Teaser for a page now gone."),
        ]))
    feed_url = http_server.url("/feed")
    documents, errors = collect(feed_url, settings)
    first, second = documents
    assert first.origin == f"{feed_url}#1"
    assert first.url == http_server.url("/story1.html")
    assert first.title == "Story one"
    assert "Story one" in first.content and PARAGRAPHS[1] in first.content
    # A full-length entry is used as it is: its link is never requested.
    assert second.origin == f"{feed_url}#2"
    assert PARAGRAPHS[3] in second.content
    assert "/story2.html" not in http_server.hits
    [error] = errors
    assert isinstance(error, SourceNotFound)
    assert error.source == f"{feed_url}#3"
    assert "404" in error.reason
    assert set(http_server.user_agents) == {settings.user_agent}


def test_feed_sniffed_from_content_under_a_generic_type(
        http_server: LiveServer, settings: Settings) -> None:
    http_server.routes["/story.html"] = Route(body=article_html("Sniffed").encode())
    http_server.routes["/rss"] = Route(
        content_type="text/xml",
        body=_feed([("Sniffed", http_server.url("/story.html"), "Short teaser.")]))
    [document], _ = collect(http_server.url("/rss"), settings)
    assert "Sniffed" in document.content
    assert document.url == http_server.url("/story.html")


def test_404_and_500(http_server: LiveServer, settings: Settings) -> None:
    http_server.routes["/broken"] = Route(status=500, body=b"oops")
    _, [missing] = collect(http_server.url("/nothing"), settings)
    assert isinstance(missing, SourceNotFound)
    assert missing.source == http_server.url("/nothing")
    assert "HTTP 404" in missing.reason
    _, [failed] = collect(http_server.url("/broken"), settings)
    assert isinstance(failed, FetchError)
    assert "HTTP 500" in failed.reason


def test_connection_refused(settings: Settings) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/page"
    _, [error] = collect(url, settings)
    assert isinstance(error, FetchError)
    assert error.source == url
    assert "connect" in error.reason


def test_slow_server_times_out(http_server: LiveServer) -> None:
    quick = Settings(database_url="sqlite://", fetch_timeout=0.3)
    http_server.routes["/slow"] = Route(body=b"<p>late</p>", delay=3.0)
    started = time.monotonic()
    _, [error] = collect(http_server.url("/slow"), quick)
    assert time.monotonic() - started < 2.5
    assert isinstance(error, FetchError)
    assert "timed out" in error.reason


def test_response_over_the_size_cap(http_server: LiveServer) -> None:
    small = Settings(database_url="sqlite://", max_input_bytes=1000)
    http_server.routes["/big"] = Route(body=b"<p>" + b"x" * 5000 + b"</p>")
    _, [error] = collect(http_server.url("/big"), small)
    assert isinstance(error, UnsupportedInput)
    assert "limit" in error.reason


def test_binary_content_type_is_refused(http_server: LiveServer, settings: Settings) -> None:
    http_server.routes["/file"] = Route(body=b"%PDF-1.7 fake", content_type="application/pdf")
    _, [error] = collect(http_server.url("/file"), settings)
    assert isinstance(error, UnsupportedInput)
    assert error.source == http_server.url("/file")
    assert "application/pdf" in error.reason or "PDF" in error.reason


def test_relative_entry_links_resolve_against_the_feed_url(
        http_server: LiveServer, settings: Settings) -> None:
    http_server.routes["/news/a.html"] = Route(body=article_html("Relative story").encode())
    http_server.routes["/news/feed.rss"] = Route(
        content_type="application/rss+xml",
        body=_feed([("Relative story", "a.html", "Teaser.")]))
    [document], errors = collect(http_server.url("/news/feed.rss"), settings)
    assert errors == []
    assert document.url == http_server.url("/news/a.html")
    assert "Relative story" in document.content


def test_utf8_page_under_a_stale_latin1_header(http_server: LiveServer,
                                               settings: Settings) -> None:
    page = article_html("Mayor’s “final” offer").encode("utf-8")
    http_server.routes["/stale"] = Route(body=page,
                                         content_type="text/html; charset=ISO-8859-1")
    [document], _ = collect(http_server.url("/stale"), settings)
    assert "Mayor’s “final” offer" in document.content


def test_feed_entry_linking_to_a_non_page(http_server: LiveServer,
                                          settings: Settings) -> None:
    http_server.routes["/scan.pdf"] = Route(body=b"%PDF-1.4 scan",
                                            content_type="application/pdf")
    http_server.routes["/feed"] = Route(
        content_type="application/rss+xml",
        body=_feed([("Scan", http_server.url("/scan.pdf"), "A scanned letter.")]))
    documents, [error] = collect(http_server.url("/feed"), settings)
    assert documents == []
    assert isinstance(error, UnsupportedInput)
    assert error.source == http_server.url("/feed") + "#1"


def test_teaser_pages_are_fetched_concurrently_in_entry_order(
        http_server: LiveServer, settings: Settings) -> None:
    count, delay = 8, 0.4
    for n in range(count):
        http_server.routes[f"/p{n}.html"] = Route(
            body=article_html(f"Story number {n}").encode(), delay=delay)
    http_server.routes["/many"] = Route(
        content_type="application/rss+xml",
        body=_feed([(f"Story {n}", http_server.url(f"/p{n}.html"), "Teaser.")
                    for n in range(count)]))
    started = time.monotonic()
    documents, errors = collect(http_server.url("/many"), settings)
    elapsed = time.monotonic() - started
    assert errors == []
    assert [d.url for d in documents] == [http_server.url(f"/p{n}.html") for n in range(count)]
    assert all(f"Story number {n}" in d.content for n, d in enumerate(documents))
    assert elapsed < count * delay * 0.75  # sequential fetching would take count * delay
