"""`migrate stub --spec`: routes matched to operations, codegen's Go package and router in the module,
typed port.go methods, a 400 problem for a body the spec refuses, unmatched routes named, bad specs
refused before anything is written."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from rich.console import Console

from codegen.output.paths import MANIFEST
from migrator.stub.routes import Route, bind, path_matches, routes_of, segments
from migrator.stub.run import StubRequest, run_stub
from migrator.stub.spec import StubSpecError
from tests.conftest import FLEET, REPO, WriteTree, go_caches, require_tool
from tests.stub.conftest import go
from tests.stub.facts import function

SCHEMA = REPO / "migrator" / "stub" / "schemas" / "stub-spec-routes.schema.json"
MANIFEST_SCHEMA = REPO / "migrator" / "stub" / "schemas" / "stub-manifest.schema.json"
INVENTORY_SPEC = FLEET / "inventory-sam" / "openapi.yaml"

SPEC = """\
openapi: 3.1.0
info: {title: Orders, version: "1"}
paths:
  /orders:
    post:
      operationId: createOrder
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [sku, quantity]
              properties:
                sku: {type: string}
                quantity: {type: integer, minimum: 1}
      responses:
        "201":
          description: created
          content:
            application/json:
              schema: {type: object, properties: {orderId: {type: string}}}
  /orders/{orderId}:
    get:
      operationId: getOrder
      parameters:
        - {name: orderId, in: path, required: true, schema: {type: string}}
      responses:
        "200": {description: found}
  /admin/stats:
    get:
      operationId: adminStats
      responses:
        "200": {description: stats}
"""

TEMPLATE = """\
AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Queue:
    Type: AWS::SQS::Queue
  OrdersFunction:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: src/orders.handler
      Events:
        Create:
          Type: HttpApi
          Properties: {Path: /orders/, Method: post}
        Read:
          Type: HttpApi
          Properties: {Path: "/orders/{id}", Method: GET}
        Admin:
          Type: Api
          Properties: {Path: "/admin/{proxy+}", Method: any}
        Work:
          Type: SQS
          Properties: {Queue: !GetAtt Queue.Arn}
  OtherFunction:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: src/other.handler
      Events:
        Gone:
          Type: HttpApi
          Properties: {Path: /nope, Method: delete}
"""

HANDLER = "exports.handler = async (event) => ({ statusCode: 200, body: '{}' });\n"

#: Go test copied into the stub: the real dispatcher, router and port.go methods, no AWS.
GO_TEST = """\
package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

func invoke(t *testing.T, a *app, event string) (int, string) {
	t.Helper()
	out, err := a.handle(context.Background(), json.RawMessage(event))
	if err != nil {
		return 0, err.Error()
	}
	raw, _ := json.Marshal(out)
	var resp struct {
		StatusCode int               `json:"statusCode"`
		Headers    map[string]string `json:"headers"`
		Body       string            `json:"body"`
	}
	if err := json.Unmarshal(raw, &resp); err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Headers["Content-Type"] + " " + resp.Body
}

func v2(method, path, body string) string {
	b, _ := json.Marshal(body)
	return `{"version":"2.0","routeKey":"` + method + ` ` + path + `","rawPath":"` + path +
		`","headers":{"content-type":"application/json"},"requestContext":{"http":{"method":"` + method +
		`","path":"` + path + `"},"stage":"$default"},"body":` + string(b) + `}`
}

