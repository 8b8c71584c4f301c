"""The analysis pipeline: an ordered spaCy pipeline of small components, one job each.

    sitrep_sentences     token.is_sent_start          news-copy sentence rules
    sitrep_quote_marks   doc._.sitrep_quoted          quotation-mark pairs
    sitrep_dates_places  doc._.sitrep_dates/_places   sitrep.analyze.dates / .places
    sitrep_actors        doc._.sitrep_mentions        KB names, title phrases, groups, pronouns
    sitrep_coref         doc._.sitrep_mentions        pronouns/titles -> earlier actors,
                                                      "protesters in Lagos" -> NGA
    sitrep_relevance     doc._.sitrep_open_sentences  is the article about public affairs?
                                                      if not, where events may still be
    (sitrep_parse)       doc._.sitrep_parses          with a model: parsed sentences
    sitrep_quotes        doc._.sitrep_quotes          attribution
    sitrep_events        doc._.sitrep_events          PLOVER coding (sitrep.analyze.coder)

The pipeline runs on ``spacy.blank("en")``. With a trained model
(:mod:`sitrep.analyze.nlp.model`), :func:`build_pipeline` adds ``sitrep_parse``
(:mod:`sitrep.analyze.nlp.parse`), which parses only the sentences with an actor where the
coder would read a parse (a rule with an event type fits their words), each on the rule
sentence boundaries (news-copy rules split better than a parser trained on web text, which
breaks "X today rejected Y" into fragments); the coder reads those parses instead of word
order. A doc that already carries a full parse (``doc.has_annotation("DEP")``) is read as
such. The tokenizer is spaCy's behind a chunk cache (:mod:`sitrep.analyze.nlp.tokenizer`).
"""

from __future__ import annotations

from datetime import date

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from sitrep.analyze import quotes as _quotes  # noqa: F401  (registers the quote components)
from sitrep.analyze.nlp import coref as _coref  # noqa: F401  (registers sitrep_coref)
from sitrep.analyze.nlp import sentences as _sentences  # noqa: F401
from sitrep.analyze.nlp.actors import ActorFinder
from sitrep.analyze.nlp.credits import without_credits
from sitrep.analyze.nlp.parse import ParseComponent, selecting_words
from sitrep.analyze.nlp.records import (
    ActorIdentity,
    KnowledgeBaseLike,
    Mention,
    QuotedStretch,
    register_extensions,
    text_of,
)
from sitrep.analyze.nlp.tokenizer import cached_tokenizer
from sitrep.errors import AnalysisError

__all__ = [
    "PIPELINE",
    "ActorIdentity",
    "ActorsComponent",
    "KnowledgeBaseLike",
    "Mention",
    "QuotedStretch",
    "build_pipeline",
]

register_extensions()

PIPELINE = ("sitrep_sentences", "sitrep_quote_marks", "sitrep_dates_places", "sitrep_actors",
            "sitrep_coref", "sitrep_relevance", "sitrep_quotes", "sitrep_events")


class ActorsComponent:
    """``sitrep_actors``: needs a knowledge base, given with :meth:`bind` after creation
    (a KB is not a config value spaCy can serialise)."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.finder: ActorFinder | None = None

    def bind(self, kb: KnowledgeBaseLike) -> None:
        self.finder = ActorFinder(self.nlp, kb)

    def __call__(self, doc: Doc) -> Doc:
        if self.finder is None:
            raise AnalysisError("sitrep_actors has no knowledge base: call bind(kb) first")
        published: date | None = doc._.sitrep_published
        doc._.sitrep_mentions = without_credits(doc, self.finder.find(doc, published))
        return doc


@Language.factory(
    "sitrep_actors",
    requires=["doc._.sitrep_quoted"],
    assigns=["doc._.sitrep_mentions"],
)
def make_actors(nlp: Language, name: str) -> ActorsComponent:
    return ActorsComponent(nlp)


@Language.component(
    "sitrep_dates_places",
    assigns=["doc._.sitrep_dates", "doc._.sitrep_places"],
)
def sitrep_dates_places(doc: Doc) -> Doc:
    """Date and place mentions from the dates/places modules (text-level functions)."""
    from sitrep.analyze.dates import find_dates

    doc._.sitrep_dates = find_dates(text_of(doc), doc._.sitrep_published)
    try:
        from sitrep.analyze.places import find_places
    except ImportError:  # the places module is written in parallel; tolerate its absence
        doc._.sitrep_places = []
    else:
        doc._.sitrep_places = find_places(text_of(doc), doc._.sitrep_published)
    return doc


def build_pipeline(kb: KnowledgeBaseLike, model: Language | None = None,
                   relevance: bool = True) -> Language:
    """The full pipeline on ``spacy.blank("en")``; with a trained ``model`` (see
    :mod:`sitrep.analyze.nlp.model`), ``sitrep_parse`` runs it on the sentences the coder
    reads, after the actors are known and before the quotes and events. ``relevance=False``
    leaves the relevance gate out: every article is coded as news."""
    from sitrep.analyze.coder import document as _events  # noqa: F401  (registers sitrep_events)
    from sitrep.analyze.coder import relevance as _relevance  # noqa: F401  (sitrep_relevance)
    from sitrep.analyze.coder.document import EventsComponent
    from sitrep.analyze.coder.lexicon import load_lexicon

    if model is None:
        nlp = spacy.blank("en")
    else:
        nlp = spacy.blank("en", vocab=model.vocab)
        nlp.tokenizer = model.tokenizer
    for name in PIPELINE:
        nlp.add_pipe(name)
        if name == "sitrep_relevance" and model is not None:
            nlp.add_pipe("sitrep_parse")
    if not relevance:
        nlp.disable_pipe("sitrep_relevance")
    if model is not None:
        parse: object = nlp.get_pipe("sitrep_parse")
        events: object = nlp.get_pipe("sitrep_events")
        if not isinstance(parse, ParseComponent) or not isinstance(events, EventsComponent):
            raise AnalysisError("sitrep_parse or sitrep_events is not the expected component")
        # The parser is run only where the coder would read a parse (its own test).
        parse.bind(model, selecting_words(load_lexicon()), events.coder.needing_parse)
    actors: object = nlp.get_pipe("sitrep_actors")
    if not isinstance(actors, ActorsComponent):
        raise AnalysisError("sitrep_actors is not the rule-based actor component")
    actors.bind(kb)
    # The same tokens, with a cache spaCy's own switches off on most news copy. Set after
    # the actor patterns are built: their ~100,000 one-off phrases would only fill it.
    nlp.tokenizer = cached_tokenizer(nlp.tokenizer, nlp.vocab)
    return nlp
