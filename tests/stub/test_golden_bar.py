"""The golden bar: for every bundled function, `migrate golden --node <handler> --go <its stub>` runs
and reports divergences of category error-type or value (exit 1), never "could not run" (exit 2)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from migrator.scan.model import Function
from migrator.stub.source import load_functions
from tests.conftest import FLEET, GO_OFFLINE, REPO, go_caches

pytestmark = pytest.mark.slow

ALLOWED = {"error-type", "value"}


def test_golden_runs_every_stub_against_its_node_twin(
    fleet_stubs: Path, fleet_binaries: dict[str, Path], golden_cache: Path
) -> None:
    functions, _root = load_functions(FLEET, None, None)
    folders = {p.parent.name for p in fleet_stubs.glob("*/go.mod")}
    # The binaries fleet_binaries built are found in golden's cache: same flags, same sources.
    env = {**os.environ, **go_caches(), **GO_OFFLINE, "NO_COLOR": "1", "XDG_CACHE_HOME": str(golden_cache)}

    def judge(function: Function) -> str | None:
        assert function.name in folders and function.file is not None
        module = fleet_stubs / function.name
        done = subprocess.run(
            [
                *(sys.executable, "-m", "migrator", "golden"),
                *("--node", f"{FLEET / function.file}:{function.export}", "--go", str(module)),
                *("--cases", str(module / "golden" / "cases"), "--env-file", str(module / "golden" / "env")),
                *("--runs", "0", "--aws", "none", "--format", "json", "--timeout", "20"),
            ],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if done.returncode != 1:
            return f"{function.name}: exit {done.returncode}: {done.stderr[-500:]}"
        report = json.loads(done.stdout)
        categories = {d["category"] for case in report["cases"] for d in case["differences"]}
        errored = [case["id"] for case in report["cases"] if case.get("error")]
        if not categories or not categories <= ALLOWED or errored:
            return f"{function.name}: categories {sorted(categories)}, harness errors {errored}"
        return None

    # Two golden runs at a time (each is mostly process start-up and waiting on its runtimes).
    with ThreadPoolExecutor(max_workers=2) as pool:
        failures = [f for f in pool.map(judge, functions) if f is not None]
    assert not failures, "\n".join(failures)
