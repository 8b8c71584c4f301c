"""Parse an HTML page into the lxml tree that trafilatura and our metadata readers share.

Why our own parse rather than ``trafilatura.load_html``: the tree is the same (same
libxml2 options, the same repairs), but two costs of that route are avoidable, and they
are paid on every page:

- lxml.html's default element-class lookup calls back into Python for every element
  proxy lxml creates, and trafilatura's passes create hundreds of thousands of them per
  page; a C-level default lookup gives the same ``HtmlElement`` class without the
  callback. Only the form-specific subclasses (``FormElement``, ``InputElement``...) are
  lost, and nothing downstream uses their extra methods.
- ``load_html`` removes the characters XML forbids with a regular expression over the
  whole string, then parses the string; here the text is encoded once and the control
  characters are deleted from the bytes (none can occur inside a multi-byte UTF-8
  sequence), which is the same text at about half the cost, and UTF-8 bytes are what
  libxml2 reads anyway.

A template that closes the document early (``</body></html>`` after the header, the
article after it) is read on as browsers do: libxml2 would drop everything that follows.

Text that a CMS stored after decoding UTF-8 as Latin-1 or cp1252 (the three bytes of a
right quote read as three characters: "doesn" + U+00E2 U+0080 U+0099 + "t", or
U+00E2 U+20AC U+2122 in cp1252) is mended before parsing (repair_mojibake_markup): the
reader of the page sees the same garbage, but what the writer wrote is "doesn't", and the
control characters of the Latin-1 form are otherwise deleted, leaving "doesn" + U+00E2 +
"t", a word of no language.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree  # type: ignore[import-untyped]
from lxml import html as lxml_html

__all__ = ["parse_html", "repair_mojibake_markup"]

# trafilatura's own parser options (trafilatura.utils.HTML_PARSER): comments and
# processing instructions are not page text, and the page's charset declaration is not
# trusted over the text we already decoded.
_PARSER = lxml_html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                               remove_comments=True, remove_pis=True)
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment,
    pi=lxml_html.HtmlProcessingInstruction, entity=lxml_html.HtmlEntity))

_DOCUMENT_END = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)
# Characters XML 1.0 forbids, as trafilatura.utils.INVALID_XML_CHARS: the C0 controls
# but tab, newline and carriage return (deleted from the UTF-8 bytes) and U+FFFE/U+FFFF.
_CONTROL_BYTES = bytes(code for code in range(32) if code not in (9, 10, 13))
_NON_CHARACTERS = re.compile("[\ufffe\uffff]")
# The same repairs as trafilatura.utils.repair_faulty_html.
_DOCTYPE_TAG = re.compile("^< ?! ?DOCTYPE[^>]*/[^<>]*>", re.IGNORECASE)
_FAULTY_HTML = re.compile(r"(<html.*?)\s*/>", re.IGNORECASE)


# cp1252's printable characters for the bytes 0x80-0x9F (Latin-1 gives C1 controls there).
_CP1252_HIGH = "\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d" \
    "\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"
_CONTINUATION = "[\u0080-\u00bf" + _CP1252_HIGH + "]"
# A UTF-8 character read one byte at a time: a lead byte and its continuation bytes.
_MOJIBAKE = re.compile(f"[\u00c2-\u00df]{_CONTINUATION}|[\u00e0-\u00ef]{_CONTINUATION}{{2}}"
                       f"|[\u00f0-\u00f4]{_CONTINUATION}{{3}}")
# Cheap signs that a page may hold such text: the lead bytes of punctuation (U+2000-U+206F,
# "â") and of Latin-1 letters and the no-break space ("Ã", "Â"). Single characters: a
# search for one is several times faster than for a pair in a non-ASCII string.
_MOJIBAKE_SIGNS = ("\u00e2", "\u00c3", "\u00c2")
# What mended text may hold: Latin letters and punctuation, Greek and Cyrillic, symbols
# and emoji. A "repair" into any other script (Hebrew from "×\xa0", "2×" before a
# no-break space; NKo from "ß»", "Fuß»") was real text that only looked like it.
_MENDED_RANGES = ((0x00A0, 0x024F), (0x0370, 0x04FF), (0x2000, 0x2BFF), (0x1F000, 0x1FAFF))


# A page quoting mojibake shows a character or two of it; a broken page, every apostrophe.
_MIN_MENDED = 3


def _mend(match: re.Match[str]) -> str:
    """One UTF-8 character back from its Latin-1/cp1252 reading, or the text unchanged."""
    text = match.group()
    raw = b"".join(bytes((ord(char),)) if char < "\u0100" else char.encode("cp1252")
                   for char in text)
    try:
        mended = raw.decode("utf-8")
    except UnicodeDecodeError:
        return text
    code = ord(mended)
    return mended if any(low <= code <= high for low, high in _MENDED_RANGES) else text


def repair_mojibake_markup(content: str) -> str:
    """The page with UTF-8 text that was decoded as Latin-1 or cp1252 mended, character by
    character (a page may mix mended and broken text); other text is left as it is.

    Most pages show none of the signs, checked by character search (about 0.1 ms a page,
    several times cheaper than the pattern over the whole page). A page with only a pair
    of such characters is left alone: that is a page quoting mojibake ('I saw
    "\u00c3\u00a4" instead of "\u00e4"'), while a broken page breaks every apostrophe and
    dash.
    """
    if content.isascii() or not any(sign in content for sign in _MOJIBAKE_SIGNS):
        return content
    mended = 0

    def mend(match: re.Match[str]) -> str:
        nonlocal mended
        text = _mend(match)
        mended += text != match.group()
        return text

    repaired = _MOJIBAKE.sub(mend, content)
    return repaired if mended >= _MIN_MENDED else content


def _repaired(content: str) -> str:
    """The page as trafilatura would repair it before parsing: a self-closed doctype or
    ``<html .../>`` in the first lines would otherwise end the document for libxml2."""
    beginning = content[:50].lower()
    if "doctype" in beginning:
        # trafilatura rebuilds the page from its first line and the rest (two copies of
        # the whole page, about 0.15 ms); the same text is the doctype cut off where it
        # closes in the first line, and a newline added to a page of one line.
        first_end = content.find("\n")
        if first_end < 0:
            first_end = len(content)
            content += "\n"
        doctype = _DOCTYPE_TAG.match(content, 0, first_end)
        if doctype:
            content = content[doctype.end():]
    for line in content[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            content = _FAULTY_HTML.sub(r"\1>", content, count=1)
            break
    return content


def parse_html(content: str) -> Any:
    """The page's tree (an lxml.html ``HtmlElement``), or None when it is not HTML.

    Not HTML, as for trafilatura: nothing parses, or the text neither mentions ``html``
    in its first 50 characters nor yields more than one top-level element.
    """
    first_end = _DOCUMENT_END.search(content)
    if first_end and _DOCUMENT_END.sub("", content[first_end.end():]).strip():
        # Only when something other than end tags follows the first of them are they
        # dropped (the parser closes the document itself): well-formed pages stay as sent.
        content = _DOCUMENT_END.sub("", content)
    dubious = "html" not in content[:50].lower()
    content = repair_mojibake_markup(content)
    if "\ufffe" in content or "\uffff" in content:
        content = _NON_CHARACTERS.sub("", content)
    data = _repaired(content).encode("utf-8", "surrogatepass").translate(None, _CONTROL_BYTES)
    try:
        tree = lxml_html.fromstring(data, parser=_PARSER)
    except (etree.LxmlError, ValueError):
        return None
    if tree is None or (dubious and len(tree) < 2):
        return None
    return tree
