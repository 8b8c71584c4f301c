"""Which date expression of a sentence dates one event: the one in the trigger's clause.

A sentence often names several times: "The coalition has rejected that demand and says
elections will be held on schedule in 2027" rejects now and votes in 2027; "Trump, who met
Putin in 2018, has accused him" accuses now. Giving every event of the sentence the same
date (the finest one anywhere in it) puts the rejection in 2027. So an event takes only a
date that belongs to its own clause: the trigger's verb phrase, not a relative clause, a
reported complement, an adverbial clause or another conjunct that it is not part of. Among
those the finest wins, the nearest to the trigger among equals. A clause without a date
yields ``None``, and the pipeline then shows the publication date marked "reported": an
honest "we do not know when" beats a date borrowed from another clause.

Two readings of the clause:

* With a dependency parse, the clause is the trigger's clause head and what hangs from it,
  pruned at the heads of other clauses (``relcl``, ``ccomp``, ``advcl``, a verb ``conj``
  ...). A clause that adds to another without a time of its own borrows that clause's date
  when it shares the deed's time: a second conjunct ("arrested him on Wednesday and seized
  his laptop"), an aspectual or controlled complement ("began pulling back"), a participial
  consequence ("struck a car on Friday, killing one person"), a stated intention or threat
  ("said on Thursday that Berlin would deliver"), but never a reported deed ("said troops
  killed") nor across a change to the future ("struck ... last week and will strike").
* Without one (a sentence the parser was not given), surface breaks stand in: a semicolon
  or dash, ", and"/", but", "and says", a relative pronoun and its clause, a trailing
  ", the ministry said". A past-tense trigger also refuses a date its own words put in the
  future ("... will be held in 2027").

Datelines ("KYIV, Nov 14 (Wire) — ...") date the report, not the event, and are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from sitrep.analyze.dates import BACKGROUND_PREPOSITIONS, DateMention, future_cue_before
from sitrep.models import DateRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["date_for_event", "date_for_trigger", "trigger_offset"]

# Dependencies that start a clause of their own: its dates are not the parent's. Labels
# are read without their subtype ("acl:relcl" is "acl"), so UD and ClearNLP schemes agree.
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "csubj", "csubjpass",
                          "parataxis", "xcomp", "conj", "pcomp"})
# A clause that, without a date of its own, happens when the clause it hangs on happens.
_SHARED_TIME_DEPS = frozenset({"conj", "xcomp"})
_PARTICIPLES = frozenset({"Part", "Ger"})
# Where a preposition or subordinator hangs: UD puts it under its noun or verb ("case",
# "mark"), ClearNLP above it ("prep").
_FUNCTION_DEPS = frozenset({"case", "mark", "prep"})
_VERBAL = frozenset({"VERB", "AUX"})
_FUTURE_AUX = frozenset({"will", "wo", "shall", "'ll", "’ll", "going"})
_MODALS = _FUTURE_AUX | {"would", "could", "can", "may", "might", "must", "should", "ca"}
_PAST_FORMS = re.compile(r"(?i)^(?:[a-z]+ed|said|told|met|held|took|made|gave|sent|left|won"
                         r"|lost|fell|rose|struck|fought|led|ran|broke|began|shot|drove|flew"
                         r"|came|went|saw|kept|found|brought|sought|spoke|wrote|stood|hit)$")
_DATELINE_DASH = re.compile(r"\s(?:—|–|--|-)\s")
_DATELINE_CHARS = 80

# Surface clause limits, used when the sentence has no parse.
_HARD_BREAK = re.compile(r";\s|:\s|\s(?:—|–|--)\s")
_CONJUNCT_BREAK = re.compile(
    r",\s+(?:and|but|while|whereas)\s|\s(?:and|but)\s+(?=(?:says|said|say|added|adds|told"
    r"|warned|insisted|argued|noted)\b)|,\s+(?=(?:after|before|since|when|as|because|though"
    r"|although|until)\s)")
_RELATIVE = re.compile(r"(?:,\s+|\s)(?:who|which|whom|whose)\s|\s(?:that)\s+(?=(?:has|have|had"
                       r"|is|was|were|are|will|would|[a-z]+ed)\b)")
_ATTRIBUTION = re.compile(r",\s+(?:[A-Za-z'’.-]+\s+){0,6}(?:said|says|told|added|reported"
                          r"|announced|according)\b[^,;]*[.!?\"”]?\s*$")


@lru_cache(maxsize=4096)
def _whole_word(words: str) -> re.Pattern[str]:
    """``words`` as a whole-word pattern, compiled once: there are a few thousand trigger
    forms, more than the ``re`` module's own cache keeps beside everything else."""
    return re.compile(rf"(?<!\w){re.escape(words)}(?!\w)")


