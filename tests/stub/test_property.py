"""Property: any mix of scan facts (event kinds, env names, error names, services and operations,
long-running, partial batches) renders a module that is gofmt-clean and passes `go vet`."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from codegen.output.write import Target, write_targets
from migrator.scan.model import AwsSdkUsage, Blocker, Function
from migrator.stub.naming import unique_folders
from migrator.stub.plan import PlanOptions, plan_module
from migrator.stub.render import environment, render_module
from migrator.stub.tables import load_tables
from tests.stub.conftest import go
from tests.stub.facts import function

pytestmark = pytest.mark.slow

TABLES = load_tables()
KINDS = [*sorted(TABLES.events), "not-a-kind"]
SERVICES = ["dynamodb", "s3", "sqs", "sns", "eventbridge", "chime"]  # chime is not pinned
ENV = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_", min_size=1, max_size=12)
ERROR = st.one_of(
    st.sampled_from(["Error", "ValidationError", "NotImplementedError", "InitError", "settings", "type"]),
    st.text(alphabet="abcXYZ_.-1 ", min_size=1, max_size=10),
)
OPERATION = st.sampled_from(["PutItem", "GetObject", "SendMessage", "Publish", "PutEvents", "Nope", "X"])


@st.composite
def facts(draw: st.DrawFn) -> tuple[Function, bool]:
    services = draw(st.lists(st.sampled_from(SERVICES), unique=True, max_size=3))
    usage = tuple(
        AwsSdkUsage(s, tuple(sorted(set(draw(st.lists(OPERATION, max_size=3))))), "") for s in services
    )
    blockers = (Blocker("long-running", "warning", "", None, None),) if draw(st.booleans()) else ()
    fn = function(
        name=draw(st.text(min_size=1, max_size=20)),
        events=tuple(draw(st.lists(st.sampled_from(KINDS), unique=True, max_size=5))),
        env=tuple(sorted(set(draw(st.lists(ENV, max_size=6))))),
        error_types=tuple(draw(st.lists(ERROR, unique=True, max_size=5))),
        aws_sdk=usage,
        blockers=blockers,
        memory_mb=draw(st.sampled_from([None, 128, 10240])),
        architecture=draw(st.sampled_from([None, "arm64", "x86_64"])),
    )
    return fn, draw(st.booleans())


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(facts(), min_size=1, max_size=3))
@example([(function(name="\r"), False), (function(name="a\nb\x00"), True)])  # once broke main.go's comment
def test_any_facts_render_a_module_that_vets(examples: list[tuple[Function, bool]]) -> None:
    env = environment()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        folders = unique_folders(fn.name for fn, _ in examples)
        targets = []
        for (fn, failures), folder in zip(examples, folders, strict=True):
            plan = plan_module(fn, folder, TABLES, PlanOptions(reports_failures=failures))
            targets.append(Target(folder, root / folder, render_module(plan, TABLES, env)))
        write_targets(targets)
        fmt = subprocess.run(["gofmt", "-l", scratch], capture_output=True, text=True, check=False)
        assert fmt.stdout == "" and fmt.returncode == 0, fmt.stdout + fmt.stderr
        assert go(["work", "init", *folders], root, {"GOFLAGS": ""}).returncode == 0
        done = go(["vet", "example.com/stub/..."], root)
        assert done.returncode == 0, done.stderr
