"""Property tests: truncated or mutated handlers and configs never crash the scanner."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from migrator.scan.engine import ScanOptions, scan
from migrator.scan.project import INTERNAL_ERROR
from tests.conftest import FLEET

#: Files whose corruption the scanner must survive: handlers, serverless.yml, templates.
TARGETS = sorted(
    p.relative_to(FLEET)
    for p in FLEET.rglob("*")
    if p.is_file()
    and "node_modules" not in p.parts
    and (
        p.suffix in {".js", ".mjs", ".cjs", ".ts"}
        or p.name in {"serverless.yml", "template.yaml", "package.json"}
    )
)


@st.composite
def corruption(draw: st.DrawFn) -> tuple[Path, bytes]:
    target = draw(st.sampled_from(TARGETS))
    data = bytearray((FLEET / target).read_bytes())
    action = draw(st.sampled_from(["truncate", "flip", "insert", "delete"]))
    if not data:
        return target, bytes(data)
    position = draw(st.integers(0, len(data) - 1))
    if action == "truncate":
        data = data[:position]
    elif action == "flip":
        for _ in range(draw(st.integers(1, 8))):
            index = draw(st.integers(0, len(data) - 1))
            data[index] = draw(st.integers(0, 255))
    elif action == "insert":
        data[position:position] = draw(st.binary(min_size=1, max_size=16))
    else:
        data[position : position + draw(st.integers(1, 64))] = b""
    return target, bytes(data)


def test_targets_cover_every_kind_of_input() -> None:
    names = {t.name for t in TARGETS} | {t.suffix for t in TARGETS}
    assert {"serverless.yml", "template.yaml", ".js", ".ts", ".mjs", ".cjs"} <= names


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(corruption())
def test_corrupted_inputs_yield_problems_not_crashes(
    tmp_path_factory: pytest.TempPathFactory, case: tuple[Path, bytes]
) -> None:
    target, data = case
    root = tmp_path_factory.mktemp("fleet")
    shutil.copytree(FLEET, root, dirs_exist_ok=True, ignore=shutil.ignore_patterns("node_modules"))
    (root / target).write_bytes(data)
    report = scan(root, ScanOptions(jobs=1))
    assert report.functions  # the rest of the fleet is still scanned
    for fn in report.functions:
        assert 0 <= fn.readiness <= 100
    for problem in report.errors:
        assert problem.file and problem.message
        assert INTERNAL_ERROR not in problem.message, problem.message
