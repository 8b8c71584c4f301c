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
  searched once (``prune_walks.Search``).

Each replacement stands for one expression text exactly. ``install`` swaps it into
trafilatura's list only where the list holds that very expression (whitespace aside, and
before or after xpath_guards' rewrite), with the regular expressions read from the
expression itself; a trafilatura release that changes an expression keeps its own XPath.

The walks themselves, and the XPath semantics they keep, are in :mod:`prune_walks`.

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

from sitrep.extract import prune_walks as walks
from sitrep.extract import xpath_guards

__all__ = ["PythonSelection", "install", "replacements"]

_SPACES = re.compile(r"\s+")
# A regular-expression literal in an expression template.
_PATTERN = "{re}"

Selector = walks.Selector


# (name in trafilatura, index in its list or None for a module-level expression,
#  expression text with {re} for each pattern literal, builder)
_TEMPLATES: tuple[tuple[str, int | None, str, Callable[[Sequence[str]], Selector]], ...] = (
    ("RAW_TREE_PRUNE_XPATH", 0,
     ".//*[self::div or self::section or self::aside][ re:test(@id, {re}) or "
     "re:test(@class, {re})][ not(.//h1) or re:test(@id, {re}) or re:test(@class, {re})]",
     walks.raw_tree_prune),
    ("RAW_TREE_PRUNE_XPATH", 1,
     ".//*[self::div or self::section or self::aside]"
     "[contains(@class, 'elementor-share-buttons')]",
     walks.share_buttons),
    ("REMOVE_COMMENTS_AND_LISTS_XPATH", 0,
     ".//*[self::div or self::list or self::section or self::details or self::ol or "
     "self::ul][ re:test(@id, {re}) or re:test(@class, {re})][ not(self::ol or self::ul) "
     "or re:test(@id, {re}) or re:test(@class, {re})]",
     walks.comments_and_lists),
    ("OVERALL_DISCARD_XPATH", 0,
     ".//*[self::div or self::item or self::list or self::p or self::section or "
     "self::span][ @data-lp-replacement-content or contains(translate(@role, 'N', 'n'), "
     "'nav') or contains(@data-component, 'MostPopularStories') or "
     "re:test(@id|@class, {re}) or re:test(@id, {re}) or re:test(@class, {re})]",
     walks.overall_discard),
    ("OVERALL_DISCARD_XPATH", 1,
     ".//*[@class='comments-title' or starts-with(@id|@class, 'reply-') or "
     "re:test(@id|@style, {re}) or contains(@style, 'display:none') or "
     "contains(@style, 'display: none') or re:test(@id, {re}) or re:test(@class, {re}) "
     "or @aria-hidden='true']",
     walks.hidden_and_replies),
    ("DISCARD_IMAGE_ELEMENTS", 0,
     ".//*[self::div or self::item or self::list or self::p or self::section or "
     "self::span][ contains(@id, 'caption') or contains(@class, 'caption')]",
     walks.caption),
    ("TEASER_DISCARD_XPATH", 0,
     ".//*[self::div or self::item or self::list or self::p or self::section or "
     "self::span][ contains(translate(@id, 'T', 't'), 'teaser') or "
     "contains(translate(@class, 'T', 't'), 'teaser')]",
     walks.teaser),
    ("BODY_XPATH", 0,
     ".//*[self::article or self::div or self::main or self::section][ @class='post' or "
     "@class='entry' or @itemprop='articleBody' or @id='articleContent' or "
     "re:test(@id, {re}) or re:test(@class, {re}) ][1]",
     walks.article_body),
    ("BODY_XPATH", 2,
     "(.//*[self::article or self::div or self::main or self::section][ @role='article' or "
     "@id='article' or @id='story' or @class='postarea' or @class='art-postcontent' or "
     "@class='text' or @class='cell' or @class='story' or re:test(@id, {re}) or "
     "re:test(@class, 'fulltext', 'i') or re:test(@class, {re}) ])[1]",
     walks.story),
    ("BODY_XPATH", 3,
     "(.//*[self::article or self::div or self::main or self::section][ @id='content' or "
     "@class='content' or re:test(@id, {re}) or re:test(@class, {re}) or "
     "contains(translate(@id, 'CM','cm'), 'main-content') or "
     "contains(translate(@class, 'CM','cm'), 'main-content') or "
     "contains(translate(@class, 'CP','cp'), 'page-content') ])[1]",
     walks.main_content),
    ("BODY_XPATH", 4,
     "(.//*[self::article or self::div or self::section][ starts-with(@class, 'main') or "
     "starts-with(@id, 'main') or starts-with(@role, 'main')])[1]|(.//main)[1]",
     walks.main),
    ("BASIC_CLEAN_XPATH", None,
     ".//aside|.//div[contains(@class|@id, 'footer')]|.//fencedframe|.//footer|.//script|"
     ".//style|.//svg|.//template|.//*[re:test(@class, {re}, 'i') or "
     "re:test(@id, {re}, 'i')]",
     walks.basic_clean),
    ("AUTHOR_DISCARD_XPATHS", 0,
     ".//*[self::a or self::div or self::section or self::span][ @id='comments' or "
     "@class='comments' or @class='title' or @class='date' or re:test(@id, {re}) or "
     "re:test(@class, {re}) or contains(@data-component, 'Figure')]",
     walks.author_discard),
    ("AUTHOR_XPATHS", 0,
     "//*[self::a or self::address or self::div or self::link or self::p or self::span or "
     "self::strong][ @rel='author' or @id='author' or @class='author' or "
     "@itemprop='author name' or rel='me' or @data-testid='AuthorCard' or "
     "@data-testid='AuthorURL' or re:test(@class, {re})]|//author",
     walks.author_named),
    ("AUTHOR_XPATHS", 1,
     "//*[self::a or self::div or self::h3 or self::h4 or self::p or self::span][ "
     "@class='byline' or @class='username' or @class='byl' or @class='BBL' or "
     "contains(@itemprop, 'author') or re:test(@id, {re}) or re:test(@class, {re})]",
     walks.author_byline),
    ("AUTHOR_XPATHS", 2,
     "//*[ contains(@data-component, 'Byline') or contains(@itemprop, 'author') or "
     "re:test(@id, {re}) or re:test(@class, {re})]",
     walks.author_anywhere),
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
