"""Bare `package.json` directories: a function with no deployment config around it.

The handler follows Lambda's convention: the `main` file, else `index.*`; the export is `handler`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from migrator.scan.config.model import ConfigResult, FunctionConfig
from migrator.scan.files import MANIFEST_LIMIT, Unreadable, read_text
from migrator.scan.jsparse import SOURCE_EXTENSIONS
from migrator.scan.model import ScanProblem


def read_manifest(path: Path, root: Path | str) -> dict[str, Any] | None:
    """A package.json's content, or None when it is missing, unreadable or not a JSON object."""
    try:
        data = json.loads(read_text(path, root, MANIFEST_LIMIT))
    except (Unreadable, json.JSONDecodeError):
        return None
    return data if isinstance(data, dict) else None


def read_bare_package(directory: Path, rel_manifest: str, root: Path | None = None) -> ConfigResult:
    """The function a bare package folder under `root` (default: the folder) may hold."""
    result = ConfigResult()
    manifest_path = directory / "package.json"
    try:
        manifest = json.loads(read_text(manifest_path, root or directory, MANIFEST_LIMIT))
    except Unreadable as exc:
        result.problems.append(ScanProblem(rel_manifest, None, None, exc.reason))
        return result
    except json.JSONDecodeError as exc:
        result.problems.append(ScanProblem(rel_manifest, exc.lineno, exc.colno, f"invalid JSON: {exc.msg}"))
        return result
    if not isinstance(manifest, dict):
        result.problems.append(ScanProblem(rel_manifest, 1, 1, "package.json must hold an object"))
        return result
    candidates: list[str] = []
    main = manifest.get("main")
    if isinstance(main, str) and main.strip():
        stem = main.strip().removeprefix("./")
        candidates.append(stem)
        for ext in SOURCE_EXTENSIONS:
            if stem.endswith(ext):
                candidates.append(stem[: -len(ext)])
                break
        candidates.append(stem.rstrip("/") + "/index")  # `main` may name a folder, as in Node
    candidates.append("index")
    name = manifest.get("name")
    result.functions.append(
        FunctionConfig(
            name=name if isinstance(name, str) and name else directory.name,
            config=None,
            line=None,
            base_dir=directory,
            handler=None,
            candidates=tuple(dict.fromkeys(candidates)),
        )
    )
    return result
