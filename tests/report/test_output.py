"""--output replaces only regular files, atomically; file names that are not UTF-8 never crash."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from migrator.errors import ReportError
from migrator.report.output import escape_surrogates, render_text, write_atomic
from migrator.scan.engine import ScanOptions, scan
from tests.conftest import FLEET, REPO

FORMATS = ("json", "sarif", "markdown", "table")


def test_replaces_a_regular_file_and_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert target.read_text() == "new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


@pytest.mark.parametrize("kind", ["fifo", "symlink", "folder"])
def test_refuses_anything_but_a_regular_file(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "out"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "symlink":
        (tmp_path / "real").write_text("keep")
        target.symlink_to(tmp_path / "real")
    else:
        target.mkdir()
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(ReportError, match="not a regular file"):
        write_atomic(target, "x")
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    if kind == "symlink":
        assert target.is_symlink() and (tmp_path / "real").read_text() == "keep"


def test_refuses_a_device() -> None:
    with pytest.raises(ReportError, match="a device"):
        write_atomic(Path("/dev/null"), "x")


def test_a_failed_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    with pytest.raises(UnicodeEncodeError):
        write_atomic(tmp_path / "r.txt", "\udce9")  # callers escape first; still no leftovers
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def odd_names(tmp_path: Path) -> Path:
    root = tmp_path / "fleet"
    folder = os.path.join(os.fsencode(root), b"caf\xe9")
    os.makedirs(folder)
    with open(os.path.join(folder, b"package.json"), "w") as handle:
        handle.write('{"name": "cafe"}')
    with open(os.path.join(folder, b"index.js"), "w") as handle:
        handle.write("exports.handler = async () => { oops( }\n")
    return root


@pytest.mark.parametrize("fmt", FORMATS)
def test_names_that_are_not_utf8_are_escaped_in_every_format(odd_names: Path, fmt: str) -> None:
    report = scan(odd_names, ScanOptions(jobs=1))
    assert report.functions[0].file == "caf\udce9/index.js"
    text = render_text(report, fmt)
    text.encode("utf-8")  # valid UTF-8 throughout
    assert ("caf%E9/index.js" if fmt == "sarif" else "caf\\udce9/index.js") in text
    if fmt == "json":
        assert json.loads(text)["functions"][0]["file"] == "caf\udce9/index.js"  # round-trips


def test_escape_surrogates_leaves_other_text_alone() -> None:
    assert escape_surrogates("café \U0001f600 \udcff") == "café \U0001f600 \\udcff"


def test_a_full_stdout_is_exit_2_with_one_line() -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "migrator", "scan", str(FLEET), "--format", "json", "--jobs", "1"],
            cwd=REPO,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "migrate: error: cannot write the report to stdout: No space left on device"
    ]
