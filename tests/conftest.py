"""Fixtures shared by the whole suite.

``shared_dir`` points at ../shared (the project's data and docs, beside the repo); tests
that read it skip cleanly when it is absent, as on a user's fresh clone.
``sqlite_url`` gives a fresh SQLite database file per test.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SITREP_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "data").is_dir():
        pytest.skip(f"../shared is absent ({SHARED}): data-backed checks skipped")
    return SHARED


@pytest.fixture()
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'sitrep.db'}"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory,
                   monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Never let a test touch the user's real database."""
    home = tmp_path_factory.mktemp("sitrep-home")
    monkeypatch.setenv("SITREP_HOME", str(home))
    monkeypatch.delenv("SITREP_DATABASE_URL", raising=False)
    yield
