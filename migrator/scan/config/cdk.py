"""One CDK app source file (TypeScript or JavaScript), read statically with tree-sitter.

Finds Lambda constructs (`lambda.Function`, `NodejsFunction`, …) with their settings, and the
wiring that triggers them (`addEventSource`, API integrations, rule targets, notifications,
function URLs, …). Which function a wiring names is settled for the whole app in cdkapp.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import tree_sitter as ts

from migrator.scan.config import cdkvalues as values
from migrator.scan.config.cdkvalues import FileScope
from migrator.scan.config.model import Skip
from migrator.scan.config.vocabulary import vocabulary
from migrator.scan.syntax import line, text

#: Constructs that declare a function, and what they are.
FUNCTION_CONSTRUCTS = {
    "Function": "function",
    "SingletonFunction": "function",
    "EdgeFunction": "function",
    "NodejsFunction": "nodejs",
    "DockerImageFunction": "image",
    "PythonFunction": "python",
    "GoFunction": "go",
}
_REFERENCE_TYPES = frozenset(
    {"identifier", "member_expression", "new_expression", "shorthand_property_identifier"}
)
_TARGET_KEYS = (
    "handler",
    "lambdaFunction",
    "onEventHandler",
    "isCompleteHandler",
    "function",
    "fn",
    "serviceToken",
)
#: `fn.functionArn` and friends name the function `fn`.
_FUNCTION_ATTRIBUTES = (".functionArn", ".functionName", ".currentVersion", ".latestVersion")
_NOTIFICATIONS = frozenset(
    {"addEventNotification", "addObjectCreatedNotification", "addObjectRemovedNotification"}
)
_CDK_LAMBDA_IMPORT = re.compile(r"\bFunction\b[^;]*?from\s*['\"][^'\"]*aws-lambda['\"]", re.S)


@dataclass(frozen=True)
class CdkFunction:
    key: str  #: how the file refers to it: "fn", "this.fn", or "@<offset>" for an inline construct
    name: str  #: the construct id
    file: str
    line: int
    base_dir: Path
    handler: str | None
    runtime: str | None
    memory_mb: int | None
    timeout_s: int | None
    architecture: str | None
    env: tuple[str, ...]
    skip: Skip | None
    entry_points: tuple[str, ...]  #: NodejsFunction's entry when the handler string cannot name it
    edge: bool  #: a Lambda@Edge function
    inline: bool  #: `Code.fromInline`: nothing on disk to scan


@dataclass(frozen=True)
class CdkWire:
    target: str  #: the expression naming the function, as in CdkFunction.key
    kind: str
    file: str
    line: int
    detail: str


@dataclass
class CdkFile:
    functions: list[CdkFunction] = field(default_factory=list)
    wires: list[CdkWire] = field(default_factory=list)


def read_cdk_source(root: ts.Node, source: str, path: Path, rel: str, app_dir: Path) -> CdkFile:
    """The Lambda constructs and trigger wiring of one parsed app file."""
    scope = FileScope(path.parent, app_dir, _top_consts(root), _declared_news(root))
    bare_function = bool(_CDK_LAMBDA_IMPORT.search(source))
    out = CdkFile()
    stack = [root]
    while stack:
        node = stack.pop()
        stack.extend(reversed(node.named_children))
        if node.type == "new_expression":
            _new(node, scope, path, rel, bare_function, out)
        elif node.type == "call_expression":
            _call(node, scope, rel, out)
    return out


def _new(node: ts.Node, scope: FileScope, path: Path, rel: str, bare_function: bool, out: CdkFile) -> None:
    ctor = text(node.child_by_field_name("constructor"))
    short = ctor.rsplit(".", 1)[-1]
    args = _args(node)
    if (
        short in FUNCTION_CONSTRUCTS
        and (short != "Function" or "." in ctor or bare_function)
        and len(args) >= 2
    ):
        fn = _function(node, short, args, scope, path, rel)
        out.functions.append(fn)
        props = values.object_props(args[2] if len(args) > 2 else None, scope)
        listed = values.resolve(props.get("events"), scope)
        for source in listed.named_children if listed is not None and listed.type == "array" else ():
            name = _constructor(values.unwrap(source))
            source_kind = vocabulary().cdk_event_sources.get(name, "unknown")
            out.wires.append(CdkWire(fn.key, source_kind, rel, line(source), f"events: {name}"))
        return
    kind: str | None = vocabulary().cdk_integrations.get(short)
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
            out.wires.append(
                CdkWire(_key(value), "cognito", rel, line(value), f"UserPool lambdaTriggers.{trigger}")
            )
        return
    if kind is None:
        return
    for target in _targets(args, scope):
        out.wires.append(CdkWire(target, kind, rel, line(node), f"new {short}"))


def _call(node: ts.Node, scope: FileScope, rel: str, out: CdkFile) -> None:
    callee = node.child_by_field_name("function")
    if callee is None or callee.type != "member_expression":
        return
    method = text(callee.child_by_field_name("property"))
    receiver = _key(callee.child_by_field_name("object"))
    args = _args(node)
    if method == "addEventSource" and args:
        name = _constructor(values.unwrap(args[0]))
        kind = vocabulary().cdk_event_sources.get(name, "unknown")
        out.wires.append(CdkWire(receiver, kind, rel, line(node), f"addEventSource({name})"))
    elif method == "addFunctionUrl":
        out.wires.append(CdkWire(receiver, "function-url", rel, line(node), "addFunctionUrl"))
    elif method == "addTrigger" and len(args) >= 2:
        out.wires.append(CdkWire(_key(args[1]), "cognito", rel, line(node), f"addTrigger({text(args[0])})"))
    elif method == "addLambdaDataSource" and len(args) >= 2:
        out.wires.append(CdkWire(_key(args[1]), "appsync", rel, line(node), "addLambdaDataSource"))
    elif method == "addEventSourceMapping":
        out.wires.append(CdkWire(receiver, "unknown", rel, line(node), "addEventSourceMapping"))


def _function(
    node: ts.Node, short: str, args: list[ts.Node], scope: FileScope, path: Path, rel: str
) -> CdkFunction:
    construct_id = values.string(args[1], scope)
    props = values.object_props(args[2] if len(args) > 2 else None, scope)
    handler = values.string(props.get("handler"), scope)
    base_dir = scope.app_dir
    skip: Skip | None = None
    inline = False
    entry_points: tuple[str, ...] = ()
    kind = FUNCTION_CONSTRUCTS[short]
    if kind == "nodejs":
        entry = (
            values.path_value(props.get("entry"), scope)
            if "entry" in props
            else _default_entry(path, construct_id)
        )
        if entry is not None:
            base_dir = entry.parent
            stem = entry.name.rsplit(".", 1)[0]
            if "." in stem:  # `stack.id.ts`: a handler string cannot name it; esbuild's entry can
                entry_points = (entry.name,)
                stem = "index"
            handler = f"{stem}.{handler or 'handler'}"
        else:
            handler = None
    elif kind == "function":
        code = values.resolve(props.get("code"), scope)
        call = (
            text(code.child_by_field_name("function"))
            if code is not None and code.type == "call_expression"
            else ""
        )
        code_args = _args(code) if code is not None and code.type == "call_expression" else []
        method = call.rsplit(".", 1)[-1]
        if method in ("fromAsset", "asset") and code_args:
            base_dir = values.path_value(code_args[0], scope) or scope.app_dir
        elif method in ("fromInline", "inline") or (code is not None and "InlineCode" in text(code)[:40]):
            inline = True
        elif method in ("fromDockerBuild", "fromAssetImage", "fromEcrImage"):
            skip = ("container-image", f"Code.{method}")
    elif kind == "image":
        skip = ("container-image", short)
    else:
        skip = ("runtime", f"{short} ({kind})")
    environment = values.object_props(props.get("environment"), scope)
    return CdkFunction(
        key=_key(node),
        name=construct_id or _key(node),
        file=rel,
        line=line(node),
        base_dir=base_dir,
        handler=handler,
        runtime=values.runtime(props.get("runtime"), scope),
        memory_mb=values.number(props.get("memorySize"), scope),
        timeout_s=values.seconds(props.get("timeout"), scope),
        architecture=values.architecture(props.get("architecture"), scope),
        env=tuple(environment),
        skip=skip,
        entry_points=entry_points,
        edge=short == "EdgeFunction",
        inline=inline,
    )


def _default_entry(path: Path, construct_id: str | None) -> Path | None:
    """NodejsFunction's default entry: `<defining file>.<id>.ts` (or .js) beside the file."""
    if construct_id is None:
        return None
    stem = path.name.rsplit(".", 1)[0]
    for suffix in (".ts", ".js", ".mjs", ".mts", ".cjs", ".cts"):
        candidate = path.parent / f"{stem}.{construct_id}{suffix}"
        if candidate.is_file():
            return candidate
    return path.parent / f"{stem}.{construct_id}.ts"


