"""Work in a forked child process, so that it runs on another core: validation, and extra emitters.

Validation only reads the spec and returns diagnostics; an emitter only reads the IR and returns
files. A forked child shares the loaded spec and IR without pickling them and sends back only its
(picklable) result. Nothing is written before the parent has every result, so a spec error still
means exit 2 with nothing written. Where `fork` is unavailable the work runs inline, at once.

The result goes to an unlinked temporary file, not a pipe: a child never blocks on a full pipe
whose reader is busy (or whose read end a sibling inherited), so Ctrl-C with several targets
cannot deadlock. On Linux a child dies with its parent (PR_SET_PDEATHSIG), so a SIGTERM or
SIGKILL to `migrate` leaves no orphan behind.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import tempfile
import time
from collections.abc import Callable
from typing import IO, Generic, TypeVar

from codegen.errors import CodegenError
from codegen.interrupts import die_with_parent, held_back, ignored_in_child

T = TypeVar("T")


def _measure(work: Callable[[], T]) -> tuple[bool, object, float]:
    """(succeeded, the result or the exception, wall seconds)."""
    start = time.perf_counter()
    try:
        value = work()
    except Exception as exc:  # handed to the parent, which raises it there
        return False, exc, time.perf_counter() - start
    return True, value, time.perf_counter() - start


def _dumps(outcome: tuple[bool, object, float]) -> bytes:
    try:
        data = pickle.dumps(outcome)
        pickle.loads(data)  # some exceptions pickle but do not unpickle (SpecError: its args differ)
    except Exception:  # then keep its type name and message
        _, value, seconds = outcome
        error = CodegenError(f"{type(value).__name__}: {value}")
        return pickle.dumps((False, error, seconds))
    return data


def can_fork() -> bool:
    """Whether this platform can fork (Linux, macOS); elsewhere work runs inline."""
    return "fork" in multiprocessing.get_all_start_methods()


class Background(Generic[T]):
    """`work()` started in a forked child (or run inline); `result()` waits for what it returned."""

    def __init__(self, work: Callable[[], T], *, fork: bool = True) -> None:
        self._outcome: tuple[bool, object, float] | None = None
        self._file: IO[bytes] | None = None
        self._process: multiprocessing.process.BaseProcess | None = None
        if not fork or not can_fork():
            self._outcome = _measure(work)
            return
        context = multiprocessing.get_context("fork")
        file = tempfile.TemporaryFile()  # noqa: SIM115 (kept open until result() or cancel())
        parent = os.getpid()

        def child() -> None:
            # Ctrl-C reaches the whole process group: the parent decides, and cancels children.
            ignored_in_child()
            die_with_parent(parent)
            try:
                file.write(_dumps(_measure(work)))
                file.flush()
            except BaseException as exc:  # SystemExit and the like: a failure, never a traceback
                with contextlib.suppress(BaseException):
                    failed = CodegenError(f"a worker process failed: {type(exc).__name__}: {exc}")
                    file.seek(0)
                    file.truncate()
                    file.write(pickle.dumps((False, failed, 0.0)))
                    file.flush()
                os._exit(1)
            os._exit(0)  # skip the parent's atexit handlers and buffered output

        self._file = file
        try:
            with held_back():  # see codegen.interrupts
                self._process = context.Process(target=child, daemon=True)
                self._process.start()
        except BaseException:
            self.cancel()
            raise

    def result(self) -> tuple[T, float]:
        """What `work()` returned and its wall time; raises what it raised."""
        if self._outcome is None:
            assert self._file is not None and self._process is not None
            try:
                self._process.join()  # interruptible: Ctrl-C here reaches the caller, who cancels
                self._file.seek(0)
                data = self._file.read()
            finally:
                if self._process.exitcode is not None:
                    self._file.close()
            if not data:
                raise CodegenError("a worker process died without a result (out of memory?)")
            try:
                outcome = pickle.loads(data)
            except Exception as exc:
                raise CodegenError(f"a worker process sent a result that cannot be read: {exc}") from exc
            self._outcome = outcome
        ok, value, seconds = self._outcome
        if not ok:
            assert isinstance(value, BaseException)
            raise value
        return value, seconds  # type: ignore[return-value]  # what work() returned, a T

    def cancel(self) -> None:
        """Stop the child if it still runs (the parent failed and will not ask for the result)."""
        if self._process is not None and self._process.is_alive():
            self._process.kill()
            self._process.join()
        if self._file is not None:
            self._file.close()
