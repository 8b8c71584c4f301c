"""What a reader sees: one line per reading, refusals never shown as the act refused, the
story's lead first, a timeline that adds to the events section, and formats that agree."""

from __future__ import annotations

import json
from datetime import date

from sitrep.brief import BriefOptions, build_brief, render
from sitrep.brief.build import QuoteItem, status_label
from sitrep.brief.render import WIDTH, quote_text
from sitrep.models import ActorMention, ActorRef, Analysis, Article, DateRef, Event, Quote, Span

HALDEN = ActorRef("Halden", "HLD", "GOV")
ORSK = ActorRef("Orsk", "ORS", "GOV")
RIVERLANDS = ActorRef("Riverlands", "HLD", None)
IVO = ActorRef("Ivo Brann", "HLD", "GOV")

LEAD = "Halden and Orsk are set to sign a border accord in Vantaa on Friday."
DEMAND = "Orsk has demanded that Halden pull its guards back from the river crossings."
REFUSAL = ("Halden said it will not accept Orsk's claim to the crossings and will not pull "
           "its guards out of the Riverlands, where both sides have built new posts.")
TEXT = " ".join([LEAD, DEMAND, REFUSAL])


def _event(sentence: str, etype: str, source: tuple[ActorRef, ...],
           target: tuple[ActorRef, ...] = (), *, trigger: str, negated: bool = False,
           future: bool = False, confidence: float = 0.8, when: DateRef | None = None,
           text: str = TEXT) -> Event:
    start = text.index(sentence)
    return Event(type=etype, mode=None, source=source, target=target, date=when,
                 location=None, negated=negated, future=future, confidence=confidence,
                 sentence=sentence, start=start, end=start + len(sentence), trigger=trigger)


def _article(events: list[Event], *, text: str = TEXT, title: str = "Border talks",
             day: date = date(2026, 4, 7), quotes: list[Quote] | None = None) -> Analysis:
    article = Article(origin=f"{title}.txt", text=text, title=title, published=day)
    actors = [ActorMention("a1", "Halden", "country", "HLD", "GOV", [Span(0, 6, "Halden")]),
              ActorMention("a2", "Orsk", "country", "ORS", "GOV", [Span(11, 15, "Orsk")])]
    return Analysis(article, actors, events, quotes or [])


FRIDAY = DateRef("2026-04-10", "day", "on Friday")
STORY = _article([
    _event(REFUSAL, "REJECT", (HALDEN,), (ORSK,), trigger="accept", future=True),
    _event(REFUSAL, "REJECT", (HALDEN,), trigger="pull", future=True, confidence=0.85),
    _event(REFUSAL, "RETREAT", (HALDEN,), (RIVERLANDS,), trigger="pull", negated=True,
           future=True, confidence=0.7),
    _event(DEMAND, "REQUEST", (ORSK,), (HALDEN,), trigger="demanded", confidence=0.95),
    _event(LEAD, "AGREE", (HALDEN, ORSK), trigger="sign", future=True, when=FRIDAY,
           confidence=0.75),
])


def _heads(analyses: list[Analysis]) -> list[str]:
    """The text brief's bullet lines (actors, event groups, speakers, timeline)."""
    text = render(build_brief(analyses), "text")
    return [line.strip("• ").strip() for line in text.splitlines() if line.startswith("  • ")]


def test_an_untargeted_reading_beside_a_targeted_one_of_the_same_sentence_goes() -> None:
    brief = build_brief([STORY])
    heads = [(g.source, g.target, g.type, g.negated) for g in brief.groups]
    assert ("Halden (HLD GOV)", "—", "REJECT", False) not in heads
    assert ("Halden (HLD GOV)", "Orsk (ORS GOV)", "REJECT", False) in heads
    # The negated RETREAT is another type: it stays, as its own "not" group.
    assert ("Halden (HLD GOV)", "Riverlands (HLD)", "RETREAT", True) in heads
    assert brief.event_types == {"AGREE": 1, "RETREAT": 1, "REQUEST": 1, "REJECT": 1}


def test_an_untargeted_reading_stays_when_nothing_else_says_it() -> None:
    alone = _article([_event(REFUSAL, "REJECT", (HALDEN,), trigger="pull"),
                      _event(DEMAND, "REJECT", (HALDEN,), (ORSK,), trigger="demanded")])
    groups = {(g.target, len(g.items)) for g in build_brief([alone]).groups}
    assert groups == {("—", 1), ("Orsk (ORS GOV)", 1)}


