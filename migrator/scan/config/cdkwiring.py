"""The trigger wiring of a CDK app file: which construct or call triggers which function.

Each wire names its function the way the code does (`fn`, `this.fn`, `props.fn`); cdkapp settles
which function that is across the app.
"""

from __future__ import annotations

from dataclasses import dataclass

import tree_sitter as ts

from migrator.scan.config import cdkvalues as values
from migrator.scan.config.cdkvalues import FileScope, call_args, reference_key
from migrator.scan.syntax import line, text
from migrator.scan.vocabulary import vocabulary

_REFERENCE_TYPES = frozenset(
    {"identifier", "member_expression", "new_expression", "shorthand_property_identifier"}
)
#: Props of a construct that name the function it calls.
_TARGET_KEYS = (
    "handler",
    "lambdaFunction",
    "onEventHandler",
    "isCompleteHandler",
    "function",
    "fn",
    "serviceToken",
)
_NOTIFICATIONS = frozenset(
    {"addEventNotification", "addObjectCreatedNotification", "addObjectRemovedNotification"}
)


@dataclass(frozen=True)
class CdkWire:
    target: str  #: the expression naming the function, as in CdkFunction.key
    kind: str
    file: str
    line: int
    detail: str


def construct_wires(
    node: ts.Node, short: str, args: list[ts.Node], scope: FileScope, rel: str
) -> list[CdkWire]:
    """The triggers a `new X(…)` that is not a function wires (integrations, targets, pools…)."""
    out: list[CdkWire] = []
    kind: str | None = vocabulary().cdk_integrations.get(short)
    if short == "EventSourceMapping":
        props = values.object_props(args[2] if len(args) > 2 else None, scope)
        kind = mapping_kind(props, scope)
        target = reference_key(props.get("target"))
        return [CdkWire(target, kind, rel, line(node), "new EventSourceMapping")] if target else []
    if short == "LambdaFunction":
        kind = _rule_kind(node, scope)
    elif short == "LambdaDestination":
        kind = _destination_kind(node)
    elif short == "LambdaInvoke":
        kind = "schedule" if _ancestor_new(node, "Schedule") is not None else None
    elif short == "Provider" and "onEventHandler" not in values.object_props(
        args[-1] if args else None, scope
    ):
        kind = None
    elif short == "UserPool":
        props = values.object_props(args[2] if len(args) > 2 else None, scope)
        triggers = values.object_props(props.get("lambdaTriggers"), scope)
        for trigger, value in triggers.items():
            out.append(
                CdkWire(
                    reference_key(value), "cognito", rel, line(value), f"UserPool lambdaTriggers.{trigger}"
                )
            )
        return out
    if kind is None:
        return out
    mode = streaming_mode(args[2] if len(args) > 2 else None, scope) if short == "FunctionUrl" else ""
    for target in _targets(args, scope):
        out.append(CdkWire(target, kind, rel, line(node), f"new {short}{mode}"))
    return out


#: How a function URL wire's detail says the URL streams (cdkapp turns it into the InvokeMode).
STREAMING_DETAIL = " (invokeMode RESPONSE_STREAM)"


def streaming_mode(options: ts.Node | None, scope: FileScope) -> str:
    """STREAMING_DETAIL for function URL options `{invokeMode: InvokeMode.RESPONSE_STREAM}`, else ""."""
    mode = values.object_props(options, scope).get("invokeMode")
    return STREAMING_DETAIL if mode is not None and text(mode).endswith("RESPONSE_STREAM") else ""


def mapping_kind(props: dict[str, ts.Node], scope: FileScope) -> str:
    """An event source mapping's kind, from its `eventSourceArn` (`queue.queueArn` → sqs)."""
    if "kafkaBootstrapServers" in props or "kafkaTopic" in props:
        return "kafka"
    arn = props.get("eventSourceArn")
    literal = values.string(arn, scope)
    if literal is not None:
        return vocabulary().arn_kind(literal)
    attribute = text(arn).rsplit(".", 1)[-1]
    return vocabulary().cdk_arn_attributes.get(attribute, "unknown")


