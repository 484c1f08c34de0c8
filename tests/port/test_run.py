"""`migrate port`'s write path without Go: port.go ownership, --check, the report's formats."""

from __future__ import annotations

import json
from pathlib import Path

from migrator.port.report_json import render as to_json
from migrator.port.report_markdown import render as to_markdown
from migrator.port.report_table import print_table
from migrator.port.run import PortRequest, run_port
from migrator.stub.run import StubRequest, run_stub
from tests.conftest import WriteTree, hostile_fleet
from tests.port.conftest import FIXTURES
from tests.stub.conftest import quiet


def test_port_go_replaced_only_while_it_is_the_stubs(tmp_path: Path) -> None:
    run_stub(StubRequest(FIXTURES, tmp_path, ("constructs", "partial")), quiet())
    stub_port_go = (tmp_path / "constructs" / "port.go").read_text(encoding="utf-8")
    assert "NotImplementedError" in stub_port_go
    (tmp_path / "partial" / "port.go").write_text("package main\n\n// mine\n", encoding="utf-8")
    report = run_port(PortRequest(FIXTURES, tmp_path, ("constructs", "partial"))).report
    by_name = {f.name: f for f in report.functions}
    assert by_name["constructs"].port_go == "delegates"
    assert "a.port.portHandle(ctx, event)" in (tmp_path / "constructs" / "port.go").read_text(
        encoding="utf-8"
    )
    assert by_name["partial"].port_go == "edited"
    assert (tmp_path / "partial" / "port.go").read_text(encoding="utf-8") == "package main\n\n// mine\n"


def test_check_reports_drift_and_writes_nothing(tmp_path: Path) -> None:
    request = PortRequest(FIXTURES, tmp_path, ("constructs",))
    run_port(request)
    assert run_port(PortRequest(FIXTURES, tmp_path, ("constructs",), check=True)).drift == ()
    generated = tmp_path / "constructs" / "port.gen.go"
    generated.write_text(generated.read_text(encoding="utf-8") + "// edited\n", encoding="utf-8")
    result = run_port(PortRequest(FIXTURES, tmp_path, ("constructs",), check=True))
    assert result.drift == (f"{generated} (changed)",)
    assert generated.read_text(encoding="utf-8").endswith("// edited\n")


def test_report_formats_agree(tmp_path: Path) -> None:
    report = run_port(PortRequest(FIXTURES, tmp_path, ("constructs", "partial", "typed"))).report
    data = json.loads(to_json(report))
    assert data["totals"] == {
        "functions": 3,
        "complete": 2,
        "statements": report.statements,
        "translated": report.translated,
        "typed": 26,
        "verified": 0,
        "failed_verify": 0,
    }
    summary = "26 bindings (22 float64, 4 bool; 1 strings proven, kept as jsrt.Value), 22 annotated"
    summary += "; 9 annotations unverified"
    lying = "typed/index.ts:57: lying: number: the initial value is not proven a number"
    markdown = to_markdown(report)
    assert "| partial | `partial/index.js` | 5/13 |" in markdown
    assert "| partial | `partial/index.js:7` | BigInt or legacy octal literal |" in markdown
    assert f"| typed | {summary} |" in markdown
    assert (
        "| typed | `typed/index.ts:57` | lying | `number` | the initial value is not proven a number |"
        in markdown
    )
    console = quiet()
    print_table(report, console)
    text = console.file.getvalue()  # type: ignore[attr-defined]
    assert "untranslated partial/index.js:10: labeled statement: not in the translated subset" in text
    assert f"typed typed: {summary}" in text and f"unverified {lying}" in text


def test_functions_sharing_a_name_each_get_their_own_module(write_tree: WriteTree, tmp_path: Path) -> None:
    """Real fleets repeat names (every SAM sample has a HelloWorldFunction): each keeps its folder,
    its own translation, and the DynamoDB pin that jsaws needs is added to its go.mod only."""
    template = """
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Resources:
          HelloWorldFunction:
            Type: AWS::Serverless::Function
            Properties: {CodeUri: src/, Handler: app.handler, Runtime: nodejs20.x}
    """
    root = write_tree(
        {
            "one/template.yaml": template,
            "one/src/app.js": "exports.handler = async () => ({ statusCode: 200, body: 'one' });\n",
            "two/template.yaml": template,
            "two/src/app.js": """
                const { SQSClient, SendMessageCommand } = require('@aws-sdk/client-sqs');
                const sqs = new SQSClient({});
                exports.handler = async () => {
                  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.Q, MessageBody: 'two' }));
                  return { statusCode: 200, body: 'two' };
                };
            """,
        }
    )
    out = tmp_path / "out"
    report = run_port(PortRequest(root, out)).report
    assert sorted(f.module for f in report.functions) == sorted(p.parent.name for p in out.glob("*/go.mod"))
    assert len(report.functions) == 2 and all(f.complete for f in report.functions)
    bodies = {
        f.module: (out / f.module / "port.gen.go").read_text(encoding="utf-8") for f in report.functions
    }
    assert sorted("'two'" in b or '"two"' in b for b in bodies.values()) == [False, True]


def test_configs_the_scan_could_not_read_are_reported_beside_the_port(
    write_tree: WriteTree, tmp_path: Path
) -> None:
    root = hostile_fleet(write_tree)
    result = run_port(PortRequest(root, tmp_path / "out"))
    assert [f.name for f in result.report.functions] == ["ok"]
    assert [line.split(":")[1] for line in result.unread] == [" bomb/serverless.yml", " fifo/serverless.yml"]
    assert run_port(PortRequest(root, tmp_path / "one", ("ok",))).unread == ()


def test_inline_template_code_is_named_as_the_scan_names_it(write_tree: WriteTree, tmp_path: Path) -> None:
    template = """
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Inline:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: nodejs20.x
              Handler: index.handler
              InlineCode: |
                exports.handler = async () => 1;
    """
    root = write_tree({"template.yaml": template})
    (function,) = run_port(PortRequest(root, tmp_path / "out")).report.functions
    assert function.problem is not None and "inline in the template" in function.problem
    assert "move it to a file" in function.problem
