"""The analysis data files fit their schemas (they are edited by hand)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from sitrep.analyze.coder.inflect import verb_forms
from sitrep.analyze.coder.lexicon import (
    CURATED,
    DERIVED,
    PLOVER_TYPES,
    load_lexicon,
    read_curated,
)
from sitrep.analyze.nlp.actors import WORDS_FILE, load_actor_words
from sitrep.analyze.nlp.sports import SPORTS_FILE, load_sports_words
from sitrep.errors import AnalysisError


def test_curated_lexicon_fits_schema() -> None:
    curated = read_curated(CURATED)
    assert curated["verbs"] and curated["nouns"]
    types = {entry["type"] for entry in curated["verbs"] + curated["nouns"]} - {None}
    assert types == PLOVER_TYPES  # every PLOVER type has at least one trigger


def test_derived_lexicon_fits_schema() -> None:
    document = json.loads(DERIVED.read_text(encoding="utf-8"))
    assert "CAMEO" in document["about"]
    for block in document["blocks"]:
        assert set(block) == {"name", "verbs", "patterns"}
        for verb in block["verbs"]:
            assert verb["type"] in PLOVER_TYPES | {None}
            assert verb["lemma"] in verb["forms"]
        for pattern in block["patterns"]:
            assert pattern["type"] in PLOVER_TYPES | {None}
            assert 0 <= pattern["confidence"] <= 1
            assert all(isinstance(slot, list) and slot
                       for slot in pattern["before"] + pattern["after"])


def test_lexicon_rejects_unknown_type(tmp_path: Path) -> None:
    bad = yaml.safe_load(CURATED.read_text(encoding="utf-8"))
    bad["verbs"][0]["type"] = "HUG"
    path = tmp_path / "lexicon.yaml"
    path.write_text(yaml.safe_dump(bad), encoding="utf-8")
    with pytest.raises(AnalysisError, match="HUG"):
        read_curated(path)


def test_lexicon_index_has_inflected_forms() -> None:
    lexicon = load_lexicon()
    assert any(rule.type == "THREATEN" for rule in lexicon.rules_at("threatened"))
    assert any(rule.type == "CONSULT" for rule in lexicon.rules_at("met"))


@pytest.mark.parametrize(("lemma", "forms"), [
    ("ban", {"ban", "bans", "banned", "banning"}),
    ("visit", {"visit", "visits", "visited", "visiting"}),
    ("deny", {"deny", "denies", "denied", "denying"}),
    ("call for", {"call for", "calls for", "called for", "calling for"}),
])
def test_verb_forms(lemma: str, forms: set[str]) -> None:
    assert forms <= set(verb_forms(lemma))


def test_actor_words_fit_schema(tmp_path: Path) -> None:
    words = load_actor_words(WORDS_FILE)
    assert "he" in words.person_pronouns and "in" in words.locative
    broken = tmp_path / "actor_words.yaml"
    broken.write_text("person_pronouns: [He]\n", encoding="utf-8")
    with pytest.raises(AnalysisError):
        load_actor_words(broken)


def test_sports_words_fit_schema(tmp_path: Path) -> None:
    raw = yaml.safe_load(SPORTS_FILE.read_text(encoding="utf-8"))
    for key, words in raw.items():
        assert len(words) == len(set(words)), key  # no entry twice
        assert all(not w.startswith("the ") for w in words), key  # "the" is read apart
    # The verbs of a game are never verbs of real violence or protest.
    assert not {"kill", "clash", "storm", "rally", "seize", "bomb", "attack"} & (
        set(raw["result_verbs"]) | set(raw["fixture_verbs"]))
    words = load_sports_words(SPORTS_FILE)
    assert {"beaten", "thrashed"} <= words.result_forms and "met" in words.fixture_forms
    assert words.clubs.match("Real Madrid") and not words.clubs.match("Real estate")
    broken = tmp_path / "sports.yaml"
    broken.write_text(yaml.safe_dump({**raw, "clubs": ["Real Madrid"]}), encoding="utf-8")
    with pytest.raises(AnalysisError, match="clubs"):
        load_sports_words(broken)
    missing = tmp_path / "missing.yaml"
    missing.write_text(yaml.safe_dump({k: v for k, v in raw.items() if k != "venues"}),
                       encoding="utf-8")
    with pytest.raises(AnalysisError):
        load_sports_words(missing)
