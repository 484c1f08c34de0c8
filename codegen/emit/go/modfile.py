"""`go.mod` and `go.sum` texts: the layout `go mod tidy` writes, and codegen's pin for a standalone
target folder, from package data (`module.toml`).

The go.sum lines come from a real `go mod tidy` of a module importing what the generated code
imports (aws-lambda-go's `events` and `lambda`), so `go build` needs no network beyond the module
cache or proxy, and the pin is reviewed like code.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

_MODULE_LINE = re.compile(r"^\s*module\s+(\"[^\"]+\"|`[^`]+`|\S+)", re.MULTILINE)


def declared_module(text: str) -> str | None:
    """The module path a go.mod text declares (comments ignored, quotes taken off); None without one."""
    match = _MODULE_LINE.search(re.sub(r"//[^\n]*", "", text))
    return None if match is None else match.group(1).strip('"`')


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


def mod_text(module: str, go: str, requires: Iterable[tuple[str, str, bool]]) -> str:
    """go.mod text as `go mod tidy` lays it out: one require block for the direct modules, one for
    the indirect ones (`requires`: (path, version, indirect), each block in the order given)."""
    requires = tuple(requires)
    blocks = [f"module {module}\n\ngo {go}\n"]
    for indirect, suffix in ((False, ""), (True, " // indirect")):
        body = "".join(f"\t{p} {v}{suffix}\n" for p, v, i in requires if i == indirect)
        if body:
            blocks.append(f"require (\n{body})\n")
    return "\n".join(blocks)


def go_mod(module: str, p: ModulePin | None = None) -> str:
    """go.mod declaring `module`, pinned (by `p`, read from the package when not given)."""
    p = p or pin()
    return mod_text(module, p.go, ((path, version, False) for path, version in p.requires))


def go_sum(p: ModulePin | None = None) -> str:
    """go.sum matching `go_mod` (and `p`)."""
    return (p or pin()).sum
