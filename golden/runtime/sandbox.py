"""What the emulator knows of the runtime it serves, and the Runtime API's answers to that runtime.

Each runtime process is a *generation*: `begin_runtime()` opens a new one (closing the connections of
the last), `runtime_exited()` reports that the current one died. Connections are tied to the
generation in which they were accepted, so a killed runtime's half-finished `GET /next` can never take
an event meant for its successor.

The emulator holds some connections of the current runtime: *parked* ones, whose `GET /next` waits for
an event (their server threads sleep until handed back), and the *unread* one the last invoke drove.
Every field is guarded by `lock` (taken directly, a C-level context manager: `with sandbox.cond` adds
two Python calls per section, and a warm invoke takes it several times); `cond` is a condition on that
lock, waited on through `wait()`. `notify()` wakes whoever waits on it and, through a pipe, the invoke
that waits in `select` on the connection it drives (`driver`).
"""

from __future__ import annotations

import collections
import contextlib
import os
import socket
import threading
import time
from collections.abc import Callable, Mapping

from golden.outcome import InitError, Outcome, Result, Timing
from golden.runtime.connection import Connection, Reply
from golden.runtime.invocation import ACCEPTED, Invocation, read_answer, rejected
from golden.runtime.invoke_api import handle_invoke
from golden.runtime.posted import read_error
from golden.runtime.process import ProcessExit
from golden.sides.function import FunctionFacts


