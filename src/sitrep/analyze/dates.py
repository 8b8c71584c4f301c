"""Dates: strict parsing of user/document dates, and temporal expressions in article text.

Two jobs with different tempers:

* ``parse_date`` is strict. A date given on the command line or in a feed header either
  parses in one of the forms listed there or raises ``InvalidDate`` naming the input, so a
  typo never silently becomes "no date".
* ``find_dates`` is forgiving recognition in running text. Every temporal expression is
  normalised against the publication date (``DateRef``: ISO value plus precision). What
  cannot be anchored (a weekday without a publication date) is skipped rather than guessed,
  because a wrong date on an event is worse than none.

Which occurrence a weekday or a bare month means is decided from the clause around it:
the nearest tense cue (``will``, ``is set to``, ``expected``, ``could be`` ... versus past
verbs and ``ago``; "last Friday" and "next Friday" say it themselves). Without a cue a
weekday is taken as the most recent one (news mostly reports what happened; AP style names
the weekday even for the publication day), and a day or month without a year as the
nearest one to the publication date.

Month and weekday names come from ``dateutil``'s ``parserinfo`` tables rather than a
hand-written list; recognition is regular expressions, which keeps ``find_dates`` at many
thousands of sentences per second.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from email.utils import parsedate_to_datetime

from dateutil import parser as dateutil_parser

from sitrep.analyze.date_tense import Tense, clause_tense, future_cue_before
from sitrep.analyze.match_starts import (
    NameStarts,
    Needle,
    lowered,
    matches_at,
    word_starts,
    words_before,
)
from sitrep.errors import InvalidDate
from sitrep.models import DateRef, Precision

__all__ = ["BACKGROUND_PREPOSITIONS", "DateMention", "date_for_span", "find_dates",
           "future_cue_before", "parse_date"]

_INFO = dateutil_parser.parserinfo()


def _alternation(names: Sequence[str]) -> str:
    """A regex alternation that tries longer names first ("Sept" before "Sep"), in the same
    order in every process (a set's order follows the string hash seed)."""
    return "|".join(re.escape(n) for n in sorted(set(names), key=lambda n: (-len(n), n)))


_FULL_MONTHS = [forms[-1] for forms in _INFO.MONTHS]
_ABBR_MONTHS = [f for forms in _INFO.MONTHS for f in forms[:-1] if f != "May"]
# Datelines write months in capitals ("AUG. 13, 2025"); only with a day number, below.
_UPPER_MONTHS = [f.upper() for forms in _INFO.MONTHS for f in forms]
# Abbreviations may carry a full stop ("Feb. 24"); the dot belongs to the expression.
_MONTH = (rf"(?:{_alternation(_FULL_MONTHS)}|(?:{_alternation(_ABBR_MONTHS)})\.?"
          rf"|(?:{_alternation(_UPPER_MONTHS)})\.?)(?![a-zA-Z])")
_FULL_MONTH = rf"(?:{_alternation(_FULL_MONTHS)})\b"
_WEEKDAY_NAMES = [forms[-1] for forms in _INFO.WEEKDAYS]
_WEEKDAY = rf"(?:{_alternation(_WEEKDAY_NAMES)})"
# A weekday opening a written date: "Friday, ", "Fri. ", "Tue., " (the full stop after
# every abbreviation, not only the alternation's last).
_WEEKDAY_OPT = rf"(?:(?:{_WEEKDAY}|(?:{_alternation([f[0] for f in _INFO.WEEKDAYS])})\.?),?\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR_TAIL = r"(?:,?\s+(?P<year>(?:1[0-9]|20|21)\d\d))?(?![\d,]\d)"

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}

