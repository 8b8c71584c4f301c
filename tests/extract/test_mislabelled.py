"""An article inside a container whose class names chrome ("page-footer") is still read;
a real footer stays out (HTML written for these tests)."""

from __future__ import annotations

from sitrep.extract import extract
from sitrep.extract.html_tree import parse_html
from sitrep.extract.mislabelled import unmasked_main_block
from sitrep.extract.page_text import read_page_text
from sitrep.models import RawDocument

_INTRO = (
    "The harbour board has published its list of the quays that will reopen this summer, "
    "from the old fish market to the new ferry berth, after two winters of repairs.",
    "Most of the work went into the timber piles, which the storms of the last decade had "
    "loosened, and into the ladders and rails that swimmers use in the warm months.",
    "The board says every berth below will be open to small boats by the end of August, "
    "and that the fees for a season will stay where they were before the repairs began.",
)
_ENTRIES = [
    f"Quay {number}. The berth on the {side} side of the basin reopens in {month} after "
    f"repairs to its timber piles, with room for {number + 3} small boats and a new "
    "ladder for swimmers at the far end of the pier."
    for number, (side, month) in enumerate(
        [(side, month) for side in ("north", "south", "east", "west")
         for month in ("May", "June", "July", "August")],
        start=1)
]
_REAL_FOOTER = "<footer class='site-footer'><p>Contact us</p><p>Privacy policy</p></footer>"


def _page(entries_class: str) -> str:
    lead = "".join(f"<p>{text}</p>" for text in _INTRO)
    entries = "".join(f"<div class='entry'><h3>Quay {i}</h3><p>{text}</p></div>"
                      for i, text in enumerate(_ENTRIES, start=1))
    return ("<html><head><title>Quays reopening this summer</title></head><body>"
            "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            "<div class='page'><h1>Quays reopening this summer</h1>"
            f"<div class='page-lead'>{lead}</div>"
            f"<div class='{entries_class}'>{entries}</div></div>"
            f"{_REAL_FOOTER}</body></html>")


def test_an_article_in_a_container_named_footer_is_read() -> None:
    article = extract(RawDocument(origin="quays.html", content=_page("page-footer"),
                                  kind="html", url="https://harbour.example/quays"))
    assert "Quay 15. The berth on the west side" in article.text
    assert "Privacy policy" not in article.text


def test_only_a_chrome_named_container_holding_most_of_the_page_is_unmasked() -> None:
    tree = parse_html(_page("page-footer"))
    chars = len(read_page_text(tree).text)
    unmasked = unmasked_main_block(tree, chars)
    assert unmasked is not None
    assert not unmasked.xpath("//div[@class='page-footer']")
    # The caller's tree (shared with the metadata readers) is left as it was.
    assert tree.xpath("//div[@class='page-footer']")
    # A footer that is a strip along the page is chrome, as its class says.
    small = parse_html("<html><body><div class='story'>" + "".join(
        f"<p>{text}</p>" for text in _ENTRIES) + "</div><div class='page-footer'>"
        "<p>Contact us</p><p>Privacy policy</p></div></body></html>")
    assert unmasked_main_block(small, len(read_page_text(small).text)) is None
    assert unmasked_main_block(small, 0) is None


def _garden_page(section_id: str, heading: str) -> str:
    paragraphs = "".join(
        f"<p>Neighbour tip {n}: a shared plot needs a rota for watering, a shed key that "
        f"everyone can reach and a noticeboard for the harvest, week {n} of the season.</p>"
        for n in range(1, 5))
    intro = "".join(
        f"<p>Opening paragraph {n} of the allotment guide sets out why small gardens do "
        "better when several households tend them together through the year.</p>"
        for n in range(1, 13))
    return ("<html><head><title>Allotment guide</title></head><body><article>"
            f"<h1>Allotment guide</h1>{intro}"
            f"<section id='{section_id}'><h2>{heading}</h2>{paragraphs}</section>"
            "</article></body></html>")


def test_a_section_whose_id_spells_its_heading_is_not_chrome() -> None:
    html = _garden_page("share-your-garden-with-the-neighbours",
                        "Share your garden with the neighbours")
    article = extract(RawDocument(origin="garden.html", content=html, kind="html"))
    assert "Neighbour tip 3: a shared plot" in article.text


def test_only_long_slugs_of_the_own_heading_are_cleared() -> None:
    from sitrep.extract.mislabelled import clear_heading_anchors

    spelled = parse_html(_garden_page("share-your-garden-with-the-neigh",
                                      "Share your garden with the neighbours"))
    assert clear_heading_anchors(spelled) == 1
    assert not spelled.xpath("//section[@id]")
    # A short label names the box ("related-posts"); another heading's slug is no anchor.
    for section_id, heading in (("share-this-post", "Share this post"),
                                ("share-your-garden-with-friends", "Watering rota")):
        page = parse_html(_garden_page(section_id, heading))
        assert clear_heading_anchors(page) == 0
        assert page.xpath(f"//section[@id='{section_id}']")


