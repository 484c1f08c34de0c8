"""After a `--spec` write: a user-owned port.go kept from an earlier run may lack the typed operation
methods routes.go binds. The module still builds (routes.go binds a method only when port.go has it,
else the operation answers 501); this says which ones, so nothing is dropped in silence."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from codegen.output.write import Written


def _defines(port: str, method: str) -> bool:
    return (
        re.search(rf"^func\s*\(\s*\w*\s*\*app\)\s*{re.escape(method)}\s*\(", port, re.MULTILINE) is not None
    )


def missing_methods(written: Sequence[Written]) -> list[str]:
    """One `kept:` line per bound operation whose method a kept port.go does not define."""
    lines: list[str] = []
    for module in written:
        if "port.go" not in module.kept or "routes.go" not in module.written:
            continue
        try:
            routes = json.loads((module.root / "spec-routes.json").read_text(encoding="utf-8"))
            port = (module.root / "port.go").read_text(encoding="utf-8", errors="replace")
        except (OSError, ValueError):
            continue
        for op in routes["operations"]:
            if not _defines(port, op["go"]):
                route = f"{op['method']} {op['path']}"
                lines.append(
                    f"kept: {routes['function']}: your port.go defines no {op['go']}: {route}"
                    " answers 501 until you add it (its signature is in README.md)"
                )
    return lines
