"""Shared fixtures: paths into the repository, a builder for throwaway fleets, the rules every test
keeps (a committed go.mod or go.sum is never rewritten), and `require_tool` for external tools."""

from __future__ import annotations

import hashlib
import os
import subprocess
import textwrap
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FLEET = REPO / "examples" / "fleet"

WriteTree = Callable[[dict[str, str]], Path]


def require_tool(present: bool, what: str) -> None:
    """Skip a test whose external tool is missing, except under CI (`CI=true`), where it fails: CI
    installs every tool the suite uses, so a missing one is a broken set-up, not a reason to pass."""
    if present:
        return
    if os.environ.get("CI", "").lower() in ("true", "1"):
        pytest.fail(f"{what} is missing under CI: .ci/run installs it; fix the set-up")
    pytest.skip(f"{what} is missing")


def go_caches() -> dict[str, str]:
    """Go's caches where they are now, for a subprocess given its own HOME or XDG_CACHE_HOME: Go's
    default GOCACHE lives under those, so without this the child rebuilds the standard library and
    every dependency from scratch (a minute of CPU per test)."""
    names = ("GOCACHE", "GOMODCACHE", "GOPATH")
    values = subprocess.run(["go", "env", *names], capture_output=True, text=True, check=True).stdout
    return dict(zip(names, values.splitlines(), strict=True))


#: Go must find everything in the module cache: no proxy, no go.mod/go.sum edits.
GO_OFFLINE = {"GOFLAGS": "-mod=readonly", "GOPROXY": "off", "GOTOOLCHAIN": "local"}


def fill_module_cache(cwd: Path, env: dict[str, str] | None = None) -> None:
    """Download what `cwd`'s go.mod or go.work requires into the module cache: the one step of an
    offline check that may reach the proxy (-mod=readonly still refuses any go.mod or go.sum edit).
    Without it an offline check passes only when an earlier test happened to download the same
    modules; with a warm cache it costs milliseconds per module."""
    online = {**os.environ, **GO_OFFLINE, **(env or {})}
    online["GOPROXY"] = os.environ.get("GOPROXY") or "https://proxy.golang.org,direct"
    fetched = subprocess.run(
        ["go", "mod", "download"], cwd=cwd, env=online, capture_output=True, text=True, timeout=900
    )
    assert fetched.returncode == 0, f"go mod download in {cwd}: {fetched.stderr[-3000:]}"


def go_offline(
    args: Sequence[str], cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the Go toolchain in `cwd` offline (`fill_module_cache` first, except for `go work`)."""
    if list(args[:1]) != ["work"]:
        fill_module_cache(cwd, env)
    full = {**os.environ, **GO_OFFLINE, **(env or {})}
    return subprocess.run(["go", *args], cwd=cwd, env=full, capture_output=True, text=True, timeout=900)


def imported_modules(importtime_stderr: str) -> set[str]:
    """The modules a `python -X importtime` run imported, from the stderr it wrote."""
    lines = importtime_stderr.splitlines()
    return {line.rsplit("|", 1)[1].strip() for line in lines if line.count("|") == 2}


def _proc_stat(pid: int | str) -> list[str] | None:
    """The fields of /proc/PID/stat after the command name (state, parent, ...); None when gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()


def process_running(pid: int) -> bool:
    """Whether `pid` is a live process (Linux /proc): not gone, not a zombie waiting for a reaper."""
    fields = _proc_stat(pid)
    return fields is not None and fields[0] not in ("Z", "X")


def child_processes(pid: int) -> list[int]:
    """The live processes whose parent is `pid` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        fields = _proc_stat(entry.name) if entry.name.isdigit() else None
        if fields is not None and int(fields[1]) == pid and fields[0] not in ("Z", "X"):
            found.append(int(entry.name))
    return found


def _go_module_files() -> dict[str, str]:
    listed = subprocess.run(
        ["git", "ls-files", "-z", "*go.mod", "*go.sum"], cwd=REPO, capture_output=True, check=False
    )
    names = [n for n in listed.stdout.decode("utf-8", "surrogateescape").split("\0") if n]
    return {n: hashlib.sha256((REPO / n).read_bytes()).hexdigest() for n in names if (REPO / n).is_file()}


@pytest.fixture(scope="session", autouse=True)
def committed_go_modules_stay_untouched() -> Iterator[None]:
    """No test may let `go` rewrite a committed go.mod or go.sum (build them with -mod=readonly, or in a
    copy): checked once over the whole session."""
    before = _go_module_files()
    yield
    changed = sorted(n for n, digest in _go_module_files().items() if before.get(n) != digest)
    assert not changed, f"tests rewrote committed Go module files: {', '.join(changed)}"


@pytest.fixture
def write_tree(tmp_path: Path) -> WriteTree:
    """Write {relative path: text} under a fresh folder (text is dedented) and return the folder."""

    def write(files: dict[str, str]) -> Path:
        root = tmp_path / "fleet"
        for rel, text in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        root.mkdir(exist_ok=True)
        return root

    return write


def hostile_fleet(write: WriteTree) -> Path:
    """A fleet with one readable function beside two configs the scan cannot read: a FIFO and an
    alias bomb. Each of those may declare functions, so no command may drop them in silence."""
    bomb = ["service: bomb", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    bomb += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    bomb += ["provider: {name: aws, runtime: nodejs20.x}", "functions: {hello: {handler: handler.hello}}"]
    root = write(
        {
            "ok/handler.js": 'exports.handler = async () => ({ statusCode: 200, body: "ok" });\n',
            "ok/package.json": '{"name": "ok", "main": "handler.js"}\n',
            "bomb/serverless.yml": "\n".join(bomb) + "\n",
            "bomb/handler.js": "exports.hello = async () => 1;\n",
        }
    )
    (root / "fifo").mkdir()
    os.mkfifo(root / "fifo" / "serverless.yml")
    return root
