"""Word-order arguments: coordinations joined by "and" / "," around a chosen actor."""

from __future__ import annotations

from sitrep.analyze.coder.surface import (
    coordinated,
    mutual,
    naming_use,
    phrase_end,
    thing_subject,
    with_coordinated,
)
from sitrep.analyze.nlp.records import ActorIdentity, Mention


def mention(start: int, end: int) -> Mention:
    return Mention(start, end, start, end, None, "test")


# "Chile , Peru and Bolivia signed , and Ecuador objected ."
WORDS = ["chile", ",", "peru", "and", "bolivia", "signed", ",", "and", "ecuador", "objected"]
CHILE, PERU, BOLIVIA, ECUADOR = mention(0, 1), mention(2, 3), mention(4, 5), mention(8, 9)
ALL = [CHILE, PERU, BOLIVIA, ECUADOR]


def test_coordinated_runs_forward_until_a_non_joiner() -> None:
    assert coordinated(ALL, 0, WORDS) == [CHILE, PERU, BOLIVIA]
    assert coordinated(ALL, 3, WORDS) == [ECUADOR]


def test_a_parsed_member_brings_back_the_whole_coordination() -> None:
    # The parser kept only the last conjunct as subject.
    assert with_coordinated(ALL, [BOLIVIA], WORDS) == [CHILE, PERU, BOLIVIA]
    assert with_coordinated(ALL, [ECUADOR], WORDS) == [ECUADOR]
    assert with_coordinated(ALL, [], WORDS) == []


def test_phrase_end_stops_at_a_comma_or_quotation() -> None:
    words = ["hinted", "reforms", ",", "not", "peace"]
    assert phrase_end(words, 1, 5) == 2
    assert phrase_end(["names", "“", "a", "summit", "”"], 1, 5) == 1
    assert phrase_end(["urged", "peace", "talks"], 1, 3) == 3


def test_naming_call_needs_an_actor_after_it() -> None:
    # "what she calls a reset", "called the vote a sham": naming; "called Paris": a call.
    assert naming_use(["what", "she", "calls", "a", "reset"], 2, False, {9}, 0)
    assert naming_use(["what", "she", "calls", "for"], 2, True, set(), 0)
    assert naming_use(["he", "called", "the", "vote", "a", "sham"], 1, False, set(), 0)
    assert not naming_use(["he", "called", "paris"], 1, False, {2}, 0)
    assert not naming_use(["he", "called", "him"], 1, False, set(), 0)
    assert not naming_use(["he", "called", "for", "talks"], 1, True, set(), 0)


def test_thing_subject_without_a_parse() -> None:
    words = ["the", "figures", "signal", "a", "slowdown"]
    assert thing_subject(words, 2, set(), 0, None, 0)
    # "Oman has also signalled ...": an actor (mention token 0) or a pronoun acts.
    assert not thing_subject(["oman", "has", "also", "signalled"], 3, {0}, 0, None, 0)
    assert not thing_subject(["they", "signalled"], 1, set(), 0, None, 0)


def test_a_meeting_subject_of_two_parties_is_mutual() -> None:
    def named(start: int, key: str) -> Mention:
        actor = ActorIdentity(key, key.title(), "country", key[:3].upper(), "GOV")
        return Mention(start, start + 1, start, start + 1, actor, "test")

    pair = [named(0, "chile"), named(2, "peru")]
    assert mutual("CONSULT", pair)
    assert not mutual("CONSULT", pair[:1])
    assert not mutual("ASSAULT", pair)
