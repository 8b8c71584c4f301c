"""In-article coreference by rule: pronouns and bare titles to earlier actors.

The actor finder already links a later surname ("Merz") and an office phrase resolved by the
KB ("the Kremlin leader" -> Putin) to the same identity. What is left here:

* an apposition completes the name before it ("Karim, Egypt's leading human rights
  activist,": :mod:`~sitrep.analyze.nlp.actor_apposition`);
* ``he``/``she``/``his``/``her`` -> a person. News prose keeps its topic in subject position,
  so the pronoun goes to the *subject* of its own sentence when a person was named before it
  there ("Trump ... during his first term"), else to the subject of the previous sentence
  ("Still, he invited Putin" after a sentence about Trump), else to the most recent person.
  A pronoun inside a quote is the speaker's "I"/"him", not a narrative reference: skipped.
* ``it``/``its`` -> the subject country or organisation likewise ("Kyiv has made clear it
  will not...").
* a bare title ("the minister", "the US President" the KB could not resolve) -> the most
  recent person of the same country (and sector, when known); a title with a country but
  no such person is a role-holder actor of its own ("the Dutch defence minister").

Unresolved mentions are dropped. With a trained coreference model this component is the
one to replace; it reads and writes only ``doc._.sitrep_mentions``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc, Span

from sitrep.analyze.kb.schema import TRANSNATIONAL_CODES
from sitrep.analyze.nlp.actor_apposition import merge_appositives
from sitrep.analyze.nlp.records import ActorIdentity, Mention, sentences_of, text_of
from sitrep.analyze.nlp.sentences import find_dateline_end
from sitrep.analyze.place_clauses import in_background_clause
from sitrep.analyze.places import PlaceMention, location_for_span

STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
"""Sectors of a state's own organs, which often act outside its territory."""

STATE_FORCES = frozenset({"MIL", "COP"})
"""Sectors of the forces a state sends and withdraws."""

TRANSNATIONAL = TRANSNATIONAL_CODES
"""Codes that name no state (IGO, NGO, ...): never given to a country-less actor."""

__all__ = ["resolve_coreference", "sitrep_coref"]

_LOOKBACK_SENTENCES = 3


def _subject(mentions: list[Mention], reach: list[int], sentence: Span,
             before_char: int | None, kinds: set[str]) -> ActorIdentity | None:
    """The first resolved mention of an allowed kind in ``sentence`` (before a position).

    ``reach[i]`` is the furthest start of ``mentions[:i + 1]``: the mentions up to the
    last whose reach is short of the sentence all start before it, so the walk (which
    would pass them over) begins after them."""
    for m in islice(mentions, bisect_left(reach, sentence.start_char), None):
        if m.actor is None or m.actor.kind not in kinds or m.locative:
            continue
        if m.start_char < sentence.start_char:
            continue
        if m.start_char >= sentence.end_char or (before_char is not None
                                                 and m.start_char >= before_char):
            break
        return m.actor
    return None


_COORDINATED_POSSESSIVE = re.compile(r"\s+(?:and|or)\s+$|\s+to\s+[a-z]+\s+$")
_POSSESSIVES = frozenset({"its", "his", "her"})


def _coordinated_owner(resolved: list[Mention], text: str, m: Mention,
                       kinds: set[str]) -> ActorIdentity | None:
    """The actor a possessive right after "X and"/"X or" or "X to <verb>" belongs to:
    "Ukraine and its allies", "Putin and his aides", "called on Rwanda to withdraw its
    troops". The coordination, or the infinitive X controls, binds it tighter than the
    sentence's subject, which the other readings would choose."""
    if not resolved or text[m.start_char:m.end_char].lower() not in _POSSESSIVES:
        return None
    last = resolved[-1]
    if last.actor is None or last.actor.kind not in kinds or last.locative or \
            not _COORDINATED_POSSESSIVE.fullmatch(text, last.end_char, m.start_char):
        return None
    return last.actor


_THING_POSSESSIVES = frozenset({"its", "their"})
_OWN = re.compile(r"\s+(?:own\s+)?$")


