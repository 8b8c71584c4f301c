"""Briefs: what a stored corpus, or one article, says: key actors, events by actor pair
and type with their evidence sentences, quotes by speaker, a timeline and trends."""

from sitrep.brief.build import Brief, BriefOptions, build_brief
from sitrep.brief.render import BriefFormat, render

__all__ = ["Brief", "BriefFormat", "BriefOptions", "build_brief", "render"]
