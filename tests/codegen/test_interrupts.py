"""SIGTERM and SIGHUP stop a run (golden, `migrate scan`) even when they land in a finalizer."""

from __future__ import annotations

import os
import signal
import sys
import time
from types import SimpleNamespace
from typing import cast

import pytest

from codegen.interrupts import Terminated, terminate_cleanly


def _wait() -> None:
    """Run Python code for up to 5 s: a delivered signal's handler runs at one of its instructions."""
    end = time.monotonic() + 5
    while time.monotonic() < end:
        pass


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_stops_the_run(signum: int) -> None:
    with pytest.raises(Terminated) as raised, terminate_cleanly():
        os.kill(os.getpid(), signum)
        _wait()
    assert raised.value.signum == signum


def test_a_signal_a_finalizer_dropped_is_sent_again(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Python hands an exception raised in a finalizer (`__del__`) to sys.unraisablehook and drops
    it; a Terminated dropped that way must still stop the run (a temporary file's finalizer once
    swallowed golden's SIGHUP)."""
    dropped = Terminated(signal.SIGHUP)
    monkeypatch.setattr(sys, "unraisablehook", sys.__unraisablehook__)  # Python's: print, and drop
    with pytest.raises(Terminated) as raised, terminate_cleanly():
        signal.signal(signal.SIGHUP, signal.SIG_IGN)  # as the handler leaves it when it raises
        fields = {"exc_type": Terminated, "exc_value": dropped, "exc_traceback": None}
        sys.unraisablehook(
            cast("sys.UnraisableHookArgs", SimpleNamespace(**fields, err_msg=None, object=_wait))
        )
        _wait()
    assert raised.value is not dropped and raised.value.signum == signal.SIGHUP
    assert "Exception ignored" not in capsys.readouterr().err
    assert signal.getsignal(signal.SIGHUP) is signal.SIG_DFL  # restored after the block
