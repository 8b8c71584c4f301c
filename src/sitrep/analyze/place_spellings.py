"""Spellings of place names: the forms news copy writes a gazetteer name in.

Used once per process, while the gazetteer is built (:mod:`sitrep.analyze.places`): the
name without diacritics or the Arabic article, and the alternate names that are mere
transliterations ("Kiev" for Kyiv) rather than translations or other places.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

__all__ = ["display_name", "fold", "is_plain_name", "transliterations", "without_article"]


def fold(name: str) -> str:
    """"São Paulo" -> "Sao Paulo": news copy often drops diacritics."""
    if name.isascii():
        return name
    decomposed = unicodedata.normalize("NFKD", name.replace("ʿ", "").replace("‘", ""))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).rstrip("’'")


def display_name(name: str) -> str:
    """The gazetteer's name, with scholarly transliteration marks ("Ḩamāh", "Al Fallūjah")
    folded away; ordinary accents ("Bogotá", "São Paulo") stay."""
    if all(ord(c) < 0x250 and c not in "āēīōūĀĒĪŌŪḩḨşŞţŢḑḐẕẔ" for c in name):
        return name
    return fold(name)


_PLAIN_NAME = re.compile(r"[^\W\d_]+(?:(?:[ '-]|\. ?)[^\W\d_]+)*\.?")


def is_plain_name(name: str) -> bool:
    """A name news could write: letters, capitalised, no digits, not an all-caps code."""
    return name[:1].isupper() and not name.isupper() and _PLAIN_NAME.fullmatch(name) is not None


_VOWELS = re.compile(r"[aeiouy'\s-]+")
_DOUBLED = re.compile(r"(.)\1+")


def _skeleton(name: str) -> str:
    """Consonants in order, doubled letters merged: the part of a place name that survives
    transliteration ("Kyiv"/"Kiev" -> "kv", "Odesa"/"Odessa" -> "ds")."""
    return _DOUBLED.sub(r"\1", _VOWELS.sub("", fold(name).lower()))


_ARABIC_ARTICLE = re.compile(r"(?:Al|Ar|As|Aş|An|Ad|At|Az|Ash|Ath|El)[ -](?P<rest>[^\W\d_]{4,})")


def without_article(name: str) -> list[str]:
    """"Al Fallūjah" -> "Fallūjah": English copy mostly drops the Arabic article."""
    bare = _ARABIC_ARTICLE.fullmatch(name)
    return [bare["rest"]] if bare and bare["rest"][0].isupper() else []


def transliterations(name: str, alternates: Sequence[str]) -> list[str]:
    """Alternate names that are spellings of ``name`` ("Kiev" for "Kyiv"), not translations
    or other places ("Hamas" is an alternate name of Hamm): same first letter, same
    consonant skeleton. Cheap on purpose: this sees some 200,000 alternates."""
    skeleton = _skeleton(name)
    if len(skeleton) < 2:
        return []
    first = name[0]
    return [alternate for alternate in alternates
            if alternate[:1] == first and alternate != name and len(alternate) >= 5
            and alternate.isascii()
            and _skeleton(alternate) == skeleton and is_plain_name(alternate)]
