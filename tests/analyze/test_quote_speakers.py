"""Who said a quote, in the harder layouts (sitrep.analyze.quotes), on sentences written
for these tests: the cue nearest the quote, a second verb of the same subject, a speaker
with a place or body after it, quotes of several sentences or paragraphs, and verbs that
frame a partial quote as a judgement."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.analyze import Analyzer
from sitrep.analyze.quotes import find_quoted
from sitrep.models import Article, Quote

ON = date(2025, 8, 13)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def speakers(analyzer: Analyzer, text: str) -> list[tuple[str | None, str]]:
    """(speaker name, start of the quote) per quote."""
    quotes: list[Quote] = analyzer.analyze(
        Article(origin="test", text=text, published=ON)).quotes
    return [(q.speaker.name if q.speaker else None, q.text[:12]) for q in quotes]


def test_a_second_verb_shares_the_subject_not_the_object(analyzer: Analyzer) -> None:
    text = ("Kenyan President William Ruto received the two envoys and called the accord "
            "\"a turning point for the region\". \"They argued for years. Now they will trade,\" "
            "Ruto told a news conference.")
    assert [name for name, _ in speakers(analyzer, text)] == ["William Ruto", "William Ruto"]


def test_a_speaker_described_by_a_place_or_body_after_it(analyzer: Analyzer) -> None:
    text = ("\"Nobody pays us to march,\" a student from the University of Zagreb told "
            "reporters.")
    assert speakers(analyzer, text)[0][0] == "student"


def test_a_judgement_verb_frames_a_partial_quote(analyzer: Analyzer) -> None:
    text = ("German Chancellor Friedrich Merz condemned the strike as \"a deliberate attack "
            "on civilians\".")
    assert speakers(analyzer, text) == [("Friedrich Merz", "a deliberate")]


def test_an_object_after_a_later_verb_is_no_inverted_speaker(analyzer: Analyzer) -> None:
    text = ("Foreign Minister Radosław Sikorski said the measures were \"long overdue\" and "
            "would \"change nothing on the ground\", and accused Hungary of stalling.")
    assert ("Radosław Sikorski", "change nothi") in speakers(analyzer, text)


def test_a_quote_of_several_sentences_takes_the_cue_after_it(analyzer: Analyzer) -> None:
    text = ("French President Emmanuel Macron praised the deal and criticised Hungary, saying "
            "its veto had cost months. \"We waited. We argued. Now we act,\" Macron told "
            "reporters.")
    assert speakers(analyzer, text)[0][0] == "Emmanuel Macron"


def test_a_straight_quote_runs_on_across_paragraphs() -> None:
    text = ("The envoy spoke. \"The first paragraph has no closing mark.\n"
            "\"The second one closes,\" she said.")
    outer = [q for q in find_quoted(text) if not q.nested]
    assert len(outer) == 1
    body = text[outer[0].start:outer[0].end]
    assert body.startswith("The first") and body.endswith("closes,")
