"""parse_html gives the tree trafilatura's own loader would, only cheaper."""

from __future__ import annotations

import pytest
import trafilatura
from lxml import etree  # type: ignore[import-untyped]
from lxml.html import HtmlElement

from sitrep.extract.html_tree import parse_html

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
