"""Who did what to whom, read from a dependency parse (UD English-EWT labels).

Used by the coder when a trained parser ran. For a trigger token it finds:

* the source: ``nsubj`` (+ its conjuncts: "X and Y agreed"); in a passive, ``obl:agent``
  ("was attacked by X"); a verb without its own subject borrows its controller's
  ("X agreed to withdraw": ``xcomp``; "X met Y and signed": ``conj``; a relative clause's
  "who"/"which" is the noun it modifies). A noun trigger's source is its possessor or
  modifier ("Russia's attack", "U.S. sanctions") or the subject of the light verb it is
  the object of ("X held talks", "X launched an attack");
* the target: ``obj``/``iobj``, the passive ``nsubj:pass``, an ``obl``/``nmod`` whose case
  marker names a recipient ("talks with X", "sanctions on X", "aid to X"); a place ("in X")
  only when nothing else is named; a governing verb without its own object takes its
  complement's ("threatened to attack X");
* negation (a ``Polarity=Neg`` / "not" / "n't" / "never" dependent, or a negated governor)
  and future (``aux`` will/shall, or a governor such as "set to", "plans to", "expected to");
* the clause: main (root or coordinated with it), reported (the complement of a verb of
  saying, coded with its own subject), or subordinate (adverbial/relative, background).

An actor mention is attached to the parse by its tokens: a dependent that is inside a
mention is that mention; otherwise the mentions in its noun phrase (not in clauses below it).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Token

from sitrep.analyze.nlp.records import Mention

__all__ = ["AGENT_HEADS", "TIME_WORDS", "ParsedRoles", "parse_roles", "statement_subject"]

_SUBJECTS = frozenset({"nsubj", "nsubj:outer", "csubj"})
_PASSIVE_SUBJECTS = frozenset({"nsubj:pass", "nsubjpass"})
_AGENTS = frozenset({"obl:agent", "agent"})
_OBJECTS = frozenset({"obj", "dobj", "iobj", "dative"})
_OBLIQUES = frozenset({"obl", "nmod", "obl:arg", "prep", "pobj"})
# Case markers that name a recipient of the action (not a place, time or reason).
_RECIPIENT_CASES = frozenset({"to", "with", "on", "against", "at", "into", "toward", "towards",
                              "upon", "onto", "for", "from", "between", "among", "over"})
_PLACE_CASES = frozenset({"in", "inside", "near", "across", "throughout", "outside"})
# Dependents that open a clause: the noun phrase search stops there.
_CLAUSAL = frozenset({"acl", "acl:relcl", "relcl", "advcl", "ccomp", "xcomp", "parataxis",
                      "csubj", "advmod", "punct", "cc", "mark"})
_NP_PARTS = frozenset({"compound", "flat", "nmod", "nmod:poss", "nmod:desc", "poss", "amod",
                       "appos",
                       "det", "nummod", "nmod:npmod", "conj", "case", "obl"})
# Head nouns that make a modifying event noun the name of a body, person or vehicle
# ("aid agencies", "a carrier strike group", "protest leaders", "attack helicopters"): not
# an event. Other heads keep it one ("an aid package", "a bombing campaign").
AGENT_HEADS = frozenset({"agency", "group", "worker", "organisation", "organization",
                         "official", "leader", "organiser", "organizer", "movement",
                         "committee", "team", "unit", "force", "helicopter", "ship",
                         "vessel", "aircraft", "plane", "jet", "boat", "submarine", "drone",
                         "coalition", "network", "body", "staff", "volunteer"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
TIME_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                         "sunday", "today", "yesterday", "tomorrow", "tonight", "morning",
                         "afternoon", "evening", "night", "week", "weekend", "month", "year",
                         "january", "february", "march", "april", "may", "june", "july",
                         "august", "september", "october", "november", "december"})
_NEGATIONS = frozenset({"not", "n't", "never", "no"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
# Governors whose complement is a planned act: "set to", "plans to", "expected to".
_FUTURE_GOVERNORS = frozenset({"set", "plan", "expect", "due", "poise", "schedule", "aim",
                               "intend", "go", "prepare", "hope", "want", "seek", "ready",
                               "likely", "about"})
_REPORTING = frozenset({"say", "tell", "announce", "state", "report", "add", "claim", "note",
                        "confirm", "insist", "argue", "believe", "think", "write", "allege",
                        "accord", "declare", "reveal", "assert", "stress", "warn"})
_BACKGROUND = frozenset({"after", "before", "since", "while", "by", "without", "despite",
                         "following", "amid", "in", "when", "as", "because", "if", "unless",
                         "until", "upon"})
# Clauses about something else: a complement chain under one is subordinate too.
_ADVERBIAL = frozenset({"advcl", "acl", "acl:relcl", "relcl"})
_SUBORDINATE = frozenset({"advcl", "acl", "acl:relcl", "relcl", "csubj", "nmod", "obl",
                          "obj", "nsubj", "nsubj:pass", "appos", "compound", "amod"})


@dataclass(slots=True)
class ParsedRoles:
    """What the parse says about one trigger."""

    source: list[Mention] = field(default_factory=list)
    target: list[Mention] = field(default_factory=list)
    negated: bool = False
    future: bool = False
    governor: Token | None = None  # the verb whose complement the trigger is
    reported: bool = False  # the complement of a verb of saying
    subordinate: bool = False  # an adverbial/relative clause or a noun's modifier
    background: bool = False  # introduced by "after", "while", "in" ...: context, not news
    modifier: bool = False  # a verb form used as an adjective ("the besieged town")
    passive: bool = False
    # A clause that describes a participant of another event of the sentence ("pardoned
    # soldiers jailed for ...", "vetoed a resolution demanding ...", "welcomed X, who is
    # trying to ..."): background about that participant, not the sentence's news.
    embedded: bool = False
    # The complement of an adjective on a noun ("an issue likely to dominate X"): the
    # noun is the doer, not an actor; no actor may be borrowed by word order.
    descriptive: bool = False
    # The mentions of the verb's direct object ("sending warships and coast guard
    # vessels"): for a deployment, what is sent, not at whom.
    objects: list[Mention] = field(default_factory=list)


class _MentionIndex:
    """Parse token index -> the mention covering it, for one sentence (mentions count
    tokens of the whole doc, the parse from ``offset``)."""

    def __init__(self, mentions: Sequence[Mention], offset: int) -> None:
        self.at: dict[int, Mention] = {}
        self.keys: dict[int, str] = {}  # mention start -> actor key
        for m in mentions:
            if m.actor is not None:
                self.keys[m.start] = m.actor.key
            for k in range(m.start - offset, m.end - offset):
                self.at.setdefault(k, m)

    def of_phrase(self, token: Token, depth: int = 3,
                  skip: frozenset[int] = frozenset()) -> list[Mention]:
        """The mention ``token`` is in; else the first in its noun phrase (breadth first,
        not entering clauses); plus those of the coordinated nouns ("X and Y"). Mentions
        starting at ``skip`` (doc indices: the source's) are passed over, so "to its border
        with Thailand" finds Thailand, not the "its" of the source."""
        keys = frozenset(self.keys[k] for k in skip if k in self.keys)
        anchor = token if token.i in self.at and not self._skipped(self.at[token.i], keys) \
            else self._search(token, depth, skip=None, skip_keys=keys)
        if anchor is None:
            return []
        group = [self.at[anchor.i]]
        if _countryless(group[0]):
            # "Iran's leader Khomeini", "doctors from two American aid groups": the person
            # or group is unknown to the KB, the phrase names whose they are.
            owner = self._search(anchor, depth, skip=group[0])
            if owner is not None and not _countryless(self.at[owner.i]):
                group.append(self.at[owner.i])
        for conj in anchor.conjuncts:
            if conj.i > anchor.i:
                extra = conj if conj.i in self.at else self._search(conj, depth)
                if extra is not None and self.at[extra.i] not in group:
                    group.append(self.at[extra.i])
        return group

    @staticmethod
    def _skipped(mention: Mention, keys: frozenset[str]) -> bool:
        return mention.actor is not None and mention.actor.key in keys

    def _search(self, token: Token, depth: int, skip: Mention | None = None,
                skip_keys: frozenset[str] = frozenset()) -> Token | None:
        frontier = [token]
        for _ in range(depth):
            nxt: list[Token] = []
            for tok in frontier:
                for child in tok.children:
                    if child.dep_ in _CLAUSAL or child.dep_ not in _NP_PARTS:
                        continue
                    if child.dep_ == "conj" and tok.lower_ in TIME_WORDS:
                        # "on Thursday and police detained ...": a parser's conjunct of
                        # a time is the next clause's subject, not a participant
                        continue
                    if child.i in self.at and self.at[child.i] is not skip and \
                            not self._skipped(self.at[child.i], skip_keys) and \
                            not _case_is(child, _PLACE_CASES):
                        return child
                    nxt.append(child)
            frontier = sorted(nxt, key=lambda t: t.i)
            if not frontier:
                break
        return None


def _describes_participant(verb: Token, trigger_heads: set[int]) -> bool:
    """Is ``verb`` a (reduced) relative clause, or a clause under one, whose noun hangs
    below another typed trigger earlier in the sentence (the main verb and its object come
    first; a trigger after the clause is more often a parser's wrong root)?"""
    current = verb
    while current.dep_ in {"xcomp", "conj"} and current.head.i != current.i:
        current = current.head  # "who is attempting to break": the relative clause's verb
    if current.dep_ not in {"acl", "acl:relcl", "relcl"}:
        return False
    node = current.head
    if node.dep_ in _SUBJECTS | _PASSIVE_SUBJECTS and node.head.i in trigger_heads and \
            node.head.i > verb.i and not any(c.dep_ in _OBJECTS for c in verb.children):
        # "soldiers captured in Kursk were released": a passive participle on the main
        # verb's subject (no object of its own); the release is the news.
        return True
    for _ in range(6):
        if node.i in trigger_heads and node.i < verb.i:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _countryless(mention: Mention) -> bool:
    return mention.actor is None or mention.actor.country is None


def _case_of(token: Token) -> str:
    for child in token.children:
        if child.dep_ in {"case", "mark"} and child.i < token.i:
            return child.lower_
    return ""


def _case_is(token: Token, cases: frozenset[str]) -> bool:
    return _case_of(token) in cases


def _own_subject(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in _SUBJECTS]


def _subject_tokens(verb: Token, limit: int = 4) -> tuple[list[Token], bool]:
    """The subject tokens of ``verb`` (own or borrowed) and whether it is passive-borrowed."""
    current = verb
    for _ in range(limit):
        own = _own_subject(current)
        if own:
            subject = own[0]
            if subject.lower_ in _RELATIVE and current.dep_ in {"acl:relcl", "relcl"}:
                return [current.head], False
            return own, False
        if current.dep_ in {"acl:relcl", "relcl"}:
            return [current.head], False
        if current.dep_ in {"xcomp", "conj", "advcl"} and current.head.i != current.i:
            if current.dep_ == "xcomp":
                # Object control: "urged Iran to return" -> Iran does the returning; so
                # does "called on Iran to return" (the object behind "on"/"upon").
                objects = [c for c in current.head.children if c.dep_ in _OBJECTS] or [
                    c for c in current.head.children
                    if c.dep_ == "obl" and c.i < current.i and _case_is(c, _CONTROL_CASES)]
                if objects:
                    return objects[:1], False
            elif current.dep_ == "advcl" and _to_infinitive(current):
                # The parser often hangs "called on Iran to release ..." as an adverbial
                # (purpose) clause: the object behind "on"/"upon" still does the act.
                called = [c for c in current.head.children
                          if c.dep_ == "obl" and c.i < current.i and _case_is(c, _CONTROL_CASES)]
                if called:
                    return called[:1], False
            if current.dep_ == "conj" and _joins_the_reporting_verb(current):
                current = current.head.head
                continue
            current = current.head
            continue
        break
    return [], False


_CONTROL_CASES = frozenset({"on", "upon"})
"""Prepositions whose object does what the verb's ``xcomp`` says ("called on X to")."""


def _to_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "to" for c in verb.children)


