"""Turning a short actor phrase into a :class:`~sitrep.models.ResolvedActor`.

The phrases come from the analysis pipeline's actor finder, so they are short noun phrases
of a few shapes, tried in this order:

1. a known name or alias, whole: "Vladimir Putin", "the Kremlin", "Hamas", "Kyiv";
2. a phrase naming an office with its owner: "Kremlin leader", "UN chief";
3. a title or modifier followed by a known name: "Russian President Vladimir Putin",
   "Lebanese Hezbollah" (the name decides; the title only says how it was introduced),
   unless the name is the end of a longer one ("Peace and Security Council" is not the
   "Security Council") or another country's possessive name ("the Uganda People's Defence
   Force" is not Myanmar's "People's Defence Force");
4. an owner (country word, country, organisation, or person) and the rest, written
   "<owner> <rest>", "<owner>'s <rest>" or "<rest> of <owner>":
   - the rest is an office title: the holder on the date ("Armenian Prime Minister");
     an unnamed holder keeps the phrase as name; a title followed by an unknown name
     gives that name ("Armenian Foreign Minister Jane Doe" -> "Jane Doe");
   - "leader"/"chief"/"head": the office the owner's entry names as its ``leader``;
   - a state word ("government", "administration"): the country itself;
   - a role word: a group or person of that sector ("Chinese police" -> CHN COP group);
     members of a non-state armed group keep the group's sector ("Hamas fighters" -> REB);
   - capitalised words after an organisation: one of its bodies, with its country and
     sector ("the EU Foreign Affairs Council", "the ECOWAS Commission");
5. a bare role word without owner: sector without country ("protesters" -> CVL group).

The sector of a person is that of the office held on the date (Putin in 2010 is GOV as
prime minister); someone whose offices all ended before the date is ELI (PLOVER: former
government officials); an organisation's dated offices work the same way (the Taliban are
REB before 15 August 2021 and GOV after).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sitrep.analyze.kb.normalise import strip_determiner, strip_possessive
from sitrep.analyze.kb.records import Entry, Office
from sitrep.models import ResolvedActor

if TYPE_CHECKING:
    from sitrep.analyze.kb.knowledge_base import KnowledgeBase

__all__ = ["entry_as_of", "resolve_phrase"]

ARMED_NON_STATE = frozenset({"REB", "PRM", "UAF", "CRM"})
"""Sectors whose members keep the group's sector ("Hamas fighters" are REB, not MIL)."""

