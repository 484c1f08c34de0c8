"""Ctrl-C and SIGTERM become a flag the rollout checks between calls, so it can roll back or hold cleanly.

A signal never interrupts an AWS call half-way: the handler only sets the flag, and waits wake up.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class StopFlag:
    """Set by a signal (or a test); `wait(seconds)` sleeps unless and until it is set."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self.signal_name = ""

    def set(self, name: str) -> None:
        self.signal_name = self.signal_name or name
        self._event.set()

    @property
    def is_set(self) -> bool:
        return self._event.is_set()

    def wait(self, seconds: float) -> bool:
        """Sleep up to `seconds`; True when the flag is (or becomes) set."""
        return self._event.wait(max(seconds, 0.0))


@contextmanager
def catching_signals(flag: StopFlag) -> Iterator[StopFlag]:
    """Route SIGINT and SIGTERM to `flag` while the block runs (main thread only; elsewhere a no-op)."""
    if threading.current_thread() is not threading.main_thread():
        yield flag
        return

    def handler(number: int, frame: FrameType | None) -> None:
        flag.set(signal.Signals(number).name)

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield flag
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
