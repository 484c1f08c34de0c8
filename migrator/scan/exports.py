"""What a module exports, and the shape of each exported function, within one file.

CommonJS (`exports.x =`, `module.exports = {…}`, `module.exports = require(…)`) and ESM
(`export const`, `export function`, `export {a as b}`, `export … from`, `export default`).
Values are followed through local names and wrapper calls such as `middy(base).use(…)`.
"""

from __future__ import annotations

from collections.abc import Callable

import tree_sitter as ts

from migrator.scan.filefacts import Export, FunctionShape
from migrator.scan.syntax import (
    FUNCTION_TYPES,
    declared_identifier,
    line,
    params,
    returned_calls,
    returned_values,
    returns_promise,
    string_value,
    text,
)

_MAX_DEPTH = 8
ImportedBinding = Callable[[str], tuple[str, str] | None]


class ExportReader:
    """Reads exports given the file's top-level declarations and import bindings."""

    def __init__(
        self,
        top_functions: dict[str, ts.Node],
        top_declarations: list[ts.Node],
        imported: ImportedBinding,
    ) -> None:
        self.top_functions = top_functions
        self.top_declarations = top_declarations  #: top-level `const`/`let`/`var` statements
        self._top_values: dict[str, ts.Node | None] | None = None
        self.imported = imported

    @property
    def top_values(self) -> dict[str, ts.Node | None]:
        """Top-level variable name → its value node, read when an export first needs one (most
        exports are function literals or function declarations, which need none)."""
        if self._top_values is None:
            self._top_values = {}
            for declaration in self.top_declarations:
                for declarator in declaration.named_children:
                    name = declared_identifier(declarator)
                    if name is not None:
                        self._top_values[text(name)] = declarator.child_by_field_name("value")
        return self._top_values

    def shape_of(self, value: ts.Node | None, depth: int = 0) -> FunctionShape | None:
        """The function a value denotes: a function literal, a local name, or a wrapper call."""
        if value is None or depth > _MAX_DEPTH:
            return None
        kind = value.type
        if kind in FUNCTION_TYPES:
            is_async = any(c.type == "async" for c in value.children)
            names = params(value)
            # Only a plain function's body decides its style; skip the walk otherwise.
            promise, imported = False, None
            if not is_async and len(names) < 3:
                values = returned_values(value)
                promise = returns_promise(values)
                if not promise:
                    promise, imported = self._returned(values, depth)
            return FunctionShape(is_async, names, promise, line(value), None, imported)
        if kind in ("parenthesized_expression", "as_expression", "satisfies_expression"):
            inner = value.named_child(0) if value.named_child_count else None
            return self.shape_of(inner, depth + 1)
        if kind == "identifier":
            name = text(value)
            if name in self.top_functions:
                return self.shape_of(self.top_functions[name], depth + 1)
            if name in self.top_values:
                return self.shape_of(self.top_values[name], depth + 1)
            return None
        if kind == "call_expression":
            return self._wrapped(value, depth)
        return None

    def _returned(self, values: list[ts.Node], depth: int) -> tuple[bool, tuple[str, str] | None]:
        """Does a plain function (its `returned_values`) return a local async function's promise,
        or an imported call?"""
        for callee in returned_calls(values):
            head = callee if callee.type == "identifier" else callee.child_by_field_name("object")
            name = text(head) if head is not None and head.type == "identifier" else ""
            if callee.type == "identifier" and name in self.top_functions:
                shape = self.shape_of(self.top_functions[name], depth + 1)
                if shape is not None and (shape.is_async or shape.returns_promise):
                    return True, None
            binding = self.imported(name) if name else None
            if binding is not None and binding[0].startswith("."):
                module, exported = binding
                if callee.type == "member_expression":
                    if exported not in ("*", "default"):
                        continue  # `x.y()` on a named import: not an export we can follow
                    exported = text(callee.child_by_field_name("property"))
                return False, (module, exported)
        return False, None

    def _wrapped(self, call: ts.Node, depth: int) -> FunctionShape | None:
        # middy(base).use(a).use(b): unwrap method chains down to the wrapping call.
        node = call
        while True:
            fn = node.child_by_field_name("function")
            if fn is None:
                return None
            obj = fn.child_by_field_name("object") if fn.type == "member_expression" else None
            if obj is None or obj.type != "call_expression":
                break
            node = obj
        args = node.child_by_field_name("arguments")
        inner = None
        for arg in args.named_children if args is not None else []:
            inner = self.shape_of(arg, depth + 1)
            if inner is not None:
                break
        callee = text(fn)
        if inner is None:
            return FunctionShape(True, (), True, line(call), callee)
        # Wrappers such as middy return an async function whatever they wrap.
        return FunctionShape(True, inner.params, True, inner.line, callee)

    def value(self, name: str, value: ts.Node) -> Export:
        """`exports.name = value` or `name: value` in `module.exports = {…}`."""
        if value.type == "identifier":
            origin = self.imported(text(value))
            if origin is not None:
                return Export(name, line(value), None, origin[0], origin[1])
        spec = _required(value)
        if spec is not None:
            return Export(name, line(value), None, spec, "*")
        if value.type == "member_expression":
            obj = value.child_by_field_name("object")
            spec = _required(obj) if obj is not None else None
            if spec is not None:
                return Export(name, line(value), None, spec, text(value.child_by_field_name("property")))
        return Export(name, line(value), self.shape_of(value), None, None)

    def by_name(self, exported: str, local: str, at: int) -> Export:
        origin = self.imported(local)
        if origin is not None:
            return Export(exported, at, None, origin[0], origin[1])
        if local in self.top_functions:
            return Export(exported, at, self.shape_of(self.top_functions[local]), None, None)
        return Export(exported, at, self.shape_of(self.top_values.get(local)), None, None)

    def module_exports(self, value: ts.Node) -> list[Export]:
        """`module.exports = …`."""
        if value.type == "object":
            out = []
            for child in value.named_children:
                if child.type == "shorthand_property_identifier":
                    out.append(self.by_name(text(child), text(child), line(child)))
                elif child.type == "pair":
                    key = child.child_by_field_name("key")
                    val = child.child_by_field_name("value")
                    key_text = (string_value(key) if key.type == "string" else text(key)) if key else None
                    if val is not None and key_text:
                        out.append(self.value(key_text, val))
                elif child.type == "method_definition":
                    name = text(child.child_by_field_name("name"))
                    out.append(Export(name, line(child), self.shape_of(child), None, None))
            return out
        spec = _required(value)
        if spec is not None:
            return [Export("*", line(value), None, spec, "*")]
        if value.type == "identifier":
            origin = self.imported(text(value))
            if origin is not None:
                return [Export("*", line(value), None, origin[0], "*")]
        # module.exports = fn: Lambda looks up a property, which a bare function lacks.
        return [Export("default", line(value), self.shape_of(value), None, None)]

    def esm(self, node: ts.Node) -> list[Export]:
        """One `export …` statement."""
        source = node.child_by_field_name("source")
        source_spec = string_value(source) if source is not None else None
        declaration = node.child_by_field_name("declaration")
        is_default = any(c.type == "default" for c in node.children)
        if declaration is not None:
            return self._declaration(declaration, is_default)
        value = node.child_by_field_name("value")
        if is_default and value is not None:
            return [self.value("default", value)]
        clause = next((c for c in node.named_children if c.type == "export_clause"), None)
        if clause is None:
            return [Export("*", line(node), None, source_spec, "*")] if source_spec is not None else []
        out = []
        for spec in clause.named_children:
            if spec.type != "export_specifier":
                continue
            local = text(spec.child_by_field_name("name"))
            alias = spec.child_by_field_name("alias")
            exported = text(alias) if alias is not None else local
            if source_spec is not None:
                out.append(Export(exported, line(spec), None, source_spec, local))
            else:
                out.append(self.by_name(exported, local, line(spec)))
        return out

    def _declaration(self, declaration: ts.Node, is_default: bool) -> list[Export]:
        if declaration.type in ("function_declaration", "generator_function_declaration"):
            name = "default" if is_default else text(declaration.child_by_field_name("name"))
            return [Export(name, line(declaration), self.shape_of(declaration), None, None)]
        if declaration.type in ("lexical_declaration", "variable_declaration"):
            out = []
            for declarator in declaration.named_children:
                if declarator.type != "variable_declarator":
                    continue
                name_node = declarator.child_by_field_name("name")
                if name_node is not None and name_node.type == "identifier":
                    shape = self.shape_of(declarator.child_by_field_name("value"))
                    out.append(Export(text(name_node), line(declarator), shape, None, None))
            return out
        if is_default:
            return [Export("default", line(declaration), self.shape_of(declaration), None, None)]
        return []


def _required(node: ts.Node) -> str | None:
    """The specifier of a `require('x')` call node, else None."""
    if node.type != "call_expression" or text(node.child_by_field_name("function")) != "require":
        return None
    args = node.child_by_field_name("arguments")
    first = args.named_child(0) if args is not None and args.named_child_count else None
    return string_value(first) if first is not None else None
