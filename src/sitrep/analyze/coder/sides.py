"""The other side of an event when the trigger's own arguments do not name it.

The parse (or word order) gives a trigger's subject and object; PLOVER's recipient is often
elsewhere in the clause. Read once source and target are known, in this order:

* a death ("a prisoner died in Israeli police custody"): the dead are the victims, the
  custodian, or whoever it was at the hands of, the one answerable;
* a complaint made to someone ("complained to the UN over Israeli raids"): the one
  complained of, not the audience, is the target;
* a statement after its content ("X are failing to ..., a rights group protested"): the
  content's subject is what the statement is about;
* an act for another party whose object is the doer's own ("opened its bridge to let aid
  through to Afghanistan", "withdraw its troops from Lebanon", "rejected an offer from
  Kabul"): the actor a recipient preposition introduces.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from sitrep.analyze.coder.arguments import statement_subject
from sitrep.analyze.coder.surface import (
    VICTIM_SUBJECT,
    mutual,
    prepositional_recipient,
    responsible_party,
)
from sitrep.analyze.nlp.records import ActorIdentity, Mention
from sitrep.models import ActorRef

__all__ = ["Clause", "other_side", "refs"]

_BREAKS = frozenset({";", "—", "–", "--", ":", ","})
# Prepositions that name what a complaint is about: "complained to X over/about Y".
_GRIEVANCE_PREPOSITIONS = frozenset({"over", "about", "against", "regarding"})
# Speech acts whose content may stand before them ("X is failing ..., Y protested").
_STATEMENTS = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT"})
# Acts done for or to another party, whose object may be the doer's own thing.
_OUTWARD = frozenset({"RETREAT", "AID", "SANCTION"})


@dataclass(frozen=True, slots=True)
class Clause:
    """The trigger (tokens ``start:end``) in its sentence: the sentence's actor mentions,
    its lower-case and original token strings, the clause's right limit and the sentence's
    end (doc token indices)."""

    mentions: Sequence[Mention]
    words: Sequence[str]
    texts: Sequence[str]
    start: int
    end: int
    right: int
    sentence_end: int


def refs(mentions: Sequence[Mention]) -> tuple[ActorRef, ...]:
    """The distinct actors of ``mentions``, in order."""
    seen: dict[str, ActorRef] = {}
    for m in mentions:
        actor: ActorIdentity | None = m.actor
        if actor is not None and actor.key not in seen:
            seen[actor.key] = actor.ref()
    return tuple(seen.values())


def other_side(kind: str, lemma: str, nominal: bool, source: tuple[ActorRef, ...],
               target: tuple[ActorRef, ...], target_m: Sequence[Mention],
               source_keys: set[str], clause: Clause, token: Token | None,
               offset: int) -> tuple[tuple[ActorRef, ...], tuple[ActorRef, ...]]:
    """(source, target) after the fallbacks of the module doc. ``target_m`` are the
    mentions the target was read from, ``source_keys`` the source's actor keys, ``token``
    the trigger's parse token (None without a parse)."""
    mentions, words = clause.mentions, clause.words
    if lemma in VICTIM_SUBJECT and kind == "ASSAULT" and not target:
        stop = next((k for k in range(clause.end, clause.sentence_end)
                     if clause.texts[k] in _BREAKS), clause.sentence_end)
        return refs(responsible_party(mentions, words, clause.end, stop)), source
    if kind == "ACCUSE" and target_m and all(
            "to" in words[max(0, m.start - 2):m.start] for m in target_m):
        accused = prepositional_recipient(mentions, words, clause.end, clause.right,
                                          source_keys, _GRIEVANCE_PREPOSITIONS)
        target = refs(accused) or target
    if not target and kind in _STATEMENTS and token is not None and not nominal:
        target = tuple(r for r in refs(statement_subject(token, mentions, offset))
                       if r not in source)
    others = source_keys | {m.actor.key for m in target_m if m.actor}
    home = {a.country for a in source if a.country}
    if target and kind in _OUTWARD and all(a.country in home for a in target):
        target = refs(prepositional_recipient(mentions, words, clause.end, clause.right,
                                              others)) or target
    if not target and not mutual(kind, [m for m in mentions if m.actor is not None
                                         and m.actor.key in source_keys]):
        target = refs(prepositional_recipient(mentions, words, clause.end, clause.right,
                                              others))
    return source, target
