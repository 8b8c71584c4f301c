"""Find the article inside a container whose class or id names page chrome.

trafilatura drops, before it looks for the article, every ``div``/``section``/``p``/``span``
whose class or id carries a chrome token ("footer", "meta", "slide", "widget", "bar",
"menu", "share"...), and every element it takes for hidden. Pages give content such marks
by accident in three ways, each undone here.

Themes reuse those words for layout ("page-footer" for the lower half of the page body),
and when such a container holds the article itself the body comes back as a stray
paragraph or two. The repair (``unmasked_main_block``) is narrow on purpose: only when the
body is still short after every pass, and only for a container that holds most of the
page's visible text (a real footer, sidebar or menu never does: it is a strip along the
article, not the bulk of the page), the container loses its class and id in a copy of the
tree and trafilatura runs again. The copy keeps the caller's tree, which the metadata
readers share, as it was.

Sections also get ids spelled from their own heading ("share-your-garden-with-the-
neighbours" for a section headed "Share your garden with the neighbours"), and a chrome
word in the heading then drops the whole section. ``clear_heading_anchors`` removes such
ids (they are link targets, nothing more) before trafilatura runs. Only a slug of four
words or more that spells the start of the element's first heading counts: a short label
("related-posts" over "Related posts", "about-the-author") names a box, and trafilatura
is right to drop it.

FAQ answers and "read more" sections sit in collapsed panels until a reader opens them;
``open_disclosure_panels`` shows the panels that a toggle names through ``aria-controls``.

A paragraph written as a ``div`` (an "Updates:" note or an answer styled as a box between
the article's paragraphs) is lost too: trafilatura reads ``div`` text only on pages with
little ``<p>`` text. ``paragraphs_in_divs`` marks such a div as the paragraph it is, as
readability does with divs that hold no blocks.

Broken markup can also nest the whole article inside the navigation: a menu whose items
leave their ``div`` open keeps every later element inside ``<nav>`` for libxml2 (a
browser's parser closes them at the next ``</li>``), and trafilatura drops the navigation
with the article in it. ``unnested_article`` moves such an ``<article>``/``<main>`` out.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from trafilatura.xpaths import OVERALL_DISCARD_XPATH

from sitrep.extract.page_text import read_page_text

__all__ = ["MAIN_SHARE", "clear_heading_anchors", "open_disclosure_panels",
           "paragraphs_in_divs", "unmasked_main_block", "unnested_article"]

_SLUG_WORD = re.compile(r"[^\W_]+")
_SLUG_MIN_WORDS = 4
# Elements with a hyphen in their id, in one pass of libxml2 (few elements have ids, so
# the tag and the word count are left to Python); the tags trafilatura's discard list covers.
# The ids are found first, then their elements: as "//*[contains(@id, '-')]", faster.
_SLUG_CANDIDATES = "//@id[contains(., '-')]/.."
_SLUG_TAGS = frozenset({"div", "section", "span", "p"})
_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# A container trafilatura would drop as chrome that holds at least this share of the
# page's visible text is the page's main block, whatever its class says.
MAIN_SHARE = 0.5


def unmasked_main_block(tree: Any, page_chars: int) -> Any | None:
    """A copy of ``tree`` in which the chrome-named container holding at least
    ``MAIN_SHARE`` of the page's ``page_chars`` visible characters has lost its class and
    id (and so is no longer discarded by trafilatura); None when no container does.

    Of nested candidates the outermost qualifying one is unmasked, together with any
    chrome-named containers inside it that also qualify (a "footer" wrapper around a
    "footer-inner" one).
    """
    if page_chars <= 0:
        return None
    # trafilatura's own expression (the first of its overall-discard list matches by
    # class and id tokens), so the check follows whatever vocabulary it ships with.
    # The raw string length (libxml2, no Python walk) bounds the visible text from above,
    # so most candidates (menus, bylines, share bars) go before their text is read.
    least = MAIN_SHARE * page_chars
    masked = [element for element in OVERALL_DISCARD_XPATH[0](tree)
              if element.xpath("string-length(string())") >= least
              and len(read_page_text(element).text) >= least]
    if not masked:
        return None
    paths = [element.getroottree().getpath(element) for element in masked]
    unmasked = copy.deepcopy(tree)
    for path in paths:
        for element in unmasked.xpath(path):
            for attribute in ("class", "id"):
                element.attrib.pop(attribute, None)
    return unmasked


def _spells_its_heading(element: Any, slug: str) -> bool:
    """True when ``slug`` is the start of ``element``'s first heading written as an id
    (the last slug word may be cut short: "...-strategies-bui")."""
    words = _SLUG_WORD.findall(slug.lower())
    if len(words) < _SLUG_MIN_WORDS:
        return False
    heading = next(element.iter(*_HEADING_TAGS), None)
    if heading is None:
        return False
    heading_words = _SLUG_WORD.findall("".join(heading.itertext()).lower())
    if len(heading_words) < len(words):
        return False
    *whole, last = words
    return heading_words[:len(whole)] == whole and heading_words[len(whole)].startswith(last)


def clear_heading_anchors(tree: Any) -> int:
    """Remove, in place, the ids that only spell their section's heading (see the module
    docstring); returns how many went. Other readers lose nothing: such an id is a link
    target, not a mark of what the section is."""
    cleared = 0
    for element in tree.xpath(_SLUG_CANDIDATES):
        slug = element.get("id", "")
        if element.tag in _SLUG_TAGS and slug.count("-") >= _SLUG_MIN_WORDS - 1 \
                and _spells_its_heading(element, slug):
            del element.attrib["id"]
            cleared += 1
    return cleared


# A panel's collapsed state: the inline style, the attributes and class names that hide it.
_DISPLAY_NONE = re.compile(r"display\s*:\s*none\s*;?", re.IGNORECASE)
_HIDING_CLASS = ("hid", "collaps")
# As "//*[@aria-controls][not(...)]", attributes first (faster, as _SLUG_CANDIDATES).
_TOGGLES = ("//@aria-controls/parent::*"
            "[not(ancestor::nav or ancestor::header or ancestor::footer)]")


def open_disclosure_panels(tree: Any) -> int:
    """Show, in place, the collapsed panels of the page's disclosure widgets; returns how
    many panels were found.

    An FAQ answer or a "read more" section sits in a panel that a button names through
    ``aria-controls`` (the WAI-ARIA accordion and disclosure patterns). Until a reader
    opens it the panel is collapsed: ``display: none``, ``hidden``, ``aria-hidden`` or a
    "hidden"/"collapsed" class, and trafilatura drops every hidden element as chrome. The
    state says how the page opens, not what the panel is, so it is cleared. Toggles in the
    navigation, header or footer (menus, search boxes) are left alone. Measured: three
    even WCXB pages gain (none loses), the odd pages gain, ScrapingHub is unchanged.
    """
    controlled: set[str] = set()
    for toggle in tree.xpath(_TOGGLES):
        controlled.update(toggle.get("aria-controls", "").split())
    if not controlled:
        return 0
    panels = [element for element in tree.xpath("//@id/..") if element.get("id") in controlled]
    for panel in panels:
        style = panel.get("style")
        if style is not None:
            panel.set("style", _DISPLAY_NONE.sub("", style))
        panel.attrib.pop("aria-hidden", None)
        panel.attrib.pop("hidden", None)
        classes = panel.get("class")
        if classes is not None:
            panel.set("class", " ".join(name for name in classes.split()
                                        if not any(part in name.lower()
                                                   for part in _HIDING_CLASS)))
    return len(panels)


# A div right between a paragraph and a paragraph or section heading (libxml2 finds the
# few candidates; the rest is checked in Python).
_BETWEEN_PARAGRAPHS = ("//p/following-sibling::*[1][self::div]"
                       "[following-sibling::*[1][self::p or self::h2 or self::h3]]")
# Elements a paragraph does not hold: blocks, and the markup of widgets and scripts.
_NOT_IN_A_PARAGRAPH = frozenset({
    "div", "p", "ul", "ol", "li", "dl", "table", "h1", "h2", "h3", "h4", "h5", "h6",
    "section", "article", "aside", "nav", "header", "footer", "blockquote", "pre", "figure",
    "form", "script", "style", "noscript", "button", "input", "iframe", "svg"})
_FURNITURE = frozenset({"nav", "header", "footer", "aside"})
_PARAGRAPH_WORDS = 15
_SENTENCE_END = (".", "!", "?", "…", '"', "\u201d", "\u2019", ")")


def paragraphs_in_divs(tree: Any) -> int:
    """Retag as ``p``, in place, the divs that are paragraphs; returns how many.

    trafilatura reads the text of a ``div`` only when the article holds little ``<p>``
    text, so a paragraph a page writes as a styled ``div`` between its ``<p>`` paragraphs
    ("Updates: Python 3.14, released ...", a boxed answer) is dropped. Such a div is a
    paragraph when it stands right between a paragraph and a paragraph (or a section
    heading), holds only text and inline markup, runs to 15 words or more and ends like a
    sentence, outside the page's navigation, header, footer and sidebars. Widgets that
    sit between paragraphs (a promotion's title, a caption) are shorter, hold buttons or
    blocks, or stop without a full stop.

    Measured: three even WCXB pages gain (a release-notes box on one page is most of it)
    and one loses a little (a promotion written as a sentence); the odd pages and
    ScrapingHub are unchanged. About 0.2 ms a page.
    """
    retagged = 0
    for div in tree.xpath(_BETWEEN_PARAGRAPHS):
        if any(element.tag in _NOT_IN_A_PARAGRAPH for element in div.iterdescendants()) \
                or any(ancestor.tag in _FURNITURE for ancestor in div.iterancestors()):
            continue
        text = " ".join(div.text_content().split())
        if len(text.split()) >= _PARAGRAPH_WORDS and text.endswith(_SENTENCE_END):
            div.tag = "p"
            retagged += 1
    return retagged


_NESTED_IN_FURNITURE = ("//main[ancestor::nav or ancestor::header]"
                        " | //article[ancestor::nav or ancestor::header][not(ancestor::main)]")


def unnested_article(tree: Any) -> Any | None:
    """A copy of ``tree`` in which each ``<main>`` or ``<article>`` that sits inside a
    ``<nav>`` or ``<header>`` follows its outermost such ancestor instead; None when none
    does.

    Only asked when the body came back as a flat dump (trafilatura found no article and
    fell back to a container's raw text), the mark of an article lost inside dropped
    furniture. Measured: of the two even WCXB pages with such a dump, the one whose
    article sat in the header gains (0.93 -> 0.99); the other's unnested text keeps too
    little of the dump and is not used; odd pages and ScrapingHub unchanged.
    """
    if not tree.xpath(_NESTED_IN_FURNITURE):
        return None
    unnested = copy.deepcopy(tree)
    for element in unnested.xpath(_NESTED_IN_FURNITURE):
        outermost = [ancestor for ancestor in element.iterancestors()
                     if ancestor.tag in ("nav", "header")][-1]
        outermost.addnext(element)
    return unnested
