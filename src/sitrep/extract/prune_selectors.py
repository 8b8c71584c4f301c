"""trafilatura's hottest XPath expressions, evaluated in Python with the same result.

trafilatura prunes each page, finds its article container and its author with XPath
expressions of one shape: every descendant with one of a few tag names whose
``id``/``class``/``style`` attributes pass some substring tests and EXSLT regular
expressions (``re:test``). On our pages they took about a third of extraction time, for
three reasons that a Python walk avoids, with identical node lists:

- libxml2 evaluates ``.//*[self::div or self::span ...]`` by testing every element of the
  page against every ``self::`` step; lxml's ``iterdescendants(*tags)`` matches the names
  in C and hands Python only the elements named (twice as fast on its own);
- each ``re:test`` is a call from libxml2 back into Python (lxml's EXSLT implementation),
  made for every candidate element and every call in the expression;
- the regular expressions are long alternations (70 tokens for the class test), searched
  anew for every element, although a page repeats the same ``class`` values on many
  elements and every extraction pass meets them again: here each distinct value is
  searched once (``_Search``).

Each replacement stands for one expression text exactly. ``install`` swaps it into
trafilatura's list only where the list holds that very expression (whitespace aside, and
before or after xpath_guards' rewrite), with the regular expressions read from the
expression itself; a trafilatura release that changes an expression keeps its own XPath.

XPath semantics kept (tests/extract/test_prune_selectors.py compares node lists with the
XPath originals): ``.//*`` is the descendants in document order, not the context node;
a missing attribute is the empty string; ``@id|@class`` as a string is the first of the
two in the element's source order; ``not(.//h1)`` is "has no ``h1`` descendant";
``.//*[...][1]`` is the first match among each parent's children, ``(.//*[...])[1]`` the
first in the document; a union is each element once, in document order.

Measured (CPU per WCXB page, paired runs): the five pruning expressions 31.5 -> 27.0 ms,
the article-container, caption, teaser and baseline-cleaning ones 26.5 -> 24.3 ms, the
author search's (trafilatura.metadata.extract_author, on pages whose own metadata names
nobody) 24.0 -> 23.5 ms.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from sitrep.extract import xpath_guards

__all__ = ["PythonSelection", "install", "replacements"]

_SPACES = re.compile(r"\s+")
# A regular-expression literal in an expression template.
_PATTERN = "{re}"
# Distinct attribute values remembered per regular expression before the memo is cleared
# (a bound for long runs; a page has a few hundred distinct values).
_MEMO_LIMIT = 20_000


class _Search:
    """``re:test(value, pattern)`` (lxml's EXSLT: ``re.search`` with ``re.UNICODE``),
    remembered per distinct value."""

    __slots__ = ("_memo", "_search")

    def __init__(self, pattern: str, *, ignore_case: bool = False) -> None:
        flags = re.UNICODE | (re.IGNORECASE if ignore_case else 0)
        self._search = re.compile(pattern, flags).search
        self._memo: dict[str, bool] = {}

    def __call__(self, value: str | None) -> bool:
        text = "" if value is None else value
        found = self._memo.get(text)
        if found is None:
            if len(self._memo) >= _MEMO_LIMIT:
                self._memo.clear()
            found = self._memo[text] = self._search(text) is not None
        return found


def _first_of(element: Any, name: str, value: str | None, other: str,
              other_value: str | None) -> str:
    """XPath's string value of ``@name|@other`` (their values given): the first of the
    two in the element's source order, else ''."""
    if value is None:
        return "" if other_value is None else other_value
    if other_value is None:
        return value
    keys = element.keys()
    return value if keys.index(name) < keys.index(other) else other_value


def _text(value: str | None) -> str:
    return "" if value is None else value


Selector = Callable[[Any], list[Any]]
_BLOCKS = ("div", "item", "list", "p", "section", "span")


def _raw_tree_prune(patterns: Sequence[str]) -> Selector:
    """RAW_TREE_PRUNE_XPATH[0]: infinite-scroll containers (without an h1 unless named
    after the Zox theme's appended posts)."""
    either_id, either_class, named_id, named_class = map(_Search, patterns)

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


def _share_buttons(patterns: Sequence[str]) -> Selector:
    """RAW_TREE_PRUNE_XPATH[1]: Elementor's share buttons."""
    del patterns

    def select(tree: Any) -> list[Any]:
        return [element for element in tree.iterdescendants("div", "section", "aside")
                if "elementor-share-buttons" in _text(element.get("class"))]
    return select


def _comments_and_lists(patterns: Sequence[str]) -> Selector:
    """REMOVE_COMMENTS_AND_LISTS_XPATH[0]: comment sections, and comment lists."""
    any_id, any_class, list_id, list_class = map(_Search, patterns)

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


def _overall_discard(patterns: Sequence[str]) -> Selector:
    """OVERALL_DISCARD_XPATH[0]: navigation, sharing, ads, bylines, metadata..."""
    either, by_id, by_class = map(_Search, patterns)
    unnamed = either("") or by_id("") or by_class("")  # the tests on a missing id and class

    def select(tree: Any) -> list[Any]:
        found = []
        for element in tree.iterdescendants(*_BLOCKS):
            ident, cls = element.get("id"), element.get("class")
            if ident is None and cls is None and not unnamed:
                # Most elements: only the tests of other attributes are left.
                if (element.get("data-lp-replacement-content") is not None
                        or "nav" in _text(element.get("role")).replace("N", "n")
                        or "MostPopularStories" in _text(element.get("data-component"))):
                    found.append(element)
                continue
            if (element.get("data-lp-replacement-content") is not None
                    or "nav" in _text(element.get("role")).replace("N", "n")
                    or "MostPopularStories" in _text(element.get("data-component"))
                    or either(_first_of(element, "id", ident, "class", cls))
                    or by_id(ident) or by_class(cls)):
                found.append(element)
        return found
    return select


def _hidden_and_replies(patterns: Sequence[str]) -> Selector:
    """OVERALL_DISCARD_XPATH[1]: hidden elements, reply forms, comment titles."""
    id_or_style, by_id, by_class = map(_Search, patterns)
    unnamed = id_or_style("") or by_id("") or by_class("")  # on a missing id, class, style

    def select(tree: Any) -> list[Any]:
        found = []
        for element in tree.iterdescendants(etree.Element):
            ident, cls, style = element.get("id"), element.get("class"), element.get("style")
            if ident is None and cls is None and style is None and not unnamed:
                if element.get("aria-hidden") == "true":  # most elements: the one test left
                    found.append(element)
                continue
            if (cls == "comments-title"
                    or _first_of(element, "id", ident, "class", cls).startswith("reply-")
                    or id_or_style(_first_of(element, "id", ident, "style", style))
                    or "display:none" in _text(style) or "display: none" in _text(style)
                    or by_id(ident) or by_class(cls)
                    or element.get("aria-hidden") == "true"):
                found.append(element)
        return found
    return select


def _caption(patterns: Sequence[str]) -> Selector:
    """DISCARD_IMAGE_ELEMENTS[0]: image captions (when images are not kept)."""
    del patterns

    def select(tree: Any) -> list[Any]:
        return [element for element in tree.iterdescendants(*_BLOCKS)
                if "caption" in _text(element.get("id"))
                or "caption" in _text(element.get("class"))]
    return select


_T = str.maketrans("T", "t")


def _teaser(patterns: Sequence[str]) -> Selector:
    """TEASER_DISCARD_XPATH[0]: teaser blocks."""
    del patterns

    def select(tree: Any) -> list[Any]:
        return [element for element in tree.iterdescendants(*_BLOCKS)
                if "teaser" in _text(element.get("id")).translate(_T)
                or "teaser" in _text(element.get("class")).translate(_T)]
    return select


_CONTAINERS = ("article", "div", "main", "section")


def _article_body(patterns: Sequence[str]) -> Selector:
    """BODY_XPATH[0]: the article's body by its usual names; ``[1]`` without parentheses
    is the first match among each parent's children."""
    by_id, by_class = map(_Search, patterns)

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


def _story(patterns: Sequence[str]) -> Selector:
    """BODY_XPATH[2]: the first story container."""
    by_id, by_class = map(_Search, patterns)
    fulltext = _Search("fulltext", ignore_case=True)
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


def _main_content(patterns: Sequence[str]) -> Selector:
    """BODY_XPATH[3]: the first main-content container."""
    by_id, by_class = map(_Search, patterns)

    def select(tree: Any) -> list[Any]:
        for element in tree.iterdescendants(*_CONTAINERS):
            ident, cls = element.get("id"), element.get("class")
            if (ident == "content" or cls == "content" or by_id(ident) or by_class(cls)
                    or "main-content" in _text(ident).translate(_CM)
                    or "main-content" in _text(cls).translate(_CM)
                    or "page-content" in _text(cls).translate(_CP)):
                return [element]
        return []
    return select


def _main(patterns: Sequence[str]) -> Selector:
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
            elif not named and (_text(element.get("class")).startswith("main")
                                or _text(element.get("id")).startswith("main")
                                or _text(element.get("role")).startswith("main")):
                named = True
                found.append(element)
            if named and main:
                break
        return found
    return select


_BASIC_CLEAN_TAGS = frozenset({"aside", "fencedframe", "footer", "script", "style", "svg",
                               "template"})


def _basic_clean(patterns: Sequence[str]) -> Selector:
    """BASIC_CLEAN_XPATH (trafilatura.baseline): furniture, scripts and cookie banners,
    a union: each element once, in document order."""
    by_class, by_id = (_Search(pattern, ignore_case=True) for pattern in patterns)

    def select(tree: Any) -> list[Any]:
        found = []
        for element in tree.iterdescendants(etree.Element):
            tag = element.tag
            ident, cls = element.get("id"), element.get("class")
            if (tag in _BASIC_CLEAN_TAGS
                    or (tag == "div" and "footer" in _first_of(element, "class", cls,
                                                               "id", ident))
                    or by_class(cls) or by_id(ident)):
                found.append(element)
        return found
    return select


def _document_root(tree: Any) -> Any:
    """The element an absolute ``//`` path starts from (it matches the root itself too)."""
    return tree.getroottree().getroot()


def _author_discard(patterns: Sequence[str]) -> Selector:
    """AUTHOR_DISCARD_XPATHS[0]: comments, sidebars, dates and figures, cut before the
    author search."""
    by_id, by_class = map(_Search, patterns)

    def select(tree: Any) -> list[Any]:
        found = []
        for element in tree.iterdescendants("a", "div", "section", "span"):
            ident, cls = element.get("id"), element.get("class")
            if (ident == "comments" or cls in ("comments", "title", "date")
                    or by_id(ident) or by_class(cls)
                    or "Figure" in _text(element.get("data-component"))):
                found.append(element)
        return found
    return select


def _author_named(patterns: Sequence[str]) -> Selector:
    """AUTHOR_XPATHS[0]: elements named as the author's, and ``<author>`` (a union).
    ``rel='me'`` (no ``@``) is trafilatura's: a child element ``rel`` reading "me"."""
    (by_class,) = map(_Search, patterns)
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


def _author_byline(patterns: Sequence[str]) -> Selector:
    """AUTHOR_XPATHS[1]: bylines and user names."""
    by_id, by_class = map(_Search, patterns)
    classes = ("byline", "username", "byl", "BBL")

    def select(tree: Any) -> list[Any]:
        found = []
        for element in _document_root(tree).iter("a", "div", "h3", "h4", "p", "span"):
            ident, cls = element.get("id"), element.get("class")
            if (cls in classes or "author" in _text(element.get("itemprop"))
                    or by_id(ident) or by_class(cls)):
                found.append(element)
        return found
    return select


def _author_anywhere(patterns: Sequence[str]) -> Selector:
    """AUTHOR_XPATHS[2]: any element that names an author or byline."""
    by_id, by_class = map(_Search, patterns)

    def select(tree: Any) -> list[Any]:
        found = []
        for element in _document_root(tree).iter(etree.Element):
            if ("Byline" in _text(element.get("data-component"))
                    or "author" in _text(element.get("itemprop"))
                    or by_id(element.get("id")) or by_class(element.get("class"))):
                found.append(element)
        return found
    return select


# (name in trafilatura, index in its list or None for a module-level expression,
#  expression text with {re} for each pattern literal, builder)
_TEMPLATES: tuple[tuple[str, int | None, str, Callable[[Sequence[str]], Selector]], ...] = (
    ("RAW_TREE_PRUNE_XPATH", 0,
     ".//*[self::div or self::section or self::aside][ re:test(@id, {re}) or "
     "re:test(@class, {re})][ not(.//h1) or re:test(@id, {re}) or re:test(@class, {re})]",
     _raw_tree_prune),
    ("RAW_TREE_PRUNE_XPATH", 1,
     ".//*[self::div or self::section or self::aside]"
     "[contains(@class, 'elementor-share-buttons')]",
     _share_buttons),
    ("REMOVE_COMMENTS_AND_LISTS_XPATH", 0,
     ".//*[self::div or self::list or self::section or self::details or self::ol or "
     "self::ul][ re:test(@id, {re}) or re:test(@class, {re})][ not(self::ol or self::ul) "
     "or re:test(@id, {re}) or re:test(@class, {re})]",
     _comments_and_lists),
    ("OVERALL_DISCARD_XPATH", 0,
     ".//*[self::div or self::item or self::list or self::p or self::section or "
     "self::span][ @data-lp-replacement-content or contains(translate(@role, 'N', 'n'), "
     "'nav') or contains(@data-component, 'MostPopularStories') or "
     "re:test(@id|@class, {re}) or re:test(@id, {re}) or re:test(@class, {re})]",
     _overall_discard),
    ("OVERALL_DISCARD_XPATH", 1,
     ".//*[@class='comments-title' or starts-with(@id|@class, 'reply-') or "
     "re:test(@id|@style, {re}) or contains(@style, 'display:none') or "
     "contains(@style, 'display: none') or re:test(@id, {re}) or re:test(@class, {re}) "
     "or @aria-hidden='true']",
     _hidden_and_replies),
    ("DISCARD_IMAGE_ELEMENTS", 0,
     ".//*[self::div or self::item or self::list or self::p or self::section or "
     "self::span][ contains(@id, 'caption') or contains(@class, 'caption')]",
     _caption),
    ("TEASER_DISCARD_XPATH", 0,
     ".//*[self::div or self::item or self::list or self::p or self::section or "
     "self::span][ contains(translate(@id, 'T', 't'), 'teaser') or "
     "contains(translate(@class, 'T', 't'), 'teaser')]",
     _teaser),
    ("BODY_XPATH", 0,
     ".//*[self::article or self::div or self::main or self::section][ @class='post' or "
     "@class='entry' or @itemprop='articleBody' or @id='articleContent' or "
     "re:test(@id, {re}) or re:test(@class, {re}) ][1]",
     _article_body),
    ("BODY_XPATH", 2,
     "(.//*[self::article or self::div or self::main or self::section][ @role='article' or "
     "@id='article' or @id='story' or @class='postarea' or @class='art-postcontent' or "
     "@class='text' or @class='cell' or @class='story' or re:test(@id, {re}) or "
     "re:test(@class, 'fulltext', 'i') or re:test(@class, {re}) ])[1]",
     _story),
    ("BODY_XPATH", 3,
     "(.//*[self::article or self::div or self::main or self::section][ @id='content' or "
     "@class='content' or re:test(@id, {re}) or re:test(@class, {re}) or "
     "contains(translate(@id, 'CM','cm'), 'main-content') or "
     "contains(translate(@class, 'CM','cm'), 'main-content') or "
     "contains(translate(@class, 'CP','cp'), 'page-content') ])[1]",
     _main_content),
    ("BODY_XPATH", 4,
     "(.//*[self::article or self::div or self::section][ starts-with(@class, 'main') or "
     "starts-with(@id, 'main') or starts-with(@role, 'main')])[1]|(.//main)[1]",
     _main),
    ("BASIC_CLEAN_XPATH", None,
     ".//aside|.//div[contains(@class|@id, 'footer')]|.//fencedframe|.//footer|.//script|"
     ".//style|.//svg|.//template|.//*[re:test(@class, {re}, 'i') or "
     "re:test(@id, {re}, 'i')]",
     _basic_clean),
    ("AUTHOR_DISCARD_XPATHS", 0,
     ".//*[self::a or self::div or self::section or self::span][ @id='comments' or "
     "@class='comments' or @class='title' or @class='date' or re:test(@id, {re}) or "
     "re:test(@class, {re}) or contains(@data-component, 'Figure')]",
     _author_discard),
    ("AUTHOR_XPATHS", 0,
     "//*[self::a or self::address or self::div or self::link or self::p or self::span or "
     "self::strong][ @rel='author' or @id='author' or @class='author' or "
     "@itemprop='author name' or rel='me' or @data-testid='AuthorCard' or "
     "@data-testid='AuthorURL' or re:test(@class, {re})]|//author",
     _author_named),
    ("AUTHOR_XPATHS", 1,
     "//*[self::a or self::div or self::h3 or self::h4 or self::p or self::span][ "
     "@class='byline' or @class='username' or @class='byl' or @class='BBL' or "
     "contains(@itemprop, 'author') or re:test(@id, {re}) or re:test(@class, {re})]",
     _author_byline),
    ("AUTHOR_XPATHS", 2,
     "//*[ contains(@data-component, 'Byline') or contains(@itemprop, 'author') or "
     "re:test(@id, {re}) or re:test(@class, {re})]",
     _author_anywhere),
)


class PythonSelection:
    """Stands in for one compiled XPath: called on an element, returns the same list.

    Anything else (a whole ElementTree, XPath variables) goes to the XPath it replaces:
    the Python walks are written for an element context only.
    """

    def __init__(self, original: Any, select: Selector) -> None:
        self.path: str = original.path  # as trafilatura's code may read it
        self._original = original
        self._select = select

    def __call__(self, tree: Any, **variables: Any) -> list[Any]:
        if variables or not isinstance(tree, etree._Element):
            return list(self._original(tree, **variables))
        return self._select(tree)

    def __str__(self) -> str:
        return self.path  # as str() of an XPath (trafilatura logs it)


def _normal(path: str) -> str:
    return _SPACES.sub(" ", path).strip()


def _template_regex(template: str) -> re.Pattern[str]:
    """A regex matching the normalised expression, capturing each pattern literal."""
    pieces = template.split(_PATTERN)
    return re.compile("'([^']*)'".join(re.escape(piece) for piece in pieces))


def _patterns(path: str, template: str) -> list[str] | None:
    """The pattern literals of ``path`` when it is ``template``'s expression, else None."""
    match = _template_regex(template).fullmatch(_normal(path))
    return list(match.groups()) if match else None


_REPLACED: list[str] = []


def replacements() -> list[str]:
    """The (original) expression texts that ``install`` has replaced."""
    return list(_REPLACED)


def _replacement(current: Any, template: str,
                 build: Callable[[Sequence[str]], Selector],
                 originals: dict[str, str]) -> PythonSelection | None:
    """The Python selection for ``current`` when it is ``template``'s expression."""
    if isinstance(current, PythonSelection):
        return None
    path = getattr(current, "path", None)
    if not isinstance(path, str):
        return None
    original = originals.get(path, path)
    found = _patterns(original, template)
    if found is None:
        return None
    _REPLACED.append(original)
    return PythonSelection(current, build(found))


def install() -> None:
    """Swap the Python selections into trafilatura, where the expressions match.

    Run after xpath_guards.install (a guarded expression is read as its original).
    Lists are changed in place, so every trafilatura module that imported them sees the
    change; a module-level expression is rebound in each module holding it. Calling it
    again changes nothing.
    """
    import trafilatura  # noqa: F401  (loads the modules that hold the expressions)

    originals = {guarded: original for original, guarded in xpath_guards.rewrites()}
    modules = [module for name, module in list(sys.modules.items())
               if name.startswith("trafilatura") and module is not None]
    for name, index, template, build in _TEMPLATES:
        done: dict[int, PythonSelection] = {}
        for module in modules:
            value = vars(module).get(name)
            if index is None:
                if id(value) not in done:
                    new = _replacement(value, template, build, originals)
                    if new is None:
                        continue
                    done[id(value)] = new
                setattr(module, name, done[id(value)])
            elif isinstance(value, list) and index < len(value) and id(value) not in done:
                new = _replacement(value[index], template, build, originals)
                if new is not None:
                    value[index] = done[id(value)] = new
