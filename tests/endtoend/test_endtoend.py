"""End-to-end cases: run the real `migrate` command and compare with committed output.

Each folder under testdata/<command>/ holds `exec.json` and the expected output:

- `args`: the command line; `{case}` is the case folder relative to the repository root (commands
  run from there) and `{out}` a fresh empty folder for the case to write into.
- `exit_code` (default 0); `stdout`: "json" (compare `stdout.json` as JSON) or "text" (`stdout.txt`);
  `stderr_contains`: needles; `stderr.txt`, when committed, is compared whole.
- `stderr_excludes`: text that must not appear in stderr (a secret a hostile spec tried to read).
- `timeout`: seconds the run may take (default 300); `copy`: a folder of the case copied into
  `{out}` first; `fifos`: paths under `{out}` made FIFOs and `symlinks`: {path under `{out}`:
  target}, made after the copy (hostile input that git cannot hold).
- stub cases are held to their `expected/` tree like codegen cases (exit 1, partial modules, writes
  too), and every Go module written
  must `go build` and `go vet` offline (GOPROXY=off, -mod=readonly).
- codegen cases also have: `setup`, command lines run first (each must exit 0); `edits`, applied to
  `{out}` after setup as {path: {"append": text} | {"write": text} | {"delete": true}}; and
  `expected/`, the committed tree `{out}` must equal after the run. A run that exits non-zero or
  passes `--check` must leave `{out}` exactly as it found it, unless `partial` is true (one target
  failed, the others were written); `compiles: false` exempts a case's expected tree (hand edits)
  from the compile checks below.

The committed expected Go of every codegen case is built and vetted (`go build`, `go vet`, `gofmt -l`,
one module per test, sharing Go's build cache), and every expected `.ts` file of all cases goes
through one `tsc --strict --noEmit` run.

In stdout and stderr, `{out}` and `{repo}` stand for those folders. Regenerate after an intended
change, then review the diff:

    MIGRATE_UPDATE_GOLDEN=1 python -m pytest tests/endtoend
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, require_tool

TESTDATA = Path(__file__).parent / "testdata"
UPDATE = os.environ.get("MIGRATE_UPDATE_GOLDEN") == "1"
CASES = sorted(p for p in TESTDATA.glob("*/*") if (p / "exec.json").is_file())


def _command(
    case: Path, args: list[str], out: Path, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    fill = {"case": case.relative_to(REPO).as_posix(), "out": out.as_posix()}
    env = {**os.environ, "COLUMNS": "160", "NO_COLOR": "1", "TERM": "dumb"}
    return subprocess.run(
        [sys.executable, "-m", "migrator", *[str(a).format(**fill) for a in args]],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def _prepare(case: Path, out: Path, spec: dict[str, Any]) -> None:
    """Copy the case's input into `{out}` and make the FIFOs and symlinks it asks for."""
    if "copy" in spec:
        shutil.copytree(case / spec["copy"], out / spec["copy"], symlinks=True)
    for rel in spec.get("fifos", []):
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(out / rel)
    for rel, target in spec.get("symlinks", {}).items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).symlink_to(target)


def _scrub(text: str, out: Path) -> str:
    return text.replace(out.as_posix(), "{out}").replace(REPO.as_posix(), "{repo}")


def _tree(root: Path) -> dict[str, str]:
    """Relative path → text of every file under `root` (empty when it does not exist)."""
    if not root.is_dir():
        return {}
    return {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def _edit(out: Path, edits: dict[str, dict[str, Any]]) -> None:
    for rel, edit in edits.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if edit.get("delete"):
            path.unlink()
        elif "append" in edit:
            path.write_text(path.read_text(encoding="utf-8") + edit["append"], encoding="utf-8")
        else:
            path.write_text(edit["write"], encoding="utf-8")


def _compare_tree(case: Path, out: Path, before: dict[str, str], spec: dict[str, Any]) -> None:
    after = _tree(out)
    writes = (0, 1) if case.parent.name == "stub" else (0,)  # stub's exit 1: partial modules written
    if (spec.get("exit_code", 0) not in writes and not spec.get("partial")) or "--check" in spec["args"]:
        assert after == before, "the run changed files it must not touch"
        return
    expected = case / "expected"
    if UPDATE:
        shutil.rmtree(expected, ignore_errors=True)
        shutil.copytree(out, expected, ignore=shutil.ignore_patterns("__pycache__"))
    want = _tree(expected)
    assert sorted(after) == sorted(want), "files written differ from the committed expected/ tree"
    for rel, text in want.items():
        assert after[rel] == text, f"{rel} differs from expected/{rel}"


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.name}" for c in CASES])
def test_case(case: Path, tmp_path: Path) -> None:
    spec = json.loads((case / "exec.json").read_text())
    out = tmp_path / "out"
    out.mkdir()
    for setup in spec.get("setup", []):
        done = _command(case, setup, out)
        assert done.returncode == 0, done.stderr
    _edit(out, spec.get("edits", {}))
    _prepare(case, out, spec)
    codegen = case.parent.name in ("codegen", "stub")
    before = _tree(out) if codegen else {}
    proc = _command(case, spec["args"], out, spec.get("timeout", 300))
    stdout, stderr = _scrub(proc.stdout, out), _scrub(proc.stderr, out)
    assert proc.returncode == spec.get("exit_code", 0), proc.stderr
    json_out, text_out, err_out = case / "stdout.json", case / "stdout.txt", case / "stderr.txt"
    if UPDATE:
        if spec.get("stdout", "json") == "json":
            json_out.write_text(json.dumps(json.loads(stdout), indent=2, ensure_ascii=False) + "\n")
        else:
            text_out.write_text(stdout)
        if codegen or ("stderr_contains" not in spec and stderr.strip() and spec.get("exit_code", 0)):
            if stderr:
                err_out.write_text(stderr)
            else:
                err_out.unlink(missing_ok=True)
    if json_out.is_file():
        assert json.loads(stdout) == json.loads(json_out.read_text())
    elif text_out.is_file():
        assert stdout == text_out.read_text()
    else:
        pytest.fail(f"{case}: no stdout.json or stdout.txt; run with MIGRATE_UPDATE_GOLDEN=1")
    if err_out.is_file():
        assert stderr == err_out.read_text()
    for needle in spec.get("stderr_contains", []):
        assert needle in stderr
    for needle in spec.get("stderr_excludes", []):
        assert needle not in stderr and needle not in stdout
    if codegen:
        _compare_tree(case, out, before, spec)
    if case.parent.name == "stub" and proc.returncode in (0, 1) and "--check" not in spec["args"]:
        _build_go_modules(out)


