"""Source and target from word order: the coder's arguments where no parse says otherwise.

The rule path reads roles from the surface (the first actor group before the trigger is the
source, the first after it the target, a passive swaps them and takes "by X"); the parse
path still uses these helpers to recover a passive's agent and coordinations the parser
split. Kept apart from :mod:`events` so each file holds one way of reading a sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence

from spacy.tokens import Doc

from sitrep.analyze.coder.parties import trailing_speaker
from sitrep.analyze.nlp.records import Mention

__all__ = ["DETERMINERS", "VICTIM_SUBJECT", "between_parties", "by_agent", "coordinated",
           "mutual", "naming_use", "phrase_end", "prepositional_recipient", "reduced_relative",
           "responsible_party", "subject_modifier", "surface_arguments", "thing_subject",
           "with_coordinated", "with_owner"]

DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this",
                         "these", "those"})
# Words that end a "by" phrase before an actor: another preposition, a clause word.
_UNIDENTIFIED = "UAF"  # PLOVER's unidentified armed forces: gunmen, bombs
_NOT_MODIFIERS = frozenset({"in", "of", "at", "on", "from", "to", "with", "for", "and", "or",
                            "that", "which", "who", "after", "before", "during", "over"})
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
    while k + 1 < len(mentions) and _joined(mentions[k], mentions[k + 1], words) and \
            not trailing_speaker(words, mentions[k + 1]):  # ", Minister X said"
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


def between_parties(mentions: Sequence[Mention], words: Sequence[str], start: int,
                    right: int) -> list[Mention]:
    """The actors of a "between X and Y" phrase in ``start``..``right``: the parties of an
    agreement or talks whose parse hangs the phrase elsewhere ("an agreement to restore
    flights between India and China")."""
    for k, m in enumerate(mentions):
        if not start < m.start < right or m.actor is None:
            continue
        lead = words[max(start, m.start - 2):m.start]
        if lead[-1:] == ["between"] or (lead[:1] == ["between"] and lead[1] in DETERMINERS):
            group = coordinated(mentions, k, words)
            return group if len(group) > 1 else []
    return []


def with_owner(mentions: Sequence[Mention], chosen: Sequence[Mention],
               words: Sequence[str]) -> list[Mention]:
    """``chosen`` plus the actor that owns it when none of it has a country: "doctors from
    two American aid groups", "members of the Jurists' association" belong to the group
    named after "from"/"of" (the parse path does the same where the parse holds)."""
    if not chosen or any(m.actor is not None and m.actor.country for m in chosen):
        return list(chosen)
    last = max(chosen, key=lambda m: m.end)
    if last.end >= len(words) or words[last.end] not in {"from", "of"}:
        return list(chosen)
    for m in mentions:
        if last.end < m.start <= last.end + 3 and m.actor is not None and m.actor.country:
            return [*chosen, m]
    return list(chosen)


def by_agent(mentions: Sequence[Mention], words: Sequence[str], start: int,
             right: int) -> list[Mention]:
    """The actor group after "by" in ``start``..``right``: a passive's agent. Failing
    that, a bomb or unknown gunmen the victim was hit "in" ("was killed in a car bomb
    explosion", "died in a roadside bomb attack"): PLOVER's unidentified armed force (UAF)
    is the doer when nobody else is named."""
    found = [k for k, m in enumerate(mentions)
             if start <= m.start < right and m.start > 0 and _after_by(words, m.start)]
    if not found:
        found = [k for k, m in enumerate(mentions)
                 if start <= m.start < right and m.start >= 2 and m.actor is not None
                 and m.actor.sector == _UNIDENTIFIED and words[m.start - 2] == "in"
                 and words[m.start - 1] in {"a", "an"}]
    return coordinated(mentions, found[0], words) if found else []


def _after_by(words: Sequence[str], k: int) -> bool:
    """Does "by" stand before token ``k`` with at most two modifiers between ("by X", "by
    the X", "by current Haitian officials"), not another phrase ("by a bomb in X")?"""
    for gap in range(3):
        at = k - 1 - gap
        if at < 0:
            return False
        if words[at] == "by":
            return True
        if words[at] in _NOT_MODIFIERS or not words[at].isalpha():
            return False
    return False


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


# Prepositions that name the other side of an act: "withdraw its troops from Lebanon" (or
# "out of Lebanon"), "an offer from Kabul", "deliveries to Gaza", "its dispute with Spain".
_RECIPIENT_PREPOSITIONS = frozenset({"from", "to", "with", "against", "on", "into",
                                     "toward", "towards"})
_RECIPIENT_GAP = 3  # words between the preposition and the actor ("from neighbouring X")


def prepositional_recipient(mentions: Sequence[Mention], words: Sequence[str], start: int,
                            right: int, exclude: Container[str],
                            prepositions: Container[str] = _RECIPIENT_PREPOSITIONS,
                            ) -> list[Mention]:
    """The first actor group after ``start`` (before ``right``) that a recipient
    preposition introduces, skipping the actors keyed in ``exclude`` (the source's).

    A fallback for a trigger whose object is the source's own ("withdraw its troops from
    X") or a thing ("rejected an offer from X"): the actor in the prepositional phrase is
    the other side. A preposition more than a few words before the actor, or another actor
    between them, does not introduce it.
    """
    for k, m in enumerate(mentions):
        # A place is taken too: after these prepositions it is the other side ("aid
        # deliveries to Afghanistan"), not where the act happened.
        if not start <= m.start < right or m.actor is None or m.actor.key in exclude:
            continue
        at = [p for p in range(max(start, m.start - _RECIPIENT_GAP), m.start)
              if words[p] in prepositions or (
                  prepositions is _RECIPIENT_PREPOSITIONS and words[p] == "of"
                  and words[p - 1] == "out")]
        if at and not any(at[-1] < o.start < m.start for o in mentions if o is not m):
            return coordinated(mentions, k, words)
    return []


# Verbs whose subject is the victim: "a prisoner died in police custody".
VICTIM_SUBJECT = frozenset({"die", "perish"})
# Phrases that name who is answerable for a death: "in Israeli police custody", "at the
# hands of militiamen", "shot by soldiers".
_CUSTODY = frozenset({"custody", "detention", "captivity"})


def responsible_party(mentions: Sequence[Mention], words: Sequence[str], start: int,
                      stop: int) -> list[Mention]:
    """The actor a death is laid at, after a "died" trigger ending at ``start`` (before
    ``stop``): one whose custody it was ("in X custody") or at whose hands ("at the hands
    of X", "by X"); none when the words only say where or how."""
    for k, m in enumerate(mentions):
        if not start <= m.start < stop or m.actor is None or m.locative:
            continue
        held = m.end < stop and words[m.end] in _CUSTODY
        by_hand = words[max(start, m.start - 3):m.start][-2:] == ["hands", "of"] or \
            _after_by(words, m.start)
        if held or by_hand:
            return coordinated(mentions, k, words)
    return []


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


_PASSIVE_BE = frozenset({"was", "were", "is", "are"})
_OPEN_CLAUSE = frozenset({",", ";", ":", "—", "–", "while", "whereas", "because", "after",
                          "before", "when", "as", "since", "if", "unless", "until",
                          "whether", "than", "where", "once"})


def subject_modifier(words: Sequence[str], i: int, right: int, later_verbs: Container[int],
                     noun_at: Callable[[int], bool]) -> bool:
    """Is the participle at ``i`` a reduced relative on the sentence's subject?

    "Two soldiers captured in Kursk were released by Russia": the participle describes
    the subject, and the passive that follows it ("were released", "have been freed") is
    the clause's verb and its news. ``later_verbs`` are the starts of later verb
    triggers; the passive must follow in the clause (before ``right``) with no clause
    join or opening between.
    """
    if i == 0 or not words[i].endswith("ed") or not noun_at(i - 1):
        return False
    for k in range(i + 1, right - 1):
        if words[k] in _CLAUSE_JOINS or words[k] in _OPEN_CLAUSE or k in later_verbs:
            return False  # another clause, or another verb first: "threatened to use"
        if words[k] in _PASSIVE_BE:
            return k + 1 in later_verbs
        if words[k] in {"has", "have"} and words[k + 1] == "been":
            return k + 2 in later_verbs
    return False
