"""Render a :class:`~sitrep.brief.build.Brief` as text, Markdown, JSON or HTML.

Text is for a terminal, Markdown for pasting into a desk's chat or wiki, JSON for other
programs, HTML (a self-contained page, autoescaped) for mailing or archiving.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Literal

from jinja2 import Environment, PackageLoader, select_autoescape

from sitrep.brief.build import Brief, EventItem

__all__ = ["BriefFormat", "render"]

BriefFormat = Literal["text", "markdown", "json", "html"]


def _when(item: EventItem) -> str:
    return item.date if item.date else "undated"


def _flags(item: EventItem) -> str:
    flags = [f for f, on in (("not", item.negated), ("planned", item.future)) if on]
    return f" [{', '.join(flags)}]" if flags else ""


def _heading(title: str, level: int, markdown: bool) -> str:
    if markdown:
        return ("\n" if level > 1 else "") + "#" * level + " " + title
    rule = ("=" if level == 1 else "-") * len(title)
    return ("\n" if level > 1 else "") + f"{title}\n{rule}"


def _lines(brief: Brief, markdown: bool) -> list[str]:
    def h1(title: str) -> str:
        return _heading(title, 1, markdown)

    def h2(title: str) -> str:
        return _heading(title, 2, markdown)

    bullet = "- " if markdown else "  • "
    sub = "  - " if markdown else "      "
    period = f"{brief.first} to {brief.last}" if brief.first else "undated"
    out = [h1(brief.title), f"{brief.articles} article(s), {period}"]
    if brief.event_types:
        out.append("Events: " + ", ".join(f"{t} {n}" for t, n in brief.event_types.items()))

    out.append(h2("Key actors"))
    for a in brief.actors:
        where = " ".join(x for x in (a.country, a.sector) if x) or "unknown"
        out.append(f"{bullet}{a.name} — {where}, {a.kind}; {a.mentions} mention(s) in "
                   f"{a.articles} article(s)")
    if not brief.actors:
        out.append(f"{bullet}none found")

    out.append(h2("Events by actor pair"))
    for g in brief.groups:
        head = f"{g.source} → {g.target}: {g.type}" if g.target != "—" else f"{g.source}: {g.type}"
        out.append(f"{bullet}{'**' + head + '**' if markdown else head}")
        for item in g.items:
            place = f" in {item.location}" if item.location else ""
            out.append(f"{sub}{_when(item)}{place}{_flags(item)} “{item.sentence}” "
                       f"({item.article})")
    if not brief.groups:
        out.append(f"{bullet}no events found")

    out.append(h2("Quotes"))
    for s in brief.quotes:
        where = " ".join(x for x in (s.country, s.sector) if x)
        out.append(f"{bullet}{s.speaker}" + (f" ({where})" if where else ""))
        for q in s.quotes:
            mark = f"“{q.text}”" if q.direct else q.text
            out.append(f"{sub}{mark} ({q.article}{', ' + q.published if q.published else ''})")
    if not brief.quotes:
        out.append(f"{bullet}no quotes found")

    out.append(h2("Timeline"))
    for t in brief.timeline:
        out.append(f"{bullet}{t.date} ({t.precision}) {t.summary} — {t.article}")
    if not brief.timeline:
        out.append(f"{bullet}nothing dated")

    if brief.trending:
        out.append(h2("Trending"))
        for tr in brief.trending:
            out.append(f"{bullet}{tr.name}: {tr.recent} article(s) lately, {tr.earlier} before")
    return out


def _html(brief: Brief) -> str:
    env = Environment(loader=PackageLoader("sitrep.brief", "templates"),
                      autoescape=select_autoescape(["html"]), trim_blocks=True,
                      lstrip_blocks=True)
    return env.get_template("brief.html").render(brief=brief)


def render(brief: Brief, fmt: BriefFormat = "text") -> str:
    """The brief as a string in the given format."""
    if fmt == "json":
        return json.dumps(asdict(brief), ensure_ascii=False, indent=2)
    if fmt == "html":
        return _html(brief)
    return "\n".join(_lines(brief, markdown=fmt == "markdown")) + "\n"
