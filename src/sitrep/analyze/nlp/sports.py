"""Sports reporting: when a text is about a game, and which names are clubs, teams and
grounds (sports.yaml).

News feeds carry many sports stories, and their verbs are the verbs of war: "Manchester
City beat Arsenal 2-1", "Brazil thrashed Argentina 3-0". Coded as PLOVER they are assaults
between a "City" group and a country (GDELT's best-known false positives). Two readers use
this module:

* the actor finder (:func:`sitrep.analyze.nlp.actor_names.sports_name_end`) reads clubs,
  teams and grounds as no actor: known club names anywhere ("Real Madrid"), and in a text
  about sport a place's name with a club end or a team nickname ("Leicester City", "Texas
  Rangers", "Kansas City Chiefs");
* the event coder (:mod:`sitrep.analyze.coder.games`) codes no event from a game's verb
  in a sports sentence: a result ("beat", "thrash") unless an armed body takes part, a
  fixture ("meet", "host") between countries.

A sentence is a sports one when it holds a score ("2-1", "3–0"; not a tally, "ruled 5-4",
nor a range, "2-3 days"), a word news uses almost only of games ("pitcher", "midfielder"),
a competition's name ("the World Cup") or two distinct words of games that also serve
politics ("match", "season", "coach"); a text is about sport when one of its sentences is
or it names a known club.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import compress
from pathlib import Path

import yaml

from sitrep.analyze.nlp.records import TokenView
from sitrep.errors import AnalysisError

__all__ = ["SPORTS_FILE", "SportsWords", "known_name_end", "load_sports_words",
           "pattern_starts", "score_lines", "sporting", "sporting_text"]

SPORTS_FILE = Path(__file__).with_name("sports.yaml")

_KEYS = ("strong_words", "strong_names", "weak_words", "result_verbs", "fixture_verbs",
         "score_blockers",
         "context_club_suffixes", "team_names", "clubs", "venues", "venue_heads",
         "player_roles")

_SCORE = re.compile(r"(?<![\w.,/:–—-])(\d{1,3}) ?[-–—] ?(\d{1,3})(?![\w/:%–—-]|[.,]\d)")
"""Two numbers joined by a dash, not inside a date, a decimal, a phone number or a longer
range ("2024-03-02", "1.5-2", "1-2-3")."""

_PAIR = re.compile(r"\d ?[-–—] ?\d")
"""A quick test for :data:`_SCORE`'s core, which a pattern starting with digits runs fast."""

_WORD = re.compile(r"[\w%'’-]+")


@dataclass(frozen=True, slots=True)
class SportsWords:
    """The word lists of sports.yaml, compiled for matching."""

    strong: re.Pattern[str]
    """Words of games, matched in lower case only ("derby", not the town "Derby")."""
    names: re.Pattern[str]
    """Competitions and leagues, in any case."""
    weak_words: frozenset[str]
    result_forms: frozenset[str]
    """Every inflected form of the result verbs ("beat", "beaten", "thrashed")."""
    fixture_forms: frozenset[str]
    """Every inflected form of the fixture verbs ("meet", "met", "hosted")."""
    score_blockers: frozenset[str]
    context_club_suffixes: frozenset[str]
    team_names: frozenset[str]
    clubs: re.Pattern[str]
    """Known club names of two words or more, anchored where a name starts."""
    single_clubs: frozenset[str]
    venues: re.Pattern[str]
    strong_words: _Phrases
    """The strong words and competition names by key word (:func:`_phrase_index`): a text
    whose tokens hold none of them whole skips those patterns."""
    club_words: _Phrases
    """The known club names, likewise."""
    strong_starts: frozenset[str]
    """The tokens a strong word or a competition's name may start with: where the
    patterns are tried in a tokenised text."""
    name_starts: frozenset[str]
    """The tokens a known club's or ground's name may start with ("real", "old"): the
    patterns are tried only there."""
    venue_heads: frozenset[str]
    player_roles: frozenset[str]
    first_words: frozenset[str]
    """``name_starts`` and ``strong_starts`` together (:func:`pattern_starts`)."""


def _alternation(phrases: Iterable[str], flags: int = 0) -> re.Pattern[str]:
    """One pattern for ``phrases``, longest first, each between word boundaries; a space
    in a phrase matches any run of spaces."""
    parts = [r"\s+".join(re.escape(w) for w in p.split())
             for p in sorted(set(phrases), key=len, reverse=True)]
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", flags)


