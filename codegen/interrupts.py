"""Ctrl-C around forked workers, and SIGTERM or SIGHUP ending a run the way Ctrl-C does.

A SIGINT that reaches a child before it has set its handler (while the interpreter runs its
after-fork hooks) prints a traceback from there. So the parent forks with SIGINT held back
(`held_back`), and the child ignores it before letting it through (`ignored_in_child`). A Ctrl-C
that came meanwhile is raised in the parent as the block ends. Used by codegen's `Background` and
by `migrate scan`'s workers.

A CI cancel sends SIGTERM, `timeout` SIGTERM, a closed terminal SIGHUP; Python's default for both is
to die at once, skipping every cleanup. Within `terminate_cleanly`, they raise `Terminated`, a
KeyboardInterrupt, which golden and `migrate scan` already treat as "stop everything now": every
`with` block unwinds, so runtimes, workers and moto servers are killed and no half-written file is
left. An exception raised inside a finalizer (`__del__`, which the signal may interrupt) is printed
and dropped by Python: a `Terminated` lost that way is delivered again, so the run still stops.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator
from types import FrameType

HANDLED = (signal.SIGTERM, signal.SIGHUP)
_HELD = {signal.SIGINT, *HANDLED}


@contextlib.contextmanager
def held_back() -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP blocked in this thread for the block (processes forked in it start
    with them blocked); one that arrived meanwhile is handled as the block ends."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def ignored_in_child() -> None:
    """In a child forked under `held_back`: ignore SIGINT, SIGTERM and SIGHUP, then unblock them.

    The parent decides: it stops its children with SIGKILL, after letting them finish what must
    not be left half-done (`migrate stub` waits for the modules being staged, then removes them).
    A child that got the signal too would stop mid-write, or raise from the parent's
    `terminate_cleanly` handler; one whose parent dies goes with it (`die_with_parent`)."""
    for signum in _HELD:
        signal.signal(signum, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)


_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def die_with_parent(parent: int) -> None:
    """In a forked child, Linux: have the kernel SIGKILL it when `parent` dies (SIGKILL, or a signal
    sent to the parent alone), so no orphan outlives a run; exit if the parent already has."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes  # here: `migrate scan` of an empty folder never forks, nor pays for the import

    with contextlib.suppress(OSError, AttributeError):
        # The symbols already loaded (libc's among them): `find_library` would run `ldconfig -p`,
        # a fork and exec from a child as large as the parent, in every child.
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died between fork and prctl
        os._exit(1)


_AGAIN = 0.01
"""Seconds before a signal a finalizer swallowed is sent again."""


class Terminated(KeyboardInterrupt):
    """The run received SIGTERM or SIGHUP."""

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