def test_status_labels_cannot_be_misread() -> None:
    assert status_label(negated=True, future=True) == "will not"
    assert status_label(negated=True, future=False) == "did not"
    assert status_label(negated=False, future=True) == "planned"
    assert status_label(negated=False, future=False) is None
    text = render(build_brief([STORY]), "text")
    assert "Halden (HLD GOV) → Riverlands (HLD): not RETREAT" in text
    assert "[will not]" in text and "not, planned" not in text
    assert "Events: AGREE 1, REQUEST 1, REJECT 1; negated: RETREAT 1" in text


def test_negated_and_plain_readings_of_one_pair_are_separate_groups() -> None:
    met = "Halden met Orsk in Vantaa."
    denied = "Halden did not meet Orsk again."
    text = f"{met} {denied}"
    both = _article([_event(met, "CONSULT", (HALDEN,), (ORSK,), trigger="met", text=text),
                     _event(denied, "CONSULT", (HALDEN,), (ORSK,), trigger="meet",
                            negated=True, text=text)], text=text)
    groups = {(g.type, g.negated): len(g.items) for g in build_brief([both]).groups}
    assert groups == {("CONSULT", False): 1, ("CONSULT", True): 1}


def test_the_story_lead_comes_first_among_equally_evidenced_groups() -> None:
    pairs = [h for h in _heads([STORY]) if h.endswith(("AGREE", "REQUEST", "REJECT", "RETREAT"))]
    assert pairs[0] == "Halden (HLD GOV) & Orsk (ORS GOV): AGREE"
    assert pairs[1] == "Orsk (ORS GOV) → Halden (HLD GOV): REQUEST"


def test_more_evidence_outranks_position_and_counts_past_the_item_limit() -> None:
    analyses = [STORY]
    for n in range(3):
        analyses.append(_article([_event(DEMAND, "REQUEST", (ORSK,), (HALDEN,),
                                         trigger="demanded", text=DEMAND + f" Day {n}.")],
                                 text=DEMAND + f" Day {n}.", title=f"Day {n}",
                                 day=date(2026, 4, 8 + n)))
    # The same sentence in four articles is one piece of evidence, not four.
    counts = {g.type: g.count for g in build_brief(analyses).groups}
    assert counts["REQUEST"] == 1
    others = [_article([_event(f"Orsk demanded talks, round {n}.", "REQUEST", (ORSK,),
                               (HALDEN,), trigger="demanded",
                               text=f"Orsk demanded talks, round {n}.")],
                       text=f"Orsk demanded talks, round {n}.", title=f"Round {n}",
                       day=date(2026, 4, 8 + n)) for n in range(5)]
    brief = build_brief([STORY, *others], BriefOptions(max_events_per_group=2))
    top = brief.groups[0]
    assert (top.type, top.count, len(top.items)) == ("REQUEST", 6, 2)
    assert "REQUEST (6 reports)" in render(brief, "text")


def test_a_one_day_brief_has_no_reported_timeline_entries() -> None:
    brief = build_brief([STORY])
    assert [(t.date, t.reported) for t in brief.timeline] == [("2026-04-10", False)]
    assert "(reported)" not in render(brief, "text")


def test_a_brief_over_several_days_marks_reported_dates() -> None:
    later = _article([_event(DEMAND, "REQUEST", (ORSK,), (HALDEN,), trigger="demanded",
                             text=DEMAND)], text=DEMAND, title="Orsk insists",
                     day=date(2026, 4, 12))
    timeline = build_brief([STORY, later]).timeline
    assert ("2026-04-10", False) in [(t.date, t.reported) for t in timeline]
    reported = [t for t in timeline if t.reported]
    assert reported and all("(reported)" not in t.summary for t in reported)
    assert [t.date for t in timeline] == sorted(t.date for t in timeline)
    text = render(build_brief([STORY, later]), "text")
    assert "2026-04-12 (reported): Orsk (ORS GOV) → Halden (HLD GOV): REQUEST" in text


def test_one_article_is_named_once_not_on_every_line() -> None:
    brief = build_brief([STORY])
    assert brief.source == "Border talks"
    text = render(brief, "text")
    assert text.count("Border talks") == 1
    assert "1 article (Border talks), 2026-04-07" in text


def test_long_sentences_wrap_without_losing_words() -> None:
    text = render(build_brief([STORY]), "text")
    lines = text.splitlines()
    assert all(len(line) <= WIDTH for line in lines)
    joined = " ".join(line.strip() for line in lines)
    assert REFUSAL in joined


