"""Who is, and who is not, the other party of an event: checks made once the coder has
read a trigger's source and target from the parse or from word order.

Each is a class of wording that put the wrong actor in a brief:

* a state's own agent acting "on" the state itself ("the US envoy attended ... by U.S.
  adviser X", "the Kenyan minister ... Kenya"): an official is no party against his own
  country; such a target is the name of where he comes from (:func:`own_state`);
* a third party introduced as a witness, mediator or chair ("signed a statement in the
  presence of X", "an agreement brokered by X", "talks mediated by X"): present, not the
  recipient (:func:`third_party`);
* a reciprocal act ("X and Y accused each other", "traded accusations", "exchanged
  fire"): each party is the other's target (:func:`reciprocal`, :func:`each_way`);
* an actor in a clause of its own that word order brought in: the subject of a relative
  clause on the object ("would respect any deal the parties reached"), of a trailing
  attribution (", Rutte announced"), or of a relative clause on a thing ("the measures
  freeze assets the six men hold and ban them") (:func:`own_clause`);
* a possessive pronoun that agrees with the doer ("would honour its commitments"): the
  doer's own, not another party (:func:`reflexive_possessive`);
* a denial or claim about one's own agents ("Kigali rejected claims that Rwandan forces
  were involved"): the subject of the that-clause is what is denied, not the other party
  (:func:`denied_own_agent`);
* a word-order target of a relative clause's verb taken from the main clause ("asked Iran
  to allow inspectors into the sites that were bombed by X"): a relative clause is about
  the noun it modifies (:func:`relative_fallback`);
* a supervising verb ("oversaw the release of prisoners by both sides", "monitored the
  handover"): its subject watched an act that others did (:data:`SUPERVISING`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from sitrep.analyze.nlp.records import Mention
from sitrep.models import ActorRef, Event

__all__ = ["SUPERVISING", "denied_own_agent", "each_way", "own_clause", "own_state",
           "reciprocal", "reflexive_possessive", "relative_fallback", "third_party",
           "trailing_speaker"]

# Verbs whose subject supervises or witnesses an act done by others: their CAMEO reading
# ("oversee ... release": RETREAT) is the supervised act's, not the supervisor's.
SUPERVISING = frozenset({"oversee", "supervise", "monitor", "witness", "observe",
                         "verify", "escort"})
# Sectors whose actors act for their state: its own name is never their recipient.
_STATE_AGENTS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
# Words right before a mention that make it a witness, mediator or chair of the event.
_PRESENCE_NOUNS = frozenset({"presence", "auspices", "mediation", "supervision",
                             "sponsorship", "aegis"})
_MEDIATING = frozenset({"mediated", "brokered", "witnessed", "facilitated", "chaired",
                        "overseen", "supervised", "sponsored", "moderated", "observed"})
_SOURCE_NOUNS = frozenset({"sources", "source"})
"""Words between a speaker and its saying verb (", diplomatic sources said")."""
_PERSONAL_POSSESSIVES = frozenset({"his", "her"})
_OTHER_POSSESSIVES = frozenset({"its", "their"})
_TITLE_GAP = 5  # words between the comma and a speaker's name ("the army's spokesman")
_SAYING_FORMS = frozenset({"said", "says", "announced", "announces", "told", "reported",
                           "added", "confirmed", "stated", "wrote", "declared", "noted",
                           "explained", "insisted", "warned"})
_GAP = 4  # words between the cue and the mention ("in the presence of Qatar's minister")
# "each other", "one another": the act goes both ways between the subject's parties.
_RECIPROCALS = (("each", "other"), ("one", "another"))
# Acts that are reciprocal by themselves when the subject names two parties: "traded
# accusations", "exchanged fire".
_EXCHANGES = frozenset({"trade", "traded", "trading", "trades", "exchange", "exchanged",
                        "exchanging", "exchanges"})
# Clauses of their own: an actor inside one that does not contain the trigger is not an
# argument word order may give it.
_CLAUSES = frozenset({"acl", "acl:relcl", "relcl", "advcl", "ccomp", "parataxis", "csubj"})
_SUBJECTS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})
# Verbs of saying: their subject, after the reported clause, is its speaker.
_SAYING = frozenset({"say", "tell", "announce", "state", "report", "add", "claim", "note",
                     "confirm", "insist", "argue", "write", "declare", "reveal", "assert",
                     "stress", "warn", "accord", "explain", "recall"})


# Words between "that" and the clause's subject ("that its own soldiers", "that the army").
_SUBJECT_LEAD = frozenset({"the", "its", "their", "our", "own", "a", "some", "any"})
_OWN_POSSESSIVES = frozenset({"its", "their", "our"})
_THAT_GAP = 3  # words from "that" to the subject mention
_RELATIVE_CLAUSES = frozenset({"acl", "acl:relcl", "relcl"})


def denied_own_agent(mention: Mention, words: Sequence[str], source_m: Sequence[Mention],
                     trigger_end: int) -> bool:
    """Is ``mention`` the doer's own side as the subject of a that-clause after a denial
    ("rejected claims that Rwandan forces were involved", "denied that its soldiers had
    fired")? Such an agent is what the denial is about; it is no other party. A named
    accuser ("dismissed Ukrainian claims") stays the target."""
    if mention.start < trigger_end or mention.actor is None:
        return False
    lead = [w.lower() for w in words[max(trigger_end, mention.start - _THAT_GAP):mention.start]]
    if "that" not in lead:
        return False
    after_that = lead[len(lead) - lead[::-1].index("that"):]
    if any(w not in _SUBJECT_LEAD for w in after_that):
        return False
    home = {m.actor.country for m in source_m if m.actor is not None and m.actor.country}
    return bool(_OWN_POSSESSIVES.intersection(after_that)) or (
        mention.actor.country is not None and mention.actor.country in home)


def relative_fallback(parse: Doc, offset: int, trigger: Token,
                      candidates: Sequence[Mention]) -> list[Mention]:
    """The word-order targets a trigger may keep when it heads a relative or participial
    clause ("the sites that were bombed by X", "a convoy carrying Y"): only those within
    the phrase of the noun the clause modifies, never an actor of the main clause ("the
    IAEA asked Iran to allow inspectors into the sites that were bombed": the IAEA was not
    bombed)."""
    if trigger.dep_ not in _RELATIVE_CLAUSES or trigger.head.i == trigger.i:
        return list(candidates)
    # The clause's own words count too; a parser's reduced relative on a subject that it
    # took for the root ("X ministers agreed ... to provide aid for Y") keeps the sentence.
    phrase = {t.i for t in trigger.head.subtree}
    return [m for m in candidates
            if 0 <= m.start - offset < len(parse) and m.start - offset in phrase]


def own_state(source: Sequence[ActorRef], target_m: Sequence[Mention]) -> list[Mention]:
    """``target_m`` without the country-level mentions of the state every source actor
    acts for (a state's official, force or body: see module doc). Unofficial actors
    (opposition, rebels, citizens) keep their country as a target: "the opposition
    accused Kenya" is a party against its government."""
    homes = {a.country for a in source}
    if not source or len(homes) != 1 or None in homes or \
            not all(a.sector in _STATE_AGENTS for a in source):
        return list(target_m)
    home = homes.pop()
    return [m for m in target_m if not (m.actor is not None and m.actor.kind == "country"
                                        and m.actor.country == home)]


def reflexive_possessive(mention: Mention, word: str, source_m: Sequence[Mention],
                         trigger_start: int) -> bool:
    """Whether ``mention`` is a bare possessive after the trigger that agrees with the
    source, so names the doer's own thing ("the government would honour its
    commitments", "the group would not give up its weapons"), whatever a coreference
    guess made of the pronoun. One that does not agree names another ("the union called
    for his release": a person's, not the union's)."""
    if mention.end - mention.start != 1 or mention.start < trigger_start or not source_m:
        return False
    people = any(m.actor is not None and m.actor.kind == "person" for m in source_m)
    if word in _PERSONAL_POSSESSIVES:
        return people
    return word in _OTHER_POSSESSIVES and not people


def trailing_speaker(words: Sequence[str], mention: Mention) -> bool:
    """Whether ``mention`` is the speaker of an attribution after a comma (", NATO chief
    X announced", ", the ministry said"): the source of the statement, never a target of
    the event it reports, however a parser hangs it. "Sources" may follow the speaker
    (", Thai military sources said"): the actor is then where the sources sit."""
    end = mention.end
    if end + 1 < len(words) and words[end] in _SOURCE_NOUNS:
        end += 1
    if end >= len(words) or words[end] not in _SAYING_FORMS:
        return False
    # A title may stand between ("..., Defence Minister X said"), no clause break.
    for k in range(mention.start - 1, max(-1, mention.start - 1 - _TITLE_GAP), -1):
        if words[k] == ",":
            return True
        if not words[k].replace("-", "").replace("'", "").isalpha():
            return False
    return False


def third_party(words: Sequence[str], start: int, floor: int) -> bool:
    """Whether the mention at token ``start`` is introduced as a witness, mediator or
    chair ("in the presence of X", "brokered by X", "under the auspices of X"); ``floor``
    is the first token the look-back may read (the trigger's end)."""
    before = words[max(floor, start - _GAP):start]
    if "by" in before:
        by = len(before) - 1 - before[::-1].index("by")
        if by > 0 and before[by - 1] in _MEDIATING:
            return True
    if "of" in before:
        of = len(before) - 1 - before[::-1].index("of")
        if of > 0 and before[of - 1] in _PRESENCE_NOUNS:
            return True
    return False


def reciprocal(words: Sequence[str], end: int, right: int, trigger_words: Sequence[str],
               parties: int) -> bool:
    """Whether the trigger (ending at ``end``, clause to ``right``) is done by its
    subject's ``parties`` to each other: "each other"/"one another" right after it (or
    after its object: "accused each other", "blamed one another for"), or an exchange
    ("traded accusations", "exchanged fire") by two or more parties."""
    if parties < 2:
        return False
    after = list(words[end:min(right, end + 4)])
    for first, second in _RECIPROCALS:
        for k in range(len(after) - 1):
            if after[k] == first and after[k + 1] == second:
                return True
    return any(w in _EXCHANGES for w in trigger_words) and "with" not in after[:3]


def each_way(event: Event) -> list[Event]:
    """A reciprocal event as one event per party, each with the others as target."""
    parties = event.source
    if len(parties) < 2:
        return [event]
    return [replace(event, source=(party,),
                    target=tuple(p for p in parties if p is not party))
            for party in parties]


def own_clause(parse: Doc, offset: int, mention: Mention, trigger: Token,
               above: bool = True) -> bool:
    """Whether ``mention`` stands in a clause of its own, apart from the trigger's. Word
    order may not make such an actor one of the trigger's arguments; the parse path uses
    this on its word-order fallback. Always apart: a coordinated or parenthetical clause
    with its own subject, on either side ("declared a truce, and the militants said they
    would withdraw": neither party of the truce withdraws; "..., an official said").

    For a target (``above``), the subject of a verb of saying above the trigger is apart
    too (", Rutte announced"); clauses below the trigger are not: a recipient is often
    named there ("the missiles that Kyiv requested", "demanded that X end ..."). For a
    source (``above`` False) every clause below the trigger is apart ("freeze assets the
    six men hold"), the clause above is not: "the rebels said they will release ..." has
    its doer there when "they" is no mention.
    """
    token = parse[mention.start - offset]
    trigger_line = [trigger, *trigger.ancestors]  # from the trigger up to the root
    line_at = {t.i: k for k, t in enumerate(trigger_line)}
    node = token
    for _ in range(12):
        if node.i in line_at and node.i != token.i:
            # The clauses meet at ``node``: is the trigger in a side clause below it?
            # (Not when the trigger is inside that clause's subject: a parser's misreading
            # of a dateline or heading.)
            # For a target the trigger's own clause counts too: "a carrier is sailing ...,
            # and jets have been stationed" has no target before the passive.
            if any(_side_clause(t) and not any(c.i in line_at for c in t.children
                                               if c.dep_ in _SUBJECTS)
                   for t in trigger_line[0 if above else 1:line_at[node.i]]):
                return True
            return above and node.i != trigger.i and node.dep_ != "conj" and any(
                t.dep_ in _SUBJECTS and (t.i == token.i or token.i in {d.i for d in
                                                                      t.subtree})
                for t in node.children) and _is_clause_head(node, trigger)
        if node.i not in line_at and ((node.dep_ in _CLAUSES and not above)
                                      or _side_clause(node)):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _side_clause(node: Token) -> bool:
    """A coordinated or parenthetical verb with its own subject: a clause of its own."""
    return node.dep_ in {"parataxis", "conj"} and node.pos_ in {"VERB", "AUX"} and any(
        c.dep_ in _SUBJECTS for c in node.children)


def _is_clause_head(node: Token, trigger: Token) -> bool:
    """Is ``node`` a verb of saying whose clause contains the trigger only as a clausal
    complement or side clause (so its subject is the speaker, not the trigger's)? Other
    verbs above a trigger are as often a parser's wrong root ("soldiers captured in X were
    released": "captured" taken for the main verb)."""
    if node.pos_ not in {"VERB", "AUX"} or node.lemma_.lower() not in _SAYING:
        return False
    current = trigger
    while current.head.i != current.i and current.head.i != node.i:
        current = current.head
    if current.head.i != node.i:
        return node.dep_ == "parataxis"  # "held ..., Rutte announced": the side clause
    return current.dep_ in _CLAUSES
