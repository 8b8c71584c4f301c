"""FAQ questions written as buttons are read, disclaimer blocks are not (HTML written for
these tests)."""

from __future__ import annotations

from sitrep.extract import extract
from sitrep.extract.html_tree import parse_html
from sitrep.extract.mislabelled import clear_misleading_names
from sitrep.extract.widgets import drop_disclaimers, questions_in_buttons
from sitrep.models import RawDocument

_INTRO = "".join(
    f"<p>Paragraph {n} of the allotment guide explains how the waiting list works and what "
    "a new plot holder should bring to the first work morning of the season.</p>"
    for n in range(1, 7))


def _page(body: str) -> str:
    return ("<html><head><title>Allotment guide</title></head><body><article>"
            f"<h1>Allotment guide</h1>{_INTRO}{body}</article></body></html>")


def test_faq_questions_written_as_buttons_are_read() -> None:
    faq = ("<h2>Frequently asked questions</h2>"
           "<div class='faq-item'><button type='button' class='faq-toggle'>"
           "<h3>How long is the waiting list this year?</h3><svg></svg></button>"
           "<div class='faq-answer'><p>Most applicants are offered a plot within eighteen "
           "months, sooner for a half plot.</p></div></div>"
           "<div class='faq-item'><button type='button' class='faq-toggle'>"
           "<span>Can I keep chickens on my plot?</span></button>"
           "<div class='faq-answer'><p>Only with the committee's written consent and a "
           "coop that meets the site rules.</p></div></div>")
    article = extract(RawDocument(origin="faq.html", content=_page(faq), kind="html"))
    lines = article.text.split("\n")
    assert "How long is the waiting list this year?" in lines
    assert "Can I keep chickens on my plot?" in lines
    assert lines.index("Can I keep chickens on my plot?") < next(
        i for i, line in enumerate(lines) if line.startswith("Only with the committee"))


def test_only_question_buttons_in_the_article_are_retagged() -> None:
    tree = parse_html(
        "<html><body><header><button>What are you looking for today?</button></header>"
        "<article><button>Read more</button><button>Why?</button>"
        "<button><a href='/faq'>Where is the site office?</a></button>"
        "<button class='q'><h3>Is there water on every plot?</h3></button>"
        "<button class='q'>Who mows the paths <b>between</b> plots?</button>"
        "</article></body></html>")
    assert questions_in_buttons(tree) == 2
    assert [button.text for button in tree.xpath("//button")] == [
        "What are you looking for today?", "Read more", "Why?", None]
    assert tree.xpath("//div/h3")[0].text == "Is there water on every plot?"
    assert tree.xpath("//p")[0].text == "Who mows the paths between plots?"
    assert not tree.xpath("//p")[0].attrib


def test_blocks_named_as_disclaimers_are_dropped() -> None:
    notice = ("<div class='affiliate-disclaimer'>When you buy through links in our "
              "articles we may earn a small commission.</div>")
    risk = ("<p id='fund-disclaimer-text'>All investing is subject to risk, including the "
            "possible loss of the money you invest.</p>")
    article = extract(RawDocument(origin="guide.html", content=_page(notice + risk),
                                  kind="html"))
    assert "commission" not in article.text
    assert "subject to risk" not in article.text
    assert "Paragraph 6 of the allotment guide" in article.text


def test_views_notes_big_blocks_and_other_names_stay() -> None:
    html = ("<html><body><article>"
            "<p class='disclaimer'>The views expressed are the author's own.</p>"
            "<p class='no-disclaimer'>Follow the allotment society on its noticeboard.</p>"
            "<p class='disclaimerless'>A made-up class name that only starts alike.</p>"
            "<div class='has-disclaimer'><p>" + "The whole guide sits here. " * 40
            + "</p><span class='small-disclaimer'>Prices change.</span></div>"
            "<span class='form-disclaimer'>By signing up you agree to our terms."
            "</span> tail text</article></body></html>")
    tree = parse_html(html)
    page_chars = len(" ".join("".join(tree.xpath("//article")[0].itertext()).split()))
    candidates: list[object] = []
    clear_misleading_names(tree, page_chars, candidates)
    assert len(candidates) == 6    # every block whose name holds the letters
    assert drop_disclaimers(candidates, page_chars) == 2
    text = "".join(tree.xpath("//article")[0].itertext())
    assert "author's own" in text
    assert "noticeboard" in text
    assert "only starts alike" in text
    assert "The whole guide sits here." in text
    assert "Prices change" not in text
    assert "By signing up" not in text
    assert text.endswith(" tail text")
