"""Unknown names the rule-based actor finder must keep whole, keep out of a country, or not
take for actors at all (sitrep.analyze.nlp.actor_decide, actor_groups, common_words):
institutions named "<Country> <role word> <head>" ("the Kenya Police Service"), bodies
named after where states met ("the Minsk Group"), accords and formats ("the Geneva
Conventions"), and everyday words capitalised in web copy ("It Costs Less")."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitrep.analyze import analyze_text
from sitrep.analyze.nlp.actor_decide import name_like
from sitrep.analyze.nlp.common_words import COMMON_WORDS_FILE, common_words, is_common_word
from sitrep.errors import AnalysisError

ON = date(2025, 6, 1)


def found(text: str) -> dict[str, tuple[str, str | None, str | None]]:
    """Every actor of ``text`` by name: (kind, country, sector)."""
    return {a.name: (a.kind, a.country, a.sector) for a in analyze_text(text, ON).actors}


@pytest.mark.parametrize(("text", "name", "expected"), [
    ("The Kenya Police Service said protesters attacked a station.",
     "Kenya Police Service", ("organization", "KEN", "COP")),
    ("The Ghana Police Service arrested ten suspects.",
     "Ghana Police Service", ("organization", "GHA", "COP")),
    ("The South African Police Service said it had arrested five men.",
     "South African Police Service", ("organization", "ZAF", "COP")),
    ("The Uganda Revenue Authority seized the goods.",
     "Uganda Revenue Authority", ("organization", "UGA", "GOV")),
    ("The Zambia Wildlife Authority accused poachers of killing elephants.",
     "Zambia Wildlife Authority", ("organization", "ZMB", "GOV")),
    ("The Nigerian Air Force bombed a camp.", "Nigerian Air Force", ("group", "NGA", "MIL")),
    ("The Rwanda Defence Force denied the accusations.",
     "Rwanda Defence Force", ("organization", "RWA", "MIL")),
    ("The Police Service Commission suspended three officers.",
     "Police Service Commission", ("organization", None, "COP")),
    ("Kenya's National Police Service said two officers were killed.",
     "National Police Service", ("organization", "KEN", "COP")),
    ("The US Army Corps of Engineers said the levee would hold.",
     "US Army Corps of Engineers", ("organization", "USA", "MIL")),
])
def test_an_institution_named_by_country_role_word_and_head_stays_whole(
        text: str, name: str, expected: tuple[str, str | None, str | None]) -> None:
    actors = found(text)
    assert actors.get(name) == expected, actors
    assert not {"Service", "Force", "Authority", "Commission", "Corps"} & set(actors)


def test_a_role_word_before_a_name_of_its_own_stays_a_descriptor() -> None:
    # "Movement for Democratic Change" has a word of its own: "Opposition" only describes it
    actors = found("Opposition Movement for Democratic Progress leaders met in Harare.")
    assert "Opposition Movement for Democratic Progress" not in actors


@pytest.mark.parametrize(("text", "name", "country"), [
    ("The OSCE Minsk Group co-chairs met the foreign ministers.", "OSCE Minsk Group", "IGO"),
    ("The Minsk Group has failed to broker a deal.", "Minsk Group", None),
    ("The Paris Club agreed to reschedule Zambia's debt.", "Paris Club", None),
    ("The Lima Group condemned the election.", "Lima Group", None),
])
def test_a_place_inside_a_forum_s_name_sets_no_country(
        text: str, name: str, country: str | None) -> None:
    actors = found(text)
    assert actors[name][:2] == ("organization", country)
    assert not {"BLR", "FRA", "PER"} & {c for _, c, _ in actors.values()}


@pytest.mark.parametrize(("text", "place_country"), [
    ("France and Germany pushed for a meeting in the Normandy Format.", None),
    ("Ukraine accused Russia of violating the Minsk agreements.", "BLR"),
    ("Russia hosted a new round of the Astana process.", "KAZ"),
    ("The Red Cross accused both sides of violating the Geneva Conventions.", "CHE"),
    ("The Oslo Accords were signed in 1993.", "NOR"),
    ("The Munich Security Conference opened on Friday.", "DEU"),
])
def test_accords_formats_and_meetings_named_by_a_place_are_not_actors(
        text: str, place_country: str | None) -> None:
    actors = found(text)
    assert not [name for name in actors if any(
        word in name for word in ("Format", "Conventions", "Accords", "Conference"))], actors
    assert place_country not in {c for _, c, _ in actors.values()}


def test_a_name_kept_by_its_head_is_an_organisation_not_an_accord() -> None:
    assert found("The World Economic Forum opened in Davos.")["World Economic Forum"][0] == \
        "organization"
    assert found("The Drug Enforcement Administration seized the drugs.")[
        "Drug Enforcement Administration"][:3] == ("organization", None, "GOV")


@pytest.mark.parametrize("text", [
    "It Costs Less than you think. Our plans start at $10 a month.",
    "Enter AI, the new assistant that writes your emails. It Costs Less and Does More.",
    "Final Thoughts\n\nWe hope this guide helps. Learn More about Machine Learning here.",
])
def test_everyday_words_capitalised_in_running_text_are_not_people(text: str) -> None:
    assert not [a for a, (kind, _, _) in found(text).items() if kind == "person"]


@pytest.mark.parametrize(("text", "name"), [
    ("Maria Kolesnikova was detained on Monday. Kolesnikova refused to leave.",
     "Maria Kolesnikova"),
    ("Juan Guaidó called on the army to act. Guaidó said the protests would go on.",
     "Juan Guaidó"),
    ("Tendai Moyo, a farmer, said the rains came late. Moyo lost half his crop.",
     "Tendai Moyo"),
    ("Will Hurd said the bill would fail.", "Will Hurd"),
])
def test_unknown_people_are_still_read(text: str, name: str) -> None:
    analysis = analyze_text(text, ON)
    person = next(a for a in analysis.actors if a.name == name)
    assert person.kind == "person"
    surname = name.split()[-1]
    if text.count(surname) > 1:  # the surname alone, later, is the same person
        assert sum(m.text == surname for m in person.mentions) == 1


def test_an_acronym_after_its_owner_is_its_body_not_a_person() -> None:
    actors = found("Soviet NKVD security forces murdered the officers.")
    assert actors["Soviet NKVD"][:2] == ("organization", "RUS")


@pytest.mark.parametrize(("word", "expected"), [
    ("Costs", False), ("Less", False), ("Enter", False), ("AI", False), ("SEO", False),
    ("Z", False), ("Kolesnikova", True), ("Guaidó", True), ("Bill", True), ("Mark", True),
    ("J.", True), ("O'Brien", True),
])
def test_name_like_words(word: str, expected: bool) -> None:
    assert name_like(word) is expected


def test_the_common_word_list_is_everyday_words_not_given_names() -> None:
    words = common_words()
    assert len(words) > 5000
    assert all(is_common_word(w) for w in ("costs", "less", "enter", "final", "thoughts"))
    assert not any(is_common_word(w) for w in ("bill", "mark", "rice", "maria", "juan"))


def test_a_broken_common_word_list_is_an_error(tmp_path: Path) -> None:
    broken = tmp_path / "common_words.txt"
    broken.write_text("# header\ncosts\nNot Lower\n", encoding="utf-8")
    with pytest.raises(AnalysisError):
        common_words(broken)
    with pytest.raises(AnalysisError):
        common_words(tmp_path / "absent.txt")


def test_the_common_word_list_is_what_train_common_words_writes(shared_dir: Path) -> None:
    import importlib.util

    script = Path(__file__).resolve().parents[2] / "train" / "common_words.py"
    spec = importlib.util.spec_from_file_location("common_words_script", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    lower, proper = module.count(shared_dir / "data" / "ud-ewt" / "en_ewt-ud-train.conllu")
    expected = {w for w, n in lower.items() if n >= 2 and 4 * proper[w] <= n}
    assert expected == set(common_words(COMMON_WORDS_FILE))
