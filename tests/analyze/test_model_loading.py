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



def _blas_flags(nlp: spacy.language.Language) -> set[bool]:
    return {layer.ops.use_blis for _, component in nlp.pipeline
            for layer in component.model.walk()}


def test_numpy_products_parse_exactly_as_blis_does() -> None:
    from sitrep.analyze.nlp.model import SHIPPED_MODEL, use_numpy_products

    if find_model(Settings()) != SHIPPED_MODEL:
        pytest.skip("no shipped model")
    exclude = ["ner", "entity_ruler", "senter", "tagger"]
    with_blis, with_numpy = (spacy.load(SHIPPED_MODEL, exclude=exclude) for _ in range(2))
    use_numpy_products(with_numpy)
    assert _blas_flags(with_blis) == {True} and _blas_flags(with_numpy) == {False}
    text = ("The foreign minister of Ghana accused the rebels on Tuesday of shelling "
            "villages near the border, and the army said it would retaliate.")

    def annotations(nlp: spacy.language.Language) -> list[tuple[str, str, str, int]]:
        return [(t.pos_, t.lemma_, t.dep_, t.head.i) for t in nlp(text)]

    assert annotations(with_numpy) == annotations(with_blis)
    assert any(dep == "nsubj" for _, _, dep, _ in annotations(with_blis))


def test_numpy_products_only_with_one_blas_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    from sitrep.analyze.nlp.model import SHIPPED_MODEL, one_blas_thread

    for variable in ("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS"):
        monkeypatch.delenv(variable, raising=False)
    assert not one_blas_thread()
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    assert one_blas_thread()
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "4")  # OpenBLAS reads its own first
    assert not one_blas_thread()
    if find_model(Settings()) != SHIPPED_MODEL:
        return
    assert _blas_flags(load_model(SHIPPED_MODEL)) == {True}
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "1")
    assert _blas_flags(load_model(SHIPPED_MODEL)) == {False}


def test_a_grown_vocabulary_is_renewed_and_the_analyses_stay_the_same() -> None:
    from datetime import date

    from sitrep.models import Article

    articles = [
        Article(origin=f"a{i}", published=date(2025, 3, 3), text=text) for i, text in enumerate([
            "Quorvian troops shelled the border town of Zelmarsk on Monday, officials said.",
            "The Finnish president met the Estonian prime minister in Tallinn on Friday.",
            "Protesters in Nairobi demanded the resignation of the interior minister.",
        ])
    ]
    renewing = Analyzer()
    before = list(renewing.analyze_many(articles))
    renewing.renew_after_lexemes = len(renewing.nlp.vocab) - 1
    old_pipeline = renewing.nlp
    after = list(renewing.analyze_many(articles[1:]))
    assert renewing.renewals == 1 and renewing.nlp is not old_pipeline
    assert "Zelmarsk" in old_pipeline.vocab and "Zelmarsk" not in renewing.nlp.vocab
    assert after == before[1:]
