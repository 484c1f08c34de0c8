"""Infer a function's event sources from its code when its config does not declare any.

The signals are the event fields the code reads (`record.Sns`, `.s3.bucket`, `.receiptHandle`,
`requestContext.http`, `httpMethod`, `methodArn`…), string literals that only appear in one kind
of event (`"aws:sqs"`, `"Scheduled Event"`) and the shape of what the handler returns.
"""

from __future__ import annotations

from collections.abc import Sequence

from migrator.scan.filefacts import FileFacts
from migrator.scan.model import EVENT_KINDS, EventEvidence

# (parent, property) → kind; parent "*" matches any name before the property.
_PROPERTY_SIGNALS: dict[tuple[str, str], str] = {
    ("*", "Sns"): "sns",
    ("Sns", "Message"): "sns",
    ("Sns", "TopicArn"): "sns",
    ("s3", "bucket"): "s3",
    ("s3", "object"): "s3",
    ("*", "receiptHandle"): "sqs",
    ("dynamodb", "NewImage"): "dynamodb-stream",
    ("dynamodb", "OldImage"): "dynamodb-stream",
    ("requestContext", "http"): "api-gateway-http",
    ("*", "rawPath"): "api-gateway-http",
    ("*", "routeKey"): "api-gateway-http",
    ("*", "rawQueryString"): "api-gateway-http",
    ("requestContext", "elb"): "alb",
    ("*", "httpMethod"): "api-gateway-rest",
    ("*", "methodArn"): "api-gateway-authorizer",
    ("*", "routeArn"): "api-gateway-authorizer",
    ("*", "authorizationToken"): "api-gateway-authorizer",
    ("*", "awslogs"): "cloudwatch-logs",
    ("*", "triggerSource"): "cognito",
    ("*", "userPoolId"): "cognito",
    ("*", "detail-type"): "eventbridge",
    ("requestContext", "connectionId"): "api-gateway-websocket",
    ("*", "deliveryStreamArn"): "firehose",
    ("*", "getObjectContext"): "s3-object-lambda",
    ("*", "ResponseURL"): "custom-resource",
    ("Records", "cf"): "lambda-edge",
    ("record", "cf"): "lambda-edge",
    ("*", "rmqMessagesByQueue"): "mq",
}
_RECORD_PARENTS = frozenset({"Records", "record", "r", "rec", "item", "entry", "event", "e"})
_LITERAL_SIGNALS = {
    "aws:sqs": "sqs",
    "aws:sns": "sns",
    "aws:s3": "s3",
    "aws:dynamodb": "dynamodb-stream",
    "aws:kinesis": "kinesis",
    "Scheduled Event": "schedule",
    "aws.scheduler": "schedule",
}
_DESTRUCTURED_SIGNALS = {
    "Sns": "sns",
    "receiptHandle": "sqs",
    "httpMethod": "api-gateway-rest",
    "rawPath": "api-gateway-http",
    "routeKey": "api-gateway-http",
    "methodArn": "api-gateway-authorizer",
    "routeArn": "api-gateway-authorizer",
    "awslogs": "cloudwatch-logs",
    "triggerSource": "cognito",
    "connectionId": "api-gateway-websocket",
    "getObjectContext": "s3-object-lambda",
    "ResponseURL": "custom-resource",
}
_AUTHORIZER_RESPONSE = frozenset({"principalId", "policyDocument", "isAuthorized"})
_API_KINDS = frozenset({"api-gateway-rest", "api-gateway-http", "alb", "function-url"})


class _Evidence:
    def __init__(self) -> None:
        self.first: dict[str, EventEvidence] = {}

    def add(self, kind: str, facts: FileFacts, line: int, detail: str) -> None:
        if kind not in self.first:
            self.first[kind] = EventEvidence(kind, "code", facts.path, line, detail)


def infer_events(files: Sequence[FileFacts], event_param: str | None) -> tuple[EventEvidence, ...]:
    """Event kinds the code shows, in vocabulary order; empty when nothing is conclusive."""
    seen = _Evidence()
    weak = _Evidence()  # response shape only: used when nothing else speaks
    for facts in files:
        for prop in facts.props:
            kind = _PROPERTY_SIGNALS.get((prop.parent, prop.name)) or _PROPERTY_SIGNALS.get(("*", prop.name))
            if kind is None and prop.name == "kinesis" and prop.parent in _RECORD_PARENTS:
                kind = "kinesis"
            if kind is None and prop.name == "detail" and prop.parent == event_param:
                kind = "eventbridge"
            if kind is not None:
                seen.add(kind, facts, prop.line, f"reads .{prop.parent}.{prop.name}")
        for literal in facts.literals:
            kind = _LITERAL_SIGNALS.get(literal.value)
            if kind is not None:
                seen.add(kind, facts, literal.line, f"compares with {literal.value!r}")
        for name in facts.destructured:
            kind = _DESTRUCTURED_SIGNALS.get(name.value)
            if kind is not None:
                seen.add(kind, facts, name.line, f"destructures {name.value}")
        for key in facts.return_keys:
            if key.value in _AUTHORIZER_RESPONSE:
                seen.add("api-gateway-authorizer", facts, key.line, f"returns {key.value}")
            elif key.value == "statusCode":
                weak.add("api-gateway-rest", facts, key.line, "returns statusCode")
            elif key.value == "batchItemFailures":
                weak.add("sqs", facts, key.line, "returns batchItemFailures")
    kinds = dict(seen.first)
    if "api-gateway-authorizer" in kinds:
        for api in _API_KINDS:
            kinds.pop(api, None)
    if "alb" in kinds:
        kinds.pop("api-gateway-rest", None)
    if "schedule" in kinds:
        kinds.pop("eventbridge", None)
    if "api-gateway-websocket" in kinds:
        kinds.pop("api-gateway-http", None)  # `routeKey` is in WebSocket events too
    if not kinds and not any(f.syntax_errors for f in files):
        # The response shape alone is a weak hint: never taken from a file that does not parse.
        kinds = dict(weak.first)
    return tuple(kinds[k] for k in EVENT_KINDS if k in kinds)
