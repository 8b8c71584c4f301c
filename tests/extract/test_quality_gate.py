"""Quality gate: extraction accuracy on a fixed subset of the shared benchmarks.

Every 5th WCXB dev page and every 3rd ScrapingHub page, scored by the same code as
bench/extraction.py; the test fails when a figure drops under the subset floors stored in
bench/floors.json. Skips when ../shared is absent. Takes about a minute on one core.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

from extraction_scoring import (  # noqa: E402
    load_scrapinghub,
    load_wcxb,
    run_sitrep,
    score_pages,
)


def _floors() -> dict[str, dict[str, float]]:
    data = json.loads((BENCH / "floors.json").read_text(encoding="utf-8"))
    floors: dict[str, dict[str, float]] = data["quality_gate"]
    return floors


@pytest.mark.shared
def test_wcxb_subset_holds_its_floors(shared_dir: Path) -> None:
    pages = [p for p in load_wcxb(shared_dir / "data/extraction/wcxb-dev-articles")
             if p.number % 5 == 0]
    scores = score_pages(pages, run_sitrep)
    floors = _floors()["wcxb_every_5th"]
    measured = {"body_f1": scores.body_f1, "title": scores.title, "date": scores.date,
                "author": scores.author}
    below = {k: round(v, 4) for k, v in measured.items() if v < floors[k]}
    assert not below, f"under the floors {floors}: {below}"


@pytest.mark.shared
def test_scrapinghub_subset_holds_its_floor(shared_dir: Path) -> None:
    pages = load_scrapinghub(shared_dir / "data/extraction/scrapinghub")[::3]
    scores = score_pages(pages, run_sitrep)
    floor = _floors()["scrapinghub_every_3rd"]["body_f1"]
    assert scores.body_f1 >= floor, f"body F1 {scores.body_f1:.4f} < floor {floor}"


def test_floors_file_fits_its_schema() -> None:
    data = json.loads((BENCH / "floors.json").read_text(encoding="utf-8"))
    gate = data["quality_gate"]
    assert set(gate["wcxb_every_5th"]) == {"body_f1", "title", "date", "author"}
    assert set(gate["scrapinghub_every_3rd"]) == {"body_f1"}
    for group in (*gate.values(), *(v for v in data["full"].values() if isinstance(v, dict))):
        assert all(isinstance(v, float) and 0.0 < v <= 1.0 for v in group.values())
