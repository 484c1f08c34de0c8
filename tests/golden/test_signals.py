"""SIGTERM and SIGHUP stop a golden run even when they land in a finalizer, which drops exceptions."""

from __future__ import annotations

import gc
import os
import signal
import time

import pytest

from golden.runtime.signals import Terminated, terminate_cleanly


class _Closing:
    """An object whose finalizer is running when the signal arrives (as a temporary file's was)."""

    def __del__(self) -> None:
        os.kill(os.getpid(), signal.SIGHUP)
        for _ in range(10_000):  # the handler runs at one of these instructions, inside __del__
            pass


def _wait() -> None:
    time.sleep(5)  # where a delivered signal lands, outside any finalizer (it interrupts the sleep)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_stops_the_run(signum: int) -> None:
    with pytest.raises(Terminated) as raised, terminate_cleanly():
        os.kill(os.getpid(), signum)
        _wait()
    assert raised.value.signum == signum


def test_a_signal_landing_in_a_finalizer_still_stops_the_run(capsys: pytest.CaptureFixture[str]) -> None:
    started = time.monotonic()
    with pytest.raises(Terminated) as raised, terminate_cleanly():
        closing = _Closing()
        del closing  # the finalizer runs here and swallows what the handler raises
        gc.collect()  # the signal sent again may land from here on
        _wait()
    assert time.monotonic() - started < 2  # sent again at once, not when the wait ends
    assert raised.value.signum == signal.SIGHUP
    assert "Exception ignored" not in capsys.readouterr().err
    assert signal.getsignal(signal.SIGHUP) is signal.SIG_DFL  # restored after the block