def trigger_offset(sentence: str, trigger: str, after: int = 0) -> int | None:
    """Where ``trigger`` (the words an event was read from) begins in ``sentence``: the
    first whole-word occurrence at or after ``after``, else the first anywhere.

    Events carry their trigger's words, not its offset; the coder yields a sentence's
    events in trigger order, so searching on from the previous event's trigger finds the
    right one of two identical words ("met ... and met").
    """
    if not trigger:
        return None
    pattern = _whole_word(trigger)
    found = pattern.search(sentence, after) or pattern.search(sentence)
    return found.start() if found else None


def date_for_trigger(mentions: Sequence[DateMention], text: str, sentence: tuple[int, int],
                     trigger: str, after: int, parse: Doc | None,
                     parse_base: int) -> tuple[DateRef | None, int]:
    """``date_for_event`` for an event that carries only its trigger's words: finds them in
    the sentence at or after ``after`` (a character offset in ``text``) and returns the
    date with the offset to search on from for the sentence's next event."""
    start, end = sentence
    found = trigger_offset(text[start:end], trigger, max(0, after - start))
    if found is None:
        return date_for_event(mentions, text, start, end, None, None), after
    at = start + found
    return date_for_event(mentions, text, start, end, at, at + len(trigger), parse=parse,
                          parse_base=parse_base), at


def date_for_event(mentions: Sequence[DateMention], text: str, start: int, end: int,
                   trigger_start: int | None, trigger_end: int | None, *,
                   parse: Doc | None = None, parse_base: int = 0) -> DateRef | None:
    """The date of the event triggered at ``text[trigger_start:trigger_end]`` in the
    sentence ``text[start:end]``: the nearest usable date of the trigger's clause.

    ``parse`` is the sentence's dependency parse, its character 0 at ``parse_base`` in
    ``text``. Without a trigger offset the event's clause is unknown and no date is given.
    """
    usable = [m for m in mentions if m.start >= start and m.end <= end
              and m.preposition not in BACKGROUND_PREPOSITIONS and not m.aside]
    if not usable or trigger_start is None or trigger_end is None:
        return None
    usable = _without_dateline(usable, text, start, trigger_start)
    if not usable:
        return None
    if parse is not None and _annotated(parse):
        head = _trigger_token(parse, parse_base, trigger_start, trigger_end)
        if head is not None:
            return _parsed_date(usable, parse, parse_base, head)
    return _surface_date(usable, text, start, end, trigger_start, trigger_end)


def _without_dateline(mentions: list[DateMention], text: str, start: int,
                      trigger_start: int) -> list[DateMention]:
    """Drop dates in a dateline ("BRUSSELS, July 18 (Wire) — ") before the trigger."""
    dash = _DATELINE_DASH.search(text, start, min(trigger_start, start + _DATELINE_CHARS))
    if dash is None or not text[start:dash.start()].lstrip()[:1].isupper():
        return mentions
    return [m for m in mentions if not m.end <= dash.start()]


_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def _nearest(mentions: Iterable[DateMention], trigger_start: int) -> DateRef | None:
    """The finest date of the clause, the nearest to the trigger among equals: "In 2024 the
    navy intercepted the tanker on Sunday" happened on the Sunday; the year frames it."""
    best = min(mentions, key=lambda m: (_PRECISION_RANK[m.ref.precision],
                                        abs(m.start - trigger_start), m.start), default=None)
    return best.ref if best else None


# --- with a parse -----------------------------------------------------------------------


def _annotated(parse: Doc) -> bool:
    return bool(len(parse)) and parse.has_annotation("DEP")


def _trigger_token(parse: Doc, base: int, trigger_start: int, trigger_end: int) -> Token | None:
    """The syntactic head of the trigger's words: the one whose head lies outside them."""
    inside = [t for t in parse if trigger_start <= base + t.idx < trigger_end]
    if not inside:
        return None
    indices = {t.i for t in inside}
    return next((t for t in inside if t.head.i not in indices or t.head.i == t.i), inside[0])


def _dep(token: Token) -> str:
    return token.dep_.split(":")[0]


def _clause_head(token: Token) -> Token:
    """The head of the clause ``token`` is in: itself or the nearest ancestor that heads a
    clause (a clausal dependent or the root)."""
    while _dep(token) not in _CLAUSE_DEPS and token.head.i != token.i:
        token = token.head
    return token


def _clause_tokens(head: Token) -> set[int]:
    """Indices of the tokens of ``head``'s clause, without the clauses hanging from it."""
    found: set[int] = set()
    stack = [head]
    while stack:
        token = stack.pop()
        found.add(token.i)
        stack.extend(child for child in token.children if _dep(child) not in _CLAUSE_DEPS
                     or (_dep(child) == "conj" and child.pos_ not in _VERBAL))
    return found


def _date_heads(mentions: Sequence[DateMention], parse: Doc,
                base: int) -> list[tuple[DateMention, Token]]:
    """Each date with the parse token that heads its words."""
    heads: list[tuple[DateMention, Token]] = []
    for mention in mentions:
        words = [t for t in parse if mention.start <= base + t.idx < mention.end]
        indices = {t.i for t in words}
        head = next((t for t in words if t.head.i not in indices), None)
        if head is not None:
            heads.append((mention, head))
    return heads


