"""From a source name (path, directory, URL) to documents: the ingest stage's front door.

:func:`read_source` never raises for a bad input: it yields an :class:`InputError` and
goes on, because one unreadable file in a folder of ten thousand must cost one line of
output, not the run. Errors are raised only for bugs.

Size: a single-document input (text, HTML, JSON, feed) is refused when it is over
``settings.max_input_bytes``, checked from ``stat`` before a byte is read, so a 50 GB
file mistaken for an article costs nothing. WARC and JSON Lines files are containers read
as streams, one record at a time; the cap applies to each record instead, so a crawl
larger than memory can still be read.
"""

from __future__ import annotations

import gzip
import io
import os
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from urllib.parse import urlsplit

from sitrep.errors import (
    DecodeError,
    EmptyInput,
    InputError,
    SourceNotFound,
    UnsupportedInput,
)
from sitrep.ingest.decoding import charset_from_content_type, decode_html, decode_text
from sitrep.ingest.feeds import documents_from_feed
from sitrep.ingest.fetch import Fetcher, is_url
from sitrep.ingest.records import documents_from_json, documents_from_jsonl
from sitrep.ingest.sniff import (
    SourceKind,
    is_gzip_name,
    kind_from_suffix,
    sniff_kind,
)
from sitrep.ingest.warc import documents_from_warc
from sitrep.models import RawDocument
from sitrep.settings import Settings

__all__ = ["expand_sources", "read_source"]

_HEAD_BYTES = 8192
_STREAMED_KINDS: frozenset[SourceKind] = frozenset({"warc", "jsonl"})
# What a gzip stream raises when its data is damaged (BadGzipFile is an OSError).
_GZIP_ERRORS = (gzip.BadGzipFile, EOFError, zlib.error)

Item = RawDocument | InputError


def _files_under(directory: Path) -> list[str]:
    """Supported, non-hidden files below ``directory``, in a stable (sorted) order.

    ``os.walk`` without following links, so a symlink loop cannot make this endless.
    """
    found: list[str] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and kind_from_suffix(name) is not None:
                found.append(str(Path(root) / name))
    return sorted(found, key=lambda p: Path(p).parts)


def expand_sources(sources: Sequence[str]) -> list[str]:
    """Directories -> their supported files (recursive, sorted, hidden ones skipped);
    files and URLs as given. A missing path is kept so that :func:`read_source` reports
    it in line with the rest of the batch."""
    expanded: list[str] = []
    for source in sources:
        if not is_url(source) and Path(source).is_dir():
            expanded.extend(_files_under(Path(source)))
        else:
            expanded.append(source)
    return expanded


def read_source(source: str, settings: Settings) -> Iterator[RawDocument | InputError]:
    """Yield the documents of one source, and one :class:`InputError` per bad input or
    bad record. ``origin`` names each: the path or URL, ``feed.xml#3`` for an entry,
    ``crawl.warc.gz#12`` for a record, ``items.jsonl:7`` for a line (all numbered from 1).
    """
    if is_url(source):
        yield from _read_url(source, settings)
        return
    path = Path(source)
    if path.is_dir():
        for file_name in _files_under(path):
            yield from _read_file(file_name, settings)
        return
    yield from _read_file(source, settings)


def _documents_from_bytes(origin: str, data: bytes, kind: SourceKind, settings: Settings,
                          *, url: str | None = None, content_type: str | None = None,
                          fetcher: Fetcher | None = None) -> Iterator[Item]:
    """Dispatch bytes already in memory (a small file, an HTTP body) on their kind."""
    if kind in ("html", "text"):
        try:
            if kind == "html":
                content = decode_html(origin, data, charset_from_content_type(content_type))
            else:
                content = decode_text(origin, data)
        except InputError as exc:
            yield exc
            return
        if not content.strip():
            yield EmptyInput(origin, "only whitespace")
            return
        yield RawDocument(origin=origin, content=content,
                          kind="html" if kind == "html" else "text", url=url)
    elif kind == "feed":
        yield from documents_from_feed(origin, data, fetcher, content_type, base_url=url)
    elif kind == "json":
        yield from documents_from_json(origin, data)
    elif kind == "jsonl":
        yield from documents_from_jsonl(origin, io.BytesIO(data), settings.max_input_bytes)
    else:
        yield from documents_from_warc(origin, io.BytesIO(data), settings.max_input_bytes)


