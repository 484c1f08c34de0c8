"""Regenerate `migrator/stub/data/inputs.json`: the fields of each pinned `<Op>Input` struct.

Run from the repository root after `python -m migrator.stub.refresh_pins`, with the pinned aws-sdk-go-v2
service modules in the Go module cache (`go mod download` them, or build the stub tests once):

    python -m migrator.stub.refresh_inputs

For every service unit of `pins.toml` it reads `api_op_<Op>.go` of the pinned version and records
the exported fields of `type <Op>Input struct`: a field typed `*string` is listed under "s" (a stub
may set it to `aws.String(…)`), any other under "o" (a stub names it in a comment only).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from migrator.stub.refresh_pins import pinned_service_sources

_FIELD = re.compile(r"^\t([A-Z][A-Za-z0-9_]*) (\S.*)$")


def _fields(source: str, operation: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {"s": [], "o": []}
    inside = False
    for line in source.splitlines():
        if line.startswith(f"type {operation}Input struct"):
            inside = True
        elif inside and line.startswith("}"):
            break
        elif inside and (match := _FIELD.match(line)) and not match.group(1).startswith("noSmithy"):
            out["s" if match.group(2).strip() == "*string" else "o"].append(match.group(1))
    return out


def main() -> None:
    table: dict[str, dict[str, dict[str, list[str]]]] = {}
    for service, _, _, unit, folder in pinned_service_sources():
        table[service] = {
            op: _fields((folder / f"api_op_{op}.go").read_text(encoding="utf-8"), op)
            for op in unit.get("operations", ())
        }
    out = Path(__file__).resolve().parent / "data" / "inputs.json"
    out.write_text(json.dumps(table, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {out} ({sum(len(v) for v in table.values())} operations)")


if __name__ == "__main__":
    main()
