"""Keyword rules come out in a fixed order, so equally specific rules tie the same way in
every process (a set's order follows string hashing, which changes between processes)."""

from __future__ import annotations

from sitrep.analyze.coder.lexicon import Lexicon, TriggerRule


def _rule(keyword: str) -> TriggerRule:
    return TriggerRule(lemma="hold", words=("hold",), type="CONSULT", mode=None,
                       confidence=0.5, after=(frozenset({keyword}),))


def test_keyed_rules_follow_the_keywords_in_sorted_order() -> None:
    keywords = ["talks", "meeting", "summit", "election", "press"]
    lexicon = Lexicon(index={}, keyed={"hold": {k: (_rule(k),) for k in keywords}},
                      governing=frozenset(), negators=frozenset(), future_cues=frozenset())
    context = {"summit", "press", "talks", "weather"}
    found = lexicon.keyed_rules("hold", context)
    assert [rule.after[0] for rule in found] == [
        frozenset({k}) for k in sorted(context & set(keywords))]
    assert lexicon.keyed_rules("hold", set(reversed(sorted(context)))) == found
    assert lexicon.keyed_rules("meet", context) == []
