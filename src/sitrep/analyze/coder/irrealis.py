"""Irrealis framing: triggers that name an act nobody has done or undertaken.

A verb in a purpose clause ("to ensure Trump does not accept terms"), an open question
("whether the rapport will help forge a deal"), the condition of a conditional ("if Iran
attacks, ..."), a pending act ("the treaty has yet to be ratified"), an allegation ("accused
the coast guard of firing water cannon"), or the complement of a nominalised aim ("his
determination to seek peace", "hopes of reaching a deal") states a goal, a doubt, a
hypothesis or a charge, not an event the sentence reports. PLOVER codes what actors did,
said they would do, demanded or alleged (the allegation is the ACCUSE), so such a
trigger's readings are capped below the confidence a brief shows (see
:data:`IRREALIS_CEILING`) and kept only as weak evidence for evaluation's best-of-sentence.

Words that reach the trigger through a governing verb ("threatened to attack") or that
state a commitment ("will withdraw") are framed elsewhere
(:mod:`sitrep.analyze.coder.readings`); this module reads only a few words of the
sentence before the trigger, so it costs nothing per token.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["IRREALIS_CEILING", "irrealis"]

# The highest confidence an irrealis reading keeps: below the brief's 0.5 threshold.
IRREALIS_CEILING = 0.45
# Clause openers that make the clause a question or a condition ("whether X will help",
# "if Iran attacks"). The clause they open runs to the first comma: after it the main
# clause ("If Iran attacks, Israel will respond") is no longer hypothetical.
_OPEN_QUESTIONS = frozenset({"whether", "if"})
# Purpose markers read as word pairs: "to ensure", "so that", "in order to", "aimed at",
# "the changes were needed to protect".
# "ensured that the convoy passed" (past) reports a result, so only the infinitive and
# gerund forms of the aim verbs count.
_PURPOSE_PAIRS = frozenset({("to", "ensure"), ("to", "guarantee"), ("to", "prevent"),
                            ("to", "avoid"), ("so", "that"), ("in", "order"),
                            ("order", "that"), ("aimed", "at"), ("aiming", "at"),
                            ("aimed", "to"), ("designed", "to"), ("intended", "to"),
                            ("ensure", "that"), ("ensuring", "that"), ("needed", "to")})
# Acts still pending or only required: "the treaty has yet to be ratified", "still has to
# be signed", "the law needs to be amended".
_PENDING_PAIRS = frozenset({("yet", "to"), ("has", "to"), ("have", "to"), ("needs", "to"),
                            ("need", "to"), ("remains", "to"), ("remain", "to")})
# Nouns of aim whose "to"/"of" complement is not done: "determination to seek peace",
# "efforts to end the fighting", "hopes of reaching a deal". "attempt"/"bid" stay out:
# PLOVER codes an attempted assault as the assault.
_AIM_NOUNS = frozenset({"determination", "effort", "efforts", "hope", "hopes", "aim",
                        "aims", "goal", "goals", "ambition", "ambitions", "desire",
                        "willingness", "readiness", "intention", "intentions", "resolve",
                        "wish", "quest", "prospect", "prospects", "possibility",
                        "chance", "chances", "idea", "ability", "capacity",
                        "capability"})
# Adjectives that make an event noun hypothetical: "a possible ceasefire", "any eventual
# deal", "the proposed talks".
_HYPOTHETICAL_ADJECTIVES = frozenset({"possible", "potential", "eventual", "hypothetical",
                                      "proposed", "prospective", "would-be"})
# Verbs whose "of"/"for" complement is an allegation: "accused the coast guard of firing
# water cannon, injuring a crew member" reports the accusation, not the firing.
_ALLEGING = ("accus", "blam", "charg", "suspect", "alleg")
_ALLEGATION_PREPOSITIONS = frozenset({"of", "for"})
_ALLEGATION_REACH = 30
# Words that end the accusation's complement (looking back from the trigger, they open
# another clause): "accused X of lying, while troops were shelling the town".
_ALLEGATION_ENDS = frozenset({";", "—", "–", ":", "while", "whereas", "but", "because",
                              "although", "after", "when", "said", "says"})
# Modals that put a main clause in the future: its "until" clause names what must happen
# first ("inspectors will not return until the agency condemns the strikes"), a condition;
# a past main clause's "until" clause happened ("they fought until the army withdrew").
_FUTURE_MODALS = frozenset({"will", "would", "shall", "'ll", "wo", "won't", "wouldn't",
                            "cannot", "can't"})
_UNTIL = frozenset({"until", "till", "unless"})
# How far back in the clause a purpose marker governs the trigger: "to ensure Trump does
# not accept" puts four words between them.
_PURPOSE_REACH = 6


def irrealis(words: Sequence[str], texts: Sequence[str], left: int, sentence_start: int,
             trigger_start: int, nominal: bool) -> str | None:
    """Why the trigger at ``trigger_start`` names an unrealised act, or None.

    ``left`` is where the trigger's clause begins (after a break or subordinator);
    ``words`` the lower-case and ``texts`` the original token strings. Returns
    ``"question"``, ``"purpose"``, ``"pending"``, ``"condition"``, ``"alleged"``, ``"aim"``
    or ``"hypothetical"`` (module doc).
    """
    for k in range(trigger_start - 1, max(sentence_start, left - 1) - 1, -1):
        if texts[k] == ",":
            break  # "If Iran attacks, Israel will respond": the main clause
        if words[k] in _OPEN_QUESTIONS:
            return "question"
    start = max(left, trigger_start - _PURPOSE_REACH)
    for k in range(start, trigger_start - 1):
        if (words[k], words[k + 1]) in _PURPOSE_PAIRS:
            return "purpose"
        if (words[k], words[k + 1]) in _PENDING_PAIRS:
            return "pending"
    if _awaited(words, texts, left, sentence_start, trigger_start):
        return "condition"
    if _alleged(words, sentence_start, trigger_start):
        return "alleged"
    if trigger_start - 2 >= left and words[trigger_start - 1] in {"to", "of"} and \
            words[trigger_start - 2] in _AIM_NOUNS:
        return "aim"
    if nominal and trigger_start - 1 >= left and \
            words[trigger_start - 1] in _HYPOTHETICAL_ADJECTIVES:
        return "hypothetical"
    return None


def _awaited(words: Sequence[str], texts: Sequence[str], left: int, sentence_start: int,
             trigger_start: int) -> bool:
    """Is the trigger in an "until"/"unless" clause of a future main clause ("would not
    return until the agency condemned the strikes")? The condition is what must happen
    first, not an event; after a past main clause ("fought until dawn") it did happen."""
    for k in range(trigger_start - 1, max(sentence_start, left - 1) - 1, -1):
        if texts[k] in {";", ":", ","}:
            return False  # "Until Russia withdraws, the EU will ...": the main clause
        if words[k] in _UNTIL:
            return any(w in _FUTURE_MODALS for w in words[max(sentence_start, left - 1):k])
    return False


def _alleged(words: Sequence[str], sentence_start: int, trigger_start: int) -> bool:
    """Is the -ing trigger at ``trigger_start`` in the "of"/"for" complement of an
    accusation ("accused X of firing ..., injuring ...")? The complement runs on through
    commas and "and"; a semicolon, dash or subordinator ends it."""
    if not words[trigger_start].endswith("ing"):
        return False
    preposition = False
    for k in range(trigger_start - 1, max(sentence_start, trigger_start - _ALLEGATION_REACH)
                   - 1, -1):
        word = words[k]
        if word in _ALLEGATION_ENDS:
            return False
        if word in _ALLEGATION_PREPOSITIONS:
            preposition = True
        elif preposition and word.startswith(_ALLEGING):
            return True
    return False