_LEADER_WORDS = frozenset({"leader", "chief", "head", "boss", "supremo"})
_NAME_JOINS = frozenset({"and", "of", "for", "on"})
"""Lower-case words inside a body's name ("Peace and Security Council")."""
_FORMER = frozenset({"former", "ex", "erstwhile", "ousted", "deposed"})
_NOISE = re.compile(r"^[\s\"'“”‘’(\[]+|[\s\"'“”‘’,;:)\]]+$")
_MODIFIER = re.compile(r"^(?:pro|anti)-|-(?:backed|led|allied|aligned|linked|based|"
                       r"affiliated|sponsored|supported)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Owner:
    """Whose office or member a phrase names: ``code`` is an ISO code or an org entry id."""

    code: str
    country: str | None
    entry: Entry | None


def _clean(phrase: str) -> str:
    text = _NOISE.sub("", phrase)
    text = strip_determiner(text)
    return strip_possessive(text)


def _held_office(entry: Entry, on: date, title: str | None = None) -> Office | None:
    held = [office for office in entry.offices if office.held_on(on)]
    if title is not None:
        preferred = [office for office in held if office.title == title]
        held = preferred or held
    return held[0] if held else None


def entry_as_of(entry: Entry, on: date, title: str | None = None) -> ResolvedActor:
    """An entry as it stood on ``on``: the office held then gives country and sector."""
    if entry.kind == "country":
        return ResolvedActor(entry.name, entry.country, entry.sector or "GOV", "country")
    office = _held_office(entry, on, title)
    if office is not None:
        # an organisation keeps its country unless the office is another state's (the
        # SPLA, Sudan's rebels, became South Sudan's army at independence)
        country = office.country if entry.kind == "person" else \
            office.country or entry.country
        return ResolvedActor(entry.name, country, office.sector, entry.kind)
    sector = entry.sector
    if entry.kind == "person" and any(o.end is not None and o.end <= on
                                      for o in entry.offices):
        sector = "ELI"
    return ResolvedActor(entry.name, entry.country, sector, entry.kind)


def _pick(entries: list[Entry], on: date) -> Entry:
    """Among entries sharing an alias, prefer one in office on the date."""
    for entry in entries:
        if any(office.held_on(on) for office in entry.offices):
            return entry
    return entries[0]


def _owner(kb: KnowledgeBase, text: str, on: date) -> _Owner | None:
    text = strip_determiner(text)
    if not text:
        return None
    code = kb.country_of(text)
    if code is not None:
        return _Owner(code, code, kb.entry(code) if code in kb else None)
    entries = kb.lookup(strip_possessive(text))
    if not entries:
        return None
    entry = _pick(entries, on)
    if entry.kind == "country" and entry.country is not None:
        return _Owner(entry.country, entry.country, entry)
    if entry.kind == "person":
        office = _held_office(entry, on)
        country = office.country if office is not None else entry.country
        if country is None:
            return None
        return _Owner(country, country, kb.entry(country) if country in kb else None)
    return _Owner(entry.id, entry.country, entry)


def _holder_actor(kb: KnowledgeBase, owner: _Owner, title: str, on: date, name: str,
                  former: bool) -> ResolvedActor:
    holder = None if former else kb.holder(owner.code, title, on)
    if holder is not None:
        return entry_as_of(holder, on, title)
    sector = "ELI" if former else kb.title_sector(title)
    return ResolvedActor(name, owner.country, sector, "person")


def _owner_splits(kb: KnowledgeBase, tokens: list[str],
                  on: date) -> Iterator[tuple[_Owner, list[str]]]:
    """Ways to read the phrase as owner + rest: "<rest> of <owner>" first, then leading
    owners from the longest ("Lebanese army" + "chief") to the shortest ("Lebanese" + ...)."""
    lowered = [t.lower() for t in tokens]
    if "of" in lowered[1:-1]:
        at = lowered.index("of", 1)
        owner = _owner(kb, " ".join(tokens[at + 1:]), on)
        if owner is not None:
            yield owner, tokens[:at]
    for cut in range(len(tokens) - 1, 0, -1):
        owner = _owner(kb, " ".join(tokens[:cut]), on)
        if owner is not None:
            yield owner, tokens[cut:]


def _owned(kb: KnowledgeBase, owner: _Owner, rest: list[str], on: date, name: str,
           former: bool) -> ResolvedActor | None:
    """What "<owner> <rest>" names (rule 4 of the module docstring)."""
    rest_text = " ".join(rest)
    title = kb.title_of(rest_text)
    if title is not None:
        return _holder_actor(kb, owner, title, on, name, former)
    for cut in range(len(rest) - 1, 0, -1):  # "Foreign Minister Jane Doe"
        title = kb.title_of(" ".join(rest[:cut]))
        if title is not None and rest[cut][:1].isupper():
            sector = "ELI" if former else kb.title_sector(title)
            return ResolvedActor(" ".join(rest[cut:]), owner.country, sector, "person")
    if rest_text.lower() in _LEADER_WORDS:
        leader = kb.leader_title(owner.code)
        if leader is not None:
            return _holder_actor(kb, owner, leader, on, name, former)
    if kb.is_state_word(rest_text) and owner.entry is not None:
        return entry_as_of(owner.entry, on)
    role = kb.role_word(rest_text)
    if role is None:
        if owner.entry is not None and owner.entry.kind == "organization" and \
                rest[-1][:1].isupper() and all(t[:1].isupper() or t.lower() in _NAME_JOINS
                                               for t in rest):
            # "EU Foreign Affairs Council", "African Union Peace and Security Council"
            body_sector = entry_as_of(owner.entry, on).sector
            return ResolvedActor(name, owner.country, body_sector, "organization")
        return None
    sector = role.sector
    if owner.entry is not None and owner.entry.kind != "country":
        owner_sector = entry_as_of(owner.entry, on).sector
        if owner_sector in ARMED_NON_STATE:
            sector = owner_sector
    if former and sector in ("GOV", "MIL"):
        sector = "ELI"
    return ResolvedActor(name, owner.country, sector, role.kind)


def _another_states_name(kb: KnowledgeBase, tokens: list[str], start: int,
                         entry: Entry) -> bool:
    """Whether a known name that opens with a possessive ("People's Defence Force") is,
    after another country's name, that country's own body ("Uganda People's Defence
    Force"); after its own country it is the known one ("Chinese People's Liberation
    Army")."""
    if not tokens[start].endswith(("'s", "’s", "s'", "s’")):
        return False
    country = kb.country_of(" ".join(tokens[:start]))
    return country is not None and country != entry.country


def _drop_modifiers(tokens: list[str]) -> tuple[list[str], bool]:
    """Remove words that do not name the actor, and say whether one meant "former".

    "former"/"ex-" make an office holder ELI; "then-" only dates the title ("then-President
    Trump" is Trump); "pro-"/"anti-"/"-backed"/"-led" modifiers name someone else.
    """
    kept: list[str] = []
    former = False
    for token in tokens:
        lowered = token.lower()
        if lowered in _FORMER:
            former = True
            continue
        if lowered.startswith("ex-") and len(token) > 3:
            former, token = True, token[3:]
        elif lowered.startswith("then-") and len(token) > 5:
            token = token[5:]
        if not _MODIFIER.search(token):
            kept.append(token)
    return kept, former


def resolve_phrase(kb: KnowledgeBase, phrase: str, on: date) -> ResolvedActor | None:
    """The actor ``phrase`` names on ``on``, or None when the knowledge base cannot tell."""
    name = _clean(phrase)
    if not name:
        return None
    entries = kb.lookup(name)
    if entries:
        return entry_as_of(_pick(entries, on), on)
    implicit = kb.implicit_title(name)
    if implicit is not None:
        entry = kb.entry(implicit.owner) if implicit.owner in kb else None
        country = entry.country if entry is not None else implicit.owner
        owner = _Owner(implicit.owner, country, entry)
        return _holder_actor(kb, owner, implicit.title, on, name, former=False)

    tokens, former = _drop_modifiers(name.split())
    if not tokens:
        return None
    for start in range(1, len(tokens)):  # rule 3: "... Vladimir Putin"
        if tokens[start - 1].lower() == "and":
            continue  # "Peace and Security Council": the end of a longer name
        named = [e for e in kb.lookup(" ".join(tokens[start:]))
                 if e.kind in ("person", "organization", "group")]
        if named and _another_states_name(kb, tokens, start, named[0]):
            continue
        if named:
            return entry_as_of(_pick(named, on), on)
    if " ".join(tokens) != name:  # modifiers dropped: "Iran-backed Houthis"
        entries = kb.lookup(" ".join(tokens))
        if entries:
            return entry_as_of(_pick(entries, on), on)

    if len(tokens) > 1:
        for owner, rest in _owner_splits(kb, tokens, on):
            actor = _owned(kb, owner, rest, on, name, former)
            if actor is not None:
                return actor
        return None
    role = kb.role_word(" ".join(tokens))
    if role is not None and kb.title_of(" ".join(tokens)) is None:
        return ResolvedActor(name, None, role.sector, role.kind)
    return None
