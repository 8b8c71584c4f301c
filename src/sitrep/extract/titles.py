"""Clean a page title of the site name that publishers glue to it.

``<title>`` and ``og:title`` usually read "Headline | Site", "Headline - Site" or
"Site: Headline". Analysts want the headline only (it is what briefs show and what
duplicate detection compares), so the site part goes. Which side is the site is decided
from evidence first (the URL's host, ``og:site_name``) and only then from shape: the site
part is the short side of a " | " or " - " split, never a colon split without evidence,
because colons are common inside real headlines ("Lunacal: AI scheduling").
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from sitrep.extract.page_metadata import PageMetadata

__all__ = ["choose_title", "clean_title", "names_site", "repair_mojibake"]

# Separators publishers put between headline and site name, spaced on both sides.
_SPACED_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|~)\s+")
_SPACED_SEPARATOR_KEPT = re.compile(r"(\s+(?:\||-|–|—|::|·|•|»|~)\s+)")
# UTF-8 read as Latin-1/cp1252 ("Investorâ\x80\x99s"): the lead bytes of a multi-byte
# character followed by a C1 control or cp1252 punctuation.
_MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u2018-\u203a\u0152-\u0178]")
_WORDS = re.compile(r"\w+")
_HOST_NOISE = {"www", "com", "org", "net", "co", "uk", "io", "news", "blog", "m", "amp", "en",
               "edu", "gov", "de", "fr", "us", "info"}
_SITE_MAX_WORDS = 5
# Separators that set off a label (site, section) rather than a subtitle.
_LABEL_SEPARATORS = {"|", "·", "•", "»", "~"}
# Word-overlap F1 for an h1 to count as the declared headline. A reworded heading
# ("Setting up a calm reading corner" for "How do you set up a reading nook?", 0.43)
# shares few exact words; even WCXB pages gave the same result anywhere from 0.25 to 0.45
# (one page more than at 0.5), so 0.4 sits inside that plateau.
_MIN_AGREEMENT = 0.4
# Words of page furniture printed inside a heading around the headline.
_FURNITURE = {"posted", "published", "updated", "replies", "reply", "comments", "comment",
              "responses", "blog", "title"}
_MONTH_WORD = re.compile(r"jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|june?|july?|aug(ust)?"
                         r"|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?")
_YEAR = re.compile(r"(19|20)\d\d")
_COUNT_SUFFIX_WORDS = 3   # "<title> (example.com) 87": a short tail ending in a count
# An h1 at most this share of the declared headline's length, agreeing with none of the
# page's own declared titles, is a banner over the article, not its headline.
_BANNER_SHARE = 0.5


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 text decoded as Latin-1 or cp1252 (pages that declare the wrong charset);
    text that does not re-encode cleanly is returned unchanged."""
    if not _MOJIBAKE.search(text):
        return text
    for encoding in ("cp1252", "latin-1"):
        try:
            return text.encode(encoding).decode("utf-8")
        except UnicodeError:
            continue
    return text


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


def _strip_domain_token(title: str, url: str | None, site_name: str | None) -> str:
    """Drop the site's domain glued to either end of a title without a separator
    ("example.com Vibe coding"): a word that is the page's host or ``og:site_name``
    spelled as a domain. Only an exact match counts: "Node.js" on nodejs.org is a topic."""
    words = title.split()
    if len(words) < 2:
        return title
    host = (urlsplit(url if url and "//" in url else f"//{url or ''}").hostname or "")
    domains = {host.removeprefix("www."), (site_name or "").lower()} - {""}

    def is_domain(word: str) -> bool:
        word = word.strip(".").lower().removeprefix("www.")
        return "." in word and word in domains

    if is_domain(words[0]):
        words = words[1:]
    elif is_domain(words[-1]):
        words = words[:-1]
    return " ".join(words)


