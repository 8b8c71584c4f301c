"""How the phrase reader's parts become mentions: a named person or organisation, an
unknown name, an office or a group of role holders (see :mod:`sitrep.analyze.nlp.actors`
for the phrase grammar). Phrases that are only owners go on to
:mod:`sitrep.analyze.nlp.actor_owners`."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc

from sitrep.analyze.kb.resolver import ARMED_NON_STATE
from sitrep.analyze.nlp.actor_groups import (
    COMPASS_POINTS,
    COUNTERPART_WORDS,
    Owner,
    names_its_targets,
    org_sector,
    people_of,
    rebel_force_sector,
    state_mentions,
)
from sitrep.analyze.nlp.actor_lexicon import (
    ETHNIC_WORDS,
    FORMER_WORDS,
    SETTLEMENT_WORDS,
    STATE_KIND,
    STATE_SECTORS,
    ActorWords,
)
from sitrep.analyze.nlp.actor_modifiers import modifies_a_noun
from sitrep.analyze.nlp.actor_owners import (
    country_after_in,
    owner_after_of,
    owner_mentions,
    owners_after_from,
    settlement_of,
    span,
)
from sitrep.analyze.nlp.actor_things import names_a_thing, thing_owners
from sitrep.analyze.nlp.common_words import is_common_word
from sitrep.analyze.nlp.records import (
    ActorIdentity,
    Mention,
    TokenView,
    text_of,
    tokens_of,
)
from sitrep.models import ActorKind

if TYPE_CHECKING:
    from sitrep.analyze.nlp.actors import ActorFinder

__all__ = ["decide", "former_sector", "from_mentions", "lone_name", "member_sector",
           "of_mentions", "people_sector", "remember_names", "transnational_code"]

MULTINATIONAL_WORDS = frozenset({"regional", "international", "multinational",
                                 "multi-national", "foreign-led"})
"""Adjectives that make an unowned military force a force of several states (IGO)."""

PROXY_WORDS = frozenset({"ally", "allies", "proxy", "proxies", "client", "clients"})
"""Words after "<owner>'s <group>" that make the group another's, not the owner's."""

AFFILIATION_WORDS = {"linked": "to", "tied": "to", "connected": "to", "loyal": "to",
                     "affiliated": "with", "allied": "with", "aligned": "with"}
"""Words after an unowned group that tie it to an owner, with the preposition they take
("hackers linked to Russian intelligence"). "backed by" is not one: a backer's proxies are
of their own country (PLOVER codes Rwanda-backed M23 as Congolese rebels)."""

POSSESSIVE_PRONOUNS = frozenset({"its", "their", "our"})
"""Owners of equipment ("its drones") that the context, not the phrase, names."""

PEOPLE_SECTORS = {"GOV": "ELI", "LEG": "ELI", "MIL": "REB"}
"""A state sector a people's role word takes: a people has no government, so its leaders
are elites ("Yoruba leaders", ELI) and its forces rebels ("Moslem forces", REB)."""


FIRST_NAME_KEY = "first:"
"""Prefix of a person's first name in the surname index: a weaker key, used only when no
surname matches."""


def remember_names(actor: ActorIdentity, surnames: dict[str, ActorIdentity]) -> None:
    """Index a named person for later bare references: by surname ("Boulos said"), and by
    first name as a fallback, since Malay, Indonesian and Brazilian names are shortened to
    it ("Malaysian Prime Minister Anwar Ibrahim ... Anwar said", "Prabowo said")."""
    for surname in actor.surnames:
        surnames.setdefault(surname, actor)
    words = actor.name.split()
    if actor.kind == "person" and len(words) > 1 and words[0][:1].isupper() and \
            words[0].isalpha():
        surnames.setdefault(FIRST_NAME_KEY + words[0], actor)


def people_sector(sector: str | None) -> str | None:
    """The sector of a role word said of an ethnic or religious group (see PEOPLE_SECTORS)."""
    return PEOPLE_SECTORS.get(sector, sector) if sector is not None else None


def of_mentions(finder: ActorFinder, doc: Doc, start: int, title_end: int,
                titles: list[tuple[str, str, str]], sector: str | None, plural: bool,
                published: date | None,
                identities: dict[str, ActorIdentity]) -> list[Mention]:
    """A title whose owner follows it: "the president of Ukraine" (the office holder on
    the date, as for "the Ukrainian president"), "the leader of Hamas" (a rebel),
    "the deputy governor of the Tyumen region", "the people of Gaza" (an unnamed holder or
    group of the place's country). The mention runs over the owner."""
    owner = owner_after_of(finder, title_end)
    if owner is None and titles[-1][0] in SETTLEMENT_WORDS:
        return settlement_of(finder, doc, start, title_end, sector, identities)
    if owner is None or owner.country is None:
        return []
    title = " ".join(t.text for t in doc[start:title_end]
                     if t.lower_ not in {"the", "a", "an"})
    owner_text = doc[owner.start:owner.end].text
    if owner.entry is not None:
        if owner.entry.kind != "country":
            owner_sector = finder.dated(owner.entry, published)[1]
            if owner_sector in ARMED_NON_STATE:
                sector = owner_sector  # "the leader of Hamas" is a rebel
        if not plural and titles[-1][2] == "person" and sector not in ARMED_NON_STATE:
            resolved = finder.kb.resolve(f"{owner_text} {title}", published)
            if resolved is not None and resolved.kind == "person" and \
                    resolved.name.lower() != f"{owner_text} {title}".lower():
                actor = finder.identity(identities, resolved.name, "person",
                                        resolved.country, resolved.sector)
                return [span(doc, start, owner.end, actor, "office")]
    kind: ActorKind = "person" if not plural else (
        "organization" if titles[-1][2] == "organization" else "group")
    actor = finder.identity(identities, f"{title} of {owner_text}", kind, owner.country,
                            sector)
    return [span(doc, start, owner.end, actor, "role", plural=plural)]


def from_mentions(finder: ActorFinder, doc: Doc, start: int, title_end: int,
                  sector: str | None, kind: ActorKind, plural: bool,
                  identities: dict[str, ActorIdentity]) -> list[Mention]:
    """A role with no owner before it but one after "from": "doctors from two American aid
    groups" (USA, MED), "a missionary from Canada", "Troops from Finland and Sweden" (one
    group per country). The mention runs over the country, which here names where the
    role holders come from, not an actor of its own. State roles count only where they
    open the sentence: "withdraw troops from Iraq" names where they leave."""
    owners = owners_after_from(finder, title_end)
    if not owners:
        return []
    opening = doc[start].is_sent_start or (start > 0 and doc[start - 1].lower_ == "the"
                                           and doc[start - 1].is_sent_start)
    if sector in STATE_SECTORS and not opening:
        return []
    role = doc[start:title_end].text
    result: list[Mention] = []
    for k, owner in enumerate(owners):
        end = owner.end
        if end < len(doc) and finder.kb.is_state_word(doc[end].text):
            end += 1  # "delegations from the Congolese government": the state's
        owner_text = doc[owner.start:end].text
        actor = finder.identity(identities, f"{role} from {owner_text}",
                                kind if plural else "person", owner.country, sector)
        first = start if k == 0 else owner.start
        result.append(span(doc, first, end, actor, "role", plural=plural))
    return result


def member_sector(finder: ActorFinder, name: list[str]) -> str | None:
    """The sector of the members an unknown organisation's name counts ("Association of
    African Jurists" JUD, "Union of Journalists" JRN): its first plural role word that is
    not an organisation head."""
    for word in name:
        lower = word.lower()
        if lower in finder.words.org_heads or not lower.endswith("s"):
            continue
        found = finder.role(lower)
        if found is not None and found[1] == "group":
            return found[0]
    return None


def transnational_code(words: ActorWords, name: list[str], sector: str | None) -> str | None:
    """IGO or NGO for an unknown organisation whose name spans countries ("Association of
    African Jurists", "International Committee for ..."): IGO when its head makes it a
    state body (GOV), else NGO; None for a name with no such word."""
    if not any(w.lower() in words.transnational_name_words for w in name):
        return None
    return "IGO" if sector == "GOV" else "NGO"


def former_sector(finder: ActorFinder, entry: Any, title: str, published: date | None,
                   sector: str | None) -> str | None:
    """The sector of "former <title> <Name>": ELI (PLOVER's former officials) unless
    the person holds another office on the date ("former President Dmitry Medvedev"
    as Security Council deputy chairman is GOV)."""
    if published is None:
        return "ELI"
    named = finder.kb.title_of(title) or title
    other = [o for o in finder.kb.offices_on(entry.id, published) if o.title != named]
    return other[0].sector if other else "ELI"


def organisation_sector(finder: ActorFinder, owner: Owner, title: str,
                        published: date | None, sector: str | None) -> str | None:
    """The sector of someone an organisation owns: "M23 commanders" are rebels whatever the
    role word says, and "Red Cross officials", "an RSF adviser" or "Amnesty spokesmen" work
    in their organisation's sector; a country's people keep their role's (``sector``)."""
    if owner.entry is None or owner.entry.kind == "country":
        return sector
    owner_sector = finder.dated(owner.entry, published)[1]
    if owner_sector in ARMED_NON_STATE or (owner_sector and title in finder.words.generic_heads):
        return owner_sector
    return sector


_LONG_WORD = re.compile(r"[^\W\d_]{4,}")
_MAX_HEADLINE_CHARS = 150


def in_headline(text: str, at: int) -> bool:
    """Whether the line holding ``text[at]`` is a heading written in title case ("Walking
    Meditation for Beginners", "How to Choose the Right Moving Company"): there every word
    is capitalised, so a capitalised run is no sign of a name. Known names are read there
    all the same; only unknown ones are not taken for people or bodies."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    if end < 0:
        end = len(text)
    if end - start > _MAX_HEADLINE_CHARS and not text[start].isspace() and \
            not text[end - 1].isspace():
        return False  # a paragraph, too long for a heading even stripped: not copied
    return _title_case_line(text[start:end])


@lru_cache(maxsize=8192)
def _title_case_line(line: str) -> bool:
    line = line.strip()
    if not line or len(line) > _MAX_HEADLINE_CHARS or line.endswith((".", ",", ";")):
        return False
    words = _LONG_WORD.findall(line)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def name_like(word: str) -> bool:
    """Whether ``word`` could be part of an unknown person's name: a capitalised word that
    is not an everyday English word (:func:`~sitrep.analyze.nlp.common_words.is_common_word`)
    nor an acronym ("AI", "SEO"); initials ("J.") and hyphenated parts are read as names."""
    letters = word.strip(".'’")
    if not letters.isalpha():
        return bool(letters)  # "O'Brien", "Jae-in", "J." and such: left to the name
    if len(letters) == 1:
        return word.endswith(".")  # an initial, not a letter ("Gen Z", "USB-C")
    if _acronym(letters):
        return False  # "AI", "SEO", "USA": acronyms, not people's names
    return not is_common_word(letters.lower())


def _acronym(word: str) -> bool:
    """Whether ``word`` is written as an acronym: two or more letters, all capitals."""
    return len(word) >= 2 and word.isalpha() and word.isupper()


def _title_start(tv: TokenView, owners: list[Owner], head: int) -> int:
    """The token the phrase's titles start at: after its owners and their "'s"."""
    start = owners[-1].end if owners else head
    if start < len(tv.lower) and tv.lower[start] in {"'s", "’s"}:
        start += 1
    return start


def _titles_in_name(finder: ActorFinder, tv: TokenView, owners: list[Owner], head: int,
                    name_start: int, words: list[str], sector: str | None) -> bool:
    """Whether the capitalised role words before an organisation's name are part of it:
    the name up to its first link word ("of", "for") is heads alone ("Service",
    "Service Commission", "Corps of Engineers"), which no organisation is called by
    itself; past a link only after a state's role ("Army Corps of Engineers", not
    "Opposition Movement for Democratic Change")."""
    start = _title_start(tv, owners, head)
    if start >= name_start or not all(tv.alpha[k] and tv.text[k][:1].isupper()
                                      for k in range(start, name_start)):
        return False
    heads = finder.words.org_heads
    lower = [w.lower() for w in words]
    link = next((k for k, w in enumerate(lower) if w in finder.words.name_links), len(lower))
    if not all(w in heads for w in lower[:link]):
        return False
    return link == len(lower) or sector in STATE_SECTORS


def _venue_forum(finder: ActorFinder, tv: TokenView, merged: list[Owner], name_start: int,
                 words: list[str]) -> bool:
    """Whether an organisation's name is a place where several states met and a forum
    head ("the Minsk Group", "the Paris Club", "the OSCE Minsk Group"): the place is a
    city (a capital or a city the gazetteer knows), not a country or its people."""
    if not merged or not all(w.lower() in finder.words.forum_heads for w in words):
        return False
    place = merged[-1]
    if place.end != name_start or place.entry is None:
        return False
    surface = " ".join(tv.text[place.start:place.end])
    return surface in finder.capitals or place.start in finder._cities


def _after_former(tv: TokenView, start: int) -> bool:
    """Whether the phrase starting at token ``start`` follows "former" or "ex-" ("former
    Socialist prime minister": a party adjective may come between)."""
    before = start - 1
    if before > 0 and tv.alpha[before] and tv.text[before][:1].isupper() and \
            tv.lower[before] not in FORMER_WORDS:
        before -= 1
    return before >= 0 and (tv.lower[before] in FORMER_WORDS or (
        before > 0 and tv.text[before] == "-" and tv.lower[before - 1] == "ex"))


def lone_name(doc: Doc, tv: TokenView, k: int,
              surnames: dict[str, ActorIdentity]) -> list[Mention] | None:
    """What :func:`decide` makes of a name of one word with no owner or title: the person
    named before by that surname or first name ("Boulos said"), else nothing (one
    capitalised word is no evidence of a name). The finder asks this directly for the
    many such words (sentence openers, headings), without decide's other cases."""
    word = tv.text[k]
    if word.lower() in COMPASS_POINTS:
        return None  # "East" of "East-West relations"
    known = surnames.get(word) or surnames.get(FIRST_NAME_KEY + word)
    return [span(doc, k, k + 1, known, "surname")] if known is not None else None


def decide(finder: ActorFinder, doc: Doc, head: int, owners: list[Owner],
           titles: list[tuple[str, str, str]], title_end: int, name_start: int,
           name_end: int, name_entry: Any | None,
           published: date | None, identities: dict[str, ActorIdentity],
           surnames: dict[str, ActorIdentity]) -> list[Mention] | None:
    """Turn one parsed phrase into mentions (see :mod:`sitrep.analyze.nlp.actors`), or
    None for no actor. A phrase with neither name nor title is its owners alone
    (:func:`owner_mentions`)."""
    start = owners[0].start if owners else (head if titles else name_start)

    owner_country = owners[0].country if owners else None
    title_sector = titles[-1][1] if titles else None
    # plain strings: no Token object per look (the finder's view of this doc, if it is
    # reading one; decide is called for most capitalised words, so every look counts)
    tv = finder._doc_tokens or tokens_of(doc)
    if len(titles) > 1 and titles[-1][0] in finder.words.generic_heads and \
            titles[-2][1] != titles[-1][1] and titles[-1][2] != STATE_KIND:
        # "opposition leaders", "rebel officials": a generic head keeps the sector of
        # the role word before it.
        title_sector = titles[-2][1]
    title_sector = rebel_force_sector(titles, title_sector,
                                      not owners and head > 0 and tv.text[head - 1] == "-")
    if name_entry is not None:
        # The office held on the article's date decides the sector: the same person
        # (or organisation) is a rebel leader one year and head of state the next.
        dated_country, dated_sector = finder.dated(name_entry, published)
        country = dated_country or owner_country
        sector = dated_sector or title_sector
        if titles and name_entry.kind == "person" and _after_former(tv, start):
            sector = former_sector(finder, name_entry, titles[-1][0], published, sector)
        elif sector == "ELI" and titles:
            # "President François Mitterrand" in a story the date puts after his term:
            # the title the text gives him is more telling than the date (archive
            # dates are often approximate; a resigning premier is still "Prime
            # Minister" on his last day).
            named = finder.kb.title_of(titles[-1][0]) or titles[-1][0]
            sector = next((o.sector for o in name_entry.offices if o.title == named),
                          sector)
        actor = finder.identity(identities, name_entry.name, name_entry.kind, country, sector)
        remember_names(actor, surnames)
        return [span(doc, start, name_end, actor, "kb")]
    if name_end > name_start:
        words = tv.text[name_start:name_end]
        # "Anti-Corruption", not "Anti - Corruption": the words as the text joins them.
        name = words[0] if len(words) == 1 else \
            text_of(doc)[tv.idx[name_start]:tv.idx[name_end - 1] + len(words[-1])]
        if not titles and not owners and words[0].lower() in COMPASS_POINTS and \
                all(w.lower() in COMPASS_POINTS for w in words):
            return None  # "East-West relations"
        if len(words) == 1 and not titles and not owners:
            return lone_name(doc, tv, name_start, surnames)
        if not titles and not owners and in_headline(text_of(doc), tv.idx[name_start]):
            return None  # "Walking Meditation", "Put Intention Behind": a heading's words
        is_org = any(w.lower() in finder.words.org_heads for w in words) or (
            bool(owners) and not titles and all(_acronym(w) for w in words))
        # an acronym after its owner is one of the owner's bodies ("Soviet NKVD", "U.S.
        # EPA"), not a person
        last = words[-1].lower()
        if not is_org and not titles and last in finder.words.institution_heads:
            return None  # "Jinnah International Airport", "the Sakharov Prize": a thing
        if not is_org and names_a_thing(finder.words, tv, words, name_start, owners, titles):
            return thing_owners(finder, doc, owners, published, identities)
        if not is_org and not titles and (last in finder.words.event_name_heads or (
                tv.entity[name_start] != "PERSON" and not any(name_like(w) for w in words))):
            # "the Normandy Format", "the Geneva Conventions", "the Oslo Accords": a meeting
            # or a text; "It Costs Less", "Enter AI", "Google Cloud": everyday words (or an
            # acronym) capitalised in running text, where a person's name has a word of
            # its own. Known owners stay ("Google"; "Oslo", the venue), demonyms do not
            # ("Chinese New Year").
            kb_owners = [o for o in owners if o.entry is not None]
            return owner_mentions(finder, doc, kb_owners, published, identities) \
                if kb_owners else None
        kind: ActorKind = "organization" if is_org else "person"
        sector = "ELI" if titles and kind == "person" and _after_former(tv, start) \
            else title_sector
        country = owner_country
        org_start = name_start  # where the organisation's own name starts
        if is_org and titles and _titles_in_name(finder, tv, owners, head, name_start, words,
                                                 title_sector):
            # "the Kenya Police Service", "the Police Service Commission": capitalised role
            # words before a name of heads alone ("Service") are part of the name
            org_start = _title_start(tv, owners, head)
        elif is_org and titles and names_its_targets(
                finder.words, tv, _title_start(tv, owners, head), name_start, words,
                title_sector):
            org_start, sector = _title_start(tv, owners, head), None  # "Gang Suppression Force"
        own_words = tv.text[org_start:name_end]
        merged: list[Owner] = []
        if is_org and (not titles or org_start < name_start) and owners and \
                owners[-1].end == org_start and tv.text[org_start - 1][:1].isupper():
            # "Kenya Airways", "Nigeria Police Force": the country's name is part of the
            # organisation's, not its owner's possessive ("Kenya's airline"); so are the
            # owners right before it ("the OSCE Minsk Group")
            merged = [owners[-1]]
            while len(merged) < len(owners) and \
                    owners[-len(merged) - 1].end == merged[0].start:
                merged.insert(0, owners[-len(merged) - 1])
            org_start = merged[0].start
        if org_start != name_start:
            name = text_of(doc)[tv.idx[org_start]:tv.idx[name_end - 1] + len(words[-1])]
        if is_org:
            # An unknown organisation: its own words say what it is ("... Liberation
            # Front"), and a demonym inside its name where it is from ("Association
            # of Nigerian Jurists").
            forum = _venue_forum(finder, tv, merged, name_start, words)
            if forum:
                # "the Minsk Group", "the Paris Club": named after where several states
                # first met, no one state's; "the OSCE Minsk Group" is the OSCE's
                country = next((o.country for o in merged if o.entry is not None
                                and o.entry.kind != "country"), None)
            sector = sector or org_sector(finder.words, own_words) or \
                member_sector(finder, own_words) or next(
                    (finder.dated(o.entry, published)[1] for o in merged
                     if o.entry is not None and o.entry.kind != "country"), None)
            if not forum:
                country = country or next(
                    (c for w in words if w[:1].isupper() and (c := finder.demonym_country(w))),
                    None) or transnational_code(finder.words, words, sector)
        actor = finder.identity(identities, name, kind, country, sector)
        remember_names(actor, surnames)
        return [span(doc, start, name_end, actor, "name")]
    if owners and (not titles or title_end == owners[-1].end + 1):
        people = people_of(finder, doc, owners, identities)
        if people is not None:
            return [people]
    if titles and len(owners) == 1 and owners[0].entry is not None and \
            owners[0].entry.kind != "country" and title_end < len(doc) and \
            doc[title_end].lower_ in finder.words.collective_heads:
        # "the M23 rebel group", "the Houthi rebel movement": the organisation, described
        entry = owners[0].entry
        country, sector = finder.dated(entry, published)
        actor = finder.identity(identities, entry.name, entry.kind, country, sector)
        return [span(doc, owners[0].start, title_end + 1, actor, "kb")]
    if titles and titles[-1][2] == STATE_KIND and owners:
        return state_mentions(finder, doc, owners, title_end, identities)
    if titles:
        plural = titles[-1][2] != "person"
        group_kind: ActorKind = "organization" if titles[-1][2] == "organization" \
            else "group"
        if not owners:
            if not plural and title_sector not in STATE_SECTORS | ARMED_NON_STATE and \
                    modifies_a_noun(doc, tv, finder.words, start, title_end - 1):
                # "student loans", "local channels": no actor (see actor_modifiers); a
                # side's word stands for that side ("attacked rebel positions")
                return None
            at = tv.idx[start]
            in_quote = any(q_start <= at < q_end for q_start, q_end in finder._open_quotes)
            after_the = start > 0 and tv.lower[start - 1] == "the"
            if in_quote or titles[-1][0] in COUNTERPART_WORDS:
                # "uneasy counterparts, Trump and Putin": a counterpart is only someone
                # through an owner ("his Russian counterpart"); alone it names no one.
                return None
            office = of_mentions(finder, doc, start, title_end, titles, title_sector, plural,
                                 published, identities)
            if office:
                return office
            origin = from_mentions(finder, doc, start, title_end, title_sector, group_kind,
                                   plural, identities)
            if origin:
                return origin
            if plural and title_end + 1 < len(doc) and \
                    tv.lower[title_end] in AFFILIATION_WORDS:
                link = AFFILIATION_WORDS[tv.lower[title_end]]
                owner = owner_after_of(finder, title_end + 1, link)
                if owner is not None and owner.country is not None:
                    # "hackers linked to Russian military intelligence", "militias loyal
                    # to the government": members of the owner's side
                    name = doc[start:owner.end].text
                    # an organisation's agents work in its sector (GRU: SPY)
                    sector = title_sector if owner.entry is None or \
                        owner.entry.kind == "country" else \
                        finder.dated(owner.entry, published)[1] or title_sector
                    actor = finder.identity(identities, name.lower(), group_kind,
                                            owner.country, sector)
                    return [span(doc, start, owner.end, actor, "role", plural=True)]
            if titles[-1][0] in finder.words.equipment and not (
                    start > 0 and tv.lower[start - 1] in POSSESSIVE_PRONOUNS):
                # "fired missiles at", "drones attacked": a weapon with no owner stands
                # for no force; the context's country would make it the wrong side's
                # ("its drones" has one: the context's actor).
                return None
            if not (plural or after_the):
                if title_sector in STATE_SECTORS or finder.kb.title_of(titles[-1][0]):
                    return None  # "a minister": an office holder coreference may find
                # "a suicide bomber", "a journalist": a non-state person of a role,
                # an actor of its own
                name = " ".join(tv.text[start:title_end]).lower()
                actor = finder.identity(identities, name, "person", None, title_sector)
                return [span(doc, start, title_end, actor, "role")]
            following = tv.lower[title_end] if title_end < len(doc) else None
            if not after_the and titles[-1][0] in finder.words.adjectival_roles and \
                    following is not None and tv.text[title_end].islower() and \
                    following not in finder.words.verbs_after_roles and \
                    not following.endswith("ed"):
                return None  # "public criticism", "military operations": adjectives
            if plural:
                if title_sector == "MIL" and start > 0 and \
                        tv.lower[start - 1] in MULTINATIONAL_WORDS:
                    # "a regional peacekeeping force", "international troops": a force
                    # of several states, an international organisation's (IGO)
                    start -= 1
                    name = doc[start:title_end].text
                    actor = finder.identity(identities, name.lower(), group_kind, "IGO",
                                            title_sector)
                    return [span(doc, start, title_end, actor, "role", plural=True)]
                name = " ".join(tv.text[start:title_end])
                actor = finder.identity(identities, name.lower(), group_kind, None,
                                       title_sector)
                return [span(doc, start, title_end, actor, "role", plural=True)]
            m = span(doc, start, title_end, None, "title")
            m.extra["sector"] = title_sector
            return [m]
        if plural:
            result = []
            title_text = " ".join(t.text for t in doc[owners[-1].end:title_end]
                                  if t.lower_ not in {"'s", "’s"})
            if len(owners) == 1 and title_end < len(doc) and \
                    doc[title_end].lower_ in PROXY_WORDS:
                # "Israel's militia ally in southern Lebanon": another's group, from where
                # "in" says (else the context)
                owner_text = doc[owners[0].start:owners[0].end].text
                actor = finder.identity(
                    identities, f"{owner_text} {title_text} {doc[title_end].text}",
                    group_kind, country_after_in(finder, title_end + 1), title_sector)
                return [span(doc, owners[0].start, title_end + 1, actor, "role", plural=True)]
            for owner in owners:
                owner_text = doc[owner.start:owner.end].text
                sector = title_sector
                country = owner.country
                if owner.entry is None and owner.start > 0 and \
                        doc[owner.start - 1].lower_ in ETHNIC_WORDS:
                    # "ethnic Albanian guerrillas" in Macedonia: a people, not the
                    # demonym's state; the context says where (as for "ethnic
                    # Albanians").
                    country = None
                if owner.people:
                    sector = people_sector(title_sector)  # "Yoruba leaders": ELI
                sector = organisation_sector(finder, owner, titles[-1][0], published, sector)
                actor = finder.identity(identities, f"{owner_text} {title_text}", group_kind,
                                       country, sector)
                result.append(span(doc, owner.start, owner.end, actor, "role", plural=True))
            result[-1] = span(doc, owners[-1].start, title_end, result[-1].actor, "role", True)
            return result
        phrase = doc[start:title_end].text
        if owners[-1].people:
            # "a Karen guerrilla", "a Shiite cleric": a member of a people holds no office
            actor = finder.identity(identities, phrase, "person", owners[-1].country,
                                    people_sector(title_sector))
            return [span(doc, start, title_end, actor, "role")]
        resolved = finder.kb.resolve(phrase, published)
        if resolved is not None and resolved.kind == "person" and \
                resolved.name.lower() != phrase.lower():
            actor = finder.identity(identities, resolved.name, "person", resolved.country,
                                   resolved.sector)
            return [span(doc, start, title_end, actor, "office")]
        m = span(doc, start, title_end, None, "title")
        m.extra["sector"] = "ELI" if _after_former(tv, start) else organisation_sector(
            finder, owners[-1], titles[-1][0], published, title_sector)
        m.extra["country"] = resolved.country if resolved is not None else owner_country
        m.extra["phrase"] = phrase
        return [m]
    return owner_mentions(finder, doc, owners, published, identities)
