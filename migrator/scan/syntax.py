"""Small, pure helpers over tree-sitter nodes: text, lines, literals, function shapes."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import tree_sitter as ts

from migrator.scan.filefacts import SyntaxProblem

FUNCTION_TYPES = frozenset(
    {
        "function_expression",
        "function",
        "arrow_function",
        "function_declaration",
        "generator_function",
        "generator_function_declaration",
        "method_definition",
    }
)
MAX_SYNTAX_ERRORS = 5


def text(node: ts.Node | None) -> str:
    """The node's source text (each `.text` access copies bytes: read it once)."""
    data = node.text if node is not None else None
    return data.decode("utf-8", "replace") if data else ""


Text = Callable[[ts.Node | None], str]


def source_text(source: bytes) -> Text:
    """The source text of a node of the tree parsed from `source` (the same as `text`, for about a
    quarter of the instructions: `.text` slices the tree's source through a memoryview and copies)."""

    def node_text(node: ts.Node | None) -> str:
        return source[node.start_byte : node.end_byte].decode("utf-8", "replace") if node is not None else ""

    return node_text


def line(node: ts.Node) -> int:
    return node.start_point.row + 1


def string_value(node: ts.Node) -> str | None:
    """The value of a string literal or a template string without substitutions."""
    while node.type in ("as_expression", "satisfies_expression", "parenthesized_expression"):
        if not node.named_children:
            return None
        node = node.named_children[0]
    if node.type == "string":
        raw = text(node)
        if "\\" not in raw:
            return raw[1:-1]  # the quotes off; no escapes to decode
        return "".join(text(c) for c in node.named_children if c.type == "string_fragment")
    if node.type == "template_string" and not any(
        c.type == "template_substitution" for c in node.named_children
    ):
        return text(node)[1:-1]
    return None


def last_name(node: ts.Node) -> str:
    """The name just before a property access: `a.b[0].c` → "b" for the access of `.c`."""
    while True:
        if node.type == "identifier" or node.type == "property_identifier":
            return text(node)
        if node.type == "member_expression":
            return text(node.child_by_field_name("property"))
        if node.type == "subscript_expression":
            index = node.child_by_field_name("index")
            value = string_value(index) if index is not None else None
            if value is not None:
                return value
            obj = node.child_by_field_name("object")
            if obj is None:
                return ""
            node = obj
            continue
        if node.type in ("non_null_expression", "parenthesized_expression", "as_expression"):
            inner = node.named_children[0] if node.named_children else None
            if inner is None:
                return ""
            node = inner
            continue
        return ""


def declared_identifier(declarator: ts.Node) -> ts.Node | None:
    """The identifier a `variable_declarator` declares (None for a destructuring pattern or any
    other node)."""
    if declarator.type != "variable_declarator":
        return None
    name = declarator.child_by_field_name("name")
    return name if name is not None and name.type == "identifier" else None


def inside_function(node: ts.Node) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.type in FUNCTION_TYPES:
            return True
        parent = parent.parent
    return False


def params(fn: ts.Node) -> tuple[str, ...]:
    """Parameter names of a function node ("" for destructuring patterns)."""
    listed = fn.child_by_field_name("parameters")
    if listed is None:
        single = fn.child_by_field_name("parameter")  # `event => …`
        return (text(single),) if single is not None else ()
    names: list[str] = []
    for p in listed.named_children:
        if p.type in ("required_parameter", "optional_parameter"):
            pattern = p.child_by_field_name("pattern")
            p = pattern if pattern is not None else p
        if p.type == "assignment_pattern":
            left = p.child_by_field_name("left")
            p = left if left is not None else p
        if p.type == "comment":
            continue
        names.append(text(p) if p.type == "identifier" else "")
    return tuple(names)


def returned_values(fn: ts.Node) -> list[ts.Node]:
    """What a function returns: the values of its `return …` statements, or an arrow's body.

    One walk over the body's statements serves both readers below (they used to walk it each).
    """
    body = fn.child_by_field_name("body")
    if body is None:
        return []
    if body.type != "statement_block":
        return [body]
    # Statements only: a return sits in a statement, never inside an expression (nested
    # functions are expressions and have returns of their own).
    values = []
    stack = list(body.named_children)
    while stack:
        node = stack.pop()
        if node.type == "return_statement":
            if node.named_children:
                values.append(node.named_children[0])
        elif node.type in _STATEMENT_CONTAINERS:
            stack.extend(node.named_children)
    return values


