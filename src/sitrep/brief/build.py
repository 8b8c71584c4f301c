"""Build a brief from analyses: key actors, events by actor pair and type, quotes by
speaker, a timeline and what is trending.

The brief is a plain data structure; :mod:`sitrep.brief.render` turns it into text,
Markdown, JSON or HTML. Keeping the two apart lets every format show the same facts,
and lets tests check the facts without parsing prose.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from sitrep.models import ActorRef, Analysis, Event, Quote

__all__ = [
    "ActorLine",
    "Brief",
    "BriefOptions",
    "EventGroup",
    "EventItem",
    "QuoteItem",
    "SpeakerQuotes",
    "TimelineItem",
    "TrendLine",
    "build_brief",
    "status_label",
]

# PLOVER types in the order of the codebook: cooperation first, then conflict. Briefs list
# groups in this order within an actor pair so the same story reads the same way each time.
PLOVER_ORDER = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


@dataclass(frozen=True, slots=True)
class BriefOptions:
    """What to include. ``since``/``until`` filter by the event's own date where it has one,
    else by the article's publication date. ``min_confidence`` drops the coder's weak
    guesses: a brief is read by people, so it shows each sentence's best reading only."""

    since: date | None = None
    until: date | None = None
    actor: str | None = None
    title: str | None = None
    max_actors: int = 15
    max_groups: int = 30
    max_events_per_group: int = 4
    max_speakers: int = 12
    max_quotes_per_speaker: int = 4
    max_timeline: int = 40
    min_confidence: float = 0.5


@dataclass(frozen=True, slots=True)
class ActorLine:
    name: str
    country: str | None
    sector: str | None
    kind: str
    mentions: int
    articles: int


@dataclass(frozen=True, slots=True)
class EventItem:
    type: str
    date: str | None
    precision: str | None
    negated: bool
    future: bool
    trigger: str
    sentence: str
    article: str
    confidence: float
    location: str | None
    # The article's publication day: when an event its text does not date was reported.
    published: str | None = None


@dataclass(slots=True)
class EventGroup:
    """Events of one type between one source and one target. A negated reading ("will not
    withdraw") is its own group, so a heading never presents a refusal as the act itself;
    ``count`` is every sentence the group gathered, ``items`` at most the options' limit."""

    source: str
    target: str
    type: str
    items: list[EventItem] = field(default_factory=list)
    negated: bool = False
    count: int = 0


@dataclass(frozen=True, slots=True)
class QuoteItem:
    text: str
    direct: bool
    article: str
    published: str | None


@dataclass(slots=True)
class SpeakerQuotes:
    speaker: str
    country: str | None
    sector: str | None
    quotes: list[QuoteItem] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """One event on the calendar. ``reported`` marks an event its text gives no date for,
    placed on its article's publication day (it happened by then, not necessarily on it)."""

    date: str
    precision: str
    summary: str
    article: str
    reported: bool = False


@dataclass(frozen=True, slots=True)
class TrendLine:
    """An actor talked about more in the second half of the period than in the first."""

    name: str
    recent: int
    earlier: int


@dataclass(slots=True)
class Brief:
    title: str
    articles: int
    first: str | None
    last: str | None
    actors: list[ActorLine]
    groups: list[EventGroup]
    quotes: list[SpeakerQuotes]
    timeline: list[TimelineItem]
    trending: list[TrendLine]
    event_types: dict[str, int]
    # How many of ``event_types`` are negated readings ("will not withdraw"), so that a
    # reader's count of RETREATs need not include a refusal to retreat.
    negated_types: dict[str, int] = field(default_factory=dict)
    # The article's title (else its origin) when the brief covers exactly one: named once
    # in the header instead of beside every line.
    source: str | None = None


def actor_label(ref: ActorRef) -> str:
    """"Vladimir Putin (RUS GOV)": the name with what the analyst needs to place it."""
    tags = " ".join(t for t in (ref.country, ref.sector) if t)
    return f"{ref.name} ({tags})" if tags else ref.name