def _background_path(token: Token, stop: Token) -> bool:
    """True when a "since"/"after"/"before" word governs ``token`` below ``stop``: the date
    bounds or orders the event ("a ceasefire before the election in May 2026")."""
    while token.i != stop.i:  # the stop's own "since" relates it, not the date, to others
        if any(_dep(child) in _FUNCTION_DEPS and child.lower_ in BACKGROUND_PREPOSITIONS
               for child in token.children) or (_dep(token) in _FUNCTION_DEPS and
                                                 token.lower_ in BACKGROUND_PREPOSITIONS):
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _auxiliaries(head: Token) -> set[str]:
    return {child.lower_ for child in head.children if _dep(child) == "aux"}


def _parsed_date(mentions: Sequence[DateMention], parse: Doc, base: int,
                 trigger: Token) -> DateRef | None:
    dated = _date_heads(mentions, parse, base)
    trigger_char = base + trigger.idx
    if trigger.pos_ not in _VERBAL:
        # A noun's own modifiers first: "the 2018 Helsinki summit" (also when a parser,
        # misled by the year, hangs the noun on the number).
        own = _clause_tokens(trigger)
        mine = [m for m, t in dated if (t.i in own and not _background_path(t, trigger))
                or _premodifies(t, trigger)]
        if mine:
            return _nearest(mine, trigger_char)
    head = _clause_head(trigger)
    while True:
        clause = _clause_tokens(head)
        mine = [m for m, t in dated if t.i in clause and not _background_path(t, head)]
        if mine:
            return _nearest(mine, trigger_char)
        if not _shares_time(head):
            return None
        head = _clause_head(head.head)


_NOMINAL_WORDS = frozenset({"NOUN", "PROPN", "ADJ"})


def _premodifies(date_head: Token, noun: Token) -> bool:
    """A date right before a noun, only names or adjectives between: "2018 Helsinki summit"."""
    between = date_head.doc[date_head.i + 1:noun.i]
    return date_head.i < noun.i and len(between) <= 2 and all(
        t.pos_ in _NOMINAL_WORDS for t in between)


def _shares_time(head: Token) -> bool:
    """Whether a dateless clause happens when the clause it hangs on does."""
    if head.head.i == head.i:
        return False
    if _dep(head) == "ccomp":
        # "said on Thursday that Berlin would deliver": a stated intention or threat is
        # dated by its statement; a reported deed ("said troops killed") is not.
        return bool(_auxiliaries(head) & _MODALS)
    if _dep(head) == "conj":
        # "struck ... last week and will strike again": no borrowing into the future.
        parent = _clause_head(head.head)
        return head.head.pos_ in _VERBAL and not (
            _auxiliaries(head) & _FUTURE_AUX and not _auxiliaries(parent) & _FUTURE_AUX)
    if _dep(head) in _SHARED_TIME_DEPS:
        return True
    return _dep(head) == "advcl" and bool(_PARTICIPLES & set(head.morph.get("VerbForm", []))) \
        and not any(_dep(child) == "mark" for child in head.children)


# --- without a parse --------------------------------------------------------------------


def _surface_clause(text: str, start: int, end: int, trigger_start: int,
                    trigger_end: int) -> tuple[int, int, list[tuple[int, int]]]:
    """(left, right, holes): the trigger's clause by surface breaks, and the relative
    clauses inside it that it is not part of."""
    left, right = start, end
    attribution = _ATTRIBUTION.search(text, start, end)
    if attribution and attribution.start() >= trigger_end:
        right = attribution.start()
    for pattern in (_HARD_BREAK, _CONJUNCT_BREAK):
        for found in pattern.finditer(text, start, right):
            if found.end() <= trigger_start:
                left = max(left, found.end())
            elif found.start() >= trigger_end:
                right = min(right, found.start())
    holes: list[tuple[int, int]] = []
    for found in _RELATIVE.finditer(text, left, right):
        close = text.find(",", found.end(), right) if text[found.start()] == "," else -1
        stop = close if close >= 0 else right
        if found.start() >= trigger_end or stop <= trigger_start:
            holes.append((found.start(), stop))
        else:  # the trigger is in the relative clause: that is its clause
            left = max(left, found.end())
            right = min(right, stop)
    return left, right, holes


def _surface_date(mentions: Sequence[DateMention], text: str, start: int, end: int,
                  trigger_start: int, trigger_end: int) -> DateRef | None:
    left, right, holes = _surface_clause(text, start, end, trigger_start, trigger_end)
    mine = [m for m in mentions if m.start >= left and m.end <= right
            and not any(a <= m.start < b for a, b in holes)]
    if _PAST_FORMS.match(text[trigger_start:trigger_end].split()[0]) and \
            not future_cue_before(text, left, trigger_start):
        mine = [m for m in mine if not future_cue_before(text, max(left, trigger_end), m.start)]
    return _nearest(mine, trigger_start)
