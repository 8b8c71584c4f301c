"""A named person's country and sector come from the office held on the article's date."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.analyze import analyze_text


@pytest.mark.parametrize(("published", "sector"), [
    (date(2020, 3, 1), "REB"),   # before he led the state
    (date(2026, 1, 8), "GOV"),   # president from 2025-01-29
])
def test_sector_follows_the_office_on_the_date(published: date, sector: str) -> None:
    analysis = analyze_text("Ahmed al-Sharaa met the envoy in Damascus.", published)
    found = {a.name: (a.country, a.sector) for a in analysis.actors}
    assert found["Ahmed al-Sharaa"] == ("SYR", sector)


def test_a_former_head_of_state_is_an_elite() -> None:
    analysis = analyze_text("Donald Trump spoke to reporters in Florida.", date(2022, 6, 1))
    found = {a.name: (a.country, a.sector) for a in analysis.actors}
    assert found["Donald Trump"] == ("USA", "ELI")
