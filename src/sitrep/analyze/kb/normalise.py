"""How surface text becomes a lookup key.

News text spells the same actor many ways: "Élysée"/"Elysee", "U.S."/"US",
"Zelenskyy's", "the Kremlin"/"Kremlin", curly or straight apostrophes. Every alias in the
knowledge base and every query pass through :func:`lookup_key` so that these variants meet.

Acronyms are the exception to case folding: "US" is the United States but "us" is a
pronoun, "WHO" is the World Health Organization but "who" is not. An acronym keeps its
case in its key, so lowercase text never reaches it; a spelling such as "Nato" that news
prints in mixed case is listed as its own alias in the data.
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["is_acronym", "lookup_key", "strip_determiner", "strip_possessive"]

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'",
                              "\u2010": "-", "\u2011": "-", "\u2013": "-", "\u2014": "-"})
_DETERMINERS = ("the ", "a ", "an ")
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"(?:'s|s')$")


def _fold_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=65536)
def _tidy(text: str) -> str:
    text = _fold_diacritics(text.translate(_APOSTROPHES))
    return _SPACES.sub(" ", text).strip()


def is_acronym(text: str) -> bool:
    """True for "US", "U.S.", "NATO", "M23", "UNHCR": short, all capitals, no lowercase.

    Such forms must be matched case-sensitively (a PhraseMatcher on ORTH, not LOWER).
    """
    compact = _tidy(text).replace(".", "").replace(" ", "")
    letters = [ch for ch in compact if ch.isalpha()]
    return 2 <= len(compact) <= 8 and len(letters) >= 2 and all(ch.isupper() for ch in letters)


@functools.lru_cache(maxsize=65536)
def strip_determiner(text: str) -> str:
    """Drop one leading "the"/"a"/"an" ("the Kremlin" -> "Kremlin"), keeping the case."""
    tidy = _tidy(text)
    lowered = tidy.lower()
    for det in _DETERMINERS:
        if lowered.startswith(det) and len(tidy) > len(det):
            return tidy[len(det):]
    return tidy


@functools.lru_cache(maxsize=65536)
def strip_possessive(text: str) -> str:
    """"Russia's" -> "Russia", "Ukrainians'" -> "Ukrainians"."""
    tidy = _tidy(text)
    return _POSSESSIVE.sub("", tidy) if len(tidy) > 2 else tidy


@functools.lru_cache(maxsize=65536)
def lookup_key(text: str) -> str:
    """The key an alias is stored under and a query is looked up by.

    Diacritics, apostrophe styles, spacing and a leading determiner are ignored; case is
    ignored except in acronyms (whose dots are dropped: "U.S." and "US" share a key).
    """
    core = strip_determiner(text)
    if is_acronym(core):
        return core.replace(".", "").replace(" ", "")
    return core.casefold()