def _side(refs: Sequence[ActorRef]) -> str:
    return " & ".join(actor_label(r) for r in refs) if refs else "—"


def _article_label(analysis: Analysis) -> str:
    return analysis.article.title or analysis.article.origin


def _event_day(event: Event, analysis: Analysis) -> date | None:
    """The day an event is placed on for filtering and trends (its own date, else the article's)."""
    if event.date is not None:
        value = event.date.value
        try:
            if len(value) == 10:
                return date.fromisoformat(value)
            if len(value) == 7:
                return date.fromisoformat(value + "-01")
            if len(value) == 4:
                return date(int(value), 1, 1)
        except ValueError:
            pass
    return analysis.article.published


def _in_range(day: date | None, options: BriefOptions) -> bool:
    if day is None:
        return options.since is None and options.until is None
    if options.since and day < options.since:
        return False
    return not (options.until and day > options.until)


def _mentions_actor(refs: Sequence[ActorRef], needle: str) -> bool:
    return any(needle in r.name.casefold() for r in refs)


def status_label(negated: bool, future: bool) -> str | None:
    """How far an event is from having happened, in words a reader cannot misread: "will
    not" (a refusal or an act ruled out), "did not" (denied or reported as not done),
    "planned" (announced, expected, set to happen), None for an act reported as done.
    A bare "not" beside "planned" reads as "not planned", the opposite of "will not"."""
    if negated:
        return "will not" if future else "did not"
    return "planned" if future else None


def pair_label(source: str, target: str) -> str:
    """"Russia (RUS GOV) → Ukraine (UKR GOV)", or the source alone when there is no target
    (several sources then acted together: "Trump & Putin")."""
    return f"{source} → {target}" if target != "—" else source


def type_label(etype: str, negated: bool) -> str:
    """"REJECT", or "not RETREAT" for a negated reading, as group headings show it."""
    return f"not {etype}" if negated else etype


def _event_summary(event: Event) -> str:
    status = status_label(event.negated, event.future)
    flag = f" [{status}]" if status else ""
    return (f"{pair_label(_side(event.source), _side(event.target))}: "
            f"{event.type}{flag} (“{event.trigger}”)")


