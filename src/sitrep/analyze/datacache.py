"""An on-disk cache of built language data (knowledge base, gazetteer, event lexicon).

Building these from their readable YAML/JSON files costs seconds of pure-Python work
(PyYAML object construction, hundreds of thousands of index entries), paid by every CLI
call and every ingest worker. So each built, immutable object is pickled once into the
user's cache directory, keyed by a fingerprint of its source files and of the code that
builds it (name, size, modification time); any edit rebuilds it. The cache is an
optimisation only: an unreadable, stale or unwritable cache falls back to building.

Location: ``$SITREP_CACHE_DIR``, else ``$SITREP_HOME/cache``, else
``$XDG_CACHE_HOME/sitrep`` (``~/.cache/sitrep``). ``SITREP_DATA_CACHE=0`` disables it
(``SITREP_KB_CACHE=0`` too, for the knowledge base's older switch). The pickles are only
ever read from the user's own cache directory, never from shared input.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

__all__ = ["cache_dir", "load_cached"]

T = TypeVar("T")


def cache_dir() -> Path:
    """Where built data is cached (see the module docstring)."""
    explicit = os.environ.get("SITREP_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    home = os.environ.get("SITREP_HOME")
    if home:
        return Path(home).expanduser() / "cache"
    xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg) / "sitrep"


def _files(sources: Iterable[Path]) -> list[Path]:
    found: list[Path] = []
    for source in sources:
        if source.is_dir():
            found.extend(p for p in source.iterdir() if p.is_file() and p.suffix != ".pyc")
        elif source.is_file():
            found.append(source)
    return sorted(found)


def _fingerprint(sources: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in _files(sources):
        stat = path.stat()
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:24]


def _write(path: Path, prefix: str, value: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{prefix}", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    for stale in path.parent.glob(f"{prefix}*.pickle"):
        if stale != path:
            stale.unlink(missing_ok=True)


def _disabled(namespace: str) -> bool:
    if os.environ.get("SITREP_DATA_CACHE", "1") == "0":
        return True
    return namespace == "kb" and os.environ.get("SITREP_KB_CACHE", "1") == "0"


def load_cached(namespace: str, sources: Iterable[Path], build: Callable[[], T],
                expected: type[T]) -> T:
    """``build()``'s result, from the cache when it is fresh, else built and cached.

    ``namespace`` names the cache file ("kb", "gazetteer", "lexicon"); ``sources`` are the
    files or directories whose change must invalidate it (data files and builder code).
    """
    if _disabled(namespace):
        return build()
    prefix = f"{namespace}-"
    try:
        path = cache_dir() / f"{prefix}{_fingerprint(sources)}.pickle"
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
        _write(path, prefix, value)
    return value
