"""Side effects of runs that send AWS no request: the moto state they leave is the fresh one, so golden
neither resets nor snapshots it again; a single request (a read too) brings the full work back, and
the effects are still compared right when only one side calls AWS. Real Node handlers, real moto."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack

import pytest

from golden.aws.effects import MotoEffects, SideName
from golden.aws.setup import load_setup
from golden.cases.files import Case
from golden.config import GoldenSettings
from golden.runners.node import NodeRunner
from golden.session import GoldenReport, run_golden
from golden.sides.function import FunctionFacts
from tests.golden.conftest import FIXTURES

pytestmark = pytest.mark.slow

IDLE = FIXTURES / "node" / "idle"
SETTINGS = GoldenSettings()  # Node twice (noise), Go once: the compared runs


@pytest.fixture(scope="module")
def probe() -> Iterator[MotoEffects]:
    with MotoEffects(load_setup(IDLE / "aws-setup.json"), "us-east-1") as effects:
        yield effects


def _golden(probe: MotoEffects, node_act: str, go_act: str, count: int, first: int = 0) -> GoldenReport:
    """`count` cases on two Node runners (one per side, each on its side's moto server)."""
    cases = [Case(f"c{i}", {"id": f"order-{i}"}, "idle", None) for i in range(first, first + count)]
    acts: dict[SideName, str] = {"node": node_act, "go": go_act}
    with ExitStack() as stack:
        node, go = (
            stack.enter_context(
                NodeRunner(
                    IDLE, "index.handler", FunctionFacts(timeout_s=10), env={**probe.env(s), "ACT": acts[s]}
                )
            )
            for s in ("node", "go")
        )
        return run_golden(cases, node, go, SETTINGS, runs=1, effects=probe)


def _counts(probe: MotoEffects) -> dict[str, tuple[int | None, int]]:
    """Per side: requests served (settled) and resets."""
    return {s: (probe.server(s).settle(), probe.server(s).resets) for s in ("node", "go")}


def test_runs_without_aws_requests_reset_and_snapshot_nothing_after_the_first(probe: MotoEffects) -> None:
    # The fresh state holds a seeded SQS message: golden's own first snapshot received it, so the
    # first run of each side starts from a reset; after that no run touches either server.
    before = _counts(probe)
    first = _golden(probe, "none", "none", 1)
    after_first = _counts(probe)
    rest = _golden(probe, "none", "none", 4, first=1)
    after_rest = _counts(probe)
    assert first.ok and rest.ok, (first.summary, rest.summary)
    for side in ("node", "go"):
        assert after_first[side][1] <= before[side][1] + 1  # at most one reset, for the first run
        assert after_rest[side] == after_first[side]  # 4 cases, 12 compared runs: not one request


def test_a_single_read_means_a_reset_and_a_snapshot_every_run(probe: MotoEffects) -> None:
    _golden(probe, "none", "none", 1)  # the states fresh and untouched: the best case for skipping
    before = _counts(probe)
    report = _golden(probe, "receive", "receive", 3)
    after = _counts(probe)
    # Every compared run saw the seeded message: had a run started from the state the previous
    # receive left (the message hidden), Node's two runs would disagree (noise) and Go would differ.
    assert report.ok, [(c.id, c.differences) for c in report.cases]
    for case in report.cases:
        assert not case.noise and not case.unstable, case.noise
        assert case.node == case.go and "'received': 1" in str(case.node), case.node
    node_served, node_resets = after["node"]
    go_resets = after["go"][1]
    assert node_resets - before["node"][1] == 3 * 2 - 1  # every Node compared run but the very first
    assert go_resets - before["go"][1] == 3 - 1
    assert node_served is not None and before["node"][0] is not None and node_served > before["node"][0] + 6


@pytest.mark.parametrize(
    ("node_act", "go_act", "category"),
    [("put", "none", "side-effect-missing"), ("none", "put", "side-effect-extra")],
)
def test_one_side_calling_aws_and_the_other_not_is_a_difference(
    probe: MotoEffects, node_act: str, go_act: str, category: str
) -> None:
    _golden(probe, "none", "none", 1)  # both states fresh and untouched before the case
    report = _golden(probe, node_act, go_act, 2, first=7)
    for index, case in enumerate(report.cases, start=7):
        assert case.verdict == "fail"
        assert {(d.category, d.path) for d in case.differences} == {
            (category, f"/effects/dynamodb/orders/order-{index}")
        }
    idle: SideName = "go" if go_act == "none" else "node"
    assert _golden(probe, "none", "none", 1).ok  # the writes do not leak into the next idle runs
    assert probe.server(idle).settle() is not None
