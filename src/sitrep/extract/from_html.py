"""HTML page -> Article: trafilatura for the body, the page's own metadata for the rest.

Tuning (measured on the even-numbered WCXB dev pages, see bench/extraction.py):
- trafilatura in ``fast`` mode (no readability/justext comparison: as accurate on the even
  pages, a quarter faster), then a full ``favor_recall`` pass only when the first kept
  under half the page's visible text (list articles, long guides); ``include_comments=False``
  because reader comments are not the article. The result goes through strip_chrome to
  drop the sign-up boxes and share prompts trafilatura lets through.
- The title is the visible ``<h1>`` when one agrees with the page's declared headline
  (JSON-LD / og:title / <title>): the h1 is what readers see and carries no site name.
  Otherwise the declared headline, cleaned of its site name.
- The date is the Open Graph ``article:published_time``, else the one printed by the
  headline (an "Updated" one only when nothing else is printed there), else the other
  structured data's (meta tags, JSON-LD), else htmldate's search of the markup.
- Authors are the structured data's plus the visible byline; trafilatura's guess only
  when both are silent.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from datetime import date
from typing import Any

import trafilatura
from htmldate import find_date
from trafilatura.metadata import extract_author, extract_title
from trafilatura.settings import Document

from sitrep.errors import EmptyInput, ExtractError
from sitrep.extract.bylines import headline_authors, headline_name_line
from sitrep.extract.chrome import strip_chrome
from sitrep.extract.language import detect_language
from sitrep.extract.page_metadata import (
    PageMetadata,
    parse_date,
    read_page_metadata,
    split_authors,
)
from sitrep.extract.titles import clean_title, names_site
from sitrep.extract.visible_dates import headline_date, visible_text
from sitrep.models import Article, RawDocument

__all__ = ["extract_html"]

_WORDS = re.compile(r"\w+")
# Dates, labels, a lone month or weekday ("Dec", "Sat") and markup or script that leaked
# into an author field ("page.head.extra.author", "{...}") are not names.
_NOT_A_NAME = re.compile(
    r"\d|[{}<>=;\"()]|\w\.\w+\.\w|\b(?:updated|published|written by|authored by)\b"
    r"|:\S|^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:sday)?"
    r"|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?$", re.IGNORECASE)
_EXTENSIVE = False     # htmldate free-text search: +0.3 pt date, but loads dateparser (~20 s)
# trafilatura's fast mode first: about a quarter faster; WCXB body F1 unchanged (even and
# odd pages), ScrapingHub 0.960 -> 0.957 (still above plain trafilatura's 0.948).
_FAST_FIRST_PASS = True
_RECALL_SHARE = 0.5    # body under this share of the visible text: try the recall pass
_RECALL_GAIN = 1.1     # keep the recall pass when it has this many times the words
_MIN_AGREEMENT = 0.5   # word-overlap F1 for an h1 to count as the declared headline


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


def choose_title(meta: PageMetadata, fallback: str | None, url: str | None) -> str | None:
    """Pick the headline: an h1 the declared title agrees with, else the cleaned declared one.

    A declared title that is only the site's name ("Houstonia Magazine") is no headline.
    """
    declared = []
    for raw in [*meta.headlines, meta.html_title or "", fallback or ""]:
        cleaned = clean_title(html.unescape(raw), url, meta.site_name)
        if cleaned and not names_site(cleaned, meta.site_name, url):
            declared.append(cleaned)
    # Visible headings: an h1 that agrees with a declared title; failing that an h2 made
    # only of the declared title's words (pages that style the headline as h2 and keep h1
    # for the logo; "15 replies to <headline>" is a comments heading, not the headline).
    best, best_score = None, 0.0
    for heading in meta.h1:
        for title in declared:
            score = _overlap_f1(heading, title)
            if score > best_score:
                best, best_score = heading, score
    if best is None or best_score < _MIN_AGREEMENT:
        best = next((h2 for h2 in meta.h2 for title in declared
                     if _overlap_f1(h2, title) >= _MIN_AGREEMENT
                     and set(_words(h2)) <= set(_words(title))), None)
    if best is not None:
        return clean_title(html.unescape(best), url, meta.site_name)
    if declared:
        return declared[0]
    return meta.h1[0] if meta.h1 else None


def _choose_date(meta: PageMetadata, tree: Any, text: str, title: str | None,
                 url: str | None, hint: date | None) -> date | None:
    """The publisher's explicit ``article:published_time``, else the date printed by the
    headline (an unlabelled one, then one labelled "Updated"), else other structured data
    (JSON-LD, meta tags), else htmldate's search of the markup, else the document's hint.

    Order measured on the even WCXB pages (held out: odd ones): the Open Graph tag agrees
    with the gold date more often than anything visible; JSON-LD ``datePublished`` less
    often than the visible date (CMSs keep the first draft's date there). htmldate runs only
    when the cheaper sources are silent, without its free-text search: that loads
    dateparser (about 20 s on first use) for a third of a point.
    """
    if meta.og_published:
        return meta.og_published
    headlines = (title, *meta.h1[:1])
    for headline in headlines:
        if day := headline_date(text, headline):
            return day
    for headline in headlines:
        if day := headline_date(text, headline, updated=True):
            return day
    if meta.published:
        return meta.published[0]
    found = find_date(tree, url=url, original_date=True, extensive_search=_EXTENSIVE)
    if found and (day := parse_date(found)):
        return day
    return hint


def _choose_authors(meta: PageMetadata, tree: Any, text: str, title: str | None,
                    hint: Sequence[str]) -> tuple[str, ...]:
    """Structured authors plus the visible byline (both are the page's own claim), else a
    lone name line in the byline block, else trafilatura's guess, else the document's hint.
    Dates and labels are not names. Organisations credited as author are kept: on the
    WCXB pages the gold author is the organisation more often than a hidden writer."""
    names = [name for name in meta.authors if not _NOT_A_NAME.search(name)]
    headlines = (title, *meta.h1[:1])
    for headline in headlines:
        if byline := headline_authors(text, headline):
            names.extend(byline)
            break
    if not names:
        for headline in headlines:
            if byline := headline_name_line(text, headline):
                names.extend(byline)
                break
    if not names and (found := extract_author(tree)):
        names = [name for name in split_authors(found) if not _NOT_A_NAME.search(name)]
    if not names:
        names = list(hint)
    unique: dict[str, str] = {}
    for name in names:
        unique.setdefault(name.lower(), name)
    return tuple(unique.values())


def _without_leading_title(body: str, title: str | None) -> str:
    """Drop the headline when the body repeats it as its first line (it is in ``title``)."""
    first, newline, rest = body.partition("\n")
    if title and newline and rest.strip() and _words(first) == _words(title):
        return rest.lstrip()
    return body


def _fuller_if_short(tree: Any, url: str | None, body: str, visible_chars: int) -> str:
    """Further passes when the fast one kept little of the page's text.

    The fast pass (no comparison with readability/justext) is as good as the full one on
    most pages but sometimes settles on one small block of a long page (a list article, a
    guide split into many sections). While the body is under half the visible text, the
    full pass and then a ``favor_recall`` pass are tried, each kept when it finds clearly
    more (10 % more words). Running them only then keeps the cost to about one page in five.
    """
    for favor_recall in (False, True):
        if len(body) >= _RECALL_SHARE * visible_chars:
            break
        second = trafilatura.bare_extraction(
            tree, url=url, include_comments=False, include_tables=True,
            favor_recall=favor_recall)
        if not isinstance(second, Document) or not second.text:
            continue
        if len(_words(second.text)) > _RECALL_GAIN * len(_words(body)):
            body = str(second.text)
    return body


def extract_html(doc: RawDocument) -> Article:
    """Turn an HTML ``RawDocument`` into an Article; raise ExtractError / EmptyInput."""
    if not doc.content.strip():
        raise EmptyInput(doc.origin, "the page is empty")
    tree = trafilatura.load_html(doc.content)
    if tree is None:
        raise ExtractError(doc.origin, "cannot parse the HTML")
    meta = read_page_metadata(tree)
    result = trafilatura.bare_extraction(
        tree, url=doc.url, include_comments=False, include_tables=True,
        fast=_FAST_FIRST_PASS)
    if not isinstance(result, Document):
        result = None
    text = visible_text(tree)
    body = result.text if result is not None and result.text else ""
    body = _fuller_if_short(tree, doc.url, body, len(text))
    body = strip_chrome(body)
    title = choose_title(meta, extract_title(tree), doc.url)
    body = _without_leading_title(body, title)
    if not body.strip():
        raise EmptyInput(doc.origin, "no article text found in the page")
    return Article(
        origin=doc.origin,
        text=body,
        title=title or doc.title,
        authors=_choose_authors(meta, tree, text, title, doc.authors),
        published=_choose_date(meta, tree, text, title, doc.url, doc.published),
        language=detect_language(body),
        url=doc.url,
    )
