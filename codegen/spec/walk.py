"""Every Schema Object of a spec, found by walking the OpenAPI structure and following `$ref`s.

Which objects are schemas depends on where they stand (an `example` is a keyword in a schema but a
field of a parameter), so stages that treat schemas specially (upgrade, keyword checks) use this walk.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from codegen.spec.document import Document, Spec
from codegen.spec.pointers import join
from codegen.spec.refs import resolve

_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# Schema keywords holding one subschema, a list of them, or a map of them.
SUBSCHEMA_ONE = (
    "items",
    "additionalProperties",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
    "contentSchema",
    "additionalItems",
)
SUBSCHEMA_LIST = ("allOf", "anyOf", "oneOf", "prefixItems", "items")
SUBSCHEMA_MAP = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_SUBSCHEMA_KEYS = frozenset((*SUBSCHEMA_ONE, *SUBSCHEMA_LIST, *SUBSCHEMA_MAP))


@dataclass(frozen=True)
class Site:
    """A Schema Object and where it stands."""

    document: Document
    """The document holding it."""
    pointer: str
    """Its JSON pointer in that document."""
    value: dict[str, Any]
    """The schema itself (boolean schemas have no keywords and are not visited)."""


Writable = Callable[[Document, str, dict[str, Any]], dict[str, Any]]
"""(document, pointer, schema) → the schema to visit in its place (see `iter_schemas`)."""


class _Walker:
    """One walk over a spec; remembers what it visited so shared and recursive parts go once."""

    def __init__(self, spec: Spec, writable: Writable | None = None) -> None:
        self.spec = spec
        self.seen: set[tuple[str, str, str]] = set()
        self.writable = writable

    def follow(
        self, document: Document, pointer: str, value: Any, kind: str
    ) -> Iterator[tuple[Document, str, Any]]:
        """The object itself and, if it is a `$ref`, its target, each once per kind."""
        for _ in range(64):  # a chain of references longer than this is a loop
            key = (document.uri, pointer, kind)
            if key in self.seen or not isinstance(value, dict):
                return
            self.seen.add(key)
            if kind == "schema" and self.writable is not None:
                value = self.writable(document, pointer, value)
            yield document, pointer, value
            ref = value.get("$ref")  # as the consumer left it
            if not isinstance(ref, str):
                return
            target = resolve(self.spec, document.uri, ref)
            if target is None:
                return
            document, pointer, value = target.document, target.pointer, target.value

    def schema(self, document: Document, pointer: str, value: Any) -> Iterator[Site]:
        stack = [(document, pointer, value)]
        while stack:
            doc, at, node = stack.pop()
            children: list[tuple[Document, str, Any]] = []
            for d, p, v in self.follow(doc, at, node, "schema"):
                yield Site(d, p, v)
                if _SUBSCHEMA_KEYS.isdisjoint(v):  # a leaf (most schemas): no keyword to look at
                    continue
                for key in SUBSCHEMA_ONE:
                    if isinstance(v.get(key), dict):
                        children.append((d, join(p, key), v[key]))
                for key in SUBSCHEMA_LIST:
                    if isinstance(v.get(key), list):
                        children.extend((d, join(p, key, i), s) for i, s in enumerate(v[key]))
                for key in SUBSCHEMA_MAP:
                    if isinstance(v.get(key), dict):
                        children.extend((d, join(p, key, n), s) for n, s in v[key].items())
            stack.extend(reversed(children))

    def content(self, document: Document, pointer: str, value: Any) -> Iterator[Site]:
        if not isinstance(value, dict):
            return
        for media_type, media in value.items():
            at = join(pointer, media_type)
            if isinstance(media, dict):
                yield from self.schema(document, join(at, "schema"), media.get("schema"))
                for name, encoding in (media.get("encoding") or {}).items():
                    if isinstance(encoding, dict):
                        yield from self.headers(
                            document, join(at, "encoding", name, "headers"), encoding.get("headers")
                        )

    def headers(self, document: Document, pointer: str, value: Any) -> Iterator[Site]:
        for name, header in value.items() if isinstance(value, dict) else ():
            yield from self.parameter(document, join(pointer, name), header)

    def parameter(self, document: Document, pointer: str, value: Any) -> Iterator[Site]:
        """A Parameter or Header Object (same shape as far as schemas go)."""
        for d, p, v in self.follow(document, pointer, value, "parameter"):
            yield from self.schema(d, join(p, "schema"), v.get("schema"))
            yield from self.content(d, join(p, "content"), v.get("content"))

    def parameters(self, document: Document, pointer: str, value: Any) -> Iterator[Site]:
        for index, parameter in enumerate(value) if isinstance(value, list) else ():
            yield from self.parameter(document, join(pointer, index), parameter)

    def body(self, document: Document, pointer: str, value: Any) -> Iterator[Site]:
        """A Request Body or Response Object."""
        for d, p, v in self.follow(document, pointer, value, "body"):
            yield from self.headers(d, join(p, "headers"), v.get("headers"))
            yield from self.content(d, join(p, "content"), v.get("content"))

    def path_item(self, document: Document, pointer: str, value: Any) -> Iterator[Site]:
        for d, p, v in self.follow(document, pointer, value, "path"):
            yield from self.parameters(d, join(p, "parameters"), v.get("parameters"))
            for method in _METHODS:
                operation = v.get(method)
                if isinstance(operation, dict):
                    yield from self.operation(d, join(p, method), operation)

    def operation(self, document: Document, pointer: str, value: dict[str, Any]) -> Iterator[Site]:
        yield from self.parameters(document, join(pointer, "parameters"), value.get("parameters"))
        yield from self.body(document, join(pointer, "requestBody"), value.get("requestBody"))
        responses = value.get("responses")
        for code, response in responses.items() if isinstance(responses, dict) else ():
            yield from self.body(document, join(pointer, "responses", code), response)
        callbacks = value.get("callbacks")
        for name, callback in callbacks.items() if isinstance(callbacks, dict) else ():
            yield from self.callback(document, join(pointer, "callbacks", name), callback)

    def callback(self, document: Document, pointer: str, value: Any) -> Iterator[Site]:
        for d, p, v in self.follow(document, pointer, value, "callback"):
            for expression, item in v.items():
                if not expression.startswith("x-"):
                    yield from self.path_item(d, join(p, expression), item)

    def root(self) -> Iterator[Site]:
        document = self.spec.root
        content = document.content if isinstance(document.content, dict) else {}
        for group in ("paths", "webhooks"):
            items = content.get(group)
            for name, item in items.items() if isinstance(items, dict) else ():
                if not name.startswith("x-"):
                    yield from self.path_item(document, join("", group, name), item)
        components = content.get("components")
        if not isinstance(components, dict):
            return
        visit = {
            "schemas": self.schema,
            "parameters": self.parameter,
            "headers": self.parameter,
            "requestBodies": self.body,
            "responses": self.body,
            "callbacks": self.callback,
            "pathItems": self.path_item,
        }
        for group, method in visit.items():
            members = components.get(group)
            for name, member in members.items() if isinstance(members, dict) else ():
                yield from method(document, join("", "components", group, name), member)


def iter_schemas(spec: Spec, writable: Writable | None = None) -> Iterator[Site]:
    """Every Schema Object reachable from the root document, once each, in document order.

    With `writable`, each schema is first handed to it, and the site holds what it returns: a
    consumer that edits schemas in place (upgrade) gets copies of those it will change, and the
    walk goes on below the edited schema as the consumer left it."""
    return _Walker(spec, writable).root()
