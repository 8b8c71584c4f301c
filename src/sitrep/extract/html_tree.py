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
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree  # type: ignore[import-untyped]
from lxml import html as lxml_html

__all__ = ["parse_html"]

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


def _repaired(content: str) -> str:
    """The page as trafilatura would repair it before parsing: a self-closed doctype or
    ``<html .../>`` in the first lines would otherwise end the document for libxml2."""
    beginning = content[:50].lower()
    if "doctype" in beginning:
        first_line, _, rest = content.partition("\n")
        content = _DOCTYPE_TAG.sub("", first_line, count=1) + "\n" + rest
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
