"""`migrate golden` as a request and a run: the options parsed into a `GoldenRequest`, and `run` doing
the work (load the cases, start both sides, judge every case, write the report) and saying how it went
as an `ExitCode`: 0 every case passes (and, unless `--latency report`, none is over the latency budget),
1 a divergence, a latency failure, a harness error in some case or an unreadable case file.

What could not run (no cases, a Go build failure, an unwritable report) is raised as the host's or
golden's own error, which the command line turns into one line and exit 2. A request that names the
cases twice or a side not at all cannot be made: `RequestError`, a usage error.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from rich.console import Console

from codegen.exitcode import ExitCode
from golden.aws.reach import AwsMode
from golden.cases.apigw_events import EventVersion
from golden.report.formats import GOLDEN_FORMATS
from golden.session import DEFAULT_RUNS, LatencyMode, Progress

if TYPE_CHECKING:
    from golden.cases.files import Case, Cases
    from golden.cases.fromspec import GeneratedEvent
    from golden.config import GoldenSettings


class RequestError(ValueError):
    """Options that do not make a golden run (the command line shows it as a usage error, exit 2)."""


@dataclass(frozen=True)
class FromSpec:
    """`--from-spec`: API Gateway events generated from one operation of an OpenAPI spec."""

    spec: Path
    operation: str | None
    """The operationId; a request without one is refused (`RequestError`)."""
    count: int = 20
    seed: int = 0
    """Same seed, same events."""
    version: EventVersion = "1.0"
    """`1.0` REST API events, `2.0` HTTP API events."""

    def events(self) -> list[GeneratedEvent]:
        """The generated events (hypothesis is imported only here: it makes `.hypothesis/` on import)."""
        from golden.cases.fromspec import generate_events

        if self.operation is None:
            raise RequestError(NO_OPERATION)
        return generate_events(
            self.spec, self.operation, count=self.count, seed=self.seed, version=self.version
        )

    def cases(self) -> list[Case]:
        """The generated events as cases, named after the operation."""
        from golden.cases.fromspec import as_cases

        events = self.events()
        assert self.operation is not None  # events() checked it
        return as_cases(events, self.operation)


NO_OPERATION = "--from-spec needs --operation ID (an operationId of the spec)"


@dataclass(frozen=True)
class GoldenRequest:
    """Every option of `migrate golden`, parsed; see `migrate golden --help` for each one's meaning."""

    node: str | None = None
    """Local Node handler: PATH[:EXPORT] (file or function folder), or SCAN.json#FUNCTION."""
    go: Path | None = None
    """Local Go handler module folder (built from source)."""
    node_lambda: str | None = None
    """Deployed Node function: NAME[:QUALIFIER] or ARN."""
    go_lambda: str | None = None
    """Deployed Go function: NAME[:QUALIFIER] or ARN."""
    cases: Path | None = None
    """Folder of event JSON files, or a .jsonl file; exactly one of `cases` and `from_spec`."""
    from_spec: FromSpec | None = None
    env_file: Path | None = None
    runs: int = DEFAULT_RUNS
    latency: LatencyMode = "gate"
    effects: Literal["compare", "off"] = "compare"
    latency_tolerance: float | None = None
    timeout: float | None = None
    memory: int | None = None
    scan_root: Path | None = None
    region: str | None = None
    concurrency: int | None = None
    endpoint_url: str | None = None
    output_format: str = "table"
    """A name from `golden.report.formats.GOLDEN_FORMATS`."""
    output: Path | None = None
    """Write the report to this file (atomically) instead of stdout."""
    aws: AwsMode = AwsMode.moto

    def __post_init__(self) -> None:
        if (self.cases is None) == (self.from_spec is None):
            raise RequestError("give the cases once: --cases PATH, or --from-spec SPEC --operation ID")
        if (self.node is None and self.node_lambda is None) or (self.go is None and self.go_lambda is None):
            raise RequestError(
                "name both sides: --node or --node-lambda, and --go or --go-lambda "
                "(or use a subcommand: events)"
            )
        if self.from_spec is not None and self.from_spec.operation is None:
            raise RequestError(NO_OPERATION)
        if self.output_format not in GOLDEN_FORMATS.names():
            raise RequestError(f"--format is one of {', '.join(GOLDEN_FORMATS.names())}")

    @property
    def remote(self) -> bool:
        """A side is a deployed function."""
        return self.node_lambda is not None or self.go_lambda is not None

    @property
    def local(self) -> bool:
        """A side runs here (and its SDK calls go where `aws` says)."""
        return self.node is not None or self.go is not None


class ProgressBar(Protocol):
    """A progress bar on a console, drawn once `min_total` items are known (`migrator.progress`)."""

    def __call__(
        self, console: Console, *, label: str, min_total: int
    ) -> AbstractContextManager[Progress | None]: ...


@dataclass(frozen=True)
class Host:
    """What `run` borrows from the program hosting it (golden never imports `migrator`): the report
    writer (atomic, refusing what is not a regular file) and the progress bar."""

    write_file: Callable[[Path, str], None]
    progress_bar: ProgressBar


def run(request: GoldenRequest, console: Console, host: Host) -> ExitCode:
    """The golden run `request` asks for, its report on `console` (or in `request.output`)."""
    # Imported here, as the run needs them: `migrate --help` and usage errors stay free of boto3.
    from golden.cases.envfile import read_env_file
    from golden.command_sides import run_sides
    from golden.report import render
    from golden.runtime.scrub import reexec_if_exposed

    if request.local and not (request.node_lambda or request.go_lambda) and request.aws is not AwsMode.real:
        # Runtimes that would share golden's /proc (no namespaces here) must find no secret in its
        # environment: re-exec with a scrubbed one (returns when not needed). Deployed sides and
        # --aws real need the caller's credentials in golden itself.
        reexec_if_exposed(os.environ, sys.orig_argv)
    stderr = Console(stderr=True)
    loaded, settings = _load(request)
    env = read_env_file(request.env_file) if request.env_file is not None else {}
    for problem in loaded.problems:
        where = ":".join(str(p) for p in (problem.file, problem.line, problem.column) if p)
        stderr.print(
            f"case not read: {where}: {problem.message}", markup=False, highlight=False, soft_wrap=True
        )
    report = run_sides(request, loaded.cases, settings, env, stderr, host.progress_bar)
    text = render(report, request.output_format)
    if request.output is None:
        console.file.write(text if text.endswith("\n") else text + "\n")
    else:
        host.write_file(request.output, text)
    return ExitCode.FINDINGS if report.verdict != "pass" or loaded.problems else ExitCode.OK


def _load(request: GoldenRequest) -> tuple[Cases, GoldenSettings]:
    """The cases (read, or generated from the spec) and the settings found beside them."""
    from golden.cases.files import Cases, load_cases
    from golden.config import find_settings

    if request.cases is not None:
        loaded, settings_from = load_cases(request.cases), request.cases
    else:
        assert request.from_spec is not None  # __post_init__: one of the two
        loaded, settings_from = Cases(tuple(request.from_spec.cases()), ()), request.from_spec.spec
    settings = find_settings(settings_from)
    if request.latency_tolerance is not None:
        latency = dataclasses.replace(settings.latency, tolerance=request.latency_tolerance)
        settings = dataclasses.replace(settings, latency=latency)
    return loaded, settings
