"""The coder's quality gate: accuracy on gold sentences must not drop under the floors in
bench/floors.json (measured with the shipped model, recorded a little under the figures).

The project's own dev sentences ship in bench/data, so that part always runs; the PLOVER
gold half reads ../shared and skips without it. The held-out sentences are never read here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.analyze import Analyzer
from sitrep.analyze.evaluate import read_gold, score_plover

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _check(analyzer: Analyzer, path: Path, floors: dict[str, float]) -> None:
    measured = score_plover(analyzer, read_gold(path)).to_json()
    below = {k: measured[k] for k in floors if measured[k] < floors[k]}
    assert not below, f"{path.name}: under the floors {floors}: {below}"


def _floors(name: str) -> dict[str, float]:
    data = json.loads((BENCH / "floors.json").read_text(encoding="utf-8"))
    floors: dict[str, float] = data["plover"][name]
    return floors


@pytest.mark.parametrize(("name", "floors"), [("sentences-dev.jsonl", "sitrep_dev"),
                                               ("sentences-dev2.jsonl", "sitrep_dev2")])
def test_own_dev_sentences_hold_their_floors(parsed_analyzer: Analyzer, name: str,
                                             floors: str) -> None:
    _check(parsed_analyzer, BENCH / "data" / name, _floors(floors))


@pytest.mark.shared
def test_plover_gold_dev_half_holds_its_floors(parsed_analyzer: Analyzer,
                                               shared_dir: Path) -> None:
    _check(parsed_analyzer, shared_dir / "data" / "plover" / "gsr-dev.jsonl",
           _floors("gsr_dev"))
