"""Derive the event coder's CAMEO-based trigger lexicon (``cameo_derived.json``).

Run once by a developer, never at run time:

    .venv/bin/python -m sitrep.analyze.coder.derive \\
        ../shared/data/dictionaries/CAMEO.2.0.txt ../shared/docs/CAMEO2PLOVER-2021.txt

Why derive rather than hand-write: the CAMEO 2.0 verb dictionary (MIT, Open Event Data
Alliance) holds ~400 verb blocks and ~4,600 verb+object patterns distilled from decades of
wire copy. We keep what a surface matcher can use: each verb with its CAMEO code, and each
pattern's words *after* / *before* the verb as ordered keywords; CAMEO codes become PLOVER
type + mode through the 2021 CAMEO->PLOVER table. CAMEO 01x (public statements) has no PLOVER
event and is dropped; CAMEO 02x (appeals) maps like 10x (PLOVER folds APPEAL into REQUEST).
Hand curation lives in ``lexicon.yaml``, which overrides these entries.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from sitrep.analyze.coder.inflect import verb_forms

__all__ = ["derive", "main", "read_plover_map"]

OUTPUT = Path(__file__).with_name("cameo_derived.json")
_CODE = re.compile(r"\[([^\]]*)\]")
_MARKERS = {"$", "+", "%", "^", "*", "-"}
_MAX_SYNONYMS = 40
_FUNCTION_WORDS = {"to", "of", "on", "in", "at", "by", "for", "with", "against", "from", "into",
                   "over", "up", "out", "off", "down", "back", "the", "a", "an", "as", "about"}


def read_plover_map(path: Path) -> dict[str, tuple[str, str | None]]:
    """CAMEO code -> (PLOVER type, mode or None), from CAMEO2PLOVER-2021.txt."""
    table: dict[str, tuple[str, str | None]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        body = line.split("#", 1)[0].strip()
        if ":" not in body:
            continue
        code, _, rest = body.partition(":")
        fields = [f.strip() for f in rest.split(",")]
        if not code.strip().isdigit() or len(fields) < 2:
            continue
        mode = fields[1].strip() or None
        table.setdefault(code.strip(), (fields[0], mode))
    return table


def _plover(code: str, table: dict[str, tuple[str, str | None]]) -> tuple[str, str | None] | None:
    """Map one CAMEO code; None for codes without a PLOVER event (statements, blanks)."""
    if code.startswith("01") or not code.isdigit():
        return None
    if code.startswith("02"):
        code = "10" + code[2:]
    while code:
        if code in table:
            return table[code]
        code = code[:-1]
    return None


def _first_code(raw: str) -> str | None:
    for part in raw.split(":"):
        part = part.strip().rstrip("-")
        if part and part != "---" and part.isdigit():
            return part
    return None


def _words(token: str) -> str:
    return token.strip("{}()+$%^").replace("_", " ").strip().lower()


def _keywords(text: str, synsets: dict[str, list[str]]) -> list[list[str]] | None:
    """Pattern text -> ordered keyword slots, each a list of accepted words; None if unusable."""
    slots: list[list[str]] = []
    for raw in text.replace("{", " ").replace("}", " ").replace("(", " ").replace(")", " ").split():
        if raw in _MARKERS:
            continue
        if raw.startswith("&"):
            members = synsets.get(raw.rstrip("_") if raw.rstrip("_") in synsets else raw)
            if not members:
                return None
            slots.append(members[:_MAX_SYNONYMS])
            continue
        word = _words(raw)
        if not word or not re.fullmatch(r"[a-z][a-z' -]*", word):
            continue
        slots.append([word.split()[-1]])
    return slots


def derive(cameo_path: Path, plover_path: Path) -> list[dict[str, Any]]:
    """Parse the CAMEO verb dictionary into verb blocks: verbs (lemma, forms, default
    PLOVER code) and the patterns every verb of the block shares (see module doc)."""
    table = read_plover_map(plover_path)
    lines = cameo_path.read_text(encoding="utf-8", errors="replace").splitlines()
    synsets: dict[str, list[str]] = {}
    current: str | None = None
    blocks: list[dict[str, Any]] = []
    block_code: str | None = None
    in_verbs = False
    for raw_line in lines:
        line = raw_line.split("#", 1)[0].rstrip()
        if "VERB PATTERNS" in raw_line:
            in_verbs = True
            continue
        if not in_verbs:
            if line.startswith("&"):
                current = line.strip()
                synsets[current] = []
                synsets[current.rstrip("_")] = synsets[current]
            elif line.startswith("+") and current:
                word = _words(line.split()[0])
                if word:
                    synsets[current].append(word.split()[-1])
            elif not line.strip():
                current = None
            continue
        if line.startswith("---"):
            match = _CODE.search(line)
            block_code = _first_code(match.group(1)) if match else None
            blocks.append({"name": line.strip("- ").split()[0].lower(), "verbs": [],
                           "patterns": []})
            continue
        if not line.strip():
            continue
        if line.startswith("-"):
            match = _CODE.search(line)
            if not match or "*" not in line:
                continue
            before_text, _, after_text = line[1:match.start()].partition("*")
            before = _keywords(before_text, synsets)
            after = _keywords(after_text, synsets)
            if before is None or after is None or not (before or after):
                continue
            code = _first_code(match.group(1))
            mapped = _plover(code, table) if code else None
            is_stop = match.group(1).strip() == "---"
            if mapped is None and not is_stop:
                continue
            content = sum(1 for slot in before + after if slot[0] not in _FUNCTION_WORDS)
            blocks[-1]["patterns"].append({
                "before": before,
                "after": after,
                "type": mapped[0] if mapped else None,
                "mode": mapped[1] if mapped else None,
                "confidence": round(min(0.8, 0.45 + 0.1 * content), 2),
                "cameo": code,
            })
            continue
        head = line.split()[0]
        if head.startswith("&"):
            continue
        word = _words(head.split("{")[0])
        if not word or not re.fullmatch(r"[a-z][a-z -]*", word) or (
                "_" in head.strip("_") and not head.startswith("+")):
            continue
        match = _CODE.search(line)
        code = _first_code(match.group(1)) if match else block_code
        mapped = _plover(code, table) if code else None
        irregular = [_words(f) for f in re.findall(r"\{([^}]*)\}", line)[:1] for f in f.split()]
        blocks[-1]["verbs"].append({
            "lemma": word,
            "forms": sorted(set(verb_forms(word)) | {f for f in irregular if f}),
            "type": mapped[0] if mapped else None,
            "mode": mapped[1] if mapped else None,
            "cameo": code if mapped else None,
        })
    return [block for block in blocks if block["verbs"]]


def main(argv: list[str] | None = None) -> int:
    """Write ``cameo_derived.json`` beside this module from the two shared files."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        sys.stderr.write("usage: derive CAMEO.2.0.txt CAMEO2PLOVER-2021.txt\n")
        return 2
    blocks = derive(Path(args[0]), Path(args[1]))
    document = {
        "about": "Derived by sitrep.analyze.coder.derive from CAMEO.2.0.txt (MIT, Open Event "
                 "Data Alliance) and CAMEO2PLOVER-2021.txt (CC BY-SA 4.0). Do not edit: curate "
                 "in lexicon.yaml, which overrides these entries.",
        "blocks": blocks,
    }
    OUTPUT.write_text(json.dumps(document, separators=(",", ":")) + "\n", encoding="utf-8")
    sys.stdout.write(f"{len(blocks)} verb blocks -> {OUTPUT}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
