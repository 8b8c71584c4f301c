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

__all__ = ["headline_authors", "headline_name_line", "looks_like_name"]

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
_NAME_LINES = 5          # lines under the headline searched for a lone name
_TRAILING_WORDS = {"in", "on", "for", "at", "from"}
_NAME_LINE_PARTS = re.compile(r"\s*[•|·]\s*")   # "Dec 26, 2025 • Mahua Das"


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


def headline_name_line(text: str, headline: str | None) -> list[str]:
    """A name printed alone on a line just under the headline, next to a date.

    Many blogs print the byline block without "By": "Ann Lee" on one line, "Published on
    Oct 21, 2025" on the next. A lone capitalised line is a name only inside such a block
    (a date among the first few lines after the headline); otherwise "Table Of Contents"
    would pass. Names are up to three words here, and the first such line wins.
    """
    anchor = text.find(" ".join(headline.split())) if headline else -1
    if anchor < 0 or not headline:
        return []
    lines = text[anchor + len(headline):].split("\n", _NAME_LINES + 1)[1:_NAME_LINES + 1]
    if not dates_in_text("\n".join(lines)):
        return []
    for line in lines:
        for part in _NAME_LINE_PARTS.split(line):
            words = part.strip(" .").split()
            while words and words[-1] in _TRAILING_WORDS:
                words.pop()  # "Mahua Das in Project Management" reads "Mahua Das in"
            name = " ".join(words)
            if len(words) <= 3 and looks_like_name(name):
                return [name]
    return []