def _possessor_country(text: str, m: Mention, possessed: dict[int, str]) -> str | None:
    """The country of the state or body whose possessive stands right before the mention
    ("its troops", "their own police"), from ``possessed``: possessive end -> country."""
    window = text[max(0, m.start_char - 40):m.start_char]
    for end, country in possessed.items():
        if m.start_char - 40 <= end <= m.start_char and \
                _OWN.fullmatch(window, end - (m.start_char - len(window))):
            return country
    return None


def _place_after(text: str, m: Mention, by_start: dict[int, PlaceMention],
                 opening: bool = True) -> str | None:
    """The country of a place right after the mention: "demonstrators in Baghdad".

    A state's force not ``opening`` its sentence takes no country from "from":
    "withdraw troops from Ukraine" names where they leave (as the actor finder reads
    "troops from Finland" only at a sentence's start); "delegations from Kinshasa" come
    from there."""
    rest = text[m.end_char:m.end_char + 40]
    force = m.actor is not None and m.actor.sector in STATE_FORCES
    for word in ("in", "of") if force and not opening else ("in", "from", "of"):
        prefix = f" {word} "
        if rest.startswith(prefix):
            place = by_start.get(m.end_char + len(prefix))
            return place.place.country if place is not None else None
    return None


def _sentence_place(places: list[PlaceMention], sentence: Span, text: str) -> str | None:
    """The country where the sentence happens: its located place ("in central Nairobi",
    "in Russia's Saratov region") outside background clauses, else the one country all
    its places outside them share."""
    foreground = [p for p in places
                  if not (sentence.start_char <= p.start < sentence.end_char)
                  or not in_background_clause(text, sentence.start_char, p)]
    located = location_for_span(foreground, sentence.start_char, sentence.end_char)
    if located is not None and located.country:
        return located.country
    inside = {p.place.country for p in foreground
              if sentence.start_char <= p.start < sentence.end_char and p.place.country}
    return inside.pop() if len(inside) == 1 else None


def _dateline_country(places: list[PlaceMention], sentence: Span, dateline_end: int,
                      story_countries: set[str]) -> str | None:
    """The dateline's country ("UVIRA, Democratic Republic of the Congo —") for the lead
    sentence right after it. A dateline says where the reporter is, so it is weaker
    evidence than the sentence's own places and actors, and counts only when the story
    comes back to that country (``story_countries``: those named after the dateline): a
    Vienna or Brussels dateline on a story about Iran or Russia is an IGO's seat."""
    if not dateline_end or not sentence.start_char <= dateline_end <= sentence.end_char:
        return None
    datelined = {p.place.country for p in places
                 if p.start < dateline_end and p.place.country}
    country = datelined.pop() if len(datelined) == 1 else None
    return country if country in story_countries else None


CAPTIVE_NAMES = frozenset({"hostage", "hostages", "captive", "captives", "abductees"})
# People whose role is to be away from home: where they meet says nothing about whose they
# are ("the two delegations met in Doha" are not Qatar's).
TRAVELLING_HEADS = frozenset({"delegation", "delegations", "delegate", "delegates",
                              "negotiator", "negotiators", "envoy", "envoys", "emissary",
                              "emissaries", "negotiating team", "visitors", "diplomats"})
"""Role words of people held by others (see :func:`_context_countries`)."""


class _ByStart:
    """Mentions by where they start, to read those between two offsets without a pass
    over all of them. Only positions are indexed: the actors' countries, which the
    caller fills in as it goes, are read when asked."""

    def __init__(self, mentions: list[Mention]) -> None:
        ordered = sorted(mentions, key=lambda m: m.start_char)
        self._starts = [m.start_char for m in ordered]
        self._mentions = ordered

    def between(self, start: int, end: int) -> Iterator[Mention]:
        """The mentions starting in ``[start, end)``, by start."""
        return islice(self._mentions, bisect_left(self._starts, start),
                      bisect_left(self._starts, end))


def _sole_country(actors: _ByStart, start: int, end: int,
                  states_only: bool = False) -> str | None:
    """The one country of the actors named between two offsets, if only one is (with
    ``states_only``, of state actors only: not rebels, civilians or businesses)."""
    found = {m.actor.country for m in actors.between(start, end)
             if m.actor is not None and not m.locative
             and m.actor.country and m.actor.country not in TRANSNATIONAL
             and (not states_only or m.actor.sector in STATE_SECTORS)}
    return found.pop() if len(found) == 1 else None


