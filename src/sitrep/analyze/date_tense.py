"""Tense of the clause around a temporal expression, for :mod:`sitrep.analyze.dates`.

Which occurrence a weekday or a bare month means ("Friday", "in March") is decided by the
nearest tense cue in its clause: ``will``, ``is set to``, ``expected`` ... against past
verbs and ``ago``. Event dating asks the same of a stretch of text (``future_cue_before``).
"""

from __future__ import annotations

import re
from typing import Literal

__all__ = ["Tense", "clause_tense", "future_cue_before"]

Tense = Literal["past", "future"]


# Tense cues, nearest to the expression wins. Future alternatives come first so that
# "expected" or "scheduled" are read as future before the generic past "-ed" rule.
_TENSE_CUE = re.compile(
    r"\b(?:(?P<future>"
    # a modal or "is to" with a passive: "could be delayed", "are to be held"
    r"(?:(?:is|are|was|were)\s+)?(?:will|would|could|might|may|must|should|shall|to)"
    r"\s+(?:not\s+)?be\s+[a-z]+"
    r"|will|won't|shall|would|could|might|may|must|should|\w+'ll"
    r"|(?:is|are|was|were)\s+(?:set|due|scheduled|slated|expected|poised|going|to)"
    r"|set\s+to|due\s+to|plan(?:s|ned)?\s+to|plans|intends?\s+to|aims?\s+to|hopes?\s+to"
    r"|expected|scheduled|upcoming|forthcoming|planned|next|tomorrow)"
    r"|(?P<past>said|told|was|were|had|did|met|held|went|came|took|made|saw|began|gave|sent"
    r"|spoke|left|won|lost|fell|rose|struck|fought|led|ran|broke|became|brought|found|kept"
    r"|thought|sought|shot|wrote|drove|flew|ago|earlier|since|yesterday"
    r"|(?!(?:need|indeed|proceed|succeed|exceed|speed|hundred|feed|seed|breed|greed|embed)\b)"
    r"[a-z]{2,}ed))\b"
)
# A sentence or clause boundary; "Mr. Putin" and "Aug. 15" are not one.
_CLAUSE_BREAK = re.compile(r"(?<!\b[A-Z][a-z])[.!?]\s+(?=[\"“'‘(\[]?[A-Z])|[;:]\s|\n")
_CONTEXT_CHARS = 240


def clause_tense(text: str, start: int, end: int) -> Tense | None:
    """The tense of the clause around ``text[start:end]``: the nearest cue before it, else
    the first one after it, within the sentence."""
    left = max(0, start - _CONTEXT_CHARS)
    prefix = text[left:start]
    breaks = list(_CLAUSE_BREAK.finditer(prefix))
    if breaks:
        prefix = prefix[breaks[-1].end():]
    cues = list(_TENSE_CUE.finditer(prefix))
    if not cues:
        suffix = text[end:end + _CONTEXT_CHARS]
        stop = _CLAUSE_BREAK.search(suffix)
        if stop:
            suffix = suffix[:stop.start()]
        first = _TENSE_CUE.search(suffix)
        cues = [first] if first else []
    if not cues:
        return None
    return "future" if cues[-1]["future"] else "past"


def future_cue_before(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a future cue ("will", "is set to", "expected"):
    a date after it is a plan, which a past-tense event in the same sentence did not
    happen on ("rejected the demand and says elections will be held in 2027")."""
    return any(cue["future"] for cue in _TENSE_CUE.finditer(text, start, end))
