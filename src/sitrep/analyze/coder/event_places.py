"""Where a verbal event happened: where it was said, not where what was said is about.

An accusation, demand, refusal, threat, praise or agreement is made where its speaker is.
The places inside *what* is said belong to the content: "Trump accused Putin of killing
people in Ukraine" was not said in Ukraine, "X called on Russia to withdraw its troops from
Kherson" not in Kherson, "Y demanded that Israel open crossings into Gaza" not in Gaza.
Giving such an event the sentence's place puts the speaker on the front line. A place
attached to the act itself stays: "Speaking in Kyiv, Zelenskyy accused Russia ...", "At a
news conference in Brussels, the minister rejected ...", "... accused Russia of war crimes
at a press conference in Kyiv".

Physical events (attacks, deployments, aid, demonstrations, arrests) are where their place
says, content or not, and keep the sentence's location.

Two readings of what the content is:

* With a dependency parse: a place is content when the branch it hangs from on the
  trigger is a complement of the act: its object ("condemned the strikes in Gaza"), a
  complement clause ("that ...", "to withdraw ..."), a topic or charge phrase ("for a
  ceasefire in Sudan", "over ...", "of war crimes" for an accusation), or a gerund after
  "of"/"for". A locative phrase or an opening participle on the trigger ("at a press
  conference in Kyiv", "Speaking in Kyiv,") is not. A participle or conjunct after the
  trigger (", praising ...", "and will not withdraw ...") is the same speaker's next act:
  its own complements are content, its own locatives are not.
* Without one, word order: a place after the trigger is content when a content complement
  has opened between them ("that" + clause, "to" + verb, "of"/"for" + gerund, the topic
  words "for"/"over"/"about"/"against"/"whether", "of" after an accusation) and no later
  clause boundary (";", ", and", ", speaking") or locative setting of the main clause
  ("at a news conference", "during a visit", "while visiting") has closed it. The object
  of the act is not told from an adjunct by word order alone ("rejected the plan in
  Brussels"), so such a place stays.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sitrep.analyze.coder.refine import PLACE_DIRECTED
from sitrep.analyze.coder.surface import DETERMINERS
from sitrep.analyze.places import PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["SAYING_TYPES", "content_place", "said_places"]

SAYING_TYPES = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "AGREE",
                          "CONCEDE"})
"""PLOVER types whose act is saying something (PROTEST said by officials is coded ACCUSE).
A CONSULT is a meeting or visit, which is where its place says ("visited troops in
Donetsk"), so it is not among them."""

# Words that say what the statement is about, whatever follows them.
_TOPIC_WORDS = frozenset({"for", "over", "about", "against", "whether", "regarding",
                          "concerning"})
# An accusation's charge: "accused Russia of war crimes in Bucha".
_CHARGE_WORD = "of"
_CHARGING = frozenset({"ACCUSE"})
_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "you", "there", "this", "these",
                       "those", "all", "both", "no", "any", "some"})
_AUXILIARIES = frozenset({"will", "would", "has", "have", "had", "is", "was", "were", "are",
                          "did", "does", "do", "can", "could", "should", "must", "may",
                          "might", "not", "also", "then"})
_SUBORDINATORS = frozenset({"and", "but", "while", "whereas", "after", "before", "when", "as",
                            "because", "although", "though", "since", "until"})
# Participles that tell the speaker's own saying or whereabouts (", speaking at the UN in New
# York", ", praising ..."), not a consequence of what was said (", killing 12 people").
_SPEAKER_PARTICIPLES = frozenset({"speaking", "addressing", "saying", "adding", "telling",
                                  "writing", "noting", "declaring", "announcing",
                                  "insisting", "arguing", "praising", "urging", "warning",
                                  "calling", "answering", "responding", "replying",
                                  "visiting", "arriving", "standing", "appearing",
                                  "travelling", "traveling"})
# Those of them that say something: what follows them is content again.
_SAYING_PARTICIPLES = frozenset({"saying", "adding", "telling", "writing", "noting",
                                 "declaring", "announcing", "insisting", "arguing",
                                 "warning"})
# Occasions a statement is made at: "at a news conference", "during a visit", "in a speech".
# Not the places attacks hit as often ("a bombing at a rally", "at a funeral").
_OCCASIONS = frozenset({"conference", "briefing", "meeting", "summit", "session", "speech",
                        "address", "interview", "forum", "hearing", "debate", "sidelines",
                        "visit", "trip", "tour", "appearance", "assembly", "congress",
                        "convention", "talks", "statement", "broadcast"})
