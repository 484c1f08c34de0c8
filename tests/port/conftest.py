"""Session fixtures: the bundled fleet and the test fixtures ported once, and Go helpers (offline)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from migrator.port.report import PortReport
from migrator.port.run import PortRequest, run_port
from tests.conftest import FLEET, REPO, go_offline, require_tool

DATA = REPO / "tests" / "port" / "data"
FIXTURES = DATA / "fixtures"


go = go_offline


def npm_install(folder: Path, packages: Sequence[str] = ()) -> None:
    """`npm install` in `folder` (its package.json, plus `packages`); without npm or the registry the
    test skips, and fails under CI."""
    require_tool(shutil.which("npm") is not None, "npm")
    done = subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--loglevel=error", *packages],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    require_tool(done.returncode == 0, f"npm install (registry unreachable?): {done.stderr[-300:]}")


def build_driver(folder: Path, files: dict[str, bytes], env: dict[str, str], tidy: bool = False) -> Path:
    """Write `files` into `folder`, then `go mod tidy` (with `tidy`), build `driver`, vet, and check
    gofmt; the driver's path."""
    for name, content in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(content)
    steps = [["go", "build", "-o", "driver", "."], ["go", "vet", "./..."]]
    for argv in [["go", "mod", "tidy"]] * tidy + steps:
        done = subprocess.run(
            argv, cwd=folder, env={**os.environ, **env}, capture_output=True, text=True, timeout=600
        )
        assert done.returncode == 0, f"{' '.join(argv)}: {done.stderr}"
    unformatted = subprocess.run(["gofmt", "-l", "."], cwd=folder, capture_output=True, text=True, check=True)
    assert unformatted.stdout == "", f"not gofmt-clean: {unformatted.stdout}"
    return folder / "driver"


def workspace(out: Path) -> Path:
    """A go.work over every module under `out`, so one `go build`/`go vet` compiles them all."""
    modules = sorted(p.parent.name for p in out.glob("*/go.mod"))
    done = go(["work", "init", *modules], out, {"GOFLAGS": ""})
    assert done.returncode == 0, done.stderr
    return out


def report_schema() -> dict[str, Any]:
    """migrator/port/schemas/port-report.schema.json, as shipped (package data)."""
    text = (resources.files("migrator.port") / "schemas" / "port-report.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def report_validator() -> jsonschema.Draft202012Validator:
    """A validator of `migrate port --format json` output (the schema itself checked first)."""
    jsonschema.Draft202012Validator.check_schema(report_schema())
    return jsonschema.Draft202012Validator(report_schema())


@pytest.fixture(scope="session")
def fleet_port(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, PortReport]:
    """The bundled fleet (examples/fleet) ported once per session: the modules and the report."""
    out = tmp_path_factory.mktemp("port") / "fleet"
    result = run_port(PortRequest(FLEET, out))
    return workspace(out), result.report


@pytest.fixture(scope="session")
def fixtures_port(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, PortReport]:
    """tests/port/data/fixtures (a constructs function and a partial one) ported once per session."""
    out = tmp_path_factory.mktemp("port") / "fixtures"
    result = run_port(PortRequest(FIXTURES, out))
    return workspace(out), result.report
