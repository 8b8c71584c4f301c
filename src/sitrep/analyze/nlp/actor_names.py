"""Capitalised runs the phrase reader must read whole or not at all (helpers of
:class:`sitrep.analyze.nlp.actors.ActorFinder`, kept apart to keep that module short):

* a collective possessive inside an organisation's name ("the Uganda People's Defence
  Force", "the Kurdistan Workers' Party"): one organisation, not a people and another body;
* a body of a known organisation whose name joins words by "and" or holds another KB name
  ("the African Union Peace and Security Council": the AU's, not the UN Security Council);
* a sports competition or club ("the Premier League", "Manchester United"): no actor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sitrep.analyze.nlp.actor_lexicon import ActorWords
from sitrep.analyze.nlp.records import TokenView
from sitrep.analyze.places import place_named

if TYPE_CHECKING:
    from sitrep.analyze.nlp.actor_groups import Owner
    from sitrep.analyze.nlp.actors import ActorFinder

__all__ = ["POSSESSIVE_MARKS", "body_name_end", "possessive_name", "possessive_step",
           "sports_name_end"]

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


def sports_name_end(finder: ActorFinder, tv: TokenView, j: int,
                    kb_spans: dict[int, tuple[int, str]]) -> int | None:
    """Where a sports competition or club named from token ``j`` ends, or None: a
    capitalised run up to its last sports head, with a sports word ("Premier League",
    "UEFA Champions League", "FIFA World Cup", "Africa Cup of Nations"), or a place's
    name (a start among the finder's places) and a club suffix ("Manchester United"). A
    KB name that reaches the head is never one ("the Arab League"); one before it names
    the competition ("the Commonwealth Games")."""
    n = len(tv.text)
    if j >= n or not _capitalised(tv, j):
        return None
    k = j
    while k < n and k < j + _RUN_LIMIT and _capitalised(tv, k):
        k += 1
    run, words = tv.lower[j:k], finder.words
    if k - j >= 2 and run[-1] in words.club_suffixes and j not in kb_spans and (
            j in finder.places_at or place_named(tv.text[j]) is not None):
        return k  # "Manchester United", "Leeds United": a club
    last = max((m for m, w in enumerate(run) if w in words.sports_heads), default=-1)
    if last < 0 or words.sports_name_words.isdisjoint(run[:last + 1]) or (
            j in kb_spans and kb_spans[j][0] > j + last):
        return None
    k = j + last + 1
    if k + 1 < n and tv.lower[k] == "of" and _capitalised(tv, k + 1):
        k += 2  # "Africa Cup of Nations"
    return k
