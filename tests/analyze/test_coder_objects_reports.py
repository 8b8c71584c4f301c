"""A town an attack lands on is its target; an act a sentence only reports or denies keeps
its own tense and stays below what a brief shows. Sentences written for these tests."""

from __future__ import annotations

from event_support import events

from sitrep.analyze import Analyzer


def test_a_town_as_the_object_of_an_attack_is_its_target(analyzer: Analyzer) -> None:
    for text in ("Russian forces attacked Kharkiv overnight.",
                 "Officials in Kyiv said Russian drones struck Zaporizhzhia before dawn."):
        attacks = [e for e in events(analyzer, text) if e.type == "ASSAULT"]
        assert attacks, text
        assert [t.country for t in attacks[0].target] == ["UKR"], text


def test_a_town_after_a_comma_or_far_away_is_not_the_object(analyzer: Analyzer) -> None:
    text = "Rebels attacked an army convoy on the main road south of the capital, near Goma."
    attacks = [e for e in events(analyzer, text) if e.type == "ASSAULT"]
    assert attacks
    assert all(t.name != "Goma" for e in attacks for t in e.target)


def test_a_denied_act_is_past_and_below_the_brief(analyzer: Analyzer) -> None:
    found = events(analyzer, "The interior ministry denied that its police had beaten "
                             "detained students.")
    beaten = [e for e in found if e.trigger == "beaten"]
    assert beaten
    assert not beaten[0].future and beaten[0].confidence < 0.5
    assert any(e.type == "REJECT" and e.confidence >= 0.5 for e in found)


def test_a_threatened_act_is_still_to_come(analyzer: Analyzer) -> None:
    found = events(analyzer, "The militia threatened to attack the border posts.")
    attack = [e for e in found if e.trigger == "attack"]
    assert attack and attack[0].future
