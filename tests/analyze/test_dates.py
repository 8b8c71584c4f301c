"""Dates: strict parsing, and temporal expressions normalised against a publication date.

Every sentence here was written for this project. Publication dates vary on purpose
(mid-week, year boundaries, leap years) so the rules are tested, not one calendar.
"""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.analyze.dates import DateMention, date_for_span, find_dates, parse_date
from sitrep.errors import InvalidDate
from sitrep.models import DateRef

WED_2025_08_13 = date(2025, 8, 13)


def refs(text: str, published: date | None) -> list[tuple[str, str, str]]:
    """(matched text, value, precision) for each mention, checking the offsets on the way."""
    found = find_dates(text, published)
    for mention in found:
        assert text[mention.start:mention.end] == mention.ref.text
    return [(m.ref.text, m.ref.value, m.ref.precision) for m in found]


# --- parse_date ------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "expected"), [
    ("2025-08-13", date(2025, 8, 13)),
    ("  2024-02-29 ", date(2024, 2, 29)),
    ("2025-08-13T10:00:00Z", date(2025, 8, 13)),
    ("2025-08-13T23:30:00-05:00", date(2025, 8, 13)),
    ("2025-08-13 08:15:00.250+02:00", date(2025, 8, 13)),
    ("Wed, 13 Aug 2025 10:00:00 +0000", date(2025, 8, 13)),
    ("13 Aug 2025 10:00:00 GMT", date(2025, 8, 13)),
    ("August 13, 2025", date(2025, 8, 13)),
    ("Aug. 13, 2025", date(2025, 8, 13)),
    ("Sept 3, 2024", date(2024, 9, 3)),
    ("13 Aug 2025", date(2025, 8, 13)),
    ("13 August 2025", date(2025, 8, 13)),
    ("Wednesday, August 13, 2025", date(2025, 8, 13)),
    ("1st of March 2023", date(2023, 3, 1)),
])
def test_parse_date_accepts_the_documented_forms(value: str, expected: date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", [
    "", "yesterday", "2025-02-30", "2023-02-29", "13/08/2025", "2025/08/13", "August 2025",
    "Smarch 13, 2025", "August 32, 2025", "2025-8-13", "next Friday",
])
def test_parse_date_rejects_anything_else_naming_the_input(value: str) -> None:
    with pytest.raises(InvalidDate) as caught:
        parse_date(value, where="--since")
    assert caught.value.value == value
    assert caught.value.where == "--since"
    assert "--since" in str(caught.value)


# --- weekdays and tense -------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "value"), [
    # future cues -> the coming weekday, strictly after publication
    ("The two presidents are set to meet in Alaska on Friday.", "2025-08-15"),
    ("Negotiators will reconvene on Monday.", "2025-08-18"),
    ("The envoys are to travel to the capital on Tuesday.", "2025-08-19"),
    ("The minister plans to visit the border on Wednesday.", "2025-08-20"),
    ("A vote is expected on Thursday.", "2025-08-14"),
    ("The summit is scheduled for Saturday.", "2025-08-16"),
    ("On Sunday, the delegation will fly home.", "2025-08-17"),
    ("He said on Monday that the ministers would meet again on Friday.", "2025-08-15"),
    # past tense -> the most recent one; the publication weekday itself counts as today
    ("The ceasefire collapsed on Sunday.", "2025-08-10"),
    ("Officials said on Wednesday that the talks had stalled.", "2025-08-13"),
    ("The two leaders spoke by phone on Thursday.", "2025-08-07"),
    # explicit modifiers win over tense
    ("Last Friday the delegation left the city.", "2025-08-08"),
    ("They met last Wednesday.", "2025-08-06"),
    ("They meet again next Wednesday.", "2025-08-20"),
    ("The report will be published next Monday.", "2025-08-18"),
])
def test_weekdays_follow_tense_and_modifiers(sentence: str, value: str) -> None:
    found = refs(sentence, WED_2025_08_13)
    weekdays = [f for f in found if f[2] == "day"]
    assert [v for _, v, _ in weekdays][-1] == value


