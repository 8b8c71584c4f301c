"""Where the article starts and stops, and whose it is: early end tags, cookie notices,
author boxes, fused headings and site names in titles (HTML written for these tests)."""

from __future__ import annotations

from datetime import date

from sitrep.extract import extract, strip_chrome
from sitrep.extract.bylines import name_over_bio, name_over_outlet
from sitrep.extract.page_metadata import PageMetadata
from sitrep.extract.titles import choose_title, clean_title
from sitrep.models import RawDocument

_PARAGRAPHS = (
    "The district council approved the new bus depot on Thursday after a long debate "
    "about noise, traffic and the cost of electric charging points for the fleet.",
    "Residents of the eastern estates had asked for a second entrance so that buses would "
    "not queue on the narrow lane beside the primary school in the mornings.",
    "Work on the site is due to begin in the spring and the first routes should move to "
    "the depot before the end of next year, the transport committee said.",
)


def _page(head: str, body: str) -> RawDocument:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return RawDocument(origin="t.html", content=html, kind="html",
                       url="https://www.riverside-post.example/news/depot")


def _article_html() -> str:
    return "<article><h1>Council approves bus depot</h1>" + "".join(
        f"<p>{text}</p>" for text in _PARAGRAPHS) + "</article>"


def test_article_after_an_early_end_of_document_is_read() -> None:
    # A template that closes <body> and <html> after the header, the article after them.
    html = ("<html><head><title>Council approves bus depot</title></head><body>"
            "<header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header>"
            "</body></html>\n<div class='story'>" + _article_html() + "</div></body></html>")
    article = extract(RawDocument(origin="early.html", content=html, kind="html"))
    assert "second entrance" in article.text
    assert "transport committee said" in article.text


def test_cookie_notice_closing_the_text_goes() -> None:
    text = "\n\n".join([
        *_PARAGRAPHS,
        "This website uses cookies to improve your experience while you navigate the site.",
        "Necessary cookies are essential for the website to work and store no personal data.",
        "Analytics cookies help us understand how visitors use the website.",
    ])
    assert strip_chrome(text) == "\n\n".join(_PARAGRAPHS)


def test_an_article_ending_on_cookies_keeps_its_ending() -> None:
    text = "\n\n".join([
        *_PARAGRAPHS,
        "The bakery next door will sell cookies to the drivers from six in the morning.",
        "Its owner said the cookies would be half price for anyone arriving by bus.",
    ])
    assert strip_chrome(text) == text


def test_author_box_at_the_end_names_the_author_and_leaves_the_body() -> None:
    body = "".join(f"<p>{text}</p>" for text in _PARAGRAPHS)
    card = ("<div class='author-box'><p>Nadia Ferreira</p><p>Nadia Ferreira is a transport "
            "reporter who has covered the county's buses and trains since 2019.</p></div>")
    doc = _page("<title>Council approves bus depot</title>",
                f"<article><h1>Council approves bus depot</h1>{body}{card}</article>")
    article = extract(doc)
    assert article.authors == ("Nadia Ferreira",)
    assert article.text.rstrip().endswith("the transport committee said.")
    assert "transport reporter" not in article.text


def test_name_over_bio_needs_the_name_repeated() -> None:
    assert name_over_bio("Intro\nAnn Lee\nAnn Lee writes about farming.\n") == ["Ann Lee"]
    assert name_over_bio("Table Of Contents\nThe plan was agreed.\n") == []
    assert name_over_bio("Ann Lee\nAnn Lee Park opened in May.\n") == []


def test_a_heading_fused_from_headline_and_subtitle_gives_way_to_the_declared_title() -> None:
    meta = PageMetadata(
        headlines=["Best Hiking Boots: Tested on Three Continents"],
        h1=["Best Hiking Boots Tested on Three ContinentsA Buyer's Guide"],
        fused_h1={"Best Hiking Boots Tested on Three ContinentsA Buyer's Guide"})
    assert choose_title(meta, "Best Hiking Boots Tested on Three Continents A Buyer's Guide",
                        None) == "Best Hiking Boots: Tested on Three Continents"


def test_fused_heading_is_detected_in_the_page() -> None:
    doc = _page('<meta property="og:title" content="Depot approved: what changes for riders">',
                "<article><h1>Depot approved<br>What Changes for Riders</h1>"
                + "".join(f"<p>{text}</p>" for text in _PARAGRAPHS) + "</article>")
    assert extract(doc).title == "Depot approved: what changes for riders"


def test_domain_glued_to_a_title_goes_and_a_logo_h1_is_not_the_headline() -> None:
    url = "https://annlee.example/notes/1"
    assert clean_title("annlee.example Notes on sourdough", url) == "Notes on sourdough"
    assert clean_title("Notes on sourdough annlee.example", url) == "Notes on sourdough"
    assert clean_title("Why 3.5 percent matters", url) == "Why 3.5 percent matters"
    meta = PageMetadata(h1=["annlee.example"], html_title="annlee.example Notes on sourdough")
    assert choose_title(meta, None, url) == "Notes on sourdough"


def test_writer_named_over_the_outlet_joins_the_outlet_credit() -> None:
    body = "".join(f"<p>{text}</p>" for text in _PARAGRAPHS)
    doc = _page('<meta name="author" content="Riverside Post">'
                '<meta property="og:site_name" content="Riverside Post">',
                "<article><h1>Council approves bus depot</h1><div class='card'>"
                f"<p>Nadia Ferreira</p><p>Riverside Post</p></div>{body}</article>")
    assert extract(doc).authors == ("Riverside Post", "Nadia Ferreira")


