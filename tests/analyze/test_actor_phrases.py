"""Actor phrases the rule-based finder reads: owners, state words, roles, and the country
an unnamed actor takes from its context (sitrep.analyze.nlp.actors and .coref)."""

from __future__ import annotations

from datetime import date

import pytest
from actor_support import actors as read_actors

from sitrep.analyze import analyze_text

ON = date(2025, 6, 1)


def actors(text: str, published: date = ON) -> dict[str, tuple[str | None, str | None]]:
    return read_actors(text, published)


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("The Estonian government expelled a diplomat.", "Estonian government", ("EST", "GOV")),
    ("The Syrian regime shelled the town.", "Syrian regime", ("SYR", "GOV")),
    ("Niger's military government closed the border.", "Niger's military government",
     ("NER", "GOV")),
    ("Sweden backed a Palestinian state at the meeting.", "Palestinian state", ("PSE", "GOV")),
    ("The Obama administration imposed new tariffs.", "Obama administration",
     ("USA", "GOV")),
])
def test_a_state_word_after_an_owner_names_the_state(
        text: str, phrase: str, expected: tuple[str, str]) -> None:
    assert actors(text)[phrase] == expected


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("South African police dispersed the crowd.", "South African police", ("ZAF", "COP")),
    ("The Sri Lankan navy detained fishermen.", "Sri Lankan navy", ("LKA", "MIL")),
    ("Austria's foreign ministry summoned the envoy.", "Austria's foreign ministry",
     ("AUT", "GOV")),
    ("Peru's Supreme Court annulled the ruling.", "Peru's Supreme Court", ("PER", "JUD")),
    ("NATO defence ministers met in Brussels.", "NATO defence ministers", ("IGO", "GOV")),
    ("Armenian and Georgian navies held drills.", "Georgian navies", ("GEO", "MIL")),
    ("Kuwait banned Iraqi airlines from its airspace.", "Iraqi airlines", ("IRQ", "BUS")),
    ("Latvia suspended three Russian television channels.", "Russian television channels",
     ("RUS", "JRN")),
])
def test_an_owner_gives_the_country_and_the_head_the_sector(
        text: str, phrase: str, expected: tuple[str, str]) -> None:
    assert actors(text)[phrase] == expected


def test_a_generic_head_keeps_the_sector_of_the_role_before_it() -> None:
    found = actors("Belarusian police detained three opposition leaders.")
    assert found["opposition leaders"][1] == "OPP"


def test_members_of_an_armed_group_keep_its_sector() -> None:
    found = actors("The UN listed five al-Shabaab commanders.")
    assert found["al-Shabaab commanders"][1] == "REB"


def test_a_stance_prefix_is_not_an_owner() -> None:
    found = actors("Police in Paris detained pro-Ukrainian activists.")
    assert found["activists"] == ("FRA", "CVL")


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("Thousands of Peruvians marched.", "Peruvians", ("PER", "CVL")),
    ("Croatian Serbs voted on Sunday.", "Croatian Serbs", ("HRV", "CVL")),
    ("Some 300 ethnic Hungarians rallied in Romania.", "ethnic Hungarians", ("ROU", "CVL")),
])
def test_peoples_named_by_demonyms_are_civilians(
        text: str, phrase: str, expected: tuple[str, str]) -> None:
    assert actors(text)[phrase] == expected


def test_a_demonym_adjective_names_its_state_as_agent() -> None:
    found = actors("Ghana welcomed the Nigerian mediation.")
    assert found["Nigerian"] == ("NGA", "GOV")


def test_an_ownership_compound_gives_the_owner() -> None:
    found = actors("Pirates boarded a Maltese-flagged tanker off Somalia.")
    assert found["Maltese-flagged tanker"] == ("MLT", "BUS")


def test_a_capitalised_portfolio_before_minister_is_a_cabinet_title() -> None:
    found = actors("Croatian Tourism Minister Jane Roe resigned.")
    assert found["Croatian Tourism Minister Jane Roe"] == ("HRV", "GOV")


def test_an_unnamed_non_state_person_is_an_actor_of_its_own() -> None:
    found = actors("A gunman opened fire at a market in Peshawar.")
    assert found["gunman"] == ("PAK", "UAF")


class TestContextCountry:
    """The order: a place right after, the sentence's place, its state actors, the article."""

    def test_a_place_right_after(self) -> None:
        assert actors("Rioters in Lima burned cars.")["Rioters"] == ("PER", "CVL")

    def test_the_place_the_sentence_happens_in(self) -> None:
        found = actors("Soldiers fired on pupils at a school in central Khartoum.")
        assert found["pupils"] == ("SDN", "EDU")

    def test_the_only_state_actor_of_the_sentence(self) -> None:
        found = actors("Chilean President Gabriel Boric met striking workers.")
        assert found["workers"] == ("CHL", "LAB")

    def test_state_forces_prefer_the_sentence_actors_to_the_place(self) -> None:
        found = actors("Turkish reservists were sent by the army to a base in Syria.")
        assert found["army"] == ("TUR", "MIL")

    def test_civilians_prefer_the_place_to_a_foreign_actor(self) -> None:
        found = actors("Russian missiles hit a refinery in Ukraine's Kremenchuk.")
        assert found["refinery"] == ("UKR", "BUS")

    def test_the_article_dominant_country(self) -> None:
        text = ("Kenya's parliament passed the bill. Kenyan police were deployed. "
                "Protesters gathered the next day.")
        assert actors(text)["Protesters"] == ("KEN", "CVL")

    def test_an_unknown_named_body_gets_no_country_from_the_article(self) -> None:
        found = actors("The Harbour Watch Committee criticised Canada's fishing quotas.")
        assert found["Harbour Watch Committee"][0] is None