def _tense(token: Token) -> str:
    return "".join(token.morph.get("Tense", []))


def _joins_the_reporting_verb(conj: Token) -> bool:
    """Is a past-tense conjunct hung on a present or bare verb of a complement clause in
    fact the second verb of the clause's past-tense governor? "The council demanded that
    the rebels halt their offensive and called on Rwanda to withdraw": "called" agrees with
    "demanded", not with the subjunctive "halt", so the council calls (a parser's
    attachment slip that tense exposes)."""
    head = conj.head
    governor = head.head
    return head.dep_ == "ccomp" and governor.i != head.i and \
        _tense(conj) == "Past" and _tense(head) != "Past" and _tense(governor) == "Past" \
        and not _own_subject(conj)


def _negated(token: Token) -> bool:
    for child in token.children:
        if child.dep_ in {"advmod", "neg", "aux", "det"} and (
                child.lower_ in _NEGATIONS or "Neg" in child.morph.get("Polarity", [])):
            if child.dep_ == "det" and token.pos_ != "NOUN":
                continue
            return True
    return False


def _future(token: Token) -> bool:
    return any(c.dep_ in {"aux", "aux:pass"} and c.lower_ in _FUTURE_AUX for c in token.children)


def _targets_of(verb: Token, index: _MentionIndex,
                exclude: set[int]) -> tuple[list[Mention], list[Mention]]:
    """Recipients among the verb's dependents: (objects and recipient obliques, places)."""
    firsts: list[Mention] = []
    places: list[Mention] = []
    for child in verb.children:
        dep = child.dep_
        if dep in _OBJECTS or dep in _PASSIVE_SUBJECTS:
            bucket = firsts
        elif dep in _OBLIQUES and dep not in _AGENTS:
            case = _case_of(child)
            if case in _RECIPIENT_CASES:
                bucket = firsts
            elif case in _PLACE_CASES:
                bucket = places
            else:
                continue
        else:
            continue
        for m in index.of_phrase(child, skip=frozenset(exclude)):
            if m.start not in exclude and m not in bucket:
                bucket.append(m)
    return firsts, [m for m in places if m not in firsts]


