"""Long role words, organisation heads and country names with one letter dropped:
"peackeepers", "Anti-Corruption Commision", "Afganistan".

Wire copy is typed fast, and the commonest slip in a long word is a letter left out (a
doubled consonant written once, a vowel skipped). The phrase reader looks words up exactly,
so "UN peackeepers" would otherwise be the UN itself and "the Kenya Anti-Corruption
Commision" a person. Only words of nine letters or more are read this way, and only a
letter inside the word: never the first letter nor either of the last two. Dropping one of
the last two letters turns plural nouns into real verbs and nouns ("commandos" ->
"commands", "diplomats" -> "diplomas", "organizers" -> "organizes"); with those kept out,
no form this makes from the bundled role words and heads was a real word in about 300,000
distinct words of English news and web text (UD English-EWT and the WCXB pages, checked
when the rule was written). A form two vocabulary words share, or that is itself a
vocabulary word, is not read at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from sitrep.analyze.nlp.records import KnowledgeBaseLike

__all__ = ["MIN_LENGTH", "add_misspelt_country_names", "misspellings", "role_misspellings",
           "with_misspellings"]

MIN_LENGTH = 9
"""Shortest word read with a letter missing (see the module doc for why)."""


def misspellings(words: Iterable[str], known: frozenset[str] = frozenset()) -> dict[str, str]:
    """Each one-letter-short form of ``words`` (single words of :data:`MIN_LENGTH`
    letters or more, compared as written) -> the word it stands for; a form in ``known``
    (or among ``words``) is a word of its own and is left out."""
    vocabulary = {w for w in words if w.isalpha()}
    found: dict[str, str | None] = {}
    for word in vocabulary:
        if len(word) < MIN_LENGTH:
            continue
        for i in range(1, len(word) - 2):
            short = word[:i] + word[i + 1:]
            if short in vocabulary or short in known:
                continue
            # None marks a form two different words share: it is not read.
            found[short] = word if found.get(short, word) == word else None
    return {short: word for short, word in found.items() if word is not None}


def with_misspellings(words: frozenset[str], spelling: dict[str, str]) -> frozenset[str]:
    """``words`` with the misspelt forms (``spelling``, from :func:`misspellings`) of its
    long words added."""
    return words | frozenset(short for short, word in spelling.items() if word in words)


@cache
def role_misspellings() -> dict[str, str]:
    """Misspelt forms of the bundled one-word role words and office titles ("troops",
    "peacekeepers", "spokesperson"); empty if the roles cannot be read, which only means
    misspelt words stay unread."""
    from sitrep.errors import SitrepError

    try:
        from sitrep.analyze.kb.loading import bundled_roles

        roles = bundled_roles()
    except (ImportError, AttributeError, SitrepError):
        return {}
    phrases: list[str] = []
    for kinds in roles.sectors.values():
        phrases += [*kinds.person, *kinds.group, *getattr(kinds, "organization", ())]
    for title, model in roles.titles.items():
        phrases += [title, *model.synonyms]
    return misspellings(p.lower() for p in phrases if " " not in p.strip())


def add_misspelt_country_names(by_id: dict[str, list[str]],
                               kb: KnowledgeBaseLike) -> dict[str, str]:
    """Add to each country's surface forms (``by_id``: KB entry id -> forms) its long
    one-word names with a letter dropped ("Afganistan", "Philipines"). Names are compared
    as written, so a capitalised form that is another KB name stays that name; at nine
    letters or more no such form was a capitalised word of the checked text (at eight,
    "Cameroon" would take "Cameron"). Returns each added form -> its country's code."""
    known = frozenset(form for forms in by_id.values() for form in forms)
    names: dict[str, str] = {}
    for entry_id, forms in by_id.items():
        entry = kb.entry(entry_id)
        if entry is not None and entry.kind == "country":
            names.update((form, entry_id) for form in forms if form.isalpha())
    added: dict[str, str] = {}
    for short, name in misspellings(names, known).items():
        by_id[names[name]].append(short)
        entry = kb.entry(names[name])
        if entry is not None and entry.country:
            added[short] = entry.country
    return added
