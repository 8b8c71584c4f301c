"""Direct and partial quotes, and who said them.

Two steps, two pipeline components:

``sitrep_quote_marks`` pairs quotation marks early, so that later components know which
text is quoted speech (coreference skips the "I" and "him" inside a quote; the event coder
does not code a quoted hypothetical as an event).

``sitrep_quotes`` runs after actor coreference and decides, for each outer quoted stretch:
  * is it a quote at all? A one-or-two-word scare quote ("praised the 'constructive'
    talks") or a quoted proper name ("Coalition of the Willing") is not anyone's quote;
  * is it direct (a whole statement: ends in punctuation or fills the clause) or partial
    (a phrase woven into reported speech: accused him of "needlessly killing people")?
  * who said it: the subject of a speech cue ("said", "warned", "told", "according to",
    "condemned ... as") in the same sentence outside the quote, the cue nearest the quote
    first; for a quote of several sentences, in the sentence where it closes; else in the
    previous sentence ("Trump said:") or the next ("he added"). A mention after a
    preposition ("a student from the University of Belgrade") is no subject, and a verb
    after "and" shares the clause's first subject. Pronoun speakers come resolved from
    coreference.

Pairing handles straight and curly marks, quotes nested in quotes (single inside double,
kept inside the outer quote's text), and multi-paragraph quotes (a paragraph that opens a
quote without closing it continues in the next paragraph that opens with a mark; with
straight marks too).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from sitrep.analyze.nlp.records import Mention, QuotedStretch, sentences_of, text_of
from sitrep.models import ActorRef, Quote

__all__ = ["CUE_WORDS", "attribute_quotes", "find_quoted", "sitrep_quote_marks",
           "sitrep_quotes"]

_OPEN_DOUBLE = {"“": "”", "„": "”", "«": "»"}
_SINGLE_OPEN = {"‘": "’"}
CUE_WORDS = frozenset({
    "said", "says", "say", "saying", "told", "tells", "tell", "telling", "warned", "warns",
    "warning", "added", "adds", "accused", "accuses", "accusing", "described", "describes",
    "describing", "wrote", "writes", "insisted", "insists", "stated", "states", "declared",
    "declares", "announced", "announces", "asked", "asks", "argued", "argues", "claimed",
    "claims", "noted", "notes", "explained", "explains", "continued", "replied", "responded",
    "posted", "tweeted", "urged", "urges", "stressed", "stresses", "vowed", "vows",
    "promised", "promises", "called", "calls", "praised", "praises", "criticised",
    "criticized", "admitted", "admits", "acknowledged", "confirmed", "denied", "recalled",
    "suggested", "predicted", "hinted", "pledged", "threatened", "demanded", "according",
    "quoted", "cautioned", "complained", "conceded", "remarked", "repeated",
    # verbs that frame a partial quote as a judgement: "condemned the attack as '...'"
    "condemned", "denounced", "dismissed", "branded", "labelled", "labeled", "termed",
    "hailed", "welcomed", "slammed", "decried", "characterised", "characterized",
})
_PREPOSITIONS = frozenset({"of", "from", "at", "in", "with", "for", "by", "to", "on",
                           "against", "about"})
"""Words before a mention that make it a complement, not a speech verb's subject ("a
student from the University of Belgrade told")."""
_DETERMINERS = frozenset({"the", "a", "an"})
_PRONOUN_SPEAKERS = {"he", "she", "they", "it", "we", "i"}
_SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "a", "an", "to", "de", "la", "du", "at"}
_TERMINAL = re.compile(r"[.?!,;:…]['’\"”]*\s*$")


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _straight_pairs(text: str, mark: str, start: int, end: int) -> list[tuple[int, int]]:
    """Pairs of a straight mark inside text[start:end]; an apostrophe (letter on both sides,
    or a plural possessive) is not a mark."""
    positions: list[int] = []
    i = start - 1
    while (i := text.find(mark, i + 1, end)) >= 0:  # the marks only, not every character
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if mark == "'" and (_is_word_char(before) and (_is_word_char(after) or after in " ,.;")):
            continue
        positions.append(i)
    return [(positions[k], positions[k + 1]) for k in range(0, len(positions) - 1, 2)]


