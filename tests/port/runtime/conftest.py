"""Session fixtures: the jsrt driver built once, and one long-lived node process."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from .harness import LineProcess, Pair

HERE = Path(__file__).resolve().parent
JSRT = HERE.parents[2] / "migrator" / "port" / "data" / "jsrt"


@pytest.fixture(scope="session")
def driver_module(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Go module holding a copy of jsrt (as port copies it: no _test.go) and the driver."""
    root = tmp_path_factory.mktemp("jsrtdriver")
    (root / "go.mod").write_text("module jsrtdriver\n\ngo 1.26\n")
    (root / "jsrt").mkdir()
    for src in JSRT.glob("*.go"):
        if not src.name.endswith("_test.go"):
            shutil.copy(src, root / "jsrt" / src.name)
    for src in (HERE / "driver").glob("*.go"):
        shutil.copy(src, root / src.name)
    subprocess.run(["go", "build", "-o", "driver", "."], cwd=root, check=True)
    return root


@pytest.fixture(scope="session")
def pair(driver_module: Path) -> Iterator[Pair]:
    """The built driver and node's protocol.js, each started once per session."""
    go = LineProcess([str(driver_module / "driver")])
    node = LineProcess(["node", str(HERE / "protocol.js")])
    yield Pair(go=go, node=node)
    go.close()
    node.close()
