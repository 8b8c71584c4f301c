"""HTTP(S) fetching with the limits a batch run needs.

One :class:`Fetcher` wraps one ``httpx.Client`` so that a feed and the pages its entries
link to share connections. Every failure becomes an :class:`InputError` subclass naming
the URL: 404/410 is :class:`SourceNotFound` (the page is gone, retrying will not help);
other statuses, refused connections and timeouts are :class:`FetchError`; a body over
``settings.max_input_bytes`` is :class:`UnsupportedInput`, refused from its
Content-Length when the server sends one and otherwise as soon as the stream passes it.

``settings.fetch_timeout`` bounds the whole request, not only each socket read, so a
server that drips one byte a second cannot hold a batch hostage.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from types import TracebackType

import httpx

from sitrep.errors import FetchError, SourceNotFound, UnsupportedInput
from sitrep.settings import Settings

__all__ = ["Fetched", "Fetcher", "is_url"]

_MAX_REDIRECTS = 10
_GONE = frozenset({404, 410})


def is_url(source: str) -> bool:
    """True for ``http://`` and ``https://`` sources; everything else is a path."""
    return source[:8].lower().startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True)
class Fetched:
    """A successful response: the final URL after redirects, the body, its Content-Type."""

    url: str
    data: bytes
    content_type: str | None


class Fetcher:
    """Fetch URLs under one client; use as a context manager so sockets are closed."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._client = httpx.Client(
            follow_redirects=True,
            max_redirects=_MAX_REDIRECTS,
            timeout=settings.fetch_timeout,
            headers={"User-Agent": settings.user_agent},
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(self, url: str, origin: str | None = None) -> Fetched:
        """GET ``url`` and return its body; raise an InputError naming ``origin``
        (default: the URL) when it cannot be had."""
        name = origin or url
        timeout = self._settings.fetch_timeout
        deadline = time.monotonic() + timeout
        try:
            with self._client.stream("GET", url) as response:
                self._check_status(name, response)
                data = self._read_capped(name, response, deadline)
                return Fetched(str(response.url), data, response.headers.get("content-type"))
        except httpx.TimeoutException as exc:
            raise FetchError(name, f"timed out after {timeout:g} s") from exc
        except httpx.ConnectError as exc:
            raise FetchError(name, f"cannot connect: {_first_line(exc)}") from exc
        except httpx.TooManyRedirects as exc:
            raise FetchError(name, f"more than {_MAX_REDIRECTS} redirects") from exc
        except httpx.InvalidURL as exc:
            raise FetchError(name, f"invalid URL: {_first_line(exc)}") from exc
        except httpx.UnsupportedProtocol as exc:
            raise FetchError(name, f"unsupported URL scheme: {_first_line(exc)}") from exc
        except httpx.HTTPError as exc:
            raise FetchError(name, f"{type(exc).__name__}: {_first_line(exc)}") from exc

    @staticmethod
    def _check_status(name: str, response: httpx.Response) -> None:
        status = response.status_code
        if status < 400:
            return
        reason = f"HTTP {status} {response.reason_phrase}".rstrip()
        if status in _GONE:
            raise SourceNotFound(name, reason)
        raise FetchError(name, reason)

    def _read_capped(self, name: str, response: httpx.Response, deadline: float) -> bytes:
        limit = self._settings.max_input_bytes
        declared = response.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            raise UnsupportedInput(name, f"response of {int(declared)} bytes is over the "
                                         f"{limit}-byte limit")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise UnsupportedInput(name, f"response is over the {limit}-byte limit")
            if time.monotonic() > deadline:
                raise FetchError(name, f"timed out after {self._settings.fetch_timeout:g} s")
            chunks.append(chunk)
        return b"".join(chunks)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
