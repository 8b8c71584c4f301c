"""The gazetteer's entries (one per written name) and their packed, cacheable form, kept
apart from :mod:`sitrep.analyze.places` to keep that module short."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from sitrep.models import Place

__all__ = ["Entry", "PackedEntries", "PlaceKind", "Row", "Rule", "pack_entries"]

PlaceKind = Literal["country", "state", "region", "city"]
Rule = Literal["always", "cue", "static_cue"]
"""When a name counts as a place: always; after any locative cue; after a static one."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One written name of the gazetteer: the place it names, what kind of place, the
    city's population (0 for others) and the rule that says when the name counts."""

    place: Place
    kind: PlaceKind
    population: int
    rule: Rule
    person_like: bool
    dotted: bool  # the written name ends with "." ("U.S."): take the dot when present


Row = tuple[str, str | None, PlaceKind, int, Rule, bool, bool]
"""An entry as plain values: place name, country, kind, population, rule, person_like, dotted."""


class PackedEntries(Mapping[str, Entry]):
    """The gazetteer's names, kept as plain tuples and made into ``Entry`` on look-up.

    The built gazetteer is cached on disk; unpickling ~40,000 frozen dataclasses (and their
    places) one by one through dataclasses' ``__setstate__`` took half a second of every
    process start, while tuples of strings and numbers load in C. An article looks up a few
    dozen names, so building those entries when asked (and keeping them) costs nothing.
    """

    __slots__ = ("_made", "_rows")

    def __init__(self, rows: dict[str, Row]) -> None:
        self._rows = rows
        self._made: dict[str, Entry] = {}

    def __getitem__(self, key: str) -> Entry:
        entry = self._made.get(key)
        if entry is None:
            name, country, kind, population, rule, person_like, dotted = self._rows[key]
            entry = Entry(Place(name, country), kind, population, rule, person_like, dotted)
            self._made[key] = entry
        return entry

    def __contains__(self, key: object) -> bool:
        return key in self._rows

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def __reduce__(self) -> tuple[type[PackedEntries], tuple[dict[str, Row]]]:
        return (PackedEntries, (self._rows,))


def pack_entries(entries: Mapping[str, Entry]) -> PackedEntries:
    """The entries as rows, the form the gazetteer is cached in (see ``PackedEntries``)."""
    return PackedEntries({key: (e.place.name, e.place.country, e.kind, e.population, e.rule,
                                 e.person_like, e.dotted) for key, e in entries.items()})
