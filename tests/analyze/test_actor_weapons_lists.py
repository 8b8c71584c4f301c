"""Weapons as actors, lists of owners, capitals after "to"/"from", an office's remit, first
names and hyphenated titles (sitrep.analyze.nlp.actors, actor_decide and actor_owners),
on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from actor_support import actors as read_actors

ON = date(2025, 6, 1)


def actors(text: str, published: date = ON) -> dict[str, tuple[str | None, str | None]]:
    return read_actors(text, published)


@pytest.mark.parametrize("text", [
    "Hezbollah launched rockets and missiles at towns in northern Israel overnight.",
    "Drones struck the harbour of Mykolaiv before dawn.",
    "The militia said its fighters shot down helicopters near the border.",
])
def test_a_weapon_without_an_owner_is_no_actor(text: str) -> None:
    found = actors(text)
    assert not any(word in phrase.lower() for phrase in found
                   for word in ("missiles", "drones", "helicopters"))


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("Turkish warplanes bombed positions in northern Iraq.", "Turkish warplanes",
     ("TUR", "MIL")),
    ("Pakistan's drones hit a camp across the border.", "Pakistan's drones", ("PAK", "MIL")),
    ("A Greek F-16 jet intercepted the aircraft.", "Greek F-16 jet", ("GRC", "MIL")),
])
def test_an_owned_weapon_stands_for_its_force(
        text: str, phrase: str, expected: tuple[str, str]) -> None:
    found = actors(text)
    match = next(v for k, v in found.items() if k.endswith(phrase))
    assert match == expected


def test_a_model_name_before_a_weapon_is_no_person() -> None:
    found = actors("Officials feared that delivering Storm Shadow missiles would escalate.")
    assert not any("Storm Shadow" in phrase for phrase in found)


def test_a_clause_comma_does_not_join_owners() -> None:
    found = actors("Militants fired at Egypt, Egyptian officials said on Monday.")
    assert found["Egypt"] == ("EGY", "GOV")
    assert found["Egyptian officials"] == ("EGY", "GOV")


def test_a_comma_list_of_owners_before_a_title_is_one_group_each() -> None:
    found = actors("German, Dutch and Belgian diplomats left the capital.")
    assert found["German"] == ("DEU", "GOV")
    assert found["Dutch"] == ("NLD", "GOV")
    assert found["Belgian diplomats"] == ("BEL", "GOV")


@pytest.mark.parametrize(("text", "capital", "expected"), [
    ("Berlin pledged to send more tanks to Kyiv this winter.", "Kyiv", ("UKR", "GOV")),
    ("Chile withdrew its envoy from Caracas after the vote.", "Caracas", ("VEN", "GOV")),
])
def test_a_capital_after_to_or_from_is_its_government(
        text: str, capital: str, expected: tuple[str, str]) -> None:
    assert actors(text)[capital] == expected


@pytest.mark.parametrize("text", [
    "The chancellor flew to Kyiv on Tuesday.",
    "Thousands fled from Kyiv in the first week.",
])
def test_a_capital_after_travel_is_a_place(text: str) -> None:
    assert "Kyiv" not in actors(text)


def test_the_place_an_office_covers_is_part_of_the_title() -> None:
    found = actors("EU special envoy to Kosovo Marta Lindqvist met the mayor.")
    holder = next(v for k, v in found.items() if k.endswith("Marta Lindqvist"))
    assert holder == ("IGO", "GOV")
    assert not any(k.startswith("Kosovo") for k in found)


def test_a_first_name_alone_refers_back_to_the_person() -> None:
    text = ("Indonesian Foreign Minister Sugiono Wirawan met his Thai counterpart. "
            "Sugiono said the talks were useful.")
    found = actors(text)
    assert found["Sugiono"] == found["Indonesian Foreign Minister Sugiono Wirawan"]


def test_a_hyphenated_title_is_one_title() -> None:
    found = actors("NATO Secretary-General Mark Rutte visited the base.")
    assert found["NATO Secretary-General Mark Rutte"] == ("IGO", "GOV")


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("Hackers linked to China defaced the websites of Indian ministries.",
     "Hackers linked to China", "CHN"),
    ("Gunmen loyal to Venezuela crossed the river.", "Gunmen loyal to Venezuela", "VEN"),
])
def test_a_group_linked_to_an_owner_is_of_its_side(
        text: str, phrase: str, expected: str) -> None:
    assert actors(text)[phrase][0] == expected


def test_hostages_are_of_the_state_that_frees_them_not_where_they_are_held() -> None:
    found = actors("Colombian soldiers freed three hostages held in a camp in Venezuela.")
    assert found["hostages"] == ("COL", "CVL")


def test_a_capitalised_article_is_no_part_of_an_owner() -> None:
    found = actors("A Nigerian soldier was wounded near the border.")
    assert found["Nigerian soldier"] == ("NGA", "MIL")


def test_a_serial_comma_list_of_owners() -> None:
    found = actors("Swedish, Danish, and Finnish warships sailed at dawn.")
    assert [found[k] for k in ("Swedish", "Danish", "Finnish warships")] == [
        ("SWE", "MIL"), ("DNK", "MIL"), ("FIN", "MIL")]
