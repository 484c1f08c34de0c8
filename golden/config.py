"""Golden settings from `[tool.migrate.golden]` in pyproject.toml or `[golden]` in migrate.toml.

    [tool.migrate.golden]
    ignore = ["/body/requestId", "/headers/x-amzn-*"]   # JSON-pointer globs: * one segment, ** any
    ignore-order = ["/body/items"]
    float-tolerance = 1e-9            # absolute
    float-relative-tolerance = 0.0
    compare-messages = false
    node-runs = 2                     # Node runs per case; paths that differ between them are noise
    latency-tolerance = 0.1           # Go p95 may exceed Node p95 by 10 % ...
    latency-slack-ms = 1.0            # ... plus this many milliseconds
    aws-setup = "aws-setup.json"      # AWS calls made on the moto server first (golden.aws.setup)
    [tool.migrate.golden.error-types] # intentional renames: Node error type = Go error type
    ValidationError = "InvalidInput"

Unknown keys and wrong types are errors that name the key and the file: a typo must not silently
turn a check off.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from golden.compare.jsondiff import FloatTolerance
from golden.compare.judge import CompareConfig
from golden.compare.latency import LatencyBudget
from golden.errors import GoldenError


@dataclass(frozen=True)
class GoldenSettings:
    compare: CompareConfig = field(default_factory=CompareConfig)
    latency: LatencyBudget = field(default_factory=LatencyBudget)
    node_runs: int = 2
    source: str | None = None
    """The file the settings came from; None for the defaults."""
    aws_setup: Path | None = None
    """The AWS setup file (`golden.aws.setup`), resolved against the settings file's folder."""


_KEYS = {
    "ignore": list,
    "ignore-order": list,
    "float-tolerance": float,
    "float-relative-tolerance": float,
    "compare-messages": bool,
    "node-runs": int,
    "latency-tolerance": float,
    "latency-slack-ms": float,
    "error-types": dict,
    "aws-setup": str,
}


def find_settings(start: Path) -> GoldenSettings:
    """Settings from the nearest migrate.toml or pyproject.toml (with a golden table) at or above `start`."""
    directory = start if start.is_dir() else start.parent
    for folder in (directory, *directory.parents):
        for name, table_path in (
            ("migrate.toml", ("golden",)),
            ("pyproject.toml", ("tool", "migrate", "golden")),
        ):
            candidate = folder / name
            if candidate.is_file():
                table = _table(candidate, table_path)
                if table is not None:
                    return parse_settings(table, str(candidate))
    return GoldenSettings()


def _table(path: Path, keys: tuple[str, ...]) -> Mapping[str, Any] | None:
    try:
        data: Any = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise GoldenError(f"{path}: cannot read settings ({exc}); fix the file") from exc
    for key in keys:
        data = data.get(key) if isinstance(data, dict) else None
    if data is not None and not isinstance(data, dict):
        raise GoldenError(f"{path}: [{'.'.join(keys)}] must be a table")
    return data


def parse_settings(table: Mapping[str, Any], source: str) -> GoldenSettings:
    """Validated settings from one table; GoldenError names the offending key."""
    for key, value in table.items():
        expected = _KEYS.get(key)
        if expected is None:
            raise GoldenError(f"{source}: unknown golden setting {key!r}; known: {', '.join(sorted(_KEYS))}")
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            continue
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise GoldenError(
                f"{source}: golden setting {key!r} must be a {expected.__name__}, not {value!r}"
            )
    paths = {key: tuple(_strings(table, key, source)) for key in ("ignore", "ignore-order")}
    renames = table.get("error-types", {})
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in renames.items()):
        raise GoldenError(f"{source}: golden setting 'error-types' maps Node error names to Go error names")
    runs = int(table.get("node-runs", 2))
    if runs < 1:
        raise GoldenError(f"{source}: golden setting 'node-runs' must be at least 1")
    compare = CompareConfig(
        ignore_paths=paths["ignore"],
        ignore_order_paths=paths["ignore-order"],
        float_tolerance=FloatTolerance(
            float(table.get("float-tolerance", 0.0)), float(table.get("float-relative-tolerance", 0.0))
        ),
        error_types=dict(renames),
        compare_messages=bool(table.get("compare-messages", False)),
    )
    latency = LatencyBudget(
        tolerance=float(table.get("latency-tolerance", LatencyBudget.tolerance)),
        slack_ms=float(table.get("latency-slack-ms", LatencyBudget.slack_ms)),
    )
    setup = table.get("aws-setup")
    aws_setup = Path(source).parent / setup if setup is not None else None
    return GoldenSettings(compare, latency, runs, source, aws_setup=aws_setup)


def _strings(table: Mapping[str, Any], key: str, source: str) -> list[str]:
    values = table.get(key, [])
    for value in values:
        if not isinstance(value, str) or (value != "" and not value.startswith("/")):
            raise GoldenError(
                f"{source}: golden setting {key!r} holds JSON-pointer globs such as '/body/id', not {value!r}"
            )
    return list(values)
