"""Readings that looked confident on article text and were wrong, by class of wording.

Each case is a construction, not one sentence: a fixed phrase ("according to") that a
CAMEO pattern read as aid, a keyword in another clause meeting a pattern's subject slot, a
thing for subject ("the clashes delayed the convoy"), a noun that bundles an event noun
("a package of sanctions"), a place after the one met, a crowd assembling, an armed
force's strike, fighters' arson, a participle describing the subject ("soldiers captured in
X were released"). Sentences are written for these tests.
"""

from __future__ import annotations

from datetime import date

from event_support import events, top

from sitrep.analyze import Analyzer
from sitrep.analyze.coder.refine import retype
from sitrep.analyze.coder.surface import subject_modifier
from sitrep.models import ActorRef

ON = date(2025, 8, 13)




def test_a_thing_that_delays_is_no_actor_rejecting(analyzer: Analyzer) -> None:
    text = "The aid agency said the storms had delayed a second convoy to Malawi."
    assert not [e for e in events(analyzer, text) if e.type == "REJECT"]


def test_found_is_a_weak_reading(analyzer: Analyzer) -> None:
    text = "Zambia accused Angola of arming a militia founded by former rebels."
    assert not [e for e in events(analyzer, text)
                if e.type == "COOPERATE" and e.confidence >= 0.5]


def test_a_package_of_sanctions_is_the_sanctions(analyzer: Analyzer) -> None:
    text = "The European Union approved a new package of sanctions against Belarus."
    assert top(analyzer, text).type == "SANCTION"


def test_a_light_verbs_modal_dates_its_noun(analyzer: Analyzer) -> None:
    # A future meeting is a commitment to meet (AGREE), whichever word carries the modal.
    text = "A new round of talks between Ethiopian and Sudanese delegations will be held."
    found = top(analyzer, text)
    assert found.type == "AGREE" and found.future


def test_the_place_of_a_meeting_is_not_a_party(analyzer: Analyzer) -> None:
    text = "The Kenyan president invited Ghana's president to Nairobi for talks."
    invited = [e for e in events(analyzer, text) if e.trigger == "invited"]
    assert invited and all(r.country == "GHA" for r in invited[0].target)


def test_shooting_down_is_an_assault(analyzer: Analyzer) -> None:
    text = "Polish air defences shot down three drones over the border region."
    assert top(analyzer, text).type == "ASSAULT"


def test_a_crowd_gathering_demonstrates() -> None:
    crowd = ActorRef("protesters", "SRB", None)
    assert retype("CONSULT", None, "gather", [crowd], [], ["protesters"],
                  frozenset({"protesters"}), False, False) == ("PROTEST", "demo")
    minister = ActorRef("minister", "SRB", "GOV")
    assert retype("CONSULT", None, "gather", [minister], [], ["minister"],
                  frozenset({"protesters"}), False, False) == ("CONSULT", None)


def test_an_armed_forces_strike_is_an_attack() -> None:
    army = ActorRef("army", "NGA", "MIL")
    workers = ActorRef("dock workers", "NGA", "LAB")
    assert retype("PROTEST", "boycott", "strike", [army], [], ["army"], frozenset(),
                  False, False) == ("ASSAULT", None)
    assert retype("PROTEST", "boycott", "strike", [workers], [], ["workers"], frozenset(),
                  False, False) == ("PROTEST", "boycott")


def test_fighters_arson_is_an_attack() -> None:
    fighters = ActorRef("rebel fighters", "COD", "REB")
    settlers = ActorRef("settlers", "ISR", "CVL")
    assert retype("COERCE", "seize", "set", [fighters], [], ["fighters"], frozenset(),
                  False, False) == ("ASSAULT", None)
    assert retype("COERCE", "seize", "set", [settlers], [], ["settlers"], frozenset(),
                  False, False) == ("COERCE", "seize")


def test_subject_modifier_needs_the_passive_after_it() -> None:
    words = ["two", "sailors", "seized", "off", "aden", "were", "freed", "by", "yemen"]
    assert subject_modifier(words, 2, len(words), {6}, {1}.__contains__)
    # The participle is the verb when another clause or verb comes first.
    words = ["iran", "threatened", "to", "strike", "if", "it", "was", "attacked"]
    assert not subject_modifier(words, 1, len(words), {3, 7}, {0}.__contains__)
    words = ["iran", "threatened", "retaliation", "if", "it", "was", "attacked"]
    assert not subject_modifier(words, 1, len(words), {6}, {0}.__contains__)


def test_a_participle_on_the_subject_is_not_the_news(analyzer: Analyzer) -> None:
    text = "Three fishermen detained near the Gulf of Aden were freed by Yemen on Monday."
    assert top(analyzer, text).type == "RETREAT"


def test_receiving_a_thing_is_no_visit(analyzer: Analyzer) -> None:
    text = "Lithuania said it had received guarantees from the European Commission."
    assert not [e for e in events(analyzer, text) if e.type == "CONSULT"]


def test_an_expected_arrival_is_no_commitment(analyzer: Analyzer) -> None:
    text = "The Nigerian president is expected in Accra next week."
    assert not [e for e in events(analyzer, text)
                if e.type == "AGREE" and e.confidence >= 0.5]


def test_an_event_noun_with_no_party_is_not_shown(analyzer: Analyzer) -> None:
    text = "The meeting is being closely watched across the region."
    assert not [e for e in events(analyzer, text) if e.confidence >= 0.5]


def test_a_trigger_word_with_no_actor_on_either_side_is_no_event(analyzer: Analyzer) -> None:
    # Web copy is full of event verbs with nobody acting: "expect", "demand", "help".
    for text in ("Retailers can expect demand to grow before the holidays, the report said.",
                 "Use these tips to help you plan the perfect weekend away.",
                 "The software is expected to forecast demand more accurately."):
        assert [e for e in events(analyzer, text) if not e.source and not e.target] == []


def test_a_place_stands_in_for_an_unnamed_attacker(analyzer: Analyzer) -> None:
    text = "A car bomb exploded in Mogadishu on Tuesday, killing four people."
    assault = [e for e in events(analyzer, text) if e.type == "ASSAULT"]
    assert assault and assault[0].source
