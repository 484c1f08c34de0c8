"""The Go hints a schema carries for the Go emitter: `x-go-name`, `x-go-type`, `x-go-tag` and
oapi-codegen's spellings of them (`x-oapi-codegen-extra-tags`, `x-go-type-import`)."""

from __future__ import annotations

from typing import Any

from codegen.ir import GoHints

_GO_KEYS = frozenset({"x-go-type", "x-go-tag", "x-oapi-codegen-extra-tags", "x-go-name", "x-go-type-import"})
_NO_GO_HINTS = GoHints()


def go_hints(schema: dict[str, Any]) -> GoHints:
    """`x-go-name`, `x-go-type` (a string, or oapi-codegen's `{type: ...}`), `x-go-tag`."""
    if _GO_KEYS.isdisjoint(schema):  # nearly every schema: skip the reading
        return _NO_GO_HINTS
    go_type = schema.get("x-go-type")
    if isinstance(go_type, dict):
        go_type = go_type.get("type")
    tag = schema.get("x-go-tag")
    extra = schema.get("x-oapi-codegen-extra-tags")
    if tag is None and isinstance(extra, dict):
        tag = " ".join(f'{k}:"{v}"' for k, v in extra.items())
    name = schema.get("x-go-name")
    given = schema.get("x-go-type-import")
    given = given if isinstance(given, dict) else {}
    path, alias = given.get("path"), given.get("name")
    return GoHints(
        name if isinstance(name, str) else None,
        go_type if isinstance(go_type, str) else None,
        tag if isinstance(tag, str) else None,
        path if isinstance(path, str) else None,
        alias if isinstance(alias, str) else None,
    )
