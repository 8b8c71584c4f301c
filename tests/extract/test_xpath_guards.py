"""The guarded XPath expressions select exactly what trafilatura's originals select."""

from __future__ import annotations

import lxml.html
import pytest
from lxml.etree import XPath

from sitrep.extract import xpath_guards
from sitrep.extract.xpath_guards import REGEXP_NS, guard_expression

# Written for this test: every mix of id/class/style presence and order, empty values,
# nesting, and elements the expressions never name.
PAGE = """
<html><body>
  <div id="main-nav">site links</div>
  <div class="share-tools x">share</div>
  <div class="story-body" id="story">the story</div>
  <div id="comments" class="comment-list">a comment</div>
  <section class="" id="">empty attributes</section>
  <p>plain paragraph</p>
  <span style="display: none">hidden span</span>
  <div id="x-hidden">hidden by id</div>
  <div class="Hide-me">capital</div>
  <div class="teaser-box"><p class="teaser">teaser</p></div>
  <ul class="comments"><li>one</li></ul>
  <ol id="commentary"><li>not comments</li></ol>
  <div class="entry"><article class="post-content">body</article></div>
  <div role="navigation" data-component="MostPopularStories">popular</div>
</body></html>
"""


def _rewrites() -> list[tuple[str, str]]:
    xpath_guards.install()
    return xpath_guards.rewrites()


def test_install_rewrites_trafilaturas_regular_expression_lists() -> None:
    originals = " ".join(original for original, _ in _rewrites())
    assert "comments-title" in originals            # OVERALL_DISCARD_XPATH
    assert "comment-?list" in originals             # COMMENTS_XPATH
    assert "mvp-post-add" in originals              # RAW_TREE_PRUNE_XPATH
    assert len(_rewrites()) >= 15


@pytest.mark.parametrize("original, guarded", _rewrites(), ids=lambda x: x[:50])
def test_guarded_expression_selects_the_same_nodes(original: str, guarded: str) -> None:
    root = lxml.html.fromstring(PAGE)
    tree = root.getroottree()
    before = [tree.getpath(e) for e in XPath(original, namespaces={"re": REGEXP_NS})(root)]
    after = [tree.getpath(e) for e in XPath(guarded, namespaces={"re": REGEXP_NS})(root)]
    assert after == before


def test_a_guard_is_an_attribute_test_in_front_of_the_call() -> None:
    path = ".//div[re:test(@id|@class, '^nav') or re:test(@class, 'x', 'i')]"
    assert guard_expression(path) == (
        ".//div[((@id or @class) and re:test(@id|@class, '^nav'))"
        " or ((@class) and re:test(@class, 'x', 'i'))]"
    )


def test_a_pattern_that_matches_nothing_at_all_is_not_guarded() -> None:
    # re:test('', 'x*') is true: a guard would drop elements without the attribute.
    path = ".//div[re:test(@class, 'x*')]"
    assert guard_expression(path) == path
    root = lxml.html.fromstring("<div><div>no class</div></div>")
    assert len(XPath(path, namespaces={"re": REGEXP_NS})(root)) == 1


def test_a_call_it_cannot_read_is_left_alone() -> None:
    path = ".//div[re:test(concat(@id, @class), 'nav')]"
    assert guard_expression(path) == path


def test_install_is_idempotent_and_shared_by_importers() -> None:
    from trafilatura import main_extractor, xpaths

    xpath_guards.install()
    first = list(xpaths.OVERALL_DISCARD_XPATH)
    xpath_guards.install()
    assert list(xpaths.OVERALL_DISCARD_XPATH) == first
    assert main_extractor.OVERALL_DISCARD_XPATH is xpaths.OVERALL_DISCARD_XPATH
    assert all("and re:test" in x.path for x in first)
    assert len(xpath_guards.rewrites()) == len(set(xpath_guards.rewrites()))
