"""The flagship sample (../shared, third-party text: read, never copied)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitrep.analyze import Analyzer
from sitrep.models import Analysis, Article

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def flagship(shared_dir: Path, analyzer: Analyzer) -> Analysis:
    text = (shared_dir / "samples" / "alaska-summit.txt").read_text(encoding="utf-8")
    return analyzer.analyze(Article(origin="alaska-summit.txt", text=text,
                                    published=date(2025, 8, 13)))


def test_six_leaders(flagship: Analysis) -> None:
    leaders = {(a.country, a.kind, a.sector) for a in flagship.actors
               if a.kind == "person"}
    for country in ("USA", "RUS", "UKR", "DEU", "GBR", "FRA"):
        assert (country, "person", "GOV") in leaders
    by_country = {a.country: a for a in flagship.actors if a.kind == "person"}
    putin_mentions = [m.text for m in by_country["RUS"].mentions]
    assert "Kremlin leader" in putin_mentions
    assert "he" in [m.text for m in by_country["USA"].mentions]


def test_offsets(flagship: Analysis) -> None:
    text = flagship.article.text
    for actor in flagship.actors:
        for mention in actor.mentions:
            assert text[mention.start:mention.end] == mention.text
    for event in flagship.events:
        assert text[event.start:event.end] == event.sentence
    for quote in flagship.quotes:
        assert text[quote.start:quote.end] == quote.text


def test_meeting_demands_refusals(flagship: Analysis) -> None:
    events = flagship.events
    meeting = [e for e in events if e.trigger == "meet"]
    assert meeting and meeting[0].date is not None and meeting[0].date.value == "2025-08-15"
    assert any(e.type == "REQUEST" and [a.country for a in e.source] == ["RUS"]
               and "UKR" in [a.country for a in e.target] for e in events)
    refusals = [e for e in events if e.type == "REJECT"
                and [a.country for a in e.source] == ["UKR"]]
    assert {e.trigger for e in refusals} >= {"recognize", "withdraw"}
    assert not any(e.type == "AGREE" and not e.negated and e.trigger == "recognize"
                   for e in events)


def test_quotes(flagship: Analysis) -> None:
    speakers = {q.speaker.country for q in flagship.quotes if q.speaker}
    assert "USA" in speakers
    assert not any("Coalition of the Willing" in q.text for q in flagship.quotes)
    direct = [q for q in flagship.quotes if q.direct]
    assert direct and direct[0].speaker is not None and direct[0].speaker.country == "USA"
