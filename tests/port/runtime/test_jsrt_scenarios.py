"""Whole programs (exceptions, classes, promises, collections, JSON, dates, regexps) agree with node,
and the jsrt package is vet- and gofmt-clean as port copies it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from .harness import UNDEFINED, Case, Pair

SCENARIOS = [
    "tryCatchFinally", "errorSubclass", "errorEnumeration", "errorWithoutName", "builtinErrors",
    "readUndefined", "thrownString",
    "promises", "mapsAndSets", "spreadAndKeys", "frozen", "jsonSpecials", "numbersFormatting", "dates",
    "regexpExec", "globals", "typeofAndCoercion",
]  # fmt: skip


@pytest.mark.parametrize("name", SCENARIOS)
def test_scenario_matches_node(pair: Pair, name: str) -> None:
    pair.check([Case("scenario", (name,))], messages=True)


def test_go_vet_and_gofmt_clean(driver_module: Path) -> None:
    vet = subprocess.run(["go", "vet", "./..."], cwd=driver_module, capture_output=True, text=True)
    assert vet.returncode == 0, vet.stderr
    fmt = subprocess.run(["gofmt", "-l", "."], cwd=driver_module, capture_output=True, text=True, check=True)
    assert fmt.stdout == "", f"not gofmt-clean: {fmt.stdout}"


def test_uuid_is_version_4(pair: Pair) -> None:
    answers = pair.go.run([Case("uuid", ()).wire() for _ in range(50)])
    uuids = {bytes(a["ok"]["v"]).decode() for a in answers}
    assert len(uuids) == 50
    for u in uuids:
        assert len(u) == 36 and u[14] == "4" and u[19] in "89ab", u


FORMAT_CASES: list[tuple[object, ...]] = [
    ("a", 1, {"k": "v"}),
    ("x", [1, 2.5, "s"], None, UNDEFINED, True),
    ({"a": [], "b": {}},),
    ("multi word", -1, 1e21),
]


def test_console_format_matches_node(pair: Pair) -> None:
    pair.check([Case("format", args) for args in FORMAT_CASES], messages=True)


def test_console_writes_to_the_realms_slog_logger(pair: Pair) -> None:
    cases = [Case("console", (m, "hello", 1, {"k": "v"})) for m in ("log", "info", "warn", "error", "debug")]
    lines = [bytes(a["ok"]["v"]).decode() for a in pair.go.run([c.wire() for c in cases])]
    for line, level in zip(lines, ("INFO", "INFO", "WARN", "ERROR", "DEBUG"), strict=True):
        assert f"level={level}" in line and "msg=\"hello 1 { k: 'v' }\"" in line, line


def test_try_never_swallows_go_runtime_panics(pair: Pair) -> None:
    (answer,) = pair.go.run([Case("goPanic", ()).wire()])
    flags = [x["v"] for x in answer["ok"]["v"]]
    assert flags == [True, True, False], "runtime.Error re-panicked, finally ran, catch did not"
