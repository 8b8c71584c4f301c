"""English verb inflection for lexicon triggers.

The v1 pipeline has no lemmatizer (``spacy.blank("en")``), so a trigger lemma is matched
through the surface forms it can take. Generating them here, once, at lexicon load keeps the
data files short (one lemma per entry) and the matching a dictionary lookup per token.
"""

from __future__ import annotations

__all__ = ["IRREGULAR", "verb_forms"]

# Irregular past / participle forms of verbs that occur as event triggers.
IRREGULAR: dict[str, tuple[str, ...]] = {
    "be": ("is", "are", "was", "were", "been", "being"),
    "beat": ("beat", "beaten"),
    "begin": ("began", "begun"),
    "bid": ("bid",),
    "blow": ("blew", "blown"),
    "break": ("broke", "broken"),
    "bring": ("brought",),
    "build": ("built",),
    "buy": ("bought",),
    "catch": ("caught",),
    "cut": ("cut",),
    "deal": ("dealt",),
    "do": ("did", "done", "does"),
    "draw": ("drew", "drawn"),
    "drive": ("drove", "driven"),
    "fight": ("fought",),
    "fly": ("flew", "flown"),
    "forbid": ("forbade", "forbidden"),
    "forgive": ("forgave", "forgiven"),
    "forgo": ("forwent", "forgone", "forgoes"),
    "freeze": ("froze", "frozen"),
    "give": ("gave", "given"),
    "go": ("went", "gone", "goes"),
    "hang": ("hung", "hanged"),
    "have": ("had", "has"),
    "hit": ("hit",),
    "hold": ("held",),
    "keep": ("kept",),
    "lay": ("laid",),
    "lead": ("led",),
    "leave": ("left",),
    "lend": ("lent",),
    "let": ("let",),
    "make": ("made",),
    "meet": ("met",),
    "overrun": ("overran", "overrun"),
    "pay": ("paid",),
    "overthrow": ("overthrew", "overthrown"),
    "put": ("put",),
    "rise": ("rose", "risen"),
    "run": ("ran",),
    "say": ("said",),
    "seek": ("sought",),
    "sell": ("sold",),
    "send": ("sent",),
    "set": ("set",),
    "shake": ("shook", "shaken"),
    "shoot": ("shot",),
    "shut": ("shut",),
    "sign": ("signed",),
    "sink": ("sank", "sunk"),
    "slay": ("slew", "slain"),
    "speak": ("spoke", "spoken"),
    "spend": ("spent",),
    "stand": ("stood",),
    "steal": ("stole", "stolen"),
    "strike": ("struck", "stricken"),
    "swear": ("swore", "sworn"),
    "take": ("took", "taken"),
    "teach": ("taught",),
    "tell": ("told",),
    "think": ("thought",),
    "throw": ("threw", "thrown"),
    "undertake": ("undertook", "undertaken"),
    "uphold": ("upheld",),
    "wage": ("waged",),
    "win": ("won",),
    "withdraw": ("withdrew", "withdrawn"),
    "withhold": ("withheld",),
    "write": ("wrote", "written"),
}

_VOWELS = set("aeiou")
# Verbs ending consonant-vowel-consonant whose final syllable is unstressed: no doubling.
_NO_DOUBLING = {"visit", "offer", "open", "threaten", "deliver", "consider", "target", "limit",
                "edit", "exhibit", "benefit", "develop", "enter", "order", "gather", "listen",
                "happen", "question", "pardon", "abandon", "condemn", "summon", "weaken",
                "strengthen", "worsen", "harden", "lessen", "soften", "reopen", "render",
                "shelter", "monitor", "murder", "bomb", "govern", "welcome", "sentence",
                "lobby", "rally", "ferry", "bury", "marry", "envision", "imprison"}


def _doubles(word: str) -> bool:
    """Whether the final consonant doubles before -ed/-ing ("ban" -> "banned")."""
    if word in _NO_DOUBLING or len(word) < 3:
        return False
    a, b, c = word[-3], word[-2], word[-1]
    if c in _VOWELS or c in "wxy" or b not in _VOWELS or a in _VOWELS:
        return False
    # One-syllable words and words stressed on the last syllable double; guess by syllables.
    syllables = sum(1 for i, ch in enumerate(word) if ch in _VOWELS
                    and (i == 0 or word[i - 1] not in _VOWELS))
    # Compounds ending in a doubling one-syllable verb ("airdrop", "outstrip") double too.
    return syllables == 1 or word.endswith(("fer", "mit", "pel", "cur", "gret", "bat", "drop",
                                            "strip", "stop", "ship", "plan"))


def _may_double(word: str) -> bool:
    """Whether a longer verb ends consonant-vowel-consonant, so that its final consonant
    may double before -ed/-ing in some spelling ("kidnap", "patrol", "equip")."""
    if word in _NO_DOUBLING or len(word) < 4:
        return False
    a, b, c = word[-3], word[-2], word[-1]
    return c not in _VOWELS and c not in "wxyh" and b in _VOWELS and a not in _VOWELS


def verb_forms(lemma: str) -> tuple[str, ...]:
    """All surface forms of a (lower-case) verb lemma: base, -s, -ed, -ing and irregulars.

    A multi-word lemma ("call for") inflects its first word only.
    """
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    forms: list[str] = [head]
    if head.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms.append(head + "es")
    elif head.endswith("y") and len(head) > 1 and head[-2] not in _VOWELS:
        forms.append(head[:-1] + "ies")
    else:
        forms.append(head + "s")
    if head.endswith("e") and not head.endswith("ee"):
        forms += [head + "d", head[:-1] + "ing"]
    elif head.endswith("ee"):
        forms += [head + "d", head + "ing"]
    elif head.endswith("ie"):
        forms += [head + "d", head[:-2] + "ying"]
    elif head.endswith("y") and len(head) > 1 and head[-2] not in _VOWELS:
        forms += [head[:-1] + "ied", head + "ing"]
    elif head.endswith("c"):
        forms += [head + "ked", head + "king"]
    elif _doubles(head):
        forms += [head + head[-1] + "ed", head + head[-1] + "ing"]
    else:
        forms += [head + "ed", head + "ing"]
        if _may_double(head):
            # The stress of a longer verb is a guess, and usage varies ("kidnapped",
            # "patrolled", "equipped"; "targeted" beside "targetted"): both spellings
            # are matched, an unused one costs nothing.
            forms += [head + head[-1] + "ed", head + head[-1] + "ing"]
    forms += IRREGULAR.get(head, ())
    seen: dict[str, None] = {}
    for form in forms:
        seen.setdefault(form + tail, None)
    return tuple(seen)
