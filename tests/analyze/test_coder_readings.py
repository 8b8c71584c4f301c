"""Readings the coder derives from framing and the argument fallbacks around a trigger.

Unit tests drive the helpers with hand-made mentions; the end-to-end ones run the analyzer
on sentences written for these tests (the parse-dependent ones skip without a model).
"""

from __future__ import annotations

from datetime import date

from event_support import events as _events
from event_support import top as _top

from sitrep.analyze import Analyzer
from sitrep.analyze.coder.inflect import verb_forms
from sitrep.analyze.coder.lexicon import load_lexicon
from sitrep.analyze.coder.readings import Framing, readings, stated_condition, stated_demand
from sitrep.analyze.coder.refine import missile_test, place_source
from sitrep.analyze.coder.surface import (
    between_parties,
    by_agent,
    prepositional_recipient,
    responsible_party,
    with_owner,
)
from sitrep.analyze.nlp.records import ActorIdentity, Mention
from sitrep.models import ActorRef, Place

ON = date(2025, 8, 13)


def _mention(start: int, end: int, key: str, country: str | None) -> Mention:
    actor = ActorIdentity(key=key, name=key, kind="group", country=country, sector=None)
    return Mention(start=start, end=end, start_char=start * 5, end_char=end * 5, actor=actor,
                   via="test")




def _countries(actors: tuple[ActorRef, ...]) -> set[str | None]:
    return {a.country for a in actors}


def _framing(**overrides: object) -> Framing:
    values: dict[str, object] = {"negated": False, "planned": True, "governed": False,
                                 "purpose": False, "vowed": False, "conditional": False,
                                 "before_words": ["said", "it", "would"]}
    values.update(overrides)
    return Framing(**values)  # type: ignore[arg-type]


def _kinds(kind: str, mode: str | None, lemma: str, framing: Framing) -> list[str]:
    side = (ActorRef("Chad", "TCD", "GOV"),)
    return [e.type for e in readings(kind, mode, lemma, 0.6, 0.8, framing, side, (), True,
                                     lemma, side)]


def test_promised_release_and_permission_are_agreements() -> None:
    # CAMEO 0353/0355 ("express intent to release / to allow") map to AGREE; the manual
    # makes an announced withdrawal a CONCEDE.
    assert _kinds("RETREAT", "release", "release", _framing())[0] == "AGREE"
    assert _kinds("RETREAT", "access", "allow", _framing())[0] == "AGREE"
    assert _kinds("CONCEDE", None, "allow", _framing())[0] == "AGREE"
    assert _kinds("RETREAT", "withdraw", "withdraw", _framing())[0] == "CONCEDE"
    assert _kinds("CONCEDE", None, "suspend", _framing())[0] == "CONCEDE"


def test_a_concession_not_made_stays_a_negated_concession() -> None:
    negated = _framing(negated=True, planned=False, before_words=["did", "not"])
    assert _kinds("CONCEDE", None, "lift", negated) == ["CONCEDE"]
    assert _kinds("SUPPORT", None, "endorse", negated)[0] == "REJECT"


def test_force_not_excluded_is_a_threat() -> None:
    refused = _framing(planned=False, governed=True, refused=True,
                       before_words=["refused", "to"], after_words=["military", "force"])
    assert "THREATEN" in _kinds("REJECT", None, "rule out", refused)
    plain = _framing(planned=False, before_words=["has"], after_words=["early", "elections"])
    assert "THREATEN" not in _kinds("REJECT", None, "rule out", plain)


def test_stated_demand_without_a_known_act() -> None:
    words = ["washington", "declared", "that", "peru", "must", "drop", "its", "quotas"]
    mentions = [_mention(0, 1, "usa", "USA"), _mention(3, 4, "peru", "PER")]
    source, target, modal = stated_demand(mentions, words, 0, len(words), [])
    assert [m.actor.key for m in source if m.actor] == ["usa"]
    assert [m.actor.key for m in target if m.actor] == ["peru"]
    assert words[modal] == "must"
    # A modal not introduced by a reporting word, or one whose act is a trigger, is not.
    assert stated_demand(mentions, ["washington", "and", "x", "peru", "must", "go"], 0, 6,
                         [])[0] == []
    assert stated_demand(mentions, words, 0, len(words), [5])[0] == []


