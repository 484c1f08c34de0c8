"""What every emitter is: the IR in, a set of files out. Emitters never touch the disk.

The command (`migrate codegen`) owns writing: it places files under the target folder atomically,
refuses paths that leave it, never overwrites a user-owned file that exists, and compares generated
files with the disk for `--check`. An emitter only says what each file holds and who owns it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from codegen.errors import CodegenError
from codegen.ir import Api
from codegen.spec.document import Spec

Owner = Literal["generated", "user"]


@dataclass(frozen=True)
class GeneratedFile:
    """One file an emitter produces."""

    path: str
    """POSIX path relative to the target folder (`types.gen.go`, `cmd/lambda/main.go`)."""
    content: str
    """The whole text, formatted as it is to be written (gofmt'd for Go)."""
    owner: Owner = "generated"
    """`generated`: rewritten on every run and held to `--check`; `user`: written once if missing,
    then the user's to edit (never overwritten, exempt from `--check`)."""


@dataclass(frozen=True)
class GoOptions:
    """Settings of the Go target."""

    package: str = "api"
    """Package name of the generated code in the target folder."""
    import_path: str = "example.com/api"
    """Import path of the target folder's package (the module path plus the folder inside it)."""
    module: str | None = None
    """When set, the target folder has no go.mod above it: write `go.mod`/`go.sum` declaring this
    module path (then `import_path == module`)."""


@dataclass(frozen=True)
class EmitInput:
    """Everything an emitter may read."""

    api: Api
    """The resolved IR: what templates render."""
    spec: Spec
    """The upgraded (3.1) spec the IR came from; only the Python target reads it, to hand the same
    document to datamodel-code-generator."""
    go: GoOptions = GoOptions()
    """Go target settings."""


class Emitter(Protocol):
    """One target language."""

    name: str
    """`go`, `ts` or `python`: the command's option names the target by it."""

    def emit(self, source: EmitInput) -> tuple[GeneratedFile, ...]:
        """Every file of the target, in a stable order. Raises EmitError when it cannot."""
        ...


class EmitError(CodegenError):
    """An emitter could not produce its target (a template failed, a formatter rejected output).

    Emitting must not fail on any spec that validated: this is our bug, said with the spec location
    that triggered it so the user can work around it."""
