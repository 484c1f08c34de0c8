"""`migrate port --spec`: the stub's spec artefacts (codegen's api/ package, spec-routes.json, golden
cases drawn from each bound operation) in the port's module, the stub's router binding dropped (the
port answers through its raw-JSON handler), unmatched routes named, bad specs refused, and --verify
running golden on the drawn cases."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys

from rich.console import Console

from codegen.exitcode import ExitCode
from migrator.port.run import PortRequest, run
from tests.conftest import REPO, WriteTree, require_tool
from tests.port.conftest import go
from tests.stub.test_spec import spec_fleet


def test_port_keeps_the_spec_package_and_cases_and_verifies_on_them(write_tree: WriteTree) -> None:
    require_tool(shutil.which("go") is not None and shutil.which("node") is not None, "go and node")
    fleet, spec = spec_fleet(write_tree)
    out = fleet.parent / "out"
    stdout, stderr = io.StringIO(), io.StringIO()
    request = PortRequest(
        fleet, out, ("OrdersFunction", "OtherFunction"), verify=True, spec=spec, runs=1, output_format="json"
    )
    code = run(request, Console(file=stdout, width=200), Console(file=stderr, width=400))
    assert code is ExitCode.FINDINGS  # OtherFunction's route matches no operation
    lines = stderr.getvalue().splitlines()
    assert [line for line in lines if line.startswith("unmatched: ")] == [
        f"unmatched: OtherFunction: DELETE /nope (template.yaml:30) matches no operation of {spec}"
    ]
    module = out / "OrdersFunction"
    assert (module / "api" / "operations.gen.go").is_file() and not (module / "routes.go").exists()
    routes = json.loads((module / "spec-routes.json").read_text())
    assert [o["operationId"] for o in routes["operations"]] == ["createOrder", "getOrder", "adminStats"]
    assert "a.port.portHandle" in (module / "port.go").read_text()
    cases = sorted(p.name for p in (module / "golden" / "cases").iterdir())
    assert "api-gateway-http-createOrder.json" in cases and "sqs.json" in cases
    for argv in (["build", "./..."], ["vet", "./..."]):
        done = go(argv, module)
        assert done.returncode == 0, done.stdout + done.stderr
    gofmt = subprocess.run(["gofmt", "-l", "."], cwd=module, capture_output=True, text=True, check=False)
    assert gofmt.stdout == ""
    # The translated handler answers the drawn events exactly as Node does: golden passes on them.
    report = {f["name"]: f for f in json.loads(stdout.getvalue())["functions"]}
    verify = report["OrdersFunction"]["verify"]
    assert (verify["verdict"], verify["passed"], verify["cases"]) == ("pass", 4, 4), verify


def test_a_bad_spec_stops_port_before_anything_is_written(write_tree: WriteTree) -> None:
    fleet, _ = spec_fleet(write_tree)
    bad = fleet.parent / "bad.yaml"
    os.mkfifo(bad)
    out = fleet.parent / "out"
    done = subprocess.run(
        [sys.executable, "-m", "migrator", "port", str(fleet), "--out", str(out), "--spec", str(bad)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == [
        f"migrate: error: --spec {bad}: 1 error(s), 0 warning(s) in the spec; first: {bad}: error: "
        "cannot read the file: it is a FIFO; a spec is a regular YAML or JSON file; nothing written"
    ]
    assert not out.exists()
