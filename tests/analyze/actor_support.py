"""What the actor tests read back from an analysis: every actor found in a text, under each
of its mentions' surface words (one helper, so every test reads actors the same way)."""

from __future__ import annotations

from datetime import date

from sitrep.analyze import analyze_text

__all__ = ["actors"]


def actors(text: str, published: date) -> dict[str, tuple[str | None, str | None]]:
    """Every actor found in ``text`` as of ``published``, each under every mention's surface
    text, as (country, sector)."""
    analysis = analyze_text(text, published)
    found: dict[str, tuple[str | None, str | None]] = {}
    for actor in analysis.actors:
        for span in actor.mentions:
            found[text[span.start:span.end]] = (actor.country, actor.sector)
    return found
