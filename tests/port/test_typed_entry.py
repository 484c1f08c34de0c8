"""The typed entry point (port_events.gen.go): a handler whose TypeScript names aws-lambda types gets
`portHandleTyped` at aws-lambda-go's types; called from Go, it answers what the raw-JSON path (and
Node) answers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from migrator.port.lambda_types import typed_entry
from migrator.port.modules import build_graph
from migrator.port.run import PortRequest, run_port
from tests.conftest import FLEET, WriteTree
from tests.port.conftest import DATA, go

pytestmark = pytest.mark.slow


def test_the_typed_entry_answers_like_the_raw_path(tmp_path: Path) -> None:
    result = run_port(PortRequest(FLEET, tmp_path, ("QuoteFunction",)))
    (report,) = result.report.functions
    assert report.typed.entry == (
        "portHandleTyped(ctx, events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error)"
    )
    module = tmp_path / report.module
    shutil.copy(DATA / "typed_entry" / "typed_entry_test.go", module)
    done = go(["test", "-run", "TestTypedEntry", "."], module)
    assert done.returncode == 0, done.stdout + done.stderr


def _entry(write_tree: WriteTree, source: str) -> str:
    root = write_tree({"handler.ts": source})
    graph = build_graph(root, root / "handler.ts", lambda spec: False)
    entry = typed_entry(graph.modules[0], "handler")
    return entry.signature() if entry is not None else ""


def test_the_entry_follows_the_event_the_answer_and_the_handler_type(write_tree: WriteTree) -> None:
    head = "import type { SQSEvent, SQSHandler, SNSEvent, EventBridgeEvent } from 'aws-lambda';\n"
    assert _entry(write_tree, head + "export const handler: SQSHandler = async (event) => {};\n") == (
        "portHandleTyped(ctx, events.SQSEvent) (events.SQSEventResponse, error)"
    )
    assert _entry(write_tree, head + "export async function handler(e: SNSEvent): Promise<void> {}\n") == (
        "portHandleTyped(ctx, events.SNSEvent) error"
    )
    generic = "export const handler = async (e: EventBridgeEvent<'X', { a: 1 }>) => e.detail;\n"
    assert _entry(write_tree, head + generic) == (
        "portHandleTyped(ctx, events.EventBridgeEvent) (json.RawMessage, error)"
    )
    assert _entry(write_tree, "export const handler = async (e: MyEvent) => e;\n") == ""
    assert _entry(write_tree, "export const handler = wrap(async (e: SQSEvent) => e);\n") == ""