_Phrases = dict[str, tuple[tuple[tuple[str, ...], ...], ...]]
"""Phrases by a key word each holds: every phrase as its words, every word as its parts."""


def _phrase_index(phrases: Iterable[str]) -> _Phrases:
    """Each phrase as its words, each word as its spellings in tokens (whole, or its parts
    when it joins them by a hyphen or apostrophe: "semi-final"), filed under its longest
    part, a word every match holds as a token of its own ("monaco" of "as monaco")."""
    index: dict[str, list[tuple[tuple[str, ...], ...]]] = {}
    for phrase in phrases:
        words = tuple(tuple(filter(None, re.split(r"[-'’]", word))) or (word,)
                      for word in phrase.split())
        key, whole = max(((part, word) for word, parts in zip(phrase.split(), words,
                                                               strict=True)
                          for part in parts), key=lambda pair: len(pair[0]))
        for name in {key, whole}:  # "final", and "semi-final" should it stay one token
            index.setdefault(name, []).append(words)
    return {key: tuple(found) for key, found in index.items()}


def _start_words(phrases: Iterable[str]) -> frozenset[str]:
    """The tokens a phrase may start with: its first word whole, or that word's first part
    ("st" of "st james' park")."""
    return frozenset(w for p in phrases for w in (p.split()[0], re.split(r"[-'’]", p)[0]))


def _may_match(phrases: _Phrases, tokens: frozenset[str]) -> bool:
    """Whether every word of some phrase is among ``tokens`` (whole or by its parts): else
    no pattern of those phrases can match, and the text is spared the search. Only the
    phrases whose key word is a token are looked at (a set intersection: most texts hold
    none)."""
    return any(all("".join(parts) in tokens or "-".join(parts) in tokens
                   or all(p in tokens for p in parts) for parts in words)
               for key in phrases.keys() & tokens for words in phrases[key])


@cache
def load_sports_words(path: Path = SPORTS_FILE) -> SportsWords:
    """Read and check sports.yaml: exactly its keys, each a list of lower-case strings."""
    from sitrep.analyze.coder.inflect import verb_forms  # the coder package imports nlp

    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(raw, dict) or set(raw) != set(_KEYS):
        raise AnalysisError(f"{path}: expected exactly the keys {sorted(_KEYS)}")
    for key, words in raw.items():
        if not isinstance(words, list) or not words or not all(
                isinstance(w, str) and w == w.lower() and w.strip() == w for w in words):
            raise AnalysisError(f"{path}: {key} must be a list of lower-case strings")
    clubs = [c for c in raw["clubs"] if " " in c]
    return SportsWords(
        strong=_alternation(raw["strong_words"]),
        names=_alternation(raw["strong_names"], re.IGNORECASE),
        weak_words=frozenset(raw["weak_words"]),
        result_forms=frozenset(f for lemma in raw["result_verbs"] for f in verb_forms(lemma)),
        fixture_forms=frozenset(f for lemma in raw["fixture_verbs"] for f in verb_forms(lemma)),
        score_blockers=frozenset(raw["score_blockers"]),
        context_club_suffixes=frozenset(raw["context_club_suffixes"]),
        team_names=frozenset(raw["team_names"]),
        clubs=_alternation(clubs, re.IGNORECASE),
        single_clubs=frozenset(c for c in raw["clubs"] if " " not in c),
        venues=_alternation(raw["venues"], re.IGNORECASE),
        strong_words=_phrase_index([*raw["strong_words"], *raw["strong_names"]]),
        club_words=_phrase_index(clubs),
        strong_starts=_start_words([*raw["strong_words"], *raw["strong_names"]]),
        name_starts=_start_words([*clubs, *raw["venues"]]),
        venue_heads=frozenset(raw["venue_heads"]),
        player_roles=frozenset(raw["player_roles"]),
        first_words=_start_words([*clubs, *raw["venues"], *raw["strong_words"],
                                  *raw["strong_names"]]),
    )


