"""``sitrep_sentences`` visits only the tokens a break character falls in; here it is held
against the former walk over every token (same sentence starts), on text written for this
test with abbreviations, closing marks, newlines and datelines in every order."""

from __future__ import annotations

import random

import spacy

from sitrep.analyze.nlp import sentences as S
from sitrep.analyze.nlp.records import register_extensions, sentence_char_spans, tokens_of


def _walk_every_token(doc: spacy.tokens.Doc) -> list[int]:
    view = tokens_of(doc)
    texts, n = view.text, len(view.text)
    starts = [False] * n
    starts[0] = True
    dateline_end = S.find_dateline_end(doc.text)
    if dateline_end:
        for k, offset in enumerate(view.idx):
            if offset >= dateline_end:
                starts[k] = True
                break
    i = 0
    while i < n - 1:
        text = texts[i]
        if "\n" in text and text.isspace():
            starts[i + 1] = True
            i += 1
            continue
        if text in S._ENDERS or (text.endswith(".") and len(text) > 1):
            j = i
            while j + 1 < n and texts[j + 1] in S._CLOSERS and (
                    texts[j + 1] not in S._STRAIGHT_QUOTES
                    or view.idx[j + 1] == view.idx[j] + len(texts[j])):
                j += 1
            if j + 1 < n and S._ends_sentence(texts, i, j + 1):
                k = j + 1
                while k < n and texts[k].isspace():
                    k += 1
                if k < n:
                    starts[k] = True
            i = j + 1
            continue
        i += 1
    return [k for k, start in enumerate(starts) if start]


def test_sentence_starts_are_those_of_walking_every_token() -> None:
    register_extensions()
    nlp = spacy.blank("en")
    pieces = ["The", "talks", "ended", ".", "U.S.", "Gen.", "Smith", "said", '"', "”", "’",
              ")", "(", "...", "…", "?!", "!", "?", "\n", "\n\n", "  ", "It", "3.5", "Jan.",
              "5", "Inc.", "KYIV", ",", "Ukraine", "(AP)", "—", "'", "»", "x", "MOSCOW", "-"]
    rng = random.Random(17)
    texts = ['KYIV, Ukraine (AP) — The talks ended. "We will," he said.\nIt rained.',
             "\nStart.", "One.", ".", "U.S. The end"]
    texts += ["".join(rng.choice(pieces) + rng.choice(["", " ", " ", "\n"])
                      for _ in range(rng.randint(1, 25))) for _ in range(1500)]
    for text in texts:
        if len(nlp.make_doc(text)) < 2:  # one token: spaCy says it has its boundaries
            continue
        expected = _walk_every_token(nlp.make_doc(text))
        doc = S.sitrep_sentences(nlp.make_doc(text))
        assert [t.i for t in doc if t.is_sent_start] == expected, repr(text)


def test_sentence_char_spans_are_those_of_doc_sents() -> None:
    register_extensions()
    nlp = spacy.blank("en")
    rng = random.Random(5)
    pieces = ["The", "talks", "ended", ".", "U.S.", '"', "”", "\n", "\n\n", "It", "KYIV",
              ",", "Ukraine", "(AP)", "—", "?", "!", "x"]
    texts = ['KYIV, Ukraine (AP) — The talks ended. "We will," he said.\nIt rained.']
    texts += ["".join(rng.choice(pieces) + rng.choice(["", " ", "\n"])
                      for _ in range(rng.randint(2, 25))) for _ in range(300)]
    for text in texts:
        doc = S.sitrep_sentences(nlp.make_doc(text))
        if len(doc) < 2:
            continue
        assert sentence_char_spans(doc) == [(s.start_char, s.end_char) for s in doc.sents], \
            repr(text)
