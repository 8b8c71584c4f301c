"""One settings object for the whole pipeline, read from the environment once.

Passing a ``Settings`` around beats functions with a dozen keyword arguments, and
keeps every knob documented in one place (the README's configuration table mirrors it).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.errors import ConfigError

__all__ = ["Settings", "default_database_path"]

MiB = 1024 * 1024


def default_database_path() -> Path:
    """``$SITREP_HOME/sitrep.db``, else ``$XDG_DATA_HOME/sitrep/sitrep.db``
    (``~/.local/share/sitrep/sitrep.db``)."""
    home = os.environ.get("SITREP_HOME")
    if home:
        return Path(home).expanduser() / "sitrep.db"
    xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg) / "sitrep" / "sitrep.db"


def _int_env(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name}: expected an integer, got {raw!r}") from exc


def _path_env(name: str) -> Path | None:
    raw = os.environ.get(name)
    return Path(raw).expanduser() if raw else None


def _bool_env(name: str, default: bool) -> bool:
    raw = (os.environ.get(name) or "").strip().lower()
    if not raw:
        return default
    if raw in {"1", "true", "yes", "on"}:
        return True
    if raw in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"{name}: expected 1/0 (true/false), got {raw!r}")


@dataclass(frozen=True, slots=True)
class Settings:
    """Every tunable of a sitrep run.

    database_url: SQLAlchemy URL; SQLite file by default, PostgreSQL works through the same code.
    max_input_bytes: inputs larger than this are refused with a clear error (not read into memory).
    fetch_timeout: seconds for one HTTP request.
    workers: processes for extract+analyze during ingest (the database has one writer).
    actor_files: the user's own actor files (YAML/CSV) that add to or override the bundled KB.
    model: a trained spaCy pipeline directory (``SITREP_MODEL``) to parse with instead of the one
        shipped in ``sitrep/analyze/nlp/model/``; None means the shipped one, when present.
    parse: run the trained parser when a model is available (``SITREP_PARSE=0`` turns it off):
        the coder then reads who-did-what-to-whom from the parse, which is more accurate and
        slower; off, it reads them from word order (the rule path, used when no model exists).
    relevance: code events in full only in articles about public affairs (``SITREP_RELEVANCE=0``
        turns the gate off and codes every article as news; see
        :mod:`sitrep.analyze.coder.relevance`).
    """

    database_url: str = field(default_factory=lambda: f"sqlite:///{default_database_path()}")
    max_input_bytes: int = 20 * MiB
    fetch_timeout: float = 20.0
    user_agent: str = "sitrep/0.1 (+https://example.org/sitrep)"
    workers: int = 1
    actor_files: tuple[Path, ...] = ()
    model: Path | None = field(default_factory=lambda: _path_env("SITREP_MODEL"))
    parse: bool = field(default_factory=lambda: _bool_env("SITREP_PARSE", True))
    relevance: bool = field(default_factory=lambda: _bool_env("SITREP_RELEVANCE", True))

    @classmethod
    def from_env(cls) -> Settings:
        """Read ``SITREP_*`` variables; anything unset keeps its default."""
        url = os.environ.get("SITREP_DATABASE_URL") or f"sqlite:///{default_database_path()}"
        actors = tuple(
            Path(p).expanduser()
            for p in os.environ.get("SITREP_ACTORS", "").split(os.pathsep)
            if p
        )
        return cls(
            database_url=url,
            max_input_bytes=_int_env("SITREP_MAX_INPUT_MB", 20) * MiB,
            workers=max(1, _int_env("SITREP_WORKERS", os.cpu_count() or 1)),
            actor_files=actors,
        )
