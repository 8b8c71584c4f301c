"""HTML page -> Article: trafilatura for the body, the page's own metadata for the rest.

Tuning (measured on the even-numbered WCXB dev pages, see bench/extraction.py):
- The page is parsed once (html_tree.parse_html: trafilatura's tree, built more cheaply),
  past early ``</body></html>`` tags (libxml2 stops there, browsers do not), and the tree
  is shared by trafilatura and the metadata readers; its visible text is read once
  (page_text) for the pass decisions, the byline and the printed date.
- trafilatura in ``fast`` mode (no readability/justext comparison: as accurate on the even
  pages, a quarter faster), then the full pass when the first kept under 30 % of the
  page's visible text and a ``favor_recall`` pass under 70 % (list articles, long guides),
  each skipped when the body already holds half (full) or 85 % (recall) of the text
  outside the page's navigation, header, footer and sidebars;
  ``include_comments=False`` because reader comments are not the article.
  Ids that only spell their section's heading ("share-your-garden-...") are removed first,
  so a chrome word in a heading does not drop its section, and the collapsed panels of
  accordions and "read more" toggles are shown, as a reader opening them would, FAQ
  questions written inside their toggle buttons are read, blocks the page names as its
  disclaimer (affiliate and risk notices, consent lines) are removed (widgets), and a
  paragraph written as a text-only div between paragraphs (or as bare text in <body>)
  is read as one; "embed" class names and the "bar" names of a sidebar layout holding
  most of the page no longer make trafilatura drop the block (mislabelled).
  A body under 70 % of the text whose article is split into same-class chunks between
  ad rails gets the fast pass again over the block holding all the chunks.
  A body still under 30 % of the text gets one more pass when a container that trafilatura
  drops for its class or id ("page-footer") holds most of the page's text, or when React
  streamed the article to the end of the page in hidden segments (mislabelled).
  A body that comes back as one flat line (trafilatura's fallback to a container's raw
  text, on about one page in a hundred) gives way to a pass that returns paragraphs, the
  last one on the article moved out of the navigation that broken markup nested it in.
  Section headings that trafilatura's element-by-element fallback leaves out come back
  above the paragraphs they head when the body lost more of them than it kept (headings).
  The result goes through strip_chrome to drop the sign-up boxes, share prompts, cookie
  notices, "Related: <headline>" links and legal small print trafilatura lets through,
  and loses a closing author box or biography that names the author.
- The title is the visible ``<h1>`` when one agrees with the page's declared headline
  (JSON-LD / og:title / <title>): the h1 is what readers see and carries no site name,
  but keeps its subtitle; an h1 wrapping the headline in furniture (a date, "Blog:",
  "15 Replies to"), or a short banner h1 that none of the declared titles agrees with,
  gives way to the declared one (titles.choose_title).
- The date is the one in the URL's path, else the Open Graph ``article:published_time``
  (unless the headline's printed date is clearly older), else the one printed by the
  headline (an "Updated" one only when nothing else is printed there; a day/month that
  reads both ways takes the structured data's reading), else the other structured data's
  (meta tags, JSON-LD), else htmldate's search.
- Authors are the structured data's plus the visible byline, plus a name line or a
  writer's card (name over role, name over its biography, "Written by" under the
  article, name over the outlet beside an outlet credit) when those name no person;
  trafilatura's guess, then a personal site name, only when all are silent. Labels and
  lone credentials are tidied.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from typing import Any

import trafilatura
from htmldate import find_date
from trafilatura.metadata import extract_author, extract_title
from trafilatura.settings import Document

from sitrep.errors import EmptyInput, ExtractError
from sitrep.extract.bylines import (
    headline_authors,
    headline_name_line,
    labelled_authors,
    looks_like_name,
    name_over_bio,
    name_over_outlet,
    name_over_role,
    personal_site_name,
    site_owner,
    tidy_names,
)
from sitrep.extract.chrome import strip_chrome
from sitrep.extract.headings import restore_headings
from sitrep.extract.html_tree import parse_html
from sitrep.extract.language import detect_language
from sitrep.extract.mislabelled import (
    clear_heading_anchors,
    clear_misleading_names,
    join_split_article,
    open_disclosure_panels,
    paragraphs_in_body,
    paragraphs_in_divs,
    placed_streamed_segments,
    unmasked_main_block,
    unnested_article,
)
from sitrep.extract.page_metadata import (
    PageMetadata,
    parse_date,
    read_home_links,
    read_page_metadata,
    split_authors,
)
from sitrep.extract.page_text import PageText, read_page_text
from sitrep.extract.prune_selectors import install as install_prune_selectors
from sitrep.extract.titles import choose_title, names_site
from sitrep.extract.tree_copies import install as install_tree_copies
from sitrep.extract.visible_dates import (
    headline_date,
    labelled_month,
    read_day_month_as,
    url_date,
)
from sitrep.extract.widgets import drop_disclaimers, questions_in_buttons
from sitrep.extract.xpath_guards import install as install_xpath_guards
from sitrep.models import Article, RawDocument

__all__ = ["extract_html"]

# Same matches, fewer calls into Python from libxml2 (see xpath_guards), and the hottest
# pruning expressions evaluated in Python (see prune_selectors), and two whole-tree copies
# that no pass of ours reads left unmade (see tree_copies).
install_xpath_guards()
install_prune_selectors()
install_tree_copies()

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
_TIME_ZONE_SLACK = timedelta(days=1)
_FULL_SHARE = 0.3      # body under this share of the visible text: try the full pass
_RECALL_SHARE = 0.7    # body under this share of the visible text: try the recall pass
_RECALL_GAIN = 1.1     # keep the recall pass when it has this many times the words
# Body over this share of the text outside the page's furniture: that pass is not tried.
_FULL_CONTENT_SHARE = 0.5
_RECALL_CONTENT_SHARE = 0.85
# A body whose one line holds over half its words, this many or more, is a flat dump.
_BLOB_WORDS = 150
# A structured pass replaces the dump when it keeps this share of its words (and at most
# _BLOB_MAX_GAIN times them: more would be text from outside the dumped container).
_BLOB_KEEP = 0.75
_BLOB_MAX_GAIN = 1.1


def _words(text: str) -> list[str]:
    return _WORDS.findall(text.lower())


def _choose_date(meta: PageMetadata, tree: Any, text: str, title: str | None,
                 url: str | None, hint: date | None) -> date | None:
    """The date in the article's URL path (set once, at publication), else the publisher's
    explicit ``article:published_time`` (unless the headline's printed date is older),
    else the date printed by the
    headline (an unlabelled one, then one labelled "Updated"), else other structured data
    (JSON-LD, meta tags), else htmldate's search of the markup, else the document's hint,
    else a month the page labels as its date ("Last updated: June 2022": its first day).

    Order measured on the even WCXB pages (held out: odd ones): the Open Graph tag agrees
    with the gold date more often than anything visible; JSON-LD ``datePublished`` less
    often than the visible date (CMSs keep the first draft's date there). htmldate runs only
    when the cheaper sources are silent, without its free-text search: that loads
    dateparser (about 20 s on first use) for a third of a point. A numeric date by the
    headline that reads both ways ("03/10/2023") takes the reading the structured data or
    the URL's date confirms.
    """
    in_url = url_date(url)
    if in_url:
        return in_url
    known = set(meta.published)
    headlines = (title, *meta.h1[:1])
    if meta.og_published:
        # A date printed by the headline that is clearly older than the Open Graph time
        # is the original publication: the tag was rewritten when the page was migrated or
        # republished (a later printed date is an update, and a day's gap a time zone).
        # Even WCXB pages: six print a later date (each the page's modified date) by the
        # headline; the gold takes it on three and the tag on three, so the tag stays.
        printed = next((day for headline in headlines
                        if (day := headline_date(text, headline))), None)
        if printed and printed < meta.og_published - _TIME_ZONE_SLACK:
            return read_day_month_as(printed, known)
        return meta.og_published
    for updated in (False, True):
        for headline in headlines:
            if day := headline_date(text, headline, updated=updated):
                day = read_day_month_as(day, known)
                if updated and meta.published \
                        and meta.published[0] > day + _TIME_ZONE_SLACK:
                    # An update cannot precede publication: the printed label is stale.
                    return meta.published[0]
                return day
    if meta.published:
        return meta.published[0]
    found = find_date(tree, url=url, original_date=True, extensive_search=_EXTENSIVE)
    if found and (day := parse_date(found)):
        return day
    return hint or labelled_month(text)


def _is_person(name: str, meta: PageMetadata, url: str | None) -> bool:
    """A personal name or a user handle ("jsteinhardt"), not the site's own name credited
    as author."""
    return (len(name.split()) == 1 or looks_like_name(name)) \
        and not names_site(name, meta.site_name, url)


def _writer_cards(meta: PageMetadata, text: str, url: str | None, *,
                  outlet_credited: bool) -> list[str]:
    """A writer named by a card rather than a byline by the headline: a name over a
    biography that opens with it, an explicitly labelled byline further down the page
    ("Written by ..." under the article), or, when the outlet is already credited, a
    name printed over the outlet's name. The first two repeat or label the name, so they
    outrank trafilatura's guess; a name over the outlet's name is read only as the writer
    beside an outlet credit."""
    def is_outlet(line: str) -> bool:
        return names_site(line, meta.site_name, url)

    found = name_over_bio(text) or [name for name in labelled_authors(text)
                                    if looks_like_name(name) and not is_outlet(name)]
    if not found and outlet_credited:
        found = name_over_outlet(text, is_outlet)
    return found


def _choose_authors(meta: PageMetadata, tree: Any, text: str, title: str | None,
                    url: str | None, hint: Sequence[str]) -> tuple[str, ...]:
    """Structured authors plus the visible byline (both are the page's own claim), plus a
    lone name line in the byline block when those name no person; else trafilatura's
    guess, else the site's name when it is a person's (a personal blog) or the person a
    link home names on a host that spells their name, else the document's hint. Dates
    and labels are not names. Organisations credited as author are kept: on the WCXB
    pages the gold author is the organisation more often than a hidden writer."""
    names = [name for name in meta.authors if not _NOT_A_NAME.search(name)]
    headlines = (title, *meta.h1[:1])
    for headline in headlines:
        if byline := headline_authors(text, headline):
            names.extend(byline)
            break
    if not names or not any(_is_person(name, meta, url) for name in names):
        # Only an organisation so far ("USA TODAY", the site's own name): the writer may
        # be printed on a line of their own under the headline.
        for headline in headlines:
            if byline := headline_name_line(text, headline):
                names.extend(byline)
                break
    if not any(looks_like_name(name) and not names_site(name, meta.site_name, url)
               for name in names):
        # No full personal name yet (a handle, an outlet): a writer's card may give it.
        names.extend(name_over_role(text)
                     or _writer_cards(meta, text, url, outlet_credited=bool(names)))
    if not names and (found := extract_author(tree)):
        names = [name for name in split_authors(found) if not _NOT_A_NAME.search(name)]
    if not names:
        names = personal_site_name(meta) or site_owner(read_home_links(tree), url)
    if not names:
        names = list(hint)
    return tuple(tidy_names(names))


def _without_leading_title(body: str, title: str | None) -> str:
    """Drop the headline when the body repeats it as its first line (it is in ``title``)."""
    first, newline, rest = body.partition("\n")
    if title and newline and rest.strip() and _words(first) == _words(title):
        return rest.lstrip()
    return body


_BOX_MAX_LINES = 4      # an author box is at most this many lines ...
_BOX_MAX_WORDS = 90     # ... of at most this many words each
_BIO_MAX_WORDS = 160    # ... or this many when the line opens with the author's full name
_ABOUT_THE_AUTHOR = re.compile(r"^\W*about the authors?\b", re.IGNORECASE)


def _name_pattern(names: set[str]) -> re.Pattern[str]:
    """Any of ``names`` as whole words."""
    return re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(names))) + r")\b")


def _author_box_lines(lines: list[str], content: list[int], pattern: re.Pattern[str],
                      full: tuple[str, ...]) -> list[int]:
    """The closing lines (indices, last first) that ``pattern`` finds, swept from the end."""
    box: list[int] = []
    for i in reversed(content):
        if len(box) >= min(_BOX_MAX_LINES, len(content) // 3):
            break
        line = lines[i]
        limit = _BIO_MAX_WORDS if line.lstrip().startswith(full) else _BOX_MAX_WORDS
        if len(line.split()) > limit or not (
                pattern.search(line) or _ABOUT_THE_AUTHOR.match(line)):
            break
        box.append(i)
    return box


def _without_author_box(body: str, authors: Sequence[str]) -> str:
    """Drop the author box that closes many articles ("Ann Lee is a health reporter...",
    "Contact Ann Lee at ..."): the last few short lines that name the article's own author.

    The author is already in ``authors``; a closing line about them is a biography, not
    the story. Only personal names count (an outlet's name closes many real paragraphs),
    at most a third of the body goes, and the sweep stops at the first line that does not
    name the author.

    A biography is written like one, so its shape widens the box: a line that opens with
    the author's full name ("Ann Lee is a freelance writer who ...") may run long, and
    when the box opens with such a line, the lines under it may name the author by first
    name alone ("When she is not reporting, Ann ..."), as biographies do after the first
    mention. A first name alone elsewhere (a thank-you to another Ann, a company whose
    name looks like a person's) opens no box.
    """
    full: list[str] = []
    strong: set[str] = set()
    first: set[str] = set()
    for name in authors:
        if looks_like_name(name):
            full.append(name)
            strong.add(name)
            parts = name.split()
            if len(parts[-1]) >= 3:
                strong.add(parts[-1])
            if len(parts) > 1 and len(parts[0]) >= 3:
                first.add(parts[0])
    if not strong:
        return body
    lines = body.split("\n")
    content = [i for i, line in enumerate(lines) if line.strip()]
    last = lines[content[-1]] if content else ""
    if not any(name in last for name in strong | first) and not _ABOUT_THE_AUTHOR.match(last):
        return body     # the sweep stops at the last line: no name patterns to compile
    box = _author_box_lines(lines, content, _name_pattern(strong), tuple(full))
    if first - strong:
        wider = _author_box_lines(lines, content, _name_pattern(strong | first), tuple(full))
        if len(wider) > len(box) and lines[wider[-1]].lstrip().startswith(tuple(full)):
            box = wider
    if not box:
        return body
    return "\n".join(lines[:min(box)]).rstrip()


def _covers_the_content(body: str, page: PageText, share: float) -> bool:
    """Whether ``body`` already holds ``share`` of the page's text outside its furniture
    (navigation, header, footer, sidebars), so a further pass has little left to find.

    Only when the body fits inside that text: a body longer than it came partly from the
    furniture (a page that puts its article in a ``<header>``), and a page with no text
    outside the furniture says nothing either way.
    """
    outside = page.content_chars
    return outside > 0 and share * outside <= len(body) <= outside


def _joined_if_split(tree: Any, url: str | None, body: str, page: PageText) -> str:
    """The fast pass again when the body came back short because the article is split
    into same-class blocks between its ad rails and the first block held only the
    start: see mislabelled.join_split_article, which marks the block holding them all
    (in place, so the further passes read it too).

    Only asked of bodies under 70 % of the page's text (those the recall pass is tried
    on), which a split article's first chunk always is.
    """
    if len(body) >= _RECALL_SHARE * len(page.text) \
            or not join_split_article(tree, len(page.text)):
        return body
    joined = trafilatura.bare_extraction(
        tree, url=url, include_comments=False, include_tables=True, fast=_FAST_FIRST_PASS)
    if isinstance(joined, Document) and joined.text \
            and len(_words(joined.text)) > len(_words(body)):
        return str(joined.text)
    return body


def _fuller_if_short(tree: Any, url: str | None, body: str, page: PageText) -> str:
    """Further passes when the fast one kept little of the page's text.

    The fast pass (no comparison with readability/justext) is as good as the full one on
    most pages but sometimes settles on one small block of a long page (a list article, a
    guide split into many sections). Under 30 % of the visible text the full pass is
    tried, and under 70 % a ``favor_recall`` pass, each kept when it finds clearly more
    (10 % more words). Measured on the even WCXB pages: the full pass gains nothing between
    30 % and 50 % (it used to run up to 50 %), the recall pass gains 0.15 pt of body F1
    between 50 % and 70 %; about half the pages stay single-pass.

    Each further pass costs about as much as the first, so neither is tried when the body
    already holds most of the text outside the page's furniture (_covers_the_content):
    menus and link lists make the visible text a loose yardstick. On the even WCXB pages
    the full pass was never kept above 38 % of that text and the recall pass never above
    77 %; at 50 % and 85 % a fifth of the further passes go, with the same bodies on the
    even and odd pages and on ScrapingHub.
    """
    passes = ((False, _FULL_SHARE, _FULL_CONTENT_SHARE),
              (True, _RECALL_SHARE, _RECALL_CONTENT_SHARE))
    for favor_recall, share, content_share in passes:
        if len(body) >= share * len(page.text) or _covers_the_content(body, page, content_share):
            continue
        second = trafilatura.bare_extraction(
            tree, url=url, include_comments=False, include_tables=True,
            favor_recall=favor_recall)
        if not isinstance(second, Document) or not second.text:
            continue
        if len(_words(second.text)) > _RECALL_GAIN * len(_words(body)):
            body = str(second.text)
    return body


def _repaired_trees(tree: Any, page_chars: int) -> Iterator[Any | None]:
    """The repaired copies _unmasked_if_short tries, made one at a time (None: no repair)."""
    yield unmasked_main_block(tree, page_chars)
    yield placed_streamed_segments(tree)


def _unmasked_if_short(tree: Any, url: str | None, body: str, page: PageText) -> str:
    """One more pass when every pass kept little of the page because the article sits in a
    container whose class names chrome ("page-footer"), or was streamed to the end of the
    page in hidden segments (React's streamed rendering): see mislabelled.py.

    Measured on the even WCXB pages: 15 pages reach the check, 4 have such a container and
    one gains (a list article whose entries sit in a "footer" block: body F1 0.03 -> 0.97),
    the odd pages gain too and ScrapingHub is unchanged; one even page streams its article
    and gains (0.49 -> 0.97), the odd pages and ScrapingHub are unchanged. The check costs
    well under a millisecond a page on average (only short bodies reach it).
    """
    if len(body) >= _FULL_SHARE * len(page.text):
        return body
    for repaired in _repaired_trees(tree, len(page.text)):
        if repaired is None:
            continue
        second = trafilatura.bare_extraction(
            repaired, url=url, include_comments=False, include_tables=True,
            fast=_FAST_FIRST_PASS)
        if isinstance(second, Document) and second.text \
                and len(_words(second.text)) > _RECALL_GAIN * len(_words(body)):
            return str(second.text)
    return body


def _is_flat_dump(body: str) -> bool:
    """Whether ``body`` is one undivided run of text rather than paragraphs.

    trafilatura falls back to the raw text of a whole container (its ``baseline``: the
    ``<article>`` element's text joined on spaces) when its own extraction finds nothing,
    typically when a broken page nests the article inside something it discards (an
    unclosed ``<button>`` in the header). The result has no line breaks and carries the
    container's furniture (a table of contents, image credits) along with the article.
    """
    lines = body.split("\n")
    if len(lines) > 1 + len(body) // 2000:
        return False    # the common case: paragraphs, settled without counting words
    longest = max(len(_words(line)) for line in lines)
    return longest >= _BLOB_WORDS and 2 * longest > len(_words(body))


def _structured_if_flat(tree: Any, url: str | None, body: str) -> str:
    """Replace a flat dump (_is_flat_dump) by a pass that returns paragraphs.

    The full pass, then the ``favor_recall`` one (which reads the nested article that
    the others skipped), is kept when it is not itself a dump and holds most of the
    dump's words: the paragraphs are what the reader sees as the article, and sentence
    splitting, chrome stripping and the author-box check downstream all work per line.
    On the even WCXB pages this happens on about one page in a hundred.
    """
    if not _is_flat_dump(body):
        return body
    words = len(_words(body))
    for favor_recall in (False, True, None):
        source = tree
        if favor_recall is None:
            # Last, the article that broken markup nested inside the navigation or the
            # header (mislabelled.unnested_article), read by the fast pass.
            source = unnested_article(tree)
            if source is None:
                break
        other = trafilatura.bare_extraction(
            source, url=url, include_comments=False, include_tables=True,
            favor_recall=bool(favor_recall), fast=favor_recall is None)
        if not isinstance(other, Document) or not other.text:
            continue
        text = str(other.text)
        if not _is_flat_dump(text) and \
                _BLOB_KEEP * words <= len(_words(text)) <= _BLOB_MAX_GAIN * words:
            return text
    return body


def extract_html(doc: RawDocument) -> Article:
    """Turn an HTML ``RawDocument`` into an Article; raise ExtractError / EmptyInput."""
    if not doc.content or doc.content.isspace():   # (no stripped copy of the whole page)
        raise EmptyInput(doc.origin, "the page is empty")
    tree = parse_html(doc.content)
    if tree is None:
        raise ExtractError(doc.origin, "cannot parse the HTML")
    meta = read_page_metadata(tree)
    page = read_page_text(tree)
    text = page.text
    clear_heading_anchors(tree)
    open_disclosure_panels(tree)
    questions_in_buttons(tree)
    disclaimers: list[Any] = []
    clear_misleading_names(tree, len(text), disclaimers)
    drop_disclaimers(disclaimers, len(text))
    paragraphs_in_divs(tree)
    paragraphs_in_body(tree)
    result = trafilatura.bare_extraction(
        tree, url=doc.url, include_comments=False, include_tables=True,
        fast=_FAST_FIRST_PASS)
    if not isinstance(result, Document):
        result = None
    body = result.text if result is not None and result.text else ""
    body = _joined_if_split(tree, doc.url, body, page)
    body = _fuller_if_short(tree, doc.url, body, page)
    body = _unmasked_if_short(tree, doc.url, body, page)
    body = _structured_if_flat(tree, doc.url, body)
    body = strip_chrome(body)
    title = choose_title(meta, extract_title(tree), doc.url)
    body = _without_leading_title(body, title)
    authors = _choose_authors(meta, tree, text, title, doc.url, doc.authors)
    body = _without_author_box(body, authors)
    body = restore_headings(tree, body)
    if not body.strip():
        raise EmptyInput(doc.origin, "no article text found in the page")
    return Article(
        origin=doc.origin,
        text=body,
        title=title or doc.title,
        authors=authors,
        published=_choose_date(meta, tree, text, title, doc.url, doc.published),
        language=detect_language(body),
        url=doc.url,
    )
