"""WARC archives written with warcio in the test: pages become documents, the rest is
skipped, and a damaged record is reported and stepped over."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from ingest_support import article_html, collect
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep.errors import ArchiveError, DecodeError, EmptyInput, UnsupportedInput
from sitrep.settings import Settings

# (uri, record type, HTTP status, Content-Type, payload)
Spec = tuple[str, str, str, str, bytes]

CRAWL: list[Spec] = [
    ("https://gazette.example/pier", "response", "200 OK", "text/html; charset=utf-8",
     article_html("Pier closed").encode()),
    ("https://gazette.example/pier", "request", "", "", b""),
    ("https://gazette.example/logo.png", "response", "200 OK", "image/png",
     b"\x89PNG\r\n\x1a\n"),
    ("https://gazette.example/old", "response", "301 Moved Permanently", "text/html",
     b"<a href='/pier'>moved</a>"),
    ("https://gazette.example/kraków", "response", "200 OK", "text/html; charset=iso-8859-2",
     article_html("Kraków council", charset=None).encode("iso-8859-2")),
    ("https://gazette.example/notes.txt", "response", "200 OK", "text/plain",
     b"Plain notes from the harbour meeting."),
]


def write_warc(path: Path, specs: list[Spec], compress: bool) -> list[int]:
    """Write ``specs`` as records; return each record's byte offset."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    offsets = []
    for uri, rec_type, status, content_type, payload in specs:
        offsets.append(buffer.tell())
        if rec_type == "response":
            http = StatusAndHeaders(status, [("Content-Type", content_type)],
                                    protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(payload),
                                               http_headers=http)
        else:
            http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "gazette.example")],
                                    is_http_request=True)
            record = writer.create_warc_record(uri, "request", payload=io.BytesIO(b""),
                                               http_headers=http)
        writer.write_record(record)
    path.write_bytes(buffer.getvalue())
    return offsets


@pytest.mark.parametrize("compress", [False, True])
def test_pages_become_documents_and_the_rest_is_skipped(
        tmp_path: Path, settings: Settings, compress: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    write_warc(path, CRAWL, compress)
    documents, errors = collect(str(path), settings)
    assert errors == []
    assert [d.origin for d in documents] == [f"{path}#1", f"{path}#5", f"{path}#6"]
    assert [d.url for d in documents] == ["https://gazette.example/pier",
                                          "https://gazette.example/kraków",
                                          "https://gazette.example/notes.txt"]
    assert [d.kind for d in documents] == ["html", "html", "text"]
    assert "Kraków council" in documents[1].content  # charset from the HTTP header


@pytest.mark.parametrize("compress", [False, True])
def test_damaged_record_is_reported_and_skipped(
        tmp_path: Path, settings: Settings, compress: bool) -> None:
    path = tmp_path / ("bad.warc.gz" if compress else "bad.warc")
    offsets = write_warc(path, CRAWL[:1] * 4, compress)
    data = bytearray(path.read_bytes())
    start = offsets[1]
    if compress:
        data[start + 12:start + 40] = b"\x00" * 28  # wreck the deflate stream
    else:
        data[start:start + 8] = b"XXXX/1.0"  # wreck the version line
    path.write_bytes(bytes(data))
    documents, errors = collect(str(path), settings)
    assert [d.origin for d in documents] == [f"{path}#1", f"{path}#3", f"{path}#4"]
    [error] = errors
    assert isinstance(error, ArchiveError)
    assert error.source == f"{path}#2"
    assert "\n" not in str(error)


@pytest.mark.parametrize("compress", [False, True])
def test_truncated_archive_says_so_once(tmp_path: Path, settings: Settings,
                                        compress: bool) -> None:
    path = tmp_path / ("cut.warc.gz" if compress else "cut.warc")
    offsets = write_warc(path, CRAWL[:1] * 3, compress)
    path.write_bytes(path.read_bytes()[:offsets[2] + 40])
    documents, errors = collect(str(path), settings)
    assert len(documents) == 2
    [error] = errors
    assert isinstance(error, ArchiveError)
    assert error.source == f"{path}#3"


def test_not_a_warc_at_all(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "fake.warc"
    path.write_text("This is a note someone saved with the wrong name.\n" * 3)
    documents, [error] = collect(str(path), settings)
    assert documents == []
    assert isinstance(error, ArchiveError)
    assert error.source == str(path)


def test_archive_without_pages(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "images.warc"
    write_warc(path, [CRAWL[2]], compress=False)
    _, [error] = collect(str(path), settings)
    assert isinstance(error, EmptyInput)


def test_record_limits_and_decoding_are_per_record(tmp_path: Path) -> None:
    small = Settings(database_url="sqlite://", max_input_bytes=4096)
    big_page = article_html("Long") + " " * 8192
    specs: list[Spec] = [
        ("https://a.example/big", "response", "200 OK", "text/html", big_page.encode()),
        ("https://a.example/bad", "response", "200 OK", "text/plain", b"caf\xe9 closed"),
        CRAWL[0],
    ]
    path = tmp_path / "mixed.warc.gz"
    write_warc(path, specs, compress=True)
    documents, errors = collect(str(path), small)
    assert [d.origin for d in documents] == [f"{path}#3"]
    too_big, undecodable = errors
    assert isinstance(too_big, UnsupportedInput)
    assert too_big.source == f"{path}#1"
    assert isinstance(undecodable, DecodeError)
    assert undecodable.source == f"{path}#2"
