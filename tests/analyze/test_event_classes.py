"""Event classes the PLOVER manual separates by actor, object or construction.

Sentences are written for these tests. Each case is a class of wording (a light verb with an
event noun, a crowd's violence, a passive with its object first), not one news sentence.
"""

from __future__ import annotations

from datetime import date

import pytest
from event_support import top

from sitrep.analyze import Analyzer
from sitrep.analyze.coder.inflect import verb_forms
from sitrep.analyze.coder.refine import retype, visit_roles
from sitrep.models import ActorRef, Article

ON = date(2025, 8, 13)



@pytest.mark.parametrize(("text", "kind"), [
    # PROTEST is a crowd's demonstration; a government's protest is a verbal ACCUSE.
    ("Thousands of nurses protested in Accra over unpaid wages.", "PROTEST"),
    ("The Chilean foreign ministry protested to Argentina over the border post.", "ACCUSE"),
    # A crowd's violence is a riot; a state's blocking is a restriction.
    ("Protesters set fire to the town hall in Antananarivo.", "PROTEST"),
    ("Morocco blocked the entry of fuel trucks into the border town.", "COERCE"),
    # Light verbs: the noun names the event.
    ("The Peruvian president ordered the mobilisation of reservists.", "MOBILIZE"),
    ("Kenya announced its withdrawal from the regional force.", "RETREAT"),
    # Passive: the keyword of a verb + object pattern stands before it.
    ("The curfew in the northern city was lifted by the Nepalese army.", "CONCEDE"),
    # Objects decide the reading of "suspend", "resume", "withdraw from".
    ("Niger suspended two foreign radio stations' broadcasts and licences.", "COERCE"),
    ("Ghana and Togo resumed trade across the border.", "COOPERATE"),
    ("Argentina withdrew from the World Health Organization.", "SANCTION"),
    ("Chile and Peru began joint naval exercises.", "COOPERATE"),
    # The manual's explicit cases.
    ("The Bolivian president apologised to Paraguay for the incident.", "CONCEDE"),
    ("A Brazilian court convicted the former governor of corruption.", "SANCTION"),
    ("The Ecuadorian interior minister submitted his resignation.", "RETREAT"),
    ("Uruguay's senate ratified the trade treaty with Mexico.", "SUPPORT"),
    ("The Nepalese government declared a state of emergency in three districts.", "COERCE"),
    ("Colombia said it was willing to pull back its troops from the border.", "AGREE"),
])
def test_event_class(rule_analyzer: Analyzer, text: str, kind: str) -> None:
    assert top(rule_analyzer, text).type == kind


def test_negated_past_meeting_is_not_a_refusal(rule_analyzer: Analyzer) -> None:
    event = top(rule_analyzer, "The Bolivian minister did not meet the Chilean envoy.")
    assert (event.type, event.negated) == ("CONSULT", True)
    stance = top(rule_analyzer, "Austria did not endorse the Hungarian proposal.")
    assert stance.type == "REJECT"


def test_future_talks_are_an_agreement(rule_analyzer: Analyzer) -> None:
    event = top(rule_analyzer, "Ghana and Togo will hold talks in Lome next week.")
    assert event.type == "AGREE"


def test_tagged_noun_is_no_verb_trigger(rule_analyzer: Analyzer) -> None:
    # "the wounded", "power supply": nouns, whatever a verb rule would say.
    event = top(rule_analyzer, "Chilean helicopters evacuated the wounded from the town.")
    assert event.type == "AID"


def test_retype_by_actor() -> None:
    ministry = ActorRef("ministry", "CHL", "GOV")
    crowd = ActorRef("students", "CHL", "EDU")
    assert retype("PROTEST", "demo", "protest", [ministry], [], [], frozenset(), False,
                  False) == ("ACCUSE", "disapprove")
    assert retype("PROTEST", "demo", "protest", [crowd], [], [], frozenset(), False,
                  False) == ("PROTEST", "demo")
    assert retype("REQUEST", None, "demand", [], [], ["protesters"],
                  frozenset({"protesters"}), False, False) == ("PROTEST", "demo")
    igo = ActorRef("World Health Organization", "IGO", "MED")
    assert retype("RETREAT", "withdraw", "withdraw", [ministry], [igo], [], frozenset(),
                  False, False) == ("SANCTION", "withdraw")


def test_host_is_the_recipient_and_own_troops_are_not() -> None:
    host = (ActorRef("Ruto", "KEN", "GOV"),)
    guest = (ActorRef("Samia", "TZA", "GOV"),)
    assert visit_roles("CONSULT", "host", host, guest) == (guest, host)
    assert visit_roles("CONSULT", "meet", host, guest) == (host, guest)
    army = (ActorRef("Cambodia", "KHM", "GOV"),)
    troops = ActorRef("troops", "KHM", "MIL")
    neighbour = ActorRef("Thailand", "THA", "GOV")
    assert visit_roles("MOBILIZE", "deploy", army, (troops, neighbour)) == (army, (neighbour,))


def test_compound_verbs_double_their_last_consonant() -> None:
    assert "airdropped" in verb_forms("airdrop")
    assert "paid" in verb_forms("pay")


def test_negation_carries_over_or(rule_analyzer: Analyzer) -> None:
    event = top(rule_analyzer,
                "The Chadian rebels will not disband their units or hand over their rifles.")
    assert event.type == "REJECT"


def test_purpose_of_a_weak_main_verb_is_the_event(rule_analyzer: Analyzer) -> None:
    event = top(rule_analyzer, "Kenyan teachers walked off the job to protest the pay cuts.")
    assert event.type == "PROTEST"


def test_adjective_before_a_base_form_makes_it_a_noun(rule_analyzer: Analyzer) -> None:
    event = top(rule_analyzer, "Norway said it had halted economic aid to Eritrea.")
    assert event.type == "SANCTION"


def test_agent_after_by_the(rule_analyzer: Analyzer) -> None:
    event = top(rule_analyzer, "The Bolivian minister was indicted by the Peruvian court.")
    assert event.type == "ACCUSE"
    assert [a.country for a in event.source] == ["PER"]
    assert [a.country for a in event.target] == ["BOL"]


def test_keyword_slots_must_come_in_order() -> None:
    from sitrep.analyze.coder.lexicon import slots_in_order

    slots = (frozenset({"in"}), frozenset({"rally"}))
    assert slots_in_order(slots, ["joined", "in", "a", "rally"], 1, 4)
    assert not slots_in_order(slots, ["joined", "a", "rally", "in", "town"], 1, 5)


def test_words_of_a_date_are_not_triggers(rule_analyzer: Analyzer) -> None:
    # "March" the month is not a protest march, "May" not a modal.
    analysis = rule_analyzer.analyze(Article(
        origin="test", published=ON,
        text="QUITO, March 3 (Andes Wire) - Ecuador's president met farmers on May 2."))
    assert all(e.type != "PROTEST" for e in analysis.events)
    assert all("March" not in e.trigger for e in analysis.events)
