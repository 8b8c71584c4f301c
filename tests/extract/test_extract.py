"""extract() on HTML pages and text files written for these tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitrep.errors import EmptyInput, ExtractError, InputError
from sitrep.extract import extract
from sitrep.models import RawDocument

FIXTURES = Path(__file__).parent / "fixtures"


def _html(name: str, **hints: object) -> RawDocument:
    content = (FIXTURES / name).read_text(encoding="utf-8")
    return RawDocument(origin=name, content=content, kind="html",
                       url=f"https://www.coastalledger.example/news/{name}", **hints)  # type: ignore[arg-type]


def test_news_page_body_metadata_and_no_chrome() -> None:
    article = extract(_html("harbour_report.html"))
    assert article.title == "Port authority approves new grain terminal"
    assert article.published == date(2024, 3, 14)        # published, not modified
    assert article.authors == ("Mara Okonkwo", "Tomas Lindqvist")
    assert article.language == "en"
    assert article.origin == "harbour_report.html"
    assert article.text.startswith("NORTHGATE — The regional port authority")
    assert "The harbour master declined to comment." in article.text
    assert article.text.rstrip().endswith("especially after last year's poor harvest.")
    for chrome in ("Share on Facebook", "Related stories", "Dock workers vote",
                   "Subscribe", "All rights reserved", "Business"):
        assert chrome not in article.text


def test_page_without_json_ld_uses_meta_author_time_and_cleaned_title() -> None:
    article = extract(_html("garden_notes.html"))
    assert article.title == "How the rain changed our spring planting"
    assert article.authors == ("Ines Farrow",)
    assert article.published == date(2023, 6, 2)
    assert "Great post" not in article.text          # reader comments are not the article
    assert "sowed the broad beans" in article.text


def test_document_hints_fill_only_what_the_page_does_not_say() -> None:
    hinted = _html("garden_notes.html", title="Feed title", published=date(2020, 1, 1),
                   authors=("Feed Author",))
    article = extract(hinted)
    assert article.published == date(2023, 6, 2)     # the page says it
    assert article.authors == ("Ines Farrow",)
    bare = (FIXTURES / "garden_notes.html").read_text(encoding="utf-8")
    bare = bare.replace('<meta name="author" content="Ines Farrow">', "")
    bare = bare.replace('<time datetime="2023-06-02">2 June 2023</time>', "")
    article = extract(RawDocument("g.html", bare, "html", published=date(2020, 1, 1),
                                  authors=("Feed Author",)))
    assert article.published == date(2020, 1, 1)
    assert article.authors == ("Feed Author",)


def test_text_document_takes_headline_and_strips_chrome() -> None:
    content = (FIXTURES / "council_vote.txt").read_text(encoding="utf-8")
    article = extract(RawDocument("council_vote.txt", content, "text",
                                  published=date(2025, 2, 4)))
    assert article.title == "Council rejects plan to close the east library"
    assert article.text.startswith("RIVERTON — The city council voted")
    assert "Share this article" not in article.text
    assert article.published == date(2025, 2, 4)
    assert article.language == "en"


def test_text_starting_with_a_dateline_has_no_headline(shared_dir: Path) -> None:
    content = (shared_dir / "samples" / "alaska-summit.txt").read_text(encoding="utf-8")
    article = extract(RawDocument("alaska-summit.txt", content, "text", title="Hint title"))
    assert article.title == "Hint title"
    assert article.text.startswith("WASHINGTON — ")
    assert article.text.endswith("cannot afford.")


@pytest.mark.parametrize("kind", ["html", "text"])
@pytest.mark.parametrize("content", ["", "   \n\t  "])
def test_empty_input_raises_empty_input_naming_the_origin(kind: str, content: str) -> None:
    with pytest.raises(EmptyInput) as caught:
        extract(RawDocument("feed.xml#3", content, kind))  # type: ignore[arg-type]
    assert caught.value.source == "feed.xml#3"


def test_text_of_nothing_but_chrome_is_empty_input() -> None:
    with pytest.raises(EmptyInput):
        extract(RawDocument("chrome.txt", "Subscribe now\n\nShare on Facebook\n\nAdvertisement",
                            "text"))


@pytest.mark.parametrize("content", [
    "\x00\x01\x02\x03 not markup at all \x00",
    "<html><body><div><script>var x = 1;</script></div></body></html>",
    "<html><head><title>Only a title</title></head><body><nav><a href='/'>Home</a></nav></body>",
])
def test_html_without_an_article_raises_an_input_error_naming_the_origin(content: str) -> None:
    with pytest.raises(InputError) as caught:
        extract(RawDocument("broken.html", content, "html"))
    assert isinstance(caught.value, ExtractError | EmptyInput)
    assert caught.value.source == "broken.html"
    assert str(caught.value).startswith("broken.html: ")


_DATED_PAGE = """<html><head><title>Night ferries return | Coastal Ledger</title>{meta}
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Night ferries return",
 "datePublished": "2023-11-20T08:00:00-05:00"}}</script></head><body>
