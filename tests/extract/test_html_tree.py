"""parse_html gives the tree trafilatura's own loader would, only cheaper."""

from __future__ import annotations

import pytest
import trafilatura
from lxml import etree  # type: ignore[import-untyped]
from lxml.html import HtmlElement

from sitrep.extract.html_tree import parse_html, repair_mojibake_markup

PAGES = [
    "<!DOCTYPE html><html><head><title>Harbour news</title></head>"
    "<body><h1>Ferry returns</h1><p>The ferry \x0bran again\x07 on Monday.</p></body></html>",
    "<html lang='en'><body><!-- a note --><p>Caf\u00e9 opens \ufffe at noon.</p>"
    "<form><input name='q'></form></body></html>",
    "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" />\n<html><body><p>Old doctype "
    "that closes itself.</p></body></html>",
    "<html/>\n<body><p>A self-closed html tag.</p></body>",
    "\ufeff<!DOCTYPE html><html><body><p>A page that opens with a byte-order mark.</p>"
    "</body></html>",
    "<?xml version='1.0' encoding='iso-8859-1'?><html><body><p>Caf\u00e9 declared Latin-1."
    "</p></body></html>",
    "<html><head><meta charset='windows-1252'></head><body><p>\u201cQuoted\u201d text the "
    "charset tag misdescribes.</p></body></html>",
]


@pytest.mark.parametrize("page", PAGES)
def test_the_tree_is_the_one_trafilatura_would_build(page: str) -> None:
    ours = parse_html(page)
    theirs = trafilatura.load_html(page)
    assert etree.tostring(ours, encoding="unicode") == etree.tostring(theirs, encoding="unicode")


def test_every_element_is_an_html_element_without_forbidden_characters() -> None:
    tree = parse_html(PAGES[0])
    assert all(isinstance(element, HtmlElement) for element in tree.iter())
    assert tree.text_content().endswith("The ferry ran again on Monday.")


def test_a_page_closed_early_is_read_on_as_a_browser_does() -> None:
    page = ("<html><body><header>Site</header></body></html>"
            "<article><p>The article the template printed after the end.</p></article>")
    assert "the template printed" in parse_html(page).text_content()


def test_end_tags_alone_after_the_end_change_nothing() -> None:
    page = "<html><body><p>Short page.</p></body></html>\n</body></html>\n"
    assert parse_html(page).text_content() == "Short page."


@pytest.mark.parametrize("text", ["just a line of text", "<p>one fragment</p>", "   "])
def test_what_is_not_a_page_gives_none(text: str) -> None:
    assert parse_html(text) is None
    assert trafilatura.load_html(text) is None


def test_utf8_read_as_latin1_or_cp1252_is_mended() -> None:
    # The bytes of "’" (E2 80 99) and "é" (C3 A9) stored as one character each.
    latin1 = ("It doesn\u00e2\u0080\u0099t rain. The caf\u00c3\u00a9 opens. "
              "We\u00e2\u0080\u0099re in.")
    cp1252 = "It isn\u00e2\u20ac\u2122t late\u00e2\u20ac\u201dnot yet. Caf\u00c3\u00a9."
    page = f"<html><body><p>{latin1}</p><p>{cp1252}</p></body></html>"
    tree = parse_html(page)
    assert tree is not None
    paragraphs = [p.text_content() for p in tree.iter("p")]
    assert paragraphs == ["It doesn\u2019t rain. The caf\u00e9 opens. We\u2019re in.",
                          "It isn\u2019t late\u2014not yet. Caf\u00e9."]


def test_text_that_only_looks_like_mojibake_is_kept() -> None:
    # Real characters in real text: a times sign before a no-break space, German
    # quotation marks, and a page that quotes mojibake once.
    text = ("Use 2\u00d7\u00a0the dose. \u00bbStra\u00df\u00bb is a word. I saw "
            "\"\u00c3\u00a4\" instead of \"\u00e4\" for years. \u00c2ge d'or.")
    assert repair_mojibake_markup(text) == text


def _trafilatura_doctype_repair(content: str) -> str:
    """The doctype step of trafilatura.utils.repair_faulty_html, as _repaired replaced it."""
    import re

    doctype_tag = re.compile("^< ?! ?DOCTYPE[^>]*/[^<>]*>", re.IGNORECASE)
    if "doctype" in content[:50].lower():
        first_line, _, rest = content.partition("\n")
        content = doctype_tag.sub("", first_line, count=1) + "\n" + rest
    return content


@pytest.mark.parametrize("page", [
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" />\n<html><body>x</body></html>',
    '< ! doctype html PUBLIC "-//W3C//DTD" >\n<html>/<body>x</body></html>',
    '<!DOCTYPE html>\n<html><body><p>a/b</p></body></html>',
    '<!DOCTYPE html\n"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd" />\n<html></html>',
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" /><html><body>one line</body></html>',
    '<!doctype html><html><body>one line, nothing to cut</body></html>',
    '<html><body><p>no doctype at all</p></body></html>\n',
    '\n<!DOCTYPE html />\n<html></html>',
])
def test_the_doctype_repair_is_trafilaturas(page: str) -> None:
    from sitrep.extract.html_tree import _repaired

    assert _repaired(page) == _trafilatura_doctype_repair(page)
