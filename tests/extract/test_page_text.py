"""The page's visible text, and the part of it outside the page's furniture."""

from __future__ import annotations

from datetime import date

from sitrep.extract.from_html import _covers_the_content
from sitrep.extract.html_tree import parse_html
from sitrep.extract.page_text import PageText, read_page_text, visible_text
from sitrep.extract.visible_dates import headline_date


def test_visible_text_skips_scripts_and_breaks_lines_at_blocks() -> None:
    tree = parse_html(
        "<html><head><title>T</title><script>var d = 'March 3, 2020';</script></head>"
        "<body><h1>Head line</h1><p>By <a href='/a'>Ann Lee</a></p><div>Body text</div>"
        "</body></html>")
    assert visible_text(tree) == "Head line\nBy Ann Lee\nBody text"


def test_visible_text_keeps_inline_elements_apart() -> None:
    tree = parse_html(
        "<html><body><h1>Head line</h1><p>By<a href='/a'>Ann Lee</a><time>Mar 5, 2024"
        "</time></p><!-- a comment --><p>Body</p></body></html>")
    text = visible_text(tree)
    assert "Ann Lee Mar 5, 2024" in text and "comment" not in text
    assert headline_date(text, "Head line") == date(2024, 3, 5)


def test_spaces_collapse_and_blank_lines_go() -> None:
    tree = parse_html("<html><body><div>  Two\u00a0 words\t here </div><div> </div>"
                      "<p>\n\nNext   block\n</p></body></html>")
    assert visible_text(tree) == "Two words here\nNext block"


MENU_PAGE = (
    "<html><body><header><a href='/'>Tidewater Gazette</a><nav><a>News</a> <a>Sport</a>"
    "<a>Weather</a></nav></header><main><h1>Ferry returns</h1><p>The ferry ran again on "
    "Monday.</p><aside>Most read: Storm closes pier</aside><p>Tickets are on sale.</p></main>"
    "<footer>Contact us</footer> Closing words</body></html>")


def test_the_text_outside_the_furniture_leaves_out_menus_headers_and_sidebars() -> None:
    page = read_page_text(parse_html(MENU_PAGE))
    assert "Sport" in page.text and "Storm closes pier" in page.text
    outside = "Ferry returns\nThe ferry ran again on Monday.\nTickets are on sale.\nClosing words"
    assert page.content_chars == len(outside)


def test_a_body_covering_the_content_makes_a_further_pass_pointless() -> None:
    page = PageText(text="x" * 1000, outside_furniture="y " * 200)   # 399 characters
    assert _covers_the_content("z" * 390, page, 0.85)
    assert not _covers_the_content("z" * 200, page, 0.85)   # much of the article is missing
    assert _covers_the_content("z" * 200, page, 0.5)
    # Longer than the text outside the furniture: the body came partly from the furniture,
    # and a page with all its text in furniture says nothing either way.
    assert not _covers_the_content("z" * 600, page, 0.5)
    assert not _covers_the_content("", PageText(text="x" * 1000, outside_furniture=""), 0.5)


def test_the_transform_reads_a_page_as_the_walk_does() -> None:
    """A page or a part of one goes through XSLT, a very deep page and one with comments
    through the Python walk: all read as the walk does, furniture nested in furniture,
    the tails of skipped elements and a part's own tail included."""
    from lxml import etree
    from lxml import html as lxml_html

    from sitrep.extract.page_text import _walked_text

    markup = (
        "<html><head><title>T</title><style>p {}</style></head><body>Lead"
        "<header>Masthead<nav>Menu<aside>Inner<b>bold</b></aside>x</nav>y"
        "</header>z<main><h1>Ferry returns</h1><p>One<script>var a;</script>two<br>three</p>"
        "<svg><title>icon</title></svg>four<aside>Most read</aside><o:p>odd</o:p>"
        "<noscript>no</noscript>five</main><footer>Contact</footer> end</body></html>")
    tree = lxml_html.fromstring(markup)
    page = read_page_text(tree)
    assert page == _walked_text(tree)
    assert page.text.startswith("Lead\nMasthead\nMenu\nInner bold\nx\ny\nz\nFerry returns")
    assert "Menu" not in page.outside_furniture and "five" in page.outside_furniture
    for part in tree.iter("header", "nav", "aside", "main", "p", "script", "svg", "b"):
        assert read_page_text(part) == _walked_text(part)

    with_comments = markup.replace("Lead", "Lead<!-- note -->tail<?pi data?>after")
    tree = lxml_html.fromstring(with_comments)
    assert read_page_text(tree) == _walked_text(tree)
    assert "note" not in read_page_text(tree).text

    part = lxml_html.fromstring("<div><p>One</p>two</div>")[0]
    assert read_page_text(part) == _walked_text(part)
    assert read_page_text(part).text == "One\ntwo"   # a part of a page reads its tail

    deep = lxml_html.fromstring("<html><body><p>start</p></body></html>")
    element = deep.find("body")
    for depth in range(4000):   # deeper than libxslt's template recursion
        element = etree.SubElement(element, "div" if depth % 2 else "span")
        element.text, element.tail = f"w{depth}", "t"
    assert read_page_text(deep) == _walked_text(deep)
    assert read_page_text(deep).text.startswith("start\nw0\nw1 w2\nw3")
