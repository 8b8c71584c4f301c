"""The on-disk data cache: content-keyed invalidation, and the pickles that make it fast."""

from __future__ import annotations

import gc
import importlib
import json
import os
import pickle
from pathlib import Path

import pytest
import yaml

from sitrep import datacache
from sitrep.analyze import fastyaml
from sitrep.analyze.coder import lexicon as lexicon_module
from sitrep.analyze.coder.lexicon import TriggerRule, build_lexicon

CURATED = """
verbs:
  - {lemma: denounce, type: ACCUSE, confidence: 0.9}
nouns:
  - {word: ceasefire, type: AGREE, confidence: 0.7}
governing: [said]
negators: [not]
future_cues: [will]
"""
DERIVED = {"blocks": [{
    "name": "070",
    "patterns": [{"before": None, "after": [["aid", "help"]], "type": "AID", "mode": None,
                  "confidence": 0.5}],
    "verbs": [{"lemma": "send", "forms": ["send", "sends", "sent"], "type": None,
               "mode": None}],
}]}


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SITREP_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("SITREP_DATA_CACHE", raising=False)
    return tmp_path / "cache"


def _counting(builds: list[str], value: str) -> object:
    def build() -> str:
        builds.append(value)
        return value
    return build


def test_changed_source_content_rebuilds(cache: Path, tmp_path: Path) -> None:
    source = tmp_path / "words.yaml"
    source.write_text("a: 1\n", encoding="utf-8")
    builds: list[str] = []
    assert datacache.load_cached("words", [source], _counting(builds, "one"), str) == "one"
    assert datacache.load_cached("words", [source], _counting(builds, "two"), str) == "one"
    assert builds == ["one"]  # the second call read the pickle
    source.write_text("a: 2\n", encoding="utf-8")  # same size, new content
    assert datacache.load_cached("words", [source], _counting(builds, "three"), str) == "three"
    assert len(list(cache.glob("words-*.pickle"))) == 1  # the stale pickle is gone


def test_touching_a_source_without_changing_it_reuses_the_cache(cache: Path,
                                                                 tmp_path: Path) -> None:
    source = tmp_path / "words.yaml"
    source.write_text("a: 1\n", encoding="utf-8")
    builds: list[str] = []
    datacache.load_cached("words", [source], _counting(builds, "one"), str)
    stat = source.stat()
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert datacache.load_cached("words", [source], _counting(builds, "two"), str) == "one"
    assert builds == ["one"]


def test_loading_leaves_the_garbage_collector_as_it_was(cache: Path, tmp_path: Path) -> None:
    source = tmp_path / "words.yaml"
    source.write_text("a: 1\n", encoding="utf-8")
    datacache.load_cached("words", [source], lambda: {"x": [1, 2]}, dict)
    assert gc.isenabled()
    gc.disable()
    try:
        assert datacache.load_cached("words", [source], dict, dict) == {"x": [1, 2]}
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.fixture
def lexicon_files(tmp_path: Path) -> tuple[Path, Path]:
    curated = tmp_path / "lexicon.yaml"
    curated.write_text(CURATED, encoding="utf-8")
    derived = tmp_path / "cameo_derived.json"
    derived.write_text(json.dumps(DERIVED), encoding="utf-8")
    return curated, derived


def test_cached_lexicon_equals_a_fresh_build_and_follows_its_files(
        cache: Path, lexicon_files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    curated, derived = lexicon_files
    builds: list[Path] = []

    def counting_build(curated_path: Path, derived_path: Path) -> lexicon_module.Lexicon:
        builds.append(curated_path)
        return build_lexicon(curated_path, derived_path)

    monkeypatch.setattr(lexicon_module, "build_lexicon", counting_build)
    load = lexicon_module.load_lexicon.__wrapped__  # past the per-process memo
    first = load(curated, derived)
    second = load(curated, derived)
    assert len(builds) == 1
    assert second == first == build_lexicon(curated, derived)
    assert [r.type for r in second.keyed_rules("sent", {"aid"})] == ["AID"]

    derived.write_text(json.dumps(DERIVED).replace("AID", "SUPPORT"), encoding="utf-8")
    third = load(curated, derived)
    assert len(builds) == 2
    assert [r.type for r in third.keyed_rules("sent", {"aid"})] == ["SUPPORT"]

    curated.write_text(CURATED.replace("ACCUSE", "REJECT"), encoding="utf-8")
    assert {r.type for r in load(curated, derived).rules_at("denounced")} == {"REJECT"}
    assert len(builds) == 3


def test_trigger_rules_survive_pickling() -> None:
    rule = TriggerRule("send", ("sent",), "AID", None, 0.5, (frozenset({"x"}),),
                       (frozenset({"aid", "help"}),), curated=False, nominal=True)
    copy = pickle.loads(pickle.dumps(rule, protocol=pickle.HIGHEST_PROTOCOL))
    assert copy == rule and hash(copy) == hash(rule)
    assert copy.specificity == 2


def test_packed_gazetteer_entries_behave_like_the_dict_they_replace() -> None:
    from sitrep.analyze import places

    gazetteer = places._build_gazetteer()
    entries = gazetteer.entries
    copy = pickle.loads(pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL))
    assert len(copy) == len(entries) > 10_000
    assert "Paris" in copy and "Nowhereville Xyz" not in copy
    assert copy.get("Nowhereville Xyz") is None
    paris = copy["Paris"]
    assert paris == entries["Paris"]
    assert paris.place.country == "FRA" and paris.kind == "city"
    assert copy["Paris"] is paris  # built once, then kept


def test_yaml_falls_back_to_the_pure_python_loader(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "a: [1, 2.5, yes, null]\nb: {c: '2020-01-01'}\nd: 2020-01-01\n"
    fast = fastyaml.safe_load(text)
    monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    try:
        reloaded = importlib.reload(fastyaml)
        assert reloaded.SAFE_LOADER is yaml.SafeLoader
        assert reloaded.safe_load(text) == fast == yaml.safe_load(text)
    finally:
        monkeypatch.undo()
        importlib.reload(fastyaml)
    assert fastyaml.SAFE_LOADER is getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def test_yaml_loader_stays_safe() -> None:
    with pytest.raises(yaml.YAMLError):
        fastyaml.safe_load("!!python/object/apply:os.system ['true']")
