"""Which date an event carries: the date expression of its own clause, else none.

The sentences are written for these tests. Unit tests read the clause from surface breaks
(no parse); the pipeline tests run the parser where a model is available and word order
where not, and both must keep a date of another clause off the event.
"""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.analyze import Analyzer
from sitrep.analyze.dates import find_dates, future_cue_before
from sitrep.analyze.event_dates import date_for_event, date_for_trigger, trigger_offset
from sitrep.models import Article, DateRef, Event

WED = date(2025, 8, 13)


def _surface(sentence: str, trigger: str) -> DateRef | None:
    at = sentence.index(trigger)
    return date_for_event(find_dates(sentence, WED), sentence, 0, len(sentence), at,
                          at + len(trigger))


# --- trigger offsets ----------------------------------------------------------------------


def test_trigger_offset_finds_whole_words_and_walks_on() -> None:
    sentence = "Rebels raided a depot and raided a village."
    first = trigger_offset(sentence, "raided")
    assert first == sentence.index("raided")
    assert trigger_offset(sentence, "raided", first + 1) == sentence.rindex("raided")
    assert trigger_offset(sentence, "aid") is None  # not inside "raided"
    assert trigger_offset(sentence, "") is None


def test_date_for_trigger_returns_where_to_search_next() -> None:
    text = "Troops shelled the port on Monday. They shelled it again on Friday."
    mentions = find_dates(text, WED)
    second = text.index("They")
    dated, seen = date_for_trigger(mentions, text, (second, len(text)), "shelled", second,
                                   None, 0)
    assert dated is not None and dated.text == "Friday"
    assert seen == text.rindex("shelled")
    assert date_for_trigger(mentions, text, (0, second), "absent", 0, None, 0) == (None, 0)


# --- surface clauses (no parse) -----------------------------------------------------------


def test_a_conjunct_with_a_future_date_does_not_date_the_first_verb() -> None:
    sentence = ("The ruling party has dismissed the petition and says the referendum will "
                "take place as planned in 2028.")
    assert _surface(sentence, "dismissed") is None
    assert _surface(sentence, "take place") == DateRef("2028", "year", "2028")


def test_a_relative_clause_keeps_its_date() -> None:
    sentence = ("The senator, who visited Kabul in March 2019, on Tuesday criticised the "
                "withdrawal plan.")
    dated = _surface(sentence, "criticised")
    assert dated is not None and dated.text == "Tuesday"
    assert _surface(sentence, "visited") == DateRef("2019-03", "month", "March 2019")
    bare = "The senator, who visited Kabul in March 2019, criticised the withdrawal plan."
    assert _surface(bare, "criticised") is None


def test_the_nearest_date_of_the_clause_wins() -> None:
    sentence = "In 2024 the navy intercepted the tanker on Sunday near the strait."
    dated = _surface(sentence, "intercepted")
    assert dated is not None and dated.text == "Sunday"


def test_a_trailing_attribution_is_its_own_clause() -> None:
    sentence = "Militants ambushed a convoy near the border, officials said on Monday."
    assert _surface(sentence, "ambushed") is None
    assert _surface(sentence, "said") is not None


def test_a_past_trigger_refuses_a_date_its_words_put_in_the_future() -> None:
    sentence = "The council approved the budget that is expected to take effect in January 2026."
    assert _surface(sentence, "approved") is None
    assert future_cue_before(sentence, 0, len(sentence))
    assert not future_cue_before("The council approved the budget", 0, 31)


def test_a_dateline_dates_the_report_not_the_event() -> None:
    sentence = "LIMA, Aug 12 (Wire) — Police detained a protest leader."
    assert _surface(sentence, "detained") is None
    dated = "LIMA, Aug 12 (Wire) — Police detained a protest leader on Monday."
    result = _surface(dated, "detained")
    assert result == DateRef("2025-08-11", "day", "Monday")


