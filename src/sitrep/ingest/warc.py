"""WARC archives (plain or per-record gzip): one document per successful page response.

Only ``response`` records with status 200 and an HTML or plain-text payload are pages;
requests, metadata, revisits, redirects and images are skipped without a word, as a crawl
holds far more of them than of articles. Records are numbered from 1 over the whole
archive (``crawl.warc.gz#12``), counting skipped ones, so the number matches what
``warcio index`` shows.

Crawls are large and sometimes damaged. The archive is streamed (only one record's
payload is in memory, capped at ``max_record_bytes``), and a malformed record is reported
and stepped over: the reader scans forward to the next record start (the next gzip member,
or the next ``WARC/1.x`` line) and carries on from there. Only when nothing readable
follows does it stop, and it says so once.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from sitrep.errors import ArchiveError, EmptyInput, InputError, UnsupportedInput
from sitrep.ingest.decoding import charset_from_content_type, decode_html, decode_text
from sitrep.models import RawDocument

__all__ = ["documents_from_warc"]

_GZIP_MEMBER = b"\x1f\x8b\x08"
_WARC_LINE = b"\nWARC/1."
_SCAN_CHUNK = 1024 * 1024
_HEAD_BYTES = 4096
_PAGE_TYPES = {"text/html": True, "application/xhtml+xml": True, "text/plain": False}
# What warcio raises on a damaged record or gzip member. Its parser also trips over
# missing headers with AttributeError/TypeError (e.g. a record cut off in its header).
_READ_ERRORS = (ArchiveLoadFailed, zlib.error, EOFError, ValueError, OSError,
                AttributeError, TypeError, KeyError, IndexError)


class _QuietArchiveIterator(ArchiveIterator):  # type: ignore[misc]
    """warcio writes a warning to stderr when a record's Content-Length looks wrong;
    library code must not print, so the text is blanked and ``err_count`` (which warcio
    still increments) is reported as an error instead."""

    INC_RECORD = ""


def _record_document(record: Any, record_origin: str,
                     max_record_bytes: int) -> RawDocument | InputError | None:
    """The document a record holds, an error for a bad one, or None for a non-page."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    mime = content_type.split(";", 1)[0].strip().lower()
    if mime not in _PAGE_TYPES:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    if record.length is not None and record.length > max_record_bytes:
        return UnsupportedInput(record_origin, f"record of {record.length} bytes is over "
                                               f"the {max_record_bytes}-byte limit")
    payload: bytes = record.content_stream().read(max_record_bytes + 1)
    if len(payload) > max_record_bytes:
        return UnsupportedInput(record_origin,
                                f"payload is over the {max_record_bytes}-byte limit")
    if not payload.strip():
        return EmptyInput(record_origin, f"empty response for {url}")
    try:
        if _PAGE_TYPES[mime]:
            content = decode_html(record_origin, payload, charset_from_content_type(content_type))
        else:
            content = decode_text(record_origin, payload)
    except InputError as exc:
        return exc
    return RawDocument(origin=record_origin, content=content,
                       kind="html" if _PAGE_TYPES[mime] else "text", url=url)


def _describe(exc: BaseException) -> str:
    """A short reason for a damaged record; warcio's own messages where it has them."""
    if isinstance(exc, ArchiveLoadFailed):
        first = (str(exc).strip().splitlines() or ["unreadable record"])[0]
        garbled = sum(1 for c in first if not (c.isprintable() and c.isascii()))
        if garbled > len(first) // 5:
            return "binary data where a WARC record header belongs"
        return first[:80]
    if isinstance(exc, zlib.error):
        return f"corrupt gzip member ({exc})"
    if isinstance(exc, EOFError):
        return "archive ends in the middle of a record"
    if isinstance(exc, OSError):
        return f"read error ({exc})"
    return "record header incomplete or damaged"


def _has_trailing_bytes(stream: IO[bytes], offset: int) -> bool:
    """True when non-blank bytes follow the last record warcio finished: it ends quietly
    on a truncated gzip member, which would otherwise lose a record without a word."""
    stream.seek(offset)
    while chunk := stream.read(_SCAN_CHUNK):
        if chunk.strip():
            return True
    return False


def _next_record_start(stream: IO[bytes], after: int, compressed: bool) -> int | None:
    """Offset of the next plausible record start strictly after ``after``, or None."""
    marker = _GZIP_MEMBER if compressed else _WARC_LINE
    skip = 0 if compressed else 1  # the WARC line marker includes the newline before it
    position = after + 1
    stream.seek(position)
    tail = b""
    while chunk := stream.read(_SCAN_CHUNK):
        window = tail + chunk
        found = window.find(marker)
        if found >= 0:
            return position - len(tail) + found + skip
        tail = window[-(len(marker) - 1):]
        position += len(chunk)
    return None


def documents_from_warc(origin: str, stream: IO[bytes],
                        max_record_bytes: int) -> Iterator[RawDocument | InputError]:
    """Stream a seekable WARC (or WARC.gz) into documents and per-record errors."""
    start = stream.tell()
    head = stream.read(_HEAD_BYTES)
    stream.seek(start)
    compressed = head.startswith(_GZIP_MEMBER)
    if compressed:
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, 64)
        except zlib.error as exc:
            yield ArchiveError(origin, f"first gzip member is corrupt ({exc})")
            return
    if not head.lstrip().startswith(b"WARC/"):
        # warcio would try to read it as the older ARC format and fail in odd ways.
        yield ArchiveError(origin, "not a WARC archive (it does not start with a WARC/1.x "
                                   "record)")
        return
    number = 0
    yielded = 0
    resume_at: int | None = start
    while resume_at is not None:
        stream.seek(resume_at)
        iterator = _QuietArchiveIterator(stream)
        warned = 0
        in_record = False  # True while a counted record's payload is being read
        try:
            for record in iterator:
                if iterator.err_count > warned:
                    warned = iterator.err_count
                    yielded += 1
                    yield ArchiveError(f"{origin}#{number}", "Content-Length does not match "
                                                             "the record (truncated or padded)")
                number += 1
                in_record = True
                item = _record_document(record, f"{origin}#{number}", max_record_bytes)
                in_record = False
                if item is not None:
                    yielded += 1
                    yield item
            resume_at = None
            if _has_trailing_bytes(stream, int(iterator.offset)):
                yielded += 1
                yield ArchiveError(f"{origin}#{number + 1}",
                                   "archive ends in the middle of a record")
        except _READ_ERRORS as exc:
            failed_at = int(iterator.offset)
            if not in_record:
                number += 1
            problem = _describe(exc)
            resume_at = _next_record_start(stream, failed_at, compressed)
            yielded += 1
            if resume_at is not None:
                yield ArchiveError(f"{origin}#{number}", f"malformed record skipped: {problem}")
            elif number == 1:
                yield ArchiveError(origin, f"not a readable WARC archive: {problem}")
            else:
                yield ArchiveError(f"{origin}#{number}", f"malformed record, and no readable "
                                                         f"record after it: {problem}")
    if yielded == 0:
        yield EmptyInput(origin, "archive holds no HTML or text page responses")
