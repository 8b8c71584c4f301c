"""The lemma table gives the trained lemmatizer's own lemmas."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from sitrep.analyze.nlp.lemma_table import LemmaTable, cache_lemmas
from sitrep.analyze.nlp.model import find_model, load_model
from sitrep.settings import Settings

_TEXT = ("Armed men stormed the village overnight and seized three elders, officials said. "
         "The ministers were meeting in Geneva while the rebels' leaders denied any talks.")


def _lemmas(model: object, text: str) -> list[str]:
    return [t.lemma_ for t in model(text)]  # type: ignore[operator]


def test_cached_lemmas_are_the_components_own() -> None:
    path = find_model(Settings())
    if path is None:
        pytest.skip("no trained model")
    cached = load_model(path)
    table = cached.get_pipe("trainable_lemmatizer").set_annotations.__self__
    assert isinstance(table, LemmaTable)
    plain = load_model(path)
    lemmatizer = plain.get_pipe("trainable_lemmatizer")
    del lemmatizer.set_annotations, lemmatizer._scores2guesses_top_k_equals_1
    expected = _lemmas(plain, _TEXT)
    assert _lemmas(cached, _TEXT) == expected
    assert _lemmas(cached, _TEXT) == expected  # from the table the second time
    assert table.applied
    assert {"man", "seize", "say", "meet", "deny", "talk"} <= set(expected)


def test_a_lemmatizer_that_keeps_several_guesses_is_left_alone() -> None:
    path = find_model(Settings())
    if path is None:
        pytest.skip("no trained model")
    model = load_model(path)
    lemmatizer = model.get_pipe("trainable_lemmatizer")
    del lemmatizer.set_annotations, lemmatizer._scores2guesses_top_k_equals_1
    lemmatizer.top_k = 2
    cache_lemmas(model)
    assert "set_annotations" not in vars(lemmatizer)
    doc = model(Doc(model.vocab, words=["Officials", "said", "talks", "resumed"]))
    assert all(t.lemma_ for t in doc) and doc[1].lemma_ == "say"
