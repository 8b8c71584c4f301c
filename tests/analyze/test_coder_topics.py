"""What a clause is about versus whom it targets: a denial about the speaker's own agents,
a relative clause's word-order target, and a participle clause's place (sentences written
for these tests)."""

from __future__ import annotations

import pytest
from event_support import events

from sitrep.analyze import Analyzer
from sitrep.analyze.coder.refine import trigger_clause


@pytest.mark.parametrize("fixture", ["parsed_analyzer", "rule_analyzer"])
def test_a_denial_about_own_agents_does_not_target_them(
        fixture: str, request: pytest.FixtureRequest) -> None:
    analyzer: Analyzer = request.getfixturevalue(fixture)
    for text, agents in (
            ("Nairobi dismissed reports that Kenyan soldiers had crossed the border.",
             "Kenyan soldiers"),
            ("The ministry denied that its troops had opened fire on the crowd.", "troops")):
        rejections = [e for e in events(analyzer, text) if e.type == "REJECT"]
        assert rejections, text
        assert all(t.name != agents for e in rejections for t in e.target), text


def test_a_named_accuser_stays_the_target(parsed_analyzer: Analyzer) -> None:
    text = "Ankara rejected Greek claims that Turkish jets had violated its airspace."
    rejections = [e for e in events(parsed_analyzer, text) if e.type == "REJECT"]
    assert rejections
    assert {t.country for t in rejections[0].target} == {"GRC"}


def test_a_relative_clause_trigger_does_not_target_the_main_subject(
        parsed_analyzer: Analyzer) -> None:
    text = ("The United Nations urged Sudan to let aid convoys reach the towns that were "
            "shelled by the Rapid Support Forces.")
    shellings = [e for e in events(parsed_analyzer, text) if e.trigger == "shelled"]
    assert shellings
    assert all(t.country != "IGO" for e in shellings for t in e.target)


def test_a_participle_clause_after_a_comma_reaches_the_main_clause() -> None:
    sentence = "Russian missiles hit a market in Kharkiv, wounding twelve people."
    at = sentence.index("wounding")
    start, end = trigger_clause(sentence, at, at + len("wounding"))
    assert "Kharkiv" in sentence[start:end]
    # Not back into a subordinate clause: its place is where something else happened.
    other = "After talks in Doha, fighting resumed."
    at = other.index("fighting")
    assert "Doha" not in other[slice(*trigger_clause(other, at, at + len("fighting")))]


def test_a_participle_clause_takes_the_main_clause_place(parsed_analyzer: Analyzer) -> None:
    text = "Russian missiles hit a market in Kharkiv, wounding twelve people."
    wounding = [e for e in events(parsed_analyzer, text) if e.trigger == "wounding"]
    assert wounding
    assert {t.country for t in wounding[0].target} == {"UKR"}