@pytest.mark.parametrize(("sentence", "published", "value"), [
    ("The strike hit the depot on Friday.", date(2024, 1, 1), "2023-12-29"),
    ("The parliament will vote on Tuesday.", date(2024, 12, 30), "2024-12-31"),
    ("The parliament will vote on Thursday.", date(2024, 12, 30), "2025-01-02"),
    ("The envoy arrived on Thursday.", date(2024, 3, 1), "2024-02-29"),
    ("The leaders will meet on Friday.", date(2025, 8, 15), "2025-08-22"),
    ("The leaders met on Friday.", date(2025, 8, 15), "2025-08-15"),
])
def test_weekdays_across_month_and_year_boundaries(sentence: str, published: date,
                                                   value: str) -> None:
    assert [v for _, v, _ in refs(sentence, published)] == [value]


def test_two_weekdays_in_one_sentence_take_their_own_clause() -> None:
    text = "The foreign minister said on Tuesday that the summit will open on Friday."
    assert refs(text, WED_2025_08_13) == [
        ("Tuesday", "2025-08-12", "day"), ("Friday", "2025-08-15", "day")]


def test_named_days_and_possessives() -> None:
    text = "Friday's meeting follows a Good Friday service; markets fell on Black Monday."
    found = refs(text, WED_2025_08_13)
    assert [f[0] for f in found] == ["Friday's"]


# --- relative days, weeks, months, years ------------------------------------------------

@pytest.mark.parametrize(("phrase", "published", "value", "precision"), [
    ("today", WED_2025_08_13, "2025-08-13", "day"),
    ("Today", WED_2025_08_13, "2025-08-13", "day"),
    ("tonight", WED_2025_08_13, "2025-08-13", "day"),
    ("this morning", WED_2025_08_13, "2025-08-13", "day"),
    ("yesterday", date(2025, 1, 1), "2024-12-31", "day"),
    ("yesterday afternoon", WED_2025_08_13, "2025-08-12", "day"),
    ("last night", date(2024, 3, 1), "2024-02-29", "day"),
    ("tomorrow", date(2024, 2, 28), "2024-02-29", "day"),
    ("tomorrow", date(2023, 2, 28), "2023-03-01", "day"),
    ("the day before yesterday", WED_2025_08_13, "2025-08-11", "day"),
    ("this week", WED_2025_08_13, "2025-08-11", "week"),
    ("earlier this week", WED_2025_08_13, "2025-08-11", "week"),
    ("later this week", date(2025, 8, 17), "2025-08-11", "week"),
    ("last week", date(2025, 1, 2), "2024-12-23", "week"),
    ("next week", date(2024, 12, 31), "2025-01-06", "week"),
    ("this month", WED_2025_08_13, "2025-08", "month"),
    ("earlier this month", WED_2025_08_13, "2025-08", "month"),
    ("later this month", WED_2025_08_13, "2025-08", "month"),
    ("last month", date(2025, 1, 15), "2024-12", "month"),
    ("next month", date(2025, 12, 3), "2026-01", "month"),
    ("early next month", WED_2025_08_13, "2025-09", "month"),
    ("last year", WED_2025_08_13, "2024", "year"),
    ("next year", WED_2025_08_13, "2026", "year"),
    ("earlier this year", WED_2025_08_13, "2025", "year"),
    ("three years ago", WED_2025_08_13, "2022", "year"),
    ("a decade ago", WED_2025_08_13, "2015", "year"),
    ("the end of the year", WED_2025_08_13, "2025", "year"),
    ("two months ago", date(2025, 1, 20), "2024-11", "month"),
    ("two weeks ago", WED_2025_08_13, "2025-07-28", "week"),
    ("five days ago", date(2024, 3, 3), "2024-02-27", "day"),
])
def test_relative_expressions(phrase: str, published: date, value: str,
                              precision: str) -> None:
    text = f"The officials said {phrase} that the talks continue."
    assert refs(text, published) == [(phrase, value, precision)]


def test_the_weekend_past_and_future() -> None:
    past = "Drones struck the port over the weekend."
    future = "More talks will take place at the weekend."
    assert refs(past, WED_2025_08_13) == [("the weekend", "2025-08-04", "week")]
    assert refs(future, WED_2025_08_13) == [("the weekend", "2025-08-11", "week")]
    assert refs("Protesters gathered this weekend.", date(2025, 8, 17)) == [
        ("this weekend", "2025-08-11", "week")]


