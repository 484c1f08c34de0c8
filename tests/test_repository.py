"""The repository keeps its promises: CI runs exactly the README's test command."""

from __future__ import annotations

import pytest

from tests.conftest import REPO, require_tool


def _readme_command(marker: str) -> str:
    lines = (REPO / "README.md").read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(marker))
    return lines[start + 1].strip()


def test_ci_runs_the_readme_test_command() -> None:
    command = _readme_command("# 2. run the tests")
    ci_lines = [line.strip() for line in (REPO / ".ci" / "run").read_text().splitlines()]
    assert command in ci_lines


def test_readme_set_up_runs_the_demo_on_the_bundled_fleet() -> None:
    assert _readme_command("# 1. install") == "pip install -e . && migrate demo"


def test_every_data_file_of_our_packages_is_package_data() -> None:
    # A non-editable install ships only what package-data names; templates in subfolders were missed once.
    import fnmatch
    import tomllib

    patterns = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["*"]
    for package in ("codegen", "golden", "migrator"):
        for path in (REPO / package).rglob("*"):
            if not path.is_file() or path.suffix in (".py", ".pyc") or "__pycache__" in path.parts:
                continue
            owner = next(d for d in path.parents if (d / "__init__.py").is_file())
            nested = len(path.relative_to(owner).parts) > 1  # in a data folder, not the package's own
            shipped = [
                p for p in patterns if fnmatch.fnmatch(path.name, p.removeprefix("**/"))
            ]  # a data folder needs a recursive glob
            assert any(p.startswith("**/") or not nested for p in shipped), f"{path} is not shipped"


def test_a_missing_tool_skips_locally_and_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    require_tool(True, "go")  # present: nothing happens
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="missing under CI"):
        require_tool(False, "go")
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="go is missing"):
        require_tool(False, "go")
