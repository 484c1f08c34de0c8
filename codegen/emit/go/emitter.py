"""`GoEmitter`: the Go target. This half writes the types; the scaffold half adds its files.

Files: `types.gen.go` (declarations, JSON methods), `validate.gen.go` (`Validate()` of every
named type that can have methods, and the `patternN` variables), `runtime.gen.go` (Nullable, Date,
Binary, Problem, ValidationErrors, decoding helpers), and `go.mod`/`go.sum` when
`GoOptions.module` is set. A spec heavier than `split_weight` has its types in packages under
`internal/` instead, named by the target package (`codegen.emit.go.split`). Every file is gofmt'd
and starts with the generated-code header.
"""

from __future__ import annotations

from collections.abc import Iterable

from codegen.emit.go.gofmt import gofmt_all
from codegen.emit.go.gotypes import GoTypes
from codegen.emit.go.modfile import go_mod, go_sum, pin
from codegen.emit.go.packages import SPLIT_WEIGHT, partition
from codegen.emit.go.render import environment, runtime_file, types_file, validate_file
from codegen.emit.go.scaffold import SCAFFOLD_NAMES, scaffold_files
from codegen.emit.go.split import split_files
from codegen.emit.interface import EmitInput, GeneratedFile


class GoEmitter:
    """The Go target (`codegen.emit.interface.Emitter`)."""

    name = "go"

    def __init__(self, reserved: Iterable[str] = (), split_weight: int = SPLIT_WEIGHT) -> None:
        self.reserved = frozenset(reserved)
        """Exported identifiers other generated files declare, kept away from type names."""
        self.split_weight = split_weight
        """Above this weight the types go into several packages (`codegen.emit.go.packages`)."""

    def types(self, source: EmitInput) -> GoTypes:
        """The Go names and type expressions of the spec (what the scaffold needs too)."""
        return GoTypes(source.api, self.reserved | SCAFFOLD_NAMES)

    def type_files(self, source: EmitInput, types: GoTypes) -> tuple[GeneratedFile, ...]:
        """The types half: types, validation patterns, runtime (gofmt'd), plus go.mod/go.sum."""
        checks = types.checks
        package = source.go.package
        env = environment()
        groups = partition(types.api, self.split_weight)
        if len(groups) > 1:
            texts = split_files(types, checks, groups, package, source.go.import_path, env)
        else:
            declared = types_file(types, checks, package, env)
            texts = {
                "types.gen.go": declared.text,
                "validate.gen.go": validate_file(checks, declared.validators, package, env),
                "runtime.gen.go": runtime_file(package),
            }
        files = [GeneratedFile(path, text) for path, text in gofmt_all(texts).items()]
        if source.go.module:
            packaged = pin()  # module.toml, parsed once for both files
            files += [
                GeneratedFile("go.mod", go_mod(source.go.module, packaged)),
                GeneratedFile("go.sum", go_sum(packaged)),
            ]
        return tuple(files)

    def emit(self, source: EmitInput) -> tuple[GeneratedFile, ...]:
        """Every file of the Go target, in a stable order."""
        types = self.types(source)
        return self.type_files(source, types) + scaffold_files(source.api, source.go, types)
