"""Readings that depend on who acts: the same verb is a different PLOVER event by actor.

The lexicon types a trigger by its words; a few distinctions of the PLOVER manual turn on
the actors around it instead, and are made here once source and target are known:

* "protest" by a crowd is a demonstration (PROTEST), by a government, party, court or
  organisation a verbal objection (ACCUSE 'disapprove': "the ministry protested to Tokyo");
* violence by protesters, rioters or a mob ("protesters set fire to parliament") is a riot
  (PROTEST 'riot'), not the state's COERCE or an armed group's ASSAULT; their demands are
  the demonstration's (PROTEST), not a verbal REQUEST;
* a state that blocks ("Israel blocked the entry of aid") restricts (COERCE), it does not
  protest; a "joint" exercise or operation is COOPERATE, not MOBILIZE;
* a host is PLOVER's recipient, the visitor its actor; a state's own forces that it
  deploys are not the recipient (:func:`visit_roles`);
* withdrawing from an international organisation ("withdrew from UNESCO") reduces relations
  (SANCTION 'withdraw'); RETREAT 'withdraw' is leaving territory;
* an act done to a place ("sent aid to Gaza", "sites in Pakistan were struck", "lifted the
  state of emergency in Darfur") has that place's country as its recipient when no actor is
  named (:func:`place_target`).

And light verbs: "ordered the mobilisation", "announced a suspension", "undertook a
mediation mission" report the event the noun names; :func:`light_objects` finds such nouns
so the coder ranks the noun's event over the verb's weak own reading.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token

from sitrep.analyze.coder.arguments import AGENT_HEADS
from sitrep.models import ActorRef, Place

__all__ = ["BATCHES", "PLACE_DIRECTED", "light_objects", "missile_test", "place_source",
           "place_target", "retype", "trigger_clause", "visit_roles"]

# Types whose recipient may be a place rather than an actor: attacks, aid, coercion and
# withdrawals or concessions in a territory. A meeting, deal or protest in a city only
# happens there.
PLACE_DIRECTED = frozenset({"ASSAULT", "AID", "COERCE", "RETREAT", "CONCEDE", "MOBILIZE"})

# Sectors of actors whose "protest" is a statement, not a demonstration.
_OFFICIAL_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "PTY", "SOC", "ELI", "SPY"})
_HOSTING = frozenset({"host", "receive"})
_ARMED = frozenset({"MIL", "PRM", "REB", "COP"})
_STATE_FORCE = frozenset({"GOV", "MIL", "COP"})
_NON_STATE_ARMED = frozenset({"REB"})
# Setting fire: COERCE for settlers or a state's agents, ASSAULT for fighters.
_ARSON = frozenset({"set", "torch"})
_FIGHTERS = frozenset({"MIL", "REB", "PRM"})
# CAMEO's "gather", "assemble": a meeting of officials, a demonstration of a crowd.
_ASSEMBLING = frozenset({"gather", "assemble", "converge", "congregate"})
_TRANSNATIONAL = frozenset({"IGO", "NGO", "IMG", "ISM", "MNC"})
_OBJECT_DEPS = frozenset({"obj", "dobj", "nsubj:pass", "nsubjpass"})
# Verbs that only say an event (their subject) happened: "talks took place in Muscat",
# "strikes resumed", "an agreement was reached". The noun is the news, with its own actors
# ("talks between X and Y"); the verb's own reading ("took" = seized) is not.
_HAPPENING = frozenset({"happen", "occur", "begin", "start", "resume", "continue", "proceed",
                        "open"})
_LIGHT_GAP = 5  # words a light verb may stand before its noun ("ordered the general ...")
_NOT_BETWEEN = frozenset({",", ";", ":", "to", "that", "and", "or", "but", "which", "who"})


def retype(kind: str, mode: str | None, lemma: str, source: Sequence[ActorRef],
           left_from: Sequence[ActorRef], source_names: Sequence[str],
           crowds: frozenset[str], recipient_to: bool, joint: bool) -> tuple[str, str | None]:
    """The (type, mode) of an event once its actors are known (see module doc).

    ``source_names`` are the lower-case words of the source (or, with no source actor, the
    clause's words before an active trigger), ``left_from`` the actors named right after
    "from" ("withdrew from X"), ``recipient_to`` whether "to X" follows the trigger
    ("protested to Japan"), ``joint`` whether the noun trigger is "joint" ("joint
    exercises": PLOVER codes joint military operations COOPERATE).
    """
    if joint and kind in {"MOBILIZE", "ASSAULT", "CONSULT"}:
        return "COOPERATE", "military" if kind != "CONSULT" else None
    if kind == "PROTEST" and mode == "obstruct" and any(
            a.sector in _STATE_FORCE for a in source):
        return "COERCE", "restrict"  # a state blocking access restricts, it does not protest
    if kind == "PROTEST" and lemma == "protest" and (recipient_to or any(
            a.sector in _OFFICIAL_SECTORS or a.country in _TRANSNATIONAL for a in source)):
        return "ACCUSE", "disapprove"
    if kind in {"COERCE", "ASSAULT"} and any(name in crowds for name in source_names):
        return "PROTEST", "riot"
    if kind == "CONSULT" and lemma in _ASSEMBLING and any(name in crowds
                                                          for name in source_names):
        # "Protesters gathered outside parliament": a crowd assembling demonstrates.
        return "PROTEST", "demo"
    if kind == "PROTEST" and mode == "boycott" and lemma == "strike" and any(
            a.sector in _ARMED for a in source):
        # "The defence ministry carried out a strike on ...": an armed force's strike is
        # an attack, a workers' strike a protest.
        return "ASSAULT", None
    if kind == "COERCE" and lemma in _ARSON and any(a.sector in _FIGHTERS for a in source):
        # "Ukrainian drones set fire to a refinery": an armed force's arson is an attack
        # (settlers or a state's bulldozers destroying property stay COERCE).
        return "ASSAULT", None
    if kind == "REQUEST" and any(name in crowds for name in source_names):
        # The manual: demands that take the form of demonstrations are PROTEST.
        return "PROTEST", "demo"
    if kind == "RETREAT" and mode == "withdraw" and left_from and all(
            a.country in _TRANSNATIONAL for a in left_from):
        return "SANCTION", "withdraw"
    return kind, mode


def visit_roles(kind: str, lemma: str, source: tuple[ActorRef, ...],
                target: tuple[ActorRef, ...]) -> tuple[tuple[ActorRef, ...],
                                                      tuple[ActorRef, ...]]:
    """PLOVER's sides for hosting and for deploying one's own forces.

    CONSULT: "in events where one side is hosting and one is visiting, the visitor will
    always be coded as the actor and the host will be the recipient": the subject of
    "hosted" / "received" is the host, so the sides swap. MOBILIZE, AID, RETREAT: the
    troops a state deploys, sends or pulls back are its own, not the recipient ("Cambodia
    deployed troops to its border with Thailand": Thailand).
    """
    if kind == "CONSULT" and lemma in _HOSTING and source and target:
        return target, source
    if kind in {"MOBILIZE", "AID", "RETREAT"} and source:
        home = {a.country for a in source if a.country}
        state = any(a.sector in _STATE_FORCE for a in source)
        # A rebel group's country's army is not its own ("handed over weapons to the
        # army"), nor are the rebels a state releases ("Kinshasa released M23 members"; the
        # militia it mobilises is).
        own = tuple(a for a in target if a.sector in _ARMED and a.country in home | {None}
                    and (not (kind == "RETREAT" and a.sector in _NON_STATE_ARMED) if state
                         else a.sector not in _STATE_FORCE))
        if own:
            return source, tuple(a for a in target if a not in own)
    return source, target


# Nouns that only count or bundle an event noun: "a package of sanctions", "a new round of
# talks", "a wave of arrests" are the sanctions, talks, arrests.
BATCHES = frozenset({"package", "round", "series", "wave", "raft", "batch", "set",
                      "spate", "string"})


def light_objects(words: Sequence[str], nouns: Sequence[tuple[int, int]],
                  light: frozenset[str], parse: Doc | None, offset: int,
                  is_verb: Callable[[int], bool]) -> dict[int, int]:
    """Noun trigger start -> the token index of the light verb it is the object of.

    ``nouns`` are (start, end) of the sentence's nominal triggers. With a parse, the noun's
    head word must be the object (or passive subject) of a light verb; without, a light verb
    form must stand at most a few words before the noun with no clause break between.
    """
    found: dict[int, int] = {}
    for start, end in nouns:
        if parse is not None:
            token = parse[end - 1 - offset]
            while token.dep_ in {"compound", "amod"} and token.head.i > token.i:
                token = token.head  # "a loan disbursement": the phrase's head noun
            if token.i != end - 1 - offset and token.lemma_.lower() in AGENT_HEADS:
                continue  # "aid agencies": a body named after its work, no event noun
            if token.dep_ == "nmod" and token.head.lemma_.lower() in BATCHES and \
                    token.head.i < token.i:
                token = token.head  # "approved a package of sanctions": the package
            if _happening(token) or (token.dep_ in _OBJECT_DEPS and (
                    token.head.lower_ in light or token.head.lemma_.lower() in light)):
                found[start] = token.head.i + offset
            continue
        for k in range(start - 1, max(-1, start - 1 - _LIGHT_GAP), -1):
            if words[k] in _NOT_BETWEEN:
                break
            if words[k] in light and is_verb(k):
                found[start] = k
                break
    return found


# What ends a clause in raw text: punctuation that breaks it, or a word that opens another
# clause ("declared a ceasefire after talks in Doha resumed": Doha is the talks' place).
_CLAUSE_EDGE = re.compile(
    r"[,;:\u2014\u2013()]|--|\b(?:after|before|while|whereas|when|because|although|since|"
    r"until|as|which|who|whom|that|where|said|says)\b", re.IGNORECASE)

# Clause edges that open a subordinate clause: its place is not the main clause's.
_SUBORDINATORS = frozenset({"after", "before", "while", "whereas", "when", "because",
                            "although", "since", "until", "as"})


def trigger_clause(sentence: str, trigger_at: int, trigger_end: int) -> tuple[int, int]:
    """The (start, end) offsets in ``sentence`` of the clause around its trigger at
    ``sentence[trigger_at:trigger_end]``: from the last clause edge before the trigger to
    the first after it (see _CLAUSE_EDGE).

    A place-directed act is aimed at a place named in its own clause ("sent aid to Gaza",
    "sites in Kharkiv were struck"); a dateline ("DOHA, Feb 26 —") says where the report
    was filed and a subordinate clause's place where something else happened.

    A participle clause opened by the trigger after a comma ("struck a car in Nabatieh,
    killing one person") tells the outcome of the main clause's act, at its place: its
    clause reaches back over the comma to the main clause's start.
    """
    edges = [(edge.start(), edge.end())
             for edge in _CLAUSE_EDGE.finditer(sentence, 0, trigger_at)]
    start = edges[-1][1] if edges else 0
    if edges and sentence[edges[-1][0]:edges[-1][1]] == "," and \
            not sentence[start:trigger_at].strip() and \
            sentence[trigger_at:trigger_end].lower().endswith("ing") and (
                len(edges) == 1 or sentence[edges[-2][0]:edges[-2][1]].lower()
                not in _SUBORDINATORS):
        start = edges[-2][1] if len(edges) > 1 else 0
    after = _CLAUSE_EDGE.search(sentence, trigger_end)
    return start, after.start() if after else len(sentence)


def place_target(kind: str, target: tuple[ActorRef, ...],
                 place: Place | None) -> tuple[ActorRef, ...]:
    """The event's place as its recipient, for a place-directed event with none named.

    PLOVER codes the place an attack hits or aid reaches ("Kyiv", "Gaza") with its country
    and no sector; ``place`` is the place named in the trigger's own clause
    (:func:`trigger_clause`), not the sentence's location, which may belong to another
    clause or be the dateline.
    """
    if target or kind not in PLACE_DIRECTED or place is None or place.country is None:
        return target
    return (ActorRef(place.name, place.country, None),)


_LAUNCHES = frozenset({"fire", "launch", "test-fire"})
_MISSILES = frozenset({"missile", "missiles", "rocket", "rockets"})
_OPEN_WATER = frozenset({"sea", "ocean", "waters"})


def missile_test(kind: str, lemma: str, after: Sequence[str]) -> bool:
    """Is an ASSAULT reading of "fired/launched missiles" a weapons test that hit no one?

    Missiles fired "into the sea", "toward the Sea of Japan" are a show of force (PLOVER
    MOBILIZE 'weapons'); fired at a place or actor they are an attack. ``after`` are the
    clause's lower-case words after the trigger.
    """
    return kind == "ASSAULT" and lemma in _LAUNCHES and bool(
        _MISSILES.intersection(after)) and bool(_OPEN_WATER.intersection(after))


def place_source(kind: str, source: tuple[ActorRef, ...],
                 place: Place | None) -> tuple[ActorRef, ...]:
    """The event's place as the actor of an attack whose attacker is not named.

    "A journalist was killed in a car bomb explosion in Beirut", "an attempt to
    assassinate the governor was thwarted in Khanty-Mansiysk": PLOVER codes the unknown
    attacker with the country where the attack happened (the place, no sector).
    """
    if source or kind != "ASSAULT" or place is None or place.country is None:
        return source
    return (ActorRef(place.name, place.country, None),)


def _happening(noun: Token) -> bool:
    """Is ``noun`` the subject of a verb that only says it happened (see _HAPPENING)?"""
    verb = noun.head
    lemma = verb.lemma_.lower()
    if noun.dep_ in {"nsubj:pass", "nsubjpass"}:
        return lemma == "reach"  # "an agreement was reached"
    if noun.dep_ != "nsubj" or verb.i == noun.i:
        return False
    return lemma in _HAPPENING or (lemma == "take" and any(
        c.dep_ in _OBJECT_DEPS and c.lower_ == "place" for c in verb.children))
