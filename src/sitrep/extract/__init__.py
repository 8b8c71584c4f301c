"""The extract stage: RawDocument (HTML or plain text) -> Article.

HTML goes through trafilatura plus the page's own structured metadata (from_html.py);
plain text through a page-chrome classifier (chrome.py). Hints carried by the document
(feed title, date, authors) fill only what the page itself does not say.
"""

from __future__ import annotations

from sitrep.errors import ExtractError
from sitrep.extract.chrome import strip_chrome
from sitrep.extract.from_html import extract_html
from sitrep.extract.from_text import extract_text
from sitrep.extract.titles import clean_title
from sitrep.models import Article, RawDocument

__all__ = ["clean_title", "extract", "strip_chrome"]


def extract(doc: RawDocument) -> Article:
    """Extract the article from ``doc``.

    Raises ExtractError (naming ``doc.origin``) when the input cannot be read as an article,
    and EmptyInput when no body text is left.
    """
    if doc.kind == "html":
        return extract_html(doc)
    if doc.kind == "text":
        return extract_text(doc)
    raise ExtractError(doc.origin, f"unknown document kind {doc.kind!r}")
