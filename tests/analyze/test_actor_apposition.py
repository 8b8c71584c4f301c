"""An unknown name completed by the role between commas after it
(sitrep.analyze.nlp.actor_apposition), and what is not an apposition."""

from __future__ import annotations

from datetime import date

from actor_support import actors

from sitrep.analyze import analyze_text

ON = date(2024, 9, 10)


def test_an_appositive_role_gives_the_name_its_sector_and_country() -> None:
    found = actors("Kwame Boateng, Ghana's best-known human rights activist, was detained "
                   "in Accra on Tuesday.", ON)
    assert found["Kwame Boateng"] == ("GHA", "OPP")
    assert found["human rights activist"] == ("GHA", "OPP")  # the same person


def test_an_apposition_with_an_article_and_a_demonym() -> None:
    analysis = analyze_text("Lina Haddad, a senior Jordanian diplomat, arrived in Cairo.", ON)
    people = [a for a in analysis.actors if a.kind == "person"]
    assert [(a.name, a.country, a.sector) for a in people] == [("Lina Haddad", "JOR", "GOV")]
    assert {m.text for m in people[0].mentions} == {"Lina Haddad", "Jordanian diplomat"}


def test_a_relative_clause_is_no_apposition() -> None:
    found = actors("Lina Haddad, who met the Jordanian foreign minister, left Cairo.", ON)
    assert found["Lina Haddad"][1] is None
    assert found["Jordanian foreign minister"] == ("JOR", "GOV")


def test_a_role_that_opens_a_clause_is_no_apposition() -> None:
    found = actors("The talks will go on, Lina Haddad, the Jordanian diplomat said.", ON)
    assert found["Lina Haddad"][1] is None


def test_the_head_of_a_body_named_before_the_name_is_the_body_s_person() -> None:
    # The talks are in Doha; the delegation's head is not Qatar's.
    found = actors("The head of the M23 delegation, Corneille Bisimwa, told reporters in Doha "
                   "that the talks would go on.", ON)
    assert found["Corneille Bisimwa"] == ("COD", "REB")


def test_a_name_after_a_body_without_a_head_word_is_left_alone() -> None:
    found = actors("Members met the M23 delegation, Corneille Bisimwa said in Doha.", ON)
    assert found.get("Corneille Bisimwa", (None, None))[1] != "REB"
