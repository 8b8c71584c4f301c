"""Who did it and to whom when a participle names its agent, a possessive names the owner
of forces, a time is the possessor, or a time word is misparsed into a list (arguments.py,
events.py, refine.py, coref.py). The sentences are written for these tests."""

from __future__ import annotations

from event_support import events

from sitrep.analyze import Analyzer
from sitrep.models import Event


def _named(analyzer: Analyzer, text: str, trigger: str) -> Event:
    found = [e for e in events(analyzer, text) if e.trigger == trigger]
    assert found, f"no event on {trigger!r} in {text!r}"
    return found[0]


def _names(side: tuple[object, ...]) -> list[str]:
    return [getattr(a, "name", "") for a in side]


def test_a_participle_with_its_agent_is_done_by_the_agent(analyzer: Analyzer) -> None:
    event = _named(analyzer, "The Red Cross said it had flown home 40 Congolese soldiers "
                   "freed by the rebels last week.", "freed")
    assert event.type == "RETREAT"
    assert _names(event.source) == ["rebels"]
    assert [a.country for a in event.target] == ["COD"]


def test_a_state_releasing_rebels_of_its_country_releases_another_party(
        analyzer: Analyzer) -> None:
    event = _named(analyzer, "Kinshasa released 50 M23 members on Tuesday.", "released")
    assert [a.country for a in event.source] == ["COD"]
    assert [(a.name, a.sector) for a in event.target] == [("M23", "REB")]


def test_a_conjunct_of_a_time_is_no_target(analyzer: Analyzer) -> None:
    event = _named(analyzer, "Niger's government suspended two French radio stations on "
                   "Monday and police detained a reporter.", "suspended")
    assert "police" not in _names(event.target)


def test_forces_withdrawn_from_a_country_are_not_its_own(analyzer: Analyzer) -> None:
    event = _named(analyzer, "Russia must withdraw troops from Ukraine.", "withdraw")
    assert [a.country for a in event.target] == ["UKR"]
    assert _names(event.target) != ["troops"]


def test_its_troops_belong_to_the_one_told_to_withdraw_them(analyzer: Analyzer) -> None:
    found = events(analyzer, "The Security Council called on Rwanda to withdraw its troops "
                   "from Congo.")
    retreat = next(e for e in found if e.type == "RETREAT")
    assert [a.country for a in retreat.source] == ["RWA"]
    assert [a.country for a in retreat.target] == ["COD"]


def test_a_time_as_possessor_leaves_the_act_without_a_doer(analyzer: Analyzer) -> None:
    found = events(analyzer, "Police fired tear gas at protesters as they marked the "
                   "anniversary of last year's storming of parliament.")
    storming = [e for e in found if e.trigger == "storming"]
    assert all(not e.source for e in storming)


def test_an_object_that_is_no_actor_takes_no_actor_past_the_comma(
        analyzer: Analyzer) -> None:
    event = _named(analyzer, "Thousands of people marched through central Tbilisi to demand "
                   "new elections, in the largest rally since student-led protests began.",
                   "demand")
    assert not event.target


def test_a_list_after_an_object_actor_stays_the_target(analyzer: Analyzer) -> None:
    event = _named(analyzer, "The general rejected a call by the mediators, the United "
                   "States, Egypt and Qatar, for a truce.", "rejected")
    assert {"USA", "EGY", "QAT"} <= {a.country for a in event.target}


def test_forces_sent_are_the_senders_not_the_target(analyzer: Analyzer) -> None:
    event = _named(analyzer, "China's military launched drills around Taiwan on Tuesday, "
                   "sending warships, bombers and coast guard vessels to waters near the "
                   "island after Washington approved arms sales to Taipei.", "sending")
    assert "coast guard" not in _names(event.target)
