"""TypeScript handlers: transpiled with esbuild (never type-checked) into a copy of the task root.

Each `.ts`/`.tsx` file becomes `.js` beside it, in the module system its package says (CommonJS
unless the nearest package.json has `"type": "module"`); `.mts` becomes `.mjs` (ESM) and `.cts`
becomes `.cjs` (CommonJS). No bundling: imports stay as written, so the copy keeps the project's
layout and the handler string resolves in it as it did in the source. `node_modules` folders are
linked, not copied.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
from collections.abc import Sequence
from pathlib import Path

from golden.errors import BuildError, RunnerError

DEFAULT_ESBUILD: tuple[str, ...] = ("npx", "--yes", "esbuild@0.24")
_JS_SUFFIXES = ("", ".js", ".mjs", ".cjs")
_TS_SUFFIXES = (".ts", ".mts", ".cts")
_LINKED = ("node_modules",)
_SKIPPED = (".git",)


def _special(path: Path) -> str | None:
    """What kind of special file `path` is (a FIFO, a device, a socket), or None; links are kept."""
    try:
        mode = path.lstat().st_mode
    except OSError:
        return None
    if stat.S_ISLNK(mode) or stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device file"


def typescript_entry(task_root: Path, handler: str) -> Path | None:
    """The TypeScript file `handler` names when no JavaScript file answers to it, else None."""
    module_dir, _, name = handler.rpartition("/")
    module = name.split(".", 1)[0]
    base = task_root / module_dir / module
    if any(Path(f"{base}{suffix}").is_file() for suffix in _JS_SUFFIXES):
        return None
    for suffix in _TS_SUFFIXES:
        candidate = Path(f"{base}{suffix}")
        if candidate.is_file():
            return candidate
    return None


def transpile_task_root(
    task_root: Path, out_dir: Path, *, esbuild: Sequence[str] = DEFAULT_ESBUILD, target: str = "node20"
) -> Path:
    """Copy `task_root` under `out_dir` and transpile every TypeScript file in the copy; return the copy."""
    copy = out_dir / "task"
    linked: list[Path] = []

    def ignore(folder: str, names: list[str]) -> set[str]:
        linked.extend(Path(folder) / name for name in names if name in _LINKED)
        skipped = {name for name in names if name in _LINKED or name in _SKIPPED}
        for name in sorted(set(names) - skipped):
            kind = _special(Path(folder) / name)
            if kind is not None:
                raise RunnerError(
                    f"{Path(folder) / name}: {kind} in the handler's folder; a TypeScript handler's "
                    "folder is copied to transpile it, so remove it (or move the handler)"
                )
        return skipped

    shutil.copytree(task_root, copy, symlinks=True, ignore=ignore)
    for source in linked:
        (copy / source.relative_to(task_root)).symlink_to(source.resolve(), target_is_directory=True)
    if not (copy / "package.json").exists() and _is_module(task_root.parent):
        # The copy is cut off from the folders above the task root: keep their module type.
        (copy / "package.json").write_text('{"type": "module"}\n')

    groups: dict[tuple[str, str], list[str]] = {}
    for path in sorted(_typescript_files(copy)):
        if path.suffix == ".mts":
            key = ("esm", ".mjs")
        elif path.suffix == ".cts":
            key = ("cjs", ".cjs")
        else:
            key = ("esm" if _is_module(path.parent) else "cjs", ".js")
        groups.setdefault(key, []).append(str(path.relative_to(copy)))
    for (module_format, extension), files in groups.items():
        _esbuild(esbuild, copy, files, module_format, extension, target)
    return copy


def _typescript_files(root: Path) -> list[Path]:
    found = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if d not in _LINKED and not d.startswith(".")]
        for name in names:
            if name.endswith((".d.ts", ".d.mts", ".d.cts")):
                continue
            if name.endswith((*_TS_SUFFIXES, ".tsx")):
                found.append(Path(folder) / name)
    return found


def _is_module(folder: Path) -> bool:
    """Whether the nearest package.json above `folder` says `"type": "module"` (Node's rule)."""
    for candidate in (folder, *folder.parents):
        if candidate.name == "node_modules":
            return False
        manifest = candidate / "package.json"
        if manifest.is_file():
            try:
                return bool(json.loads(manifest.read_text()).get("type") == "module")
            except (ValueError, OSError, AttributeError):
                return False
    return False


def _esbuild(
    esbuild: Sequence[str], root: Path, files: list[str], module_format: str, extension: str, target: str
) -> None:
    if shutil.which(esbuild[0]) is None:
        raise RunnerError(
            f"`{esbuild[0]}` is not on PATH: install Node.js with npm to transpile TypeScript handlers"
        )
    argv = [
        *esbuild,
        *files,
        f"--outdir={root}",
        f"--outbase={root}",
        f"--format={module_format}",
        "--platform=node",
        f"--target={target}",
        "--log-level=warning",
    ]
    if extension != ".js":
        argv.append(f"--out-extension:.js={extension}")
    done = subprocess.run(argv, cwd=root, capture_output=True, text=True, check=False, timeout=300)
    if done.returncode != 0:
        raise BuildError(
            f"esbuild could not transpile the TypeScript in {root} (exit {done.returncode}):\n"
            f"{(done.stderr + done.stdout).strip()}\n"
            "These are syntax errors, not type errors (golden never type-checks); fix them in the source."
        )
