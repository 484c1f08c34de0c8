"""tree-sitter statements → IR statements, counting every statement and replacing the ones outside
the subset by `Untranslated` (the innermost statement holding the construct)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import tree_sitter as ts

from migrator.port import ir
from migrator.port.context import LowerContext, Unsupported
from migrator.port.lower_class import lower_class
from migrator.port.lower_enum import lower_enum
from migrator.port.lower_expr import lower_expr, named, string_value
from migrator.port.lower_func import lower_function
from migrator.port.lower_pattern import lower_pattern
from migrator.port.reexports import lower_reexport

_SKIPPED = {"comment", "empty_statement", "type_alias_declaration", "interface_declaration", "hash_bang_line"}
_COUNTED_SUFFIXES = ("_statement", "_declaration")
_NAMED_DECLARATIONS = (
    "function_declaration", "class_declaration", "generator_function_declaration", "enum_declaration",
)  # fmt: skip


def _counts(node: ts.Node) -> int:
    """How many statements a subtree holds (itself included)."""
    own = 1 if node.type.endswith(_COUNTED_SUFFIXES) and node.type not in _SKIPPED else 0
    return own + sum(_counts(c) for c in node.named_children)


def lower_block(node: ts.Node, cx: LowerContext) -> tuple[ir.Stmt, ...]:
    """The statements of a block or program node."""
    out: list[ir.Stmt] = []
    for child in named(node):
        out += lower_statement(child, cx)
    return tuple(out)


def lower_statement(node: ts.Node, cx: LowerContext) -> tuple[ir.Stmt, ...]:
    """One statement (a declaration of several names gives several)."""
    if node.type in _SKIPPED:
        return ()
    if node.type == "statement_block":
        return (ir.Block(lower_block(node, cx)),)
    before = (cx.statements, cx.failed, len(cx.untranslated), len(cx.exports), len(cx.reexports))
    cx.statements += 1
    try:
        handler = _HANDLERS.get(node.type)
        if handler is None:
            raise Unsupported(node, node.type.replace("_", " "), "not in the translated subset")
        return handler(node, cx)
    except Unsupported as exc:
        n = max(1, _counts(node))
        cx.statements, cx.failed = before[0] + n, before[1] + n
        del cx.untranslated[before[2] :]
        del cx.exports[before[3] :]
        del cx.reexports[before[4] :]
        spot = ir.Untranslated(cx.file, cx.line(exc.node), exc.construct, exc.why, _binds(node, cx))
        cx.untranslated.append(spot)
        return (spot,)


def _binds(node: ts.Node, cx: LowerContext) -> tuple[str, ...]:
    """The names a declaration statement binds (so later references still compile)."""
    if node.type == "export_statement":
        inner = node.child_by_field_name("declaration")
        return _binds(inner, cx) if inner is not None else ()
    if node.type in _NAMED_DECLARATIONS:
        name = node.child_by_field_name("name")
        return (cx.text(name),) if name is not None else ()
    if node.type not in ("lexical_declaration", "variable_declaration"):
        return ()
    names: list[str] = []
    for declarator in named(node):
        target = declarator.child_by_field_name("name")
        stack = [target] if target is not None else []
        while stack:
            item = stack.pop()
            if item.type in ("identifier", "shorthand_property_identifier_pattern"):
                names.append(cx.text(item))
            elif item.type in ("object_pattern", "array_pattern", "rest_pattern", "pair_pattern"):
                stack.extend(c for c in item.named_children if c != item.child_by_field_name("key"))
            elif item.type in ("assignment_pattern", "object_assignment_pattern"):
                left = item.child_by_field_name("left")
                stack.extend([left] if left is not None else [])
    return tuple(names)


def _body(node: ts.Node | None, cx: LowerContext) -> ir.Stmt:
    assert node is not None
    stmts = lower_statement(node, cx)
    return stmts[0] if len(stmts) == 1 else ir.Block(stmts)


def _expression(node: ts.Node, cx: LowerContext) -> tuple[ir.Stmt, ...]:
    return (ir.ExprStmt(lower_expr(named(node)[0], cx)),)


def _declaration(node: ts.Node, cx: LowerContext) -> tuple[ir.Stmt, ...]:
    kind = cx.text(node.children[0])
    out: list[ir.Stmt] = []
    for declarator in named(node):
        if declarator.type != "variable_declarator":
            continue
        name, value = declarator.child_by_field_name("name"), declarator.child_by_field_name("value")
        assert name is not None
        init = lower_expr(value, cx) if value is not None else None
        if isinstance(init, ir.Func | ir.Class) and name.type == "identifier" and not init.name:
            init = _named(init, cx.text(name))
        annotation = declarator.child_by_field_name("type")
        ann = cx.text(annotation).lstrip(":").strip() if annotation is not None else ""
        out.append(ir.Decl(kind, lower_pattern(name, cx), init, ann, cx.line(declarator)))
    return tuple(out)


def _named(value: ir.Func | ir.Class, name: str) -> ir.Expr:
    """`const f = () => ...` names the function `f` (its `name` property), as JavaScript does."""
    return replace(value, name=name)


def _function(node: ts.Node, cx: LowerContext) -> tuple[ir.Stmt, ...]:
    func = lower_function(node, cx)
    assert isinstance(func, ir.Func)
    return (ir.FuncDecl(func.name, func),)


def _class(node: ts.Node, cx: LowerContext) -> tuple[ir.Stmt, ...]:
    cls = lower_class(node, cx)
    assert isinstance(cls, ir.Class)
    return (ir.Decl("const", ir.BindName(cls.name), cls),)


def _if(node: ts.Node, cx: LowerContext) -> tuple[ir.Stmt, ...]:
    cond = node.child_by_field_name("condition")
    assert cond is not None
    other = node.child_by_field_name("alternative")
    other_stmt = _body(named(other)[0], cx) if other is not None else None
    return (ir.If(lower_expr(cond, cx), _body(node.child_by_field_name("consequence"), cx), other_stmt),)


def _for(node: ts.Node, cx: LowerContext) -> tuple[ir.Stmt, ...]:
    init_node = node.child_by_field_name("initializer")
    test_node = node.child_by_field_name("condition")
    update_node = node.child_by_field_name("increment")
    init: ir.Stmt | None = None
    if init_node is not None and init_node.type != "empty_statement":
        if init_node.type in ("lexical_declaration", "variable_declaration"):
            decls = _declaration(init_node, cx)
            init = decls[0] if len(decls) == 1 else ir.Block(decls)
        else:
            init = ir.ExprStmt(lower_expr(init_node, cx))
    test = None
    if test_node is not None and test_node.type != "empty_statement":
        inner = named(test_node)[0] if test_node.type == "expression_statement" else test_node
        test = lower_expr(inner, cx)
    update = lower_expr(update_node, cx) if update_node is not None else None
    if isinstance(init, ir.Decl) and init.kind == "let":
        _per_iteration(node, init)
    return (ir.For(init, test, update, _body(node.child_by_field_name("body"), cx)),)


def _per_iteration(node: ts.Node, init: ir.Decl) -> None:
    """Go 1.22 gives each iteration its own loop variable, like `let` in a JS for loop: nothing to do
    for a simple binding; destructured `let` in a for head is reported."""
    if not isinstance(init.pattern, ir.BindName):
        raise Unsupported(node, "for (let pattern ...)", "destructuring in a for-loop head is not translated")


def _for_in(node: ts.Node, cx: LowerContext) -> tuple[ir.Stmt, ...]:
    left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
    assert left is not None and right is not None
    kind_node = node.child_by_field_name("kind")
    kind = cx.text(kind_node) if kind_node is not None else ""
    operator = node.child_by_field_name("operator")
    keys = operator is not None and cx.text(operator) == "in"
    awaits = any(c.type == "await" for c in node.children)
    pattern = lower_pattern(left, cx, targets=not kind)
    body = _body(node.child_by_field_name("body"), cx)
    return (ir.ForOf(kind, pattern, lower_expr(right, cx), body, keys, awaits),)


def _while(node: ts.Node, cx: LowerContext) -> tuple[ir.Stmt, ...]:
    cond = node.child_by_field_name("condition")
    assert cond is not None
    return (
        ir.While(
            lower_expr(cond, cx), _body(node.child_by_field_name("body"), cx), node.type == "do_statement"
        ),
    )


def _switch(node: ts.Node, cx: LowerContext) -> tuple[ir.Stmt, ...]:
    value, body = node.child_by_field_name("value"), node.child_by_field_name("body")
    assert value is not None and body is not None
    cases: list[ir.SwitchCase] = []
    for clause in named(body):
        test = clause.child_by_field_name("value") if clause.type == "switch_case" else None
        stmts: list[ir.Stmt] = []
        for child in clause.children_by_field_name("body"):
            stmts += lower_statement(child, cx)
        cases.append(ir.SwitchCase(lower_expr(test, cx) if test is not None else None, tuple(stmts)))
    return (ir.Switch(lower_expr(value, cx), tuple(cases)),)


def _jump(node: ts.Node, cx: LowerContext) -> tuple[ir.Stmt, ...]:
    if node.child_by_field_name("label") is not None:
        raise Unsupported(node, "labelled " + node.type.split("_")[0], "labels are not translated")
    return (ir.Break() if node.type == "break_statement" else ir.Continue(),)


def _return(node: ts.Node, cx: LowerContext) -> tuple[ir.Stmt, ...]:
    values = named(node)
    return (ir.Return(lower_expr(values[0], cx) if values else None),)


def _throw(node: ts.Node, cx: LowerContext) -> tuple[ir.Stmt, ...]:
    return (ir.Throw(lower_expr(named(node)[0], cx)),)


def _try(node: ts.Node, cx: LowerContext) -> tuple[ir.Stmt, ...]:
    body = node.child_by_field_name("body")
    handler = node.child_by_field_name("handler")
    finalizer = node.child_by_field_name("finalizer")
    assert body is not None
    param: ir.Pattern | None = None
    handler_body: tuple[ir.Stmt, ...] | None = None
    if handler is not None:
        param_node = handler.child_by_field_name("parameter")
        param = lower_pattern(param_node, cx) if param_node is not None else None
        handler_block = handler.child_by_field_name("body")
        assert handler_block is not None
        handler_body = lower_block(handler_block, cx)
    final_body = None
    if finalizer is not None:
        final_block = finalizer.child_by_field_name("body") or named(finalizer)[0]
        final_body = lower_block(final_block, cx)
    return (ir.Try(lower_block(body, cx), param, handler_body, final_body),)


def _import(node: ts.Node, cx: LowerContext) -> tuple[ir.Stmt, ...]:
    if any(c.type == "type" for c in node.children):
        return ()  # import type { ... }
    source = node.child_by_field_name("source")
    assert source is not None
    clause = next((c for c in named(node) if c.type == "import_clause"), None)
    if clause is None:
        cx.resolve_import(string_value(source, cx), source)
        return ()
    module = cx.resolve_import(string_value(source, cx), source)
    out: list[ir.Stmt] = []
    for part in named(clause):
        if part.type == "identifier":
            default = ir.Member(module, "default")
            out.append(ir.Decl("const", ir.BindName(cx.text(part)), default, line=cx.line(part)))
        elif part.type == "namespace_import":
            out.append(ir.Decl("const", ir.BindName(cx.text(named(part)[0])), module, line=cx.line(part)))
        elif part.type == "named_imports":
            for spec in named(part):
                if spec.type != "import_specifier" or any(c.type == "type" for c in spec.children):
                    continue
                name, alias = spec.child_by_field_name("name"), spec.child_by_field_name("alias")
                assert name is not None
                local = cx.text(alias if alias is not None else name)
                member = ir.Member(module, cx.text(name))
                out.append(ir.Decl("const", ir.BindName(local), member, line=cx.line(spec)))
    return tuple(out)


def _export(node: ts.Node, cx: LowerContext) -> tuple[ir.Stmt, ...]:
    decl = node.child_by_field_name("declaration")
    if decl is not None:
        stmts = lower_statement(decl, cx)
        cx.statements -= 1  # the export and its declaration are one statement
        default = any(c.type == "default" for c in node.children)  # export default function f() {}
        for stmt in stmts:
            for name in _bound(stmt):
                cx.exports.append(("default" if default else name, ir.Name(name)))
        return stmts
    value = node.child_by_field_name("value")
    if value is not None:
        cx.exports.append(("default", lower_expr(value, cx)))
        return ()
    source = node.child_by_field_name("source")
    if source is not None:
        return lower_reexport(node, source, cx, string_value(source, cx))
    for clause in named(node):
        for spec in named(clause) if clause.type == "export_clause" else []:
            local, alias = spec.child_by_field_name("name"), spec.child_by_field_name("alias")
            assert local is not None
            exported = cx.text(alias if alias is not None else local)
            cx.exports.append((exported, ir.Name(cx.text(local))))
    return ()


def _bound(stmt: ir.Stmt) -> list[str]:
    if isinstance(stmt, ir.FuncDecl):
        return [stmt.name]
    if isinstance(stmt, ir.Decl):
        return pattern_names(stmt.pattern)
    return []


def pattern_names(pattern: ir.Pattern | None) -> list[str]:
    """The names a pattern binds, in order."""
    if pattern is None or isinstance(pattern, ir.TargetPattern):
        return []
    if isinstance(pattern, ir.BindName):
        return [pattern.name]
    if isinstance(pattern, ir.WithDefault):
        return pattern_names(pattern.pattern)
    if isinstance(pattern, ir.ObjectPattern):
        return [n for _, p in pattern.props for n in pattern_names(p)] + pattern_names(pattern.rest)
    return [n for p in pattern.items for n in pattern_names(p)] + pattern_names(pattern.rest)


Handler = Callable[[ts.Node, LowerContext], tuple[ir.Stmt, ...]]
_HANDLERS: dict[str, Handler] = {
    "expression_statement": _expression,
    "lexical_declaration": _declaration,
    "variable_declaration": _declaration,
    "function_declaration": _function,
    "class_declaration": _class,
    "if_statement": _if,
    "for_statement": _for,
    "for_in_statement": _for_in,
    "while_statement": _while,
    "do_statement": _while,
    "switch_statement": _switch,
    "break_statement": _jump,
    "continue_statement": _jump,
    "return_statement": _return,
    "throw_statement": _throw,
    "try_statement": _try,
    "import_statement": _import,
    "export_statement": _export,
    "enum_declaration": lower_enum,
}
