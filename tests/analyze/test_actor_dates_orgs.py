"""Dated sectors beyond heads of state: organisations, "former" titles, titles the text
gives, and knowledge-base entries added for archive news and current offices."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.analyze import analyze_text
from sitrep.analyze.kb import KnowledgeBase


def resolved(text: str, published: date) -> dict[str, tuple[str | None, str | None]]:
    return {a.name: (a.country, a.sector) for a in analyze_text(text, published).actors}


@pytest.mark.parametrize(("published", "sector"), [
    (date(1999, 8, 1), "REB"),   # held Kabul, but coded REB (CAMEO/Phoenix; no UN seat)
    (date(2010, 5, 1), "REB"),   # insurgency
    (date(2023, 5, 1), "GOV"),   # in power from 2021-08-15
])
def test_an_organisation_sector_follows_its_dated_office(published: date, sector: str) -> None:
    found = resolved("The Taliban closed girls' schools in Herat.", published)
    assert found["Taliban"] == ("AFG", sector)


def test_former_title_is_elite_when_no_other_office_is_held() -> None:
    found = resolved("Former French President Nicolas Sarkozy went to prison.",
                     date(2025, 10, 21))
    assert found["Nicolas Sarkozy"] == ("FRA", "ELI")


def test_former_title_keeps_another_office_held_on_the_date() -> None:
    found = resolved("Former Russian President Dmitry Medvedev threatened Kyiv.",
                     date(2024, 3, 1))
    assert found["Dmitry Medvedev"] == ("RUS", "GOV")  # Security Council deputy chairman


def test_an_unnamed_former_officeholder_is_elite() -> None:
    analysis = analyze_text("Austria extradited a former Moldovan interior minister.",
                            date(2024, 3, 1))
    sectors = {a.sector for a in analysis.actors if a.country == "MDA"}
    assert sectors == {"ELI"}


def test_the_title_in_the_text_outweighs_a_date_after_the_term() -> None:
    found = resolved("President Francois Mitterrand welcomed the delegation.",
                     date(2000, 1, 1))
    assert found["François Mitterrand"] == ("FRA", "GOV")


@pytest.mark.parametrize(("name", "on", "expected"), [
    ("Kim Jong Un", date(2025, 1, 1), ("PRK", "GOV")),
    ("Rosneft", date(2025, 1, 1), ("RUS", "BUS")),
    ("Saudi Aramco", date(2025, 1, 1), ("SAU", "BUS")),
    ("Xinhua", date(2025, 1, 1), ("CHN", "JRN")),
    ("Helmut Kohl", date(1995, 1, 1), ("DEU", "GOV")),
    ("Boutros Boutros-Ghali", date(1995, 1, 1), ("IGO", "GOV")),
    ("European Community", date(1990, 1, 1), ("IGO", "GOV")),
    ("Donald Trump", date(2024, 12, 1), ("USA", "GOV")),  # president-elect
])
def test_knowledge_base_entries(name: str, on: date, expected: tuple[str, str]) -> None:
    actor = KnowledgeBase.load().resolve(name, on)
    assert actor is not None and (actor.country, actor.sector) == expected


def test_kosovo_uses_the_user_assigned_iso_code() -> None:
    kb = KnowledgeBase.load()
    assert kb.country_of("Kosovo") == kb.country_of("Kosovar") == "XKX"
