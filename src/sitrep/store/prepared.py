"""An analysis flattened into what the store writes, prepared away from the database.

Ingest workers send their results to the single writer through a pipe. An
:class:`~sitrep.models.Analysis` is some 400 dataclass objects (events, actor references,
spans, dates); unpickling them cost the writer ~0.5 ms an article, and turning them into
row tuples more. As nested tuples of plain values the same result unpickles in ~0.06 ms
and the writer binds the values as they come. Preparing also fingerprints the body (its
hash and MinHash signature), so the writer only compares and inserts.

``Store.save`` takes an Analysis too and prepares it itself; both give the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sitrep.models import ActorRef, Analysis, Article
from sitrep.store.copies import Fingerprint, fingerprint

__all__ = ["ActorEntry", "EventEntry", "PreparedAnalysis", "QuoteEntry", "Ref", "prepare"]

Ref = tuple[str, str | None, str | None]
"""An actor reference: (name, country, sector), as :class:`~sitrep.models.ActorRef`."""
ActorEntry = tuple[str, str, str, str | None, str | None, tuple[tuple[int, int, str], ...]]
"""An article's actor: (local id, name, kind, country, sector, mentions as
(start, end, text))."""
EventEntry = tuple[tuple[Any, ...], tuple[Ref, ...], tuple[Ref, ...]]
"""An event: (its ``events`` column values from ``type`` on, in the order of
``writing.COLUMNS``; source refs; target refs)."""
QuoteEntry = tuple[Ref | None, str, bool, int, int]
"""A quote: (speaker, text, direct, start, end)."""


@dataclass(frozen=True, slots=True)
class PreparedAnalysis:
    """What :func:`prepare` makes of an Analysis: the article, its fingerprint and its
    actors, events and quotes as plain tuples (see the aliases above)."""

    article: Article
    fingerprint: Fingerprint
    actors: tuple[ActorEntry, ...]
    events: tuple[EventEntry, ...]
    quotes: tuple[QuoteEntry, ...]


def prepare(analysis: Analysis, fingerprint_: Fingerprint | None = None) -> PreparedAnalysis:
    """Flatten ``analysis`` for :meth:`Store.save`; the body is fingerprinted unless the
    caller already did (``fingerprint_``)."""
    return PreparedAnalysis(
        article=analysis.article,
        fingerprint=fingerprint_ or fingerprint(analysis.article),
        actors=tuple(
            (actor.id, actor.name, actor.kind, actor.country, actor.sector,
             tuple((span.start, span.end, span.text) for span in actor.mentions))
            for actor in analysis.actors
        ),
        events=tuple(
            ((event.type, event.mode, event.negated, event.future, event.confidence,
              *((event.date.value, event.date.precision, event.date.text) if event.date
                else (None, None, None)),
              *((event.location.name, event.location.country) if event.location
                else (None, None)),
              event.sentence, event.start, event.end, event.trigger),
             tuple(map(_ref, event.source)), tuple(map(_ref, event.target)))
            for event in analysis.events
        ),
        quotes=tuple(
            (_ref(quote.speaker) if quote.speaker else None, quote.text, quote.direct,
             quote.start, quote.end)
            for quote in analysis.quotes
        ),
    )


def _ref(ref: ActorRef) -> Ref:
    return (ref.name, ref.country, ref.sector)
