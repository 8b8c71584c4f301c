"""Source and target from word order: the coder's arguments where no parse says otherwise.

The rule path reads roles from the surface (the first actor group before the trigger is the
source, the first after it the target, a passive swaps them and takes "by X"); the parse
path still uses these helpers to recover a passive's agent and coordinations the parser
split. Kept apart from :mod:`events` so each file holds one way of reading a sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence

from spacy.tokens import Doc

from sitrep.analyze.nlp.records import Mention

__all__ = ["DETERMINERS", "by_agent", "coordinated", "mutual", "naming_use", "phrase_end",
           "reduced_relative", "surface_arguments", "thing_subject", "with_coordinated"]

DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this",
                         "these", "those"})
# Words that may stand between two coordinated actors: "X and Y", "X, Y and Z", "both X
# and its ally Y", "X as well as Y".
_JOINERS = frozenset({"and", ",", "&", "as", "well", "the", "both", "its", "their"})
# Marks that close a verb's own phrase: a comma, a dash, a bracket or a quotation.
_PHRASE_BREAKS = frozenset({",", ";", ":", "(", ")", "—", "–", "--", '"', "“", "”", "‘",
                            "``", "''"})


# Words right after "call" that keep it a call to someone ("called him", "called Kyiv").
_PERSONAL = frozenset({"him", "her", "them", "me", "us", "you", "each", "both"})


def naming_use(words: Sequence[str], i: int, keyed: bool, actor_starts: Container[int],
               sentence_start: int) -> bool:
    """Whether the naming verb at ``i`` ("call") names rather than acts.

    "what he calls a summit", "the so-called ...": a naming whatever follows. Otherwise a
    bare reading (``keyed`` False: no keyword pattern such as "call for" matched) is a call
    to someone only with an actor or a personal pronoun right after the verb ("called
    Putin", "called him"); "called the vote a farce", "calls it 'a feel-out meeting'" name.
    """
    before = words[max(sentence_start, i - 3):i]
    if "what" in before or (i > sentence_start and words[i - 1] in {"so", "so-"}):
        return True
    if keyed:
        return False
    nxt = i + 1
    return nxt >= len(words) or not (nxt in actor_starts or words[nxt] in _PERSONAL)


# Words that may stand between a subject and its verb: "Russia has also suggested".
_AUXILIARY = frozenset({"has", "have", "had", "also", "again", "now", "did", "does", "do",
                        "will", "would", "could", "may", "might", "can", "clearly", "not",
                        "n't", "further", "only", "already", "seemed", "seems", "to"})
_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "who", "it"})


def thing_subject(words: Sequence[str], i: int, actor_tokens: Container[int],
                  sentence_start: int, parse: Doc | None, offset: int) -> bool:
    """Whether the verb at ``i`` has a thing, not an actor, for subject ("movements suggest
    preparations", "the figures signal a slowdown"): an evidential verb then reports what
    something indicates, not a proposal or a signal someone sent.

    With a parse, its ``nsubj`` decides: a common noun outside every actor mention (an
    actor's possession, "Russia's movements", is still a thing). Without, the word before
    the verb (past auxiliaries and adverbs) must be in an actor mention or a pronoun.
    """
    if parse is not None:
        token = parse[i - offset]
        subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass",
                                                            "nsubj:pass"}]
        if not subjects:
            return False
        subject = subjects[0]
        return subject.pos_ == "NOUN" and subject.i + offset not in actor_tokens
    k = i - 1
    while k >= sentence_start and words[k] in _AUXILIARY:
        k -= 1
    if k < sentence_start or k in actor_tokens or words[k] in _PRONOUNS:
        return False
    return words[k].isalpha()


def phrase_end(words: Sequence[str], start: int, stop: int) -> int:
    """The first phrase break in ``words[start:stop]`` (``stop`` when none).

    CAMEO's object patterns ("call ... meeting", "suggest ... peace") describe the verb's
    own object: a keyword after a comma ("suggest preparations, not peace") or inside a
    quotation ("calls 'a feel-out meeting'", a name, not a call for one) is another phrase.
    """
    for k in range(start, stop):
        if words[k] in _PHRASE_BREAKS:
            return k
    return stop


def _joined(a: Mention, b: Mention, words: Sequence[str]) -> bool:
    between = words[a.end:b.start]
    return b.start >= a.end and bool(between) and all(
        w in _JOINERS or w.isspace() for w in between) and any(
        w in {"and", ",", "&"} for w in between)


def coordinated(mentions: Sequence[Mention], first: int, words: Sequence[str]) -> list[Mention]:
    """``mentions[first]`` and the mentions joined after it by "and" / ","
    ("France and Germany", "the US, Britain and France")."""
    group = [mentions[first]]
    k = first
    while k + 1 < len(mentions) and _joined(mentions[k], mentions[k + 1], words):
        group.append(mentions[k + 1])
        k += 1
    return group


def with_coordinated(mentions: Sequence[Mention], chosen: Sequence[Mention],
                     words: Sequence[str]) -> list[Mention]:
    """``chosen`` widened to the whole coordination each of its mentions stands in, before
    and after it: the parser's subject "Putin" of "Trump and Putin are set to meet" brings
    back "Trump"."""
    if not chosen:
        return []
    index = {id(m): k for k, m in enumerate(mentions)}
    widened: list[Mention] = []
    for mention in chosen:
        k = index.get(id(mention))
        if k is None:
            if mention not in widened:
                widened.append(mention)
            continue
        while k > 0 and _joined(mentions[k - 1], mentions[k], words):
            k -= 1
        for member in coordinated(mentions, k, words):
            if not any(member is w for w in widened):
                widened.append(member)
    return widened


def by_agent(mentions: Sequence[Mention], words: Sequence[str], start: int,
             right: int) -> list[Mention]:
    """The actor group after "by" in ``start``..``right``: a passive's agent."""
    found = [k for k, m in enumerate(mentions)
             if start <= m.start < right and m.start > 0 and (
                 words[m.start - 1] == "by" or (m.start > 1 and words[m.start - 2] == "by"
                                                and words[m.start - 1] in DETERMINERS))]
    return coordinated(mentions, found[0], words) if found else []


def mutual(kind: str | None, source: Sequence[Mention]) -> bool:
    """Whether a meeting's subject already names all its parties: "X and Y are set to meet
    (in Alaska, for talks aimed at ending Z's war)" has no recipient to guess from word
    order, and Z is no party to it. A meeting with someone else says so ("met with Z") and
    the parse finds that."""
    keys = {m.actor.key for m in source if m.actor is not None}
    return kind == "CONSULT" and len(keys) >= 2


def surface_arguments(mentions: Sequence[Mention], words: Sequence[str], left: int,
                      right: int, trigger: tuple[int, int], skipped: tuple[int, int] | None,
                      passive: bool) -> tuple[list[Mention], list[Mention]]:
    """Source/target from word order (no parse): the first actor group of the clause before
    the trigger (token span ``trigger``), the first after it (a named recipient before a
    place); a passive swaps them and takes the source from "by X"."""
    start, end = trigger
    before = [k for k, m in enumerate(mentions)
              if left <= m.start and m.end <= start and not m.locative
              and not (skipped and skipped[0] <= m.start <= skipped[1])]
    after = [k for k, m in enumerate(mentions) if end <= m.start < right]
    after = [k for k in after if not mentions[k].locative] + \
        [k for k in after if mentions[k].locative]
    source_m = coordinated(mentions, before[0], words) if before else []
    if before and not source_m[-1].end <= start:
        source_m = source_m[:1]
    target_m = coordinated(mentions, after[0], words) if after else []
    if passive:
        source_m, target_m = by_agent(mentions, words, end, right), source_m
    return source_m, target_m


# Words that, right before a participle, make it a verb of its own clause, not a modifier.
_CLAUSE_JOINS = frozenset({"and", "or", "but", "who", "which", "that", "then", "also"})


def reduced_relative(words: Sequence[str], i: int, left: int, verb_starts: Sequence[int],
                     noun_at: Callable[[int], bool]) -> bool:
    """Is the participle at ``i`` a reduced relative on the object of an earlier verb?

    "pardoned 20 soldiers jailed over a coup plot", "vetoed a resolution demanding a
    truce": the participle says something about a participant of the clause's main event,
    which is the news. ``verb_starts`` are the clause's earlier verb triggers, ``noun_at``
    says whether a token is a noun.
    """
    if i - 1 <= left or not words[i].endswith(("ed", "ing")) or not noun_at(i - 1):
        return False
    # The earlier verb takes the noun phrase as its object ("pardoned 20 soldiers"), not
    # a preposition ("hackers linked to X attacked": that verb is itself the modifier).
    return any(left <= start < i - 1 and not _CLAUSE_JOINS.intersection(words[start + 1:i])
               and (words[start + 1] in DETERMINERS or words[start + 1].isdigit()
                    or noun_at(start + 1))
               for start in verb_starts)
