"""Render a :class:`~sitrep.brief.build.Brief` as text, Markdown, JSON or HTML.

Text is for a terminal, Markdown for pasting into a desk's chat or wiki, JSON for other
programs, HTML (a self-contained page, autoescaped) for mailing or archiving.
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import asdict
from typing import Literal

from jinja2 import Environment, PackageLoader, select_autoescape

from sitrep.brief.build import (
    Brief,
    EventGroup,
    EventItem,
    QuoteItem,
    pair_label,
    status_label,
    type_label,
)

__all__ = ["BriefFormat", "render"]

BriefFormat = Literal["text", "markdown", "json", "html"]


# Terminal width the text format wraps evidence sentences and quotes to: a sentence of 60
# words on one line wraps mid-word in a terminal and loses its indentation.
WIDTH = 100


def when(item: EventItem, several: bool) -> str:
    """The event's own date; else, in a brief over several articles, the day it was
    reported (by when it had happened); else "undated". In a one-article brief the header
    gives that day already."""
    if item.date:
        return item.date
    return f"reported {item.published}" if several and item.published else "undated"


def _flags(item: EventItem) -> str:
    status = status_label(item.negated, item.future)
    return f" [{status}]" if status else ""


def _head(group: EventGroup) -> str:
    return f"{pair_label(group.source, group.target)}: {type_label(group.type, group.negated)}"


_PARAGRAPH_REOPENED = re.compile(r"\s*\n\s*[\"“]")


def _plain(text: str) -> str:
    """Text on one line: a quote or sentence that spans paragraphs keeps no line breaks."""
    return re.sub(r"\s+", " ", text).strip()


def quote_text(quote: QuoteItem) -> str:
    """A quote as the brief prints it. Whole statements in quotation marks without the
    comma that led into the attribution ("… this war,” Trump said); a partial quote, the
    speaker's words woven into a reporter's sentence, between ellipses so that it reads
    as the fragment it is, not as a paraphrase. A quote running over paragraphs reads as
    one: the mark that reopens each new paragraph is the convention, not a new quote."""
    joined = _PARAGRAPH_REOPENED.sub(" ", quote.text)
    text = re.sub(r"[,;:]+(?=[’'”\"]*$)", "", _plain(joined))
    return f"“{text}”" if quote.direct else f"“…{text}…”"


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def summary_line(brief: Brief) -> str:
    """"3 articles, 2026-03-02 to 2026-03-10" (one day is named once)."""
    if not brief.first:
        period = "undated"
    elif brief.first == brief.last:
        period = brief.first
    else:
        period = f"{brief.first} to {brief.last}"
    named = f" ({brief.source})" if brief.source else ""
    return f"{_n(brief.articles, 'article')}{named}, {period}"


def types_line(brief: Brief) -> str:
    """"Events: CONSULT 2, REJECT 1; negated: RETREAT 1": a refusal to retreat is counted
    as what it is, not among the RETREATs."""
    counts = {t: n - brief.negated_types.get(t, 0) for t, n in brief.event_types.items()}
    line = "Events: " + (", ".join(f"{t} {n}" for t, n in counts.items() if n) or "none")
    if brief.negated_types:
        line += "; negated: " + ", ".join(f"{t} {n}" for t, n in brief.negated_types.items())
    return line


def _wrap(text: str, indent: str) -> list[str]:
    """``text`` wrapped to :data:`WIDTH` after ``indent`` (a bullet or spaces); the lines
    after the first hang two spaces further in, under the text rather than the bullet."""
    rest = " " * (len(indent) + 2)
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=rest,
                         break_long_words=False, break_on_hyphens=False)


def _heading(title: str, level: int, markdown: bool) -> str:
    if markdown:
        return ("\n" if level > 1 else "") + "#" * level + " " + title + "\n"
    rule = ("=" if level == 1 else "-") * len(title)
    return ("\n" if level > 1 else "") + f"{title}\n{rule}"


def _lines(brief: Brief, markdown: bool) -> list[str]:
    # Article text, names and titles are the world's, not ours: in Markdown a "*" or "<"
    # in them must not turn into emphasis or raw HTML where the brief is pasted.
    esc = _md_escape if markdown else str

    def h1(title: str) -> str:
        return _heading(title, 1, markdown)

    def h2(title: str) -> str:
        return _heading(title, 2, markdown)

    def emit(first: str, line: str) -> list[str]:
        return [first + line] if markdown else _wrap(line, first)

    bullet = "- " if markdown else "  • "
    sub = "  - " if markdown else "      "
    out = [h1(esc(brief.title)), esc(summary_line(brief))]
    if brief.event_types or brief.negated_types:
        # Markdown joins adjacent lines into one paragraph: a blank line keeps them apart.
        out.extend(["", types_line(brief)] if markdown else _wrap(types_line(brief), ""))

    # One article: the header names it, and repeating it on every line is noise.
    source = brief.articles != 1

    out.append(h2("Key actors"))
    for a in brief.actors:
        where = " ".join(x for x in (a.country, a.sector) if x) or "unknown"
        out.append(f"{bullet}{esc(a.name)} — {where}, {a.kind}; {_n(a.mentions, 'mention')}"
                   + (f" in {_n(a.articles, 'article')}" if source else ""))
    if not brief.actors:
        out.append(f"{bullet}none found")

    out.append(h2("Events by actor pair"))
    for g in brief.groups:
        head = esc(_head(g)) + (f" ({g.count} reports)" if g.count > len(g.items) else "")
        out.append(f"{bullet}{'**' + head + '**' if markdown else head}")
        for item in g.items:
            place = f" in {esc(item.location)}" if item.location else ""
            origin = f" ({esc(item.article)})" if source else ""
            out.extend(emit(sub, f"{when(item, source)}{place}{_flags(item)} "
                                 f"(“{esc(item.trigger)}”): “{esc(_plain(item.sentence))}”"
                                 f"{origin}"))
    if not brief.groups:
        out.append(f"{bullet}no events found")

    out.append(h2("Quotes"))
    for s in brief.quotes:
        where = " ".join(x for x in (s.country, s.sector) if x)
        out.append(f"{bullet}{esc(s.speaker)}" + (f" ({where})" if where else ""))
        for q in s.quotes:
            origin = ", ".join(x for x in ((q.article if source else None), q.published) if x)
            out.extend(emit(sub, esc(quote_text(q) + (f" ({origin})" if origin else ""))))
    if not brief.quotes:
        out.append(f"{bullet}no quotes found")

    out.append(h2("Timeline"))
    for t in brief.timeline:
        day = t.date + ("" if t.precision == "day" else f" ({t.precision})")
        day += " (reported)" if t.reported else ""
        out.extend(emit(bullet, f"{day}: {esc(t.summary)}"
                                + (f" — {esc(t.article)}" if source else "")))
    if not brief.timeline:
        out.append(f"{bullet}nothing dated")

    if brief.trending:
        out.append(h2("Trending"))
        for tr in brief.trending:
            out.append(f"{bullet}{esc(tr.name)}: {_n(tr.recent, 'article')} lately, "
                       f"{tr.earlier} before")
    return out


_MARKDOWN = re.compile(r"[\\`*_\[\]<>]")


def _md_escape(text: str) -> str:
    return _MARKDOWN.sub(r"\\\g<0>", text)


def marked(item: EventItem) -> tuple[str, str, str]:
    """The evidence sentence split around the words that coded the event, for the HTML
    brief to highlight: when one sentence backs two readings ("will not recognize … will
    not withdraw"), the mark shows which clause each one read. Only a trigger that occurs
    once is marked; with two, the mark could point at the wrong one."""
    sentence = _plain(item.sentence)
    hits = list(re.finditer(rf"\b{re.escape(item.trigger)}\b", sentence, re.IGNORECASE))
    if len(hits) != 1:
        return sentence, "", ""
    hit = hits[0]
    return sentence[:hit.start()], hit.group(), sentence[hit.end():]


def _html(brief: Brief) -> str:
    env = Environment(loader=PackageLoader("sitrep.brief", "templates"),
                      autoescape=select_autoescape(["html"]), trim_blocks=True,
                      lstrip_blocks=True)
    env.filters["quote"] = quote_text
    env.filters["plain"] = _plain
    env.filters["marked"] = marked
    env.globals.update(status_label=status_label, type_label=type_label, when=when,
                       summary_line=summary_line, types_line=types_line)
    return env.get_template("brief.html").render(brief=brief, source=brief.articles != 1)


def render(brief: Brief, fmt: BriefFormat = "text") -> str:
    """The brief as a string in the given format."""
    if fmt == "json":
        return json.dumps(asdict(brief), ensure_ascii=False, indent=2)
    if fmt == "html":
        return _html(brief)
    return "\n".join(_lines(brief, markdown=fmt == "markdown")) + "\n"
