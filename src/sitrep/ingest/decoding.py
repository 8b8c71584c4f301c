"""Bytes to ``str`` without guessing and without silently replacing characters.

A replaced character (U+FFFD) in a name or a quote is a wrong fact in the output, so
decoding is strict: when the bytes are not valid in the encoding we settled on, the input
is refused with the byte offset of the first bad byte, and the user can fix or convert it.

Text files: a BOM (UTF-8/UTF-16) decides, else UTF-8.
HTML: the WHATWG order of evidence: BOM, then the charset of the transport (HTTP
Content-Type, also stored in WARC records), then a ``<meta>`` charset in the first 4 KiB,
else UTF-8. Legacy labels map to what browsers use (``iso-8859-1`` means windows-1252).
One deliberate exception: bytes that are valid, non-ASCII UTF-8 are read as UTF-8 even
under a single-byte label (see :func:`_is_non_ascii_utf8`).
"""

from __future__ import annotations

import codecs
import re

from sitrep.errors import DecodeError

__all__ = ["charset_from_content_type", "decode_html", "decode_text"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Browsers decode these labels as windows-1252 (WHATWG Encoding Standard), and pages
# labelled latin-1 routinely hold curly quotes in the 0x80-0x9F range.
_WHATWG_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "windows-1252": "cp1252",
    "x-user-defined": "cp1252",
    "tis-620": "cp874",
    "iso-8859-9": "cp1254",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-sjis": "shift_jis",
}

_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_CT_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_META_SCAN_BYTES = 1024 * 4
# Python codec names of the single-byte charsets that a stale label commonly names.
_SINGLE_BYTE = frozenset({"cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1257",
                          "iso8859-2", "iso8859-5", "iso8859-7", "iso8859-15", "koi8-r"})


def charset_from_content_type(content_type: str | None) -> str | None:
    """The ``charset=`` parameter of an HTTP Content-Type header, if any."""
    if not content_type:
        return None
    found = _CT_CHARSET.search(content_type)
    return found.group(1) if found else None


def _bom_encoding(data: bytes) -> tuple[str, int] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def _strict_decode(origin: str, data: bytes, encoding: str, why: str, skip: int = 0) -> str:
    """Decode or raise a DecodeError naming the absolute offset of the first bad byte."""
    try:
        return data[skip:].decode(encoding, errors="strict")
    except UnicodeDecodeError as exc:
        offset = skip + exc.start
        bad = data[offset:offset + 1].hex()
        raise DecodeError(
            origin, f"invalid {why} at byte offset {offset} (0x{bad})") from exc


def decode_text(origin: str, data: bytes) -> str:
    """Decode a plain-text input: a BOM decides, else it must be valid UTF-8."""
    bom = _bom_encoding(data)
    if bom is not None:
        encoding, skip = bom
        return _strict_decode(origin, data, encoding, encoding.upper(), skip)
    return _strict_decode(origin, data, "utf-8", "UTF-8")


def _normalise_label(origin: str, label: str, where: str) -> str:
    """Map a declared charset label to a Python codec; raise for a label nobody knows."""
    name = label.strip().lower()
    name = _WHATWG_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError as exc:
        raise DecodeError(origin, f"unknown charset {label!r} declared in {where}") from exc


def decode_html(origin: str, data: bytes, transport_charset: str | None = None) -> str:
    """Decode an HTML page by the evidence it carries (see the module docstring).

    ``transport_charset`` is the charset an HTTP response (or WARC record) declared.
    """
    bom = _bom_encoding(data)
    if bom is not None:
        encoding, skip = bom
        return _strict_decode(origin, data, encoding, f"{encoding.upper()} (from BOM)", skip)
    declared: list[tuple[str, str]] = []
    if transport_charset:
        declared.append((transport_charset, "the Content-Type header"))
    found = _META_CHARSET.search(data[:_META_SCAN_BYTES])
    if found is not None:
        declared.append((found.group(1).decode("ascii"), "the page's <meta>"))
    for label, where in declared:
        encoding = _normalise_label(origin, label, where)
        # A UTF-16 label on bytes without a BOM is almost always a lie; WHATWG says UTF-8.
        if encoding.startswith("utf-16"):
            continue
        if encoding in _SINGLE_BYTE and _is_non_ascii_utf8(data):
            break  # see _is_non_ascii_utf8: the label is the server's default, not the page's
        return _strict_decode(origin, data, encoding, f"{label} (declared in {where})")
    return _strict_decode(origin, data, "utf-8", "UTF-8 and no charset declared")


def _is_non_ascii_utf8(data: bytes) -> bool:
    """True when ``data`` is valid UTF-8 and not plain ASCII.

    Servers and crawlers stamp ``charset=ISO-8859-1`` on everything by default, and
    windows-1252 decodes any byte string, so obeying that label would turn every "’" of a
    UTF-8 page into "â€™" without an error. Text in a single-byte charset practically never
    forms valid multi-byte UTF-8 sequences by chance, so valid non-ASCII UTF-8 wins over a
    single-byte label.
    """
    if data.isascii():
        return False
    try:
        data.decode("utf-8", errors="strict")
    except UnicodeDecodeError:
        return False
    return True
