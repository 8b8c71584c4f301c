"""What the pipeline components leave on a ``Doc``, and the knowledge-base interface they use.

Each component reads and writes these custom extensions (registered once by
:func:`register_extensions`), so components can be swapped one at a time: a trained
``ner`` + coreference model can later fill ``doc._.sitrep_mentions`` instead of the rules.

    doc._.sitrep_published   date | None          set by the Analyzer before the pipeline
    doc._.sitrep_text        str                   doc.text, cached (text_of)
    doc._.sitrep_tokens      TokenView             token strings, cached (tokens_of)
    doc._.sitrep_sents       list[Span]            sentences, cached (sentences_of)
    doc._.sitrep_quoted      list[QuotedStretch]   quote marks (sitrep_quote_marks)
    doc._.sitrep_mentions    list[Mention]         actor mentions (sitrep_actors, sitrep_coref)
    doc._.sitrep_dates       list[DateMention]     (sitrep_dates_places)
    doc._.sitrep_places      list[PlaceMention]    (sitrep_dates_places)
    doc._.sitrep_quotes      list[Quote]           (sitrep_quotes)
    doc._.sitrep_events      list[Event]           (sitrep_events)
    doc._.sitrep_parses      dict[int, Doc]        parsed sentences by first token (sitrep_parse)
    doc._.sitrep_open_sentences frozenset[int] | None  first characters of the sentences that
                                                   may hold events; None: all (sitrep_relevance)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

import numpy
from spacy.attrs import IDX, IS_ALPHA, IS_PUNCT, IS_SPACE, LENGTH
from spacy.tokens import Doc, Span

from sitrep.models import ActorKind, ActorRef, ResolvedActor

__all__ = [
    "SENTENCE_STARTS_KEY",
    "WORDS_KEY",
    "ActorIdentity",
    "KnowledgeBaseLike",
    "Mention",
    "QuotedStretch",
    "TokenView",
    "register_extensions",
    "sentence_char_spans",
    "sentences_of",
    "text_of",
    "tokens_of",
]


class KnowledgeBaseLike(Protocol):
    """The part of :class:`sitrep.analyze.kb.KnowledgeBase` the pipeline relies on."""

    def surface_forms(self) -> Iterable[tuple[str, str]]: ...

    def entry(self, entry_id: str) -> Any: ...

    def country_of(self, word: str) -> str | None: ...

    def sector_of(self, role_word: str) -> str | None: ...

    def role_word(self, word: str, head: bool = True) -> Any: ...

    def is_state_word(self, word: str) -> bool: ...

    def title_of(self, phrase: str) -> str | None: ...

    def title_sector(self, title: str) -> str: ...

    def implicit_title(self, phrase: str) -> Any: ...

    def resolve(self, phrase: str, on: date | None = None) -> ResolvedActor | None: ...
    def as_of(self, entry_id: str, on: date) -> ResolvedActor: ...

    def offices_on(self, entry_id: str, on: date) -> list[Any]: ...


@dataclass(slots=True)
class ActorIdentity:
    """One distinct actor of a document; mentions point at it, coreference merges them."""

    key: str
    name: str
    kind: ActorKind
    country: str | None
    sector: str | None
    surnames: frozenset[str] = frozenset()

    def ref(self) -> ActorRef:
        return ActorRef(self.name, self.country, self.sector)


@dataclass(slots=True)
class Mention:
    """One stretch of text naming an actor. ``actor`` is None until coreference resolves a
    pronoun. ``start``/``end`` are token indices, ``start_char``/``end_char`` text offsets."""

    start: int
    end: int
    start_char: int
    end_char: int
    actor: ActorIdentity | None
    via: str
    plural: bool = False
    locative: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class QuotedStretch:
    """Text between a pair of quotation marks: ``start``/``end`` exclude the marks."""

    start: int
    end: int
    open_mark: str
    nested: bool = False


@dataclass(frozen=True, slots=True)
class TokenView:
    """Plain lists of the token attributes the phrase reader tests, built once per doc:
    reading Python lists is many times cheaper than creating spaCy Token objects."""

    text: list[str]
    lower: list[str]
    alpha: list[bool]
    idx: list[int]
    skip: list[bool]
    entity: list[str]

    @classmethod
    def of(cls, doc: Doc) -> TokenView:
        """Read in one array copy, the words cut from the text or, when the doc comes from
        the chunk-caching tokenizer, the list of words it built the doc from
        (:data:`WORDS_KEY`): no Token object is created (that was most of the cost of
        sentence splitting)."""
        words: list[str] | None = doc.user_data.pop(WORDS_KEY, None)
        if len(doc) == 0:
            return cls([], [], [], [], [], [])
        table = doc.to_array([IDX, LENGTH, IS_ALPHA, IS_SPACE, IS_PUNCT])
        idx: list[int] = table[:, 0].tolist()
        if words is None or len(words) != len(doc):
            text = text_of(doc)
            words = [text[i:i + n] for i, n in zip(idx, table[:, 1].tolist(), strict=True)]
        lowered: dict[str, str] = {}
        lower = [lowered.get(w) or lowered.setdefault(w, w.lower()) for w in words]
        entity = [t.ent_type_ for t in doc] if doc.has_annotation("ENT_IOB") else \
            [""] * len(words)
        return cls(words, lower, table[:, 2].astype(bool).tolist(), idx,
                   numpy.logical_or(table[:, 3], table[:, 4]).tolist(), entity)


WORDS_KEY = "sitrep_tokenizer_words"
"""``doc.user_data`` key of the words the chunk-caching tokenizer built the doc from
(:mod:`sitrep.analyze.nlp.tokenizer`): the tokens' texts, taken once by
:meth:`TokenView.of` instead of cutting each from the text."""


def register_extensions() -> None:
    """Register the ``doc._.sitrep_*`` extensions (idempotent)."""
    for name in ("sitrep_tokens", "sitrep_text", "sitrep_sents", "sitrep_quoted",
                 "sitrep_mentions", "sitrep_dates", "sitrep_places", "sitrep_quotes",
                 "sitrep_events", "sitrep_parses", "sitrep_open_sentences", "sitrep_sports"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, getter=None, default=None)
    if not Doc.has_extension("sitrep_published"):
        Doc.set_extension("sitrep_published", default=None)


SENTENCE_STARTS_KEY = "sitrep_sentence_starts"
"""``doc.user_data`` key of the sentence splitter's start tokens (sorted)."""


