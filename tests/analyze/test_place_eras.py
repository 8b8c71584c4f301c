"""Conflict regions as evidence for shared town names, places' countries as of the
article's date (successor states), and rebel-modified forces. The sentences are written
for these tests; the gazetteer and the successor table are the bundled ones."""

from __future__ import annotations

from datetime import date

import pytest
from actor_support import actors

from sitrep.analyze import place_eras
from sitrep.analyze.place_eras import country_on, place_on
from sitrep.analyze.places import find_places
from sitrep.errors import AnalysisError
from sitrep.models import Place

BEFORE = date(2009, 5, 4)   # South Sudan still part of Sudan
AFTER = date(2016, 5, 2)


def countries(text: str, on: date | None = None) -> dict[str, str | None]:
    return {text[m.start:m.end]: m.place.country for m in find_places(text, on)}


# --- a region named in the article settles a shared town name -----------------------------

def test_a_south_sudanese_state_makes_bor_south_sudans() -> None:
    text = "Soldiers returned to Bor, the capital of Jonglei state, after heavy fighting."
    assert countries(text) == {"Bor": "SSD", "Jonglei state": "SSD"}


def test_bor_without_south_sudanese_evidence_stays_the_most_populous() -> None:
    text = "A gas pipeline exploded near Bor, a town in the Nizhny Novgorod region of Russia."
    assert countries(text)["Bor"] == "RUS"
    assert countries("Miners in Bor, Serbia, went on strike.")["Bor"] == "SRB"


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Rebels overran a base in Upper Nile.", "Upper Nile", "SSD"),
    ("Floods displaced thousands in Unity State.", "Unity State", "SSD"),
    ("The government of National Unity met in Juba.", "Juba", "SSD"),  # no "Unity" place
    ("Clashes erupted in Lower Shabelle and Galmudug.", "Galmudug", "SOM"),
    ("Militias attacked villages in Djugu, in Ituri province.", "Ituri province", "COD"),
    ("Fighting spread to Kayin State near Myawaddy.", "Kayin State", "MMR"),
    ("Gunmen kidnapped pupils in Kebbi and Yobe.", "Yobe", "NGA"),
])
def test_conflict_regions_are_places(text: str, name: str, country: str) -> None:
    assert countries(text)[name] == country


def test_a_region_takes_state_but_a_city_does_not() -> None:
    # "Jonglei State" names the region; a city before "State" is a university's name.
    assert "Jonglei state" in countries("Aid reached Jonglei state on Monday.")
    assert not any("State" in name for name in countries("He coached at Boise State."))


# --- successor states: the country that held the place on the article's date -------------

@pytest.mark.parametrize(("on", "expected"), [
    (None, "SSD"), (BEFORE, "SDN"), (date(2011, 7, 8), "SDN"), (date(2011, 7, 9), "SSD"),
    (AFTER, "SSD"),
])
def test_south_sudans_places_were_sudans_before_independence(on: date | None,
                                                              expected: str) -> None:
    assert countries("Rebels in Jonglei attacked a convoy.", on)["Jonglei"] == expected


@pytest.mark.parametrize("on", [BEFORE, AFTER])
def test_sudans_own_places_stay_sudans(on: date) -> None:
    assert countries("Protesters marched in Khartoum.", on)["Khartoum"] == "SDN"


def test_other_successions_and_countries_untouched() -> None:
    assert country_on("ERI", date(1990, 1, 1)) == "ETH"
    assert country_on("ERI", date(1995, 1, 1)) == "ERI"
    assert country_on("XKX", date(1998, 6, 1)) == "SRB"
    assert country_on("XKX", date(2003, 1, 1)) == "XKX"  # under UN administration
    assert country_on("MNE", date(2005, 1, 1)) == "MNE"  # not in the table
    assert country_on("UKR", date(1990, 1, 1)) == "UKR"  # no entry: today's country
    assert country_on(None, BEFORE) is None
    place = Place("Juba", "SSD")
    assert place_on(place, AFTER) is place
    assert place_on(place, BEFORE) == Place("Juba", "SDN")


def test_successor_table_schema() -> None:
    assert place_eras.successions()["SSD"].since == date(2011, 7, 9)
    good = {"successor_states": [{"country": "SSD", "from": "SDN", "since": "2011-07-09"}]}
    assert place_eras._check(good)["SSD"].predecessor == "SDN"
    for bad in ({"successor_states": [{"country": "SSD", "from": "Sudan", "since": "2011"}]},
                {"successor_states": [{"country": "SSD", "from": "SDN"}]},
                {"successor_states": [{"country": "SSD", "from": "SDN", "since": "July"}]},
                {"other": []}):
        with pytest.raises(ValueError):
            place_eras._check(bad)


def test_a_broken_table_is_an_analysis_error(monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: object) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    broken = tmp_path / "successor_states.yaml"
    broken.write_text("successor_states: [{country: SSD}]", encoding="utf-8")
    monkeypatch.setattr(place_eras, "_FILE", broken)
    place_eras.successions.cache_clear()
    try:
        with pytest.raises(AnalysisError, match="successor_states"):
            place_eras.successions()
    finally:
        place_eras.successions.cache_clear()


# --- through the pipeline: actors located by these places ----------------------------------

def test_actors_in_jonglei_are_south_sudans_then_sudans() -> None:
    text = "Government troops attacked a rebel garrison in Bor, the capital of Jonglei state."
    found = actors(text, AFTER)
    assert found["rebel garrison"] == ("SSD", "REB")
    assert found["troops"] == ("SSD", "MIL")
    convoy = "Rebels in Jonglei attacked an army convoy."
    assert actors(convoy, AFTER)["Rebels"] == ("SSD", "REB")
    assert actors(convoy, BEFORE)["Rebels"] == ("SDN", "REB")
    assert actors("Police in Khartoum arrested protesters.", AFTER)["Police"] == ("SDN", "COP")


@pytest.mark.parametrize(("phrase", "sector"), [
    ("rebel troops", "REB"), ("separatist forces", "REB"), ("militant commanders", "REB"),
    ("fighter pilots", "MIL"),  # "fighter" is no rebel word before a force
])
def test_a_rebel_word_makes_a_force_the_rebels(phrase: str, sector: str) -> None:
    text = f"The {phrase} attacked a checkpoint near Gao on Sunday."
    assert actors(text, AFTER)[phrase] == ("MLI", sector)
