"""Static values of CDK app expressions: strings, paths, numbers, durations, enums, objects.

Only what is literal in the file is known: a string, `path.join(__dirname, '..', 'lambda')`,
`Duration.seconds(30)`, `lambda.Runtime.NODEJS_20_X`, an object literal (with spreads of
consts), or a top-level `const` holding one of these. Anything else is None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import tree_sitter as ts

from migrator.scan.syntax import string_value, text

_TRANSPARENT = ("as_expression", "satisfies_expression", "parenthesized_expression", "non_null_expression")
_DURATION_SECONDS = MappingProxyType(
    {"millis": 0.001, "seconds": 1, "minutes": 60, "hours": 3600, "days": 86400}
)
_RUNTIME_FAMILIES = MappingProxyType(
    {
        "NODEJS": "nodejs",
        "PYTHON": "python",
        "JAVA": "java",
        "DOTNET": "dotnet",
        "DOTNETCORE": "dotnetcore",
        "RUBY": "ruby",
        "GO": "go",
        "PROVIDED": "provided",
    }
)
_RUNTIME = re.compile(r"Runtime\.([A-Z]+?)(?:_(\w+))?$")
_PATH_CALLS = frozenset({"path.join", "path.resolve", "join", "resolve", "path.posix.join"})
_MAX_DEPTH = 8


@dataclass(frozen=True)
class FileScope:
    """What an expression may refer to in one file: its folder and its top-level consts."""

    folder: Path  #: the file's folder (`__dirname`)
    app_dir: Path  #: the CDK app folder (the working directory of `cdk synth`)
    consts: dict[str, ts.Node]  #: top-level `const NAME = <value>`
    news: dict[str, ts.Node]  #: `const x = new …` / `this.x = new …` anywhere, by name


def unwrap(node: ts.Node) -> ts.Node:
    while node.type in _TRANSPARENT and node.named_children:
        node = node.named_children[0]
    return node


def resolve(node: ts.Node | None, scope: FileScope, depth: int = 0) -> ts.Node | None:
    """The expression itself, or the value of the top-level const it names."""
    if node is None or depth > _MAX_DEPTH:
        return None
    node = unwrap(node)
    if node.type in ("identifier", "shorthand_property_identifier") and text(node) in scope.consts:
        return resolve(scope.consts[text(node)], scope, depth + 1)
    return node


def string(node: ts.Node | None, scope: FileScope, depth: int = 0) -> str | None:
    """A string literal, or a template string whose every `${…}` is itself a known string."""
    found = resolve(node, scope)
    if found is None or depth > _MAX_DEPTH:
        return None
    if found.type != "template_string":
        return string_value(found)
    parts: list[str] = []
    for child in found.named_children:
        if child.type == "template_substitution":
            inner = string(child.named_children[0], scope, depth + 1) if child.named_children else None
            if inner is None:
                return None
            parts.append(inner)
        else:
            parts.append(text(child))
    return "".join(parts)


def path_value(node: ts.Node | None, scope: FileScope, depth: int = 0) -> Path | None:
    """An absolute path: literal strings are relative to the app folder, `__dirname` to the file."""
    found = resolve(node, scope)
    if found is None or depth > _MAX_DEPTH:
        return None
    literal = string(found, scope)
    if literal is not None:
        return (scope.app_dir / literal).resolve()
    if found.type == "identifier" and text(found) == "__dirname":
        return scope.folder
    if found.type == "template_string":
        raw = text(found)[1:-1]
        if raw.startswith("${__dirname}") and raw.count("${") == 1:
            return (scope.folder / raw.removeprefix("${__dirname}").lstrip("/")).resolve()
        return None
    if found.type == "call_expression" and text(found.child_by_field_name("function")) in _PATH_CALLS:
        args = found.child_by_field_name("arguments")
        parts = [unwrap(a) for a in args.named_children] if args is not None else []
        if not parts:
            return None
        base = path_value(parts[0], scope, depth + 1)
        if base is None:
            return None
        absolute_resets = text(found.child_by_field_name("function")).endswith("resolve")
        for part in parts[1:]:
            piece = string(part, scope)
            if piece is None:
                return None
            # path.join('/a', '/b') is /a/b; path.resolve('/a', '/b') is /b.
            base = base / (piece if absolute_resets else piece.lstrip("/"))
        return base.resolve()
    return None


def number(node: ts.Node | None, scope: FileScope) -> int | None:
    found = resolve(node, scope)
    if found is None:
        return None
    if found.type == "number":
        try:
            return int(float(text(found)))
        except ValueError:
            return None
    return None


def seconds(node: ts.Node | None, scope: FileScope) -> int | None:
    """`Duration.seconds(30)`, `cdk.Duration.minutes(5)` → seconds."""
    found = resolve(node, scope)
    if found is None or found.type != "call_expression":
        return None
    callee = text(found.child_by_field_name("function"))
    unit = callee.rsplit(".", 1)[-1]
    args = found.child_by_field_name("arguments")
    if "Duration." not in callee or unit not in _DURATION_SECONDS or args is None or not args.named_children:
        return None
    amount = number(args.named_children[0], scope)
    return None if amount is None else int(amount * _DURATION_SECONDS[unit])


def runtime(node: ts.Node | None, scope: FileScope) -> str | None:
    """`lambda.Runtime.NODEJS_20_X` → "nodejs20.x"; `new Runtime('nodejs22.x')` → "nodejs22.x"."""
    found = resolve(node, scope)
    if found is None:
        return None
    if found.type == "new_expression":
        args = found.child_by_field_name("arguments")
        return string(args.named_children[0], scope) if args is not None and args.named_children else None
    match = _RUNTIME.search(text(found))
    if match is None or match.group(1) not in _RUNTIME_FAMILIES:
        return None
    family, version = _RUNTIME_FAMILIES[match.group(1)], (match.group(2) or "")
    if version == "LATEST":
        return family
    version = version.replace("_", ".").lower()
    return f"{family}.{version}" if family == "provided" and version else f"{family}{version}"


def architecture(node: ts.Node | None, scope: FileScope) -> str | None:
    value = text(resolve(node, scope))
    if value.endswith("ARM_64"):
        return "arm64"
    if value.endswith("X86_64"):
        return "x86_64"
    return None


def object_props(node: ts.Node | None, scope: FileScope, depth: int = 0) -> dict[str, ts.Node]:
    """Key → value node of an object literal, spreads of const objects merged first."""
    found = resolve(node, scope)
    out: dict[str, ts.Node] = {}
    if found is None or found.type != "object" or depth > _MAX_DEPTH:
        return out
    for child in found.named_children:
        if child.type == "pair":
            key = child.child_by_field_name("key")
            value = child.child_by_field_name("value")
            name = string_value(key) if key is not None and key.type == "string" else text(key)
            if value is not None and name:
                out[name] = value
        elif child.type == "shorthand_property_identifier":
            out[text(child)] = child
        elif child.type == "spread_element" and child.named_children:
            out.update(object_props(child.named_children[0], scope, depth + 1))
    return out


#: `fn.functionArn` and friends name the function `fn`.
_FUNCTION_ATTRIBUTES = (".functionArn", ".functionName", ".currentVersion", ".latestVersion")


def binding_name(node: ts.Node, wrappers: tuple[str, ...]) -> tuple[str | None, ts.Node | None]:
    """The name an expression is bound to (`const x = …` → "x", `this.x = …` → "this.x"), looking
    through the `wrappers` around it, and the node that holds it (None for either when absent)."""
    parent = node.parent
    while parent is not None and parent.type in wrappers:
        parent = parent.parent
    if parent is not None and parent.type == "variable_declarator":
        return text(parent.child_by_field_name("name")), parent
    if parent is not None and parent.type == "assignment_expression":
        return text(parent.child_by_field_name("left")), parent
    return None, parent


def reference_key(node: ts.Node | None) -> str:
    """How code refers to the function a node holds or names."""
    if node is None:
        return ""
    node = unwrap(node)
    if node.type == "new_expression":
        name, parent = binding_name(
            node, ("as_expression", "parenthesized_expression", "satisfies_expression")
        )
        if name is not None:
            return name
        if parent is not None and parent.type in ("public_field_definition", "field_definition"):
            return (
                f"this.{text(parent.child_by_field_name('name') or parent.child_by_field_name('property'))}"
            )
        return f"@{node.start_byte}"
    found = text(node)
    for suffix in _FUNCTION_ATTRIBUTES:
        found = found.removesuffix(suffix)
    return found


def call_args(node: ts.Node | None) -> list[ts.Node]:
    args = node.child_by_field_name("arguments") if node is not None else None
    return [a for a in args.named_children if a.type != "comment"] if args is not None else []


def constructor_name(node: ts.Node) -> str:
    """`new x.SqsEventSource(q)` → "SqsEventSource"; any other expression → its text."""
    if node.type == "new_expression":
        return text(node.child_by_field_name("constructor")).rsplit(".", 1)[-1]
    return text(node)


def source_name(node: ts.Node, scope: FileScope) -> str:
    """The construct an argument builds: `new SqsEventSource(q)`, or a name declared with one."""
    found = unwrap(node)
    declared = scope.news.get(text(found)) if found.type in ("identifier", "member_expression") else None
    return constructor_name(declared if declared is not None else found)
