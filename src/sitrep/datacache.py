"""An on-disk cache of built language data (knowledge base, gazetteer, event lexicon,
language identifier).

Building these from their readable YAML/JSON files costs seconds of pure-Python work
(PyYAML object construction, hundreds of thousands of index entries), paid by every CLI
call and every ingest worker. So each built, immutable object is pickled once into the
user's cache directory, keyed by a fingerprint of its source files and of the code that
builds it: the content hash of each file (name, size and modification time for a file over
``_HASHED_LIMIT``), so any edit rebuilds it, while a fresh checkout or a copied tree with the
same files reuses it. The cache is an
optimisation only: an unreadable, stale or unwritable cache falls back to building.

Location: ``$SITREP_CACHE_DIR``, else ``$SITREP_HOME/cache``, else
``$XDG_CACHE_HOME/sitrep`` (``~/.cache/sitrep``). ``SITREP_DATA_CACHE=0`` disables it
(``SITREP_KB_CACHE=0`` too, for the knowledge base's older switch). The pickles are only
ever read from the user's own cache directory, never from shared input.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator
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


_HASHED_LIMIT = 16 * 1024 * 1024
"""Files up to this size are keyed by their content (hashing the few MB of data and code
takes milliseconds); bigger ones by path, size and modification time."""


def _fingerprint(sources: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in _files(sources):
        stat = path.stat()
        if stat.st_size <= _HASHED_LIMIT:
            content = hashlib.sha256(path.read_bytes()).hexdigest()
            digest.update(f"{path.name}\0{content}\n".encode())
        else:
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


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building, pickling or unpickling: each makes
    hundreds of thousands of long-lived objects, every allocation counting towards a
    collection that walks all of them again (three times the cost of an unpickle), and none
    of them is garbage. Reference counting still frees what is dropped."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


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
    prefix = f"{namespace}-"
    try:
        path = None if _disabled(namespace) else \
            cache_dir() / f"{prefix}{_fingerprint(sources)}.pickle"
    except OSError:
        path = None
    if path is None:
        with _gc_paused():
            return build()
    try:
        with path.open("rb") as stream, _gc_paused():
            value = pickle.load(stream)  # the user's own cache file, never shared input
        if isinstance(value, expected):
            return value
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError,
            TypeError, ValueError):
        pass
    with _gc_paused():
        value = build()
        with contextlib.suppress(OSError):  # read-only home or full disk: run uncached
            _write(path, prefix, value)
    return value
