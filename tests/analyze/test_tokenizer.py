"""The chunk cache in front of spaCy's tokenizer gives the very tokens spaCy gives."""

from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.attrs import IDX, LENGTH, LOWER, NORM, ORTH, PREFIX, SHAPE, SPACY, SUFFIX
from spacy.language import Language

from sitrep.analyze.nlp.records import WORDS_KEY, TokenView
from sitrep.analyze.nlp.tokenizer import ChunkCachedTokenizer, cached_tokenizer

_ATTRS = [ORTH, NORM, LOWER, IDX, LENGTH, SPACY, SHAPE, PREFIX, SUFFIX]

TEXTS = [
    "",
    " ",
    "word",
    "ends with a space ",
    "  two leading spaces, and   three inside.\n",
    "WASHINGTON (AP) — The U.S. Senate voted 51-49 on Tuesday, Mr. Smith said.",
    "\"We don't know,\" she said. I'm sure they'll come; it's 5 p.m. in N.Y.\n\nNext.",
    "Tabs\tand\t\tnon-breaking\xa0spaces, a line\u2028separator and a form\x0cfeed",
    "Visit https://example.org/news?id=3 or write to desk@example.org (24/7).",
    "Prices rose 3.5% to $1,200.50 — about €1.1bn — in Q3 2025...",
    "Emoji 🙂 and ‘curly’ “quotes”, an ellipsis… and a hyphenated Kremlin-backed group.",
    "can't won't shouldn't ain't y'all (don't) \"didn't\" isn't.",
    "Line one\r\nLine two \n trailing\t",
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.blank("en")


def test_same_tokens_as_spacy(nlp: Language) -> None:
    cached = cached_tokenizer(nlp.tokenizer, nlp.vocab)
    assert isinstance(cached, ChunkCachedTokenizer)
    for _ in range(2):  # a cold cache, then every chunk from the cache
        for text in TEXTS:
            expected = nlp.tokenizer(text)
            got = cached(text)
            assert got.text == text
            assert [t.text for t in got] == [t.text for t in expected]
            assert numpy.array_equal(got.to_array(_ATTRS), expected.to_array(_ATTRS)), text


def test_pipe_gives_the_docs_one_call_a_text_gives(nlp: Language) -> None:
    cached = cached_tokenizer(nlp.tokenizer, nlp.vocab)
    assert isinstance(cached, ChunkCachedTokenizer)
    docs = list(cached.pipe(TEXTS, batch_size=4))  # batches that end inside the list
    assert len(docs) == len(TEXTS)
    for text, got in zip(TEXTS, docs, strict=True):
        expected = nlp.tokenizer(text)
        assert numpy.array_equal(got.to_array(_ATTRS), expected.to_array(_ATTRS)), text


def test_a_full_cache_starts_again(nlp: Language) -> None:
    cached = ChunkCachedTokenizer(nlp.tokenizer, nlp.vocab, max_chunks=5)
    first, second = "one two three four.", "five six, seven eight nine."
    for text in (first, second, first):
        assert [t.text for t in cached(text)] == [t.text for t in nlp.tokenizer(text)]
    assert set(cached._chunks) == {"one", "two", "three", "four."}


def test_rules_that_span_whitespace_keep_the_plain_tokenizer(nlp: Language) -> None:
    other = spacy.blank("en")
    other.tokenizer.add_special_case("New York", [{"ORTH": "New York"}])
    assert cached_tokenizer(other.tokenizer, other.vocab) is other.tokenizer
    assert isinstance(cached_tokenizer(nlp.tokenizer, nlp.vocab), ChunkCachedTokenizer)


def test_a_cache_that_starts_again_within_a_text_gives_spacys_tokens(nlp: Language) -> None:
    # Parts ("word ", "  \n") are built from cached chunks: a cache emptied while a text is
    # read must still give every token and trailing space as spaCy does.
    cached = ChunkCachedTokenizer(nlp.tokenizer, nlp.vocab, max_chunks=3)
    for text in [*TEXTS, "one  two \n three four ", " \n lead and trail \n"]:
        expected = nlp.tokenizer(text)
        assert numpy.array_equal(cached(text).to_array(_ATTRS), expected.to_array(_ATTRS)), text


def test_the_words_it_leaves_are_the_tokens_texts(nlp: Language) -> None:
    # records.TokenView takes the tokenizer's word list instead of cutting each token's
    # text from the doc's text: the views must be equal.
    cached = ChunkCachedTokenizer(nlp.tokenizer, nlp.vocab, max_chunks=3)
    for text in [*TEXTS, "Mr. Smith's U.S.-backed plan isn't 3.5% ... “done”!\n\n  Then"]:
        doc = cached(text)
        assert WORDS_KEY in doc.user_data
        fast = TokenView.of(doc)
        assert WORDS_KEY not in doc.user_data  # taken once
        assert fast == TokenView.of(doc), text  # the second read cuts the words
        assert fast.text == [t.text for t in doc]
