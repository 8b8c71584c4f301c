"""PLOVER event coding of one sentence: triggers from the lexicon, actors around them,
modality (:mod:`sitrep.analyze.coder.document` puts the events back into their article:
offsets, dates, places).

For each sentence, the triggers are found by :mod:`sitrep.analyze.coder.triggers` (every
token that starts a lexicon rule, the most specific rule winning); this module reads each
trigger's clause, actors and modality, and :mod:`sitrep.analyze.coder.readings` derives
what the framed act amounts to (a promise, a threat, a refusal).

Who did what to whom. With a dependency parse (a trained model ran), source and target come
from the parse (:mod:`sitrep.analyze.coder.arguments`: subjects, objects, recipient
obliques, passive agents, borrowed subjects of complements and coordinated verbs); where
the parse finds no source the word-order reading below stands in. Without a parse, from
actor mentions in the trigger's clause: the source is the first actor of the clause before
the trigger with the actors joined to it by "and"/"," ("X and Y agreed"); the target the
first actor after it, likewise; a passive ("was attacked by X") swaps them. Unnamed actors
("protesters") take the country of the event's place, or of the police or court acting.

Modality, from the few words before the trigger: a negator ("did not", "will not") sets
``negated`` (a negated cooperative event is also coded as the REJECT it amounts to, see
:mod:`~sitrep.analyze.coder.readings`). Future cues ("will", "is set to", "plans to") set
``future``. A trigger governed by another trigger verb ("threatened to attack", "demanded
that Kyiv withdraw") is kept, as future, at low confidence: the governing verb is the event.

``confidence`` ranks events honestly for evaluation, which takes each sentence's best: the
rule's own confidence (curated and specific patterns higher), plus evidence (an actor found
on each side), minus doubt (governed, nominal, in a subordinate clause; with a parse, an
adverbial or relative clause loses what its borrowed subject added). A verb form the parse
shows modifying a noun ("the besieged town") is no event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from sitrep.analyze.coder.arguments import TIME_WORDS, parse_roles
from sitrep.analyze.coder.irrealis import IRREALIS_CEILING, irrealis
from sitrep.analyze.coder.lexicon import Lexicon
from sitrep.analyze.coder.parties import (
    SUPERVISING,
    denied_own_agent,
    each_way,
    own_clause,
    own_state,
    reciprocal,
    reflexive_possessive,
    relative_fallback,
    third_party,
    trailing_speaker,
)
from sitrep.analyze.coder.readings import (
    CONFLICTUAL,
    COOPERATIVE,
    Framing,
    readings,
    stated_condition,
    stated_demand,
)
from sitrep.analyze.coder.refine import (
    BATCHES,
    PLACE_DIRECTED,
    light_objects,
    missile_test,
    retype,
    visit_roles,
)
from sitrep.analyze.coder.sides import Clause, other_side, refs
from sitrep.analyze.coder.surface import (
    between_parties,
    by_agent,
    mutual,
    reduced_relative,
    subject_modifier,
    surface_arguments,
    with_coordinated,
    with_owner,
)
from sitrep.analyze.coder.triggers import (
    BE,
    NOMINAL_CONTEXT,
    annotated,
    find_triggers,
    pos_reader,
)
from sitrep.analyze.nlp.records import (
    Mention,
    QuotedStretch,
    TokenView,
    text_of,
)
from sitrep.models import ActorRef, Event

__all__ = ["CONFLICTUAL", "COOPERATIVE", "code_sentence"]

_CLAUSE_BREAKS = frozenset({";", "—", "–", "--", ":"})
_SUBORDINATORS = frozenset({"who", "which", "while", "whereas", "because", "although",
                            "when", "if", "whether"})
# Words that open another clause: its actors are not the trigger's target.
_CLAUSE_ENDS = frozenset({"who", "which", "while", "whereas", "because", "although"})
_COMMISSIVE = frozenset({"vow", "swear", "pledge", "promise", "warn", "threaten"})
# Types whose actor acts on itself: a passive subject without agent is the source.
_SELF_DIRECTED = frozenset({"MOBILIZE"})
_ARMED_SECTORS = frozenset({"MIL", "PRM", "COP", "REB"})
# "guerrillas have been demobilized", "troops were withdrawn": the force retreats.
_SELF_DIRECTED_RETREATS = frozenset({"disarm", "withdraw"})
_REPORTING = frozenset({"said", "says", "say", "told", "tells", "announced", "announces",
                        "stated", "states", "reported", "added", "claimed", "claims",
                        "insisted", "insists", "argued", "argues", "noted", "confirmed",
                        "believes", "believed", "thinks", "that"})
# Participles that state their subject's stance, not what was done to it: "Israel is
# opposed to X", "Kyiv is committed to the talks" (an adjective a parser reads as passive).
_STATIVE_PARTICIPLES = frozenset({"opposed", "committed", "determined", "resolved",
                                  "dedicated", "devoted", "inclined", "disposed"})
_SUBORDINATE_PREPOSITIONS = frozenset({"after", "before", "since", "while", "by", "without",
                                       "despite", "following", "amid", "over", "for", "of"})
_VERBAL_CONFLICT = frozenset({"REQUEST", "ACCUSE", "REJECT"})
_CONDITIONS = frozenset({"unless", "otherwise"})
_MODAL_WINDOW = 4
# Verbs whose ACCUSE reading ("committed war crimes") names the accused as the doer.
_ALLEGED = frozenset({"commit"})
# "would not hesitate to strike": the negation denies the hesitation, not the act.
_LITOTES = frozenset({"hesitate", "hesitated", "hesitating"})
_REFUSALS = frozenset({"refuse", "decline"})
_REFUSAL_FORMS = frozenset({"refused", "refuses", "refuse", "declined", "declines"})
_POSSESSIVES = frozenset({"its", "his", "her", "their", "our", "my", "your"})
# Events two parties do together: a noun's "between X and Y" names them.
_JOINT_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})
# Stances and accusations: their recipient is a party, never the place they concern.
_STANCE_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT", "AGREE"})
_PLACE_CASES = frozenset({"in", "at", "near", "inside"})
_DENIALS = frozenset({"REJECT", "ACCUSE"})
# Acts done to things: a relative clause on their object names another act's doer.
_PHYSICAL = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "RETREAT", "CONCEDE"})
# A demand or threat read from "X said Y must ..." / "Y would ... if Z": as sure as a
# mid-strength verb trigger.
_DEMAND_CONFIDENCE = 0.65
# Governing verbs whose complement reports or disputes an act rather than one to come.
_REPORTING_GOVERNORS = frozenset({"say", "tell", "deny", "accuse", "hint", "insist"})


def _comma_after_object(verb: Token, words: Sequence[str], start: int, right: int,
                        mentions: Sequence[Mention]) -> int | None:
    """The first comma after ``start`` when ``verb`` has a direct object in the parse and
    no actor mention ends at that comma; else None."""
    if not any(c.dep_ in {"obj", "dobj"} for c in verb.children):
        return None
    comma = next((k for k in range(start, right) if words[k] == ","), None)
    if comma is None or any(m.end == comma for m in mentions):
        return None
    return comma


def _dated_by_possessive(words: Sequence[str], left: int, start: int) -> bool:
    """Whether a time word's possessive stands before the noun at ``start``, past at most
    two modifiers: "last year's deadly storming", "Sunday's attack"."""
    for k in range(start - 1, max(left, start - 4), -1):
        if words[k] in {"'s", "’s"}:
            return words[k - 1] in TIME_WORDS
        if not words[k].isalpha():
            return False
    return False


def _foreign(source_m: Sequence[Mention], target_m: Sequence[Mention]) -> list[Mention]:
    """The mentions of ``target_m`` of another country than every one of ``source_m``."""
    home = {m.actor.country for m in source_m if m.actor is not None}
    return [m for m in target_m if m.actor is not None and m.actor.country
            and m.actor.country not in home]


def _relative_doer(token: Token, trigger_heads: set[int], offset: int) -> bool:
    """Is ``token`` the subject of a relative clause whose verb is another trigger ("sites
    that the IAEA had inspected": the IAEA inspected, it was not struck)?"""
    verb = token.head
    return token.dep_ in {"nsubj", "nsubj:pass", "nsubjpass"} and \
        verb.dep_ in {"relcl", "acl:relcl"} and verb.i + offset in trigger_heads


def code_sentence(lexicon: Lexicon, doc: Doc, sentence: Span, mentions: Sequence[Mention],
                  quoted: Sequence[QuotedStretch], view: TokenView, *,
                  parse: Doc | None = None, offset: int = 0) -> list[Event]:
    """All events of one sentence (offsets and date/location are filled in by the caller).

    ``view`` holds the doc's token strings, computed once per doc: the clause scans below
    read them many times. ``parse`` is the sentence's dependency parse, where token ``i``
    of ``doc`` is ``parse[i - offset]`` (the doc itself, offset 0, when it is parsed whole).
    """
    if parse is None and annotated(doc, "DEP"):
        parse, offset = doc, 0
    words = view.lower
    texts = view.text
    text = text_of(doc)
    tagged, shift = (parse, offset) if parse is not None and annotated(parse, "POS") \
        else (doc, 0)
    pos_at = pos_reader(tagged, shift) if annotated(tagged, "POS") else None
    in_mention = {k for m in mentions for k in range(m.start, m.end)}
    triggers = find_triggers(lexicon, doc, sentence, mentions, quoted, view, pos_at, parse,
                             offset)
    has_parse = parse is not None
    typed_heads = {t.start for t in triggers if t.rule.type is not None}
    governing_heads = {t.start for t in triggers if t.rule.lemma in lexicon.governing
                       and (t.rule.type is not None or t.rule.lemma in _COMMISSIVE)}
    commissive_heads = {t.start for t in triggers if t.rule.lemma in _COMMISSIVE}
    # "ordered the mobilisation": the noun is the event, the light verb only its doing.
    light_nouns = light_objects(
        words, [(t.start, t.end) for t in triggers if t.rule.nominal and t.rule.type],
        lexicon.light, parse, offset,
        lambda k: k > sentence.start and words[k - 1] not in NOMINAL_CONTEXT)
    light_verbs = set(light_nouns.values())
    events: list[Event] = []
    for index, trigger in enumerate(triggers):
        rule = trigger.rule
        if rule.type is None:
            continue
        # Clause limits: the nearest break or subordinator before, the next trigger after.
        left = sentence.start
        skipped: tuple[int, int] | None = None
        for k in range(trigger.start - 1, sentence.start, -1):
            if words[k] in {"who", "which"} and texts[k - 1] == "," and \
                    "," in texts[k + 1:trigger.start]:
                # "Trump, who once ..., has accused": the relative clause closed before the
                # trigger; the subject is before "who", and the clause's actors are skipped.
                last_comma = max(x for x in range(k + 1, trigger.start) if texts[x] == ",")
                skipped = (k, last_comma)
                break
        mention_starts = [m.start for m in mentions]
        for k in range(trigger.start - 1, sentence.start - 1, -1):
            if skipped and skipped[0] <= k <= skipped[1]:
                continue
            if texts[k] in _CLAUSE_BREAKS or (words[k] in _SUBORDINATORS and
                                              k > sentence.start):
                left = k + 1
                break
            if words[k] in _REPORTING and any(k < m < trigger.start for m in mention_starts):
                # "Turkey said Sweden must extradite ...": the reported clause has its own
                # subject, after the reporting verb.
                left = k + 1
                break
        right = sentence.end
        for k in range(trigger.end, sentence.end):
            if texts[k] in _CLAUSE_BREAKS or words[k] in _CLAUSE_ENDS or (
                    words[k] == "as" and texts[k - 1] == ","):
                # ", as authorities in Croatia cracked down": another clause, other actors.
                right = k
                break
        before_words = list(words[max(left, trigger.start - _MODAL_WINDOW):trigger.start])
        negated = any(w in lexicon.negators for w in before_words)
        if words[trigger.start - 1] in {"or", "nor"} and trigger.start - 1 > left:
            # "will not dissolve its forces or hand over its weapons": the negation and
            # modal of the first verb hold for the one coordinated with "or".
            shared = words[max(left, trigger.start - 10):trigger.start - 1]
            if any(w in lexicon.negators for w in shared):
                negated = True
                before_words += [w for w in shared if w in lexicon.future_cues]
        future = any(w in lexicon.future_cues for w in before_words if w != "to") or (
            "to" in before_words and any(w in {"set", "expected", "due", "plans", "going",
                                               "poised", "scheduled", "aims", "intends"}
                                         for w in before_words))
        governors = [other for other in triggers[:index]
                     if other.end <= trigger.start and trigger.start - other.end <= 4
                     and other.rule.lemma in lexicon.governing
                     and (other.rule.type is not None or other.rule.lemma in _COMMISSIVE)]
        governed = bool(governors) and trigger.start not in light_nouns
        # "denied that its soldiers had killed", "said troops attacked": a reported or
        # disputed act keeps its own tense; "threatened to attack" is still to come.
        reported = bool(governors) and all(g.rule.lemma in _REPORTING_GOVERNORS
                                           for g in governors)
        vowed = any(g.rule.lemma in _COMMISSIVE for g in governors)
        stative = words[trigger.start] in _STATIVE_PARTICIPLES and \
            "by" not in words[trigger.end:trigger.end + 2]
        passive = bool(before_words) and before_words[-1] in BE | {"been"} and \
            words[trigger.start].endswith(("ed", "en", "t")) and not stative
        source_m, target_m = surface_arguments(mentions, words, left, right,
                                               (trigger.start, trigger.end), skipped, passive)
        if passive and not source_m and (rule.type in _SELF_DIRECTED or (
                rule.type == "RETREAT" and rule.mode in _SELF_DIRECTED_RETREATS)):
            # "Egyptian troops were deployed along the border with Libya": the force acts
            # (the parse path below reads the same from the parse).
            source_m, target_m = surface_arguments(
                mentions, words, left, right, (trigger.start, trigger.end), skipped, False)
            target_m = _foreign(source_m, target_m)
        if mutual(rule.type, source_m) and words[trigger.end:trigger.end + 1] != ["with"]:
            target_m = []  # "X and Y will meet (...)": the parties are the subject
        subordinate = left > sentence.start
        # "after meeting", "for protesting": background. "a package of sanctions" is the
        # sanctions themselves.
        background = bool(before_words) and before_words[-1] in _SUBORDINATE_PREPOSITIONS \
            and not (before_words[-1] == "of" and len(before_words) > 1 and
                     before_words[-2] in BATCHES)
        light = trigger.start in light_nouns
        if light and not future:
            # "talks will be held", "will announce a suspension": the light verb's modal
            # dates the noun's event.
            verb_at = light_nouns[trigger.start]
            future = any(w in lexicon.future_cues and w != "to"
                         for w in words[max(sentence.start, verb_at - _MODAL_WINDOW):verb_at])
        sent: tuple[ActorRef, ...] = ()
        if parse is not None:
            head = trigger.end - 1 if rule.nominal else trigger.start
            others = typed_heads - {trigger.start, light_nouns.get(trigger.start, -1)}
            roles = parse_roles(parse[head - offset], rule.nominal, mentions,
                                {k - offset for k in others}, offset)
            sent = refs([m for m in roles.objects
                         if m.actor is not None and m.actor.sector in _ARMED_SECTORS])
            if roles.passive and not roles.source:
                # "was received at the Kremlin by Putin": the parser may hang "by X" on a
                # noun; the agent is still the first "by" actor of the clause.
                roles.source = by_agent(mentions, words, trigger.end, right)
                if not roles.source and (rule.type in _SELF_DIRECTED or (
                        rule.type == "RETREAT" and rule.mode in _SELF_DIRECTED_RETREATS)):
                    # "Serbian police were deployed": the mobilised force is the actor;
                    # a foreign party after it ("along the border with Libya") stays the
                    # other side, its own country's places ("around parliament") are where.
                    roles.source = [m for m in roles.target if m.start < trigger.start]
                    roles.target = _foreign(roles.source, [
                        m for m in roles.target if m.start >= trigger.end])
                elif not roles.source and stative:
                    # "Israel is opposed to X": the subject holds the stance.
                    roles.passive = False
                    roles.source = [m for m in roles.target if m.start < trigger.start]
                    roles.target = [m for m in roles.target if m.start >= trigger.end]
            # The parser may lose one side of a long coordination ("US President Donald
            # Trump and Russian President Vladimir Putin"); the words still join them.
            # Word order stands in where the parse names no argument, but not with an
            # actor of another clause ("any deal the parties reached", ", X announced").
            head_token = parse[head - offset]
            source_m = with_coordinated(mentions, roles.source, words) or (
                [] if roles.passive or roles.descriptive else
                [m for m in source_m
                 if not own_clause(parse, offset, m, head_token, above=False)])
            if mutual(rule.type, source_m):
                # The parties are the subject; "in Tokyo" is where, not with whom.
                target_m = [m for m in roles.target if not m.locative
                            and words[m.start - 1:m.start] not in (["in"], ["at"])]
            else:
                # A verb whose object the parse found is not an actor ("to demand early
                # elections, in one of ...") has had its say: no actor past the comma
                # after it stands in for it, unless an actor ends at that comma and a
                # list goes on ("a call by the Quad mediators, the United States, ...").
                comma = _comma_after_object(head_token, words, trigger.end, right,
                                            target_m)
                target_m = roles.target or relative_fallback(parse, offset, head_token, [
                    m for m in target_m if not own_clause(parse, offset, m, head_token)
                    and not (comma is not None and m.start > comma)])
            negated = negated or roles.negated
            future = future or roles.future
            subordinate = roles.subordinate
            named_before = trigger.start - 1 in in_mention and \
                words[trigger.start - 1] not in _POSSESSIVES
            if roles.modifier and not named_before:
                # "the besieged town", "the agreed line": an adjective, no event. After a
                # named actor ("President Lai Ching-te rejected") the form is its verb,
                # whatever a parser misled by the name says.
                continue
            # About a participant, or about a thing ("an issue likely to dominate").
            background = roles.background or roles.embedded or roles.descriptive
            if roles.governor is not None and roles.governor.i + offset in governing_heads \
                    and trigger.start not in light_nouns:
                reported = (reported or not governed) and \
                    roles.governor.lemma_.lower() in _REPORTING_GOVERNORS
                governed = True
                vowed = vowed or roles.governor.i + offset in commissive_heads
        if any(w in _LITOTES for w in before_words):
            negated = False  # "would not hesitate to use force": an affirmation
        if not rule.nominal and reduced_relative(words, trigger.start, left, [
                t.start for t in triggers[:index] if not t.rule.nominal and t.rule.type],
                lambda k: pos_at(k) in {"NOUN", "PROPN"} if pos_at else k in in_mention):
            background = True  # "pardoned soldiers jailed for ...": about a participant
        elif not rule.nominal and subject_modifier(
                words, trigger.start, right,
                {t.start for t in triggers[index + 1:] if not t.rule.nominal and t.rule.type},
                lambda k: pos_at(k) in {"NOUN", "PROPN"} if pos_at else k in in_mention):
            # "soldiers captured in Kursk were released by Russia": about the subject, who
            # underwent it (its doer is unnamed); the passive after it is the news.
            background = True
            source_m, target_m = [], [m for m in mentions if m.end == trigger.start]
        if rule.nominal and not light and any(
                not t.rule.nominal and t.rule.type is not None
                and left <= t.start < trigger.start for t in triggers):
            # "condemned the attack": a noun in a verb's object says nothing of its agent.
            source_m = []
        if _dated_by_possessive(words, left, trigger.start):
            # "last year's storming of parliament" (a noun, whatever the tagger says): the
            # possessor is a time, so the doer is unnamed (only "by X" after the noun could
            # name it), not the clause's subject.
            source_m = [m for m in source_m if m.start >= trigger.end]
        if rule.nominal and not source_m and rule.type in _JOINT_TYPES:
            # "an agreement to restore flights between India and China was reached".
            source_m = between_parties(mentions, words, trigger.end, right)
        source_m = with_owner(mentions, source_m, words)
        if rule.type == "CONSULT" and target_m and not target_m[0].locative:
            # "invited Putin to the United States", "met Erdogan in Ankara": a place after
            # the one met is where, not another party ("apologised to Qatar" is whom).
            target_m = [m for m in target_m if not m.locative]
        elif rule.type in _STANCE_TYPES:
            # "would not give up its rights in the South Sea", "condemned the raid in X":
            # a stance or accusation is about a party; the place is where, not whom. (A
            # protest, a request for refuge, a threat may be directed at a place.)
            target_m = [m for m in target_m if not (m.locative and _PLACE_CASES.intersection(
                words[max(trigger.end, m.start - 2):m.start]))]
        if rule.type in _DENIALS:  # "denied that its soldiers fired": what is denied
            target_m = [m for m in target_m
                        if not denied_own_agent(m, words, source_m, trigger.end)]
        if parse is not None and rule.type in _PHYSICAL:
            # "struck sites that the IAEA had inspected": the subject of a relative clause
            # on the object does its own act there, it is not what was struck.
            target_m = [m for m in target_m if not _relative_doer(
                parse[m.start - offset], typed_heads - {trigger.start}, offset)]
        # A witness, mediator or chair is present, not the recipient; an official's own
        # country is where he comes from, not the other party.
        target_m = own_state(refs(source_m), [
            m for m in target_m if not third_party(words, m.start, trigger.end)
            and not trailing_speaker(words, m)
            and not reflexive_possessive(m, words[m.start], source_m, trigger.start)])
        source = refs(source_m)
        source_keys = {m.actor.key for m in source_m if m.actor}
        target = tuple(r for r, m in zip(refs(target_m), target_m, strict=False)
                       if not (m.actor and m.actor.key in source_keys)) if target_m else ()
        confidence = rule.confidence
        # A noun's neighbours are weaker evidence, unless a light verb makes it the clause's
        # predicate ("X ordered the mobilisation of Y").
        evidence = 0.5 if rule.nominal and not light else 1.0
        confidence += (0.12 if source else -0.1) * evidence
        confidence += (0.08 if target else 0.0) * evidence
        planned = future
        purposed = [other for other in triggers[:index]
                    if other.end <= trigger.start and other.rule.type is not None
                    and (not other.rule.nominal or other.start in light_nouns)]
        purpose = not governed and before_words[-1:] == ["to"] and bool(purposed)
        if governed or purpose:
            # "drove tractors into the city to protest": a purpose clause yields to a main
            # verb the lexicon is sure of, hardly to a weak CAMEO reading ("shunned work").
            # A demonstration's purpose ("blocked streets to demand reforms") is part of it.
            confidence -= 0.3 if governed or (rule.type in _VERBAL_CONFLICT and any(
                o.rule.type == "PROTEST" for o in purposed)) else \
                0.2 if any(o.rule.curated or o.rule.specificity for o in purposed) else 0.05
            future = future or not (governed and reported)
        if rule.nominal and not light:
            confidence -= 0.05
        if trigger.start in light_verbs:
            confidence -= 0.25  # the light verb's object names the event
        if subordinate and not purpose:  # a purpose clause has had its penalty above
            # With a parse, an adverbial or relative clause's event borrows the main clause's
            # subject: that evidence should not lift a side reading over the main event.
            confidence -= 0.12 if has_parse and not rule.nominal else 0.05
        elif has_parse and source and target and not governed and (not rule.nominal or light):
            confidence += 0.05  # the parse shows a main-clause verb with both arguments
        if background:
            confidence -= 0.2  # "after meeting a U.S. envoy": background, not the news
        confidence = max(0.01, min(0.99, confidence))
        trigger_text = text[view.idx[trigger.start]:
                            view.idx[trigger.end - 1] + len(texts[trigger.end - 1])]
        names = [w for m in source_m if m.actor for w in m.actor.name.lower().split()] \
            if source_m else [] if passive else list(words[left:trigger.start])
        left_from = refs([m for m in target_m
                           if "from" in words[max(trigger.end, m.start - 2):m.start]])
        joint = rule.nominal and "joint" in words[max(left, trigger.start - 3):trigger.start]
        kind, mode = retype(rule.type, rule.mode, rule.lemma, source, left_from, names,
                            lexicon.crowds, words[trigger.end:trigger.end + 1] == ["to"],
                            joint)
        if missile_test(kind, rule.lemma, words[trigger.end:right]):
            kind, mode, target = "MOBILIZE", "weapons", ()  # "fired missiles into the sea"
        source, target = visit_roles(kind, rule.lemma, source, target)
        if kind in _SELF_DIRECTED and sent:
            # "sending warships, bombers and coast guard vessels": forces sent are the
            # sender's, whatever country the context gave them; at whom is elsewhere.
            target = tuple(a for a in target if a not in sent)
        if kind == "ACCUSE" and rule.lemma in _ALLEGED:
            # "Amnesty said Israeli forces had committed war crimes": the doer is the
            # accused, the sentence's first actor (when another) the accuser.
            speaker = refs(mentions[:1])
            source, target = (speaker if speaker != source else ()), source
        source, target = other_side(
            kind, rule.lemma, rule.nominal, source, target, target_m, source_keys,
            Clause(mentions, words, texts, trigger.start, trigger.end, right, sentence.end),
            parse[trigger.start - offset] if parse is not None else None, offset)
        if not source and not target and ((rule.nominal and not light) or future or (
                kind not in PLACE_DIRECTED and words[trigger.start].endswith("ing"))):
            # "The Alaska meeting ... is being closely watched" (a noun, or a gerund a
            # tagger took for a verb) with no party on either side names a topic; what a
            # brief shows needs a who. A place-directed act may take its place later,
            # unless it is only planned: a plan of no one named ("they would withdraw").
            confidence = min(confidence, IRREALIS_CEILING)
        if governed and reported and kind is not None:
            # "denied that its soldiers had killed civilians", "said rebels had attacked":
            # an act the sentence only reports or disputes is evidence, not the news.
            confidence = min(confidence, IRREALIS_CEILING)
        if rule.lemma in SUPERVISING and kind not in {"CONSULT", "COOPERATE"}:
            # "oversaw the release of prisoners by both sides": others' act, watched.
            confidence = min(confidence, IRREALIS_CEILING)

        framing = Framing(
            negated=negated, planned=planned, governed=governed, purpose=purpose,
            vowed=vowed, before_words=before_words,
            conditional=any(w in _CONDITIONS for w in words[trigger.end:sentence.end]),
            refused=any(g.rule.lemma in _REFUSALS for g in governors) or any(
                w in _REFUSAL_FORMS for w in before_words),
            after_words=words[trigger.end:right])
        read = readings(kind, mode, rule.lemma, rule.confidence, confidence, framing,
                        source, target, future, trigger_text, refs(mentions[:1]))
        if reciprocal(words, trigger.end, right, words[trigger.start:trigger.end],
                      len(source)):
            # "X and Y accused each other", "traded accusations": each the other's target.
            read = [one for e in read for one in each_way(e)]
        unrealised = irrealis(words, texts, left, sentence.start, trigger.start, rule.nominal)
        if unrealised:
            # A goal, question, hypothesis or allegation ("to ensure X does not accept",
            # "whether X will help", "accused X of firing"): kept as weak evidence, never
            # shown as a confident event. Only an allegation may be of a past act.
            read = [replace(e, future=e.future or unrealised != "alleged",
                            confidence=max(0.01, min(IRREALIS_CEILING, e.confidence - 0.1)))
                    for e in read]
        events += read
    demander, obliged, modal = stated_demand(
        mentions, words, sentence.start, sentence.end, [t.start for t in triggers])
    if demander and not any(e.type == "REQUEST" for e in events):
        events.append(Event("REQUEST", None, refs(demander), refs(obliged), None, None,
                            False, True, _DEMAND_CONFIDENCE, "", 0, 0, texts[modal]))
    doer, conditioned, modal = stated_condition(
        mentions, words, sentence.start, sentence.end, [t.start for t in triggers])
    if doer and not any(e.type == "THREATEN" for e in events):
        events.append(Event("THREATEN", None, refs(doer), refs(conditioned), None, None,
                            False, True, _DEMAND_CONFIDENCE, "", 0, 0, texts[modal]))
    return events
