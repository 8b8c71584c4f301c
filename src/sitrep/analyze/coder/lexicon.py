"""The trigger lexicon: curated ``lexicon.yaml`` over CAMEO-derived ``cameo_derived.json``.

Loaded once per process into an index from a surface word to the rules it can start, so
the coder does one dictionary look-up per token. See ``lexicon.yaml``'s header for how the
two files are made and which wins.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sitrep.analyze.coder.inflect import verb_forms
from sitrep.analyze.fastyaml import safe_load
from sitrep.errors import AnalysisError

__all__ = ["PLOVER_TYPES", "Lexicon", "TriggerRule", "build_lexicon", "load_lexicon",
           "slots_in_order"]

HERE = Path(__file__).parent
CURATED = HERE / "lexicon.yaml"
DERIVED = HERE / "cameo_derived.json"

PLOVER_TYPES = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
})
_DERIVED_DEFAULT_CONFIDENCE = 0.4


@dataclass(frozen=True, slots=True)
class TriggerRule:
    """One way a trigger codes: its words, required keywords, and the PLOVER result.

    ``type`` None is a stop rule: a CAMEO pattern saying this verb + object is no event.
    ``nominal`` rules are nouns ("talks"), weaker evidence than a verb.
    """

    lemma: str
    words: tuple[str, ...]
    type: str | None
    mode: str | None
    confidence: float
    before: tuple[frozenset[str], ...] = ()
    after: tuple[frozenset[str], ...] = ()
    curated: bool = False
    nominal: bool = False

    @property
    def specificity(self) -> int:
        return len(self.before) + len(self.after)

    def __reduce__(self) -> tuple[Callable[..., TriggerRule], tuple[object, ...]]:
        # The cached lexicon holds ~150,000 rules: rebuilding each through the constructor
        # unpickles twice as fast as dataclasses' generic frozen-slots __setstate__.
        return (TriggerRule, (self.lemma, self.words, self.type, self.mode, self.confidence,
                              self.before, self.after, self.curated, self.nominal))


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Rules indexed by their first (lower-case) word, plus the closed word lists."""

    index: dict[str, tuple[TriggerRule, ...]]
    keyed: dict[str, dict[str, tuple[TriggerRule, ...]]]
    governing: frozenset[str]
    negators: frozenset[str]
    future_cues: frozenset[str]
    light: frozenset[str] = frozenset()  # light verb lemmas (first word) and their forms
    crowds: frozenset[str] = frozenset()
    naming: frozenset[str] = frozenset()  # verbs that also name ("what he calls a summit")
    evidential: frozenset[str] = frozenset()  # "movements suggest": no event from a thing

    def rules_at(self, word: str) -> tuple[TriggerRule, ...]:
        """Rules starting with ``word`` that need no keyword (or all, for inspection)."""
        return self.index.get(word, ())

    def keyed_rules(self, word: str, context: set[str]) -> list[TriggerRule]:
        """Rules starting with ``word`` whose first keyword slot meets ``context``: an
        inverted index, because common verbs ("make", "take") carry hundreds of CAMEO
        patterns and checking each one per occurrence is the coder's main cost."""
        by_keyword = self.keyed.get(word)
        if not by_keyword:
            return []
        found: list[TriggerRule] = []
        # In a fixed order: the coder keeps the first of equally specific rules, and a set's
        # order changes from process to process (string hashing), and with it the event.
        for keyword in sorted(context & by_keyword.keys()):
            found.extend(by_keyword[keyword])
        return found


def slots_in_order(slots: tuple[frozenset[str], ...], words: Sequence[str], start: int,
                   stop: int) -> bool:
    """Whether each keyword slot is met in ``words[start:stop]`` after the previous one:
    CAMEO's "converge in rally for" is not "for a rally in"."""
    k = start
    for slot in slots:
        while k < stop and words[k] not in slot:
            k += 1
        if k >= stop:
            return False
        k += 1
    return True


def _slots(raw: Any, where: str) -> tuple[frozenset[str], ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(s, list) and s for s in raw):
        raise AnalysisError(f"{where}: keyword slots must be a list of non-empty lists")
    return tuple(frozenset(str(w).lower() for w in slot) for slot in raw)


def _check(entry: dict[str, Any], where: str) -> None:
    kind = entry.get("type")
    if kind is not None and kind not in PLOVER_TYPES:
        raise AnalysisError(f"{where}: unknown PLOVER type {kind!r}")
    confidence = entry.get("confidence")
    if not isinstance(confidence, int | float) or not 0 <= confidence <= 1:
        raise AnalysisError(f"{where}: confidence must be a number in 0..1")


def _forms_of(lemma: str) -> list[tuple[str, ...]]:
    """The token sequences of a lemma's forms. A hyphenated verb ("test-fire") is matched
    both whole and as the tokenizer splits it ("test", "-", "fired")."""
    forms: list[tuple[str, ...]] = []
    for form in verb_forms(lemma):
        forms.append(tuple(form.split()))
        if "-" in form.strip("-"):
            forms.append(tuple(form.replace("-", " - ").split()))
    return forms


