"""Analyzers for the analysis tests: building one (KB, lexicon, gazetteer) takes seconds.

``analyzer`` is the default (the shipped model when present); ``rule_analyzer`` always reads
roles from word order; ``parsed_analyzer`` always parses, and skips when no trained model is
available (none shipped and ``SITREP_MODEL`` unset).
"""

from __future__ import annotations

import pytest

from sitrep.analyze import Analyzer
from sitrep.settings import Settings


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.fixture(scope="session")
def rule_analyzer() -> Analyzer:
    return Analyzer(Settings(parse=False))


@pytest.fixture(scope="session")
def parsed_analyzer() -> Analyzer:
    from sitrep.analyze.nlp.model import find_model

    if find_model(Settings()) is None:
        pytest.skip("no trained spaCy model (none shipped, SITREP_MODEL unset)")
    return Analyzer(Settings())
