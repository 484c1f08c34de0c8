"""Which module system Node (or the TypeScript build golden and Lambda bundlers run) gives a file:
the nearest package.json's `type`, within the scanned folder."""

from __future__ import annotations

import json
from pathlib import Path

from migrator.scan.files import Unreadable, read_bytes

_MANIFEST_LIMIT = 1 << 20


def package_type(path: Path, root: Path) -> str | None:
    """`type` of the nearest package.json above `path` ("module", "commonjs" or "" when unset), or
    None when there is none up to `root`, or it does not read as a JSON object."""
    folder = path.parent
    while True:
        manifest = folder / "package.json"
        if manifest.is_file():
            try:
                data = json.loads(read_bytes(manifest, root, _MANIFEST_LIMIT))
            except (Unreadable, ValueError):
                return None
            if not isinstance(data, dict):
                return None
            kind = data.get("type", "")
            return kind if isinstance(kind, str) else ""
        if folder == root or folder.parent == folder:
            return ""
        folder = folder.parent


def commonjs(path: Path, root: Path) -> bool:
    """Whether `path` runs as CommonJS: `.cjs`/`.cts`, or `.js`/`.ts`/`.tsx` under a package that is
    not `"type": "module"` (a package.json that does not read answers no)."""
    if path.suffix in (".cjs", ".cts"):
        return True
    if path.suffix not in (".js", ".ts", ".tsx"):
        return False
    kind = package_type(path, root)
    return kind is not None and kind != "module"
