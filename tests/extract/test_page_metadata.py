"""read_page_metadata: which headings count as the page's visible h1 (markup written here)."""

from __future__ import annotations

import pytest
import trafilatura

from sitrep.extract.page_metadata import read_home_links, read_page_metadata


def _h1s(body: str) -> list[str]:
    tree = trafilatura.load_html(f"<html><head><title>t</title></head><body>{body}"
                                 "<p>Some text for the page.</p></body></html>")
    return read_page_metadata(tree).h1


@pytest.mark.parametrize("furniture", [
    '<dialog><h1>Select an option</h1></dialog>',
    '<button><h1>Menu</h1></button>',
    '<template><h1>Sign in</h1></template>',
    '<div class="site-branding"><h1>Coastal Ledger</h1></div>',
    '<h1 class="site-title"><a href="/">Coastal Ledger</a></h1>',
    '<div id="logo"><a href="/"><h1>Coastal Ledger</h1></a></div>',
])
def test_interface_and_logo_headings_are_not_read(furniture: str) -> None:
    assert _h1s(furniture + "<article><h1>Night ferries return</h1></article>") == [
        "Night ferries return"]


def test_a_logo_class_far_above_the_heading_does_not_hide_it() -> None:
    # A theme that marks the whole page ("has-logo" on a wrapper) or broken markup that
    # leaves the article inside a header block: only the heading's own block counts.
    body = ('<div class="wrapper has-logo"><div><div><main><h1>Night ferries return</h1>'
            '</main></div></div></div>')
    assert _h1s(body) == ["Night ferries return"]


def test_links_to_the_home_page_are_collected() -> None:
    tree = trafilatura.load_html(
        '<html><body><a href="/">Ines Farrow</a> <a href="https://farrow.example/">Home</a>'
        '<a href="/posts/">Posts</a> <a href="https://farrow.example/about">About</a>'
        "<p>Some text for the page.</p></body></html>")
    assert read_home_links(tree) == ["Ines Farrow", "Home"]


def test_tags_read_in_one_walk_keep_their_page_order_and_conditions() -> None:
    """The meta, script, title and heading elements are collected in one walk: each is
    still read in page order and under its own condition (first title, five h2s)."""
    tree = trafilatura.load_html(
        '<html lang="en"><head><title>First title</title>'
        '<meta property="og:site_name" content="Coastal Ledger"><meta name="empty">'
        '<script type="application/json">{"headline": "Not JSON-LD"}</script>'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ferries",'
        ' "author": {"name": "Ann Lee"}}</script></head><body>'
        '<svg><title>Icon title</title></svg><h1>Night ferries return</h1>'
        + "".join(f"<h2>Section {n}</h2><p>Text.</p>" for n in range(1, 8))
        + '<time datetime="2024-03-05">March 5</time></body></html>')
    meta = read_page_metadata(tree)
    assert meta.html_title == "First title"
    assert meta.site_name == "Coastal Ledger"
    assert meta.headlines == ["Ferries"]
    assert meta.authors == ["Ann Lee"]
    assert meta.h1 == ["Night ferries return"]
    assert meta.h2 == [f"Section {n}" for n in range(1, 6)]
    assert [str(day) for day in meta.published] == ["2024-03-05"]
