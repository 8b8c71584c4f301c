"""The exception hierarchy of sitrep, written out in one place.

Library code raises these; only the CLI (and later the web layer) turns them into
messages. Every error that concerns one input names it in ``source`` so a batch
can report "<input>: <reason>" on one line and carry on with the rest.

    SitrepError
    ├── InputError            one input could not be turned into an article
    │   ├── SourceNotFound    the path or URL does not exist / answered 404
    │   ├── UnsupportedInput  binary, unknown type, too large
    │   ├── DecodeError       not valid text in any encoding we accept
    │   ├── EmptyInput        nothing left to analyse
    │   ├── FeedError         a malformed RSS/Atom feed or feed entry
    │   ├── ArchiveError      a malformed WARC file or record
    │   ├── RecordError       a malformed JSON/JSONL file or record (bad field, bad date)
    │   ├── FetchError        an HTTP fetch failed (network, status)
    │   └── ExtractError      HTML/text could not be turned into an article body
    ├── InvalidDate           an unparseable date given by a user or a document
    ├── KnowledgeBaseError    an actor file (bundled or the user's) breaks the schema
    ├── AnalysisError         the analysis pipeline could not run
    ├── StoreError            the database could not be opened, migrated or written
    └── ConfigError           a setting is wrong (bad database URL, bad option)
"""

from __future__ import annotations

__all__ = [
    "AnalysisError",
    "ArchiveError",
    "ConfigError",
    "DecodeError",
    "EmptyInput",
    "ExtractError",
    "FeedError",
    "FetchError",
    "InputError",
    "InvalidDate",
    "KnowledgeBaseError",
    "RecordError",
    "SitrepError",
    "SourceNotFound",
    "StoreError",
    "UnsupportedInput",
]


class SitrepError(Exception):
    """Base of every error sitrep raises on purpose."""


class InputError(SitrepError):
    """One input (file, feed entry, WARC record, URL) could not become an article.

    ``source`` names the input the way a user would recognise it (a path, a URL,
    ``feed.xml#3`` for an entry); ``reason`` says why in a few words.
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        # Worker processes send these back to the writer; the default pickling would call
        # cls(message) and lose ``reason``.
        return (type(self), (self.source, self.reason))


class SourceNotFound(InputError):
    """The path does not exist, or the URL answered 404/410."""


class UnsupportedInput(InputError):
    """The input is of a type sitrep does not read (binary, too large, unknown suffix)."""


class DecodeError(InputError):
    """The bytes are not text in any encoding sitrep accepts."""


class EmptyInput(InputError):
    """The input holds no text to analyse."""


class FeedError(InputError):
    """An RSS/Atom feed, or one of its entries, is malformed."""


class ArchiveError(InputError):
    """A WARC file or one of its records is malformed."""


class RecordError(InputError):
    """A JSON/JSONL input, or one record of it, is malformed (syntax, a field's type,
    an unparseable ``published`` date)."""


class FetchError(InputError):
    """An HTTP(S) fetch failed: network error, timeout or an error status."""


class ExtractError(InputError):
    """HTML or text could not be turned into a clean article body."""


class InvalidDate(SitrepError):
    """A date string (option or document field) could not be parsed."""

    def __init__(self, value: str, where: str = "date") -> None:
        super().__init__(f"{where}: cannot parse date {value!r} (expected YYYY-MM-DD)")
        self.value = value
        self.where = where

    def __reduce__(self) -> tuple[type[InvalidDate], tuple[str, str]]:
        return (type(self), (self.value, self.where))


class KnowledgeBaseError(SitrepError):
    """An actor knowledge-base file, bundled or the user's, does not fit the schema."""


class AnalysisError(SitrepError):
    """The analysis pipeline could not be built or run."""


class StoreError(SitrepError):
    """The database could not be opened, migrated, read or written."""


class ConfigError(SitrepError):
    """A setting (environment variable, option) is wrong."""
