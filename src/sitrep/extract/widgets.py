"""Page widgets that mislead trafilatura: FAQ questions written as buttons, and
disclaimer blocks it keeps as text.

An accordion's question is often written inside its toggle: ``<button><h3>How long does
it take?</h3></button>`` (the WAI-ARIA accordion pattern puts the heading around or
inside the button). trafilatura removes every ``<button>`` before it reads the page, so
an FAQ comes out as answers without their questions. ``questions_in_buttons`` retags such
a button as the block it reads as: a question of a few words, in the article rather than
in the navigation, header or footer. Buttons that hold other interface (a form, a link, a
nested button) or that say anything but a question ("Read more", "Show all") stay
buttons. Measured: even WCXB pages +0.017 page-units of body F1 (five pages gain, three
lose a little where the gold left the questions out), odd pages +0.063, ScrapingHub
unchanged.

Sites mark their legal and commercial small print with a class or id that says so
("disclaimer", "affiliate-disclaimer", "footer__disclaimer", "form-disclaimer"): the
affiliate notice over a buying guide, the fund's risk notice under it, the newsletter
form's consent line. trafilatura drops such blocks only where another of its chrome words
marks them; ``drop_disclaimers`` removes every block (div, section, span, p) so named,
found in the walk that mislabelled.clear_misleading_names makes anyway. On the even WCXB
pages not one of the 80-odd blocks so named holds gold text, while ten pages carried some
into the body. A note that the views are the writer's own stays, as in chrome.small_print: it
names the article's standing (a ScrapingHub page keeps one in its gold). A block holding
most of the page is not small print, and stays too. Measured: even WCXB pages +0.27
page-units, odd pages +0.145, ScrapingHub unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

__all__ = ["drop_disclaimers", "may_name_a_disclaimer", "questions_in_buttons"]

_FURNITURE = frozenset({"nav", "header", "footer"})
_QUESTION_MIN_WORDS = 3
_QUESTION_MAX_WORDS = 40
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_INTERFACE = frozenset({"a", "button", "input", "select", "textarea", "form", "label"})
_WORD = re.compile(r"\w+")


def questions_in_buttons(tree: Any) -> int:
    """Retag, in place, the buttons that hold an FAQ question; returns how many.

    A button holding a heading becomes a ``div`` (the heading inside is read as one);
    a button holding only text becomes a paragraph.
    """
    count = 0
    for button in list(tree.iter("button")):
        text = " ".join("".join(button.itertext()).split())
        if not text.endswith("?"):
            continue    # the common case: "Menu", "Subscribe", an icon
        words = len(_WORD.findall(text))
        if not _QUESTION_MIN_WORDS <= words <= _QUESTION_MAX_WORDS:
            continue
        tags = {element.tag for element in button.iterdescendants()
                if isinstance(element.tag, str)}
        if tags & _INTERFACE or any(ancestor.tag in _FURNITURE
                                    for ancestor in button.iterancestors()):
            continue
        if tags & _HEADING_TAGS:
            button.tag = "div"
        else:
            for child in list(button):
                button.remove(child)
            button.text = text
            button.tag = "p"
        for name in list(button.attrib):
            del button.attrib[name]
        count += 1
    return count


_NAME_TOKEN = re.compile(r"[a-z]+")
# An editor's note that the views are the writer's own names the article's standing: it
# stays, as in chrome.small_print.
_VIEWS_NOTE = re.compile(r"\b(?:views|opinions)\b", re.IGNORECASE)
_MOST_OF_THE_PAGE = 0.5


def may_name_a_disclaimer(classes: str | None, ident: str | None) -> bool:
    """The cheap test, on a block's class and id, that picks drop_disclaimers'
    candidates (mislabelled.clear_misleading_names asks it in its walk)."""
    return (classes is not None and "isclaimer" in classes) \
        or (ident is not None and "isclaimer" in ident)


def _names_a_disclaimer(element: Any) -> bool:
    """Whether the element's class or id has "disclaimer" for a word ("no-disclaimer":
    no)."""
    for attribute in ("class", "id"):
        value = (element.get(attribute) or "").lower()
        tokens = _NAME_TOKEN.findall(value.replace("no-disclaimer", ""))
        if "disclaimer" in tokens or "disclaimers" in tokens:
            return True
    return False


def drop_disclaimers(candidates: Sequence[Any], page_chars: int) -> int:
    """Remove, in place, those of ``candidates`` (blocks that may_name_a_disclaimer) that
    the page names as its disclaimer (``page_chars``: the length of the page's visible
    text); returns how many."""
    found = []
    for element in candidates:
        if not _names_a_disclaimer(element):
            continue
        text = "".join(element.itertext())
        if _VIEWS_NOTE.search(text) or len(text.strip()) > _MOST_OF_THE_PAGE * page_chars:
            continue
        found.append(element)
    for element in found:
        parent = element.getparent()
        if parent is None:
            continue
        tail = element.tail
        if tail:
            previous = element.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
        parent.remove(element)
    return len(found)
