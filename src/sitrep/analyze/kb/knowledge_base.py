"""The actor knowledge base: who an actor is, which country and sector it belongs to,
and who held which office on a given day.

The pipeline finds actor phrases with a spaCy PhraseMatcher fed by
:meth:`KnowledgeBase.surface_forms` and asks :meth:`KnowledgeBase.resolve` what a phrase
means on the article's date. Everything is answered from in-memory indexes built once;
the bundled files are parsed once per process (see :mod:`sitrep.analyze.kb.loading`).
"""

from __future__ import annotations

import copy
import functools
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sitrep.analyze.kb.cache import load_cached
from sitrep.analyze.kb.loading import bundled_entries, bundled_roles, read_entry_files
from sitrep.analyze.kb.normalise import (
    lookup_key,
    strip_determiner,
    strip_possessive,
)
from sitrep.analyze.kb.records import Entry, Office
from sitrep.analyze.kb.resolver import entry_as_of, resolve_phrase
from sitrep.analyze.kb.schema import EntryModel, RolesFile
from sitrep.errors import KnowledgeBaseError
from sitrep.models import ActorKind, ResolvedActor

__all__ = ["KnowledgeBase", "RoleWord"]


@dataclass(frozen=True, slots=True)
class RoleWord:
    """What a role word says: the sector, and whether it names a person, group or body."""

    sector: str
    kind: ActorKind


@dataclass(frozen=True, slots=True)
class ImplicitTitle:
    """A phrase naming an office with its owner: "Kremlin leader" -> (RUS, president)."""

    owner: str
    title: str


@functools.lru_cache(maxsize=65536)
def _keys(text: str) -> tuple[str, ...]:
    """The keys one query is tried under: case-kept acronym key first, then folded."""
    key = lookup_key(text)
    folded = strip_determiner(text).casefold()
    return (key,) if folded == key else (key, folded)


def _to_office(model: EntryModel, index: int, normal_title: Callable[[str], str]) -> Office:
    raw = model.offices[index]
    country = raw.country or ("IGO" if raw.org else model.country)
    if country is None:
        raise KnowledgeBaseError(
            f"entry {model.id!r}: office {raw.title!r} needs a country (the entry has none)")
    return Office(title=normal_title(raw.title), country=country, org=raw.org, start=raw.start,
                  end=raw.end, sector=raw.sector)


def _to_entry(model: EntryModel, normal_title: Callable[[str], str]) -> Entry:
    aliases: list[str] = []
    for form in (*model.aliases, *((model.capital,) if model.capital else ()), *model.seats):
        if form not in aliases and form != model.name:
            aliases.append(form)
    offices = tuple(_to_office(model, i, normal_title) for i in range(len(model.offices)))
    return Entry(id=model.id, name=model.name, kind=model.kind, country=model.country,
                 sector=model.sector, aliases=tuple(aliases), offices=offices)


