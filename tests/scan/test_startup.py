"""`migrate scan` starts without the golden and codegen machinery (boto3, pydantic models, specs)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, imported_modules

#: The dependency-free helpers the scan shares with codegen (docs/shared-helpers.md): the one
#: regular-file reader, YAML walker, JSON pointers and atomic write, the exit codes and the report
#: format registry. Nothing else of codegen.
SHARED_HELPERS = frozenset(
    {
        "codegen",
        "codegen.spec",
        "codegen.spec.regular",
        "codegen.spec.yamlpos",
        "codegen.spec.pointers",
        "codegen.output",
        "codegen.output.atomic",
        "codegen.exitcode",
        "codegen.report_formats",
        "codegen.interrupts",
    }
)


def test_scan_imports_nothing_of_golden_codegen_or_boto3(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "migrator", "scan", str(tmp_path), "--format", "json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert done.returncode == 0, done.stderr
    modules = imported_modules(done.stderr)
    assert {"migrator.scan.engine", "migrator.scan.command", "migrator.report.formats"} <= modules
    tops = ("golden", "codegen", "boto3", "botocore")
    heavy = sorted(m for m in modules if m.split(".")[0] in tops and m not in SHARED_HELPERS)
    assert heavy == []


def test_an_empty_folder_loads_no_reader_parser_or_report_it_does_not_use(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "migrator", "scan", str(tmp_path), "--no-progress"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert done.returncode == 0, done.stderr
    modules = imported_modules(done.stderr)
    assert "migrator.report.table" in modules
    unused = {
        "yaml",
        "hcl2",
        "lark",
        "tree_sitter_javascript",
        "tree_sitter_typescript",
        "rich.progress",
        "migrator.scan.project",
        "migrator.scan.config.cloudformation",
        "migrator.report.sarif",
        "migrator.report.jsonfmt",
    }
    assert sorted(unused & modules) == []