def test_stated_condition_is_a_threat() -> None:
    words = ["he", "said", "chile", "would", "respond", "if", "peru", "moved", "troops"]
    mentions = [_mention(2, 3, "chile", "CHL"), _mention(6, 7, "peru", "PER")]
    source, target, modal = stated_condition(mentions, words, 0, len(words), [])
    assert [m.actor.key for m in source if m.actor] == ["chile"]
    assert [m.actor.key for m in target if m.actor] == ["peru"]
    assert words[modal] == "would"
    # A trigger between the modal and the condition codes the threat itself.
    assert stated_condition(mentions, words, 0, len(words), [4])[0] == []


def test_prepositional_recipient_skips_the_sources_own() -> None:
    words = ["syria", "will", "withdraw", "its", "troops", "from", "neighbouring", "lebanon"]
    mentions = [_mention(0, 1, "syria", "SYR"), _mention(3, 4, "syria", "SYR"),
                _mention(7, 8, "lebanon", "LBN")]
    found = prepositional_recipient(mentions, words, 3, len(words), {"syria"})
    assert [m.actor.key for m in found if m.actor] == ["lebanon"]
    # Too far from its preposition: not introduced by it.
    far = ["x", "withdrew", "from", "the", "old", "northern", "town", "and", "lebanon"]
    assert prepositional_recipient([_mention(8, 9, "lebanon", "LBN")], far, 2, 9,
                                   set()) == []


def test_by_agent_allows_modifiers_not_other_phrases() -> None:
    words = ["he", "was", "accused", "by", "current", "haitian", "officials"]
    assert by_agent([_mention(5, 7, "hti", "HTI")], words, 3, 7)
    words = ["he", "was", "killed", "by", "a", "bomb", "in", "kabul"]
    assert by_agent([_mention(7, 8, "afg", "AFG")], words, 3, 8) == []


def test_a_bomb_the_victim_was_killed_in_is_the_agent() -> None:
    words = ["he", "was", "killed", "in", "a", "car", "bomb", "explosion", "in", "kabul"]
    bomb = _mention(5, 7, "car bomb", "AFG")
    assert bomb.actor is not None
    bomb.actor.sector = "UAF"
    kabul = _mention(9, 10, "kabul", "AFG")
    assert by_agent([bomb, kabul], words, 3, 10) == [bomb]
    # a place or a state's actor the victim was hit "in" is no agent
    assert by_agent([kabul], words, 3, 10) == []


def test_killed_in_a_bomb_blast_has_the_bomb_as_source(analyzer: Analyzer) -> None:
    found = _events(analyzer, "A Kenyan reporter was killed in a roadside bomb blast "
                              "near Mogadishu on Sunday.")
    assaults = [e for e in found if e.type == "ASSAULT"]
    assert assaults and any(s.sector == "UAF" for e in assaults for s in e.source)


def test_owner_between_parties_and_responsible_party() -> None:
    words = ["nurses", "from", "two", "dutch", "charities", "delivered", "kits"]
    nurses, charities = _mention(0, 1, "nurses", None), _mention(3, 5, "dutch", "NLD")
    assert with_owner([nurses, charities], [nurses], words) == [nurses, charities]
    words = ["a", "deal", "on", "visas", "between", "chile", "and", "peru", "was", "reached"]
    parties = between_parties([_mention(5, 6, "chile", "CHL"), _mention(7, 8, "peru", "PER")],
                              words, 2, len(words))
    assert [m.actor.key for m in parties if m.actor] == ["chile", "peru"]
    words = ["a", "detainee", "died", "in", "egyptian", "police", "custody"]
    police = _mention(4, 6, "egypt police", "EGY")
    assert responsible_party([police], words, 3, len(words)) == [police]
    assert responsible_party([police], [*words[:6], "station"], 3, 7) == []


def test_unnamed_attacker_takes_the_place() -> None:
    place = Place(name="Mosul", country="IRQ")
    assert _countries(place_source("ASSAULT", (), place)) == {"IRQ"}
    named = (ActorRef("Islamic State", "IMG", "REB"),)
    assert place_source("ASSAULT", named, place) == named
    assert place_source("PROTEST", (), place) == ()


def test_missiles_into_the_sea_are_a_weapons_test() -> None:
    assert missile_test("ASSAULT", "fire", ["two", "missiles", "into", "the", "sea"])
    assert not missile_test("ASSAULT", "fire", ["two", "rockets", "at", "sderot"])
    assert not missile_test("ASSAULT", "shell", ["missiles", "into", "the", "sea"])


