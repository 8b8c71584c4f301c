"""Background places: those in a participle, relative or opening subordinate clause."""

from __future__ import annotations

from datetime import date

from sitrep.analyze import analyze_text
from sitrep.analyze.place_clauses import in_background_clause
from sitrep.analyze.places import find_places


def _background(sentence: str) -> dict[str, bool]:
    return {sentence[p.start:p.end]: in_background_clause(sentence, 0, p)
            for p in find_places(sentence)}


def test_reduced_relative_after_the_main_verb_is_background() -> None:
    assert _background("Farmers blocked roads in Lilongwe to protest a trade deal signed "
                       "in Washington last year.") == {"Lilongwe": False, "Washington": True}


def test_relative_clause_with_its_auxiliary_is_background() -> None:
    assert _background("Students marched against a pact that was signed in Canberra.") == {
        "Canberra": True}


def test_main_clause_verbs_are_foreground() -> None:
    assert _background("Journalists were detained in Mogadishu.") == {"Mogadishu": False}
    assert _background("The army attacked in Goma on Monday.") == {"Goma": False}


def test_opening_subordinate_clause_is_background_up_to_its_comma() -> None:
    assert _background("After talks in Cairo failed, troops moved into Rafah.") == {
        "Cairo": True, "Rafah": False}


def test_an_event_is_not_located_in_a_background_clause_place() -> None:
    text = ("The two governments freed 40 detainees on Tuesday, the first step under "
            "the truce signed in Nairobi last month.")
    freed = [e for e in analyze_text(text, date(2026, 4, 2)).events if e.trigger == "freed"]
    assert freed and all(e.location is None for e in freed)
    text = "Police detained 40 protesters in Kampala on Tuesday."
    detained = [e for e in analyze_text(text, date(2026, 4, 2)).events
                if e.trigger == "detained"]
    assert detained and detained[0].location is not None
    assert detained[0].location.country == "UGA"
