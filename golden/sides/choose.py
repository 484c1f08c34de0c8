"""The two sides of a golden run, from what the user named: a local handler or a deployed function each.

Node: `--node PATH[:EXPORT]`, `--node SCAN.json#FUNCTION` (file, export, memory and timeout from a
scan report) or `--node-lambda NAME[:QUALIFIER]`. Go: `--go DIR` or `--go-lambda NAME[:QUALIFIER]`.
Local sides run under golden's emulator with the function's timeout and memory: `--timeout` and
`--memory` when given, else the scan report's values, else 30 s and 1024 MB. Deployed sides run
with their own configuration in AWS (or behind `--endpoint-url`).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from golden.aws.reach import AwsMode, AwsSetup
from golden.errors import GoldenError
from golden.runners.go import GoRunner
from golden.runners.node import NodeRunner
from golden.runners.remote import FunctionRef, LambdaClient, RemoteInvoker
from golden.runtime.jail import Isolation, caller_isolation, namespaces_forced_off
from golden.session import Invoker
from golden.sides.function import FunctionFacts
from golden.sides.local import node_target
from golden.sides.scanned import is_scan_reference, scan_function

DEFAULT_TIMEOUT_S = 30.0
DEFAULT_MEMORY_MB = 1024


@dataclass(frozen=True)
class LocalOptions:
    """What shapes a local run: the user's limits (None: from the scan report or the defaults)."""

    timeout_s: float | None = None
    memory_mb: int | None = None
    region: str = "us-east-1"
    env: Mapping[str, str] | None = None
    """The env file's variables (over the AWS mode's)."""
    scan_root: Path | None = None


@dataclass(frozen=True)
class Side:
    """One side, ready to invoke, and how the report should name it."""

    invoker: Invoker
    description: str
    function: FunctionFacts | None = None
    """A local side's configuration (None for a deployed function)."""


def node_side(
    stack: contextlib.ExitStack,
    *,
    node: str | None,
    node_lambda: str | None,
    options: LocalOptions,
    aws: AwsSetup,
    client: Callable[[], LambdaClient],
) -> Side:
    """The Node side: exactly one of `node` and `node_lambda`."""
    if (node is None) == (node_lambda is None):
        raise GoldenError(
            "name the Node side once: --node PATH[:EXPORT] (or SCAN.json#FUNCTION), or --node-lambda"
        )
    if node_lambda is not None:
        return _remote(node_lambda, client)
    assert node is not None
    name, timeout_s, memory_mb, spec = None, None, None, node
    if is_scan_reference(node):
        found = scan_function(node, options.scan_root)
        name, timeout_s, memory_mb, spec = found.name, found.timeout_s, found.memory_mb, found.node_spec
    target = node_target(spec)
    function = _function(name or Path(target.handler).name.split(".")[0], timeout_s, memory_mb, options)
    runner = NodeRunner(
        target.task_root,
        target.handler,
        function,
        env=_env(aws, options),
        credentials=aws.credentials,
        isolation=_isolation(aws),
    )
    stack.enter_context(runner)
    return Side(runner, f"{target.task_root}/{target.handler} (local)", function)


def go_side(
    stack: contextlib.ExitStack,
    *,
    go: Path | None,
    go_lambda: str | None,
    options: LocalOptions,
    aws: AwsSetup,
    client: Callable[[], LambdaClient],
    like: FunctionFacts | None = None,
) -> Side:
    """The Go side: exactly one of `go` and `go_lambda`. A local Go side runs with the configuration of
    the local Node side it replaces (`like`: name, timeout, memory), when there is one."""
    if (go is None) == (go_lambda is None):
        raise GoldenError("name the Go side once: --go DIR or --go-lambda NAME[:QUALIFIER]")
    if go_lambda is not None:
        return _remote(go_lambda, client)
    assert go is not None
    function = like or _function(go.resolve().name, None, None, options)
    runner = GoRunner.from_source(
        go, function, env=_env(aws, options), credentials=aws.credentials, isolation=_isolation(aws)
    )
    stack.enter_context(runner)
    return Side(runner, f"{go} (local)", function)


def _remote(text: str, client: Callable[[], LambdaClient]) -> Side:
    invoker = RemoteInvoker(client(), FunctionRef.parse(text))
    invoker.check()  # a missing function or a missing permission stops the run before any case
    return Side(invoker, f"{invoker.function} (Lambda)")


def _function(
    name: str, timeout_s: float | None, memory_mb: int | None, options: LocalOptions
) -> FunctionFacts:
    return FunctionFacts(
        name=name,
        timeout_s=options.timeout_s or timeout_s or DEFAULT_TIMEOUT_S,
        memory_mb=options.memory_mb or memory_mb or DEFAULT_MEMORY_MB,
        region=options.region,
    )


def _env(aws: AwsSetup, options: LocalOptions) -> dict[str, str]:
    return {**aws.env, **(options.env or {})}  # the env file may point elsewhere


def _isolation(aws: AwsSetup) -> Isolation:
    """The sandbox hides the caller's AWS files, except with `--aws real`, which hands them over."""
    if aws.mode is AwsMode.real:
        return Isolation(namespaces=not namespaces_forced_off(os.environ))
    return caller_isolation(os.environ)
