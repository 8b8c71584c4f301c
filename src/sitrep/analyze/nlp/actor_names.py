"""Capitalised runs the phrase reader must read whole or not at all (helpers of
:class:`sitrep.analyze.nlp.actors.ActorFinder`, kept apart to keep that module short):

* a collective possessive inside an organisation's name ("the Uganda People's Defence
  Force", "the Kurdistan Workers' Party"): one organisation, not a people and another body;
* a body of a known organisation whose name joins words by "and" or holds another KB name
  ("the African Union Peace and Security Council": the AU's, not the UN Security Council);
* a sports competition, club or ground ("the Premier League", "Manchester United",
  "Leicester City"; "Texas Rangers" and "Old Trafford" in a text about sport): no actor.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import compress
from typing import TYPE_CHECKING, Any

from sitrep.analyze.nlp.actor_lexicon import ActorWords
from sitrep.analyze.nlp.records import TokenView, sentence_char_spans, text_of
from sitrep.analyze.nlp.sports import (
    SportsWords,
    known_name_end,
    load_sports_words,
    pattern_starts,
    sporting_text,
)
from sitrep.analyze.places import place_named

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from sitrep.analyze.nlp.actor_groups import Owner
    from sitrep.analyze.nlp.actors import ActorFinder

__all__ = ["POSSESSIVE_MARKS", "body_name_end", "possessive_name", "possessive_step",
           "sports_context", "sports_name_end"]

POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})
"""Possessive endings as the tokenizer splits them ("People 's", "Workers '")."""

_RUN_LIMIT = 8
"""The most capitalised words a name read here may have."""


def _capitalised(tv: TokenView, k: int) -> bool:
    return tv.alpha[k] and tv.text[k][:1].isupper()


def possessive_step(words: ActorWords, tv: TokenView, j: int) -> int:
    """How many tokens from ``j`` a collective possessive and the capitalised words after
    it take inside an organisation's name, through its last organisation head: 4 for
    "People 's Defence Force", 3 for "Workers ' Party"; 0 when no head follows ("the
    Kenyan people's anger", "People's lives")."""
    n = len(tv.text)
    if j + 2 >= n or tv.lower[j] not in words.possessive_name_words or \
            not tv.text[j][:1].isupper() or tv.lower[j + 1] not in POSSESSIVE_MARKS:
        return 0
    k = end = j + 2
    while k < n and k < j + 2 + _RUN_LIMIT and _capitalised(tv, k):
        k += 1
        if tv.lower[k - 1] in words.org_heads:
            end = k
    return end - j if end > j + 2 else 0


def possessive_name(finder: ActorFinder, tv: TokenView, j: int, owners: list[Owner],
                    kb_spans: dict[int, tuple[int, str]]) -> tuple[int, Any | None]:
    """How many tokens from ``j`` an organisation's name with a collective possessive takes
    after its owners (:func:`possessive_step`), and the KB organisation it is, if any. A
    KB name there ("People's Liberation Army") is that organisation when the owner is its
    country or there is no owner ("the Chinese People's Liberation Army"); after another
    country it is that country's own body, unknown to the KB ("the Uganda People's Defence
    Force" is not Myanmar's "People's Defence Force")."""
    step = possessive_step(finder.words, tv, j)
    if not step or j not in kb_spans:
        return step, None
    end, entry_id = kb_spans[j]
    entry = finder.entry(entry_id)
    if not owners or entry is None:
        return 0, None  # the KB's own name, read as it always was
    if entry.country == owners[-1].country or owners[-1].country is None:
        return end - j, entry
    return step, None


def body_name_end(words: ActorWords, tv: TokenView, j: int, owners: list[Owner],
                  kb_spans: dict[int, tuple[int, str]]) -> int | None:
    """Where the name of a known organisation's body that starts at ``j`` ends, when the
    word-by-word reader would break it: capitalised words joined by "and" or holding a
    KB name, ending in an organisation head that no capitalised word follows ("[the
    African Union] Peace and Security Council", "[ECOWAS] Mediation and Security
    Council"). None for any other run ("[EU] Commission President Ursula von der Leyen"
    ends in a name; "[UN] Security Council" is the KB's own name). Only after a known
    organisation: a country's bodies are read by the title reader."""
    if not owners or owners[-1].entry is None or owners[-1].entry.kind == "country":
        return None
    n = len(tv.text)
    k = j
    broken = False
    while k < n and k < j + _RUN_LIMIT:
        if _capitalised(tv, k):
            broken = broken or (k in kb_spans and k > j)
            k += 1
        elif tv.lower[k] == "and" and k > j and k + 1 < n and _capitalised(tv, k + 1):
            broken = True
            k += 1
        else:
            break
    if not broken or k == j or tv.lower[k - 1] not in words.org_heads:
        return None
    return k


def sports_context(finder: ActorFinder, doc: Doc, tv: TokenView) -> tuple[bool, bool]:
    """Whether the doc is about sport (a known club's name, or a sentence with a score, a
    word of games or a competition's name: :func:`~sitrep.analyze.nlp.sports.sporting_text`),
    and whether it may name a sports competition or club at all (most docs do not: the
    reader is not run there). Starts the doc's list of sports names
    (``doc._.sitrep_sports``), which the event coder reads as a sign of a sports sentence."""
    doc._.sitrep_sports = []
    text = text_of(doc)
    sports = load_sports_words()
    tokens = frozenset(tv.lower)

    context = sporting_text(sports, text, lambda: sentence_char_spans(doc), tokens,
                            pattern_starts(sports, tv.lower, tv.idx))
    sporting = context or not finder.words.sports_words.isdisjoint(tokens)
    if sporting:
        doc.user_data[_ENDS_KEY] = _name_ends(finder, tv, sports)
    return context, sporting


_ENDS_KEY = "sitrep_sports_name_ends"
"""``doc.user_data`` key of :func:`_name_ends` for the doc."""


def _name_ends(finder: ActorFinder, tv: TokenView, sports: SportsWords) -> list[int]:
    """The capitalised tokens that may end a sports name read from a capitalised run (a
    club suffix, team nickname, ground's or competition's head), in order: a run with none
    of them is no such name (see :func:`_sports_name_end`), told without reading it."""
    words = finder.words
    ends = words.sports_words | sports.context_club_suffixes | sports.team_names | \
        sports.venue_heads
    return [k for k in compress(range(len(tv.lower)), map(ends.__contains__, tv.lower))
            if _capitalised(tv, k)]


def sports_name_end(finder: ActorFinder, doc: Doc, j: int, context: bool) -> int | None:
    """Where a sports competition, club or ground named from token ``j`` ends, or None
    (noted in ``doc._.sitrep_sports`` when found; the tokens and KB names are those the
    finder holds for ``doc``):

    * a known club (:func:`~sitrep.analyze.nlp.sports.known_name_end`: "Real Madrid");
    * a place's name (a start among the finder's places) and a club suffix ("Manchester
      United");
    * in a text about sport (``context``), a place's name and a club end that is also an
      ordinary word ("Leicester City", "Glasgow Rangers", "Derby County"; not a city's own
      name, "Kansas City") or a team nickname ("Texas Rangers", "Kansas City Chiefs",
      "Boston Red Sox"), and a ground ("Pride Park");
    * a capitalised run up to its last sports head, with a sports word ("Premier League",
      "UEFA Champions League", "FIFA World Cup", "Africa Cup of Nations"). A KB name that
      reaches the head is never one ("the Arab League"); one before it names the
      competition ("the Commonwealth Games")."""
    tv = finder._doc_tokens
    if tv is None:
        return None
    end = _sports_name_end(finder, text_of(doc), tv, j, finder._doc_spans, context,
                           doc.user_data.get(_ENDS_KEY))
    if end is not None:
        doc._.sitrep_sports.append((tv.idx[j], tv.idx[end - 1] + len(tv.text[end - 1])))
    return end


def _sports_name_end(finder: ActorFinder, text: str, tv: TokenView, j: int,
                     kb_spans: dict[int, tuple[int, str]], context: bool,
                     name_ends: list[int] | None = None) -> int | None:
    """:func:`sports_name_end`'s reading, without the note. ``name_ends``, when known, are
    the doc's :func:`_name_ends`: a capitalised run holds a word that every reading below
    needs (its last word a club suffix, nickname or ground's head, or a sports head in
    it), so a run without one within reach is none."""
    n = len(tv.text)
    if j >= n:
        return None
    sports = load_sports_words()
    known = known_name_end(sports, tv, text, j, context)
    if known is not None or not _capitalised(tv, j):
        return known
    if name_ends is not None:
        at = bisect_left(name_ends, j)
        if at == len(name_ends) or name_ends[at] >= j + _RUN_LIMIT:
            return None
    k = j
    while k < n and k < j + _RUN_LIMIT and _capitalised(tv, k):
        k += 1
    run, words = tv.lower[j:k], finder.words
    if k - j >= 2 and run[-1] in words.club_suffixes and j not in kb_spans and (
            j in finder.places_at or place_named(tv.text[j]) is not None):
        return k  # "Manchester United", "Leeds United": a club
    if k - j >= 2 and (j not in kb_spans or kb_spans[j][0] < k) and (
            club := _club_after_place(finder, tv, j, k, context)):
        return club
    if context and k - j >= 2 and run[-1] in sports.venue_heads and j not in kb_spans and \
            finder.places_at.get(j, (0,))[0] != k and place_named(" ".join(run)) is None:
        return k  # "Pride Park", "Wembley Stadium": a ground (not the town "College Park")
    last = max((m for m, w in enumerate(run) if w in words.sports_heads), default=-1)
    if last < 0 or words.sports_name_words.isdisjoint(run[:last + 1]) or (
            j in kb_spans and kb_spans[j][0] > j + last):
        return None
    k = j + last + 1
    if k + 1 < n and tv.lower[k] == "of" and _capitalised(tv, k + 1):
        k += 2  # "Africa Cup of Nations"
    return k


def _place_end(finder: ActorFinder, tv: TokenView, j: int, k: int) -> int | None:
    """Where the place named from token ``j`` ends, before ``k``: the gazetteer's find in
    the doc, else the longest run of one to three words it names ("Texas", "New York")."""
    if j in finder.places_at:
        end = finder.places_at[j][0]
        return end if end < k else None
    for end in range(min(j + 3, k - 1), j, -1):
        if place_named(" ".join(tv.text[j:end])) is not None:
            return end
    return None


_TOWN_WORDS = frozenset({"city", "town"})
"""Club ends that are also the ends of towns' names the gazetteer lacks ("Chesapeake City")."""


def _club_after_place(finder: ActorFinder, tv: TokenView, j: int, k: int,
                      context: bool) -> int | None:
    """``k`` when, in a text about sport (``context``), the capitalised run ``j:k`` is a
    place's name and a club end that is also an ordinary word ("Leicester City") or a team
    nickname of one or two words ("Texas Rangers", "Boston Red Sox"; not "US Army Rangers":
    no role or organisation word inside the nickname). Elsewhere "Nairobi City" is the
    city, "Texas Rangers" the state's police: known clubs are read in any text
    (sports.yaml)."""
    last = tv.lower[k - 1]
    sports = load_sports_words()
    if not context or (last not in sports.context_club_suffixes
                       and last not in sports.team_names):
        return None
    if j in finder._inside_place:
        return None  # "York" of "New York City"
    place = _place_end(finder, tv, j, k)
    if place is None or place_named(" ".join(tv.text[j:k])) is not None:
        return None  # no place, or the whole run is one ("New York City", "Jersey City")
    n = len(tv.text)
    if place == k - 1 and last in _TOWN_WORDS and j > 0 and \
            tv.lower[j - 1] in finder.words.locative and (k >= n or tv.lower[k] not in
                                                          POSSESSIVE_MARKS):
        return None  # "held in Chesapeake City": a town ("in Leicester City's win": a club)
    if place == k - 1 and (last in sports.context_club_suffixes or last in sports.team_names):
        # "Leicester City" (not before a role word: "Davao City police")
        return k if k >= n or finder._title_at(tv, k) is None else None
    words = finder.words
    middle = tv.lower[k - 2]
    if place == k - 2 and last in sports.team_names and middle not in words.org_heads and \
            middle not in words.military_name_words and middle not in words.adjectival_roles:
        return k  # "Boston Red Sox", "Toronto Blue Jays"
    return None
