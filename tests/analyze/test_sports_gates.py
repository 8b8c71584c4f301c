"""The sports readers' shortcuts find what the plain readings find (sitrep.analyze.nlp.sports,
sitrep.analyze.nlp.actor_names): patterns tried only at the tokens that may start them, and
capitalised runs skipped when no word that ends a sports name is within reach. Texts are
written for these tests."""

from __future__ import annotations

import re

import pytest

from sitrep.analyze import Analyzer
from sitrep.analyze.nlp.actor_names import _name_ends, _sports_name_end
from sitrep.analyze.nlp.records import text_of, tokens_of
from sitrep.analyze.nlp.sports import load_sports_words, pattern_starts, sporting_text

TEXTS = [
    "Real Madrid beat Getafe 2-0 in La Liga on Sunday at the Santiago Bernabeu Stadium.",
    "The midfielder signed a new contract before the FIFA World Cup in Qatar.",
    "Leicester City and the Texas Rangers met Manchester United Football Club officials.",
    "The Kansas City Chiefs beat the Philadelphia Eagles; the Boston Red Sox lost 5-3.",
    "The minister met the union on Monday, and the Arab League Council met in Cairo.",
    "A derby-themed cake; the Derby town council met. The Africa Cup of Nations final.",
    "President Joe Biden of the United States Army Rangers spoke at Old Trafford Park.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_patterns_tried_at_their_start_words_find_what_a_search_finds(text: str) -> None:
    words = load_sports_words()
    tokens = [(m.group().lower(), m.start()) for m in re.finditer(r"\w+|[^\w\s]", text)]
    lower = frozenset(t for t, _ in tokens)
    spans = [(0, len(text))]
    starts = pattern_starts(words, [t for t, _ in tokens], [at for _, at in tokens])
    assert {t for t, _ in starts} <= words.first_words
    assert sporting_text(words, text, lambda: spans, lower, starts) == \
        sporting_text(words, text, lambda: spans, lower)


@pytest.mark.parametrize("text", TEXTS)
def test_runs_without_a_name_end_are_no_sports_names(rule_analyzer: Analyzer,
                                                      text: str) -> None:
    doc = rule_analyzer.nlp(text)  # leaves the finder holding this doc's tokens and names
    finder = dict(rule_analyzer.nlp.pipeline)["sitrep_actors"].finder
    tv = tokens_of(doc)
    assert finder._doc_tokens is tv
    ends = _name_ends(finder, tv, load_sports_words())
    for context in (True, False):
        found = [_sports_name_end(finder, text_of(doc), tv, j, finder._doc_spans, context)
                 for j in range(len(tv.text))]
        if context and text in TEXTS[:4]:
            assert any(found)  # these texts do name clubs, teams and competitions
        assert [_sports_name_end(finder, text_of(doc), tv, j, finder._doc_spans, context,
                                 ends) for j in range(len(tv.text))] == found
