"""The Python selections return exactly the nodes of the XPath expressions they replace."""

from __future__ import annotations

import lxml.html
import pytest
from lxml.etree import XPath

import sitrep.extract.from_html  # noqa: F401  (installs the guards and the selections)
from sitrep.extract import prune_selectors
from sitrep.extract.prune_selectors import PythonSelection
from sitrep.extract.xpath_guards import REGEXP_NS

# Written for this test: each expression's tests, attribute orders (class before id and
# after it), missing and empty attributes, nesting, and the tag names each one skips.
PAGE = """
<html><body>
  <div class="x" id="main-nav">site links</div>
  <div id="story" class="share-tools x">share</div>
  <div class="cookie-box" id="c1">consent</div>
  <div id="c2" class="cookie-box">consent, id first</div>
  <section class="" id="">empty attributes</section>
  <p role="Navigation">a role</p>
  <span data-component="MostPopularStories">popular</span>
  <span data-lp-replacement-content="1">replaced</span>
  <span style="display: none">hidden span</span>
  <em style="display:none">hidden em</em>
  <div style="color: red" id="x-hidden">hidden by id, style after</div>
  <div id="plain" style="x-hidden">hidden by style, id first</div>
  <div class="reply-box" id="r">reply</div>
  <div class="reply-form" id="main-2">class first: a reply by its class</div>
  <div id="main-3" class="reply-form">id first: not a reply</div>
  <div id="reply-to">a reply by its id alone</div><span class="reply-x">by its class alone</span>
  <div style="x-hidden" id="ok">style first, then a plain id</div>
  <p id="ok2" style="color: blue">id first, then a plain style</p>
  <div style="display:none">hidden by its style alone</div>
  <b aria-hidden="true">aria</b>
  <h3 class="comments-title">3 comments</h3>
  <div class="Hide-me">capital</div>
  <div class="a hidden">hidden class</div>
  <ul class="comments"><li>one</li></ul>
  <ol id="commentary"><li>not comments</li></ol>
  <ul class="article-comments"><li>two</li></ul>
  <details id="comments-1">three</details>
  <div id="disqus_thread">disqus</div>
  <div class="infinite-scroll"><h1>kept: holds the h1</h1></div>
  <div class="infinite-scroll"><p>next article</p></div>
  <aside id="mvp-post-add-box"><h1>appended</h1></aside>
  <section class="elementor-share-buttons x">share</section>
  <div class="entry"><div class="ad-slot">ad</div><div class="sidebar">more</div></div>
  <article class="post-content"><p class="meta">by</p><p>body</p></article>
  <div class="post"><div class="article-body">first</div><div class="articleBody">second</div>
    <section id="x"><div class="entry">nested</div></section></div>
  <div class="FullText story">a story</div><div id="story">another</div>
  <div class="x" id="Main-Content">main content</div><div class="content">content</div>
  <section role="main-area">main by role</section><main>the main</main><main>another</main>
  <div class="photo-caption">caption</div><span id="Teaser-1">teaser</span>
  <div class="x" id="page-footer">footer by class, id after</div>
  <div id="y" class="site-footer">footer by id</div>
  <footer>footer</footer><script>var x;</script><svg><path/></svg>
  <div id="Cookie-Banner">cookies</div><p class="onetrust-x">consent</p>
  <div class="x"><span class="author-name">Ann Lee</span><a rel="author">Ann</a>
    <div class="byline">By Ann</div><p itemprop="author">Ann</p><author>A. Lee</author>
    <strong>Ann<rel>me</rel></strong><em class="Writer">Ann</em><b id="Author">Ann</b>
    <i data-component="Byline">Ann</i></div>
  <span class="date">today</span><div class="comments">c</div><a data-component="Figure">f</a>
</body></html>
"""


