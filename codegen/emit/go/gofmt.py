"""gofmt, the formatter every generated Go file goes through (as sqlc calls `format.Source`)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from codegen.emit.interface import EmitError


def find_gofmt() -> str:
    """The gofmt executable: on PATH, else beside `go`, else in GOROOT."""
    found = shutil.which("gofmt")
    if found:
        return found
    go = shutil.which("go")
    candidates = [Path(go).resolve().parent / "gofmt"] if go else []
    if os.environ.get("GOROOT"):
        candidates.append(Path(os.environ["GOROOT"]) / "bin" / "gofmt")
    for candidate in candidates:
        if candidate.is_file():
            return str(candidate)
    raise EmitError("gofmt not found: install Go (https://go.dev/dl/) and put it on PATH, then run again")


def gofmt(text: str, name: str, executable: str | None = None) -> str:
    """`text` formatted by gofmt; EmitError (our bug) if gofmt rejects it."""
    result = subprocess.run(
        [executable or find_gofmt()],
        input=text.encode("utf-8"),
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        errors = result.stderr.decode("utf-8", "replace").replace("<standard input>", name)
        raise EmitError(f"generated {name} is not valid Go (a bug in migrate; please report it):\n{errors}")
    return result.stdout.decode("utf-8")


def gofmt_all(texts: Mapping[str, str], executable: str | None = None) -> dict[str, str]:
    """Each of `texts` (name → Go source) formatted by gofmt, one gofmt process per file, as many
    at a time as there are cores: a big spec's files (GitHub's types in six packages, its operations)
    took seconds one after another on the critical path of `migrate codegen`."""
    found = executable or find_gofmt()
    workers = max(1, min(len(texts), os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        formatted = pool.map(lambda name: gofmt(texts[name], name, found), list(texts))
        return dict(zip(list(texts), formatted, strict=True))
