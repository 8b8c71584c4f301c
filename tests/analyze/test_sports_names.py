"""Sports clubs, teams and grounds are no actors (sitrep.analyze.nlp.sports,
sitrep.analyze.nlp.actor_names): never a person, never the "city" group of "Manchester
City"; and the words that make a text a sports one. Conflict and state actors whose names
share a club's words ("Army Rangers", "Mexico City police") stay what they were. Sentences
are written for these tests."""

from __future__ import annotations

import re
from datetime import date

import pytest

from sitrep.analyze import Analyzer
from sitrep.analyze.nlp.sports import load_sports_words, score_lines, sporting, sporting_text
from sitrep.models import Article

ON = date(2024, 3, 2)


def actors(analyzer: Analyzer, text: str) -> dict[str, tuple[str, str | None, str | None]]:
    """Every actor of ``text`` under each of its mentions' surface words: (kind, country,
    sector)."""
    analysis = analyzer.analyze(Article(origin="test", text=text, published=ON))
    return {text[m.start:m.end]: (a.kind, a.country, a.sector)
            for a in analysis.actors for m in a.mentions}


@pytest.mark.parametrize("text", [
    "Manchester City beat Arsenal 2-1 on Saturday, and Manchester United beat Chelsea at "
    "Old Trafford.",
    "The Texas Rangers signed a pitcher on Monday.",
    "Stoke City edged Hull City 3-1 in a tense game.",
    "The Kansas City Chiefs beat the Philadelphia Eagles in the Super Bowl.",
    "The New York Yankees lost to the Boston Red Sox 5-3 in the ninth inning.",
    "Real Madrid routed Barcelona 4-0 to go top of La Liga.",
    "Bayern Munich drew 2-2 with Borussia Dortmund in the Bundesliga.",
    "Derby County beat Leeds United 3-1 at Pride Park.",
    "Glasgow Rangers held Celtic to a goalless draw at Ibrox.",
    "Juventus sold their striker to Inter Milan for a record fee.",
])
def test_clubs_teams_and_grounds_are_no_actors(analyzer: Analyzer, text: str) -> None:
    assert actors(analyzer, text) == {}


@pytest.mark.parametrize("text", [
    "Leicester City fans marched through the town centre.",
    "The mayor of Manchester City met the prime minister.",
    "Police arrested 20 fans after the match between Manchester City and Liverpool.",
])
def test_city_of_a_club_name_is_never_the_city_group(analyzer: Analyzer, text: str) -> None:
    found = actors(analyzer, text)
    assert "City" not in found and not any(kind == "person" for kind, _, _ in found.values())


def test_a_club_next_to_the_police_leaves_the_police(analyzer: Analyzer) -> None:
    found = actors(analyzer, "Police arrested 20 fans after the match between Manchester "
                             "City and Liverpool.")
    assert found == {"Police": ("group", "GBR", "COP")}


@pytest.mark.parametrize(("text", "surface", "expected"), [
    ("Mexico City police arrested the mayor.", "City police", ("group", "MEX", "COP")),
    ("Oklahoma City police arrested two men.", "City police", ("group", "USA", "COP")),
    ("Army Rangers raided a compound in Syria after the match.", "Army Rangers",
     ("person", "SYR", "MIL")),
    ("The Arab League condemned the strike on the stadium during the final.", "Arab League",
     ("organization", "IGO", "GOV")),
    ("The Tamil Tigers attacked an army camp near Jaffna, a week before the cricket season.",
     "Tamil Tigers", ("organization", "LKA", "REB")),
])
def test_names_that_share_a_club_s_words_stay_actors(
        analyzer: Analyzer, text: str, surface: str,
        expected: tuple[str, str | None, str | None]) -> None:
    assert actors(analyzer, text).get(surface) == expected


def test_a_team_nickname_needs_a_text_about_sport(analyzer: Analyzer) -> None:
    # Without a game in sight, "Texas Rangers" is read as a name as before (the state's
    # police division shares it); with one, it is the baseball team.
    assert "Texas Rangers" in actors(analyzer, "Texas Rangers arrested a man in Austin.")
    assert actors(analyzer, "The Texas Rangers beat the Houston Astros 4-2.") == {}


@pytest.mark.parametrize(("text", "scores"), [
    ("City won 2-1 on Saturday.", ["2-1"]),
    ("Brazil thrashed Argentina 3–0.", ["3–0"]),
    ("They drew 1 - 1 at home, then lost 0-2.", ["1 - 1", "0-2"]),
    ("The Supreme Court ruled 5-4 that the law stands.", []),
    ("In a 5-4 ruling, the court struck the law down.", []),
    ("The Senate voted 51-49 to confirm the nominee.", []),
    ("The talks will last 2-3 days.", []),
    ("Children aged 5-11 can be vaccinated.", []),
    ("The report is dated 2024-03-02.", []),
    ("Growth was 1.5-2 percent.", []),
])
def test_a_score_is_a_number_pair_that_is_no_tally_or_range(text: str,
                                                            scores: list[str]) -> None:
    found = score_lines(load_sports_words(), text)
    assert [text[start:end] for start, end in found] == scores


@pytest.mark.parametrize(("text", "expected"), [
    ("The pitcher threw a shutout.", True),
    ("Hosts Qatar opened the World Cup on Sunday.", True),
    ("The coach said the team had played its best match of the season.", True),
    ("City won 2-1.", True),
    ("Derby residents protested against the new bypass.", False),  # the town, not a derby
    ("The negotiating team met in Doha.", False),  # one word of games is not enough
    ("The ruling party won a landslide victory, defeating the opposition.", False),
    ("Hunger strikers were moved to a prison hospital.", False),
])
def test_a_sports_sentence(text: str, expected: bool) -> None:
    assert sporting(load_sports_words(), text) is expected


@pytest.mark.parametrize("text", [
    "Real Madrid beat Getafe 2-0 in La Liga on Sunday.",
    "The midfielder signed a new contract before the World Cup.",
    "The FIFA World Cup final drew a record audience.",
    "The minister met the union on Monday to discuss pay.",
    "A derby-themed cake; the Derby town council met.",
])
def test_patterns_tried_at_token_starts_find_what_a_search_finds(text: str) -> None:
    words = load_sports_words()
    tokens = [(m.group().lower(), m.start()) for m in re.finditer(r"\w+|[^\w\s]", text)]
    lower = frozenset(t for t, _ in tokens)
    spans = [(0, len(text))]
    assert sporting_text(words, text, lambda: spans, lower, tokens) == \
        sporting_text(words, text, lambda: spans, lower)
