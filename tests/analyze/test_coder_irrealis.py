"""Acts nobody did: purpose clauses, open questions, conditions, aims, hedges, allegations.

A brief shows events at confidence 0.5 or more, so a goal ("to ensure X does not accept"),
a question ("whether X will help"), a condition ("if X attacks"), a pending act ("has yet to
be ratified"), an alleged act ("accused X of attacking"), a nominalised aim ("determination
to seek"), a hedge ("hinted at") or a warning without repercussions must stay below it,
while the same act stated as done or undertaken stays above. Sentences are written for
these tests.
"""

from __future__ import annotations

from datetime import date

import pytest
from event_support import events

from sitrep.analyze import Analyzer
from sitrep.analyze.coder.irrealis import IRREALIS_CEILING, irrealis
from sitrep.models import Event

ON = date(2025, 8, 13)
SHOWN = 0.5



def shown(analyzer: Analyzer, text: str, kind: str) -> list[Event]:
    return [e for e in events(analyzer, text) if e.type == kind and e.confidence >= SHOWN]


def test_ceiling_is_below_what_a_brief_shows() -> None:
    assert IRREALIS_CEILING < SHOWN


@pytest.mark.parametrize(("text", "trigger", "reason"), [
    ("the task is to ensure that ghana does not sign the treaty", "sign", "purpose"),
    ("chile sent envoys so that peru would drop the case", "drop", "purpose"),
    ("talks aimed at ending the war", "ending", "purpose"),
    ("the question is whether brazil will help argentina", "help", "question"),
    ("if serbia attacks kosovo , nato will respond", "attacks", "question"),
    ("ghana praised togo 's determination to seek a settlement", "seek", "aim"),
    ("in the hope of reaching a deal", "reaching", "aim"),
    ("they discussed a possible ceasefire", "ceasefire", "hypothetical"),
    ("the treaty has yet to be ratified", "ratified", "pending"),
    ("the text still has to be signed and ratified", "ratified", "pending"),
    ("ghana accused the guards of firing shots , wounding a farmer", "wounding", "alleged"),
])
def test_irrealis_reasons(text: str, trigger: str, reason: str) -> None:
    words = text.split()
    nominal = reason == "hypothetical"
    assert irrealis(words, words, 0, 0, words.index(trigger), nominal) == reason


@pytest.mark.parametrize("text", [
    "ghana did not sign the treaty",
    "brazil will help argentina",
    "togo sought a settlement",
    "nato ensured that the convoy passed",
    # The main clause after a condition is the threat itself, not the hypothesis.
    "if serbia attacks , nato will respond",
])
def test_realis_clauses_are_not_irrealis(text: str) -> None:
    words = text.split()
    last_verb = {"sign", "help", "sought", "passed", "respond"}
    index = max(k for k, w in enumerate(words) if w in last_verb)
    assert irrealis(words, words, 0, 0, index, False) is None


@pytest.mark.parametrize(("text", "kind"), [
    # A purpose clause about a hypothetical refusal.
    ("Their aim: to ensure Ghana does not accept terms that weaken its claim.", "REJECT"),
    # An open question.
    ("The question is whether Brazil will help Argentina rebuild its reserves.", "AGREE"),
    # The condition of a conditional.
    ("If Serbia attacks Kosovo, NATO troops will respond.", "ASSAULT"),
    # A nominalised aim.
    ("Ghana's president praised Togo's determination to seek a settlement.", "REQUEST"),
    # Hedged verbs ask for nothing outright.
    ("The Peruvian president hinted at possible border changes.", "REQUEST"),
    ("The Thai premier said he hoped trade with Laos could resume.", "REQUEST"),
    # A warning about a third party's conduct, with no repercussion, is no threat.
    ("The Chilean minister warned that Bolivia's troop movements point to an offensive.",
     "THREATEN"),
    # A pending act.
    ("The border treaty between Benin and Niger has yet to be ratified.", "SUPPORT"),
    # An alleged act: the accusation is the event.
    ("Ghana accused Togolese soldiers of attacking a border post, wounding two guards.",
     "ASSAULT"),
    # A thing that endangers another is no actor threatening.
    ("The fighting threatens the peace deal between Ethiopia and Eritrea.", "THREATEN"),
])
def test_irrealis_is_not_shown(analyzer: Analyzer, text: str, kind: str) -> None:
    assert not shown(analyzer, text, kind), text


@pytest.mark.parametrize(("text", "kind"), [
    ("Ghana will not accept the terms.", "REJECT"),
    ("Serbian troops attacked Kosovo.", "ASSAULT"),
    ("Togo sought a settlement with Ghana.", "REQUEST"),
    ("Benin ratified the border treaty with Niger.", "SUPPORT"),
    ("Chile warned Bolivia that it would respond to any incursion.", "THREATEN"),
    ("Hezbollah warned the Lebanese cabinet against disarming the group.", "THREATEN"),
    ("The Ethiopian army threatened to attack Eritrea.", "THREATEN"),
])
def test_realis_counterparts_are_shown(analyzer: Analyzer, text: str, kind: str) -> None:
    assert shown(analyzer, text, kind), text


def test_according_to_is_no_trigger(analyzer: Analyzer) -> None:
    text = "The minister said the plan would be carried out according to the army's means."
    assert not [e for e in events(analyzer, text) if e.trigger.lower() == "according"]


def test_before_keywords_stay_in_their_clause(analyzer: Analyzer) -> None:
    # CAMEO's "[MILITARY] continue" is an assault by a military subject; here the military
    # word belongs to the clause before the reported one.
    text = ("The ministry urged Morocco to end the military buildup and said Rabat would "
            "continue to support the talks.")
    assert not [e for e in events(analyzer, text)
                if e.trigger == "continue" and e.type in {"ASSAULT", "MOBILIZE"}]