def test_a_demonym_in_a_compound_names_no_state() -> None:
    found = actors("Militants fired Iranian-made rockets at the base.")
    assert "Iranian" not in found


def test_a_country_name_inside_a_longer_place_is_no_actor() -> None:
    found = actors("Police arrested rioters in Northern Ireland.")
    assert "Ireland" not in found
    assert found["rioters"] == ("GBR", "CVL")


def test_a_community_noun_after_a_demonym_names_an_ethnic_group() -> None:
    found = actors("The Serb minority in Kosovo boycotted the vote.")
    assert found["Serb minority"] == ("XKX", "CVL")


def test_a_country_word_starting_a_longer_place_is_the_place() -> None:
    found = actors("Tanks of the Israeli army were sent by the military to Gaza City.")
    assert "Gaza" not in found
    assert found["military"] == ("ISR", "MIL")


def test_a_demonym_ending_a_personal_name_is_no_state() -> None:
    found = actors("UN rights chief Volker Türk criticised the decision.")
    assert "Türk" not in found


def test_a_counterpart_without_an_owner_names_no_one() -> None:
    found = actors("Old rivals turned wary counterparts, the Lithuanian and Belarusian "
                   "foreign ministers met in Vilnius on Monday.")
    assert "counterparts" not in found
    assert actors("The Chilean minister met his Bolivian counterpart in La Paz.")[
        "Bolivian counterpart"] == ("BOL", "GOV")


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("An RSF adviser denied the report.", "RSF adviser", ("SDN", "REB")),
    ("RSF advisers denied the report.", "RSF advisers", ("SDN", "REB")),
    ("A Russian official denied the report.", "Russian official", ("RUS", "GOV")),
])
def test_an_organisation_s_people_work_in_its_sector(
        text: str, phrase: str, expected: tuple[str, str]) -> None:
    assert actors(text, date(2026, 2, 1))[phrase] == expected


def test_a_delegation_is_not_of_the_country_it_meets_in() -> None:
    found = actors("Talks between the Bolivian government and the miners' union in Lima "
                   "stalled on Monday after the union delegation walked out.")
    assert found["union delegation"][0] == "BOL"
    assert actors("The two delegations met in Geneva on Thursday.")["delegations"][0] is None
    assert actors("Protesters marched in Nairobi on Tuesday.")["Protesters"] == ("KEN", "CVL")


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("The M23 rebel group released 200 prisoners.", "M23 rebel group", ("COD", "REB")),
    ("The Houthi rebel movement fired a missile.", "Houthi rebel movement", ("YEM", "REB")),
])
def test_an_organisation_described_by_a_role_and_a_collective_noun_is_itself(
        text: str, phrase: str, expected: tuple[str, str]) -> None:
    found = actors(text, date(2026, 3, 5))
    assert found[phrase] == expected
    assert analyze_text(text, date(2026, 3, 5)).actors[0].name in {"M23", "Houthis"}


def test_a_role_from_a_state_word_runs_over_it() -> None:
    text = "Delegations from the Chilean government and the miners' union met in Lima."
    found = actors(text)
    assert found["Delegations from the Chilean government"] == ("CHL", "GOV")


def test_hostages_are_not_of_the_venue_named_in_their_sentence() -> None:
    found = actors("After talks in Geneva, the release of hostages resumed.")
    assert found["hostages"][0] != "CHE"


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("Police in Minsk detained two human rights activists.", "human rights activists",
     ("BLR", "OPP")),
    ("Georgian police questioned a democracy activist.", "democracy activist",
     ("GEO", "OPP")),
    ("Police in Paris detained pro-Ukrainian activists.", "activists", ("FRA", "CVL")),
])
def test_rights_and_democracy_activists_are_opposition(
        text: str, phrase: str, expected: tuple[str, str]) -> None:
    """PLOVER's OPP holds "anti-government activists" and CAMEO codes rights and
    democracy activists ~OPP; an activist of no such cause stays a civilian."""
    assert actors(text)[phrase] == expected


def test_jewish_settlers_are_israeli_wherever_they_live() -> None:
    found = actors("Jewish settlers near Nablus uprooted a Palestinian farmer's olive trees.")
    assert found["Jewish settlers"] == ("ISR", "CVL")
