"""Cheaper, equivalent forms of trafilatura's regular-expression XPath expressions.

trafilatura prunes and locates page sections with XPath expressions that call EXSLT's
``re:test(@class, '...')``. lxml implements EXSLT regular expressions in Python, so each
call is a round trip from libxml2 into the interpreter, made for every candidate element
and every ``re:test`` in the expression, even for the (most) elements that have no such
attribute at all. On news pages these callbacks were about a third of extraction time.

``guard_expression`` rewrites ``re:test(@id|@class, P)`` as
``((@id or @class) and re:test(@id|@class, P))``: XPath's ``and`` stops at a missing
attribute without leaving libxml2. The result is the same node set, because a missing
attribute reaches ``re:test`` as the empty string, and the rewrite is made only where the
pattern (with its flags) does not match the empty string. ``install`` swaps the guarded
expressions into trafilatura's own lists in place, so every module that imported a list
sees them; it is idempotent, and an expression it cannot read safely is left as it was.
tests/extract/test_xpath_guards.py checks the node sets against the originals.
"""

from __future__ import annotations

import re
import sys
from collections.abc import MutableSequence

from lxml.etree import XPath  # type: ignore[import-untyped]

__all__ = ["guard_expression", "install", "rewrites"]

REGEXP_NS = "http://exslt.org/regular-expressions"

# re:test( followed by one attribute or a union of attributes, then the pattern literal.
_CALL = re.compile(r"re:test\(\s*(?P<attrs>@[\w-]+(?:\s*\|\s*@[\w-]+)*)\s*,\s*")
_LITERAL = re.compile(r"'(?P<single>[^']*)'|\"(?P<double>[^\"]*)\"")
_FLAGS = re.compile(r"\s*,\s*'(?P<flags>[a-z]*)'\s*\)|\s*\)")


def _matches_empty(pattern: str, flags: str) -> bool:
    """Whether ``re:test('', pattern, flags)`` would be true (so a guard would change it)."""
    re_flags = re.IGNORECASE if "i" in flags else 0
    try:
        return re.search(pattern, "", re_flags) is not None
    except re.error:
        return True  # unreadable here: leave the call unguarded


def guard_expression(path: str) -> str:
    """``path`` with each safely guardable ``re:test`` call behind an attribute test."""
    pieces: list[str] = []
    position = 0
    for call in _CALL.finditer(path):
        if call.start() < position:
            continue
        literal = _LITERAL.match(path, call.end())
        if literal is None:
            continue
        closing = _FLAGS.match(path, literal.end())
        if closing is None:
            continue
        pattern = literal.group("single")
        if pattern is None:
            pattern = literal.group("double")
        if _matches_empty(pattern, closing.group("flags") or ""):
            continue
        attributes = [a.strip() for a in call.group("attrs").split("|")]
        exists = " or ".join(attributes)
        pieces.append(path[position:call.start()])
        pieces.append(f"(({exists}) and {path[call.start():closing.end()]})")
        position = closing.end()
    if not pieces:
        return path
    pieces.append(path[position:])
    return "".join(pieces)


def _guarded(expression: XPath, done: dict[int, XPath]) -> XPath:
    """The guarded form of ``expression``, made once per expression object."""
    if id(expression) in done:
        return done[id(expression)]
    rewritten = guard_expression(expression.path)
    guarded = expression
    if rewritten != expression.path:
        guarded = XPath(rewritten, namespaces={"re": REGEXP_NS})
        _REWRITES.append((expression.path, rewritten))
    done[id(expression)] = done[id(guarded)] = guarded
    return guarded


_DONE: dict[int, XPath] = {}
_REWRITES: list[tuple[str, str]] = []


def rewrites() -> list[tuple[str, str]]:
    """(original, guarded) expression text of every rewrite ``install`` has made."""
    return list(_REWRITES)


def install() -> None:
    """Swap guarded expressions into every loaded trafilatura module.

    Lists are changed in place (modules that imported a list share it); a module-level
    expression is rebound in each module holding it. Calling it again changes nothing.
    """
    import trafilatura  # noqa: F401  (loads the modules that hold the expressions)

    for name, module in list(sys.modules.items()):
        if not name.startswith("trafilatura") or module is None:
            continue
        for attribute, value in list(vars(module).items()):
            if isinstance(value, XPath) and "re:test" in value.path:
                setattr(module, attribute, _guarded(value, _DONE))
            elif isinstance(value, list) and value and all(isinstance(x, XPath) for x in value):
                _guard_list(value)


def _guard_list(expressions: MutableSequence[XPath]) -> None:
    for index, expression in enumerate(expressions):
        if "re:test" in expression.path:
            expressions[index] = _guarded(expression, _DONE)