def read_curated(path: Path = CURATED) -> dict[str, Any]:
    """The curated YAML, schema-checked (AnalysisError names the entry that is wrong)."""
    raw = safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(raw, dict) or not {"verbs", "nouns", "governing", "negators",
                                         "future_cues"} <= set(raw):
        raise AnalysisError(f"{path}: needs verbs, nouns, governing, negators, future_cues")
    for k, entry in enumerate(raw["verbs"]):
        where = f"{path}: verbs[{k}] ({entry.get('lemma')!r})"
        if not isinstance(entry.get("lemma"), str) or entry["lemma"] != entry["lemma"].lower():
            raise AnalysisError(f"{where}: lemma must be a lower-case string")
        if not set(entry) <= {"lemma", "type", "mode", "confidence", "after", "keep_derived"}:
            raise AnalysisError(f"{where}: unknown keys {sorted(set(entry))}")
        if not isinstance(entry.get("keep_derived", False), bool):
            raise AnalysisError(f"{where}: keep_derived must be true or false")
        _check(entry, where)
        _slots(entry.get("after"), where)
    for k, entry in enumerate(raw["nouns"]):
        where = f"{path}: nouns[{k}] ({entry.get('word')!r})"
        if not isinstance(entry.get("word"), str) or entry.get("type") is None:
            raise AnalysisError(f"{where}: needs a word and a type")
        _check(entry, where)
    return dict(raw)


@cache
def load_lexicon(curated_path: Path = CURATED, derived_path: Path = DERIVED) -> Lexicon:
    """The trigger index, built once per process, and read from the on-disk data cache
    (:mod:`sitrep.datacache`) when one was built from the same files: building it
    takes seconds of every CLI call. The cache key hashes both data files and the code that
    builds the index (this module and the verb inflector)."""
    from sitrep.datacache import load_cached

    sources = [curated_path, derived_path, Path(__file__), HERE / "inflect.py"]
    return load_cached("lexicon", sources, lambda: build_lexicon(curated_path, derived_path),
                       Lexicon)


def build_lexicon(curated_path: Path = CURATED, derived_path: Path = DERIVED) -> Lexicon:
    """Build the trigger index from the two files (no caching)."""
    curated = read_curated(curated_path)
    rules: dict[str, list[TriggerRule]] = {}

    def add(rule: TriggerRule) -> None:
        rules.setdefault(rule.words[0], []).append(rule)

    # A curated verb replaces its CAMEO-derived rules, unless every curated entry for it
    # only adds a keyed reading (``keep_derived``: "gather" + rally is a PROTEST, and the
    # derived readings of "gather" stay).
    curated_lemmas = {entry["lemma"] for entry in curated["verbs"]
                      if not entry.get("keep_derived")}
    for entry in curated["verbs"]:
        after = _slots(entry.get("after"), entry["lemma"])
        for words in _forms_of(entry["lemma"]):
            add(TriggerRule(entry["lemma"], words, entry["type"], entry.get("mode"),
                            float(entry["confidence"]), (), after, curated=True))
    for entry in curated["nouns"]:
        add(TriggerRule(entry["word"], tuple(entry["word"].lower().split()), entry["type"],
                        entry.get("mode"), float(entry["confidence"]), curated=True,
                        nominal=True))
    derived = json.loads(derived_path.read_text(encoding="utf-8"))
    for block in derived["blocks"]:
        patterns = [(p, _slots(p["before"], block["name"]), _slots(p["after"], block["name"]))
                    for p in block["patterns"]]
        for verb in block["verbs"]:
            if verb["lemma"] in curated_lemmas:
                continue
            forms = [tuple(f.split()) for f in verb["forms"]]
            for words in forms:
                if verb["type"]:
                    add(TriggerRule(verb["lemma"], words, verb["type"], verb["mode"],
                                    _DERIVED_DEFAULT_CONFIDENCE))
                for pattern, before, after in patterns:
                    add(TriggerRule(verb["lemma"], words, pattern["type"], pattern["mode"],
                                    float(pattern["confidence"]), before, after))
    plain: dict[str, tuple[TriggerRule, ...]] = {}
    keyed: dict[str, dict[str, list[TriggerRule]]] = {}
    for word, found in rules.items():
        plain[word] = tuple(r for r in found if not r.specificity)
        for rule in found:
            if rule.specificity:
                first = rule.after[0] if rule.after else rule.before[0]
                slot = keyed.setdefault(word, {})
                for keyword in first:
                    slot.setdefault(keyword, []).append(rule)
    return Lexicon(
        index=plain,
        keyed={w: {k: tuple(v) for k, v in d.items()} for w, d in keyed.items()},
        governing=frozenset(curated["governing"]),
        negators=frozenset(curated["negators"]),
        future_cues=frozenset(curated["future_cues"]),
        light=frozenset(form.split()[0] for lemma in curated.get("light", [])
                        for form in verb_forms(str(lemma))),
        crowds=frozenset(str(w).lower() for w in curated.get("crowds", [])),
        naming=frozenset(str(w).lower() for w in curated.get("naming", [])),
        evidential=frozenset(str(w).lower() for w in curated.get("evidential", [])),
    )