def call_wires(node: ts.Node, scope: FileScope, rel: str) -> list[CdkWire]:
    """The triggers a method call wires (`fn.addEventSource(…)`, `fn.addFunctionUrl()`…)."""
    out: list[CdkWire] = []
    callee = node.child_by_field_name("function")
    if callee is None or callee.type != "member_expression":
        return out
    method = text(callee.child_by_field_name("property"))
    receiver = reference_key(callee.child_by_field_name("object"))
    args = call_args(node)
    if method == "addEventSource" and args:
        name = values.source_name(args[0], scope)
        kind = vocabulary().cdk_event_sources.get(name, "unknown")
        out.append(CdkWire(receiver, kind, rel, line(node), f"addEventSource({name})"))
    elif method == "addFunctionUrl":
        mode = streaming_mode(args[0] if args else None, scope)
        out.append(CdkWire(receiver, "function-url", rel, line(node), f"addFunctionUrl{mode}"))
    elif method == "addTrigger" and len(args) >= 2:
        out.append(
            CdkWire(reference_key(args[1]), "cognito", rel, line(node), f"addTrigger({text(args[0])})")
        )
    elif method == "addLambdaDataSource" and len(args) >= 2:
        out.append(CdkWire(reference_key(args[1]), "appsync", rel, line(node), "addLambdaDataSource"))
    elif method == "addEventSourceMapping":
        kind = mapping_kind(values.object_props(args[1] if len(args) > 1 else None, scope), scope)
        out.append(CdkWire(receiver, kind, rel, line(node), "addEventSourceMapping"))
    return out


def _targets(args: list[ts.Node], scope: FileScope) -> list[str]:
    found = []
    for arg in args:
        arg = values.unwrap(arg)
        if arg.type in _REFERENCE_TYPES:
            found.append(reference_key(arg))
        elif arg.type == "object":
            props = values.object_props(arg, scope)
            found += [reference_key(props[k]) for k in _TARGET_KEYS if k in props]
    return [f for f in found if f and f != "this"]


def _rule_kind(node: ts.Node, scope: FileScope) -> str:
    """`targets.LambdaFunction`: a schedule when its rule has a `schedule`, else EventBridge."""
    rule = _ancestor_new(node, "Rule")
    if rule is not None:
        rule_args = call_args(rule)
        props = values.object_props(rule_args[2] if len(rule_args) > 2 else None, scope)
        return "schedule" if "schedule" in props else "eventbridge"
    call = node.parent.parent if node.parent is not None else None
    callee = (
        call.child_by_field_name("function") if call is not None and call.type == "call_expression" else None
    )
    if callee is not None and text(callee.child_by_field_name("property")) == "addTarget":
        declared = scope.news.get(text(callee.child_by_field_name("object")))
        if declared is not None:
            rule_args = call_args(declared)
            props = values.object_props(rule_args[2] if len(rule_args) > 2 else None, scope)
            return "schedule" if "schedule" in props else "eventbridge"
    return "eventbridge"


def _destination_kind(node: ts.Node) -> str | None:
    """`LambdaDestination`: S3 notifications or a logs subscription filter; else not a trigger."""
    parent = node.parent
    while parent is not None:
        if parent.type == "call_expression":
            callee = parent.child_by_field_name("function")
            method = (
                text(callee.child_by_field_name("property"))
                if callee is not None and callee.type == "member_expression"
                else ""
            )
            if method in _NOTIFICATIONS:
                return "s3"
            if method == "addSubscriptionFilter":
                return "cloudwatch-logs"
        if parent.type == "new_expression" and text(parent.child_by_field_name("constructor")).endswith(
            "SubscriptionFilter"
        ):
            return "cloudwatch-logs"
        parent = parent.parent
    return None


def _ancestor_new(node: ts.Node, short: str) -> ts.Node | None:
    parent = node.parent
    while parent is not None:
        if (
            parent.type == "new_expression"
            and text(parent.child_by_field_name("constructor")).rsplit(".", 1)[-1] == short
        ):
            return parent
        parent = parent.parent
    return None
