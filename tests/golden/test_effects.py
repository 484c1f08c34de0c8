"""Side effects compared: a real Node handler and a real Go port writing to DynamoDB, S3 and SQS on
their own fresh moto states; planted divergences are caught with their category and path."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from golden.awssetup import load_setup
from golden.cases import Case
from golden.effects import MotoEffects
from golden.function import FunctionConfig
from golden.go import GoRunner
from golden.gobuild import build_go_handler
from golden.node import NodeRunner
from tests.conftest import REPO
from tests.golden.conftest import FIXTURES

pytestmark = pytest.mark.slow

NODE_EFFECTS = FIXTURES / "node" / "effects"
GO_EFFECTS = FIXTURES / "go" / "effects"
SETUP = NODE_EFFECTS / "aws-setup.json"
CASE = Case("order.json", {"id": "42", "total": 12.5}, "order.json", None)
ORDER = "/effects/dynamodb/orders/42"

PLANTED = {
    "faithful": set(),
    "ddb-value": {("side-effect-value", f"{ORDER}/status")},
    "ddb-extra": {("side-effect-extra", f"{ORDER}/debug")},
    "ddb-missing": {("side-effect-missing", f"{ORDER}/total")},
    "s3-metadata": {("side-effect-value", "/effects/s3/receipts/42.json/metadata/source")},
    "s3-extra-object": {("side-effect-extra", "/effects/s3/receipts/42.bak")},
    "sqs-missing": {("side-effect-missing", "/effects/sqs/shipments/0")},
    "sqs-value": {("side-effect-value", "/effects/sqs/shipments/0/body/kind")},
}


@pytest.fixture(scope="module")
def probe() -> Iterator[MotoEffects]:
    with MotoEffects(load_setup(SETUP), "us-east-1") as effects:
        yield effects


@pytest.fixture(scope="module")
def go_effects(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_go_handler(GO_EFFECTS, tmp_path_factory.mktemp("effects"), env={"GOFLAGS": "-mod=mod"})


@pytest.fixture(scope="module")
def node_runner(probe: MotoEffects) -> Iterator[NodeRunner]:
    with NodeRunner(NODE_EFFECTS, "index.handler", FunctionConfig(timeout_s=10), env=probe.env("node")) as r:
        yield r


@pytest.mark.parametrize("variant", list(PLANTED))
def test_planted_side_effect_is_caught_with_its_category(
    variant: str, probe: MotoEffects, go_effects: Path, node_runner: NodeRunner
) -> None:
    from golden.session import run_golden

    env = {**probe.env("go"), "EFFECTS_VARIANT": variant}
    with GoRunner(go_effects, FunctionConfig(timeout_s=10), task_root=GO_EFFECTS, env=env) as go_runner:
        report = run_golden([CASE], node_runner, go_runner, runs=0, effects=probe)
    (case,) = report.cases
    assert case.error is None
    assert {(d.category, d.path) for d in case.differences} == PLANTED[variant]
    assert case.verdict == ("pass" if variant == "faithful" else "fail")
    assert f"{ORDER}/at" in {n.path for n in case.noise}  # Date.now() differs between the Node runs


def test_the_cli_compares_side_effects_by_default(tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    cases.mkdir()
    (cases / "order.json").write_text(json.dumps(CASE.event))
    (cases / "migrate.toml").write_text(f'[golden]\naws-setup = "{SETUP}"\n')
    env_file = tmp_path / "variant.env"
    env_file.write_text("EFFECTS_VARIANT=sqs-missing\n")
    argv = [sys.executable, "-m", "migrator", "golden", "--node", str(NODE_EFFECTS / "index.js")]
    argv += ["--go", str(GO_EFFECTS), "--cases", str(cases), "--runs", "0", "--format", "json"]
    caught = subprocess.run([*argv, "--env-file", str(env_file)], cwd=REPO, capture_output=True, text=True)
    assert caught.returncode == 1, caught.stderr
    (case,) = json.loads(caught.stdout)["cases"]
    assert [d["category"] for d in case["differences"]] == ["side-effect-missing"]
    off = subprocess.run(
        [*argv, "--env-file", str(env_file), "--effects", "off"], cwd=REPO, capture_output=True
    )
    assert off.returncode == 0  # the outputs agree: only the side effects tell the ports apart
