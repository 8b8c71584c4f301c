"""Coreference reads the mentions of a sentence through position indexes (the reach of the
resolved mentions so far, mentions sorted by start); here each is held against the plain
pass over every mention it replaced, with mentions in any order (text written here)."""

from __future__ import annotations

import random

import spacy

from sitrep.analyze.nlp import coref
from sitrep.analyze.nlp.records import ActorIdentity, Mention
from sitrep.analyze.nlp.sentences import sitrep_sentences


def _subject_by_full_pass(mentions: list[Mention], sentence: spacy.tokens.Span,
                          before_char: int | None, kinds: set[str]) -> ActorIdentity | None:
    for m in mentions:
        if m.actor is None or m.actor.kind not in kinds or m.locative:
            continue
        if m.start_char < sentence.start_char:
            continue
        if m.start_char >= sentence.end_char or (before_char is not None
                                                 and m.start_char >= before_char):
            break
        return m.actor
    return None


def test_subject_and_sole_country_read_what_a_full_pass_reads() -> None:
    text = " ".join(f"Word{k} word word word." for k in range(12))
    doc = sitrep_sentences(spacy.blank("en").make_doc(text))
    sentences = list(doc.sents)
    rng = random.Random(23)
    kinds = ["person", "country", "organization"]
    for _ in range(400):
        mentions = []
        for k in range(rng.randint(0, 14)):
            start = rng.randrange(len(text))
            actor = ActorIdentity(f"a{k}", f"A{k}", rng.choice(kinds),  # type: ignore[arg-type]
                                  rng.choice([None, "KEN", "UGA"]), rng.choice([None, "GOV"]))
            mentions.append(Mention(0, 1, start, start + 3, actor, "name",
                                    locative=rng.random() < 0.2))
        if rng.random() < 0.5:
            mentions.sort(key=lambda m: m.start_char)
        reach = [max(m.start_char for m in mentions[:i + 1]) for i in range(len(mentions))]
        by_start = coref._ByStart(mentions)
        for sentence in sentences:
            before = rng.choice([None, rng.randrange(len(text))])
            wanted = {rng.choice(kinds), rng.choice(kinds)}
            assert coref._subject(mentions, reach, sentence, before, wanted) is \
                _subject_by_full_pass(mentions, sentence, before, wanted)
            start, end = sentence.start_char, sentence.end_char
            assert list(by_start.between(start, end)) == \
                sorted((m for m in mentions if start <= m.start_char < end),
                       key=lambda m: m.start_char)
