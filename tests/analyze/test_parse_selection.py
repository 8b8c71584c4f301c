"""Which sentences the model parses: only those where the coder would read a parse.

The parser is the analysis's main cost, so a sentence is parsed only when it names an actor,
holds a trigger word, and some rule with an event type fits its words (or it states a demand
or condition the lexicon does not know). Sparing the others must change no coded event:
the last test codes the same texts with and without that finer test.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import date

from spacy.tokens import Doc

from sitrep.analyze import Analyzer
from sitrep.analyze.nlp.parse import ParseComponent
from sitrep.analyze.nlp.records import sentences_of
from sitrep.models import Article

ON = date(2025, 8, 13)


def _run(analyzer: Analyzer, text: str) -> Doc:
    doc = analyzer.nlp.make_doc(text)
    doc._.sitrep_published = ON
    doc._.sitrep_text = text
    for _, component in analyzer.nlp.pipeline:
        doc = component(doc)
    return doc


def _parsed_sentences(analyzer: Analyzer, text: str) -> dict[str, bool]:
    doc = _run(analyzer, text)
    return {s.text.strip(): s.start in doc._.sitrep_parses for s in sentences_of(doc)}


def _parser(analyzer: Analyzer) -> ParseComponent:
    parse = analyzer.nlp.get_pipe("sitrep_parse")
    assert isinstance(parse, ParseComponent)
    return parse


@contextmanager
def _coarse_selection(analyzer: Analyzer) -> Iterator[None]:
    """The selection without the coder's test: every sentence with an actor and a trigger
    word is parsed."""
    parse = _parser(analyzer)
    kept = parse.needing_parse
    parse.needing_parse = None
    try:
        yield
    finally:
        parse.needing_parse = kept


def test_a_narrated_act_is_parsed_a_quoted_one_is_not(parsed_analyzer: Analyzer) -> None:
    parsed = _parsed_sentences(parsed_analyzer, (
        'Putin told reporters: "We will attack Kyiv." '
        "Russian troops attacked Ukrainian positions near Kharkiv on Monday."))
    assert parsed == {'Putin told reporters: "We will attack Kyiv."': False,
                      "Russian troops attacked Ukrainian positions near Kharkiv on Monday.": True}


def test_a_trigger_word_no_typed_rule_fits_is_not_parsed(parsed_analyzer: Analyzer) -> None:
    text = "Biden watched the game at the stadium."
    assert "watched" in _parser(parsed_analyzer).trigger_words
    with _coarse_selection(parsed_analyzer):
        assert _parsed_sentences(parsed_analyzer, text) == {text: True}
    assert _parsed_sentences(parsed_analyzer, text) == {text: False}


def test_a_stated_demand_keeps_its_parse(parsed_analyzer: Analyzer) -> None:
    text = "The European Union declared that China must open its markets within a year."
    coder = parsed_analyzer.nlp.get_pipe("sitrep_events").coder
    doc = _run(parsed_analyzer, text)
    assert coder.needing_parse(doc, [(0, len(doc))]) == [(0, len(doc))]


def test_sparing_the_parser_changes_no_event(parsed_analyzer: Analyzer) -> None:
    texts = [
        ("KYIV, Ukraine (AP) — Russian forces shelled Kharkiv overnight, the regional governor "
         "said on Tuesday. Ukraine's foreign minister urged Western allies to send more air "
         "defence systems. \"We cannot wait,\" he told reporters in Brussels. The mayor "
         "watched the football match with his family on Sunday, his office said."),
        ("Turkish President Recep Tayyip Erdogan met Hungarian Prime Minister Viktor Orban in "
         "Ankara on Friday. The two leaders signed an agreement on energy cooperation. Orban "
         "said Budapest would veto new sanctions if Brussels tried to punish it. The talks "
         "lasted three hours, and lunch was served in the palace garden."),
        ("Police in Nairobi fired tear gas at protesters who blocked roads in the city centre. "
         "The opposition leader said the government must release the detained activists. "
         "Schools stayed open and shops reopened in the afternoon."),
    ]
    articles = [Article(origin=f"<test {k}>", text=t, published=ON)
                for k, t in enumerate(texts)]
    spared = [asdict(a) for a in parsed_analyzer.analyze_many(articles)]
    with _coarse_selection(parsed_analyzer):
        coarse = [asdict(a) for a in parsed_analyzer.analyze_many(articles)]
    assert spared == coarse
    assert any(a["events"] for a in spared)
