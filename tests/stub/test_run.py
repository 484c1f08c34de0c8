"""The command's flow: write, rerun, --check, scan reports as input, bad input."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from rich.console import Console

from codegen.errors import CodegenError
from codegen.exitcode import ExitCode
from migrator.stub.run import StubRequest, build_targets, run, run_stub
from migrator.stub.source import StubInputError
from tests.conftest import FLEET, REPO, WriteTree, hostile_fleet
from tests.stub.conftest import quiet


def _console() -> tuple[Console, io.StringIO]:
    text = io.StringIO()
    return Console(file=text, width=300), text


def test_write_then_check_is_in_sync_and_port_go_is_kept(tmp_path: Path) -> None:
    request = StubRequest(FLEET, tmp_path / "out", functions=("createOrder", "getOrder"))
    console, _ = _console()
    assert run_stub(request, console) == 0
    port = tmp_path / "out" / "createOrder" / "port.go"
    port.write_text(port.read_text() + "\n// mine\n")
    (tmp_path / "out" / "getOrder" / "handler.go").unlink()
    check = StubRequest(FLEET, tmp_path / "out", functions=("createOrder", "getOrder"), check=True)
    console, text = _console()
    diffs = io.StringIO()
    assert run_stub(check, console, stdout=diffs) == 1
    assert diffs.getvalue().startswith("--- /dev/null")
    drifts = [line for line in text.getvalue().splitlines() if line.startswith("drift: ")]
    assert len(drifts) == 1 and drifts[0].endswith("getOrder/handler.go (missing)")
    assert run_stub(request, _console()[0]) == 0
    assert port.read_text().endswith("// mine\n")
    assert run_stub(check, _console()[0], stdout=diffs) == 0


def test_the_command_prints_diffs_on_its_console_and_messages_on_stderr(tmp_path: Path) -> None:
    request = StubRequest(FLEET, tmp_path / "out", functions=("getOrder",), progress=False)
    stdout, stderr, text = io.StringIO(), *_console()
    assert run(request, Console(file=stdout), stderr=stderr) is ExitCode.OK
    assert (stdout.getvalue(), text.getvalue()) == ("", f"wrote 1 module to {tmp_path / 'out'}\n")
    handler = tmp_path / "out" / "getOrder" / "handler.go"
    handler.write_text(handler.read_text() + "// edited\n")
    stdout, stderr, text = io.StringIO(), *_console()
    assert run(replace(request, check=True), Console(file=stdout), stderr=stderr) is ExitCode.FINDINGS
    assert stdout.getvalue().startswith("--- ") and stdout.getvalue().endswith("-// edited\n")
    assert text.getvalue().splitlines()[0] == f"drift: {handler} (changed)"


def test_a_scan_report_gives_the_same_modules_as_the_folder(tmp_path: Path) -> None:
    report = subprocess.run(
        [sys.executable, "-m", "migrator", "scan", str(FLEET), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    ).stdout
    from_folder, _ = build_targets(StubRequest(FLEET, tmp_path / "a"))
    # the report's paths are relative to the scanned folder: the report sits in it
    copy = tmp_path / "fleet"
    subprocess.run(["cp", "-r", str(FLEET), str(copy)], check=True)
    (copy / "scan.json").write_text(report)
    from_report, _ = build_targets(StubRequest(copy / "scan.json", tmp_path / "a"))
    assert [(t.name, t.files) for t in from_folder] == [(t.name, t.files) for t in from_report]
    assert json.loads(report)["functions"]


def test_bad_input_is_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(StubInputError, match="no such folder"):
        build_targets(StubRequest(tmp_path / "missing", tmp_path / "out"))
    bad = tmp_path / "bad.json"
    bad.write_text('{"functions": [{"name": "x"}]}')
    with pytest.raises(StubInputError, match="missing 'file'"):
        build_targets(StubRequest(bad, tmp_path / "out"))


def test_an_output_folder_that_is_a_file_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.write_text("not a folder")
    with pytest.raises(CodegenError):
        run_stub(StubRequest(FLEET, out, functions=("createOrder",)), _console()[0])
    assert out.read_text() == "not a folder"


def test_cli_exit_codes(tmp_path: Path) -> None:
    def migrate(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "migrator", "stub", *args], capture_output=True, text=True, cwd=REPO
        )

    assert migrate(str(FLEET), "--out", str(tmp_path / "o"), "--function", "getOrder").returncode == 0
    partial = migrate(str(FLEET), "--out", str(tmp_path / "o"), "--function", "broken-parser")
    assert partial.returncode == 1 and "partial: broken-parser" in partial.stderr
    missing = migrate(str(tmp_path / "nope"), "--out", str(tmp_path / "o"))
    assert missing.returncode == 2 and missing.stderr.startswith("migrate: error:")


def test_names_from_configs_cannot_leave_the_output_folder(write_tree: WriteTree, tmp_path: Path) -> None:
    root = write_tree(
        {
            "svc/serverless.yml": """
                service: svc
                provider: {name: aws, runtime: nodejs20.x}
                functions:
                  "../../escape":
                    handler: index.handler
                  "..":
                    handler: index.handler
                """,
            "svc/index.js": "exports.handler = async () => ({ ok: true });\n",
        }
    )
    out = tmp_path / "out"
    assert run_stub(StubRequest(root, out), _console()[0]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["escape", "function"]
    assert not (tmp_path / "escape").exists() and not (root / "escape").exists()


def test_configs_the_scan_could_not_read_are_named_and_exit_1(write_tree: WriteTree, tmp_path: Path) -> None:
    """A FIFO and an alias bomb may declare functions: the fleet's run names each, never drops them."""
    root = hostile_fleet(write_tree)
    console, text = _console()
    assert run_stub(StubRequest(root, tmp_path / "out", progress=False), console) is ExitCode.FINDINGS
    lines = text.getvalue().splitlines()
    assert lines[0] == f"wrote 1 module to {tmp_path / 'out'}"
    assert [line.split(":")[:2] for line in lines[1:]] == [
        ["not read", " bomb/serverless.yml"],
        ["not read", " fifo/serverless.yml"],
    ]
    assert "alias bomb" in lines[1] and "not a regular file" in lines[2]
    # Naming functions asks for those alone: what else the scan could not read is not theirs.
    assert run_stub(StubRequest(root, tmp_path / "one", ("ok",), progress=False), quiet()) is ExitCode.OK
