"""A schema as plain JSON Schema: every `$ref` inlined (across files too), OpenAPI-only keywords
(`discriminator`, `xml`, `externalDocs`, `example`, `x-*`) left out.

What a JSON Schema tool that knows no documents needs (golden's request generators). A reference
back into a schema being inlined (recursion) becomes `false`, so a recursive optional property is
simply never drawn. A `$ref` beside other constraints becomes `allOf: [target, rest]`; beside
annotations only, the target alone. Subtrees that hold no recursion are inlined once and shared.
"""

from __future__ import annotations

from typing import Any

from codegen.spec.document import Spec
from codegen.spec.refs import resolve

_OPENAPI_ONLY = frozenset({"discriminator", "xml", "externalDocs", "example"})
_DATA_KEYS = frozenset({"default", "const", "enum", "examples"})
_ANNOTATIONS = frozenset(
    {"description", "title", "deprecated", "readOnly", "writeOnly", "examples", "$comment"}
)

_Key = tuple[str, str]


class Inliner:
    """Inlines `$ref`s of one spec (resolved against the document they stand in)."""

    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self._done: dict[_Key, Any] = {}
        """Inlined targets whose expansion cut no recursion: the same whatever refers to them."""

    def inline(self, uri: str, schema: Any) -> Any:
        """`schema`, which stands in the document `uri`, with every `$ref` inlined."""
        return self._inline(uri, schema, ())[0]

    def _inline(self, uri: str, schema: Any, stack: tuple[_Key, ...]) -> tuple[Any, bool]:
        """(inlined, whether a recursion was cut inside it)."""
        if isinstance(schema, list):
            items = [self._inline(uri, item, stack) for item in schema]
            return [value for value, _ in items], any(cut for _, cut in items)
        if not isinstance(schema, dict):
            return schema, False
        rest: dict[str, Any] = {}
        cut = False
        for key, value in schema.items():
            if key == "$ref" or key in _OPENAPI_ONLY or key.startswith("x-"):
                continue
            if key in _DATA_KEYS:
                rest[key] = value
            else:
                rest[key], inner = self._inline(uri, value, stack)
                cut = cut or inner
        ref = schema.get("$ref")
        if not isinstance(ref, str):
            return rest, cut
        target = resolve(self.spec, uri, ref)
        if target is None:
            return rest, cut
        inlined, inner = self._target((target.document.uri, target.pointer), target.value, stack)
        if not any(k not in _ANNOTATIONS for k in rest):
            return inlined, cut or inner
        return {"allOf": [inlined, rest]}, cut or inner

    def _target(self, key: _Key, value: Any, stack: tuple[_Key, ...]) -> tuple[Any, bool]:
        if key in stack:
            return False, True
        if key in self._done:
            return self._done[key], False
        inlined, cut = self._inline(key[0], value, (*stack, key))
        if not cut:
            self._done[key] = inlined
        return inlined, cut
