"""The actor finder's modules and word files: the public API kept through the split of
sitrep.analyze.nlp.actors, and the peoples file's schema."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.analyze.kb import KnowledgeBase
from sitrep.analyze.nlp import actors
from sitrep.analyze.nlp.actor_lexicon import PEOPLES_FILE, load_actor_words, load_peoples
from sitrep.errors import AnalysisError


def test_the_public_api_survives_the_split() -> None:
    assert set(actors.__all__) == {"WORDS_FILE", "ActorFinder", "ActorWords",
                                   "load_actor_words"}
    assert actors.load_actor_words is load_actor_words
    assert "venue_words" in actors.ActorWords.__dataclass_fields__


def test_no_actor_module_outgrows_its_limit() -> None:
    folder = Path(actors.__file__).parent
    for module in folder.glob("actor*.py"):
        assert len(module.read_text(encoding="utf-8").splitlines()) <= 600, module.name


def test_every_peoples_home_is_a_known_country() -> None:
    kb = KnowledgeBase.load()
    peoples = load_peoples()
    assert peoples["Yoruba"] == "NGA" and peoples["Kurds"] is None
    for name, home in peoples.items():
        assert name[:1].isupper()
        if home is not None:
            entry = kb.entry(home)
            assert entry is not None and entry.kind == "country", (name, home)


def test_the_peoples_file_refuses_bad_codes(tmp_path: Path) -> None:
    bad = tmp_path / "peoples.yaml"
    bad.write_text("homes:\n  Yoruba: Nigeria\n", encoding="utf-8")
    with pytest.raises(AnalysisError):
        load_peoples(bad)
    assert PEOPLES_FILE.exists()
