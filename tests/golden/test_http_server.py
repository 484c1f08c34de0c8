"""The emulator's HTTP layer: routes and answers to what is not the Runtime API, over real sockets."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator

import pytest

from golden.runtime.emulator import Emulator
from golden.sides.function import FunctionFacts


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    with Emulator(FunctionFacts(name="fake")) as emulator:
        emulator.begin_runtime()
        yield emulator


def exchange(emulator: Emulator, data: bytes) -> tuple[int, dict[str, object], bytes]:
    """Send raw bytes, read one answer (status, JSON body) and whether the server then closed."""
    host, port = emulator.address.split(":")
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        sock.sendall(data)
        answer = b""
        while b"\r\n\r\n" not in answer:
            answer += sock.recv(4096)
        head, _, body = answer.partition(b"\r\n\r\n")
        length = int(head.split(b"Content-Length: ")[1].split(b"\r\n")[0])
        while len(body) < length:
            body += sock.recv(4096)
        sock.settimeout(0.5)
        try:
            rest = sock.recv(4096)
        except TimeoutError:
            rest = b"(open)"
    return int(head.split(b" ")[1]), json.loads(body), rest


def test_unknown_paths_and_methods(emulator: Emulator) -> None:
    status, body, rest = exchange(emulator, b"GET /2018-06-01/runtime/invocation/nope HTTP/1.1\r\n\r\n")
    assert (status, body["errorType"], rest) == (404, "NotFound", b"(open)")  # keep-alive goes on
    status, body, _ = exchange(emulator, b"PUT /2018-06-01/runtime/init/error HTTP/1.1\r\n\r\n")
    assert (status, body["errorType"]) == (405, "MethodNotAllowed")


def test_a_malformed_request_is_answered_and_the_connection_closed(emulator: Emulator) -> None:
    status, body, rest = exchange(emulator, b"HELLO\r\n\r\n")
    assert (status, body["errorType"], rest) == (400, "BadRequest", b"")


def test_connection_close_is_honoured(emulator: Emulator) -> None:
    request = b"POST /2018-06-01/runtime/invocation/x/response HTTP/1.1\r\nConnection: close\r\n\r\n"
    status, body, rest = exchange(emulator, request)
    assert (status, body["errorType"], rest) == (400, "InvalidRequestID", b"")