def parse_roles(trigger: Token, nominal: bool, mentions: Sequence[Mention],
                trigger_heads: Iterable[int] = (), offset: int = 0) -> ParsedRoles:
    """Source, target, modality and clause of the trigger at ``trigger`` (see module doc).

    ``trigger_heads`` are the parse token indices of the sentence's other typed triggers: a
    noun that is the object of one of them ("condemned the attack") has no source of its
    own. Mention token indices minus ``offset`` are parse token indices.
    """
    index = _MentionIndex(mentions, offset)
    roles = ParsedRoles()
    heads = set(trigger_heads)
    dep = trigger.dep_
    head = trigger.head
    if dep in {"xcomp", "ccomp"} and head.i != trigger.i:
        if head.lemma_.lower() in _REPORTING:
            roles.reported = True
        else:
            roles.governor = head
    roles.negated = _negated(trigger) or (roles.governor is not None and _negated(head))
    roles.future = _future(trigger) or (
        roles.governor is not None and (head.lemma_.lower() in _FUTURE_GOVERNORS
                                        or _future(head)))
    if dep == "conj" and head.pos_ in {"VERB", "AUX"} and not any(
            c.dep_ in _SUBJECTS or c.dep_.startswith("aux") for c in trigger.children):
        # "will not dissolve its forces or hand over its weapons": the second verb shares
        # the first one's auxiliaries and negation.
        roles.negated = roles.negated or _negated(head)
        roles.future = roles.future or _future(head)
    clause = trigger  # "who is attempting to break": the clause is the relative one
    while clause.dep_ == "xcomp" and clause.head.i != clause.i:
        clause = clause.head
    roles.subordinate = not nominal and (dep in _SUBORDINATE or clause.dep_ in _ADVERBIAL)
    roles.descriptive = not nominal and clause is not trigger and clause.dep_ == "amod" \
        and clause.head.pos_ in {"NOUN", "PROPN"}
    before = trigger.nbor(-1) if trigger.i > 0 else None
    # A possessive before the form makes it an adjective only when it is a pronoun ("its
    # besieged town"): a bare name there ("Beijing criticised ...") is the subject that a
    # parser misread as a possessor.
    roles.modifier = not nominal and dep in {"amod", "compound", "nmod:desc"} and \
        not _own_subject(trigger) and before is not None and (
            before.pos_ in {"DET", "NUM", "ADJ"}
            or before.dep_ in {"det", "nummod", "amod"}
            or (before.dep_ == "nmod:poss" and before.pos_ == "PRON"))
    roles.embedded = not nominal and _describes_participant(trigger, heads)
    if nominal and dep == "compound" and trigger.head.i == trigger.i + 1 and \
            trigger.head.pos_ == "NOUN" and trigger.head.i not in heads and \
            trigger.head.lemma_.lower() in AGENT_HEADS:
        # "an aircraft carrier strike group", "aid agencies said": a kind of body, no event.
        roles.modifier = True
    roles.background = any(c.dep_ in {"mark", "case"} and c.lower_ in _BACKGROUND
                           for c in trigger.children)
    if nominal:
        return _nominal_roles(trigger, index, roles, heads)
    source_tokens, _ = _subject_tokens(trigger)
    for tok in source_tokens:
        roles.source += [m for m in index.of_phrase(tok) if m not in roles.source]
    passive_subjects = [c for c in trigger.children if c.dep_ in _PASSIVE_SUBJECTS]
    if passive_subjects:
        roles.passive = True
        roles.source = []
        for child in trigger.children:
            if child.dep_ in _AGENTS or (child.dep_ == "obl" and _case_of(child) == "by"):
                roles.source += index.of_phrase(child)
    acted_on: list[Mention] = []
    agents = [c for c in trigger.children if c.dep_ in _AGENTS]
    if agents and not passive_subjects and not _own_subject(trigger):
        # A participle with its agent, "soldiers freed by the rebels": a reduced passive
        # (only a passive takes a "by" agent), whatever label the parser gave the verb.
        # The agent does it, to the noun the participle follows.
        roles.passive = True
        roles.source = [m for child in agents for m in index.of_phrase(child)]
        modified = head if dep in {"acl", "amod"} and head.i < trigger.i else before
        if modified is not None and modified.pos_ in {"NOUN", "PROPN"}:
            acted_on = [m for m in index.of_phrase(modified, 1) if m not in roles.source]
    exclude = {m.start for m in roles.source}
    firsts, places = _targets_of(trigger, index, exclude)
    firsts = acted_on + [m for m in firsts if m not in acted_on]
    roles.objects = [m for child in trigger.children if child.dep_ in _OBJECTS
                     for m in index.of_phrase(child, skip=frozenset(exclude))]
    if not firsts:
        # "threatened to attack X", "agreed to hold talks with X": the complement's object
        # (before a place named in the main clause).
        for child in trigger.children:
            if child.dep_ == "xcomp":
                firsts, more_places = _targets_of(child, index, exclude)
                places += more_places
                if firsts:
                    break
    if not firsts:
        # "demanded that its partners refuse", "warned that Japan would suffer": the one
        # the demand or warning is about is the subject of the that-clause.
        for child in trigger.children:
            if child.dep_ != "ccomp":
                continue
            for tok in child.children:
                if tok.dep_ in _SUBJECTS | _PASSIVE_SUBJECTS:
                    firsts += [m for m in index.of_phrase(tok, skip=frozenset(exclude))
                               if m.start not in exclude and m not in firsts]
            if firsts:
                break
    roles.target = firsts + [m for m in places if m not in firsts]
    return roles


