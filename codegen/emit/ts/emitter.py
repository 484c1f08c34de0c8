"""The TypeScript target: one `api.gen.ts` shaped like openapi-typescript's output.

Every named type is exported (`export interface` for objects, `export type` otherwise); the
`components`, `paths`, `webhooks` and `operations` interfaces index them the way openapi-typescript's
do, so code written against `paths["/orders"]["get"]` or `operations["listOrders"]` keeps working.
Templates (`templates/*.jinja`) see only IR objects and the helpers in `_helpers`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import jinja2

from codegen.emit.interface import EmitError, EmitInput, GeneratedFile
from codegen.emit.ts.directions import Direction, Directions
from codegen.emit.ts.docs import jsdoc
from codegen.emit.ts.typeexpr import TypeExpr, key, literal, parenthesised, type_names, union
from codegen.ir import (
    Api,
    Named,
    ObjectDef,
    Operation,
    Parameter,
    Schema,
    TypeRef,
    UnionDef,
    Variant,
)
from codegen.names import unique
from codegen.resolve.locnames import METHODS
from codegen.text import one_line

OUTPUT = "api.gen.ts"
"""The file the TS target writes."""
HTTP_METHODS = METHODS
LOCATIONS = ("query", "header", "path", "cookie")
_COMPONENT = re.compile(r"^/components/schemas/([^/]+)$")


def _unescape(segment: str) -> str:
    return segment.replace("~1", "/").replace("~0", "~")


def components(api: Api) -> list[tuple[str, Schema]]:
    """(component key, schema) for the root document's `components.schemas`, in spec order.

    The IR lists those first; they are the leading schemas defined at `/components/schemas/<key>`
    of the first schema's file."""
    out: list[tuple[str, Schema]] = []
    for schema in api.schemas:
        found = _COMPONENT.match(schema.origin.pointer)
        if found is None or schema.origin.file != api.schemas[0].origin.file:
            break
        out.append((_unescape(found.group(1)), schema))
    return out


def is_webhook(op: Operation) -> bool:
    """Whether the operation comes from `webhooks` (its `path` is then the webhook's name)."""
    return op.origin.pointer.startswith("/webhooks/") or not op.path.startswith("/")


def grouped(ops: Sequence[Operation]) -> list[tuple[str, list[Operation]]]:
    """Operations by path (or webhook name), in first-seen order."""
    out: dict[str, list[Operation]] = {}
    for op in ops:
        out.setdefault(op.path, []).append(op)
    return list(out.items())


