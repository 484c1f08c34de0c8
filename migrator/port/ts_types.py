"""Read a module's interfaces and type aliases (top level, exported or not) into `ir.tstypes`."""

from __future__ import annotations

import tree_sitter as ts

from migrator.port.ir.tstypes import ArrayOf, Field, MapOf, Nullable, Opaque, Prim, Ref, TsType, TypeDecl
from migrator.port.literals import decode_escapes

_PRIMS = frozenset({"string", "number", "boolean"})
_NULLS = frozenset({"null", "undefined"})


def _named(node: ts.Node) -> list[ts.Node]:
    return [c for c in node.named_children if c.type != "comment"]


def _text(node: ts.Node) -> str:
    return (node.text or b"").decode("utf-8", "surrogatepass")


def declared_types(root: ts.Node, file: str) -> tuple[TypeDecl, ...]:
    """The interfaces and type aliases declared at the top of a module."""
    out: list[TypeDecl] = []
    for node in _named(root):
        decl = node.child_by_field_name("declaration") if node.type == "export_statement" else node
        if decl is None or decl.type not in ("interface_declaration", "type_alias_declaration"):
            continue
        name = decl.child_by_field_name("name")
        if name is None:
            continue
        params_node = decl.child_by_field_name("type_parameters")
        params = tuple(
            _text(p.child_by_field_name("name") or p)
            for p in (_named(params_node) if params_node is not None else [])
            if p.type == "type_parameter"
        )
        line = decl.start_point[0] + 1
        body = decl.child_by_field_name("body") or decl.child_by_field_name("value")
        if body is None:
            continue
        if decl.type == "interface_declaration" and any(
            c.type == "extends_type_clause" for c in decl.children
        ):
            out.append(TypeDecl(file, line, _text(name), params, None, Opaque("interface extends")))
        elif body.type in ("interface_body", "object_type") and not _is_index(body):
            out.append(TypeDecl(file, line, _text(name), params, _fields(body)))
        else:
            out.append(TypeDecl(file, line, _text(name), params, None, type_of(body)))
    return tuple(out)


def _is_index(body: ts.Node) -> bool:
    members = _named(body)
    return len(members) == 1 and members[0].type == "index_signature"


def _fields(body: ts.Node) -> tuple[Field, ...] | None:
    """The members of an object type; None when one is not a plain property (a method, an index)."""
    fields: list[Field] = []
    for member in _named(body):
        if member.type != "property_signature":
            return None
        name_node, annotation = member.child_by_field_name("name"), member.child_by_field_name("type")
        if name_node is None or name_node.type not in ("property_identifier", "string"):
            return None
        name = _text(name_node)
        name = decode_escapes(name[1:-1]) if name_node.type == "string" else name
        optional = any(c.type == "?" for c in member.children)
        kind: TsType = type_of(_named(annotation)[0]) if annotation is not None else Opaque("any")
        fields.append(Field(name, kind, optional))
    return tuple(fields)


def type_of(node: ts.Node) -> TsType:
    """A type node as a TsType (what Go cannot hold exactly is Opaque: raw JSON)."""
    kind = node.type
    if kind == "parenthesized_type" or kind == "readonly_type":
        return type_of(_named(node)[-1])
    if kind == "predefined_type":
        return Prim(_text(node)) if _text(node) in _PRIMS else Opaque(_text(node))
    if kind == "literal_type":
        return _literal(node)
    if kind == "array_type":
        return ArrayOf(type_of(_named(node)[0]))
    if kind == "type_identifier":
        return Ref(_text(node))
    if kind == "generic_type":
        return _generic(node)
    if kind == "union_type":
        return _union(node)
    if kind == "object_type" and _is_index(node):
        annotation = _named(node)[0].child_by_field_name("type")
        return MapOf(type_of(_named(annotation)[0])) if annotation is not None else Opaque(_text(node))
    return Opaque(_text(node))


def _literal(node: ts.Node) -> TsType:
    inner = _named(node)[0] if _named(node) else node
    if inner.type == "string":
        return Prim("string")
    if inner.type in ("number", "unary_expression"):
        return Prim("number")
    if inner.type in ("true", "false"):
        return Prim("boolean")
    return Opaque(_text(node))


def _generic(node: ts.Node) -> TsType:
    name_node = node.child_by_field_name("name") or _named(node)[0]
    args_node = node.child_by_field_name("type_arguments")
    args = tuple(type_of(a) for a in (_named(args_node) if args_node is not None else []))
    name = _text(name_node)
    if name in ("Array", "ReadonlyArray") and len(args) == 1:
        return ArrayOf(args[0])
    if name == "Record" and len(args) == 2 and args[0] == Prim("string"):
        return MapOf(args[1])
    if name_node.type != "type_identifier":
        return Opaque(_text(node))
    return Ref(name, args)


def _union(node: ts.Node) -> TsType:
    members: list[ts.Node] = []
    stack = [node]
    while stack:
        item = stack.pop()
        if item.type == "union_type":
            stack.extend(reversed(_named(item)))
        else:
            members.append(item)
    nullable = [m for m in members if _text(m) in _NULLS]
    rest = [type_of(m) for m in members if _text(m) not in _NULLS]
    distinct = list(dict.fromkeys(rest))
    inner: TsType = distinct[0] if len(distinct) == 1 else Opaque(_text(node))
    return Nullable(inner) if nullable and distinct else inner