def _selections() -> list[tuple[str, PythonSelection]]:
    import sys

    from trafilatura import xpaths

    found = []
    for name in ("RAW_TREE_PRUNE_XPATH", "REMOVE_COMMENTS_AND_LISTS_XPATH",
                 "OVERALL_DISCARD_XPATH", "DISCARD_IMAGE_ELEMENTS", "TEASER_DISCARD_XPATH",
                 "BODY_XPATH", "AUTHOR_DISCARD_XPATHS", "AUTHOR_XPATHS"):
        for index, expression in enumerate(getattr(xpaths, name)):
            if isinstance(expression, PythonSelection):
                found.append((f"{name}[{index}]", expression))
    for module in ("trafilatura.settings", "trafilatura.baseline"):
        expression = sys.modules[module].BASIC_CLEAN_XPATH
        assert isinstance(expression, PythonSelection)
    found.append(("BASIC_CLEAN_XPATH", expression))
    return found


def test_install_replaces_the_sixteen_expressions() -> None:
    assert len(_selections()) == 16
    assert len(prune_selectors.replacements()) == 16


@pytest.mark.parametrize("name, selection", _selections(), ids=lambda x: str(x)[:40])
def test_selection_returns_the_xpath_nodes_in_order(name: str,
                                                    selection: PythonSelection) -> None:
    root = lxml.html.fromstring(PAGE)
    tree = root.getroottree()
    original = XPath(selection.path, namespaces={"re": REGEXP_NS})
    expected = [tree.getpath(e) for e in original(root)]
    assert [tree.getpath(e) for e in selection(root)] == expected
    body = root.find("body")
    assert selection(body) == original(body)    # the context node itself is not a match
    assert expected, "the page exercises every expression"
    for element in root.iter("div", "section"):
        assert selection(element) == original(element)


def test_body_selection_takes_the_first_match_under_each_parent() -> None:
    from trafilatura import xpaths

    root = lxml.html.fromstring(PAGE)
    found = [e.text for e in xpaths.BODY_XPATH[0](root)]
    assert "first" in found and "nested" in found and "second" not in found


def test_an_expression_of_another_shape_is_left_alone() -> None:
    template = prune_selectors._TEMPLATES[1][2]
    assert prune_selectors._patterns(template.replace("aside", "nav"), template) is None
    assert prune_selectors._patterns(template, template) == []


def test_install_is_idempotent() -> None:
    from trafilatura import main_extractor, xpaths

    first = list(xpaths.OVERALL_DISCARD_XPATH)
    prune_selectors.install()
    assert list(xpaths.OVERALL_DISCARD_XPATH) == first
    assert main_extractor.OVERALL_DISCARD_XPATH is xpaths.OVERALL_DISCARD_XPATH


def test_a_whole_document_goes_to_the_original_xpath() -> None:
    from trafilatura import xpaths

    selection = xpaths.OVERALL_DISCARD_XPATH[0]
    assert isinstance(selection, PythonSelection)
    tree = lxml.html.fromstring(PAGE).getroottree()
    assert [e.get("class") for e in selection(tree)] == \
        [e.get("class") for e in selection(tree.getroot())]


@pytest.mark.parametrize("ignore_case", [False, True])
def test_search_answers_as_the_regular_expression(ignore_case: bool) -> None:
    """Search is a memo called through dict.__getitem__: a new value is searched in
    __missing__, a missing attribute (None) is the empty string, and a full memo is
    cleared rather than grown."""
    import re

    from sitrep.extract import prune_walks

    pattern = "nav|^$|Side-?bar"
    compiled = re.compile(pattern, re.UNICODE | (re.IGNORECASE if ignore_case else 0))
    search = prune_walks.Search(pattern, ignore_case=ignore_case)
    values = [None, "", "navbar", "SIDEBAR", "side-bar", "Sidebar", "main", "x", None, "nav"]
    for value in values * 2:
        expected = compiled.search("" if value is None else value) is not None
        assert search(value) is expected
    for number in range(prune_walks._MEMO_LIMIT + 5):    # a full memo is cleared
        search(str(number))
    assert 0 < len(search) <= prune_walks._MEMO_LIMIT
