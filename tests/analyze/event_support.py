"""How the coder tests run a sentence: every event found in it, or its answer (the
highest-confidence event, as ``sitrep eval plover`` scores it), as of a publication date."""

from __future__ import annotations

from datetime import date

from sitrep.analyze import Analyzer
from sitrep.analyze.evaluate import best_event
from sitrep.models import Article, Event

__all__ = ["ON", "events", "top"]

ON = date(2025, 8, 13)


def events(analyzer: Analyzer, text: str, published: date = ON) -> list[Event]:
    """Every event ``analyzer`` finds in ``text`` published on ``published``."""
    return analyzer.analyze(Article(origin="test", text=text, published=published)).events


def top(analyzer: Analyzer, text: str, published: date = ON) -> Event:
    """The sentence's answer; a sentence with no event fails the test that asked."""
    found = best_event(events(analyzer, text, published))
    assert found is not None, text
    return found
