"""Role words used as modifiers: "student loans", "employee benefits", "local channels".

A role word the KB knows a sector for ("student" EDU, "employee" LAB, "local" CVL) names a
person only as the head of its phrase: "a student was arrested", "a local said". Web copy
uses the same words far more often to modify the noun after them ("student loans",
"patient care", "editor picks", "their local baseball"), and there the phrase names a
thing, not an actor. The phrase reader sees no parts of speech: the trained model's parser
runs after the actors are known, and only on the sentences the coder reads (see
:mod:`sitrep.analyze.nlp.model`), so the head is told from the words:

* the word after the role word is a noun (:func:`noun_words`, nouns of UD English-EWT that
  are rarely anything a subject's next word may be: a verb, a preposition, a conjunction):
  the role word modifies it, unless that noun is a person's (actor_words.yaml
  ``person_nouns``: "a local man" is a local, CVL). A role word before another role word
  is read by the title reader as one phrase first ("student protesters", "local
  officials"), so the head there is the second one and keeps its actor. A role of a state
  or an armed side stays too (the caller's test): "attacked rebel positions" names the
  rebels as the target;
* a role word of one word that is an adjective first (actor_words.yaml
  ``adjective_roles``: "local", "academic") names a person only right after a determiner
  ("a local", "the local"), before a verb ("a senior academic warned"), a preposition or a
  mark of punctuation ("chief executive of ..."); elsewhere it is the adjective ("local
  and national news", "a recent local move").

Where a doc already carries a dependency parse (a caller's parsed doc), the parse says
whether the role word modifies a noun after it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from spacy.tokens import Doc

from sitrep.analyze.nlp.actor_lexicon import ActorWords
from sitrep.analyze.nlp.common_words import read_word_list
from sitrep.analyze.nlp.records import TokenView

__all__ = ["DETERMINERS", "NOUN_WORDS_FILE", "modifies_a_noun", "noun_words"]

NOUN_WORDS_FILE = Path(__file__).with_name("noun_words.txt")

DETERMINERS = frozenset({"a", "an", "the", "this", "that", "one", "another", "every", "each",
                         "any", "no", "some"})
"""Words right before an adjective-first role word that make it a noun ("a local")."""

CONJUNCTIONS = frozenset({"and", "or"})
"""Words of actor_words.yaml ``verbs_after_roles`` that join adjectives too ("local and
national news"): after an adjective-first role word they show no subject."""

HEAD_FOLLOWERS = frozenset({"of", "at", "in", "for", "from", "with", "on", "to", "by", "who",
                            "whose", "which", "that", "as", "about", "after", "since"})
"""Words after an adjective-first role word that show it heads its phrase ("chief executive
of Ceres Robotics", "a local who"); a mark of punctuation shows the same."""

MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
"""Dependency labels of a word modifying a noun (spaCy's English labels)."""


@cache
def noun_words(path: Path = NOUN_WORDS_FILE) -> frozenset[str]:
    """The lower-case nouns of ``path``, as ``train/noun_words.py`` writes them."""
    return read_word_list(path, "noun list")


def modifies_a_noun(doc: Doc, tv: TokenView, words: ActorWords, first: int,
                    role: int) -> bool:
    """Whether the singular role word at token ``role`` (the last word of a title with no
    owner and no name, whose words start at ``first``) modifies the word after it rather
    than heading its phrase."""
    if doc.has_annotation("DEP"):
        token = doc[role]
        return token.dep_ in MODIFIER_DEPS and token.head.i > role
    following = role + 1
    after = tv.lower[following] if following < len(tv.lower) and tv.alpha[following] and \
        tv.text[following].islower() else None
    if after is not None:
        if after in words.person_nouns:
            return False  # "a local man", "a student mother": still the role's person
        if after in noun_words():
            return True  # "student loans", "patient care"
    if first == role and tv.lower[role] in words.adjective_roles and after is not None:
        # "a local said", "a senior academic warned", "chief executive of": a noun; "local
        # and national news", "a recent local move", "academic integrity": the adjective
        head = after.endswith("ed") or after in HEAD_FOLLOWERS or (
            after in words.verbs_after_roles and after not in CONJUNCTIONS)
        return not head and (role == 0 or tv.lower[role - 1] not in DETERMINERS)
    return False
