"""JSON and JSON Lines inputs: records of ``{"url", "title", "text" | "html", "published"}``.

This is how scrapers and other tools hand articles over, so a bad record must not sink
the file: each record becomes a document or a one-line error naming it
(``items.jsonl:7`` for line 7, ``items.json#3`` for the third element of a list).
JSON Lines files are read line by line, so a dump of many thousand articles never has to
fit in memory; the size cap applies to each line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from typing import Protocol

from sitrep.errors import EmptyInput, InputError, InvalidDate, RecordError
from sitrep.ingest.decoding import decode_text
from sitrep.models import RawDocument

__all__ = [
    "LineStream",
    "documents_from_json",
    "documents_from_jsonl",
    "parse_published",
    "record_to_document",
]

_READ_CHUNK = 1024 * 1024


class LineStream(Protocol):
    """What the JSON Lines reader needs: a plain or a gzip binary file both qualify."""

    def readline(self, size: int | None = -1, /) -> bytes: ...


def parse_published(value: str, where: str = "published") -> date:
    """An ISO 8601 date or datetime (``2025-08-15``, ``2025-08-15T09:30:00Z``) -> its date.

    A datetime keeps the calendar date it was written with (the publisher's local date),
    which is what "published on" means to a reader. Raises :class:`InvalidDate`.
    """
    text = value.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).date()
    except ValueError as exc:
        raise InvalidDate(value, where) from exc


def _optional_str(origin: str, record: dict[str, object], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise RecordError(origin, f"field {key!r} must be a string, got {type(value).__name__}")
    return value.strip() or None


def _authors(origin: str, record: dict[str, object]) -> tuple[str, ...]:
    """``authors`` (a list of names) or ``author`` (one name), both optional."""
    value = record.get("authors", record.get("author"))
    if value is None:
        return ()
    if isinstance(value, str):
        return (value.strip(),) if value.strip() else ()
    if isinstance(value, list) and all(isinstance(name, str) for name in value):
        return tuple(name.strip() for name in value if name.strip())
    raise RecordError(origin, "field 'authors' must be a string or a list of strings")


def record_to_document(origin: str, record: object) -> RawDocument:
    """One decoded JSON value -> a document; raise a :class:`RecordError` or
    :class:`EmptyInput` naming ``origin`` when it is not a usable article record.

    ``text`` wins over ``html`` when both are given: it is already the clean body, and
    extraction of a page can only lose from there.
    """
    if not isinstance(record, dict):
        raise RecordError(origin, f"expected a JSON object, got {type(record).__name__}")
    text = _optional_str(origin, record, "text")
    html = _optional_str(origin, record, "html")
    if text is None and html is None:
        raise EmptyInput(origin, "record has no 'text' or 'html'")
    published_raw = _optional_str(origin, record, "published")
    published: date | None = None
    if published_raw is not None:
        try:
            published = parse_published(published_raw)
        except InvalidDate as exc:
            raise RecordError(origin, str(exc)) from exc
    if text is not None:
        content, kind = text, "text"
    else:
        assert html is not None
        content, kind = html, "html"
    return RawDocument(
        origin=origin,
        content=content,
        kind="text" if kind == "text" else "html",
        url=_optional_str(origin, record, "url"),
        title=_optional_str(origin, record, "title"),
        published=published,
        authors=_authors(origin, record),
    )


def _document_or_error(origin: str, record: object) -> RawDocument | InputError:
    try:
        return record_to_document(origin, record)
    except InputError as exc:
        return exc


def documents_from_json(origin: str, data: bytes) -> Iterator[RawDocument | InputError]:
    """A ``.json`` file: one record, or a list of records (``origin#N``, N from 1)."""
    try:
        value = json.loads(decode_text(origin, data))
    except json.JSONDecodeError as exc:
        yield RecordError(origin, f"invalid JSON at line {exc.lineno} column {exc.colno}: "
                                  f"{exc.msg}")
        return
    except InputError as exc:
        yield exc
        return
    if isinstance(value, list):
        if not value:
            yield EmptyInput(origin, "empty JSON list")
        for number, record in enumerate(value, start=1):
            yield _document_or_error(f"{origin}#{number}", record)
    else:
        yield _document_or_error(origin, value)


def _read_line(stream: LineStream, max_line_bytes: int) -> bytes | None:
    """The next line with its newline stripped, b"" standing for an over-long line, or
    None at the end of the stream.

    An over-long line is consumed to its end without being kept, so one giant record
    costs a skipped line, not the process's memory.
    """
    line = stream.readline(max_line_bytes + 1)
    if not line:
        return None
    if len(line) <= max_line_bytes or line.endswith(b"\n"):
        # A blank line comes back as b" " so that b"" can only mean "too long".
        return line.rstrip(b"\r\n") or b" "
    while line and not line.endswith(b"\n"):
        line = stream.readline(_READ_CHUNK)
    return b""


def documents_from_jsonl(origin: str, stream: LineStream,
                         max_line_bytes: int) -> Iterator[RawDocument | InputError]:
    """A ``.jsonl`` stream: one record per line (``origin:N``, N from 1); blank lines skip."""
    number = 0
    seen_record = False
    while (line := _read_line(stream, max_line_bytes)) is not None:
        number += 1
        line_origin = f"{origin}:{number}"
        if not line:
            seen_record = True
            yield RecordError(line_origin, f"line longer than the {max_line_bytes}-byte limit")
            continue
        if not line.strip():
            continue
        seen_record = True
        try:
            record = json.loads(decode_text(line_origin, line))
        except json.JSONDecodeError as exc:
            yield RecordError(line_origin, f"invalid JSON at column {exc.colno}: {exc.msg}")
            continue
        except InputError as exc:
            yield exc
            continue
        yield _document_or_error(line_origin, record)
    if not seen_record:
        yield EmptyInput(origin, "no records")