# --- explicit dates -----------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "expected"), [
    ("since the February 2022 full-scale invasion", [("February 2022", "2022-02", "month")]),
    ("in February 2022", [("February 2022", "2022-02", "month")]),
    ("in early March 2014", [("early March 2014", "2014-03", "month")]),
    ("on February 24, 2022,", [("February 24, 2022", "2022-02-24", "day")]),
    ("on 24 February 2022", [("24 February 2022", "2022-02-24", "day")]),
    ("on the 24th of February 2022", [("the 24th of February 2022", "2022-02-24", "day")]),
    ("Friday, Aug. 15, 2025, was chosen", [("Friday, Aug. 15, 2025", "2025-08-15", "day")]),
    ("their 2018 Helsinki summit", [("2018", "2018", "year")]),
    ("in 2018", [("2018", "2018", "year")]),
    ("by mid-2024", [("mid-2024", "2024", "year")]),
    ("dated 2025-08-13 in the file", [("2025-08-13", "2025-08-13", "day")]),
    ("stamped 2025-08-13T09:30:00Z", [("2025-08-13T09:30:00Z", "2025-08-13", "day")]),
    ("his first term (2017–2021)", [("2017", "2017", "year")]),
    ("AUG. 13, 2025 — The ministry said", [("AUG. 13, 2025", "2025-08-13", "day")]),
])
def test_absolute_dates(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert refs(sentence, WED_2025_08_13) == expected
    assert refs(sentence, None) == expected  # they carry their own year


@pytest.mark.parametrize(("sentence", "published", "value"), [
    ("The anniversary fell on Feb. 24.", WED_2025_08_13, "2025-02-24"),
    ("They will meet again on Aug 15.", WED_2025_08_13, "2025-08-15"),
    ("The deadline is Jan. 5.", date(2025, 12, 20), "2026-01-05"),
    ("The strike happened on Dec. 30.", date(2026, 1, 4), "2025-12-30"),
    ("The accord was signed on Feb. 29.", date(2024, 6, 1), "2024-02-29"),
    ("The accord was signed on 29 February.", date(2025, 6, 1), "2024-02-29"),
    ("The treaty was signed on Feb. 29.", date(2027, 6, 1), "2024-02-29"),
    ("The treaty will be signed on Feb. 29.", date(2027, 6, 1), "2028-02-29"),
])
def test_day_and_month_without_year_take_the_sensible_year(
        sentence: str, published: date, value: str) -> None:
    found = refs(sentence, published)
    assert [v for _, v, _ in found] == [value]


@pytest.mark.parametrize(("sentence", "published", "value"), [
    ("The talks collapsed in December.", date(2025, 1, 10), "2024-12"),
    ("The talks will resume in December.", date(2025, 1, 10), "2025-12"),
    ("Elections are due in March.", date(2025, 11, 2), "2026-03"),
    ("The offensive began in March.", date(2025, 11, 2), "2025-03"),
    ("The offensive began last March.", date(2025, 11, 2), "2025-03"),
    ("The accord expires next March.", date(2025, 2, 2), "2025-03"),
    ("The accord expired last December.", date(2025, 12, 20), "2024-12"),
    ("The vote could be delayed until October.", WED_2025_08_13, "2025-10"),
    ("The talks are to be held in October.", WED_2025_08_13, "2025-10"),
    ("The accord was signed in October.", WED_2025_08_13, "2024-10"),
    ("Turnout in May surprised analysts.", date(2025, 6, 1), "2025-05"),
])
def test_bare_months_follow_tense(sentence: str, published: date, value: str) -> None:
    found = refs(sentence, published)
    assert [(v, p) for _, v, p in found] == [(value, "month")]


def test_month_ranges_and_past_modifiers() -> None:
    text = "Talks ran from March to June; the envoys met this past Monday."
    assert refs(text, WED_2025_08_13) == [
        ("March", "2025-03", "month"), ("June", "2025-06", "month"),
        ("this past Monday", "2025-08-11", "day")]
    assert refs("He wrote to May about the vote.", WED_2025_08_13) == []
    assert refs("The 2024's turnout was low.", WED_2025_08_13) == [("2024", "2024", "year")]


# --- what is not a date -------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The clashes displaced 2,018 people.",
    "More than 2000 troops crossed the river.",
    "Nearly 1500 civilians were evacuated.",
    "Violence in the 1990s shaped the region.",
    "Trump may meet Putin.",
    "May God protect the country, the bishop said.",
    "Theresa May said the vote must go ahead.",
    "Thousands march on the capital.",
    "The unit fired 1950 rounds.",
    "Flight 2024 landed safely.",
    "The index rose 2.5% to 2025.50 points.",
    "Section 2025 of the code governs the sale.",
    "The talks are expected to last a while.",
    "During the last year of his term he rarely travelled.",
    "The next month brought no relief.",
])
def test_numbers_and_words_that_are_not_dates(sentence: str) -> None:
    assert refs(sentence, WED_2025_08_13) == []