def test_background_and_asides_stay_excluded() -> None:
    sentence = "Exports resumed on Monday (the first since 2019) after talks in May."
    dated = _surface(sentence, "resumed")
    assert dated is not None and dated.text == "Monday"
    assert _surface("Fighting has raged since 2014.", "raged") is None


def test_no_trigger_offset_gives_no_date() -> None:
    sentence = "Troops withdrew on Friday."
    assert date_for_event(find_dates(sentence, WED), sentence, 0, len(sentence), None,
                          None) is None


# --- through the pipeline (parse where a model is available) ------------------------------


def _events(analyzer: Analyzer, text: str) -> list[Event]:
    article = Article(origin="test", text=text, published=WED)
    return analyzer.analyze(article).events


def _date_of(events: list[Event], trigger: str) -> DateRef | None:
    chosen = [e for e in events if e.trigger == trigger]
    assert chosen, f"no event triggered by {trigger!r}: {[e.trigger for e in events]}"
    return chosen[0].date


@pytest.fixture(params=["analyzer", "rule_analyzer"])
def any_analyzer(request: pytest.FixtureRequest) -> Analyzer:
    analyzer: Analyzer = request.getfixturevalue(request.param)
    return analyzer


def test_pipeline_keeps_a_future_conjunct_date_off_the_rejection(
        any_analyzer: Analyzer) -> None:
    events = _events(any_analyzer, "The Hungarian government has rejected the EU demand and "
                                   "says the vote will be held as planned in 2028.")
    assert _date_of(events, "rejected") is None


def test_pipeline_keeps_a_relative_clause_date_off_the_main_verb(
        any_analyzer: Analyzer) -> None:
    events = _events(any_analyzer, "Emmanuel Macron, who met Vladimir Putin at Versailles in "
                                   "2017, has accused the Kremlin of sabotaging the talks.")
    assert _date_of(events, "accused") is None


def test_pipeline_dates_the_clause_verb_with_its_weekday(any_analyzer: Analyzer) -> None:
    events = _events(any_analyzer, "KYIV, Aug 13 (Wire) — Russian forces shelled Kharkiv on "
                                   "Tuesday, and Ukraine said it would retaliate in "
                                   "September.")
    assert _date_of(events, "shelled") == DateRef("2025-08-12", "day", "Tuesday")


def test_parsed_conjuncts_and_participles_share_their_clause_date(
        parsed_analyzer: Analyzer) -> None:
    events = _events(parsed_analyzer, "Police in Lagos arrested the activist on Monday and "
                                      "seized his phone, the rights group said.")
    assert _date_of(events, "arrested") == DateRef("2025-08-11", "day", "Monday")
    assert _date_of(events, "seized") == DateRef("2025-08-11", "day", "Monday")
    events = _events(parsed_analyzer, "Israeli aircraft bombed a house in Rafah on Sunday, "
                                      "killing four people, medics said.")
    assert _date_of(events, "killing") == DateRef("2025-08-10", "day", "Sunday")


def test_parsed_statements_date_intentions_but_not_reported_deeds(
        parsed_analyzer: Analyzer) -> None:
    events = _events(parsed_analyzer, "Olaf Scholz said on Monday that Germany would send more "
                                      "air defence systems to Ukraine.")
    assert _date_of(events, "send") == DateRef("2025-08-11", "day", "Monday")
    events = _events(parsed_analyzer, "The Sudanese army said on Monday that its troops "
                                      "attacked RSF positions near El Fasher.")
    assert _date_of(events, "attacked") is None


def test_parsed_noun_keeps_its_own_year(parsed_analyzer: Analyzer) -> None:
    events = _events(parsed_analyzer, "Kenyan police fired tear gas at protesters who "
                                      "marked the 2024 demonstrations against the tax bill.")
    assert _date_of(events, "fired") is None
    assert _date_of(events, "demonstrations") == DateRef("2024", "year", "2024")
