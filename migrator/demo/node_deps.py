"""The Node originals' npm dependencies, installed once per lock file and reused by every later demo.

`npm ci --omit=dev` runs in a cache folder keyed by the project's package-lock.json
(`$XDG_CACHE_HOME/migrate/demo/npm/<hash>/node_modules`, beside golden's Go build cache); each demo
copies the project's sources into its output folder and links that `node_modules` into the copy, so
the examples folder is never written to.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from migrator.demo.plan import DemoError

NPM_TIMEOUT_S = 600
_LOCK = "package-lock.json"


def cache_root() -> Path:
    """`$XDG_CACHE_HOME/migrate/demo/npm`, else `~/.cache/migrate/demo/npm`."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "migrate" / "demo" / "npm"


def project_of(handler: Path) -> Path:
    """The folder of the nearest package-lock.json above a handler file."""
    for folder in handler.parents:
        if (folder / _LOCK).is_file():
            return folder
    raise DemoError(f"{handler}: no {_LOCK} above it, so its npm dependencies cannot be installed")


def installed_copy(project: Path, work: Path) -> Path:
    """A copy of `project` under `work` whose node_modules links to the cached `npm ci --omit=dev`."""
    modules = cached_node_modules(project)
    copy = work / project.name
    if not copy.exists():
        try:
            shutil.copytree(project, copy, ignore=shutil.ignore_patterns("node_modules"), symlinks=True)
            (copy / "node_modules").symlink_to(modules, target_is_directory=True)
        except OSError as exc:
            raise DemoError(f"cannot copy {project} to {copy}: {exc.strerror or exc}") from None
    return copy


def cache_entry(project: Path) -> Path:
    """The cache folder of `project`'s package.json and lock file; its node_modules once installed."""
    try:
        manifest = (project / "package.json").read_bytes() + (project / _LOCK).read_bytes()
    except OSError as exc:
        raise DemoError(f"cannot read {project}'s package files: {exc.strerror or exc}") from None
    return cache_root() / hashlib.sha256(manifest).hexdigest()[:20]


def cached_node_modules(project: Path) -> Path:
    """The cached node_modules for `project`'s lock file, installing it on first use."""
    final = cache_entry(project)
    if (final / "node_modules").is_dir():
        return final / "node_modules"
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DemoError(f"cannot create the npm cache {final.parent}: {exc.strerror or exc}") from None
    with tempfile.TemporaryDirectory(dir=final.parent, prefix=".install-") as scratch:
        staging = Path(scratch) / "project"
        staging.mkdir()
        for name in ("package.json", _LOCK):
            shutil.copy2(project / name, staging / name)
        _npm_ci(staging)
        try:
            os.replace(staging, final)  # atomic: a concurrent demo's install wins or loses whole
        except OSError:
            if not (final / "node_modules").is_dir():
                raise
    return final / "node_modules"


def _npm_ci(folder: Path) -> None:
    npm = shutil.which("npm")
    if npm is None:
        raise DemoError("`npm` is not on PATH: install Node.js 20 with npm to run the Node originals")
    argv = [npm, "ci", "--omit=dev", "--no-audit", "--no-fund", "--loglevel=error", "--prefer-offline"]
    try:
        done = subprocess.run(
            argv, cwd=folder, capture_output=True, text=True, timeout=NPM_TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired:
        raise DemoError(
            f"`npm ci` took more than {NPM_TIMEOUT_S} s; is the npm registry reachable?"
        ) from None
    if done.returncode != 0:
        last = (done.stderr.strip() or done.stdout.strip()).splitlines()[-1:] or ["no output"]
        raise DemoError(f"`npm ci --omit=dev` failed in {folder} (exit {done.returncode}): {last[0]}")
