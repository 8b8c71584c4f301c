"""PLOVER event coding: triggers from the lexicon, actors around them, modality.

For each sentence, every token that starts a lexicon rule is a candidate trigger (tokens
inside quotation marks are speech, not narrated events, and are skipped). The most
specific matching rule wins per trigger (a stop rule with keywords silences a default).

Who did what to whom. With a dependency parse (a trained model ran), source and target come
from the parse (:mod:`sitrep.analyze.coder.arguments`: subjects, objects, recipient
obliques, passive agents, borrowed subjects of complements and coordinated verbs); where
the parse finds no source the word-order reading below stands in. Without a parse, from
actor mentions in the trigger's clause: the source is the first actor of the clause before
the trigger with the actors joined to it by "and"/"," ("X and Y agreed"); the target the
first actor after it, likewise; a passive ("was attacked by X") swaps them. Unnamed actors
("protesters") take the country of the event's place, or of the police or court acting.

Modality, from the few words before the trigger: a negator ("did not", "will not") sets
``negated``; and a negated cooperative event (AGREE, SUPPORT, RETREAT...) is also coded as
the REJECT it amounts to ("will not withdraw" is a refusal), so that a negation is never
reported as a plain AGREE. Future cues ("will", "is set to", "plans to") set ``future``. A
trigger governed by another trigger verb ("threatened to attack", "demanded that Kyiv
withdraw") is kept, as future, at low confidence: the governing verb is the event.

``confidence`` ranks events honestly for evaluation, which takes each sentence's best: the
rule's own confidence (curated and specific patterns higher), plus evidence (an actor found
on each side), minus doubt (governed, nominal, in a subordinate clause; with a parse, an
adverbial or relative clause loses what its borrowed subject added). A verb form the parse
shows modifying a noun ("the besieged town") is no event.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from sitrep.analyze.coder.arguments import parse_roles
from sitrep.analyze.coder.lexicon import Lexicon, TriggerRule, load_lexicon, slots_in_order
from sitrep.analyze.coder.refine import light_objects, place_target, retype, visit_roles
from sitrep.analyze.coder.surface import (
    DETERMINERS,
    by_agent,
    mutual,
    naming_use,
    phrase_end,
    reduced_relative,
    surface_arguments,
    thing_subject,
    with_coordinated,
)
from sitrep.analyze.nlp.records import (
    ActorIdentity,
    Mention,
    QuotedStretch,
    TokenView,
    sentences_of,
    text_of,
    tokens_of,
)
from sitrep.models import ActorRef, Event, Place

__all__ = ["EventCoder", "code_sentence"]

COOPERATIVE = frozenset({"AGREE", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                         "CONSULT"})
_BE = frozenset({"is", "are", "was", "were", "been", "being", "be", "get", "got"})
_CLAUSE_BREAKS = frozenset({";", "—", "–", "--", ":"})
_SUBORDINATORS = frozenset({"who", "which", "while", "whereas", "because", "although",
                            "when", "if", "whether"})
# Words that open another clause: its actors are not the trigger's target.
_CLAUSE_ENDS = frozenset({"who", "which", "while", "whereas", "because", "although"})
_WINDOW = 8
_OBLIGATION = frozenset({"must", "should", "ought"})
_COMMISSIVE = frozenset({"vow", "swear", "pledge", "promise", "warn", "threaten"})
_DOMESTIC_SECTORS = frozenset({"COP", "JUD"})
# Types whose actor acts on itself: a passive subject without agent is the source.
_SELF_DIRECTED = frozenset({"MOBILIZE"})
CONFLICTUAL = frozenset({"ASSAULT", "COERCE", "SANCTION"})
_REPORTING = frozenset({"said", "says", "say", "told", "tells", "announced", "announces",
                        "stated", "states", "reported", "added", "claimed", "claims",
                        "insisted", "insists", "argued", "argues", "noted", "confirmed",
                        "believes", "believed", "thinks", "that"})
_SUBORDINATE_PREPOSITIONS = frozenset({"after", "before", "since", "while", "by", "without",
                                       "despite", "following", "amid", "over", "for", "of"})
# "did not meet" reports a fact (the act, negated); "does not recognize", "will not
# withdraw" state a refusal.
_VOLITIONAL = frozenset({"will", "would", "wo", "'ll", "shall", "won't", "refuse",
                         "refused", "refuses", "can", "cannot", "could", "does", "do"})
# Verbal stances: "did not endorse" withholds support (a refusal), where "did not meet"
# only reports that a meeting did not happen.
_STANCES = frozenset({"SUPPORT", "AGREE", "CONCEDE"})
# "failed to reach agreement", "failed to agree": talks in which the sides rejected each
# other's terms (PLOVER gold codes them REJECT), not a reportable AGREE.
_FAILED = frozenset({"fail", "failed", "fails", "failing"})
_VERBAL_CONFLICT = frozenset({"REQUEST", "ACCUSE", "REJECT"})
_WILLING = frozenset({"willing", "ready", "prepared", "open", "eager", "offered", "offers",
                      "offer"})
_CONDITIONS = frozenset({"unless", "otherwise"})
# Words after which a verb form is a noun ("the deal", "its control", "possible changes").
_NOMINAL_CONTEXT = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "your",
                              "my", "this", "that", "these", "those", "any", "some", "of",
                              "for", "in", "on", "at", "with", "no", "every", "each", "such",
                              "'s", "’s", "new", "possible", "first", "latest", "further"})
_ADJECTIVE_ENDINGS = ("al", "ic", "ary", "ive", "ian", "ese", "ous", "ful", "ish")
_VERB_CONTEXT = frozenset({"to", "will", "would", "shall", "could", "can", "may", "might",
                           "must", "did", "does", "do", "not", "n't", "also", "has", "have",
                           "had", "he", "she", "it", "they", "we", "i", "who", "which",
                           "that", "then", "jointly", "again", "later", "formally"})
_MODAL_WINDOW = 4


@dataclass(slots=True)
class _Trigger:
    start: int
    end: int
    rule: TriggerRule


def _verb_shaped(doc: Doc, words: Sequence[str], i: int, rule: TriggerRule,
                 pos_at: Callable[[int], str] | None, after_trigger: bool) -> bool:
    """Is doc[i] plausibly the verb (not the noun "deal", "control")?

    A tagger's VERB is believed; otherwise (no tagger, or one that calls "vetoed" an
    adjective in headline-style copy) the surface rules decide.

    Any form after a determiner or preposition is a noun. A past or -ing form is a verb. A
    base or -s form of an uncurated rule without keywords needs verb context before it (an
    auxiliary, "to", a pronoun). A sentence-initial word is an imperative or a heading
    ("Subscribe", "Leave a comment"), not a coded event.
    """
    if i > 0 and doc[i - 1].like_num:
        return False  # "twelve detained fishermen": a participle used as an adjective
    previous = words[i - 1] if i > 0 else ""
    if previous in DETERMINERS or (previous in {"-", "–"} and doc[i - 1].whitespace_ == ""):
        # "the wounded", "the killing", "Israeli-occupied": a noun or a compound adjective,
        # whatever a tagger says.
        return False
    word = words[i]
    head = rule.lemma.split()[0]
    plain = (head, head + "s", head + "es", head[:-1] + "ies" if head.endswith("y") else head)
    if word in plain and previous.endswith(_ADJECTIVE_ENDINGS) and previous.isalpha() and \
            len(previous) > 4:
        return False  # "economic aid", "tribal clashes", "naval blockade": a noun
    if pos_at is not None and pos_at(i) in {"VERB", "AUX"}:
        return True  # a tagger's "not a verb" is not trusted alone: the rules below decide
    if previous in _NOMINAL_CONTEXT or doc[i].is_sent_start:
        return False
    if pos_at is not None and pos_at(i) in {"NOUN", "PROPN"} and word in plain and \
            len(rule.words) == 1:
        # A base or -s form the tagger calls a noun ("power supply", "air links", "a press
        # release") is one: a tagger errs on participles in headlines, rarely on these.
        return False
    if word.endswith(("ed", "ing")) or word not in plain:
        return True
    if after_trigger:
        return False  # "impose sanctions": a base/-s form right after a verb is its object
    if rule.curated or rule.specificity:
        return True
    return previous in _VERB_CONTEXT


def _best_rule(lexicon: Lexicon, doc: Doc, words: Sequence[str], i: int,
               limit: int, pos_at: Callable[[int], str] | None,
               after_trigger: bool = False) -> _Trigger | None:
    """The most specific rule that fits at token i (None when no rule does)."""
    best: _Trigger | None = None
    after_window: set[str] | None = None
    before_window: set[str] | None = None
    shaped: dict[tuple[str, bool, bool], bool] = {}
    word = words[i]
    candidates: list[TriggerRule] = list(lexicon.rules_at(word))
    if word in lexicon.keyed:
        after_window = set(words[i + 1:min(limit, i + 1 + _WINDOW)])
        before_window = set(words[max(0, i - _WINDOW):i])
        candidates += lexicon.keyed_rules(word, after_window | before_window)
    for rule in candidates:
        end = i + len(rule.words)
        if end > limit:
            continue
        if len(rule.words) > 1 and any(words[i + k] != w for k, w in enumerate(rule.words)):
            continue
        if rule.after:
            window = after_window if end == i + 1 and after_window is not None else \
                set(words[end:min(limit, end + _WINDOW)])
            if i > 0 and words[i - 1] in _BE:
                # A passive puts the object first: "the curfew was lifted", "intelligence
                # was shared".
                window = window | set(words[max(0, i - _WINDOW):i])
                if not all(slot & window for slot in rule.after):
                    continue
            elif not all(slot & window for slot in rule.after) or not slots_in_order(
                    rule.after, words, end, min(limit, end + _WINDOW) if rule.curated
                    else phrase_end(words, end, min(limit, end + _WINDOW))):
                continue
        if rule.before:
            if before_window is None:
                before_window = set(words[max(0, i - _WINDOW):i])
            if not all(slot & before_window for slot in rule.before):
                continue
        if not rule.nominal:
            key = (rule.lemma, rule.curated, bool(rule.specificity))
            if key not in shaped:
                shaped[key] = _verb_shaped(doc, words, i, rule, pos_at, after_trigger)
            if not shaped[key]:
                continue
        # A phrasal verb matched word for word ("ruled out", "went on hunger strike") is
        # more specific than the same verb with a keyword somewhere after it.
        if best is None or (len(rule.words), rule.specificity, rule.curated,
                            rule.confidence) > (len(best.rule.words), best.rule.specificity,
                                                best.rule.curated, best.rule.confidence):
            best = _Trigger(i, end, rule)
    return best


def _refs(mentions: Sequence[Mention]) -> tuple[ActorRef, ...]:
    seen: dict[str, ActorRef] = {}
    for m in mentions:
        actor: ActorIdentity | None = m.actor
        if actor is not None and actor.key not in seen:
            seen[actor.key] = actor.ref()
    return tuple(seen.values())


class EventCoder:
    """Codes the sentences of a doc into :class:`~sitrep.models.Event` records."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def code(self, doc: Doc) -> list[Event]:
        from sitrep.analyze.dates import date_for_span

        places_for = _place_lookup()
        mentions: list[Mention] = [m for m in (doc._.sitrep_mentions or []) if m.actor]
        quoted = [q for q in (doc._.sitrep_quoted or []) if not q.nested]
        events: list[Event] = []
        date_mentions = doc._.sitrep_dates or []
        place_mentions = doc._.sitrep_places or []
        view = tokens_of(doc)
        text = text_of(doc)
        parses: dict[int, Doc] = doc._.sitrep_parses or {}
        whole = doc if _annotated(doc, "DEP") else None
        for sentence in sentences_of(doc):
            in_sentence = [m for m in mentions if sentence.start <= m.start < sentence.end
                           and not any(q.start <= m.start_char < q.end for q in quoted)]
            parse, offset = (parses[sentence.start], sentence.start) \
                if sentence.start in parses else (whole, 0)
            for event in code_sentence(self.lexicon, doc, sentence, in_sentence, quoted, view,
                                       parse=parse, offset=offset):
                start, end = sentence.start_char, sentence.end_char
                while end > start and text[end - 1].isspace():
                    end -= 1
                dated = date_for_span(date_mentions, start, end)
                located = places_for(place_mentions, start, end)
                events.append(Event(
                    type=event.type, mode=event.mode,
                    source=_placed(event.source, located),
                    target=place_target(event.type, _placed(_policed(
                        event.source, event.target), located), located),
                    date=dated, location=located,
                    negated=event.negated, future=event.future,
                    confidence=event.confidence, sentence=text[start:end], start=start,
                    end=end, trigger=event.trigger))
        return events


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


