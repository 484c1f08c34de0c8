"""JSDoc comments for IR nodes: description, format notes, `@default`, `@deprecated`."""

from __future__ import annotations

from types import MappingProxyType

from codegen.emit.ts.typeexpr import literal
from codegen.ir import (
    Field,
    Header,
    Named,
    Operation,
    Parameter,
    Response,
    Scalar,
    ScalarDef,
    Schema,
    TypeRef,
)

Documented = Schema | Field | Operation | Parameter | Response | Header

_FORMAT_NOTES = MappingProxyType(
    {
        "int64": "Format: int64 (a JS number is exact only up to 2^53 - 1).",
        "binary": "Format: binary (raw bytes on the wire, typed as string).",
        "byte": "Format: byte (base64-encoded).",
    }
)


def _format(ref: TypeRef | None) -> str | None:
    if isinstance(ref, Scalar) and ref.format:
        return _FORMAT_NOTES.get(ref.format, f"Format: {ref.format}")
    return None


def lines(node: Documented) -> list[str]:
    """The comment's lines, without `/**` framing; empty when there is nothing to say."""
    out: list[str] = []
    if isinstance(node, Operation):
        out += [t for t in (node.summary, node.description) if t]
    elif node.description:
        out.append(node.description)
    if isinstance(node, Schema) and isinstance(node.definition, ScalarDef):
        note = _format(node.definition.type)
        out += [note] if note else []
    elif isinstance(node, Field | Parameter | Header) and not isinstance(node.type, Named):
        note = _format(node.type)
        out += [note] if note else []
    if isinstance(node, Field):
        if node.write_only:
            out.append("Write-only: sent in requests, absent from responses.")
        if node.default is not None:
            out.append(f"@default {literal(node.default.value)}")
    if not isinstance(node, Response | Header) and node.deprecated:
        out.append("@deprecated")
    return out


def jsdoc(node: Documented, indent: str = "") -> str:
    """`/** ... */` plus a newline, indented; empty when the node has nothing to document."""
    found = [part.strip() for part in lines(node) if part.strip()]
    if not found:
        return ""
    text = "\n".join(found).replace("*/", "*\\/").replace("\r\n", "\n").replace("\r", "\n").strip()
    body = [line.rstrip() for line in text.split("\n")]
    if len(body) == 1:
        return f"{indent}/** {body[0]} */\n"
    inner = "\n".join(f"{indent} * {line}".rstrip() for line in body)
    return f"{indent}/**\n{inner}\n{indent} */\n"
