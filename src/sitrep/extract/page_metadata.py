"""Read what a page says about itself: JSON-LD, meta tags, the visible headline and byline.

Why not only trafilatura's metadata: it takes the ``<title>`` (site name included), often
picks a *modified* date over the published one and loses authors it cannot parse. Pages
that bother to publish structured data (schema.org JSON-LD, Open Graph, citation_* tags)
state the published date and authors explicitly, so those are read first and trafilatura's
guesses are the fallback.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from dateutil import parser as date_parser

__all__ = ["PageMetadata", "parse_date", "read_home_links", "read_page_metadata",
           "split_authors"]

_ARTICLE_TYPES = {"article", "newsarticle", "blogposting", "reportagenewsarticle", "report",
                  "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle",
                  "scholarlyarticle", "techarticle", "medicalwebpage", "posting",
                  "socialmediaposting", "liveblogposting", "howto", "recipe", "webpage",
                  "itempage", "creativework", "review", "medicalscholarlyarticle"}
_PUBLISHED_META = ("article:published_time", "og:article:published_time", "datepublished",
                   "citation_publication_date", "citation_date", "dc.date.issued",
                   "dcterms.created", "dc.date", "parsely-pub-date", "sailthru.date",
                   "pubdate", "publish-date", "publish_date", "date", "article.published",
                   "og:published_time", "published_time", "article:published", "published")
_OG_PUBLISHED_META = ("article:published_time", "og:article:published_time", "og:published_time",
                      "og:publish_date", "article:published")
_AUTHOR_META = ("author", "article:author", "citation_author", "citation_authors", "dc.creator",
                "parsely-author", "sailthru.author", "byl", "twitter:creator")
_BYLINE_CLASS = re.compile(r"(?:^|[\s_-])(?:byline|author|writer|posted-by|contributor)",
                           re.IGNORECASE)
_BY_PREFIX = re.compile(r"^\s*(?:written\s+|posted\s+|reviewed\s+)?by[:\s]+", re.IGNORECASE)
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|\||,\s*and\s+|\s+and\s+|&|,)\s*")
_NOT_A_NAME = re.compile(r"https?://|@|\d{3,}|www\.")
_BYLINE_TAGS = ("a", "span", "div", "p", "address")   # elements a byline class sits on


@dataclass(slots=True)
class PageMetadata:
    """Metadata candidates found on one page, strongest source first in each list."""

    headlines: list[str] = field(default_factory=list)   # JSON-LD headline, og:title
    h1: list[str] = field(default_factory=list)           # visible <h1> texts, in page order
    # The h1 texts whose parts run together ("...of 2025 (US)Your Guide to..."): a heading
    # styled from a headline plus a kicker or subtitle in separate elements.
    fused_h1: set[str] = field(default_factory=set)
    h2: list[str] = field(default_factory=list)           # the first few <h2> texts
    html_title: str | None = None
    site_name: str | None = None
    published: list[date] = field(default_factory=list)
    # The Open Graph ``article:published_time`` family only: a publisher that sets it
    # states the first publication explicitly, which outranks a visible "Updated" date.
    og_published: date | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None


def parse_date(text: str) -> date | None:
    """A calendar day from an ISO or human date string; None when it names no day.

    (Used on candidate strings where "not a date" is an expected answer, not a failure.)
    """
    value = text.strip()
    if not value or len(value) > 64 or not re.search(r"\d", value):
        return None
    try:
        # The calendar day as the publisher wrote it, in their time zone: converting to
        # UTC moved more pages off the gold date than onto it (even WCXB pages).
        parsed = date_parser.parse(value, default=datetime(1900, 1, 1), fuzzy=False,
                                   ignoretz=True)
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed.year < 1990 or parsed.year > 2100:
        return None
    return parsed.date()


def split_authors(text: str) -> list[str]:
    """Split a byline ("By Ann Lee and Bo Chen") into names, dropping things that are not names."""
    cleaned = _BY_PREFIX.sub("", " ".join(text.split()))
    names = []
    for part in _AUTHOR_SPLIT.split(cleaned):
        name = part.strip(" .-–—:")
        if not name or _NOT_A_NAME.search(name) or len(name) > 60:
            continue
        if len(name.split()) > 6:
            continue
        names.append(name)
    return names


def _json_ld_objects(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, list):
        for item in value:
            yield from _json_ld_objects(item)
    elif isinstance(value, dict):
        yield value
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemReviewed"):
            if key in value:
                yield from _json_ld_objects(value[key])


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


def _person_names(value: Any) -> list[str]:
    if isinstance(value, str):
        return split_authors(value)
    if isinstance(value, list):
        return [name for item in value for name in _person_names(item)]
    if isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, str):
            return split_authors(name)
        if isinstance(name, list):
            return _person_names(name)
    return []


# The elements read by tag, collected in one walk of the page (_elements_by_tag): each
# was a search of the whole tree of its own, about 0.2 ms a page apiece.
_READ_TAGS = ("meta", "script", "title", "h1", "h2")


def _elements_by_tag(tree: Any) -> dict[str, list[Any]]:
    """The page's ``_READ_TAGS`` elements by tag, each list in page order: what the XPath
    ``//tag`` gives (the whole document's, from its root, whichever element ``tree`` is)."""
    found: dict[str, list[Any]] = {tag: [] for tag in _READ_TAGS}
    for element in tree.getroottree().getroot().iter(*_READ_TAGS):
        found[element.tag].append(element)
    return found