# --- strict parsing ---------------------------------------------------------------------

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}.*")
_RFC2822 = re.compile(r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{2}:\d{2}.*")
_WRITTEN_MDY = re.compile(rf"{_WEEKDAY_OPT}(?P<mon>{_MONTH})\s+{_DAY},?\s+(?P<year>\d{{4}})")
_WRITTEN_DMY = re.compile(
    rf"{_WEEKDAY_OPT}{_DAY}\s+(?:of\s+)?(?P<mon>{_MONTH}),?\s+(?P<year>\d{{4}})")


def parse_date(value: str, where: str = "date") -> date:
    """Parse a date given by a user or a document header; raise ``InvalidDate`` otherwise.

    Accepted: ``YYYY-MM-DD``; ISO datetimes with ``Z`` or an offset (the calendar date as
    written, not converted to UTC, because that is the date the publisher meant); RFC 2822
    as in RSS (``Wed, 13 Aug 2025 10:00:00 +0000``); written dates ``August 13, 2025``,
    ``Aug. 13, 2025``, ``13 Aug 2025``, optionally after a weekday. Nothing fuzzier: a
    value in any other shape is an error the user should see.
    """
    text = " ".join(value.split())
    try:
        if _ISO_DATE.fullmatch(text):
            return date.fromisoformat(text)
        if _ISO_DATETIME.fullmatch(text):
            return dateutil_parser.isoparse(text).date()
        if _RFC2822.fullmatch(text):
            return parsedate_to_datetime(text).date()
        written = _WRITTEN_MDY.fullmatch(text) or _WRITTEN_DMY.fullmatch(text)
        if written:
            month = _month_number(written["mon"])
            return date(int(written["year"]), month, int(written["day"]))
    except (ValueError, TypeError, OverflowError) as exc:
        raise InvalidDate(value, where) from exc
    raise InvalidDate(value, where)


def _month_number(name: str) -> int:
    number = _INFO.month(name.rstrip("."))
    if number is None:  # the regex only lets month names through; this guards the table
        raise ValueError(f"not a month name: {name!r}")
    return int(number)


# --- recognition in text ----------------------------------------------------------------


@dataclass(frozen=True)
class DateMention:
    """A temporal expression found in text: ``text[start:end]`` normalised to ``ref``.

    ``preposition`` is the word that introduced it ("in", "on", "since"), lower-cased, or
    None; ``date_for_span`` uses it to tell an event's date from background ("since 2014").
    ``aside`` is true inside parentheses or brackets ("his first term (2017-2021)"): an
    aside glosses a word, it does not date the sentence's event.
    """

    start: int
    end: int
    ref: DateRef
    preposition: str | None = None
    aside: bool = False


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _day_ref(day: date, text: str) -> DateRef:
    return DateRef(day.isoformat(), "day", text)


def _week_ref(day: date, text: str) -> DateRef:
    return DateRef(_monday(day).isoformat(), "week", text)


def _month_ref(year: int, month: int, text: str) -> DateRef:
    return DateRef(f"{year:04d}-{month:02d}", "month", text)


def _year_ref(year: int, text: str) -> DateRef:
    return DateRef(f"{year:04d}", "year", text)


def _pick_day(candidates: list[date], published: date, tense: Tense | None) -> date | None:
    """Choose among the same day-of-year in neighbouring years by tense, else nearest."""
    if tense == "past":
        before = [c for c in candidates if c <= published]
        return max(before) if before else None
    if tense == "future":
        after = [c for c in candidates if c >= published]
        return min(after) if after else None
    return min(candidates, key=lambda c: (abs((c - published).days), c < published),
               default=None)


def _day_without_year(month: int, day: int, published: date, tense: Tense | None) -> date | None:
    candidates = []
    for year in range(published.year - 4, published.year + 5):  # a leap day may be 4 away
        try:
            candidates.append(date(year, month, day))
        except ValueError:  # Feb 29 outside leap years, "April 31"
            continue
    return _pick_day(candidates, published, tense)


def _month_without_year(month: int, published: date, tense: Tense | None,
                        modifier: str) -> tuple[int, int]:
    """Year of a bare month name: "last"/past -> most recent, "next"/future -> coming."""
    this_year = published.year
    if modifier == "last":
        return (this_year if month < published.month else this_year - 1), month
    if modifier == "next":
        return (this_year if month > published.month else this_year + 1), month
    if modifier == "this":
        return this_year, month
    if tense == "past":
        return (this_year if month <= published.month else this_year - 1), month
    if tense == "future":
        return (this_year if month >= published.month else this_year + 1), month
    gap = month - published.month
    if gap > 6:
        return this_year - 1, month
    if gap < -6:
        return this_year + 1, month
    return this_year, month


def _weekday_date(weekday: int, published: date, modifier: str, tense: Tense | None) -> date:
    """Resolve a weekday name. Future/"next": the coming one, strictly after publication.
    Past/"last": the most recent one ("last" excludes the publication day itself, a bare
    past weekday includes it, as wire copy names today's weekday). "this" with no cue:
    the nearer one."""
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7 or 7
    if modifier == "next" or (modifier != "last" and tense == "future"):
        return published + timedelta(days=ahead)
    if modifier == "last":
        return published - timedelta(days=back or 7)
    if modifier == "this" and tense is None and ahead < back:
        return published + timedelta(days=ahead)
    return published - timedelta(days=back)


# Each rule: a pattern and a resolver (match, text, published) -> DateRef | None.
# A resolver that returns None still claims its span, so "Feb 29, 2025" (invalid) does not
# leave "2025" behind as a year.
Resolver = Callable[[re.Match[str], str, date | None], DateRef | None]


def _modifier(word: str | None) -> str:
    """"Last"/"this past" -> "last", "Next" -> "next", "this" -> "this", none -> ""."""
    normal = " ".join((word or "").lower().split())
    return "last" if normal == "this past" else normal


def _resolve_iso(m: re.Match[str], text: str, published: date | None) -> DateRef | None:
    try:
        return _day_ref(date.fromisoformat(m["iso"]), m[0])
    except ValueError:
        return None


def _resolve_written(m: re.Match[str], text: str, published: date | None) -> DateRef | None:
    month, day = _month_number(m["mon"]), int(m["day"])
    if m["year"]:
        try:
            return _day_ref(date(int(m["year"]), month, day), m[0])
        except ValueError:
            return None
    if published is None or not 1 <= day <= 31:
        return None
    found = _day_without_year(month, day, published, clause_tense(text, m.start(), m.end()))
    return _day_ref(found, m[0]) if found else None


def _resolve_month_year(m: re.Match[str], text: str, published: date | None) -> DateRef:
    return _month_ref(int(m["year"]), _month_number(m["mon"]), m[0])


def _resolve_bare_month(m: re.Match[str], text: str, published: date | None) -> DateRef | None:
    if published is None:
        return None
    modifier = _modifier(m["mod"])
    tense = clause_tense(text, m.start(), m.end())
    year, month = _month_without_year(_month_number(m["mon"]), published, tense, modifier)
    return _month_ref(year, month, m[0])


_COUNTED_NOUN = re.compile(
    r"\s+(?:people|persons|men|women|children|troops|soldiers|civilians|refugees|migrants"
    r"|casualties|dead|deaths|votes|voters|metres|meters|km|kilometres|kilometers|miles"
    r"|tons|tonnes|dollars|euros|cases|units|rounds|shells|drones|missiles|homes|houses"
    r"|residents|workers|prisoners|hostages|members|times|feet|pages|words)\b"
)
# Words before a number that make it a count or a label rather than a year.
_NOT_A_YEAR_BEFORE = re.compile(
    r"(?i)\b(?:about|around|nearly|almost|some|over|than|least|approximately|roughly|up to"
    r"|No\.|number|page|pages|flight|route|code|model|section|article|paragraph|chapter"
    r"|resolution|rule|item|clause|room|line|bus|highway|platform|gate|unit|class)\s*$"
)


def _resolve_year(m: re.Match[str], text: str, published: date | None) -> DateRef | None:
    if _COUNTED_NOUN.match(text, m.end()) or _NOT_A_YEAR_BEFORE.search(
            text, max(0, m.start() - 30), m.start()):
        return None
    return _year_ref(int(m["year"]), m[0])


def _resolve_relative_day(m: re.Match[str], text: str, published: date | None) -> DateRef | None:
    if published is None:
        return None
    phrase = m[0].lower()
    if "before yesterday" in phrase:
        return _day_ref(published - timedelta(days=2), m[0])
    if "after tomorrow" in phrase:
        return _day_ref(published + timedelta(days=2), m[0])
    if phrase.startswith(("yesterday", "last night")):
        return _day_ref(published - timedelta(days=1), m[0])
    if phrase.startswith("tomorrow"):
        return _day_ref(published + timedelta(days=1), m[0])
    return _day_ref(published, m[0])  # today, tonight, this morning/afternoon/evening


def _resolve_weekday(m: re.Match[str], text: str, published: date | None) -> DateRef | None:
    if published is None:
        return None
    weekday = _INFO.weekday(m["wd"])
    if weekday is None:
        return None
    modifier = _modifier(m["mod"])
    tense = clause_tense(text, m.start(), m.end())
    return _day_ref(_weekday_date(int(weekday), published, modifier, tense), m[0])


def _resolve_period(m: re.Match[str], text: str, published: date | None) -> DateRef | None:
    """this/last/next week|weekend|month|year, with "earlier"/"later"/"early"... in front."""
    if published is None:
        return None
    rel, unit = _modifier(m["rel"]), m["unit"].lower()
    step = {"last": -1, "next": 1}.get(rel, 0)
    if unit == "week":
        return _week_ref(published + timedelta(weeks=step), m[0])
    if unit == "weekend":
        saturday = _monday(published) + timedelta(weeks=step, days=5)
        return _week_ref(saturday, m[0])
    if unit == "month":
        year, month = _shift_month(published.year, published.month, step)
        return _month_ref(year, month, m[0])
    return _year_ref(published.year + step, m[0])


def _resolve_current_period(m: re.Match[str], text: str,
                            published: date | None) -> DateRef | None:
    """"by the end of the year": the week, month or year of publication."""
    if published is None:
        return None
    unit = m["unit"].lower()
    if unit == "week":
        return _week_ref(published, m[0])
    if unit == "month":
        return _month_ref(published.year, published.month, m[0])
    return _year_ref(published.year, m[0])


def _resolve_ago(m: re.Match[str], text: str, published: date | None) -> DateRef | None:
    if published is None:
        return None
    raw = m["n"].lower()
    count = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
    unit = m["unit"].lower()
    if unit == "day":
        return _day_ref(published - timedelta(days=count), m[0])
    if unit == "week":
        return _week_ref(published - timedelta(weeks=count), m[0])
    if unit == "month":
        year, month = _shift_month(published.year, published.month, -count)
        return _month_ref(year, month, m[0])
    if unit == "decade":
        count *= 10
    return _year_ref(published.year - count, m[0])


def _resolve_the_weekend(m: re.Match[str], text: str, published: date | None) -> DateRef | None:
    """"the weekend": the coming one when the clause is future, else the latest past one."""
    if published is None:
        return None
    tense = clause_tense(text, m.start(), m.end())
    step = -1 if tense != "future" and published.weekday() < 5 else 0
    return _week_ref(_monday(published) + timedelta(weeks=step, days=5), m[0])


_NUMBER = rf"(?P<n>\d{{1,3}}|{_alternation(list(_NUMBER_WORDS))})"
_NOT_NAMED_DAY = r"(?<!Good )(?<!Black )(?<!Super )(?<!Bloody )(?<!Holy )(?<!Cyber )(?<!Ash )"
# "in May" / "last December": a bare month needs a word in front that makes it a date, so
# "May" the modal or a surname and "March" the verb are not read as months.
# Weak leads ("of", "to", "and") do not make "May" a month: "spoke to May" is a person.
_MONTH_LEAD = (r"(?:(?<![A-Za-z])(?:in|In|since|Since|until|Until|till|during|During|through"
               r"|before|Before|after|After|early|late|mid|end\s+of|start\s+of|beginning\s+of"
               r"|middle\s+of)[\s-]+"
               r"|(?<![A-Za-z])(?:of|by|from|From|to|and|or|between|Between)\s+(?!May\b)"
               r"|(?=(?:last|next|this|Last|Next|This)\s))")
_MODIFIER = r"(?P<mod>this\s+past|This\s+past|last|next|this|Last|Next|This)"

_RULES: list[tuple[re.Pattern[str], Resolver]] = [
    (re.compile(r"(?<![\d-])(?P<iso>\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
                r"(?:Z|[+-]\d{2}:?\d{2})?)?(?![\d-])"), _resolve_iso),
    (re.compile(rf"{_WEEKDAY_OPT}(?P<mon>{_MONTH})\s+{_DAY}(?:\s*[-–]\s*[0-3]?\d)?(?![\d:%])"
                rf"{_YEAR_TAIL}"), _resolve_written),
    (re.compile(rf"{_WEEKDAY_OPT}(?<![\d.,])(?:the\s+)?{_DAY}(?:\s+of)?\s+(?P<mon>{_MONTH})"
                rf"{_YEAR_TAIL}"), _resolve_written),
    (re.compile(rf"(?:(?:early|mid|late|Early|Mid|Late)[\s-]+)?(?P<mon>{_MONTH}),?\s+(?:of\s+)?"
                r"(?P<year>(?:1[0-9]|20|21)\d\d)(?![\d,]\d)"), _resolve_month_year),
    (re.compile(rf"{_MONTH_LEAD}(?P<expr>(?:{_MODIFIER}\s+)?"
                rf"(?P<mon>{_FULL_MONTH}))(?![\s-]*\d)(?!(?<=May)['’]s)"),
     _resolve_bare_month),
    (re.compile(r"(?<![\w$€£¥#/.,])(?<!\d[-–])(?:(?:early|mid|late|Early|Mid|Late)[\s-])?"
                r"(?P<year>1[89]\d\d|20\d\d|21\d\d)(?![\w%]|['’](?!s\b)|[.,]\d|[-–/]\d\d?\b)"),
     _resolve_year),
    (re.compile(r"(?i)\b(?:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)"
                r"|(?:yesterday|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?"
                r"|today|tonight|last\s+night|this\s+(?:morning|afternoon|evening))\b"),
     _resolve_relative_day),
    (re.compile(rf"\b{_NOT_NAMED_DAY}(?:{_MODIFIER}\s+)?"
                rf"(?P<wd>{_WEEKDAY})(?:['’]s)?(?:\s+(?:morning|afternoon|evening|night))?\b"),
     _resolve_weekday),
    (re.compile(r"(?i)\b(?:(?:earlier|later|early|late|mid|the\s+end\s+of|the\s+start\s+of"
                r"|the\s+beginning\s+of|the\s+middle\s+of)[\s-]+)?"
                r"(?<!the )(?P<rel>this\s+past|this|last|next)\s+"
                r"(?P<unit>week|weekend|month|year)\b"),
     _resolve_period),
    (re.compile(r"(?i)\bthe\s+weekend\b"), _resolve_the_weekend),
    (re.compile(r"(?i)\b(?:the\s+)?(?:end|start|beginning|middle|rest)\s+of\s+the\s+"
                r"(?P<unit>week|month|year)\b"), _resolve_current_period),
    (re.compile(rf"(?i)\b{_NUMBER}\s+(?P<unit>day|week|month|year|decade)s?\s+ago\b"),
     _resolve_ago),
]


# A cheap search that must succeed before a rule's full pattern is worth running: most
# sentences hold no date. Each is a ``Needle`` (see there): a test a match of the rule
# passes, by a scan far cheaper than the rule's (tests/analyze/test_match_starts.py holds
# them against the rules). None: the rule's needle is where its matches can begin (below):
# at a month name, at a year.
_NEEDLES: dict[Resolver, Needle | None] = {
    _resolve_iso: Needle(r"\d{4}-\d\d-", prefilter=r"-\d\d-"),
    _resolve_written: None,
    _resolve_month_year: None,
    _resolve_bare_month: None,
    _resolve_year: None,
    _resolve_relative_day: Needle(
        r"(?i)today|tonight|yesterday|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening)",
        lowered_pattern=r"today|tonight|yesterday|tomorrow|last\s+night"
                        r"|this\s+(?:morning|afternoon|evening)"),
    _resolve_weekday: Needle(_WEEKDAY),
    _resolve_period: Needle(
        r"(?i)(?:this|last|next)\s+(?:past\s+)?(?:week|month|year)",
        lowered_pattern=r"(?:this|last|next)\s+(?:past\s+)?(?:week|month|year)"),
    _resolve_the_weekend: Needle(r"(?i)weekend", words=("weekend",)),
    _resolve_current_period: Needle(r"(?i)of\s+the\s+(?:week|month|year)",
                                    lowered_pattern=r"of\s+the\s+(?:week|month|year)"),
    _resolve_ago: Needle(r"(?i)\bago\b", words=("ago",)),
}


# Where the month rules can begin (so only there are they tried), all found from the month
# names back (words_before): the written dates at a weekday name ("Friday, " may open
# them), at the month, or at one of the three words before it ("the 12th of May", a day
# or "the" glued to a longer word included: they have no lookbehind); "mid-March 2024" at
# the month or at "early"/"mid"/"late" before it; the bare month at one of the four words
# before it ("the end of this past", "in"), or at its modifier glued to a longer word (its
# lookahead branch has no lookbehind). The year rule begins at its year, or 4 to 6
# characters before it at "mid-", "late " or "early ": a year inside a run of digits is
# none (its lookbehind), so the years a plain scan finds are all there are.
_MONTH_STARTS = NameStarts(_MONTH, _FULL_MONTHS + _ABBR_MONTHS + _UPPER_MONTHS)
_WEEKDAY_STARTS = NameStarts(_WEEKDAY_OPT.removesuffix("?"),
                             [f for forms in _INFO.WEEKDAYS for f in forms])
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_YEAR_DIGITS = re.compile(r"(?:1[89]|2[01])\d\d")
_YEAR_RULE = next(i for i, (_, resolve) in enumerate(_RULES) if resolve is _resolve_year)


# Case-blind rules tried only at the words they must hold and at the few words before one
# (found in the lower-cased text, which is the text's length; words_before): "the day
# before yesterday", "last night"; "the beginning of this past year"; "12 days ago" (whose
# number may be digits).
_ANCHORED: dict[Resolver, tuple[tuple[str, ...], int, bool]] = {
    _resolve_relative_day: (("today", "tonight", "yesterday", "tomorrow", "night", "morning",
                             "afternoon", "evening"), 3, False),
    _resolve_period: (("week", "month", "year"), 5, False),
    _resolve_ago: (("ago",), 2, True),
}


def _anchored_starts(low: str, words: tuple[str, ...], before: int, digits: bool) -> list[int]:
    """Where an ``_ANCHORED`` rule's matches can begin in ``low`` (``lowered(text)``)."""
    return [s for at in word_starts(low, words)
            for s in (at, *words_before(low, at, before, _LETTERS, digits=digits))]


def _year_starts(text: str) -> list[int]:
    """Where the year rule's matches can begin (tests/analyze/test_match_starts.py)."""
    return [s - back for m in _YEAR_DIGITS.finditer(text) for s in (m.start(),)
            for back in (0, 4, 5, 6) if s >= back]


def _rule_starts(text: str, months: list[int] | None = None) -> list[list[int] | None]:
    """Per rule of ``_RULES``, in its order, the positions its matches can begin at (None:
    try all); ``months`` is ``_MONTH_STARTS(text)`` where known.
    tests/analyze/test_match_starts.py holds each against a full scan."""
    months = _MONTH_STARTS(text) if months is None else months
    weekdays = _WEEKDAY_STARTS(text)
    return [None, months + weekdays,
            weekdays + [s for at in months
                        for s in words_before(text, at, 3, _LETTERS, (1, 2, 3, 4), True)],
            months + [s for at in months for s in words_before(text, at, 1, _LETTERS, (3, 4, 5))],
            [s for at in months for s in words_before(text, at, 4, _LETTERS, (4,))]] + \
        [None] * (len(_RULES) - 5)


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """Every temporal expression in ``text``, in order, normalised against ``published``.

    Overlapping matches are settled longest first ("Friday, Aug. 15, 2025" is one day, not
    a weekday plus a year). Prepositions are not part of the span ("in 2018" -> "2018"),
    but modifiers that change the meaning are ("last Friday", "earlier this week").
    Without ``published`` only expressions that carry their own year resolve.
    """
    claims: list[tuple[int, int, DateRef | None]] = []
    low = lowered(text)
    months = _MONTH_STARTS(text)  # every month rule's match holds a month name
    rule_starts: list[list[int] | None] | None = None
    for number, (pattern, resolve) in enumerate(_RULES):
        starts: list[int] | None = None
        if number == _YEAR_RULE:
            starts = _year_starts(text)
            if not starts:
                continue
        elif (needle := _NEEDLES[resolve]) is None:  # a month rule: it holds a month name
            if not months:
                continue
            rule_starts = rule_starts or _rule_starts(text, months)
            starts = rule_starts[number]
        elif low is not None and resolve in _ANCHORED:  # its starts are its needle
            starts = _anchored_starts(low, *_ANCHORED[resolve])
            if not starts:
                continue
        elif not needle.found(text, low):
            continue
        for m in pattern.finditer(text) if starts is None else \
                matches_at(pattern, text, starts):
            start = m.start("expr") if "expr" in pattern.groupindex else m.start()
            ref = resolve(m, text, published)
            if ref is not None and start != m.start():
                ref = DateRef(ref.value, ref.precision, text[start:m.end()])
            claims.append((start, m.end(), ref))
    claims.sort(key=lambda c: (c[0] - c[1], c[0]))
    taken: list[tuple[int, int, DateRef | None]] = []
    for start, end, ref in claims:
        if all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, ref))
    return sorted((DateMention(s, e, r, _preposition_before(text, s), _in_brackets(text, s, e))
                   for s, e, r in taken if r is not None), key=lambda d: d.start)


