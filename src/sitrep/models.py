"""The records the pipeline stages pass along.

    ingest  -> RawDocument
    extract -> Article
    analyze -> Analysis (actors, events, quotes, each pointing at character offsets
               into ``Article.text``)
    store   -> persisted; brief reads Analysis records back

They are plain dataclasses so that every stage can be tested without the others,
and ``to_json()`` gives exactly the shapes the CLI prints (documented in the README).
Offsets are Python ``str`` indices into ``Article.text`` (code points, end exclusive).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

__all__ = [
    "ActorKind",
    "ActorMention",
    "ActorRef",
    "Analysis",
    "Article",
    "DateRef",
    "Event",
    "Place",
    "Precision",
    "Quote",
    "RawDocument",
    "ResolvedActor",
    "Span",
]

ActorKind = Literal["person", "organization", "country", "group"]
"""person: a named individual or a role holder ("the US President");
organization: a government body, party, company, armed group, IGO or NGO;
country: a state named by itself or by metonymy (Kyiv, the Kremlin);
group: an unnamed collective with a sector ("protesters", "Russian troops")."""

Precision = Literal["day", "week", "month", "year"]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input as read by ingest, before extraction.

    ``origin`` names the input in messages (path, URL, ``feed.xml#3``, ``crawl.warc.gz#12``).
    ``content`` is HTML or plain text (``kind`` says which), already decoded to ``str``.
    Feeds and JSON records may carry metadata; extraction prefers what the page itself says
    but falls back to these hints.
    """

    origin: str
    content: str
    kind: Literal["html", "text"]
    url: str | None = None
    title: str | None = None
    published: date | None = None
    authors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """A clean article: page chrome removed, metadata found."""

    origin: str
    text: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: date | None = None
    language: str | None = None
    url: str | None = None

    @property
    def content_hash(self) -> str:
        """SHA-256 of the body with whitespace collapsed: the identity used for exact re-ingest."""
        normal = " ".join(self.text.split())
        return hashlib.sha256(normal.encode("utf-8")).hexdigest()

    def header_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "authors": list(self.authors),
            "published": self.published.isoformat() if self.published else None,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article body: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor as events and quotes cite it: name, ISO-3166 alpha-3 country (or "IGO"), sector."""

    name: str
    country: str | None
    sector: str | None

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "sector": self.sector}


@dataclass(frozen=True, slots=True)
class ResolvedActor:
    """What ``sitrep actor resolve`` answers for a short phrase."""

    name: str
    country: str | None
    sector: str | None
    kind: ActorKind

    def ref(self) -> ActorRef:
        return ActorRef(self.name, self.country, self.sector)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "sector": self.sector,
                "kind": self.kind}


@dataclass(slots=True)
class ActorMention:
    """An actor found in one article, with every place it is mentioned (after coreference)."""

    id: str
    name: str
    kind: ActorKind
    country: str | None
    sector: str | None
    mentions: list[Span] = field(default_factory=list)

    def ref(self) -> ActorRef:
        return ActorRef(self.name, self.country, self.sector)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "sector": self.sector,
            "mentions": [m.to_json() for m in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class DateRef:
    """A date expression normalised against the publication date.

    ``value`` is ISO: YYYY-MM-DD for day precision, the Monday of the week for week
    precision, YYYY-MM for month, YYYY for year.
    """

    value: str
    precision: Precision
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "precision": self.precision, "text": self.text}


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country}


@dataclass(frozen=True, slots=True)
class Event:
    """One PLOVER event with its evidence: the sentence and the trigger's offsets."""

    type: str
    mode: str | None
    source: tuple[ActorRef, ...]
    target: tuple[ActorRef, ...]
    date: DateRef | None
    location: Place | None
    negated: bool
    future: bool
    confidence: float
    sentence: str
    start: int
    end: int
    trigger: str

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "mode": self.mode,
            "source": [a.to_json() for a in self.source],
            "target": [a.to_json() for a in self.target],
            "date": self.date.to_json() if self.date else None,
            "location": self.location.to_json() if self.location else None,
            "negated": self.negated,
            "future": self.future,
            "confidence": round(self.confidence, 3),
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "trigger": self.trigger,
        }


@dataclass(frozen=True, slots=True)
class Quote:
    """Something an actor said. ``direct`` is False for reported speech or a partial quote
    presented without quotation marks around the whole statement."""

    speaker: ActorRef | None
    text: str
    direct: bool
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker.to_json() if self.speaker else None,
            "text": self.text,
            "direct": self.direct,
            "start": self.start,
            "end": self.end,
        }


@dataclass(slots=True)
class Analysis:
    """Everything analysis found in one article."""

    article: Article
    actors: list[ActorMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The document ``sitrep analyze`` prints: exactly these four keys."""
        return {
            "article": self.article.header_json(),
            "actors": [a.to_json() for a in self.actors],
            "events": [e.to_json() for e in self.events],
            "quotes": [q.to_json() for q in self.quotes],
        }
