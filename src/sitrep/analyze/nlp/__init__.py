"""The analysis pipeline: an ordered spaCy pipeline of small components, one job each.

    sitrep_sentences     token.is_sent_start          (first: a parser keeps its boundaries)
    sitrep_quote_marks   doc._.sitrep_quoted          quotation-mark pairs
    sitrep_dates_places  doc._.sitrep_dates/_places   sitrep.analyze.dates / .places
    sitrep_actors        doc._.sitrep_mentions        KB names, title phrases, groups, pronouns
    sitrep_coref         doc._.sitrep_mentions        pronouns/titles -> earlier actors,
                                                      "protesters in Lagos" -> NGA
    sitrep_quotes        doc._.sitrep_quotes          attribution
    sitrep_events        doc._.sitrep_events          PLOVER coding (sitrep.analyze.coder)

Without a model the pipeline runs on ``spacy.blank("en")``. With one
(:mod:`sitrep.analyze.nlp.model`), :func:`build_pipeline` puts its tagger, lemmatizer and
parser after ``sitrep_sentences`` and before the rest, and the coder reads the parse
(``doc.has_annotation("DEP")``) instead of word order.
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
from sitrep.analyze.nlp.records import (
    ActorIdentity,
    KnowledgeBaseLike,
    Mention,
    QuotedStretch,
    register_extensions,
    text_of,
)
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
            "sitrep_coref", "sitrep_quotes", "sitrep_events")


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
        doc._.sitrep_mentions = self.finder.find(doc, published)
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
        doc._.sitrep_places = find_places(text_of(doc))
    return doc


def build_pipeline(kb: KnowledgeBaseLike, base: Language | None = None) -> Language:
    """The full pipeline over ``base`` (a trained model) or ``spacy.blank("en")``."""
    from sitrep.analyze.coder import events as _events  # noqa: F401  (registers sitrep_events)

    nlp = base if base is not None else spacy.blank("en")
    for name in PIPELINE:
        if name == "sitrep_sentences" and "parser" in nlp.pipe_names:
            # In front of the parser, which keeps preset boundaries: news-copy rules split
            # better than a parser trained on web text, which breaks "X today rejected Y"
            # into fragments, and a sentence wrongly split loses its subject.
            nlp.add_pipe(name, first=True)
        else:
            nlp.add_pipe(name)
    actors: object = nlp.get_pipe("sitrep_actors")
    if not isinstance(actors, ActorsComponent):
        raise AnalysisError("sitrep_actors is not the rule-based actor component")
    actors.bind(kb)
    return nlp
