"""Document-level event coding: every sentence of a doc coded into
:class:`~sitrep.models.Event` records with their evidence offsets, the date of the
trigger's own clause and the place the sentence happens (the ``sitrep_events`` component).

:mod:`sitrep.analyze.coder.events` reads one sentence's triggers and parties; this module
puts each event back into its article: where it happened (not a place of a background
clause; for a statement, not a place inside what was said: :mod:`.event_places`), when
(:mod:`sitrep.analyze.event_dates`), and the country unnamed parties take from the place or
from the police and courts acting. A game's result is no event (:mod:`.games`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.analyze.coder.event_places import SAYING_TYPES, said_places
from sitrep.analyze.coder.events import code_sentence
from sitrep.analyze.coder.games import without_games
from sitrep.analyze.coder.lexicon import Lexicon, load_lexicon
from sitrep.analyze.coder.readings import stated_condition, stated_demand
from sitrep.analyze.coder.refine import PLACE_DIRECTED, place_source, place_target, trigger_clause
from sitrep.analyze.coder.relevance import keep_relevant
from sitrep.analyze.coder.triggers import annotated, may_code
from sitrep.analyze.nlp.records import Mention, QuotedStretch, sentences_of, text_of, tokens_of
from sitrep.analyze.place_clauses import in_background_clause
from sitrep.analyze.places import PlaceMention, location_for_span
from sitrep.models import ActorRef, Event, Place

__all__ = ["EventCoder", "EventsComponent"]

_DOMESTIC_SECTORS = frozenset({"COP", "JUD"})


class EventCoder:
    """Codes the sentences of a doc into :class:`~sitrep.models.Event` records."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def code(self, doc: Doc) -> list[Event]:
        from sitrep.analyze.event_dates import date_for_trigger, trigger_offset

        mentions: list[Mention] = [m for m in (doc._.sitrep_mentions or []) if m.actor]
        quoted = [q for q in (doc._.sitrep_quoted or []) if not q.nested]
        events: list[Event] = []
        date_mentions = doc._.sitrep_dates or []
        place_mentions = doc._.sitrep_places or []
        view = tokens_of(doc)
        text = text_of(doc)
        parses: dict[int, Doc] = doc._.sitrep_parses or {}
        whole = doc if annotated(doc, "DEP") else None
        sentences = sentences_of(doc)
        by_sentence = _mentions_by_sentence(mentions, quoted, [s.start for s in sentences])
        # An article not about public affairs is coded only where it may be (relevance.py).
        open_starts: frozenset[int] | None = doc._.sitrep_open_sentences
        for sentence, in_sentence in zip(sentences, by_sentence, strict=True):
            if open_starts is not None and sentence.start_char not in open_starts:
                continue
            parse, offset = (parses[sentence.start], sentence.start) \
                if sentence.start in parses else (whole, 0)
            coded = without_games(code_sentence(self.lexicon, doc, sentence, in_sentence,
                                                quoted, view, parse=parse, offset=offset),
                                  text, sentence, in_sentence, doc._.sitrep_sports or ())
            if not coded:
                continue
            seen = sentence.start_char
            # Where the sentence happens: not a place of a background clause ("the
            # ceasefire declared in Doha last week").
            foreground = [p for p in place_mentions
                          if not sentence.start_char <= p.start < sentence.end_char
                          or not in_background_clause(text, sentence.start_char, p)]
            for event in coded:
                start, end = sentence.start_char, sentence.end_char
                while end > start and text[end - 1].isspace():
                    end -= 1
                # The date of the trigger's own clause; ``seen`` walks on through the
                # sentence so a repeated trigger word finds its own occurrence.
                dated, seen = date_for_trigger(date_mentions, text, (start, end),
                                               event.trigger, seen, parse, view.idx[offset])
                located = location_for_span(foreground, start, end)
                said_at = located
                if located is not None and event.type in SAYING_TYPES:
                    # A statement is where it was said, not where what it says is about
                    # ("accused Putin of killing people in Ukraine"). Unnamed actors keep
                    # their country from the sentence's place: whose an unnamed speaker is
                    # is another question than where the words were said.
                    found = trigger_offset(text[start:end], event.trigger, seen - start)
                    said_at = location_for_span(said_places(
                        foreground, text, (start, end), event.type,
                        None if found is None else (start + found,
                                                    start + found + len(event.trigger)),
                        parse, view.idx[offset]), start, end)
                aimed_at = None
                if event.type in PLACE_DIRECTED and not event.target:
                    # Only a place of the trigger's own clause is what the act is aimed at.
                    found = trigger_offset(text[start:end], event.trigger, seen - start)
                    if found is not None:
                        within = trigger_clause(text[start:end], found,
                                                found + len(event.trigger))
                        trigger_end = start + found + len(event.trigger)
                        aimed_at = _object_place(place_mentions, text, trigger_end,
                                                 start + within[1]) or location_for_span(
                            place_mentions, start + within[0], start + within[1])
                source = place_source(event.type, _placed(event.source, located), located)
                target = place_target(event.type, _placed(_policed(
                    event.source, event.target), located), aimed_at)
                if not source and not target:
                    # Who did what to whom: an act with no actor on either side is a
                    # trigger word and nothing more ("consumers want to be captivated",
                    # "forecast demand"). On news and web pages most trigger hits are
                    # such; no scored sentence of the dev sets is coded by one.
                    continue
                events.append(Event(
                    type=event.type, mode=event.mode, source=source, target=target,
                    date=dated, location=said_at,
                    negated=event.negated, future=event.future,
                    confidence=event.confidence, sentence=text[start:end], start=start,
                    end=end, trigger=event.trigger))
        return keep_relevant(events, open_starts)

    def needing_parse(self, doc: Doc, sentences: Sequence[tuple[int, int]]
                      ) -> list[tuple[int, int]]:
        """Those of ``sentences`` (token ``(start, end)``, in order) that could be coded
        differently with a parse: only where a rule with an event type fits by word order,
        or a demand or condition the lexicon does not know is stated ("X said Y must ...",
        "Y would ... if Z"), does :func:`code_sentence` read one. The rest is spared the
        parser (the model's cost is per token parsed) and codes exactly as before."""
        mentions = [m for m in (doc._.sitrep_mentions or []) if m.actor]
        quoted = [q for q in (doc._.sitrep_quoted or []) if not q.nested]
        by_sentence = _mentions_by_sentence(mentions, quoted, [s for s, _ in sentences])
        view = tokens_of(doc)
        chosen: list[tuple[int, int]] = []
        for (start, end), in_sentence in zip(sentences, by_sentence, strict=True):
            in_sentence = [m for m in in_sentence if m.start < end]
            # Without triggers the demand and condition readers find the most they can: a
            # trigger only ever stops their search.
            if may_code(self.lexicon, doc, start, end, in_sentence, quoted, view) or \
                    stated_demand(in_sentence, view.lower, start, end, [])[0] or \
                    stated_condition(in_sentence, view.lower, start, end, [])[0]:
                chosen.append((start, end))
        return chosen


