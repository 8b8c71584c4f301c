"""Tell what an input is: plain text, HTML, JSON records, an RSS/Atom feed or a WARC archive.

Names lie (a feed saved as ``.html``, a page saved without a suffix, a PDF renamed
``.txt``), and so do servers (``text/xml`` for a page, ``application/octet-stream`` for
everything). So the kind is decided from three clues, strongest first:

1. the first bytes: binary magic or NUL bytes refuse the input outright; a WARC header
   or an RSS/Atom root element wins over any name;
2. the suffix (or, for a URL, the Content-Type);
3. for a name with no suffix, what the bytes look like.

A suffix we do not know is refused rather than guessed, so that ``report.docx`` gives a
clear "unknown suffix" instead of a page of mojibake further down the pipeline.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Literal

from sitrep.errors import UnsupportedInput

__all__ = [
    "SUPPORTED_SUFFIXES",
    "SourceKind",
    "binary_reason",
    "is_gzip_name",
    "kind_from_content_type",
    "kind_from_suffix",
    "sniff_kind",
]

SourceKind = Literal["text", "html", "json", "jsonl", "feed", "warc"]
"""What a reader does with the bytes: one document (text, html), records (json, jsonl),
entries (feed) or archive records (warc)."""

# Suffix (lower case, compound suffixes included) -> kind. ``expand_sources`` keeps
# exactly these files from a directory.
_SUFFIX_KINDS: dict[str, SourceKind] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".html.gz": "html",
    ".htm.gz": "html",
    ".txt.gz": "text",
    ".json": "json",
    ".jsonl": "jsonl",
    ".jsonl.gz": "jsonl",
    ".ndjson": "jsonl",
    ".xml": "feed",
    ".xml.gz": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".warc": "warc",
    ".warc.gz": "warc",
}

SUPPORTED_SUFFIXES: frozenset[str] = frozenset(_SUFFIX_KINDS)

# Magic numbers of formats people drop into a news folder by mistake. gzip is absent on
# purpose: it is legitimate for ``.html.gz``/``.warc.gz`` and refused elsewhere by name.
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 document (old Word/Excel)"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x00asm", "WebAssembly module"),
    (b"ID3", "MP3 audio"),
    (b"OggS", "Ogg media"),
    (b"RIFF", "RIFF media (WAV/AVI/WebP)"),
    (b"\x1a\x45\xdf\xa3", "Matroska/WebM video"),
)
_GZIP_MAGIC = b"\x1f\x8b"
_TEXT_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")

_WARC_HEAD = re.compile(rb"\A\s*WARC/\d")
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_ROOT = re.compile(rb"<(?:!doctype\s+html|html|head|body|title|meta|p|div)[\s>/]",
                        re.IGNORECASE)
# Markup before the root element of an XML document: declaration, comments, PIs, doctype.
_XML_PROLOG = re.compile(rb"\A(?:\s|<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*", re.DOTALL)

_MIME_KINDS: dict[str, SourceKind] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/json": "json",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/warc": "warc",
}
# Types that say "XML of some sort": the content decides between feed and page.
_GENERIC_XML = frozenset({"text/xml", "application/xml"})


def is_gzip_name(name: str) -> bool:
    """True for ``*.gz`` names: their bytes are gzip and must be inflated before sniffing."""
    return name.lower().endswith(".gz")


def _suffix_of(name: str) -> str:
    """The suffix that decides the kind: compound (``.html.gz``) when the name ends in .gz."""
    suffixes = [s.lower() for s in PurePosixPath(name).suffixes]
    if not suffixes:
        return ""
    if suffixes[-1] == ".gz" and len(suffixes) >= 2:
        return "".join(suffixes[-2:])
    return suffixes[-1]


def kind_from_suffix(name: str) -> SourceKind | None:
    """The kind a file name promises, or None when the suffix is not one sitrep reads."""
    return _SUFFIX_KINDS.get(_suffix_of(name))


def kind_from_content_type(content_type: str | None) -> SourceKind | None:
    """The kind an HTTP Content-Type promises; None when it is generic XML or absent,
    which leaves the decision to the content."""
    if not content_type:
        return None
    mime = content_type.split(";", 1)[0].strip().lower()
    return _MIME_KINDS.get(mime)


def binary_reason(head: bytes) -> str | None:
    """Why ``head`` (the first few KiB) is not text, or None when it may be text.

    UTF-16 text holds NUL bytes too, so a BOM exempts the input from the NUL test.
    """
    for magic, what in _BINARY_MAGIC:
        if head.startswith(magic):
            return f"binary file ({what})"
    if head.startswith(_GZIP_MAGIC):
        return "binary file (gzip data; name it .gz to have it inflated)"
    if not head.startswith(_TEXT_BOMS) and b"\x00" in head:
        return f"binary file (NUL byte at offset {head.index(0)})"
    return None


def _content_kind(head: bytes) -> SourceKind | None:
    """What the first bytes look like, or None when they say nothing decisive."""
    if _WARC_HEAD.match(head):
        return "warc"
    body = head.removeprefix(b"\xef\xbb\xbf")
    prolog_end = _XML_PROLOG.match(body)
    after_prolog = body[prolog_end.end() if prolog_end else 0:]
    if _FEED_ROOT.match(after_prolog):
        return "feed"
    if _HTML_ROOT.search(body[:4096]):
        return "html"
    stripped = body.lstrip()
    if stripped[:1] in (b"{", b"["):
        return "json"
    return None


def sniff_kind(name: str, head: bytes, content_type: str | None = None,
               origin: str | None = None) -> SourceKind:
    """Decide the kind of an input from its name, its first bytes and (for URLs) its
    Content-Type; raise :class:`UnsupportedInput` naming ``origin`` (default: ``name``)
    when it is binary or of a kind sitrep does not read.

    ``name`` is a file name or a URL's path (its suffix counts); ``head`` must already be
    inflated for ``.gz`` names.
    """
    origin = origin or name
    reason = binary_reason(head)
    if reason is not None:
        raise UnsupportedInput(origin, reason)
    by_content = _content_kind(head)
    # A WARC or a feed is unmistakable from its first bytes, whatever it is called.
    if by_content in ("warc", "feed"):
        return by_content
    declared = kind_from_content_type(content_type)
    if declared is not None:
        return declared
    by_suffix = kind_from_suffix(name)
    if by_suffix == "feed" and by_content == "html":
        return "html"  # an .xml file that is XHTML rather than a feed
    if by_suffix is not None:
        return by_suffix
    if content_type is not None:
        # A URL: the server named a type we do not map (or generic XML); trust the bytes.
        mime = content_type.split(";", 1)[0].strip().lower()
        if by_content is not None:
            return by_content
        if mime.startswith("text/") or mime in _GENERIC_XML:
            return "text"
        raise UnsupportedInput(origin, f"unsupported content type {mime!r}")
    suffix = _suffix_of(name)
    if suffix and by_content == "html":
        return "html"  # a saved page called index.php or article.aspx
    if suffix:
        raise UnsupportedInput(origin, f"unknown suffix {suffix!r} (sitrep reads "
                                     f"{', '.join(sorted(SUPPORTED_SUFFIXES))})")
    # No suffix at all (a URL path, a file called README): the bytes decide.
    return by_content or "text"