def build_brief(analyses: Sequence[Analysis], options: BriefOptions | None = None) -> Brief:
    """Summarise analyses into a :class:`Brief` (pure: no I/O)."""
    options = options or BriefOptions()
    needle = options.actor.casefold() if options.actor else None
    actor_mentions: Counter[tuple[str, str | None, str | None, str]] = Counter()
    actor_articles: Counter[tuple[str, str | None, str | None, str]] = Counter()
    groups: dict[tuple[str, str, str, bool], EventGroup] = {}
    speakers: dict[tuple[str, str | None, str | None], SpeakerQuotes] = {}
    timeline: list[TimelineItem] = []
    type_counts: Counter[str] = Counter()
    negated_counts: Counter[str] = Counter()
    days: list[date] = []
    dated_mentions: list[tuple[date, str]] = []
    positions: dict[int, float] = {}  # group -> earliest place of its evidence in an article
    evidence: dict[int, set[str]] = {}  # group -> its sentences, past the items' limit too
    used_articles = 0
    labels: list[str] = []

    for analysis in analyses:
        published = analysis.article.published
        if not _in_range(published, options) and not any(
            _in_range(_event_day(e, analysis), options) for e in analysis.events
        ):
            continue
        if needle and not any(needle in a.name.casefold() for a in analysis.actors):
            continue
        used_articles += 1
        label = _article_label(analysis)
        labels.append(label)
        if published:
            days.append(published)
        for actor in analysis.actors:
            if (actor.country is None and (actor.sector is None or actor.kind == "group")) \
                    or actor.name == actor.name.lower():
                # A name the KB could not place, or a bare "police", "delegations",
                # "people", "companies" (no owner names whose; a name with no capital is a
                # common noun, whatever its kind): kept in the analysis and in events, but
                # not what an analyst means by a key or trending actor.
                continue
            key = (actor.name, actor.country, actor.sector, actor.kind)
            actor_mentions[key] += len(actor.mentions)
            actor_articles[key] += 1
            if published:
                dated_mentions.append((published, actor.name))
        length = max(len(analysis.article.text), 1)
        for event in _best_readings(analysis.events, options.min_confidence):
            if not _in_range(_event_day(event, analysis), options):
                continue
            if needle and not (_mentions_actor(event.source, needle)
                               or _mentions_actor(event.target, needle)):
                continue
            type_counts[event.type] += 1
            if event.negated:
                negated_counts[event.type] += 1
            group = _add_event(groups, evidence, event, analysis, options)
            place = event.start / length
            positions[id(group)] = min(positions.get(id(group), place), place)
            if event.date is not None:
                timeline.append(TimelineItem(event.date.value, event.date.precision,
                                             _event_summary(event), label))
            elif published is not None:
                timeline.append(TimelineItem(published.isoformat(), "day",
                                             _event_summary(event), label, reported=True))
        for quote in analysis.quotes:
            if needle and not (quote.speaker and needle in quote.speaker.name.casefold()):
                continue
            _add_quote(speakers, quote, analysis, options)

    ordered_actors = sorted(actor_mentions, key=lambda k: (-actor_articles[k], -actor_mentions[k],
                                                            k[0]))
    actors = [ActorLine(k[0], k[1], k[2], k[3], actor_mentions[k], actor_articles[k])
              for k in ordered_actors[: options.max_actors]]
    rank = {t: i for i, t in enumerate(PLOVER_ORDER)}
    # Most-evidenced groups first. Among equals, "who did what to whom" beats a lone actor's
    # act, then the story's own order: news puts what matters most first, so the evidence
    # nearest an article's top leads (then the coder's surest reading).
    ordered_groups = sorted(
        groups.values(),
        key=lambda g: (-g.count, g.target == "—" and " & " not in g.source,
                       round(positions.get(id(g), 1.0), 3),
                       -max(i.confidence for i in g.items),
                       g.source, g.target, rank.get(g.type, 99), g.negated),
    )[: options.max_groups]
    for group in ordered_groups:
        # In time order: by its own date, else by when it was reported.
        group.items.sort(key=lambda i: (i.date or i.published or "", -i.confidence))
    if len(set(days)) < 2:
        # Every report is from one day: an undated event "reported" on it repeats the
        # events section and says nothing about when it happened.
        timeline = [t for t in timeline if not t.reported]
    timeline.sort(key=lambda t: (t.date, t.reported, t.summary))
    timeline = _dedupe_timeline(timeline)
    if len(timeline) > options.max_timeline:  # keep the latest: a brief is about now
        timeline = timeline[-options.max_timeline:]
    return Brief(
        title=options.title or "sitrep brief",
        articles=used_articles,
        first=min(days).isoformat() if days else None,
        last=max(days).isoformat() if days else None,
        actors=actors,
        groups=ordered_groups,
        quotes=sorted(speakers.values(),
                      key=lambda s: (s.speaker == "Unattributed", -len(s.quotes), s.speaker)
                      )[: options.max_speakers],
        timeline=timeline,
        trending=_trending(dated_mentions),
        event_types={t: type_counts[t] for t in PLOVER_ORDER if type_counts[t]},
        negated_types={t: negated_counts[t] for t in PLOVER_ORDER if negated_counts[t]},
        source=labels[0] if len(labels) == 1 else None,
    )


