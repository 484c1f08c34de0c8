"""`--check`: compare what codegen would write with what is on disk, without writing anything.

Every generated file (the manifest included) that differs from disk, is missing from disk, or is a
stray (generated before, not any more) gets a unified diff, `a/` being the disk and `b/` what the
run generates. A user-owned file is reported only when missing (a write would create it, and the
target may not build without it): once written it is the user's, and its content is never compared.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from codegen.output.manifest import strays, with_manifest
from codegen.output.paths import inside
from codegen.output.write import Target

DriftKind = Literal["changed", "missing", "stray"]


@dataclass(frozen=True)
class Drift:
    """One generated file that is not as codegen would write it."""

    target: str
    """`go`, `ts` or `python`."""
    path: str
    """The file as the command names it: the target folder as given, then the relative path."""
    kind: DriftKind
    """`changed` (hand edit or stale), `missing` (not on disk) or `stray` (no longer generated)."""
    diff: str
    """Unified diff from the disk to what codegen generates (a stray diffs to /dev/null)."""


def _read(path: Path) -> str | None:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return handle.read()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError):
        return ""  # unreadable or not text: it differs from anything we generate


def _diff(old: str, new: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True), before, after)
    text = ""
    for line in lines:
        text += line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
    return text


def check_target(target: Target) -> tuple[Drift, ...]:
    """Every drifted file of one target, in path order."""
    found: list[Drift] = []
    shown = target.root.as_posix().rstrip("/")
    for file in sorted(with_manifest(target.files), key=lambda f: f.path):
        path = inside(target.root, file.path)
        if file.owner == "user" and (path.exists() or path.is_symlink()):
            continue
        disk = _read(path)
        name = f"{shown}/{file.path}"
        if disk is None:
            diff = _diff("", file.content, "/dev/null", f"b/{name}")
            found.append(Drift(target.name, name, "missing", diff))
        elif disk != file.content:
            diff = _diff(disk, file.content, f"a/{name}", f"b/{name}")
            found.append(Drift(target.name, name, "changed", diff))
    for rel in strays(target.root, target.files):
        name = f"{shown}/{rel}"
        disk = _read(inside(target.root, rel)) or ""
        found.append(Drift(target.name, name, "stray", _diff(disk, "", f"a/{name}", "/dev/null")))
    return tuple(sorted(found, key=lambda d: d.path))


def check_targets(targets: Sequence[Target]) -> tuple[Drift, ...]:
    """Every drifted file of every target."""
    return tuple(d for t in targets for d in check_target(t))
