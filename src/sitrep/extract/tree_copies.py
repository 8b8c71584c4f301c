"""Two of trafilatura's whole-tree copies that sitrep's passes never read, left unmade.

Every extraction pass of trafilatura (``trafilatura.core``) copies the page tree several
times. Two of those copies are read only in modes sitrep's passes may not be in:

- ``_prepare_tree`` keeps a copy of the cleaned tree from before tag conversion. It is read
  by the comparison with readability/justext (skipped in ``fast`` mode) and by the forum
  path of comment extraction (only with comments on). sitrep's first pass is ``fast`` with
  comments off: the copy is made and dropped unread.
- ``_extract_and_compare`` copies the raw tree for readability before calling
  ``compare_extraction``, whose first step returns at once in recall mode when the text
  is long enough (``len(text) > min_extracted_size * 10``). sitrep's ``favor_recall`` pass
  is nearly always such a case: the copy is made and dropped unread.

A copy costs about half a millisecond on a news page; together these were about 0.5 ms of
the ~20 ms sitrep spends extracting a page. The replacements below are the originals with
the copies skipped in exactly those cases, so every pass returns what it returned before
(tests/extract/test_tree_copies.py checks the bodies against the originals).

``install`` swaps them in only when trafilatura's functions are the very ones read here
(their source text's SHA-256 hash): a release that changes them keeps its own.
"""

from __future__ import annotations

import hashlib
import inspect
from copy import copy
from typing import Any

import trafilatura.core

# Read as a plain namespace: the names used are trafilatura's own imports, not its exports.
trafilatura_core: Any = trafilatura.core

__all__ = ["install", "installed"]

# SHA-256 of the source of the functions replaced here, as in trafilatura 2.3.1.
_KNOWN_SOURCES = {
    "_prepare_tree": "9595f0642825c2c7ca61f5f311b0070b1cfaaca7009a7d916bce8eeff9b93e34",
    "_extract_and_compare": "f7d056c2118222e8ffb17e32d4796ccbddc452936d7177e27c53fb6d39b8f6e6",
}


def _prepare_tree(tree: Any, options: Any, url: str | None) -> tuple[Any, Any]:
    """Clean and convert a raw tree: (converted, pre-conversion backup or None).

    The backup is None where nothing reads it: a ``fast`` pass with comments off.
    """
    cleaned = trafilatura_core.tree_cleaning(copy(tree), options)
    backup = copy(cleaned) if not options.fast or options.comments else None
    return trafilatura_core.convert_tags(cleaned, options, url), backup


def _extract_and_compare(cleaned_tree: Any, cleaned_tree_backup: Any, tree: Any,
                         options: Any) -> tuple[Any, str]:
    """The main extractor, then the comparison with the external extractors unless in
    ``fast`` mode; the comparison's own recall bypass is taken before the raw tree is
    copied for it."""
    postbody, temp_text = trafilatura_core.extract_content(cleaned_tree, options)
    if options.fast:
        return postbody, temp_text
    if options.focus == "recall" and len(temp_text) > options.min_extracted_size * 10:
        return postbody, temp_text
    compared: tuple[Any, str] = trafilatura_core.compare_extraction(
        cleaned_tree_backup, copy(tree), postbody, temp_text, options)
    return compared


_REPLACEMENTS = {"_prepare_tree": _prepare_tree, "_extract_and_compare": _extract_and_compare}
_INSTALLED: list[str] = []
_ORIGINALS: dict[str, Any] = {}  # name -> trafilatura's own function, once replaced


def _source_hash(function: Any) -> str | None:
    try:
        source = inspect.getsource(function)
    except (OSError, TypeError):
        return None
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


def install() -> None:
    """Swap the replacements into ``trafilatura.core`` where its functions are the known
    ones; calling it again changes nothing."""
    for name, replacement in _REPLACEMENTS.items():
        current = getattr(trafilatura_core, name, None)
        if current is replacement:
            continue
        if current is not None and _source_hash(current) == _KNOWN_SOURCES[name]:
            _ORIGINALS.setdefault(name, current)
            setattr(trafilatura_core, name, replacement)
            if name not in _INSTALLED:
                _INSTALLED.append(name)


def installed() -> list[str]:
    """The names of the trafilatura functions ``install`` replaced."""
    return list(_INSTALLED)
