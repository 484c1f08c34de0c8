"""A throttling front for the moto server: the first N requests get Lambda's 429, the rest pass through."""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

THROTTLED = b'{"Type":"User","message":"Rate exceeded"}'


@contextmanager
def throttling(upstream: str, first: int) -> Iterator[tuple[str, list[int]]]:
    """Yields the front's URL and a one-item list counting the requests it throttled."""
    throttled = [0]
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            return None

        def _serve(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            with lock:
                throttle = throttled[0] < first
                throttled[0] += throttle
            if throttle:
                self._reply(
                    429,
                    {"x-amzn-ErrorType": "TooManyRequestsException", "Content-Type": "application/json"},
                    THROTTLED,
                )
                return
            headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length")}
            request = urllib.request.Request(
                upstream + self.path, data=body or None, headers=headers, method=self.command
            )
            try:
                with urllib.request.urlopen(request, timeout=10) as reply:
                    self._reply(reply.status, dict(reply.headers.items()), reply.read())
            except urllib.error.HTTPError as error:
                self._reply(error.code, dict(error.headers.items()), error.read())

        def _reply(self, status: int, headers: dict[str, str], body: bytes) -> None:
            self.send_response(status)
            for key, value in headers.items():
                if key.lower() not in ("content-length", "transfer-encoding", "connection", "server", "date"):
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_PUT = do_DELETE = _serve

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", throttled
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