_CURLY_SINGLE = re.compile("[‘’]")
_DOUBLE_MARK = re.compile("[" + re.escape("".join(_OPEN_DOUBLE)) + '"]')


def _curly_single_pairs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pairs: list[tuple[int, int]] = []
    opened: int | None = None
    for found in _CURLY_SINGLE.finditer(text, start, end):  # the marks only
        i, ch = found.start(), found[0]
        if ch == "‘":
            opened = i
        elif ch == "’" and opened is not None:
            after = text[i + 1] if i + 1 < len(text) else " "
            if not _is_word_char(after):
                pairs.append((opened, i))
                opened = None
    return pairs


def find_quoted(text: str) -> list[QuotedStretch]:
    """Every quoted stretch of ``text``, outer and nested, in text order (marks excluded)."""
    outer: list[tuple[int, int, str]] = []
    i = 0
    n = len(text)
    while (mark := _DOUBLE_MARK.search(text, i)) is not None:  # the next mark, not each char
        i = mark.start()
        ch = text[i]
        if ch in _OPEN_DOUBLE:
            close = _OPEN_DOUBLE[ch]
            j = text.find(close, i + 1)
            reopen = text.find(ch, i + 1)
            paragraph = text.find("\n", i + 1)
            if j == -1 and reopen == -1:
                break
            if reopen != -1 and (j == -1 or reopen < j) and paragraph != -1 and paragraph < reopen:
                # A multi-paragraph quote: the next paragraph opens again; keep going.
                end = j if j != -1 else n
                outer.append((i + 1, end, ch))
                i = end + 1
                continue
            if j == -1:
                break
            outer.append((i + 1, j, ch))
            i = j + 1
            continue
        if ch == '"':
            j = text.find('"', i + 1)
            if j == -1:
                break
            while "\n" in text[i + 1:j] and not text[text.rfind("\n", 0, j) + 1:j].strip():
                # The mark opens the next paragraph: the quote goes on to the next mark
                # (a paragraph of a multi-paragraph quote has no closing mark).
                k = text.find('"', j + 1)
                if k == -1:
                    break
                j = k
            outer.append((i + 1, j, ch))
            i = j + 1
            continue
    stretches = [QuotedStretch(s, e, m) for s, e, m in outer]
    covered = [(s, e) for s, e, _ in outer]
    for s, e, _ in outer:
        for a, b in _curly_single_pairs(text, s, e) + _straight_pairs(text, "'", s, e):
            stretches.append(QuotedStretch(a + 1, b, text[a], nested=True))
    # British-style single quotes outside any double quote.
    for a, b in _curly_single_pairs(text, 0, n):
        if not any(s <= a < e for s, e in covered):
            stretches.append(QuotedStretch(a + 1, b, "‘"))
    stretches.sort(key=lambda q: (q.start, -q.end))
    return stretches


@Language.component("sitrep_quote_marks", assigns=["doc._.sitrep_quoted"])
def sitrep_quote_marks(doc: Doc) -> Doc:
    """Pair quotation marks (see module doc)."""
    doc._.sitrep_quoted = find_quoted(text_of(doc))
    return doc


def _is_scare_quote(text: str) -> bool:
    """One or two words, or a Title Case proper name: emphasis or a name, not speech."""
    words = text.strip().strip(",;:").split()
    if len(words) <= 2:
        return True
    if re.search(r"[.?!…]['’\"”]*\s*$", text):
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(content) and all(w[:1].isupper() for w in content)


def _is_complement(doc: Doc, mention: Mention) -> bool:
    """Whether a preposition governs the mention ("from the University of Belgrade")."""
    k = mention.start - 1
    while k >= 0 and doc[k].lower_ in _DETERMINERS:
        k -= 1
    return k >= 0 and doc[k].lower_ in _PREPOSITIONS