class KnowledgeBase:
    """Actors, their surface forms, offices and sectors; immutable once built."""

    def __init__(self, entries: Sequence[EntryModel], roles: RolesFile) -> None:
        self._roles = roles
        self._role_words: dict[str, RoleWord] = {}
        self._titles: dict[str, str] = {}
        self._title_sectors: dict[str, str] = {}
        self._implicit: dict[str, ImplicitTitle] = {}
        self._state_words: frozenset[str] = frozenset(lookup_key(w) for w in roles.state_words)
        self._add_roles(roles)  # first: office titles are normalised through its synonyms
        self._entries: dict[str, Entry] = {}
        self._alias_index: dict[str, list[str]] = defaultdict(list)
        self._country_words: dict[str, str] = {}
        self._leaders: dict[str, str] = {}
        self._offices: dict[tuple[str, str], list[tuple[Office, str]]] = defaultdict(list)
        for model in entries:
            self._add(model)
        self._check_references()
        for owned in self._offices.values():
            owned.sort(key=lambda pair: pair[0].start)

    # ----------------------------------------------------------------- building
    def _add(self, model: EntryModel) -> None:
        entry = _to_entry(model, self._normal_title)
        self._entries[entry.id] = entry
        for form in (entry.name, *entry.aliases):
            ids = self._alias_index[lookup_key(form)]
            if entry.id not in ids:
                ids.append(entry.id)
        if model.kind == "country" and model.country is not None:
            for word in (model.name, *model.aliases, *model.demonyms):
                self._country_words.setdefault(lookup_key(word), model.country)
        if model.leader:
            self._leaders[model.id] = self._normal_title(model.leader)
        for office in entry.offices:
            # An IGO office is owned by its organisation only: "IGO secretary-general" would
            # mix the UN's and NATO's.
            owners: tuple[str, ...] = (office.org,) if office.org else ()
            if office.country != "IGO":
                owners += (office.country,)
            for owner in owners:
                self._offices[(owner, office.title)].append((office, entry.id))

    def _check_references(self) -> None:
        for entry in self._entries.values():
            for office in entry.offices:
                if office.org is not None and office.org not in self._entries:
                    raise KnowledgeBaseError(
                        f"entry {entry.id!r}: office {office.title!r} names unknown org "
                        f"{office.org!r}")

    def _add_roles(self, roles: RolesFile) -> None:
        for sector, words in roles.sectors.items():
            by_kind: tuple[tuple[ActorKind, tuple[str, ...]], ...] = (
                ("person", words.person), ("group", words.group),
                ("organization", words.organization))
            for kind, forms in by_kind:
                for form in forms:
                    self._role_words[lookup_key(form)] = RoleWord(sector, kind)
        for title, spec in roles.titles.items():
            self._title_sectors[title] = spec.sector
            for form in (title, *spec.synonyms):
                self._titles[lookup_key(form)] = title
        for phrase, implicit in roles.implicit.items():
            owner = implicit.country or implicit.org
            assert owner is not None  # the schema demands one of them
            self._implicit[lookup_key(phrase)] = ImplicitTitle(owner,
                                                               self._normal_title(implicit.title))

    # ----------------------------------------------------------------- loading
    @classmethod
    def load(cls, extra_files: Sequence[Path] = ()) -> KnowledgeBase:
        """The bundled knowledge base, with the user's YAML/CSV actor files applied in order
        (an entry with an existing id replaces it; a new id adds an actor).

        Raises :class:`KnowledgeBaseError` naming file and entry when a file breaks the
        schema. Without extra files the same (immutable) instance is returned every time.
        """
        bundled = _bundled_knowledge_base()
        if not extra_files:
            return bundled
        return bundled._with_overrides(read_entry_files([Path(p) for p in extra_files]))

    def _with_overrides(self, overrides: Sequence[EntryModel]) -> KnowledgeBase:
        """A copy with ``overrides`` applied: an existing id is replaced whole, a new id
        added. Copying the indexes beats rebuilding them (~10x) on every CLI call that
        names the user's actor files."""
        new = copy.copy(self)
        new._entries = dict(self._entries)
        new._alias_index = defaultdict(list, {k: list(v) for k, v in self._alias_index.items()})
        new._country_words = dict(self._country_words)
        new._leaders = dict(self._leaders)
        new._offices = defaultdict(list, {k: list(v) for k, v in self._offices.items()})
        for model in overrides:
            if model.id in new._entries:
                new._remove(model.id)
            new._add(model)
        new._check_references()
        for owned in new._offices.values():
            owned.sort(key=lambda pair: pair[0].start)
        return new

    def _remove(self, entry_id: str) -> None:
        entry = self._entries.pop(entry_id)
        for form in (entry.name, *entry.aliases):
            key = lookup_key(form)
            ids = [i for i in self._alias_index.get(key, ()) if i != entry_id]
            if ids:
                self._alias_index[key] = ids
            else:
                self._alias_index.pop(key, None)
        if entry.kind == "country":
            self._country_words = {word: code for word, code in self._country_words.items()
                                   if code != entry.country}
        self._leaders.pop(entry_id, None)
        for owner_title, owned in list(self._offices.items()):
            kept = [pair for pair in owned if pair[1] != entry_id]
            if kept:
                self._offices[owner_title] = kept
            else:
                del self._offices[owner_title]

    # ----------------------------------------------------------------- queries
    def __len__(self) -> int:
        return len(self._entries)

    def entries(self) -> Iterator[Entry]:
        """Every entry, in file order."""
        return iter(self._entries.values())

    def entry(self, entry_id: str) -> Entry:
        """The entry with that id; :class:`KnowledgeBaseError` when there is none."""
        try:
            return self._entries[entry_id]
        except KeyError:
            raise KnowledgeBaseError(f"no actor with id {entry_id!r}") from None

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._entries

    def surface_forms(self) -> Iterator[tuple[str, str]]:
        """(surface text, entry id) for every name and alias, for a PhraseMatcher.

        A form written with a leading "the" ("the Kremlin") is also given without it.
        Acronyms ("US", "WHO") should be matched case-sensitively; see
        :func:`sitrep.analyze.kb.is_acronym`.
        """
        for entry in self._entries.values():
            seen: set[str] = set()
            for form in (entry.name, *entry.aliases):
                for variant in (form, strip_determiner(form)):
                    if variant not in seen:
                        seen.add(variant)
                        yield variant, entry.id

    def lookup(self, surface: str) -> list[Entry]:
        """Entries whose name or alias is exactly ``surface`` (case, diacritics,
        apostrophes and a leading "the" aside; acronyms keep their case)."""
        for key in _keys(surface):
            ids = self._alias_index.get(key)
            if ids:
                return [self._entries[i] for i in ids]
        return []

    def country_of(self, word: str) -> str | None:
        """ISO alpha-3 of a country name, short form or demonym ("Russian", "Russians",
        "U.S.", "British", "Russia's"); None when the word names no country."""
        for candidate in (word, strip_possessive(word)):
            for key in _keys(candidate):
                code = self._country_words.get(key)
                if code is not None:
                    return code
        return None

    def role_word(self, word: str, head: bool = True) -> RoleWord | None:
        """Sector and kind of a role word or phrase ("troops" -> MIL group); the head
        (last word) is tried when the whole phrase is unknown ("riot police") unless
        ``head`` is False (the phrase reader asks for exact phrases only)."""
        candidates = [word]
        parts = strip_determiner(word).split()
        if len(parts) > 1 and head:
            candidates.append(parts[-1])
        for candidate in candidates:
            for key in _keys(candidate):
                role = self._role_words.get(key)
                if role is not None:
                    return role
        return None

    def sector_of(self, role_word: str) -> str | None:
        """PLOVER sector of a role word ("soldiers" -> MIL, "police" -> COP, "judge" -> JUD,
        "president" -> GOV); None when unknown."""
        role = self.role_word(role_word)
        if role is not None:
            return role.sector
        title = self.title_of(role_word)
        return self._title_sectors[title] if title is not None else None

    def title_of(self, phrase: str) -> str | None:
        """The normalised office title a phrase names ("premier" -> "prime minister")."""
        for key in _keys(phrase):
            title = self._titles.get(key)
            if title is not None:
                return title
        return None

    def _normal_title(self, title: str) -> str:
        return self.title_of(title) or title.lower()

    def title_sector(self, title: str) -> str:
        """Sector of a normalised office title (GOV unless roles.yaml says otherwise)."""
        return self._title_sectors.get(title, "GOV")

    def implicit_title(self, phrase: str) -> ImplicitTitle | None:
        """Owner and title of a phrase like "Kremlin leader" or "UN chief"."""
        for key in _keys(phrase):
            found = self._implicit.get(key)
            if found is not None:
                return found
        return None

    def is_state_word(self, word: str) -> bool:
        """True for words that name a country's government as a whole ("government")."""
        return any(key in self._state_words for key in _keys(word))

    def leader_title(self, owner: str) -> str | None:
        """The office "<owner> leader" refers to: a country's ISO code (RUS -> president,
        GBR -> prime minister) or an organisation's id (un -> secretary-general)."""
        return self._leaders.get(owner)

    def holder(self, country: str, office_title: str, on: date) -> Entry | None:
        """Who held ``office_title`` of ``country`` (ISO alpha-3, or an organisation's entry
        id such as "un" or "nato") on ``on``; None when the KB does not know."""
        title = self._normal_title(office_title)
        for office, entry_id in self._offices.get((country, title), ()):
            if office.held_on(on):
                return self._entries[entry_id]
        return None

    def offices_on(self, entry_id: str, on: date) -> list[Office]:
        """The offices ``entry_id`` held on ``on`` (empty when none)."""
        return [office for office in self.entry(entry_id).offices if office.held_on(on)]

    def office_holders(self, country: str, office_title: str) -> list[tuple[Office, Entry]]:
        """Every known spell of one office, earliest first."""
        title = self._normal_title(office_title)
        return [(office, self._entries[i]) for office, i in self._offices.get((country, title),
                                                                             ())]

    def as_of(self, entry_id: str, on: date) -> ResolvedActor:
        """An entry as it stood on ``on``: the office then held gives country and sector
        (Ahmed al-Sharaa is REB in 2020 and GOV in 2026; a former president is ELI)."""
        return entry_as_of(self.entry(entry_id), on)

    def resolve(self, phrase: str, on: date | None = None) -> ResolvedActor | None:
        """What a short actor phrase means on ``on`` (today when None); None if unknown.

        See :mod:`sitrep.analyze.kb.resolver` for the rules.
        """
        return resolve_phrase(self, phrase, on or date.today())


def _build_bundled() -> KnowledgeBase:
    return KnowledgeBase(bundled_entries(), bundled_roles())


@functools.lru_cache(maxsize=1)
def _bundled_knowledge_base() -> KnowledgeBase:
    """The bundled KB: once per process, and from the on-disk cache when it is fresh."""
    return load_cached(_build_bundled, KnowledgeBase)
