"""Is this article news of the kind PLOVER codes? The event coder's relevance gate.

PLOVER's event verbs are everyday verbs: a gym guide "attacks" belly fat, an insurer
"helps" customers, travellers "join" tours. Read against the whole web, a trigger lexicon
finds an "event" in most sentences: on 200 pages of the WCXB benchmark (product guides,
travel and health advice, a little news) the coder found 28 events a page before this gate,
nearly all nonsense, where a political news story gives 10 to 30 that are real. Event-data
projects meet this with a relevance filter in front of the coder (Phoenix, POLECAT); this
one is a rule on evidence the analysis already has.

A sentence is *about public affairs* when it holds a word of ``political_terms.yaml``
(ministers, troops, ceasefire, protesters, ...), names a person or body of the state or of
armed or organised politics (a minister by name, Hamas, the UN), or names two countries as
actors (two states dealing with each other). A country alone is no evidence: web copy
names "the USA" and "Iceland" as markets and destinations; nor is a role word ("advisors",
"agents", "leaders"), which has other senses outside the news.

An article is political when at least :data:`POLITICAL_SHARE` of its sentences are about
public affairs: the news stories of the bundled corpus and the flagship sample score 0.69
to 1.0, the WCXB pages at most 0.2. A text of fewer than :data:`MIN_SENTENCES` sentences
is too short to judge this way (a headline, a wire snippet, one sentence to score) and is
coded as before. In an article that is not political, an event is kept only when its own
sentence holds a word of the list and one of its sides is a political actor: a tech story
may still report that the Pentagon signed a contract. The judgement is made before the
parser (the ``sitrep_relevance`` component), so such an article is parsed and coded only
in those sentences; the events are the same as coding it all and filtering after (checked
on 331 articles), at half the analysis time on a crawl like WCXB's.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import compress
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator
from spacy.language import Language
from spacy.tokens import Doc

from sitrep.analyze.kb.schema import TRANSNATIONAL_CODES
from sitrep.analyze.nlp.records import Mention, sentences_of, tokens_of
from sitrep.errors import AnalysisError
from sitrep.models import ActorRef, Event

__all__ = [
    "MIN_SENTENCES",
    "POLITICAL_SHARE",
    "TERMS_FILE",
    "PoliticalTerms",
    "TermIndex",
    "keep_relevant",
    "load_terms",
    "open_sentences",
    "without_stray_roles",
]

TERMS_FILE = Path(__file__).with_name("political_terms.yaml")
POLITICAL_SHARE = 0.25
"""Share of an article's sentences about public affairs from which it counts as political."""
MIN_SENTENCES = 4
"""Texts with fewer sentences (of three words or more) are not judged."""
POLITICAL_SECTORS = frozenset({"GOV", "MIL", "REB", "OPP", "LEG", "JUD", "COP", "PTY", "SPY",
                               "UAF", "CRM", "ELI", "PRM", "REF", "PRE"})
"""PLOVER sectors of the state, armed groups, parties, opposition and their like."""

# A named person or body is evidence; a role word ("advisors", "leaders", "agents") is not:
# its sector was read from a word that has other senses outside the news.
_NAMED_KINDS = frozenset({"person", "organization"})


class PoliticalTerms(BaseModel):
    """``political_terms.yaml``: lower-case words and phrases, grouped by domain."""

    model_config = ConfigDict(extra="forbid")

    about: str
    groups: dict[str, list[str]]

    @field_validator("groups")
    @classmethod
    def _lower_case_words(cls, groups: dict[str, list[str]]) -> dict[str, list[str]]:
        for name, terms in groups.items():
            for term in terms:
                if term != term.lower() or not re.fullmatch(r"[a-z]+(?: [a-z]+)*", term):
                    raise ValueError(f"{name}: {term!r} is not lower-case words")
        return groups


