"""`migrate codegen` loads neither boto3 nor the golden, port or canary commands it does not run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.codegen.conftest import SPECS
from tests.conftest import REPO, imported_modules


def test_codegen_imports_nothing_of_the_other_commands(tmp_path: Path) -> None:
    command = ["-X", "importtime", "-m", "migrator", "codegen", str(SPECS / "shop.yaml")]
    done = subprocess.run(
        [sys.executable, *command, "--ts", str(tmp_path / "ts")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "ts").is_dir()
    modules = imported_modules(done.stderr)
    assert {"codegen.command", "codegen.pipeline", "migrator.cli.codegen"} <= modules
    others = ("boto3", "botocore", "migrator.canary", "migrator.port", "golden.session", "migrator.cli.port")
    assert sorted(m for m in modules if m.startswith(others)) == []