_ASIDE_WINDOW = 80


def _in_brackets(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` sits inside a (...) or [...] aside that opens and closes
    within the same stretch of text (a stray bracket far away does not count)."""
    before = text[max(0, start - _ASIDE_WINDOW):start]
    after = text[end:end + _ASIDE_WINDOW]
    for opening, closing in (("(", ")"), ("[", "]")):
        opened = before.rfind(opening)
        if opened < 0 or before.rfind(closing) > opened or "\n" in before[opened:]:
            continue
        closed = after.find(closing)
        if closed >= 0 and opening not in after[:closed] and "\n" not in after[:closed]:
            return True
    return False


_PREPOSITION_BEFORE = re.compile(
    r"(?i)\b(?P<word>in|on|at|by|since|until|till|before|after|from|during|through|of|for"
    r"|between|to|as\s+of)\s+(?:(?:the|their|its|his|her|our|a|an|late|early|mid)[\s-]+)?$")


def _preposition_before(text: str, start: int) -> str | None:
    found = _PREPOSITION_BEFORE.search(text, max(0, start - 20), start)
    return " ".join(found["word"].lower().split()) if found else None


_PRECISION_RANK: dict[Precision, int] = {"day": 0, "week": 1, "month": 2, "year": 3}
BACKGROUND_PREPOSITIONS = frozenset({"since", "until", "till", "before", "after", "from",
                                     "between"})
"""A date after these bounds a period or orders events ("the first talks since 2018");
it is not when the sentence's event happened."""


def date_for_span(mentions: Sequence[DateMention], start: int, end: int) -> DateRef | None:
    """The date an event in ``text[start:end]`` carries: among the mentions inside the span
    that are not background ("since the February 2022 invasion"), the first one with the
    finest precision (a day beats a week beats a month beats a year).

    Finest-first because a sentence that names a day and a year mostly dates its event
    with the day; the year is context. ``None`` when the span holds no usable date: the
    pipeline may fall back to the publication date, which is its call, not this one's.
    """
    inside = [m for m in mentions if m.start >= start and m.end <= end
              and m.preposition not in BACKGROUND_PREPOSITIONS and not m.aside]
    if not inside:
        return None
    best = min(inside, key=lambda m: (_PRECISION_RANK[m.ref.precision], m.start))
    return best.ref
