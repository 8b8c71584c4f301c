"""``matches_at``: finditer's matches, tried only at the given starts; the needles that
tell whether a date rule is worth running."""

from __future__ import annotations

import random
import re

from sitrep.analyze.dates import (
    _ANCHORED,
    _MONTH_STARTS,
    _NEEDLES,
    _RULES,
    _WEEKDAY_STARTS,
    _YEAR_RULE,
    _anchored_starts,
    _rule_starts,
    _year_starts,
    find_dates,
)
from sitrep.analyze.match_starts import NameStarts, lowered, matches_at, word_starts


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
              "2025", "mid", "early", "-", "late", "Sept", "x5", "amid", "June", ",", "\n",
              "bathe", "x12", "\u0663", "1st", "22nd", "Early", "Late", "\t", "  ", "Friday",
              "31", "4th"]
    rng = random.Random(7)
    texts = ["On Friday, Aug. 15, 2025, and on Sat. 16 of August 2025, early-March 2024",
             "the 3rd of May 2021; yearly June 2020; 5the 3 May 2020"]
    texts += [" ".join(rng.choice(pieces) for _ in range(14)) for _ in range(3000)]
    texts += ["".join(rng.choice(pieces) + rng.choice(["", " ", "-"]) for _ in range(10))
              for _ in range(3000)]
    for text in texts:
        for (pattern, _), starts in zip(_RULES, _rule_starts(text), strict=True):
            if starts is not None:
                assert _spans(matches_at(pattern, text, starts)) == \
                    _spans(pattern.finditer(text)), text


def test_find_dates_reads_a_weekday_led_date_whole() -> None:
    found = find_dates("The talks ended on Friday, Aug. 15, 2025 in Alaska.", None)
    assert [(d.ref.value, d.ref.text) for d in found if d.ref] == \
        [("2025-08-15", "Friday, Aug. 15, 2025")]


def test_each_needle_finds_exactly_what_its_full_search_finds() -> None:
    """A needle's cheap tests (words or a pattern in the lower-cased text, a prefilter) only
    ever skip a text its ``(?i)`` pattern finds nothing in; letters that case-insensitive
    matching folds unlike ``str.lower`` (dotless i, long s) make it search the text itself."""
    pieces = ["TODAY", "toNight", "last", "Night", "this", "MORNING", "aftern", "oon", "next",
              "past", "Week", "months", "YEAR", "of", "the", "weekEND", "ago", "AGO", "2025",
              "-08-", "13", "Friday", "K", "\u0130", "\u0131", "\u017f", "\u212a", "yesterday",
              "tomorrow", "evening", "\n", "\t", "\u00a0", "-", "agony", "x"]
    rng = random.Random(11)
    texts = ["sıx weeks AGO", "ſhe left laſt night", "toNİGHT", "2025-08-13", "this\u00a0year"]
    texts += ["".join(rng.choice(pieces) + rng.choice(["", " ", "  "]) for _ in range(10))
              for _ in range(3000)]
    needles = [n for n in _NEEDLES.values() if n is not None]
    for text in texts:
        low = lowered(text)
        for needle in needles:
            assert needle.found(text, low) == (needle.pattern.search(text) is not None), text
    assert lowered("Kılıçdaroğlu") is None and lowered("Tod\u212aY") == "todky"


def test_every_match_of_a_rule_holds_its_needle() -> None:
    text = ("Two weeks ago, on Aug. 13, 2025, last night, this morning, this past year, the "
            "end of the month, the weekend, 2025-08-13T10:00Z, in March, mid-2024, Friday, "
            "13 August 2025, June 2024")
    low = lowered(text)
    for pattern, resolve in _RULES:
        needle = _NEEDLES[resolve]
        assert pattern.search(text) is not None
        if needle is not None:
            assert needle.found(text, low)


