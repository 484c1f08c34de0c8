"""The three inventory-sam functions with hand ports in examples/ports (listItems, getItem,
adjustStock) are translated with no hand edit and run the same golden cases the hand ports pass,
against their unmodified Node originals (npm dependencies installed once per session), on moto."""

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
FUNCTIONS = {
    "ListItemsFunction": "listItems",
    "GetItemFunction": "getItem",
    "AdjustStockFunction": "adjustStock",
}


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


@pytest.mark.parametrize("function", list(FUNCTIONS))
def test_translated_function_passes_the_hand_ports_cases(
    function: str, inventory_sam: Path, tmp_path: Path
) -> None:
    cases = PORTS / FUNCTIONS[function] / "cases"
    argv = [sys.executable, "-m", "migrator", "port", str(inventory_sam), "--out", str(tmp_path)]
    argv += [
        "--function",
        function,
        "--verify",
        "--cases",
        str(cases),
        "--env-file",
        str(PORTS / "inventory.env"),
    ]
    argv += ["--runs", "1", "--format", "json", "--no-progress"]
    done = subprocess.run(argv, cwd=REPO, capture_output=True, text=True, timeout=1200, check=False)
    report = json.loads(done.stdout)
    (entry,) = report["functions"]
    assert entry["complete"] and entry["untranslated"] == [], entry["untranslated"]
    total = len(list(cases.glob("*.json")))
    assert entry["verify"] == {"verdict": "pass", "cases": total, "passed": total, "detail": ""}, entry[
        "verify"
    ]
    assert done.returncode == 0, done.stderr[-2000:]
