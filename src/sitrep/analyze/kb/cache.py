"""The knowledge base's use of the shared on-disk cache (:mod:`sitrep.datacache`):
the built bundled KB is keyed by this package's code and its data files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from sitrep.datacache import cache_dir
from sitrep.datacache import load_cached as _load_cached

__all__ = ["cache_dir", "load_cached"]

T = TypeVar("T")

_PACKAGE_DIR = Path(__file__).resolve().parent


def load_cached(build: Callable[[], T], expected: type[T]) -> T:
    """The bundled knowledge base, from the cache when it is fresh."""
    return _load_cached("kb", [_PACKAGE_DIR, _PACKAGE_DIR / "data"], build, expected)
