"""Event coding on sentences written for these tests: types, roles, modality, offsets."""

from __future__ import annotations

from datetime import date

import pytest
from event_support import events, top

from sitrep.analyze import Analyzer
from sitrep.analyze.evaluate import best_event

ON = date(2025, 8, 13)




@pytest.mark.parametrize(("text", "kind"), [
    ("Chile and Peru agreed to a joint border commission.", "AGREE"),
    ("The Kenyan president met his Tanzanian counterpart in Arusha.", "CONSULT"),
    ("Norway praised Colombia for its new land reform.", "SUPPORT"),
    ("Ghanaian authorities released twelve detained fishermen.", "RETREAT"),
    ("Egypt urged Ethiopia to share data on the dam.", "REQUEST"),
    ("Serbia accused Croatia of harassing its truck drivers.", "ACCUSE"),
    ("Hungary rejected the Austrian proposal.", "REJECT"),
    ("Pakistan threatened to close its border with Afghanistan.", "THREATEN"),
    ("Thousands of farmers demonstrated in Brussels against the trade deal.", "PROTEST"),
    ("Canada expelled two Indian diplomats.", "SANCTION"),
    ("Armenia deployed troops along the frontier.", "MOBILIZE"),
    ("Belarusian police arrested three opposition activists.", "COERCE"),
    ("Sudanese rebels attacked an army base near El Fasher.", "ASSAULT"),
    ("Japan donated medical supplies to Tonga.", "AID"),
    ("Latvian and Estonian police shared intelligence on the smuggling ring.", "COOPERATE"),
    ("The junta conceded to the demands of the striking miners.", "CONCEDE"),
])
def test_each_event_type(analyzer: Analyzer, text: str, kind: str) -> None:
    assert top(analyzer, text).type == kind


def test_source_target_and_compound(analyzer: Analyzer) -> None:
    event = top(analyzer, "France and Germany condemned Iran over the missile launch.")
    assert event.type == "ACCUSE"
    assert {a.country for a in event.source} == {"FRA", "DEU"}
    assert [a.country for a in event.target] == ["IRN"]


def test_passive_swaps_roles(analyzer: Analyzer) -> None:
    event = top(analyzer, "Somali soldiers were attacked by Shabaab fighters on Sunday.")
    assert event.type == "ASSAULT"
    assert [a.country for a in event.target] == ["SOM"]
    assert event.date is not None


def test_negation_is_never_a_plain_agreement(analyzer: Analyzer) -> None:
    found = events(analyzer, "Georgia will not recognize the election results.")
    assert not any(e.type in {"AGREE", "SUPPORT"} and not e.negated for e in found)
    best = best_event(found)
    assert best is not None and best.type == "REJECT"
    assert any(e.negated for e in found)


def test_future_and_governed_trigger(analyzer: Analyzer) -> None:
    found = events(analyzer, "Venezuela threatened to seize foreign oil fields.")
    best = best_event(found)
    assert best is not None and best.type == "THREATEN"
    seize = [e for e in found if e.type == "COERCE"]
    assert all(e.future and e.confidence < best.confidence for e in seize)
    planned = top(analyzer, "Vietnam is set to host the Laotian prime minister next week.")
    assert planned.future


def test_offsets_are_the_sentence(analyzer: Analyzer) -> None:
    text = ("Mali recalled its ambassador. Separately, Niger and Chad signed a water "
            "agreement on Friday.")
    found = events(analyzer, text)
    assert found
    for event in found:
        assert text[event.start:event.end] == event.sentence
        assert event.trigger in event.sentence
    assert len({e.start for e in found}) == 2


def test_promised_cooperation_is_a_commitment(analyzer: Analyzer) -> None:
    assert top(analyzer, "Uruguay will support Paraguay's bid to host the games.").type == \
        "AGREE"
    # A promised withdrawal is a concession (manual); a promised release or permission an
    # AGREE (CAMEO 0353/0355, as the PLOVER gold codes them).
    withdrawal = top(analyzer, "The militia said it would withdraw its fighters from the port.")
    assert withdrawal.type == "CONCEDE"
    promised = top(analyzer, "The militia said it would release the kidnapped engineers.")
    assert promised.type == "AGREE"
    allowed = top(analyzer, "Iraq said it would allow the return of weapons inspectors.")
    assert allowed.type == "AGREE"


def test_obligation_and_condition(analyzer: Analyzer) -> None:
    demand = top(analyzer, "Turkey said Sweden must extradite the two journalists.")
    assert demand.type == "REQUEST"
    assert [a.country for a in demand.source] == ["TUR"]
    assert [a.country for a in demand.target] == ["SWE"]
    threat = top(analyzer, "Algeria will recall its ambassador unless Madrid changes course.")
    assert threat.type == "THREATEN"


def test_negated_past_keeps_its_type(analyzer: Analyzer) -> None:
    found = top(analyzer, "Azerbaijani troops have not withdrawn from the disputed villages.")
    assert found.type == "RETREAT"
    assert found.negated


def test_purpose_clause_is_background(analyzer: Analyzer) -> None:
    found = top(analyzer, "Thousands of nurses marched in Lisbon to demand higher wages.")
    assert found.type == "PROTEST"


def test_vowed_or_planned_force_is_a_threat(analyzer: Analyzer) -> None:
    assert top(analyzer, "The rebels vowed to attack the pipeline again.").type == "THREATEN"
    planned = top(analyzer, "Estonia will impose sanctions on the shipping firm.")
    assert planned.type == "THREATEN"


def test_noun_in_object_has_no_agent(analyzer: Analyzer) -> None:
    found = events(analyzer, "Kenya and Uganda condemned the attack.")
    best = best_event(found)
    assert best is not None and best.type == "ACCUSE"
    assert {a.country for a in best.source} == {"KEN", "UGA"}
    assert all(not e.source for e in found if e.type == "ASSAULT")


def test_naming_and_evidential_verbs_code_no_event(analyzer: Analyzer) -> None:
    # A name for a meeting, not a call for one; a thing that indicates, not a proposal.
    text = "Macron praised Scholz for what he calls a “frank reset” of ties."
    assert all(e.trigger.lower() != "calls" for e in events(analyzer, text))
    text = "China's naval drills signal preparations for a blockade, not peace."
    assert all(e.trigger.lower() != "signal" for e in events(analyzer, text))


def test_two_party_meeting_takes_no_far_target(analyzer: Analyzer) -> None:
    text = ("Japanese Prime Minister Shigeru Ishiba and South Korean President Lee Jae-myung "
            "will meet in Tokyo next week for talks aimed at easing China's pressure.")
    meetings = [e for e in events(analyzer, text) if e.trigger == "meet"]
    assert meetings and all(not e.target for e in meetings)


def test_failed_agreement_is_a_rejection(analyzer: Analyzer) -> None:
    text = "Armenia and Azerbaijan failed to reach agreement on the border on Monday."
    assert top(analyzer, text).type == "REJECT"
