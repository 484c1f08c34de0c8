"""The repository keeps its promises: CI runs exactly the README's test command."""

from __future__ import annotations

from tests.conftest import REPO


def _readme_command(marker: str) -> str:
    lines = (REPO / "README.md").read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(marker))
    return lines[start + 1].strip()


def test_ci_runs_the_readme_test_command() -> None:
    command = _readme_command("# 2. run the tests")
    ci_lines = [line.strip() for line in (REPO / ".ci" / "run").read_text().splitlines()]
    assert command in ci_lines


def test_readme_set_up_scans_the_bundled_fleet() -> None:
    assert _readme_command("# 1. install") == "pip install -e . && migrate scan examples/fleet"
