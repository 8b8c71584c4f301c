"""One Analyzer for the analysis tests: building it (KB, lexicon, gazetteer) takes seconds."""

from __future__ import annotations

import pytest

from sitrep.analyze import Analyzer


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    return Analyzer()