class Sandbox:
    """The state of the runtime being served, shared by the server threads and the invoke."""

    def __init__(self, function: FunctionFacts, invoke_api: Callable[[bytes], Outcome]) -> None:
        self.function = function
        self.invoke_api_target = invoke_api
        """What Invoke API requests run through (a runner's invoke, which restarts crashed runtimes)."""
        self.lock = threading.RLock()
        self.cond = threading.Condition(self.lock)
        self.waiting = 0
        """Threads in `wait()`: `notify()` skips the condition's Python-level notify when there are none."""
        self.generation = 0
        self.connections: dict[socket.socket, int] = {}
        """Every open connection and the generation it was accepted in."""
        self.runtime_connections: set[socket.socket] = set()
        self.parked: collections.deque[Connection] = collections.deque()
        self.unread: Connection | None = None
        """The connection the last invoke drove; its next request (normally `GET /next`) is unread."""
        self.started_at: float | None = None
        self.ready_at: float | None = None
        self.init_error: InitError | None = None
        self.init_error_at: float | None = None
        self.exit: ProcessExit | None = None
        self.served = 0
        self.invocation: Invocation | None = None
        self.driver: int | None = None
        """The thread id of the invoke in flight, which wake-ups also reach through the pipe."""
        self.closed = False
        self.wake_r, self._wake_w = os.pipe()
        os.set_blocking(self.wake_r, False)
        os.set_blocking(self._wake_w, False)

    # -- the runtime's lifecycle --------------------------------------------------------------------

    def begin_runtime(self) -> int:
        """A new runtime process is about to start: forget the last one. Returns its generation."""
        with self.lock:
            self.generation += 1
            stale = [sock for sock in self.runtime_connections if self.connections[sock] < self.generation]
            held = self.take_held()
            self.started_at = time.perf_counter()
            self.ready_at = self.init_error_at = None
            self.init_error = None
            self.exit = None
            self.served = 0
            self.notify()
            generation = self.generation
        for sock in stale:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        for connection in held:
            connection.hand_back(serve_on=False)
        return generation

    def runtime_exited(self, generation: int, exit: ProcessExit) -> None:
        with self.lock:
            if generation == self.generation:
                self.exit = exit
                self.notify()

    def close(self) -> list[socket.socket] | None:
        """Refuse everything from now on; hand back what is held. Every open connection, or None if closed."""
        with self.lock:
            if self.closed:
                return None
            self.closed = True
            self.notify()
            held = self.take_held()
            connections = list(self.connections)
        for connection in held:
            connection.hand_back(serve_on=False)
        return connections

    def close_pipe(self) -> None:
        """Close the wake-up pipe once no invoke uses it (left open if one is stuck for 5 s)."""
        deadline = time.monotonic() + 5
        with self.lock:
            while self.driver is not None:
                if (remaining := deadline - time.monotonic()) <= 0:
                    return
                self.wait(remaining)
        os.close(self.wake_r)
        os.close(self._wake_w)

    # -- for the invoke (call with `lock` held unless said otherwise) ------------------------------

    def wait(self, timeout: float) -> None:
        """Wait on `cond` (with `lock` held) until notified or `timeout` seconds pass."""
        self.waiting += 1
        try:
            self.cond.wait(timeout)
        finally:
            self.waiting -= 1

    def notify(self) -> None:
        """Wake every waiter, including an invoke blocked on its connection."""
        if self.waiting:
            self.cond.notify_all()
        if self.driver is not None and self.driver != threading.get_ident():
            with contextlib.suppress(BlockingIOError):
                os.write(self._wake_w, b"!")

    def end_invocation(self) -> None:
        """The invoke in flight is over (its driver no longer waits on the pipe)."""
        self.invocation = None
        self.driver = None
        if self.waiting:
            self.cond.notify_all()

    def drain_wake_ups(self) -> None:
        """Empty the wake-up pipe (any thread, no lock needed)."""
        with contextlib.suppress(BlockingIOError):
            os.read(self.wake_r, 4096)

    def take_held(self) -> list[Connection]:
        """Every connection held (parked or unread), now no longer held."""
        held = [*self.parked, *([self.unread] if self.unread is not None else [])]
        self.parked.clear()
        self.unread = None
        return held

    def park_again(self, connection: Connection, hand_out: Invocation | None = None) -> None:
        """The driven connection asked for the next event (takes `lock` itself).

        With `hand_out` (the invoke waiting for a runtime to ask), the event goes out on this connection
        at once when nothing stands before it (no other parked connection, no init error or exit):
        `hand_out.handed_out_at` is then set. Otherwise the connection is parked as any other."""
        with self.lock:
            if self.from_current_runtime(connection.sock):
                if hand_out is not None and not self.parked and self.init_error is None and self.exit is None:
                    self.handing_out(hand_out)
                    return
                self.parked.append(connection)
                if self.waiting:
                    self.cond.notify_all()
                return
        connection.hand_back(serve_on=False)

    def handing_out(self, invocation: Invocation) -> None:
        """The event of `invocation` goes out now (call with `lock` held)."""
        invocation.handed_out_at = time.perf_counter()
        invocation.cold = self.served == 0
        self.served += 1

    def leave_unread(self, connection: Connection, *, alive: bool) -> None:
        """Keep the driven connection for the next invoke, which reads the runtime's next request.

        Not waiting for the runtime's `GET /next` (a round trip through the runtime) lets the caller go
        on (compare, or invoke the other side) while the runtime asks; the request waits in the socket's
        buffer. A request that is not `GET /next` waits for the next invoke too (takes `lock` itself).
        """
        with self.lock:
            if alive and self.from_current_runtime(connection.sock):
                self.unread = connection
                return
        connection.hand_back(serve_on=False)

    def timing(self, invocation: Invocation, result: Result) -> Timing:
        init_ms = None
        if self.started_at is not None and invocation.cold:
            ready = self.init_error_at if isinstance(result, InitError) else self.ready_at
            if ready is not None:
                init_ms = (ready - self.started_at) * 1000
        duration_ms = None
        if invocation.handed_out_at is not None:
            end = invocation.finished_at if invocation.finished_at is not None else time.perf_counter()
            duration_ms = (end - invocation.handed_out_at) * 1000
        return Timing(init_ms, duration_ms)

    def from_current_runtime(self, sock: socket.socket) -> bool:
        """Whether a Runtime API request on `sock` is the current runtime's; marks `sock` as a runtime's."""
        self.runtime_connections.add(sock)
        return not self.closed and self.connections.get(sock) == self.generation

    # -- the Runtime API (http_server.Backend: server threads, or the invoke driving a connection) --

    def connection_opened(self, sock: socket.socket) -> None:
        with self.lock:
            self.connections[sock] = self.generation

    def connection_closed(self, sock: socket.socket) -> None:
        with self.lock:
            self.connections.pop(sock, None)
            self.runtime_connections.discard(sock)

    def park(self, connection: Connection) -> bool:
        with self.lock:
            if not self.from_current_runtime(connection.sock):
                return False
            if self.ready_at is None:
                self.ready_at = time.perf_counter()
            self.parked.append(connection)
            self.notify()
        return connection.wait_handed_back()

    def post_result(
        self, sock: socket.socket, request_id: str, what: str, body: bytes, error_type: str | None
    ) -> Reply:
        with self.lock:
            invocation = self.invocation
            current = self.from_current_runtime(sock)
            if not current or invocation is None or invocation.request_id != request_id:
                return rejected("InvalidRequestID", f"no invocation {request_id} is waiting for an answer")
            if invocation.handed_out_at is None or invocation.result is not None:
                return rejected("InvalidStateTransition", f"invocation {request_id} was already answered")
            invocation.result, reply = read_answer(what, body, error_type)
            invocation.finished_at = time.perf_counter()
            self.notify()
        return reply

    def post_init_error(self, sock: socket.socket, body: bytes, error_type: str | None) -> Reply:
        with self.lock:
            if not self.from_current_runtime(sock):
                return rejected("InvalidStateTransition", "this runtime has been replaced")
            self.init_error = read_error(body, error_type, InitError)
            self.init_error_at = time.perf_counter()
            self.notify()
        return ACCEPTED

    def invoke_api(
        self, target: str, query: Mapping[str, str], headers: Mapping[str, str], body: bytes
    ) -> Reply:
        return handle_invoke(self.function, self.invoke_api_target, target, query, headers, body)
