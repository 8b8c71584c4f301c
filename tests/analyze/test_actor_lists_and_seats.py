"""Places in lists, capitals as their political class, residence as no actor, and a
possessive bound by coordination (sitrep.analyze.nlp.actor_owners and coref). The
sentences are written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from actor_support import actors as read_actors
from spacy.lang.en import English

from sitrep.analyze import analyze_text
from sitrep.analyze.nlp.actor_owners import list_start

ON = date(2025, 6, 1)


def actors(text: str) -> dict[str, tuple[str | None, str | None]]:
    return read_actors(text, ON)


@pytest.mark.parametrize(("text", "word", "first"), [
    ("Protests spread in Algiers, Oran and Constantine.", "Constantine", "Algiers"),
    ("Protests spread in Algiers, Oran and Constantine.", "Oran", "Algiers"),
    ("Many in Addis Ababa and Nairobi agreed.", "Nairobi", "Addis"),
    ("Many in Washington, Brussels, and Kyiv agreed.", "Brussels", "Washington"),
    # not a later item of a list closed by "and"/"or": the name itself
    ("In Moscow, Kyiv is seen as the aggressor.", "Kyiv", "Kyiv"),
    ("Protests spread in Algiers, Oran and Constantine.", "Algiers", "Algiers"),
])
def test_list_start_finds_the_first_name_of_a_closed_list(text: str, word: str,
                                                          first: str) -> None:
    doc = English().make_doc(text)
    index = next(t.i for t in doc if t.text == word)
    assert doc[list_start(doc, index)].text == first


def test_every_city_of_a_list_after_in_is_its_people() -> None:
    found = actors("Protests spread in Algiers, Oran and Constantine on Friday.")
    assert found["Oran"] == ("DZA", "CVL")
    assert found["Constantine"] == ("DZA", "CVL")


def test_a_list_after_a_relation_word_keeps_each_name_an_actor() -> None:
    found = actors("A ceasefire between Thailand and Cambodia held on Tuesday.")
    assert found["Cambodia"] == ("KHM", "GOV")


@pytest.mark.parametrize(("text", "expected"), [
    ("For many in Washington, Brussels, and Kyiv, the deal is a gamble.",
     {"Washington": ("USA", "GOV"), "Brussels": ("IGO", "GOV"), "Kyiv": ("UKR", "GOV")}),
    ("Some in Moscow welcomed the decision.", {"Moscow": ("RUS", "GOV")}),
    ('"No one in Nairobi will tell us what to do," he said.', {"Nairobi": ("KEN", "GOV")}),
])
def test_a_quantity_in_a_capital_is_its_political_class(
        text: str, expected: dict[str, tuple[str, str]]) -> None:
    found = actors(text)
    for phrase, reading in expected.items():
        assert found[phrase] == reading


def test_people_in_a_capital_stay_its_people() -> None:
    assert actors("The army lifted the curfew in Nairobi.")["Nairobi"] == ("KEN", "CVL")


def test_the_people_of_a_seat_of_an_organisation_live_in_its_country() -> None:
    # Brussels as agent is the EU; where something happens there, its people are Belgium's
    assert actors("Protests spread across Brussels overnight.")["Brussels"] == ("BEL", "CVL")


@pytest.mark.parametrize("text", [
    "The painter lives and works in Nairobi.",
    "She has lived in Nairobi since 2010.",
])
def test_a_city_someone_lives_or_works_in_is_no_actor(text: str) -> None:
    assert "Nairobi" not in actors(text)


@pytest.mark.parametrize(("text", "owner"), [
    ("The minister said the talks could fail, and Ukraine and its allies would pay.",
     "Ukraine"),
    ("Kenya said the plan would help Uganda and its neighbours.", "Uganda"),
])
def test_a_possessive_after_and_belongs_to_the_name_before(text: str, owner: str) -> None:
    analysis = analyze_text(text, ON)
    start = text.index(" its ") + 1
    holders = [a.name for a in analysis.actors
               if any(m.start == start for m in a.mentions)]
    assert holders == [next(a.name for a in analysis.actors
                            if any(text[m.start:m.end] == owner for m in a.mentions))]


def test_a_state_body_named_after_the_criminals_it_fights_is_not_theirs() -> None:
    analysis = analyze_text("The council voted to authorise a new Gang Suppression Force "
                            "for Haiti.", ON)
    force = next(a for a in analysis.actors if "Suppression Force" in a.name)
    assert force.name.startswith("Gang Suppression Force")
    assert force.sector != "CRM"


def test_a_gang_is_still_criminal() -> None:
    assert actors("Gang leaders attacked the town.")["Gang leaders"][1] == "CRM"


@pytest.mark.parametrize(("text", "phrase"), [
    ("Police beat protesters on Monday.", "Police"),
    ("Police hit demonstrators with batons.", "Police"),
    ("Troops fled the town overnight.", "Troops"),
])
def test_a_role_word_before_a_verb_not_ending_in_ed_is_its_subject(text: str,
                                                                    phrase: str) -> None:
    assert phrase in actors(text)


def test_a_role_word_as_an_adjective_is_still_no_actor() -> None:
    assert "Military" not in actors("Military operations continued in the north.")


@pytest.mark.parametrize(("text", "name"), [
    ("Indian and Chinese troops clashed in the Galwan Valley.", "Galwan Valley"),
    ("The army took positions south of the Litani River.", "Litani River"),
    ("Ships crossed the Taiwan Strait on Monday.", "Taiwan Strait"),
])
def test_a_valley_river_or_strait_is_no_person(text: str, name: str) -> None:
    assert name not in actors(text)


@pytest.mark.parametrize(("text", "phrase"), [
    ("A convoy delivered food to the town of Tawila on Friday.", "town of Tawila"),
    ("Rebels shelled the village of Kiliba on Monday.", "village of Kiliba"),
])
def test_a_settlement_named_after_of_is_its_people(text: str, phrase: str) -> None:
    assert actors(text)[phrase][1] == "CVL"
