"""The shim table, the SDK field table and the rendering of aws_ops.gen.go (no Go build here)."""

from __future__ import annotations

import importlib
import json
import re
import subprocess
from pathlib import Path

from migrator.port.sdk import known, render_operations, required_modules, sdk_table
from migrator.port.shims import SOURCE_MODULE, load_shims
from tests.port.libs.conftest import GoModule

GENERATED = re.compile(r"^// Code generated .* DO NOT EDIT\.$", re.M)


def test_every_shim_constructor_exists_in_its_go_package() -> None:
    table = load_shims()
    for shim in table.shims:
        sources = b"".join(table.files(shim).values()).decode()
        for call in [shim.go_call(), *(shim.go_call(major=m) for m, _ in shim.since)]:
            name = call.split("(")[0].split(".")[1]
            assert re.search(rf"^func {name}\(r \*jsrt\.Realm", sources, re.M), f"{shim.specifier}: {name}"


def test_files_rewrite_the_module_path_and_leave_tests_out() -> None:
    table = load_shims()
    shim = table.lookup("@aws-sdk/lib-dynamodb")
    assert shim is not None
    files = table.files(shim, "example.com/fn")
    assert files and all(p.startswith("shims/awsv3/") and not p.endswith("_test.go") for p in files)
    text = b"".join(files.values()).decode()
    assert '"example.com/fn/jsrt"' in text and SOURCE_MODULE not in text
    assert all(p.startswith("jsaws/") for p in table.runtime_files("example.com/fn"))


def test_lookup_covers_the_fleets_sdk_imports() -> None:
    table = load_shims()
    sqs = table.lookup("@aws-sdk/client-sqs")
    assert sqs is not None and {"SQSClient", "SendMessageCommand"} <= sqs.exports
    assert sqs.go_call("realm") == 'awsv3.Client(realm, "sqs", "SQS")'
    assert table.lookup("left-pad-legacy-internal") is None
    handler = table.lookup("@middy/http-error-handler")
    assert handler is not None and handler.go_call(major=4) != handler.go_call(major=5)


def test_render_is_deterministic_and_names_unknown_operations() -> None:
    calls = [("sfn", "StartExecution"), ("dynamodb", "PutItem"), ("dynamodb", "PutItem"), ("sqs", "Nope")]
    source = render_operations("example.com/fn", calls)
    assert source == render_operations("example.com/fn", list(reversed(calls)))
    assert GENERATED.search(source.split("package main")[0])
    assert source.count("func awsDynamodbPutItem(") == 1
    assert 'jsaws.NotImplemented("sqs", "Nope")' in source
    assert 'jsaws.Field(r, in, "stateMachineArn", &input.StateMachineArn)' in source  # camel service
    assert "service/sqs" not in source  # nothing of sqs is callable
    assert 'svcdynamodb "github.com/aws/aws-sdk-go-v2/service/dynamodb"' in source
    assert required_modules(calls) >= {"github.com/aws/aws-sdk-go-v2/service/sfn"}
    assert known("dynamodb", "Nope") is None


def test_sdk_fields_json_is_what_the_script_makes_from_the_pinned_sources(go_module: GoModule) -> None:
    """Regenerating the dynamodb and s3 entries from the module cache gives the committed table."""
    script = importlib.import_module("migrator.port.refresh_sdk_fields")
    cache = Path(
        subprocess.run(["go", "env", "GOMODCACHE"], capture_output=True, text=True, check=True).stdout.strip()
    )
    for service in ("dynamodb", "s3"):
        entry = sdk_table()[service]
        folder = cache / f"{entry['module']}@{entry['version']}"
        ops = entry["ops"]
        assert isinstance(ops, dict)
        fresh = script.service_table(folder, sorted(ops))
        assert json.loads(json.dumps(fresh)) == {k: entry[k] for k in ("camel", "ops", "types")}
