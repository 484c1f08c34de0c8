"""Which npm modules `migrate port` can translate, and the Go shim packages that stand in for them.

The table is package data (`migrator/port/data/shims.toml`); the Go sources live beside it in
`migrator/port/data/shims/<dir>/` and `migrator/port/data/jsaws/`. port-core looks an import up
with `ShimTable.lookup`, calls `Shim.go_call("r")` to get the module's exports object, and copies
`ShimTable.files(shim)` and `ShimTable.runtime_files()` into the generated module.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable

V3_PREFIX = "@aws-sdk/client-"
#: the module path the Go sources import each other by; `files` rewrites it to the generated module's
SOURCE_MODULE = "migrate.local/port"
_DATA = ("port", "data")


class ShimError(Exception):
    """The shim table or a shim's sources are missing or malformed (a packaging bug)."""


@dataclass(frozen=True)
class Shim:
    """One npm module `migrate port` replaces with a Go package."""

    specifier: str  #: the npm import specifier, e.g. "@aws-sdk/lib-dynamodb"
    go_dir: str  #: folder under the generated module, e.g. "shims/awsv3"
    package: str  #: the Go package name, e.g. "awsv3"
    constructor: str  #: Go call building the exports object, with `{r}` for the Realm expression
    exports: frozenset[str]  #: the names an import may take from the module
    status: str  #: "full" or "subset" (see docs/port-libraries.md)
    services: tuple[str, ...] = ()  #: aws-sdk-go-v2 service packages the module's clients call
    #: (major version, constructor) from which on another constructor applies, ascending
    since: tuple[tuple[int, str], ...] = ()

    def go_call(self, realm: str = "r", major: int | None = None) -> str:
        """The Go expression (type jsrt.Value) of the module's exports object; `major` is the npm
        package's major version when known (from package.json), else the oldest supported one."""
        constructor = self.constructor
        for since, other in self.since:
            if major is not None and major >= since:
                constructor = other
        return constructor.replace("{r}", realm)

    def import_path(self, module_path: str) -> str:
        """The Go import path of the shim package inside the generated module."""
        return f"{module_path}/{self.go_dir}"


@dataclass(frozen=True)
class ShimTable:
    """All shims, by npm specifier."""

    shims: tuple[Shim, ...]

    def lookup(self, specifier: str) -> Shim | None:
        """The shim of an npm import specifier (`node:`-less), or None when there is none."""
        return next((s for s in self.shims if s.specifier == specifier), None)

    def files(self, shim: Shim, module_path: str = SOURCE_MODULE) -> dict[str, bytes]:
        """The shim package's Go sources (path relative to the module root → content), importing
        jsrt and jsaws from `module_path`."""
        return _go_files(_data() / "shims" / shim.package, shim.go_dir, module_path)

    def runtime_files(self, module_path: str = SOURCE_MODULE) -> dict[str, bytes]:
        """Package jsaws (SDK value conversions), needed by every shim that calls AWS."""
        return _go_files(_data() / "jsaws", "jsaws", module_path)


def _data() -> Traversable:
    return files("migrator").joinpath(*_DATA)


def _go_files(folder: Traversable, prefix: str, module_path: str) -> dict[str, bytes]:
    if not folder.is_dir():
        raise ShimError(f"{folder}: shim sources missing; reinstall migrate")
    old, new = f'"{SOURCE_MODULE}/'.encode(), f'"{module_path}/'.encode()
    return {
        f"{prefix}/{entry.name}": entry.read_bytes().replace(old, new)
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".go") and not entry.name.endswith("_test.go")
    }


def load_shims() -> ShimTable:
    """Read shims.toml (and sdk_fields.json for the v3 clients' command names)."""
    try:
        table = tomllib.loads((_data() / "shims.toml").read_text(encoding="utf-8"))
        operations = {
            service: sorted(entry["ops"])
            for service, entry in json.loads(
                (_data() / "sdk_fields.json").read_text(encoding="utf-8")
            ).items()
        }
    except (OSError, tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
        raise ShimError(f"shim table unreadable: {exc}") from exc
    shims = [_module(spec, entry, operations) for spec, entry in table["modules"].items()]
    for service, (npm, prefix) in sorted(table["aws_v3"].items()):
        if service not in operations:
            continue
        commands = {f"{op}Command" for op in operations[service]}
        commands |= {f"paginate{op}" for op in table.get("paginators", {}).get(service, [])}
        shims.append(
            Shim(
                specifier=V3_PREFIX + npm,
                go_dir="shims/awsv3",
                package="awsv3",
                constructor=f'awsv3.Client({{r}}, "{service}", "{prefix}")',
                exports=frozenset({f"{prefix}Client", prefix, f"{prefix}ServiceException", *commands}),
                status="full",
                services=(service,),
            )
        )
    return ShimTable(tuple(sorted(shims, key=lambda s: s.specifier)))


def _module(specifier: str, entry: dict[str, object], operations: dict[str, list[str]]) -> Shim:
    package = str(entry["dir"])
    exports = entry.get("exports", [])
    assert isinstance(exports, list)
    services: tuple[str, ...] = ("dynamodb",) if package == "awsv3" else ()
    if package == "awsv2":
        services = tuple(sorted(operations))
    since = entry.get("since", {})
    assert isinstance(since, dict)
    return Shim(
        specifier=specifier,
        go_dir=f"shims/{package}",
        package=package,
        constructor=f"{package}.{entry.get('func', 'Exports')}({{r}})",
        exports=frozenset(str(e) for e in exports),
        status=str(entry.get("status", "subset")),
        services=services,
        since=tuple(sorted((int(k), f"{package}.{v}({{r}})") for k, v in since.items())),
    )
