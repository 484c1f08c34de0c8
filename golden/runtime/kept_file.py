"""Small kernel files golden reads after every invoke, opened once and read again with `pread`.

After each invoke the runner asks for the runtime's peak resident memory (`VmHWM` in
`/proc/<pid>/status`) and, when the runtime has a memory cgroup, whether the OOM killer struck
anywhere in its tree (`memory.events` or `memory.oom_control`); the sampler thread reads the same
files every 20 ms. Opening them by path each time was a path walk through procfs or cgroupfs, an
allocation, a read and a close per look: about 16 µs of CPU each on an idle machine, and the cgroup
file was most of what the sandbox added per invoke (measured with `python bench/golden`). procfs and
cgroupfs build such a file's text when it is read, so one descriptor read again at offset 0 gives
the current values in one system call (about 1.5 µs for the cgroup file, 9 µs for `status`).

A `/proc/<pid>/status` descriptor stays tied to that process: once it is gone a read fails (or shows
a zombie without memory fields), it never shows a process that reused the pid.
"""

from __future__ import annotations

import os
import re
import threading

_READ_BYTES = 4096  # the fields we read are in the first kilobyte of either file
_VM_HWM = re.compile(rb"\nVmHWM:\s*(\d+) kB")
_OOM_KILL = re.compile(rb"(?:^|\n)oom_kill (\d+)")


class KeptFile:
    """One open descriptor, read whole from offset 0; reads after `close()` (or a failed open) are empty."""

    def __init__(self, path: str) -> None:
        self._lock = threading.Lock()
        """Held while the descriptor is used: `close()` from another thread cannot free its number to a
        file opened meanwhile."""
        try:
            self._fd: int | None = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
        except OSError:
            self._fd = None

    def read(self) -> bytes:
        with self._lock:
            if self._fd is None:
                return b""
            try:
                return os.pread(self._fd, _READ_BYTES, 0)
            except OSError:  # ESRCH once the process is gone
                return b""

    def close(self) -> None:
        """Close the descriptor. Safe to call twice and from any thread."""
        with self._lock:
            fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)


def kib_fields(status: bytes, keys: tuple[bytes, ...] = (b"VmHWM", b"VmRSS")) -> dict[str, int]:
    """The `kB` fields `keys` of a `/proc/<pid>/status` text that are present (none for a zombie)."""
    fields: dict[str, int] = {}
    for key in keys:
        start = status.find(b"\n" + key + b":")
        if start >= 0:
            end = status.find(b"kB", start)
            if end >= 0:
                fields[key.decode()] = int(status[start + len(key) + 2 : end])
    return fields


def vm_hwm_kib(status: bytes) -> int | None:
    """`VmHWM` of a `/proc/<pid>/status` text (what `kib_fields` finds, in one regex call: it is read after
    every invoke); None for a zombie."""
    found = _VM_HWM.search(status)
    return int(found[1]) if found is not None else None


def oom_kills(events: bytes) -> int:
    """`counter(events, b"oom_kill")` in one regex call (it is read after every invoke)."""
    found = _OOM_KILL.search(events)
    return int(found[1]) if found is not None else 0


def counter(text: bytes, name: bytes) -> int:
    """The value of line `name N` in a cgroup key-value file (`memory.events`, `memory.oom_control`); 0
    when absent."""
    if text.startswith(name + b" "):
        start = 0
    elif (start := text.find(b"\n" + name + b" ")) >= 0:
        start += 1
    else:
        return 0
    end = text.find(b"\n", start)
    return int(text[start + len(name) + 1 : end if end >= 0 else len(text)])
