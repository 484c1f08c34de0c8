"""`--node SCAN.json#FUNCTION`: the Node side named by a function of `migrate scan --format json` output.

The scan report gives the handler file (relative to the folder that was scanned), the export, the
memory size and the timeout. The scanned folder is not in the report, so the file is looked up under
`--scan-root` when given, else under the report's own folder, else under the current directory (the
usual places: `migrate scan . -f json -o scan.json` writes the report into the scanned folder).
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from golden.errors import GoldenError


@dataclass(frozen=True)
class ScanFunction:
    """One function of a scan report, with its handler file found on disk."""

    name: str
    """The function's name in the report (its logical id or serverless.yml key)."""
    file: Path
    """The handler source file, resolved."""
    export: str
    """The handler's export name."""
    memory_mb: int | None
    """MemorySize from the deployment config; None when the config does not say."""
    timeout_s: float | None
    """Timeout from the deployment config; None when the config does not say."""
    runtime: str | None
    """e.g. `nodejs20.x`."""

    @property
    def node_spec(self) -> str:
        """As `--node PATH:EXPORT` would name it."""
        return f"{self.file}:{self.export}"


def is_scan_reference(spec: str) -> bool:
    """Whether `--node` names a scan report's function (`something.json#NAME`)."""
    report, sep, name = spec.partition("#")
    return bool(sep and name and report.endswith(".json"))


def scan_function(spec: str, scan_root: Path | None = None) -> ScanFunction:
    """The function `REPORT.json#NAME` names; GoldenError says what is missing and what to do."""
    report_text, _, name = spec.partition("#")
    report_path = Path(report_text)
    functions = _functions(report_path)
    by_name = {str(f.get("name")): f for f in functions if isinstance(f, dict)}
    entry = by_name.get(name)
    if entry is None:
        close = difflib.get_close_matches(name, list(by_name), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else f"; it has {len(by_name)} functions"
        raise GoldenError(f"{report_path}: no function named {name!r} in this scan report{hint}")
    file = entry.get("file")
    if not isinstance(file, str) or not file:
        raise GoldenError(
            f"{report_path}#{name}: the scan could not resolve this function's handler file; "
            "pass --node PATH[:EXPORT] instead"
        )
    export = entry.get("export")
    return ScanFunction(
        name=name,
        file=_locate(file, report_path, scan_root, name),
        export=export if isinstance(export, str) and export else "handler",
        memory_mb=_number(entry.get("memory_mb"), int),
        timeout_s=_number(entry.get("timeout_s"), float),
        runtime=entry.get("runtime") if isinstance(entry.get("runtime"), str) else None,
    )


def _functions(report: Path) -> list[Any]:
    try:
        data = json.loads(report.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GoldenError(
            f"{report}: no such scan report; write one with `migrate scan DIR -f json -o FILE`"
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldenError(f"{report}: cannot read this scan report ({exc})") from exc
    functions = data.get("functions") if isinstance(data, dict) else None
    if not isinstance(functions, list):
        raise GoldenError(f"{report}: not a `migrate scan --format json` report (no `functions` list)")
    return functions


def _locate(file: str, report: Path, scan_root: Path | None, name: str) -> Path:
    roots = [scan_root] if scan_root is not None else [report.resolve().parent, Path.cwd()]
    for root in roots:
        candidate = root / file
        if candidate.is_file():
            return candidate.resolve()
    tried = ", ".join(str(root / file) for root in roots)
    raise GoldenError(
        f"{report}#{name}: handler file {file} not found (tried {tried}); pass --scan-root with the "
        "folder that was scanned"
    )


def _number(value: object, kind: type[int] | type[float]) -> Any:
    if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
        return kind(value)
    return None