def test_impossible_days_are_skipped_whole() -> None:
    assert refs("The ceasefire began on Feb. 29, 2025.", WED_2025_08_13) == []
    assert refs("The ceasefire began on April 31.", WED_2025_08_13) == []


def test_without_publication_date_relative_expressions_are_skipped() -> None:
    text = "They met on Friday, yesterday and last week; the deal from 12 March 2021 stands."
    assert refs(text, None) == [("12 March 2021", "2021-03-12", "day")]


def test_offsets_point_into_the_text() -> None:
    text = ("Zelensky said earlier this week that Ukraine would not cede land. The leaders "
            "are set to meet in Alaska on Friday, their first summit since 2018.")
    found = find_dates(text, WED_2025_08_13)
    assert [text[m.start:m.end] for m in found] == ["earlier this week", "Friday", "2018"]
    assert [m.ref.precision for m in found] == ["week", "day", "year"]


# --- date_for_span ------------------------------------------------------------------------

def test_date_for_span_prefers_the_finest_date_in_the_span() -> None:
    text = ("Since the February 2022 invasion, the armies have fought; on Friday the leaders "
            "will meet. Talks resumed last week.")
    mentions = find_dates(text, WED_2025_08_13)
    first_sentence_end = text.index(".") + 1
    chosen = date_for_span(mentions, 0, first_sentence_end)
    assert chosen == DateRef("2025-08-15", "day", "Friday")
    second = date_for_span(mentions, first_sentence_end, len(text))
    assert second is not None and second.precision == "week"
    assert date_for_span(mentions, 0, 5) is None


def test_date_for_span_skips_background_dates() -> None:
    text = ("The meeting, the first since the February 2022 invasion, comes amid criticism. "
            "Russia has held the peninsula since 2014, and talks resumed in 2023.")
    mentions = find_dates(text, WED_2025_08_13)
    assert [m.preposition for m in mentions] == ["since", "since", "in"]
    split = text.index(".") + 1
    assert date_for_span(mentions, 0, split) is None
    assert date_for_span(mentions, split, len(text)) == DateRef("2023", "year", "2023")


def test_date_for_span_on_equal_precision_takes_the_first() -> None:
    mentions = [
        DateMention(10, 14, DateRef("2018", "year", "2018")),
        DateMention(20, 24, DateRef("2019", "year", "2019")),
    ]
    assert date_for_span(mentions, 0, 30) == mentions[0].ref
    assert date_for_span(mentions, 15, 30) == mentions[1].ref


def test_date_for_span_skips_dates_in_brackets() -> None:
    text = ("The senator, who chaired the panel during his first term (2019-2023), "
            "criticised the ministry on Tuesday [corrected March 2024].")
    mentions = find_dates(text, WED_2025_08_13)
    assert [m.aside for m in mentions] == [True, False, True]
    assert date_for_span(mentions, 0, len(text)) == DateRef("2025-08-12", "day", "Tuesday")
    aside_only = "The envoy, in office since a reshuffle (May 2024), spoke by phone."
    assert date_for_span(find_dates(aside_only, WED_2025_08_13), 0, len(aside_only)) is None


def test_a_bracket_far_away_or_unclosed_is_not_an_aside() -> None:
    text = "Talks (the third round) resumed in Geneva in June 2025 after a pause."
    assert [m.aside for m in find_dates(text, WED_2025_08_13)] == [False]
    unclosed = "(Updated) The ministers met in March 2025 and agreed a plan."
    assert [m.aside for m in find_dates(unclosed, WED_2025_08_13)] == [False]


@pytest.mark.parametrize("abbreviation", ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])
def test_every_abbreviated_weekday_with_a_full_stop_opens_a_written_date(
        abbreviation: str) -> None:
    """The full stop follows any abbreviation, not only the one the alternation lists last
    (which was the hash seed's choice, so processes read such dates differently)."""
    text = f"The hearing opens {abbreviation}., Nov. 19, 2019 in the capital."
    (found,) = find_dates(text, date(2025, 8, 13))
    assert text[found.start:found.end] == f"{abbreviation}., Nov. 19, 2019"
    assert found.ref.value == "2019-11-19"
