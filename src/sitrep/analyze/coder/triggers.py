"""Trigger finding: which tokens of a sentence start a lexicon rule, and which rule.

Every token that starts a lexicon rule is a candidate trigger; tokens inside quotation
marks are speech, not narrated events, and dates are never triggers. The most specific
matching rule wins per trigger (a stop rule with keywords silences a default). A verb rule
only fires on a verb-shaped token (:func:`verb_shaped`): "the deal", "economic aid" are
nouns, whatever their spelling shares with a verb.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span

from sitrep.analyze.coder.lexicon import Lexicon, TriggerRule, slots_in_order
from sitrep.analyze.coder.surface import DETERMINERS, naming_use, phrase_end, thing_subject
from sitrep.analyze.nlp.records import Mention, QuotedStretch, TokenView

__all__ = ["BE", "NOMINAL_CONTEXT", "Trigger", "annotated", "best_rule", "find_triggers",
           "may_code", "pos_reader", "verb_shaped"]

BE = frozenset({"is", "are", "was", "were", "been", "being", "be", "get", "got"})
_WINDOW = 8
# Words after which a verb form is a noun ("the deal", "its control", "possible changes").
NOMINAL_CONTEXT = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "your",
                             "my", "this", "that", "these", "those", "any", "some", "of",
                             "for", "in", "on", "at", "with", "no", "every", "each", "such",
                             "'s", "’s", "new", "possible", "first", "latest", "further"})
# Words that end the clause a ``before`` keyword must stand in (see _clause_start).
# "and" is no break: it joins noun phrases ("talks between Russian and Ukrainian
# delegations will be held") as often as clauses; a reporting verb opens the reported
# clause, with its own subject.
_BEFORE_BREAKS = frozenset({";", ":", "—", "–", "while", "whereas", "because", "although",
                            "said", "says", "told", "tells", "that", "who", "which"})
_ADJECTIVE_ENDINGS = ("al", "ic", "ary", "ive", "ian", "ese", "ous", "ful", "ish")
_VERB_CONTEXT = frozenset({"to", "will", "would", "shall", "could", "can", "may", "might",
                           "must", "did", "does", "do", "not", "n't", "also", "has", "have",
                           "had", "he", "she", "it", "they", "we", "i", "who", "which",
                           "that", "then", "jointly", "again", "later", "formally"})


@dataclass(slots=True)
class Trigger:
    """A matched rule over doc tokens ``start:end``."""

    start: int
    end: int
    rule: TriggerRule


def verb_shaped(doc: Doc, words: Sequence[str], i: int, rule: TriggerRule,
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
    if previous in NOMINAL_CONTEXT or doc[i].is_sent_start:
        return False
    if pos_at is not None and pos_at(i) in {"NOUN", "PROPN"} and word in plain and \
            len(rule.words) == 1:
        # A base or -s form the tagger calls a noun ("power supply", "air links", "a press
        # release") is one: a tagger errs on participles in headlines, rarely on these.
        return False
    if pos_at is not None and pos_at(i) in {"ADV", "ADP", "PART"} and word in plain and \
            len(rule.words) == 1:
        # "invited the delegations back to Doha", "pulled out": a particle or adverb the
        # tagger is sure of, no base form of a verb.
        return False
    if word.endswith(("ed", "ing")) or word not in plain:
        return True
    if after_trigger:
        return False  # "impose sanctions": a base/-s form right after a verb is its object
    if rule.curated or rule.specificity:
        return True
    return previous in _VERB_CONTEXT


def best_rule(lexicon: Lexicon, doc: Doc, words: Sequence[str], i: int,
               limit: int, pos_at: Callable[[int], str] | None,
               after_trigger: bool = False) -> Trigger | None:
    """The most specific rule that fits at token i (None when no rule does)."""
    best: Trigger | None = None
    shaped: dict[tuple[str, bool, bool], bool] = {}
    candidates, after_window, before_window = _rules_at(lexicon, words, i, limit)
    for rule in candidates:
        if not _fits(rule, words, i, limit, after_window, before_window):
            continue
        end = i + len(rule.words)
        if not rule.nominal:
            key = (rule.lemma, rule.curated, bool(rule.specificity))
            if key not in shaped:
                shaped[key] = verb_shaped(doc, words, i, rule, pos_at, after_trigger)
            if not shaped[key]:
                continue
        # A phrasal verb matched word for word ("ruled out", "went on hunger strike") is
        # more specific than the same verb with a keyword somewhere after it.
        if best is None or (len(rule.words), rule.specificity, rule.curated,
                            rule.confidence) > (len(best.rule.words), best.rule.specificity,
                                                best.rule.curated, best.rule.confidence):
            best = Trigger(i, end, rule)
    return best



def _clause_start(words: Sequence[str], i: int) -> int:
    """Where the window of a rule's ``before`` keywords starts: ``_WINDOW`` words back, but
    not past a coordinator or clause break. CAMEO's "[MILITARY] continue" names the verb's
    own subject; in "urged Beijing to halt the military pressure and said Washington would
    continue to support ..." the military word stands before the reported clause."""
    for k in range(i - 1, max(0, i - _WINDOW) - 1, -1):
        if words[k] in _BEFORE_BREAKS:
            return k + 1
    return max(0, i - _WINDOW)


