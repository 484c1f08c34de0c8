"""What the demo runs (its package-data table) and how it refuses to start, without running it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from migrator.demo.plan import DemoError, find_examples, load_plan
from tests.conftest import REPO

EXAMPLES = REPO / "examples"


def test_the_plan_names_existing_ports_and_their_node_originals() -> None:
    plan = load_plan(find_examples(EXAMPLES))
    assert plan.fleet == EXAMPLES / "fleet"
    assert [p.name for p in plan.ports] == ["listItems", "getItem", "adjustStock"]
    for port in plan.ports:
        assert (port.go / "go.mod").is_file() and any(port.cases.glob("*.json"))
        assert port.node.name == f"{port.name}.ts" and port.node.is_relative_to(plan.fleet)
    assert plan.canary.function in {p.name for p in plan.ports}


def test_examples_default_to_the_working_directory_then_the_clone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert find_examples(None) == EXAMPLES.resolve()  # no ./examples here: the clone's
    (tmp_path / "examples" / "fleet").mkdir(parents=True)
    (tmp_path / "examples" / "ports").mkdir()
    assert find_examples(None) == (tmp_path / "examples").resolve()


def test_a_folder_without_fleet_and_ports_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DemoError, match="no examples folder"):
        find_examples(tmp_path)


def migrate_demo(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    argv = [sys.executable, "-m", "migrator", "demo", *args]
    return subprocess.run(argv, cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False)


def test_missing_examples_exit_2_with_one_line(tmp_path: Path) -> None:
    done = migrate_demo("--examples", str(tmp_path))
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"migrate: error: {tmp_path}: no examples folder (with fleet/ and ports/): run from a clone of "
        "the repository, or give --examples DIR"
    ]
    assert done.stdout == ""


def test_an_unknown_format_is_a_usage_error() -> None:
    done = migrate_demo("--format", "xml")
    assert done.returncode == 2
    assert "'xml' is not one of table | json" in done.stderr
