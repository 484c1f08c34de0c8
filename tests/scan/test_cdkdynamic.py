"""CDK functions built in helpers and loops: one per evident call or item, a notice for the rest."""

from __future__ import annotations

from migrator.scan.config.cdkapp import read_cdk_app
from migrator.scan.jsparse import Grammars
from tests.conftest import WriteTree

STACK = """
import * as cdk from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';

const WORKERS = ['resize', 'thumb'];

function makeFunction(scope: cdk.Stack, id: string, entry: string, memory = 256) {
  return new NodejsFunction(scope, id, { entry, memorySize: memory, runtime: lambda.Runtime.NODEJS_20_X });
}

export class Jobs extends cdk.Stack {
  constructor(scope: cdk.App, id: string, props: { names: string[] }) {
    super(scope, id);
    const orders = makeFunction(this, 'Orders', 'src/orders.ts', 1024);
    this.refunds = makeFunction(this, 'Refunds', `src/refunds.ts`);
    orders.addEventSource(new SqsEventSource(queue));

    for (const name of ['a', 'b']) {
      new NodejsFunction(this, `Loop-${name}`, { entry: `src/loop/${name}.ts` });
    }
    WORKERS.forEach((worker) => {
      new lambda.Function(this, worker, {
        runtime: lambda.Runtime.NODEJS_20_X,
        handler: 'index.handler',
        code: lambda.Code.fromAsset(`workers/${worker}`),
      });
    });
    props.names.map((n) => new NodejsFunction(this, n, { entry: `src/${n}.ts` }));
    this.make('Made');
  }

  private make(id: string) {
    return new NodejsFunction(this, id, { entry: 'src/made.ts' });
  }
}
"""


def test_helpers_and_loops_give_one_function_per_evident_use(write_tree: WriteTree) -> None:
    root = write_tree({"app/cdk.json": "{}", "app/lib/stack.ts": STACK})
    result = read_cdk_app(root / "app", "app", Grammars(), root)
    fns = {f.name: f for f in result.functions}
    assert sorted(fns) == ["Loop-a", "Loop-b", "Made", "Orders", "Refunds", "resize", "thumb"]
    lines = STACK.lstrip("\n").splitlines()

    def line_of(fragment: str) -> int:
        return next(i for i, text in enumerate(lines, start=1) if fragment in text)

    orders = fns["Orders"]
    assert (orders.base_dir, orders.handler, orders.memory_mb) == (
        (root / "app/src").resolve(),
        "orders.handler",
        1024,
    )
    assert (orders.config, orders.line) == ("app/lib/stack.ts", line_of("const orders = makeFunction"))
    assert [e.kind for e in orders.events] == ["sqs"]  # wired through the variable the call fills
    assert (fns["Refunds"].handler, fns["Refunds"].memory_mb) == ("refunds.handler", 256)
    assert (
        fns["Loop-b"].base_dir == (root / "app/src/loop").resolve() and fns["Loop-b"].handler == "b.handler"
    )
    assert fns["thumb"].base_dir == (root / "app/workers/thumb").resolve()
    assert fns["Made"].handler == "made.handler"
    (notice,) = result.problems
    assert (notice.file, notice.line) == ("app/lib/stack.ts", line_of("props.names.map"))
    assert notice.message.startswith("CDK function built in a helper or a loop")


def test_a_helper_no_one_calls_in_the_file_is_a_notice(write_tree: WriteTree) -> None:
    helper = """
        import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
        export const make = (scope, id, entry) => new NodejsFunction(scope, id, { entry });
    """
    root = write_tree({"cdk.json": "{}", "lib/make.ts": helper})
    result = read_cdk_app(root, "", Grammars(), root)
    assert result.functions == []
    located = [(p.file, p.line) for p in result.problems if "helper or a loop" in p.message]
    assert located == [("lib/make.ts", 2)]


def test_a_loop_over_imported_items_scans_literal_code_once_with_a_notice(write_tree: WriteTree) -> None:
    stack = """
        import * as lambda from 'aws-cdk-lib/aws-lambda';
        import { TABLES } from './config';
        TABLES.map((table) => {
          const handler = new lambda.Function(this, `${table.name}-Fn`, {
            runtime: lambda.Runtime.NODEJS_20_X,
            code: lambda.Code.fromAsset('lambda'),
            handler: 'index.handler',
          });
        });
    """
    root = write_tree({"cdk.json": "{}", "lib/stack.ts": stack})
    result = read_cdk_app(root, "", Grammars(), root)
    assert [(f.name, f.handler, f.base_dir) for f in result.functions] == [
        ("handler", "index.handler", (root / "lambda").resolve())
    ]
    assert [(p.file, p.line, p.message.split(":")[0]) for p in result.problems] == [
        (
            "lib/stack.ts",
            4,
            "CDK function built in a helper or a loop whose calls or items are not in this file",
        )
    ]
