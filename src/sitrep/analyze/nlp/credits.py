"""Wire credits in datelines: "KYIV, March 3 (Meridian Wire) - ..." names the outlet that
carried the story, not an actor of it.

A credit is a short parenthesised stretch closed right before a dash, near the start of the
article: the dateline convention of the wires (AP, Reuters, AFP) and of the outlets that
copy them. Mentions inside one are dropped by ``sitrep_actors``; the outlet stays in the
text, so quotes and search still see it.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from sitrep.analyze.nlp.records import Mention

__all__ = ["credit_spans", "without_credits"]

_DASHES = frozenset({"-", "–", "—", "--"})
_DATELINE_TOKENS = 40  # a dateline and its credit come before the story's first clause
_CREDIT_TOKENS = 6


def credit_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges (start, end) of dateline credits, parentheses excluded."""
    spans: list[tuple[int, int]] = []
    limit = min(len(doc), _DATELINE_TOKENS)
    for i in range(limit):
        if doc[i].text != "(":
            continue
        for j in range(i + 1, min(len(doc) - 1, i + 2 + _CREDIT_TOKENS)):
            if doc[j].text == ")":
                if doc[j + 1].text in _DASHES and j > i + 1:
                    spans.append((i + 1, j))
                break
    return spans


def without_credits(doc: Doc, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` less those inside a dateline credit."""
    spans = credit_spans(doc)
    if not spans:
        return list(mentions)
    return [m for m in mentions
            if not any(start <= m.start and m.end <= end for start, end in spans)]
