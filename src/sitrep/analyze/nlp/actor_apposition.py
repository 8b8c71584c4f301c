"""Appositions: "Salaheddine Sidhoum, Algeria's leading human rights activist, ..."

News introduces a person the reader does not know by a name and, between commas, what
they are. The phrase reader reads the name and the role as two actors, the name with no
sector and the role as an anonymous role holder; they are one person. Here the role
phrase's sector (and country) go to the name, and the role's mention is pointed at the
same person, so events and quotes see one actor.

Only an unknown name with no sector is completed (a KB person's office already says what
they are), and only a tight apposition: a comma right after the name; before the role
word nothing but articles, lower-case modifiers ("leading", "senior", "best-known") and a
possessive owner ("Algeria's"); right after it a comma or the end of the sentence. "Karim,
who met the minister, ..." and "Karim, the minister said" are not appositions.

The reverse order, a body's head introduced before the name ("the head of the M23
delegation, Benjamin Mbonimpa, told reporters"), gives the name the body's country and
sector: someone who heads, leads or speaks for a body belongs to it, wherever the story
happens to take place.
"""

from __future__ import annotations

from spacy.tokens import Doc

from sitrep.analyze.nlp.actor_lexicon import load_actor_words
from sitrep.analyze.nlp.records import Mention, tokens_of

__all__ = ["merge_appositives"]

MAX_GAP = 5
"""Most words between the comma and the role word ("Algeria's leading human rights")."""

ROLE_VIAS = frozenset({"role", "title"})
"""How the phrase reader marks an anonymous role holder and an unresolved office."""

CLOSERS = frozenset({",", ".", ";", ":", "!", "?", ")"})
"""Tokens that end an apposition after its role word."""

POSSESSIVES = frozenset({"'s", "’s"})

HEAD_WORDS = frozenset({"head", "leader", "chief", "chairman", "chairwoman", "chair",
                        "spokesman", "spokeswoman", "spokesperson", "commander", "director",
                        "president", "secretary-general", "envoy", "representative"})
"""Role words that make "the X of [body], [Name]," the body's own person."""


def merge_appositives(doc: Doc, mentions: list[Mention]) -> None:
    """Complete each unknown name followed by an appositive role, or preceded by the head
    of a body, in place."""
    _merge_heads_before(doc, mentions)
    tv = tokens_of(doc)
    not_names = load_actor_words().not_names
    n = len(tv.text)
    for index, person in enumerate(mentions):
        actor = person.actor
        if actor is None or actor.kind != "person" or actor.sector is not None or \
                person.via != "name" or person.end >= n or tv.text[person.end] != ",":
            continue
        start = person.end + 1
        owner_country: str | None = None
        k = index + 1
        j = start
        role: Mention | None = None
        while j < n and j - start <= MAX_GAP:
            if k < len(mentions) and mentions[k].start == j:
                other = mentions[k]
                k += 1
                if other.via in ROLE_VIAS and not other.plural:
                    role = other
                    break
                owner = other.actor
                if owner is None or owner.kind not in ("country", "organization") or \
                        other.end >= n or tv.text[other.end] not in POSSESSIVES:
                    break
                owner_country = owner.country  # "Algeria's"
                j = other.end + 1
                continue
            word = tv.lower[j]
            if word in {"a", "an", "the", "-"} or (word.replace("-", "").isalpha()
                                              and tv.text[j].islower()
                                              and word not in not_names):
                j += 1
                continue
            break
        if role is None or (role.end < n and tv.text[role.end] not in CLOSERS):
            continue
        if role.actor is not None:
            if role.actor.kind != "person":
                continue
            sector, country = role.actor.sector, role.actor.country
        else:
            sector, country = role.extra.get("sector"), role.extra.get("country")
        if sector is None:
            continue
        actor.sector = sector
        actor.country = actor.country or country or owner_country
        role.actor = actor


def _merge_heads_before(doc: Doc, mentions: list[Mention]) -> None:
    """"the head of the M23 delegation, Benjamin Mbonimpa,": the unknown name takes the
    body's country and sector (module doc). The body is the mention right before the
    comma, an organisation or group; "of" (and "the") joins it to a head word."""
    tv = tokens_of(doc)
    n = len(tv.text)
    for index, person in enumerate(mentions):
        actor = person.actor
        if index == 0 or actor is None or actor.kind != "person" or \
                actor.sector is not None or person.via != "name" or person.start < 4 or \
                tv.text[person.start - 1] != "," or \
                (person.end < n and tv.text[person.end] not in CLOSERS):
            continue
        body = mentions[index - 1]
        owner = body.actor
        if owner is None or owner.kind not in ("organization", "group") or \
                owner.sector is None or body.end != person.start - 1:
            continue
        j = body.start - 1
        if j > 0 and tv.lower[j] == "the":
            j -= 1
        if j < 1 or tv.lower[j] != "of" or tv.lower[j - 1] not in HEAD_WORDS:
            continue
        actor.sector = owner.sector
        actor.country = actor.country or owner.country