def sentence_char_spans(doc: Doc) -> list[tuple[int, int]]:
    """The sentences' (start, end) character offsets, read from the splitter's start
    tokens and the token view where it ran: spaCy's ``doc.sents`` builds a Token object
    for every token of the doc to say the same."""
    starts: list[int] | None = doc.user_data.get(SENTENCE_STARTS_KEY)
    if starts is None or not len(doc):
        return [(s.start_char, s.end_char) for s in sentences_of(doc)]
    tv = tokens_of(doc)
    ends = [*starts[1:], len(tv.text)]
    return [(tv.idx[a], tv.idx[b - 1] + len(tv.text[b - 1]))
            for a, b in zip(starts, ends, strict=True) if b > a]


def sentences_of(doc: Doc) -> list[Span]:
    """The doc's sentences, computed once and kept in ``doc._.sitrep_sents``: spaCy's
    ``doc.sents`` walks every token on each call, and three components need them."""
    cached: list[Span] | None = doc._.sitrep_sents
    if cached is None:
        cached = list(doc.sents)
        doc._.sitrep_sents = cached
    return cached


# ``doc._.name`` builds a new accessor object on every read (about a microsecond); the
# components read the text and the token view hundreds of times a doc, so both are also
# kept under these plain ``doc.user_data`` keys once known.
_TEXT_KEY = "sitrep_text_known"
_TOKENS_KEY = "sitrep_tokens_known"


def text_of(doc: Doc) -> str:
    """``doc.text``, computed once: spaCy rebuilds it from every token on each access."""
    known: str | None = doc.user_data.get(_TEXT_KEY)
    if known is not None:
        return known
    cached: str | None = doc._.sitrep_text
    if cached is None:
        cached = doc.text
        doc._.sitrep_text = cached
    doc.user_data[_TEXT_KEY] = cached
    return cached


def tokens_of(doc: Doc) -> TokenView:
    """The doc's :class:`TokenView`, built once and shared by the components."""
    known: TokenView | None = doc.user_data.get(_TOKENS_KEY)
    if known is not None:
        return known
    cached: TokenView | None = doc._.sitrep_tokens
    if cached is None:
        cached = TokenView.of(doc)
        doc._.sitrep_tokens = cached
    doc.user_data[_TOKENS_KEY] = cached
    return cached