def test_doubling_and_hyphenated_verbs_are_matched() -> None:
    assert {"kidnapped", "kidnapping", "patrolled"} <= set(
        verb_forms("kidnap") + verb_forms("patrol"))
    lexicon = load_lexicon()
    assert any(r.words == ("test", "-", "fired") for r in lexicon.rules_at("test"))


def test_keyed_additions_keep_the_derived_readings() -> None:
    lexicon = load_lexicon()
    moved = list(lexicon.rules_at("moved")) + [
        r for rules in lexicon.keyed.get("moved", {}).values() for r in rules]
    assert any(r.curated and r.type == "MOBILIZE" for r in moved)
    assert any(not r.curated for r in moved)  # "keep_derived": CAMEO's readings stay


def test_lexicon_classes(analyzer: Analyzer) -> None:
    assert _top(analyzer, "The Turkish navy lifted its blockade of the Cypriot port.").type \
        == "RETREAT"
    assert _top(analyzer, "Kenya paid compensation to 40 Somali herders.").type == "RETREAT"
    assert _top(analyzer, "The Senate voted against the Mexican trade proposal.").type == \
        "REJECT"
    assert _top(analyzer, "The junta cut off electricity to the northern provinces.").type \
        == "COERCE"
    assert _top(analyzer, "Iran test-fired two cruise missiles in the Gulf.").type == \
        "MOBILIZE"
    assert _top(analyzer, "The Czech government scrapped the planned fuel levy.").type == \
        "CONCEDE"


def test_hosting_a_visitor_is_a_meeting(analyzer: Analyzer) -> None:
    event = _top(analyzer, "Chancellor Scholz gave a warm welcome to Kenyan President "
                           "William Ruto on Monday.")
    assert event.type == "CONSULT"
    assert _countries(event.source) == {"DEU"} and "KEN" in _countries(event.target)


def test_stance_participle_keeps_its_subject(parsed_analyzer: Analyzer) -> None:
    event = _top(parsed_analyzer, "Hungary is opposed to German mediation in the dispute.")
    assert event.type == "REJECT" and _countries(event.source) == {"HUN"}


def test_retreat_from_a_country_targets_it(parsed_analyzer: Analyzer) -> None:
    found = _events(parsed_analyzer,
                    "Armenia says it is willing to withdraw its troops from neighbouring "
                    "Azerbaijan.")
    assert any(e.type == "AGREE" and "AZE" in _countries(e.target) for e in found)


def test_more_lexicon_classes(analyzer: Analyzer) -> None:
    assert _top(analyzer, "The OPCW dispatched inspectors to a chemical plant in Syria.").type \
        == "ACCUSE"
    found = _events(analyzer, "Fighting has not resumed in Tigray since the truce took effect.")
    assert not any(e.type == "COERCE" for e in found)
    litotes = _top(analyzer, "Eritrea said it would not hesitate to use force against "
                             "Ethiopia.")
    assert litotes.type == "THREATEN" and not litotes.negated
    warrant = _top(analyzer, "A Kenyan court issued an arrest warrant for a Ugandan "
                             "opposition leader.")
    assert warrant.type == "THREATEN"
    alleged = _top(analyzer, "Human Rights Watch said Ethiopian troops had committed "
                             "atrocities in Tigray.")
    assert alleged.type == "ACCUSE" and "ETH" in _countries(alleged.target)
    assert "ETH" not in _countries(alleged.source)


def test_threat_and_complaint_targets(parsed_analyzer: Analyzer) -> None:
    event = _top(parsed_analyzer, "Serbia complained to the United Nations over Croatian "
                                  "border patrols.")
    assert event.type == "ACCUSE" and "HRV" in _countries(event.target)
    event = _top(parsed_analyzer, "Portugal demanded that its Spanish neighbours close the "
                                  "fishing grounds.")
    assert event.type == "REQUEST" and "ESP" in _countries(event.target)
    event = _top(parsed_analyzer, "Modi said India would act again if Pakistan sheltered the "
                                  "militants.")
    assert event.type == "THREATEN" and _countries(event.target) == {"PAK"}


def test_a_refusal_is_made_when_stated_and_the_refused_act_stays_future(
        analyzer: Analyzer) -> None:
    found = _events(analyzer, "Ruritania said it will not withdraw its troops from the border.")
    refusal = [e for e in found if e.type == "REJECT"]
    refused = [e for e in found if e.type == "RETREAT"]
    assert refusal and not any(e.future for e in refusal)
    assert refused and all(e.future and e.negated for e in refused)
