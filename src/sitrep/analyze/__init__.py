"""Article -> Analysis: actors, PLOVER events and attributed quotes.

    analyzer = Analyzer(settings)            # builds the pipeline and the KB once
    analysis = analyzer.analyze(article)
    for analysis in analyzer.analyze_many(articles): ...   # nlp.pipe: faster in bulk

The work is done by an ordered spaCy pipeline (:mod:`sitrep.analyze.nlp`). Importing this
package does not import spaCy: ``sitrep actor resolve`` needs only the knowledge base
(:mod:`sitrep.analyze.kb`) and answers in a fraction of the time; the pipeline loads the
first time :class:`Analyzer` is asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sitrep.analyze.analyzer import Analyzer, analyze_text

__all__ = ["Analyzer", "analyze_text"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from sitrep.analyze import analyzer

        return getattr(analyzer, name)
    raise AttributeError(f"module 'sitrep.analyze' has no attribute {name!r}")
