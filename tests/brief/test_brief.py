"""The brief groups, filters and renders what analyses found."""

from __future__ import annotations

import json
from datetime import date

from sitrep.brief import BriefOptions, build_brief, render
from sitrep.models import (
    ActorMention,
    ActorRef,
    Analysis,
    Article,
    DateRef,
    Event,
    Place,
    Quote,
    Span,
)

ALDER = ActorRef("Mira Alder", "NOR", "GOV")
VESK = ActorRef("Tomas Vesk", "EST", "GOV")


def _analysis(day: date, title: str, sentence: str, etype: str, negated: bool = False,
              quote: str | None = None) -> Analysis:
    text = sentence + (f" “{quote},” Alder said." if quote else "")
    article = Article(origin=f"{title}.txt", text=text, title=title, published=day)
    actors = [
        ActorMention("a1", ALDER.name, "person", "NOR", "GOV", [Span(0, 10, text[0:10])]),
        ActorMention("a2", VESK.name, "person", "EST", "GOV", [Span(20, 30, text[20:30])]),
    ]
    event = Event(type=etype, mode=None, source=(ALDER,), target=(VESK,),
                  date=DateRef(day.isoformat(), "day", "on Monday"),
                  location=Place("Tromsø", "NOR"), negated=negated, future=False,
                  confidence=0.8, sentence=sentence, start=0, end=len(sentence), trigger="met")
    quotes = []
    if quote:
        start = text.index(quote)
        quotes.append(Quote(ALDER, quote, True, start, start + len(quote)))
    return Analysis(article, actors, [event], quotes)


CORPUS = [
    _analysis(date(2026, 3, 2), "Talks open", "Mira Alder met Tomas Vesk in Tromsø on Monday.",
              "CONSULT", quote="We will talk until we agree"),
    _analysis(date(2026, 3, 9), "Deal falls short", "Mira Alder rejected Tomas Vesk's offer.",
              "REJECT", negated=True),
    _analysis(date(2026, 3, 10), "Second round", "Mira Alder met Tomas Vesk again.", "CONSULT"),
]


def test_groups_events_by_actor_pair_and_type() -> None:
    brief = build_brief(CORPUS)
    heads = {(g.source, g.target, g.type): len(g.items) for g in brief.groups}
    assert heads[("Mira Alder (NOR GOV)", "Tomas Vesk (EST GOV)", "CONSULT")] == 2
    assert heads[("Mira Alder (NOR GOV)", "Tomas Vesk (EST GOV)", "REJECT")] == 1
    assert brief.articles == 3
    assert (brief.first, brief.last) == ("2026-03-02", "2026-03-10")
    assert brief.event_types == {"CONSULT": 2, "REJECT": 1}


def test_key_actors_and_quotes_by_speaker() -> None:
    brief = build_brief(CORPUS)
    assert [a.name for a in brief.actors] == ["Mira Alder", "Tomas Vesk"]
    assert brief.actors[0].articles == 3
    [speaker] = brief.quotes
    assert speaker.speaker == "Mira Alder"
    assert speaker.quotes[0].text == "We will talk until we agree"


def test_date_filters_use_event_dates() -> None:
    brief = build_brief(CORPUS, BriefOptions(since=date(2026, 3, 5)))
    assert brief.event_types == {"CONSULT": 1, "REJECT": 1}
    brief = build_brief(CORPUS, BriefOptions(until=date(2026, 3, 5)))
    assert brief.event_types == {"CONSULT": 1}


def test_actor_filter_keeps_only_matching_articles() -> None:
    assert build_brief(CORPUS, BriefOptions(actor="vesk")).articles == 3
    assert build_brief(CORPUS, BriefOptions(actor="nobody")).articles == 0


def test_timeline_is_in_date_order() -> None:
    dates = [t.date for t in build_brief(CORPUS).timeline]
    assert dates == sorted(dates) and len(dates) == 3


def test_trending_needs_a_period() -> None:
    one_day = build_brief(CORPUS[:1])
    assert one_day.trending == []


def test_renders_every_format() -> None:
    brief = build_brief(CORPUS, BriefOptions(title="Northern talks"))
    text = render(brief, "text")
    assert "Northern talks" in text and "Mira Alder met Tomas Vesk in Tromsø" in text
    assert "not REJECT" in text and "[did not]" in text  # a negated reading, said plainly
    markdown = render(brief, "markdown")
    assert markdown.startswith("# Northern talks")
    data = json.loads(render(brief, "json"))
    assert data["event_types"]["CONSULT"] == 2
    html = render(brief, "html")
    assert "<h1>Northern talks</h1>" in html


def test_html_escapes_article_text() -> None:
    bad = _analysis(date(2026, 3, 2), "<script>alert(1)</script>", "Mira Alder met Tomas Vesk <b>.",
                    "CONSULT")
    html = render(build_brief([bad]), "html")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_limits_keep_the_best_evidenced_groups() -> None:
    brief = build_brief(CORPUS, BriefOptions(max_groups=1, max_timeline=2))
    assert [(g.type, len(g.items)) for g in brief.groups] == [("CONSULT", 2)]
    assert [t.date for t in brief.timeline] == ["2026-03-09", "2026-03-10"]


def test_bare_groups_are_not_key_or_trending_actors() -> None:
    corpus = []
    for day in (date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 10)):
        analysis = _analysis(day, f"Talks {day}", "Mira Alder met Tomas Vesk in Tromsø.",
                             "CONSULT")
        analysis.actors.append(ActorMention("a3", "delegations", "group", "NOR", "GOV",
                                            [Span(0, 4, "Mira")]))
        analysis.actors.append(ActorMention("a4", "Estonian negotiators", "group", "EST",
                                            "GOV", [Span(20, 25, "Tomas")]))
        analysis.actors.append(ActorMention("a5", "companies", "organization", "NOR", "BUS",
                                            [Span(0, 4, "Mira")]))
        corpus.append(analysis)
    brief = build_brief(corpus, BriefOptions(since=date(2026, 3, 1)))
    names = [a.name for a in brief.actors]
    assert "delegations" not in names and "Estonian negotiators" in names
    assert "companies" not in names
    assert "delegations" not in [t.name for t in brief.trending]
