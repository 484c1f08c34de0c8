"""Ctrl-C around forked workers: the parent decides, children ignore it.

A SIGINT that reaches a child before it has set its handler (while the interpreter runs its
after-fork hooks) prints a traceback from there. So the parent forks with SIGINT held back
(`held_back`), and the child ignores it before letting it through (`ignored_in_child`). A Ctrl-C
that came meanwhile is raised in the parent as the block ends. Used by codegen's `Background` and
by `migrate scan`'s workers.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator

_INTERRUPT = {signal.SIGINT}


@contextlib.contextmanager
def held_back() -> Iterator[None]:
    """SIGINT blocked in this thread for the block (processes forked in it start with it blocked);
    a Ctrl-C that arrived meanwhile raises KeyboardInterrupt as the block ends."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _INTERRUPT)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def ignored_in_child() -> None:
    """In a child forked under `held_back`: ignore SIGINT, then unblock it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _INTERRUPT)