def _key(node: ts.Node | None) -> str:
    """How code refers to the function a node holds or names."""
    if node is None:
        return ""
    node = values.unwrap(node)
    if node.type == "new_expression":
        parent = node.parent
        while parent is not None and parent.type in (
            "as_expression",
            "parenthesized_expression",
            "satisfies_expression",
        ):
            parent = parent.parent
        if parent is not None and parent.type == "variable_declarator":
            return text(parent.child_by_field_name("name"))
        if parent is not None and parent.type == "assignment_expression":
            return text(parent.child_by_field_name("left"))
        if parent is not None and parent.type in ("public_field_definition", "field_definition"):
            return (
                f"this.{text(parent.child_by_field_name('name') or parent.child_by_field_name('property'))}"
            )
        return f"@{node.start_byte}"
    found = text(node)
    for suffix in _FUNCTION_ATTRIBUTES:
        found = found.removesuffix(suffix)
    return found


def _targets(args: list[ts.Node], scope: FileScope) -> list[str]:
    found = []
    for arg in args:
        arg = values.unwrap(arg)
        if arg.type in _REFERENCE_TYPES:
            found.append(_key(arg))
        elif arg.type == "object":
            props = values.object_props(arg, scope)
            found += [_key(props[k]) for k in _TARGET_KEYS if k in props]
    return [f for f in found if f and f != "this"]


