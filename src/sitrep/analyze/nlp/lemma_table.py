"""The trained lemmatizer's lemmas, with its per-token Python loops made cheaper.

spaCy's edit-tree lemmatizer picks each token's best edit tree (one matrix product, fast)
and then, token by token in Python, asks whether the tree applies to the word, builds a
``Token`` to read the word, applies the tree again and writes the lemma through another
``Token``: on the sentences the coder parses that was most of the lemmatizer's time. The
same (tree, word) pairs recur across sentences and articles, so :func:`cache_lemmas`
gives the component a table of applied trees, reads the words once per sentence and writes
all its lemmas in one array. The lemmas are exactly the component's own: the same tree is
chosen and applied by the same code; only repeated work is skipped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy
from spacy.attrs import LEMMA, ORTH
from spacy.language import Language
from spacy.pipeline import EditTreeLemmatizer
from spacy.tokens import Doc

from sitrep.errors import AnalysisError

__all__ = ["LemmaTable", "cache_lemmas"]

_MAX_ENTRIES = 500_000
"""Applied (tree, word) pairs kept; the table starts afresh beyond (a long-running ingest
meets ever new words, and a cleared table only costs recomputation)."""


class LemmaTable:
    """``lemmatizer.trees.apply(tree, word)`` remembered per (tree, word), the word given by
    its ``ORTH`` id: the words are read in one array a doc, with no ``Token`` per word."""

    def __init__(self, lemmatizer: EditTreeLemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.applied: dict[tuple[int, int], str | None] = {}

    def apply(self, tree: int, orth: int, doc: Doc) -> str | None:
        key = (tree, orth)
        try:
            return self.applied[key]
        except KeyError:
            if len(self.applied) >= _MAX_ENTRIES:
                self.applied.clear()
            found: str | None = self.lemmatizer.trees.apply(tree, doc.vocab.strings[orth])
            self.applied[key] = found
            return found

    def guesses(self, docs: Sequence[Doc], scores: Sequence[Any]) -> list[Any]:
        """The component's ``_scores2guesses_top_k_equals_1``: each token's best tree,
        or -1 where that tree does not apply to the word."""
        labels = self.lemmatizer.cfg["labels"]
        ops = self.lemmatizer.numpy_ops
        found = []
        for doc, doc_scores in zip(docs, scores, strict=False):
            best = ops.asarray(doc_scores.argmax(axis=1)).tolist()
            found.append(numpy.array([
                labels[label] if self.apply(labels[label], orth, doc) is not None else -1
                for label, orth in zip(best, doc.to_array(ORTH).tolist(), strict=False)]))
        return found

    def set_annotations(self, docs: Iterable[Doc], batch_tree_ids: Sequence[Any]) -> None:
        """The component's ``set_annotations``: the lemma of each token that has none (or
        of every token, with ``overwrite``), the word itself's attribute ``backoff`` where
        no tree applies; all of a doc's lemmas written in one array."""
        lemmatizer = self.lemmatizer
        for doc, tree_ids in zip(docs, batch_tree_ids, strict=False):
            if hasattr(tree_ids, "get"):
                tree_ids = tree_ids.get()
            lemmas: list[int] = doc.to_array(LEMMA).tolist()
            orths = doc.to_array(ORTH).tolist()
            strings = doc.vocab.strings
            for j, tree in enumerate(tree_ids.tolist()):
                if not (lemmatizer.overwrite or lemmas[j] == 0):
                    continue
                if tree == -1:
                    if lemmatizer.backoff is not None:
                        lemmas[j] = getattr(doc[j], lemmatizer.backoff)
                else:
                    lemma = self.apply(tree, orths[j], doc)
                    if lemma is None:
                        raise AnalysisError(f"lemmatizer: edit tree {tree} does not apply to "
                                            f"{doc.vocab.strings[orths[j]]!r}")
                    lemmas[j] = strings.add(lemma)
            table: Any = numpy.array(lemmas, dtype=numpy.uint64)
            doc.from_array([LEMMA], table)


def cache_lemmas(nlp: Language) -> None:
    """Give ``nlp``'s edit-tree lemmatizers a :class:`LemmaTable` (those that keep one
    guess per token, as the shipped model does; any other setting is left as it is)."""
    for _, component in nlp.pipeline:
        if type(component) is not EditTreeLemmatizer or component.top_k != 1:
            continue
        table = LemmaTable(component)
        # The component calls these through ``self``: instance attributes come first.
        component._scores2guesses_top_k_equals_1 = table.guesses  # type: ignore[method-assign]
        component.set_annotations = table.set_annotations  # type: ignore[method-assign]
