"""Long role words and organisation heads read with one letter dropped
(sitrep.analyze.nlp.actor_spelling), and the real words that rule must leave alone."""

from __future__ import annotations

from datetime import date

import pytest
from actor_support import actors

from sitrep.analyze.nlp.actor_lexicon import load_actor_words
from sitrep.analyze.nlp.actor_spelling import misspellings, role_misspellings

ON = date(2024, 5, 2)


def test_an_inner_letter_dropped_from_a_long_word_is_read_as_the_word() -> None:
    found = misspellings(["peacekeepers", "commission"])
    assert found["peacekepers"] == "peacekeepers"
    assert found["peackeepers"] == "peacekeepers"
    assert found["commision"] == "commission"


def test_the_first_letter_and_the_last_two_are_never_dropped() -> None:
    found = misspellings(["diplomats", "organizers", "commandos"])
    # "diplomas", "organizes" and "commands" are real words, not slips
    assert not {"iplomats", "diplomas", "diplomat", "organizes", "commands"} & set(found)


def test_short_words_and_shared_or_known_forms_are_not_read() -> None:
    assert misspellings(["soldiers"]) == {}  # eight letters: too short to read safely
    shared = misspellings(["abcdefghij", "abcdefghkj"])  # both lose a letter to "abcdefghj"
    assert "abcdefghj" not in shared
    # a form that is a vocabulary word of its own stays that word
    assert "abdefghij" not in misspellings(["abcdefghij", "abdefghij"])


def test_bundled_roles_and_heads_carry_their_misspellings() -> None:
    assert role_misspellings()["peacekepers"] == "peacekeepers"
    words = load_actor_words()
    assert "commision" in words.org_heads and "commision" in words.state_org_heads
    assert "goverment" in words.org_heads


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("UN peacekepers patrolled the buffer zone near Naqoura.", "UN peacekepers",
     ("IGO", "MIL")),
    ("The Zambia Anti-Fraud Commision questioned the minister.",
     "Zambia Anti-Fraud Commision", ("ZMB", "GOV")),
])
def test_a_misspelt_role_or_head_reads_as_spelt(
        text: str, phrase: str, expected: tuple[str, str]) -> None:
    assert actors(text, ON)[phrase] == expected


def test_a_real_word_near_a_role_word_is_no_actor() -> None:
    found = actors("Graduates in Accra received their diplomas on Friday.", ON)
    assert not any("diplomas" in phrase for phrase in found)


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("Iran closed its border with Afganistan on Monday.", "Afganistan", ("AFG", "GOV")),
    ("Japan sent rice to the Philipines after the typhoon.", "Philipines", ("PHL", "GOV")),
])
def test_a_long_country_name_with_a_letter_dropped_is_the_country(
        text: str, phrase: str, expected: tuple[str, str]) -> None:
    assert actors(text, ON)[phrase] == expected


def test_a_shorter_country_name_is_not_guessed_at() -> None:
    # "Cameroon" has eight letters: "Cameron" is a name of its own, never the country
    found = actors("Cameron Diallo met reporters in Accra.", ON)
    assert all(country != "CMR" for country, _ in found.values())