def _faq_page(toggle_place: str) -> str:
    intro = "".join(
        f"<p>Opening paragraph {n} of the rota guide explains how a shared plot keeps "
        "its beds watered when households take turns through the dry months.</p>"
        for n in range(1, 9))
    answers = "".join(
        f"<h3><button aria-controls='answer-{n}' aria-expanded='false'>Question {n}?"
        f"</button></h3><div id='answer-{n}' class='panel is-hidden' aria-hidden='true' "
        f"style='display: none'><p>Answer {n}: the rota lists one household per week, "
        "and a swap is fine when both sides write it on the shed noticeboard.</p></div>"
        for n in range(1, 4))
    menu = ("<button aria-controls='site-menu'>Menu</button>"
            "<div id='site-menu' style='display:none'><a href='/'>Home</a></div>")
    header = f"<header>{menu}</header>" if toggle_place == "header" else ""
    body = menu if toggle_place == "body" else ""
    return ("<html><head><title>Watering rota guide</title></head><body>"
            f"{header}<article><h1>Watering rota guide</h1>{intro}{answers}{body}"
            "</article></body></html>")


def test_collapsed_accordion_answers_are_read() -> None:
    article = extract(RawDocument(origin="faq.html", content=_faq_page("header"),
                                  kind="html"))
    assert "Answer 2: the rota lists one household per week" in article.text


def test_only_panels_named_by_a_toggle_outside_the_page_furniture_open() -> None:
    from sitrep.extract.mislabelled import open_disclosure_panels

    page = parse_html(_faq_page("header"))
    assert open_disclosure_panels(page) == 3
    panel = page.xpath("//div[@id='answer-1']")[0]
    assert "display" not in panel.get("style", "")
    assert panel.get("aria-hidden") is None
    assert panel.get("class") == "panel"
    # The header's menu toggle is furniture: its drawer stays shut.
    assert "none" in page.xpath("//div[@id='site-menu']")[0].get("style")
    assert open_disclosure_panels(parse_html("<html><body><p>No toggles.</p></body></html>")) == 0


def _release_notes_page() -> str:
    paragraphs = [
        f"<p>Paragraph {n} of the language survey compares how teams pick a language for "
        "a new service, from hiring to the libraries they already know well.</p>"
        for n in range(1, 7)]
    note = ("<div class='note-box' style='padding: 30px'><strong>Updates:</strong> "
            "Version 3.14, released in October, makes the interpreter faster and lowers "
            "the memory a long-running job needs.</div>")
    promo = ("<div class='banner'><div class='title'>Need help with your next project? "
             "Our developers can start next week and bring your plan to life.</div>"
             "<a href='/contact'>Get in touch</a></div>")
    caption = "<div class='caption'>The survey team at work, photographed by</div>"
    article = "".join([*paragraphs[:2], note, *paragraphs[2:4], promo, paragraphs[4],
                       caption, paragraphs[5]])
    return ("<html><head><title>Language survey</title></head><body>"
            f"<article><h1>Language survey</h1>{article}</article></body></html>")


def test_a_paragraph_written_as_a_div_between_paragraphs_is_read() -> None:
    article = extract(RawDocument(origin="survey.html", content=_release_notes_page(),
                                  kind="html"))
    assert "Version 3.14, released in October, makes the interpreter faster" in article.text


def test_only_text_only_divs_that_end_like_a_sentence_become_paragraphs() -> None:
    from sitrep.extract.mislabelled import paragraphs_in_divs

    page = parse_html(_release_notes_page())
    assert paragraphs_in_divs(page) == 1
    assert page.xpath("//p[@class='note-box']")
    # A promotion holding blocks and a link button, and a caption that stops
    # mid-sentence, stay divs.
    assert page.xpath("//div[@class='banner']") and page.xpath("//div[@class='caption']")
    sidebar = parse_html(
        "<html><body><aside><p>One.</p><div>A text-only box in the sidebar that runs to "
        "well over fifteen words and ends like a sentence does.</div><p>Two.</p></aside>"
        "</body></html>")
    assert paragraphs_in_divs(sidebar) == 0


