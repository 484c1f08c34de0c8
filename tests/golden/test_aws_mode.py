"""--aws: moto (default) injects fake credentials and a local endpoint; real passes the caller's AWS
configuration through unchanged and starts no moto; none sets no endpoint."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from golden.aws.reach import REAL_AWS_WARNING, AwsEndpoint, AwsMode, aws_setup, caller_aws_variables
from golden.runtime.environment import FAKE_CREDENTIALS, RuntimeWiring, lambda_environment
from golden.sides.function import FunctionFacts
from tests.conftest import REPO
from tests.golden.conftest import FIXTURES, MakeGo

GO = FIXTURES / "go" / "handler"
CALLER = {
    "AWS_ACCESS_KEY_ID": "AKIACALLERKEY0000001",
    "AWS_SECRET_ACCESS_KEY": "caller-secret",
    "AWS_PROFILE": "team-dev",
    "AWS_REGION": "eu-central-1",
    "AWS_LAMBDA_FUNCTION_NAME": "not-a-sandbox-variable-to-copy",
    "HOME": "/home/caller",
    "PATH": "/usr/bin",
}


class FakeMoto:
    """Stands in for MotoServer; records that it was started and stopped."""

    def __init__(self, log: list[str]) -> None:
        self.log = log

    def env(self) -> dict[str, str]:
        return {"AWS_ENDPOINT_URL": "http://127.0.0.1:5999"}


def fake_moto(log: list[str]) -> object:
    @contextmanager
    def start() -> Iterator[AwsEndpoint]:
        log.append("started")
        yield FakeMoto(log)
        log.append("stopped")

    return start


def runtime_env(mode: AwsMode, log: list[str], warnings: list[str]) -> dict[str, str]:
    """The environment a runtime process gets under `mode` (as NodeRunner and GoRunner build it)."""
    with aws_setup(mode, environ=CALLER, start_moto=fake_moto(log), warn=warnings.append) as setup:  # type: ignore[arg-type]
        wiring = RuntimeWiring("127.0.0.1:1", "bootstrap", Path("/tmp"), Path("/tmp"))
        return lambda_environment(FunctionFacts(), wiring, dict(setup.env), credentials=setup.credentials)


def test_moto_mode_injects_fake_credentials_and_the_local_endpoint() -> None:
    log: list[str] = []
    warnings: list[str] = []
    env = runtime_env(AwsMode.moto, log, warnings)
    assert log == ["started", "stopped"] and warnings == []
    assert env["AWS_ENDPOINT_URL"] == "http://127.0.0.1:5999"
    assert {k: env[k] for k in FAKE_CREDENTIALS} == FAKE_CREDENTIALS
    assert "AWS_PROFILE" not in env and "HOME" not in env


def test_real_mode_passes_the_callers_aws_configuration_and_starts_no_moto() -> None:
    log: list[str] = []
    warnings: list[str] = []
    env = runtime_env(AwsMode.real, log, warnings)
    assert log == [] and warnings == [REAL_AWS_WARNING]
    assert "real AWS" in REAL_AWS_WARNING
    for key in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE", "HOME"):
        assert env[key] == CALLER[key]
    # The region is the function's (--region, else the caller's): the caller's AWS_REGION once
    # silently overrode --region, sending real writes to a region nobody asked for.
    assert env["AWS_REGION"] == env["AWS_DEFAULT_REGION"] == FunctionFacts().region != CALLER["AWS_REGION"]
    assert "AWS_SESSION_TOKEN" not in env  # the caller has none, and golden's fake one is gone
    assert "AWS_ENDPOINT_URL" not in env
    assert env["AWS_LAMBDA_FUNCTION_NAME"] == FunctionFacts().name  # the sandbox's own, not the caller's


def test_none_mode_sets_no_endpoint_but_keeps_fake_credentials() -> None:
    log: list[str] = []
    env = runtime_env(AwsMode.none, log, [])
    assert log == [] and "AWS_ENDPOINT_URL" not in env
    assert env["AWS_ACCESS_KEY_ID"] == FAKE_CREDENTIALS["AWS_ACCESS_KEY_ID"]


def test_caller_variables_leave_the_lambda_sandbox_ones_out() -> None:
    passed = caller_aws_variables(CALLER)
    assert set(passed) == {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE", "HOME"}


@pytest.mark.slow
def test_a_real_go_runtime_sees_the_callers_key_in_real_mode(go: MakeGo) -> None:
    log: list[str] = []
    with aws_setup(AwsMode.real, environ=CALLER, start_moto=fake_moto(log), warn=lambda _: None) as setup:  # type: ignore[arg-type]
        runner = go(env=dict(setup.env), credentials=setup.credentials)
        value = json.loads(runner.invoke({"action": "context"}).result.payload)  # type: ignore[union-attr]
    assert value["accessKey"] == CALLER["AWS_ACCESS_KEY_ID"]
    assert value["region"] == FunctionFacts().region  # the function's region, not a stray AWS_REGION
    assert log == []


@pytest.mark.slow
def test_cli_real_mode_warns_and_both_sides_get_the_callers_configuration(tmp_path: Path) -> None:
    handler = tmp_path / "env.js"
    handler.write_text(
        "exports.handler = async () => ({key: process.env.AWS_ACCESS_KEY_ID,"
        " token: process.env.AWS_SESSION_TOKEN ?? null, endpoint: process.env.AWS_ENDPOINT_URL ?? null});\n"
    )
    cases = tmp_path / "cases"
    cases.mkdir()
    (cases / "context.json").write_text(json.dumps({"action": "context"}))
    caller = {k: v for k, v in CALLER.items() if k not in ("HOME", "PATH")}
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")} | caller
    flags = ("--cases", str(cases), "--runs", "0", "--aws", "real", "--format", "json")
    proc = subprocess.run(
        [sys.executable, "-m", "migrator", "golden", "--node", str(handler), "--go", str(GO), *flags],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    assert proc.returncode == 1, proc.stderr  # the two handlers return different things
    assert "hits real AWS" in proc.stderr
    case = json.loads(proc.stdout)["cases"][0]
    assert case["node"]["value"] == {"key": CALLER["AWS_ACCESS_KEY_ID"], "token": None, "endpoint": None}
    assert case["go"]["value"]["accessKey"] == CALLER["AWS_ACCESS_KEY_ID"]
    assert case["go"]["value"]["region"] == "eu-central-1"