_SETTING_WORDS = frozenset({"at", "during", "on", "in"})
_SETTING_REACH = 4  # words from "at" to its occasion noun ("at a hastily arranged press ...")
_WORD = re.compile(r"[A-Za-z][\w'’-]*|[,;:()\u2014\u2013]|--")
# ", the foreign ministry in Beijing said": who said it, and where.
_ATTRIBUTION = re.compile(r",\s+(?:[\w'’.-]+\s+){0,6}?(?:said|says|told|added|reported"
                          r"|announced|according)\b")
_HARD_BREAKS = frozenset({";", ":", "(", ")", "\u2014", "\u2013", "--"})


def said_places(places: Sequence[PlaceMention], text: str, sentence: tuple[int, int],
                kind: str, trigger: tuple[int, int] | None, parse: Doc | None = None,
                parse_base: int = 0) -> list[PlaceMention]:
    """``places`` without those of the sentence ``text[sentence[0]:sentence[1]]`` that are
    content of the event of type ``kind`` triggered at ``text[trigger[0]:trigger[1]]``
    (see module doc). Any place stays for a type that is no saying, or when the trigger
    was not found in the sentence."""
    if kind not in SAYING_TYPES or trigger is None:
        return list(places)
    start, end = sentence
    return [p for p in places if not (start <= p.start and p.end <= end and content_place(
        p, text, kind, trigger, parse, parse_base))]


def content_place(place: PlaceMention, text: str, kind: str, trigger: tuple[int, int],
                  parse: Doc | None = None, parse_base: int = 0) -> bool:
    """Is ``place`` inside the content of the act triggered at ``trigger`` (character
    offsets in ``text``)? Read from ``parse`` (its character 0 at ``parse_base`` in
    ``text``) when it holds both the trigger and the place, else from word order."""
    if parse is not None and len(parse) and parse.has_annotation("DEP"):
        head = _head_of(parse, parse_base, *trigger)
        word = _head_of(parse, parse_base, place.start, place.end)
        if head is not None and word is not None:
            verdict = _content_by_parse(word, head, kind)
            if verdict is not None:
                return verdict
    return _content_by_order(text, trigger[1], place.start, kind)


# --- with a parse -----------------------------------------------------------------------

# The act's complements: its object and its complement clauses.
_OBJECT_DEPS = frozenset({"obj", "dobj", "iobj", "dative", "attr", "oprd"})
_COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "csubj", "acl", "pcomp"})
# Phrases on the act whose preposition decides: "at a conference" or "over strikes".
_PHRASE_DEPS = frozenset({"obl", "nmod", "prep", "advmod", "npadvmod"})
# The same speaker's next act after the trigger (", praising ...", "and will not ...").
_NEXT_ACT_DEPS = frozenset({"advcl", "conj"})
_MARKER_DEPS = frozenset({"case", "mark", "prep"})
_CONTENT_MARKS = frozenset({"to", "that", "whether", "if", "unless", "of", "for"})
_VERBS = frozenset({"VERB", "AUX"})
_NOUNS = frozenset({"NOUN", "PROPN"})


def _head_of(parse: Doc, base: int, start: int, end: int) -> Token | None:
    """The syntactic head of the words at ``text[start:end]``: the one whose head lies
    outside them."""
    inside = [t for t in parse if start <= base + t.idx < end]
    indices = {t.i for t in inside}
    return next((t for t in inside if t.head.i not in indices or t.head.i == t.i), None)


def _dep(token: Token) -> str:
    return token.dep_.split(":")[0]


def _markers(token: Token) -> list[str]:
    """The prepositions and subordinators of ``token``'s phrase: its own word for a ClearNLP
    "prep", else its "case"/"mark" children and a first word so hung lower ("if" on the
    subject of "if the offensive resumed")."""
    if _dep(token) == "prep":
        return [token.lower_]
    found = [c.lower_ for c in token.children if _dep(c) in _MARKER_DEPS]
    edge = token.left_edge
    if edge.i != token.i and _dep(edge) in _MARKER_DEPS:
        found.append(edge.lower_)
    return found


