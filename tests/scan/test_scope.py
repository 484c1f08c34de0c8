"""Only Node.js AWS Lambda functions are candidates; the others are skipped with a reason."""

from __future__ import annotations

from migrator.report.output import render_text
from migrator.scan.engine import ScanOptions, scan
from tests.conftest import WriteTree

TEMPLATE = """
Transform: AWS::Serverless-2016-10-31
Resources:
  NodeFn: { Type: AWS::Serverless::Function, Properties: { Handler: app.handler, Runtime: nodejs22.x } }
  PyFn: { Type: AWS::Serverless::Function, Properties: { Handler: app.handler, Runtime: python3.12 } }
  NoRuntimePy: { Type: AWS::Serverless::Function, Properties: { Handler: tool.handler } }
  JavaFn: { Type: AWS::Serverless::Function, Properties: { Handler: "com.example.App::handle" } }
  ImageFn: { Type: AWS::Serverless::Function, Properties: { PackageType: Image } }
  JoinFn:
    Type: AWS::Lambda::Function
    Properties: { Runtime: nodejs20.x, Handler: !Join [".", [app, handler]] }
"""

AZURE = """
service: legacy
provider: { name: azure, runtime: nodejs18 }
functions:
  hello: { handler: handler.hello }
"""


def test_non_node_functions_are_skipped_with_their_reason(write_tree: WriteTree) -> None:
    root = write_tree(
        {
            "sam/template.yaml": TEMPLATE,
            "sam/app.js": "exports.handler = async () => 1;\n",
            "sam/tool.py": "def handler(event, context):\n    return 1\n",
            "azure/serverless.yml": AZURE,
            "azure/handler.js": "exports.hello = async () => 1;\n",
        }
    )
    report = scan(root, ScanOptions(jobs=1))
    assert [fn.name for fn in report.functions] == ["NodeFn"]
    assert [(s.name, s.reason, s.detail) for s in report.skipped] == [
        ("hello", "provider", "provider azure"),
        ("ImageFn", "container-image", "PackageType Image"),
        ("JavaFn", "runtime", "handler com.example.App::handle (Java or .NET)"),
        ("NoRuntimePy", "runtime", "handler tool.py (python)"),
        ("PyFn", "runtime", "runtime python3.12"),
    ]
    # Named by a config but unreadable: an error entry, never silently dropped.
    assert [(e.file, "'JoinFn' has no handler" in e.message) for e in report.errors] == [
        ("sam/template.yaml", True)
    ]


def test_skipped_is_one_summary_line_in_the_table_and_listed_in_markdown(write_tree: WriteTree) -> None:
    root = write_tree(
        {
            "template.yaml": TEMPLATE,
            "app.js": "exports.handler = async () => 1;\n",
            "tool.py": "def handler(event, context):\n    return 1\n",
        }
    )
    report = scan(root, ScanOptions(jobs=1))
    table = render_text(report, "table", width=200)
    lines = [line for line in table.splitlines() if line.startswith("skipped")]
    assert lines == [
        "skipped (not Node.js Lambda): 4 · PackageType Image 1, "
        "handler com.example.App::handle (Java or .NET) 1, handler tool.py (python) 1, runtime python3.12 1"
    ]
    assert "PyFn" not in table and "unresolved-handler" not in table
    markdown = render_text(report, "markdown")
    assert "## Skipped (not Node.js Lambda functions)" in markdown and "| PyFn | `template.yaml:" in markdown
    assert [s["name"] for s in report.to_json()["skipped"]] == ["ImageFn", "JavaFn", "NoRuntimePy", "PyFn"]


SERVERLESS_IMAGES = """
service: imgs
provider:
  name: aws
  runtime: nodejs20.x
  ecr: { images: { appimage: { path: ./ } } }
functions:
  byName: { image: appimage }
  byUri: { image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/app@sha256:abc" }
  withCommand: { image: { name: appimage, command: [app.handler] } }
  node: { handler: index.handler }
"""


def test_serverless_image_functions_are_skipped_not_missing_a_handler(write_tree: WriteTree) -> None:
    root = write_tree(
        {"svc/serverless.yml": SERVERLESS_IMAGES, "svc/index.js": "exports.handler = async () => 1;\n"}
    )
    report = scan(root, ScanOptions(jobs=1))
    assert [fn.name for fn in report.functions] == ["node"]
    assert [(s.name, s.reason) for s in report.skipped] == [
        ("byName", "container-image"),
        ("byUri", "container-image"),
        ("withCommand", "container-image"),
    ]
    assert report.errors == ()
