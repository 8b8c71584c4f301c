"""Scope of a trigger's clause: dateline and side-clause places, future "until" clauses,
relative clauses on the object, and a rebel group's country's army (sentences written for
these tests)."""

from __future__ import annotations

from sitrep.analyze.coder.irrealis import irrealis
from sitrep.analyze.coder.refine import place_target, trigger_clause, visit_roles
from sitrep.models import ActorRef, Place


def _clause(sentence: str, trigger: str) -> str:
    at = sentence.index(trigger)
    start, end = trigger_clause(sentence, at, at + len(trigger))
    return sentence[start:end]


def test_dateline_and_subordinate_place_are_outside_the_clause() -> None:
    sentence = "KHARTOUM, March 3 — The army declared a truce after talks in Jeddah resumed."
    clause = _clause(sentence, "declared")
    assert "Jeddah" not in clause and "KHARTOUM" not in clause
    assert "Kharkiv" in _clause("The army withdrew from positions in Kharkiv.", "withdrew")


def test_place_target_needs_a_clause_place() -> None:
    assert place_target("RETREAT", (), None) == ()
    odesa = Place("Odesa", "UKR")
    assert place_target("RETREAT", (), odesa) == (ActorRef("Odesa", "UKR", None),)


def _irrealis(sentence: str, trigger: str) -> str | None:
    words = sentence.replace(".", " .").split()
    lower = [w.lower() for w in words]
    return irrealis(lower, words, 0, 0, lower.index(trigger), False)


def test_future_until_clause_is_a_condition() -> None:
    assert _irrealis("Monitors will not go back until the council condemns the raids .",
                     "condemns") == "condition"
    assert _irrealis("The miners would stay underground unless the firm raised wages .",
                     "raised") == "condition"


def test_past_until_clause_happened() -> None:
    assert _irrealis("The militia held the bridge until the army withdrew .",
                     "withdrew") is None
    assert _irrealis("Until the army withdraws , the militia will hold the bridge .",
                     "hold") is None


def test_rebel_group_hands_weapons_to_the_national_army() -> None:
    rebels = (ActorRef("Militia", "LBN", "REB"),)
    army = (ActorRef("Lebanese army", "LBN", "MIL"),)
    assert visit_roles("RETREAT", "hand", rebels, army) == (rebels, army)
    state = (ActorRef("Lebanon", "LBN", "GOV"),)
    assert visit_roles("MOBILIZE", "deploy", state, army) == (state, ())


def test_relative_clause_subject_is_not_the_struck_target() -> None:
    from datetime import date

    from sitrep.analyze import Analyzer
    from sitrep.models import Article

    text = "Turkey shelled depots that the UN had inspected."
    analysis = next(iter(Analyzer().analyze_many(
        [Article(origin="t", text=text, published=date(2026, 1, 1))])))
    shelled = [e for e in analysis.events if e.type == "ASSAULT"]
    assert shelled and not any("United Nations" in a.name for e in shelled for a in e.target)