def score_lines(words: SportsWords, text: str) -> list[tuple[int, int]]:
    """The character spans of the scores in ``text``: number pairs ("2-1", "3–0", "10 - 2")
    whose neighbouring words make them no tally or range (a blocker two words before or
    after: "ruled 5-4", "a 5-4 ruling", "voted 51-49", "2-3 days", "aged 5-11")."""
    spans: list[tuple[int, int]] = []
    if _PAIR.search(text) is None:
        return spans  # most texts: no two numbers joined by a dash
    for match in _SCORE.finditer(text):
        before = _WORD.findall(text[max(0, match.start() - 40):match.start()])[-2:]
        after = _WORD.findall(text[match.end():match.end() + 40])[:2]
        if not any(w.lower() in words.score_blockers for w in (*before, *after)):
            spans.append(match.span())
    return spans


def sporting(words: SportsWords, text: str) -> bool:
    """Whether ``text`` (a sentence) is about a game: a score, a word of games in lower case,
    a competition's name, or two distinct words of games that also serve politics."""
    if words.strong.search(text) or words.names.search(text) or score_lines(words, text):
        return True
    return _two_weak(words, text)


def _two_weak(words: SportsWords, text: str) -> bool:
    """Whether ``text`` holds two distinct words of games that also serve politics."""
    return len(words.weak_words.intersection(_WORD.findall(text.lower()))) >= 2


def sporting_text(words: SportsWords, text: str,
                  sentences: Callable[[], Iterable[tuple[int, int]]],
                  tokens: frozenset[str], starts: Sequence[tuple[str, int]] | None = None
                  ) -> bool:
    """Whether ``text`` names a known club ("Real Madrid") or any of its sentences (their
    character spans, asked for only when needed) is about a game. ``tokens`` are the
    text's tokens in lower case: the patterns run only where one of their first words is
    among them (most texts hold none; this runs on every article). ``starts`` are the
    tokens with their offsets, when known (those that may start no pattern may be left
    out: :func:`pattern_starts`): the patterns are then tried only where a name may start,
    not searched for through the whole text."""
    if _may_match(words.club_words, tokens) and _found(words.clubs, text, starts,
                                                       words.name_starts):
        return True
    if _may_match(words.strong_words, tokens) and (
            _found(words.strong, text, starts, words.strong_starts)
            or _found(words.names, text, starts, words.strong_starts)):
        return True
    if score_lines(words, text):
        return True
    if len(words.weak_words & tokens) < 2:
        return False
    # No score, strong word or name anywhere: a sentence can only be one by its weak words.
    return any(_two_weak(words, text[start:end]) for start, end in sentences())


def pattern_starts(words: SportsWords, lower: list[str], idx: list[int]
                   ) -> list[tuple[str, int]]:
    """The tokens (in lower case, with their offsets) where a club's, ground's, strong
    word's or competition's name may start: the only ones :func:`sporting_text` tries its
    patterns at. Picked without a Python loop over the text's tokens (most are none)."""
    keep = list(map(words.first_words.__contains__, lower))
    return list(zip(compress(lower, keep), compress(idx, keep), strict=True))


def _found(pattern: re.Pattern[str], text: str, starts: Sequence[tuple[str, int]] | None,
           first_words: frozenset[str]) -> bool:
    """Whether ``pattern`` matches in ``text``: tried at the offsets of ``starts`` whose
    token may begin a match, or searched through the text when no tokens are given."""
    if starts is None:
        return pattern.search(text) is not None
    return any(pattern.match(text, at) is not None
               for token, at in starts if token in first_words)


def known_name_end(words: SportsWords, tv: TokenView, text: str, j: int,
                   context: bool) -> int | None:
    """Where a known club or ground named from token ``j`` of ``text`` ends, or None: a
    club name of two words or more in any text ("Real Madrid", "Bayern Munich"); one of
    one word ("Juventus"), a ground ("Old Trafford") or a player's role word ("striker")
    only in a text about sport."""
    if context and tv.lower[j] in words.player_roles:
        return j + 1
    if tv.lower[j] not in words.name_starts:
        return j + 1 if context and tv.lower[j] in words.single_clubs else None
    found = words.clubs.match(text, tv.idx[j])
    if found is None and context:
        found = words.venues.match(text, tv.idx[j])
        if found is None and tv.lower[j] in words.single_clubs:
            return j + 1
    if found is None:
        return None
    return max(j + 1, bisect_left(tv.idx, found.end()))
