"""Validation in a forked child process, so it runs on another core while the IR is built and emitted.

Validation only reads the spec and yields diagnostics, and on a large spec it is the slowest stage
(GitHub's: ~2 s of pure Python). A forked child shares the loaded spec without pickling it and
sends back only the (picklable) diagnostics. Nothing is written before the parent has them, so a
spec error still means exit 2 with nothing written. Where `fork` is unavailable it runs inline.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection

from codegen.errors import CodegenError, Diagnostic


@dataclass(frozen=True)
class _Outcome:
    diagnostics: tuple[Diagnostic, ...]
    seconds: float
    crash: str | None = None


def _measure(work: Callable[[], list[Diagnostic]]) -> _Outcome:
    start = time.perf_counter()
    try:
        found = tuple(work())
    except Exception as exc:  # reported to the parent as one line, never a traceback
        return _Outcome((), time.perf_counter() - start, f"{type(exc).__name__}: {exc}")
    return _Outcome(found, time.perf_counter() - start)


class Background:
    """`work()` started in a forked child (or run inline); `result()` waits for what it returned."""

    def __init__(self, work: Callable[[], list[Diagnostic]], *, fork: bool = True) -> None:
        self._outcome: _Outcome | None = None
        self._receiver: Connection | None = None
        self._process: multiprocessing.process.BaseProcess | None = None
        if not fork or "fork" not in multiprocessing.get_all_start_methods():
            self._outcome = _measure(work)
            return
        receiver, sender = multiprocessing.get_context("fork").Pipe(duplex=False)

        def child() -> None:
            sender.send_bytes(pickle.dumps(_measure(work)))
            sender.close()
            os._exit(0)  # skip the parent's atexit handlers and buffered output

        self._process = multiprocessing.get_context("fork").Process(target=child, daemon=True)
        self._process.start()
        sender.close()
        self._receiver = receiver

    def result(self) -> tuple[tuple[Diagnostic, ...], float]:
        """The diagnostics and the child's wall time; raises CodegenError if the work crashed."""
        if self._outcome is None:
            assert self._receiver is not None and self._process is not None
            try:
                outcome = pickle.loads(self._receiver.recv_bytes())
            except EOFError as exc:
                raise CodegenError("validation stopped without a result (the child process died)") from exc
            finally:
                self._receiver.close()
                self._process.join()
            assert isinstance(outcome, _Outcome)
            self._outcome = outcome
        if self._outcome.crash is not None:
            raise CodegenError(f"validation crashed: {self._outcome.crash}")
        return self._outcome.diagnostics, self._outcome.seconds

    def cancel(self) -> None:
        """Stop the child if it still runs (the parent failed and will not ask for the result)."""
        if self._process is not None and self._process.is_alive():
            self._process.kill()
            self._process.join()
        if self._receiver is not None:
            self._receiver.close()
