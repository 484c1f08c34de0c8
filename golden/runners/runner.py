"""What every local runner does: own an emulator and one warm runtime process, restart it when it dies.

A runner is a context manager. The runtime starts on the first invoke and stays warm; after a
timeout, a crash or an init error it is killed with its whole process group and the next invoke
starts a fresh one (a cold start, as Lambda would). Closing the runner (or leaving the `with` block,
also on Ctrl-C) kills every process it started.
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import functools
import json
import tempfile
import threading
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Self

from golden.errors import RunnerError
from golden.outcome import Crash, InitError, Outcome, Timeout
from golden.runtime.emulator import Emulator
from golden.runtime.environment import FAKE_CREDENTIALS
from golden.runtime.jail import SANDBOXED, Isolation
from golden.runtime.process import RuntimeProcess
from golden.sides.function import FunctionFacts


@dataclass(frozen=True)
class Launch:
    """How to start one runtime process."""

    argv: tuple[str, ...]
    cwd: Path
    env: Mapping[str, str]


class Runner(ABC):
    """Runs one function's runtime, unmodified, against its own Runtime API emulator."""

    def __init__(
        self,
        function: FunctionFacts,
        *,
        env: Mapping[str, str] | None = None,
        memory_cap: bool = True,
        credentials: Mapping[str, str] = FAKE_CREDENTIALS,
        isolation: Isolation | None = SANDBOXED,
    ) -> None:
        self.function = function
        self.isolation = isolation
        """What the runtime's sandbox hides (`golden.runtime.jail`); None runs it as a plain child process."""
        self.extra_env = dict(env or {})
        """Variables on top of Lambda's standard environment (an env file, endpoints, credentials)."""
        self.credentials = dict(credentials)
        """Credentials put in the standard environment: golden's fake ones, or none with `--aws real`."""
        self._memory_cap = memory_cap
        self._lock = threading.Lock()
        self._resources = contextlib.ExitStack()
        self._emulator: Emulator | None = None
        self._process: RuntimeProcess | None = None
        self._groups: list[int] = []
        self._closed = False
        self._home = Path()

    # -- what a kind of runtime supplies ----------------------------------------------------------

    @abstractmethod
    def _prepare(self, resources: contextlib.ExitStack) -> None:
        """Build or transpile before anything starts (temporary files go on `resources`)."""

    @abstractmethod
    def _launch(self, runtime_api: str) -> Launch:
        """The command, working directory and environment of one runtime process."""

    # -- lifecycle --------------------------------------------------------------------------------

    def __enter__(self) -> Self:
        self.open()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def open(self) -> None:
        """Prepare the handler and start the emulator (the runtime itself starts on the first invoke)."""
        if self._closed:
            raise RunnerError("this runner was closed; create a new one")
        if self._emulator is not None:
            return
        atexit.register(self.close)
        try:
            self._home = Path(
                self._resources.enter_context(tempfile.TemporaryDirectory(prefix="golden-home-"))
            )
            self._prepare(self._resources)
            self._emulator = Emulator(self.function)
        except BaseException:
            self.close()
            raise
        self._emulator.serve_invoke_api(self._invoke_payload)

    def close(self) -> None:
        """Kill the runtime's process group, stop the emulator, remove temporary files. Idempotent."""
        if self._closed:
            return
        self._closed = True
        atexit.unregister(self.close)
        try:
            self._stop()
        finally:
            try:
                if self._emulator is not None:
                    self._emulator.close()
            finally:
                self._resources.close()

    @property
    def emulator(self) -> Emulator:
        """The emulator; its `endpoint_url` serves the Invoke API for boto3."""
        if self._emulator is None:
            raise RunnerError("the runner is not open; use it as a context manager or call open()")
        return self._emulator

    @property
    def process_groups(self) -> tuple[int, ...]:
        """Every process group this runner started, oldest first (all dead once it is closed)."""
        return tuple(self._groups)

    @property
    def sandbox_mode(self) -> str | None:
        """How the current (or last) runtime was sandboxed (`golden.runtime.jail`); None before the first
        start
        or when the runner runs plain processes."""
        if self._process is None or self.isolation is None:
            return None
        return self._process.mode

    @property
    def runtime_pid(self) -> int | None:
        """The current (or last) runtime process's pid as golden sees it; None before the first start."""
        return self._process.runtime_pid if self._process is not None else None

    def output_tail(self) -> tuple[Sequence[str], Sequence[str]]:
        """The last stdout and stderr lines of the current (or last) runtime process."""
        return self._process.output_tail() if self._process is not None else ((), ())

    # -- invoking ---------------------------------------------------------------------------------

    def invoke(self, event: object, *, timeout_s: float | None = None) -> Outcome:
        """Invoke with `event` (bytes are sent as they are; anything else is JSON-encoded)."""
        payload = event if isinstance(event, bytes) else json.dumps(event).encode()
        return self._invoke_payload(payload, timeout_s=timeout_s)

    def invoke_json(self, payload: bytes) -> Outcome:
        """Invoke with an event already encoded as JSON (`golden.session` encodes a case's event once
        for all of its invokes, instead of `invoke` encoding it again each time)."""
        return self._invoke_payload(payload)

    def _invoke_payload(self, payload: bytes, timeout_s: float | None = None) -> Outcome:
        with self._lock:
            emulator = self.emulator
            for attempt in range(2):
                if self._closed:
                    raise RunnerError("the runner was closed while an invoke was waiting")
                if self._process is None or not self._process.running:
                    self._stop()
                    self._start(emulator)
                process = self._process
                assert process is not None
                outcome = emulator.invoke(payload, timeout_s=timeout_s, peak=process.peak_rss_kib)
                if not isinstance(outcome.result, Crash) and process.oom_killed():
                    # A process of the handler's tree ran out of memory (its cgroup's OOM killer, or
                    # the sampler's cap): as on Lambda, the invoke fails with the sandbox's memory.
                    stderr = tuple(process.output_tail()[1])
                    outcome = dataclasses.replace(outcome, result=Crash(None, stderr, True, True))
                result = outcome.result
                if isinstance(result, Timeout | Crash | InitError):
                    self._stop()
                # A warm runtime that died between invokes (aws-lambda-go exits after reporting a
                # panic, Node after an uncaught exception) never saw this event: run it on a fresh one.
                if isinstance(result, Crash) and not result.delivered and not outcome.cold and attempt == 0:
                    continue
                return outcome
        raise AssertionError("unreachable")

    def _start(self, emulator: Emulator) -> None:
        launch = self._launch(emulator.address)
        generation = emulator.begin_runtime()
        cap = self.function.memory_mb * 1024 if self._memory_cap else None
        # A HOME of its own, empty: the SDKs find no shared config or credentials files there.
        env = {"HOME": str(self._home), **launch.env}
        process = RuntimeProcess(
            launch.argv,
            env=env,
            cwd=launch.cwd,
            on_exit=functools.partial(emulator.runtime_exited, generation),
            memory_cap_kib=cap,
            isolation=self.isolation,
        )
        self._process = process  # before start: a Ctrl-C from here on still finds it to kill
        process.start()
        self._groups.append(process.pgid)

    def _stop(self) -> None:
        process = self._process
        if process is not None:
            process.kill()
