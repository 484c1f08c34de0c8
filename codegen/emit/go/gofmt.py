"""gofmt, the formatter every generated Go file goes through (as sqlc calls `format.Source`).

`Formatter` starts a gofmt process for each file as soon as it is handed over, as many at a time as
there are cores, so that formatting the first files overlaps rendering the next ones. Each process
reads its file from a temporary file and writes to another: no Python thread copies gigabytes
through pipes while the renderer holds the interpreter lock.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from types import TracebackType

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


def gofmt_environment(environ: Mapping[str, str]) -> dict[str, str]:
    """`environ` for gofmt: no garbage collection until its heap nears 512 MiB (unless the user set
    GOGC or GOMEMLIMIT). gofmt builds a syntax tree, prints it and exits; on GitHub's generated Go
    its collector cost 0.5 s of the 2 s of CPU, for a peak of 130 MB per process without it."""
    if "GOGC" in environ or "GOMEMLIMIT" in environ:
        return dict(environ)
    return {**environ, "GOGC": "off", "GOMEMLIMIT": "512MiB"}


def gofmt(text: str, name: str, executable: str | None = None) -> str:
    """`text` formatted by gofmt; EmitError (our bug) if gofmt rejects it."""
    try:
        with tempfile.TemporaryFile() as source, tempfile.TemporaryFile() as formatted:
            source.write(text.encode("utf-8"))
            source.seek(0)
            result = subprocess.run(
                [executable or find_gofmt()],
                stdin=source,
                stdout=formatted,
                stderr=subprocess.PIPE,
                env=gofmt_environment(os.environ),
                check=False,
            )
            formatted.seek(0)
            output = formatted.read()
    except OSError as exc:
        raise EmitError(
            f"could not run gofmt on {name} ({exc.strerror or exc}): it needs room in the temporary "
            f"folder {tempfile.gettempdir()}; free some space or set TMPDIR to another folder"
        ) from None
    if result.returncode != 0:
        errors = result.stderr.decode("utf-8", "replace").replace("<standard input>", name)
        bug = f"generated {name} is not valid Go (a bug in migrate; please report it)"
        raise EmitError(f"{bug}:\n{errors}")
    return output.decode("utf-8")


class Formatted(str):
    """Text already in gofmt's form, built so (one declaration per line, imports sorted): the
    formatter passes it through. The target package's alias file of a split spec is one (2.3 MB on
    GitHub's spec, the last file rendered: its gofmt ran alone at the end)."""


class Formatter:
    """gofmt on files as they are rendered: `submit` each, then `results` (use it as a context
    manager, so that an error or Ctrl-C while rendering starts no more gofmt processes)."""

    def __init__(self, executable: str | None = None) -> None:
        self._executable = executable or find_gofmt()
        self._pool = ThreadPoolExecutor(max_workers=os.cpu_count() or 1, thread_name_prefix="gofmt")
        self._pending: dict[str, Future[str]] = {}

    def submit(self, files: Iterable[tuple[str, str]]) -> None:
        """Start formatting each (name, text) of `files` (at once if a core is free)."""
        for name, text in files:
            if isinstance(text, Formatted):
                done: Future[str] = Future()
                done.set_result(str(text))
                self._pending[name] = done
            else:
                self._pending[name] = self._pool.submit(gofmt, text, name, self._executable)

    def results(self) -> dict[str, str]:
        """Name → formatted text of every file submitted, in submission order (waits for them)."""
        return {name: future.result() for name, future in self._pending.items()}

    def __enter__(self) -> Formatter:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