def test_the_year_rule_matches_at_its_starts_as_a_full_scan_would() -> None:
    pattern = _RULES[_YEAR_RULE][0]
    pieces = ["2025", "1999", "2101", "12019", "x", "mid", "-", "early", "Late", " ", "$",
              "'s", "’", "20", "19", "9", ".", ",", "–", "/", "5", "%"]
    rng = random.Random(5)
    texts = ["in mid-2024 and early 1999, late 2025's, $2020, 19201999, 2020-21"]
    texts += ["".join(rng.choice(pieces) for _ in range(12)) for _ in range(3000)]
    for text in texts:
        assert _spans(matches_at(pattern, text, _year_starts(text))) == \
            _spans(pattern.finditer(text)), text


def test_name_starts_says_none_at_once_for_a_text_without_the_names() -> None:
    starts = NameStarts(r"(?:Sept|Sep|Mar)\b\.?", ["Sept", "Sep", "Mar"])
    assert starts("Nothing like them here, only Seven Marvels") == []


def test_the_bare_month_rule_matches_at_its_starts_as_a_full_scan_would() -> None:
    pieces = ["in", "In", "since", "early", "mid", "end", "of", "the", "beginning", "this",
              "past", "This", "last", "Next", "xthis", "by", "to", "and", "May", "March",
              "June", "Sept", "AUG", "'s", "’s", "5", "é", "-", " ", "  ", "\n", "\t", ",", "(",
              "x", "Mayor", "Marché"]
    rng = random.Random(13)
    texts = ["in March, since this past May, by the end of June; to May 5; xthis June",
             "the beginning of\n-\tlast March and of May's; 5in March; éin May",
             "at the end of this past March, the middle of\tnext  June"]
    texts += ["".join(rng.choice(pieces) + rng.choice(["", " ", " ", "-"])
                      for _ in range(12)) for _ in range(4000)]
    for text in texts:
        pattern, starts = _RULES[4][0], _rule_starts(text)[4]
        assert starts is not None
        assert _spans(matches_at(pattern, text, starts)) == _spans(pattern.finditer(text)), text


def test_the_anchored_case_blind_rules_match_at_their_starts_as_a_full_scan_would() -> None:
    pieces = ["the", "The", "day", "DAY", "before", "after", "yesterday", "Tomorrow", "today",
              "tonight", "last", "Night", "this", "THIS", "past", "morning", "evening", "next",
              "week", "weekend", "month", "Year", "years", "earlier", "late", "mid", "end",
              "beginning", "of", "K", "\u212a", "é", "-", "x", "5", "12", "\u0663", "ago",
              "Ago", "days", "Two", "decades", "_", "a"]
    rng = random.Random(19)
    texts = ["the day before yesterday, last night; earlier this past week; the end of last "
             "month, mid-next year", "The Beginning Of This Past Year; xthe day after tomorrow",
             "two decades ago, 12 days\tAGO, \u0663 years ago, x5 weeks ago, a  month ago"]
    texts += ["".join(rng.choice(pieces) + rng.choice(["", " ", " ", "-", "\n"])
                      for _ in range(12)) for _ in range(4000)]
    for number, (pattern, resolve) in enumerate(_RULES):
        if resolve not in _ANCHORED:
            continue
        for text in texts:
            low = lowered(text)
            assert low is not None and len(low) == len(text)
            starts = _anchored_starts(low, *_ANCHORED[resolve])
            assert _spans(matches_at(pattern, text, starts)) == \
                _spans(pattern.finditer(text)), (number, text)


def test_name_starts_finds_a_name_that_begins_inside_another() -> None:
    starts = NameStarts(r"(?:JAN|NOV|JANUARY)\b", ["JAN", "NOV", "JANUARY"])
    assert starts("JANOV and JANUARY, NOV JANNOV") == [2, 10, 19, 26]
    assert _MONTH_STARTS("JANOV 5, MAYAUG. 3") == [2, 12]


def test_month_and_weekday_starts_are_every_position_their_pattern_matches_at() -> None:
    pieces = ["JAN", "NOV", "Jan", "January", "MAY", "May", "AUG", "Aug.", "Sept", "SEP",
              "Sat", "Saturday", "Fri.", "Thu", "O", "a", ".", ",", " ", "5", "x", "\n"]
    rng = random.Random(31)
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        for starts in (_MONTH_STARTS, _WEEKDAY_STARTS):
            assert starts(text) == [s for s in range(len(text))
                                    if starts._name.match(text, s)], text
