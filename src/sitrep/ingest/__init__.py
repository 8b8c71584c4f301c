"""The ingest stage: sources (files, directories, feeds, WARC archives, URLs) in,
:class:`~sitrep.models.RawDocument` records out.

Bad inputs are yielded as :class:`~sitrep.errors.InputError` values rather than raised,
so a batch reports each one on a line and carries on; see :func:`read_source`.
"""

from sitrep.ingest.sniff import SUPPORTED_SUFFIXES, SourceKind, sniff_kind
from sitrep.ingest.sources import expand_sources, read_source

__all__ = [
    "SUPPORTED_SUFFIXES",
    "SourceKind",
    "expand_sources",
    "read_source",
    "sniff_kind",
]
