"""`migrate codegen`: targets, exit codes, located diagnostics, summaries and `--check`, on a fake emitter.

The real emitters are exercised end to end in tests/endtoend (testdata/codegen) and below in the
slow test that compiles what the command wrote.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from typer.testing import CliRunner

from codegen.command import CodegenRequest, run
from codegen.emit.interface import EmitInput, Emitter, GeneratedFile
from codegen.errors import CodegenError
from migrator.cli.main import app
from tests.codegen.conftest import SPECS
from tests.codegen.fakes import FakeEmitter
from tests.conftest import REPO, require_tool

TSC = REPO / "tests" / "tools" / "node_modules" / ".bin" / "tsc"


class Run:
    """One in-process run of the command with fake emitters."""

    def __init__(self, request: CodegenRequest) -> None:
        out, err = io.StringIO(), io.StringIO()
        fakes: dict[str, FakeEmitter] = {}

        def emitter(name: str) -> Emitter:
            return fakes.setdefault(name, FakeEmitter(name))

        width: dict[str, Any] = {"width": 200, "no_color": True}
        self.code = run(request, Console(file=out, **width), Console(file=err, **width), emitter)
        self.out, self.err, self.fakes = out.getvalue(), err.getvalue(), fakes


def _request(tmp_path: Path, spec: str = "shop.yaml", **kw: object) -> CodegenRequest:
    folders = kw.pop("folders", {"go": tmp_path / "go", "ts": tmp_path / "ts"})
    kw.setdefault("go_module", "example.com/shop" if "go" in folders else None)  # type: ignore[operator]
    return CodegenRequest(SPECS / spec, folders, **kw)  # type: ignore[arg-type]


def test_writes_every_target_and_says_what_it_wrote(tmp_path: Path) -> None:
    run = Run(_request(tmp_path))
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0] == f"go: wrote 6 file(s) to {tmp_path / 'go'}"
    assert lines[1].startswith("ts: wrote 6 file(s)")
    assert run.fakes["go"].seen[0].go.module == "example.com/shop"
    assert (tmp_path / "go" / "types.gen.go").is_file() and (tmp_path / "ts" / "handlers.go").is_file()
    assert "in ways codegen cannot intersect" in run.err  # the spec's warning, located
    again = Run(_request(tmp_path))
    assert "kept 1 user-owned: handlers.go" in again.out


def test_check_is_in_sync_after_a_write_and_drifts_after_a_hand_edit(tmp_path: Path) -> None:
    assert Run(_request(tmp_path)).code == 0
    in_sync = Run(_request(tmp_path, check=True))
    assert (in_sync.code, in_sync.out) == (0, "in sync: go 5 generated file(s), ts 5 generated file(s)\n")
    types = tmp_path / "go" / "types.gen.go"
    types.write_text(types.read_text() + "// hand edit\n")
    (tmp_path / "ts" / "ops" / "ListOrders.gen.go").unlink()
    drifted = Run(_request(tmp_path, check=True))
    assert drifted.code == 1
    assert f"--- a/{tmp_path.as_posix()}/go/types.gen.go\n" in drifted.out
    assert "\n-// hand edit\n" in drifted.out and "+++ b/" in drifted.out
    assert "drift: 2 generated file(s) differ from disk (1 changed, 1 missing)" in drifted.err
    assert "// hand edit" in types.read_text(), "--check wrote"


def test_a_spec_error_prints_located_diagnostics_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    run = Run(_request(tmp_path, "broken/dangling.yaml"))
    assert run.code == 2 and run.out == ""
    lines = run.err.splitlines()
    assert lines[0].startswith(f"{SPECS / 'broken' / 'dangling.yaml'}:11:24 #/paths/~1a/get/")
    assert ": error: `$ref: #/components/schemas/Pett` points nowhere" in lines[0]
    assert lines[-1].endswith("dangling.yaml: 3 error(s); nothing written")
    assert os.listdir(tmp_path) == []


def test_strict_makes_warnings_fatal(tmp_path: Path) -> None:
    lenient = Run(_request(tmp_path, "broken/unknown_keyword.yaml", folders={"ts": tmp_path / "ts"}))
    assert lenient.code == 0 and lenient.err.count(": warning: unknown schema keyword") == 3
    strict = Run(
        _request(tmp_path / "s", "broken/unknown_keyword.yaml", strict=True, folders={"ts": tmp_path / "s"})
    )
    assert strict.code == 2 and strict.err.endswith("3 warning(s) under --strict; nothing written\n")
    assert not (tmp_path / "s").exists()


def test_upgrade_notices_summarised_unless_verbose(tmp_path: Path) -> None:
    quiet = Run(_request(tmp_path, "v30.yaml", folders={"ts": tmp_path / "ts"}))
    assert quiet.err.splitlines()[0].endswith(
        "notice: OpenAPI 3.0.3 upgraded in memory to 3.1.0: 7 schema keyword(s) rewritten; "
        "the file is unchanged"
    )
    assert "(7 more notice(s) of rewritten keywords: --verbose lists them)" in quiet.err
    loud = Run(_request(tmp_path, "v30.yaml", folders={"ts": tmp_path / "ts"}, verbose=True))
    assert loud.err.count(": notice: ") == 8 and "timings: load " in loud.err and "emit ts " in loud.err


@pytest.mark.parametrize(
    ("request_kw", "message"),
    [
        ({"folders": {}}, "name at least one target: --go DIR, --ts DIR and/or --python DIR"),
        ({"folders": {"go": "GO"}, "go_module": None}, "no go.mod in it or above it: pass --go-module PATH"),
        ({"folders": {"ts": "TS"}, "go_module": "x.com/y"}, "--go-module applies to the Go target only"),
        (
            {"folders": {"go": "GO"}, "go_package": "func"},
            "--go-package 'func' is not a usable Go package name",
        ),
        ({"folders": {"go": "SAME", "ts": "SAME"}}, "two targets share one folder"),
    ],
)
def test_bad_options_are_one_line_errors(tmp_path: Path, request_kw: dict[str, object], message: str) -> None:
    folders = request_kw.get("folders", {})
    assert isinstance(folders, dict)
    request_kw["folders"] = {k: tmp_path / v for k, v in folders.items()}
    run = Run(_request(tmp_path, "shop.yaml", **request_kw))
    assert run.code == 2 and run.err.count("\n") == 1
    assert run.err.startswith("migrate: error: ") and message in run.err


def test_the_command_is_registered_and_parses_its_options(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["codegen", str(SPECS / "shop.yaml")])
    assert result.exit_code == 2
    assert "name at least one target" in result.output
    result = CliRunner().invoke(app, ["codegen", "--help"])
    for option in ("--go", "--ts", "--python", "--go-module", "--go-package", "--check", "--strict"):
        assert option in result.output


@pytest.mark.slow
def test_what_the_command_writes_compiles(tmp_path: Path) -> None:
    """The real command and emitters: Go builds, vets and is gofmt-clean, standalone and inside a
    host module; TS passes tsc --strict; the Python models load."""
    require_tool(shutil.which("go") is not None, "go")
    args = [sys.executable, "-m", "migrator", "codegen", str(SPECS / "shop.yaml"), "--go", "go"]
    args += ["--go-module", "example.com/shop", "--ts", "ts", "--python", "python"]
    done = subprocess.run(args, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "go: wrote" in done.stdout and "ts: wrote" in done.stdout and "python: wrote" in done.stdout
    go = tmp_path / "go"
    for command in (["go", "build", "./..."], ["go", "vet", "./..."], ["gofmt", "-l", "."]):
        ran = subprocess.run(command, cwd=go, capture_output=True, text=True, check=False)
        assert (ran.returncode, ran.stdout) == (0, ""), f"{' '.join(command)}: {ran.stdout}{ran.stderr}"
    tsc = [str(TSC), "--strict", "--noEmit", "--target", "es2020", "--module", "esnext"]
    ran = subprocess.run([*tsc, *sorted((tmp_path / "ts").rglob("*.ts"))], capture_output=True, text=True)
    assert ran.returncode == 0, ran.stdout
    load = "import runpy, sys\nfor f in sys.argv[1:]: runpy.run_path(f)"
    models = sorted((tmp_path / "python").rglob("*.py"))
    ran = subprocess.run([sys.executable, "-c", load, *models], capture_output=True, text=True, check=False)
    assert ran.returncode == 0, ran.stderr
    # The same spec into a folder of an existing module: no go.mod of ours, imports under the module.
    service = tmp_path / "svc"
    (service / "internal").mkdir(parents=True)
    module = (go / "go.mod").read_text().replace("module example.com/shop", "module example.com/svc")
    (service / "go.mod").write_text(module)
    shutil.copy(go / "go.sum", service / "go.sum")
    args = [sys.executable, "-m", "migrator", "codegen", str(SPECS / "shop.yaml"), "--go", "internal/api"]
    done = subprocess.run(args, cwd=service, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert not (service / "internal" / "api" / "go.mod").exists()
    main = service / "internal" / "api" / "cmd" / "lambda" / "main.go"
    assert '"example.com/svc/internal/api"' in main.read_text()
    for command in (["go", "build", "./..."], ["go", "vet", "./..."]):
        ran = subprocess.run(command, cwd=service, capture_output=True, text=True, check=False)
        assert ran.returncode == 0, f"{' '.join(command)} in a host module: {ran.stdout}{ran.stderr}"


@pytest.mark.parametrize("target", ["ts", "go"])
def test_a_symlink_loop_as_the_target_folder_is_a_one_line_error(tmp_path: Path, target: str) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to("loop")
    run = Run(_request(tmp_path, folders={target: loop}))
    assert run.code == 2 and run.err.count("\n") == 1, run.err
    assert run.err.startswith("migrate: error: ") and str(loop) in run.err


def test_the_spinner_runs_no_thread_while_children_are_forked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[int] = []
    real_fork = os.fork

    def fork() -> int:
        threads.append(threading.active_count())
        return real_fork()

    monkeypatch.setattr(os, "fork", fork)
    err = io.StringIO()
    terminal = Console(file=err, force_terminal=True, width=200)
    before = threading.active_count()  # other tests' session fixtures (a moto server's readers) may run
    code = run(_request(tmp_path), Console(file=io.StringIO()), terminal, FakeEmitter)
    assert code == 0, err.getvalue()
    assert threads and threads == [before] * len(threads)
    assert "codegen: " in err.getvalue()  # the spinner did show the stages


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except FileNotFoundError:
        return []


def _big_enum_spec(tmp_path: Path) -> Path:
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "big", "version": "1"},
        "paths": {},
        "components": {"schemas": {"Big": {"type": "string", "enum": [f"v{i}" for i in range(60_000)]}}},
    }
    path = tmp_path / "big.json"
    path.write_text(json.dumps(spec))
    return path


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads children from /proc")
@pytest.mark.parametrize("how", ["ctrl-c", "sigterm"])
def test_interrupting_several_targets_ends_every_process(tmp_path: Path, how: str) -> None:
    """Ctrl-C reaches the whole process group; SIGTERM only `migrate`: either way every process ends."""
    args = [sys.executable, "-m", "migrator", "codegen", str(_big_enum_spec(tmp_path))]
    args += ["--go", "go", "--go-module", "example.com/big", "--ts", "ts", "--python", "py"]
    restore = "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
    restore += "os.execv(sys.argv[1], sys.argv[1:])"
    proc = subprocess.Popen(
        [sys.executable, "-c", restore, *args],  # a background job may start with SIGINT ignored
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while not _children(proc.pid) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    children = _children(proc.pid)
    assert children, "codegen finished or never forked before it could be interrupted"
    if how == "ctrl-c":
        os.killpg(proc.pid, signal.SIGINT)
    else:
        os.kill(proc.pid, signal.SIGTERM)
    _, err = proc.communicate(timeout=30)  # a deadlock fails here
    assert b"Traceback" not in err
    end = time.monotonic() + 10
    while any(Path(f"/proc/{c}").exists() and "Z" not in _state(c) for c in children):
        assert time.monotonic() < end, "a forked child outlived the interrupted command"
        time.sleep(0.1)
    assert not (tmp_path / "go").exists()  # nothing half-written


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return "Z"


class BrokenEmitter(FakeEmitter):
    """A target whose emitter fails (as `--python` does on a spec without schemas)."""

    def emit(self, source: EmitInput) -> tuple[GeneratedFile, ...]:
        raise CodegenError("cannot generate this target")


def test_check_with_a_target_that_cannot_be_generated_exits_2_even_beside_drift(tmp_path: Path) -> None:
    # Exit 1 means "drift found"; a --check that could not check every target could not run (2).
    assert Run(_request(tmp_path, folders={"go": tmp_path / "go"})).code == 0
    types = tmp_path / "go" / "types.gen.go"
    types.write_text(types.read_text() + "// hand edit\n")

    def emitter(name: str) -> Emitter:
        return FakeEmitter(name) if name == "go" else BrokenEmitter(name)

    out, err = io.StringIO(), io.StringIO()
    request = _request(tmp_path, check=True)
    code = run(request, Console(file=out, width=200), Console(file=err, width=200), emitter)
    assert "drift: 1 generated file(s) differ from disk" in err.getvalue()
    assert "migrate: error: the ts target was not generated: cannot generate this target" in err.getvalue()
    assert code == 2
