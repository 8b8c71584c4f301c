"""Sentence boundaries for news copy, without a trained model.

spaCy's rule ``sentencizer`` splits on every full stop, which breaks news copy at "U.S.",
"Gen." and "Jan.", and leaves a closing quote mark at the start of the next sentence. This
component knows those cases. It also sets a paragraph break (a newline) as a boundary, and
splits a dateline ("WASHINGTON —", "KYIV, Ukraine (AP) --") off the first sentence so that it
is neither part of the lead sentence's actors nor an event's evidence.

When a trained pipeline already set boundaries (a parser or ``senter`` ran before), the
component leaves them alone: the model knows better.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import cast

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d

from sitrep.analyze.nlp.records import SENTENCE_STARTS_KEY, text_of, tokens_of

__all__ = ["DATELINE", "find_dateline_end", "sitrep_sentences"]

_ENDERS = {".", "!", "?", "...", "…", "?!", "!?"}
_CLOSERS = {'"', "”", "’", "'", ")", "]", "»"}
_STRAIGHT_QUOTES = {'"', "'"}
# Abbreviations that end with a full stop but do not end a sentence when a name follows.
_TITLE_ABBREVIATIONS = {
    "mr.", "mrs.", "ms.", "dr.", "prof.", "gen.", "lt.", "col.", "maj.", "capt.", "sgt.", "adm.",
    "gov.", "sen.", "rep.", "pres.", "rev.", "st.", "sr.", "jr.", "no.", "vs.", "v.", "ft.",
    "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.",
    "dec.", "mt.", "cmdr.", "brig.", "amb.", "hon.", "supt.", "insp.", "det.", "cpl.", "pvt.",
}
# Words that start sentences: an abbreviation such as "U.S." followed by one ends a sentence.
_SENTENCE_STARTERS = {
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "This", "That", "These", "Those",
    "But", "And", "Yet", "Still", "However", "Meanwhile", "In", "On", "At", "His", "Her",
    "Their", "Its", "There", "When", "While", "After", "Before", "Since", "As", "If",
}
# "PLACE[, Country or State[, Country]][, Month Day][ (Credit)] —": the country part may be
# long ("UVIRA, Democratic Republic of the Congo, March 5 —").
DATELINE = re.compile(
    r"^\s*[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Z][A-Za-z.\- ]{1,40}){0,2}"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?(?:\s*\([^)]{1,40}\))?"
    r"\s*(?:—|–|--|-)\s*"
)


def find_dateline_end(text: str) -> int:
    """Offset just after a dateline at the start of ``text`` ("MOSCOW (Reuters) - "), else 0."""
    match = DATELINE.match(text)
    if not match:
        return 0
    head = match.group(0)
    letters = [c for c in head.split("(")[0].split(",")[0] if c.isalpha()]
    return match.end() if letters and all(c.isupper() for c in letters) else 0


def _ends_sentence(texts: list[str], i: int, after: int) -> bool:
    """Whether a boundary falls after the ender token ``i``; ``after`` is the first token
    past any closing quote marks or brackets. Works on token strings (see TokenView)."""
    text = texts[i]
    following = texts[after]
    if following.isspace():
        return "\n" in following
    if text in _ENDERS:
        prev = texts[i - 1].lower() if i > 0 else ""
        if text == "." and prev + "." in _TITLE_ABBREVIATIONS and following.istitle():
            return False
        return bool(following.istitle() or following.isupper() or following.isdigit()
                    or following[:1] in {'"', "“", "‘", "'", "(", "["})
    if text.endswith(".") and len(text) > 1 and not text[0].isdigit():
        if text.lower() in _TITLE_ABBREVIATIONS:
            return False
        # "U.S." or "Inc." at a sentence end: only a clear sentence starter splits.
        return following in _SENTENCE_STARTERS or following[:1] in {"“", '"'}
    return False


# Every token that can end a sentence (an ender, a word with a final full stop, a newline)
# holds one of these characters.
_BREAK_CHARACTERS = re.compile(r"[.!?…\n]")


def _break_candidates(text: str, idx: list[int]) -> list[int]:
    """In order, the tokens that a character of ``_BREAK_CHARACTERS`` falls in (the last
    token starting at or before it): only they can end a sentence, so the walk over the
    tokens visits them alone, where walking all of them cost most of this component. The
    marks it steps over after an ender (closing quotes, brackets) hold no such character,
    so it never skipped one of them either."""
    found = [bisect_right(idx, m.start(), 1) - 1 for m in _BREAK_CHARACTERS.finditer(text)]
    return list(dict.fromkeys(found))


@Language.component(
    "sitrep_sentences",
    assigns=["token.is_sent_start"],
)
def sitrep_sentences(doc: Doc) -> Doc:
    """Set sentence starts on every token (see module doc)."""
    if len(doc) == 0 or doc.has_annotation("SENT_START"):
        return doc
    view = tokens_of(doc)
    texts = view.text
    n = len(texts)
    idx = view.idx
    starts = [0]  # the tokens that start a sentence
    dateline_end = find_dateline_end(text_of(doc))
    if dateline_end and (first := bisect_left(idx, dateline_end)) < n:
        starts.append(first)
    for i in _break_candidates(text_of(doc), idx):
        if i >= n - 1:
            break
        text = texts[i]
        if "\n" in text and text.isspace():
            starts.append(i + 1)
            continue
        if text in _ENDERS or (text.endswith(".") and len(text) > 1):
            j = i
            while j + 1 < n and texts[j + 1] in _CLOSERS and (
                    texts[j + 1] not in _STRAIGHT_QUOTES
                    or idx[j + 1] == idx[j] + len(texts[j])):
                # A straight quote mark closes only when it touches the word before it:
                # 'protests. "We will' opens the next sentence's quote.
                j += 1
            if j + 1 < n and _ends_sentence(texts, i, j + 1):
                k = j + 1
                while k < n and texts[k].isspace():
                    k += 1
                if k < n:
                    starts.append(k)
    doc.user_data[SENTENCE_STARTS_KEY] = sorted(set(starts))
    # One bulk write: setting token.is_sent_start one by one re-checks the parse each time.
    marks = numpy.full(n, -1, dtype="int64")
    marks[starts] = 1
    values = marks.astype("uint64").reshape(-1, 1)  # spaCy stores -1 wrapped
    doc.from_array([SENT_START], cast(Ints2d, values))
    return doc
