"""One HTTP/1.1 connection to the emulator: requests read from the socket, each reply sent in one write.

A small reader of its own rather than `http.server`'s: the emulator answers two requests per invoke,
and `BaseHTTPRequestHandler` parsed each head with the `email` package (a quarter of the harness's
Python time per invoke). It reads what runtime clients and boto3 send: CRLF heads, bodies by
`Content-Length` or chunked with trailers (aws-lambda-go posts chunked), `Expect: 100-continue`.
The buffer is ours, so a reader can tell whether a request is already waiting without a system call.

Every reply leaves in one `sendall` on a `TCP_NODELAY` socket: with HTTP/1.1 keep-alive, headers and
body in separate segments stall ~40 ms per invoke on Nagle plus delayed ACK.

A connection has one reader at a time: its server thread, or the invoke that drives it (emulator.py).
"""

from __future__ import annotations

import http
import queue
import re
import select
import socket
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

MAX_HEAD_BYTES = 64 * 1024
MAX_HEADERS = 100
_RECV_BYTES = 64 * 1024
_PHRASES = {status.value: status.phrase for status in http.HTTPStatus}
# A chunked body in one chunk and without trailers, as aws-lambda-go posts a response: size, data, end.
_WHOLE_CHUNKED = re.compile(rb"([0-9a-fA-F]{1,8})\r\n(.*?)\r\n0\r\n(.*?)\r\n", re.DOTALL)


@dataclass(frozen=True)
class Reply:
    """One HTTP response."""

    status: int
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = field(default=())
    wire: bytes | None = field(default=None, compare=False, repr=False)
    """The whole reply as sent, when computed ahead (`prepared`); None: `send` encodes it."""


class Request(NamedTuple):
    """One HTTP request, body read (a named tuple: two are made per invoke, and a tuple is made in C)."""

    method: str
    target: str
    """The request target as sent: path and query."""
    headers: Mapping[str, str]
    """Header names lower-cased; a repeated header keeps its last value."""
    body: bytes
    trailers: Mapping[str, str]
    """Trailer fields after a chunked body, names lower-cased."""
    keep_alive: bool


