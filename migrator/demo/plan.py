"""What the demo runs (package data `data/demo.toml`), resolved against an examples folder."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from migrator.errors import MigrateError


class DemoError(MigrateError):
    """The demo cannot start: no examples folder, or a broken demo table."""


@dataclass(frozen=True)
class GoldenPort:
    """One hand-written Go port and the Node original it is judged against."""

    name: str
    node: Path  #: the Node handler file
    go: Path  #: the Go module folder
    cases: Path  #: its golden cases folder
    env_file: Path | None  #: KEY=VALUE variables for both sides


@dataclass(frozen=True)
class CanaryPlan:
    """The rollout run on the local moto server, gated by one port's golden report."""

    function: str  #: also the port whose golden report gates it
    alias: str
    to_version: str
    steps: str
    interval_s: float


@dataclass(frozen=True)
class DemoPlan:
    """Everything the demo runs, with absolute paths."""

    examples: Path
    fleet: Path
    ports: tuple[GoldenPort, ...]
    runs: int  #: warm invokes per side and case (golden's --runs)
    timeout_s: float  #: per-invoke timeout (golden's --timeout)
    canary: CanaryPlan


def find_examples(given: Path | None) -> Path:
    """`given`, else ./examples, else the examples folder of the clone this package runs from."""
    if given is not None:
        candidates = [given]
    else:
        candidates = [Path.cwd() / "examples", Path(__file__).resolve().parents[2] / "examples"]
    for candidate in candidates:
        if (candidate / "fleet").is_dir() and (candidate / "ports").is_dir():
            return candidate.resolve()
    where = given or "./examples"
    raise DemoError(
        f"{where}: no examples folder (with fleet/ and ports/): run from a clone of the repository, "
        "or give --examples DIR"
    )


def load_plan(examples: Path) -> DemoPlan:
    """The demo table, its paths made absolute under `examples` and checked to exist."""
    table = tomllib.loads(resources.files("migrator.demo").joinpath("data/demo.toml").read_text("utf-8"))
    try:
        options, canary = table["golden-options"], table["canary"]
        ports = tuple(_port(examples, entry) for entry in table["golden"])
        plan = DemoPlan(
            examples=examples,
            fleet=_existing(examples, table["fleet"]),
            ports=ports,
            runs=int(options["runs"]),
            timeout_s=float(options["timeout"]),
            canary=CanaryPlan(
                canary["function"], canary["alias"], canary["to-version"], canary["steps"], canary["interval"]
            ),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise DemoError(f"migrator/demo/data/demo.toml: bad entry ({exc!r}); fix the package data") from None
    if plan.canary.function not in {p.name for p in ports}:
        raise DemoError(f"demo.toml: the canary's function {plan.canary.function} has no [[golden]] port")
    return plan


def _port(examples: Path, entry: dict[str, Any]) -> GoldenPort:
    env = entry.get("env-file")
    return GoldenPort(
        name=entry["name"],
        node=_existing(examples, entry["node"]),
        go=_existing(examples, entry["go"]),
        cases=_existing(examples, entry["cases"]),
        env_file=_existing(examples, env) if env else None,
    )


def _existing(examples: Path, relative: str) -> Path:
    path = examples / relative
    if not path.exists():
        raise DemoError(f"{path}: missing from the examples folder; use a complete clone of the repository")
    return path