def _read_json_ld(scripts: list[Any], meta: PageMetadata) -> None:
    for script in scripts:
        if script.get("type") != "application/ld+json":
            continue
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue  # broken structured data is common; the meta tags remain
        for obj in _json_ld_objects(data):
            if not _types(obj) & _ARTICLE_TYPES:
                continue
            headline = obj.get("headline")
            if isinstance(headline, str) and headline.strip():
                meta.headlines.append(" ".join(headline.split()))
            for key in ("datePublished", "dateCreated", "uploadDate"):
                value = obj.get(key)
                if isinstance(value, str) and (day := parse_date(value)):
                    meta.published.append(day)
                    break
            for key in ("author", "creator"):
                meta.authors.extend(_person_names(obj.get(key)))
            language = obj.get("inLanguage")
            if isinstance(language, str) and not meta.language:
                meta.language = language


def _meta_content(metas: list[Any]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for element in metas:
        if element.get("content") is None:
            continue
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "")
        content = element.get("content") or ""
        if key and content.strip():
            found.setdefault(key.strip().lower(), []).append(" ".join(content.split()))
    return found


def _text_of(element: Any) -> str:
    return " ".join(element.text_content().split())


_FUSED = re.compile(r"[a-z)\]!?]$")


def _runs_together(heading: Any) -> bool:
    """True when two child elements of ``heading`` meet with no space between them and the
    second opens a new capitalised phrase ("(US)" + "Your Guide"): the page lays the parts
    out as separate lines, so the heading text is two titles fused, not one headline."""
    pieces = [piece for piece in heading.itertext() if piece]
    for before, after in itertools.pairwise(pieces):
        if _FUSED.search(before) and after[:1].isupper() and after[1:2].islower():
            return True
    return False


# Headings that are part of the interface, not of the page: inside a dialog, a button or a
# template (a branch picker's "Select an option"). Ancestors like <nav> and <form> are not
# used: broken markup and ASP.NET pages leave whole articles inside them; nor the
# ``hidden`` attribute, which scripts lift (it cost a held-out page and gained none).
_INTERFACE_TAGS = frozenset({"dialog", "button", "template"})
_H2_LIMIT = 5
# The site's identity block: many themes set the site's name or logo as an h1 on every
# page ("site-branding", "site-title", "logo", "masthead"). Only the heading's own class
# and its two nearest ancestors count: a page-wide wrapper ("has-logo") says nothing.
_IDENTITY_CLASS = re.compile(r"(?:^|[^a-z])(?:site-?branding|branding|site-?title|site-?name"
                             r"|logo|masthead|identity)(?:[^a-z]|$)", re.IGNORECASE)
_IDENTITY_DEPTH = 3


# Links to a site's root: "/" or an absolute address with nothing after the host.
_HOME_LINKS = ("//body//a[@href='/' or ((starts-with(@href, 'http') or starts-with(@href, '//'))"
               " and substring-after(substring-after(@href, '//'), '/') = '')]")
_HOME_LINK_LIMIT = 10


