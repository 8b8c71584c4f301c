"""An on-disk cache of the built bundled knowledge base.

Parsing the bundled YAML with PyYAML costs several hundred milliseconds (its object
construction is pure Python), and the knowledge base is loaded on every CLI call, which
should stay under ~200 ms. So the fully built, immutable :class:`KnowledgeBase` is pickled
once into the user's cache directory, keyed by a fingerprint of the data files and of this
package's code (name, size, modification time); any edit rebuilds it. The cache is an
optimisation only: an unreadable, stale or unwritable cache falls back to parsing.

Location: ``$SITREP_CACHE_DIR``, else ``$SITREP_HOME/cache``, else
``$XDG_CACHE_HOME/sitrep`` (``~/.cache/sitrep``). ``SITREP_KB_CACHE=0`` disables it.
The pickle is only ever read from the user's own cache directory.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

__all__ = ["cache_dir", "load_cached"]

T = TypeVar("T")

_PACKAGE_DIR = Path(__file__).resolve().parent
_PREFIX = "kb-"


def cache_dir() -> Path:
    """Where the built knowledge base is cached (see the module docstring)."""
    explicit = os.environ.get("SITREP_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    home = os.environ.get("SITREP_HOME")
    if home:
        return Path(home).expanduser() / "cache"
    xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg) / "sitrep"


def _fingerprint() -> str:
    digest = hashlib.sha256()
    for path in sorted([*_PACKAGE_DIR.glob("*.py"), *(_PACKAGE_DIR / "data").glob("*")]):
        stat = path.stat()
        digest.update(f"{path.name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:24]


def _write(path: Path, value: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".kb-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    for stale in path.parent.glob(f"{_PREFIX}*.pickle"):
        if stale != path:
            stale.unlink(missing_ok=True)


def load_cached(build: Callable[[], T], expected: type[T]) -> T:
    """``build()``'s result, from the cache when it is fresh, else built and cached."""
    if os.environ.get("SITREP_KB_CACHE", "1") == "0":
        return build()
    try:
        path = cache_dir() / f"{_PREFIX}{_fingerprint()}.pickle"
    except OSError:
        return build()
    try:
        with path.open("rb") as stream:
            value = pickle.load(stream)  # the user's own cache file, never shared input
        if isinstance(value, expected):
            return value
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError,
            TypeError, ValueError):
        pass
    value = build()
    with contextlib.suppress(OSError):  # read-only home or full disk: run uncached
        _write(path, value)
    return value
