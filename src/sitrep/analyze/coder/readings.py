"""What a framed act amounts to: the PLOVER readings derived from a trigger's modality.

A trigger's own type is what the verb names; the words around it can make the reported
event something else, which the coder adds as a further reading of the same trigger:

* a stated willingness to cooperate ("is willing to withdraw") is an AGREE;
* a vowed or planned conflictual act ("vowed to fight", "will impose sanctions") a THREATEN;
* an act made conditional ("will boycott unless ...", "must pay or face ...") a THREATEN;
* an obligation laid on the doer ("Sudan must return the helicopter") a REQUEST by the
  sentence's first actor;
* a negated cooperative act stated as a refusal ("will not withdraw") a REJECT;
* an option of force not excluded ("refused to rule out military force") a THREATEN;
* a promised cooperative act a commitment: AGREE, or CONCEDE for a promised withdrawal,
  ceasefire or easing (the manual's "promise of future concessions"). Promised releases
  of persons and permissions ("will release the hostages", "would allow the return of
  inspectors") stay AGREE, as in the CAMEO table (0353, 0355: "express intent to release",
  "... to allow international involvement").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sitrep.analyze.nlp.records import Mention
from sitrep.models import ActorRef, Event

__all__ = ["CONFLICTUAL", "COOPERATIVE", "Framing", "readings", "stated_condition",
           "stated_demand"]

COOPERATIVE = frozenset({"AGREE", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                         "CONSULT"})
CONFLICTUAL = frozenset({"ASSAULT", "COERCE", "SANCTION"})
_OBLIGATION = frozenset({"must", "should", "ought"})
# Words that introduce a reported clause: "declared that X must", "said X should".
_REPORTED = frozenset({"that", "said", "says", "declared", "declares", "insisted", "insists",
                       "stated", "told", "announced", "reiterated", "argued", "added"})
# "did not meet" reports a fact (the act, negated); "does not recognize", "will not
# withdraw" state a refusal.
_VOLITIONAL = frozenset({"will", "would", "wo", "'ll", "shall", "won't", "refuse",
                         "refused", "refuses", "can", "cannot", "could", "does", "do"})
# Verbal stances: "did not endorse" withholds support (a refusal), where "did not meet"
# only reports that a meeting did not happen, and "did not lift the curfew" that a
# concession was not made (a negated CONCEDE, as "has not suspended").
_STANCES = frozenset({"SUPPORT", "AGREE"})
# "failed to reach agreement", "failed to agree": talks in which the sides rejected each
# other's terms (PLOVER gold codes them REJECT), not a reportable AGREE.
_FAILED = frozenset({"fail", "failed", "fails", "failing"})
# Verbs that exclude an option: not excluding force keeps it on the table.
_EXCLUSIONS = frozenset({"rule out", "exclude"})
_FORCE = frozenset({"force", "military", "strike", "strikes", "attack", "attacks", "invasion",
                    "action", "retaliation", "war"})
_WOULD = frozenset({"would", "will", "'ll"})
_IF = frozenset({"if", "unless"})
_WILLING = frozenset({"willing", "ready", "prepared", "open", "eager", "offered", "offers",
                      "offer"})
# Promised acts that are commitments (AGREE) rather than concessions: releasing persons or
# property, letting others in (CAMEO 0353, 0355 map to AGREE).
_PERMISSIVE_MODES = frozenset({"release", "access"})
_PERMISSIVE_LEMMAS = frozenset({"allow", "permit", "let"})


@dataclass(slots=True)
class Framing:
    """How the trigger's clause frames the act (read by the coder from the words and parse).

    ``planned``: a future cue stood before the trigger; ``governed``: another trigger verb
    governs it ("threatened to attack"); ``purpose``: it is the purpose of an earlier event
    ("blocked streets to demand"); ``vowed``: a commissive verb governs it; ``conditional``:
    "unless"/"otherwise" follows; ``before_words``: the lower-case words just before it;
    ``refused``: a refusal governs it ("refused to rule out"); ``after_words``: the
    clause's lower-case words after it.
    """

    negated: bool
    planned: bool
    governed: bool
    purpose: bool
    vowed: bool
    conditional: bool
    before_words: Sequence[str]
    refused: bool = False
    after_words: Sequence[str] = ()


def _commitment(kind: str, mode: str | None, lemma: str) -> str:
    """The type of a promised cooperative act (see module doc)."""
    if kind not in {"RETREAT", "CONCEDE"}:
        return "AGREE"
    if mode in _PERMISSIVE_MODES or lemma in _PERMISSIVE_LEMMAS:
        return "AGREE"
    return "CONCEDE"


def readings(kind: str, mode: str | None, lemma: str, rule_confidence: float,
             confidence: float, framing: Framing, source: tuple[ActorRef, ...],
             target: tuple[ActorRef, ...], future: bool, trigger_text: str,
             first_actor: tuple[ActorRef, ...]) -> list[Event]:
    """The trigger's events: the derived readings, then its own (see module doc).

    ``confidence`` is the trigger's own reading's, with evidence; ``first_actor`` the
    sentence's first actor, who makes a demand stated as an obligation on another.
    Offsets, date and place are filled in by the caller.
    """
    events: list[Event] = []

    def add(reading: str, negated: bool, score: float, planned_act: bool = future) -> None:
        own = mode if reading == kind else None  # a derived reading: no mode
        events.append(Event(reading, own, source, target, None, None, negated, planned_act,
                            max(0.01, min(0.99, score)), "", 0, 0, trigger_text))

    negated = framing.negated
    before_words = framing.before_words
    planned = framing.planned
    obliged = any(w in _OBLIGATION for w in before_words)
    willing = before_words[-1:] == ["to"] and len(before_words) > 1 and \
        before_words[-2] in _WILLING
    if willing and kind in COOPERATIVE - {"AGREE"} and not negated:
        # "is willing to withdraw", "was prepared to resume dialogue": a stated
        # willingness to cooperate is an AGREE (the manual's first sense).
        add("AGREE", False, confidence + 0.2)
    if kind in CONFLICTUAL and not negated and (
            framing.vowed or (planned and not framing.governed)):
        # "vowed to fight", "will impose sanctions", "plans to seize": a threat.
        add("THREATEN", False,
            rule_confidence + 0.2 if framing.vowed else confidence + 0.02)
    if lemma in _EXCLUSIONS and (negated or framing.refused) and \
            _FORCE.intersection(framing.after_words):
        # "refused to rule out military force", "did not exclude a strike": a threat.
        add("THREATEN", False, rule_confidence + 0.2)
    if framing.conditional and (planned or obliged) and not negated:
        # "will boycott the vote unless ...", "must pay or face sanctions": a threat.
        add("THREATEN", False, confidence + 0.1)
        confidence -= 0.2
    elif obliged and not negated:
        # "Russia said Sudan must return the helicopter": a demand on the doer, made by
        # the sentence's first actor when that is someone else.
        if first_actor and first_actor != source:
            events.append(Event("REQUEST", None, first_actor, source, None, None, False,
                                True, min(0.99, confidence + 0.05), "", 0, 0, trigger_text))
        else:
            add("REQUEST", False, confidence)
        confidence -= 0.2
    elif negated and kind in COOPERATIVE and (
            planned or any(w in _VOLITIONAL for w in before_words)
            or ("did" in before_words and kind in _STANCES)
            or (kind == "AGREE" and any(w in _FAILED for w in before_words))):
        # "will not withdraw", "would not hand over": a refusal. The refusal is made when it
        # is stated, so it is not future (the refused act stays future, negated). A negated
        # past act ("has not withdrawn") keeps its type, negated.
        add("REJECT", False, confidence - 0.02, planned_act=False)
        confidence -= 0.2
    elif planned and not framing.governed and not framing.purpose and not negated and \
            kind in COOPERATIVE - {"AGREE"}:
        # PLOVER codes a stated future cooperative act as a commitment (module doc).
        add(_commitment(kind, mode, lemma), False, confidence)
        confidence -= 0.15
    add(kind, negated, confidence)
    return events


def stated_demand(mentions: Sequence[Mention], words: Sequence[str], start: int, end: int,
                  trigger_starts: Sequence[int]) -> tuple[list[Mention], list[Mention], int]:
    """A demand reported as another's obligation whose act the lexicon does not know:
    "X declared that China must drop barriers (or face penalties)" is X's REQUEST of China.

    Returns (source, target, modal index), or empty lists when the sentence (tokens
    ``start``..``end``) has none: the obliged actor must stand right before the modal and
    right after a reporting word, the demanding one before that. Where the obliged act is
    a trigger, :func:`readings` has coded the demand already.
    """
    for k in range(start + 2, end):
        # Only "must": "said Kenya should invest more" is as often advice as a demand.
        if words[k] != "must" or any(k < t <= k + 3 for t in trigger_starts):
            continue
        obliged = [m for m in mentions if m.end == k and m.actor is not None]
        if not obliged:
            continue
        target = obliged[0]
        lead = words[max(start, target.start - 2):target.start]
        if not any(w in _REPORTED for w in lead):
            continue
        demanders = [m for m in mentions if m.end <= target.start - 1 and m.actor is not None
                     and m.actor.key != (target.actor.key if target.actor else None)]
        if demanders:
            return demanders[:1], [target], k
    return [], [], -1


def stated_condition(mentions: Sequence[Mention], words: Sequence[str], start: int, end: int,
                     trigger_starts: Sequence[int]) -> tuple[list[Mention], list[Mention], int]:
    """A threat stated as a conditional act the lexicon does not know: "X said Israel would
    act again if Iran tried ..." is Israel's THREATEN against Iran.

    Returns (source, target, modal index), or empty lists: an actor right before
    "would"/"will", no trigger between it and a following "if"/"unless", and another actor
    right after that. Where a trigger stands in between, :func:`readings` has coded the
    condition already.
    """
    for k in range(start + 1, end):
        if words[k] not in _WOULD:
            continue
        actors = [m for m in mentions if m.end == k and m.actor is not None]
        if not actors:
            continue
        doer = actors[0]
        for j in range(k + 1, min(end, k + 12)):
            if any(k < t < j for t in trigger_starts) or words[j] in {";", "."}:
                break
            if words[j] not in _IF:
                continue
            other = [m for m in mentions if j < m.start <= j + 3 and m.actor is not None
                     and doer.actor is not None and m.actor.key != doer.actor.key]
            if other:
                return [doer], other[:1], k
            break
    return [], [], -1
