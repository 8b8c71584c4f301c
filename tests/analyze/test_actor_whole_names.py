"""Capitalised runs the actor finder must read whole or not at all
(sitrep.analyze.nlp.actor_names): organisations with a collective possessive in their name
("the Uganda People's Defence Force"), a known organisation's body joined by "and" ("the
African Union Peace and Security Council"), and sports competitions and clubs, which are
no actors ("the Premier League", "Manchester United"); with the KB entries that date the
SPLA and name the Awami League."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.analyze import analyze_text
from sitrep.analyze.kb import KnowledgeBase

ON = date(2025, 6, 1)


def found(text: str, on: date = ON) -> dict[str, tuple[str, str | None, str | None]]:
    """Every actor of ``text`` by name: (kind, country, sector)."""
    return {a.name: (a.kind, a.country, a.sector) for a in analyze_text(text, on).actors}


def surfaces(text: str, on: date = ON) -> list[str]:
    """The surface words of every actor mention of ``text``."""
    return [text[m.start:m.end] for a in analyze_text(text, on).actors for m in a.mentions]


@pytest.mark.parametrize(("text", "name", "expected"), [
    ("Soldiers of the Uganda People's Defence Force clashed with rebels near Kasese.",
     "Uganda People's Defence Force", ("organization", "UGA", "MIL")),
    ("The Uganda People's Defence Force said it had repelled the raid.",
     "Uganda People's Defence Force", ("organization", "UGA", "MIL")),
    ("The Eritrean People's Liberation Front captured the garrison at Nakfa.",
     "Eritrean People's Liberation Front", ("organization", "ERI", "REB")),
    ("The Ghana Farmers' Movement for Reform marched on the ministry.",
     "Ghana Farmers' Movement for Reform", ("organization", "GHA", "PTY")),
    ("The People's Democratic Party won the governorship in Nigeria.",
     "People's Democratic Party", ("organization", "NGA", "PTY")),
])
def test_a_collective_possessive_inside_an_organisation_name_keeps_it_whole(
        text: str, name: str, expected: tuple[str, str | None, str | None]) -> None:
    actors = found(text)
    assert actors.get(name) == expected, actors
    assert not any(n.endswith(("People", "Farmers")) for n in actors), actors


@pytest.mark.parametrize(("text", "surface", "expected"), [
    # after its own country the KB's organisation, read with its owner
    ("The Chinese People's Liberation Army held drills near Taiwan.",
     "Chinese People's Liberation Army", ("CHN", "MIL")),
    ("China's People's Liberation Army staged exercises on Monday.",
     "China's People's Liberation Army", ("CHN", "MIL")),
    ("The People's Liberation Army held drills near Taiwan.",
     "People's Liberation Army", ("CHN", "MIL")),
    ("The Kurdistan Workers' Party claimed the attack on a police post.",
     "Kurdistan Workers' Party", ("TUR", "REB")),
])
def test_a_known_possessive_name_stays_the_kb_organisation(
        text: str, surface: str, expected: tuple[str | None, str | None]) -> None:
    analysis = analyze_text(text, ON)
    by_surface = {text[m.start:m.end]: (a.country, a.sector)
                  for a in analysis.actors for m in a.mentions}
    assert by_surface.get(surface) == expected, by_surface


def test_another_country_before_a_known_possessive_name_makes_it_that_country_s_own() -> None:
    # "People's Defence Force" is Myanmar's resistance in the KB; Uganda's army is not it
    actors = found("The Uganda People's Defence Force shelled the camp.")
    assert actors.get("Uganda People's Defence Force") == ("organization", "UGA", "MIL")
    assert "People's Defence Force" not in actors


def test_a_people_s_possessive_that_names_no_organisation_stays_a_people() -> None:
    actors = found("The Kenyan people's anger grew after the vote.")
    assert actors.get("Kenyan people") == ("group", "KEN", "CVL"), actors


@pytest.mark.parametrize(("text", "name"), [
    ("The African Union Peace and Security Council suspended Mali on Friday.",
     "African Union Peace and Security Council"),
    ("The ECOWAS Mediation and Security Council met in Abuja on Sunday.",
     "ECOWAS Mediation and Security Council"),
])
def test_a_known_organisation_s_body_joined_by_and_is_that_organisation_s(
        text: str, name: str) -> None:
    actors = found(text)
    assert actors.get(name) == ("organization", "IGO", "GOV"), actors
    assert "UN Security Council (UNSC)" not in actors


@pytest.mark.parametrize(("text", "name", "expected"), [
    ("The UN Security Council condemned the attack.", "UN Security Council (UNSC)",
     ("organization", "IGO", "GOV")),
    ("The UN Security Council and the African Union condemned the coup.",
     "African Union (AU)", ("organization", "IGO", "GOV")),
    ("The EU and NATO condemned the attack.", "NATO", ("organization", "IGO", "GOV")),
    ("EU Commission President Ursula von der Leyen visited Kyiv.", "Ursula von der Leyen",
     ("person", "IGO", "GOV")),
])
def test_bodies_and_lists_of_organisations_read_as_before(
        text: str, name: str, expected: tuple[str, str | None, str | None]) -> None:
    assert found(text).get(name) == expected


@pytest.mark.parametrize("text", [
    "The Premier League fined the club for breaching its spending rules.",
    "Manchester United beat Chelsea in the Champions League on Tuesday.",
    "Qatar hosted the FIFA World Cup in 2022.",
    "Leeds United sacked its manager after the defeat.",
    "The Commonwealth Games opened in Birmingham.",
    "Senegal won the Africa Cup of Nations final.",
])
def test_sports_competitions_and_clubs_are_no_actors(text: str) -> None:
    words = surfaces(text)
    assert not any(w.endswith(("League", "Cup", "United", "Games", "Nations")) for w in words), \
        words


@pytest.mark.parametrize(("text", "name", "expected"), [
    ("The Arab League condemned the strikes on Gaza.", "Arab League",
     ("organization", "IGO", "GOV")),
    ("The League of Arab States met in Cairo.", "Arab League", ("organization", "IGO", "GOV")),
    ("The Awami League accused the opposition of violence.", "Awami League",
     ("organization", "BGD", "PTY")),
    ("The National League for Democracy won the election in Myanmar.",
     "National League for Democracy", ("organization", "MMR", "PTY")),
    ("Premier Li Qiang met the delegation in Beijing.", "Li Qiang", ("person", "CHN", "GOV")),
    ("The Commonwealth suspended Fiji.", "Commonwealth of Nations",
     ("organization", "IGO", "GOV")),
    ("The United Arab Emirates condemned the attack.", "United Arab Emirates",
     ("country", "ARE", "GOV")),
])
def test_political_leagues_premiers_and_states_stay_actors(
        text: str, name: str, expected: tuple[str, str | None, str | None]) -> None:
    assert found(text).get(name) == expected


@pytest.mark.parametrize(("on", "expected"), [
    (date(1998, 3, 1), ("SDN", "REB")),
    (date(2016, 3, 1), ("SSD", "MIL")),
])
def test_the_spla_is_sudan_s_rebels_before_independence_and_south_sudan_s_army_after(
        on: date, expected: tuple[str, str]) -> None:
    text = "The Sudan People's Liberation Army attacked a garrison near Bor."
    actors = found(text, on)
    assert actors.get("Sudan People's Liberation Army (SPLA)") == ("organization", *expected)
    kb = KnowledgeBase.load()
    splm = kb.resolve("SPLM", on)
    assert splm is not None and splm.country == expected[0]


@pytest.mark.parametrize(("phrase", "expected"), [
    ("the African Union Peace and Security Council",
     ("African Union Peace and Security Council", "IGO", "GOV", "organization")),
    ("the EU Foreign Affairs Council", ("EU Foreign Affairs Council", "IGO", "GOV",
                                        "organization")),
    ("the ECOWAS Commission", ("ECOWAS Commission", "IGO", "GOV", "organization")),
    ("the Security Council", ("UN Security Council (UNSC)", "IGO", "GOV", "organization")),
    ("Lebanese Hezbollah", ("Hezbollah", "LBN", "REB", "organization")),
    ("the Chinese People's Liberation Army",
     ("People's Liberation Army (PLA)", "CHN", "MIL", "organization")),
])
def test_the_resolver_reads_bodies_and_known_names_after_owners(
        phrase: str, expected: tuple[str, str, str, str]) -> None:
    actor = KnowledgeBase.load().resolve(phrase, ON)
    assert actor is not None
    assert (actor.name, actor.country, actor.sector, actor.kind) == expected


def test_the_resolver_takes_no_other_country_s_possessive_name() -> None:
    # Myanmar's "People's Defence Force" is not Uganda's army: unknown beats wrong
    actor = KnowledgeBase.load().resolve("the Uganda People's Defence Force", ON)
    assert actor is None or actor.country != "MMR"
