"""Skipping trafilatura's unread tree copies changes no pass's result."""

from __future__ import annotations

from collections.abc import Iterator

import lxml.html
import pytest
import trafilatura
import trafilatura.core

import sitrep.extract.from_html  # noqa: F401  (installs the replacements)
from sitrep.extract import tree_copies

# Written for this test: a long article (the recall pass's bypass needs > 2,500 characters),
# a short one (the full pass's comparison runs), and page furniture around both.
_PARAGRAPHS = "".join(
    f"<p>The harbour authority said that berth {berth} of the new ferry terminal would open "
    f"in {month}, after two years of delays caused by a dispute over the contract for the "
    "breakwater and the dredging of the approach channel.</p>"
    for berth, month in enumerate(("March", "April", "May", "June") * 4, start=1))
LONG_PAGE = ("<html><head><title>Terminal to open</title></head><body>"
             "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
             f"<article><h1>Terminal to open</h1>{_PARAGRAPHS}</article>"
             "<div class='comments'><p>First!</p></div>"
             "<footer>Copyright the harbour gazette</footer></body></html>")
SHORT_PAGE = ("<html><body><div class='menu'><a href='/a'>A</a><a href='/b'>B</a></div>"
              "<div class='story'><p>Two ferries collided in fog off the northern pier; "
              "nobody was hurt.</p><p>Both were towed back to port.</p></div>"
              "<div class='related'><a href='/c'>Older story</a></div></body></html>")
PASSES = [{"fast": True}, {"fast": False}, {"favor_recall": True},
          {"favor_recall": True, "fast": True}, {"favor_precision": True}]


@pytest.fixture
def originals() -> Iterator[None]:
    """trafilatura's own functions for the duration of a test."""
    saved = {name: getattr(trafilatura.core, name) for name in tree_copies._REPLACEMENTS}
    for name, function in tree_copies._ORIGINALS.items():
        setattr(trafilatura.core, name, function)
    yield
    for name, function in saved.items():
        setattr(trafilatura.core, name, function)


def _texts() -> list[str | None]:
    found = []
    for page in (LONG_PAGE, SHORT_PAGE):
        for options in PASSES:
            document = trafilatura.bare_extraction(
                lxml.html.fromstring(page), include_comments=False, include_tables=True,
                **options)
            found.append(None if document is None else document.text)
    return found


def test_installed_for_the_pinned_trafilatura() -> None:
    assert sorted(tree_copies.installed()) == ["_extract_and_compare", "_prepare_tree"]
    assert trafilatura.core._prepare_tree is tree_copies._prepare_tree


def test_every_pass_returns_what_the_originals_return(originals: None) -> None:
    expected = _texts()
    tree_copies.install()
    assert _texts() == expected
    assert any(text and len(text) > 2500 for text in expected)


def test_a_changed_function_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    def _prepare_tree(tree: object, options: object, url: str | None) -> None:
        """Not the function whose source was read."""

    monkeypatch.setattr(trafilatura.core, "_prepare_tree", _prepare_tree)
    tree_copies.install()
    assert trafilatura.core._prepare_tree is _prepare_tree
