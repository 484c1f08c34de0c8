"""Session fixtures: the bundled fleet stubbed once, and Go helpers that build modules offline."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.console import Console

from golden.runners.gobuild import build_go_handler
from migrator.stub.run import StubRequest, run_stub
from tests.conftest import FLEET, GO_OFFLINE, fill_module_cache, go_offline

go = go_offline


def quiet() -> Console:
    return Console(file=io.StringIO(), width=200)


@pytest.fixture(scope="session")
def fleet_stubs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The bundled fleet (examples/fleet), one module per function, written once per session."""
    out = tmp_path_factory.mktemp("stubs") / "fleet"
    code = run_stub(StubRequest(FLEET, out), quiet())
    assert code == 1  # broken-parser is partial
    yield out


@pytest.fixture(scope="session")
def fleet_workspace(fleet_stubs: Path) -> Path:
    """A go.work over every fleet module, so one `go build`/`go vet` compiles them all together."""
    modules = sorted(p.parent.name for p in fleet_stubs.glob("*/go.mod"))
    done = go(["work", "init", *modules], fleet_stubs, {"GOFLAGS": ""})
    assert done.returncode == 0, done.stderr
    return fleet_stubs


@pytest.fixture(scope="session")
def golden_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """XDG_CACHE_HOME for `migrate golden` runs: where fleet_binaries leaves the built handlers."""
    return tmp_path_factory.mktemp("golden-cache")


@pytest.fixture(scope="session")
def fleet_binaries(fleet_stubs: Path, golden_cache: Path) -> dict[str, Path]:
    """Every fleet module built once the way Lambda's docs say (`go build -tags lambda.norpc`),
    into golden's build cache, so `migrate golden` runs later reuse the binaries."""
    cache = golden_cache / "migrate" / "golden" / "go"
    modules = sorted(go_mod.parent for go_mod in fleet_stubs.glob("*/go.mod"))
    for module in modules:
        fill_module_cache(module)  # in the mode the build runs in (a go.work above, if any)
    return {module.name: build_go_handler(module, cache, env=GO_OFFLINE) for module in modules}
