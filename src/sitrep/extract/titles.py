"""Clean a page title of the site name that publishers glue to it.

``<title>`` and ``og:title`` usually read "Headline | Site", "Headline - Site" or
"Site: Headline". Analysts want the headline only (it is what briefs show and what
duplicate detection compares), so the site part goes. Which side is the site is decided
from evidence first (the URL's host, ``og:site_name``) and only then from shape: the site
part is the short side of a " | " or " - " split, never a colon split without evidence,
because colons are common inside real headlines ("Lunacal: AI scheduling").
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

__all__ = ["clean_title", "names_site"]

# Separators publishers put between headline and site name, spaced on both sides.
_SPACED_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|~)\s+")
_WORDS = re.compile(r"\w+")
_HOST_NOISE = {"www", "com", "org", "net", "co", "uk", "io", "news", "blog", "m", "amp", "en",
               "edu", "gov", "de", "fr", "us", "info"}
_SITE_MAX_WORDS = 5


def _squash(text: str) -> str:
    return "".join(_WORDS.findall(text.lower()))


def _host_labels(url: str | None) -> list[str]:
    if not url:
        return []
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    return [label for label in host.lower().split(".") if label and label not in _HOST_NOISE]


def _names_site(segment: str, site_name: str | None, host_labels: list[str]) -> bool:
    """True when ``segment`` is evidently the site's name (og:site_name or the URL's host)."""
    squashed = _squash(segment)
    if not squashed:
        return False
    if site_name and squashed == _squash(site_name):
        return True
    for label in host_labels:
        plain = label.replace("-", "")
        if len(plain) < 3:
            continue
        # The host may spell the segment ("coastalledger" for "The Coastal Ledger") or be
        # spelled by it; a short host label inside a long segment ("web" in "Learn web
        # development") is a coincidence, not evidence.
        if squashed == plain or (len(squashed) >= 4 and squashed in plain):
            return True
        if plain in squashed and len(plain) >= 0.6 * len(squashed):
            return True
    # An acronym of the segment that the host spells out ("BBC News" on bbc.co.uk is
    # caught above; "Center for Career Development" on ccd.example.edu here).
    initials = "".join(word[0] for word in _WORDS.findall(segment.lower()))
    return len(initials) >= 3 and initials in host_labels


def names_site(text: str, site_name: str | None, url: str | None) -> bool:
    """True when ``text`` is just the site's name (so it cannot be the headline)."""
    return _names_site(text, site_name, _host_labels(url))


def _strip_colon_site(title: str, site_name: str | None, host_labels: list[str]) -> str:
    head, sep, rest = title.partition(": ")
    if sep and rest.strip() and _names_site(head, site_name, host_labels):
        return rest.strip()
    return title


def clean_title(title: str, url: str | None = None, site_name: str | None = None) -> str:
    """Return the headline of ``title`` without the site name (whitespace normalised).

    ``url`` (the page's address) and ``site_name`` (``og:site_name``) tell which side of a
    separator is the site; without them the short trailing side of "Headline | Site" goes.
    """
    text = " ".join(title.split())
    if not text:
        return text
    hosts = _host_labels(url)
    text = _strip_colon_site(text, site_name, hosts)
    segments = _SPACED_SEPARATOR.split(text)
    if len(segments) == 1:
        return text

    # Evidence first: drop the segments that name the site, from either end.
    while len(segments) > 1 and _names_site(segments[-1], site_name, hosts):
        segments.pop()
    while len(segments) > 1 and _names_site(segments[0], site_name, hosts):
        segments.pop(0)
    if len(segments) == 1:
        return segments[0].strip()

    # Then shape: with pipes the headline comes first ("Headline | Section | Site"), unless
    # the first part is a short label before a longer one; with one dash, a short trailing
    # part (a name of up to five words) is the site.
    separators = _SPACED_SEPARATOR.findall(text)
    if any(sep.strip() in {"|", "::", "·", "•", "»", "~"} for sep in separators):
        first_words = len(_WORDS.findall(segments[0]))
        longest = max(segments, key=lambda s: len(_WORDS.findall(s)))
        if first_words <= 2 < len(_WORDS.findall(longest)):
            return longest.strip()
        return segments[0].strip()
    last_words = len(_WORDS.findall(segments[-1]))
    head_words = len(_WORDS.findall(" ".join(segments[:-1])))
    if len(segments) == 2 and last_words <= _SITE_MAX_WORDS and head_words > last_words:
        return segments[0].strip()
    return text
