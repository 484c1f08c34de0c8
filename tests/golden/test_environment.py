"""Lambda's standard environment: built from scratch, fake credentials, plumbing owned by the runner."""

from __future__ import annotations

from pathlib import Path

import pytest

from golden.errors import RunnerError
from golden.runtime.environment import FAKE_CREDENTIALS, RuntimeWiring, lambda_environment
from golden.sides.function import FunctionFacts

WIRING = RuntimeWiring(
    "127.0.0.1:9001", "index.handler", Path("/task"), Path("/runtime"), "AWS_Lambda_nodejs20.x"
)


def test_standard_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "a-real-secret")
    monkeypatch.setenv("HOME", "/home/someone")
    env = lambda_environment(FunctionFacts(name="orders", memory_mb=1024, region="eu-central-1"), WIRING)
    assert env["AWS_LAMBDA_RUNTIME_API"] == "127.0.0.1:9001"
    assert env["_HANDLER"] == "index.handler"
    assert env["LAMBDA_TASK_ROOT"] == "/task"
    assert env["AWS_LAMBDA_FUNCTION_NAME"] == "orders"
    assert env["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] == "1024"
    assert env["AWS_LAMBDA_FUNCTION_VERSION"] == "$LATEST"
    assert env["AWS_REGION"] == env["AWS_DEFAULT_REGION"] == "eu-central-1"
    assert env["AWS_EXECUTION_ENV"] == "AWS_Lambda_nodejs20.x"
    assert (env["TZ"], env["LANG"]) == ("UTC", "en_US.UTF-8")
    assert {key: env[key] for key in FAKE_CREDENTIALS} == FAKE_CREDENTIALS
    assert "HOME" not in env  # nothing of the caller's environment


def test_extra_variables_override_but_plumbing_is_refused() -> None:
    env = lambda_environment(
        FunctionFacts(), WIRING, {"TABLE": "orders", "AWS_ENDPOINT_URL": "http://127.0.0.1:5000"}
    )
    assert (env["TABLE"], env["AWS_ENDPOINT_URL"]) == ("orders", "http://127.0.0.1:5000")
    with pytest.raises(RunnerError, match="AWS_LAMBDA_RUNTIME_API"):
        lambda_environment(FunctionFacts(), WIRING, {"AWS_LAMBDA_RUNTIME_API": "elsewhere:1"})


def test_function_arn() -> None:
    function = FunctionFacts(name="f", region="us-west-2", account_id="000000000000")
    assert function.arn == "arn:aws:lambda:us-west-2:000000000000:function:f"
