"""`GoEmitter`: the Go target. This half writes the types; the scaffold half adds its files.

Files: `types.gen.go` (declarations, JSON methods), `validate.gen.go` (`Validate()` of every
named type that can have methods, and the `patternN` variables), `runtime.gen.go` (Nullable, Date,
Binary, Problem, ValidationErrors, decoding helpers), and `go.mod`/`go.sum` when
`GoOptions.module` is set. A spec heavier than `split_weight` has its types in packages under
`internal/` instead, named by the target package (`codegen.emit.go.split`). Every file is gofmt'd
and starts with the generated-code header.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from codegen.emit.go.gofmt import Formatter
from codegen.emit.go.gotypes import GoTypes
from codegen.emit.go.modfile import go_mod, go_sum, pin
from codegen.emit.go.packages import SPLIT_WEIGHT, partition
from codegen.emit.go.render import environment, runtime_file, types_file, validate_file
from codegen.emit.go.scaffold import SCAFFOLD_NAMES, scaffold_parts
from codegen.emit.go.split import split_files
from codegen.emit.interface import EmitInput, GeneratedFile, GoOptions


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

    def type_texts(
        self, source: EmitInput, types: GoTypes, groups: tuple[tuple[str, ...], ...]
    ) -> Iterator[tuple[str, str]]:
        """(path, text not yet gofmt'd) of the types half: types, validation patterns, runtime;
        `groups` are the schemas of each package (`packages.partition`)."""
        checks = types.checks
        package = source.go.package
        env = environment()
        if len(groups) > 1:
            yield from split_files(types, checks, groups, package, source.go.import_path, env)
            return
        declared = types_file(types, checks, package, env)
        yield "types.gen.go", declared.text
        yield "validate.gen.go", validate_file(checks, declared.validators, package, env)
        yield "runtime.gen.go", runtime_file(package)

    def emit(self, source: EmitInput) -> tuple[GeneratedFile, ...]:
        """Every file of the Go target, in a stable order."""
        return self.files(source, self.types(source))

    def files(self, source: EmitInput, types: GoTypes) -> tuple[GeneratedFile, ...]:
        """Every file of the Go target, given the `types` of `source` (see `types`). gofmt formats
        each file while the next ones are rendered (on GitHub's spec it was a second on the critical
        path after rendering)."""
        with Formatter() as formatter:
            # The operations first: the largest file, its gofmt would otherwise run alone at the end.
            groups = partition(types.api, self.split_weight)
            static, rendered = scaffold_parts(source.api, source.go, types, sealed=len(groups) == 1)
            formatter.submit((f.path, f.content) for f in rendered)
            formatter.submit(self.type_texts(source, types, groups))
            formatted = formatter.results()
        scaffold = {f.path for f in rendered}
        return (
            *(GeneratedFile(p, t) for p, t in formatted.items() if p not in scaffold),
            *_module_files(source.go),
            *static,
            *(GeneratedFile(f.path, formatted[f.path], f.owner) for f in rendered),
        )


def _module_files(options: GoOptions) -> tuple[GeneratedFile, ...]:
    """go.mod and go.sum, when `options.module` asks for a module."""
    if not options.module:
        return ()
    packaged = pin()  # module.toml, parsed once for both files
    return (
        GeneratedFile("go.mod", go_mod(options.module, packaged)),
        GeneratedFile("go.sum", go_sum(packaged)),
    )
