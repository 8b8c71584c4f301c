"""Names of things are not people (sitrep.analyze.nlp.actor_things): laws, parks, apps,
services, courses and galleries end in a head no person's name ends in; names that start
with such a word, or stand alone after a title, stay people ("Park Geun-hye", "President
Park", "Bill Clinton")."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.analyze import analyze_text
from sitrep.analyze.nlp.actor_lexicon import load_actor_words

ON = date(2025, 6, 1)


def found(text: str) -> dict[str, tuple[str, str | None, str | None]]:
    """Every actor of ``text`` by name: (kind, country, sector)."""
    return {a.name: (a.kind, a.country, a.sector) for a in analyze_text(text, ON).actors}


@pytest.mark.parametrize(("text", "name"), [
    ("Congress passed the Inflation Reduction Act after a long fight.",
     "Inflation Reduction Act"),
    ("Ohio lawmakers praised the Jobs Act on Tuesday.", "Jobs Act"),
    ("Thousands gathered in Central Park for the concert.", "Central Park"),
    ("The festival moved to Brooklyn Bridge Park this year.", "Brooklyn Bridge Park"),
    ("The game is sold on the App Store and on Apple TV.", "App Store"),
    ("She edits her films in Adobe Premiere Pro every night.", "Adobe Premiere Pro"),
    ("Developers compared Codex CLI with its rivals.", "Codex CLI"),
    ("The outage hit Amazon Web Services customers.", "Amazon Web Services"),
    ("He took three courses on LinkedIn Learning last year.", "LinkedIn Learning"),
    ("Email Marketing and Content Marketing both grew.", "Content Marketing"),
    ("The Berkeley Haas MBA Program admitted more women.", "Berkeley Haas MBA Program"),
    ("The painting hangs in the Courtauld Gallery in London.", "Courtauld Gallery"),
    ("Visitors queued at the Oskar Reinhart Collection.", "Oskar Reinhart Collection"),
])
def test_a_name_ending_in_a_thing_head_is_no_person(text: str, name: str) -> None:
    actors = found(text)
    assert name not in actors
    assert not any(kind == "person" for kind, _, _ in actors.values())


@pytest.mark.parametrize(("text", "name", "expected"), [
    ("Bill Clinton spoke in Central Park on Monday.", "Bill Clinton",
     ("person", "USA", "ELI")),
    ("President Park said the talks had failed.", "Park", ("person", None, "GOV")),
    ("Park Geun-hye was impeached by parliament.", "Park Geun-hye",
     ("person", "KOR", "ELI")),
    ("Steve Jobs founded the firm in a garage.", "Steve Jobs", ("person", None, None)),
])
def test_people_whose_names_hold_such_a_word_stay(
        text: str, name: str, expected: tuple[str, str | None, str | None]) -> None:
    assert found(text).get(name) == expected


def test_a_known_organisation_owning_the_thing_stays() -> None:
    # "Google" of "Google Search Console" is Alphabet; "the EU" passed the act
    assert found("Google Search Console is free to use.").get("Alphabet") == \
        ("organization", "USA", "BUS")
    assert found("The EU AI Act takes effect next year.").get("European Union (EU)") == \
        ("organization", "IGO", "GOV")


def test_a_place_in_the_name_of_a_thing_is_no_government() -> None:
    assert found("Washington Square Park was crowded on Sunday.") == {}


def test_a_technologies_company_is_a_business() -> None:
    assert found("Dell Technologies said sales rose.").get("Dell Technologies") == \
        ("organization", None, "BUS")


def test_the_thing_heads_leave_out_surnames_and_given_names() -> None:
    heads = load_actor_words().thing_name_heads
    assert {"act", "park", "app", "tv", "gallery", "collection", "marketing"} <= heads
    assert not heads & {"bill", "lake", "hall", "house", "law", "beach", "plaza", "jobs"}
