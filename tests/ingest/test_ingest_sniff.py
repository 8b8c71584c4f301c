"""``sniff_kind``: the first bytes, the suffix and the Content-Type each get their say."""

from __future__ import annotations

import pytest

from sitrep.errors import UnsupportedInput
from sitrep.ingest import SUPPORTED_SUFFIXES, SourceKind, sniff_kind
from sitrep.ingest.sniff import kind_from_suffix

RSS_HEAD = b'<?xml version="1.0"?>\n<!-- a comment --><rss version="2.0"><channel>'
ATOM_HEAD = b'\xef\xbb\xbf<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">'
HTML_HEAD = b"<!DOCTYPE html>\n<html lang='en'><head><title>t</title>"
WARC_HEAD = b"WARC/1.1\r\nWARC-Type: warcinfo\r\n"


@pytest.mark.parametrize(("name", "head", "expected"), [
    ("story.txt", b"Plain words.", "text"),
    ("story.html", HTML_HEAD, "html"),
    ("story.html.gz", HTML_HEAD, "html"),
    ("items.json", b'[{"text": "x"}]', "json"),
    ("items.jsonl", b'{"text": "x"}\n', "jsonl"),
    ("feed.xml", RSS_HEAD, "feed"),
    ("feed.atom", ATOM_HEAD, "feed"),
    ("crawl.warc.gz", WARC_HEAD, "warc"),
    # Content beats a misleading name for feeds and archives.
    ("feed.html", RSS_HEAD, "feed"),
    ("saved.txt", WARC_HEAD, "warc"),
    # XHTML saved as .xml is a page, not a feed.
    ("page.xml", b'<?xml version="1.0"?>' + HTML_HEAD, "html"),
    # No suffix: the bytes decide, plain text by default.
    ("README", b"Just words.", "text"),
    ("download", ATOM_HEAD, "feed"),
    ("index", HTML_HEAD, "html"),
])
def test_kinds_from_names_and_bytes(name: str, head: bytes, expected: SourceKind) -> None:
    assert sniff_kind(name, head) == expected


@pytest.mark.parametrize(("content_type", "head", "expected"), [
    ("text/html; charset=utf-8", HTML_HEAD, "html"),
    ("application/rss+xml", RSS_HEAD, "feed"),
    ("text/xml", ATOM_HEAD, "feed"),
    ("text/html", RSS_HEAD, "feed"),  # a feed served as a page is still a feed
    ("text/plain", b"Notes.", "text"),
    ("application/octet-stream", HTML_HEAD, "html"),
    ("text/csv", b"a,b\n1,2\n", "text"),
])
def test_kinds_from_content_types(content_type: str, head: bytes,
                                  expected: SourceKind) -> None:
    assert sniff_kind("/path", head, content_type) == expected


@pytest.mark.parametrize(("head", "what"), [
    (b"%PDF-1.5\n", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
    (b"PK\x03\x04\x14\x00", "ZIP"),
    (b"\x1f\x8b\x08\x00", "gzip"),
    (b"abc\x00def", "NUL byte at offset 3"),
])
def test_binary_inputs_are_refused_whatever_their_name(head: bytes, what: str) -> None:
    with pytest.raises(UnsupportedInput) as caught:
        sniff_kind("innocent.txt", head)
    assert what in caught.value.reason
    assert caught.value.source == "innocent.txt"


def test_utf16_text_with_bom_is_not_binary() -> None:
    head = "\ufeffHello".encode("utf-16-le")
    assert sniff_kind("note.txt", head) == "text"


def test_unknown_suffix_and_unknown_content_type() -> None:
    with pytest.raises(UnsupportedInput, match=r"unknown suffix '\.csv'"):
        sniff_kind("table.csv", b"a,b\n1,2\n")
    with pytest.raises(UnsupportedInput, match="application/octet-stream"):
        sniff_kind("/blob", b"\x01\x02 some bytes", "application/octet-stream")


def test_every_supported_suffix_maps_to_a_kind() -> None:
    for suffix in SUPPORTED_SUFFIXES:
        assert kind_from_suffix(f"name{suffix}") is not None
        assert kind_from_suffix(f"NAME{suffix.upper()}") is not None
