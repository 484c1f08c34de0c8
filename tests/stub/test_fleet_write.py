"""A large fleet is planned, rendered and staged by worker processes: the same modules as one
process writes, in scan order, and still all or nothing."""

from __future__ import annotations

import filecmp
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from codegen.output.write import WriteError
from migrator.scan.model import Function
from migrator.stub.fleet import PARALLEL_MIN
from migrator.stub.run import StubRequest, write_modules
from tests.conftest import FLEET, REPO, child_processes, process_running
from tests.stub.facts import function

_KINDS = ("sqs", "api-gateway-rest", "s3", "schedule", "sns")


def _fleet(count: int) -> tuple[Function, ...]:
    return tuple(
        function(
            name=f"fn-{i:03d}",
            file=None if i % 17 == 0 else "src/index.js",  # partial: its handler does not resolve
            events=(_KINDS[i % len(_KINDS)],),
            env=("TABLE_NAME",) if i % 2 else (),
        )
        for i in range(count)
    )


def _same_tree(a: Path, b: Path) -> bool:
    compared = filecmp.dircmp(a, b)
    if compared.left_only or compared.right_only or compared.diff_files or compared.funny_files:
        return False
    return all(_same_tree(a / sub, b / sub) for sub in compared.common_dirs)


def test_workers_write_what_one_process_writes_in_scan_order(tmp_path: Path) -> None:
    functions = _fleet(PARALLEL_MIN + 16)
    one, one_partial = write_modules(functions, tmp_path, StubRequest(tmp_path, tmp_path / "one", jobs=1))
    two, two_partial = write_modules(functions, tmp_path, StubRequest(tmp_path, tmp_path / "two", jobs=2))
    assert [w.target for w in two] == [f.name for f in functions] == [w.target for w in one]
    assert two_partial == one_partial and len(one_partial) == len(range(0, len(functions), 17))
    assert _same_tree(tmp_path / "one", tmp_path / "two")
    assert not [name for name in os.listdir(tmp_path / "two") if name.startswith(".")]  # no staging left


def test_a_module_that_cannot_be_written_leaves_nothing(tmp_path: Path) -> None:
    functions = _fleet(PARALLEL_MIN + 16)
    out = tmp_path / "out"
    out.mkdir()
    (out / functions[-3].name).write_text("a file where a module folder must go\n")
    with pytest.raises(WriteError, match=functions[-3].name):
        write_modules(functions, tmp_path, StubRequest(tmp_path, out, jobs=2))
    assert os.listdir(out) == [functions[-3].name]


_KILLED_WHILE_STAGING = """
import sys, time
from pathlib import Path
from migrator.stub import fleet
from migrator.stub.run import StubRequest, write_modules
from tests.stub.test_fleet_write import _fleet

def slow_chunk(*args):
    time.sleep(60)

fleet._stage_chunk = slow_chunk
out = Path(sys.argv[1])
write_modules(_fleet(fleet.PARALLEL_MIN * 2), out, StubRequest(out, out / "modules", jobs=2))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG and /proc are Linux's")
def test_no_worker_outlives_a_stub_process_killed_while_it_stages(tmp_path: Path) -> None:
    # SIGKILL (or SIGTERM to the process alone) left the pool's workers waiting on their queue forever.
    stub = subprocess.Popen([sys.executable, "-c", _KILLED_WHILE_STAGING, str(tmp_path)], cwd=REPO)
    deadline = time.monotonic() + 30
    while len(workers := child_processes(stub.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(workers) >= 2, "the pool's workers never started"
    stub.kill()
    stub.wait(timeout=10)
    deadline = time.monotonic() + 10
    while any(process_running(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(process_running(w) for w in workers)


_STOPPED_WHILE_STAGING = """
import sys, time
from migrator.stub import fleet

real = fleet._stage_chunk

def staged_then_slow(*args):
    staged = real(*args)
    time.sleep(1.5)  # the signal lands while chunks are staged but not yet handed back
    return staged

fleet._stage_chunk = staged_then_slow
sys.argv = ["migrate", "stub", sys.argv[1], "--out", sys.argv[2], "--jobs", "2", "--no-progress"]
from migrator.entry import main
main()
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM])
def test_a_stub_stopped_while_it_stages_leaves_nothing(tmp_path: Path, how: signal.Signals) -> None:
    # Ctrl-C or a CI cancel reaches the whole process group: workers stopped mid-chunk left their
    # staging folders in --out, and SIGTERM left every staged module there.
    for copy in range(2):
        shutil.copytree(FLEET, tmp_path / "fleet" / f"copy{copy}")
    out = tmp_path / "out"
    stub = subprocess.Popen(
        [sys.executable, "-c", _STOPPED_WHILE_STAGING, str(tmp_path / "fleet"), str(out)],
        cwd=REPO,
        start_new_session=True,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not (out.is_dir() and any(out.iterdir())) and time.monotonic() < deadline:
        time.sleep(0.02)
    workers = child_processes(stub.pid)
    os.killpg(stub.pid, how)
    _, err = stub.communicate(timeout=30)
    assert (stub.returncode, err.strip().splitlines()[-1:]) == (130, ["migrate: interrupted"])
    assert "Traceback" not in err
    assert list(out.iterdir()) == []
    assert not any(process_running(w) for w in workers)
