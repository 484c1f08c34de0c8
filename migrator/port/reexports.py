"""Re-exports: `export { a, default as b } from './m'`, `export * as ns from './m'` and
`export * from './m'`, as TypeScript compiles them to CommonJS (what a Lambda bundle runs).

The module is required where the statement is. After the module's own exports are set (the end of
its body, like every export here), each named re-export copies the value when the module has that
export (a name that is only a TypeScript type is absent at run time, and TypeScript elides it), and
`export *` copies every key of the module but `default` that the exports do not hold yet (TypeScript's
`__exportStar`: the module's own exports and named re-exports win). Two `export *` in one module
translate only in TypeScript compiled to CommonJS (the first one's name wins, as TypeScript's and
esbuild's output does); elsewhere they are reported: ES modules drop a name both provide.
"""

from __future__ import annotations

import tree_sitter as ts

from migrator.port import ir
from migrator.port.context import LowerContext, Unsupported

_KEY = "__portExportKey"  #: the loop's binding (a block of its own, so it shadows nothing it reads)
_EXPORTS = ir.Name("exports")


def lower_reexport(node: ts.Node, source: ts.Node, cx: LowerContext, value: str) -> tuple[ir.Stmt, ...]:
    """The statements for an `export … from` node whose specifier's value is `value`; the copies go to
    `cx.reexports`, run after the module's own exports."""
    if any(c.type == "type" for c in node.children):
        return ()  # export type { T } from './types': erased with its import
    module = cx.resolve_import(value, source)
    names = [c for c in node.named_children if c.type in ("export_clause", "namespace_export")]
    if not names:
        if cx.stars and not cx.to_commonjs:
            why = "ES modules and CommonJS resolve a clash differently"
            raise Unsupported(node, "export * from (twice)", why)
        cx.stars += 1
        cx.reexports.append(_star(module))
    elif names[0].type == "namespace_export":
        star_alias = names[0].named_children[-1]
        cx.reexports.append(ir.ExprStmt(ir.Assign(ir.Member(_EXPORTS, _name(star_alias, cx)), "=", module)))
    else:
        for spec in names[0].named_children:
            if spec.type != "export_specifier" or any(c.type == "type" for c in spec.children):
                continue
            local, alias = spec.child_by_field_name("name"), spec.child_by_field_name("alias")
            assert local is not None
            exported = _name(alias if alias is not None else local, cx)
            cx.reexports.append(_copy(module, _name(local, cx), exported))
    return (ir.ExprStmt(module),)


def _name(node: ts.Node, cx: LowerContext) -> str:
    text = cx.text(node)
    if node.type == "string":
        raise Unsupported(node, "export of a string name", "not in the translated subset")
    return text


def _copy(module: ir.Expr, name: str, exported: str) -> ir.Stmt:
    """`if ("name" in module) exports.exported = module.name`."""
    has = ir.Binary("in", ir.Lit("str", name), module)
    copy = ir.ExprStmt(ir.Assign(ir.Member(_EXPORTS, exported), "=", ir.Member(module, name)))
    return ir.If(has, copy, None)


def _star(module: ir.Expr) -> ir.Stmt:
    """`for (const k in module) if (k !== "default" && !Object.hasOwn(exports, k)) exports[k] = module[k]`."""
    key = ir.Name(_KEY)
    own = ir.Call(ir.Member(ir.Global("Object"), "hasOwn"), (_EXPORTS, key))
    test = ir.Logical("&&", ir.Binary("!==", key, ir.Lit("str", "default")), ir.Unary("!", own))
    copy = ir.ExprStmt(ir.Assign(ir.Member(_EXPORTS, key), "=", ir.Member(module, key)))
    return ir.ForOf("const", ir.BindName(_KEY), module, ir.If(test, copy, None), keys=True)
