"""Generate a spec's Go into a standalone module and build the round-trip program in it."""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from codegen.emit.go import GoEmitter, GoTypes
from codegen.emit.go.gofmt import gofmt
from codegen.emit.interface import EmitInput, GoOptions
from codegen.ir import Api, Named
from codegen.spec.document import Spec

HERE = Path(__file__).parent
MODULE = "example.com/gen"


@dataclass(frozen=True)
class GoModule:
    """A generated module with its round-trip program built."""

    root: Path
    api: Api
    spec: Spec
    types: GoTypes
    program: Path

    def round_trip(self, cases: list[tuple[str, object]]) -> list[dict[str, Any]]:
        """Each (schema name, document) through the program; one answer per case."""
        text = "".join(json.dumps({"type": t, "doc": d}) + "\n" for t, d in cases)
        done = subprocess.run(
            [str(self.program)], input=text, capture_output=True, text=True, check=True, timeout=120
        )
        return [json.loads(line) for line in done.stdout.split("\n") if line]


def go(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """A go command in `cwd`, offline-friendly (the module cache holds aws-lambda-go)."""
    env = {**os.environ, "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "local"}
    return subprocess.run(["go", *args], cwd=cwd, capture_output=True, text=True, env=env, check=False)


def write(root: Path, api: Api, spec: Spec, split_weight: int | None = None) -> GoTypes:
    """The generated files plus `cmd/roundtrip/main.go` under `root` (the types split into
    packages of at most about `split_weight`, when given)."""
    emitter = GoEmitter() if split_weight is None else GoEmitter(split_weight=split_weight)
    source = EmitInput(api, spec, GoOptions(package="gen", import_path=MODULE, module=MODULE))
    for file in emitter.emit(source):
        path = root / file.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(file.content, encoding="utf-8")
    types = emitter.types(source)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE), trim_blocks=True, lstrip_blocks=True, autoescape=False
    )
    # A nullable schema is held as a required property of it would be: `*T`, or T when T has a nil.
    held = [(s.name, types.field(Named(s.name, s.nullable), True).type) for s in api.schemas]
    named = [(name, f"*api.{go[1:]}" if go.startswith("*") else f"api.{go}") for name, go in held]
    main = gofmt(env.get_template("roundtrip.go.jinja").render(import_path=MODULE, types=named), "main.go")
    (root / "cmd" / "roundtrip").mkdir(parents=True, exist_ok=True)
    (root / "cmd" / "roundtrip" / "main.go").write_text(main, encoding="utf-8")
    return types


def build(root: Path, api: Api, spec: Spec, split_weight: int | None = None) -> GoModule:
    """Write and build; AssertionError with the compiler's words if it does not build."""
    types = write(root, api, spec, split_weight)
    program = root / "roundtrip"
    done = go("build", "-o", str(program), "./cmd/roundtrip", cwd=root)
    assert done.returncode == 0, f"go build in {root}:\n{done.stderr}"
    return GoModule(root, api, spec, types, program)
