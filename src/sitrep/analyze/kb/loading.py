"""Reading actor files (the bundled YAML and the user's YAML or CSV) into schema models.

Every failure becomes a :class:`KnowledgeBaseError` that names the file and, where it can,
the entry ("people.yaml: entry 12 (vladimir-putin): offices.0.start: invalid date"), so a
user editing their own file can find the line to fix.

CSV actor files (for users who keep actors in a spreadsheet) have a header row with these
columns; only ``id`` is required, the others may be left out or blank::

    id, name, kind, country, sector, aliases,
    office_title, office_country, office_org, office_start, office_end, office_sector,
    demonyms, capital, seats, leader

List cells (``aliases``, ``demonyms``, ``seats``) separate items with ``|``. One row is one
entry; further rows with the same ``id`` add one office each (their other cells may be
blank). ``kind`` defaults to ``person``.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from sitrep.analyze.fastyaml import SAFE_LOADER
from sitrep.analyze.kb.schema import EntryModel, RolesFile
from sitrep.errors import KnowledgeBaseError

__all__ = ["DATA_DIR", "bundled_entries", "bundled_roles", "read_entry_file", "read_entry_files"]

DATA_DIR = Path(__file__).with_name("data")
ROLES_FILE = "roles.yaml"

CSV_ENTRY_COLUMNS = ("id", "name", "kind", "country", "sector", "aliases",
                     "demonyms", "capital", "seats", "leader")
CSV_OFFICE_COLUMNS = ("office_title", "office_country", "office_org", "office_start",
                      "office_end", "office_sector")
_CSV_LIST_COLUMNS = frozenset({"aliases", "demonyms", "seats"})



def _describe(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(p) for p in item["loc"])
        parts.append(f"{where}: {item['msg']}" if where else item["msg"])
    return "; ".join(parts)


def _read_yaml(path: Path) -> object:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=SAFE_LOADER)  # C or Python SafeLoader
    except OSError as exc:
        raise KnowledgeBaseError(f"{path}: cannot read actor file ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(f"{path}: not valid YAML ({exc})") from exc


def _validate_entries(path: Path, raw_entries: Iterable[object]) -> list[EntryModel]:
    models: list[EntryModel] = []
    seen: set[str] = set()
    for number, raw in enumerate(raw_entries, start=1):
        label = f"entry {number}"
        if isinstance(raw, dict) and isinstance(raw.get("id"), str):
            label += f" ({raw['id']})"
        try:
            model = EntryModel.model_validate(raw)
        except ValidationError as exc:
            raise KnowledgeBaseError(f"{path.name}: {label}: {_describe(exc)}") from exc
        if model.id in seen:
            raise KnowledgeBaseError(f"{path.name}: {label}: duplicate id {model.id!r}")
        seen.add(model.id)
        models.append(model)
    return models


def _yaml_entries(path: Path) -> list[EntryModel]:
    document = _read_yaml(path)
    if document is None:
        return []
    if not isinstance(document, list):
        raise KnowledgeBaseError(f"{path.name}: an actor file is a YAML list of entries")
    return _validate_entries(path, document)


def _split_list(cell: str) -> list[str]:
    return [item.strip() for item in cell.split("|") if item.strip()]


def _csv_rows(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = [c.strip() for c in reader.fieldnames or ()]
            unknown = set(columns) - set(CSV_ENTRY_COLUMNS) - set(CSV_OFFICE_COLUMNS)
            if "id" not in columns or unknown:
                wrong = ", ".join(sorted(unknown)) or "no 'id' column"
                raise KnowledgeBaseError(f"{path.name}: bad CSV header ({wrong})")
            return [{(k or "").strip(): (v or "").strip() for k, v in row.items()}
                    for row in reader]
    except OSError as exc:
        raise KnowledgeBaseError(f"{path}: cannot read actor file ({exc.strerror})") from exc
    except (csv.Error, UnicodeDecodeError) as exc:
        raise KnowledgeBaseError(f"{path.name}: not a readable CSV file ({exc})") from exc


def _csv_entries(path: Path) -> list[EntryModel]:
    """Fold CSV rows into entry dicts (one per id, offices gathered) and validate them."""
    by_id: dict[str, dict[str, Any]] = {}
    for line, row in enumerate(_csv_rows(path), start=2):
        entry_id = row.get("id", "")
        if not entry_id:
            raise KnowledgeBaseError(f"{path.name}: line {line}: empty id")
        entry = by_id.get(entry_id)
        if entry is None:
            entry = {"id": entry_id, "kind": "person"}
            for column in CSV_ENTRY_COLUMNS[1:]:
                cell = row.get(column, "")
                if cell:
                    entry[column] = _split_list(cell) if column in _CSV_LIST_COLUMNS else cell
            entry["offices"] = []
            by_id[entry_id] = entry
        if row.get("office_title"):
            office = {column.removeprefix("office_"): row[column]
                      for column in CSV_OFFICE_COLUMNS if row.get(column)}
            entry["offices"].append(office)
    return _validate_entries(path, by_id.values())


def read_entry_file(path: Path) -> list[EntryModel]:
    """Entries of one user actor file; the suffix (.yaml/.yml/.csv) picks the format."""
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return _yaml_entries(path)
    if suffix == ".csv":
        return _csv_entries(path)
    raise KnowledgeBaseError(f"{path}: actor files must be .yaml, .yml or .csv")


@functools.lru_cache(maxsize=1)
def bundled_entries() -> tuple[EntryModel, ...]:
    """Every entry of the bundled data files, parsed once per process."""
    entries: list[EntryModel] = []
    owner: dict[str, str] = {}
    for path in sorted(DATA_DIR.glob("*.yaml")):
        if path.name == ROLES_FILE:
            continue
        for model in _yaml_entries(path):
            if model.id in owner:
                raise KnowledgeBaseError(
                    f"{path.name}: id {model.id!r} is already used in {owner[model.id]}")
            owner[model.id] = path.name
            entries.append(model)
    return tuple(entries)


@functools.lru_cache(maxsize=1)
def bundled_roles() -> RolesFile:
    """roles.yaml, parsed once per process."""
    path = DATA_DIR / ROLES_FILE
    try:
        return RolesFile.model_validate(_read_yaml(path))
    except ValidationError as exc:
        raise KnowledgeBaseError(f"{path.name}: {_describe(exc)}") from exc


def read_entry_files(paths: Sequence[Path]) -> list[EntryModel]:
    """Entries of the user's actor files, in order (a later entry with the same id wins)."""
    return [model for path in paths for model in read_entry_file(Path(path))]
