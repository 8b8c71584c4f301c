"""Checks on the bundled sample corpus and on the project's PLOVER sentence sets.

The sample corpus (``src/sitrep/data/samples/``) feeds ``sitrep demo`` and other packages' tests,
so a broken file there breaks the first thing a new user runs: every article must parse with
ordinary tools and carry a title and a publication date. The sentence sets in ``bench/data/``
are the gold standard for the event coder; a schema slip (an unknown sector, an actor text that
is not in its sentence) would silently lower or inflate the measured figure, so they are
validated field by field here.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime
from html.parser import HTMLParser
from importlib.resources import files
from itertools import combinations
from pathlib import Path
from typing import Any, Literal

import feedparser
import pytest
from dateutil import parser as dateparser
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

REPO = Path(__file__).resolve().parents[2]
SAMPLES = Path(str(files("sitrep").joinpath("data", "samples")))
BENCH_DATA = REPO / "bench" / "data"

EXAMPLE_HOST = re.compile(r"^(?:[a-z0-9-]+\.)*example\.(?:com|org|net)$")
FIRST_DATE, LAST_DATE = date(2025, 1, 1), date(2026, 12, 31)

# ----------------------------------------------------------------------------------------------
# Reading the corpus: one small reader per format, each yielding (origin, title, published, body).
# ----------------------------------------------------------------------------------------------


class _PageReader(HTMLParser):
    """Collects what a page says about itself: <title>, <meta>, JSON-LD and its visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.meta: dict[str, str] = {}
        self.json_ld: list[Any] = []
        self.visible: list[str] = []
        self._in: str | None = None
        self._buffer: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        if tag == "meta":
            key = attributes.get("property") or attributes.get("name")
            if key:
                self.meta[key] = attributes.get("content", "")
        elif tag == "title" or (tag == "script"
                                and attributes.get("type") == "application/ld+json"):
            self._in, self._buffer = tag, []
        elif tag in {"script", "style"}:
            self._in, self._buffer = "skip", []

    def handle_endtag(self, tag: str) -> None:
        if self._in == "title" and tag == "title":
            self.title = "".join(self._buffer).strip()
        elif self._in == "script" and tag == "script":
            self.json_ld.append(json.loads("".join(self._buffer)))
        if tag in {"title", "script", "style"}:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in is None:
            self.visible.append(data)
        elif self._in != "skip":
            self._buffer.append(data)


def read_page(path: Path) -> _PageReader:
    reader = _PageReader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    return reader


def strip_tags(markup: str) -> str:
    return re.sub(r"<[^>]+>", " ", markup)