def test_outlet_section_over_the_outlet_is_not_a_writer() -> None:
    text = "Riverside Post Deals\nRiverside Post\nThe depot opens next year."
    assert name_over_outlet(text, lambda line: line == "Riverside Post") == []


def test_labelled_byline_under_the_article_beats_a_team_credit() -> None:
    body = "".join(f"<p>{text}</p>" for text in _PARAGRAPHS)
    doc = _page('<meta property="og:site_name" content="Riverside Post">',
                "<article><h1>Council approves bus depot</h1><p>By Riverside Post Team</p>"
                f"{body}<p>Written by Nadia Ferreira</p></article>")
    assert "Nadia Ferreira" in extract(doc).authors


def _dated_page(og_time: str, printed: str) -> RawDocument:
    body = "".join(f"<p>{text}</p>" for text in _PARAGRAPHS)
    return _page(f'<meta property="article:published_time" content="{og_time}">',
                 f"<article><h1>Council approves bus depot</h1><p>{printed}</p>{body}</article>")


def test_a_printed_date_older_than_the_open_graph_time_is_the_publication() -> None:
    # The page was migrated in 2024; the story says it ran in 2019.
    assert extract(_dated_page("2024-08-07T10:00:00Z", "March 3, 2019")).published \
        == date(2019, 3, 3)


def test_a_later_or_next_day_printed_date_leaves_the_open_graph_time() -> None:
    assert extract(_dated_page("2024-08-07T10:00:00Z", "September 1, 2024")).published \
        == date(2024, 8, 7)
    assert extract(_dated_page("2024-08-07T01:00:00Z", "August 6, 2024")).published \
        == date(2024, 8, 7)


def test_an_updated_label_older_than_the_structured_publication_is_stale() -> None:
    body = "".join(f"<p>{text}</p>" for text in _PARAGRAPHS)
    ld = '{"@type": "NewsArticle", "datePublished": "2026-01-05T08:00:00Z"}'

    def page(printed: str) -> RawDocument:
        return _page(f'<script type="application/ld+json">{ld}</script>',
                     f"<article><h1>Council approves bus depot</h1><p>{printed}</p>"
                     f"{body}</article>")

    assert extract(page("Updated Jun 16, 2025")).published == date(2026, 1, 5)
    assert extract(page("Updated Feb 2, 2026")).published == date(2026, 2, 2)


def test_a_dotted_topic_that_spells_the_host_stays_in_the_title() -> None:
    assert clean_title("Getting started with Node.js", "https://nodejs.example/learn") \
        == "Getting started with Node.js"


_MORE_PARAGRAPHS = (
    "The depot will hold sixty buses and a workshop, and its roof will carry solar panels "
    "that the council expects to cover a fifth of the charging costs.",
    "Opposition councillors said the cost had risen by a third since the first plans and "
    "asked for a review of the contract before the next budget.",
    "The bus company welcomed the vote and said it would hire forty drivers and mechanics "
    "from the town once the depot opens.",
)


def test_a_biography_opening_with_the_full_name_goes_even_when_long_or_by_first_name() -> None:
    body = "".join(f"<p>{text}</p>" for text in _MORE_PARAGRAPHS + _PARAGRAPHS)
    bio = ("Nadia Ferreira is a freelance writer who has covered transport, housing and local "
           "government in the county for more than a decade, " * 3).rstrip(", ") + "."
    card = (f"<p>{bio}</p><p>When she is not riding the night buses, Nadia coaches the "
            "under-twelves at the rowing club.</p>")
    doc = _page('<meta name="author" content="Nadia Ferreira">',
                f"<article><h1>Council approves bus depot</h1>{body}{card}</article>")
    article = extract(doc)
    assert article.authors == ("Nadia Ferreira",)
    assert article.text.rstrip().endswith("the transport committee said.")


def test_a_first_name_alone_at_the_end_is_not_a_biography() -> None:
    # Another Nadia, thanked in the closing line: the writer is not named in full there.
    body = "".join(f"<p>{text}</p>" for text in _PARAGRAPHS)
    thanks = "<p>Thanks to Nadia Okafor for the photographs of the depot site.</p>"
    doc = _page('<meta name="author" content="Nadia Ferreira">',
                f"<article><h1>Council approves bus depot</h1>{body}{thanks}</article>")
    assert extract(doc).text.rstrip().endswith("for the photographs of the depot site.")


def test_the_author_box_check_settles_on_the_last_line() -> None:
    """Without the author's name or an "About the author" label on the body's last line the
    sweep from the end finds no box (the name patterns are then not built)."""
    from sitrep.extract.from_html import _without_author_box

    body = ("The ferry ran again on Monday after a winter of repairs to the berth.\n\n"
            "Ann Lee wrote the first report on the repairs.\n\n"
            "Tickets are on sale at the harbour office.")
    assert _without_author_box(body, ("Ann Lee",)) == body
    assert _without_author_box(body + "\n\nAbout the author", ("Ann Lee",)) == body
    assert _without_author_box(body + "\n\nContact Lee at the desk.", ("Ann Lee",)) == body
