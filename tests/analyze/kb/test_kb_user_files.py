"""The user's own actor files (YAML and CSV) add actors and override bundled ones."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitrep.analyze.kb import KnowledgeBase
from sitrep.errors import KnowledgeBaseError

YAML_OVERRIDE = """\
- id: ruritania-leader
  name: Rudolf Elphberg
  kind: person
  country: SRB
  sector: GOV
  aliases: [Elphberg, King Rudolf]
  offices:
    - {title: prime minister, country: SRB, start: 2030-01-01}
- id: RUS
  name: Russia
  kind: country
  country: RUS
  sector: GOV
  aliases: [Rossiya]
  demonyms: [Russian, Russians]
  seats: [Staraya Ploshchad]
"""

CSV_OVERRIDE = """\
id,name,kind,country,sector,aliases,office_title,office_country,office_start,office_end
quill-institute,Quill Institute,organization,NOR,SOC,Quill|the Quill,,,,
mara-lind,Mara Lind,person,QQR,GOV,Lind,foreign minister,QQR,2031-02-01,2032-03-01
mara-lind,,,,,,prime minister,QQR,2032-03-01,
vladimir-putin,Vladimir Putin,person,RUS,GOV,Putin|V.V. Putin,president,RUS,2012-05-07,
"""


def test_yaml_file_adds_an_actor_and_replaces_one(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(YAML_OVERRIDE, encoding="utf-8")
    kb = KnowledgeBase.load([path])
    added = kb.resolve("Elphberg", date(2030, 6, 1))
    assert added is not None
    assert (added.name, added.country, added.sector, added.kind) == (
        "Rudolf Elphberg", "SRB", "GOV", "person")
    holder = kb.holder("SRB", "premier", date(2031, 1, 1))
    assert holder is not None and holder.id == "ruritania-leader"
    # The override replaced the bundled Russia entry whole: new seat in, old seat out.
    assert [e.id for e in kb.lookup("Staraya Ploshchad")] == ["RUS"]
    assert kb.lookup("the Kremlin") == []
    assert kb.country_of("Russians") == kb.country_of("Rossiya") == "RUS"
    # The bundled knowledge base itself is untouched.
    assert [e.id for e in KnowledgeBase.load().lookup("the Kremlin")] == ["RUS"]


def test_csv_file_rows_with_one_id_gather_offices(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text(CSV_OVERRIDE, encoding="utf-8")
    kb = KnowledgeBase.load([path])
    lind = kb.entry("mara-lind")
    assert [o.title for o in lind.offices] == ["foreign minister", "prime minister"]
    premier = kb.holder("QQR", "premier", date(2033, 1, 1))
    assert premier is not None and premier.id == "mara-lind"
    lind_then = kb.resolve("Lind", date(2031, 6, 1))
    assert lind_then is not None and (lind_then.country, lind_then.sector) == ("QQR", "GOV")
    think_tank = kb.resolve("the Quill", date(2030, 1, 1))
    assert think_tank is not None and (think_tank.country, think_tank.sector) == ("NOR", "SOC")
    putin = kb.entry("vladimir-putin")
    assert len(putin.offices) == 1 and "V.V. Putin" in putin.aliases
    assert kb.holder("RUS", "prime minister", date(2010, 1, 1)) is None  # office list replaced


@pytest.mark.parametrize(("name", "content", "message"), [
    ("bad.yaml", "- {id: x, name: X, kind: person, sector: ARMY}\n", "bad.yaml: entry 1 (x)"),
    ("bad.yaml", "- {id: x, name: X, kind: robot}\n", "entry 1 (x): kind"),
    ("bad.yaml", "- {id: x, name: X, kind: person, offices: [{title: president,"
                 " start: 2020-01-01, end: 2019-01-01}]}\n", "ends (2019-01-01) before"),
    ("bad.yaml", "id: x\n", "a YAML list of entries"),
    ("bad.yaml", "- {id: x, name: [unclosed\n", "not valid YAML"),
    ("bad.csv", "id,name,colour\nx,X,red\n", "bad CSV header (colour)"),
    ("bad.csv", "id,name,kind,office_title,office_start\nx,X,person,president,someday\n",
     "entry 1 (x): offices.0.start"),
    ("bad.txt", "whatever", "must be .yaml, .yml or .csv"),
    ("dup.yaml", "- {id: x, name: X, kind: person}\n- {id: x, name: Y, kind: person}\n",
     "duplicate id 'x'"),
])
def test_broken_user_files_name_file_and_entry(tmp_path: Path, name: str, content: str,
                                              message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=message.replace("(", r"\(").replace(")", r"\)")):
        KnowledgeBase.load([path])


def test_missing_user_file_is_a_knowledge_base_error(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match="cannot read"):
        KnowledgeBase.load([tmp_path / "absent.yaml"])


def test_unknown_entry_id_is_an_error() -> None:
    with pytest.raises(KnowledgeBaseError, match="no actor with id"):
        KnowledgeBase.load().entry("no-such-actor")


def test_loading_the_bundled_files_twice_gives_the_same_knowledge_base() -> None:
    # Built once per process: every Analyzer and CLI command shares it.
    assert KnowledgeBase.load() is KnowledgeBase.load()


def test_disk_cache_is_reused_and_rebuilt_when_stale(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from sitrep.analyze.kb.cache import load_cached

    monkeypatch.setenv("SITREP_CACHE_DIR", str(tmp_path / "cache"))
    builds: list[int] = []

    def build() -> dict[str, int]:
        builds.append(1)
        return {"built": len(builds)}

    assert load_cached(build, dict) == {"built": 1}
    assert load_cached(build, dict) == {"built": 1}  # read back, not rebuilt
    pickles = list((tmp_path / "cache").glob("kb-*.pickle"))
    assert len(pickles) == 1
    pickles[0].write_bytes(b"not a pickle")
    assert load_cached(build, dict) == {"built": 2}  # corrupt cache: rebuilt
    monkeypatch.setenv("SITREP_KB_CACHE", "0")
    assert load_cached(build, dict) == {"built": 3}  # disabled
