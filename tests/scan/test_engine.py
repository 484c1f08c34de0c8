"""Whole scans: the same report whatever the number of workers; bare folders vs configs."""

from __future__ import annotations

import gc
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import cast

import pytest

from migrator.errors import ScanError
from migrator.scan.engine import Project, ScanOptions, _Workers, scan
from migrator.scan.project import ProjectResult, ProjectScanner
from tests.conftest import FLEET, REPO, WriteTree, process_running


def test_parallel_and_serial_scans_agree(tmp_path: Path) -> None:
    # Several copies of the fleet make enough projects for the workers to share out.
    for copy in range(3):
        shutil.copytree(FLEET, tmp_path / f"copy{copy}")
    serial = scan(tmp_path, ScanOptions(jobs=1))
    parallel = scan(tmp_path, ScanOptions(jobs=2))
    assert len(serial.functions) == 3 * len(scan(FLEET, ScanOptions(jobs=1)).functions)
    assert serial.to_json() == parallel.to_json()


def test_progress_is_reported_per_project(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    scan(FLEET, ScanOptions(jobs=1, progress=lambda done, total: seen.append((done, total))))
    assert seen[0] == (0, seen[0][1])  # the total is known before the first project is done
    assert [done for done, _ in seen] == list(range(len(seen)))
    assert seen[-1][0] == seen[-1][1] > 0


def test_bare_package_inside_a_config_project_is_not_a_second_function(write_tree: WriteTree) -> None:
    root = write_tree(
        {
            "svc/template.yaml": """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties: { CodeUri: ../code/, Handler: app.handler, Runtime: nodejs20.x }
            """,
            "code/package.json": '{"name": "code", "main": "app.js"}',
            "code/app.js": "exports.handler = async () => 1;",
            "lib/package.json": '{"name": "shared-lib", "main": "index.js"}',
            "lib/index.js": "exports.format = (x) => String(x);",
        }
    )
    report = scan(root, ScanOptions(jobs=1))
    assert [(f.name, f.file) for f in report.functions] == [("Fn", "code/app.js")]


def test_skipped_folders_are_never_read(write_tree: WriteTree) -> None:
    root = write_tree(
        {
            "fn/package.json": '{"name": "fn"}',
            "fn/index.js": "exports.handler = async () => 1;",
            "fn/node_modules/dep/package.json": '{"name": "dep", "main": "index.js"}',
            "fn/node_modules/dep/index.js": "exports.handler = async () => 2;",
            ".aws-sam/build/template.yaml": "Resources: { X: { Type: AWS::Serverless::Function } }",
            "cdk.out/asset/package.json": '{"name": "asset"}',
            "cdk.out/asset/index.js": "exports.handler = async () => 3;",
            "svc/src/index.ts": "export const handler = async () => 4;",
            "svc/dist/package.json": '{"name": "compiled"}',
            "svc/dist/index.js": "exports.handler = async () => 4;",
        }
    )
    assert [f.name for f in scan(root, ScanOptions(jobs=1)).functions] == ["fn"]


def test_no_worker_outlives_a_scan_even_when_it_is_interrupted(tmp_path: Path) -> None:
    for copy in range(3):
        shutil.copytree(FLEET, tmp_path / f"copy{copy}")
    scan(tmp_path, ScanOptions(jobs=2))
    assert multiprocessing.active_children() == []

    def interrupt(done: int, total: int) -> None:
        if done == 1:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        scan(tmp_path, ScanOptions(jobs=2, progress=interrupt))
    assert multiprocessing.active_children() == []


def _workers_seen(root: Path) -> bool:
    """Whether a two-job scan of `root` had a worker process running while it reported progress."""
    seen: list[bool] = []
    report = scan(
        root, ScanOptions(jobs=2, progress=lambda d, t: seen.append(bool(multiprocessing.active_children())))
    )
    assert report.functions
    return any(seen)


def test_workers_are_started_only_for_projects_left_to_share(write_tree: WriteTree, tmp_path: Path) -> None:
    one = write_tree({"fn/package.json": '{"name": "fn"}', "fn/index.js": "exports.handler = async () => 1;"})
    assert not _workers_seen(one)  # one project: this process scans it alone
    several = tmp_path / "several"
    for copy in range(3):
        shutil.copytree(FLEET, several / f"copy{copy}")
    assert _workers_seen(several)


def test_a_scan_leaves_the_garbage_collector_as_it_found_it() -> None:
    # The scan collects less often while it runs (engine._fewer_collections), in this process too.
    # It freezes each project's objects (engine._Frozen) and unfreezes them all at its end.
    before = gc.get_threshold()
    gc.set_threshold(1234, 5, 6)
    try:
        for jobs in (1, 2):
            report = scan(FLEET, ScanOptions(jobs=jobs))
            assert gc.get_threshold() == (1234, 5, 6)
            assert gc.get_freeze_count() == 0
    finally:
        gc.set_threshold(*before)
    assert report.functions


def test_what_the_caller_froze_stays_frozen() -> None:
    kept: list[list[int]] = [[] for _ in range(10)]  # tracked objects of the caller's, frozen below
    # A first scan in this process loads modules and fills caches, which frees objects (the `re`
    # module's cache evicts patterns) that a freeze before it would count: warm up first.
    assert scan(FLEET, ScanOptions(jobs=1)).functions
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert scan(FLEET, ScanOptions(jobs=1)).functions
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
    assert kept


_STARTING = """
import multiprocessing, os, signal, sys, threading, time
from pathlib import Path
from migrator.scan.engine import ScanOptions, scan
os.register_at_fork(after_in_child=lambda: time.sleep(0.5))  # a slow start-up, to land in

def interrupt() -> None:
    while not multiprocessing.active_children():
        time.sleep(0.01)
    for child in multiprocessing.active_children():
        os.kill(child.pid, signal.SIGINT)  # the worker is still in its after-fork hooks

threading.Thread(target=interrupt, daemon=True).start()
report = scan(Path(sys.argv[1]), ScanOptions(jobs=2))
print(len(report.functions), len(report.errors))
"""


def test_a_ctrl_c_as_a_worker_starts_prints_no_traceback_and_loses_nothing() -> None:
    """Workers are forked with SIGINT blocked and ignore it (the parent decides): one interrupted
    while it started up printed a traceback and died."""
    serial = scan(FLEET, ScanOptions(jobs=1))
    done = subprocess.run(
        [sys.executable, "-c", _STARTING, str(FLEET)], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.split() == [str(len(serial.functions)), str(len(serial.errors))]


def test_an_interruption_inside_a_library_ends_the_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    """tree-sitter turns a KeyboardInterrupt inside a query's regular expression into its own
    QueryError (chained): that must stop the scan, not become a project's internal error."""

    def interrupted(self: ProjectScanner, kind: str, path: Path) -> None:
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt as exc:
            raise ValueError("Invalid predicate in pattern: regular expression error") from exc

    monkeypatch.setattr(ProjectScanner, "_scan", interrupted)
    with pytest.raises(KeyboardInterrupt):
        scan(FLEET, ScanOptions(jobs=1))

    def broken(self: ProjectScanner, kind: str, path: Path) -> None:
        raise ValueError("a bug of ours")

    monkeypatch.setattr(ProjectScanner, "_scan", broken)
    assert all("internal error" in e.message for e in scan(FLEET, ScanOptions(jobs=1)).errors)


def test_a_broken_module_shared_by_handlers_is_one_problem_each_in_path_order(
    write_tree: WriteTree,
) -> None:
    # Both handlers reach lib/a.js, which reaches lib/deep/b.js: each broken file is said once, by
    # path, however many functions reach it and in whatever order they are declared.
    root = write_tree(
        {
            "svc/serverless.yml": """
                service: s
                provider: { name: aws, runtime: nodejs20.x }
                functions:
                  two: { handler: src/two.handler }
                  one: { handler: src/one.handler }
            """,
            "svc/src/one.js": "const a = require('../lib/a');\nexports.handler = async () => a.x;\n",
            "svc/src/two.js": "const a = require('../lib/a');\nexports.handler = async () => a.x;\n",
            "svc/lib/a.js": "require('./deep/b');\nexports.x = (;\n",
            "svc/lib/deep/b.js": "module.exports = {;\n",
        }
    )
    report = scan(root, ScanOptions(jobs=1))
    broken = [p.file for p in report.errors if p.file.startswith("svc/lib/")]
    assert broken == ["svc/lib/a.js", "svc/lib/deep/b.js"]


class _SlowOnWorkers:
    """A stand-in scanner (the engine's own seam, not an AWS double): the project `slow` takes
    `seconds` in a worker process."""

    def __init__(self, seconds: float) -> None:
        self.parent = os.getpid()
        self.seconds = seconds

    def scan(self, kind: str, path: Path) -> ProjectResult:
        if path.name == "slow" and os.getpid() != self.parent:
            time.sleep(self.seconds)
        return ProjectResult((), (), (str(path),), None)


def test_a_worker_that_finished_is_not_taken_for_a_dead_one(tmp_path: Path) -> None:
    # Two workers: one takes the slow project, the other only its stop, and exits at once. Waiting
    # over a second for the slow result once took that exit for a death ("a scanner process died").
    workers = _Workers(2, tmp_path, None, cast(ProjectScanner, _SlowOnWorkers(2.5)))
    try:
        workers.submit([Project("package", str(tmp_path / "slow"))])  # this process takes none
        assert workers.wait().claimed == (str(tmp_path / "slow"),)
    finally:
        workers.terminate()


class _DiesOnWorkers:
    """A stand-in scanner: a worker process that takes a project is killed (SIGKILL)."""

    def __init__(self) -> None:
        self.parent = os.getpid()

    def scan(self, kind: str, path: Path) -> ProjectResult:
        if os.getpid() != self.parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return ProjectResult((), (), (), None)


def test_a_worker_that_dies_mid_project_ends_the_wait_with_what_to_do(tmp_path: Path) -> None:
    workers = _Workers(1, tmp_path, None, cast(ProjectScanner, _DiesOnWorkers()))
    try:
        workers.submit([Project("package", str(tmp_path / "crash"))])
        with pytest.raises(ScanError, match="re-run with --jobs 1"):
            workers.wait()
    finally:
        workers.terminate()


_EXIT_AFTER_TERMINATE = """
import sys, time
from pathlib import Path
from migrator.scan.engine import Project, _Workers

class Slow:
    def scan(self, kind, path):
        time.sleep(60)

workers = _Workers(1, Path(sys.argv[1]), None, Slow())
# More than a pipe holds (64 KiB): the queue's feeder thread is still writing when the scan stops.
workers.submit([Project("package", f"{sys.argv[1]}/{'x' * 200}{n}") for n in range(2000)])
time.sleep(0.5)
workers.terminate()
"""


def test_a_scan_stopped_with_projects_still_queued_exits(tmp_path: Path) -> None:
    # Ctrl-C 0.6 s into a two-job scan of serverless-patterns (900 projects) left `migrate` hanging
    # at exit: multiprocessing joined the task queue's feeder thread, blocked on a pipe that no
    # worker would read again.
    done = subprocess.run(
        [sys.executable, "-c", _EXIT_AFTER_TERMINATE, str(tmp_path)], cwd=REPO, timeout=30, check=False
    )
    assert done.returncode == 0


_KILLED_WHILE_SCANNING = """
import sys, time
from pathlib import Path
from migrator.scan.engine import Project, _Workers
from migrator.scan.project import ProjectResult

class Slow:
    def scan(self, kind, path):
        time.sleep(0.2)
        return ProjectResult((), (), (), None)

workers = _Workers(1, Path(sys.argv[1]), None, Slow())
workers.submit([Project("package", f"{sys.argv[1]}/p{n}") for n in range(500)])
print(workers.processes[0].pid, flush=True)
time.sleep(60)
"""


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_a_worker_does_not_outlive_its_killed_scan(tmp_path: Path, how: signal.Signals) -> None:
    # `kill` of the scan's process alone (not its group) left the worker waiting on the queue forever.
    scan_process = subprocess.Popen(
        [sys.executable, "-c", _KILLED_WHILE_SCANNING, str(tmp_path)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert scan_process.stdout is not None
    worker = int(scan_process.stdout.readline())
    scan_process.send_signal(how)
    scan_process.wait(timeout=10)
    deadline = time.monotonic() + 10
    while process_running(worker) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not process_running(worker)


_TERMINATED_MID_SCAN = """
import os, signal, sys
from migrator.scan import engine, project

fleet, noted_in, out = sys.argv[1:]
main, real_scan, real_workers = os.getpid(), project.ProjectScanner.scan, engine._Workers.__init__

def workers_noted(self, *args):
    real_workers(self, *args)
    with open(noted_in, "w") as noted:
        noted.write(" ".join(str(p.pid) for p in self.processes))

def scan_then_stop(self, kind, path):
    if os.getpid() == main:  # a CI cancel, or `kill`, while this process scans its first project
        os.kill(main, signal.SIGTERM)
    return real_scan(self, kind, path)

engine._Workers.__init__ = workers_noted
project.ProjectScanner.scan = scan_then_stop
sys.argv = ["migrate", "scan", fleet, "--jobs", "2", "--format", "json", "--output", out]
from migrator.entry import main as migrate
migrate()
"""


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_sigterm_stops_a_scan_as_ctrl_c_does(tmp_path: Path) -> None:
    fleet = tmp_path / "fleet"
    for copy in range(3):
        shutil.copytree(FLEET, fleet / f"copy{copy}")
    out = tmp_path / "out" / "report.json"
    out.parent.mkdir()
    noted = tmp_path / "workers"
    done = subprocess.run(
        [sys.executable, "-c", _TERMINATED_MID_SCAN, str(fleet), str(noted), str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (done.returncode, done.stderr.strip().splitlines()[-1:]) == (130, ["migrate: interrupted"])
    assert "Traceback" not in done.stderr
    assert list(out.parent.iterdir()) == []  # no report, no temporary file
    assert not any(process_running(int(pid)) for pid in noted.read_text().split())


_CTRL_C_WHILE_COMPILING = """
import signal, threading, time
import tree_sitter as ts
from migrator.scan.jsparse import Grammars

main, done = threading.main_thread().ident, threading.Event()

def ctrl_c_again_and_again():
    while not done.wait(0.0003):
        signal.pthread_kill(main, signal.SIGINT)

interrupted = misread = 0
threading.Thread(target=ctrl_c_again_and_again, daemon=True).start()
end = time.monotonic() + 1.5
while time.monotonic() < end:
    try:
        Grammars().query("typescript", "facts.scm")
    except KeyboardInterrupt:
        interrupted += 1
    except ts.QueryError:
        misread += 1
done.set()
time.sleep(0.05)
print(interrupted, misread)
"""


def test_a_ctrl_c_while_a_query_compiles_is_an_interrupt_not_a_bad_pattern() -> None:
    # py-tree-sitter compiles `#match?` expressions through Python and reports any exception as an
    # invalid pattern: a Ctrl-C there ended `migrate scan` with "regular expression error", exit 1.
    done = subprocess.run(
        [sys.executable, "-c", _CTRL_C_WHILE_COMPILING], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    interrupted, misread = (int(n) for n in done.stdout.split())
    assert interrupted > 0 and misread == 0
