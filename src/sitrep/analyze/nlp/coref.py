"""In-article coreference by rule: pronouns and bare titles to earlier actors.

The actor finder already links a later surname ("Merz") and an office phrase resolved by the
KB ("the Kremlin leader" -> Putin) to the same identity. What is left here:

* ``he``/``she``/``his``/``her`` -> a person. News prose keeps its topic in subject position,
  so the pronoun goes to the *subject* of its own sentence when a person was named before it
  there ("Trump ... during his first term"), else to the subject of the previous sentence
  ("Still, he invited Putin" after a sentence about Trump), else to the most recent person.
  A pronoun inside a quote is the speaker's "I"/"him", not a narrative reference: skipped.
* ``it``/``its`` -> the subject country or organisation likewise ("Kyiv has made clear it
  will not...").
* a bare title ("the minister", "the US President" the KB could not resolve) -> the most
  recent person of the same country (and sector, when known); a title with a country but
  no such person is a role-holder actor of its own ("the Dutch defence minister").

Unresolved mentions are dropped. With a trained coreference model this component is the
one to replace; it reads and writes only ``doc._.sitrep_mentions``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from sitrep.analyze.nlp.records import ActorIdentity, Mention, sentences_of, text_of

__all__ = ["resolve_coreference", "sitrep_coref"]

_LOOKBACK_SENTENCES = 3


def _subject(mentions: list[Mention], sentence: Span, before_char: int | None,
             kinds: set[str]) -> ActorIdentity | None:
    """The first resolved mention of an allowed kind in ``sentence`` (before a position)."""
    for m in mentions:
        if m.actor is None or m.actor.kind not in kinds or m.locative:
            continue
        if m.start_char < sentence.start_char:
            continue
        if m.start_char >= sentence.end_char or (before_char is not None
                                                 and m.start_char >= before_char):
            break
        return m.actor
    return None


def _place_countries(doc: Doc, mentions: list[Mention]) -> None:
    """Give a country-less group or person the country of the place right after it:
    "Security forces in Guinea", "demonstrators in Baghdad", "settlers from Hebron"."""
    places = doc._.sitrep_places or []
    if not places:
        return
    by_start = {p.start: p for p in places}
    text = text_of(doc)
    for m in mentions:
        actor = m.actor
        if actor is None or actor.country is not None or actor.kind not in {"group", "person"}:
            continue
        rest = text[m.end_char:m.end_char + 40]
        for word in ("in", "from", "of"):
            prefix = f" {word} "
            if rest.startswith(prefix):
                place = by_start.get(m.end_char + len(prefix))
                if place is not None and place.place.country:
                    actor.country = place.place.country
                break


def resolve_coreference(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Resolve pronoun and title mentions in place; return the resolved ones only."""
    quoted = [q for q in (doc._.sitrep_quoted or []) if not q.nested]
    sentences = sentences_of(doc)
    starts = [s.start_char for s in sentences]
    resolved: list[Mention] = []
    roles: dict[str, ActorIdentity] = {}
    sentence_index = 0
    for m in mentions:
        if m.actor is not None:
            resolved.append(m)
            continue
        if any(q.start <= m.start_char < q.end for q in quoted):
            continue
        while sentence_index + 1 < len(starts) and starts[sentence_index + 1] <= m.start_char:
            sentence_index += 1
        sentence = sentences[sentence_index]
        actor: ActorIdentity | None = None
        if m.via == "pronoun":
            kinds = {"country", "organization"} if m.extra.get("thing") else {"person"}
            actor = _subject(resolved, sentence, m.start_char, kinds)
            k = sentence_index - 1
            while actor is None and k >= max(0, sentence_index - _LOOKBACK_SENTENCES):
                actor = _subject(resolved, sentences[k], None, kinds)
                k -= 1
        elif m.via == "title":
            country = m.extra.get("country")
            sector = m.extra.get("sector")
            limit = starts[max(0, sentence_index - _LOOKBACK_SENTENCES)]
            for earlier in reversed(resolved):
                if earlier.start_char < limit:
                    break
                other = earlier.actor
                if other is None or other.kind != "person":
                    continue
                if country is not None and other.country != country:
                    continue
                if sector is not None and other.sector not in (None, sector):
                    continue
                actor = other
                break
            phrase = m.extra.get("phrase")
            if actor is None and country is not None and phrase:
                # An office with its country but no earlier holder in the text: the role
                # holder is an actor of its own ("the Dutch defence minister").
                key = f"role:{phrase.lower()}"
                actor = roles.get(key)
                if actor is None:
                    actor = ActorIdentity(key, phrase, "person", country, sector)
                    roles[key] = actor
        if actor is not None:
            m.actor = actor
            resolved.append(m)
    return resolved


@Language.component(
    "sitrep_coref",
    requires=["doc._.sitrep_mentions", "doc._.sitrep_quoted", "doc._.sitrep_places"],
    assigns=["doc._.sitrep_mentions"],
)
def sitrep_coref(doc: Doc) -> Doc:
    """Resolve pronouns and bare titles (see module doc)."""
    mentions = resolve_coreference(doc, doc._.sitrep_mentions or [])
    _place_countries(doc, mentions)
    doc._.sitrep_mentions = mentions
    return doc
