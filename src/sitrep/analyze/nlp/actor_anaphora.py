"""Descriptive anaphora for organisations: "the agency", "the UN agency", "the organisation".

News names an agency once ("The World Food Programme said ...") and then calls it by its
kind ("the agency said", "the UN agency warned"). Left alone, "the UN agency" reads as the
United Nations itself and "the agency" as nothing. Such a phrase is read as the most recent
international organisation the KB knows named before it in the article, or the latest body
whose own name says it is an agency or organisation ("the Federal Emergency Management
Agency"); a state organ is not ("Iran's parliament ... cooperation with the agency" means
the IAEA named earlier). With "UN" it must be a UN body (an IGO other than the United
Nations itself). With no such antecedent the phrase is left to the phrase
reader ("the UN agency" with no agency named before stays the UN).
"""

from __future__ import annotations

from collections.abc import Sequence

from sitrep.analyze.kb.schema import TRANSNATIONAL_CODES
from sitrep.analyze.nlp.records import Mention, TokenView

__all__ = ["organisation_anaphor"]

ORG_KIND_NOUNS = frozenset({"agency", "organisation", "organization"})
"""Nouns that name an organisation by its kind."""

_KIND_MODIFIERS = frozenset({"aid", "relief", "humanitarian", "health", "food", "refugee",
                             "refugees", "international", "global", "world"})
"""Lower-case words allowed between "the" and the noun: "the aid agency"."""

_UN_WORDS = frozenset({"un", "u.n."})
_UN_ITSELF = "United Nations (UN)"
"""The KB name of the United Nations, which "the UN agency" is not."""


def organisation_anaphor(tv: TokenView, i: int, earlier: Sequence[Mention]) -> Mention | None:
    """The mention "the [UN] [aid] agency" at token ``i`` ("the") refers to, resolved to the
    latest organisation in ``earlier``; None when the phrase is not one or has none."""
    n = len(tv.text)
    j = i + 1
    united_nations = False
    if j < n and tv.lower[j] in _UN_WORDS:
        united_nations, j = True, j + 1
    elif j + 1 < n and tv.lower[j] == "united" and tv.lower[j + 1] == "nations":
        united_nations, j = True, j + 2
    if j < n and tv.lower[j] in _KIND_MODIFIERS and tv.text[j].islower():
        j += 1
    if j >= n or tv.lower[j] not in ORG_KIND_NOUNS or not tv.text[j].islower():
        return None  # "the Agency for ..." is a name; "the agency" is lower case
    for m in reversed(earlier):
        actor = m.actor
        if actor is None or actor.kind != "organization" or m.locative:
            continue
        if not ORG_KIND_NOUNS & set(actor.name.lower().split()) and not (
                m.via in ("kb", "anaphor") and actor.country in TRANSNATIONAL_CODES):
            # A state's organ ("Iran's parliament ... cooperation with the agency") or an
            # unknown body ("the agency's Board of Governors") is not the agency meant.
            continue
        if united_nations and (actor.country != "IGO" or actor.name == _UN_ITSELF):
            continue
        return Mention(i, j + 1, tv.idx[i], tv.idx[j] + len(tv.text[j]), actor, "anaphor")
    return None
