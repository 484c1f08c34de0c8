"""`migrate port --spec`: port_spec.gen.go gives each operation the function's routes bind a typed
entry at codegen's types (`portOpGetItem(ctx, api.GetItemInput) (api.GetItemOutput, error)`); called
from Go on the hand ports' golden cases (moto), it answers what the raw-JSON path answers, and an
answer the operation's responses do not describe is an error naming its status."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from golden.aws.moto import MotoServer
from golden.aws.setup import apply_setup, load_setup
from migrator.port.run import PortRequest, run_port
from tests.conftest import FLEET, REPO
from tests.port.conftest import DATA, go

pytestmark = pytest.mark.slow

PORTS = REPO / "examples" / "ports"
SAM = FLEET / "inventory-sam"
#: function → (its hand port's cases, the Go test, the typed entry the report names)
ENTRIES = {
    "GetItemFunction": (
        "getItem",
        "spec_entry_test.go",
        "portOpGetItem(ctx, api.GetItemInput) (api.GetItemOutput, error)",
    ),
    "ListItemsFunction": (
        "listItems",
        "list_items_test.go",
        "portOpListItems(ctx, api.ListItemsInput) (api.ListItemsOutput, error)",
    ),
}


def test_the_typed_operation_entries_answer_like_the_raw_path(tmp_path: Path) -> None:
    result = run_port(PortRequest(SAM, tmp_path, tuple(ENTRIES), spec=SAM / "openapi.yaml"))
    assert {f.name: f.typed.operations for f in result.report.functions} == {
        name: (entry,) for name, (_, _, entry) in ENTRIES.items()
    }
    assert result.unmatched == ()
    outputs: dict[str, str] = {}
    with MotoServer() as moto:
        apply_setup(load_setup(PORTS / "inventory-setup.json"), moto.endpoint_url, "eu-west-1")
        for name, (cases, test, _) in ENTRIES.items():
            module = tmp_path / name
            source = (module / "port_spec.gen.go").read_text()
            assert "the handler answered status %d, which the operation does not declare" in source
            for helper in (test, "compare_test.go"):
                shutil.copy(DATA / "spec_entry" / helper, module)
            env = {
                **moto.env(),
                "AWS_REGION": "eu-west-1",
                "AWS_ACCESS_KEY_ID": "test",
                "AWS_SECRET_ACCESS_KEY": "test",
                "INVENTORY_TABLE": "inventory",
                "POWERTOOLS_SERVICE_NAME": "inventory",
                "LOG_LEVEL": "WARN",
                "SPEC_ENTRY_CASES": str(PORTS / cases / "cases"),
            }
            done = go(["test", "-v", "-run", "TestSpecEntry", "."], module, env)
            assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
            vetted = go(["vet", "."], module)
            assert vetted.returncode == 0, vetted.stderr
            listed = subprocess.run(
                ["gofmt", "-l", "."], cwd=module, capture_output=True, text=True, check=False
            )
            assert listed.returncode == 0 and listed.stdout == "", listed.stdout + listed.stderr
            outputs[name] = done.stdout
    # getItem's error answers are middy's text/plain where the spec declares a JSON Error: refused by
    # status, like the 200 without quantity (07); listItems' answers all fit its responses.
    assert "refused: 08-unknown-sku.json: getItem: decode the 404 answer's body" in outputs["GetItemFunction"]
    assert "refused:" not in outputs["ListItemsFunction"]


def test_the_typed_entry_builds_the_event_and_refuses_an_undeclared_status(tmp_path: Path) -> None:
    """The `echo` fixture answers what it read: createOrder (HTTP API: path, query and header parameters,
    a JSON body) and getOrder (REST API, an escaped path parameter) make it read what API Gateway's
    events for the same requests do; a 418 createOrder does not declare is an error naming it."""
    fixture = DATA / "spec_entry" / "echo"
    result = run_port(PortRequest(fixture / "svc", tmp_path, spec=fixture / "spec.yaml"))
    (report,) = result.report.functions
    assert report.typed.operations == (
        "portOpCreateOrder(ctx, api.CreateOrderInput) (api.CreateOrderOutput, error)",
        "portOpGetOrder(ctx, api.GetOrderInput) (api.GetOrderOutput, error)",
    )
    module = tmp_path / "EchoFunction"
    source = (module / "port_spec.gen.go").read_text()
    assert "payload 2.0 (HTTP API)" in source and "payload 1.0 (REST API)" in source
    shutil.copy(fixture.parent / "echo_test.go", module)
    done = go(["test", "-v", "-run", "TestSpecEntry", "."], module)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "--- PASS: TestSpecEntryUndeclaredStatus" in done.stdout
    vetted = go(["vet", "."], module)
    assert vetted.returncode == 0, vetted.stderr
