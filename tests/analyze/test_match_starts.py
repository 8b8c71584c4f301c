"""``matches_at``: finditer's matches, tried only at the given starts."""

from __future__ import annotations

import random
import re

from sitrep.analyze.dates import _RULES, _rule_starts, find_dates
from sitrep.analyze.match_starts import NameStarts, matches_at, word_starts


def _spans(found: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in found]  # type: ignore[attr-defined]


def test_name_starts_finds_overlapping_names_and_skips_other_capitals() -> None:
    starts = NameStarts(r"(?:Sept|Sep|Mar)\b\.?", ["Sept", "Sep", "Mar"])
    assert starts("Mars in Sep. and Sept 3, not Seven") == [8, 17]
    assert word_starts("amid the midterms", ["mid"]) == [1, 9]


def test_matches_at_is_finditer_when_every_start_is_offered() -> None:
    pattern = re.compile(r"(?:(?:early|late)\s+)?(?P<mon>May|June)\s+\d{4}")
    text = "In early May 2024 and late  June 2025, then yearly May 2026 and May 20."
    starts = [m.start() for m in re.finditer(r"May|June", text)] + \
        word_starts(text, ["early", "late"])
    assert _spans(matches_at(pattern, text, starts)) == _spans(pattern.finditer(text))
    # A lookbehind still sees the text before the start it is tried at.
    behind = re.compile(r"(?<!\d)May")
    assert [m.start() for m in matches_at(behind, "1May May", [1, 5])] == [5]


def test_the_written_date_rules_match_as_a_full_scan_would() -> None:
    pieces = ["Friday,", "Fri.", "Tue", "the", "3", "12th", "of", "May", "Aug.", "AUG",
              "2025", "mid", "early", "-", "late", "Sept", "x5", "amid", "June", ",", "\n"]
    rng = random.Random(7)
    texts = ["On Friday, Aug. 15, 2025, and on Sat. 16 of August 2025, early-March 2024",
             "the 3rd of May 2021; yearly June 2020; 5the 3 May 2020"]
    texts += [" ".join(rng.choice(pieces) for _ in range(14)) for _ in range(400)]
    for text in texts:
        for (pattern, _), starts in zip(_RULES, _rule_starts(text), strict=True):
            if starts is not None:
                assert _spans(matches_at(pattern, text, starts)) == \
                    _spans(pattern.finditer(text)), text


def test_find_dates_reads_a_weekday_led_date_whole() -> None:
    found = find_dates("The talks ended on Friday, Aug. 15, 2025 in Alaska.", None)
    assert [(d.ref.value, d.ref.text) for d in found if d.ref] == \
        [("2025-08-15", "Friday, Aug. 15, 2025")]
