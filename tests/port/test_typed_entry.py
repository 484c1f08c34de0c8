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
from tests.port.conftest import DATA, FIXTURES, go
from tests.port.test_verify import port

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


def test_the_codes_own_interfaces_become_go_structs_at_the_entry(tmp_path: Path) -> None:
    """orders: `event: Order<Meta>`, `Promise<Receipt>` → structs tsOrderMeta, tsLine, tsMeta, tsReceipt
    (optional members as pointers with omitempty, `string | null` as a pointer, `unknown` as raw JSON);
    golden passes the raw path on its cases, and a Go test gets the same answer through both paths."""
    report = port(FIXTURES, tmp_path, ["orders"], FIXTURES)
    (orders,) = report["functions"]
    assert orders["verify"] == {"verdict": "pass", "cases": 3, "passed": 3, "detail": ""}
    assert orders["typed"]["entry"] == "portHandleTyped(ctx, tsOrderMeta) (tsReceipt, error)"
    module = tmp_path / "orders"
    source = (module / "port_events.gen.go").read_text()
    assert "// tsOrderMeta is the TypeScript type Order<Meta> (orders/index.ts:12)." in source
    assert (
        'Note *string  `json:"note,omitempty"`' in source
        and 'Coupon *string         `json:"coupon"`' in source
    )
    assert 'Extra  json.RawMessage `json:"extra,omitempty"`' in source
    shutil.copy(DATA / "typed_entry" / "orders_test.go", module)
    done = go(["test", "-run", "TestTypedStructEntry", "."], module)
    assert done.returncode == 0, done.stdout + done.stderr
    vetted = go(["vet", "."], module)
    assert vetted.returncode == 0, vetted.stderr


def _entry(write_tree: WriteTree, source: str) -> str:
    root = write_tree({"handler.ts": source})
    graph = build_graph(root, root / "handler.ts", lambda spec: False)
    entry = typed_entry(graph.modules, "handler")
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


def test_object_types_map_to_go_exactly_or_stay_raw_json(write_tree: WriteTree) -> None:
    root = write_tree(
        {
            "handler.ts": """
            type Kind = 'a' | 'b';
            interface Tree { name: string; children: Tree[]; parent?: Tree; self: Tree }
            interface Event {
              kind: Kind;
              counts: Record<string, number>;
              index: { [key: string]: boolean };
              maybe: number | undefined;
              either: string | number;
              inline: { a: string };
              tree: Tree;
              'x-id'?: string[];
            }
            type Either = Event | Tree;
            export const handler = async (event: Event): Promise<Either> => event;
            """
        }
    )
    graph = build_graph(root, root / "handler.ts", lambda spec: False)
    entry = typed_entry(graph.modules, "handler")
    assert entry is not None and entry.signature() == "portHandleTyped(ctx, tsEvent) (json.RawMessage, error)"
    tree, event = entry.structs  # a struct is written before the one that holds it
    assert event.splitlines()[2:-1] == [
        '\tKind string `json:"kind"`',
        '\tCounts map[string]float64 `json:"counts"`',
        '\tIndex map[string]bool `json:"index"`',
        '\tMaybe *float64 `json:"maybe"`',
        '\tEither json.RawMessage `json:"either"`',
        '\tInline json.RawMessage `json:"inline"`',
        '\tTree tsTree `json:"tree"`',
        '\tXId *[]string `json:"x-id,omitempty"`',
    ]
    assert tree.splitlines()[2:-1] == [  # a struct holding itself points to it
        '\tName string `json:"name"`',
        '\tChildren []tsTree `json:"children"`',
        '\tParent *tsTree `json:"parent,omitempty"`',
        '\tSelf *tsTree `json:"self"`',
    ]
