"""``sitrep_parse``: run the trained model only on the sentences the coder will read.

A CNN parser costs ~2 ms a sentence, several times the rest of the pipeline together. Only
a sentence that names an actor and holds a trigger word can yield a coded event with roles,
so only those are parsed, and of those only the ones where the coder would read the parse
(a rule with an event type fits by word order, see ``needing_parse``); the others (bylines,
background, quotes of no actor) are coded, if at all, from word order. Each selected
sentence is parsed as a document of its own (keeping the rule boundaries) and kept in
``doc._.sitrep_parses`` keyed by the sentence's first token index; the coder maps its token
indices by that offset.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING

from spacy.attrs import SPACY
from spacy.language import Language
from spacy.tokens import Doc

from sitrep.analyze.nlp.records import Mention, sentences_of, tokens_of
from sitrep.errors import AnalysisError

if TYPE_CHECKING:
    from sitrep.analyze.coder.lexicon import Lexicon

__all__ = ["ParseComponent", "selecting_words"]

Selector = Callable[[Doc, list[tuple[int, int]]], list[tuple[int, int]]]
"""Of a doc's sentences (token ``(start, end)``), those to parse."""

MODEL_BATCH = 128
"""Sentences per model batch. Bigger is not faster: a batch's activations then overflow
the CPU caches (analysing 60 articles through ``analyze_many``: 65 ms an article with
256, 60 with 128 or 64; the parses are the same whatever the batch)."""

# Forms of "be", "have" and "do" start CAMEO patterns ("is", "has") but never code an event
# by themselves; as selectors they would send most sentences to the parser.
_AUXILIARIES = frozenset({"be", "is", "are", "was", "were", "been", "being", "am", "have",
                          "has", "had", "having", "do", "does", "did"})


def selecting_words(lexicon: Lexicon) -> frozenset[str]:
    """The words whose presence sends a sentence to the parser: the first word of some rule
    that codes an event (not only stop rules), alphabetic, not an auxiliary."""
    words: set[str] = set()
    for word, rules in lexicon.index.items():
        if any(rule.type for rule in rules):
            words.add(word)
    for word, by_keyword in lexicon.keyed.items():
        if any(rule.type for rules in by_keyword.values() for rule in rules):
            words.add(word)
    return frozenset(w for w in words if w.isalpha() and w not in _AUXILIARIES)


class ParseComponent:
    """Holds the trained pipeline (tagger, lemmatizer, parser) given with :meth:`bind`."""

    def __init__(self) -> None:
        self.model: Language | None = None
        self.trigger_words: frozenset[str] = frozenset()
        self.needing_parse: Selector | None = None

    def bind(self, model: Language, trigger_words: Collection[str],
             needing_parse: Selector | None = None) -> None:
        """``trigger_words`` is the cheap first test of a sentence; ``needing_parse(doc,
        sentences)``, when given, the coder's own finer one on those that pass it (see
        :meth:`sitrep.analyze.coder.EventCoder.needing_parse`)."""
        self.model = model
        self.trigger_words = frozenset(trigger_words)
        self.needing_parse = needing_parse

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """Parse the selected sentences of a batch of docs together (one model batch)."""
        if self.model is None:
            raise AnalysisError("sitrep_parse has no model: call bind(model, words) first")
        stream = iter(docs)
        while batch := list(islice(stream, batch_size)):
            keys: list[tuple[Doc, int]] = []
            pieces: list[Doc] = []
            for doc in batch:
                doc._.sitrep_parses = {}
                selected = self._selected(doc)
                if not selected:
                    continue
                # A new Doc from the words: Span.as_doc copies arrays of the whole doc for
                # every sentence, quadratic on long articles. The words and spaces come
                # from lists made once per doc, not from a Token object per word.
                words = tokens_of(doc).text
                spaces = doc.to_array(SPACY).astype(bool).tolist()
                for start, end in selected:
                    keys.append((doc, start))
                    starts: list[bool | int | None] = [False] * (end - start)
                    starts[0] = True
                    pieces.append(Doc(doc.vocab, words=words[start:end],
                                      spaces=spaces[start:end], sent_starts=starts))
            parsed_pieces = self.model.pipe(pieces, batch_size=MODEL_BATCH)
            for (doc, start), parsed in zip(keys, parsed_pieces, strict=True):
                doc._.sitrep_parses[start] = parsed
            yield from batch

    def _selected(self, doc: Doc) -> list[tuple[int, int]]:
        """(start, end) of each sentence with a resolved actor and a trigger word."""
        mentions: list[Mention] = [m for m in (doc._.sitrep_mentions or []) if m.actor]
        if not mentions:
            return []
        words = self.trigger_words
        # Where the trigger words are, in one pass over the doc, not one a sentence.
        hits = [i for i, word in enumerate(tokens_of(doc).lower) if word in words]
        starts = sorted(m.start for m in mentions)
        chosen: list[tuple[int, int]] = []
        k = 0
        open_starts: frozenset[int] | None = doc._.sitrep_open_sentences
        for sentence in sentences_of(doc):
            if open_starts is not None and sentence.start_char not in open_starts:
                continue
            while k < len(starts) and starts[k] < sentence.start:
                k += 1
            if k == len(starts):
                break
            if starts[k] >= sentence.end:
                continue
            at = bisect_left(hits, sentence.start)
            if at < len(hits) and hits[at] < sentence.end:
                chosen.append((sentence.start, sentence.end))
        if self.needing_parse is not None and chosen:
            return self.needing_parse(doc, chosen)
        return chosen


@Language.factory(
    "sitrep_parse",
    requires=["doc._.sitrep_mentions", "doc._.sitrep_open_sentences"],
    assigns=["doc._.sitrep_parses"],
)
def make_parse(nlp: Language, name: str) -> ParseComponent:
    return ParseComponent()