def _nominal_roles(noun: Token, index: _MentionIndex, roles: ParsedRoles,
                   trigger_heads: set[int]) -> ParsedRoles:
    """A noun trigger: "Russia's attack on Kyiv", "talks between X and Y", "X held talks"."""
    for child in noun.children:
        if child.dep_ in {"nmod:poss", "poss", "compound", "amod"} and child.i < noun.i:
            roles.source += [m for m in index.of_phrase(child, 1) if m not in roles.source]
        elif child.dep_ in {"nmod", "prep"}:
            case = _case_of(child)
            found = index.of_phrase(child)
            if case in {"between", "among", "by"}:
                roles.source += [m for m in found if m not in roles.source]
            elif case in _RECIPIENT_CASES:
                roles.target += [m for m in found if m not in roles.target]
    phrase = noun  # "a mediation mission", "a loan disbursement": the phrase's head noun
    while phrase.dep_ == "compound" and phrase.head.i > phrase.i:
        phrase = phrase.head
    governor = phrase.head
    if phrase.dep_ in _OBJECTS | _PASSIVE_SUBJECTS | _SUBJECTS and governor.i != phrase.i:
        # "talks will be held", "did not hold talks": the noun's event takes the tense and
        # polarity of the verb it is an argument of.
        roles.future = roles.future or _future(governor)
        roles.negated = roles.negated or _negated(governor)
    if not roles.source and phrase.dep_ in _OBJECTS and governor.i not in trigger_heads:
        # A light verb: "X held talks", "X launched an attack", "X imposed sanctions".
        for tok in _subject_tokens(governor)[0]:
            roles.source += [m for m in index.of_phrase(tok) if m not in roles.source]
        if not roles.target:
            exclude = {m.start for m in roles.source}
            firsts, places = _targets_of(governor, index, exclude)
            own = (index.at.get(noun.i), index.at.get(phrase.i))  # parse indices
            roles.target = [m for m in firsts + places if not any(m is o for o in own)]
    exclude = {m.start for m in roles.source}
    roles.target = [m for m in roles.target if m.start not in exclude]
    roles.subordinate = phrase.dep_ not in {"ROOT", "obj", "nsubj", "nsubj:pass", "conj"}
    return roles


def statement_subject(trigger: Token, mentions: Sequence[Mention],
                      offset: int = 0) -> list[Mention]:
    """The actors a fronted statement is about: "Croatian authorities are failing to ...,
    a rights group protested" (the speech verb a ``parataxis`` after the main clause) is a
    protest against the main clause's subject. Empty when the shape does not hold."""
    head = trigger.head
    if trigger.dep_ != "parataxis" or head.i >= trigger.i:
        return []
    index = _MentionIndex(mentions, offset)
    found: list[Mention] = []
    for child in head.children:
        if child.dep_ in _SUBJECTS | _PASSIVE_SUBJECTS:
            found += [m for m in index.of_phrase(child) if m not in found]
    return found
