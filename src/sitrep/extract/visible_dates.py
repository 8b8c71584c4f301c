"""Find the date a reader sees next to the headline.

Why: structured data often disagrees with the page. CMSs keep the first draft's date in
``datePublished`` while the byline shows "Updated March 5, 2025", or the reverse; htmldate
then picks from the markup. What the byline under the headline says is what the publisher
presents as the article's date, so a date printed within a short window around the
headline outranks the JSON-LD candidates (only an explicit Open Graph
``article:published_time`` outranks it; measured on the WCXB dev pages: see
bench/extraction.py and from_html._choose_date).
"""

from __future__ import annotations

import re
from datetime import date

__all__ = ["dates_in_text", "headline_date", "labelled_month", "read_day_month_as", "url_date"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
          r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_ORDINAL = r"(?:st|nd|rd|th)?"
_PATTERNS = [
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}){_ORDINAL},?\s+(?P<year>(?:19|20)\d\d)\b",
               re.IGNORECASE),
    re.compile(rf"\b(?P<day>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?{_MONTH},?\s+"
               rf"(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<nmonth>\d\d)-(?P<day>\d\d)\b"),
    re.compile(r"\b(?P<nmonth>\d{1,2})/(?P<day>\d{1,2})/(?P<year>(?:19|20)\d\d)\b"),
    # European day.month.year ("12.12.2025"); "5.3.2025" is read as 5 March.
    re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<nmonth>\d{1,2})\.(?P<year>(?:19|20)\d\d)\b"),
]
# Every pattern above spells its year this way: a text without one holds no date, and
# most texts asked about (windows by a headline, names, lines of a byline) have none.
_YEAR = re.compile(r"(?:19|20)\d\d")
_BEFORE = 250    # characters before the headline that still count as its byline area
_AFTER = 700     # characters after it
# "Updated March 5" is not the publication date: such a date is a last resort.
_UPDATE_LABEL = re.compile(r"(?:updated|modified|revised|reviewed|edited|refreshed)\W{0,3}"
                           r"(?:\w+\W+){0,2}$", re.IGNORECASE)


# A date in the page's address: /2023/10/03/ or /2023/october/03/ (a path, not a query).
_URL_DATE = re.compile(rf"/(?P<year>(?:19|20)\d\d)/(?:(?P<nmonth>\d{{1,2}})|{_MONTH})/"
                       r"(?P<day>\d{1,2})(?:/|$|[-_.])", re.IGNORECASE)


# A month without a day, labelled as the page's date: "Last Updated: June 2022".
_LABELLED_MONTH = re.compile(
    rf"\b(?:published|posted|updated|modified|reviewed|revised|dated?)\b\W{{0,3}}(?:on\s+)?"
    rf"{_MONTH},?\s+(?P<year>(?:19|20)\d\d)\b(?!\s*[-/.]\s*\d)", re.IGNORECASE)


def labelled_month(text: str) -> date | None:
    """The first day of the month a page labels as its date ("Last Updated: June 2022").

    Some publishers (government and reference pages among them) date a page by month
    only; when nothing gives a day, that month is still the page's date, and its first day
    is how a month reads as a calendar day.
    """
    match = _LABELLED_MONTH.search(text)
    if not match:
        return None
    return date(int(match["year"]), _MONTHS[match["month"][:3].lower()], 1)


def url_date(url: str | None) -> date | None:
    """The year/month/day a CMS put in the article's path; None when the path has none."""
    if not url:
        return None
    match = _URL_DATE.search(url.split("?", 1)[0])
    return _day_of(match) if match else None


def read_day_month_as(day: date, known: set[date]) -> date:
    """``day`` read the other way round when only that reading is among ``known`` dates.

    "03/10/2023" is 10 March to an American reader and 3 October to a European one; the
    page's structured data (or its URL) says which the publisher meant.
    """
    if day in known or day.day > 12 or day.day == day.month:
        return day
    swapped = date(day.year, day.day, day.month)
    return swapped if swapped in known else day


def _day_of(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    month = (_MONTHS[groups["month"][:3].lower()] if groups.get("month")
             else int(groups["nmonth"]))
    try:
        return date(int(groups["year"]), month, int(groups["day"]))
    except ValueError:
        return None


def dates_in_text(text: str) -> list[tuple[int, date]]:
    """Every calendar date printed in ``text`` with its offset, in order of appearance."""
    found: list[tuple[int, date]] = []
    if not _YEAR.search(text):
        return found
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if day := _day_of(match):
                found.append((match.start(), day))
    found.sort(key=lambda item: item[0])
    return found


def headline_date(text: str, headline: str | None, *, updated: bool = False) -> date | None:
    """The first date printed just after (else just before) the headline in ``text``.

    A date labelled "Updated" counts only with ``updated=True`` and only when no unlabelled
    one is printed there: the publisher then presents the update as the article's date.
    """
    if not headline:
        return None
    anchor = text.find(" ".join(headline.split()))
    if anchor < 0:
        return None
    end_of_headline = anchor + len(headline)
    window = text[end_of_headline:end_of_headline + _AFTER]
    after = dates_in_text(window)
    for offset, day in after:
        if not _UPDATE_LABEL.search(window[max(0, offset - 30):offset]):
            return day
    start = max(0, anchor - _BEFORE)
    before = [(offset, day) for offset, day in dates_in_text(text[start:anchor])
              if not _UPDATE_LABEL.search(text[max(0, start + offset - 30):start + offset])]
    if before:
        return before[-1][1]
    return after[0][1] if after and updated else None