def _best_readings(events: Sequence[Event], min_confidence: float) -> list[Event]:
    """Per sentence and actor pair, the most confident event with a known source.

    The coder may read one clause two ways (a negated AGREE and a REJECT); an analyst
    wants the one it believes, and the JSON output keeps the rest for those who want them.
    """
    best: dict[tuple[int, tuple[str, ...], tuple[str, ...]], Event] = {}
    for event in events:
        if not event.source or event.confidence < min_confidence:
            continue
        key = (event.start, tuple(a.name for a in event.source),
               tuple(a.name for a in event.target))
        if key not in best or event.confidence > best[key].confidence:
            best[key] = event
    targeted = {(e.start, tuple(a.name for a in e.source), e.type, e.negated)
                for e in best.values() if e.target}
    # "Ukraine: REJECT" beside "Ukraine → Russia: REJECT" from the same sentence tells the
    # reader nothing the targeted reading does not; it only doubles the line.
    kept = [e for e in best.values() if e.target or
            (e.start, tuple(a.name for a in e.source), e.type, e.negated) not in targeted]
    return sorted(kept, key=lambda e: (e.start, -e.confidence))


def _add_event(groups: dict[tuple[str, str, str, bool], EventGroup],
               evidence: dict[int, set[str]], event: Event, analysis: Analysis,
               options: BriefOptions) -> EventGroup:
    key = (_side(event.source), _side(event.target), event.type, event.negated)
    group = groups.setdefault(key, EventGroup(key[0], key[1], key[2], negated=event.negated))
    sentences = evidence.setdefault(id(group), set())
    if event.sentence in sentences:  # a syndicated copy is no further evidence
        return group
    sentences.add(event.sentence)
    group.count += 1
    if len(group.items) >= options.max_events_per_group:
        return group
    published = analysis.article.published
    group.items.append(EventItem(
        type=event.type,
        date=event.date.value if event.date else None,
        precision=event.date.precision if event.date else None,
        negated=event.negated,
        future=event.future,
        trigger=event.trigger,
        sentence=event.sentence,
        article=_article_label(analysis),
        confidence=event.confidence,
        location=event.location.name if event.location else None,
        published=published.isoformat() if published else None,
    ))
    return group


def _add_quote(speakers: dict[tuple[str, str | None, str | None], SpeakerQuotes], quote: Quote,
               analysis: Analysis, options: BriefOptions) -> None:
    speaker = quote.speaker
    key = ((speaker.name, speaker.country, speaker.sector) if speaker
           else ("Unattributed", None, None))
    entry = speakers.setdefault(key, SpeakerQuotes(key[0], key[1], key[2]))
    if len(entry.quotes) >= options.max_quotes_per_speaker:
        return
    if any(q.text == quote.text for q in entry.quotes):
        return
    published = analysis.article.published
    entry.quotes.append(QuoteItem(quote.text, quote.direct, _article_label(analysis),
                                  published.isoformat() if published else None))


def _dedupe_timeline(items: list[TimelineItem]) -> list[TimelineItem]:
    seen: set[tuple[str, str]] = set()
    kept = []
    for item in items:
        if (item.date, item.summary) not in seen:
            seen.add((item.date, item.summary))
            kept.append(item)
    return kept


def _trending(dated_mentions: list[tuple[date, str]], top: int = 5) -> list[TrendLine]:
    """Actors whose article count in the later half of the period beats the earlier half.

    A brief over one day has no trend to speak of, so it returns nothing rather than noise.
    """
    if not dated_mentions:
        return []
    first = min(d for d, _ in dated_mentions)
    last = max(d for d, _ in dated_mentions)
    if last - first < timedelta(days=2):
        return []
    middle = first + (last - first) / 2
    recent: Counter[str] = Counter()
    earlier: Counter[str] = Counter()
    for day, name in dated_mentions:
        (recent if day > middle else earlier)[name] += 1
    rising = [TrendLine(n, recent[n], earlier[n]) for n in recent if recent[n] > earlier[n]]
    rising.sort(key=lambda t: (-(t.recent - t.earlier), -t.recent, t.name))
    return rising[:top]
