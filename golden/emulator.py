"""A local Lambda Runtime API: hands one event at a time to a runtime and turns its answer into an Outcome.

One emulator serves one function. Each runtime process it serves is a *generation*: `begin_runtime()`
opens a new one (closing the connections of the last), `runtime_exited()` reports that the current one
died. Connections are tied to the generation in which they were accepted, so a killed runtime's
half-finished `GET /next` can never take an event meant for its successor.

How an invoke travels. A runtime's first `GET /next` parks its connection here (http_server.py).
`invoke()` takes the parked connection and *drives* it on the caller's own thread: it writes the event
and reads the runtime's answer. It then leaves the connection *unread* for the next invoke, which finds
the runtime's next `GET /next` already in the socket's buffer (anything the runtime sent before it,
such as a second answer, is answered first). So a warm invoke costs the caller one wake-up, two socket
writes and two reads, and no hand-off between threads; the server threads serve everything else
(other connections, the Invoke API). Measured on a loaded 2-core machine, this and connection.py
cut the harness's Python CPU per warm invoke from ~550 µs to ~150 µs and its context switches from 6
to 2: the old path handed each invoke from the caller to a server thread and back through a condition
variable (two thread wake-ups), and woke the server thread twice more for the runtime's requests.
Whatever does not arrive on the driven connection (an answer posted on another connection, the
runtime's exit, `close()`) reaches the invoke through the condition variable and a wake-up pipe.
"""

from __future__ import annotations

import collections
import contextlib
import json
import os
import select
import socket
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import TracebackType

from golden.connection import BadRequest, Connection
from golden.errors import EmulatorError
from golden.function import FunctionConfig
from golden.http_server import Reply, RuntimeApiServer, bad_request_reply, json_reply, route
from golden.invoke_api import handle_invoke
from golden.outcome import (
    Crash,
    FunctionError,
    InitError,
    Outcome,
    Result,
    Success,
    Timeout,
    Timing,
    parse_json,
)
from golden.posted import read_error
from golden.process import ProcessExit

MAX_RESPONSE_BYTES = 6 * 1024 * 1024  # Lambda's synchronous response limit


@dataclass
class _Pending:
    """The invoke in flight (mutable: filled in as the runtime moves it along)."""

    request_id: str
    payload: bytes
    timeout_s: float
    trace_id: str
    handed_out_at: float | None = None
    finished_at: float | None = None
    cold: bool = False
    result: Result | None = None
    """What the runtime posted (a response or an error), once it has."""


