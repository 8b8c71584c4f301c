"""The bundled data files: schema, integrity, and the dated facts the brief names."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from sitrep.analyze.kb import KnowledgeBase, Office, lookup_key
from sitrep.analyze.kb.loading import DATA_DIR, ROLES_FILE
from sitrep.analyze.kb.schema import PLOVER_SECTORS, EntryModel, RolesFile

ENTRY_FILES = sorted(p for p in DATA_DIR.glob("*.yaml") if p.name != ROLES_FILE)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


@pytest.mark.parametrize("path", ENTRY_FILES, ids=lambda p: p.name)
def test_every_bundled_entry_file_fits_the_schema(path: Path) -> None:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(document, list) and document
    for raw in document:
        EntryModel.model_validate(raw)


def test_roles_file_fits_the_schema() -> None:
    roles = RolesFile.model_validate(
        yaml.safe_load((DATA_DIR / ROLES_FILE).read_text(encoding="utf-8")))
    assert set(roles.sectors) <= PLOVER_SECTORS


def test_schema_refuses_unknown_keys_and_sectors() -> None:
    with pytest.raises(ValidationError):
        EntryModel.model_validate({"id": "x", "name": "X", "kind": "person", "alias": ["Y"]})
    with pytest.raises(ValidationError):
        EntryModel.model_validate({"id": "x", "name": "X", "kind": "person", "sector": "ARMY"})


def test_a_role_word_belongs_to_one_sector_only() -> None:
    roles = RolesFile.model_validate(
        yaml.safe_load((DATA_DIR / ROLES_FILE).read_text(encoding="utf-8")))
    owner: dict[str, str] = {}
    for sector, words in roles.sectors.items():
        for word in (*words.person, *words.group, *words.organization):
            key = word.casefold()
            assert owner.setdefault(key, sector) == sector, (word, owner[key], sector)


def test_every_alias_maps_to_an_existing_entry(kb: KnowledgeBase) -> None:
    forms = list(kb.surface_forms())
    assert len(forms) > 1000
    for surface, entry_id in forms:
        assert surface.strip()
        assert entry_id in kb
        assert entry_id in {e.id for e in kb.lookup(surface)}, surface


def test_no_surface_form_names_two_bundled_entries(kb: KnowledgeBase) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for surface, entry_id in kb.surface_forms():
        owners[lookup_key(surface)].add(entry_id)
    shared = {key: ids for key, ids in owners.items() if len(ids) > 1}
    assert not shared, f"ambiguous aliases: {shared}"


def test_every_country_is_present(kb: KnowledgeBase) -> None:
    countries = [e for e in kb.entries() if e.kind == "country"]
    assert len(countries) >= 195
    assert all(e.id == e.country and e.sector == "GOV" for e in countries)


def test_offices_of_one_title_and_country_never_overlap(kb: KnowledgeBase) -> None:
    spells: dict[tuple[str, str], list[tuple[Office, str]]] = defaultdict(list)
    for entry in kb.entries():
        for office in entry.offices:
            spells[(office.org or office.country, office.title)].append((office, entry.id))
    for key, held in spells.items():
        held.sort(key=lambda pair: pair[0].start)
        for (first, who), (second, successor) in pairwise(held):
            assert first.end is not None, f"{key}: {who} never leaves, {successor} follows"
            assert first.end <= second.start, f"{key}: {who} overlaps {successor}"


def test_offices_are_dated_inside_the_covered_years(kb: KnowledgeBase) -> None:
    for entry in kb.entries():
        for office in entry.offices:
            assert office.start >= date(1950, 1, 1), entry.id
            assert office.end is None or office.end <= date(2026, 12, 31), entry.id


@pytest.mark.parametrize(("country", "title", "on", "expected"), [
    ("USA", "president", date(2025, 8, 15), "donald-trump"),
    ("USA", "president", date(2018, 6, 1), "donald-trump"),
    ("USA", "president", date(2021, 1, 20), "joe-biden"),
    ("USA", "president", date(2021, 1, 19), "donald-trump"),
    ("USA", "president", date(2024, 12, 31), "joe-biden"),
    ("RUS", "prime minister", date(2010, 5, 1), "vladimir-putin"),
    ("RUS", "prime minister", date(1999, 9, 1), "vladimir-putin"),
    ("RUS", "president", date(2000, 2, 1), "vladimir-putin"),
    ("RUS", "president", date(2010, 5, 1), "dmitry-medvedev"),
    ("RUS", "president", date(2012, 5, 7), "vladimir-putin"),
    ("DEU", "chancellor", date(2025, 5, 6), "friedrich-merz"),
    ("DEU", "chancellor", date(2025, 5, 5), "olaf-scholz"),
    ("DEU", "chancellor", date(2021, 12, 8), "olaf-scholz"),
    ("GBR", "prime minister", date(2024, 7, 5), "keir-starmer"),
    ("FRA", "president", date(2017, 5, 14), "emmanuel-macron"),
    ("UKR", "president", date(2019, 5, 20), "volodymyr-zelenskyy"),
    ("CHN", "president", date(2013, 3, 14), "xi-jinping"),
    ("un", "secretary-general", date(2020, 1, 1), "antonio-guterres"),
    ("nato", "secretary-general", date(2025, 1, 1), "mark-rutte"),
])
def test_holder_on_a_date(kb: KnowledgeBase, country: str, title: str, on: date,
                          expected: str) -> None:
    holder = kb.holder(country, title, on)
    assert holder is not None and holder.id == expected


def test_holder_is_none_where_the_kb_does_not_know(kb: KnowledgeBase) -> None:
    assert kb.holder("USA", "president", date(1950, 1, 1)) is None
    assert kb.holder("XYZ", "president", date(2020, 1, 1)) is None
    # "IGO" alone names no organisation: the UN's and NATO's secretaries-general differ.
    assert kb.holder("IGO", "secretary-general", date(2020, 1, 1)) is None


def test_putin_offices_as_the_brief_dates_them(kb: KnowledgeBase) -> None:
    spells = [(o.title, o.start, o.end) for o in kb.entry("vladimir-putin").offices]
    assert ("prime minister", date(1999, 8, 16), date(2000, 5, 7)) in spells
    assert ("prime minister", date(2008, 5, 8), date(2012, 5, 7)) in spells
    assert ("president", date(1999, 12, 31), date(2008, 5, 7)) in spells
    assert ("president", date(2012, 5, 7), None) in spells
    assert [o.title for o in kb.offices_on("vladimir-putin", date(2010, 1, 1))] == [
        "prime minister"]
    assert kb.offices_on("vladimir-putin", date(1990, 1, 1)) == []


def test_countries_yaml_is_what_the_generator_builds() -> None:
    from sitrep.analyze.kb.build.generate_countries import OUT, build

    committed = yaml.safe_load(OUT.read_text(encoding="utf-8"))
    assert committed == build(), "countries.yaml is stale: re-run the generator"


ACRONYM_FILES = ("igos.yaml", "groups.yaml", "bodies.yaml")


@pytest.mark.parametrize("file_name", ACRONYM_FILES)
def test_organisations_known_by_an_acronym_carry_it_in_their_name(file_name: str) -> None:
    """A display name "International Atomic Energy Agency (IAEA)" shows the acronym that
    news and coders use; the name without it stays an alias, so the text still matches.
    An organisation whose initials are listed as an alias must show them."""
    document = yaml.safe_load((DATA_DIR / file_name).read_text(encoding="utf-8"))
    for raw in document:
        name: str = raw["name"]
        aliases: list[str] = raw.get("aliases", [])
        if name.endswith(")") and " (" in name:
            plain, acronym = name[:-1].split(" (", 1)
            assert acronym in aliases and plain in aliases, name
            continue
        words = [w for w in name.replace("-", " ").split() if w[:1].isupper()]
        initials = "".join(w[0] for w in words)
        assert not (len(initials) > 2 and initials in aliases and
                    raw.get("kind") == "organization"), f"{name}: name it '{name} ({initials})'"