class _Helpers:
    """What templates may call, bound to one API."""

    def __init__(self, api: Api) -> None:
        self.api = api
        self.names = type_names(s.name for s in api.schemas)
        self.t = TypeExpr(self.names)
        self.directions = Directions(api, self.names)
        ops = api.operations
        self.op_keys = dict(zip((op.name for op in ops), unique(op.id for op in ops), strict=True))

    def filters(self) -> dict[str, Any]:
        """The helpers bound to this API that templates apply as filters (`field.type | t`): a
        filter is called directly, a global through jinja's `Context.call`, whose checks cost a
        third of rendering GitHub's spec (170,000 calls)."""
        return {"t": self.t, "name": self.name}

    def name(self, schema: Schema) -> str:
        """The TS name of a named schema."""
        return self.names[schema.name]

    def globals(self) -> dict[str, Any]:
        return {
            "t": self.t,
            "name": self.name,
            "doc": jsdoc,
            "key": key,
            "literal": literal,
            "union": union,
            "index_type": self.index_type,
            "variants": lambda u: [self.variant(u, v) for v in u.variants],
            "ts_all": lambda refs: [self.t(r) for r in refs],
            "opkey": lambda op: key(self.op_keys[op.name]),
            "opref": lambda op: literal(self.op_keys[op.name]),
            "status_key": lambda status: status if status.isdigit() else key(status),
            "located": located,
            "components": components,
            "paths": lambda api: grouped([op for op in api.operations if not is_webhook(op)]),
            "webhooks": lambda api: grouped([op for op in api.operations if is_webhook(op)]),
            "methods": HTTP_METHODS,
            "locations": LOCATIONS,
            "sent": self.sent,
            "uses_optional": self.directions.uses_optional(),
            "directions": self.directions.registries(self.index_type, self.variant),
        }

    def sent(self, ref: TypeRef | None, direction: Direction) -> str:
        """The type of a body as `direction` (request or response) carries it: `$Request["Pet"]`
        where a required readOnly (writeOnly) property may be left out of a request (response)."""
        return self.directions.exprs[direction](ref)

    def index_type(
        self, obj: ObjectDef, t: TypeExpr | None = None, optional: bool | None = None
    ) -> str | None:
        """Type of the object's index signature, or None for none (`t` renders the types; `optional`
        says whether some property is optional, by default whether one is not required).

        TS requires every declared property to be assignable to the index type, so a signature
        beside properties is the union of both (optional properties add `undefined`)."""
        t = t or self.t
        members = [t(p.type) for p in obj.patterns]
        if obj.additional is not None:
            members.insert(0, t(obj.additional))
        if not members:
            if obj.fields:
                return None
            return "never" if obj.closed else "unknown"
        members += [t(f.type) for f in obj.fields]
        if optional if optional is not None else any(not f.required for f in obj.fields):
            members.append("undefined")
        return union(members)

    def variant(self, union_def: UnionDef, variant: Variant, t: TypeExpr | None = None) -> str:
        """One alternative; an explicit discriminator narrows its tag property to the mapped values."""
        expr = (t or self.t)(variant.type)
        found = union_def.discriminator
        if found is None or found.implicit or not variant.tags:
            return expr
        if not self._narrowable(variant, found.property):
            return expr
        tags = " | ".join(literal(tag) for tag in variant.tags)
        return f"({parenthesised(expr)} & {{ {key(found.property)}: {tags} }})"

    def _narrowable(self, variant: Variant, prop: str) -> bool:
        """Whether narrowing the tag helps: the variant is an object whose tag property is not
        already a const or enum (narrowing that again could only contradict it and leave `never`)."""
        if not isinstance(variant.type, Named) or variant.type.name not in self.api.by_name:
            return False
        target = self.api.schema(variant.type.name).definition
        if not isinstance(target, ObjectDef):
            return False
        for field in target.fields:
            if field.json_name == prop and isinstance(field.type, Named):
                return self.api.schema(field.type.name).kind not in ("const", "enum")
        return True


def located(op: Operation, location: str) -> list[Parameter]:
    """The operation's parameters in one location."""
    return [p for p in op.parameters if p.location == location]


def environment(loader: jinja2.BaseLoader | None = None) -> jinja2.Environment:
    """The template environment: `loader` (if given) first, then the templates shipped here."""
    shipped = jinja2.PackageLoader("codegen.emit.ts", "templates")
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([loader, shipped] if loader is not None else [shipped]),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # an include per schema checked its file's mtime: 17,000 stat calls on GitHub
    )
    env.filters.update(literal=literal, one_line=one_line, doc=jsdoc, key=key)
    return env


class TsEmitter:
    """IR → `api.gen.ts`. A `loader` with a template of the same name overrides the shipped one."""

    name = "ts"

    def __init__(self, loader: jinja2.BaseLoader | None = None) -> None:
        self.env = environment(loader)

    def emit(self, source: EmitInput) -> tuple[GeneratedFile, ...]:
        """The one TS file."""
        helpers = _Helpers(source.api)
        self.env.filters.update(helpers.filters())
        try:
            template = self.env.get_template("api.ts.jinja")
            text = template.render(api=source.api, **helpers.globals())
        except jinja2.TemplateError as exc:
            raise EmitError(f"the TypeScript templates failed: {exc}; please report this spec") from exc
        return (GeneratedFile(OUTPUT, text),)
