"""A chunk cache in front of spaCy's tokenizer: the same tokens, without running the affix
rules again on every word of every article.

spaCy's tokenizer splits a text at whitespace and tokenizes each chunk on its own (prefix,
suffix and infix rules, special cases such as "U.S." or "don't"), and caches the chunks it
has seen. But that cache is switched off for the rest of a text as soon as one chunk is a
special case (a flag kept for the whole text), and news copy holds one in its first lines
("U.S.", "Mr.", a lone newline): so nearly every word went through the affix regexes again,
every time. Measured on 100 extracted news articles (~2,400 tokens each), tokenizing all of
them a second time took 6.2 ms an article; through this cache 1.7 ms.

:class:`ChunkCachedTokenizer` keeps its own cache from a chunk to the tokens the wrapped
tokenizer makes of that chunk alone, and builds the ``Doc`` from those words. The result is
the same ``Doc`` (words, whitespace, offsets, and the token norms special cases set) because
spaCy's rules are per chunk: a special case can only apply where its text equals the text of
the tokens it covers, and no special-case text holds whitespace (except a lone whitespace
character, itself a whole chunk), so none can reach across chunks. :func:`cached_tokenizer`
checks that of the rules it is given and otherwise leaves the tokenizer as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from itertools import accumulate, chain, compress, islice
from operator import itemgetter

from spacy.tokens import Doc
from spacy.vocab import Vocab

from sitrep.analyze.nlp.records import WORDS_KEY

__all__ = ["ChunkCachedTokenizer", "cached_tokenizer"]

Tokenizer = Callable[[str], Doc]

# Whitespace and non-whitespace runs, as spaCy splits them (``\s`` is ``str.isspace``).
_CHUNKS = re.compile(r"\s+|\S+")
# The same runs, a word taking the one space after it (its token's trailing space): the
# parts a text is read in, each cached with its tokens' words and trailing spaces, so a
# text's Doc is built by joining cached tuples instead of a Python loop over its chunks.
_PARTS = re.compile(r"\S+ ?|\s+")

_Part = tuple[tuple[str, ...], tuple[bool, ...], tuple[tuple[int, str], ...]]
"""A part's words, their trailing spaces, and (index, norm) of those a special case set."""


def _chunk_of(part: str) -> str:
    """The chunk of a part: a word without its trailing space (the same object when none)."""
    return part[:-1] if len(part) > 1 and part[-1] == " " and not part[0].isspace() else part
MAX_CHUNKS = 100_000
"""Distinct chunks kept (about 15 MB): the cache starts again empty when a text's new chunks
would not fit (one text's own chunks are always kept while it is read)."""


