"""Helpers of the ingest tests: article text written for these tests, a page template,
and a collector that splits what ``read_source`` yields into documents and errors."""

from __future__ import annotations

from dataclasses import dataclass, field

from sitrep.errors import InputError
from sitrep.ingest import read_source
from sitrep.models import RawDocument
from sitrep.settings import Settings

PARAGRAPHS = (
    "The harbour council of Eastmere voted on Tuesday to close the old grain pier "
    "after engineers found cracks in three of its pylons.",
    "Mayor Ilse Varga told reporters that the closure would last at least six months "
    "and that fishing boats would be moved to the northern basin in the meantime.",
    "Dock workers' union leader Tomas Brell said his members had warned about the "
    "pylons for years and demanded that the council publish the engineers' report.",
    "The regional transport ministry promised to pay for half of the repairs, "
    "according to a statement released late on Monday evening.",
    "Shop owners near the pier worry that the long closure will keep visitors away "
    "during the summer festival, which usually draws crowds from across the coast.",
)
ARTICLE_TEXT = "\n\n".join(PARAGRAPHS)


def article_html(title: str, body: str = ARTICLE_TEXT, charset: str | None = "utf-8") -> str:
    """A small but complete news page around ``body``."""
    meta = f'<meta charset="{charset}">' if charset else ""
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (f"<!DOCTYPE html><html><head>{meta}<title>{title}</title></head>"
            f"<body><article><h1>{title}</h1>{paragraphs}</article></body></html>")


def collect(source: str, settings: Settings) -> tuple[list[RawDocument], list[InputError]]:
    """Everything ``read_source`` yields, split into documents and errors."""
    documents: list[RawDocument] = []
    errors: list[InputError] = []
    for item in read_source(source, settings):
        if isinstance(item, RawDocument):
            documents.append(item)
        else:
            assert isinstance(item, InputError)
            errors.append(item)
    return documents, errors




@dataclass
class Route:
    """What the test server answers on one path."""

    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass
class LiveServer:
    """A live HTTP server; ``routes`` maps a path to its answer, ``hits`` counts GETs,
    ``user_agents`` lists the User-Agent of each request."""

    base: str
    routes: dict[str, Route]
    hits: dict[str, int]
    user_agents: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path
