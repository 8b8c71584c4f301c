"""The Python walks that stand in for trafilatura's hottest XPath expressions.

Each builder takes the regular-expression literals read from the expression it replaces
(see :mod:`sitrep.extract.prune_selectors`, which matches the expressions and installs the
walks) and returns a walk with the expression's exact node list.

XPath semantics kept (tests/extract/test_prune_selectors.py compares node lists with the
XPath originals): ``.//*`` is the descendants in document order, not the context node;
a missing attribute is the empty string; ``@id|@class`` as a string is the first of the
two in the element's source order; ``not(.//h1)`` is "has no ``h1`` descendant";
``.//*[...][1]`` is the first match among each parent's children, ``(.//*[...])[1]`` the
first in the document; a union is each element once, in document order.

Most elements carry no ``id`` or ``class``: where an expression's regular expressions
cannot match the empty string, such an element is settled by its other attributes alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

__all__ = [
    "Search", "Selector", "article_body", "author_anywhere", "author_byline",
    "author_discard", "author_named", "basic_clean", "caption", "comments_and_lists",
    "first_of", "hidden_and_replies", "main", "main_content", "overall_discard",
    "raw_tree_prune", "share_buttons", "story", "teaser",
]

# Distinct attribute values remembered per regular expression before the memo is cleared
# (a bound for long runs; a page has a few hundred distinct values).
_MEMO_LIMIT = 20_000

class Search(dict[str | None, bool]):
    """``re:test(value, pattern)`` (lxml's EXSLT: ``re.search`` with ``re.UNICODE``),
    remembered per distinct value; a missing attribute (None) tests the empty string.

    The walks call it several thousand times a page, nearly always for a value already
    seen (most often None): calling the memo's own ``dict.__getitem__``, with the search
    made in ``__missing__`` only for a new value, spares a Python call per test (about
    0.5 ms a page; tests/extract/test_prune_walks_search.py checks it against the search).
    """

    __slots__ = ("_search",)

    def __init__(self, pattern: str, *, ignore_case: bool = False) -> None:
        super().__init__()
        flags = re.UNICODE | (re.IGNORECASE if ignore_case else 0)
        self._search = re.compile(pattern, flags).search

    def __missing__(self, value: str | None) -> bool:
        if len(self) >= _MEMO_LIMIT:
            self.clear()
        found = self[value] = self._search("" if value is None else value) is not None
        return found

    __call__ = dict.__getitem__


def first_of(element: Any, name: str, value: str | None, other: str,
              other_value: str | None) -> str:
    """XPath's string value of ``@name|@other`` (their values given): the first of the
    two in the element's source order, else ''."""
    if value is None:
        return "" if other_value is None else other_value
    if other_value is None:
        return value
    keys = element.keys()
    return value if keys.index(name) < keys.index(other) else other_value


def _or_empty(value: str | None) -> str:
    return "" if value is None else value


Selector = Callable[[Any], list[Any]]
"""A walk: called on an element, the elements its expression selects, in order."""
_BLOCKS = ("div", "item", "list", "p", "section", "span")


def raw_tree_prune(patterns: Sequence[str]) -> Selector:
    """RAW_TREE_PRUNE_XPATH[0]: infinite-scroll containers (without an h1 unless named
    after the Zox theme's appended posts)."""
    either_id, either_class, named_id, named_class = map(Search, patterns)

    def select(tree: Any) -> list[Any]:
        found = []
        for element in tree.iterdescendants("div", "section", "aside"):
            ident, cls = element.get("id"), element.get("class")
            if not (either_id(ident) or either_class(cls)):
                continue
            if next(element.iterdescendants("h1"), None) is None \
                    or named_id(ident) or named_class(cls):
                found.append(element)
        return found
    return select


def share_buttons(patterns: Sequence[str]) -> Selector:
    """RAW_TREE_PRUNE_XPATH[1]: Elementor's share buttons."""
    del patterns

    def select(tree: Any) -> list[Any]:
        return [element for element in tree.iterdescendants("div", "section", "aside")
                if "elementor-share-buttons" in _or_empty(element.get("class"))]
    return select


def comments_and_lists(patterns: Sequence[str]) -> Selector:
    """REMOVE_COMMENTS_AND_LISTS_XPATH[0]: comment sections, and comment lists."""
    any_id, any_class, list_id, list_class = map(Search, patterns)

    def select(tree: Any) -> list[Any]:
        found = []
        for element in tree.iterdescendants("div", "list", "section", "details", "ol", "ul"):
            ident, cls = element.get("id"), element.get("class")
            if not (any_id(ident) or any_class(cls)):
                continue
            if element.tag not in ("ol", "ul") or list_id(ident) or list_class(cls):
                found.append(element)
        return found
    return select


def overall_discard(patterns: Sequence[str]) -> Selector:
    """OVERALL_DISCARD_XPATH[0]: navigation, sharing, ads, bylines, metadata..."""
    either, by_id, by_class = map(Search, patterns)
    unnamed = either("") or by_id("") or by_class("")  # the tests on a missing id and class

    def select(tree: Any) -> list[Any]:
        found = []
        for element in tree.iterdescendants(*_BLOCKS):
            ident, cls = element.get("id"), element.get("class")
            if ident is None and cls is None and not unnamed:
                # Most elements: only the tests of other attributes are left.
                if (element.get("data-lp-replacement-content") is not None
                        or "nav" in _or_empty(element.get("role")).replace("N", "n")
                        or "MostPopularStories" in _or_empty(element.get("data-component"))):
                    found.append(element)
                continue
            # @id|@class: only an element with both needs their order (first_of).
            id_or_class = cls if ident is None else ident if cls is None \
                else first_of(element, "id", ident, "class", cls)
            if (element.get("data-lp-replacement-content") is not None
                    or "nav" in _or_empty(element.get("role")).replace("N", "n")
                    or "MostPopularStories" in _or_empty(element.get("data-component"))
                    or either(id_or_class) or by_id(ident) or by_class(cls)):
                found.append(element)
        return found
    return select


def hidden_and_replies(patterns: Sequence[str]) -> Selector:
    """OVERALL_DISCARD_XPATH[1]: hidden elements, reply forms, comment titles."""
    id_or_style, by_id, by_class = map(Search, patterns)
    unnamed = id_or_style("") or by_id("") or by_class("")  # on a missing id, class, style

    def select(tree: Any) -> list[Any]:
        found = []
        for element in tree.iterdescendants(etree.Element):
            ident, cls, style = element.get("id"), element.get("class"), element.get("style")
            if ident is None and cls is None and style is None and not unnamed:
                if element.get("aria-hidden") == "true":  # most elements: the one test left
                    found.append(element)
                continue
            # @id|@class and @id|@style: only an element with both needs their order.
            if ident is None:
                id_or_class, id_or_style_value = _or_empty(cls), _or_empty(style)
            else:
                id_or_class = ident if cls is None \
                    else first_of(element, "id", ident, "class", cls)
                id_or_style_value = ident if style is None \
                    else first_of(element, "id", ident, "style", style)
            if (cls == "comments-title" or id_or_class.startswith("reply-")
                    or id_or_style(id_or_style_value)
                    or (style is not None
                        and ("display:none" in style or "display: none" in style))
                    or by_id(ident) or by_class(cls)
                    or element.get("aria-hidden") == "true"):
                found.append(element)
        return found
    return select


def caption(patterns: Sequence[str]) -> Selector:
    """DISCARD_IMAGE_ELEMENTS[0]: image captions (when images are not kept)."""
    del patterns

    def select(tree: Any) -> list[Any]:
        return [element for element in tree.iterdescendants(*_BLOCKS)
                if "caption" in _or_empty(element.get("id"))
                or "caption" in _or_empty(element.get("class"))]
    return select


_T = str.maketrans("T", "t")


def teaser(patterns: Sequence[str]) -> Selector:
    """TEASER_DISCARD_XPATH[0]: teaser blocks."""
    del patterns

    def select(tree: Any) -> list[Any]:
        return [element for element in tree.iterdescendants(*_BLOCKS)
                if "teaser" in _or_empty(element.get("id")).translate(_T)
                or "teaser" in _or_empty(element.get("class")).translate(_T)]
    return select


_CONTAINERS = ("article", "div", "main", "section")


def article_body(patterns: Sequence[str]) -> Selector:
    """BODY_XPATH[0]: the article's body by its usual names; ``[1]`` without parentheses
    is the first match among each parent's children."""
    by_id, by_class = map(Search, patterns)

    def select(tree: Any) -> list[Any]:
        found: list[Any] = []
        parents: set[Any] = set()
        for element in tree.iterdescendants(*_CONTAINERS):
            ident, cls = element.get("id"), element.get("class")
            if (cls == "post" or cls == "entry" or element.get("itemprop") == "articleBody"
                    or ident == "articleContent" or by_id(ident) or by_class(cls)):
                parent = element.getparent()
                if parent not in parents:
                    parents.add(parent)
                    found.append(element)
        return found
    return select


def story(patterns: Sequence[str]) -> Selector:
    """BODY_XPATH[2]: the first story container."""
    by_id, by_class = map(Search, patterns)
    fulltext = Search("fulltext", ignore_case=True)
    ids = ("article", "story")
    classes = ("postarea", "art-postcontent", "text", "cell", "story")

    def select(tree: Any) -> list[Any]:
        for element in tree.iterdescendants(*_CONTAINERS):
            ident, cls = element.get("id"), element.get("class")
            if (element.get("role") == "article" or ident in ids or cls in classes
                    or by_id(ident) or fulltext(cls) or by_class(cls)):
                return [element]
        return []
    return select


_CM = str.maketrans("CM", "cm")
_CP = str.maketrans("CP", "cp")


def main_content(patterns: Sequence[str]) -> Selector:
    """BODY_XPATH[3]: the first main-content container."""
    by_id, by_class = map(Search, patterns)

    def select(tree: Any) -> list[Any]:
        for element in tree.iterdescendants(*_CONTAINERS):
            ident, cls = element.get("id"), element.get("class")
            if (ident == "content" or cls == "content" or by_id(ident) or by_class(cls)
                    or "main-content" in _or_empty(ident).translate(_CM)
                    or "main-content" in _or_empty(cls).translate(_CM)
                    or "page-content" in _or_empty(cls).translate(_CP)):
                return [element]
        return []
    return select


def main(patterns: Sequence[str]) -> Selector:
    """BODY_XPATH[4]: the first container named "main...", and the first ``<main>``, in
    document order."""
    del patterns

    def select(tree: Any) -> list[Any]:
        found: list[Any] = []
        named = main = False
        for element in tree.iterdescendants("article", "div", "section", "main"):
            if element.tag == "main":
                if not main:
                    main = True
                    found.append(element)
            elif not named and (_or_empty(element.get("class")).startswith("main")
                                or _or_empty(element.get("id")).startswith("main")
                                or _or_empty(element.get("role")).startswith("main")):
                named = True
                found.append(element)
            if named and main:
                break
        return found
    return select


_BASIC_CLEAN_TAGS = frozenset({"aside", "fencedframe", "footer", "script", "style", "svg",
                               "template"})


def basic_clean(patterns: Sequence[str]) -> Selector:
    """BASIC_CLEAN_XPATH (trafilatura.baseline): furniture, scripts and cookie banners,
    a union: each element once, in document order."""
    by_class, by_id = (Search(pattern, ignore_case=True) for pattern in patterns)

    def select(tree: Any) -> list[Any]:
        found = []
        for element in tree.iterdescendants(etree.Element):
            tag = element.tag
            ident, cls = element.get("id"), element.get("class")
            if (tag in _BASIC_CLEAN_TAGS
                    or (tag == "div" and "footer" in first_of(element, "class", cls,
                                                               "id", ident))
                    or by_class(cls) or by_id(ident)):
                found.append(element)
        return found
    return select


def _document_root(tree: Any) -> Any:
    """The element an absolute ``//`` path starts from (it matches the root itself too)."""
    return tree.getroottree().getroot()


def author_discard(patterns: Sequence[str]) -> Selector:
    """AUTHOR_DISCARD_XPATHS[0]: comments, sidebars, dates and figures, cut before the
    author search."""
    by_id, by_class = map(Search, patterns)

    def select(tree: Any) -> list[Any]:
        found = []
        for element in tree.iterdescendants("a", "div", "section", "span"):
            ident, cls = element.get("id"), element.get("class")
            if (ident == "comments" or cls in ("comments", "title", "date")
                    or by_id(ident) or by_class(cls)
                    or "Figure" in _or_empty(element.get("data-component"))):
                found.append(element)
        return found
    return select


def author_named(patterns: Sequence[str]) -> Selector:
    """AUTHOR_XPATHS[0]: elements named as the author's, and ``<author>`` (a union).
    ``rel='me'`` (no ``@``) is trafilatura's: a child element ``rel`` reading "me"."""
    (by_class,) = map(Search, patterns)
    tags = ("a", "address", "div", "link", "p", "span", "strong")
    testids = ("AuthorCard", "AuthorURL")

    def select(tree: Any) -> list[Any]:
        root = _document_root(tree)
        rel_children = next(root.iter("rel"), None) is not None
        found = []
        for element in root.iter(*tags, "author"):
            if element.tag == "author":
                found.append(element)
                continue
            if (element.get("rel") == "author" or element.get("id") == "author"
                    or element.get("class") == "author"
                    or element.get("itemprop") == "author name"
                    or (rel_children and any("".join(child.itertext()) == "me"
                                             for child in element.iterchildren("rel")))
                    or element.get("data-testid") in testids
                    or by_class(element.get("class"))):
                found.append(element)
        return found
    return select


def author_byline(patterns: Sequence[str]) -> Selector:
    """AUTHOR_XPATHS[1]: bylines and user names."""
    by_id, by_class = map(Search, patterns)
    classes = ("byline", "username", "byl", "BBL")

    def select(tree: Any) -> list[Any]:
        found = []
        for element in _document_root(tree).iter("a", "div", "h3", "h4", "p", "span"):
            ident, cls = element.get("id"), element.get("class")
            if (cls in classes or "author" in _or_empty(element.get("itemprop"))
                    or by_id(ident) or by_class(cls)):
                found.append(element)
        return found
    return select


def author_anywhere(patterns: Sequence[str]) -> Selector:
    """AUTHOR_XPATHS[2]: any element that names an author or byline."""
    by_id, by_class = map(Search, patterns)

    def select(tree: Any) -> list[Any]:
        found = []
        for element in _document_root(tree).iter(etree.Element):
            if ("Byline" in _or_empty(element.get("data-component"))
                    or "author" in _or_empty(element.get("itemprop"))
                    or by_id(element.get("id")) or by_class(element.get("class"))):
                found.append(element)
        return found
    return select