def _speaker_near(doc: Doc, sentence: Span, quote: QuotedStretch,
                  mentions: Sequence[Mention]) -> Mention | None:
    """The actor mention that a speech cue in ``sentence`` (outside quotes) attaches to."""
    quoted = doc._.sitrep_quoted or []
    outside = [t for t in sentence
               if not any(q.start <= t.idx < q.end for q in quoted if not q.nested)]
    in_sentence = [m for m in mentions
                   if m.actor is not None and sentence.start_char <= m.start_char
                   and m.end_char <= sentence.end_char
                   and not any(q.start <= m.start_char < q.end for q in quoted if not q.nested)]
    text = text_of(doc)
    cues = [t for t in outside if t.lower_ in CUE_WORDS and t.is_lower]
    # "the United States" is no "states"; the cue nearest the quote speaks it
    cues.sort(key=lambda t: min(abs(t.idx - quote.end), abs(quote.start - t.idx)))
    for token in cues:
        if token.lower_ == "according":
            after = [m for m in in_sentence if m.start > token.i]
            if after:
                return after[0]
            continue
        before = [m for m in in_sentence if m.end <= token.i]
        after = [m for m in in_sentence if m.start > token.i]
        # "said Trump" / "said the minister" directly after the cue (inverted attribution).
        if after and after[0].start - token.i <= 3 and not _is_complement(doc, after[0]) and (
                not before or (quote.end <= token.idx and before[-1].end_char < quote.start
                               and not any(c.isalnum() for c in text[quote.end:token.idx]))):
            # the cue right after the closing mark: '"...," said the minister' (not
            # '... "unjust", and accused the EU')
            return after[0]
        if before:
            # The subject nearest the cue, outside the quote itself.
            near = [m for m in before if not (quote.start <= m.start_char < quote.end)]
            subjects = [m for m in near if not _is_complement(doc, m)] or near
            if subjects:
                if token.i > 0 and doc[token.i - 1].lower_ == "and":
                    # "Trump hosted the two leaders and called it ...": a second verb
                    # shares the clause's subject, not the first verb's object
                    return subjects[0]
                return subjects[-1] if token.i - subjects[-1].end <= 6 else subjects[0]
        after = [m for m in after if not _is_complement(doc, m)]
        if after:
            return after[0]
    return None


def attribute_quotes(doc: Doc) -> list[Quote]:
    """Quotes with speakers for a processed doc (needs sentences, marks and mentions)."""
    mentions: list[Mention] = doc._.sitrep_mentions or []
    text = text_of(doc)
    sentences = sentences_of(doc)
    quotes: list[Quote] = []
    for quote in doc._.sitrep_quoted or []:
        if quote.nested:
            continue
        body = text[quote.start:quote.end]
        if not body.strip() or _is_scare_quote(body):
            continue
        index = next((k for k, s in enumerate(sentences)
                      if s.start_char <= quote.start < s.end_char), None)
        if index is None:
            continue
        sentence = sentences[index]
        span_start = max(quote.start - 1, sentence.start_char)
        before_text = text[sentence.start_char:span_start].strip()
        after_text = text[quote.end + 1:sentence.end_char].strip()
        direct = bool(_TERMINAL.search(body)) or not before_text or before_text.endswith(":")
        if not direct and not after_text.strip(" .,"):
            direct = False
        speaker = _speaker_near(doc, sentence, quote, mentions)
        last = next((k for k in range(index, len(sentences))
                     if sentences[k].start_char < quote.end <= sentences[k].end_char), index)
        if speaker is None and last != index:
            # a quote of several sentences: "... Well, they agreed," Trump told reporters.
            speaker = _speaker_near(doc, sentences[last], quote, mentions)
        after_text = text[quote.end + 1:sentences[last].end_char].strip()
        if speaker is None and index > 0 and direct:
            previous = sentences[index - 1]
            if previous.text.rstrip().endswith(":") or not before_text:
                speaker = _speaker_near(doc, previous, quote, mentions)
        if speaker is None and direct and last + 1 < len(sentences) and \
                not after_text.strip(" ."):
            speaker = _speaker_near(doc, sentences[last + 1], quote, mentions)
        ref: ActorRef | None = speaker.actor.ref() if speaker and speaker.actor else None
        quotes.append(Quote(speaker=ref, text=body, direct=direct, start=quote.start,
                            end=quote.end))
    return quotes


@Language.component(
    "sitrep_quotes",
    requires=["doc._.sitrep_quoted", "doc._.sitrep_mentions"],
    assigns=["doc._.sitrep_quotes"],
)
def sitrep_quotes(doc: Doc) -> Doc:
    """Attribute every quote (see module doc)."""
    doc._.sitrep_quotes = attribute_quotes(doc)
    return doc
