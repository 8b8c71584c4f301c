"""Article -> Analysis: actors, PLOVER events and attributed quotes.

    analyzer = Analyzer(settings)            # builds the pipeline and the KB once
    analysis = analyzer.analyze(article)
    for analysis in analyzer.analyze_many(articles): ...   # nlp.pipe: faster in bulk

The work is done by an ordered spaCy pipeline (:mod:`sitrep.analyze.nlp`); this module
turns what the components leave on the ``Doc`` into the records of :mod:`sitrep.models`.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.analyze.nlp import ActorIdentity, Mention, build_pipeline
from sitrep.analyze.nlp.model import find_model, load_model
from sitrep.errors import AnalysisError, SitrepError
from sitrep.models import ActorMention, Analysis, Article, ResolvedActor, Span
from sitrep.settings import Settings

__all__ = ["Analyzer", "analyze_text"]

RENEW_AFTER_LEXEMES = 250_000
"""spaCy's vocabulary keeps every word it has met (a Lexeme and its strings), so a worker that
reads news for days grows without bound (about 60-80 new words an article at first, fewer
later). Past this many the pipeline is built afresh, as spaCy's maintainers advise: about
1.5 CPU-seconds, after some ten thousand articles."""
RENEW_CHECK_EVERY = 256
"""Articles between two checks of the vocabulary within one long ``analyze_many`` stream."""


class Analyzer:
    """Holds the pipeline and the knowledge base; reuse one per process.

    ``model_path`` says which trained model parses (None: the rule path, see
    :func:`sitrep.analyze.nlp.model.find_model`).
    """

    def __init__(self, settings: Settings | None = None) -> None:
        from sitrep.analyze.kb import KnowledgeBase

        self.settings = settings or Settings()
        self.renew_after_lexemes = RENEW_AFTER_LEXEMES
        self.renewals = 0
        try:
            self.kb = KnowledgeBase.load(self.settings.actor_files)
            self.model_path = find_model(self.settings)
        except SitrepError:
            raise
        except Exception as exc:  # a broken data file or spaCy setup: say so, once
            raise AnalysisError(f"cannot build the analysis pipeline: {exc}") from exc
        self.nlp: Language = self._build_pipeline()

    def _build_pipeline(self) -> Language:
        try:
            nlp = build_pipeline(
                self.kb, load_model(self.model_path) if self.model_path is not None else None,
                relevance=self.settings.relevance)
            # Build every lazy table now (gazetteer, lexicon), not inside the first article.
            warm_up = Article(origin="<warm-up>", text="The minister met officials in Paris.",
                              published=date(2020, 1, 1))
            next(self._analyses(nlp, [warm_up]))
        except SitrepError:
            raise
        except Exception as exc:  # a broken data file or spaCy setup: say so, once
            raise AnalysisError(f"cannot build the analysis pipeline: {exc}") from exc
        return nlp

    def _renew_if_grown(self) -> None:
        """Build the pipeline afresh once its vocabulary passed ``renew_after_lexemes``
        (see :data:`RENEW_AFTER_LEXEMES`); the analyses are the same either way."""
        if len(self.nlp.vocab) > self.renew_after_lexemes:
            self.nlp = self._build_pipeline()
            self.renewals += 1

    @staticmethod
    def _analyses(nlp: Language, articles: Iterable[Article]) -> Iterator[Analysis]:
        pending: deque[Article] = deque()

        def docs() -> Iterator[Doc]:
            for article in articles:
                pending.append(article)
                doc = nlp.make_doc(article.text)
                doc._.sitrep_published = article.published
                doc._.sitrep_text = article.text
                yield doc

        for doc in nlp.pipe(docs(), batch_size=64):
            yield _to_analysis(pending.popleft(), doc)

    def analyze(self, article: Article) -> Analysis:
        """Analyse one article."""
        return next(self.analyze_many([article]))

    def analyze_many(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        """Analyse articles in a stream (spaCy ``pipe``), yielding in input order."""
        stream = iter(articles)
        while chunk := list(islice(stream, RENEW_CHECK_EVERY)):
            self._renew_if_grown()
            yield from self._analyses(self.nlp, chunk)

    def resolve_actor(self, phrase: str, on: date | None = None) -> ResolvedActor | None:
        """What a short phrase names on a date ("the Kremlin leader" -> Putin); None if
        the knowledge base does not know it."""
        return self.kb.resolve(phrase, on)


def _to_analysis(article: Article, doc: Doc) -> Analysis:
    mentions: list[Mention] = doc._.sitrep_mentions or []
    by_key: dict[str, ActorMention] = {}
    order: list[ActorIdentity] = []
    for m in mentions:
        actor = m.actor
        if actor is None or m.extra.get("place_only"):
            continue
        if actor.key not in by_key:
            by_key[actor.key] = ActorMention(f"a{len(by_key) + 1}", actor.name, actor.kind,
                                             actor.country, actor.sector)
            order.append(actor)
        span = Span(m.start_char, m.end_char, article.text[m.start_char:m.end_char])
        if span not in by_key[actor.key].mentions:
            by_key[actor.key].mentions.append(span)
    return Analysis(
        article=article,
        actors=list(by_key.values()),
        events=list(doc._.sitrep_events or []),
        quotes=list(doc._.sitrep_quotes or []),
    )


_DEFAULT: Analyzer | None = None


def analyze_text(text: str, published: date | None = None) -> Analysis:
    """Analyse a piece of text with the bundled knowledge base (one shared Analyzer)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Analyzer()
    return _DEFAULT.analyze(Article(origin="<text>", text=text, published=published))
