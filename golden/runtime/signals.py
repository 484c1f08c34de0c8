"""SIGTERM and SIGHUP end a golden run the way Ctrl-C does: every `with` block unwinds, so runtimes,
their descendants and the moto servers are killed before the process exits.

A CI cancel sends SIGTERM, `timeout` SIGTERM, a closed terminal SIGHUP; Python's default for both is
to die at once, skipping every cleanup. The handlers raise `Terminated`, a KeyboardInterrupt, which
the harness already treats as "stop everything now" (a case's `except Exception` does not catch it).
An exception raised inside a finalizer (`__del__`, which the signal may interrupt) is printed and
dropped by Python: a `Terminated` lost that way is delivered again, so the run still stops.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from collections.abc import Iterator
from types import FrameType

HANDLED = (signal.SIGTERM, signal.SIGHUP)
_AGAIN = 0.01
"""Seconds before a signal a finalizer swallowed is sent again."""


class Terminated(KeyboardInterrupt):
    """golden received SIGTERM or SIGHUP."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"stopped by {signal.Signals(signum).name}")
        self.signum = signum


def _raise(signum: int, frame: FrameType | None) -> None:
    for handled in HANDLED:  # a second signal must not interrupt the cleanup the first one started
        signal.signal(handled, signal.SIG_IGN)
    raise Terminated(signum)


@contextlib.contextmanager
def terminate_cleanly() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP raise `Terminated` in the main thread (elsewhere: no-op)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.signal(signum, _raise) for signum in HANDLED}
    hook = sys.unraisablehook

    def redeliver(unraisable: sys.UnraisableHookArgs) -> None:
        if not isinstance(unraisable.exc_value, Terminated):
            hook(unraisable)
            return
        # The signal interrupted a finalizer, which dropped the exception: send it again, a moment
        # later from another thread, so that it lands after this hook and the finalizer returned
        # (should it land in a finalizer again, this repeats).
        signum = unraisable.exc_value.signum
        signal.signal(signum, _raise)
        # To the main thread: sent to the process, it may go to the sending thread, and the main
        # thread would go on waiting in whatever blocking call it is in.
        main = threading.main_thread().ident
        assert main is not None
        again = threading.Timer(_AGAIN, signal.pthread_kill, args=(main, signum))
        again.daemon = True
        again.start()

    sys.unraisablehook = redeliver
    try:
        yield
    finally:
        sys.unraisablehook = hook
        for signum, handler in previous.items():
            signal.signal(signum, handler)
