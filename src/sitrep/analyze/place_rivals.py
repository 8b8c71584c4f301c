"""Which of several towns of one name an article means.

Many town names are shared across countries ("Valencia", "Hyderabad", "Greenville"). The
gazetteer's default is the most populous; the article's own evidence overrides it, in two
tiers: first the countries the article names as places ("Hyderabad" in a story that names
Pakistan), then, where those settle nothing, the countries its demonyms name ("the city of
Greenville" in a story about "Liberian police"). A demonym is a weaker witness than a named
country (a Liberian story may quote "American diplomats"), so it is asked only when no
named country speaks for or against the default. The demonyms are those of the actor
knowledge base's country entries.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path

from sitrep.models import Place

__all__ = ["RivalTowns", "demonym_countries", "prefer_evidenced_countries"]

_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")

RivalTowns = Mapping[str, tuple[tuple[str, str, int], ...]]
"""A shared town name -> its other towns, most populous first: (name, alpha-3, people)."""


def prefer_evidenced_countries(places: Sequence[Place], keys: Sequence[str],
                               rivals: RivalTowns, named: Collection[str],
                               demonyms: Collection[str] = ()) -> list[Place]:
    """``places`` (their gazetteer ``keys`` beside them) with each shared town moved to the
    country the evidence favours; ``named`` are countries named as places, ``demonyms``
    those the article's demonyms name."""
    chosen: list[Place] = []
    for place, key in zip(places, keys, strict=True):
        others = rivals.get(key)
        if others and place.country not in named:
            witness = next((r for r in others if r[1] in named), None)
            if witness is None and demonyms and place.country not in demonyms:
                witness = next((r for r in others if r[1] in demonyms), None)
            if witness is not None:
                place = Place(witness[0], witness[1])
        chosen.append(place)
    return chosen


def _build_demonyms() -> dict[str, str]:
    from sitrep.analyze.kb.loading import bundled_entries

    return {word: model.country for model in bundled_entries()
            if model.kind == "country" and model.country is not None
            for word in model.demonyms}


@functools.lru_cache(maxsize=1)
def _demonyms() -> Mapping[str, str]:
    """"Liberian"/"Liberians" -> LBR, from the bundled country entries: once per process,
    and from the on-disk data cache when it is fresh (reading every bundled YAML file again
    cost each ingest worker about a third of a CPU-second at start)."""
    from sitrep.analyze.kb.loading import DATA_DIR
    from sitrep.datacache import load_cached

    here = Path(__file__).resolve()
    sources = [here, here.parent / "kb" / "loading.py", DATA_DIR]
    return load_cached("demonyms", sources, _build_demonyms, dict)


def demonym_countries(text: str) -> frozenset[str]:
    """The countries whose demonyms ``text`` uses ("Liberian police" -> LBR)."""
    demonyms = _demonyms()
    return frozenset(country for word in set(_CAPITALISED.findall(text))
                     if (country := demonyms.get(word)) is not None)
