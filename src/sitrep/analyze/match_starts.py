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

__all__ = ["NameStarts", "matches_at", "word_starts"]


class NameStarts:
    """Where any of a set of names begins: the positions holding one of the names' first
    characters (a character-class scan the engine runs in C), kept where the names'
    ``pattern`` matches. Every such position is tried, so names may overlap freely."""

    def __init__(self, pattern: str, names: Iterable[str]) -> None:
        self._scan = re.compile("[" + "".join(sorted({re.escape(n[0]) for n in names})) + "]")
        self._name = re.compile(pattern)

    def __call__(self, text: str) -> list[int]:
        match = self._name.match
        return [s for s in (m.start() for m in self._scan.finditer(text)) if match(text, s)]


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
