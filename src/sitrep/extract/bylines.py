"""Find the byline a reader sees next to the headline ("By Ann Lee and Bo Chen").

Why: many pages name their author only in visible text, not in structured data, and
structured data sometimes names the organisation ("British Heart Foundation") where the
byline names the writer. The byline is looked for in a short window around the headline,
where publishers print it, and must look like personal names (capitalised words), so the
"by" of ordinary prose ("driven by demand") does not count.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from urllib.parse import urlsplit

from sitrep.extract.page_metadata import PageMetadata
from sitrep.extract.visible_dates import dates_in_text

__all__ = [
    "headline_authors",
    "headline_name_line",
    "labelled_authors",
    "looks_like_name",
    "name_over_bio",
    "name_over_outlet",
    "name_over_role",
    "personal_site_name",
    "site_owner",
    "tidy_names",
]

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
# A writer's card: a name line over a role line ("Ann Lee" / "Senior Tech Reporter").
_ROLE_LINE = re.compile(
    r"^(?:[\w&'’.,-]+\s+){0,6}(?:author|writer|editor|reporter|contributor|journalist|"
    r"correspondent|columnist|editor-in-chief)s?$", re.IGNORECASE)
# A byline label left on a name, fused or not ("ByTrevor Jones", "Author: Ann Lee").
_LEADING_LABEL = re.compile(r"^(?:[Ww]ritten\s*by|[Pp]osted\s*by|[Aa]uthored\s*by|"
                            r"[Rr]ead\s+more\s+about|Author|By)\s*:?\s*(?=[A-Z])")
# Post-nominal letters printed after a writer's name ("Ann Lee, PhD, RD").
_CREDENTIALS = {"phd", "md", "do", "dvm", "rn", "bsn", "msn", "np", "pa", "rd", "rdn", "ms",
                "msc", "ma", "ba", "bs", "bsc", "mba", "mph", "jd", "llm", "cpa", "cfa", "cfp",
                "cepf", "cpp", "psp", "lcsw", "lmft", "psyd", "edd", "facs", "frcp", "mrcp",
                "ibclc", "cscs", "acsm", "ace", "nasm", "cissp", "pmp", "esq", "jr", "sr"}
_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|·|•)\s+")
# Words that make a capitalised site name an organisation's or a publication's.
_ORGANISATION_WORDS = {
    "blog", "news", "media", "magazine", "journal", "times", "post", "daily", "weekly",
    "press", "group", "team", "inc", "ltd", "llc", "co", "company", "studio", "studios",
    "labs", "lab", "network", "online", "digital", "review", "guide", "club", "shop",
    "store", "academy", "institute", "university", "college", "school", "health",
    "center", "centre", "foundation", "agency", "partners", "solutions", "services",
    "insider", "today", "tribune", "herald", "gazette", "world", "report",
    "official", "home", "kitchen", "life", "living"}


def looks_like_name(text: str) -> bool:
    """Two to five capitalised words, no digits, no dates or byline labels."""
    words = text.split()
    if not 2 <= len(words) <= 5 or any(map(str.isdigit, text)):
        return False
    if _MONTH_OR_LABEL.search(text):
        return False
    return all(word[0].isupper() or word.lower() in {"de", "da", "van", "von", "der", "del",
                                                     "di", "le", "la", "bin", "al"}
               for word in words)


# Every label _LABELLED opens with is one letter and then one of these stems ("W" +
# "ritten", "A" + "uthor", ...). The pattern opens on ``\b``, which gives the regex
# engine no first character to scan for, so its own search tries every position of the
# page; str.find locates the stems a few times faster than that, and the pattern is then
# tried only where a label can start.
_LABEL_STEMS = ("ritten", "uthor", "osted")


def _labelled_matches(text: str) -> Iterator[re.Match[str]]:
    """Every match of _LABELLED, one for each position a match starts at, in order: each
    is tried from the next character after the previous one's start, so "Author Written
    by Ann Lee" does not lose "Written by Ann Lee" to a failed "Author Written" match.

    Same matches as searching from each position in turn: a match starts one character
    before a label stem, and matching there is what a search that reaches it does.
    """
    starts: set[int] = set()
    for stem in _LABEL_STEMS:
        position = text.find(stem, 1)
        while position >= 0:
            starts.add(position - 1)
            position = text.find(stem, position + 1)
    for start in sorted(starts):
        if (match := _LABELLED.match(text, start)) is not None:
            yield match


def name_over_role(text: str) -> list[str]:
    """The first name printed on its own line above a writer's role ("Ann Lee" over
    "Staff Writer"): the author card many pages print by the headline or after the
    article, without "By"."""
    lines = text.split("\n")
    for line, following in itertools.pairwise(lines):
        if _ROLE_LINE.match(following) and looks_like_name(line.strip(" .")):
            return [line.strip(" .")]
    return []


def name_over_outlet(text: str, is_outlet: Callable[[str], bool]) -> list[str]:
    """A name printed on its own line over the publication's name ("Ann Lee" / "Daily
    Courier"): the writer's card of syndicated and newspaper pages, where the byline
    credits the outlet as the role. ``is_outlet`` tells whether a line is the site's name."""
    lines = text.split("\n")
    for line, following in itertools.pairwise(lines):
        name = line.strip(" .")
        outlet = following.strip()
        if len(name.split()) <= 4 and looks_like_name(name) and outlet and is_outlet(outlet) \
                and not {word.lower() for word in name.split()} & {
                    word.lower() for word in outlet.split()}:
            return [name]   # "Slashdot Deals" over "Slashdot" is the outlet's own section
    return []


