"""The imports of one file, from the facts query's captures: what each names and binds."""

from __future__ import annotations

import tree_sitter as ts

from migrator.scan.filefacts import ImportKind, ImportRef
from migrator.scan.syntax import Text, line, string_value

Captures = dict[str, list[ts.Node]]
#: Wrappers that leave a value as it is (`await x`, `(x)`, `x as T`, `x!`).
TRANSPARENT = ("await_expression", "parenthesized_expression", "as_expression", "non_null_expression")


def import_refs(caps: Captures, requires: list[ts.Node], text: Text) -> list[ImportRef]:
    """Every import of one file: `import` statements, re-exports, `require()` and `import()` calls."""
    out = [_import_statement(n, text) for n in caps.get("import", ())]
    for node in caps.get("reexport", ()):
        source = node.child_by_field_name("source")
        out.append(ImportRef(string_value(source) or "" if source else "", line(node), "reexport", (), False))
    out.extend(_call_import(n, "require", text) for n in requires)
    out.extend(_call_import(n, "dynamic-import", text) for n in caps.get("dynimport", ()))
    return out


def _import_statement(node: ts.Node, text: Text) -> ImportRef:
    bindings: list[tuple[str, str]] = []
    children = node.children  # read once: each read builds a list
    clause = next((c for c in children if c.type == "import_clause"), None)
    for part in clause.named_children if clause is not None else ():
        if part.type == "identifier":
            bindings.append((text(part), "default"))
        elif part.type == "namespace_import":
            ident = next((c for c in part.named_children if c.type == "identifier"), None)
            bindings.append((text(ident), "*"))
        elif part.type == "named_imports":
            for spec in part.named_children:
                if spec.type == "import_specifier":
                    imported = text(spec.child_by_field_name("name"))
                    alias = spec.child_by_field_name("alias")
                    bindings.append((text(alias) if alias else imported, imported))
    source = node.child_by_field_name("source")
    type_only = any(c.type == "type" for c in children)
    spec_text = (string_value(source) or "") if source is not None else ""
    return ImportRef(spec_text, line(node), "import", tuple(bindings), False, type_only)


def _call_import(call: ts.Node, kind: ImportKind, text: Text) -> ImportRef:
    args = call.child_by_field_name("arguments")
    first = args.named_child(0) if args is not None and args.named_child_count else None
    value = string_value(first) if first is not None else None
    bindings: list[tuple[str, str]] = []
    parent = call.parent
    while parent is not None and parent.type in TRANSPARENT:
        parent = parent.parent
    if parent is not None and parent.type == "variable_declarator":
        target = parent.child_by_field_name("name")
        if target is not None and target.type == "identifier":
            bindings.append((text(target), "*"))
        elif target is not None and target.type == "object_pattern":
            for child in target.named_children:
                if child.type == "shorthand_property_identifier_pattern":
                    bindings.append((text(child), text(child)))
                elif child.type == "pair_pattern":
                    val = child.child_by_field_name("value")
                    if val is not None and val.type == "identifier":
                        bindings.append((text(val), text(child.child_by_field_name("key"))))
    elif parent is not None and parent.type == "member_expression":  # const X = require('m').X
        holder = parent.parent
        target = (
            holder.child_by_field_name("name") if holder and holder.type == "variable_declarator" else None
        )
        if target is not None and target.type == "identifier":
            bindings.append((text(target), text(parent.child_by_field_name("property"))))
    return ImportRef(value or "", line(call), kind, tuple(bindings), value is None)
