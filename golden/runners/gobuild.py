"""Build a Go handler module the way Lambda's docs say, once per distinct source.

`CGO_ENABLED=0 go build -tags lambda.norpc -o bootstrap .` for the host's OS and architecture (the
binary runs here, not on Lambda). Binaries are cached under a key made of the Go version, target,
build flags and every file of the module, so an unchanged module is never rebuilt.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

from golden.errors import BuildError, RunnerError

BUILD_TAGS = "lambda.norpc"
_SKIPPED_DIRS = {"node_modules", "vendor.orig"}


def default_cache_dir() -> Path:
    """`$XDG_CACHE_HOME/migrate/golden/go`, else `~/.cache/migrate/golden/go`."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "migrate" / "golden" / "go"


def build_go_handler(
    module_dir: Path,
    cache_dir: Path | None = None,
    *,
    go: str = "go",
    env: Mapping[str, str] | None = None,
    timeout_s: float = 900,
) -> Path:
    """Build (or find in the cache) the `bootstrap` executable of the Go module in `module_dir`.

    `env` is added to this process's environment for the build (e.g. `GOFLAGS=-mod=mod`); the build
    always gets `CGO_ENABLED=0` and `GOTOOLCHAIN=local` (never download a toolchain).
    Raises BuildError with the compiler's output when the module does not build.
    """
    module_dir = module_dir.resolve()
    if not (module_dir / "go.mod").is_file():
        raise RunnerError(
            f"{module_dir} has no go.mod: a Go handler must be a module (run `go mod init NAME` there, "
            "then `go get github.com/aws/aws-lambda-go`)"
        )
    go_path = shutil.which(go)
    if go_path is None:
        raise RunnerError(f"`{go}` is not on PATH: install Go (1.21 or later) to build Go handlers")
    build_env = {**os.environ, **(env or {}), "CGO_ENABLED": "0", "GOTOOLCHAIN": "local"}
    toolchain = _run([go_path, "env", "GOVERSION", "GOOS", "GOARCH", "GOFLAGS"], module_dir, build_env, 60)
    key = _source_key(module_dir, toolchain)
    target = (cache_dir or default_cache_dir()) / key / "bootstrap"
    if target.is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".build-") as scratch:
        output = Path(scratch) / "bootstrap"
        _run(
            [go_path, "build", "-tags", BUILD_TAGS, "-o", str(output), "."], module_dir, build_env, timeout_s
        )
        os.replace(output, target)  # atomic: a concurrent build of the same key just wins or loses
    return target


def _run(argv: list[str], cwd: Path, env: Mapping[str, str], timeout_s: float) -> str:
    try:
        done = subprocess.run(
            argv, cwd=cwd, env=dict(env), capture_output=True, text=True, timeout=timeout_s, check=False
        )
    except subprocess.TimeoutExpired as error:
        raise BuildError(f"`{' '.join(argv)}` in {cwd} took more than {timeout_s:.0f} s; gave up") from error
    if done.returncode != 0:
        output = (done.stderr + done.stdout).strip()
        raise BuildError(
            f"`{' '.join(argv[:2])}` failed in {cwd} (exit {done.returncode}):\n{output}\n"
            "Fix the errors above; the module must be `package main` and call lambda.Start(handler). "
            "If modules are missing, run `go mod tidy` there (or build with GOFLAGS=-mod=mod)."
        )
    return done.stdout


def _source_key(module_dir: Path, toolchain: str) -> str:
    """A hash of the toolchain and target, the build flags, and every file's path and content."""
    digest = hashlib.sha256()
    digest.update(f"{toolchain}\0tags={BUILD_TAGS}\0cgo=0\0".encode())
    for path in sorted(_module_files(module_dir)):
        digest.update(str(path.relative_to(module_dir)).encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:32]


def _module_files(module_dir: Path) -> list[Path]:
    files = []
    for root, dirs, names in os.walk(module_dir):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d not in _SKIPPED_DIRS]
        for name in names:
            path = Path(root) / name
            if name.startswith(".") or (path.parent == module_dir and name == "bootstrap"):
                continue
            if path.is_file():
                files.append(path)
    return files
