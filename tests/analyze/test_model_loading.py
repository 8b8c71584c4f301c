"""Finding and loading the trained model; the pipeline order around it."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from sitrep.analyze import Analyzer
from sitrep.analyze.nlp import PIPELINE, build_pipeline
from sitrep.analyze.nlp.model import find_model, load_model
from sitrep.errors import AnalysisError, ConfigError
from sitrep.settings import Settings


def test_parse_off_means_the_rule_path(tmp_path: Path) -> None:
    assert find_model(Settings(model=tmp_path, parse=False)) is None
    assert Analyzer(Settings(parse=False)).model_path is None


def test_a_configured_model_that_is_not_one_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(AnalysisError, match="not a spaCy pipeline"):
        find_model(Settings(model=tmp_path / "missing"))


def test_a_model_without_parser_is_refused(tmp_path: Path) -> None:
    spacy.blank("en").to_disk(tmp_path / "blank")
    assert find_model(Settings(model=tmp_path / "blank")) == tmp_path / "blank"
    with pytest.raises(AnalysisError, match="no parser"):
        load_model(tmp_path / "blank")


def test_settings_read_the_model_choice_from_the_environment(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SITREP_MODEL", str(tmp_path))
    monkeypatch.setenv("SITREP_PARSE", "0")
    settings = Settings.from_env()
    assert settings.model == tmp_path
    assert settings.parse is False
    monkeypatch.setenv("SITREP_PARSE", "sometimes")
    with pytest.raises(ConfigError, match="SITREP_PARSE"):
        Settings()


def test_the_model_runs_inside_sitrep_parse(rule_analyzer: Analyzer) -> None:
    model = spacy.blank("en")
    model.add_pipe("parser")
    nlp = build_pipeline(rule_analyzer.kb, model)
    assert "parser" not in nlp.pipe_names
    assert nlp.vocab is model.vocab
    names = [n for n in nlp.pipe_names if n != "sitrep_parse"]
    assert names == list(PIPELINE)
    assert nlp.pipe_names.index("sitrep_coref") < nlp.pipe_names.index("sitrep_parse") < \
        nlp.pipe_names.index("sitrep_events")