def _mentions_by_sentence(mentions: Sequence[Mention], quoted: Sequence[QuotedStretch],
                          starts: Sequence[int]) -> list[list[Mention]]:
    """The mentions outside quotation marks that start in each sentence (sentences given by
    their first tokens, in order), each list in the mentions' own order. One pass with a
    binary search, not a scan of every mention for every sentence."""
    grouped: list[list[Mention]] = [[] for _ in starts]
    for m in mentions:
        k = bisect_right(starts, m.start) - 1
        if k < 0 or any(q.start <= m.start_char < q.end for q in quoted):
            continue
        grouped[k].append(m)
    return grouped


_OBJECT_GAP_WORDS = 4


def _object_place(places: Sequence[PlaceMention], text: str, trigger_end: int,
                  clause_end: int) -> Place | None:
    """A town the act lands on as its object ("attacked Kharkiv", "shelled the town of
    Bakhmut"): the first place after the trigger, in its clause, with no preposition of its
    own and at most a few words between. A country there is an actor, not a place."""
    for mention in places:
        if not trigger_end <= mention.start < clause_end or mention.kind == "country" \
                or mention.preposition not in {None, "of"}:
            continue
        gap = text[trigger_end:mention.start]
        if "," in gap or len(gap.split()) > _OBJECT_GAP_WORDS:
            return None
        return mention.place
    return None


def _placed(actors: tuple[ActorRef, ...], place: Place | None) -> tuple[ActorRef, ...]:
    """Unnamed actors of an event ("protesters", "hostages", "the mayor") take the country
    of the place the event happened, as PLOVER coders do: "police fired at protesters in
    Nairobi" is Kenyan police against Kenyan protesters."""
    if place is None or place.country is None or all(a.country for a in actors):
        return actors
    return tuple(a if a.country else ActorRef(a.name, place.country, a.sector)
                 for a in actors)


def _policed(source: tuple[ActorRef, ...],
             target: tuple[ActorRef, ...]) -> tuple[ActorRef, ...]:
    """Police and courts act at home: the unnamed people they arrest, charge or disperse
    ("Georgian police arrested opposition leaders") are of the force's country."""
    home = {a.country for a in source if a.sector in _DOMESTIC_SECTORS and a.country}
    if len(home) != 1 or all(a.country for a in target):
        return target
    country = home.pop()
    return tuple(a if a.country else ActorRef(a.name, country, a.sector) for a in target)



class EventsComponent:
    """``sitrep_events``: codes every sentence with the bundled lexicon."""

    def __init__(self) -> None:
        self.coder = EventCoder(load_lexicon())

    def __call__(self, doc: Doc) -> Doc:
        doc._.sitrep_events = self.coder.code(doc)
        return doc


@Language.factory(
    "sitrep_events",
    requires=["doc._.sitrep_mentions", "doc._.sitrep_dates", "doc._.sitrep_quoted"],
    assigns=["doc._.sitrep_events"],
)
def make_events(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent()
