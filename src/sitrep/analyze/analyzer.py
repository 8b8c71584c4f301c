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

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.analyze.nlp import ActorIdentity, Mention, build_pipeline
from sitrep.analyze.nlp.model import find_model, load_model
from sitrep.errors import AnalysisError, SitrepError
from sitrep.models import ActorMention, Analysis, Article, ResolvedActor, Span
from sitrep.settings import Settings

__all__ = ["Analyzer", "analyze_text"]


class Analyzer:
    """Holds the pipeline and the knowledge base; reuse one per process.

    ``model_path`` says which trained model parses (None: the rule path, see
    :func:`sitrep.analyze.nlp.model.find_model`).
    """

    def __init__(self, settings: Settings | None = None) -> None:
        from sitrep.analyze.kb import KnowledgeBase

        self.settings = settings or Settings()
        try:
            self.kb = KnowledgeBase.load(self.settings.actor_files)
            model = find_model(self.settings)
            self.model_path = model
            self.nlp: Language = build_pipeline(
                self.kb, load_model(model) if model is not None else None)
            # Build every lazy table now (gazetteer, lexicon), not inside the first article.
            self.analyze(Article(origin="<warm-up>", text="The minister met officials in Paris.",
                                 published=date(2020, 1, 1)))
        except SitrepError:
            raise
        except Exception as exc:  # a broken data file or spaCy setup: say so, once
            raise AnalysisError(f"cannot build the analysis pipeline: {exc}") from exc

    def _doc(self, article: Article) -> Doc:
        doc = self.nlp.make_doc(article.text)
        doc._.sitrep_published = article.published
        doc._.sitrep_text = article.text
        return doc

    def analyze(self, article: Article) -> Analysis:
        """Analyse one article."""
        return next(self.analyze_many([article]))

    def analyze_many(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        """Analyse articles in a stream (spaCy ``pipe``), yielding in input order."""
        pending: deque[Article] = deque()

        def docs() -> Iterator[Doc]:
            for article in articles:
                pending.append(article)
                yield self._doc(article)

        for doc in self.nlp.pipe(docs(), batch_size=64):
            yield _to_analysis(pending.popleft(), doc)

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
