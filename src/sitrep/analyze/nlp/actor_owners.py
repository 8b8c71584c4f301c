"""Phrases that are only owners: a KB country or organisation, a capital standing for its
government, a demonym naming its state ("Congolese accusations") or its people
("Thousands of Nigerians"); and the owners a link word names after a title ("the
president of Ukraine", "troops from Finland and Sweden", "officials in southern Lebanon").
Part of the phrase reader of :mod:`sitrep.analyze.nlp.actors`."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from sitrep.analyze.nlp.actor_groups import Owner
from sitrep.analyze.nlp.actor_lexicon import FROM_DETERMINERS, ActorWords
from sitrep.analyze.nlp.records import ActorIdentity, Mention, TokenView, tokens_of

if TYPE_CHECKING:
    from sitrep.analyze.nlp.actors import ActorFinder

__all__ = ["after_locative", "capital_is_seat", "city_population", "country_after_in",
           "list_start", "owner_after_of", "owner_mentions", "owners_after_from",
           "settlement_of", "span"]


def span(doc: Doc, start: int, end: int, actor: ActorIdentity | None, via: str,
         plural: bool = False) -> Mention:
    """A mention of tokens ``start:end`` of ``doc``, with its character offsets."""
    tv = tokens_of(doc)  # offsets from the token view: no Token objects
    return Mention(start, end, tv.idx[start], tv.idx[end - 1] + len(tv.text[end - 1]), actor,
                   via, plural=plural)


def after_locative(words: ActorWords, doc: Doc, start: int) -> bool:
    """Whether a locative preposition governs the name at ``start``: "in Kyiv",
    "through central Belgrade", "at the Kremlin" (a determiner or one lower-case
    modifier may stand between), "in East Timor's capital Dili"."""
    k = _preposition_before(words, doc, start)
    return k is not None and doc[k].lower_ in words.locative


_LIST_LINKS = frozenset({"and", "or"})
_MAX_NAME_WORDS = 3
_MAX_LIST_NAMES = 6


def _name_run_before(tv: TokenView, end: int) -> int | None:
    """The start of the capitalised name (up to three words) that ends at ``end``."""
    k = end
    while k > 0 and end - k < _MAX_NAME_WORDS and tv.alpha[k - 1] and \
            tv.text[k - 1][:1].isupper():
        k -= 1
    return k if k < end else None


def _name_run_after(tv: TokenView, start: int) -> int | None:
    """The end of the capitalised name (up to three words) that begins at ``start``."""
    k, n = start, len(tv.text)
    while k < n and k - start < _MAX_NAME_WORDS and tv.alpha[k] and tv.text[k][:1].isupper():
        k += 1
    return k if k > start else None


def _list_closes_after(tv: TokenView, end: int) -> bool:
    """Whether ", Name" items then "(,) and/or Name" follow ``end``: the name before
    ``end`` is a middle item of a list ("Brussels" in "Washington, Brussels, and Kyiv")."""
    k, n = end, len(tv.text)
    for _ in range(_MAX_LIST_NAMES):
        if k < n and tv.text[k] == ",":
            k += 1
        if k < n and tv.lower[k] in _LIST_LINKS:
            return _name_run_after(tv, k + 1) is not None
        after = _name_run_after(tv, k) if k > end else None
        if after is None:
            return False
        k = after
    return False


def list_start(doc: Doc, start: int) -> int:
    """The first name of the list that the name at ``start`` is a later item of
    ("Kyiv" and "Brussels" in "in Washington, Brussels, and Kyiv"), else ``start``.

    Only a list closed by "and"/"or" counts, so that "In Moscow, Kyiv is seen as ..."
    keeps "Kyiv" out of the opening phrase. Read from the token view: most names are
    no list's, and a Token object per look costs more than the answer."""
    if start < 2:
        return start
    tv = tokens_of(doc)
    if tv.lower[start - 1] not in _LIST_LINKS:
        if tv.text[start - 1] != ",":
            return start
        name_end = _name_run_after(tv, start)
        if name_end is None or not _list_closes_after(tv, name_end):
            return start
    first = k = start
    for _ in range(_MAX_LIST_NAMES):
        j = k - 1
        if j >= 0 and tv.lower[j] in _LIST_LINKS:
            j -= 1
        if j >= 0 and tv.text[j] == ",":
            j -= 1
        if j == k - 1:
            break  # no link word or comma before this name
        before = _name_run_before(tv, j + 1)
        if before is None:
            break
        first = k = before
    return first


