"""Every function of the bundled fleet gets a module that builds, vets, is gofmt-clean and whose
SAM template passes cfn-lint (the issue's first bar), with the real toolchain, offline."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FLEET, require_tool
from tests.stub.conftest import go

pytestmark = pytest.mark.slow


def _scan_names() -> list[str]:
    done = subprocess.run(
        [sys.executable, "-m", "migrator", "scan", str(FLEET), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    return [f["name"] for f in json.loads(done.stdout)["functions"]]


def test_one_module_per_function(fleet_stubs: Path) -> None:
    modules = {p.parent.name for p in fleet_stubs.glob("*/go.mod")}
    assert modules == set(_scan_names())
    for module in modules:
        for name in ("main.go", "handler.go", "port.go", "settings.go", "errors.go", "template.yaml"):
            assert (fleet_stubs / module / name).is_file(), f"{module}/{name}"


def test_gofmt_clean(fleet_stubs: Path) -> None:
    done = subprocess.run(["gofmt", "-l", str(fleet_stubs)], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stdout == "", done.stdout + done.stderr


def test_each_module_resolves_offline_from_its_own_go_sum(fleet_stubs: Path) -> None:
    """go.mod and go.sum alone are enough: no proxy, no -mod=mod, no missing go.sum entry."""
    for go_mod in sorted(fleet_stubs.glob("*/go.mod")):
        done = go(["list", "-deps", "./..."], go_mod.parent, {"GOWORK": "off"})
        assert done.returncode == 0, f"{go_mod.parent.name}: {done.stderr}"


def test_every_module_builds(fleet_binaries: dict[str, Path]) -> None:
    """The fixture ran `go build -tags lambda.norpc -o bootstrap .` per module (it raises on failure)."""
    assert fleet_binaries and all(path.is_file() for path in fleet_binaries.values())


def test_vet(fleet_workspace: Path) -> None:
    done = go(["vet", "example.com/stub/..."], fleet_workspace)
    assert done.returncode == 0, done.stderr


def test_sam_templates_pass_cfn_lint(fleet_stubs: Path) -> None:
    require_tool(shutil.which("cfn-lint") is not None, "cfn-lint")
    templates = sorted(str(p) for p in fleet_stubs.glob("*/template.yaml"))
    done = subprocess.run(["cfn-lint", *templates], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