def _menu_swallowing_the_article() -> str:
    paragraphs = "".join(
        f"<p>Paragraph {n} of the harbour report says the quays reopen this summer, after "
        "two winters of repairs to the timber piles and the ladders swimmers use.</p>"
        for n in range(1, 9))
    # Each menu item leaves its dropdown div open: libxml2 keeps everything after it,
    # the article included, inside the header's navigation.
    return ("<html><head><title>Harbour report</title></head><body><header><nav><ul>"
            "<li><a href='/'>Home</a><div class='menu-dropdown'><a href='/a'>News</a></li>"
            "<li><a href='/b'>Sport</a><div class='menu-dropdown'><a href='/c'>Weather</a></li>"
            "</ul></nav></header>"
            f"<main><article><h1>Harbour report</h1>{paragraphs}</article></main>"
            "<footer><p>Contact</p></footer></body></html>")


def test_an_article_nested_in_the_navigation_by_broken_markup_is_moved_out() -> None:
    import trafilatura

    from sitrep.extract.mislabelled import unnested_article

    tree = parse_html(_menu_swallowing_the_article())
    assert tree.xpath("//nav//main")
    flat = trafilatura.bare_extraction(tree, include_comments=False, fast=True)
    assert flat is not None and "\n" not in flat.text   # the container's raw text
    unnested = unnested_article(tree)
    assert unnested is not None and not unnested.xpath("//nav//main")
    assert tree.xpath("//nav//main")                      # the caller's tree is kept
    read = trafilatura.bare_extraction(unnested, include_comments=False, fast=True)
    assert read is not None and read.text.count("\n") >= 7   # paragraphs again
    assert unnested_article(parse_html("<html><body><nav><a href='/'>Home</a></nav>"
                                       "<main><p>Text.</p></main></body></html>")) is None


def _guide_with_embedded_cards() -> str:
    intro = "".join(
        f"<p>Paragraph {n} of the dining guide walks through the neighbourhoods where new "
        "restaurants opened this year, from the old docks to the river park.</p>"
        for n in range(1, 7))
    cards = "".join(
        f"<div class='ck-block ck-block--embed place_{n}'><h3>Restaurant {n}</h3>"
        f"<p>Card {n}: a small kitchen by the water serving fish from the morning boats, "
        "with a terrace that stays open late through the summer months.</p></div>"
        for n in range(1, 4))
    signup = ("<div class='newsletter-signup embed'><p>Sign up for our weekly dining "
              "newsletter and get the new openings in your inbox every Friday.</p></div>")
    return ("<html><head><title>Dining guide</title></head><body>"
            f"<article><h1>Dining guide</h1>{intro}{cards}{signup}</article></body></html>")


def test_embed_class_names_are_cleared_unless_another_name_says_chrome() -> None:
    from sitrep.extract.mislabelled import clear_misleading_names

    page = parse_html(_guide_with_embedded_cards())
    assert clear_misleading_names(page, len(read_page_text(page).text)) == 4
    assert page.xpath("//div[@class='ck-block place_1']")
    # A sign-up box that is also called an embed keeps the name that says what it is.
    assert page.xpath("//div[@class='newsletter-signup']")
    plain = parse_html("<html><body><p>No embeds.</p></body></html>")
    assert clear_misleading_names(plain, len(read_page_text(plain).text)) == 0


def _page_in_a_sidebar_layout(layout_class: str) -> str:
    paragraphs = "".join(
        f"<p>Paragraph {n} of the ferry timetable guide explains which crossings run in "
        "winter, how early to book a car space and where the foot passengers board.</p>"
        for n in range(1, 10))
    sidebar = ("<div class='sidebar'><h4>Popular</h4><p>Ten best ferry cafes you should "
               "know about before your next crossing to the islands.</p></div>")
    return ("<html><head><title>Ferry timetable guide</title></head><body>"
            "<div class='navbar'><a href='/'>Home</a> <a href='/guides'>Guides</a></div>"
            f"<div class='{layout_class}'><div class='main'><h1>Ferry timetable guide</h1>"
            f"{paragraphs}</div>{sidebar}</div></body></html>")


def test_bar_names_are_cleared_only_on_blocks_holding_most_of_the_page() -> None:
    from sitrep.extract.mislabelled import clear_misleading_names

    page = parse_html(_page_in_a_sidebar_layout("site-content with-sidebar"))
    assert clear_misleading_names(page, len(read_page_text(page).text)) == 1
    assert page.xpath("//div[@class='site-content']")
    # The real sidebar and navbar are strips along the page: they keep their names.
    assert page.xpath("//div[@class='sidebar']") and page.xpath("//div[@class='navbar']")


