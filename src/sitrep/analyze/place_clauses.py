"""Which places of a sentence are background to it: in a participle, relative or opening
subordinate clause ("the ceasefire declared in Doha", "a deal that was signed in
Washington", "After talks in Cairo failed, ...").

Such a place is where something else happened, not where the sentence's own event did:
"Rebels released 200 prisoners on Wednesday, the first step under the ceasefire declared in
Doha" happened where the rebels are, not in Qatar. The test reads words only (it runs
before and without the parser), so it is a cue list, not a parse: a past participle right
before the place's preposition, with the main clause's verb before it, or a relative word
before its auxiliary.
"""

from __future__ import annotations

import re

from sitrep.analyze.places import PlaceMention

__all__ = ["in_background_clause"]

# "the ceasefire declared in Doha", "a deal that was signed in Washington": the place of a
# participle or relative clause is background to the main clause, not where it happens.
_PARTICIPLE_BEFORE_PLACE = re.compile(
    r"(?P<verb>[A-Za-z]+)\s+(?:in|at|near|outside|inside|from)\s+(?:the\s+)?"
    r"(?:[a-z-]+\s+){0,2}$")
_IRREGULAR_PARTICIPLES = frozenset({
    "held", "made", "struck", "won", "built", "brought", "begun", "fought", "laid", "set",
    "taken", "given", "seen", "written", "drawn", "sought", "shot", "caught", "born", "paid",
    "sent", "spent", "kept", "known", "shown", "thrown", "hidden", "found", "bought", "sold"})
_PASSIVE_AUXILIARIES = frozenset({"was", "were", "been", "being", "be", "is", "are"})
_RELATIVE_WORDS = frozenset({"which", "that", "who", "where"})
_SUBORDINATORS = frozenset({"After", "Before", "Since", "When", "While", "Although", "Though",
                            "Because", "Until", "Once", "Whereas"})
"""Words that open a sentence with a subordinate clause, closed by its first comma."""
# A word before the participle that shows a clause already has its verb ("talks held in
# Cairo" after "said"): a verb-like form or a comma that closes the main clause's start.
_MAIN_VERB_HINT = re.compile(r"[a-z]ed\b|\b(?:said|says|is|are|was|were|has|have|had|will)\b|,")


def in_background_clause(text: str, sentence_start: int, place: PlaceMention) -> bool:
    """Whether ``place`` sits in a participle or relative clause of its sentence.

    A sentence-opening subordinate clause ("After a truce agreed in Nairobi collapsed,")
    is background up to its comma. A reduced relative ("a trade deal signed in
    Washington") needs the main clause's verb or a comma earlier in the sentence: "The
    army attacked in Goma" has only one verb and is the main clause. A passive with its
    auxiliary ("prisoners were freed in Goma") is the main clause unless a relative word
    introduces it ("which was signed in Doha").
    """
    prefix = text[sentence_start:place.start]
    first_word = prefix.split(maxsplit=1)[0] if prefix.strip() else ""
    if first_word in _SUBORDINATORS and "," not in prefix:
        return True  # "After talks in Cairo failed, ...": the main clause is yet to come
    found = _PARTICIPLE_BEFORE_PLACE.search(prefix)
    if found is None:
        return False
    verb = found["verb"]
    lowered = verb.lower()
    if verb != lowered or not (lowered.endswith("ed") or lowered in _IRREGULAR_PARTICIPLES):
        return False
    before = prefix[:found.start()].split()
    if not before:
        return False
    if before[-1].lower() in _PASSIVE_AUXILIARIES:
        return any(word.lower().strip(",") in _RELATIVE_WORDS for word in before[-4:-1])
    return _MAIN_VERB_HINT.search(" ".join(before[1:])) is not None
