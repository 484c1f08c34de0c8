"""One CDK app source file (TypeScript or JavaScript), read statically with tree-sitter.

Finds Lambda constructs (`lambda.Function`, `NodejsFunction`, …) with their settings, and the
wiring that triggers them (`addEventSource`, API integrations, rule targets, notifications,
function URLs, …). Which function a wiring names is settled for the whole app in cdkapp.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType

import tree_sitter as ts

from migrator.scan.config import cdkvalues as values
from migrator.scan.config.cdkdynamic import uses
from migrator.scan.config.cdkvalues import FileScope, call_args, reference_key
from migrator.scan.config.cdkwiring import CdkWire, call_wires, construct_wires
from migrator.scan.config.model import Skip
from migrator.scan.model import ScanProblem
from migrator.scan.syntax import line, text
from migrator.scan.vocabulary import vocabulary

#: Constructs that declare a function, and what they are.
FUNCTION_CONSTRUCTS = MappingProxyType(
    {
        "Function": "function",
        "SingletonFunction": "function",
        "EdgeFunction": "function",
        "NodejsFunction": "nodejs",
        "DockerImageFunction": "image",
        "PythonFunction": "python",
        "GoFunction": "go",
        "RustFunction": "rust",  # cargo-lambda-cdk
    }
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
    inline_code: str | None  #: its source, when a literal (scanned as `<file>#<id>.js`)


@dataclass
class CdkFile:
    functions: list[CdkFunction] = field(default_factory=list)
    wires: list[CdkWire] = field(default_factory=list)
    problems: list[ScanProblem] = field(default_factory=list)  #: constructs that cannot be read


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
            _new(node, root, scope, path, rel, bare_function, out)
        elif node.type == "call_expression":
            out.wires += call_wires(node, scope, rel)
    return out


def _new(
    node: ts.Node, root: ts.Node, scope: FileScope, path: Path, rel: str, bare_function: bool, out: CdkFile
) -> None:
    ctor = text(node.child_by_field_name("constructor"))
    short = ctor.rsplit(".", 1)[-1]
    args = call_args(node)
    if not (
        short in FUNCTION_CONSTRUCTS
        and (short != "Function" or "." in ctor or bare_function)
        and len(args) >= 2
    ):
        out.wires += construct_wires(node, short, args, scope, rel)
        return
    found = uses(node, scope, root)
    if found is None:  # no helper parameter or loop variable in it: read as written
        _add(_function(node, short, args, scope, path, rel), args, scope, rel, out)
        return
    if not found:  # no call or array item in this file: what is written may still name the code
        fn = _function(node, short, args, scope, path, rel)
        readable = fn.handler is not None or fn.skip is not None or fn.inline
        out.problems.append(ScanProblem(rel, line(node), None, _SCANNED_ONCE if readable else _NOT_EVIDENT))
        if readable:
            _add(fn, args, scope, rel, out)
    for number, use in enumerate(found):
        bound = replace(scope, consts={**scope.consts, **use.bindings})
        fn = _function(node, short, args, bound, path, rel)
        if values.string(args[1], bound) is None or (
            fn.handler is None and fn.skip is None and not fn.inline
        ):
            out.problems.append(ScanProblem(rel, line(use.site), None, _NOT_EVIDENT))
            continue
        key = use.key or f"{fn.key}#{number}"
        _add(replace(fn, key=key, line=line(use.site)), args, bound, rel, out)


_NOT_EVIDENT = (
    "CDK function built in a helper or a loop: its id, entry or code is known only when the app runs "
    "(no call or array item in this file gives it); it is not scanned. Use literal arguments, or "
    "run `cdk synth` so that cdk.out is read"
)


_SCANNED_ONCE = (
    "CDK function built in a helper or a loop whose calls or items are not in this file: its code is "
    "scanned once, under the name the code gives it; run `cdk synth` so that cdk.out names each one"
)


def _add(fn: CdkFunction, args: list[ts.Node], scope: FileScope, rel: str, out: CdkFile) -> None:
    """The function, and the event sources listed in its props (`events: [new SqsEventSource(q)]`)."""
    out.functions.append(fn)
    props = values.object_props(args[2] if len(args) > 2 else None, scope)
    listed = values.resolve(props.get("events"), scope)
    for source in listed.named_children if listed is not None and listed.type == "array" else ():
        name = values.source_name(source, scope)
        source_kind = vocabulary().cdk_event_sources.get(name, "unknown")
        out.wires.append(CdkWire(fn.key, source_kind, rel, line(source), f"events: {name}"))


@dataclass(frozen=True)
class _Code:
    """Where a construct's code is, as its props say."""

    base_dir: Path
    handler: str | None
    skip: Skip | None = None
    entry_points: tuple[str, ...] = ()
    inline: bool = False
    inline_code: str | None = None


