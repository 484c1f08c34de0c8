"""Scan facts → module plan: event types per source, dispatch, settings, clients, error types."""

from __future__ import annotations

from migrator.scan.model import EVENT_KINDS, AwsCall, AwsCallField, AwsSdkUsage, Blocker
from migrator.stub.plan import PlanOptions, plan_module
from migrator.stub.tables import load_tables
from tests.stub.facts import function

#: Kinds the scan is gaining (CDK/Terraform/CFN triggers); the table covers them already.
COMING_KINDS = (
    "api-gateway-websocket",
    "kafka",
    "mq",
    "documentdb",
    "iot",
    "appsync",
    "pipes",
    "firehose",
    "s3-object-lambda",
    "custom-resource",
    "lambda-edge",
)


def _plan(**facts: object) -> object:
    return plan_module(function(**facts), "fn", load_tables(), PlanOptions())


def test_every_scan_kind_and_coming_kind_has_a_row() -> None:
    events = load_tables().events
    assert set(EVENT_KINDS) | set(COMING_KINDS) <= set(events)


def test_unknown_kind_is_handled_like_direct() -> None:
    plan = plan_module(function(events=("brand-new",)), "fn", load_tables(), PlanOptions())
    assert [(s.request, s.response) for s in plan.sources] == [("json.RawMessage", "json.RawMessage")]


def test_sources_sharing_a_go_type_share_a_handler_and_others_dispatch() -> None:
    tables = load_tables()
    shared = plan_module(function(events=("api-gateway-http", "function-url")), "fn", tables, PlanOptions())
    assert not shared.dispatch and shared.sources[0].kinds == ("api-gateway-http", "function-url")
    mixed = plan_module(function(events=("sqs", "api-gateway-rest")), "fn", tables, PlanOptions())
    assert mixed.dispatch
    assert [s.request for s in mixed.sources] == ["events.APIGatewayProxyRequest", "events.SQSEvent"]


def test_partial_batch_failures_change_the_response() -> None:
    tables = load_tables()
    plain = plan_module(function(events=("sqs",)), "fn", tables, PlanOptions())
    partial = plan_module(function(events=("sqs",)), "fn", tables, PlanOptions(reports_failures=True))
    assert plain.sources[0].response == ""
    assert partial.sources[0].response == "events.SQSEventResponse" and partial.sources[0].partial


def test_settings_skip_runtime_variables_and_optional_ones_do_not_fail_init() -> None:
    plan = plan_module(
        function(env=("AWS_REGION", "LOG_LEVEL", "ORDERS_TABLE", "_HANDLER")),
        "fn",
        load_tables(),
        PlanOptions(),
    )
    assert [(s.env, s.field, s.required) for s in plan.settings] == [
        ("LOG_LEVEL", "LogLevel", False),
        ("ORDERS_TABLE", "OrdersTable", True),
    ]


def test_long_running_adds_checkpoints_continuation_and_clients() -> None:
    blocker = Blocker("long-running", "warning", "runs long", "src/index.js", 1)
    plan = plan_module(function(events=("s3",), blockers=(blocker,)), "fn", load_tables(), PlanOptions())
    assert plan.long_running
    assert [s.kinds for s in plan.sources] == [("s3",), ("continuation",)]
    assert {c.service for c in plan.clients} == {"s3", "sqs"}
    assert {"CHECKPOINT_BUCKET", "CONTINUATION_QUEUE_URL"} <= {s.env for s in plan.settings}


def test_error_types_keep_exact_names_and_skip_what_go_cannot_name() -> None:
    names = ("ValidationError", "Runtime.Custom", "my-error", "NotImplementedError", "clients", "Error")
    plan = plan_module(function(error_types=names), "fn", load_tables(), PlanOptions())
    assert plan.error_types == ("ValidationError", "Error")
    assert plan.skipped_error_types == ("Runtime.Custom", "my-error", "clients")


def test_operations_compile_only_when_the_pinned_package_has_them() -> None:
    sdk = (AwsSdkUsage("dynamodb", ("PutItem", "NoSuchOperation"), "x"), AwsSdkUsage("chime", ("X",), "y"))
    plan = plan_module(function(aws_sdk=sdk), "fn", load_tables(), PlanOptions())
    [client] = plan.clients
    assert [(c.operation, c.typed) for c in client.calls] == [("PutItem", True), ("NoSuchOperation", False)]
    assert plan.unpinned_services == ("chime",)
    assert "service/dynamodb" in plan.units and "sdk" in plan.units


def test_call_site_input_keys_become_go_fields_only_where_the_go_struct_has_them() -> None:
    call = AwsCall(
        "sqs",
        "SendMessage",
        "src/index.js",
        7,
        (
            AwsCallField("QueueUrl", "QUEUE_URL", "QUEUE_URL"),
            AwsCallField("MessageGroupId", None, "'orders'"),
            AwsCallField("MessageBody", None, "JSON.stringify(event)"),
            AwsCallField("DelaySeconds", "DELAY", "process.env.DELAY"),
            AwsCallField("Nope", None, "1"),
        ),
    )
    sdk = (AwsSdkUsage("sqs", ("SendMessage",), ""),)
    fn = function(env=("QUEUE_URL", "DELAY"), aws_sdk=sdk, aws_calls=(call,))
    plan = plan_module(fn, "fn", load_tables(), PlanOptions())
    ((site,),) = [c.sites for client in plan.clients for c in client.calls]
    assert site.where == "src/index.js:7"
    assert [(f.name, f.value, f.comment) for f in site.fields] == [
        ("QueueUrl", "aws.String(a.settings.QueueUrl)", None),
        ("MessageGroupId", 'aws.String("orders")', None),
        ("MessageBody", None, "TODO(port): JSON.stringify(event)"),
        ("DelaySeconds", None, "TODO(port): process.env.DELAY"),  # *int32: not a string
        ("Nope", None, "not a field of the Go input (Node: 1)"),
    ]