def wire_records() -> list[dict[str, Any]]:
    lines = (SAMPLES / "wire.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def feed() -> Any:
    return feedparser.parse((SAMPLES / "feed.xml").read_bytes())


def html_pages() -> list[Path]:
    return sorted((SAMPLES / "pages").glob("*.html"))


def text_files() -> list[Path]:
    return sorted(SAMPLES.glob("*.txt"))


def all_articles() -> Iterator[tuple[str, str, date, str]]:
    """Every sample article as (origin, title, publication date, body text)."""
    for number, rec in enumerate(wire_records(), 1):
        published = date.fromisoformat(rec["published"])
        yield f"wire.jsonl#{number}", rec["title"], published, rec["text"]
    for path in html_pages():
        page = read_page(path)
        published = datetime.fromisoformat(page.meta["article:published_time"]).date()
        yield path.name, page.meta["og:title"], published, " ".join(page.visible)
    for number, entry in enumerate(feed().entries, 1):
        published = date(*entry.published_parsed[:3])
        yield f"feed.xml#{number}", entry.title, published, strip_tags(entry.content[0].value)
    for path in text_files():
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        published = dateparser.parse(lines[1], fuzzy=True).date()
        yield path.name, lines[0], published, "\n".join(lines[2:])


def words(text: str) -> list[str]:
    return re.findall(r"[\w'’-]+", text.lower())


# ----------------------------------------------------------------------------------------------
# The corpus
# ----------------------------------------------------------------------------------------------


def test_corpus_size_and_formats() -> None:
    articles = list(all_articles())
    assert 20 <= len(articles) <= 40
    assert len(wire_records()) >= 10
    assert len(html_pages()) >= 5
    assert len(feed().entries) == 5
    assert len(text_files()) >= 1
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    assert "not news reports" in readme and "Apache-2.0" in readme


def test_wire_records_have_exactly_the_documented_keys() -> None:
    for number, rec in enumerate(wire_records(), 1):
        assert set(rec) == {"url", "title", "text", "published"}, f"wire.jsonl#{number}"
        assert all(isinstance(rec[key], str) and rec[key].strip() for key in rec)
        date.fromisoformat(rec["published"])  # ISO date, raises otherwise
        assert len(words(rec["text"])) in range(150, 401), f"wire.jsonl#{number} length"
        assert "\n\n" in rec["text"], "paragraphs are separated by a blank line"


@pytest.mark.parametrize("path", html_pages(), ids=lambda p: p.name)
def test_html_page_carries_title_date_and_author(path: Path) -> None:
    page = read_page(path)
    og_title = page.meta["og:title"]
    site_name = page.title.rsplit(" | ", 1)[1]
    assert page.title == f"{og_title} | {site_name}"
    published = datetime.fromisoformat(page.meta["article:published_time"])
    assert published.tzinfo is not None
    assert page.meta["author"].strip()
    for block in page.json_ld:
        items = block.get("@graph", [block])
        article = next(item for item in items if item["@type"] == "NewsArticle")
        assert article["headline"] == og_title
        assert datetime.fromisoformat(article["datePublished"]) == published


def test_html_pages_come_from_three_outlets_with_page_chrome() -> None:
    pages = [read_page(path) for path in html_pages()]
    assert len({page.meta["og:site_name"] for page in pages}) == 3
    assert sum(1 for page in pages if page.json_ld) >= 2
    for path, page in zip(html_pages(), pages, strict=True):
        visible = " ".join(page.visible).lower()
        for chrome in ("cookie", "related stories", "share"):
            assert chrome in visible, f"{path.name} lacks {chrome!r}"
        assert re.search(r'<nav\b|id="topnav"', path.read_text(encoding="utf-8")), path.name


def test_feed_is_well_formed_rss_with_full_text() -> None:
    parsed = feed()
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    for entry in parsed.entries:
        assert entry.title and entry.link and entry.published_parsed
        assert re.search(r"[+-]\d{4}$|GMT$", entry.published), "RFC 822 pubDate"
        body = strip_tags(entry.content[0].value)
        assert len(words(body)) in range(150, 401), entry.link


def test_text_article_has_headline_first_and_chrome_last() -> None:
    for path in text_files():
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        assert not lines[0].endswith("."), "the first line is a headline, not a sentence"
        tail = " ".join(lines[-25:])
        for chrome in ("Subscribe", "Leave a comment", "Related"):
            assert chrome in tail, f"{path.name} lacks trailing {chrome!r}"


def test_every_article_has_a_title_and_a_date_in_range() -> None:
    for origin, title, published, body in all_articles():
        assert title.strip(), origin
        assert FIRST_DATE <= published <= LAST_DATE, origin
        assert body.strip(), origin


def test_links_point_at_made_up_example_domains() -> None:
    urls = [rec["url"] for rec in wire_records()]
    urls += [entry.link for entry in feed().entries]
    urls += [read_page(path).meta.get("og:url", "https://x.example.com/") for path in html_pages()]
    for url in urls:
        host = re.sub(r"^https?://([^/]+)/.*$", r"\1", url)
        assert EXAMPLE_HOST.match(host), url


def _shingles(text: str, size: int = 5) -> set[tuple[str, ...]]:
    tokens = words(text)
    return {tuple(tokens[i:i + size]) for i in range(len(tokens) - size + 1)}


def test_corpus_holds_exactly_two_syndicated_copies() -> None:
    """Two stories are re-published with a new headline and a couple of changed words;
    nothing else is that close, so near-duplicate folding has a clear right answer."""
    articles = [(origin, title, _shingles(body)) for origin, title, _, body in all_articles()]
    close = []
    for (origin_a, title_a, a), (origin_b, title_b, b) in combinations(articles, 2):
        containment = len(a & b) / min(len(a), len(b))
        if containment > 0.5:
            close.append((origin_a, origin_b, containment))
            assert title_a != title_b
            assert 0.85 < containment < 1.0, (origin_a, origin_b, containment)
    assert len(close) == 2, close


def test_story_thread_spans_several_weeks_and_formats() -> None:
    """The demo brief needs a thread to draw a timeline: some name must recur in at least five
    articles within two months (and mostly there, unlike "Secretary" or "UN", which recur all
    year), spread over four weeks or more and three formats."""
    dated: dict[str, list[tuple[date, str]]] = {}
    articles = list(all_articles())
    for origin, _, published, body in articles:
        kind = origin.split("#")[0].rsplit(".", 1)[-1]
        for name in set(re.findall(r"\b[A-Z][A-Za-z0-9]{1,}\b", body)):
            dated.setdefault(name, []).append((published, kind))
    threads = []
    for name, mentions in dated.items():
        if len(mentions) > len(articles) // 3:
            continue  # a word of every story ("President", "Thursday"), not a thread
        mentions.sort()
        for start, _ in mentions:
            window = [(d, kind) for d, kind in mentions if 0 <= (d - start).days <= 60]
            span = (window[-1][0] - start).days
            concentrated = 3 * len(window) >= 2 * len(mentions)
            if (len(window) >= 5 and concentrated and span >= 28
                    and len({kind for _, kind in window}) >= 3):
                threads.append(name)
                break
    assert threads


def test_quotes_use_straight_and_curly_marks() -> None:
    bodies = " ".join(body for *_, body in all_articles())
    assert len(re.findall(r'"[^"]{10,}"', bodies)) >= 10
    assert len(re.findall(r"“[^”]{10,}”", bodies)) >= 5


# ----------------------------------------------------------------------------------------------
# The PLOVER sentence sets
# ----------------------------------------------------------------------------------------------

MODES: dict[str, frozenset[str]] = {
    "AGREE": frozenset(),
    "CONSULT": frozenset({"visit", "third-party", "multilateral", "phone"}),
    "SUPPORT": frozenset(),
    "CONCEDE": frozenset(),
    "COOPERATE": frozenset(),
    "AID": frozenset(),
    "RETREAT": frozenset({"withdraw", "release", "disarm", "ceasefire", "access", "resign"}),
    "REQUEST": frozenset({"assist", "change", "yield", "meet"}),
    "ACCUSE": frozenset({"disapprove", "investigate", "allege"}),
    "REJECT": frozenset({"assist", "change", "yield", "meet"}),
    "THREATEN": frozenset({"restrict", "arrest", "relations", "expel", "territory", "violence"}),
    "PROTEST": frozenset({"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"}),
    "SANCTION": frozenset({"convict", "expel", "withdraw", "discontinue"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police", "militia"}),
    "COERCE": frozenset({"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport",
                         "withhold", "misinformation", "cyber"}),
    "ASSAULT": frozenset({"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive",
                          "firearms", "explosives", "suicide-attack", "aerial", "drone",
                          "heavy-weapons", "crowd-control", "unconventional"}),
}
"""PLOVER's 16 event types and the modes the manual's tables define for each."""

SECTORS = frozenset({
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK",
    "AGR", "BUS", "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL",
    "SOC",
})
"""The actor sector codes of the PLOVER manual ("Country Names and Sector Codes")."""


class GoldActor(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    text: str = Field(min_length=1)
    country: str = Field(pattern=r"^[A-Z]{3}$")
    sector: str | None

    @field_validator("sector")
    @classmethod
    def _plover_sector(cls, value: str | None) -> str | None:
        if value is not None and value not in SECTORS:
            raise ValueError(f"unknown PLOVER sector {value!r}")
        return value

    @field_validator("text")
    @classmethod
    def _no_leading_article(cls, value: str) -> str:
        if value != value.strip() or value.lower().startswith("the "):
            raise ValueError("actor text is the phrase without a leading article or spaces")
        return value


class GoldSentence(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    id: str = Field(pattern=r"^(dev|dev2|heldout|ho3)-\d{4}$")
    text: str = Field(min_length=20)
    date: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    event: Literal["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                   "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                   "COERCE", "ASSAULT"]
    mode: str | None
    negated: bool
    source: list[GoldActor]
    target: list[GoldActor]


def load_gold(name: str) -> list[GoldSentence]:
    """Parse one sentence file; errors name the line and field, never the sentence, so that
    running the tests does not show held-out sentences to whoever develops the coder."""
    path = BENCH_DATA / name
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            records.append(GoldSentence.model_validate(json.loads(line)))
        except json.JSONDecodeError:
            raise AssertionError(f"{name} line {number}: not JSON") from None
        except ValidationError as exc:
            first = exc.errors()[0]
            raise AssertionError(f"{name} line {number}: {first['loc']}: {first['msg']}") from None
    return records


@pytest.mark.parametrize("name", ["sentences-dev.jsonl", "sentences-dev2.jsonl",
                                  "sentences-heldout.jsonl"])
def test_gold_sentences_follow_the_schema(name: str) -> None:
    records = load_gold(name)
    problems: list[str] = []  # ids only: see load_gold
    if len({r.id for r in records}) != len(records):
        problems.append("duplicate ids")
    if len({r.text for r in records}) != len(records):
        problems.append("repeated sentences")
    for r in records:
        if not FIRST_DATE <= date.fromisoformat(r.date) <= LAST_DATE:
            problems.append(f"{r.id}: date out of range")
        if r.mode is not None and r.mode not in MODES[r.event]:
            problems.append(f"{r.id}: mode is not one of {r.event}'s")
        if not (r.source or r.target):
            problems.append(f"{r.id}: no actor at all")
        if any(actor.text not in r.text for actor in r.source + r.target):
            problems.append(f"{r.id}: an actor text is not in the sentence")
    assert not problems, problems


def test_dev_set_is_balanced_over_the_sixteen_types() -> None:
    records = load_gold("sentences-dev.jsonl")
    counts = Counter(r.event for r in records)
    assert set(counts) == set(MODES)
    assert min(counts.values()) >= 10, counts
    assert 200 <= len(records) <= 300


def test_dev_set_varies_its_grammar() -> None:
    """The coder must meet passives, compound actors and negation, not only 'X verbed Y'."""
    records = load_gold("sentences-dev.jsonl")
    assert sum(r.negated for r in records) >= 10
    assert sum(len(r.source) > 1 for r in records) >= 20
    assert sum(bool(re.search(r"\b(?:was|were)\s+\w+ed\b.*\bby\b", r.text)) for r in records) >= 10
    assert sum(r.mode is not None for r in records) >= len(records) // 2


def test_heldout_set_covers_every_type() -> None:
    counts = Counter(r.event for r in load_gold("sentences-heldout.jsonl"))
    assert set(counts) == set(MODES)
    assert sum(counts.values()) in range(60, 101)