def name_over_bio(text: str) -> list[str]:
    """A name printed on its own line over a paragraph that opens with it ("Ann Lee" /
    "Ann Lee is a health reporter who..."): the author box many blogs close the article
    with. The repetition is what marks it: a lone capitalised line elsewhere is a heading."""
    lines = text.split("\n")
    for line, following in itertools.pairwise(lines):
        name = line.strip(" .")
        # The cheap repetition test first: it rules out almost every line.
        if name and following.startswith(name + " ") \
                and following[len(name) + 1:len(name) + 2].islower() \
                and len(name.split()) <= 4 and looks_like_name(name):
            return [name]
    return []


def tidy_names(names: list[str]) -> list[str]:
    """Author names without what bylines glue to them: a leading label ("Author: Ann
    Lee", "ByAnn Lee") and entries that are only credentials ("PhD", "RD"). Roles stay:
    a byline's "Ann Lee, Senior Analyst" is the publisher's own credit. Duplicates (by
    case) go, first spelling kept."""
    unique: dict[str, str] = {}
    for raw in names:
        name = _LEADING_LABEL.sub("", " ".join(raw.split())).strip(" ,.;:")
        words = [re.sub(r"[^a-z]", "", word.lower()) for word in name.split()]
        if name and not all(word in _CREDENTIALS for word in words):
            unique.setdefault(name.lower(), name)
    return list(unique.values())


def _host_spells(name: str, url: str | None) -> bool:
    """True when the page's host is ``name`` or its surname spelled as a domain
    ("annlee.example" or "lee.example" for Ann Lee)."""
    host = urlsplit(url if url and "//" in url else f"//{url or ''}").hostname or ""
    labels = set(host.lower().split("."))
    words = re.findall(r"\w+", name.lower())
    return bool(words) and ("".join(words) in labels or (len(words[-1]) >= 4
                                                           and words[-1] in labels))


def personal_site_name(meta: PageMetadata) -> list[str]:
    """The site's name when it is a person's (a personal blog: "Notes | Ann Lee"), from
    ``og:site_name`` or the last part of the ``<title>``; empty otherwise."""
    candidates = [meta.site_name or ""]
    parts = _TITLE_SEPARATOR.split(meta.html_title or "")
    if len(parts) > 1:
        candidates.append(parts[-1])
    for candidate in candidates:
        name = " ".join(candidate.split())
        words = {word.lower().strip(".,'’") for word in name.split()}
        if looks_like_name(name) and len(name.split()) <= 3 \
                and not words & _ORGANISATION_WORDS and "." not in name \
                and not any(word.endswith(("'s", "’s")) for word in words):
            return [name]
    return []


def site_owner(home_links: Sequence[str], url: str | None) -> list[str]:
    """A link home whose text is a personal name the page's host spells ("Ann Lee" on
    annlee.example or lee.example): the owner of a personal site, who writes its pages."""
    for text in home_links:
        name = " ".join(text.split())
        if looks_like_name(name) and len(name.split()) <= 3 and _host_spells(name, url):
            return [name]
    return []


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
    return labelled_authors(text)


def labelled_authors(text: str) -> list[str]:
    """Names in the first explicitly labelled byline ("Written by ...", "Author: ...")
    anywhere on the page: such a label is not ordinary prose, so it is trusted far from
    the headline too (many blogs print it under the article)."""
    for match in _labelled_matches(text):
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
            if words and words[0].lower() == "by":
                words.pop(0)  # "By Ann Lee" alone on its line
            while words and words[-1] in _TRAILING_WORDS:
                words.pop()  # "Mahua Das in Project Management" reads "Mahua Das in"
            name = " ".join(words)
            if len(words) <= 3 and looks_like_name(name):
                return [name]
    return []
