"""The types half of a big spec as several packages (see `packages.partition`).

Group k becomes `internal/typesK/` (its `types.gen.go`, `validate.gen.go` and `runtime.gen.go`),
importing the groups before it with `.`; `types0` also holds Nullable, Date, Binary, Problem and
ValidationErrors. The target package keeps its surface: `types.gen.go` names every type
(`type Pet = types3.Pet`) and enum constant, `runtime.gen.go` the runtime types beside its own
copy of the helpers the scaffold uses, and `validate.gen.go` the patterns of parameter checks.
"""

from __future__ import annotations

from collections.abc import Iterator

import jinja2

from codegen.emit.go.checks import Checks
from codegen.emit.go.gofmt import Formatted
from codegen.emit.go.gotypes import GoTypes
from codegen.emit.go.render import HEADER, runtime_file, runtime_source, types_file, validate_file

FOLDER = "internal"
"""Where the packages of types go, inside the target folder."""


def split_files(
    types: GoTypes,
    checks: Checks,
    groups: tuple[tuple[str, ...], ...],
    package: str,
    import_path: str,
    env: jinja2.Environment,
) -> Iterator[tuple[str, str]]:
    """(path, text not yet gofmt'd) of every file of the types half, split into `groups`, each as soon
    as it is rendered."""
    lower: list[tuple[str, str]] = []
    aliases: list[str] = []
    enum_types: dict[tuple[str, ...], str] = {}  # each set of enum values declared once (types_file)
    for k, group in enumerate(groups):
        name = f"types{k}"
        path = f"{import_path}/{FOLDER}/{name}"
        declared = types_file(types, checks, name, env, frozenset(group), tuple(lower), enum_types)
        folder = f"{FOLDER}/{name}/"
        yield folder + "types.gen.go", declared.text
        if k == 0:
            yield folder + "validate.gen.go", validate_file(checks, declared.validators, name, env)
            yield folder + "runtime.gen.go", runtime_file(name)
        else:
            base = lower[0][0]
            yield folder + "validate.gen.go", validate_file(checks, declared.validators, name, env, base)
            yield folder + "runtime.gen.go", runtime_file(name, ("helpers",), f'. "{base}"')
        go_names = [types.name(schema) for schema in group]
        lower.append((path, go_names[0]))
        aliases += [f"type {n} = {name}.{n}" for n in go_names]
        aliases += [f"const {c} = {name}.{c}" for c in declared.constants]
    imports = "".join(f'\t"{path}"\n' for path in sorted(path for path, _ in lower))  # as gofmt sorts
    head = f"{HEADER}\npackage {package}\n\nimport (\n{imports})\n\n"
    yield "types.gen.go", Formatted(head + _declarations(aliases))
    yield "validate.gen.go", validate_file(checks, (), package, env)
    base = lower[0][0]
    _, aliased = runtime_source("aliases")  # its one import is types0's, `base` here
    yield "runtime.gen.go", runtime_file(package, ("helpers",), f'"{base}"') + "\n" + aliased


def _declarations(lines: list[str]) -> str:
    """One-line declarations as gofmt lays them out: a blank line where the keyword changes."""
    out: list[str] = []
    for index, line in enumerate(lines):
        if index and line.split(" ", 1)[0] != lines[index - 1].split(" ", 1)[0]:
            out.append("\n")
        out.append(line + "\n")
    return "".join(out)
