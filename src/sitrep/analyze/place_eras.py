"""Places' countries as of an article's date: successor states.

The gazetteer files every place under the country it belongs to today: Jonglei and Bor
are South Sudan's. News archives reach back past such changes, and an article written
before a successor state's independence means the state that then held the place: "rebels
in Jonglei" in a 2009 story are Sudan's rebels, as the Sudan People's Liberation Army was
a Sudanese rebel army until 2011 (the knowledge base dates that change for the SPLA
itself). ``places_data/successor_states.yaml`` lists the successions; an undated article
keeps today's countries.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from sitrep.analyze.fastyaml import safe_load
from sitrep.errors import AnalysisError
from sitrep.models import Place

__all__ = ["Succession", "country_on", "place_on", "successions"]

_FILE = resources.files("sitrep.analyze") / "places_data" / "successor_states.yaml"
_ALPHA3 = re.compile(r"[A-Z]{3}")


@dataclass(frozen=True, slots=True)
class Succession:
    """``country`` held its territory from ``since``; before that ``predecessor`` did."""

    country: str
    predecessor: str
    since: date


def _check(data: Any) -> dict[str, Succession]:
    """The file's schema, spelled out so that a bad edit fails loudly when first read."""
    if not isinstance(data, dict) or set(data) != {"successor_states"} or \
            not isinstance(data["successor_states"], list):
        raise ValueError("expected one key, successor_states, holding a list")
    found: dict[str, Succession] = {}
    for row in data["successor_states"]:
        if not isinstance(row, dict) or set(row) != {"country", "from", "since"}:
            raise ValueError(f"{row!r}: expected the keys country, from, since")
        country, predecessor = str(row["country"]), str(row["from"])
        if not (_ALPHA3.fullmatch(country) and _ALPHA3.fullmatch(predecessor)):
            raise ValueError(f"{row!r}: country and from must be alpha-3 codes")
        if country in found or country == predecessor:
            raise ValueError(f"{row!r}: a country succeeds once, and not itself")
        since = row["since"]
        try:
            day = since if isinstance(since, date) else date.fromisoformat(str(since))
        except ValueError as exc:
            raise ValueError(f"{row!r}: since is not an ISO date") from exc
        found[country] = Succession(country, predecessor, day)
    return found


@lru_cache(maxsize=1)
def successions() -> Mapping[str, Succession]:
    """The successions by successor country, read and checked once per process (a small
    file: no on-disk cache needed)."""
    try:
        return _check(safe_load(_FILE.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValueError) as exc:
        raise AnalysisError(f"{_FILE}: {exc}") from exc


def country_on(country: str | None, on: date | None) -> str | None:
    """The state that held a place of ``country`` (today's) on the date ``on``: the
    predecessor before a successor's independence, followed back as far as the table
    goes; ``country`` itself when undated or after."""
    if on is None or country is None:
        return country
    table = successions()
    seen: set[str] = set()
    while (step := table.get(country)) is not None and on < step.since and country not in seen:
        seen.add(country)
        country = step.predecessor
    return country


def place_on(place: Place, on: date) -> Place:
    """``place`` in the state that held it on ``on``: the same object when that is today's
    country (most places), so a caller can tell a change by identity."""
    country = country_on(place.country, on)
    return place if country == place.country else Place(place.name, country)