class ChunkCachedTokenizer:
    """Tokenizes like ``tokenizer`` (see module doc); ``vocab`` is the tokenizer's."""

    def __init__(self, tokenizer: Tokenizer, vocab: Vocab, max_chunks: int = MAX_CHUNKS
                 ) -> None:
        self.tokenizer = tokenizer
        self.vocab = vocab
        self.max_chunks = max_chunks
        # chunk -> (its words, (index, norm) of the tokens whose norm a special case set)
        self._chunks: dict[str, tuple[tuple[str, ...], tuple[tuple[int, str], ...]]] = {}
        self._parts: dict[str, _Part] = {}  # built from _chunks, emptied with it

    def _learn(self, chunks: list[str]) -> None:
        """Tokenize the not yet cached ``chunks`` (distinct, no whitespace) in one call of the
        wrapped tokenizer, a newline between each two: one call instead of one a chunk (the
        call itself costs more than most chunks). The newline is a token of its own that no
        special case reaches across (see module doc), so each chunk is tokenized exactly as
        alone."""
        if len(self._chunks) + len(chunks) > self.max_chunks:
            self._chunks.clear()
            self._parts.clear()
        doc = self.tokenizer("\n".join(chunks))
        pieces: list[list[tuple[str, str | None]]] = [[]]
        for token in doc:
            if token.text == "\n":
                pieces.append([])
            else:
                pieces[-1].append((token.text,
                                   token.norm_ if token.norm != token.lex.norm else None))
        if len(pieces) != len(chunks):  # a tokenizer that splits otherwise: one by one
            for chunk in chunks:
                self._learn_one(chunk)
            return
        for chunk, piece in zip(chunks, pieces, strict=True):
            self._chunks[chunk] = (tuple(w for w, _ in piece),
                                   tuple((k, n) for k, (_, n) in enumerate(piece)
                                         if n is not None))

    def _learn_one(self, chunk: str) -> None:
        if len(self._chunks) >= self.max_chunks:
            self._chunks.clear()
            self._parts.clear()
        doc = self.tokenizer(chunk)
        self._chunks[chunk] = (tuple(t.text for t in doc), tuple(
            (k, t.norm_) for k, t in enumerate(doc) if t.norm != t.lex.norm))

    def __call__(self, text: str) -> Doc:
        parts = _PARTS.findall(text)
        entries = self._parts
        try:
            found = [entries[part] for part in parts]
        except KeyError:  # new words (most texts hold some): learned in one call
            found = self._learn_parts(parts)
        words = list(chain.from_iterable(map(itemgetter(0), found)))
        doc = Doc(self.vocab, words=words,
                  spaces=list(chain.from_iterable(map(itemgetter(1), found))))
        doc.user_data[WORDS_KEY] = words  # the token view's words (records.TokenView.of)
        marked = list(map(itemgetter(2), found))
        if any(marked):  # special cases that set a norm ("n't", "Mr."): where they are
            starts = [0, *accumulate(map(len, map(itemgetter(0), found)))]
            for at in compress(range(len(found)), marked):
                for k, norm in marked[at]:
                    doc[starts[at] + k].norm_ = norm
        return doc

    def _learn_parts(self, parts: list[str]) -> list[_Part]:
        """Each part's entry, learning the chunks not yet cached in one call (whitespace
        runs are few and never joined: learned one by one, in :meth:`_part`)."""
        known, chunks = self._parts, self._chunks
        unseen = [c for c in dict.fromkeys(_chunk_of(p) for p in parts if p not in known)
                  if c not in chunks and not c[0].isspace()]
        if unseen:
            self._learn(unseen)
        return [known.get(part) or self._part(part) for part in parts]

    def _part(self, part: str) -> _Part:
        """A part's entry, from its chunk's words: one space after a word is that token's
        trailing space, as in spaCy (whitespace runs themselves are tokens)."""
        chunk = _chunk_of(part)
        words, norms = self._chunks.get(chunk) or self._relearn(chunk)
        spaces = (False,) * len(words)
        if chunk is not part:
            spaces = (*spaces[:-1], True)
        self._parts[part] = entry = (words, spaces, norms)
        return entry

    def _relearn(self, chunk: str) -> tuple[tuple[str, ...], tuple[tuple[int, str], ...]]:
        """A whitespace run not seen before, or a chunk dropped when the full cache started
        again within this text."""
        self._learn_one(chunk)
        return self._chunks[chunk]

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        """Each text's Doc; the new chunks of a batch of texts are learned in one call of the
        wrapped tokenizer (many short texts, such as the knowledge base's names, would
        otherwise cost a call each)."""
        stream = iter(texts)
        while batch := list(islice(stream, batch_size)):
            known = self._chunks
            unseen = [c for c in dict.fromkeys(c for text in batch for c in _CHUNKS.findall(text))
                      if c not in known and not c[0].isspace()]
            if unseen:
                self._learn(unseen)
            for text in batch:
                yield self(text)


def cached_tokenizer(tokenizer: Tokenizer, vocab: Vocab) -> Tokenizer:
    """``tokenizer`` behind a :class:`ChunkCachedTokenizer`, or as it is when its special
    cases could reach across whitespace (a rule text with whitespace in it, beyond a lone
    whitespace character) or it is not a rule-based spaCy tokenizer."""
    rules = getattr(tokenizer, "rules", None)
    if not isinstance(rules, dict) or any(
            len(text) > 1 and any(c.isspace() for c in text) for text in rules):
        return tokenizer
    return ChunkCachedTokenizer(tokenizer, vocab)
