"""golden's sandbox init: run as a script (`python -I -S jail_init.py CONFIG -- ARGV...`), never imported.

It joins the runtime's cgroup, unshares user, PID and mount namespaces, forks the runtime as PID 1
of the new PID namespace, and waits for it, mirroring its exit. The runtime, before exec:

- gets SIGKILL when this process dies (`PR_SET_PDEATHSIG`), and when it (PID 1) dies the kernel kills
  everything left in its PID namespace: detached and `setsid` children cannot outlive it;
- sees only its own namespace's processes in a fresh `/proc`; in its own user namespace it cannot
  read `/proc/<pid>/environ` of any process outside (the kernel's ptrace check fails across user
  namespaces), even through another `/proc` mount;
- finds empty tmpfs mounts over the credential folders and `/dev/null` over the credential files golden
  names (the caller's `~/.aws`, `AWS_SHARED_CREDENTIALS_FILE`, ...);
- keeps no capabilities (bounding set emptied, `no_new_privs`): it cannot unmount those masks.

Without a user namespace (refused by the kernel, e.g. `user.max_user_namespaces = 0`) a root caller
still gets the PID and mount namespaces; when those are refused too, the runtime is exec'd as it is
(the status line says which: `mode user+pid+mount`, `mode pid+mount`, `mode none`; `--probe`
prints it without starting anything). CONFIG is JSON:
`{"status_fd": int, "env": {str: str}, "cgroup_procs": str|null, "masks": [str], "files": [str],
"namespaces": bool, "lifeline_fd": int|null}` (false: mode `none` without trying; the lifeline is
the read end of a pipe only golden writes to: its EOF means golden died, and the init kills the tree); the
runtime gets `env` and nothing else (this process's own environment is empty). In mode `none` this
process is a child subreaper instead: orphaned descendants come back to it, and it kills all of them
when the runtime exits or when it is told to stop (SIGTERM, SIGINT, SIGHUP). Standard library only:
the script starts with `-S` so it stays a few milliseconds of the runtime's start.
"""

import contextlib
import ctypes
import json
import os
import select
import signal
import sys
from typing import Any

CLONE_NEWNS = 0x00020000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_BIND, MS_REC, MS_PRIVATE = 2, 4, 8, 4096, 16384, 1 << 18
PR_SET_PDEATHSIG, PR_CAPBSET_DROP, PR_SET_CHILD_SUBREAPER, PR_SET_NO_NEW_PRIVS = 1, 24, 36, 38
EXIT_SETUP = 125


def _check(result: int, what: str) -> None:
    if result != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"{what}: {os.strerror(errno)}")


def _write(path: str, text: str) -> None:
    with open(path, "w") as file:
        file.write(text)


def _unshare(libc: ctypes.CDLL) -> str:
    uid, gid = os.geteuid(), os.getegid()
    if libc.unshare(CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWPID) == 0:
        _write("/proc/self/setgroups", "deny")
        _write("/proc/self/uid_map", f"{uid} {uid} 1")
        _write("/proc/self/gid_map", f"{gid} {gid} 1")
        return "user+pid+mount"
    if libc.unshare(CLONE_NEWNS | CLONE_NEWPID) == 0:
        return "pid+mount"
    return "none"


