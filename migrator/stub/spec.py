"""`--spec`: one OpenAPI spec through codegen's own pipeline (load → upgrade → validate → resolve)
and Go emitter, once per run, into what every matched module holds: the `api/` package (types,
validation, router, decoding, error envelope) and the Go names of its routed operations.

Nothing here generates a type: the package is codegen's Go target as `migrate codegen --go` writes
it, minus its user-owned files (`handlers.go`, `cmd/lambda/main.go`; the module has its own main).
Its files do not depend on the module path, so every module gets the same text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from codegen.emit.interface import EmitInput, GeneratedFile, GoOptions
from codegen.errors import CodegenError, Level, SpecError
from migrator.errors import MigrateError
from migrator.stub.model import SpecOperation

#: Folder (and Go package) of the generated API package inside a module.
API_FOLDER = "api"


class StubSpecError(MigrateError):
    """`--spec` cannot be used: missing, not a regular file, invalid, hostile. One located line."""


@dataclass(frozen=True)
class SpecApi:
    """A spec ready for the modules: the API package's files and its routed operations."""

    label: str  #: the spec as given on the command line
    path: Path  #: the spec file
    files: tuple[GeneratedFile, ...]  #: the `api/` package, paths relative to the module folder
    operations: tuple[SpecOperation, ...]  #: routed operations, in spec order
    warnings: tuple[str, ...]  #: codegen's located warnings (printed, not fatal)


def load_spec_api(path: Path) -> SpecApi:
    """Load, validate and resolve `path` with codegen's pipeline, and emit its Go package.

    Raises StubSpecError (one line, located where codegen locates it) when the spec cannot be used.
    """
    from codegen import pipeline  # here: its imports cost every stub run without --spec
    from codegen.emit.go import GoEmitter
    from codegen.emit.go.scaffold_model import scaffold_model

    try:
        prepared = pipeline.prepare(path)
        emitter = GoEmitter()
        source = EmitInput(prepared.api, prepared.spec, GoOptions(package=API_FOLDER))
        types = emitter.types(source)
        files = emitter.files(source, types)
        model = scaffold_model(prepared.api, types)
    except SpecError as exc:
        raise StubSpecError(f"--spec {path}: {exc}; nothing written") from None
    except CodegenError as exc:
        raise StubSpecError(f"--spec {path}: {exc}; nothing written") from None
    operations = tuple(
        SpecOperation(
            id=view.op.id,
            method=view.op.method.upper(),
            path=view.op.path,
            go_name=view.go_name,
            input=view.input,
            output=view.output,
            responses=tuple(v.type_name for v in view.variants),
            body=view.body.field_type if view.body is not None else "",
        )
        for view in model.operations
    )
    package = tuple(
        GeneratedFile(f"{API_FOLDER}/{f.path}", f.content) for f in files if f.owner == "generated"
    )
    warnings = tuple(d.render() for d in prepared.diagnostics if d.level is Level.WARNING)
    return SpecApi(str(path), path, package, operations, warnings)
