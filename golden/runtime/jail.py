"""Launching a runtime inside golden's sandbox (`golden/runtime/jail_init.py`): its command, and what it
hides.

`Isolation` says what to hide: the credential folders and files of the caller, which a handler could
otherwise read by path (`~/.aws` of the caller's HOME and of the user's passwd home, and the files the
caller's `AWS_*` variables name). `start_jailed` starts the init and waits until the runtime is
exec'd (or failed to be), reading the init's status pipe.
"""

from __future__ import annotations

import contextlib
import json
import os
import pwd
import select
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from golden.errors import RunnerError

JAIL_INIT = Path(__file__).with_name("jail_init.py")
START_TIMEOUT_S = 30.0

# AWS SDK settings that name files holding credentials or tokens.
_CREDENTIAL_FILE_VARIABLES = (
    "AWS_SHARED_CREDENTIALS_FILE",
    "AWS_CONFIG_FILE",
    "AWS_WEB_IDENTITY_TOKEN_FILE",
    "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
)


@dataclass(frozen=True)
class Isolation:
    """What the sandbox hides from the runtime besides other processes."""

    masks: tuple[str, ...] = ()
    """Folders covered by an empty tmpfs."""
    files: tuple[str, ...] = ()
    """Files covered by /dev/null."""
    namespaces: bool = True
    """False forces the weaker fallback (no namespaces; the init is a subreaper), as on a machine that
    refuses them: for tests, and for measuring what the namespaces cost."""
    cgroup: bool = True
    """False forces the memory fallback (sampling the tree's resident memory), as without a writable
    cgroup tree."""


NAMESPACES_VARIABLE = "MIGRATE_GOLDEN_NAMESPACES"
"""Set to `off`, every runtime gets the fallback (mode `none`), as on a machine refusing namespaces."""


def namespaces_forced_off(environ: Mapping[str, str]) -> bool:
    """Whether `MIGRATE_GOLDEN_NAMESPACES` forces the fallback."""
    return environ.get(NAMESPACES_VARIABLE, "").lower() in {"off", "0", "no", "false"}


SANDBOXED = Isolation()
"""Namespaces, no masks: what runners use unless told otherwise."""


def caller_isolation(environ: Mapping[str, str]) -> Isolation:
    """Hide the caller's AWS configuration: `~/.aws` (caller's HOME and passwd home) and named files."""
    homes = {environ.get("HOME", "")}
    with contextlib.suppress(KeyError):
        homes.add(pwd.getpwuid(os.geteuid()).pw_dir)
    masks = tuple(sorted(str(Path(home) / ".aws") for home in homes if home))
    files = tuple(sorted({environ[k] for k in _CREDENTIAL_FILE_VARIABLES if environ.get(k)}))
    return Isolation(masks, files, namespaces=not namespaces_forced_off(environ))


@dataclass(frozen=True)
class Jailed:
    """A started sandbox: the init's Popen, the runtime's pid (as golden sees it) and the mode."""

    popen: subprocess.Popen[bytes]
    lifeline: int
    """golden's end of the lifeline pipe: closing it (or golden dying) makes the init kill the tree."""
    runtime_pid: int
    mode: str
    """`user+pid+mount`, `pid+mount` or `none` (see `golden/runtime/jail_init.py`)."""


def start_jailed(
    argv: Sequence[str],
    *,
    env: Mapping[str, str],
    cwd: Path,
    isolation: Isolation,
    cgroup_procs: Path | None,
) -> Jailed:
    """Start `argv` in the sandbox; RunnerError when the sandbox or the runtime cannot start."""
    executable = argv[0] if os.sep in argv[0] else _which(argv[0], env)
    read_fd, write_fd = os.pipe()
    life_r, life_w = os.pipe()
    config = {
        "status_fd": write_fd,
        "lifeline_fd": life_r,
        "env": dict(env),
        "cgroup_procs": str(cgroup_procs) if cgroup_procs is not None else None,
        "masks": list(isolation.masks),
        "files": list(isolation.files),
        "namespaces": isolation.namespaces,
    }
    try:
        popen = subprocess.Popen(
            [sys.executable, "-I", "-S", str(JAIL_INIT), json.dumps(config), "--", executable, *argv[1:]],
            env={},
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
            pass_fds=(write_fd, life_r),
        )
    except OSError as error:
        os.close(read_fd)
        os.close(life_w)
        raise RunnerError(f"cannot start golden's sandbox in {cwd}: {error.strerror or error}") from error
    finally:
        os.close(write_fd)
        os.close(life_r)
    try:
        lines = _read_status(read_fd)
    finally:
        os.close(read_fd)
    fields = dict(line.split(" ", 1) for line in lines if " " in line)
    if "error" in fields or "pid" not in fields:
        os.close(life_w)
        popen.kill()
        popen.wait()
        problem = fields.get("error", "the sandbox's init ended without starting the runtime")
        raise RunnerError(
            f"cannot start {argv[0]} in {cwd}: {problem}; check that it exists and is executable"
        )
    return Jailed(popen, life_w, int(fields["pid"]), fields.get("mode", "none"))


def _read_status(fd: int) -> list[str]:
    data = b""
    deadline = time.monotonic() + START_TIMEOUT_S
    while (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            break
        chunk = os.read(fd, 4096)
        if not chunk:
            break
        data += chunk
    return data.decode("utf-8", "replace").splitlines()


def _which(name: str, env: Mapping[str, str]) -> str:
    for folder in env.get("PATH", "").split(os.pathsep):
        candidate = Path(folder) / name
        if folder and os.access(candidate, os.X_OK) and candidate.is_file():
            return str(candidate)
    return name
