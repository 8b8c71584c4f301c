"""trafilatura's hottest pruning XPath expressions, evaluated in Python with the same result.

trafilatura prunes each page with a handful of XPath expressions of one shape: every
descendant with one of a few tag names whose ``id``/``class``/``style`` attributes pass some
substring tests and EXSLT regular expressions (``re:test``). On our pages these few
expressions took about a fifth of extraction time, for three reasons that a Python walk
avoids, with identical node lists:

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
two in the element's source order; ``not(.//h1)`` is "has no ``h1`` descendant".
"""

from __future__ import annotations

import re
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

    def __init__(self, pattern: str) -> None:
        self._search = re.compile(pattern, re.UNICODE).search
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

    def select(tree: Any) -> list[Any]:
        found = []
        for element in tree.iterdescendants("div", "item", "list", "p", "section", "span"):
            ident, cls = element.get("id"), element.get("class")
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

    def select(tree: Any) -> list[Any]:
        found = []
        for element in tree.iterdescendants(etree.Element):
            ident, cls, style = element.get("id"), element.get("class"), element.get("style")
            if (cls == "comments-title"
                    or _first_of(element, "id", ident, "class", cls).startswith("reply-")
                    or id_or_style(_first_of(element, "id", ident, "style", style))
                    or "display:none" in _text(style) or "display: none" in _text(style)
                    or by_id(ident) or by_class(cls)
                    or element.get("aria-hidden") == "true"):
                found.append(element)
        return found
    return select


# (list name, index, expression text with {re} for each pattern literal, builder)
_TEMPLATES: tuple[tuple[str, int, str, Callable[[Sequence[str]], Selector]], ...] = (
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
)


class PythonSelection:
    """Stands in for one compiled XPath: called on an element, returns the same list."""

    def __init__(self, path: str, select: Selector) -> None:
        self.path = path   # the expression it replaces, as trafilatura's code may read it
        self._select = select

    def __call__(self, tree: Any) -> list[Any]:
        return self._select(tree)


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


def install() -> None:
    """Swap the Python selections into trafilatura's lists, where the expressions match.

    Run after xpath_guards.install (a guarded expression is read as its original).
    The lists are changed in place, so every trafilatura module that imported them sees
    the change; calling it again changes nothing.
    """
    from trafilatura import xpaths

    originals = {guarded: original for original, guarded in xpath_guards.rewrites()}
    for name, index, template, build in _TEMPLATES:
        expressions = getattr(xpaths, name, None)
        if not isinstance(expressions, list) or index >= len(expressions):
            continue
        current = expressions[index]
        if isinstance(current, PythonSelection):
            continue
        path = getattr(current, "path", None)
        if not isinstance(path, str):
            continue
        found = _patterns(originals.get(path, path), template)
        if found is None:
            continue
        expressions[index] = PythonSelection(path, build(found))
        _REPLACED.append(originals.get(path, path))