<h1>Night ferries return</h1><p>By Ann Lee</p><p>Updated March 9, 2024</p>
<p>The harbour board voted on Tuesday to bring back the night crossings that were cut two
winters ago, after hauliers and island shops asked for later deliveries.</p>
<p>The first boat leaves the quay at eleven, and the timetable runs until the end of
October, when the board will look again at the numbers of passengers and lorries.</p>
</body></html>"""


def test_date_prefers_open_graph_then_a_visible_updated_date_over_json_ld() -> None:
    def published(meta: str) -> date | None:
        page = _DATED_PAGE.format(meta=meta)
        return extract(RawDocument("ferries.html", page, "html")).published

    og = '<meta property="article:published_time" content="2024-02-01T21:30:00-08:00">'
    assert published(og) == date(2024, 2, 1)        # the publisher's own day, not UTC's
    assert published("") == date(2024, 3, 9)        # the visible date, updated or not


_UI_HEADINGS_PAGE = """<html><head><title>Dredging the north channel | Coastal Ledger</title>
<meta property="og:title" content="Dredging the north channel begins in May"></head><body>
<header id="masthead"><div class="site-branding"><h1 class="site-title">Coastal Ledger</h1></div>
</header>
<dialog id="branch-picker"><h1>Select a branch</h1><button>main</button></dialog>
<article><p>By Ann Lee</p>
<p>The harbour board has hired a dredger to deepen the north channel, which silted up over
the winter storms and now keeps the larger grain ships waiting for high tide.</p>
<p>Work starts in May and should take six weeks, the board said, during which the channel
stays open at night for the ferries that use it.</p></article>
<p>Last updated: April 2024</p>
</body></html>"""


def test_headings_in_dialogs_and_the_logo_are_not_the_headline() -> None:
    page = RawDocument("dredging.html", _UI_HEADINGS_PAGE, "html",
                       url="https://coastal-news.example/dredging")
    article = extract(page)
    assert article.title == "Dredging the north channel begins in May"
    # Only a month is given, and it is labelled as the page's date: its first day.
    assert article.published == date(2024, 4, 1)


_BREAKWATER = (
    "The harbour board voted on Tuesday to extend the northern breakwater by two hundred "
    "metres, ending a dispute that had run for most of the year.",
    "Fishermen had argued that winter storms now reach the inner moorings twice as often "
    "as they did a decade ago, and that repairs cost more each season.",
    "The board's engineer said the extension would be built in stages so that the ferry "
    "service could keep running through the summer months.",
    "Residents on the seafront asked for the work to stop at night, and the board agreed "
    "to keep the heavy machinery to daytime hours.",
    "Funding comes from the regional transport budget and a loan that the board expects "
    "to repay from mooring fees over twenty years.",
    "A public meeting on the final design is planned for the spring, when the contractor "
    "will present the timetable in detail to the harbour users.",
)


def test_an_article_nested_in_a_broken_header_comes_back_as_paragraphs() -> None:
    # An unclosed <button> in the header swallows <main>: the extractor's first passes see
    # only the header and fall back to the article's text on a single line.
    paragraphs = "".join(f"<p>{text}</p>" for text in _BREAKWATER * 2)
    html = ("<html><head><title>Breakwater</title></head><body><header><div class='menu'>"
            "<button class='menu-button'><div>Menu</div><main><article>"
            f"<h1>Harbour board extends the breakwater</h1>{paragraphs}</article></main>"
            "</body></html>")
    article = extract(RawDocument(origin="b.html", content=html, kind="html"))
    lines = [line for line in article.text.split("\n") if line.strip()]
    assert len(lines) >= len(_BREAKWATER)
    assert _BREAKWATER[0] in lines and _BREAKWATER[-1] in lines