def _content_by_parse(word: Token, trigger: Token, kind: str) -> bool | None:
    """Content or not by the branch of ``trigger`` that ``word`` hangs from; None, for
    word order to decide, where the parse is least to be trusted (see below)."""
    path = [word]  # from the place up to the child of the trigger it hangs from
    while path[-1].head.i != trigger.i:
        node = path[-1]
        if node.head.i == node.i:
            # Not under the trigger. A noun's phrase has ended ("an agreement ... was
            # reached after talks in New Delhi"); a verb trigger that governs no place
            # after it is more often misparsed ("rejected" an adjective of "calls for a
            # ceasefire in Sudan", "accused" a modifier of "recent months"): word order
            # reads it.
            return False if trigger.pos_ in _NOUNS or word.i < trigger.i else None
        if _setting(node.head):
            return False  # "promised ... at a donor conference in Rome", however hung
        path.append(node.head)
        if _dep(path[-1]) == "advcl" and path[-1].lower_ in _SPEAKER_PARTICIPLES and \
                path[-1].i > trigger.i and not _markers(path[-1]):
            # "..., speaking at the UN in New York" hung on the content by the parser is
            # the speaker's own act all the same: its complements are content, not its
            # locatives.
            return bool(_content_by_parse(word, path[-1], kind))
    branch = path[-1]
    dep = _dep(branch)
    if dep in _COMPLEMENT_DEPS or (dep in _OBJECT_DEPS and kind not in PLACE_DIRECTED):
        # An act done to a place ("lifted the state of emergency in Lima") is there.
        return True
    marks = _markers(branch)
    if dep in _NEXT_ACT_DEPS and branch.i > trigger.i and not marks and \
            branch.pos_ in _VERBS and (dep == "conj" or branch.lower_ in _SPEAKER_PARTICIPLES):
        return len(path) > 1 and bool(_content_by_parse(word, branch, kind))
    if dep == "advcl":  # "to discuss ...", "if the offensive in Gaza resumed"
        return any(m in _CONTENT_MARKS for m in marks)
    if dep in _PHRASE_DEPS and not _setting(branch):
        if any(m in _TOPIC_WORDS for m in marks):
            return True
        if _CHARGE_WORD in marks and (kind in _CHARGING or branch.pos_ == "VERB"):
            return True
        if branch.i == word.i and word.i > trigger.i:
            # "warned against an offensive in Kobani" with "in Kobani" hung on "warned":
            # whether a bare place phrase after the complement closes it is where parsers
            # err most, so word order decides.
            return None
    return False


def _setting(token: Token) -> bool:
    """Is ``token`` the occasion of a statement ("at a news conference", "during a
    visit")?"""
    return token.lower_ in _OCCASIONS and any(m in _SETTING_WORDS for m in _markers(token))


# --- without a parse --------------------------------------------------------------------


def _content_by_order(text: str, trigger_end: int, place_start: int, kind: str) -> bool:
    """Is the place at ``place_start`` inside a content complement opened after the
    trigger ending at ``trigger_end``? The words between are read left to right: an opener
    starts content, a clause boundary or a setting of the statement ends it, and the
    last of them before the place decides. A place before the trigger is never content."""
    if place_start < trigger_end:
        return False
    found = list(_WORD.finditer(text, trigger_end, place_start))
    words = [m.group() for m in found]
    content = setting = False
    for k, word in enumerate(words):
        low = word.lower()
        after = words[k + 1] if k + 1 < len(words) else text[place_start:].split(" ", 1)[0]
        if word in _HARD_BREAKS or (word == "," and (
                _opens_clause(after) or _ATTRIBUTION.match(text, found[k].start()))) or (
                low in {"and", "but"} and after.lower() in _AUXILIARIES):
            content = setting = False
        elif _setting_at(words, k) or (low in {"while", "when"} and after.endswith("ing")):
            content, setting = False, True
        elif not setting and _opens_content(low, after, kind):
            content = True
    return content


def _opens_clause(after: str) -> bool:
    """After a comma: a conjunction, subordinator or the speaker's participle starts
    another clause (", and", ", after", ", speaking"); a name or noun continues a list, and
    another participle (", killing 12 people") tells more of what was said."""
    low = after.lower()
    return low in _SUBORDINATORS or low in _SPEAKER_PARTICIPLES


def _setting_at(words: Sequence[str], k: int) -> bool:
    """Does a locative setting of the statement start at ``words[k]``: "at a news
    conference", "during a visit", "on the sidelines", "in an interview"?"""
    if words[k].lower() not in _SETTING_WORDS:
        return False
    return any(w.lower() in _OCCASIONS for w in words[k + 1:k + 1 + _SETTING_REACH]
               if w.isalpha())


def _opens_content(low: str, after: str, kind: str) -> bool:
    """Does the word ``low`` (``after`` the next word) open what is said?"""
    following = after.lower()
    if low == "that" or low in _SAYING_PARTICIPLES:
        # A complement clause ("that Israel ...", ", saying he would ..."), not "that plan".
        return after[:1].isupper() or following in DETERMINERS or following in _PRONOUNS \
            or (low != "that" and following == "that")
    if low == "to":  # "to withdraw", "to new talks"; not "to the UN", "to Kyiv"
        return after[:1].islower() and following.isalpha() and following not in DETERMINERS
    if low in _TOPIC_WORDS or (low == _CHARGE_WORD and kind in _CHARGING):
        return True
    return low == "of" and (following.endswith("ing") or following.endswith("ly"))
