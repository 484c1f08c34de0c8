"""The emulator's HTTP/1.1 reader and writer, over a real socket pair."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from golden.runtime.connection import MAX_HEAD_BYTES, BadRequest, Connection, Reply


@pytest.fixture
def pair() -> Iterator[tuple[Connection, socket.socket]]:
    server, client = socket.socketpair()
    with server, client:
        yield Connection(server), client


def test_requests_on_one_keep_alive_connection(pair: tuple[Connection, socket.socket]) -> None:
    connection, client = pair
    client.sendall(
        b"GET /next HTTP/1.1\r\nHost: x\r\n\r\n"
        b"POST /a?q=1 HTTP/1.1\r\nContent-Length: 5\r\nX-Thing:  spaced  \r\n\r\nhello"
    )
    first = connection.read_request()
    assert first is not None and (first.method, first.target, first.body) == ("GET", "/next", b"")
    assert first.keep_alive and connection.buffered
    second = connection.read_request()
    assert second is not None and (second.method, second.target, second.body) == ("POST", "/a?q=1", b"hello")
    assert second.headers["x-thing"] == "spaced"
    client.close()
    assert connection.read_request() is None  # closed between requests: no request, no error


def test_a_head_and_body_that_arrive_in_pieces(pair: tuple[Connection, socket.socket]) -> None:
    connection, client = pair
    parts = [b"POST /r HTT", b"P/1.1\r\nContent-Le", b"ngth: 4\r\n\r", b"\nab", b"cd"]

    def send_slowly() -> None:
        for part in parts:
            client.sendall(part)
            time.sleep(0.01)

    threading.Thread(target=send_slowly).start()
    request = connection.read_request(time.perf_counter() + 5)  # non-blocking reads, waiting in select
    assert request is not None and request.body == b"abcd"


def test_chunked_body_with_trailers(pair: tuple[Connection, socket.socket]) -> None:
    connection, client = pair
    client.sendall(
        b"POST /r HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
        b"3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nLambda-Runtime-Function-Error-Type: Boom\r\n\r\n"
    )
    request = connection.read_request()
    assert request is not None and request.body == b"abcde"
    assert request.trailers == {"lambda-runtime-function-error-type": "Boom"}


@pytest.mark.parametrize(
    ("body", "data"),
    [
        (b'1b\r\n{"ok":true,"echo":{"id":17}\r\n0\r\n\r\n', b'{"ok":true,"echo":{"id":17}'),  # aws-lambda-go
        (b"0A\r\n\r\n0\r\nxyz\r\n\r\n0\r\n\r\n", b"\r\n0\r\nxyz\r\n"),  # data that looks like an end
        (b"3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n", b"abcde"),  # two chunks
    ],
)
def test_chunked_bodies_that_arrive_whole(
    pair: tuple[Connection, socket.socket], body: bytes, data: bytes
) -> None:
    """The one-chunk shortcut gives what the chunk-by-chunk reader gives, and leaves the next request."""
    connection, client = pair
    client.sendall(
        b"POST /r HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" + body + b"GET /n HTTP/1.1\r\n\r\n"
    )
    time.sleep(0.05)
    request = connection.read_request()
    assert request is not None and (request.body, request.trailers) == (data, {})
    following = connection.read_request()
    assert following is not None and following.target == "/n"


def test_expect_continue_is_answered_before_the_body(pair: tuple[Connection, socket.socket]) -> None:
    connection, client = pair
    client.sendall(b"POST /r HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n")
    threading.Timer(0.05, lambda: client.sendall(b"ok")).start()
    request = connection.read_request()
    assert request is not None and request.body == b"ok"
    assert client.recv(100) == b"HTTP/1.1 100 Continue\r\n\r\n"


@pytest.mark.parametrize(
    ("head", "keep_alive"),
    [
        (b"GET / HTTP/1.1\r\nConnection: close\r\n\r\n", False),
        (b"GET / HTTP/1.0\r\n\r\n", False),
        (b"GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", True),
    ],
)
def test_keep_alive(pair: tuple[Connection, socket.socket], head: bytes, keep_alive: bool) -> None:
    connection, client = pair
    client.sendall(head)
    request = connection.read_request()
    assert request is not None and request.keep_alive is keep_alive


@pytest.mark.parametrize(
    ("data", "status"),
    [
        (b"NONSENSE\r\n\r\n", 400),
        (b"GET / SPDY/3\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\nno colon here\r\n\r\n", 400),
        (b"POST / HTTP/1.1\r\nContent-Length: ten\r\n\r\n", 400),
        (b"POST / HTTP/1.1\r\nContent-Length: -3\r\n\r\nabc", 400),
        (b"GET / HTTP/1.1\r\nHost: x\r\n Folded: y\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\nName : y\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\n: y\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\n" + b"X: y\r\n" * 101 + b"\r\n", 431),
        (b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400),
        (b"GET / HTTP/1.1\r\nX: " + b"a" * (MAX_HEAD_BYTES + 10), 431),
    ],
)
def test_malformed_requests(pair: tuple[Connection, socket.socket], data: bytes, status: int) -> None:
    connection, client = pair
    threading.Thread(target=client.sendall, args=(data,)).start()
    with pytest.raises(BadRequest) as raised:
        connection.read_request(time.perf_counter() + 5)
    assert raised.value.status == status


def test_a_malformed_header_line_is_named(pair: tuple[Connection, socket.socket]) -> None:
    connection, client = pair
    client.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nbad line\r\nOk: 1\r\n\r\n")
    with pytest.raises(BadRequest, match="malformed header line 'bad line'"):
        connection.read_request()


def test_header_values_are_trimmed_and_names_lower_cased(pair: tuple[Connection, socket.socket]) -> None:
    connection, client = pair
    client.sendall(b"GET / HTTP/1.1\r\nHost: a:1\r\nX-Empty:\r\nX-Tabs:\t v \t\r\n\r\n")
    request = connection.read_request()
    assert request is not None and request.headers == {"host": "a:1", "x-empty": "", "x-tabs": "v"}


def test_a_peer_gone_in_the_middle_of_a_body(pair: tuple[Connection, socket.socket]) -> None:
    connection, client = pair
    client.sendall(b"POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nshort")
    client.shutdown(socket.SHUT_WR)
    with pytest.raises(BadRequest, match="middle of a request body"):
        connection.read_request()


def test_a_deadline_passes(pair: tuple[Connection, socket.socket]) -> None:
    connection, client = pair
    client.sendall(b"GET / HTTP/1.1\r\n")  # the head never ends
    started = time.perf_counter()
    with pytest.raises(TimeoutError):
        connection.read_request(started + 0.1)
    assert 0.1 <= time.perf_counter() - started < 2


def test_reply_in_one_piece_and_a_big_one_without_blocking(pair: tuple[Connection, socket.socket]) -> None:
    connection, client = pair
    connection.send(Reply(202, b'{"status":"OK"}', (("Content-Type", "application/json"),)))
    expected = (
        b"HTTP/1.1 202 Accepted\r\nContent-Length: 15\r\nContent-Type: application/json\r\n\r\n"
        b'{"status":"OK"}'
    )
    assert client.recv(1000) == expected
    big = b"x" * (8 * 1024 * 1024)  # far more than the socket buffers hold: sent in pieces as the peer reads
    received = bytearray()

    def read_all() -> None:
        while len(received) < len(big):
            received.extend(client.recv(1 << 20))

    reader = threading.Thread(target=read_all)
    reader.start()
    connection.send(Reply(200, big), time.perf_counter() + 10)
    reader.join()
    assert received.endswith(big) and received.startswith(b"HTTP/1.1 200 OK\r\nContent-Length: 8388608\r\n")


def test_a_reply_nobody_reads_times_out(pair: tuple[Connection, socket.socket]) -> None:
    connection, _ = pair
    with pytest.raises(TimeoutError):
        connection.send(Reply(200, b"x" * (8 * 1024 * 1024)), time.perf_counter() + 0.1)


def test_hand_back(pair: tuple[Connection, socket.socket]) -> None:
    connection, _ = pair
    connection.hand_back(serve_on=True)
    connection.hand_back(serve_on=False)
    assert connection.wait_handed_back() is True
    assert connection.wait_handed_back() is False
