"""The relevance gate: event verbs in a product guide are no events; news keeps its events.

Texts are written for these tests.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from event_support import events

from sitrep.analyze import Analyzer
from sitrep.analyze.coder.relevance import MIN_SENTENCES, load_terms
from sitrep.errors import AnalysisError

GUIDE = (
    "Choosing a rowing machine is easier than it looks. "
    "Most buyers want a quiet flywheel and a seat that slides smoothly. "
    "Our testers attacked each model with a month of daily workouts. "
    "The best machines help beginners build endurance without hurting their backs. "
    "Brands increasingly offer apps that join classes to your training plan. "
    "Expect to pay more for a water resistance tank, which many reviewers prefer."
)

NEWS = (
    "Government troops shelled rebel positions near the northern town of Kidal on Monday. "
    "The army said the rebels had attacked a convoy of soldiers the day before. "
    "The opposition accused the junta of killing civilians in the strikes. "
    "The United Nations called on both sides to respect the ceasefire. "
    "Neighbouring Niger offered to host talks between the government and the rebels."
)


def test_a_product_guide_has_no_events(analyzer: Analyzer) -> None:
    assert events(analyzer, GUIDE) == []


def test_a_conflict_report_keeps_its_events(analyzer: Analyzer) -> None:
    found = {e.type for e in events(analyzer, NEWS)}
    assert {"ASSAULT", "ACCUSE", "REQUEST"} <= found


def test_a_public_affairs_sentence_survives_in_a_guide(analyzer: Analyzer) -> None:
    text = GUIDE + " Last year the Pentagon awarded a contract to the firm for military gyms."
    kept = events(analyzer, text)
    assert kept and all("Pentagon" in e.sentence for e in kept)


def test_a_short_text_is_not_judged(analyzer: Analyzer) -> None:
    # Too short to tell a guide from the news: coded as it stands.
    complaint = "Customers accused the airline of hiding fees."
    assert MIN_SENTENCES > 1
    assert [e.type for e in events(analyzer, complaint)] == ["ACCUSE"]
    # In a long text that is not about public affairs, the same sentence is no event.
    assert events(analyzer, GUIDE + " " + complaint) == []


def test_terms_are_whole_words_and_phrases() -> None:
    terms = load_terms()
    assert terms.in_text("Troops crossed the border.")
    assert terms.in_text("a cease-fire was agreed") and terms.in_text("a ceasefire held")
    assert terms.in_text("the Security Council met") and not terms.in_text("a security update")
    assert not terms.in_text("a warranty on every warehouse")      # "war" is a whole word
    assert not terms.in_text("a third-party app")                  # "party" is left out


def test_the_terms_file_is_checked(tmp_path: Path) -> None:
    bad = tmp_path / "terms.yaml"
    bad.write_text("about: x\ngroups:\n  state: [Minister]\n", encoding="utf-8")
    with pytest.raises(AnalysisError, match="lower-case"):
        load_terms(bad)
    bad.write_text("about: x\ngroups: {}\nextra: 1\n", encoding="utf-8")
    with pytest.raises(AnalysisError):
        load_terms(bad)


def test_role_words_in_other_senses_are_not_actors_outside_the_news(
        analyzer: Analyzer) -> None:
    from sitrep.models import Article

    guide = GUIDE + (" Business intelligence units help stores plan their stock."
                     " Our advisors and agents answer questions seven days a week.")
    found = analyzer.analyze(Article(origin="guide", text=guide)).actors
    assert not [a for a in found if a.sector in {"SPY", "MIL", "GOV"}]
    news = analyzer.analyze(Article(origin="news", text=NEWS)).actors
    assert {"MIL", "REB"} <= {a.sector for a in news}


def test_the_gate_can_be_turned_off() -> None:
    from sitrep.settings import Settings

    ungated = Analyzer(Settings(relevance=False, parse=False))
    assert "sitrep_relevance" not in ungated.nlp.pipe_names
    assert events(ungated, GUIDE + " Customers accused the airline of hiding fees.")


def test_terms_found_from_their_start_words_as_by_reading_every_word() -> None:
    """``found_at`` tries only the words ``starts_in`` lists (terms and first words of
    terms): the same answer as ``found_in`` for every stretch of the words."""
    terms = load_terms()
    multi = [(first, *rest) for first, rests in terms.multi.items() for rest in rests]
    vocabulary = ["the", "of", "-", "and", "minister", "said", "x", *sorted(terms.single)[:8],
                  *(word for phrase in multi[:12] for word in phrase)]
    rng = random.Random(29)
    for _ in range(300):
        words = [rng.choice(vocabulary) for _ in range(rng.randint(0, 30))]
        starts = terms.starts_in(words)
        for _ in range(10):
            start = rng.randint(0, len(words))
            end = rng.randint(start, len(words))
            assert terms.found_at(words, starts, start, end) == \
                terms.found_in(words, start, end), (words, start, end)