class BadRequest(Exception):
    """The peer sent something that is not an HTTP/1.x request; answer `status` and close."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class Connection:
    """A keep-alive connection: `read_request`, `send`, and the hand-back signal for its server thread."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self._buffer = bytearray()
        self._blocking = True
        self._resume: queue.SimpleQueue[bool] = queue.SimpleQueue()

    @property
    def buffered(self) -> bool:
        """Bytes of a next request have already been received."""
        return bool(self._buffer)

    # -- ownership: the server thread parks the connection with the emulator and waits --------------

    def wait_handed_back(self) -> bool:
        """Block the server thread until the connection is handed back: True to serve on, False to close."""
        return self._resume.get()

    def hand_back(self, serve_on: bool) -> None:
        """Return the connection to its server thread (exactly once per `wait_handed_back`)."""
        self._resume.put(serve_on)

    # -- reading ------------------------------------------------------------------------------------

    def read_request(self, deadline: float | None = None) -> Request | None:
        """The next request, or None when the peer closed the connection before sending one.

        Raises BadRequest for a malformed request, TimeoutError when `deadline` (perf_counter) passes
        and OSError when the connection breaks.
        """
        buffer = self._buffer
        end = buffer.find(b"\r\n\r\n")
        while end < 0:
            if len(buffer) > MAX_HEAD_BYTES:
                raise BadRequest(431, "request head too large")
            searched = max(len(buffer) - 3, 0)
            if not self._receive(deadline):
                if buffer:
                    raise BadRequest(400, "connection closed in the middle of a request head")
                return None
            end = buffer.find(b"\r\n\r\n", searched)
        head = buffer[:end].decode("latin-1")
        del buffer[: end + 4]
        method, target, version, headers = _parse_head(head)
        get = headers.get
        if (expect := get("expect")) is not None and expect.lower() == "100-continue":
            self.sock.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")
        trailers: dict[str, str] = {}
        if (encoding := get("transfer-encoding")) is not None and "chunked" in encoding.lower():
            body = self._read_chunked(trailers, deadline)
        elif length := get("content-length"):
            try:
                size = int(length)
            except ValueError:
                raise BadRequest(400, "Content-Length is not a number") from None
            if size < 0:
                raise BadRequest(400, "Content-Length is negative")
            if len(buffer) >= size:  # the whole body came with the head (the usual case)
                body = bytes(buffer[:size])
                del buffer[:size]
            else:
                body = self._read_exact(size, deadline)
        else:
            body = b""
        connection = get("connection")
        if version == "HTTP/1.1":
            keep_alive = connection is None or connection.lower() != "close"
        else:
            keep_alive = connection is not None and connection.lower() == "keep-alive"
        return Request(method, target, headers, body, trailers, keep_alive)

    def receive_now(self) -> bool:
        """Take what the socket already holds, without waiting: False when nothing has arrived yet.

        True also at the end of the stream or on an error, which the next `read_request` meets again.
        """
        self._set_blocking(False)
        try:
            chunk = self.sock.recv(_RECV_BYTES)
        except BlockingIOError:
            return False
        except OSError:
            return True
        self._buffer += chunk
        return True

    def _receive(self, deadline: float | None) -> bool:
        """Append what the socket has to the buffer; False at end of stream.

        Without a deadline the socket blocks (a server thread reading). With one it is non-blocking and
        waits in `select` (an invoke driving the connection, which has usually selected already): a
        socket timeout would cost an `ioctl` per `settimeout` and a `poll` before every `recv`.
        """
        self._set_blocking(deadline is None)
        while True:
            try:
                chunk = self.sock.recv(_RECV_BYTES)
                break
            except BlockingIOError:
                self._wait(deadline, write=False)
        self._buffer += chunk
        return bool(chunk)

    def _set_blocking(self, blocking: bool) -> None:
        if blocking != self._blocking:
            self.sock.setblocking(blocking)
            self._blocking = blocking

    def _wait(self, deadline: float | None, *, write: bool) -> None:
        """Wait until the non-blocking socket can be read (or written); TimeoutError at `deadline`."""
        assert deadline is not None, "a non-blocking connection is always used with a deadline"
        remaining = deadline - time.perf_counter()
        if remaining > 0:
            waiting = (self.sock,)
            reading, writing = ((), waiting) if write else (waiting, ())
            if any(select.select(reading, writing, (), remaining)[:2]):
                return
        raise TimeoutError("the peer did not keep up before the deadline")

    def _read_exact(self, size: int, deadline: float | None) -> bytes:
        while len(self._buffer) < size:
            if not self._receive(deadline):
                raise BadRequest(400, "connection closed in the middle of a request body")
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data

    def _read_line(self, deadline: float | None) -> bytes:
        while (end := self._buffer.find(b"\r\n")) < 0:
            if len(self._buffer) > MAX_HEAD_BYTES:
                raise BadRequest(400, "chunk line too long")
            if not self._receive(deadline):
                raise BadRequest(400, "connection closed in the middle of a chunked body")
        line = bytes(self._buffer[:end])
        del self._buffer[: end + 2]
        return line

    def _read_chunked(self, trailers: dict[str, str], deadline: float | None) -> bytes:
        buffer = self._buffer
        if (whole := _WHOLE_CHUNKED.match(buffer)) is not None:  # all of it came at once (the usual case)
            size, data, fields = whole.groups()
            if not fields and len(data) == int(size, 16):
                del buffer[: whole.end()]
                return bytes(data)
        chunks: list[bytes] = []
        while True:
            try:
                size = int(self._read_line(deadline).split(b";", 1)[0].strip() or b"0", 16)
            except ValueError:
                raise BadRequest(400, "bad chunk size") from None
            if size == 0:
                break
            chunks.append(self._read_exact(size, deadline))
            self._read_line(deadline)  # the CRLF after each chunk
        while line := self._read_line(deadline):
            name, _, value = line.decode("latin-1").partition(":")
            trailers[name.strip().lower()] = value.strip()
        return b"".join(chunks)

    # -- writing ------------------------------------------------------------------------------------

    def send(self, reply: Reply, deadline: float | None = None) -> None:
        """Send `reply` in one write; raises OSError when the peer is gone or `deadline` passes."""
        self.send_bytes(reply.wire if reply.wire is not None else encode_reply(reply), deadline)

    def send_bytes(self, data: bytes, deadline: float | None = None) -> None:
        """Send an encoded reply (`encode_reply`) in one write, as `send` does."""
        if deadline is None:
            self._set_blocking(True)
            self.sock.sendall(data)
            return
        self._set_blocking(False)
        try:  # a reply of a few hundred bytes always fits in the socket's buffer: one call
            sent = self.sock.send(data)
        except BlockingIOError:
            sent = 0
        if sent == len(data):
            return
        view = memoryview(data)[sent:]
        while view:
            try:
                view = view[self.sock.send(view) :]
            except BlockingIOError:
                self._wait(deadline, write=True)


def encode_reply(reply: Reply) -> bytes:
    """`reply` as it goes on the wire: status line, `Content-Length`, its headers, the body."""
    fields = "".join([f"{name}: {value}\r\n" for name, value in reply.headers])
    status = f"HTTP/1.1 {reply.status} {_PHRASES.get(reply.status, '')}\r\n"
    return f"{status}Content-Length: {len(reply.body)}\r\n{fields}\r\n".encode("latin-1") + reply.body


def prepared(reply: Reply) -> Reply:
    """`reply` with its wire form computed once (for replies sent again and again, such as 202)."""
    return Reply(reply.status, reply.body, reply.headers, encode_reply(reply))


def _parse_head(head: str) -> tuple[str, str, str, dict[str, str]]:
    lines = head.split("\r\n")
    parts = lines[0].split(" ")
    if len(parts) != 3 or not parts[2].startswith("HTTP/1."):
        raise BadRequest(400, f"not an HTTP/1.x request line: {lines[0][:100]!r}")
    if len(lines) > MAX_HEADERS + 1:
        raise BadRequest(431, "too many headers")
    headers: dict[str, str] = {}
    for line in lines[1:]:  # a loop of str methods: faster here than a regex over the block (measured)
        name, colon, value = line.partition(":")
        if not colon or not name or name != name.strip():
            raise BadRequest(400, f"malformed header line {line[:100]!r}")
        headers[name.lower()] = value.strip()
    return parts[0], parts[1], parts[2], headers
