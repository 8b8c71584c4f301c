"""Fixtures of the ingest tests: settings and a real HTTP server on 127.0.0.1 that serves
whatever a test registers (no mocks: httpx talks to a real socket)."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from ingest_support import LiveServer, Route

from sitrep.settings import Settings


@pytest.fixture()
def settings() -> Settings:
    return Settings(database_url="sqlite://", max_input_bytes=1024 * 1024, fetch_timeout=5.0)


@pytest.fixture()
def http_server() -> Iterator[LiveServer]:
    routes: dict[str, Route] = {}
    hits: dict[str, int] = {}
    user_agents: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits[self.path] = hits.get(self.path, 0) + 1
            user_agents.append(self.headers.get("User-Agent", ""))
            route = routes.get(self.path, Route(status=404, body=b"not here"))
            if route.delay:
                time.sleep(route.delay)
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(route.body)))
            for name, value in route.headers.items():
                self.send_header(name, value)
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(route.body)  # the client may have given up (timeouts)

        def log_message(self, format: str, *args: object) -> None:
            """Keep the test output clean."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02},
                              daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield LiveServer(f"http://{host!s}:{port}", routes, hits, user_agents)
    finally:
        server.shutdown()
        server.server_close()