def clean_title(title: str, url: str | None = None, site_name: str | None = None, *,
                by_shape: bool = True) -> str:
    """Return the headline of ``title`` without the site name (whitespace normalised).

    ``url`` (the page's address) and ``site_name`` (``og:site_name``) tell which side of a
    separator is the site; without them the short trailing side of "Headline | Site" goes.
    ``by_shape=False`` is for a visible heading: there a dash or "::" joins a subtitle
    ("Transitioning to a plant-based diet – tips and tricks"), not a site name, so only
    label separators ("Headline | Opinion") are cut by shape, and only when what follows
    is short enough to be a label (up to five words); and a name before a colon
    stays ("Almost Weekly: rates rise again"): printed on the page, it is the column or
    newsletter the headline belongs to (even WCXB pages: one gained, none lost).
    """
    text = repair_mojibake(" ".join(title.split()))
    if not text:
        return text
    hosts = _host_labels(url)
    if by_shape:
        text = _strip_colon_site(text, site_name, hosts)
    text = _strip_domain_token(text, url, site_name)
    # Segments and the separators between them (odd positions), kept for rejoining.
    parts = _SPACED_SEPARATOR_KEPT.split(text)
    if len(parts) == 1:
        return text

    # Evidence first: drop the segments that name the site, from either end.
    while len(parts) > 1 and _names_site(parts[-1], site_name, hosts):
        del parts[-2:]
    while len(parts) > 1 and _names_site(parts[0], site_name, hosts):
        del parts[:2]
    segments = parts[::2]
    if len(segments) == 1:
        return segments[0].strip()
    if not by_shape and not any(sep.strip() in _LABEL_SEPARATORS for sep in parts[1::2]):
        return "".join(parts).strip()
    if not by_shape and len(segments) == 2 \
            and len(_WORDS.findall(segments[1])) > _SITE_MAX_WORDS:
        # A label after a pipe is short ("| Opinion", "| Python, SQL & AI"); a longer
        # phrase printed after one on the heading itself is the headline's subtitle.
        return "".join(parts).strip()

    # Then shape: with pipes the headline comes first ("Headline | Section | Site"), unless
    # the first part is a short label before a longer one; with one dash, a short trailing
    # part (a name of up to five words) is the site.
    separators = _SPACED_SEPARATOR.findall(text)
    if any(sep.strip() in _LABEL_SEPARATORS | {"::"} for sep in separators):
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


def _words(text: str) -> list[str]:
    return _WORDS.findall(text.lower())


def _overlap_f1(a: str, b: str) -> float:
    """Word-overlap F1 of two titles (0..1): symmetric, so a one-word h1 ("Discord") does
    not pass for a long headline that merely contains it."""
    a_words, b_words = _words(a), _words(b)
    if not a_words or not b_words:
        return 0.0
    b_set, a_set = set(b_words), set(a_words)
    precision = sum(1 for w in a_words if w in b_set) / len(a_words)
    recall = sum(1 for w in b_words if w in a_set) / len(b_words)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _wrapped_in_furniture(heading: str, title: str) -> bool:
    """True when ``heading`` is ``title`` plus page furniture around it: a date ("Dec 18
    2025 <title>"), a label ("Blog: <title>", "15 Replies to “<title>”", "<title> Posted
    on ... by ...") or a trailing count ("<title> (example.com) 87")."""
    heading_words, title_words = _words(heading), _words(title)
    size = len(title_words)
    if not size or len(heading_words) <= size:
        return False
    for start in range(len(heading_words) - size + 1):
        if heading_words[start:start + size] == title_words:
            extra = heading_words[:start] + heading_words[start + size:]
            suffix = heading_words[start + size:]
            trailing = suffix[-1] if 0 < len(suffix) <= _COUNT_SUFFIX_WORDS else ""
            return bool(
                set(extra) & _FURNITURE
                or any(_MONTH_WORD.fullmatch(word) for word in extra)
                or (trailing.isdigit() and not _YEAR.fullmatch(trailing)))
    return False


# A "?" inside a heading (not closing it) where the declared title has other characters:
# text saved in one encoding and shown in another loses curly quotes and dashes to "?"
# ("Planning? Beginner? Guide" for "Planning: Beginner’s Guide").
_LOST = re.compile(r"\?(?=.)")
_LOST_SPAN = 3