def pos_reader(tagged: Doc, shift: int) -> Callable[[int], str]:
    """The part of speech of doc token ``i``, read from ``tagged`` (``i - shift`` there)."""
    def pos_at(i: int) -> str:
        return str(tagged[i - shift].pos_)
    return pos_at


def annotated(doc: Doc, attr: str) -> bool:
    """``doc.has_annotation(attr)``, remembered on the doc: on an unparsed doc the check
    reads every token, and the coder asks it for every sentence."""
    key = f"sitrep_annotated_{attr}"
    if key not in doc.user_data:
        doc.user_data[key] = doc.has_annotation(attr)
    return bool(doc.user_data[key])


def _candidates(lexicon: Lexicon, doc: Doc, start: int, end: int,
                mentions: Sequence[Mention], quoted: Sequence[QuotedStretch],
                view: TokenView) -> list[int]:
    """The tokens of the sentence ``start:end`` that may start a trigger at all, in order: a
    word that starts a rule, alphabetic, in no actor mention, no date ("on March 3") and no
    quotation. Shared by :func:`find_triggers` and :func:`may_code`, so that what the
    parser is spared is exactly what the coder would never read."""
    in_mention = {k for m in mentions for k in range(m.start, m.end)}
    spans = [(q.start, q.end) for q in quoted]
    idx = view.idx
    ruled = _undated_rule_words(lexicon, doc, view)
    return [i for i in ruled[bisect_left(ruled, start):bisect_left(ruled, end)]
            if i not in in_mention and not any(a <= idx[i] < b for a, b in spans)]


def _undated_rule_words(lexicon: Lexicon, doc: Doc, view: TokenView) -> list[int]:
    """:func:`_rule_words` less those in a date ("on March 3"), found once per doc and
    its date list (a token of a sentence can only be in a date that reaches into it, so
    the sentence need not pick its dates first)."""
    dates = doc._.sitrep_dates or []
    key = f"sitrep_undated_rule_words_{id(lexicon)}"
    known: tuple[list[Any], list[int]] | None = doc.user_data.get(key)
    if known is not None and known[0] is dates:
        return known[1]
    merged: list[list[int]] = []
    for a, b in sorted((d.start, d.end) for d in dates):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    starts = [a for a, _ in merged]
    idx = view.idx
    found = []
    for i in _rule_words(lexicon, doc, view):
        k = bisect_right(starts, idx[i]) - 1
        if k < 0 or idx[i] >= merged[k][1]:
            found.append(i)
    doc.user_data[key] = (dates, found)
    return found


def _rule_words(lexicon: Lexicon, doc: Doc, view: TokenView) -> list[int]:
    """The doc's alphabetic tokens that start some rule, found once per doc (kept in
    ``doc.user_data``): the coder asks for every sentence, the parse selection too."""
    key = f"sitrep_rule_words_{id(lexicon)}"
    found: list[int] | None = doc.user_data.get(key)
    if found is None:
        index, keyed = lexicon.index, lexicon.keyed
        found = [i for i, (word, alpha) in enumerate(zip(view.lower, view.alpha, strict=True))
                 if alpha and (word in index or word in keyed)]
        doc.user_data[key] = found
    return found


