"""Where the Node side lives: `--node PATH[:EXPORT]` to a task root and a Lambda handler string.

PATH is a handler file (`src/handlers/orders.js`) or a function folder with a package.json. The
task root is the nearest folder at or above the file that holds a package.json (what would be the
root of the deployment zip), else the file's folder; the handler string is the file's path from
there without its extension, a dot, and the export (`src/handlers/orders.create`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from golden.errors import GoldenError

_SOURCE_SUFFIXES = (".js", ".mjs", ".cjs", ".ts", ".mts", ".cts")


@dataclass(frozen=True)
class NodeTarget:
    task_root: Path
    handler: str  #: e.g. "src/handlers/orders.create", as `_HANDLER` holds it


def node_target(spec: str) -> NodeTarget:
    """Parse `PATH[:EXPORT]` (export defaults to `handler`)."""
    path_text, export = spec, "handler"
    head, sep, tail = spec.rpartition(":")
    if sep and head and tail and "/" not in tail and not Path(spec).exists():
        path_text, export = head, tail
    path = Path(path_text).resolve()
    if path.is_dir():
        return NodeTarget(path, f"{_main_module(path)}.{export}")
    if not path.is_file():
        raise GoldenError(f"{path_text}: no such handler file or function folder")
    if path.suffix not in _SOURCE_SUFFIXES:
        raise GoldenError(f"{path_text}: not a JavaScript or TypeScript file ({', '.join(_SOURCE_SUFFIXES)})")
    root = next((d for d in path.parents if (d / "package.json").is_file()), path.parent)
    module = path.relative_to(root).with_suffix("").as_posix()
    return NodeTarget(root, f"{module}.{export}")


def _main_module(folder: Path) -> str:
    """The module a bare function folder's handler lives in: package.json `main`, else `index`."""
    try:
        manifest = json.loads((folder / "package.json").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        manifest = {}
    main = manifest.get("main") if isinstance(manifest, dict) else None
    if isinstance(main, str) and main.strip():
        stem = main.strip().removeprefix("./")
        for suffix in _SOURCE_SUFFIXES:
            stem = stem.removesuffix(suffix)
        return stem
    return "index"
