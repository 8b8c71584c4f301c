"""Cities as their people, peoples with a home, roles placed by "from"/"of", and the other
actor classes of sitrep.analyze.nlp.actor_owners / actor_decide / actor_groups. The
sentences are written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from actor_support import actors as read_actors

from sitrep.analyze import analyze_text

ON = date(2025, 6, 1)


def actors(text: str, published: date = ON) -> dict[str, tuple[str | None, str | None]]:
    return read_actors(text, published)


def names(text: str, published: date = ON) -> set[str]:
    return {actor.name for actor in analyze_text(text, published).actors}


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    # a city where something happens or is done is its people (CVL) ...
    ("The army lifted the curfew in Nairobi.", "Nairobi", ("KEN", "CVL")),
    ("Aid deliveries in Mosul resumed on Tuesday.", "Mosul", ("IRQ", "CVL")),
    ("Unrest spread across the capital Nairobi overnight.", "Nairobi", ("KEN", "CVL")),
    # ... a capital as agent stays its government
    ("Nairobi rejected the proposal.", "Nairobi", ("KEN", "GOV")),
    ("The president accepted an invitation to visit Nairobi.", "Nairobi", ("KEN", "GOV")),
])
def test_a_city_is_its_people_where_things_happen(text: str, phrase: str,
                                                  expected: tuple[str, str]) -> None:
    assert actors(text)[phrase] == expected


@pytest.mark.parametrize("text", [
    "The two ministers met in Nairobi on Friday.",      # a venue
    "The activist was detained in Nairobi.",            # where it was done
    "The minister flew to Nairobi for the talks.",      # a destination
    "The envoy and his counterpart in Nairobi spoke.",  # where an actor is
])
def test_a_city_as_venue_or_destination_is_no_actor(text: str) -> None:
    assert "Nairobi" not in actors(text)


@pytest.mark.parametrize("text", [
    "The pact was the first since the 2019 Nairobi summit between the two presidents.",
    "Negotiators said the Doha talks would resume after the holiday.",
    "Both sides accused each other of breaching the Minsk agreements.",
])
def test_a_capital_naming_a_meeting_or_accord_is_no_actor(text: str) -> None:
    assert not {"Kenya", "Qatar", "Belarus"} & names(text)


def test_a_capital_as_agent_beside_a_meeting_named_by_its_venue() -> None:
    found = actors("Nairobi rejected the outcome of the Doha talks.")
    assert found.get("Nairobi") == ("KEN", "GOV")
    assert "Doha" not in found


def test_a_stance_prefix_names_no_actor() -> None:
    found = actors("An anti-Kenya campaigner was detained in Cairo.")
    assert "Kenya" not in found
    assert found["campaigner"][1] == "SOC"


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("Kikuyu elders urged calm after the vote.", "Kikuyu elders", ("KEN", "ELI")),
    ("Kachin guerrillas attacked an army post.", "Kachin guerrillas", ("MMR", "REB")),
    ("Syrian Kurds fled across the border.", "Syrian Kurds", ("SYR", "CVL")),
    ("Thousands of Uighur workers were moved to new factories.", "Uighur workers",
     ("CHN", "LAB")),
    ("Iranian Kurdish refugees returned home.", "Iranian Kurdish refugees", ("IRN", "REF")),
])
def test_peoples_take_their_home_and_a_non_state_sector(text: str, phrase: str,
                                                        expected: tuple[str, str]) -> None:
    assert actors(text)[phrase] == expected


def test_a_people_word_as_a_first_name_is_not_a_people() -> None:
    found = actors("Karen Smith criticised the plan.")
    assert found["Karen Smith"][0] != "MMR"


def test_faith_groups_take_their_country_from_the_context() -> None:
    found = actors("In Kenya, Muslim leaders condemned the raid.")
    assert found["Muslim leaders"] == ("KEN", "ELI")


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("Doctors from Norway opened a clinic in Juba.", "Doctors from Norway", ("NOR", "MED")),
    ("Troops from Chile and Peru joined the exercise.", "Troops from Chile", ("CHL", "MIL")),
    ("Troops from Chile and Peru joined the exercise.", "Peru", ("PER", "MIL")),
])
def test_a_role_takes_the_country_it_comes_from(text: str, phrase: str,
                                                expected: tuple[str, str]) -> None:
    assert actors(text)[phrase] == expected


def test_state_forces_leaving_a_country_do_not_come_from_it() -> None:
    found = actors("Parliament voted to withdraw soldiers from Mali.")
    assert "soldiers from Mali" not in found


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("The governor of Ohio vetoed the bill.", "governor of Ohio", ("USA", "GOV")),
    ("The deputy mayor of the Tver region resigned.", "deputy mayor of the Tver region",
     ("RUS", "GOV")),
    ("The people of Gaza waited for aid.", "people of Gaza", ("PSE", "CVL")),
])
def test_a_title_takes_the_place_after_of(text: str, phrase: str,
                                          expected: tuple[str, str]) -> None:
    assert actors(text)[phrase] == expected


def test_the_president_of_a_country_is_the_office_holder() -> None:
    assert "William Ruto" in names("The president of Kenya arrived in Addis Ababa.")


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("Protesters in Dhaka rejected the government's plan.", "government", ("BGD", "GOV")),
    ("Italian police and their Albanian counterparts arrested 12 suspects.",
     "Albanian counterparts", ("ALB", "COP")),
    ("The rebels attacked an international peacekeeping force.",
     "international peacekeeping force", ("IGO", "MIL")),
    ("The Federation of West African Teachers condemned the strike.",
     "Federation of West African Teachers", ("NGO", "EDU")),
    ("Egypt's central bank raised interest rates.", "Egypt's central bank", ("EGY", "GOV")),
    ("Israeli commandos raided the port.", "Israeli commandos", ("ISR", "MIL")),
    ("Belarus released 20 political prisoners.", "political prisoners", ("BLR", "OPP")),
    ("The besieged Syrian town of Madaya received food.", "Syrian town", ("SYR", "CVL")),
    ("A car bomb exploded outside the ministry in Kabul.", "car bomb", ("AFG", "UAF")),
])
def test_role_and_organisation_classes(text: str, phrase: str,
                                       expected: tuple[str, str]) -> None:
    assert actors(text)[phrase] == expected


def test_a_leaders_group_takes_the_leaders_country() -> None:
    found = actors("Vladimir Putin's troops crossed the river.")
    assert found["Vladimir Putin's troops"] == ("RUS", "MIL")


def test_acronym_organisations_show_the_acronym() -> None:
    assert "International Atomic Energy Agency (IAEA)" in names(
        "The IAEA inspected the site.")
    assert "International Atomic Energy Agency (IAEA)" in names(
        "The International Atomic Energy Agency inspected the site.")


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("Bosnian Croat forces shelled the enclave.", "Bosnian Croat forces", ("BIH", "REB")),
    ("Rwandan Hutu militiamen crossed into eastern Zaire.", "Rwandan Hutu militiamen",
     ("RWA", "PRM")),
    ("Iran's militia proxies in Iraq fired rockets at the base.",
     "Iran's militia proxies", ("IRQ", "REB")),
    ("Police broke up a rally by Ana Petrovic's opposition alliance.",
     "Ana Petrovic's opposition", (None, "OPP")),
])
def test_peoples_proxies_and_a_named_leaders_group(text: str, phrase: str,
                                                   expected: tuple[str | None, str]) -> None:
    assert actors(text)[phrase] == expected


def test_an_old_country_name_after_a_preposition_is_the_country() -> None:
    found = actors("Hutu militiamen attacked a refugee camp in eastern Zaire.")
    assert found["Hutu militiamen"] == ("COD", "PRM")


def test_of_takes_no_owner_that_owns_a_following_group() -> None:
    found = actors("A delegation of Hamas officials met the mediators in Cairo.")
    assert found["Hamas officials"] == ("PSE", "REB")
    found = actors("Gunmen killed the deputy chief of Israel's militia ally in southern Lebanon.")
    assert found["Israel's militia ally"] == ("LBN", "REB")


def test_the_office_held_on_the_date_outranks_a_standing_opposition_sector() -> None:
    text = "Police detained Istanbul Mayor Ekrem Imamoglu."
    assert actors(text, date(2025, 3, 19))["Mayor Ekrem Imamoglu"] == ("TUR", "GOV")
    assert actors(text, date(2025, 6, 1))["Mayor Ekrem Imamoglu"] == ("TUR", "OPP")


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("Red Cross officials suspended their convoys.", "Red Cross officials", ("NGO", "SOC")),
    ("Human rights watchdog Amnesty International criticised the law.",
     "watchdog Amnesty International", ("NGO", "SOC")),
    ("Zimbabwean war veterans occupied the farms.", "Zimbabwean war veterans",
     ("ZWE", "CVL")),
])
def test_an_organisations_staff_and_descriptors(text: str, phrase: str,
                                                expected: tuple[str, str]) -> None:
    assert actors(text)[phrase] == expected