def _fits(rule: TriggerRule, words: Sequence[str], i: int, limit: int,
          after_window: set[str] | None, before_window: set[str] | None) -> bool:
    """Whether ``rule`` fits the words at token i: its further words, its keywords after
    (in order) and before. Word order only; the part of speech is :func:`verb_shaped`'s."""
    end = i + len(rule.words)
    if end > limit:
        return False
    if len(rule.words) > 1 and any(words[i + k] != w for k, w in enumerate(rule.words)):
        return False
    if rule.after:
        window = after_window if end == i + 1 and after_window is not None else \
            set(words[end:min(limit, end + _WINDOW)])
        if i > 0 and words[i - 1] in BE:
            # A passive puts the object first: "the curfew was lifted", "intelligence
            # was shared".
            window = window | set(words[max(0, i - _WINDOW):i])
            if not all(slot & window for slot in rule.after):
                return False
        elif not all(slot & window for slot in rule.after) or not slots_in_order(
                rule.after, words, end, min(limit, end + _WINDOW) if rule.curated
                else phrase_end(words, end, min(limit, end + _WINDOW))):
            return False
    if rule.before:
        if before_window is None:
            before_window = set(words[_clause_start(words, i):i])
        if not all(slot & before_window for slot in rule.before):
            return False
    return True


def _rules_at(lexicon: Lexicon, words: Sequence[str], i: int, limit: int
              ) -> tuple[list[TriggerRule], set[str] | None, set[str] | None]:
    """The rules that may start at token i, with the keyword windows they were chosen by."""
    word = words[i]
    candidates: list[TriggerRule] = list(lexicon.rules_at(word))
    after_window: set[str] | None = None
    before_window: set[str] | None = None
    if word in lexicon.keyed:
        after_window = set(words[i + 1:min(limit, i + 1 + _WINDOW)])
        before_window = set(words[_clause_start(words, i):i])
        candidates += lexicon.keyed_rules(word, after_window | before_window)
    return candidates, after_window, before_window


def may_code(lexicon: Lexicon, doc: Doc, start: int, end: int, mentions: Sequence[Mention],
             quoted: Sequence[QuotedStretch], view: TokenView) -> bool:
    """Whether some rule with an event type fits by word order somewhere in tokens
    ``start:end``, whatever parts of speech a tagger would give: without one,
    :func:`find_triggers` finds no typed trigger there under any parse (the tests it adds,
    the verb shape and naming or evidential uses, only take triggers away)."""
    words = view.lower
    for i in _candidates(lexicon, doc, start, end, mentions, quoted, view):
        rules, after_window, before_window = _rules_at(lexicon, words, i, end)
        if any(rule.type is not None and _fits(rule, words, i, end, after_window,
                                               before_window) for rule in rules):
            return True
    return False


def find_triggers(lexicon: Lexicon, doc: Doc, sentence: Span, mentions: Sequence[Mention],
                  quoted: Sequence[QuotedStretch], view: TokenView,
                  pos_at: Callable[[int], str] | None, parse: Doc | None,
                  offset: int) -> list[Trigger]:
    """The sentence's triggers in order, none overlapping (see module doc).

    Verbs that name things ("a town called X") or report evidence ("movements suggest
    preparations") are no triggers in those uses.
    """
    words = view.lower
    triggers: list[Trigger] = []
    mention_starts_at = {m.start for m in mentions}
    in_mention = {k for m in mentions for k in range(m.start, m.end)}
    i = sentence.start  # the first token not yet read
    for candidate in _candidates(lexicon, doc, sentence.start, sentence.end, mentions,
                                 quoted, view):
        if candidate < i:
            continue  # inside the trigger found before
        i = candidate
        after_trigger = bool(triggers) and triggers[-1].end == i
        found = best_rule(lexicon, doc, words, i, sentence.end, pos_at, after_trigger)
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
    return triggers
