"""Every registered format of the final record and of `emit` renders real output, and the CLI offers
exactly the registered names."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import hcl2
import pytest
import yaml
from rich.console import Console
from typer.testing import CliRunner

from codegen.exitcode import ExitCode
from migrator.canary.emit import emit_rollout
from migrator.canary.emit.formats import EMIT_FORMATS
from migrator.canary.emit.run import EmitRequest
from migrator.canary.emit.run import run as run_emit
from migrator.canary.formats import CANARY_FORMATS, show
from migrator.canary.interrupts import StopFlag
from migrator.canary.outcome import Result
from migrator.canary.request import CanaryRequest, GateSettings
from migrator.canary.result_table import print_table
from migrator.canary.run import execute
from migrator.cli.main import build_app
from tests.canary.conftest import World
from tests.canary.schemas import check_result
from tests.canary.test_emit import CASES, CfnLoader


def a_promotion(world: World) -> Result:
    """A real rollout on the moto server, gated by an alarm and the error rate, as `run` ends it."""
    fn = world.function()
    world.metrics(fn, "1", 200, errors=2)
    world.metrics(fn, "2", 50)
    alarm = world.alarm(f"{fn}-errors")
    gates = GateSettings(max_p99_ratio=None, min_invocations=10)
    request = CanaryRequest(fn, "live", "2", steps="10,50", interval_s=0.0, alarms=(alarm,), gates=gates)
    return execute(request, Console(file=io.StringIO()), world.backend(), StopFlag())


def _table(result: Result, text: str) -> None:
    plain = io.StringIO()
    print_table(result, Console(file=plain, width=120, color_system=None))
    assert text == plain.getvalue()  # what a pipe gets from `--format table`
    assert text.splitlines()[0] == f"{result.function}:live 1 → 2: promoted"
    assert text.count("│ alarms") == len(result.checks) == 2


def _json(result: Result, text: str) -> None:
    assert check_result(text) == json.loads(json.dumps(result.to_json()))


RESULT_CHECKS: dict[str, Callable[[Result, str], None]] = {"table": _table, "json": _json}


def test_every_final_record_format_renders_a_real_rollout(world: World) -> None:
    result = a_promotion(world)
    assert result.status == "promoted" and result.checks
    assert CANARY_FORMATS.names() == tuple(RESULT_CHECKS)  # a new format needs its check here
    for name in CANARY_FORMATS.names():
        text = CANARY_FORMATS.get(name).render(result)
        RESULT_CHECKS[name](result, text)
        shown = io.StringIO()
        show(result, name, Console(file=shown, width=120, color_system=None))
        assert shown.getvalue() == text


def _cloudformation(text: str) -> set[str]:
    return {r["Type"] for r in yaml.load(io.StringIO(text), CfnLoader)["Resources"].values()}


def _terraform(text: str) -> set[str]:
    return {kind.strip('"') for block in hcl2.loads(text)["resource"] for kind in block}


EMIT_CHECKS: dict[str, tuple[Callable[[str], set[str]], str]] = {
    "sam": (_cloudformation, "AWS::Serverless::Function"),
    "cloudformation": (_cloudformation, "AWS::CodeDeploy::DeploymentGroup"),
    "terraform": (_terraform, "aws_lambda_alias"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_emit_format_renders_and_parses(case: str) -> None:
    assert EMIT_FORMATS.names() == tuple(EMIT_CHECKS)  # a new format needs its parser here
    for name in EMIT_FORMATS.names():
        text = EMIT_FORMATS.get(name).render(CASES[case])
        parse, resource = EMIT_CHECKS[name]
        assert resource in parse(text), name
        assert text == emit_rollout(CASES[case], name)


def test_emit_prints_or_writes_the_same_text(tmp_path: Path) -> None:
    out = io.StringIO()
    request = EmitRequest(CASES["linear"], "terraform")
    assert run_emit(request, Console(file=out, width=80)) is ExitCode.OK
    assert out.getvalue() == emit_rollout(CASES["linear"], "terraform")
    target = tmp_path / "canary.tf"
    assert run_emit(EmitRequest(CASES["linear"], "terraform", target), Console(file=io.StringIO())) == 0
    assert target.read_text() == out.getvalue()


@pytest.mark.parametrize(
    ("command", "registry"), [("rollout", CANARY_FORMATS.names()), ("emit", EMIT_FORMATS.names())]
)
def test_the_cli_offers_exactly_the_registered_formats(command: str, registry: tuple[str, ...]) -> None:
    shown = CliRunner().invoke(build_app(), ["canary", command, "--help"], env={"COLUMNS": "200"})
    assert shown.exit_code == 0, shown.output
    match = re.search(r"--format\s+<([^>]+)>", shown.output)
    assert match is not None, shown.output
    assert tuple(match.group(1).split("|")) == registry
