"""The actor finder's shortcuts change its speed, never its mentions
(sitrep.analyze.nlp.actors): the tokens it skips without reading (``_phrase_starts``,
``_starts_nothing``) are ones the full reading finds nothing at, and the remembered
name-token answers are the ones it would compute again."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Doc

from sitrep.analyze import Analyzer
from sitrep.analyze.nlp.actor_decide import _title_case_line, in_headline
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
    if "Brnabic" in text:  # a name read twice: by the owner reader, then the name reader
        assert any(tv.text[j] == "Brnabic" for j, _ in remembered)
    for j, known in remembered:
        assert finder._reads_as_name(tv, j, finder._doc_spans) is known, tv.text[j]


@pytest.mark.parametrize("line", [
    "Walking Meditation for Beginners",
    "   Walking Meditation for Beginners   ",  # padding: the stripped line is read
    " " * 200 + "How to Choose the Right Moving Company" + " " * 10,
    "Walking Meditation " * 12,  # long, title case, no padding: no heading
    "the walk went on for hours and hours and nobody said a word, " * 4,
    "\tEvery Word Capitalised Here, Over And Over Again, For A Long While " * 3 + "\t",
])
def test_a_long_line_is_judged_as_the_full_reading_would(line: str) -> None:
    # in_headline turns away long lines without copying them; the answer must be the one
    # _title_case_line gives for the whole line.
    text = f"Intro.\n{line}\nOutro."
    at = text.index(line.strip()[:4])
    assert in_headline(text, at) is _title_case_line(line)
