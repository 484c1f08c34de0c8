"""A large fleet is planned, rendered and staged by worker processes: the same modules as one
process writes, in scan order, and still all or nothing."""

from __future__ import annotations

import filecmp
import os
from pathlib import Path

import pytest

from codegen.output.write import WriteError
from migrator.scan.model import Function
from migrator.stub.fleet import PARALLEL_MIN
from migrator.stub.run import StubRequest, write_modules
from tests.stub.facts import function

_KINDS = ("sqs", "api-gateway-rest", "s3", "schedule", "sns")


def _fleet(count: int) -> tuple[Function, ...]:
    return tuple(
        function(
            name=f"fn-{i:03d}",
            file=None if i % 17 == 0 else "src/index.js",  # partial: its handler does not resolve
            events=(_KINDS[i % len(_KINDS)],),
            env=("TABLE_NAME",) if i % 2 else (),
        )
        for i in range(count)
    )


def _same_tree(a: Path, b: Path) -> bool:
    compared = filecmp.dircmp(a, b)
    if compared.left_only or compared.right_only or compared.diff_files or compared.funny_files:
        return False
    return all(_same_tree(a / sub, b / sub) for sub in compared.common_dirs)


def test_workers_write_what_one_process_writes_in_scan_order(tmp_path: Path) -> None:
    functions = _fleet(PARALLEL_MIN + 16)
    one, one_partial = write_modules(functions, tmp_path, StubRequest(tmp_path, tmp_path / "one", jobs=1))
    two, two_partial = write_modules(functions, tmp_path, StubRequest(tmp_path, tmp_path / "two", jobs=2))
    assert [w.target for w in two] == [f.name for f in functions] == [w.target for w in one]
    assert two_partial == one_partial and len(one_partial) == len(range(0, len(functions), 17))
    assert _same_tree(tmp_path / "one", tmp_path / "two")
    assert not [name for name in os.listdir(tmp_path / "two") if name.startswith(".")]  # no staging left


def test_a_module_that_cannot_be_written_leaves_nothing(tmp_path: Path) -> None:
    functions = _fleet(PARALLEL_MIN + 16)
    out = tmp_path / "out"
    out.mkdir()
    (out / functions[-3].name).write_text("a file where a module folder must go\n")
    with pytest.raises(WriteError, match=functions[-3].name):
        write_modules(functions, tmp_path, StubRequest(tmp_path, out, jobs=2))
    assert os.listdir(out) == [functions[-3].name]
