"""The Go import path of a codegen target folder, from the go.mod at or above it.

A folder inside a module imports as the module path plus the folder's path inside the module; a
folder outside any module gets its own go.mod (`--go-module`), and so does a folder whose go.mod an
earlier codegen run wrote (its manifest lists `go.mod`), so regenerating keeps writing it.
"""

from __future__ import annotations

import re
from pathlib import Path

from codegen.emit.go.modfile import declared_module
from codegen.emit.interface import GoOptions
from codegen.errors import CodegenError
from codegen.output.manifest import listed

_PACKAGE = re.compile(r"[a-z_][a-z0-9_]*")
#: Names the generated `cmd/lambda/main.go` uses besides the package: the aws-lambda-go import and a
#: local variable that later statements refer to.
_CLASHES = frozenset({"lambda", "handlers"})
#: Go's keywords (the language spec's list).
GO_KEYWORDS = frozenset(
    [
        "break",
        "case",
        "chan",
        "const",
        "continue",
        "default",
        "defer",
        "else",
        "fallthrough",
        "for",
        "func",
        "go",
        "goto",
        "if",
        "import",
        "interface",
        "map",
        "package",
        "range",
        "return",
        "select",
        "struct",
        "switch",
        "type",
        "var",
    ]
)


class GoTargetError(CodegenError):
    """The Go target's options do not fit the folder (no module, two modules, a bad package name)."""


def _real(folder: Path) -> Path:
    """`folder` absolute, `..` and symlinks followed, so parents are its real ancestors."""
    try:
        return folder.resolve()
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop (Python < 3.13)
        raise GoTargetError(f"--go {folder}: cannot resolve it ({exc}); fix or remove the link") from exc


def find_go_mod(folder: Path) -> Path | None:
    """The nearest go.mod in `folder` or one of its parents."""
    here = _real(folder)
    for candidate in (here, *here.parents):
        if (candidate / "go.mod").is_file():
            return candidate / "go.mod"
    return None


def module_path(go_mod: Path) -> str:
    """The module path a go.mod declares."""
    try:
        text = go_mod.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GoTargetError(f"{go_mod}: cannot read it: {exc}") from exc
    declared = declared_module(text)
    if declared is None:
        raise GoTargetError(f"{go_mod}: no `module` line: fix the file or pass --go DIR outside it")
    return declared


def _check_module(module: str) -> str:
    if not module or any(c.isspace() for c in module) or module.startswith(("/", ".")):
        raise GoTargetError(f"--go-module {module!r} is not a module path: use one like example.com/api")
    return module


def go_options(folder: Path, module: str | None, package: str) -> GoOptions:
    """GoOptions for the Go target folder; raises GoTargetError when the options do not fit it."""
    if not _PACKAGE.fullmatch(package) or package in GO_KEYWORDS or package in ("_", "main"):
        raise GoTargetError(
            f"--go-package {package!r} is not a usable Go package name: "
            "use a lower-case identifier (letters, digits, _) like api, not a Go keyword, `_` or `main`"
        )
    if package in _CLASHES:
        raise GoTargetError(
            f"--go-package {package!r} clashes with a name in the generated cmd/lambda/main.go: "
            "choose another, like api"
        )
    go_mod = find_go_mod(folder)
    here = _real(folder)
    if go_mod is None:
        if module is None:
            raise GoTargetError(
                f"--go {folder}: no go.mod in it or above it: pass --go-module PATH "
                "(e.g. --go-module example.com/api) to write one"
            )
        module = _check_module(module)
        return GoOptions(package=package, import_path=module, module=module)
    declared = module_path(go_mod)
    if go_mod.parent == here:
        if "go.mod" in listed(here):  # ours, from an earlier run: keep generating it
            module = _check_module(module or declared)
            return GoOptions(package=package, import_path=module, module=module)
        if module is not None and module != declared:
            raise GoTargetError(
                f"--go {folder} holds a go.mod declaring {declared!r}: drop --go-module {module!r}"
            )
        return GoOptions(package=package, import_path=declared)
    if module is not None:
        raise GoTargetError(
            f"--go {folder} is inside module {declared!r} ({go_mod}): drop --go-module, "
            "the import path comes from that go.mod"
        )
    inner = here.relative_to(go_mod.parent).as_posix()
    return GoOptions(package=package, import_path=f"{declared}/{inner}")