def _preposition_before(words: ActorWords, doc: Doc, start: int) -> int | None:
    """The token before the place name at ``start`` once what describes the place is
    passed: "the", a modifier ("central"; not "ending", "aimed" or "visit": "to visit
    Beijing" names the government), "the capital", "the city of", "East Timor's
    capital". A later name of a list ("in Washington, Brussels, and Kyiv") shares the
    first name's preposition when that is one of extent ("in", "across"), not a relation
    ("between Israel and Hamas"). None at the start of the doc."""
    first = list_start(doc, start)
    if first != start:
        k = _preposition_before(words, doc, first)
        if k is not None and doc[k].lower_ in words.population_prepositions:
            return k
    k = start - 1
    while k >= 0 and k >= start - 6:
        word = doc[k].lower_
        if word == "the" or word in words.city_parts or (
                k == start - 1 and doc[k].is_alpha and doc[k].is_lower
                and not word.endswith(("ing", "ed")) and word not in words.venue_words
                and word not in words.locative):
            k -= 1
        elif word == "of" and k + 1 < start and doc[k + 1].lower_ in words.city_parts:
            k -= 1  # "the city of Hebron"
        elif word in {"'s", "’s"} and k + 1 < start and \
                doc[k + 1].lower_ in words.city_parts:
            k -= 1  # "East Timor's capital Dili": past the country's name
            while k >= 0 and doc[k].is_alpha and doc[k].text[:1].isupper():
                k -= 1
        else:
            return k
    return k if k >= 0 else None


DIRECTION_PREPOSITIONS = frozenset({"to", "from"})
"""Prepositions after which a capital is a recipient or a sender ("deliver to Kyiv",
"recalled its ambassador from Washington") unless a word of travel governs them."""


def capital_is_recipient(words: ActorWords, doc: Doc, start: int) -> bool:
    """Whether the capital at ``start`` after "to"/"from" names its government: no word
    of travel or meeting ("flew to", "a trip to", "returned from", "arrived from
    Moscow to") in the four words before the preposition, within its clause."""
    k = _preposition_before(words, doc, start)
    if k is None or doc[k].lower_ not in DIRECTION_PREPOSITIONS:
        return False
    for j in range(k - 1, max(-1, k - 5), -1):
        word = doc[j].lower_
        if doc[j].is_punct:
            return True  # "," or "." ends the clause
        if word in words.venue_words or word in words.motion_words:
            return False
    return True


def capital_is_seat(words: ActorWords, doc: Doc, start: int) -> bool:
    """Whether the capital at ``start`` names its political class, and so its
    government: a pronoun of quantity governs "in" before it ("for many in Washington",
    "some in Moscow")."""
    k = _preposition_before(words, doc, start)
    return k is not None and k >= 1 and doc[k].lower_ == "in" and \
        doc[k - 1].lower_ in words.seat_quantifiers


def city_population(finder: ActorFinder, doc: Doc, start: int, end: int, name: str,
                    country: str | None,
                    identities: dict[str, ActorIdentity]) -> Mention | None:
    """The people of a city named as the place where something happens or is done
    ("a curfew in Algiers", "aid deliveries in Baghdad", "voting in East Jerusalem"):
    a civilian group of the city's country (PLOVER codes a city acted on as its
    residents), kept locative so that the coder still reads it as a place first.

    None where the city is where actors meet, arrive or speak ("talks in Geneva",
    "arrived in Amman", "said in Moscow"), where an actor is ("his counterpart in
    Beijing": a role word before the preposition), where a verb in -ed governs it ("was
    detained in Cairo"), or where no preposition of extent ("in",
    "across", "throughout") introduces it: a capital as agent stays its government."""
    k = _preposition_before(finder.words, doc, start)
    if k is None or k < 1 or doc[k].lower_ not in finder.words.population_prepositions:
        return None  # "in central Baghdad" and "in East Timor's capital Dili" are read
    governor = doc[k - 1]
    if not (governor.is_alpha and governor.is_lower) or governor.lower_.endswith("ed") or \
            governor.lower_ in finder.words.venue_words or finder.role(governor.lower_):
        # "met in Moscow", "on Friday in Kyiv", "his counterpart in Beijing", "was
        # detained in Cairo" (a verb says where it was done, not to whom)
        return None
    actor = finder.identity(identities, name, "group", country, "CVL")
    m = span(doc, start, end, actor, "city", plural=True)
    m.locative = True
    return m


