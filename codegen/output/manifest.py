"""The manifest of one target folder, and which files on disk are stale generated files ("strays").

The manifest (`.migrate-codegen.json`) lists what the last run generated, so a file we stopped
generating is found even if its header was edited away. A stray is a file that carries our
generated mark or is listed in the manifest, that this run does not generate and that is not a
user-owned file of this run. The search skips hidden folders, `node_modules` and folders holding
their own manifest (another target nested inside this one).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from codegen.emit.interface import GeneratedFile
from codegen.output.paths import MANIFEST, UnsafePathError, check_relative, inside, is_generated_text

_SKIP_DIRS = frozenset({"node_modules", "__pycache__", "vendor"})
_HEAD_BYTES = 512


def manifest_file(files: Sequence[GeneratedFile]) -> GeneratedFile:
    """The manifest for this run's files, itself a generated file (so `--check` holds it too)."""
    body = {
        "generator": "migrate codegen",
        "note": "files the last run generated (rewritten on every run) and user-owned files (never)",
        "generated": sorted(f.path for f in files if f.owner == "generated"),
        "user": sorted(f.path for f in files if f.owner == "user"),
    }
    return GeneratedFile(MANIFEST, json.dumps(body, indent=2) + "\n")


def with_manifest(files: Sequence[GeneratedFile]) -> tuple[GeneratedFile, ...]:
    """The emitted files plus their manifest."""
    return (*files, manifest_file(files))


def listed(root: Path) -> tuple[str, ...]:
    """Generated paths the manifest in `root` lists (none if it is missing or unreadable)."""
    try:
        body = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ()
    names = body.get("generated") if isinstance(body, dict) else None
    return tuple(n for n in names if isinstance(n, str)) if isinstance(names, list) else ()


def _marked(root: Path) -> Iterator[str]:
    """Relative paths of files under `root` whose first lines carry our generated mark."""
    for folder, dirs, names in os.walk(root):
        here = Path(folder)
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and d not in _SKIP_DIRS and not (here / d / MANIFEST).exists()
        )
        for name in sorted(names):
            path = here / name
            if path.is_symlink() or not path.is_file():
                continue
            try:
                with path.open("rb") as handle:
                    head = handle.read(_HEAD_BYTES).decode("utf-8", errors="replace")
            except OSError:
                continue
            if is_generated_text(head):
                yield path.relative_to(root).as_posix()


def _safe(root: Path, rel: str) -> bool:
    try:
        check_relative(rel)
        inside(root, rel)
    except (UnsafePathError, OSError, RuntimeError):  # an entry we refuse to touch is not ours
        return False
    return True


def strays(root: Path, files: Iterable[GeneratedFile]) -> tuple[str, ...]:
    """Files in `root` that we generated before but do not generate now, sorted."""
    if not root.is_dir():
        return ()
    current = {f.path for f in files}
    candidates = set(listed(root)) | set(_marked(root))
    return tuple(
        sorted(
            rel for rel in candidates if rel not in current and _safe(root, rel) and (root / rel).is_file()
        )
    )
