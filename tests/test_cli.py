"""The command line, end to end, in-process (Typer's CliRunner) against temporary SQLite
databases: the two paths a new user takes first (demo, brief FILE) and the contracts other
programs rely on (JSON shapes, --jsonl ids, exit codes, one-line errors)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app

runner = CliRunner()

WIRE = (
    "BRUSSELS — The European Union on Monday imposed sanctions on three shipping firms "
    "accused of carrying Russian oil above the price cap, officials said. "
    "Foreign ministers agreed the measures at a meeting in Brussels."
)


@pytest.fixture()
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("SITREP_DATABASE_URL", url)
    monkeypatch.setenv("SITREP_WORKERS", "1")
    return url


def _jsonl(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_demo_ingests_samples_and_prints_a_brief(db: str) -> None:
    first = runner.invoke(app, ["demo"])
    assert first.exit_code == 0, first.output
    assert "Key actors" in first.stdout and "Events by actor pair" in first.stdout
    assert "near-duplicate copies" in first.stderr
    again = runner.invoke(app, ["demo"])
    assert again.exit_code == 0
    assert "ingested 0 new" in again.stderr, "re-ingest must store nothing new"
    status = json.loads(runner.invoke(app, ["status"]).stdout)
    assert status["copies"] >= 2 and status["articles"] >= 20


def test_ingest_reports_each_bad_input_and_keeps_going(db: str, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(WIRE, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "photo.html"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    result = runner.invoke(app, ["ingest", str(good), str(empty), str(binary),
                                 str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 3
    for name in ("empty.txt", "photo.html", "missing.txt"):
        assert sum(name in line for line in errors) == 1
    assert "ingested 1 new" in result.stderr
    hits = runner.invoke(app, ["search", "shipping", "--json"])
    assert [h["origin"] for h in _jsonl(hits.stdout)] == [str(good)]


def test_extract_prints_the_documented_shape(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Ministers agree sanctions | Harbour Post</title>"
        '<meta property="article:published_time" content="2026-02-09T08:00:00Z">'
        '<meta name="author" content="Ana Ortiz"></head><body><nav>Home | World</nav>'
        f"<article><h1>Ministers agree sanctions</h1><p>{WIRE}</p><p>{WIRE}</p></article>"
        "</body></html>", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(page)])
    assert result.exit_code == 0, result.output
    [doc] = _jsonl(result.stdout)
    assert set(doc) == {"path", "title", "authors", "published", "language", "text"}
    assert doc["published"] == "2026-02-09"
    assert doc["title"] == "Ministers agree sanctions"
    assert "Home | World" not in str(doc["text"])


def test_analyze_jsonl_keeps_ids_and_flags_bad_lines(tmp_path: Path) -> None:
    lines = tmp_path / "s.jsonl"
    lines.write_text(
        json.dumps({"id": "s1", "text": "Russian troops attacked Ukrainian positions near "
                    "Pokrovsk on Tuesday.", "date": "2025-08-13"}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "s3", "text": "France and Germany signed a defence pact."}) + "\n",
        encoding="utf-8")
    result = runner.invoke(app, ["analyze", "--jsonl", str(lines)])
    assert result.exit_code == 1
    rows = _jsonl(result.stdout)
    assert [r.get("id") for r in rows] == ["s1", None, "s3"]
    assert set(rows[0]) == {"id", "article", "actors", "events", "quotes"}
    assert "error" in rows[1]
    assault = [e for e in rows[0]["events"] if e["type"] == "ASSAULT"]  # type: ignore[union-attr]
    assert assault and assault[0]["source"][0]["country"] == "RUS"
    assert assault[0]["date"]["value"] == "2025-08-12"


def test_actor_resolve_single_and_batch(tmp_path: Path) -> None:
    one = runner.invoke(app, ["actor", "resolve", "Armenian Prime Minister",
                              "--date", "2024-03-01"])
    assert json.loads(one.stdout) == {"name": "Nikol Pashinyan", "country": "ARM",
                                      "sector": "GOV", "kind": "person"}
    batch = tmp_path / "a.jsonl"
    batch.write_text("\n".join(json.dumps(r) for r in [
        {"id": 1, "text": "the Kremlin"},
        {"id": 2, "text": "American warplanes"},
        {"id": 3, "text": "the Russian president", "date": "2010-05-01"},
    ]), encoding="utf-8")
    rows = _jsonl(runner.invoke(app, ["actor", "resolve", "--jsonl", str(batch)]).stdout)
    assert [(r["id"], r["country"], r["sector"]) for r in rows] == [
        (1, "RUS", "GOV"), (2, "USA", "MIL"), (3, "RUS", "GOV")]
    assert rows[2]["name"] == "Dmitry Medvedev"


def test_bad_date_option_is_a_usage_error(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text(WIRE, encoding="utf-8")
    result = runner.invoke(app, ["brief", str(text), "--date", "13/45/2025"])
    assert result.exit_code == 2
    assert "13/45/2025" in result.stderr and "Traceback" not in result.output


def test_brief_of_a_stored_corpus_filters_by_actor(db: str) -> None:
    assert runner.invoke(app, ["demo"]).exit_code == 0
    result = runner.invoke(app, ["brief", "--actor", "Zelensk", "--format", "json"])
    assert result.exit_code == 0, result.output
    brief = json.loads(result.stdout)
    assert brief["articles"] >= 1
    assert any("Zelensk" in a["name"] for a in brief["actors"])


@pytest.mark.shared
def test_flagship_brief(shared_dir: Path) -> None:
    sample = shared_dir / "samples" / "alaska-summit.txt"
    result = runner.invoke(app, ["brief", str(sample), "--date", "2025-08-13",
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    brief = json.loads(result.stdout)
    leaders = {(a["name"], a["country"]) for a in brief["actors"] if a["kind"] == "person"}
    for expected in [("Donald Trump", "USA"), ("Vladimir Putin", "RUS"),
                     ("Volodymyr Zelenskyy", "UKR"), ("Friedrich Merz", "DEU"),
                     ("Keir Starmer", "GBR"), ("Emmanuel Macron", "FRA")]:
        assert expected in leaders
    meeting = [i for g in brief["groups"] for i in g["items"]
               if "Alaska" in i["sentence"] and i["date"] == "2025-08-15"]
    assert meeting
    text = runner.invoke(app, ["brief", str(sample), "--date", "2025-08-13"]).stdout
    for chrome in ("Subscribe", "Leave a comment", "Continue reading"):
        assert chrome not in text
    speakers = {q["speaker"] for q in brief["quotes"]}
    assert "Donald Trump" in speakers