def read_home_links(tree: Any) -> list[str]:
    """Texts of the first few links to a site's home page ("/", "https://host/"): on a
    personal site the owner's name links home from every page. Read only when asked (the
    last resort for an author), not with the rest of the metadata."""
    texts = (_text_of(link) for link in tree.xpath(_HOME_LINKS)[:_HOME_LINK_LIMIT])
    return [text for text in texts if text]


def _in_identity_block(heading: Any) -> bool:
    element = heading
    for _ in range(_IDENTITY_DEPTH):
        if element is None:
            return False
        marks = f"{element.get('class') or ''} {element.get('id') or ''}"
        if _IDENTITY_CLASS.search(marks):
            return True
        element = element.getparent()
    return False


def _in_body(element: Any) -> bool:
    """Whether ``element`` lies inside a ``<body>`` (as ``//body//tag`` asks)."""
    return any(True for _ in element.iterancestors("body"))


def _is_content_h1(heading: Any) -> bool:
    """An h1 in the page's body, outside the interface (_INTERFACE_TAGS)."""
    tags = {ancestor.tag for ancestor in heading.iterancestors()}
    return "body" in tags and not tags & _INTERFACE_TAGS


def _read_visible(tree: Any, elements: dict[str, list[Any]], meta: PageMetadata) -> None:
    for heading in elements["h1"]:
        if not _is_content_h1(heading) or _in_identity_block(heading):
            continue
        text = _text_of(heading)
        if text and len(text) <= 300:
            meta.h1.append(text)
            if len(heading) and _runs_together(heading):
                meta.fused_h1.add(text)
    for heading in itertools.islice(filter(_in_body, elements["h2"]), _H2_LIMIT):
        text = _text_of(heading)
        if text and len(text) <= 300:
            meta.h2.append(text)
    # The attributes found first, then their elements: the same elements as
    # '//*[@itemprop="datePublished"]|//time[@datetime]', found in about half the time.
    for element in tree.xpath('//@itemprop[.="datePublished"]/..|//time/@datetime/..'):
        value = element.get("datetime") or element.get("content") or _text_of(element)
        if day := parse_date(value):
            meta.published.append(day)
            break
    if meta.authors:
        return
    # '//*[@rel="author" or @itemprop="author"]', attributes first as above.
    for element in tree.xpath('//@rel[.="author"]/..|//@itemprop[.="author"]/..'):
        meta.authors.extend(split_authors(_text_of(element)))
    if meta.authors:
        return
    # A lazy walk (not an XPath list of every classed element): most pages stop at the
    # first byline, and the walk skips the rest.
    for element in (element for body in tree.iter("body") for element in body.iter(*_BYLINE_TAGS)):
        if _BYLINE_CLASS.search(element.get("class") or ""):
            text = _text_of(element)
            if 0 < len(text) <= 80:
                meta.authors.extend(split_authors(text))
            if meta.authors:
                return


def read_page_metadata(tree: Any) -> PageMetadata:
    """Collect metadata candidates from a parsed page (read-only: the tree is not changed)."""
    meta = PageMetadata()
    elements = _elements_by_tag(tree)
    tags = _meta_content(elements["meta"])
    # Publishers' article:published_time tags proved more reliable than JSON-LD dates
    # (which some CMSs fill with the creation date of a draft), so they are read first.
    for key in _PUBLISHED_META:
        for value in tags.get(key, []):
            if day := parse_date(value):
                meta.published.append(day)
                break
    for key in _OG_PUBLISHED_META:
        for value in tags.get(key, []):
            if meta.og_published is None and (day := parse_date(value)):
                meta.og_published = day
    _read_json_ld(elements["script"], meta)
    for key in ("og:title", "twitter:title", "citation_title"):
        meta.headlines.extend(tags.get(key, [])[:1])
    meta.site_name = next(iter(tags.get("og:site_name", [])), None)
    if not meta.authors:
        for key in _AUTHOR_META:
            for value in tags.get(key, []):
                meta.authors.extend(split_authors(value))
    if elements["title"]:
        meta.html_title = _text_of(elements["title"][0]) or None
    root_language = tree.xpath("/html/@lang")
    if root_language and not meta.language:
        meta.language = str(root_language[0])
    _read_visible(tree, elements, meta)
    return meta
