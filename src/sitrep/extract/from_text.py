"""Plain text -> Article: strip page chrome, take a leading headline line as the title.

Scraped text has no markup to say what is a headline, so the first line counts as one
only when it looks like a headline: short, not ending like a sentence, followed by more
text. Datelines ("WASHINGTON — ...") end like sentences and so stay in the body.
"""

from __future__ import annotations

from sitrep.errors import EmptyInput
from sitrep.extract.chrome import strip_chrome
from sitrep.extract.language import detect_language
from sitrep.models import Article, RawDocument

__all__ = ["extract_text", "split_headline"]

_HEADLINE_MAX_WORDS = 25
_SENTENCE_END = (".", ",", ";", ":", "…")


def split_headline(text: str) -> tuple[str | None, str]:
    """Return (headline, rest) when ``text`` opens with a headline line, else (None, text)."""
    first, newline, rest = text.strip().partition("\n")
    first = first.strip()
    if not newline or not rest.strip() or not first:
        return None, text.strip()
    words = first.split()
    if len(words) > _HEADLINE_MAX_WORDS or first.endswith(_SENTENCE_END):
        return None, text.strip()
    return first, rest.strip()


def extract_text(doc: RawDocument) -> Article:
    """Turn a plain-text ``RawDocument`` into an Article; raise EmptyInput when nothing is left."""
    if not doc.content.strip():
        raise EmptyInput(doc.origin, "the text is empty")
    cleaned = strip_chrome(doc.content)
    headline, body = split_headline(cleaned)
    if not body.strip():
        # A lone line is a (very short) body, not a headline with nothing under it.
        headline, body = None, cleaned
    if not body.strip():
        raise EmptyInput(doc.origin, "nothing but page chrome in the text")
    return Article(
        origin=doc.origin,
        text=body,
        title=headline or doc.title,
        authors=doc.authors,
        published=doc.published,
        language=detect_language(body),
        url=doc.url,
    )
