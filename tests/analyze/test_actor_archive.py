"""Actors of archive news (1980s-2000s wire copy): former state names, armed groups
known by acronym, unknown organisations read from their own words, portfolios after
"Minister for", and peoples named by "ethnic" (sitrep.analyze.nlp.actors, actor_groups
and the knowledge-base data)."""

from __future__ import annotations

from datetime import date

import pytest
from actor_support import actors as read_actors

ARCHIVE = date(1998, 3, 1)


def actors(text: str, published: date = ARCHIVE) -> dict[str, tuple[str | None, str | None]]:
    return read_actors(text, published)


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("Zairean troops crossed into Angola overnight.", "Zairean troops", ("COD", "MIL")),
    ("Soviet negotiators left Vienna on Friday.", "Soviet negotiators", ("RUS", "GOV")),
    ("Yugoslav police sealed off the village.", "Yugoslav police", ("SRB", "COP")),
    ("Kampuchean rebels shelled a border post.", "Kampuchean rebels", ("KHM", "REB")),
    ("Rhodesian forces raided a camp.", "Rhodesian forces", ("ZWE", "MIL")),
])
def test_demonyms_of_former_state_names_give_the_successor_state(
        text: str, phrase: str, expected: tuple[str, str]) -> None:
    assert actors(text)[phrase] == expected


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("The RUF freed forty hostages near Makeni.", "RUF", ("SLE", "REB")),
    ("UNITA shelled the provincial capital.", "UNITA", ("AGO", "REB")),
    ("The LTTE attacked a naval patrol.", "LTTE", ("LKA", "REB")),
    ("The SPLA captured a garrison town.", "SPLA", ("SDN", "REB")),
    ("The KLA ambushed a patrol.", "KLA", ("XKX", "REB")),
])
def test_armed_groups_of_the_archive_are_known_by_acronym(
        text: str, phrase: str, expected: tuple[str, str]) -> None:
    assert actors(text)[phrase] == expected


def test_an_armed_group_that_took_power_is_dated() -> None:
    assert actors("The Rwandan Patriotic Front attacked Byumba.",
                  date(1992, 6, 1))["Rwandan Patriotic Front"] == ("RWA", "REB")
    assert actors("The Rwandan Patriotic Front won the vote.",
                  date(2003, 9, 1))["Rwandan Patriotic Front"] == ("RWA", "PTY")


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("The Popular Liberation Front of Westmark claimed the Ghanaian raid.",
     "Popular Liberation Front of Westmark", (None, "REB")),
    ("The Namibian Freedom Party boycotted the vote.", "Namibian Freedom Party",
     ("NAM", "PTY")),
    ("The Zambia Anti-Fraud Commission summoned him.", "Zambia Anti-Fraud Commission",
     ("ZMB", "GOV")),
    ("The Association of Tanzanian Lawyers protested.", "Association of Tanzanian Lawyers",
     ("TZA", None)),
    ("Researchers at Marlow University said the trial failed.", "Marlow University",
     (None, "EDU")),
    ("Doctors at the Bellford Clinic treated twelve wounded.", "Bellford Clinic",
     (None, "MED")),
    ("Orvana Holdings Ltd said it would close the mine.", "Orvana Holdings Ltd",
     (None, "BUS")),
    ("Worshippers gathered outside St Aldric Cathedral.", "St Aldric Cathedral",
     (None, "REL")),
    ("The Marovian National Police said gangs attacked the station.",
     "Marovian National Police", (None, "COP")),
])
def test_an_unknown_organisation_is_read_from_its_own_words(
        text: str, phrase: str, expected: tuple[str | None, str | None]) -> None:
    found = actors(text)
    assert phrase in found
    country, sector = expected
    assert found[phrase][1] == sector
    if country is not None:
        assert found[phrase][0] == country


def test_a_lower_case_party_after_a_name_is_part_of_it() -> None:
    found = actors("Leaders of the ruling Tamu party met in Lusaka on Friday.")
    assert found["Tamu party"] == ("ZMB", "PTY")  # a party takes its context's country
    assert not [phrase for phrase in found if phrase == "Tamu"]


def test_a_role_word_after_party_keeps_the_role() -> None:
    found = actors("The Tamu party leader told reporters in Lusaka he would run.")
    assert "Tamu party" not in found
    assert found["party leader"][1] == "PTY"


