"""JSON and JSON Lines records: fields become hints, and each bad record costs one line."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pytest
from ingest_support import ARTICLE_TEXT, article_html, collect

from sitrep.errors import EmptyInput, InvalidDate, RecordError
from sitrep.ingest.records import parse_published
from sitrep.settings import Settings


def _record(**fields: object) -> dict[str, object]:
    base: dict[str, object] = {"url": "https://news.example/pier", "title": "Pier closed",
                               "text": ARTICLE_TEXT, "published": "2025-08-15"}
    base.update(fields)
    return {key: value for key, value in base.items() if value is not None}


def test_json_object_becomes_a_document_with_hints(tmp_path: Path,
                                                   settings: Settings) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps(_record(authors=["Ana Lind", "Kai Moe"])))
    [document], errors = collect(str(path), settings)
    assert errors == []
    assert document.origin == str(path)
    assert document.kind == "text"
    assert document.content == ARTICLE_TEXT
    assert document.url == "https://news.example/pier"
    assert document.title == "Pier closed"
    assert document.published == date(2025, 8, 15)
    assert document.authors == ("Ana Lind", "Kai Moe")


def test_json_list_numbers_its_records(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "many.json"
    path.write_text(json.dumps([
        _record(),
        _record(text=None, html=article_html("Second")),
        "not an object",
    ]))
    documents, [error] = collect(str(path), settings)
    assert [d.origin for d in documents] == [f"{path}#1", f"{path}#2"]
    assert documents[1].kind == "html"
    assert isinstance(error, RecordError)
    assert error.source == f"{path}#3"


def test_jsonl_bad_date_is_one_error_for_that_line(tmp_path: Path,
                                                   settings: Settings) -> None:
    path = tmp_path / "items.jsonl"
    lines = [
        json.dumps(_record(published="2025-08-15T22:30:00+02:00")),
        "",
        json.dumps(_record(published="last Tuesday")),
        "{broken json",
        json.dumps(_record(text=None)),
        json.dumps(_record(title=42)),
        json.dumps(_record(published=None)),
    ]
    path.write_text("\n".join(lines) + "\n")
    documents, errors = collect(str(path), settings)
    assert [d.origin for d in documents] == [f"{path}:1", f"{path}:7"]
    assert documents[0].published == date(2025, 8, 15)
    assert documents[1].published is None
    assert [e.source for e in errors] == [f"{path}:3", f"{path}:4", f"{path}:5", f"{path}:6"]
    bad_date, bad_json, no_body, bad_type = errors
    assert isinstance(bad_date, RecordError)
    assert isinstance(bad_date.__cause__, InvalidDate)
    assert "last Tuesday" in bad_date.reason
    assert isinstance(bad_json, RecordError)
    assert isinstance(no_body, EmptyInput)
    assert "'title'" in bad_type.reason
    assert all("\n" not in str(e) for e in errors)


def test_jsonl_gz_and_an_overlong_line(tmp_path: Path) -> None:
    small = Settings(database_url="sqlite://", max_input_bytes=2048)
    path = tmp_path / "items.jsonl.gz"
    lines = [json.dumps(_record(text="x" * 5000)), json.dumps(_record(text="Short note."))]
    path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    [document], [error] = collect(str(path), small)
    assert document.origin == f"{path}:2"
    assert error.source == f"{path}:1"
    assert "limit" in error.reason


def test_invalid_json_file_is_one_error(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"title": "unterminated')
    _, [error] = collect(str(path), settings)
    assert isinstance(error, RecordError)
    assert error.source == str(path)
    assert "line 1" in error.reason


@pytest.mark.parametrize(("value", "expected"), [
    ("2025-08-15", date(2025, 8, 15)),
    ("2025-08-15T09:30:00Z", date(2025, 8, 15)),
    ("2025-08-15 23:59:59-05:00", date(2025, 8, 15)),
    ("  2024-02-29 ", date(2024, 2, 29)),
])
def test_parse_published_accepts_iso(value: str, expected: date) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["2025-02-30", "15/08/2025", "yesterday", ""])
def test_parse_published_refuses_the_rest(value: str) -> None:
    with pytest.raises(InvalidDate):
        parse_published(value, "items.jsonl:3 published")