def owner_mentions(finder: ActorFinder, doc: Doc, owners: list[Owner], published: date | None,
                   identities: dict[str, ActorIdentity]) -> list[Mention] | None:
    """One mention per owner of a phrase that has no title or name, or None."""
    result: list[Mention] = []
    for owner in owners:
        entry = owner.entry
        if entry is None:
            word = doc[owner.start].text
            if owner.people:
                people = doc[owner.start:owner.end].text
                if owner.end - owner.start > 1 or people.endswith("s"):
                    # "Iraqi Kurds", "the Shiites": a people, civilians
                    actor = finder.identity(identities, people, "group", owner.country, "CVL")
                    result.append(span(doc, owner.start, owner.end, actor, "demonym", True))
                continue  # "Kurdish demands": no actor
            if word.endswith("s") and owner.country:
                # "Thousands of Nigerians": a plural demonym is a group of that
                # country's people, civilians unless a role word said otherwise.
                actor = finder.identity(identities, word, "group", owner.country, "CVL")
                result.append(span(doc, owner.start, owner.end, actor, "demonym", True))
            elif owner.country in finder.kb_ids and not (
                    owner.end < len(doc) and doc[owner.end].text == "-") and not (
                    owner.start > 0 and doc[owner.start - 1].is_alpha
                    and doc[owner.start - 1].text[:1].isupper()
                    and doc[owner.start - 1].lower_ not in finder.words.not_names):
                # "Congolese accusations", "the Qatari mediation": the state as agent
                # (not in compounds, "Russian-made rockets", nor ending a name,
                # "Volker Türk")
                state = finder.entry(owner.country)
                actor = finder.identity(identities, state.name, "country", state.country,
                                       state.sector or "GOV")
                m = span(doc, owner.start, owner.end, actor, "demonym")
                m.extra["adjective"] = True
                result.append(m)
            continue
        surface = doc[owner.start:owner.end].text
        locative = after_locative(finder.words, doc, owner.start)
        if (surface in finder.capitals or owner.start in finder._cities) and \
                owner.end < len(doc) and doc[owner.end].lower_ in finder.words.event_name_heads:
            # "the Helsinki summit", "the Doha talks", "the Astana process": the venue
            # (a capital the gazetteer's list misses, "Astana", is still a city)
            locative = True
        if locative and surface in finder.capitals and \
                capital_is_recipient(finder.words, doc, owner.start):
            locative = False  # "deliver the batteries to Kyiv": its government
        if locative and surface in finder.capitals and \
                capital_is_seat(finder.words, doc, owner.start):
            locative = False  # "for many in Washington": its political class
        if locative and surface in finder.capitals:
            # its people live in the gazetteer's country: "many in Brussels" are
            # Belgium's, though Brussels as agent is the EU
            city = finder._cities.get(owner.start)
            people_country = city[2] if city is not None and city[2] else entry.country
            population = city_population(finder, doc, owner.start, owner.end, surface,
                                         people_country, identities)
            if population is not None:
                result.append(population)  # "a curfew in Algiers": its people
                continue
            # "in Kyiv": a place, not the government. Kept, marked, for the coder's
            # destination of a visit ("arrived in Amman"), but no actor mention.
            actor = finder.identity(identities, entry.name, entry.kind, entry.country,
                                   entry.sector)
            m = span(doc, owner.start, owner.end, actor, "place")
            m.locative = True
            m.extra["place_only"] = True
            result.append(m)
            continue
        if locative and entry.kind == "country" and surface != entry.name and \
                surface not in finder.capitals and not surface.isupper() and \
                finder.demonym_country(surface) != entry.country:
            continue  # "at the Kremlin", "in the White House": the building ("in Zaire"
            # and "in Britain" name the country)
        country, sector = finder.dated(entry, published)
        actor = finder.identity(identities, entry.name, entry.kind, country, sector)
        m = span(doc, owner.start, owner.end, actor, "kb")
        m.locative = locative
        result.append(m)
    return result or None