def test_a_portfolio_after_minister_for_is_part_of_the_title() -> None:
    found = actors("Kenya's Minister for Home Affairs Peter Odhiambo banned the march.")
    name = next(k for k in found if k.endswith("Peter Odhiambo"))
    assert found[name] == ("KEN", "GOV")
    assert "Home Affairs Peter Odhiambo" not in found


def test_a_party_adjective_between_former_and_the_title_keeps_the_holder_former() -> None:
    found = actors("Former Socialist prime minister Anton Verhoeven urged restraint.",
                   date(2005, 1, 1))
    assert found["prime minister Anton Verhoeven"][1] == "ELI"


def test_ethnic_before_a_demonym_and_a_role_takes_the_country_from_the_context() -> None:
    found = actors("Ethnic Serb militants in Croatia blocked the road to Knin.")
    assert found["Serb militants"] == ("HRV", "REB")


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("Artillery shelled Syrian villages overnight.", "Syrian villages", ("SYR", "CVL")),
    ("Tanks shelled residential areas of Jaffna.", "residential areas of Jaffna",
     ("LKA", "CVL")),
    ("Kenyan security forces raided the camp.", "Kenyan security forces", ("KEN", "MIL")),
    ("Russian civilian advisers were kidnapped.", "Russian civilian advisers",
     ("RUS", "CVL")),
])
def test_places_security_forces_and_civilian_advisers(
        text: str, phrase: str, expected: tuple[str, str]) -> None:
    assert actors(text)[phrase] == expected


def test_a_known_churchman_keeps_his_own_country() -> None:
    found = actors("Archbishop Desmond Tutu called for sanctions against Nigeria.")
    assert found["Archbishop Desmond Tutu"] == ("ZAF", "REL")


@pytest.mark.parametrize(("text", "name"), [
    ("Pakistani police detained Maulana Sami-ul-Nasir in Quetta.", "Maulana Sami-ul-Nasir"),
    ("Saudi police questioned Faisal al-Mutairi on Monday.", "Faisal al-Mutairi"),
    ("Yemeni officials met Khalid bin-Rashid in Aden.", "Khalid bin-Rashid"),
])
def test_a_name_runs_on_through_its_hyphenated_particles(text: str, name: str) -> None:
    assert name in actors(text)  # the whole name, not "Faisal" or "Maulana Sami"


def test_compass_points_joined_by_a_hyphen_name_no_one() -> None:
    assert actors("The crisis soured East-West relations for a decade.") == {}
    assert "East-West Institute" in actors("The East-West Institute hosted the talks.")


def test_words_of_a_title_case_heading_are_not_people() -> None:
    text = ("Walking Meditation For Busy People\n"
            "Many people find it hard to sit still, says Holly Wilgus, a yoga teacher.\n"
            "Brown Noise And Better Sleep\nSome listeners prefer brown noise.")
    found = actors(text)
    assert "Holly Wilgus" in found
    assert not [phrase for phrase in found if phrase in {
        "Walking Meditation", "Busy People", "Brown Noise", "Better Sleep"}]


def test_known_names_in_a_heading_are_still_read() -> None:
    found = actors("Putin And Trump Agree To Meet In Alaska\nThe two will meet on Friday.")
    assert found["Putin"][0] == "RUS" and found["Trump"][0] == "USA"


@pytest.mark.parametrize("text", [
    "Staff at Kenyatta National Hospital went on strike on Monday.",
    "Flights from Jinnah International Airport were cancelled.",
    "The Mandela Foundation criticised the ruling.",
])
def test_a_leader_s_name_inside_an_institution_s_name_is_not_the_leader(text: str) -> None:
    found = actors(text)
    assert not [phrase for phrase, (_, sector) in found.items() if sector == "GOV"]


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("Kenya Airways cancelled its flights to Juba.", "Kenya Airways", ("KEN", "BUS")),
    ("The Nigeria Police Force arrested twelve men.", "Nigeria Police Force", ("NGA", "COP")),
])
def test_a_country_s_name_at_the_head_of_an_organisation_s_is_part_of_it(
        text: str, phrase: str, expected: tuple[str, str]) -> None:
    assert actors(text, date(2025, 1, 1))[phrase] == expected
