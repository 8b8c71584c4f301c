"""Find the article inside a container whose class or id names page chrome.

trafilatura drops, before it looks for the article, every ``div``/``section``/``p``/``span``
whose class or id carries a chrome token ("footer", "meta", "slide", "widget", "bar",
"menu"...). Themes reuse those words for layout ("page-footer" for the lower half of the
page body, "slide" for a carousel of the article's own sections), and when such a
container holds the article itself the body comes back as a stray paragraph or two.

The repair is narrow on purpose: only when the body is still short after every pass, and
only for a container that holds most of the page's visible text (a real footer, sidebar
or menu never does: it is a strip along the article, not the bulk of the page), the
container loses its class and id in a copy of the tree and trafilatura runs again. The
copy keeps the caller's tree, which the metadata readers share, as it was.
"""

from __future__ import annotations

import copy
from typing import Any

from trafilatura.xpaths import OVERALL_DISCARD_XPATH

from sitrep.extract.page_text import read_page_text

__all__ = ["MAIN_SHARE", "unmasked_main_block"]

# A container trafilatura would drop as chrome that holds at least this share of the
# page's visible text is the page's main block, whatever its class says.
MAIN_SHARE = 0.5


def unmasked_main_block(tree: Any, page_chars: int) -> Any | None:
    """A copy of ``tree`` in which the chrome-named container holding at least
    ``MAIN_SHARE`` of the page's ``page_chars`` visible characters has lost its class and
    id (and so is no longer discarded by trafilatura); None when no container does.

    Of nested candidates the outermost qualifying one is unmasked, together with any
    chrome-named containers inside it that also qualify (a "footer" wrapper around a
    "footer-inner" one).
    """
    if page_chars <= 0:
        return None
    # trafilatura's own expression (the first of its overall-discard list matches by
    # class and id tokens), so the check follows whatever vocabulary it ships with.
    # The raw string length (libxml2, no Python walk) bounds the visible text from above,
    # so most candidates (menus, bylines, share bars) go before their text is read.
    least = MAIN_SHARE * page_chars
    masked = [element for element in OVERALL_DISCARD_XPATH[0](tree)
              if element.xpath("string-length(string())") >= least
              and len(read_page_text(element).text) >= least]
    if not masked:
        return None
    paths = [element.getroottree().getpath(element) for element in masked]
    unmasked = copy.deepcopy(tree)
    for path in paths:
        for element in unmasked.xpath(path):
            for attribute in ("class", "id"):
                element.attrib.pop(attribute, None)
    return unmasked