def _dominant_country(mentions: list[Mention], places: list[PlaceMention]) -> str | None:
    """The article's country when clear: more than half of its country-bearing actor
    mentions and places name it."""
    votes = Counter(m.actor.country for m in mentions
                    if m.actor is not None and m.actor.country
                    and m.actor.country not in TRANSNATIONAL)
    votes.update(p.place.country for p in places if p.place.country)
    if not votes:
        return None
    (country, count), = votes.most_common(1)
    return country if count * 2 > sum(votes.values()) else None


def _context_countries(doc: Doc, mentions: list[Mention]) -> None:
    """Give an unnamed, country-less actor ("protesters", "the interior ministry", an
    unknown "Prime Minister Robert Fico") the country its context names, most local
    evidence first:

    1. a place right after it ("demonstrators in Baghdad", "settlers from Hebron");
    2. the place its sentence happens in ("Police fired tear gas at protesters in central
       Nairobi"), or the one country all the sentence's places share; places in a
       background clause ("the truce signed in Doha") do not count;
    3. the one country of the other state actors in its sentence ("Kenyan President
       William Ruto bowed to pressure from protesters");
    4. for the lead sentence, the dateline's country ("UVIRA, Democratic Republic of the
       Congo —");
    5. the article's dominant country, when one country has most of the mentions.

    An unknown named organisation gets only (1): it is as often international as local
    (a political party is not: it takes its context's country like any actor).

    For civilians, businesses and other non-state actors, places come before actors: an
    event's location says whose people and buildings were involved even when a foreign
    actor acts ("Ukrainian drones hit a refinery in Russia"). For state sectors (military,
    police, officials) the order of 2 and 3 is swapped, since armies and envoys act abroad
    ("Israeli reservists were called up by the military for the offensive on Gaza City").
    A demonym or owner on the phrase itself was already used by the actor finder and
    always wins.
    """
    missing = [m for m in mentions if m.actor is not None and m.actor.country is None
               and m.actor.kind in {"group", "person", "organization"}
               and m.via != "pronoun"]  # a pronoun's evidence is its antecedent's
    if not missing:
        return
    places: list[PlaceMention] = list(doc._.sitrep_places or [])
    by_start = {p.start: p for p in places}
    text = text_of(doc)
    sentences = sentences_of(doc)
    dateline_end = find_dateline_end(text)
    story_countries = {p.place.country for p in places
                       if p.start >= dateline_end and p.place.country}
    story_countries.update(m.actor.country for m in mentions
                           if m.actor is not None and m.actor.country and not m.locative)
    dominant = _dominant_country(mentions, places)
    dominant_by_actors = _dominant_country([m for m in mentions if not m.locative], [])
    sentence_starts = [s.start_char for s in sentences]
    actors_by_start = _ByStart(mentions)
    sentence_places: dict[int, str | None] = {}
    possessed = {m.end_char: m.actor.country for m in mentions
                 if m.via == "pronoun" and m.actor is not None and m.actor.country
                 and m.actor.kind in {"country", "organization"}
                 and text[m.start_char:m.end_char].lower() in _THING_POSSESSIVES}
    for m in missing:
        actor = m.actor
        if actor is None or actor.country is not None:
            continue  # an identity shared with an earlier mention, already placed
        # The sentence holding the mention (None in the spaces between two).
        at = bisect_right(sentence_starts, m.start_char) - 1
        sentence = sentences[at] if at >= 0 and m.start_char < sentences[at].end_char \
            else None
        country = _possessor_country(text, m, possessed)
        if country is not None:  # "Rwanda ... withdraw its troops": Rwanda's
            actor.country = country
            continue
        opening = sentence is None or not text[sentence.start_char:m.start_char].strip(
            ) or text[sentence.start_char:m.start_char].strip().lower() == "the"
        country = _place_after(text, m, by_start, opening)
        if m.via == "name" and actor.kind == "organization" and actor.sector != "PTY":
            # An unknown named body ("Ceasefire Violations Committee") is as often
            # international as local: only a place right after it says where it belongs.
            # A party ("the ruling Zanu party") contests one country's elections.
            actor.country = country
            continue
        if country is None and sentence is not None and actor.name in CAPTIVE_NAMES:
            # Hostages are not of where they are held, nor their captors' people: a
            # state acting for them in the sentence ("Israeli commandos rescued two
            # hostages held in Gaza") says whose they are, else the article's actors (not
            # its places: a venue or where they are held).
            country = _sole_country(actors_by_start, sentence.start_char, sentence.end_char,
                                    states_only=True)
            actor.country = country or dominant_by_actors  # not where they are held
            continue
        fallback = dominant
        if country is None and sentence is not None:
            travelling = actor.name.rsplit(" ", 1)[-1] in TRAVELLING_HEADS or \
                actor.name in TRAVELLING_HEADS
            if travelling:
                place = None
            elif sentence.start_char in sentence_places:
                place = sentence_places[sentence.start_char]
            else:  # the same for every mention of the sentence: computed once
                place = _sentence_place(places, sentence, text)
                sentence_places[sentence.start_char] = place
            if travelling:
                fallback = dominant_by_actors  # the venue's country is not theirs either
            others = _sole_country(actors_by_start, sentence.start_char, sentence.end_char)
            # A state's forces and officials act abroad, its people and buildings stay home.
            country = (others or place) if actor.sector in STATE_SECTORS else (place or others)
            if country is None and not travelling:
                country = _dateline_country(places, sentence, dateline_end,
                                            story_countries)
        actor.country = country or fallback


