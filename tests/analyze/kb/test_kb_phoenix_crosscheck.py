"""Cross-check of bundled office dates against the Phoenix/PETRARCH country dictionary.

Phoenix (MIT, ~2014) dates a person's GOV spells as ``[RUSGOV 991231-080507]``. Its
coverage is patchy (many spells start at a placeholder 2003-01-01 or are missing), so the
check is statistical: most of our pre-2013 office starts must fall inside one of that
person's Phoenix GOV spells. A drop below the threshold means dates went wrong in bulk.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from pathlib import Path

import pytest

from sitrep.analyze.kb import KnowledgeBase

pytestmark = pytest.mark.shared

_SPELL = re.compile(r"\[([A-Z]{3})GOV\w*\s*([<>]?)(\d{6})?-?(\d{6})?\]")
_OPEN_END = date(2100, 1, 1)


def _yymmdd(text: str) -> date:
    year = int(text[:2])
    return date(year + (2000 if year < 40 else 1900), int(text[2:4]) or 1, int(text[4:6]) or 1)


def _phoenix_spells(path: Path) -> dict[str, list[tuple[date, date]]]:
    spells: dict[str, list[tuple[date, date]]] = {}
    current: list[tuple[date, date]] | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line[0] not in "+\t [":
            current = spells.setdefault(line.split("#")[0].strip().rstrip("_"), [])
            continue
        for _code, op, first, second in _SPELL.findall(line):
            if current is None or not first:
                continue
            if op == ">":
                current.append((_yymmdd(first), _OPEN_END))
            elif op == "<":
                current.append((date(1900, 1, 1), _yymmdd(first)))
            elif second:
                current.append((_yymmdd(first), _yymmdd(second)))
    return spells


def _phoenix_key(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.upper().replace(" ", "_").replace("-", "_"))
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def test_office_starts_agree_with_phoenix(shared_dir: Path) -> None:
    spells = _phoenix_spells(shared_dir / "data" / "dictionaries" /
                             "Phoenix.Countries.actors.txt")
    agree = disagree = 0
    for entry in KnowledgeBase.load().entries():
        known = spells.get(_phoenix_key(entry.name)) if entry.kind == "person" else None
        if not known:
            continue
        for office in entry.offices:
            if not date(2000, 1, 1) <= office.start <= date(2013, 6, 1):
                continue
            if any(first - timedelta(days=40) <= office.start <= last for first, last in known):
                agree += 1
            else:
                disagree += 1
    assert agree >= 80
    assert agree / (agree + disagree) >= 0.8
