"""The emulator's HTTP layer: routes, request bodies (plain or chunked) and one-write responses.

Every response leaves in one `write` on a `TCP_NODELAY` socket: with HTTP/1.1 keep-alive, headers and
body in separate segments stall ~40 ms per invoke on Nagle plus delayed ACK.
"""

from __future__ import annotations

import http
import json
import re
import socket
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Protocol

RUNTIME = "/2018-06-01/runtime"
_INVOCATION = re.compile(rf"^{RUNTIME}/invocation/(?P<id>[^/]+)/(?P<what>response|error)$")
_INVOKE_API = re.compile(r"^/2015-03-31/functions/(?P<name>[^/]+)/invocations$")
ERROR_TYPE_HEADER = "Lambda-Runtime-Function-Error-Type"


@dataclass(frozen=True)
class Reply:
    """One HTTP response."""

    status: int
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = field(default=())


def json_reply(status: int, value: object, headers: tuple[tuple[str, str], ...] = ()) -> Reply:
    """A reply whose body is `value` as JSON."""
    return Reply(status, json.dumps(value).encode(), (("Content-Type", "application/json"), *headers))


class Backend(Protocol):
    """What the HTTP layer asks of the emulator; `sock` identifies the connection a request came on."""

    def connection_opened(self, sock: socket.socket) -> None: ...

    def connection_closed(self, sock: socket.socket) -> None: ...

    def next_event(self, sock: socket.socket) -> Reply | None: ...

    def post_result(
        self, sock: socket.socket, request_id: str, what: str, body: bytes, error_type: str | None
    ) -> Reply: ...

    def post_init_error(self, sock: socket.socket, body: bytes, error_type: str | None) -> Reply: ...

    def invoke_api(
        self, function: str, query: Mapping[str, str], headers: Mapping[str, str], body: bytes
    ) -> Reply: ...


class RuntimeApiServer(ThreadingHTTPServer):
    """A threaded server on 127.0.0.1 at a random port, one thread per connection."""

    daemon_threads = True

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        super().__init__(("127.0.0.1", 0), _Handler)

    @property
    def address(self) -> str:
        host, port = self.server_address[:2]
        return f"{host!s}:{port}"

    def process_request(self, request: socket.socket, client_address: object) -> None:  # type: ignore[override]
        # Runs on the accepting thread, so a connection is tied to the runtime generation of its accept.
        self.backend.connection_opened(request)
        super().process_request(request, client_address)

    def handle_error(self, request: object, client_address: object) -> None:
        """A runtime killed mid-request resets its connection: expected, so not printed."""

    def shutdown_request(self, request: socket.socket) -> None:  # type: ignore[override]
        self.backend.connection_closed(request)
        super().shutdown_request(request)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: RuntimeApiServer

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the runtime's own output is what matters."""

    def do_GET(self) -> None:
        if self.path != f"{RUNTIME}/invocation/next":
            self._send(_not_found(self.path))
            return
        reply = self.server.backend.next_event(self.connection)
        if reply is None:  # a connection of a runtime that has been replaced, or the emulator closed
            self.close_connection = True
            return
        self._send(reply)

    def do_POST(self) -> None:
        body, trailers = self._read_body()
        error_type = trailers.get(ERROR_TYPE_HEADER.lower()) or self.headers.get(ERROR_TYPE_HEADER)
        backend = self.server.backend
        url = urllib.parse.urlsplit(self.path)
        if match := _INVOCATION.match(url.path):
            request_id = urllib.parse.unquote(match["id"])
            self._send(backend.post_result(self.connection, request_id, match["what"], body, error_type))
        elif url.path == f"{RUNTIME}/init/error":
            self._send(backend.post_init_error(self.connection, body, error_type))
        elif match := _INVOKE_API.match(url.path):
            query = dict(urllib.parse.parse_qsl(url.query))
            headers = {key.lower(): value for key, value in self.headers.items()}
            self._send(backend.invoke_api(urllib.parse.unquote(match["name"]), query, headers, body))
        else:
            self._send(_not_found(url.path))

    def _read_body(self) -> tuple[bytes, dict[str, str]]:
        """The request body and any trailers (aws-lambda-go posts chunked, with declared trailers)."""
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return self._read_chunked()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length), {}

    def _read_chunked(self) -> tuple[bytes, dict[str, str]]:
        chunks: list[bytes] = []
        while True:
            size = int(self.rfile.readline().split(b";", 1)[0].strip() or b"0", 16)
            if size == 0:
                break
            chunks.append(self.rfile.read(size))
            self.rfile.readline()  # the CRLF after each chunk
        trailers: dict[str, str] = {}
        while (line := self.rfile.readline()) not in (b"\r\n", b"\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            trailers[name.strip().lower()] = value.strip()
        return b"".join(chunks), trailers

    def _send(self, reply: Reply) -> None:
        phrase = http.HTTPStatus(reply.status).phrase
        head = [f"HTTP/1.1 {reply.status} {phrase}", f"Content-Length: {len(reply.body)}"]
        head += [f"{name}: {value}" for name, value in reply.headers]
        data = ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + reply.body
        try:
            self.wfile.write(data)
        except OSError:
            self.close_connection = True


def _not_found(path: str) -> Reply:
    return json_reply(404, {"errorType": "NotFound", "errorMessage": f"no route for {path}"})
