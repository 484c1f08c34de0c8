"""--node SCAN.json#FUNCTION: the handler file, export, memory and timeout from `migrate scan` output."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from golden.aws.reach import AwsMode, AwsSetup
from golden.errors import GoldenError
from golden.outcome import InitError
from golden.runners.remote import LambdaClient
from golden.sides.choose import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_S, LocalOptions, node_side
from golden.sides.scanned import is_scan_reference, scan_function
from tests.conftest import REPO

SCAN = REPO / "tests" / "endtoend" / "testdata" / "scan" / "fleet-json" / "stdout.json"
FLEET = REPO / "examples" / "fleet"


def no_client() -> LambdaClient:
    raise AssertionError("a local side never makes a Lambda client")


def test_a_scanned_function_gives_file_export_memory_and_timeout() -> None:
    found = scan_function(f"{SCAN}#createOrder", FLEET)
    assert found.file == FLEET / "orders-service" / "src" / "handlers" / "createOrder.js"
    assert (found.export, found.memory_mb, found.timeout_s, found.runtime) == (
        "handler",
        1024,
        10.0,
        "nodejs20.x",
    )
    assert is_scan_reference(f"{SCAN}#createOrder") and not is_scan_reference("src/handler.js:main")


def test_the_file_is_found_beside_the_report_or_under_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = tmp_path / "scan.json"
    report.write_text(SCAN.read_text())
    with pytest.raises(GoldenError, match="pass --scan-root with the folder that was scanned"):
        scan_function(f"{report}#getOrder")
    monkeypatch.chdir(FLEET)
    assert scan_function(f"{report}#getOrder").file.name == "getOrder.mjs"


def test_unknown_function_lists_close_matches() -> None:
    with pytest.raises(GoldenError, match=r"no function named 'createOrdr'.*did you mean createOrder"):
        scan_function(f"{SCAN}#createOrdr", FLEET)
    with pytest.raises(GoldenError, match="no such scan report"):
        scan_function(f"{FLEET}/missing.json#createOrder", FLEET)


def test_local_limits_come_from_the_scan_unless_given(tmp_path: Path) -> None:
    with contextlib.ExitStack() as stack:
        side = node_side(
            stack,
            node=f"{SCAN}#importOrders",
            node_lambda=None,
            options=LocalOptions(scan_root=FLEET),
            aws=AwsSetup(AwsMode.none),
            client=no_client,
        )
        assert side.function is not None
        assert (side.function.name, side.function.memory_mb, side.function.timeout_s) == (
            "importOrders",
            2048,
            900,
        )
        given = node_side(
            stack,
            node=f"{SCAN}#importOrders",
            node_lambda=None,
            options=LocalOptions(timeout_s=5, memory_mb=256, scan_root=FLEET),
            aws=AwsSetup(AwsMode.none),
            client=no_client,
        )
        assert given.function is not None and (given.function.memory_mb, given.function.timeout_s) == (256, 5)
        unknown = node_side(
            stack,
            node=f"{SCAN}#webhook-bare",
            node_lambda=None,
            options=LocalOptions(scan_root=FLEET),
            aws=AwsSetup(AwsMode.none),
            client=no_client,
        )
        assert unknown.function is not None
        assert (unknown.function.memory_mb, unknown.function.timeout_s) == (
            DEFAULT_MEMORY_MB,
            DEFAULT_TIMEOUT_S,
        )


@pytest.mark.slow
def test_a_scanned_function_runs_under_real_node() -> None:
    """createOrder's dependencies are not installed in the fleet: the runtime's import error names the
    scanned file, so the right handler was loaded, with the scan's memory size."""
    with contextlib.ExitStack() as stack:
        side = node_side(
            stack,
            node=f"{SCAN}#createOrder",
            node_lambda=None,
            options=LocalOptions(scan_root=FLEET),
            aws=AwsSetup(AwsMode.none),
            client=no_client,
        )
        outcome = side.invoker.invoke({})
    assert isinstance(outcome.result, InitError), outcome
    assert outcome.result.type == "Runtime.ImportModuleError"
    assert "orders-service/src/handlers/createOrder.js" in outcome.result.message
    assert side.function is not None and side.function.memory_mb == 1024
