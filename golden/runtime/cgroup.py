"""A memory cgroup per runtime process: the cap covers the whole process tree, and the tree is killed whole.

cgroup v2 (`memory.max`, `memory.events`, `cgroup.kill`) where the unified tree has the memory
controller and our cgroup is writable; else cgroup v1's memory hierarchy (`memory.limit_in_bytes`,
`memory.oom_control`, killing every pid in `cgroup.procs` until it is empty). The new cgroup is a
child of the one golden itself runs in. `open_cgroup` returns None where neither is writable (a
container without a delegated cgroup, a non-root user without systemd delegation): the caller then
falls back to sampling the tree's resident memory (`golden.runtime.process`).
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from golden.runtime.kept_file import KeptFile, counter

ROOT = Path("/sys/fs/cgroup")


@dataclass(frozen=True)
class Cgroup:
    """One cgroup golden made; `remove()` kills what is left in it and deletes it."""

    path: Path
    version: int
    """2 (unified) or 1 (the v1 memory hierarchy)."""

    @property
    def procs_file(self) -> Path:
        return self.path / "cgroup.procs"

    @property
    def oom_file(self) -> Path:
        """The file whose `oom_kill` line counts the OOM killer's kills in this cgroup."""
        return self.path / ("memory.events" if self.version == 2 else "memory.oom_control")

    def oom_kills(self) -> int:
        """How many processes the kernel's OOM killer has killed in this cgroup so far.

        Opens the file each time; `golden.runtime.process` keeps it open instead
        (`golden.runtime.kept_file`)."""
        file = KeptFile(str(self.oom_file))
        try:
            return counter(file.read(), b"oom_kill")
        finally:
            file.close()

    def pids(self) -> list[int]:
        try:
            return [int(p) for p in self.procs_file.read_text().split()]
        except OSError:
            return []

    def kill(self) -> None:
        """SIGKILL every process in the cgroup, until none is left (bounded: 5 s)."""
        if self.version == 2:
            with contextlib.suppress(OSError):
                (self.path / "cgroup.kill").write_text("1")
        deadline = time.monotonic() + 5
        while (pids := self.pids()) and time.monotonic() < deadline:
            for pid in pids:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.kill(pid, signal.SIGKILL)
            time.sleep(0.005)

    def remove(self) -> None:
        self.kill()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                self.path.rmdir()
                return
            except FileNotFoundError:
                return
            except OSError:  # EBUSY until the last zombie is reaped
                time.sleep(0.01)


def _own_path(version: int) -> str | None:
    """Our cgroup's path in the v2 tree (version 2) or in the v1 memory hierarchy (version 1)."""
    try:
        lines = Path("/proc/self/cgroup").read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        _, controllers, path = line.split(":", 2)
        if (version == 2 and controllers == "") or (version == 1 and "memory" in controllers.split(",")):
            return path
    return None


def _candidates() -> list[tuple[int, Path]]:
    found: list[tuple[int, Path]] = []
    for version, mount in ((2, ROOT), (2, ROOT / "unified"), (1, ROOT / "memory")):
        own = _own_path(version)
        if own is None:
            continue
        if version == 2:
            try:
                controllers = (mount / "cgroup.controllers").read_text().split()
            except OSError:
                continue
            if "memory" not in controllers:
                continue
        elif not (mount / "memory.limit_in_bytes").exists():
            continue
        found.append((version, mount / own.lstrip("/")))
    return found


def open_cgroup(memory_mb: int | None) -> Cgroup | None:
    """A fresh cgroup capped at `memory_mb` (no cap when None), or None where none can be made."""
    for version, parent in _candidates():
        path = parent / f"golden-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        try:
            if version == 2:
                with contextlib.suppress(OSError):  # may be on already; fails if parent has processes
                    (parent / "cgroup.subtree_control").write_text("+memory")
            path.mkdir()
        except OSError:
            continue
        group = Cgroup(path, version)
        try:
            if memory_mb is not None:
                limit = str(memory_mb * 1024 * 1024)
                if version == 2:
                    (path / "memory.max").write_text(limit)
                    with contextlib.suppress(OSError):
                        (path / "memory.swap.max").write_text("0")
                else:
                    (path / "memory.limit_in_bytes").write_text(limit)
                    with contextlib.suppress(OSError):  # only with swap accounting
                        (path / "memory.memsw.limit_in_bytes").write_text(limit)
        except OSError:
            group.remove()
            continue
        return group
    return None
