"""Work in a forked child: its result comes back as it was, and what it raised is raised in the parent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from codegen.background import Background
from codegen.emit.interface import EmitError
from codegen.errors import CodegenError, Diagnostic, Level, SpecError
from tests.conftest import REPO

FOUND = [
    Diagnostic(
        Level.WARNING, "unknown schema keyword `nulable`", "/components/schemas/Pet/nulable", "a.yaml", 3, 5
    )
]


@pytest.mark.parametrize("fork", [True, False])
def test_the_result_is_what_the_work_returned(fork: bool) -> None:
    pids: list[int] = []

    def work() -> list[Diagnostic]:
        pids.append(os.getpid())  # in a child, the parent's list never sees this
        return FOUND

    diagnostics, seconds = Background(work, fork=fork).result()
    assert diagnostics == FOUND and seconds >= 0
    assert pids == ([] if fork else [os.getpid()])


@pytest.mark.parametrize("fork", [True, False])
def test_what_the_work_raised_is_raised_by_result(fork: bool) -> None:
    def work() -> list[Diagnostic]:
        raise EmitError("generated types.gen.go is not valid Go")

    with pytest.raises(EmitError, match="is not valid Go"):
        Background(work, fork=fork).result()


def test_an_exception_that_does_not_pickle_arrives_as_its_name_and_message() -> None:
    class Local(Exception):  # a local class cannot be pickled
        pass

    def work() -> list[Diagnostic]:
        raise Local("odd")

    with pytest.raises(CodegenError, match="Local: odd"):
        Background(work).result()


def test_cancel_stops_a_running_child() -> None:
    def work() -> list[Diagnostic]:
        time.sleep(60)
        return []

    start = time.perf_counter()
    background = Background(work)
    background.cancel()
    assert time.perf_counter() - start < 10


def test_ctrl_c_reaching_the_child_prints_no_traceback_and_the_work_finishes(
    capfd: pytest.CaptureFixture[str],
) -> None:
    def work() -> list[Diagnostic]:
        time.sleep(1.0)
        return FOUND

    background = Background(work)
    time.sleep(0.3)
    assert background._process is not None and background._process.pid is not None
    os.kill(background._process.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group
    assert background.result()[0] == FOUND  # the parent, not SIGINT, decides whether children stop
    assert "Traceback" not in capfd.readouterr().err


_STARTING = """
import os, signal, sys, time
from codegen.background import Background
os.register_at_fork(after_in_child=lambda: time.sleep(0.5))  # a slow start-up, to land in
background = Background(lambda: signal.getsignal(signal.SIGINT) == signal.SIG_IGN)
os.kill(background._process.pid, signal.SIGINT)  # the child is still in its after-fork hooks
print(background.result()[0], signal.SIGINT in signal.pthread_sigmask(signal.SIG_BLOCK, set()))
"""


def test_ctrl_c_as_the_child_starts_prints_no_traceback() -> None:
    """SIGINT is blocked across the fork, then ignored and let through before the work runs: a
    Ctrl-C during the child's start-up (the interpreter's after-fork hooks) printed a traceback."""
    done = subprocess.run(
        [sys.executable, "-c", _STARTING], cwd=REPO, capture_output=True, text=True, timeout=60, check=False
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "True False\n", "")


def test_a_base_exception_in_the_child_is_a_failure_not_a_silent_death() -> None:
    def work() -> list[Diagnostic]:
        raise SystemExit(3)

    with pytest.raises(CodegenError, match="SystemExit"):
        Background(work).result()


def test_an_exception_that_pickles_but_does_not_unpickle_arrives_as_its_name_and_message() -> None:
    def work() -> list[Diagnostic]:
        raise SpecError(FOUND)  # its __init__ takes diagnostics, its args hold the summary

    with pytest.raises(CodegenError, match=r"SpecError: 0 error\(s\), 1 warning\(s\) in the spec"):
        Background(work).result()


def test_a_result_larger_than_a_pipe_arrives_while_the_parent_is_busy() -> None:
    big = ["x" * 1000] * 5000  # ~5 MB pickled: far over a pipe's 64 KiB

    def work() -> list[str]:
        return big

    background = Background(work)
    time.sleep(1.0)  # the parent is busy elsewhere; the child must not block on a full pipe
    assert background._process is not None
    background._process.join(timeout=30)
    assert background._process.exitcode == 0, "the child was still blocked on its result"
    assert background.result()[0] == big


def test_children_die_with_the_parent(tmp_path: Path) -> None:
    """SIGKILL to the parent (as SIGTERM's default) must not orphan a running child."""
    script = (
        "import sys, time\n"
        "from codegen.background import Background\n"
        "b = Background(lambda: time.sleep(120))\n"
        "print(b._process.pid, flush=True)\n"
        "time.sleep(120)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=env)
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    os.kill(child, 0)  # alive
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _alive(child):
        time.sleep(0.1)
    assert not _alive(child), "the child outlived its parent"


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/stat").read_text().split(") ")[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return status != "Z"  # a zombie waiting for init to reap it is dead