def _split_article(chunk_class: str) -> str:
    def chunk(first: int) -> str:
        return f"<div class='{chunk_class}'>" + "".join(
            f"<p>Paragraph {n} of the bank report says small lenders lost deposits to the "
            "new apps this year, and explains what that means for their customers.</p>"
            for n in range(first, first + 6)) + "</div>"

    rail = "<div class='ad-rail'><p>Advertisement</p></div>"
    return ("<html><head><title>Bank report</title></head><body>"
            "<nav><a href='/'>Home</a></nav><main><h1>Bank report</h1>"
            f"<div class='article__chunks'><div class='row'>{chunk(1)}</div>{rail}"
            f"<div class='row'>{chunk(7)}</div>{rail}<div class='row'>{chunk(13)}</div>"
            "</div></main><footer><p>Contact</p></footer></body></html>")


def test_an_article_split_between_ad_rails_is_read_whole() -> None:
    article = extract(RawDocument(origin="bank.html", content=_split_article("article__body"),
                                  kind="html"))
    assert "Paragraph 2 of the bank report" in article.text
    assert "Paragraph 17 of the bank report" in article.text


def test_only_a_split_article_body_is_joined() -> None:
    from sitrep.extract.mislabelled import join_split_article

    page = parse_html(_split_article("article__body"))
    assert join_split_article(page, len(read_page_text(page).text))
    assert page.xpath("//div[@class='article__chunks'][@itemprop='articleBody']")
    # Blocks no body expression names, and teasers that hold little of the page, are not.
    other = parse_html(_split_article("row-text"))
    assert not join_split_article(other, len(read_page_text(other).text))
    teasers = parse_html(
        "<html><body><article><h1>Report</h1>" + "".join(
            f"<p>Paragraph {n} of a long report on harbour repairs and what they cost the "
            "town over two winters of storms.</p>" for n in range(1, 30)) + "</article>"
        "<section class='related'>" + "".join(
            f"<div class='post-content'><p>Teaser {n}</p></div>" for n in range(1, 4))
        + "</section></body></html>")
    assert not join_split_article(teasers, len(read_page_text(teasers).text))


def _streamed_page(segment_id: str, placeholder_id: str) -> str:
    paragraphs = "".join(
        f"<p>Paragraph {n} of the market report explains why cloud software makers grew "
        "faster than the rest of the index over the last five years.</p>"
        for n in range(1, 10))
    frame = (f"<main><article><h1>Cloud stocks</h1><table><tr><td>Ticker</td><td>Price</td>"
             f"</tr></table><template id='{placeholder_id}'></template>"
             "<div>Loading paragraph...</div></article></main>")
    footer = "<footer><p>Contact</p><p>Privacy</p></footer>"
    return ("<html><head><title>Cloud stocks</title></head><body>"
            f"{frame}{footer}<div hidden id='{segment_id}'>{paragraphs}</div>"
            f"<script>$RS('{segment_id}','{placeholder_id}')</script></body></html>")


def test_streamed_segments_fill_their_placeholders() -> None:
    from sitrep.extract.mislabelled import placed_streamed_segments

    for placeholder in ("P:9", "B:9"):
        tree = parse_html(_streamed_page("S:9", placeholder))
        placed = placed_streamed_segments(tree)
        assert placed is not None
        article = placed.xpath("//article")[0]
        assert len(article.xpath("./p")) == 9 and not placed.xpath("//template")
        assert not placed.xpath("//div[@hidden]")
        assert tree.xpath("//div[@hidden]")                  # the caller's tree is kept
    # A segment with no placeholder, or no segment at all: nothing to place.
    assert placed_streamed_segments(parse_html(_streamed_page("S:9", "P:4"))) is None
    assert placed_streamed_segments(parse_html("<html><body><p>Text.</p></body></html>")) is None


def test_candidates_found_by_attribute_are_those_of_the_element_tests() -> None:
    """The XPath searches start from the attributes: same elements, same order."""
    from lxml import html as lxml_html

    from sitrep.extract.mislabelled import _SLUG_CANDIDATES, _TOGGLES

    tree = lxml_html.fromstring(
        '<html><body><div id="a-b"><span id="plain">x</span><p id="x-y-z-w">y</p></div>'
        '<nav><button aria-controls="menu">Menu</button></nav><div id="menu">m</div>'
        '<button aria-controls="faq-1 faq-2">Q</button><div id="faq-1" aria-controls="">A</div>'
        '<footer><a aria-controls="x">f</a></footer><section id="-">s</section></body></html>')
    pairs = [
        (_SLUG_CANDIDATES, "//*[contains(@id, '-')]"),
        (_TOGGLES, "//*[@aria-controls][not(ancestor::nav or ancestor::header"
                   " or ancestor::footer)]"),
        ("//@id/..", "//*[@id]"),
    ]
    for fast, plain in pairs:
        assert tree.xpath(fast) == tree.xpath(plain) != []
