"""One runtime process: its own process group, watched, sampled for memory, and killed with its group.

Memory. `RLIMIT_AS` cannot cap a Go or Node runtime (both reserve far more virtual memory than they
touch), and cgroups need a writable cgroup tree that a developer's machine or CI may not give us. So
a sampler thread reads `/proc/<pid>/status` every `poll_s`: `VmHWM` (the kernel's own peak-RSS
high-water mark, so no peak is missed between samples) is what we report, and when `VmRSS` passes
the cap the whole group is killed and the exit is flagged `out_of_memory`. The cap is therefore
soft (a burst shorter than one poll can pass it) and counts the runtime process only, not children
it spawns; Lambda counts the whole sandbox.
"""

from __future__ import annotations

import collections
import contextlib
import os
import signal
import subprocess
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from golden.errors import RunnerError


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
    ) -> None:
        self._argv = list(argv)
        self._env = dict(env)
        self._cwd = cwd
        self._on_exit = on_exit
        self._cap_kib = memory_cap_kib
        self._poll_s = poll_s
        self._stderr: collections.deque[str] = collections.deque(maxlen=tail_lines)
        self._stdout: collections.deque[str] = collections.deque(maxlen=tail_lines)
        self._popen: subprocess.Popen[bytes] | None = None
        self._threads: list[threading.Thread] = []
        self._exited = threading.Event()
        self._out_of_memory = False
        self._peak_kib: int | None = None

    def start(self) -> None:
        """Start the process in a new session; raises RunnerError when it cannot be executed."""
        try:
            self._popen = subprocess.Popen(
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
        assert self._popen.stdout is not None and self._popen.stderr is not None
        self._threads = [
            threading.Thread(target=self._read, args=(self._popen.stdout, self._stdout), daemon=True),
            threading.Thread(target=self._read, args=(self._popen.stderr, self._stderr), daemon=True),
            threading.Thread(target=self._sample, daemon=True),
        ]
        for thread in self._threads:
            thread.start()
        watcher = threading.Thread(target=self._watch, name=f"golden-watch-{self.pid}", daemon=True)
        watcher.start()
        self._threads.append(watcher)

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
    def running(self) -> bool:
        return self._popen is not None and not self._exited.is_set()

    def peak_rss_kib(self) -> int | None:
        """Peak resident memory so far (VmHWM), or the last value sampled once the process is gone."""
        if self._popen is not None and not self._exited.is_set():
            status = _read_status(self._popen.pid)
            if "VmHWM" in status:
                self._peak_kib = max(self._peak_kib or 0, status["VmHWM"])
        return self._peak_kib

    def output_tail(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The last lines of (stdout, stderr)."""
        return tuple(self._stdout), tuple(self._stderr)

    def kill(self) -> None:
        """Kill the whole group, reap the process and wait for the helper threads. Safe to call twice."""
        if self._popen is None:
            return
        if not self._exited.is_set():
            self._kill_group()
        self._popen.wait()
        for thread in self._threads:
            if thread is not threading.current_thread():
                thread.join(timeout=5)

    def _kill_group(self) -> None:
        assert self._popen is not None
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self._popen.pid, signal.SIGKILL)

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
        self._on_exit(ProcessExit(returncode, tuple(self._stderr), self._out_of_memory))

    def _read(self, pipe: IO[bytes], lines: collections.deque[str]) -> None:
        with pipe:
            for raw in iter(pipe.readline, b""):
                lines.append(raw.decode("utf-8", "replace").rstrip("\n"))

    def _sample(self) -> None:
        while not self._exited.wait(self._poll_s):
            rss = self._sample_once()
            if self._cap_kib is not None and rss is not None and rss > self._cap_kib:
                self._out_of_memory = True
                self._kill_group()
                return

    def _sample_once(self) -> int | None:
        assert self._popen is not None
        status = _read_status(self._popen.pid)
        if "VmHWM" in status:
            self._peak_kib = max(self._peak_kib or 0, status["VmHWM"])
        return status.get("VmRSS")


def _read_status(pid: int) -> dict[str, int]:
    """The `kB` fields of /proc/<pid>/status that we use; empty once the process is gone.

    Read with one `os.read` and searched as bytes: this runs after every invoke (the outcome's peak
    RSS), and the pathlib-and-splitlines version was a fifth of the harness's Python time per invoke.
    """
    try:
        fd = os.open(f"/proc/{pid}/status", os.O_RDONLY)
    except OSError:
        return {}
    try:
        data = os.read(fd, 4096)  # the fields we read are in the first kilobyte
    except OSError:
        return {}
    finally:
        os.close(fd)
    fields: dict[str, int] = {}
    for key in ("VmHWM", "VmRSS"):
        start = data.find(b"\n" + key.encode() + b":")
        if start >= 0:
            fields[key] = int(data[start + len(key) + 2 : data.index(b"kB", start)])
    return fields
