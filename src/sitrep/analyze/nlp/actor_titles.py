"""Role words and office titles as the actor phrase reader meets them: "President",
"prime minister", "Secretary-General", "troops", "the Kremlin leader".

The reader asks at nearly every capitalised word and at every lower-case word that may
start a title, so the answers are cached by phrase and a set of first words
(:func:`~sitrep.analyze.nlp.actor_lexicon.title_first_words`) turns most words away with
one look-up. :class:`~sitrep.analyze.nlp.actors.ActorFinder` is a :class:`TitleReader`.
"""

from __future__ import annotations

from sitrep.analyze.nlp.actor_groups import Owner
from sitrep.analyze.nlp.actor_lexicon import ActorWords, title_first_words
from sitrep.analyze.nlp.actor_spelling import role_misspellings
from sitrep.analyze.nlp.records import KnowledgeBaseLike, TokenView

__all__ = ["TitleReader"]


class TitleReader:
    """The title look-ups of the actor finder, over one knowledge base and word list."""

    def __init__(self, kb: KnowledgeBaseLike, words: ActorWords) -> None:
        self.kb = kb
        self.words = words
        self._role_cache: dict[str, tuple[str, str] | None] = {}
        self._misspelt = role_misspellings()  # "peackeepers": see actor_spelling
        starts = title_first_words()
        self._title_starts = None if starts is None else starts | frozenset(self._misspelt)
        self._implicit_cache: dict[str, bool] = {}

    def role(self, phrase: str) -> tuple[str, str] | None:
        """(sector, kind) of a role word or title phrase, cached; kind is person, group or
        organization."""
        if phrase not in self._role_cache:
            found: tuple[str, str] | None = None
            # Exact phrases only: a phrase known only by its head ("opposition leaders")
            # is read word by word, so that its modifier's sector is not lost.
            role = self.kb.role_word(phrase, head=False)
            if role is not None:
                found = (role.sector, role.kind)
            else:
                title = self.kb.title_of(phrase)
                if title is not None:
                    found = (self.kb.title_sector(title), "person")
                elif len(phrase) > 3 and phrase.endswith("s"):
                    # The plural of an office title is a group of office holders:
                    # "foreign ministers", "prime ministers".
                    title = self.kb.title_of(phrase[:-1])
                    if title is not None:
                        found = (self.kb.title_sector(title), "group")
                if found is None and phrase in self._misspelt:
                    found = self.role(self._misspelt[phrase])
            self._role_cache[phrase] = found
        return self._role_cache[phrase]

    def _title_at(self, tv: TokenView, j: int) -> tuple[int, str, str, str] | None:
        """A role word or title of up to three words at token j: (end, title, sector, kind).

        Called for nearly every token, so it works on plain strings and the phrase cache.
        """
        if not tv.alpha[j] or (self._title_starts is not None
                               and tv.lower[j] not in self._title_starts):
            return None
        lower = tv.lower
        cache = self._role_cache
        n = len(lower)
        if j + 2 < n and lower[j + 1] == "-" and tv.alpha[j + 2]:
            # "Secretary-General", "vice-president": one title across the hyphen
            hyphenated = f"{lower[j]}-{lower[j + 2]}"
            found = cache[hyphenated] if hyphenated in cache else self.role(hyphenated)
            if found:
                return j + 3, hyphenated, found[0], found[1]
        if j + 1 < n and tv.alpha[j + 1]:  # three words, then two
            two = f"{lower[j]} {lower[j + 1]}"
            if j + 2 < n and tv.alpha[j + 2]:
                three = f"{two} {lower[j + 2]}"
                found = cache[three] if three in cache else self.role(three)
                if found:
                    return j + 3, three, found[0], found[1]
            found = cache[two] if two in cache else self.role(two)
            if found:
                return j + 2, two, found[0], found[1]
        word = lower[j]
        if word in self.words.not_names:
            return None
        found = cache[word] if word in cache else self.role(word)
        return (j + 1, word, found[0], found[1]) if found else None

    def _implicit_title(self, tv: TokenView, owner: Owner,
                        j: int) -> tuple[int, str, str, str] | None:
        """An office named through its owner: "Kremlin leader", "UN chief"."""
        phrase = f"{' '.join(tv.text[owner.start:owner.end])} {tv.text[j]}"
        if phrase not in self._implicit_cache:
            self._implicit_cache[phrase] = self.kb.implicit_title(phrase) is not None
        return (j + 1, tv.lower[j], "GOV", "person") if self._implicit_cache[phrase] else None