func TestSpecRouting(t *testing.T) {
	a := &app{}
	a.router = a.newRouter()
	cases := []struct {
		event  string
		status int
		has    string
	}{
		{v2("POST", "/orders", `{"sku": 5}`), 400, "application/problem+json"},
		{v2("POST", "/orders", `not json`), 400, "application/problem+json"},
		{v2("POST", "/orders", `{"sku": "A-1", "quantity": 2}`), 501, "POST /orders is not ported to Go yet"},
		{v2("GET", "/orders/o-1", ``), 501, "not ported to Go yet (opGetOrder in port.go)"},
		{`{"httpMethod":"GET","path":"/admin/stats","headers":{}}`, 501, "(opAdminStats in port.go)"},
		{v2("DELETE", "/orders/o-1", ``), 405, "problem+json"},
		{`{"Records":[{"eventSource":"aws:sqs","body":"{}"}]}`, 0, "not ported to Go yet"},
	}
	for _, c := range cases {
		status, text := invoke(t, a, c.event)
		if status != c.status || !strings.Contains(text, c.has) {
			t.Errorf("%s: got %d %q, want %d with %q", c.event[:40], status, text, c.status, c.has)
		}
	}
}
"""


#: The same dispatcher with the stub's old port.go: the operation answers codegen's own 501.
UNBOUND_TEST = (
    GO_TEST.split("func TestSpecRouting")[0]
    + """func TestUnbound(t *testing.T) {
	a := &app{}
	a.router = a.newRouter()
	status, text := invoke(t, a, v2("POST", "/orders", `{"sku": "A-1", "quantity": 2}`))
	if status != 501 || !strings.Contains(text, "operation createOrder is not implemented") {
		t.Errorf("got %d %q", status, text)
	}
}
"""
)


def spec_fleet(write_tree: WriteTree) -> tuple[Path, Path]:
    """A SAM project of two API functions (`svc/`) and the spec their routes bind (`orders.yaml`)."""
    root = write_tree(
        {
            "svc/template.yaml": TEMPLATE,
            "svc/src/orders.js": HANDLER,
            "svc/src/other.js": HANDLER,
            "orders.yaml": SPEC,
        }
    )
    return root / "svc", root / "orders.yaml"


def _console() -> tuple[Console, io.StringIO]:
    text = io.StringIO()
    return Console(file=text, width=400), text


@pytest.mark.parametrize(
    ("route", "spec", "expected"),
    [
        ("/orders/", "/orders", True),
        ("orders", "/orders", True),
        ("/orders/{id}", "/orders/{orderId}", True),
        ("/orders/mine", "/orders/{orderId}", False),
        ("/orders/{id}", "/orders", False),
        ("/admin/{proxy+}", "/admin/stats/today", True),
        ("/admin/{proxy+}", "/admin", False),
        ("/{proxy+}", "/", False),
        ("*", "/anything/{x}", True),
    ],
)
def test_path_templates_are_compared_normalised(route: str, spec: str, expected: bool) -> None:
    assert path_matches(route, spec) is expected


def test_segments_name_parameters_not_their_names() -> None:
    assert segments("/a/{b}/{c+}/") == ("a", "{}", "{+}")


def test_routes_are_read_from_the_scan_evidence_and_gaps_named() -> None:
    from migrator.scan.model import EventEvidence

    evidence = (
        EventEvidence("api-gateway-http", "config", "t.yaml", 3, "GetItem: HttpApi GET /items/{sku}"),
        EventEvidence("api-gateway-rest", "config", "serverless.yml", 9, "http post orders"),
        EventEvidence("api-gateway-http", "config", "serverless.yml", 12, "httpApi *"),
        EventEvidence("function-url", "config", "t.yaml", 20, "FunctionUrlConfig"),
        EventEvidence("sqs", "config", "t.yaml", 30, "Queue"),
    )
    fn = function(
        events=("api-gateway-http", "api-gateway-rest", "function-url", "sqs"), event_evidence=evidence
    )
    routes, gaps = routes_of(fn)
    assert [(r.kind, r.method, r.path) for r in routes] == [
        ("api-gateway-http", "GET", "/items/{sku}"),
        ("api-gateway-rest", "POST", "orders"),
        ("api-gateway-http", "ANY", "*"),
    ]
    assert [g.kind for g in gaps] == ["function-url"] and "names no method and path" in gaps[0].reason


def test_any_method_binds_every_operation_under_its_path() -> None:
    ops = [("GET", "/a"), ("POST", "/a"), ("GET", "/b")]
    bound = bind(
        [Route("api-gateway-rest", "ANY", "/a", "t:1"), Route("api-gateway-rest", "PUT", "/a", "t:2")], ops
    )
    assert [b.operations for b in bound] == [(0, 1), ()]


def test_spec_module_builds_routes_and_answers_400_for_a_refused_body(write_tree: WriteTree) -> None:
    require_tool(shutil.which("go") is not None, "go")
    fleet, spec = spec_fleet(write_tree)
    out = fleet.parent / "out"
    console, text = _console()
    code = run_stub(StubRequest(fleet, out, progress=False, spec=spec), console)
    lines = text.getvalue().splitlines()
    assert code == 1, lines  # OtherFunction's route matches nothing: a finding
    unmatched = [line for line in lines if line.startswith("unmatched: ")]
    assert len(unmatched) == 1 and "OtherFunction: DELETE /nope" in unmatched[0], lines
    module = out / "OrdersFunction"
    routes = json.loads((module / "spec-routes.json").read_text())
    jsonschema.validate(routes, json.loads(SCHEMA.read_text()))
    manifest = json.loads((module / MANIFEST).read_text())
    jsonschema.validate(manifest, json.loads(MANIFEST_SCHEMA.read_text()))
    on_disk = {p.relative_to(module).as_posix() for p in module.rglob("*") if p.is_file()}
    assert set(manifest["generated"]) | {"port.go", MANIFEST} == on_disk
    assert {"routes.go", "spec-routes.json", "api/operations.gen.go"} <= set(manifest["generated"])
    assert [(o["operationId"], o["go"]) for o in routes["operations"]] == [
        ("createOrder", "opCreateOrder"),
        ("getOrder", "opGetOrder"),
        ("adminStats", "opAdminStats"),
    ]
    cases = sorted(p.name for p in (module / "golden" / "cases").iterdir())
    assert cases == [
        "api-gateway-http-createOrder.json",
        "api-gateway-http-getOrder.json",
        "api-gateway-rest-adminStats.json",
        "sqs.json",
    ]
    drawn = json.loads((module / "golden" / "cases" / "api-gateway-http-createOrder.json").read_text())
    assert drawn["routeKey"] == "POST /orders" and {"sku", "quantity"} <= json.loads(drawn["body"]).keys()
    port = (module / "port.go").read_text()
    signature = "opCreateOrder(ctx context.Context, in api.CreateOrderInput) (api.CreateOrderOutput, error)"
    assert f"func (a *app) {signature}" in port
    assert "handleAPIGatewayV2HTTPRequest" not in port  # the router answers, not an untyped body
    # The API package is codegen's Go target, byte for byte (no second type generator).
    codegen_out = fleet.parent / "codegen"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "migrator",
            "codegen",
            str(spec),
            "--go",
            str(codegen_out),
            "--go-module",
            "x.test/api",
        ],
        cwd=REPO,
        check=True,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    for file in (module / "api").iterdir():
        assert file.read_text() == (codegen_out / file.name).read_text(), file.name
    other = out / "OtherFunction"
    assert not (other / "api").exists() and "unmatched: DELETE /nope" in (other / "README.md").read_text()
    jsonschema.validate(json.loads((other / "spec-routes.json").read_text()), json.loads(SCHEMA.read_text()))
    (module / "spec_test.go").write_text(GO_TEST)
    for argv in (["vet", "./..."], ["test", "./..."]):
        done = go(argv, module)
        assert done.returncode == 0, done.stdout + done.stderr
    gofmt = subprocess.run(["gofmt", "-l", "."], cwd=module, capture_output=True, text=True, check=False)
    assert gofmt.stdout == ""
    check = StubRequest(fleet, out, progress=False, spec=spec, check=True)
    console, text = _console()
    assert run_stub(check, console, stdout=io.StringIO()) == 0, text.getvalue()  # the api/ package too


@pytest.mark.parametrize("kind", ["missing", "fifo", "invalid", "alias-bomb", "ref-outside"])
def test_a_bad_spec_is_one_located_line_exit_2_and_nothing_written(write_tree: WriteTree, kind: str) -> None:
    fleet, _ = spec_fleet(write_tree)
    bad = fleet.parent / "bad.yaml"
    if kind == "fifo":
        os.mkfifo(bad)
    elif kind == "invalid":
        bad.write_text(
            SPEC.replace('"200": {description: found}', '"200": {$ref: "#/components/responses/No"}')
        )
    elif kind == "alias-bomb":
        bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
            f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
            for p, c in zip("abcdefgh", "bcdefghi", strict=True)
        )
        bad.write_text("openapi: 3.1.0\n" + bomb)
    elif kind == "ref-outside":  # a $ref out of the spec's folder reads nothing (codegen's loader)
        (fleet.parent / "secret.yaml").write_text("token: s3cr3t\n")
        (fleet / "api").mkdir()
        bad = fleet / "api" / "bad.yaml"
        bad.write_text(
            SPEC.replace('"200": {description: found}', '"200": {$ref: "../../secret.yaml#/token"}')
        )
    out = fleet.parent / "out"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "migrator",
            "stub",
            str(fleet),
            "--out",
            str(out),
            "--spec",
            str(bad),
            "--no-progress",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"migrate: error: --spec {bad}: "), done.stderr
    assert str(bad) in lines[0].split("first: ", 1)[1]
    assert not out.exists() and "s3cr3t" not in done.stderr
    with pytest.raises(StubSpecError):
        run_stub(StubRequest(fleet, out, progress=False, spec=bad), _console()[0])


@pytest.mark.slow
def test_golden_runs_a_spec_stub_against_its_node_twin(tmp_path: Path) -> None:
    """A matched function's stub answers through the router: golden reports divergences, exit 1."""
    require_tool(shutil.which("go") is not None and shutil.which("node") is not None, "go and node")
    out = tmp_path / "out"
    request = StubRequest(FLEET, out, functions=("GetItemFunction",), progress=False, spec=INVENTORY_SPEC)
    assert run_stub(request, _console()[0]) == 0
    module = out / "GetItemFunction"
    assert (module / "routes.go").is_file()
    done = subprocess.run(
        [
            *(sys.executable, "-m", "migrator", "golden"),
            *("--node", f"{FLEET}/inventory-sam/src/handlers/getItem.ts:handler", "--go", str(module)),
            *("--cases", str(module / "golden" / "cases"), "--env-file", str(module / "golden" / "env")),
            *("--runs", "0", "--aws", "none", "--format", "json", "--timeout", "20"),
        ],
        cwd=REPO,
        env={
            **os.environ,
            **go_caches(),
            "PYTHONPATH": str(REPO),
            "NO_COLOR": "1",
            "XDG_CACHE_HOME": str(tmp_path / "cache"),
        },
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 1, done.stderr[-800:]
    report = json.loads(done.stdout)
    categories = {d["category"] for case in report["cases"] for d in case["differences"]}
    assert categories and categories <= {"error-type", "value"}
    assert not [case["id"] for case in report["cases"] if case.get("error")]


def test_a_port_go_kept_from_a_run_without_spec_still_builds_and_is_named(write_tree: WriteTree) -> None:
    """Rerunning with --spec keeps the user's port.go: the module still builds (an operation without
    its method answers 501 through UnimplementedServer) and each missing method is one line."""
    require_tool(shutil.which("go") is not None, "go")
    fleet, spec = spec_fleet(write_tree)
    out = fleet.parent / "out"
    only = ("OrdersFunction",)
    assert run_stub(StubRequest(fleet, out, only, progress=False), _console()[0]) == 0
    console, text = _console()
    assert run_stub(StubRequest(fleet, out, only, progress=False, spec=spec), console) == 0
    kept = [line for line in text.getvalue().splitlines() if line.startswith("kept: ")]
    assert [line.split(": ")[2] for line in kept] == [
        "your port.go defines no opCreateOrder",
        "your port.go defines no opGetOrder",
        "your port.go defines no opAdminStats",
    ], text.getvalue()
    module = out / "OrdersFunction"
    assert "opCreateOrder" not in (module / "port.go").read_text()
    (module / "spec_test.go").write_text(UNBOUND_TEST)
    for argv in (["vet", "./..."], ["test", "./..."]):
        done = go(argv, module)
        assert done.returncode == 0, done.stdout + done.stderr
