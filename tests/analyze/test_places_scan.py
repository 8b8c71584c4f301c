"""``find_places`` looks only at capitalised words that begin a gazetteer name, and reads
the tokens around one only when it is there; here it is held against the plain walk over
every token it replaced (same mentions, same offsets), on text written for this test."""

from __future__ import annotations

import random
from collections.abc import Sequence

from sitrep.analyze import places as P


def _walk_every_token(text: str) -> list[P.PlaceMention]:
    """The former scan: every token listed, each capitalised one tried at every length up
    to the longest name starting with it."""
    gazetteer = P._gazetteer()
    tokens: Sequence[tuple[int, int]] = [m.span() for m in P._TOKEN.finditer(text)]
    found = list(P._dateline_places(text, gazetteer)) \
        if "\n" in text or text[:1].isupper() else []
    datelines = len(found)
    index = 0
    for index_at, (start, end) in enumerate(tokens):
        lengths = gazetteer.lengths_from.get(text[start:end])
        if index_at < index or not text[start].isupper() or not lengths:
            continue
        index = index_at
        matched = 0
        for count in range(min(lengths[0], len(tokens) - index), 0, -1):
            last = index + count - 1
            raw = text[start:tokens[last][1]]
            entry = gazetteer.entries.get(P._key(raw))
            if "\n" in raw or entry is None:
                continue
            mention = P._accept(text, tokens, index, last, entry, gazetteer,
                                found[-1] if found else None)
            if mention is not None and found and P._key(raw) in gazetteer.shadowed_states:
                mention = P._state_after_us_place(text, found[-1], mention, gazetteer)
            if mention is not None:
                found.append(mention)
                matched = count
                break
        index += matched or 1
    if datelines:
        lines = found[:datelines]
        found = lines + [m for m in found[datelines:]
                         if not any(d.start < m.end and m.start < d.end for d in lines)]
        found.sort(key=lambda mention: mention.start)
    return P._prefer_named_countries(text, found, gazetteer) if gazetteer.rivals else found


def test_find_places_finds_what_walking_every_token_finds() -> None:
    pieces = ["in", "Paris", "Texas", "New", "York", "City", "Papua", "Guinea", "Georgia",
              "Atlanta", ",", ".", "the", "city", "of", "Mr.", "Jordan", "Washington", "Post",
              "KYIV", "—", "\n", "Gaza", "Kursk", "region", "Reading", "Split", "and", "Bosnia",
              "Herzegovina", "São", "Paulo", "Sao", "Tomé", "2025", "Élysée", "’s", "U.S.",
              "Hyderabad", "Pakistan", "Pakistani", "Chad", "Smith", "North", "Kivu", "to",
              "x", "Lincoln", "Jackson", ",", "Mississippi", "Kyiv", "Independent", "Metro",
              "4", "(AP)", "Trinidad", "Tobago", "from", "Lagos", "St", "Louis", "-", "Al"]
    rng = random.Random(3)
    texts = ["KYIV, Ukraine (AP) — Talks in New York City and Papua New Guinea; Mr. Jordan "
             "flew from Atlanta, Georgia to the city of Reading.",
             "Paris", " Paris", "Xi met Putin in Moscow.\nWASHINGTON — Hyderabad, Pakistan"]
    texts += [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 18)))
              for _ in range(1500)]
    texts += ["".join(rng.choice(pieces) + rng.choice(["", " ", "  ", "\n"])
                      for _ in range(12)) for _ in range(500)]
    for text in texts:
        assert P.find_places(text) == _walk_every_token(text), text
