"""The actor finder's shortcuts change its speed, never its mentions
(sitrep.analyze.nlp.actors): the tokens it skips without reading (``_phrase_starts``,
``_starts_nothing``) are ones the full reading finds nothing at, and the remembered
name-token answers are the ones it would compute again."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Doc

from sitrep.analyze import Analyzer
from sitrep.analyze.nlp.actors import ActorFinder
from sitrep.analyze.nlp.records import tokens_of

ON = date(2025, 6, 1)

TEXTS = [
    "The government said the president of Ukraine would visit the Kremlin on Monday.",
    "Mali's junta denied it; the regime blamed the administration and the junta.",
    "The and Defence Minister Jane Holloway met the 's group and the Kremlin leader.",
    "Ana Brnabic's opposition coalition and Putin's troops crossed the river.",
    "The World Food Programme said the agency had run out of money in Kyiv.",
    "Walking Meditation for Beginners\nHow to Choose the Right Moving Company\n"
    "It Costs Less to start, she said, and Enter AI helps.",
    "Former prime minister Kwame Asante and the Nigerian army's spokesman spoke. "
    "Asante said the anti-NATO protesters and the Bosnian Serb forces left.",
    "the minister said the police and the opposition leaders, the troops and the "
    "ruling party had agreed. They said it was over.",
    "Doctors from Norway and troops from Finland and Sweden arrived; a Greek-owned ship "
    "and Iraqi Kurds followed the Thai F-16 jet.",
]


@pytest.fixture(scope="module")
def finder(analyzer: Analyzer) -> ActorFinder:
    component = analyzer.nlp.get_pipe("sitrep_actors")
    found: ActorFinder = component.finder
    return found


def _doc(analyzer: Analyzer, text: str) -> Doc:
    doc = analyzer.nlp.make_doc(text)
    doc._.sitrep_published = ON
    doc._.sitrep_text = text
    return analyzer.nlp(doc)


@pytest.mark.parametrize("text", TEXTS)
def test_the_gates_skip_only_tokens_that_start_nothing(
        analyzer: Analyzer, finder: ActorFinder, text: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    doc = _doc(analyzer, text)
    gated = finder.find(doc, ON)
    assert gated, "the text should name someone"
    # Without the title gate every token is read in full (the documented slow path).
    monkeypatch.setattr(finder, "_phrase_words", None)
    monkeypatch.setattr(finder, "_title_starts", None)
    assert finder.find(doc, ON) == gated


@pytest.mark.parametrize("text", TEXTS)
def test_remembered_name_tokens_are_the_computed_ones(
        analyzer: Analyzer, finder: ActorFinder, text: str) -> None:
    doc = _doc(analyzer, text)
    finder.find(doc, ON)
    tv = tokens_of(doc)
    remembered = [(j, known) for j, known in enumerate(finder._name_tokens)
                  if known is not None]
    assert remembered
    for j, known in remembered:
        assert finder._reads_as_name(tv, j, finder._doc_spans) is known, tv.text[j]
