"""Who is the other party of an event, by class of wording (see coder/parties.py).

Each case is a construction that put a wrong actor in a brief: an official's own country
as his target, a witness or mediator of a signing, a reciprocal act ("accused each
other", "exchanged fire"), a supervised act ("oversaw the release ... by both sides"), a
trailing speaker (", X announced"), a coordinated clause with its own subject, a
possessive that names the doer's own thing. Sentences are written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest
from event_support import events as events_on

from sitrep.analyze import Analyzer
from sitrep.analyze.coder.parties import (
    each_way,
    own_state,
    reciprocal,
    reflexive_possessive,
    third_party,
    trailing_speaker,
)
from sitrep.analyze.nlp.records import ActorIdentity, Mention
from sitrep.models import ActorKind, ActorRef, Event

ON = date(2025, 9, 3)
SHOWN = 0.5  # what a brief shows


def events(analyzer: Analyzer, text: str) -> list[Event]:
    return events_on(analyzer, text, ON)


def names(actors: tuple[ActorRef, ...]) -> set[str]:
    return {a.name for a in actors}


def mention(start: int, end: int, name: str, kind: ActorKind, country: str | None,
            sector: str | None) -> Mention:
    actor = ActorIdentity(name.lower(), name, kind, country, sector)
    return Mention(start, end, start * 5, end * 5, actor, "test")


# Reciprocal acts -------------------------------------------------------------------------

@pytest.mark.parametrize("fixture", ["parsed_analyzer", "rule_analyzer"])
def test_mutual_accusations_target_the_other_party(fixture: str,
                                                   request: pytest.FixtureRequest) -> None:
    analyzer: Analyzer = request.getfixturevalue(fixture)
    text = "Sudan's army and the RSF accused each other of shelling the market in Omdurman."
    accusations = [e for e in events(analyzer, text) if e.type == "ACCUSE"]
    pairs = {(next(iter(names(e.source))), frozenset(names(e.target)))
             for e in accusations if e.confidence >= SHOWN}
    assert len(pairs) == 2, accusations
    for source, target in pairs:
        assert source not in target and len(target) == 1


def test_an_exchange_of_fire_goes_both_ways(rule_analyzer: Analyzer) -> None:
    text = "Indian troops and Pakistani soldiers exchanged fire across the Line of Control."
    attacks = [e for e in events(rule_analyzer, text)
               if e.type == "ASSAULT" and e.confidence >= SHOWN]
    assert {(frozenset(names(e.source)), frozenset(names(e.target))) for e in attacks} == {
        (frozenset({"Indian troops"}), frozenset({"Pakistani soldiers"})),
        (frozenset({"Pakistani soldiers"}), frozenset({"Indian troops"}))}


def test_reciprocal_cues() -> None:
    words = ["x", "and", "y", "accused", "each", "other", "of", "lying"]
    assert reciprocal(words, 4, len(words), ["accused"], 2)
    assert not reciprocal(words, 4, len(words), ["accused"], 1)  # one party: no pair
    trade = ["x", "and", "y", "traded", "accusations"]
    assert reciprocal(trade, 4, len(trade), ["traded"], 2)
    deal = ["x", "and", "y", "traded", "goods", "with", "z"]
    assert not reciprocal(deal, 4, len(deal), ["traded"], 2)  # with a third party


def test_each_way_splits_a_pair() -> None:
    a, b = ActorRef("A", "AAA", "GOV"), ActorRef("B", "BBB", "REB")
    event = Event("ACCUSE", None, (a, b), (), None, None, False, False, 0.8, "", 0, 0, "x")
    assert [(e.source, e.target) for e in each_way(event)] == [((a,), (b,)), ((b,), (a,))]


# Third parties -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, outsider", [
    ("Ethiopia and Eritrea signed a border accord in the presence of Kenya's foreign "
     "minister.", "KEN"),
    ("Armenia and Azerbaijan signed a transit deal brokered by Kazakhstan.", "KAZ"),
])
def test_a_witness_or_mediator_of_a_signing_is_no_party(analyzer: Analyzer, text: str,
                                                        outsider: str) -> None:
    shown = [e for e in events(analyzer, text) if e.confidence >= SHOWN]
    assert shown, text
    assert not any(a.country == outsider for e in shown for a in e.target), shown


def test_third_party_cues() -> None:
    words = ["x", "signed", "a", "deal", "in", "the", "presence", "of", "y"]
    assert third_party(words, 8, 2)
    assert third_party(["x", "signed", "a", "deal", "mediated", "by", "y"], 6, 2)
    assert not third_party(["x", "was", "attacked", "by", "y"], 4, 3)  # a passive's agent


def test_supervising_an_act_is_not_doing_it(analyzer: Analyzer) -> None:
    text = "The United Nations oversaw the release of detainees by both sides."
    assert not [e for e in events(analyzer, text) if e.confidence >= SHOWN
                and "United Nations (UN)" in names(e.source)]


# An official's own country ----------------------------------------------------------------

def test_an_official_is_no_party_against_his_own_state() -> None:
    envoy = ActorRef("Envoy", "USA", "GOV")
    home = mention(5, 6, "United States", "country", "USA", "GOV")
    other = mention(8, 9, "Qatar", "country", "QAT", "GOV")
    assert own_state((envoy,), [home, other]) == [other]
    # The opposition's target may be its own country's government.
    assert own_state((ActorRef("Opposition", "USA", "OPP"),), [home]) == [home]
    # A person of that country is a party: only the state itself is dropped.
    senator = mention(5, 6, "A Senator", "person", "USA", "LEG")
    assert own_state((envoy,), [senator]) == [senator]


# Actors of another clause -------------------------------------------------------------------

@pytest.mark.parametrize("fixture", ["parsed_analyzer", "rule_analyzer"])
def test_a_trailing_speaker_is_not_the_target(fixture: str,
                                              request: pytest.FixtureRequest) -> None:
    analyzer: Analyzer = request.getfixturevalue(fixture)
    for text in ("The next summit of the alliance will take place in Warsaw, NATO "
                 "Secretary-General Mark Rutte announced.",
                 "The next EU summit will be held in Lisbon in May, European Council "
                 "President António Costa announced."):
        assert not [e for e in events(analyzer, text)
                    if {"Mark Rutte", "António Costa"} & names(e.target)], text


def test_trailing_speaker_cue() -> None:
    words = ["talks", "will", "resume", ",", "the", "minister", "said", "."]
    assert trailing_speaker(words, mention(5, 6, "minister", "person", "X", "GOV"))
    assert not trailing_speaker(["x", "told", "the", "minister", "said"],
                                mention(3, 4, "minister", "person", "X", "GOV"))


def test_a_speaker_may_be_followed_by_sources() -> None:
    words = ["rebels", "shelled", "a", "post", ",", "Malian", "army", "sources", "said", "."]
    assert trailing_speaker(words, mention(5, 7, "Malian army", "group", "MLI", "MIL"))


@pytest.mark.parametrize("fixture", ["parsed_analyzer", "rule_analyzer"])
def test_military_sources_that_report_an_attack_are_not_its_target(
        fixture: str, request: pytest.FixtureRequest) -> None:
    analyzer: Analyzer = request.getfixturevalue(fixture)
    text = ("Rebels shelled a garrison town near the Niger border on Friday, killing nine, "
            "Malian army sources said.")
    assert not [e for e in events(analyzer, text) if "Malian army" in names(e.target)]


def test_a_coordinated_clause_keeps_its_own_subject(parsed_analyzer: Analyzer) -> None:
    text = ("Kenya and Somalia declared a truce on Monday, and the militants said they "
            "would withdraw from the border.")
    withdrawals = [e for e in events(parsed_analyzer, text) if e.trigger == "withdraw"]
    assert not [e for e in withdrawals if {"Kenya", "Somalia"} & names(e.source)]
    assert not [e for e in withdrawals if e.confidence >= SHOWN]  # no one named


def test_a_possessive_that_agrees_with_the_doer_is_its_own() -> None:
    government = [mention(1, 2, "government", "group", "GHA", "GOV")]
    president = [mention(1, 2, "President", "person", "GHA", "GOV")]
    its = mention(6, 7, "Someone", "country", "USA", "GOV")
    assert reflexive_possessive(its, "its", government, 4)  # "would honour its ..."
    assert not reflexive_possessive(its, "his", government, 4)  # "called for his release"
    assert reflexive_possessive(its, "his", president, 4)
    assert not reflexive_possessive(its, "its", government, 8)  # before the trigger


@pytest.mark.parametrize("fixture", ["parsed_analyzer", "rule_analyzer"])
@pytest.mark.parametrize("text", [
    "Egyptian troops were deployed along the border with Libya, Defence Minister Abdel "
    "Majeed Saqr said.",
    "Egyptian troops were deployed along the coast and the border with Libya, Defence "
    "Minister Abdel Majeed Saqr said.",
])
def test_a_deployed_force_is_the_actor_and_its_speaker_no_party(
        fixture: str, text: str, request: pytest.FixtureRequest) -> None:
    analyzer: Analyzer = request.getfixturevalue(fixture)
    deployments = [e for e in events(analyzer, text) if e.type == "MOBILIZE"]
    assert deployments
    top = max(deployments, key=lambda e: e.confidence)
    assert names(top.source) == {"Egyptian troops"}
    assert "Abdel Majeed Saqr" not in names(top.target)


def test_a_particle_is_no_verb(analyzer: Analyzer) -> None:
    text = "Oman invited the two delegations back to Muscat next week."
    assert not [e for e in events(analyzer, text) if e.trigger.lower() == "back"]


def test_upgrading_ties_is_support(analyzer: Analyzer) -> None:
    text = "Chile and Vietnam upgraded their diplomatic ties to a strategic partnership."
    assert [e for e in events(analyzer, text)
            if e.type == "SUPPORT" and e.confidence >= SHOWN]
