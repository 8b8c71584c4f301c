"""Names of things that read like people's: "the Inflation Reduction Act", "Central Park",
"Apple TV", "Amazon Web Services", "LinkedIn Learning", "the Courtauld Gallery".

An unknown run of capitalised words is read as a person's name unless its words make it an
organisation (actor_words.yaml ``org_heads``) or a meeting or text (``event_name_heads``).
Web copy is full of other names: laws, parks and stations, apps, courses, services and
galleries. What gives them away is their last word, a head no person's name ends in
(actor_words.yaml ``thing_name_heads``): "Act", "Park", "App", "TV", "Marketing",
"Gallery". Only a last word counts, and only after another word: a head that is also a
name ("Park Geun-hye", "President Park") or a given name ("Bill Clinton") starts the name
or stands alone, and surnames that are everyday words ("Lake", "Hall", "House", "Law",
"Beach", "Plaza") are not in the list. Such a name is no actor: not a person, and, like the
museums and libraries of ``institution_heads``, not an organisation either (a gallery or
a collection is a place to visit, rarely one that acts in the news). Only a known
organisation before it stays ("Google Search Console": Google).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from sitrep.analyze.nlp.actor_groups import Owner
from sitrep.analyze.nlp.actor_lexicon import ActorWords
from sitrep.analyze.nlp.actor_owners import owner_mentions
from sitrep.analyze.nlp.records import ActorIdentity, Mention, TokenView

if TYPE_CHECKING:
    from sitrep.analyze.nlp.actors import ActorFinder

__all__ = ["names_a_thing", "thing_owners"]


def names_a_thing(words: ActorWords, tv: TokenView, name: list[str], name_start: int,
                  owners: list[Owner], titles: list[tuple[str, str, str]]) -> bool:
    """Whether the unknown name of capitalised words ``name`` (from token ``name_start``)
    ends in a head that names a thing, a place or a service, not a person ("Inflation
    Reduction Act", "Brooklyn Bridge Park", "Codex CLI"). A name of one word is one only
    after a capitalised organisation or group word read as part of it ("Google
    Analytics", "Social Media Marketing"); after a person's title or a demonym it is a
    surname ("President Park", "the Korean Park")."""
    if name[-1].rstrip(".").lower() not in words.thing_name_heads or \
            any(kind == "person" for _, _, kind in titles):
        return False
    if len(name) > 1:
        return True
    before = name_start - 1
    if before < 0 or not (tv.alpha[before] and tv.text[before][:1].isupper()):
        return False
    if owners and owners[-1].end == name_start:
        entry = owners[-1].entry
        return entry is not None and entry.kind == "organization"
    return bool(titles)


def thing_owners(finder: ActorFinder, doc: Doc, owners: list[Owner], published: date | None,
                 identities: dict[str, ActorIdentity]) -> list[Mention] | None:
    """What stays of an owned thing's name: its known organisations ("Google" of "Google
    Search Console", "the EU" of "the EU AI Act"), which act through what they own or
    pass; not its countries or cities, which there are part of the name ("Washington
    Square Park", "the California Consumer Privacy Act"), not a government acting."""
    kept = [o for o in owners if o.entry is not None and o.entry.kind == "organization"]
    return owner_mentions(finder, doc, kept, published, identities) if kept else None