def _build_go_modules(out: Path) -> None:
    """Every module the run wrote builds and vets from the module cache alone."""
    env = {**os.environ, "GOFLAGS": "-mod=readonly", "GOPROXY": "off", "GOTOOLCHAIN": "local"}
    for go_mod in sorted(out.rglob("go.mod")):
        for argv in (["go", "build", "-o", os.devnull, "./..."], ["go", "vet", "./..."]):
            done = subprocess.run(
                argv, cwd=go_mod.parent, env=env, capture_output=True, text=True, timeout=600
            )
            assert done.returncode == 0, f"{' '.join(argv)} in {go_mod.parent}: {done.stderr}"


def test_cases_exist() -> None:
    assert len(CASES) >= 3, "the end-to-end walker found no cases"
    assert any(c.parent.name == "codegen" for c in CASES), "no codegen cases"


CODEGEN = TESTDATA / "codegen"


def _case_of(path: Path) -> Path:
    return CODEGEN / path.relative_to(CODEGEN).parts[0]


def _compiles(case: Path) -> bool:
    """False for cases whose expected tree holds hand edits that do not compile (`compiles`: false)."""
    return json.loads((case / "exec.json").read_text()).get("compiles", True) is not False


GO_MODULES = sorted(m.parent for m in CODEGEN.glob("*/expected/**/go.mod") if _compiles(_case_of(m)))
TSC = REPO / "tests" / "tools" / "node_modules" / ".bin" / "tsc"


@pytest.mark.parametrize("module", GO_MODULES, ids=[m.relative_to(CODEGEN).as_posix() for m in GO_MODULES])
def test_expected_go_builds_and_vets(module: Path, tmp_path: Path) -> None:
    """The committed Go is what users get: it must compile, vet clean and be gofmt-clean. Built in a
    copy, so that a host module without our requirements (inside-module) may add them."""
    require_tool(shutil.which("go") is not None, "go")
    copy = tmp_path / "module"
    shutil.copytree(module, copy)
    # A module codegen wrote (it has requirements) must build as users build it, go.mod and go.sum
    # untouched; only a user's host module without them (inside-module) may have them added.
    own = "\nrequire" in (module / "go.mod").read_text()
    env = {**os.environ, "GOFLAGS": "-mod=readonly" if own else "-mod=mod", "CGO_ENABLED": "0"}
    for command in (["go", "build", "./..."], ["go", "vet", "./..."], ["gofmt", "-l", "."]):
        ran = subprocess.run(command, cwd=copy, env=env, capture_output=True, text=True, timeout=600)
        assert (ran.returncode, ran.stdout) == (0, ""), f"{' '.join(command)}: {ran.stdout}{ran.stderr}"


def test_expected_ts_type_checks() -> None:
    """Every committed `.ts` file of every codegen case, in one tsc --strict run."""
    require_tool(TSC.exists(), "tsc (npm ci --prefix tests/tools)")
    files = sorted(str(p) for p in CODEGEN.glob("*/expected/**/*.ts") if _compiles(_case_of(p)))
    assert files, "no expected TypeScript to check"
    options = ["--strict", "--noEmit", "--target", "es2020", "--module", "esnext", "--skipLibCheck"]
    ran = subprocess.run([str(TSC), *options, *files], capture_output=True, text=True, timeout=600)
    assert ran.returncode == 0, ran.stdout + ran.stderr
