"""The emulator's HTTP layer: a thread per connection, routes, and the parking of `GET /next`.

A runtime's `GET /invocation/next` is not answered on the connection's server thread: the connection
is *parked* with the emulator (`Backend.park`) and its thread sleeps until it is handed back. The
invoke that takes a parked connection writes the event, reads the runtime's answer and its next
`GET /next` on the caller's own thread (emulator.py). In the steady state that leaves no hand-offs
between threads per invoke; the server threads serve everything else (the first `GET /next` of a
connection, requests on other connections, the Invoke API).
"""

from __future__ import annotations

import json
import re
import socket
import socketserver
import urllib.parse
from collections.abc import Mapping
from typing import Protocol

from golden.runtime.connection import BadRequest, Connection, Reply, Request

RUNTIME = "/2018-06-01/runtime"
NEXT = f"{RUNTIME}/invocation/next"
_INVOCATION = re.compile(rf"^{RUNTIME}/invocation/(?P<id>[^/]+)/(?P<what>response|error)$")
_INVOKE_API = re.compile(r"^/2015-03-31/functions/(?P<name>[^/]+)/invocations$")
ERROR_TYPE_HEADER = "Lambda-Runtime-Function-Error-Type"

__all__ = ["NEXT", "Backend", "Reply", "RuntimeApiServer", "json_reply", "route"]


def json_reply(status: int, value: object, headers: tuple[tuple[str, str], ...] = ()) -> Reply:
    """A reply whose body is `value` as JSON."""
    return Reply(status, json.dumps(value).encode(), (("Content-Type", "application/json"), *headers))


class Backend(Protocol):
    """What the HTTP layer asks of the emulator; `sock` identifies the connection a request came on."""

    def connection_opened(self, sock: socket.socket) -> None: ...

    def connection_closed(self, sock: socket.socket) -> None: ...

    def park(self, connection: Connection) -> bool:
        """Take a connection whose `GET /next` waits for an event; block until handed back (True)."""
        ...

    def post_result(
        self, sock: socket.socket, request_id: str, what: str, body: bytes, error_type: str | None
    ) -> Reply: ...

    def post_init_error(self, sock: socket.socket, body: bytes, error_type: str | None) -> Reply: ...

    def invoke_api(
        self, function: str, query: Mapping[str, str], headers: Mapping[str, str], body: bytes
    ) -> Reply: ...


def route(backend: Backend, sock: socket.socket, request: Request) -> Reply | None:
    """The reply to `request`, or None for a `GET /next` (which the caller parks)."""
    path, _, query = request.target.partition("?")
    if request.method == "GET":
        return None if path == NEXT else _not_found(path)
    if request.method != "POST":
        return json_reply(405, {"errorType": "MethodNotAllowed", "errorMessage": f"{request.method} {path}"})
    header = ERROR_TYPE_HEADER.lower()
    error_type = request.trailers.get(header) or request.headers.get(header)
    if match := _INVOCATION.match(path):
        request_id = urllib.parse.unquote(match["id"])
        return backend.post_result(sock, request_id, match["what"], request.body, error_type)
    if path == f"{RUNTIME}/init/error":
        return backend.post_init_error(sock, request.body, error_type)
    if match := _INVOKE_API.match(path):
        parameters = dict(urllib.parse.parse_qsl(query))
        name = urllib.parse.unquote(match["name"])
        return backend.invoke_api(name, parameters, request.headers, request.body)
    return _not_found(path)


def bad_request_reply(error: BadRequest) -> Reply:
    """The answer to a request that could not be read (the connection closes after it)."""
    return json_reply(error.status, {"errorType": "BadRequest", "errorMessage": str(error)})


class RuntimeApiServer(socketserver.ThreadingTCPServer):
    """A threaded server on 127.0.0.1 at a random port, one thread per connection."""

    daemon_threads = True
    allow_reuse_address = True

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


class _Handler(socketserver.BaseRequestHandler):
    server: RuntimeApiServer
    request: socket.socket

    def handle(self) -> None:
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        connection = Connection(self.request)
        backend = self.server.backend
        while True:
            try:
                request = connection.read_request()
                if request is None:
                    return
                reply = route(backend, connection.sock, request)
                if reply is None:
                    if not backend.park(connection):
                        return
                    continue
                connection.send(reply)
            except BadRequest as error:
                connection.send(bad_request_reply(error))
                return
            if not request.keep_alive:
                return


def _not_found(path: str) -> Reply:
    return json_reply(404, {"errorType": "NotFound", "errorMessage": f"no route for {path}"})
