"""The hand-written Go ports in examples/ports pass `migrate golden` against their Node originals.

Real node runs the unmodified inventory-sam TypeScript (its npm dependencies installed once per session
with `npm ci` from the committed package-lock.json, into a copy of the project); real go builds each
port; the DynamoDB table they share is created on golden's moto server from examples/ports'
aws-setup file. Each case's Node outcome is pinned too, so a case that stopped exercising its path
(both sides failing the same way) cannot pass unnoticed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FLEET, REPO

pytestmark = pytest.mark.slow

PORTS = REPO / "examples" / "ports"

Expected = dict[str, int | str]
"""Case id → Node's outcome: an HTTP status, a count of batch item failures, or an error type."""

LIST_ITEMS: Expected = {
    **dict.fromkeys(
        [
            "01-category.json",
            "02-in-stock-only.json",
            "03-first-page.json",
            "04-next-page.json",
            "05-limit-as-js-number.json",
            "06-unknown-category.json",
            "07-padded-category.json",
        ],
        200,
    ),
    **dict.fromkeys(
        [
            "08-no-query-string.json",
            "09-limit-out-of-range.json",
            "10-limit-not-integer.json",
            "11-empty-limit.json",
            "12-malformed-cursor.json",
        ],
        400,
    ),
    "13-cursor-not-a-key.json": 500,
}
GET_ITEM: Expected = {
    **dict.fromkeys(
        [
            "01-item.json",
            "02-lowercase-sku.json",
            "03-fully-reserved.json",
            "04-out-of-stock.json",
            "05-html-in-name.json",
            "06-non-ascii-name.json",
            "07-no-quantity.json",
        ],
        200,
    ),
    "08-unknown-sku.json": 404,
    "09-invalid-sku.json": 400,
    "10-no-path-parameters.json": 400,
    "11-full-case-mapping.json": 404,
    "12-empty-sku.json": 400,
}
ADJUST_STOCK: Expected = {
    "01-received.json": 0,
    "02-mixed-batch.json": 0,
    "03-rejected-by-dynamodb.json": 1,
    "04-invalid-adjustments.json": 0,
    "05-empty-batch.json": 0,
    "06-no-records.json": "TypeError",
    "07-null-records.json": "TypeError",
}
PORTED = {"listItems": LIST_ITEMS, "getItem": GET_ITEM, "adjustStock": ADJUST_STOCK}


@pytest.fixture(scope="session")
def inventory_sam(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of examples/fleet/inventory-sam with its production dependencies installed (`npm ci`)."""
    project = tmp_path_factory.mktemp("fleet") / "inventory-sam"
    shutil.copytree(FLEET / "inventory-sam", project, ignore=shutil.ignore_patterns("node_modules"))
    done = subprocess.run(
        ["npm", "ci", "--omit=dev", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return project


def outcome(summary: dict[str, object]) -> int | str:
    """What Expected pins of one side's outcome summary."""
    if summary["kind"] != "success":
        return str(summary.get("type", summary["kind"]))
    value = summary["value"]
    assert isinstance(value, dict), summary
    if "statusCode" in value:
        return int(value["statusCode"])
    return len(value["batchItemFailures"])


@pytest.mark.parametrize("function", list(PORTED))
def test_go_port_passes_golden_against_the_node_original(function: str, inventory_sam: Path) -> None:
    node = inventory_sam / "src" / "handlers" / f"{function}.ts"
    argv = [sys.executable, "-m", "migrator", "golden", "--node", str(node), "--go", str(PORTS / function)]
    argv += ["--cases", str(PORTS / function / "cases"), "--env-file", str(PORTS / "inventory.env")]
    argv += ["--runs", "1", "--timeout", "15", "--format", "json", "--latency", "report"]
    proc = subprocess.run(argv, cwd=REPO, capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    report = json.loads(proc.stdout)
    expected = PORTED[function]
    assert report["summary"]["passed"] == report["summary"]["total"] == len(expected)
    assert {case["id"]: outcome(case["node"]) for case in report["cases"]} == expected
    assert {case["id"]: outcome(case["go"]) for case in report["cases"]} == expected
    assert all(case["verdict"] == "pass" and not case["differences"] for case in report["cases"])
