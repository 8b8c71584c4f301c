"""RSS 2.0 and Atom feed files: one document per entry, with entry metadata as hints,
and never a network request for a feed read from disk."""

from __future__ import annotations

import socket
from datetime import date
from html import escape
from pathlib import Path

from ingest_support import ARTICLE_TEXT, PARAGRAPHS, collect

from sitrep.errors import EmptyInput, FeedError
from sitrep.settings import Settings


def _refused_port() -> int:
    """A local port nobody listens on: any request to it would fail loudly."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def rss_feed(items: list[dict[str, str]]) -> str:
    """An RSS 2.0 feed with content:encoded where an item has ``content``."""
    parts = []
    for item in items:
        fields = [f"<title>{escape(item['title'])}</title>"]
        if "link" in item:
            fields.append(f"<link>{escape(item['link'])}</link>")
        if "date" in item:
            fields.append(f"<pubDate>{item['date']}</pubDate>")
        if "author" in item:
            fields.append(f"<dc:creator>{escape(item['author'])}</dc:creator>")
        if "summary" in item:
            fields.append(f"<description>{escape(item['summary'])}</description>")
        if "content" in item:
            fields.append(f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>")
        parts.append("<item>" + "".join(fields) + "</item>")
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Eastmere Gazette'
            "</title><link>https://gazette.example/</link><description>Local news"
            "</description>" + "".join(parts) + "</channel></rss>")


def test_rss_entries_prefer_full_content_and_carry_hints(tmp_path: Path,
                                                         settings: Settings) -> None:
    full = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    port = _refused_port()
    path = tmp_path / "gazette.rss"
    path.write_text(rss_feed([
        {"title": "Pier closed", "link": f"http://127.0.0.1:{port}/pier",
         "date": "Fri, 15 Aug 2025 09:30:00 +0000", "author": "Ana Lind",
         "summary": "Council closes pier.", "content": full},
        {"title": "Festival plans", "link": f"http://127.0.0.1:{port}/festival",
         "summary": "Organisers expect fewer visitors this summer."},
    ]))
    documents, errors = collect(str(path), settings)
    assert errors == []
    first, second = documents
    assert first.origin == f"{path}#1"
    assert first.kind == "html"
    assert PARAGRAPHS[2] in first.content
    assert first.title == "Pier closed"
    assert first.url == f"http://127.0.0.1:{port}/pier"
    assert first.published == date(2025, 8, 15)
    assert first.authors == ("Ana Lind",)
    # A teaser in a file on disk stays a teaser: reading a file never fetches.
    assert second.origin == f"{path}#2"
    assert "fewer visitors" in second.content
    assert second.published is None


def test_atom_feed_is_sniffed_from_content_under_xml(tmp_path: Path,
                                                     settings: Settings) -> None:
    path = tmp_path / "updates.xml"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour updates</title>'
        "<id>urn:uuid:harbour</id><updated>2025-08-16T10:00:00Z</updated>"
        "<entry><title>Repairs funded</title><id>urn:uuid:1</id>"
        '<link href="https://harbour.example/repairs"/>'
        "<updated>2025-08-16T10:00:00Z</updated><published>2025-08-14T18:00:00Z</published>"
        "<author><name>Kai Moe</name></author><author><name>Ana Lind</name></author>"
        f'<content type="text">{escape(ARTICLE_TEXT)}</content></entry>'
        "<entry><title>No body</title><id>urn:uuid:2</id>"
        "<updated>2025-08-16T11:00:00Z</updated></entry>"
        "</feed>")
    documents, errors = collect(str(path), settings)
    [document] = documents
    assert document.kind == "text"
    assert document.content == ARTICLE_TEXT
    assert document.url == "https://harbour.example/repairs"
    assert document.published == date(2025, 8, 14)
    assert document.authors == ("Kai Moe", "Ana Lind")
    [error] = errors
    assert isinstance(error, EmptyInput)
    assert error.source == f"{path}#2"


def test_feed_saved_as_html_is_still_a_feed(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "feed.html"
    path.write_text(rss_feed([{"title": "One", "summary": "A short item."}]))
    [document], _ = collect(str(path), settings)
    assert document.origin == f"{path}#1"


def test_malformed_feed_is_one_error(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "broken.rss"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel>'
                    "<title>Broken &undefined; feed</title></channel>")
    documents, [error] = collect(str(path), settings)
    assert documents == []
    assert isinstance(error, FeedError)
    assert error.source == str(path)
    assert "malformed feed" in error.reason
    assert "\n" not in str(error)


def test_xml_that_is_not_a_feed(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "config.xml"
    path.write_text('<?xml version="1.0"?><settings><colour>blue</colour></settings>')
    _, [error] = collect(str(path), settings)
    assert isinstance(error, FeedError)
    assert "not an RSS or Atom feed" in error.reason


def test_feed_without_entries(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "quiet.atom"
    path.write_text(rss_feed([]))
    _, [error] = collect(str(path), settings)
    assert isinstance(error, EmptyInput)


def test_feed_file_entry_with_only_a_link_is_not_fetched(tmp_path: Path,
                                                         settings: Settings) -> None:
    port = _refused_port()
    path = tmp_path / "links.rss"
    path.write_text(rss_feed([{"title": "Link only", "link": f"http://127.0.0.1:{port}/a"}]))
    _, [error] = collect(str(path), settings)
    assert isinstance(error, EmptyInput)
    assert "not fetched" in error.reason
