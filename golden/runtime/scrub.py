"""The fallback when the sandbox gets no namespaces: golden re-executes itself with a scrubbed environment.

Without a user or PID namespace (mode `none`, see docs/golden-sandbox.md) a runtime shares golden's
`/proc` and runs as the same user, so it can read `/proc/<golden's pid>/environ`: the environment
golden was started with (a process's initial environment, whatever Python later does to
`os.environ`). Before anything starts, `reexec_if_exposed` probes the mode a runtime would get
(`jail_init.py --probe`, about 20 ms) and, when it is `none`, replaces golden's process (same pid,
same open files) by a new one whose environment keeps only what golden and its tools need
(`KEPT`, `KEPT_PREFIXES`): no token, password or key of the caller's stays in any environment golden
or its children (moto, the Go build, the inits) hold.

`MIGRATE_GOLDEN_NAMESPACES=off` forces the fallback (mode `none` for every runtime), for tests and for
machines whose namespaces misbehave. `MIGRATE_GOLDEN_SCRUBBED=1` marks the re-executed process (and
stops a second re-exec); set by hand it skips the scrub, which the tests use as their control.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping, Sequence

from golden.runtime.jail import JAIL_INIT, NAMESPACES_VARIABLE, namespaces_forced_off

SCRUBBED_VARIABLE = "MIGRATE_GOLDEN_SCRUBBED"

KEPT = frozenset(
    {
        # finding programs, files and the user
        *("PATH", "HOME", "USER", "LOGNAME", "TMPDIR", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"),
        # output: encoding, terminal, colours
        *("LANG", "LANGUAGE", "TZ", "TERM", "COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR"),
        # the Python running golden
        "VIRTUAL_ENV",
        # TLS roots and proxies for the Go toolchain's module downloads
        *("SSL_CERT_FILE", "SSL_CERT_DIR", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY"),
        *("http_proxy", "https_proxy", "no_proxy"),
        # where AWS would be: a region is no secret (golden's own runtimes get fake credentials)
        *("AWS_REGION", "AWS_DEFAULT_REGION"),
        NAMESPACES_VARIABLE,
    }
)
KEPT_PREFIXES = ("LC_", "PYTHON", "GO", "CGO_")
"""The locale, Python's settings (PYTHONPATH), and the Go toolchain's (GOCACHE, GOFLAGS, GOPROXY...)."""


def sandbox_mode(environ: Mapping[str, str]) -> str:
    """The mode a runtime's sandbox would get here: `user+pid+mount`, `pid+mount` or `none`."""
    if namespaces_forced_off(environ):
        return "none"
    try:
        probe = subprocess.run(
            [sys.executable, "-I", "-S", str(JAIL_INIT), "--probe"],
            env={},
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return "none"
    _, _, mode = probe.stdout.strip().partition(" ")
    return mode or "none"


def scrubbed(environ: Mapping[str, str]) -> dict[str, str]:
    """What golden keeps of `environ`, marked as scrubbed."""
    kept = {k: v for k, v in environ.items() if k in KEPT or k.startswith(KEPT_PREFIXES)}
    return {**kept, SCRUBBED_VARIABLE: "1"}


def reexec_if_exposed(environ: Mapping[str, str], argv: Sequence[str]) -> None:
    """Re-execute `argv` (the interpreter's own command line) with a scrubbed environment when runtimes
    would share golden's `/proc`; return when they would not, or when this process is the re-exec.

    Call it before anything is started: `execve` keeps the pid and open files, but threads and child
    processes of this process would be lost."""
    if environ.get(SCRUBBED_VARIABLE) or sandbox_mode(environ) != "none":
        return
    clean = scrubbed(environ)
    if set(environ) <= set(clean):
        return  # nothing to hide
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(sys.executable, [sys.executable, *argv[1:]], clean)