def _seal(libc: ctypes.CDLL, config: dict[str, Any]) -> None:
    """In the runtime (PID 1), before exec: private mounts, a fresh /proc, the masks, no capabilities."""
    _check(libc.mount(b"none", b"/", None, MS_REC | MS_PRIVATE, None), "make mounts private")
    _check(libc.mount(b"proc", b"/proc", b"proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, None), "mount /proc")
    for folder in config.get("masks", []):
        if os.path.isdir(str(folder)):
            _check(
                libc.mount(b"tmpfs", os.fsencode(str(folder)), b"tmpfs", MS_NOSUID | MS_NODEV, b"size=64k"),
                f"mask {folder}",
            )
    for file in config.get("files", []):
        if os.path.isfile(str(file)):
            _check(libc.mount(b"/dev/null", os.fsencode(str(file)), None, MS_BIND, None), f"mask {file}")
    for cap in range(64):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            break  # EINVAL past the last capability this kernel knows
    _check(libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "no_new_privs")


def _descendants() -> list[int]:
    """Every live descendant of this process (its children's children, and so on)."""
    found: list[int] = []
    queue = [os.getpid()]
    while queue:
        pid = queue.pop()
        try:
            tasks = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{pid}/task/{task}/children") as file:
                    children = [int(c) for c in file.read().split()]
            except OSError:
                continue
            found.extend(children)
            queue.extend(children)
    return found


def _kill_descendants() -> None:
    """SIGKILL and reap the whole tree below this process (mode `none`: we are its subreaper)."""
    for _ in range(100):
        pids = _descendants()
        if not pids:
            return
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        try:
            while os.waitpid(-1, os.WNOHANG)[0] > 0:
                pass
        except ChildProcessError:
            return


def _wait_or_lifeline(pid: int, lifeline: int | None) -> None:
    """Return once the runtime has exited; if golden dies first (its end of the lifeline pipe closes,
    even on SIGKILL), kill the runtime and everything below it, and exit."""
    if lifeline is None or not hasattr(os, "pidfd_open"):
        return
    try:
        pidfd = os.pidfd_open(pid)
    except OSError:
        return
    while True:
        ready, _, _ = select.select([pidfd, lifeline], [], [])
        if pidfd in ready:
            return
        if not os.read(lifeline, 1):  # EOF: golden is gone
            os.kill(pid, signal.SIGKILL)
            _kill_descendants()
            os._exit(128 + signal.SIGKILL)


def probe() -> None:
    """`jail_init.py --probe`: print the mode a runtime would get here (tries them; starts nothing)."""
    libc = ctypes.CDLL(None, use_errno=True)
    try:
        mode = _unshare(libc)
    except OSError:
        mode = "none"
    sys.stdout.write(f"mode {mode}\n")


def main() -> None:
    if sys.argv[1:] == ["--probe"]:
        probe()
        return
    config: dict[str, Any] = json.loads(sys.argv[1])
    argv = sys.argv[3:]
    status = int(config["status_fd"])
    libc = ctypes.CDLL(None, use_errno=True)
    try:
        if config.get("cgroup_procs"):
            _write(str(config["cgroup_procs"]), str(os.getpid()))
        mode = _unshare(libc) if config.get("namespaces", True) else "none"
    except OSError as error:
        os.write(status, f"error sandbox setup: {error}\n".encode())
        os._exit(EXIT_SETUP)
    os.write(status, f"mode {mode}\n".encode())
    if mode == "none":
        libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    env = {str(k): str(v) for k, v in config["env"].items()}
    pid = os.fork()
    if pid == 0:
        try:
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
            if mode != "none":
                _seal(libc, config)
            os.set_inheritable(status, False)
            if config.get("lifeline_fd") is not None:
                os.set_inheritable(int(config["lifeline_fd"]), False)
            os.execve(argv[0], argv, env)
        except OSError as error:
            os.write(status, f"error {error}\n".encode())
            os._exit(EXIT_SETUP)
    os.write(status, f"pid {pid}\n".encode())
    os.close(status)

    def stop(signum: int, frame: object) -> None:
        os.kill(pid, signal.SIGKILL)
        _kill_descendants()
        os._exit(128 + signum)

    for handled in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(handled, stop)
    _wait_or_lifeline(pid, config.get("lifeline_fd"))
    _, wait_status = os.waitpid(pid, 0)
    _kill_descendants()
    if os.WIFSIGNALED(wait_status):
        signum = os.WTERMSIG(wait_status)
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
    os._exit(os.WEXITSTATUS(wait_status) if os.WIFEXITED(wait_status) else 1)


if __name__ == "__main__":
    main()
