"""One runtime process: sandboxed, watched, capped in memory with its whole tree, killed with its tree.

Sandbox (`isolation` given, the default for runners): the runtime starts under `golden/runtime/jail_init.py`
in its own user, PID and mount namespaces (see there and docs/golden-sandbox.md): it sees no other
process, cannot read any other process's environment, finds the caller's credential files masked,
and every process it starts dies with it. Without `isolation` the runtime is a plain child in its own
session (process group), as before.

Memory. A cgroup per process (`golden.runtime.cgroup`, v2 or v1) where one can be made: `memory.max` covers
the runtime and every descendant, the kernel's OOM killer enforces it, and an OOM kill anywhere in the
tree flags the exit `out_of_memory` (the tree is then killed). Elsewhere a sampler thread sums the
resident memory of the runtime and its descendants every `poll_s` and kills the tree past the cap:
softer (a burst shorter than one poll can pass it). `VmHWM` of the runtime process (the kernel's own
peak-RSS high-water mark) is what outcomes report. Both are read after every invoke and by the
sampler, from descriptors opened once per runtime (`golden.runtime.kept_file`).

Output. stdout and stderr are read in chunks with a bound (`golden.runtime.output`): the last lines are kept,
the rest counted, so a handler writing without newlines cannot grow the harness.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from golden.errors import RunnerError
from golden.runtime.cgroup import Cgroup, open_cgroup
from golden.runtime.jail import Isolation, start_jailed
from golden.runtime.kept_file import KeptFile, kib_fields, oom_kills, vm_hwm_kib
from golden.runtime.output import OutputTail


@dataclass(frozen=True)
class ProcessExit:
    """How a runtime process ended."""

    returncode: int | None
    """Its return code (negative: the signal that killed it)."""
    stderr_tail: tuple[str, ...]
    """The last lines it wrote to stderr."""
    out_of_memory: bool
    """golden killed it because its resident memory passed the cap."""


class RuntimeProcess:
    """A child in its own session (so its own process group), killed as a group when it is done."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        env: Mapping[str, str],
        cwd: Path,
        on_exit: Callable[[ProcessExit], None],
        memory_cap_kib: int | None = None,
        poll_s: float = 0.02,
        tail_lines: int = 50,
        isolation: Isolation | None = None,
    ) -> None:
        self._argv = list(argv)
        self._env = dict(env)
        self._cwd = cwd
        self._on_exit = on_exit
        self._cap_kib = memory_cap_kib
        self._poll_s = poll_s
        self._stderr = OutputTail(lines=tail_lines)
        self._stdout = OutputTail(lines=tail_lines)
        self._isolation = isolation
        self._cgroup: Cgroup | None = None
        self._runtime_pid: int | None = None
        self._lifeline: int | None = None
        self.mode = "none"
        """How the runtime is sandboxed: `user+pid+mount`, `pid+mount`, or `none` (also when not asked)."""
        self._popen: subprocess.Popen[bytes] | None = None
        self._threads: list[threading.Thread] = []
        self._exited = threading.Event()
        self._out_of_memory = False
        self._peak_kib: int | None = None
        self._status_file: KeptFile | None = None
        """`/proc/<runtime pid>/status`, open while the runtime runs."""
        self._oom_file: KeptFile | None = None
        """The cgroup's OOM counter file, open while the cgroup exists."""

    def start(self) -> None:
        """Start the process (sandboxed when asked); raises RunnerError when it cannot be executed."""
        if self._isolation is not None:
            mb = -(-self._cap_kib // 1024) if self._cap_kib is not None else None
            self._cgroup = open_cgroup(mb) if self._isolation.cgroup else None
            try:
                jailed = start_jailed(
                    self._argv,
                    env=self._env,
                    cwd=self._cwd,
                    isolation=self._isolation,
                    cgroup_procs=self._cgroup.procs_file if self._cgroup is not None else None,
                )
            except RunnerError:
                if self._cgroup is not None:
                    self._cgroup.remove()
                raise
            self._popen, self._runtime_pid, self.mode = jailed.popen, jailed.runtime_pid, jailed.mode
            self._lifeline = jailed.lifeline
        else:
            self._popen = self._plain()
            self._runtime_pid = self._popen.pid
        assert self._popen.stdout is not None and self._popen.stderr is not None
        self._status_file = KeptFile(f"/proc/{self.runtime_pid}/status")
        if self._cgroup is not None:
            self._oom_file = KeptFile(str(self._cgroup.oom_file))
        self._threads = [
            threading.Thread(target=self._stdout.read_all, args=(self._popen.stdout,), daemon=True),
            threading.Thread(target=self._stderr.read_all, args=(self._popen.stderr,), daemon=True),
            threading.Thread(target=self._sample, daemon=True),
        ]
        for thread in self._threads:
            thread.start()
        watcher = threading.Thread(target=self._watch, name=f"golden-watch-{self.pid}", daemon=True)
        watcher.start()
        self._threads.append(watcher)

    def _plain(self) -> subprocess.Popen[bytes]:
        try:
            return subprocess.Popen(
                self._argv,
                env=self._env,
                cwd=self._cwd,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                start_new_session=True,
                close_fds=True,
            )
        except OSError as error:
            raise RunnerError(
                f"cannot start {self._argv[0]} in {self._cwd}: {error.strerror or error}; "
                "check that it exists and is executable"
            ) from error

    @property
    def pid(self) -> int:
        if self._popen is None:
            raise RunnerError("the runtime process has not been started")
        return self._popen.pid

    @property
    def pgid(self) -> int:
        """The process group id: the child's pid, since it leads its own session."""
        return self.pid

    @property
    def runtime_pid(self) -> int:
        """The runtime's own pid as golden sees it (the sandbox's init is `pid`)."""
        return self._runtime_pid if self._runtime_pid is not None else self.pid

    def oom_killed(self) -> bool:
        """Whether memory ran out anywhere in the tree (an OOM kill in its cgroup, or the sampler's cap)."""
        if self._oom_file is not None and oom_kills(self._oom_file.read()) > 0:
            self._out_of_memory = True
        return self._out_of_memory

    @property
    def running(self) -> bool:
        return self._popen is not None and not self._exited.is_set()

    def peak_rss_kib(self) -> int | None:
        """Peak resident memory so far (VmHWM), or the last value sampled once the process is gone."""
        if self._status_file is not None and not self._exited.is_set():
            peak = vm_hwm_kib(self._status_file.read())
            if peak is not None and (self._peak_kib is None or peak > self._peak_kib):
                self._peak_kib = peak
        return self._peak_kib

    def output_tail(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The last lines of (stdout, stderr)."""
        return self._stdout.tail(), self._stderr.tail()

    def output_bytes(self) -> tuple[int, int]:
        """How many bytes the process wrote to (stdout, stderr), kept or not."""
        return self._stdout.total_bytes, self._stderr.total_bytes

    def kill(self) -> None:
        """Kill the whole group, reap the process and wait for the helper threads. Safe to call twice."""
        if self._popen is None:
            return
        if not self._exited.is_set():
            self._kill_group()
        self._popen.wait()
        for thread in self._threads:
            # A signal can stop `start` between two threads' starts: the later ones never ran.
            if thread.ident is not None and thread is not threading.current_thread():
                thread.join(timeout=5)
        for file in (self._status_file, self._oom_file):
            if file is not None:
                file.close()
        if self._cgroup is not None:
            self._cgroup.remove()
        lifeline, self._lifeline = self._lifeline, None
        if lifeline is not None:
            os.close(lifeline)

    def _kill_group(self) -> None:
        assert self._popen is not None
        if self.mode == "none" and self._isolation is not None:
            # No PID namespace: the init is the tree's subreaper and kills it on SIGTERM. Waited for
            # without reaping (see `_watch`), so the group id stays ours until the kill below.
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._popen.pid, signal.SIGTERM)
            _wait_without_reaping(self._popen.pid, timeout_s=2)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self._popen.pid, signal.SIGKILL)
        if self._cgroup is not None:
            self._cgroup.kill()

    def _watch(self) -> None:
        assert self._popen is not None
        # Wait without reaping: while the leader is a zombie its group id cannot be reused, so killing
        # what is left of the group (children it spawned) cannot hit an unrelated process.
        with contextlib.suppress(ChildProcessError):
            os.waitid(os.P_PID, self._popen.pid, os.WEXITED | os.WNOWAIT)
        self._sample_once()
        self._kill_group()
        self._exited.set()
        returncode = self._popen.wait()
        for thread in self._threads[:2]:
            thread.join(timeout=2)
        self.oom_killed()
        self._on_exit(ProcessExit(returncode, self._stderr.tail(), self._out_of_memory))

    def _sample(self) -> None:
        while not self._exited.wait(self._poll_s):
            self._sample_once()
            if self._cgroup is not None:
                over = self.oom_killed()  # the kernel enforces the cap; an OOM kill anywhere ends the tree
            else:
                over = self._cap_kib is not None and _tree_rss_kib(self.runtime_pid) > self._cap_kib
                self._out_of_memory = self._out_of_memory or over
            if over:
                self._kill_group()
                return

    def _sample_once(self) -> int | None:
        """Update the peak from the runtime's status; its resident memory now (None once it is gone)."""
        if self._status_file is None:
            return None
        status = kib_fields(self._status_file.read())
        if "VmHWM" in status:
            self._peak_kib = max(self._peak_kib or 0, status["VmHWM"])
        return status.get("VmRSS")


def _wait_without_reaping(pid: int, *, timeout_s: float) -> None:
    """Wait until child `pid` has exited (left a zombie), at most `timeout_s`."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if os.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT | os.WNOHANG) is not None:
                return
        except ChildProcessError:
            return
        time.sleep(0.005)


def _children(pid: int) -> list[int]:
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []
    found: list[int] = []
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children") as file:
                found.extend(int(child) for child in file.read().split())
        except OSError:
            continue
    return found


def _tree_rss_kib(pid: int) -> int:
    """Resident memory of `pid` and all its descendants (the fallback when no cgroup can be made)."""
    total, queue = 0, [pid]
    while queue:
        current = queue.pop()
        total += _read_status(current).get("VmRSS", 0)
        queue.extend(_children(current))
    return total


def _read_status(pid: int) -> dict[str, int]:
    """The `kB` fields of /proc/<pid>/status that we use; empty once the process is gone."""
    file = KeptFile(f"/proc/{pid}/status")
    try:
        return kib_fields(file.read())
    finally:
        file.close()
