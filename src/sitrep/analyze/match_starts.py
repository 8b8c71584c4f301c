"""``pattern.finditer`` run only at the positions where a match can begin.

Python's regex engine scans a pattern that opens with an optional part ("Friday, " before
"Aug. 15, 2025") or with a long alternation at every character of the text, trying the
whole pattern each time: over a news article that is about a millisecond per pattern. Where
every match must begin at one of a few cheaply found positions (a month or weekday name, a
digit, a given word), trying the pattern there alone gives exactly the matches ``finditer``
gives, at a fraction of the cost.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

__all__ = ["FOLD_ODDITIES", "NameStarts", "Needle", "lowered", "matches_at", "word_starts",
           "words_before"]

FOLD_ODDITIES = ("\u0130", "\u0131", "\u017f")
"""The characters that Python's case-insensitive matching takes for an ASCII letter although
``str.lower`` does not turn them into it (dotted and dotless i, long s): a text holding one
may match a ``(?i)`` pattern where its lower-cased copy holds no lower-case match."""


def lowered(text: str) -> str | None:
    """``text.lower()``, in which a lower-case pattern finds wherever its ``(?i)`` form
    finds in ``text``; None where ``text`` holds one of :data:`FOLD_ODDITIES`."""
    return None if any(odd in text for odd in FOLD_ODDITIES) else text.lower()


class Needle:
    """Whether a pattern occurs anywhere in a text, by the cheapest test that is sure.

    Python scans a pattern without a literal start by trying it at every character, so
    each search over a news article costs a tenth of a millisecond or more. Each option
    here is a test every match of ``pattern`` passes, tried first: ``words``, of which a
    match holds one (in the lower-cased text); ``prefilter``, a pattern with a literal
    start that every match contains. ``lowered_pattern`` (a lower-case pattern without
    ``\\b`` or classes that case changes: ``pattern`` is its ``(?i)`` form) is searched
    in the lower-cased text instead of ``pattern`` in the text.
    """

    def __init__(self, pattern: str, *, words: tuple[str, ...] = (),
                 prefilter: str | None = None, lowered_pattern: str | None = None) -> None:
        self.pattern = re.compile(pattern)
        self.words = words
        self.prefilter = re.compile(prefilter) if prefilter is not None else None
        self.lowered = re.compile(lowered_pattern) if lowered_pattern is not None else None

    def found(self, text: str, low: str | None) -> bool:
        """Whether ``pattern`` matches in ``text``; ``low`` is ``lowered(text)``."""
        if self.words and low is not None and not any(w in low for w in self.words):
            return False
        if self.prefilter is not None and self.prefilter.search(text) is None:
            return False
        if self.lowered is not None and low is not None:
            return self.lowered.search(low) is not None
        return self.pattern.search(text) is not None


class NameStarts:
    """Where any of a set of names begins, kept where the names' ``pattern`` matches (every
    match of ``pattern`` must begin with one of ``names``).

    One scan for the names as an alternation of plain words, which the engine runs in C
    looking for their first letters alone, finds each name but those that begin inside an
    earlier one found ("NOV" in "JANOV"): those are tried at every position inside each
    one found that holds a name's first letter, so names may overlap freely. Most texts
    hold none of the names, and are told so by that one scan."""

    def __init__(self, pattern: str, names: Iterable[str]) -> None:
        names = sorted(set(names), key=lambda n: (-len(n), n))
        self._firsts = frozenset(n[0] for n in names)
        self._any = re.compile("|".join(re.escape(n) for n in names))
        self._name = re.compile(pattern)

    def __call__(self, text: str) -> list[int]:
        match, firsts = self._name.match, self._firsts
        found: list[int] = []
        for name in self._any.finditer(text):
            start, end = name.span()
            found.extend(s for s in range(start, end)
                         if (s == start or text[s] in firsts) and match(text, s))
        return found


def word_starts(text: str, words: Iterable[str]) -> list[int]:
    """Every position where one of ``words`` occurs, inside other words too, overlaps
    included (``str.find`` from each hit onwards)."""
    found: list[int] = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            found.append(at)
            at = text.find(word, at + 1)
    return found


def words_before(text: str, at: int, count: int, letters: str,
                 ends: tuple[int, ...] = (), digits: bool = False) -> list[int]:
    """Where the ``count`` words before ``at`` begin, nearest first: runs of ``letters``
    (and, with ``digits``, of the decimal digits a pattern's ``\\d`` matches) parted from
    each other and from ``at`` by whitespace or hyphens (the walk stops at anything else).
    ``ends``: also that many characters before each word's end. A pattern
    whose matches are a few such words before a name found at ``at`` can begin only
    there (with ``ends``, also at a word such as "this" glued to the end of a longer one)."""
    found: list[int] = []
    position = at
    for _ in range(count):
        gap = position
        while position > 0 and (text[position - 1].isspace() or text[position - 1] == "-"):
            position -= 1
        end = position
        if end == gap:
            break
        while position > 0 and (text[position - 1] in letters
                                 or (digits and text[position - 1].isdecimal())):
            position -= 1
        if position == end:
            break
        found.append(position)
        found.extend(end - back for back in ends if end - back > position)
    return found


def matches_at(pattern: re.Pattern[str], text: str,
               starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """The matches ``pattern.finditer(text)`` yields, provided every position a match of
    ``pattern`` can begin at is among ``starts`` and ``pattern`` never matches the empty
    string: like ``finditer``, the leftmost match wins and the search goes on after its
    end. (Lookbehinds still see the text before a start: ``match`` with a position does
    not cut the string.)"""
    after = 0
    for start in sorted(set(starts)):
        if start < after:
            continue
        found = pattern.match(text, start)
        if found is not None:
            yield found
            after = found.end()
