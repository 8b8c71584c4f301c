"""The gazetteer's two bundled YAML files (``places_data/places.yaml`` and
``ambiguous_names.yaml``): reading them and checking their schema, so that a bad edit fails
loudly, naming the file, when the gazetteer is built (:mod:`sitrep.analyze.places`)."""

from __future__ import annotations

import re
from importlib import resources
from typing import Any

import yaml

from sitrep.analyze.fastyaml import safe_load
from sitrep.errors import AnalysisError

__all__ = ["load_place_data"]

_DATA = resources.files("sitrep.analyze") / "places_data"


def load_place_data() -> tuple[dict[str, Any], dict[str, Any]]:
    """Read and check the two bundled YAML files; raise ``AnalysisError`` naming the file."""
    loaded: list[dict[str, Any]] = []
    for filename, check in (("places.yaml", _check_places), ("ambiguous_names.yaml",
                                                               _check_ambiguous)):
        path = _DATA / filename
        try:
            data = safe_load(path.read_text(encoding="utf-8"))
            check(data)
        except (OSError, yaml.YAMLError, ValueError) as exc:
            raise AnalysisError(f"{path}: {exc}") from exc
        loaded.append(data)
    return loaded[0], loaded[1]


_ALPHA3 = re.compile(r"[A-Z]{3}")


def _check_places(data: Any) -> None:
    """The schema of places.yaml, spelled out so a bad edit fails loudly at load time."""
    if not isinstance(data, dict) or set(data) != {"country_aliases", "country_names", "places"}:
        raise ValueError("expected keys country_aliases, country_names, places")
    for alias, code in data["country_aliases"].items():
        if not isinstance(alias, str) or not _ALPHA3.fullmatch(str(code)):
            raise ValueError(f"country alias {alias!r}: {code!r} is not an alpha-3 code")
    for code, name in data["country_names"].items():
        if not _ALPHA3.fullmatch(str(code)) or not isinstance(name, str):
            raise ValueError(f"country name {code!r}: expected alpha-3 -> name")
    for place in data["places"]:
        if not isinstance(place, dict) or not isinstance(place.get("name"), str):
            raise ValueError(f"place {place!r}: needs a name")
        if set(place) - {"name", "country", "kind", "aliases"}:
            raise ValueError(f"place {place['name']!r}: unknown keys")
        country = place.get("country")
        if country is not None and not _ALPHA3.fullmatch(str(country)):
            raise ValueError(f"place {place['name']!r}: country {country!r} is not alpha-3")
        if place.get("kind") not in ("region", "city"):
            raise ValueError(f"place {place['name']!r}: kind must be region or city")
        aliases = place.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise ValueError(f"place {place['name']!r}: aliases must be a list of names")


def _check_ambiguous(data: Any) -> None:
    if not isinstance(data, dict) or set(data) != {"never_places", "common_words",
                                                   "person_names"}:
        raise ValueError("expected keys never_places, common_words, person_names")
    for key, names in data.items():
        if not isinstance(names, list) or not all(isinstance(n, str) and n for n in names):
            raise ValueError(f"{key}: expected a list of names")
