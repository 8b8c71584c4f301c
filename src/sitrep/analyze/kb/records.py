"""The immutable records the knowledge base hands out.

They are plain frozen dataclasses (not the pydantic file models) so that callers in the
hot analysis loop get cheap, hashable values and never depend on the file schema.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sitrep.models import ActorKind

__all__ = ["Entry", "Office"]


@dataclass(frozen=True, slots=True)
class Office:
    """One spell in one office.

    ``title`` is normalised ("president", "prime minister", "foreign minister", ...);
    ``country`` is ISO alpha-3 or "IGO"; ``org`` is the entry id of the organisation for
    offices of an IGO ("un" for the UN Secretary-General), else None. ``start`` is the
    first day in office, ``end`` the first day out of it (exclusive; None = still held), so
    a predecessor's ``end`` equals the successor's ``start``.
    """

    title: str
    country: str
    org: str | None
    start: date
    end: date | None
    sector: str

    def held_on(self, on: date) -> bool:
        return self.start <= on and (self.end is None or on < self.end)


@dataclass(frozen=True, slots=True)
class Entry:
    """One actor of the knowledge base.

    ``aliases`` holds every surface form besides ``name``: short names, surnames,
    spellings, and for countries their capital and seats of power.
    """

    id: str
    name: str
    kind: ActorKind
    country: str | None
    sector: str | None
    aliases: tuple[str, ...]
    offices: tuple[Office, ...]
