"""TypeScript handlers: transpiled by esbuild into a copy of the task root, syntax errors reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from golden.errors import BuildError, RunnerError
from golden.runners.node import NodeRunner
from golden.runners.typescript import transpile_task_root, typescript_entry

pytestmark = pytest.mark.slow


def test_entry_is_typescript_only_when_no_javascript_answers(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "app.mts").write_text("export const handler = async () => 1;\n")
    assert typescript_entry(tmp_path, "src/app.handler") == tmp_path / "src" / "app.mts"
    (tmp_path / "src" / "app.js").write_text("exports.handler = async () => 1;\n")
    assert typescript_entry(tmp_path, "src/app.handler") is None


def test_module_systems_follow_extension_and_package_type(tmp_path: Path) -> None:
    source = tmp_path / "source"
    (source / "node_modules" / "dep").mkdir(parents=True)
    (source / "package.json").write_text('{"type": "module"}\n')
    (source / "a.ts").write_text("export const a: number = 1;\n")
    (source / "b.cts").write_text("export const b: number = 2;\n")
    (source / "c.mts").write_text("export const c: number = 3;\n")
    copy = transpile_task_root(source, tmp_path / "out")
    assert "export" in (copy / "a.js").read_text()  # ESM under "type": "module"
    assert "module.exports" in (copy / "b.cjs").read_text()
    assert "export" in (copy / "c.mjs").read_text()
    assert (copy / "node_modules").is_symlink()
    assert not (source / "a.js").exists()


def test_syntax_error_is_a_build_error(tmp_path: Path) -> None:
    (tmp_path / "index.ts").write_text("export const handler = async (event: any => event;\n")
    runner = NodeRunner(tmp_path, "index.handler")
    with pytest.raises(BuildError, match="never type-checks"):
        runner.open()
    assert runner.process_groups == ()


def test_missing_esbuild_launcher_is_a_runner_error(tmp_path: Path) -> None:
    (tmp_path / "index.ts").write_text("export const handler = async () => 1;\n")
    with pytest.raises(RunnerError, match="not on PATH"):
        NodeRunner(tmp_path, "index.handler", esbuild=("golden-no-such-launcher",)).open()
