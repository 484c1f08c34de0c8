"""The npm → Go, Node built-in → Go and AWS SDK tables, loaded from package data.

The tables live in `migrator/data/*.toml` and are reviewed like code; this module only reads them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, cast

import tomli

from migrator.errors import ScanError
from migrator.scan.model import DependencyKind

AWS_GO_MODULE = "github.com/aws/aws-sdk-go-v2"
_KINDS = frozenset({"aws-sdk", "mapped", "stdlib", "partial", "unmapped"})


@dataclass(frozen=True)
class PackageInfo:
    go: str
    kind: DependencyKind
    note: str
    native: bool
    drop: bool = False  #: goes away in a Go port: no unmapped-dependency blocker


@dataclass(frozen=True)
class Tables:
    packages: dict[str, PackageInfo]
    builtins: dict[str, PackageInfo]
    v3_client_exceptions: dict[str, str]
    v2_services: dict[str, str]
    v2_client_modules: dict[str, str]
    dynamodb_document: dict[str, str]
    v2_non_operations: frozenset[str]
    s3_managed_upload: tuple[str, ...] = ()  #: S3 operations of v2 `upload()` / lib-storage `Upload`
    binaries: dict[str, str] = field(default_factory=dict)  #: npm package → the program it drives

    @classmethod
    def load(cls) -> Tables:
        npm = _read("npm.toml")
        builtins = _read("node_builtins.toml")
        aws = _read("aws.toml")
        return cls(
            packages=_packages(npm, "npm.toml"),
            builtins=_packages(builtins, "node_builtins.toml"),
            v3_client_exceptions=_strings(aws, "v3_client_exceptions"),
            v2_services=_strings(aws, "v2_services"),
            v2_client_modules=_strings(aws, "v2_client_modules"),
            dynamodb_document=_strings(aws, "dynamodb_document"),
            v2_non_operations=frozenset(aws.get("v2_non_operations", {}).get("names", [])),
            s3_managed_upload=tuple(aws.get("s3_managed_upload", {}).get("operations", [])),
            binaries=_strings(_read("binaries.toml"), "packages"),
        )

    def builtin(self, specifier: str) -> PackageInfo | None:
        """The Go counterpart of a Node core module (`fs`, `node:fs/promises`)."""
        name = specifier.removeprefix("node:")
        return self.builtins.get(name) or self.builtins.get(name.split("/", 1)[0])

    def v3_service(self, package: str) -> str | None:
        """aws-sdk-go-v2 service package for `@aws-sdk/client-<x>`, None for other packages."""
        if not package.startswith("@aws-sdk/client-"):
            return None
        client = package.removeprefix("@aws-sdk/client-")
        return self.v3_client_exceptions.get(client, client.replace("-", ""))

    def v2_service(self, constructor: str) -> str | None:
        """Service package for an SDK v2 constructor name (`DynamoDB`, `StepFunctions`)."""
        return self.v2_services.get(constructor)

    @functools.cached_property
    def native_packages(self) -> frozenset[str]:
        """npm packages that are native addons or need a platform binary."""
        return frozenset(name for name, info in self.packages.items() if info.native)

    @functools.cached_property
    def dropped_packages(self) -> frozenset[str]:
        """Unmapped packages that need no Go counterpart (build tools, polyfills, frameworks)."""
        return frozenset(name for name, info in self.packages.items() if info.drop)

    @staticmethod
    def service_import(service: str) -> str:
        return f"{AWS_GO_MODULE}/service/{service}"


def _read(name: str) -> dict[str, Any]:
    try:
        text = resources.files("migrator.data").joinpath(name).read_text(encoding="utf-8")
        return tomli.loads(text)
    except (OSError, tomli.TOMLDecodeError) as exc:
        raise ScanError(f"package data {name} is unreadable ({exc}); reinstall migrate") from exc


def _packages(data: dict[str, Any], source: str) -> dict[str, PackageInfo]:
    out: dict[str, PackageInfo] = {}
    for name, entry in data.items():
        if not isinstance(entry, dict):
            continue
        kind = entry.get("kind")
        if kind not in _KINDS:
            raise ScanError(f"package data {source}: {name!r} has unknown kind {kind!r}")
        out[name] = PackageInfo(
            go=str(entry.get("go", "")),
            kind=cast(DependencyKind, kind),
            note=str(entry.get("note", "")),
            native=bool(entry.get("native", False)),
            drop=bool(entry.get("drop", False)),
        )
    return out


def _strings(data: dict[str, Any], table: str) -> dict[str, str]:
    section = data.get(table, {})
    return {str(k): str(v) for k, v in section.items()} if isinstance(section, dict) else {}