def _read_url(url: str, settings: Settings) -> Iterator[Item]:
    """Fetch a URL; the Content-Type, then the bytes, decide what it is. The client
    stays open while a feed's entries are fetched from their links."""
    with Fetcher(settings) as fetcher:
        try:
            fetched = fetcher.fetch(url)
            if not fetched.data.strip():
                raise EmptyInput(url, "empty response")
            kind = sniff_kind(urlsplit(fetched.url).path, fetched.data[:_HEAD_BYTES],
                              fetched.content_type or "application/octet-stream", url)
        except InputError as exc:
            yield exc
            return
        yield from _documents_from_bytes(url, fetched.data, kind, settings, url=fetched.url,
                                         content_type=fetched.content_type, fetcher=fetcher)


def _inflated_head(path: str) -> bytes:
    """The first bytes of a file as its reader will see them (gzip inflated).

    Only the first gzip member is inflated: a WARC.gz is a chain of members, and a
    damaged later one must be reported by the WARC reader as that record, not here.
    """
    with open(path, "rb") as raw:
        head = raw.read(_HEAD_BYTES * 8)
    if not is_gzip_name(path):
        return head[:_HEAD_BYTES]
    inflater = zlib.decompressobj(wbits=31)
    try:
        return inflater.decompress(head, _HEAD_BYTES)
    except zlib.error as exc:
        raise DecodeError(path, f"corrupt gzip data: {exc}") from exc


def _read_all(path: str, limit: int) -> bytes:
    """The whole (inflated) file, refusing a gzip bomb as soon as it passes ``limit``.

    The compressed file is already known to be under ``limit``, so it is read at once and
    inflated with zlib in one call per gzip member (several times faster than GzipFile).
    """
    raw = Path(path).read_bytes()
    if not is_gzip_name(path):
        return raw
    parts: list[bytes] = []
    size = 0
    try:
        while raw:
            inflater = zlib.decompressobj(wbits=31)
            part = inflater.decompress(raw, limit + 1 - size)
            size += len(part)
            if size > limit or inflater.unconsumed_tail:
                raise UnsupportedInput(path, f"inflates to more than the {limit}-byte limit")
            if not inflater.eof:
                raise DecodeError(path, "corrupt gzip data: the file is truncated")
            parts.append(part)
            raw = inflater.unused_data.lstrip(b"\x00")  # members may be NUL-padded
    except zlib.error as exc:
        raise DecodeError(path, f"corrupt gzip data: {exc}") from exc
    return b"".join(parts)


def _stream_container(path: str, kind: SourceKind, limit: int) -> Iterator[Item]:
    """Stream a WARC or JSON Lines file. warcio inflates gzip itself (and must see the raw
    members to step over a damaged one); JSON Lines is inflated here."""
    if kind == "warc":
        with open(path, "rb") as raw:
            yield from documents_from_warc(path, raw, limit)
    elif is_gzip_name(path):
        with gzip.open(path, "rb") as inflated:
            yield from documents_from_jsonl(path, inflated, limit)
    else:
        with open(path, "rb") as plain:
            yield from documents_from_jsonl(path, plain, limit)


def _too_large(path: str, size: int, limit: int) -> UnsupportedInput:
    return UnsupportedInput(path, f"file of {size} bytes is over the {limit}-byte limit "
                                  "(raise SITREP_MAX_INPUT_MB to read it)")


def _read_file(path: str, settings: Settings) -> Iterator[Item]:
    """One file: stat (exists, regular, non-empty, size), sniff, then read or stream."""
    try:
        size = os.stat(path).st_size
    except FileNotFoundError:
        yield SourceNotFound(path, "no such file or directory")
        return
    except OSError as exc:
        yield SourceNotFound(path, f"cannot access: {exc.strerror or exc}")
        return
    if not Path(path).is_file():
        yield UnsupportedInput(path, "not a regular file")
        return
    if size == 0:
        yield EmptyInput(path, "empty file")
        return
    limit = settings.max_input_bytes
    streamed = kind_from_suffix(path) in _STREAMED_KINDS
    if not streamed and size > limit:
        yield _too_large(path, size, limit)
        return
    try:
        kind = sniff_kind(path, _inflated_head(path))
        if kind in _STREAMED_KINDS and streamed:
            yield from _stream_container(path, kind, limit)
            return
        if size > limit:  # named as a container, but its bytes say otherwise
            raise _too_large(path, size, limit)
        data = _read_all(path, limit)
    except InputError as exc:
        yield exc
        return
    except _GZIP_ERRORS as exc:
        yield DecodeError(path, f"corrupt gzip data: {exc}")
        return
    except OSError as exc:
        yield UnsupportedInput(path, f"cannot read: {exc.strerror or exc}")
        return
    yield from _documents_from_bytes(path, data, kind, settings)
