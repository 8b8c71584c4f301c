"""Local files: text, HTML (with its charset evidence), gzip, directories, and every kind
of bad file, each reported on one line naming the file."""

from __future__ import annotations

import gzip
from pathlib import Path

from ingest_support import ARTICLE_TEXT, article_html, collect

from sitrep.errors import (
    DecodeError,
    EmptyInput,
    SourceNotFound,
    UnsupportedInput,
)
from sitrep.ingest import expand_sources, read_source
from sitrep.settings import Settings


def test_text_file_becomes_one_text_document(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "pier.txt"
    path.write_text(ARTICLE_TEXT, encoding="utf-8")
    documents, errors = collect(str(path), settings)
    assert errors == []
    [document] = documents
    assert document.kind == "text"
    assert document.content == ARTICLE_TEXT
    assert document.origin == str(path)


def test_text_with_utf8_bom_loses_only_the_bom(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "Ünal Özkan spoke.".encode())
    [document], _ = collect(str(path), settings)
    assert document.content == "Ünal Özkan spoke."


def test_invalid_utf8_names_the_byte_offset(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "latin.txt"
    prefix = b"Minister said "
    path.write_bytes(prefix + b"caf\xe9 talks resumed.")
    documents, [error] = collect(str(path), settings)
    assert documents == []
    assert isinstance(error, DecodeError)
    assert error.source == str(path)
    assert f"byte offset {len(prefix) + 3}" in error.reason
    assert "\n" not in str(error)


def test_html_meta_charset_is_honoured(tmp_path: Path, settings: Settings) -> None:
    page = article_html("Café talks in Kraków", charset="windows-1250")
    path = tmp_path / "cp1250.html"
    path.write_bytes(page.encode("windows-1250"))
    [document], errors = collect(str(path), settings)
    assert errors == []
    assert document.kind == "html"
    assert "Café talks in Kraków" in document.content


def test_html_latin1_label_decodes_curly_quotes_as_browsers_do(
        tmp_path: Path, settings: Settings) -> None:
    page = article_html("“Quoted” headline", charset="iso-8859-1")
    path = tmp_path / "latin1.htm"
    path.write_bytes(page.encode("cp1252"))
    [document], _ = collect(str(path), settings)
    assert "“Quoted” headline" in document.content


def test_html_bom_beats_a_wrong_meta(tmp_path: Path, settings: Settings) -> None:
    page = article_html("Zürich summit", charset="iso-8859-1")
    path = tmp_path / "bom.html"
    path.write_bytes(b"\xef\xbb\xbf" + page.encode("utf-8"))
    [document], _ = collect(str(path), settings)
    assert "Zürich summit" in document.content


def test_html_without_charset_must_be_utf8(tmp_path: Path, settings: Settings) -> None:
    good = tmp_path / "plain.html"
    good.write_bytes(article_html("Ærø ferry", charset=None).encode("utf-8"))
    [document], _ = collect(str(good), settings)
    assert "Ærø ferry" in document.content

    bad = tmp_path / "unknown.html"
    bad.write_bytes(article_html("Ærø ferry", charset=None).encode("cp1252"))
    documents, [error] = collect(str(bad), settings)
    assert documents == []
    assert isinstance(error, DecodeError)
    assert "no charset declared" in error.reason
    assert "byte offset" in error.reason


def test_unknown_declared_charset_is_reported(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "odd.html"
    path.write_bytes(article_html("Odd", charset="klingon-8").encode())
    _, [error] = collect(str(path), settings)
    assert isinstance(error, DecodeError)
    assert "klingon-8" in error.reason


def test_gzipped_html_is_inflated(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(article_html("Pier closed").encode()))
    [document], errors = collect(str(path), settings)
    assert errors == []
    assert "Pier closed" in document.content


def test_gzip_bomb_is_refused_at_the_limit(tmp_path: Path) -> None:
    small = Settings(database_url="sqlite://", max_input_bytes=64 * 1024)
    path = tmp_path / "bomb.html.gz"
    path.write_bytes(gzip.compress(b"<html>" + b" " * (1024 * 1024)))
    assert path.stat().st_size < small.max_input_bytes
    _, [error] = collect(str(path), small)
    assert isinstance(error, UnsupportedInput)
    assert "limit" in error.reason


def test_corrupt_gzip_is_reported(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "broken.html.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00" + b"not really deflate data" * 4)
    _, [error] = collect(str(path), settings)
    assert isinstance(error, DecodeError)
    assert "gzip" in error.reason


def test_binary_file_is_refused_by_magic(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "scan.txt"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    _, [error] = collect(str(path), settings)
    assert isinstance(error, UnsupportedInput)
    assert "PDF" in error.reason


def test_binary_file_is_refused_by_nul_bytes(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(b"header\x00\x01\x02\x03" * 10)
    _, [error] = collect(str(path), settings)
    assert isinstance(error, UnsupportedInput)
    assert "NUL byte at offset 6" in error.reason


def test_empty_and_blank_files(tmp_path: Path, settings: Settings) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.html"
    blank.write_bytes(b"  \n\t\n")
    for path in (empty, blank):
        documents, [error] = collect(str(path), settings)
        assert documents == []
        assert isinstance(error, EmptyInput)
        assert error.source == str(path)


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as sparse:
        sparse.truncate(50 * 1024 * 1024)  # sparse: no disk, all NUL bytes
    small = Settings(database_url="sqlite://", max_input_bytes=1024 * 1024)
    _, [error] = collect(str(path), small)
    # Had it been read, the NUL bytes would have made it "binary" instead.
    assert isinstance(error, UnsupportedInput)
    assert str(50 * 1024 * 1024) in error.reason
    assert "limit" in error.reason


def test_missing_path_is_reported_and_the_batch_goes_on(
        tmp_path: Path, settings: Settings) -> None:
    present = tmp_path / "present.txt"
    present.write_text(ARTICLE_TEXT)
    missing = tmp_path / "absent.txt"
    sources = expand_sources([str(missing), str(present)])
    assert sources == [str(missing), str(present)]
    items = [item for source in sources for item in read_source(source, settings)]
    assert isinstance(items[0], SourceNotFound)
    assert items[0].source == str(missing)
    assert getattr(items[1], "content", None) == ARTICLE_TEXT


def test_unknown_suffix_is_refused(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "notes.docx"
    path.write_text("plain words that are not a document sitrep reads")
    _, [error] = collect(str(path), settings)
    assert isinstance(error, UnsupportedInput)
    assert "unknown suffix '.docx'" in error.reason


def test_saved_page_with_a_server_suffix_is_read_as_html(
        tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "article.php"
    path.write_text(article_html("Saved page"))
    [document], _ = collect(str(path), settings)
    assert document.kind == "html"


def test_directory_is_expanded_recursively_sorted_without_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.html").write_text("<p>two</p>")
    (tmp_path / "a.txt").write_text("one")
    (tmp_path / "c.jsonl").write_text("{}")
    (tmp_path / ".hidden.txt").write_text("secret")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text("ref")
    (tmp_path / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    expanded = expand_sources([str(tmp_path), "https://example.org/page"])
    assert expanded == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "two.html"),
                        str(tmp_path / "c.jsonl"), "https://example.org/page"]


def test_reading_a_directory_reads_its_files(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "one.txt").write_text("First report.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "two.txt").write_text("Second report.")
    documents, errors = collect(str(tmp_path), settings)
    assert errors == []
    assert [d.content for d in documents] == ["First report.", "Second report."]


def test_truncated_and_multi_member_gzip(tmp_path: Path, settings: Settings) -> None:
    whole = gzip.compress(article_html("Pier closed").encode())
    cut = tmp_path / "cut.html.gz"
    cut.write_bytes(whole[: len(whole) // 2])
    _, [error] = collect(str(cut), settings)
    assert isinstance(error, DecodeError)
    assert "truncated" in error.reason

    joined = tmp_path / "joined.txt.gz"
    joined.write_bytes(gzip.compress(b"First half, ") + gzip.compress(b"second half."))
    [document], _ = collect(str(joined), settings)
    assert document.content == "First half, second half."


def test_utf16_text_and_html_with_a_bom(tmp_path: Path, settings: Settings) -> None:
    text = tmp_path / "wide.txt"
    text.write_bytes("\ufeffSeđa Ćirić arrived.".encode("utf-16-le"))
    [document], _ = collect(str(text), settings)
    assert document.content == "Seđa Ćirić arrived."
    page = tmp_path / "wide.html"
    page.write_bytes("\ufeff".encode("utf-16-be") + article_html("Ćirić").encode("utf-16-be"))
    [html_document], _ = collect(str(page), settings)
    assert "<h1>Ćirić</h1>" in html_document.content