class Emulator:
    """The Runtime API on 127.0.0.1 (random port) in a background thread, plus the Invoke API."""

    def __init__(self, function: FunctionConfig) -> None:
        self.function = function
        self._cond = threading.Condition()
        self._invoke_lock = threading.Lock()
        self._generation = 0
        self._connections: dict[socket.socket, int] = {}
        self._runtime_connections: set[socket.socket] = set()
        self._parked: collections.deque[Connection] = collections.deque()
        self._unread: Connection | None = None
        """The connection the last invoke drove; its next request (normally `GET /next`) is unread."""
        self._started_at: float | None = None
        self._ready_at: float | None = None
        self._init_error: InitError | None = None
        self._init_error_at: float | None = None
        self._exit: ProcessExit | None = None
        self._served = 0
        self._pending: _Pending | None = None
        self._driver: int | None = None
        """The thread id of the invoke driving a connection, which wake-ups go to through the pipe."""
        self._closed = False
        self._invoke_api: Callable[[bytes], Outcome] = self.invoke
        self._wake_r, self._wake_w = os.pipe()
        os.set_blocking(self._wake_r, False)
        os.set_blocking(self._wake_w, False)
        self._server = RuntimeApiServer(self)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    @property
    def address(self) -> str:
        """host:port, the value of `AWS_LAMBDA_RUNTIME_API` (and the Invoke API's `endpoint_url` host)."""
        return self._server.address

    @property
    def endpoint_url(self) -> str:
        """`http://host:port`, for boto3's `endpoint_url`."""
        return f"http://{self.address}"

    def __enter__(self) -> Emulator:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def serve_invoke_api(self, invoke: Callable[[bytes], Outcome]) -> None:
        """Route Invoke API requests through `invoke` (a runner's, which restarts crashed runtimes)."""
        self._invoke_api = invoke

    # -- the runtime's lifecycle, told by whoever runs the process --------------------------------

    def begin_runtime(self) -> int:
        """A new runtime process is about to start: forget the last one. Returns its generation."""
        with self._cond:
            self._generation += 1
            stale = [sock for sock in self._runtime_connections if self._connections[sock] < self._generation]
            parked = self._take_held()
            self._started_at = time.perf_counter()
            self._ready_at = self._init_error_at = None
            self._init_error = None
            self._exit = None
            self._served = 0
            self._notify()
            generation = self._generation
        for sock in stale:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        for connection in parked:
            connection.hand_back(serve_on=False)
        return generation

    def runtime_exited(self, generation: int, exit: ProcessExit) -> None:
        """The process of `generation` ended; a pending invoke becomes a crash."""
        with self._cond:
            if generation == self._generation:
                self._exit = exit
                self._notify()

    # -- invoking ---------------------------------------------------------------------------------

    def invoke(self, payload: bytes, *, timeout_s: float | None = None) -> Outcome:
        """Queue one event (JSON bytes), wait for the runtime's answer, and say what happened."""
        limit = self.function.timeout_s if timeout_s is None else timeout_s
        with self._invoke_lock:
            with self._cond:
                if self._closed:
                    raise EmulatorError("the emulator is closed; create a new one to invoke again")
                request_id, trace_id = _ids()
                pending = _Pending(request_id, payload, limit, trace_id)
                self._pending = pending
                self._driver = threading.get_ident()
                unread, self._unread = self._unread, None
            try:
                handed = self._await_handout(pending, unread)
                result = self._drive(pending, handed) if isinstance(handed, Connection) else handed
            finally:
                with self._cond:
                    self._pending = None
                    self._driver = None
                    self._cond.notify_all()
            with self._cond:
                return Outcome(pending.request_id, result, self._timing(pending, result), pending.cold)

    def _await_handout(self, pending: _Pending, unread: Connection | None) -> Connection | Result:
        """A parked connection of the current runtime (the event is now handed out), or why none came.

        `unread` is the connection the last invoke left: the runtime's `GET /next` is usually in its
        buffer already, and whatever came before it (a late second answer) is answered first.
        """
        active = unread
        try:
            with self._cond:
                now = time.perf_counter()
                start = self._started_at if self._ready_at is None and self._started_at is not None else now
                handout_limit = start + self.function.init_timeout_s
            while True:
                with self._cond:
                    if self._init_error is not None:
                        pending.cold = True
                        return self._init_error
                    if self._exit is not None:
                        pending.cold = self._served == 0
                        return _crash(self._exit, delivered=False)
                    if self._closed:
                        raise EmulatorError("the emulator was closed while an invoke was waiting")
                    while self._parked:
                        connection = self._parked.popleft()
                        if self._connections.get(connection.sock) != self._generation:
                            connection.hand_back(serve_on=False)
                            continue
                        pending.handed_out_at = time.perf_counter()
                        pending.cold = self._served == 0
                        self._served += 1
                        return connection
                    remaining = handout_limit - time.perf_counter()
                    if remaining <= 0:
                        pending.cold = self._served == 0
                        return Timeout(self.function.init_timeout_s, "init")
                    if active is None:
                        self._cond.wait(remaining)
                        continue
                active = self._serve_next(active, handout_limit)
        finally:
            if active is not None:  # the runtime asked on another connection: its thread serves this one
                active.hand_back(serve_on=True)

    def _drive(self, pending: _Pending, connection: Connection) -> Result:
        """Write the event to `connection` and serve it until the runtime has answered (or not)."""
        assert pending.handed_out_at is not None
        deadline_ms = int(time.time() * 1000 + pending.timeout_s * 1000)
        headers = (
            ("Content-Type", "application/json"),
            ("Lambda-Runtime-Aws-Request-Id", pending.request_id),
            ("Lambda-Runtime-Deadline-Ms", str(deadline_ms)),
            ("Lambda-Runtime-Invoked-Function-Arn", self.function.arn),
            ("Lambda-Runtime-Trace-Id", pending.trace_id),
        )
        active: Connection | None = connection
        invoke_limit = pending.handed_out_at + pending.timeout_s
        result: Result | None = None
        try:
            try:
                connection.send(Reply(200, pending.payload, headers), invoke_limit)
            except OSError:
                connection.hand_back(serve_on=False)
                active = None
            while True:
                with self._cond:
                    if pending.result is not None:
                        result = pending.result
                        return result
                    if self._exit is not None:
                        result = _crash(self._exit, delivered=True)
                        return result
                    if self._closed:
                        raise EmulatorError("the emulator was closed while an invoke was running")
                    remaining = invoke_limit - time.perf_counter()
                    if remaining <= 0:
                        result = Timeout(pending.timeout_s, "invoke")
                        return result
                    if active is None:
                        self._cond.wait(remaining)
                        continue
                active = self._serve_next(active, invoke_limit)
        finally:
            if active is not None:
                self._leave_unread(active, alive=result is not None and not isinstance(result, Crash))

    def _leave_unread(self, connection: Connection, *, alive: bool) -> None:
        """Keep the driven connection for the next invoke, which reads the runtime's next request.

        Not waiting here for the runtime's `GET /next` (a round trip through the runtime) lets the
        caller go on (compare, or invoke the other side) while the runtime asks; the request waits in
        the socket's buffer. A request that is not `GET /next` waits for the next invoke too.
        """
        with self._cond:
            if alive and self._from_current_runtime(connection.sock):
                self._unread = connection
                return
        connection.hand_back(serve_on=False)

    def _serve_next(self, connection: Connection, limit: float) -> Connection | None:
        """Serve the next request on the driven `connection` if one comes before `limit`.

        Returns the connection while this invoke still drives it; None once it is parked again (its
        runtime asked for the next event) or handed back to its server thread to close.
        """
        if not connection.buffered:
            fd = connection.sock.fileno()
            readable = select.select((fd, self._wake_r), (), (), max(limit - time.perf_counter(), 0))[0]
            if self._wake_r in readable:
                with contextlib.suppress(BlockingIOError):
                    os.read(self._wake_r, 4096)
            if fd not in readable:
                return connection
        try:
            request = connection.read_request(limit)
            if request is not None:
                reply = route(self, connection.sock, request)
                if reply is None:
                    self._park_again(connection)
                    return None
                connection.send(reply, limit)
                if request.keep_alive:
                    return connection
        except BadRequest as error:
            with contextlib.suppress(OSError):
                connection.send(bad_request_reply(error), limit)
        except OSError:  # includes a timeout in the middle of a request: the stream is out of step
            pass
        connection.hand_back(serve_on=False)  # closed by the peer, or out of step: its thread closes it
        return None

    def _park_again(self, connection: Connection) -> None:
        with self._cond:
            if self._from_current_runtime(connection.sock):
                self._parked.append(connection)
                self._cond.notify_all()
                return
        connection.hand_back(serve_on=False)

    def _take_held(self) -> list[Connection]:
        """Every connection the emulator holds (parked or unread), now no longer held (lock held)."""
        held = [*self._parked, *([self._unread] if self._unread is not None else [])]
        self._parked.clear()
        self._unread = None
        return held

    def _timing(self, pending: _Pending, result: Result) -> Timing:
        init_ms = None
        if self._started_at is not None and pending.cold:
            ready = self._init_error_at if isinstance(result, InitError) else self._ready_at
            if ready is not None:
                init_ms = (ready - self._started_at) * 1000
        duration_ms = None
        if pending.handed_out_at is not None:
            end = pending.finished_at if pending.finished_at is not None else time.perf_counter()
            duration_ms = (end - pending.handed_out_at) * 1000
        return Timing(init_ms, duration_ms)

    def _notify(self) -> None:
        """Wake every waiter (call with the lock held), including an invoke blocked on its connection."""
        self._cond.notify_all()
        if self._driver is not None and self._driver != threading.get_ident():
            with contextlib.suppress(BlockingIOError):
                os.write(self._wake_w, b"!")

    # -- the Runtime API (server threads, or the invoke driving a connection) ---------------------

    def connection_opened(self, sock: socket.socket) -> None:
        with self._cond:
            self._connections[sock] = self._generation

    def connection_closed(self, sock: socket.socket) -> None:
        with self._cond:
            self._connections.pop(sock, None)
            self._runtime_connections.discard(sock)

    def park(self, connection: Connection) -> bool:
        with self._cond:
            if not self._from_current_runtime(connection.sock):
                return False
            if self._ready_at is None:
                self._ready_at = time.perf_counter()
            self._parked.append(connection)
            self._notify()
        return connection.wait_handed_back()

    def post_result(
        self, sock: socket.socket, request_id: str, what: str, body: bytes, error_type: str | None
    ) -> Reply:
        with self._cond:
            pending = self._pending
            if not self._from_current_runtime(sock) or pending is None or pending.request_id != request_id:
                return _invalid("InvalidRequestID", f"no invocation {request_id} is waiting for an answer")
            if pending.handed_out_at is None or pending.result is not None:
                return _invalid("InvalidStateTransition", f"invocation {request_id} was already answered")
            reply = _ACCEPTED
            if what == "error":
                pending.result = read_error(body, error_type, FunctionError)
            elif len(body) > MAX_RESPONSE_BYTES:
                message = f"Response payload size ({len(body)} bytes) exceeded maximum allowed payload size"
                error = {"errorType": "Function.ResponseSizeTooLarge", "errorMessage": message}
                pending.result = read_error(json.dumps(error).encode(), None, FunctionError)
                reply = json_reply(413, error)
            else:
                value, is_json = parse_json(body)
                pending.result = Success(body, value, is_json)
            pending.finished_at = time.perf_counter()
            self._notify()
        return reply

    def post_init_error(self, sock: socket.socket, body: bytes, error_type: str | None) -> Reply:
        with self._cond:
            if not self._from_current_runtime(sock):
                return _invalid("InvalidStateTransition", "this runtime has been replaced")
            self._init_error = read_error(body, error_type, InitError)
            self._init_error_at = time.perf_counter()
            self._notify()
        return _ACCEPTED

    def invoke_api(
        self, target: str, query: Mapping[str, str], headers: Mapping[str, str], body: bytes
    ) -> Reply:
        return handle_invoke(self.function, self._invoke_api, target, query, headers, body)

    def _from_current_runtime(self, sock: socket.socket) -> bool:
        """Whether a Runtime API request on `sock` is the current runtime's; marks `sock` as a runtime's."""
        self._runtime_connections.add(sock)
        return not self._closed and self._connections.get(sock) == self._generation

    # -- shutting down ----------------------------------------------------------------------------

    def close(self) -> None:
        """Stop serving: wake every waiter, drop every connection, free the port. Safe to call twice."""
        with self._cond:
            if self._closed:
                return
            self._closed = True
            self._notify()
            connections = list(self._connections)
            parked = self._take_held()
        self._server.shutdown()
        for sock in connections:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        for connection in parked:
            connection.hand_back(serve_on=False)
        self._server.server_close()
        self._thread.join()
        with self._cond:  # an invoke driving a connection sees the close and stops using the pipe
            drained = self._cond.wait_for(lambda: self._driver is None, timeout=5)
        if drained:
            os.close(self._wake_r)
            os.close(self._wake_w)


_ACCEPTED = Reply(202, b'{"status":"OK"}', (("Content-Type", "application/json"),))


def _ids() -> tuple[str, str]:
    """A request id (a version-4 UUID) and an X-Ray trace header, from one read of the OS's randomness."""
    random = bytearray(os.urandom(36))
    random[6] = random[6] & 0x0F | 0x40
    random[8] = random[8] & 0x3F | 0x80
    hex = random.hex()
    request_id = f"{hex[:8]}-{hex[8:12]}-{hex[12:16]}-{hex[16:20]}-{hex[20:32]}"
    return request_id, f"Root=1-{int(time.time()):08x}-{hex[32:56]};Parent={hex[56:72]};Sampled=0"


def _crash(exit: ProcessExit, *, delivered: bool) -> Crash:
    return Crash(exit.returncode, exit.stderr_tail[-20:], delivered, exit.out_of_memory)


def _invalid(error_type: str, message: str) -> Reply:
    return json_reply(400, {"errorType": error_type, "errorMessage": message})
