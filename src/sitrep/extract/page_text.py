"""The text of a page as a reader sees it, read in one walk over the tree.

Why one walk for two measures: the byline and date searches read the whole visible text
(one line per block, so a name does not run into the next block's words), while the
decision whether trafilatura's fast pass kept enough of the article compares its body
with the page's text outside the navigation, header, footer and sidebars (menus and link
lists are long on some sites and short on others, so they make a poor yardstick). Both
come from the same elements, so the tree is walked once; the second text is joined but
only normalised when the decision needs it (on about half the pages).

The walk over a whole page is an XSLT transform (libxslt, in C: about 0.35 ms a page
where the same walk in Python takes 0.7), which writes the furniture's text apart from
the rest; the Python walk remains for a tree too deep for libxslt and for one with
comments.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

__all__ = ["PageText", "read_page_text", "visible_text"]

_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head"})
_BLOCK_TAGS = frozenset({
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer",
    "section", "article", "aside", "nav", "main", "table", "tr", "td", "th", "br",
    "blockquote", "figure", "figcaption", "dd", "dt", "dl", "form", "address", "pre", "hr",
    "body"})
# Page furniture: what surrounds the article on every page of a site.
_FURNITURE_TAGS = frozenset({"nav", "header", "footer", "aside"})


def _templates(mode: str, block: str, furniture: str | None) -> str:
    """The XSLT templates of one mode (``furniture``: the tags written inside ``<f>``)."""
    at = f' mode="{mode}"' if mode else ""
    apply = f"<xsl:apply-templates{at}/>"
    space, newline = "<xsl:text> </xsl:text>", "<xsl:text>&#10;</xsl:text>"
    skip = "|".join(sorted(_SKIP_TAGS))
    boxes = (f'<xsl:template match="{furniture}"><f>{newline}<xsl:apply-templates mode="f"/>'
             f"</f>{newline}</xsl:template>") if furniture else ""
    return (f'<xsl:template match="{skip}"{at}>{space}</xsl:template>{boxes}'
            f'<xsl:template match="{block}"{at}>{newline}{apply}{newline}</xsl:template>'
            f'<xsl:template match="*"{at}>{space}{apply}{space}</xsl:template>'
            f'<xsl:template match="comment()|processing-instruction()"{at}><c/></xsl:template>')


def _transform() -> Any:
    """The walk of _walked_text as XSLT: an element's text and children are framed by a
    newline (a block) or a space (inline), so each frame's end comes before the element's
    tail, as in the walk; a skipped element leaves only its closing space. The furniture
    is written inside ``<f>`` elements (nested furniture in the first's: mode ``f``), the
    newline that closes it outside: the text outside the furniture is what stands outside
    every ``<f>``. A comment or processing instruction leaves a ``<c/>`` mark, and the
    page is walked instead: the walk does not visit them (lxml's iterwalk yields elements
    only), so it leaves their tails (the text after them) unread, which XSLT would read.
    Parsed pages have none: html_tree's parser drops them."""
    furniture = "|".join(sorted(_FURNITURE_TAGS))
    block = "|".join(sorted(_BLOCK_TAGS - _FURNITURE_TAGS))
    return etree.XSLT(etree.XML(
        '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        '<xsl:template match="/"><r><xsl:apply-templates/></r></xsl:template>'
        + _templates("", block, furniture) + _templates("f", f"{block}|{furniture}", None)
        + "</xsl:stylesheet>"))


_PAGE_TEXT = _transform()
_STRING = etree.XPath("string()")


@dataclass(frozen=True, slots=True)
class PageText:
    """The page's visible text, and the raw text of what lies outside the furniture."""

    text: str
    outside_furniture: str

    @property
    def content_chars(self) -> int:
        """Characters of the text outside the furniture, counted as in ``text``.

        Normalised only when asked: most pages never need it.
        """
        return len(_normalised(self.outside_furniture))


def _normalised(raw: str) -> str:
    """One line per block, spaces collapsed within a line, no blank lines (str.split
    per line is faster here than regular expressions over the whole text, and most
    lines are blank: block ends and starts follow each other)."""
    return "\n".join([" ".join(line.split()) for line in raw.split("\n")
                      if line and not line.isspace()])


def read_page_text(tree: Any) -> PageText:
    """The page's text as a reader sees it (no scripts or styles), and the part of it
    outside ``<nav>``, ``<header>``, ``<footer>`` and ``<aside>``."""
    try:
        written = _PAGE_TEXT(tree).getroot()
    except etree.XSLTError:
        return _walked_text(tree)   # nested deeper than libxslt goes: the walk has no limit
    if next(written.iter("c"), None) is not None:
        return _walked_text(tree)   # comments: see _transform
    # A part of a page is transformed as a page of its own, and the walk reads its tail.
    tail = tree.tail or ""
    outside = (written.text or "") + "".join([box.tail or "" for box in written]) + tail
    return PageText(_normalised(_STRING(written) + tail), outside)


def _walked_text(tree: Any) -> PageText:
    """read_page_text, walked in Python (the reference for the XSLT transform)."""
    parts: list[str] = []
    content: list[str] = []
    furniture = 0       # how many furniture elements enclose the current one
    # lxml's iterwalk, not recursion: broken pages can nest deeper than Python's limit.
    walker = etree.iterwalk(tree, events=("start", "end"))
    for event, element in walker:
        tag = element.tag
        if event == "start":
            if not isinstance(tag, str):
                continue  # not reached: iterwalk yields elements only (see _transform)
            if tag in _SKIP_TAGS:
                walker.skip_subtree()
                continue
            if tag in _FURNITURE_TAGS:
                furniture += 1
            piece = "\n" if tag in _BLOCK_TAGS else " "
            if element.text:
                piece += element.text
            parts.append(piece)
            if not furniture:
                content.append(piece)
            continue
        # Inline elements end with a space: "By<a>Ann Lee</a><time>Mar 5" must not
        # read "ByAnn LeeMar 5" (a split word costs nothing here; a fused date does).
        piece = ("\n" if tag in _BLOCK_TAGS else " ") if isinstance(tag, str) else ""
        if element.tail:
            piece += element.tail
        parts.append(piece)
        if furniture and tag in _FURNITURE_TAGS:
            furniture -= 1
        if not furniture:
            content.append(piece)   # a closing furniture block still ends a line
    return PageText(_normalised("".join(parts)), "".join(content))


def visible_text(tree: Any) -> str:
    """The page's text as a reader sees it (no scripts or styles): one line per block
    element, spaces collapsed within a line, so a byline name does not run into the next
    block's words."""
    return read_page_text(tree).text