@dataclass(frozen=True, slots=True)
class TermIndex:
    """The terms as one-word ones and multi-word ones by their first word: a sentence is
    tested in one pass over its lower-case tokens (a regular expression of 200 alternatives
    run on every sentence cost more than the rest of the analysis of a page)."""

    single: frozenset[str]
    multi: dict[str, tuple[tuple[str, ...], ...]]
    firsts: frozenset[str] = field(init=False)
    """The one-word terms and the first words of the longer ones."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "firsts", self.single | self.multi.keys())

    def found_in(self, words: Sequence[str], start: int = 0, end: int | None = None) -> bool:
        """Whether ``words[start:end]`` (lower-case tokens) hold a term; a hyphen between
        the words of a term is read as a space ("cease-fire", "air-strikes")."""
        stop = len(words) if end is None else end
        single, multi = self.single, self.multi
        for i in range(start, stop):
            word = words[i]
            if word in single:
                return True
            for rest in multi.get(word, ()):
                if _continues(words, i + 1, stop, rest):
                    return True
        return False

    def starts_in(self, words: Sequence[str]) -> list[int]:
        """The indices of ``words`` that are a term or a term's first word, in order: the
        only places :meth:`found_in` can succeed at, found in one pass that runs in C
        (reading every word of every sentence in Python was most of the gate's cost)."""
        firsts = self.firsts
        return list(compress(range(len(words)), map(firsts.__contains__, words)))

    def found_at(self, words: Sequence[str], starts: Sequence[int], start: int,
                 end: int) -> bool:
        """:meth:`found_in` of ``words[start:end]``, trying only ``starts`` (from
        :meth:`starts_in` on all of ``words``)."""
        single, multi = self.single, self.multi
        for i in starts[bisect_left(starts, start):bisect_left(starts, end)]:
            word = words[i]
            if word in single:
                return True
            for rest in multi.get(word, ()):
                if _continues(words, i + 1, end, rest):
                    return True
        return False

    def in_text(self, text: str) -> bool:
        """:meth:`found_in` on ``text`` split into words and hyphens (for short texts)."""
        return self.found_in(_WORDS_AND_HYPHENS.findall(text.lower()))


def _continues(words: Sequence[str], at: int, stop: int, rest: tuple[str, ...]) -> bool:
    for part in rest:
        if at < stop and words[at] == "-":
            at += 1
        if at >= stop or words[at] != part:
            return False
        at += 1
    return True


_WORDS_AND_HYPHENS = re.compile(r"[^\W\d_]+|-")


@cache
def load_terms(path: Path = TERMS_FILE) -> TermIndex:
    """The terms of ``path``, indexed for :meth:`TermIndex.found_in`."""
    try:
        terms = PoliticalTerms.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise AnalysisError(f"{path.name}: {exc}") from exc
    phrases = {tuple(t.split()) for group in terms.groups.values() for t in group}
    multi: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(phrases):
        if len(phrase) > 1:
            multi.setdefault(phrase[0], []).append(phrase[1:])
    return TermIndex(frozenset(p[0] for p in phrases if len(p) == 1),
                     {word: tuple(rests) for word, rests in multi.items()})


def _political(ref: ActorRef) -> bool:
    return ref.sector in POLITICAL_SECTORS or ref.country in TRANSNATIONAL_CODES


def _about_public_affairs(has_term: bool, mentions: Sequence[Mention]) -> bool:
    """Whether a sentence (``has_term``: it holds a word of the list; its actor
    ``mentions``) is about public affairs: see the module doc."""
    if has_term:
        return True
    countries: set[str | None] = set()
    for mention in mentions:
        actor = mention.actor
        if actor is None or not _political(actor.ref()):
            continue
        if actor.kind in _NAMED_KINDS:
            return True
        if actor.kind == "country":
            countries.add(actor.country)
    return len(countries) >= 2


def open_sentences(doc: Doc) -> frozenset[int] | None:
    """Where events may be coded in ``doc``: None when everywhere (a political article, or
    one too short to judge), else the first characters of the sentences that hold a word of
    the list (see module doc)."""
    view = tokens_of(doc)
    words, alpha = view.lower, view.alpha
    judged = [s for s in sentences_of(doc) if sum(alpha[s.start:s.end]) >= 3]
    if len(judged) < MIN_SENTENCES:
        return None
    terms = load_terms()
    mentions = sorted((m for m in doc._.sitrep_mentions or [] if m.actor is not None),
                      key=lambda m: m.start)
    starts = [m.start for m in mentions]
    term_starts = terms.starts_in(words)
    with_term = [terms.found_at(words, term_starts, s.start, s.end) for s in judged]
    evident = sum(1 for s, has_term in zip(judged, with_term, strict=True)
                  if _about_public_affairs(has_term, mentions[
                      bisect_left(starts, s.start):bisect_left(starts, s.end)]))
    if evident >= POLITICAL_SHARE * len(judged):
        return None
    return frozenset(s.start_char for s, has_term in zip(judged, with_term, strict=True)
                     if has_term)


def keep_relevant(events: list[Event], open_starts: frozenset[int] | None) -> list[Event]:
    """``events`` less those the gate drops: with ``open_starts`` (from
    :func:`open_sentences`), only events of those sentences with a political side."""
    if open_starts is None:
        return events
    return [event for event in events if event.start in open_starts
            and any(_political(side) for side in (*event.source, *event.target))]


def without_stray_roles(doc: Doc, open_starts: frozenset[int]) -> list[Mention]:
    """The doc's mentions less the role words read as organs of the state or of organised
    politics ("intelligence", "units", "the state", "leaders", "agents") in sentences that
    are not about public affairs, in an article that is not either: there they are "business
    intelligence", "housing units", "the state of the art". Names, countries and the other
    sectors' groups stay; so do such words in the article's sentences of public affairs
    ("police said the road was closed")."""
    mentions: list[Mention] = doc._.sitrep_mentions or []
    starts = [s.start for s in sentences_of(doc)]
    sentence_chars = [s.start_char for s in sentences_of(doc)]
    kept: list[Mention] = []
    for mention in mentions:
        actor = mention.actor
        if actor is not None and actor.kind == "group" and _political(actor.ref()):
            at = bisect_right(starts, mention.start) - 1
            if at < 0 or sentence_chars[at] not in open_starts:
                continue
        kept.append(mention)
    return kept


@Language.component(
    "sitrep_relevance",
    requires=["doc._.sitrep_mentions"],
    assigns=["doc._.sitrep_open_sentences", "doc._.sitrep_mentions"],
)
def sitrep_relevance(doc: Doc) -> Doc:
    """Judge the article before the parser runs, so that an article that is not about
    public affairs has only its few sentences that might be parsed and coded, and drop the
    role words such an article uses in other senses (:func:`without_stray_roles`)."""
    open_starts = open_sentences(doc)
    doc._.sitrep_open_sentences = open_starts
    if open_starts is not None:
        doc._.sitrep_mentions = without_stray_roles(doc, open_starts)
    return doc
