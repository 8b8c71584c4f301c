"""Find the byline a reader sees next to the headline ("By Ann Lee and Bo Chen").

Why: many pages name their author only in visible text, not in structured data, and
structured data sometimes names the organisation ("British Heart Foundation") where the
byline names the writer. The byline is looked for in a short window around the headline,
where publishers print it, and must look like personal names (capitalised words), so the
"by" of ordinary prose ("driven by demand") does not count.
"""

from __future__ import annotations

import re

from sitrep.extract.visible_dates import dates_in_text

__all__ = ["headline_authors", "looks_like_name"]

_NAME_WORD = r"[A-Z][\w'’.-]*"
_PARTICLE = r"(?:de|da|van|von|der|del|di|le|la|bin|al)"
_NAME = rf"{_NAME_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_NAME_WORD}){{0,3}}"
_BYLINE = re.compile(
    rf"(?:\b[Bb]y|\b[Ww]ritten\s+by|\b[Aa]uthored\s+by|\b[Pp]osted\s+by|\b[Aa]uthor)\s*:?\s+"
    rf"(?P<names>{_NAME}(?:[ \t]*(?:,|and|&)[ \t]*{_NAME}){{0,5}})")
# Labels strong enough to trust anywhere on the page (a plain "by" is only trusted by the
# headline, since prose is full of "by").
_LABELLED = re.compile(
    rf"(?:\b[Ww]ritten\s+by|\b[Aa]uthored\s+by|\b[Pp]osted\s+by|\bAuthor)\s*:?\s+"
    rf"(?P<names>{_NAME}(?:[ \t]*(?:,|and|&)[ \t]*{_NAME}){{0,5}})")
_SPLIT = re.compile(r"\s*(?:,|\band\b|&)\s*")
_MONTH_OR_LABEL = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|"
    r"june|july|august|september|october|november|december|updated|published|posted|"
    r"written|min|read|share|follow|editor|editors|contributor)\b",
    re.IGNORECASE)
_BEFORE = 200
_AFTER = 500


def looks_like_name(text: str) -> bool:
    """Two to five capitalised words, no digits, no dates or byline labels."""
    words = text.split()
    if not 2 <= len(words) <= 5 or any(ch.isdigit() for ch in text):
        return False
    if _MONTH_OR_LABEL.search(text):
        return False
    return all(word[0].isupper() or word.lower() in {"de", "da", "van", "von", "der", "del",
                                                     "di", "le", "la", "bin", "al"}
               for word in words)


def _names_in(match: re.Match[str]) -> list[str]:
    names = [part.strip(" .") for part in _SPLIT.split(match.group("names"))]
    # The greedy name pattern runs into the next capitalised word ("Ann Lee Updated");
    # trim words until what is left looks like a name.
    found = []
    for name in names:
        words = name.split()
        while words and not looks_like_name(" ".join(words)):
            words.pop()
        if words:
            found.append(" ".join(words))
    return found if found and not dates_in_text(" ".join(found)) else []


def headline_authors(text: str, headline: str | None) -> list[str]:
    """Names in the first byline printed just after (else just before) the headline; failing
    that, in the first explicitly labelled one ("Written by ...") anywhere on the page."""
    anchor = text.find(" ".join(headline.split())) if headline else -1
    if anchor >= 0 and headline:
        end = anchor + len(headline)
        for window in (text[end:end + _AFTER], text[max(0, anchor - _BEFORE):anchor]):
            for match in _BYLINE.finditer(window):
                if found := _names_in(match):
                    return found
    for match in _LABELLED.finditer(text):
        if found := _names_in(match):
            return found
    return []