def _rule_kind(node: ts.Node, scope: FileScope) -> str:
    """`targets.LambdaFunction`: a schedule when its rule has a `schedule`, else EventBridge."""
    rule = _ancestor_new(node, "Rule")
    if rule is not None:
        rule_args = _args(rule)
        props = values.object_props(rule_args[2] if len(rule_args) > 2 else None, scope)
        return "schedule" if "schedule" in props else "eventbridge"
    call = node.parent.parent if node.parent is not None else None
    callee = (
        call.child_by_field_name("function") if call is not None and call.type == "call_expression" else None
    )
    if callee is not None and text(callee.child_by_field_name("property")) == "addTarget":
        declared = scope.news.get(text(callee.child_by_field_name("object")))
        if declared is not None:
            rule_args = _args(declared)
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


def _constructor(node: ts.Node) -> str:
    """`new x.SqsEventSource(q)` → "SqsEventSource"; any other expression → its text."""
    if node.type == "new_expression":
        return text(node.child_by_field_name("constructor")).rsplit(".", 1)[-1]
    return text(node)


def _args(node: ts.Node | None) -> list[ts.Node]:
    args = node.child_by_field_name("arguments") if node is not None else None
    return [a for a in args.named_children if a.type != "comment"] if args is not None else []


def _top_consts(root: ts.Node) -> dict[str, ts.Node]:
    consts: dict[str, ts.Node] = {}
    for statement in root.named_children:
        if statement.type == "export_statement":
            statement = statement.child_by_field_name("declaration") or statement
        if statement.type in ("lexical_declaration", "variable_declaration"):
            for declarator in statement.named_children:
                name = declarator.child_by_field_name("name")
                value = declarator.child_by_field_name("value")
                if (
                    declarator.type == "variable_declarator"
                    and name is not None
                    and value is not None
                    and name.type == "identifier"
                    and value.type != "new_expression"
                ):
                    consts[text(name)] = value
    return consts


def _declared_news(root: ts.Node) -> dict[str, ts.Node]:
    """`const x = new …` and `this.x = new …` anywhere in the file, by name."""
    news: dict[str, ts.Node] = {}
    stack = [root]
    while stack:
        node = stack.pop()
        stack.extend(node.named_children)
        if node.type == "new_expression":
            key = _key(node)
            if not key.startswith("@"):
                news.setdefault(key, node)
    return news