def _lost_characters(heading: str, title: str) -> bool:
    """True when ``heading`` is ``title`` with some characters replaced by "?" (an encoding
    mishap on the visible heading; the declared title kept them)."""
    if "?" in title or not _LOST.search(heading):
        return False
    pattern = "".join(f".{{1,{_LOST_SPAN}}}" if piece == "?" else re.escape(piece)
                      for piece in re.split(r"(\?)", heading) if piece)
    return re.fullmatch(pattern, title, re.IGNORECASE) is not None


def _banner(heading: str, own: list[str]) -> bool:
    """True when ``heading`` is a short banner over the article rather than its headline:
    at most half as long as the page's first declared title and agreeing with none of the
    page's own declared titles ("SUPPORTING GAAP COMPLIANCE" over "GAAP Compliance:
    Applying Accounting Best Practices To Your Business"). trafilatura's guess is left out
    of ``own``: on a page with one h1 it is that h1, so its agreement proves nothing."""
    return bool(own) \
        and len(_words(heading)) <= _BANNER_SHARE * len(_words(own[0])) \
        and all(_overlap_f1(heading, title) < _MIN_AGREEMENT for title in own)


def choose_title(meta: PageMetadata, fallback: str | None, url: str | None) -> str | None:
    """Pick the headline: an h1 the declared title agrees with, else the cleaned declared one.

    Declared titles are the page's JSON-LD headline, og:title and ``<title>``, then
    ``fallback`` (trafilatura's guess). That guess is often an h1 itself, so an h1 agrees
    with it trivially; measured on the even WCXB pages, keeping it still picks the right
    h1 more often than it lets a logo h1 through, except for a short banner h1 that none
    of the page's own declared titles agrees with (_banner; even WCXB pages: two gained,
    none lost; odd: one gained). A declared title that is only the
    site's name is no headline. The chosen
    h1 keeps its subtitle ("Transitioning to a plant-based diet – tips and tricks"): only a
    segment that evidently names the site is cut from a visible heading. An h1 that wraps
    the declared title in page furniture ("Dec 18 2025 <title>") yields the declared one,
    and so does an h1 that lost characters to "?" ("Beginner? Guide" for "Beginner’s Guide").
    """
    def cleaned(raw: str, by_shape: bool = True) -> str:
        return clean_title(html.unescape(raw), url, meta.site_name, by_shape=by_shape)

    own = [title for raw in (*meta.headlines, meta.html_title or "")
           if (title := cleaned(raw)) and not names_site(title, meta.site_name, url)]
    guess = cleaned(fallback or "")
    declared = [*own, guess] if guess and not names_site(guess, meta.site_name, url) else own
    # Visible headings: an h1 that agrees with a declared title; failing that an h2 made
    # only of the declared title's words (pages that style the headline as h2 and keep h1
    # for the logo; "15 replies to <headline>" is a comments heading, not the headline).
    best, best_score, agreed = None, 0.0, ""
    for heading in meta.h1:
        if names_site(heading, meta.site_name, url):
            continue    # the logo, even when the declared title opens with the site name
        if _banner(heading, own):
            continue
        for title in declared:
            score = _overlap_f1(heading, title)
            if score > best_score:
                best, best_score, agreed = heading, score, title
    if best is None or best_score < _MIN_AGREEMENT:
        best, agreed = next(((h2, title) for h2 in meta.h2 for title in declared
                             if _overlap_f1(h2, title) >= _MIN_AGREEMENT
                             and set(_words(h2)) <= set(_words(title))), (None, ""))
    if best is not None and best in meta.fused_h1:
        # A headline and its subtitle run together: the page's own declared title that
        # agrees with the heading is the clean headline (trafilatura's guess, the fallback,
        # is often the heading itself).
        fused = best
        clean = [title for raw in (*meta.headlines, meta.html_title or "")
                 if (title := cleaned(raw)) and _overlap_f1(fused, title) >= _MIN_AGREEMENT]
        if clean:
            return max(clean, key=lambda title: _overlap_f1(fused, title))
    if best is not None:
        heading = cleaned(best, by_shape=False)
        inner = next((title for title in (agreed, *declared)
                      if _wrapped_in_furniture(heading, title)
                      or _lost_characters(heading, title)), None)
        return inner or heading
    if declared:
        return declared[0]
    return meta.h1[0] if meta.h1 else None
