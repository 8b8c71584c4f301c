"""The schema every actor file must fit, bundled or the user's.

The YAML files are written by people, so the schema is strict (unknown keys are refused,
not silently dropped: a typo such as ``alias:`` would otherwise lose data) and its error
messages are turned into :class:`~sitrep.errors.KnowledgeBaseError` naming file and entry.

An actor file is a YAML list of entries::

    - id: vladimir-putin            # unique; countries use their ISO alpha-3 code
      name: Vladimir Putin
      kind: person                  # person | organization | country | group
      country: RUS                  # ISO alpha-3, or IGO / NGO / IMG (PLOVER transnational codes)
      sector: GOV                   # PLOVER sector code
      aliases: [Putin, Vladimir Vladimirovich Putin]
      offices:                      # optional; dates are ISO, end exclusive, absent = still held
        - {title: president, start: 2012-05-07}

Country entries may add ``demonyms`` (adjective and plural noun: Russian, Russians),
``capital`` and ``seats`` (seats of power used by metonymy: the Kremlin) which resolve to
the country's government. Any entry may name its ``leader``: the office title that
"<demonym> leader" or "<organisation> chief" means ("president"; "secretary-general").

roles.yaml has its own shape, :class:`RolesFile`.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

__all__ = [
    "PLOVER_SECTORS",
    "TRANSNATIONAL_CODES",
    "EntryModel",
    "ImplicitTitleModel",
    "OfficeModel",
    "RolesFile",
    "SectorWordsModel",
    "TitleModel",
]

PLOVER_SECTORS = frozenset({
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK",
    "AGR", "BUS", "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE",
    "REL", "SOC",
})
"""The actor sector codes of the PLOVER manual (chapter "Country Names and Sector Codes")."""

TRANSNATIONAL_CODES = frozenset({"IGO", "NGO", "IMG", "ISM", "MNC"})
"""Country codes for actors that belong to no state (PLOVER's non-state international names).
UN and EU bodies use "IGO" like every other intergovernmental organisation."""

_COUNTRY = re.compile(r"^[A-Z]{3}$")
_ENTRY_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def _check_sector(value: str | None) -> str | None:
    if value is not None and value not in PLOVER_SECTORS:
        raise ValueError(f"unknown PLOVER sector {value!r}")
    return value


def _check_country(value: str | None) -> str | None:
    if value is not None and not _COUNTRY.match(value):
        raise ValueError(f"country must be an ISO alpha-3 code or IGO/NGO/IMG, got {value!r}")
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class OfficeModel(_Strict):
    """One spell in one office. ``end`` is exclusive: the successor starts that day."""

    title: str = Field(min_length=2)
    country: str | None = None
    org: str | None = None
    start: date
    end: date | None = None
    sector: str = "GOV"
    note: str | None = None

    _sector = field_validator("sector")(_check_sector)
    _country = field_validator("country")(_check_country)

    @field_validator("title")
    @classmethod
    def _lower_title(cls, value: str) -> str:
        return value.lower()

    @model_validator(mode="after")
    def _ordered(self) -> OfficeModel:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"office {self.title!r} ends ({self.end}) before it starts "
                             f"({self.start})")
        return self


class EntryModel(_Strict):
    """One actor: a country, an organisation, a person, or a named group."""

    id: str
    name: str = Field(min_length=1)
    kind: Literal["person", "organization", "country", "group"]
    country: str | None = None
    sector: str | None = None
    aliases: tuple[str, ...] = ()
    offices: tuple[OfficeModel, ...] = ()
    demonyms: tuple[str, ...] = ()
    capital: str | None = None
    seats: tuple[str, ...] = ()
    leader: str | None = None
    note: str | None = None

    _sector = field_validator("sector")(_check_sector)
    _country = field_validator("country")(_check_country)

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not _ENTRY_ID.match(value):
            raise ValueError(f"id {value!r} may hold only letters, digits, '.', '_' and '-'")
        return value

    @field_validator("aliases", "demonyms", "seats")
    @classmethod
    def _no_blank(cls, values: tuple[str, ...]) -> tuple[str, ...]:
        if any(not v.strip() for v in values):
            raise ValueError("blank alias")
        return values

    @model_validator(mode="after")
    def _country_fields_only_on_countries(self) -> EntryModel:
        if self.kind != "country" and (self.demonyms or self.capital or self.seats):
            raise ValueError("demonyms/capital/seats belong to country entries only")
        if self.kind == "country" and self.country != self.id:
            raise ValueError(f"a country entry's id must be its ISO code ({self.country!r})")
        return self


class SectorWordsModel(_Strict):
    """Words naming members of one sector: ``person`` words name one individual
    ("soldier"), ``group`` words an unnamed collective ("troops", "police", "protesters"),
    ``organization`` words a body ("ministry", "court", "parliament")."""

    person: tuple[str, ...] = ()
    group: tuple[str, ...] = ()
    organization: tuple[str, ...] = ()


class TitleModel(_Strict):
    """An office title with the ways news writes it ("premier", "PM" for prime minister)."""

    sector: str = "GOV"
    synonyms: tuple[str, ...] = ()

    _sector = field_validator("sector")(_check_sector)


class ImplicitTitleModel(_Strict):
    """A phrase that names an office and its country at once: "Kremlin leader"."""

    title: str
    country: str | None = None
    org: str | None = None

    _country = field_validator("country")(_check_country)

    @model_validator(mode="after")
    def _one_owner(self) -> ImplicitTitleModel:
        if (self.country is None) == (self.org is None):
            raise ValueError("give exactly one of country / org")
        return self


class RolesFile(_Strict):
    """roles.yaml: role words -> sectors, office titles and their synonyms."""

    sectors: dict[str, SectorWordsModel]
    titles: dict[str, TitleModel]
    implicit: dict[str, ImplicitTitleModel] = {}
    state_words: tuple[str, ...] = ()

    @field_validator("sectors")
    @classmethod
    def _known_sectors(cls, value: dict[str, SectorWordsModel]) -> dict[str, SectorWordsModel]:
        for code in value:
            _check_sector(code)
        return value
