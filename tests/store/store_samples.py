"""Hand-built analyses over the project's own fixture texts (texts/*.txt).

Offsets are computed from the text, so the records are internally consistent the way the
analysis stage produces them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from sitrep.models import (
    ActorMention,
    ActorRef,
    Analysis,
    Article,
    DateRef,
    Event,
    Place,
    Quote,
    Span,
)

TEXTS = Path(__file__).resolve().parent / "texts"


def text_of(name: str) -> str:
    return (TEXTS / f"{name}.txt").read_text(encoding="utf-8")


def span(text: str, phrase: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return Span(start, start + len(phrase), phrase)


def sentence_around(text: str, phrase: str) -> tuple[str, int, int]:
    """The sentence holding ``phrase`` and the phrase's offsets."""
    start = text.index(phrase)
    stop = text.rfind(". ", 0, start)
    left = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, start) + 1)
    right = text.find(".", start) + 1
    return text[left:right], start, start + len(phrase)


def harbour_analysis(origin: str = "harbour.html", published: date | None = None) -> Analysis:
    """Fishing talks: two persons, two countries, a group without mentions, two events,
    two quotes (one without a speaker)."""
    text = text_of("harbour_talks")
    article = Article(
        origin=origin,
        text=text,
        title="Norway and Iceland try again to end the mackerel quarrel",
        authors=("Desk Reporter", "Second Writer"),
        published=published or date(2025, 3, 4),
        language="en",
        url="https://news.example.org/harbour-talks",
    )
    solberg = ActorMention("a1", "Ingrid Solberg", "person", "NOR", "GOV",
                           [span(text, "Ingrid Solberg"), span(text, "she", 0)])
    magnusson = ActorMention("a2", "Einar Magnusson", "person", "ISL", "GOV",
                             [span(text, "Einar Magnusson"), span(text, "Magnusson", 1)])
    norway = ActorMention("a3", "Norway", "country", "NOR", None, [span(text, "Norway")])
    protesters = ActorMention("a4", "environmental groups", "group", None, "ENV", [])
    sentence, start, end = sentence_around(text, "met")
    meet = Event(
        type="CONSULT", mode="visit",
        source=(norway.ref(),), target=(ActorRef("Iceland", "ISL", None),),
        date=DateRef("2025-03-04", "day", "on Tuesday"), location=Place("Tromsø", "NOR"),
        negated=False, future=False, confidence=0.87, sentence=sentence,
        start=start, end=end, trigger="met",
    )
    sentence, start, end = sentence_around(text, "protested")
    protest = Event(
        type="PROTEST", mode=None, source=(protesters.ref(),),
        target=(norway.ref(), ActorRef("Iceland", "ISL", None)),
        date=None, location=None, negated=False, future=True, confidence=0.5,
        sentence=sentence, start=start, end=end, trigger="protested",
    )
    said = span(text, "We cannot keep fighting over fish that swim across our borders every summer")
    anonymous = span(text, "Brussels welcomed the meeting")
    quotes = [
        Quote(solberg.ref(), said.text, True, said.start, said.end),
        Quote(None, anonymous.text, False, anonymous.start, anonymous.end),
    ]
    return Analysis(article, [solberg, magnusson, norway, protesters], [meet, protest], quotes)


def rail_analysis(origin: str = "rail.html", published: date | None = None) -> Analysis:
    """Rail strike: shares no actor with the harbour story except through kind-less refs."""
    text = text_of("rail_strike")
    article = Article(
        origin=origin, text=text, title="Portuguese train drivers strike over pay",
        published=published or date(2025, 5, 12), url="https://news.example.org/rail",
    )
    union = ActorMention("a1", "Marta Figueiredo", "person", "PRT", "LAB",
                         [span(text, "Marta Figueiredo")])
    minister = ActorMention("a2", "Rui Carvalho", "person", "PRT", "GOV",
                            [span(text, "Rui Carvalho"), span(text, "He urged")])
    sentence, start, end = sentence_around(text, "accused")
    accuse = Event(
        type="ACCUSE", mode="allege", source=(union.ref(),), target=(minister.ref(),),
        date=DateRef("2025-05", "month", "this month"), location=Place("Lisbon", "PRT"),
        negated=False, future=False, confidence=1.0, sentence=sentence,
        start=start, end=end, trigger="accused",
    )
    said = span(text, "They signed an agreement and then forgot about it")
    return Analysis(article, [union, minister], [accuse],
                    [Quote(union.ref(), said.text, True, said.start, said.end)])


def edited_copy(analysis: Analysis, origin: str) -> Analysis:
    """A syndicated copy: new headline, new URL, a few words of the body changed."""
    text = analysis.article.text
    for old, new in (("on Tuesday", "on Tuesday afternoon"), ("reporters", "journalists"),
                     ("Several skippers", "Many skippers")):
        text = text.replace(old, new, 1)
    article = replace(analysis.article, origin=origin, text=text,
                      title="Mackerel talks resume in Arctic Norway",
                      url=f"https://other.example.net/{origin}")
    return Analysis(article, [], [], [])
