"""Regenerate `migrator/port/data/sdk_fields.json`: the typed shape of every pinned operation.

Run from the repository root with the pinned aws-sdk-go-v2 service modules in the Go module cache
(`go mod download` them, or build the stub tests once):

    python -m migrator.port.refresh_sdk_fields

For every service unit of `migrator/stub/data/pins.toml` it reads the pinned sources and records:
- `ops`: for each operation, `in` and `out`, the exported fields of `<Op>Input` / `<Op>Output` as
  `[name, go type]` pairs (`ResultMetadata` and `noSmithy…` dropped);
- `types`: every `types.X` those fields reach, transitively: a struct as `{"s": [[name, type], …]}`,
  a string enum as `{"e": [values]}`, a union interface as `{"u": {member: value type}}`, other
  named types as `{"t": underlying}`;
- `camel`: whether the service's wire members are lowerCamelCase (the JS SDK v3 names fields as the
  model does, so `modelId` there, `TableName` elsewhere; Go always capitalises).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from migrator.stub.refresh_pins import pinned_service_sources

_FIELD = re.compile(r"^\t([A-Z][A-Za-z0-9_]*) (\S[^/]*?)\s*(?://.*)?$")
_TYPE = re.compile(r"^type ([A-Z][A-Za-z0-9_]*) (struct|interface|string|\S+)")
_ENUM_VALUE = re.compile(r'^\t[A-Za-z0-9_]+\s+[A-Za-z0-9_]+\s+=\s+"([^"]*)"')
_NAMED = re.compile(r"types\.([A-Z][A-Za-z0-9_]*)")
_WIRE_KEY = re.compile(r'(?:case "|\.Key\("|AddMember\(")([A-Za-z][A-Za-z0-9_]*)"')
_SKIP = {"ResultMetadata"}

Fields = list[list[str]]


def struct_fields(source: str, name: str) -> Fields:
    """The exported fields of `type <name> struct` in `source`, as [name, go type]."""
    out: Fields = []
    inside = False
    for line in source.splitlines():
        if line.startswith(f"type {name} struct"):
            inside = True
        elif inside and line.startswith("}"):
            break
        elif inside and (m := _FIELD.match(line)) and m.group(1) not in _SKIP:
            out.append([m.group(1), m.group(2).strip()])
    return out


def type_decls(types_go: str, enums_go: str) -> dict[str, object]:
    """Every declared type of a service's `types` package, described compactly."""
    decls: dict[str, object] = {}
    for line in types_go.splitlines():
        m = _TYPE.match(line)
        if not m:
            continue
        name, kind = m.groups()
        if kind == "struct":
            decls[name] = {"s": struct_fields(types_go, name)}
        elif kind == "interface":
            decls[name] = {"u": {}}
        else:
            decls[name] = {"t": kind}
    for name, decl in list(decls.items()):
        if isinstance(decl, dict) and "u" in decl:
            members = {
                other.removeprefix(name + "Member"): _member_value(types_go, other)
                for other in decls
                if other.startswith(name + "Member")
            }
            decl["u"] = members
            for other in members:
                decls.pop(name + "Member" + other, None)
    enum: str | None = None
    for line in enums_go.splitlines():
        if m := re.match(r"^type ([A-Z][A-Za-z0-9_]*) string", line):
            enum = m.group(1)
            decls[enum] = {"e": []}
        elif enum and (m := _ENUM_VALUE.match(line)):
            values = decls[enum]
            assert isinstance(values, dict)
            values["e"].append(m.group(1))
    return decls


def _member_value(types_go: str, member: str) -> str:
    fields = struct_fields(types_go, member)
    return next((t for n, t in fields if n == "Value"), "")


def reachable(roots: list[str], decls: dict[str, object]) -> dict[str, object]:
    """The declarations the type expressions in `roots` reach, transitively."""
    out: dict[str, object] = {}
    todo = [n for t in roots for n in _NAMED.findall(t)]
    while todo:
        name = todo.pop()
        if name in out or name not in decls:
            continue
        decl = decls[name]
        out[name] = decl
        text = json.dumps(decl)
        todo.extend(n for n in _NAMED.findall(text))
        if isinstance(decl, dict):
            for key in ("s",):
                for _, typ in decl.get(key, []):
                    todo.extend(_bare_names(typ))
            for typ in decl.get("u", {}).values():
                todo.extend(_bare_names(typ))
    return dict(sorted(out.items()))


def _bare_names(typ: str) -> list[str]:
    """Inside the types package a field says `*Foo`, not `*types.Foo`."""
    return re.findall(r"(?<![.A-Za-z0-9_])([A-Z][A-Za-z0-9_]*)", typ)


def service_table(folder: Path, operations: list[str]) -> dict[str, object]:
    """The table entry of one service module folder."""
    ops: dict[str, dict[str, Fields]] = {}
    for op in operations:
        source = (folder / f"api_op_{op}.go").read_text(encoding="utf-8")
        ops[op] = {"in": struct_fields(source, f"{op}Input"), "out": struct_fields(source, f"{op}Output")}
    types_go = _read(folder / "types/types.go")
    decls = type_decls(types_go, _read(folder / "types/enums.go"))
    roots = [t for op in ops.values() for side in op.values() for _, t in side]
    wire = [
        key
        for path in sorted([*folder.glob("*.go"), *folder.glob("schemas/*.go")])
        if not path.name.endswith("_test.go") and not path.name.startswith("api_")
        for key in _WIRE_KEY.findall(_read(path))
    ]
    camel = sum(k[0].islower() for k in wire) > len(wire) / 2
    return {"camel": camel, "ops": ops, "types": reachable(roots, decls)}


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def main() -> None:
    table: dict[str, object] = {}
    for service, path, version, unit, folder in pinned_service_sources():
        entry = service_table(folder, list(unit.get("operations", ())))
        table[service] = {"module": path, "version": version, **entry}
    out = Path(__file__).resolve().parent / "data" / "sdk_fields.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(table, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {out} ({sum(len(v['ops']) for v in table.values() if isinstance(v, dict))} operations)")


if __name__ == "__main__":
    main()
