"""Event templates: shaped like AWS's events, checked against aws-lambda-go's structs and our scanner."""

from __future__ import annotations

import base64
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from golden.cases.events import SOURCES, template, template_text
from golden.errors import GoldenError
from migrator.scan.collect import analyze_file
from migrator.scan.events import infer_events
from migrator.scan.jsparse import Grammars
from tests.conftest import REPO

#: How a handler typically reads each source (what `migrate scan` infers event kinds from).
READERS = {
    "sqs": "for (const m of event.Records) { work(JSON.parse(m.body), m.receiptHandle) }",
    "sns": "for (const r of event.Records) { notify(r.Sns.Message) }",
    "s3": "for (const r of event.Records) { fetch(r.s3.bucket.name, r.s3.object.key) }",
    "api-gateway-rest": "const { httpMethod, pathParameters } = event; return { statusCode: 200 }",
    "api-gateway-http": "const m = event.requestContext.http.method; return { statusCode: 200 }",
    "eventbridge": "route(event['detail-type'], event.detail)",
    "schedule": "if (event['detail-type'] === 'Scheduled Event') nightly()",
    "dynamodb-stream": "for (const r of event.Records) { project(r.dynamodb.NewImage) }",
    "kinesis": "for (const r of event.Records) { decode(r.kinesis.data) }",
}


@pytest.mark.parametrize("source", SOURCES)
def test_template_decodes_strictly_into_the_aws_lambda_go_struct(eventshapes: Path, source: str) -> None:
    path = REPO / "golden" / "data" / "events" / f"{source}.json"
    proc = subprocess.run([str(eventshapes), source, str(path)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr


def test_a_misspelt_field_is_caught(eventshapes: Path, tmp_path: Path) -> None:
    event = template("sqs")
    event["Records"][0]["receiptHandel"] = event["Records"][0].pop("receiptHandle")
    bad = tmp_path / "sqs.json"
    bad.write_text(json.dumps(event))
    proc = subprocess.run([str(eventshapes), "sqs", str(bad)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and "receiptHandel" in proc.stderr


@pytest.mark.parametrize("source", SOURCES)
def test_scan_infers_the_source_from_a_handler_reading_it(source: str) -> None:
    facts = analyze_file("h.js", READERS[source].encode(), "javascript", Grammars())
    assert [e.kind for e in infer_events([facts], "event")] == [source]


def test_templates_are_internally_consistent() -> None:
    sqs = template("sqs")["Records"][0]
    assert sqs["md5OfBody"] == hashlib.md5(sqs["body"].encode()).hexdigest()
    http = template("api-gateway-http")
    assert http["routeKey"] == f"{http['requestContext']['http']['method']} {http['rawPath']}"
    rest = template("api-gateway-rest")
    assert {k: [v] for k, v in rest["headers"].items()} == rest["multiValueHeaders"]
    kinesis = template("kinesis")["Records"][0]["kinesis"]
    assert json.loads(base64.b64decode(kinesis["data"]))["type"] == "page_view"
    stream = template("dynamodb-stream")["Records"][0]["dynamodb"]
    assert stream["Keys"].items() <= stream["NewImage"].items()


def test_unknown_source_is_an_error_naming_the_choices() -> None:
    with pytest.raises(GoldenError, match="choose one of sqs, sns"):
        template_text("kafka")


def test_cli_writes_a_template() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "migrator", "golden", "events", "--source", "schedule"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["detail-type"] == "Scheduled Event"
