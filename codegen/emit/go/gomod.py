"""`go.mod` and `go.sum` for a standalone target folder, from package data (`module.toml`).

The go.sum lines come from a real `go mod tidy` of a module importing what the generated code
imports (aws-lambda-go's `events` and `lambda`), so `go build` needs no network beyond the module
cache or proxy, and the pin is reviewed like code.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class ModulePin:
    """What `module.toml` pins."""

    go: str
    """The `go` directive."""
    requires: tuple[tuple[str, str], ...]
    """(module path, version) of direct requirements."""
    sum: str
    """The whole go.sum text."""


def pin() -> ModulePin:
    """The packaged pin."""
    data = tomllib.loads(resources.files("codegen.emit.go").joinpath("module.toml").read_text("utf-8"))
    return ModulePin(
        go=data["go"],
        requires=tuple((r["path"], r["version"]) for r in data["require"]),
        sum=data["sum"],
    )


def go_mod(module: str, p: ModulePin | None = None) -> str:
    """go.mod declaring `module`, pinned (by `p`, read from the package when not given)."""
    p = p or pin()
    requires = "".join(f"\t{path} {version}\n" for path, version in p.requires)
    return f"module {module}\n\ngo {p.go}\n\nrequire (\n{requires})\n"


def go_sum(p: ModulePin | None = None) -> str:
    """go.sum matching `go_mod` (and `p`)."""
    return (p or pin()).sum