def resolve_coreference(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Resolve pronoun and title mentions in place; return the resolved ones only."""
    quoted = [q for q in (doc._.sitrep_quoted or []) if not q.nested]
    text = text_of(doc)  # not doc.text, which joins every token on each call
    sentences = sentences_of(doc)
    starts = [s.start_char for s in sentences]
    resolved: list[Mention] = []
    reach: list[int] = []  # reach[i]: the furthest start of resolved[:i + 1]
    roles: dict[str, ActorIdentity] = {}
    sentence_index = 0
    for m in mentions:
        if m.actor is not None:
            resolved.append(m)
            reach.append(max(reach[-1], m.start_char) if reach else m.start_char)
            continue
        if any(q.start <= m.start_char < q.end for q in quoted):
            continue
        while sentence_index + 1 < len(starts) and starts[sentence_index + 1] <= m.start_char:
            sentence_index += 1
        sentence = sentences[sentence_index]
        actor: ActorIdentity | None = None
        if m.via == "pronoun":
            kinds = {"country", "organization"} if m.extra.get("thing") else {"person"}
            actor = _coordinated_owner(resolved, text, m, kinds)
            if actor is None:
                actor = _subject(resolved, reach, sentence, m.start_char, kinds)
            k = sentence_index - 1
            while actor is None and k >= max(0, sentence_index - _LOOKBACK_SENTENCES):
                actor = _subject(resolved, reach, sentences[k], None, kinds)
                k -= 1
        elif m.via == "title":
            country = m.extra.get("country")
            sector = m.extra.get("sector")
            limit = starts[max(0, sentence_index - _LOOKBACK_SENTENCES)]
            for earlier in reversed(resolved):
                if earlier.start_char < limit:
                    break
                other = earlier.actor
                if other is None or other.kind != "person":
                    continue
                if country is not None and other.country != country:
                    continue
                if sector is not None and other.sector not in (None, sector):
                    continue
                actor = other
                break
            phrase = m.extra.get("phrase")
            if actor is None and country is not None and phrase:
                # An office with its country but no earlier holder in the text: the role
                # holder is an actor of its own ("the Dutch defence minister").
                key = f"role:{phrase.lower()}"
                actor = roles.get(key)
                if actor is None:
                    actor = ActorIdentity(key, phrase, "person", country, sector)
                    roles[key] = actor
        if actor is not None:
            m.actor = actor
            resolved.append(m)
            reach.append(max(reach[-1], m.start_char) if reach else m.start_char)
    return resolved


@Language.component(
    "sitrep_coref",
    requires=["doc._.sitrep_mentions", "doc._.sitrep_quoted", "doc._.sitrep_places"],
    assigns=["doc._.sitrep_mentions"],
)
def sitrep_coref(doc: Doc) -> Doc:
    """Resolve appositions, pronouns and bare titles (see module doc)."""
    merge_appositives(doc, doc._.sitrep_mentions or [])
    mentions = resolve_coreference(doc, doc._.sitrep_mentions or [])
    _context_countries(doc, mentions)
    doc._.sitrep_mentions = mentions
    return doc