def returns_promise(values: list[ts.Node]) -> bool:
    """Does one of a function's `returned_values` build or chain a Promise?"""
    return any(is_promise_expr(value) for value in values)


def returned_calls(values: list[ts.Node]) -> list[ts.Node]:
    """The callees of `return f(…)` among a function's `returned_values`."""
    out = []
    for value in values:
        callee = value.child_by_field_name("function") if value.type == "call_expression" else None
        if callee is not None and callee.type in ("identifier", "member_expression"):
            out.append(callee)
    return out


_STATEMENT_CONTAINERS = frozenset(
    {
        "statement_block",
        "if_statement",
        "else_clause",
        "for_statement",
        "for_in_statement",
        "while_statement",
        "do_statement",
        "try_statement",
        "catch_clause",
        "finally_clause",
        "switch_statement",
        "switch_body",
        "switch_case",
        "switch_default",
        "labeled_statement",
    }
)


def is_promise_expr(node: ts.Node) -> bool:
    if node.type == "new_expression":
        return text(node.child_by_field_name("constructor")) == "Promise"
    if node.type == "call_expression":
        fn = node.child_by_field_name("function")
        if fn is not None and fn.type == "member_expression":
            prop = text(fn.child_by_field_name("property"))
            obj = text(fn.child_by_field_name("object"))
            return prop in ("then", "catch", "finally", "promise") or obj == "Promise"
    return False


def class_error_name(body: ts.Node, class_name: str) -> str | None:
    """The `name` a class body sets: a `name = '…'` field or `this.name = …` in a method."""
    stack = list(body.named_children)
    while stack:
        node = stack.pop()
        if node.type in ("field_definition", "public_field_definition"):
            key = node.child_by_field_name("property") or node.child_by_field_name("name")
            val = node.child_by_field_name("value")
            if text(key) == "name" and val is not None:
                return string_value(val) or name_expression(val, class_name)
            continue
        if node.type == "assignment_expression":
            left = node.child_by_field_name("left")
            right = node.child_by_field_name("right")
            if (
                left is not None
                and right is not None
                and left.type == "member_expression"
                and text(left.child_by_field_name("object")) == "this"
                and text(left.child_by_field_name("property")) == "name"
            ):
                return string_value(right) or name_expression(right, class_name)
        if node.type == "class_body" or node.type == "class":
            continue
        stack.extend(node.named_children)
    return None


def name_expression(node: ts.Node, class_name: str) -> str | None:
    value = text(node)
    if value in ("this.constructor.name", "new.target.name", f"{class_name}.name"):
        return class_name
    return None


def syntax_errors(root: ts.Node) -> Iterable[SyntaxProblem]:
    if not root.has_error:
        return []
    found: list[SyntaxProblem] = []
    stack = [root]
    while stack and len(found) < MAX_SYNTAX_ERRORS:
        node = stack.pop()
        if node.is_missing:
            found.append(
                SyntaxProblem(line(node), node.start_point.column + 1, f"syntax error: missing {node.type!r}")
            )
            continue
        if node.type == "ERROR":
            snippet = text(node).splitlines()[0][:40] if node.text else ""
            found.append(
                SyntaxProblem(
                    line(node),
                    node.start_point.column + 1,
                    f"syntax error: unexpected {snippet!r}" if snippet else "syntax error",
                )
            )
            continue
        stack.extend(reversed([c for c in node.children if c.has_error or c.is_missing]))
    return found


def too_deep(root: ts.Node, limit: int) -> ts.Node | None:
    """The first node nested more than `limit` levels below `root`, or None.

    tree-sitter's query slows down sharply and then drops captures on trees nested tens of
    thousands of levels deep (a 300 KB file of nested calls), so such files are refused first.
    """
    cursor = root.walk()
    depth = 0
    while True:
        if cursor.goto_first_child():
            depth += 1
            if depth > limit:
                return cursor.node
            continue
        while not cursor.goto_next_sibling():
            if not cursor.goto_parent():
                return None
            depth -= 1
