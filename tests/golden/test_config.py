"""Golden settings from pyproject.toml or migrate.toml, with errors that name the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from golden.compare.jsondiff import FloatTolerance
from golden.config import GoldenSettings, find_settings, parse_settings
from golden.errors import GoldenError


def test_pyproject_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        """
[project]
name = "x"
[tool.migrate.golden]
ignore = ["/body/requestId"]
ignore-order = ["/body/items"]
float-tolerance = 1e-9
compare-messages = true
node-runs = 3
latency-tolerance = 0.25
latency-slack-ms = 2
[tool.migrate.golden.error-types]
ValidationError = "InvalidInput"
"""
    )
    (tmp_path / "cases").mkdir()
    settings = find_settings(tmp_path / "cases")
    assert settings.compare.ignore_paths == ("/body/requestId",)
    assert settings.compare.ignore_order_paths == ("/body/items",)
    assert settings.compare.float_tolerance == FloatTolerance(1e-9, 0.0)
    assert settings.compare.compare_messages and settings.node_runs == 3
    assert settings.compare.error_types == {"ValidationError": "InvalidInput"}
    assert (settings.latency.tolerance, settings.latency.slack_ms) == (0.25, 2.0)
    assert settings.source == str(tmp_path / "pyproject.toml")


def test_migrate_toml_wins_and_defaults_apply(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.migrate.golden]\nnode-runs = 5\n")
    (tmp_path / "migrate.toml").write_text('[golden]\nignore = ["/headers/x-amzn-*"]\n')
    settings = find_settings(tmp_path)
    assert settings.node_runs == 2 and settings.compare.ignore_paths == ("/headers/x-amzn-*",)
    assert find_settings(tmp_path / "nowhere" / "x") == find_settings(tmp_path)


def test_no_settings_anywhere_gives_defaults(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find_settings(tmp_path) == GoldenSettings()  # a pyproject without the table is skipped
    assert parse_settings({}, "x") == GoldenSettings(source="x")


@pytest.mark.parametrize(
    ("table", "needle"),
    [
        ({"ignor": ["/a"]}, "unknown golden setting 'ignor'"),
        ({"node-runs": "2"}, "'node-runs' must be a int"),
        ({"node-runs": True}, "'node-runs' must be a int"),
        ({"node-runs": 0}, "at least 1"),
        ({"ignore": ["body.id"]}, "JSON-pointer globs"),
        ({"error-types": {"A": 1}}, "maps Node error names"),
    ],
)
def test_mistakes_are_errors_naming_the_key(table: dict[str, object], needle: str) -> None:
    with pytest.raises(GoldenError, match=needle):
        parse_settings(table, "migrate.toml")


def test_aws_setup_is_found_beside_the_settings_file(tmp_path: Path) -> None:
    (tmp_path / "migrate.toml").write_text('[golden]\naws-setup = "setup/aws.json"\n')
    (tmp_path / "cases").mkdir()
    assert find_settings(tmp_path / "cases").aws_setup == tmp_path / "setup" / "aws.json"
    assert find_settings(tmp_path / "cases").node_runs == 2
    with pytest.raises(GoldenError, match="'aws-setup' must be a str"):
        parse_settings({"aws-setup": ["a.json"]}, "x")
