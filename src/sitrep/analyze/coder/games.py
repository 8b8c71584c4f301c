"""Games are not events: a sports result reported with a verb of war ("City beat Arsenal
2-1", "Brazil thrashed Argentina 3-0", "England host France") codes no PLOVER event.

GDELT's best-known false positives are such sentences read as assaults between states. The
actor finder already reads clubs and teams as no actor (:mod:`sitrep.analyze.nlp.sports`),
but a national team is named by its country, and players are people. So in a sentence
about a game (a score, a word of games, a competition's or a club's name):

* a reading whose trigger is a verb of a result ("beat", "defeat", "thrash"), or a word of
  games ("match"), is dropped unless an armed body takes part: "police beat fans after the
  match" still codes;
* one whose trigger says who plays whom ("meet", "host", "face") is dropped when every side
  is a country, its national team: "Macron met the team after the final" still codes.

Verbs of real violence or protest ("killed", "clashed", "stormed") are never a game's.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span

from sitrep.analyze.nlp.records import Mention
from sitrep.analyze.nlp.sports import load_sports_words, sporting
from sitrep.models import Event

__all__ = ["without_games"]

_ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "SPY", "CRM", "UAF", "INS"})
"""Sectors of the armed bodies whose acts near a game are still news ("police beat fans
after the match"). A politician is not one: no minister beats a team."""


def without_games(coded: Sequence[Event], text: str, sentence: Span,
                  mentions: Sequence[Mention],
                  sports_names: Sequence[tuple[int, int]]) -> list[Event]:
    """``coded`` (one sentence's readings) without the ones that report a game, in a
    sentence about a game (``sports_names``: the character spans of the clubs and
    competitions the actor finder read; ``mentions``: the sentence's actors, which say
    which sides are countries)."""
    words = load_sports_words()
    played = {id(e) for e in coded
              if (first := e.trigger.split()[0].lower()) in words.result_forms
              or first in words.fixture_forms or first in words.weak_words}
    if not played:
        return list(coded)  # the common case: no verb of play
    start, end = sentence.start_char, sentence.end_char
    if not (any(start <= s < end for s, _ in sports_names)
            or sporting(words, text[start:end])):
        return list(coded)
    countries = {m.actor.name for m in mentions
                 if m.actor is not None and m.actor.kind == "country"}
    return [e for e in coded if id(e) not in played or not _game(words.fixture_forms, e,
                                                                  countries)]


def _game(fixture_forms: frozenset[str], event: Event, countries: set[str]) -> bool:
    """Whether ``event``, coded from a verb of play in a sports sentence, reports the game:
    a fixture between countries only; a result, or a game's own word taken for a trigger
    ("the doubles match"), with no armed body on either side."""
    sides = (*event.source, *event.target)
    if event.trigger.split()[0].lower() not in fixture_forms:
        return not any(a.sector in _ARMED_SECTORS for a in sides)
    return all(a.name in countries for a in sides)