def _place_lookup() -> Callable[[Sequence[Any], int, int], Place | None]:
    """places.location_for_span, or a stand-in while that module is absent."""
    try:
        from sitrep.analyze.places import location_for_span
    except ImportError:  # the places module is written in parallel
        return lambda mentions, start, end: None
    return location_for_span


def _pos_reader(tagged: Doc, shift: int) -> Callable[[int], str]:
    """The part of speech of doc token ``i``, read from ``tagged`` (``i - shift`` there)."""
    def pos_at(i: int) -> str:
        return str(tagged[i - shift].pos_)
    return pos_at


def _annotated(doc: Doc, attr: str) -> bool:
    """``doc.has_annotation(attr)``, remembered on the doc: on an unparsed doc the check
    reads every token, and the coder asks it for every sentence."""
    key = f"sitrep_annotated_{attr}"
    if key not in doc.user_data:
        doc.user_data[key] = doc.has_annotation(attr)
    return bool(doc.user_data[key])


def code_sentence(lexicon: Lexicon, doc: Doc, sentence: Span, mentions: Sequence[Mention],
                  quoted: Sequence[QuotedStretch], view: TokenView, *,
                  parse: Doc | None = None, offset: int = 0) -> list[Event]:
    """All events of one sentence (offsets and date/location are filled in by the caller).

    ``view`` holds the doc's token strings, computed once per doc: the clause scans below
    read them many times. ``parse`` is the sentence's dependency parse, where token ``i``
    of ``doc`` is ``parse[i - offset]`` (the doc itself, offset 0, when it is parsed whole).
    """
    if parse is None and _annotated(doc, "DEP"):
        parse, offset = doc, 0
    words = view.lower
    texts = view.text
    text = text_of(doc)
    triggers: list[_Trigger] = []
    tagged, shift = (parse, offset) if parse is not None and _annotated(parse, "POS") \
        else (doc, 0)
    pos_at = _pos_reader(tagged, shift) if _annotated(tagged, "POS") else None
    in_mention = {k for m in mentions for k in range(m.start, m.end)}
    mention_starts_at = {m.start for m in mentions}
    # Words of a date are never triggers: "on March 3", "in May 2024".
    dated = [(d.start, d.end) for d in doc._.sitrep_dates or []
             if d.start < sentence.end_char and d.end > sentence.start_char]
    i = sentence.start
    while i < sentence.end:
        if (words[i] not in lexicon.index and words[i] not in lexicon.keyed) or \
                i in in_mention or any(a <= view.idx[i] < b for a, b in dated):
            i += 1
            continue
        if not view.alpha[i] or any(q.start <= view.idx[i] < q.end for q in quoted):
            i += 1
            continue
        after_trigger = bool(triggers) and triggers[-1].end == i
        found = _best_rule(lexicon, doc, words, i, sentence.end, pos_at, after_trigger)
        if found is not None and found.rule.lemma in lexicon.naming and naming_use(
                words, i, found.rule.specificity > 0, mention_starts_at, sentence.start):
            i = found.end
            continue
        if found is not None and found.rule.lemma in lexicon.evidential and thing_subject(
                words, i, in_mention, sentence.start, parse, offset):
            i = found.end  # "movements suggest preparations": evidence, not a proposal
            continue
        if found is not None:
            triggers.append(found)
            i = found.end
            continue
        i += 1
    has_parse = parse is not None
    typed_heads = {t.start for t in triggers if t.rule.type is not None}
    governing_heads = {t.start for t in triggers if t.rule.lemma in lexicon.governing
                       and (t.rule.type is not None or t.rule.lemma in _COMMISSIVE)}
    commissive_heads = {t.start for t in triggers if t.rule.lemma in _COMMISSIVE}
    # "ordered the mobilisation": the noun is the event, the light verb only its doing.
    light_nouns = light_objects(
        words, [(t.start, t.end) for t in triggers if t.rule.nominal and t.rule.type],
        lexicon.light, parse, offset,
        lambda k: k > sentence.start and words[k - 1] not in _NOMINAL_CONTEXT)
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
        vowed = any(g.rule.lemma in _COMMISSIVE for g in governors)
        passive = bool(before_words) and before_words[-1] in _BE | {"been"} and \
            words[trigger.start].endswith(("ed", "en", "t"))
        source_m, target_m = surface_arguments(mentions, words, left, right,
                                               (trigger.start, trigger.end), skipped, passive)
        if mutual(rule.type, source_m) and words[trigger.end:trigger.end + 1] != ["with"]:
            target_m = []  # "X and Y will meet (...)": the parties are the subject
        subordinate = left > sentence.start
        background = bool(before_words) and before_words[-1] in _SUBORDINATE_PREPOSITIONS
        light = trigger.start in light_nouns
        if parse is not None:
            head = trigger.end - 1 if rule.nominal else trigger.start
            others = typed_heads - {trigger.start, light_nouns.get(trigger.start, -1)}
            roles = parse_roles(parse[head - offset], rule.nominal, mentions,
                                {k - offset for k in others}, offset)
            if roles.passive and not roles.source:
                # "was received at the Kremlin by Putin": the parser may hang "by X" on a
                # noun; the agent is still the first "by" actor of the clause.
                roles.source = by_agent(mentions, words, trigger.end, right)
                if not roles.source and rule.type in _SELF_DIRECTED:
                    # "Serbian police were deployed": the mobilised force is the actor.
                    roles.source, roles.target = roles.target, []
            # The parser may lose one side of a long coordination ("US President Donald
            # Trump and Russian President Vladimir Putin"); the words still join them.
            source_m = with_coordinated(mentions, roles.source, words) or (
                [] if roles.passive else source_m)
            if mutual(rule.type, source_m):
                # The parties are the subject; "in Tokyo" is where, not with whom.
                target_m = [m for m in roles.target if not m.locative
                            and words[m.start - 1:m.start] not in (["in"], ["at"])]
            else:
                target_m = roles.target or target_m
            negated = negated or roles.negated
            future = future or roles.future
            subordinate = roles.subordinate
            if roles.modifier:
                continue  # "the besieged town", "the agreed line": an adjective, no event
            background = roles.background or roles.embedded  # about a participant
            if roles.governor is not None and roles.governor.i + offset in governing_heads \
                    and trigger.start not in light_nouns:
                governed = True
                vowed = vowed or roles.governor.i + offset in commissive_heads
        if not rule.nominal and reduced_relative(words, trigger.start, left, [
                t.start for t in triggers[:index] if not t.rule.nominal and t.rule.type],
                lambda k: pos_at(k) in {"NOUN", "PROPN"} if pos_at else k in in_mention):
            background = True  # "pardoned soldiers jailed for ...": about a participant
        if rule.nominal and not light and any(
                not t.rule.nominal and t.rule.type is not None
                and left <= t.start < trigger.start for t in triggers):
            # "condemned the attack": a noun in a verb's object says nothing of its agent.
            source_m = []
        source = _refs(source_m)
        source_keys = {m.actor.key for m in source_m if m.actor}
        target = tuple(r for r, m in zip(_refs(target_m), target_m, strict=False)
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
            future = True
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
        left_from = _refs([m for m in target_m
                           if "from" in words[max(trigger.end, m.start - 2):m.start]])
        joint = rule.nominal and "joint" in words[max(left, trigger.start - 3):trigger.start]
        kind, mode = retype(rule.type, rule.mode, rule.lemma, source, left_from, names,
                            lexicon.crowds, words[trigger.end:trigger.end + 1] == ["to"],
                            joint)
        source, target = visit_roles(kind, rule.lemma, source, target)

        def add(kind: str, negated: bool, confidence: float, rule: TriggerRule = rule,
                source: tuple[ActorRef, ...] = source, target: tuple[ActorRef, ...] = target,
                future: bool = future, trigger_text: str = trigger_text,
                retyped: tuple[str, str | None] = (kind, mode)) -> None:
            own = retyped[1] if kind == retyped[0] else None  # a derived reading: no mode
            events.append(Event(kind, own, source, target,
                                None, None, negated, future,
                                max(0.01, min(0.99, confidence)), "", 0, 0, trigger_text))

        obliged = any(w in _OBLIGATION for w in before_words)
        willing = before_words[-1:] == ["to"] and before_words[-2:-1] and \
            before_words[-2] in _WILLING
        if willing and kind in COOPERATIVE - {"AGREE"} and not negated:
            # "is willing to withdraw", "was prepared to resume dialogue": a stated
            # willingness to cooperate is an AGREE (the manual's first sense).
            add("AGREE", False, confidence + 0.2)
        if kind in CONFLICTUAL and not negated and (vowed or (planned and not governed)):
            # "vowed to fight", "will impose sanctions", "plans to seize": a threat.
            add("THREATEN", False, (rule.confidence + 0.2 if vowed else confidence + 0.02))
        conditional = any(w in _CONDITIONS for w in words[trigger.end:sentence.end])
        if conditional and (planned or obliged) and not negated:
            # "will boycott the vote unless ...", "must pay or face sanctions": a threat.
            add("THREATEN", False, confidence + 0.1)
            confidence -= 0.2
        elif obliged and not negated:
            # "Russia said Sudan must return the helicopter": a demand on the doer, made by
            # the sentence's first actor when that is someone else.
            first = _refs(mentions[:1])
            if first and first != source:
                events.append(Event("REQUEST", None, first, source, None, None, False, True,
                                    min(0.99, confidence + 0.05), "", 0, 0, trigger_text))
            else:
                add("REQUEST", False, confidence)
            confidence -= 0.2
        elif negated and kind in COOPERATIVE and (
                planned or any(w in _VOLITIONAL for w in before_words)
                or ("did" in before_words and kind in _STANCES)
                or (kind == "AGREE" and any(w in _FAILED for w in before_words))):
            # "will not withdraw", "would not hand over": a refusal. A negated past act
            # ("has not withdrawn") keeps its type, negated.
            add("REJECT", False, confidence - 0.02)
            confidence -= 0.2
        elif planned and not governed and not purpose and not negated and \
                kind in COOPERATIVE - {"AGREE"}:
            # PLOVER codes a stated future cooperative act as a commitment: a promised
            # withdrawal or release is a CONCEDE (manual: "promise of future concessions"),
            # any other an AGREE.
            add("CONCEDE" if kind in {"RETREAT", "CONCEDE"} else "AGREE", False, confidence)
            confidence -= 0.15
        add(kind, negated, confidence)
    return events


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
