"""End-to-end cases: run the real `migrate` command and compare with committed output.

Each folder under testdata/<command>/ holds `exec.json` and the expected output:

- `args`: the command line; `{case}` is the case folder relative to the repository root (commands
  run from there) and `{out}` a fresh empty folder for the case to write into.
- `exit_code` (default 0); `stdout`: "json" (compare `stdout.json` as JSON) or "text" (`stdout.txt`);
  `stderr_contains`: needles; `stderr.txt`, when committed, is compared whole.
- stub cases are held to their `expected/` tree like codegen cases (exit 1, partial modules, writes
  too), and every Go module written
  must `go build` and `go vet` offline (GOPROXY=off, -mod=readonly).
- codegen cases also have: `setup`, command lines run first (each must exit 0); `edits`, applied to
  `{out}` after setup as {path: {"append": text} | {"write": text} | {"delete": true}}; and
  `expected/`, the committed tree `{out}` must equal after the run. A run that exits non-zero or
  passes `--check` must leave `{out}` exactly as it found it.

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

from tests.conftest import REPO

TESTDATA = Path(__file__).parent / "testdata"
UPDATE = os.environ.get("MIGRATE_UPDATE_GOLDEN") == "1"
CASES = sorted(p for p in TESTDATA.glob("*/*") if (p / "exec.json").is_file())


def _command(case: Path, args: list[str], out: Path) -> subprocess.CompletedProcess[str]:
    fill = {"case": case.relative_to(REPO).as_posix(), "out": out.as_posix()}
    env = {**os.environ, "COLUMNS": "160", "NO_COLOR": "1", "TERM": "dumb"}
    return subprocess.run(
        [sys.executable, "-m", "migrator", *[str(a).format(**fill) for a in args]],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


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
    if spec.get("exit_code", 0) not in writes or "--check" in spec["args"]:
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
    before = _tree(out)
    proc = _command(case, spec["args"], out)
    stdout, stderr = _scrub(proc.stdout, out), _scrub(proc.stderr, out)
    assert proc.returncode == spec.get("exit_code", 0), proc.stderr
    json_out, text_out, err_out = case / "stdout.json", case / "stdout.txt", case / "stderr.txt"
    codegen = case.parent.name in ("codegen", "stub")
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