def test_quotes_read_as_quotes() -> None:
    said = "“We will not be rushed,” Brann said. He called it “a border of convenience”."
    first = said.index("We")
    second = said.index("a border")
    analysis = _article([], text=said, quotes=[
        Quote(IVO, "We will not be rushed,", True, first, first + 22),
        Quote(IVO, "a border of\nconvenience", False, second, second + 23),
    ])
    text = render(build_brief([analysis]), "text")
    assert "“We will not be rushed” (2026-04-07)" in text
    assert "“…a border of convenience…”" in text


def test_every_format_shows_the_same_readings() -> None:
    brief = build_brief([STORY])
    data = json.loads(render(brief, "json"))
    assert {(g["type"], g["negated"], g["count"]) for g in data["groups"]} == {
        ("AGREE", False, 1), ("REQUEST", False, 1), ("REJECT", False, 1), ("RETREAT", True, 1)}
    assert data["negated_types"] == {"RETREAT": 1} and data["source"] == "Border talks"
    for fmt in ("text", "markdown", "html"):
        out = render(brief, fmt)
        for phrase in ("not RETREAT", "will not", "planned", "2026-04-10"):
            assert phrase in out, (fmt, phrase)
        assert "(reported)" not in out


def test_markdown_keeps_article_text_literal() -> None:
    sneaky = "Halden <b>warned</b> Orsk of *grave* steps_now [link]."
    analysis = _article([_event(sneaky, "THREATEN", (HALDEN,), (ORSK,), trigger="warned",
                                text=sneaky)], text=sneaky)
    markdown = render(build_brief([analysis]), "markdown")
    assert "\\<b\\>warned\\</b\\>" in markdown and "\\*grave\\*" in markdown
    assert "steps\\_now \\[link\\]" in markdown
    assert "**Halden (HLD GOV) → Orsk (ORS GOV): THREATEN**" in markdown


def test_html_marks_the_words_that_coded_each_reading() -> None:
    html = render(build_brief([STORY]), "html")
    assert "will not <mark>accept</mark> Orsk" in html
    assert "will not <mark>pull</mark> its guards" in html
    assert '<span class="type neg">not RETREAT</span>' in html
    twice = "Halden met Orsk after Orsk met Vantaa's mayor."
    analysis = _article([_event(twice, "CONSULT", (HALDEN,), (ORSK,), trigger="met",
                                text=twice)], text=twice)
    # Two "met": no mark rather than one that may point at the wrong clause.
    assert "<mark>" not in render(build_brief([analysis]), "html")


def test_over_several_articles_an_undated_item_says_when_it_was_reported() -> None:
    later = _article([_event(DEMAND, "REQUEST", (ORSK,), (HALDEN,), trigger="demanded",
                             text=DEMAND, when=DateRef("2026-04-01", "day", "last week"))],
                     text=DEMAND + " ", title="Orsk insists", day=date(2026, 4, 12))
    brief = build_brief([STORY, later])
    [group] = [g for g in brief.groups if g.type == "REQUEST"]
    # The same sentence twice is one piece of evidence, however many articles carry it.
    assert group.count == 1 and [i.published for i in group.items] == ["2026-04-07"]
    again = _article([_event("Orsk renewed its demand.", "REQUEST", (ORSK,), (HALDEN,),
                             trigger="renewed", text="Orsk renewed its demand.",
                             when=DateRef("2026-04-01", "day", "last week"))],
                     text="Orsk renewed its demand.", title="Orsk insists",
                     day=date(2026, 4, 12))
    brief = build_brief([STORY, again], BriefOptions(max_events_per_group=1))
    [group] = [g for g in brief.groups if g.type == "REQUEST"]
    assert group.count == 2 and len(group.items) == 1
    brief = build_brief([STORY, again])
    [group] = [g for g in brief.groups if g.type == "REQUEST"]
    # In time order: the dated 1 April before the undated sentence reported on 7 April.
    assert [i.date or i.published for i in group.items] == ["2026-04-01", "2026-04-07"]
    text = render(brief, "text")
    assert "reported 2026-04-07 (“demanded”)" in text
    assert "undated" not in text
    assert "undated (“demanded”)" in render(build_brief([STORY]), "text")


def test_markdown_header_lines_stay_separate_paragraphs() -> None:
    lines = render(build_brief([STORY], BriefOptions(title="Border")), "markdown").splitlines()
    assert lines[:5] == ["# Border", "", "1 article (Border talks), 2026-04-07", "",
                         "Events: AGREE 1, REQUEST 1, REJECT 1; negated: RETREAT 1"]


def test_a_quote_over_two_paragraphs_reads_as_one() -> None:
    item = QuoteItem('There is no easy way out.\n\n"We will keep talking,', True, "a", None)
    assert quote_text(item) == "“There is no easy way out. We will keep talking”"