def owner_after_of(finder: ActorFinder, k: int, link: str = "of") -> Owner | None:
    """The owner named after a title by "of" (or ``link``) at token ``k``: "the
    president of Ukraine", "the head of the IAEA" (a KB country or organisation), "the
    governor of Texas", "the mayor of Kyiv" (any gazetteer place; entry None)."""
    tv = finder._doc_tokens
    n = len(tv.text) if tv is not None else 0
    if tv is None or k + 1 >= n or tv.lower[k] != link:
        return None
    j = k + 2 if tv.lower[k + 1] == "the" and k + 2 < n else k + 1
    owner = finder._owner_at(tv, j, finder._doc_spans)
    if owner is not None and owner.end < n and (
            tv.lower[owner.end] in {"'s", "’s"} or finder._title_at(tv, owner.end)):
        # "the chief of Israel's militia ally", "a delegation of Hamas officials":
        # "of" takes the owner's group, a phrase of its own
        return None
    if owner is not None and owner.entry is not None:
        return owner
    if j in finder.places_at:
        end, country = finder.places_at[j]
        if end < n and tv.lower[end] in {"region", "province", "state", "district",
                                         "oblast", "county", "city"}:
            end += 1  # "the Tyumen region" when the gazetteer took only "Tyumen"
        return Owner(j, end, country, None) if country else None
    return None

def country_after_in(finder: ActorFinder, k: int) -> str | None:
    """The country of the place named after "in" at token ``k`` ("in southern
    Lebanon", "in the Gaza Strip"), or None."""
    tv = finder._doc_tokens
    n = len(tv.text) if tv is not None else 0
    if tv is None or k >= n or tv.lower[k] != "in":
        return None
    j = k + 1
    while j < n and j < k + 3 and (tv.lower[j] == "the"
                                   or tv.lower[j] in finder.words.city_parts):
        j += 1
    owner = finder._owner_at(tv, j, finder._doc_spans) if j < n else None
    if owner is not None and owner.entry is not None and owner.entry.kind == "country":
        return owner.country
    return finder.places_at[j][1] if j in finder.places_at else None

def owners_after_from(finder: ActorFinder, k: int) -> list[Owner]:
    """The countries a role comes from when "from" follows it at token ``k`` of the
    doc being read: "doctors from two American aid groups", "troops from Finland and
    Sweden" (a number, "the" or one lower-case word may stand before the first)."""
    tv = finder._doc_tokens
    if tv is None or k >= len(tv.text) or tv.lower[k] != "from":
        return []
    j = k + 1
    while j < len(tv.text) and j < k + 3 and (tv.lower[j] in FROM_DETERMINERS
                                              or tv.text[j].isdigit()):
        j += 1
    found: list[Owner] = []
    while j < len(tv.text):
        owner = finder._owner_at(tv, j, finder._doc_spans)
        if owner is None or owner.people or owner.country is None:
            break
        found.append(owner)
        j = owner.end
        if j + 1 < len(tv.text) and tv.lower[j] in {"and", ","}:
            j += 1
            continue
        break
    return found


def settlement_of(finder: ActorFinder, doc: Doc, start: int, title_end: int,
                   sector: str | None, identities: dict[str, ActorIdentity]) -> list[Mention]:
    """"the town of Tawila", "the village of Kiliba": the people of a place too small for
    the gazetteer, named after it (the country comes from the context)."""
    tv = finder._doc_tokens
    if tv is None or title_end + 1 >= len(tv.text) or tv.lower[title_end] != "of":
        return []
    end = title_end + 1
    while end < len(tv.text) and end - title_end <= 3 and tv.alpha[end] and \
            tv.text[end][:1].isupper():
        end += 1
    if end == title_end + 1:
        return []
    name = f"{tv.lower[title_end - 1]} of {' '.join(tv.text[title_end + 1:end])}"
    actor = finder.identity(identities, name, "group", None, sector)
    return [span(doc, start, end, actor, "role", plural=True)]