def _function(
    node: ts.Node, short: str, args: list[ts.Node], scope: FileScope, path: Path, rel: str
) -> CdkFunction:
    construct_id = values.string(args[1], scope)
    props = values.object_props(args[2] if len(args) > 2 else None, scope)
    handler = values.string(props.get("handler"), scope)
    kind = FUNCTION_CONSTRUCTS[short]
    if kind == "nodejs":
        code = _nodejs_code(props, scope, path, construct_id, handler)
    elif kind == "function":
        code = _function_code(props, scope, handler)
    elif kind == "image":
        code = _Code(scope.app_dir, handler, skip=("container-image", short))
    else:
        code = _Code(scope.app_dir, handler, skip=("runtime", f"{short} ({kind})"))
    environment = values.object_props(props.get("environment"), scope)
    return CdkFunction(
        key=reference_key(node),
        name=construct_id or reference_key(node),
        file=rel,
        line=line(node),
        base_dir=code.base_dir,
        handler=code.handler,
        runtime=values.runtime(props.get("runtime"), scope),
        memory_mb=values.number(props.get("memorySize"), scope),
        timeout_s=values.seconds(props.get("timeout"), scope),
        architecture=values.architecture(props.get("architecture"), scope),
        env=tuple(environment),
        skip=code.skip,
        entry_points=code.entry_points,
        edge=short == "EdgeFunction",
        inline=code.inline,
        inline_code=code.inline_code,
    )


def _nodejs_code(
    props: dict[str, ts.Node], scope: FileScope, path: Path, construct_id: str | None, handler: str | None
) -> _Code:
    """`NodejsFunction`: its `entry` (or the default `<stack file>.<id>.ts`) and its handler export."""
    entry = (
        values.path_value(props.get("entry"), scope)
        if "entry" in props
        else _default_entry(path, construct_id)
    )
    if entry is None:
        return _Code(scope.app_dir, None)
    entry_points: tuple[str, ...] = ()
    stem = entry.name.rsplit(".", 1)[0]
    if "." in stem:  # `stack.id.ts`: a handler string cannot name it; esbuild's entry can
        entry_points = (entry.name,)
        stem = "index"
    return _Code(entry.parent, f"{stem}.{handler or 'handler'}", entry_points=entry_points)


def _function_code(props: dict[str, ts.Node], scope: FileScope, handler: str | None) -> _Code:
    """`Function`: its `code`, an asset folder, inline source or a container image."""
    code = values.resolve(props.get("code"), scope)
    is_call = code is not None and code.type == "call_expression"
    call = text(code.child_by_field_name("function")) if code is not None and is_call else ""
    code_args = call_args(code) if code is not None and is_call else []
    method = call.rsplit(".", 1)[-1]
    if method in ("fromAsset", "asset") and code_args:
        return _Code(values.path_value(code_args[0], scope) or scope.app_dir, handler)
    if method in ("fromInline", "inline") or (code is not None and "InlineCode" in text(code)[:40]):
        source = code_args or (call_args(code) if code is not None and code.type == "new_expression" else [])
        inline_code = values.string(source[0], scope) if source else None
        return _Code(scope.app_dir, handler, inline=True, inline_code=inline_code)
    if method in ("fromDockerBuild", "fromAssetImage", "fromEcrImage"):
        return _Code(scope.app_dir, handler, skip=("container-image", f"Code.{method}"))
    return _Code(scope.app_dir, handler)


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
            key = reference_key(node)
            if not key.startswith("@"):
                news.setdefault(key, node)
    return news
