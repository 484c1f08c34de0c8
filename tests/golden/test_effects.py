"""Side effects compared: a real Node handler and a real Go port writing to DynamoDB, S3, SQS, SNS,
EventBridge, Kinesis, Step Functions and SES on their own fresh moto states; planted divergences are
caught with their category and path."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from golden.aws.effects import MotoEffects, SideName
from golden.aws.effects_bounds import MAX_BODY_BYTES, MAX_ENTRIES, MAX_MESSAGES, MORE
from golden.aws.setup import load_setup
from golden.cases.files import Case
from golden.errors import GoldenError
from golden.outcome import Json
from golden.runners.go import GoRunner
from golden.runners.gobuild import build_go_handler
from golden.runners.node import NodeRunner
from golden.sides.function import FunctionFacts
from tests.conftest import REPO
from tests.golden.conftest import FIXTURES

pytestmark = pytest.mark.slow

NODE_EFFECTS = FIXTURES / "node" / "effects"
GO_EFFECTS = FIXTURES / "go" / "effects"
SETUP = NODE_EFFECTS / "aws-setup.json"
CASE = Case("order.json", {"id": "42", "total": 12.5}, "order.json", None)
ORDER = "/effects/dynamodb/orders/42"
PUBLISHED = "/effects/sns/order-events/0"
EVENT = "/effects/eventbridge/orders/0"
STREAM = "/effects/kinesis/order-stream"
EXECUTIONS = "/effects/stepfunctions/fulfil"

PLANTED = {
    "faithful": set(),
    "ddb-value": {("side-effect-value", f"{ORDER}/status")},
    "ddb-extra": {("side-effect-extra", f"{ORDER}/debug")},
    "ddb-missing": {("side-effect-missing", f"{ORDER}/total")},
    "s3-metadata": {("side-effect-value", "/effects/s3/receipts/42.json/metadata/source")},
    "s3-extra-object": {("side-effect-extra", "/effects/s3/receipts/42.bak")},
    "sqs-missing": {("side-effect-missing", "/effects/sqs/shipments/0")},
    "sqs-value": {("side-effect-value", "/effects/sqs/shipments/0/body/kind")},
    "sns-missing": {("side-effect-missing", PUBLISHED)},
    "sns-attribute": {("side-effect-value", f"{PUBLISHED}/attributes/kind")},
    "sns-body": {("side-effect-value", f"{PUBLISHED}/message/total")},
    "events-extra": {("side-effect-extra", "/effects/eventbridge/default/0")},
    "events-value": {("side-effect-value", f"{EVENT}/detail/status")},
    "kinesis-missing": {("side-effect-missing", f"{STREAM}/order-42")},
    "kinesis-order": {
        ("side-effect-value", f"{STREAM}/audit-42/0/step"),
        ("side-effect-value", f"{STREAM}/audit-42/1/step"),
    },
    "sfn-input": {("side-effect-value", f"{EXECUTIONS}/0/input/total")},
    "sfn-extra": {("side-effect-extra", f"{EXECUTIONS}/1")},
    "ses-subject": {("side-effect-value", "/effects/ses/email/0/subject")},
    "ses-recipient": {("side-effect-value", "/effects/ses/email/0/destinations/ToAddresses/0")},
    "ses-raw-missing": {("side-effect-missing", "/effects/ses/raw/0")},
}


@pytest.fixture(scope="module")
def probe() -> Iterator[MotoEffects]:
    with MotoEffects(load_setup(SETUP), "us-east-1") as effects:
        yield effects


@pytest.fixture(scope="module")
def go_effects(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_go_handler(GO_EFFECTS, tmp_path_factory.mktemp("effects"), env={"GOFLAGS": "-mod=readonly"})


@pytest.fixture(scope="module")
def node_runner(probe: MotoEffects) -> Iterator[NodeRunner]:
    with NodeRunner(NODE_EFFECTS, "index.handler", FunctionFacts(timeout_s=10), env=probe.env("node")) as r:
        yield r


@pytest.mark.parametrize("variant", list(PLANTED))
def test_planted_side_effect_is_caught_with_its_category(
    variant: str, probe: MotoEffects, go_effects: Path, node_runner: NodeRunner
) -> None:
    from golden.session import run_golden

    env = {**probe.env("go"), "EFFECTS_VARIANT": variant}
    with GoRunner(go_effects, FunctionFacts(timeout_s=10), task_root=GO_EFFECTS, env=env) as go_runner:
        report = run_golden([CASE], node_runner, go_runner, runs=0, effects=probe)
    (case,) = report.cases
    assert case.error is None
    assert {(d.category, d.path) for d in case.differences} == PLANTED[variant]
    assert case.verdict == ("pass" if variant == "faithful" else "fail")
    noisy = {n.path for n in case.noise}
    assert f"{ORDER}/at" in noisy  # Date.now() differs between the Node runs
    assert f"{EVENT}/time" in noisy  # moto stamps the event's time when the handler gives none
    assert f"{EXECUTIONS}/0/name" in noisy  # a name left to AWS is a generated id


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


def _write_many(probe: MotoEffects, side: SideName, order: list[int], big: bytes) -> None:
    """More SNS publishes and DynamoDB items than a snapshot keeps, 20 events and a large S3 object."""
    sns, events = probe.client(side, "sns"), probe.client(side, "events")
    topic = sns.create_topic(Name="order-events")["TopicArn"]  # made by the setup: the same topic
    for n in order:
        sns.publish(TopicArn=topic, Message=json.dumps({"n": n}))
    ticks = [n for n in order if n < 20]  # the same 20 events on both sides, in the side's order
    for start in (0, 10):
        entry = {"EventBusName": "orders", "Source": "shop.orders", "DetailType": "Tick"}
        batch = [{**entry, "Detail": json.dumps({"n": n})} for n in ticks[start : start + 10]]
        assert events.put_events(Entries=batch)["FailedEntryCount"] == 0
    table = probe.client(side, "dynamodb")
    items = [{"PutRequest": {"Item": {"id": {"S": f"{n:05d}"}}}} for n in range(MAX_ENTRIES + 3)]
    for start in range(0, len(items), 25):
        table.batch_write_item(RequestItems={"orders": items[start : start + 25]})
    probe.client(side, "s3").put_object(Bucket="receipts", Key="big.bin", Body=big)


def _timeless(events: Json) -> list[Json]:
    """Events without the time moto stamped on them."""
    assert isinstance(events, list)
    return [{k: v for k, v in e.items() if k != "time"} for e in events if isinstance(e, dict)]


def test_snapshots_are_bounded_and_the_same_whatever_the_write_order(probe: MotoEffects) -> None:
    many = list(range(MAX_MESSAGES + 5))
    big = b"x" * (MAX_BODY_BYTES + 1)
    sides: tuple[tuple[SideName, list[int], bytes], ...] = (
        ("node", many, big),
        ("go", many[::-1], big + b"y"),
    )
    for side, order, body in sides:
        probe.fresh(side)
        _write_many(probe, side, order, body)
    node: Any = probe.snapshot("node")  # plain JSON, walked by key below
    go: Any = probe.snapshot("go")
    published = node["sns"]["order-events"]
    assert len(published) == MAX_MESSAGES + 1
    assert published[-1] == f"golden: 5 more messages not kept (cap {MAX_MESSAGES})"
    assert node["sns"] == go["sns"]  # the write order does not matter
    node_events, go_events = (_timeless(s["eventbridge"]["orders"]) for s in (node, go))
    assert node_events == go_events and len(node_events) == 20 and node["eventbridge"]["default"] == []
    table = node["dynamodb"]["orders"]
    assert len(table) == MAX_ENTRIES + 1 and table[MORE] == f"3 more entries not read (cap {MAX_ENTRIES})"
    kept = node["s3"]["receipts"]["big.bin"]["body"]
    assert kept.startswith("sha256:") and f"({MAX_BODY_BYTES + 1} bytes;" in kept
    assert go["s3"]["receipts"]["big.bin"]["body"] != kept  # one byte more: another digest


def test_an_aws_setup_archive_in_the_capture_s_way_is_one_line(tmp_path: Path) -> None:
    bus = "arn:aws:events:us-east-1:123456789012:event-bus/default"
    params = {"ArchiveName": "golden-capture-default", "EventSourceArn": bus}
    setup = tmp_path / "aws-setup.json"
    call = {"service": "events", "operation": "CreateArchive", "params": params}
    setup.write_text(json.dumps({"calls": [call]}))
    made = load_setup(setup)
    with (
        pytest.raises(GoldenError, match="capture 'golden-capture-default' on bus 'default' not made"),
        MotoEffects(made, "us-east-1"),
    ):
        pass
