"""Games are not events (sitrep.analyze.coder.games): a sports result or fixture coded
with a verb of war ("beat", "thrashed", "host") gives no PLOVER event, while conflict
sentences with the same verbs, and real violence, protest or meetings near a game, still
code. Sentences are written for these tests."""

from __future__ import annotations

import pytest
from event_support import events

from sitrep.analyze import Analyzer


@pytest.mark.parametrize("text", [
    "Manchester City beat Arsenal 2-1 on Saturday, and Manchester United beat Chelsea at "
    "Old Trafford.",
    "The Texas Rangers signed a pitcher on Monday.",
    "Japan defeated South Korea 2-1 in the Asian Cup final.",
    "Iran beat the United States 2-1 in the 1998 World Cup.",
    "Brazil thrashed Argentina 3-0 in a World Cup qualifier.",
    "England meet France in the World Cup final on Sunday.",
    "Nadal defeated Khachanov 6-3, 7-6 to level the tie for Spain.",
    "Chelsea striker Cole Palmer scored twice as Chelsea routed Tottenham Hotspur.",
    "Kazakhstan beat the Netherlands 2-1 in the doubles match to reach the quarter-finals.",
])
def test_a_game_codes_no_event(analyzer: Analyzer, text: str) -> None:
    assert events(analyzer, text) == []


@pytest.mark.parametrize(("text", "kind", "source", "target"), [
    ("Rebels beat back an attack by government troops near Goma.", "ASSAULT", "REB", "MIL"),
    ("Troops beat protesters in the capital on Sunday.", "ASSAULT", "MIL", "CVL"),
    ("Riot police beat supporters outside the stadium after the match.", "ASSAULT", "COP",
     "CVL"),
    ("Army Rangers raided a compound in Syria after the match.", "COERCE", "MIL", None),
])
def test_conflict_with_the_verbs_of_games_still_codes(
        analyzer: Analyzer, text: str, kind: str, source: str, target: str | None) -> None:
    found = [e for e in events(analyzer, text) if e.type == kind]
    assert any(e.source and e.source[0].sector == source
               and (target is None or (e.target and e.target[0].sector == target))
               for e in found), events(analyzer, text)


@pytest.mark.parametrize(("text", "kind"), [
    ("A suicide bomber killed 20 fans outside the stadium after the match.", "ASSAULT"),
    ("Protesters stormed the pitch during the match.", "PROTEST"),
    ("President Macron met the France team after they beat Belgium 1-0 in the semi-final.",
     "CONSULT"),
    ("Russia was banned from the World Cup after invading Ukraine.", "ASSAULT"),
])
def test_news_near_a_game_still_codes(analyzer: Analyzer, text: str, kind: str) -> None:
    assert kind in {e.type for e in events(analyzer, text)}


def test_only_the_game_of_a_sentence_is_dropped(analyzer: Analyzer) -> None:
    # The result is no event; the president's meeting with the team is one.
    found = events(analyzer, "President Macron met the France team after they beat Belgium "
                             "1-0 in the semi-final.")
    assert [e.type for e in found] == ["CONSULT"]
