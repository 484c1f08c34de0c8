"""The IR between an OpenAPI spec and every emitter: named types and operations, nothing else.

Emitters see only these frozen dataclasses, never the spec. Types refer to each other by name
(`Named`), so recursive schemas need no object cycles. Names here are language-neutral PascalCase,
unique in the API; emitters turn them (and `json_name`s) into identifiers with `codegen.names`.
Every node with a `kind` field serialises to JSON with `dataclasses.asdict` and says what it is.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal

ScalarType = Literal["string", "integer", "number", "boolean", "null"]
ParameterLocation = Literal["path", "query", "header", "cookie"]


@dataclass(frozen=True)
class Origin:
    """Where a named type or operation was defined, for comments and messages. The spec's source map
    turns the pointer into a line when a message needs one (not here: indexing a large JSON
    document's keys costs tenths of a second that most runs never need)."""

    file: str
    """The document, as diagnostics name it."""
    pointer: str
    """JSON pointer inside that document."""


@dataclass(frozen=True)
class Value:
    """A JSON value from the spec (a default, a const), boxed so that JSON `null` differs from "none"."""

    value: Any
    """The value, as parsed (dict, list, str, int, float, bool or None)."""


# --- references to types: what a field, item, parameter or body has ---------------------------------


@dataclass(frozen=True)
class Constraints:
    """Validation keywords of one schema that a type cannot express, for `Validate()`-style checks.

    Each is None (or False) when the schema does not say it. Strings count Unicode code points;
    `pattern` is ECMA-262 as written (an emitter whose regex engine rejects it skips the check).
    3.0's boolean `exclusiveMinimum`/`exclusiveMaximum` arrive here already upgraded to numbers.
    """

    min_length: int | None = None
    """`minLength` of a string."""
    max_length: int | None = None
    """`maxLength` of a string."""
    pattern: str | None = None
    """`pattern` of a string (unanchored, as JSON Schema means it)."""
    minimum: int | float | None = None
    """`minimum` of a number: value >= minimum."""
    maximum: int | float | None = None
    """`maximum` of a number: value <= maximum."""
    exclusive_minimum: int | float | None = None
    """`exclusiveMinimum` of a number: value > it."""
    exclusive_maximum: int | float | None = None
    """`exclusiveMaximum` of a number: value < it."""
    multiple_of: int | float | None = None
    """`multipleOf` of a number (> 0)."""
    min_items: int | None = None
    """`minItems` of an array."""
    max_items: int | None = None
    """`maxItems` of an array."""
    unique_items: bool = False
    """`uniqueItems: true` of an array."""
    min_properties: int | None = None
    """`minProperties` of an object."""
    max_properties: int | None = None
    """`maxProperties` of an object."""

    def __bool__(self) -> bool:
        """Whether any constraint is set."""
        return self != Constraints()


@dataclass(frozen=True)
class Named:
    """A reference to a named type in `Api.schemas`."""

    name: str
    """Key of the type in `Api.schemas`."""
    nullable: bool = False
    """Whether `null` is allowed here as well."""
    kind: Literal["named"] = "named"


@dataclass(frozen=True)
class Scalar:
    """An inline primitive: string, integer, number, boolean or null, with its format."""

    type: ScalarType
    """The JSON type."""
    format: str | None = None
    """`int32`, `int64`, `float`, `double`, `date-time`, `date`, `uuid`, `byte`, `binary`, `email`, ..."""
    nullable: bool = False
    """Whether `null` is allowed as well."""
    constraints: Constraints = Constraints()
    """Validation keywords of this use (string and number keywords); empty when none."""
    kind: Literal["scalar"] = "scalar"


@dataclass(frozen=True)
class ListOf:
    """An inline array of one item type."""

    items: TypeRef
    """Type of every item."""
    nullable: bool = False
    """Whether `null` is allowed instead of the array."""
    constraints: Constraints = Constraints()
    """Validation keywords of this use (`minItems`, `maxItems`, `uniqueItems`); empty when none."""
    kind: Literal["list"] = "list"


@dataclass(frozen=True)
class MapOf:
    """An inline object used as a dictionary from string keys to one value type."""

    values: TypeRef
    """Type of every value."""
    nullable: bool = False
    """Whether `null` is allowed instead of the object."""
    constraints: Constraints = Constraints()
    """Validation keywords of this use (`minProperties`, `maxProperties`); empty when none."""
    kind: Literal["map"] = "map"


@dataclass(frozen=True)
class AnyValue:
    """Any JSON value (`{}`, `true`, or a schema with no type constraint)."""

    nullable: bool = True
    """Always true: any value includes `null`."""
    kind: Literal["any"] = "any"


TypeRef = Named | Scalar | ListOf | MapOf | AnyValue


# --- definitions of named types -----------------------------------------------------------------------


@dataclass(frozen=True)
class GoHints:
    """`x-go-*` extensions a Go emitter honours."""

    name: str | None = None
    """`x-go-name`: the Go identifier to use instead of the derived one."""
    type: str | None = None
    """`x-go-type`: a Go type expression to use instead of the derived one."""
    tag: str | None = None
    """`x-go-tag`/`x-oapi-codegen-extra-tags`: extra struct tag text."""
    import_path: str | None = None
    """`x-go-type-import.path`: the package `type` needs, e.g. `github.com/google/uuid`."""
    import_name: str | None = None
    """`x-go-type-import.name`: the name to import it under, when not its last path element."""


@dataclass(frozen=True)
class Field:
    """One property of an object type."""

    name: str
    """Language-neutral PascalCase name, unique within the object."""
    json_name: str
    """The property name on the wire, exactly as in the spec."""
    type: TypeRef
    """The property's type; `type.nullable` says whether `null` is allowed."""
    required: bool
    """Listed in `required`: the key must be present."""
    read_only: bool = False
    """`readOnly`: only in responses."""
    write_only: bool = False
    """`writeOnly`: only in requests."""
    default: Value | None = None
    """`default`, if given."""
    deprecated: bool = False
    """`deprecated: true`."""
    description: str | None = None
    """`description` of the property (its own, not that of a referenced type)."""
    go: GoHints = GoHints()
    """`x-go-name`, `x-go-type`, `x-go-tag`."""

    @property
    def nullable(self) -> bool:
        """Whether the property may be `null` (distinct from being absent)."""
        return self.type.nullable


@dataclass(frozen=True)
class PatternProperty:
    """A `patternProperties` entry: keys matching `pattern` have values of `type`."""

    pattern: str
    """ECMA-262 regular expression, as in the spec."""
    type: TypeRef
    """Type of the matching values."""


@dataclass(frozen=True)
class ObjectDef:
    """An object with known properties (also the result of merging an `allOf`)."""

    fields: tuple[Field, ...]
    """The properties, in spec order (an `allOf` lists its members' properties in member order)."""
    additional: TypeRef | None = None
    """Type of undeclared properties (`additionalProperties`); None when not allowed or not given."""
    closed: bool = False
    """`additionalProperties: false` (or `unevaluatedProperties: false`): no other keys allowed."""
    patterns: tuple[PatternProperty, ...] = ()
    """`patternProperties`."""
    bases: tuple[str, ...] = ()
    """Named types an `allOf` merged in, in order (for emitters that embed or extend)."""
    constraints: Constraints = Constraints()
    """`minProperties`, `maxProperties`; empty when none."""
    kind: Literal["object"] = "object"


@dataclass(frozen=True)
class EnumMember:
    """One allowed value of an enum."""

    name: str
    """Language-neutral PascalCase name for the constant (`x-enum-varnames` if given)."""
    value: str | int | float | bool
    """The value on the wire."""


@dataclass(frozen=True)
class EnumDef:
    """A closed set of values of one scalar type (`null`, if allowed, makes the type nullable)."""

    base: ScalarType
    """string or integer (number and boolean are possible too)."""
    members: tuple[EnumMember, ...]
    """The values in spec order."""
    format: str | None = None
    """Format of the base type, e.g. int32."""
    kind: Literal["enum"] = "enum"


@dataclass(frozen=True)
class ConstDef:
    """A single allowed value (`const`)."""

    value: Value
    """The value."""
    base: ScalarType | None
    """Its scalar type; None for an object or array constant."""
    kind: Literal["const"] = "const"


@dataclass(frozen=True)
class ArrayDef:
    """A named array type."""

    items: TypeRef
    """Type of every item."""
    min_items: int | None = None
    """`minItems`."""
    max_items: int | None = None
    """`maxItems`."""
    unique: bool = False
    """`uniqueItems`."""
    kind: Literal["array"] = "array"


@dataclass(frozen=True)
class TupleDef:
    """An array with a type per position (`prefixItems`)."""

    items: tuple[TypeRef, ...]
    """Types of the leading positions."""
    rest: TypeRef | None
    """Type of further items (`items`); None when `items: false` closes the tuple."""
    constraints: Constraints = Constraints()
    """`minItems` (positions past it may be absent), `maxItems`, `uniqueItems`; empty when none."""
    kind: Literal["tuple"] = "tuple"


@dataclass(frozen=True)
class MapDef:
    """A named dictionary: an object with no declared properties."""

    values: TypeRef | None
    """Type of the values (`additionalProperties`); None when only `patterns` apply."""
    patterns: tuple[PatternProperty, ...] = ()
    """`patternProperties`."""
    constraints: Constraints = Constraints()
    """`minProperties`, `maxProperties`; empty when none."""
    kind: Literal["map"] = "map"


@dataclass(frozen=True)
class Variant:
    """One alternative of a union."""

    type: TypeRef
    """The alternative's type (usually Named)."""
    tags: tuple[str, ...] = ()
    """Discriminator values that select it (empty when the union has no discriminator)."""


@dataclass(frozen=True)
class Discriminator:
    """How to tell a union's alternatives apart without trying each."""

    property: str
    """JSON name of the property holding the tag."""
    implicit: bool
    """True when inferred from a `const` (or one-value `enum`) property shared by every alternative."""


@dataclass(frozen=True)
class UnionDef:
    """`oneOf`/`anyOf` (or a `type` list of several scalar types)."""

    variants: tuple[Variant, ...]
    """The alternatives in spec order (a `null` alternative becomes nullability instead)."""
    exclusive: bool
    """True for `oneOf` (exactly one matches), False for `anyOf`."""
    discriminator: Discriminator | None = None
    """Explicit (`discriminator`) or implicit tag; None if alternatives must be tried."""
    closed: bool = False
    """`unevaluatedProperties: false` beside it: an object may hold only what its alternative declares."""
    kind: Literal["union"] = "union"


@dataclass(frozen=True)
class ScalarDef:
    """A named primitive (an alias such as `UserId: {type: string, format: uuid}`)."""

    type: Scalar
    """The primitive."""
    kind: Literal["scalar"] = "scalar"


@dataclass(frozen=True)
class AliasDef:
    """Another name for a type (`A: {$ref: B}`, `A: {type: array, ...}` stays ArrayDef)."""

    type: TypeRef
    """The type this name stands for."""
    kind: Literal["alias"] = "alias"


@dataclass(frozen=True)
class AnyDef:
    """A named type that accepts any JSON value."""

    kind: Literal["any"] = "any"


Definition = (
    ObjectDef | EnumDef | ConstDef | ArrayDef | TupleDef | MapDef | UnionDef | ScalarDef | AliasDef | AnyDef
)


@dataclass(frozen=True)
class Schema:
    """A named type."""

    name: str
    """Unique language-neutral PascalCase name (a component's key, or derived from its parents)."""
    definition: Definition
    """What the type is; `definition.kind` says which."""
    origin: Origin
    """Where it was defined."""
    nullable: bool = False
    """The schema itself allows `null` (e.g. `type: [object, "null"]`)."""
    description: str | None = None
    """`description` (else `title`)."""
    deprecated: bool = False
    """`deprecated: true`."""
    go: GoHints = GoHints()
    """`x-go-name`, `x-go-type` on the schema."""
    extensions: tuple[tuple[str, Any], ...] = ()
    """Every `x-*` of the schema, in spec order, for emitters that honour more of them."""

    @property
    def kind(self) -> str:
        """object, enum, const, array, tuple, map, union, scalar, alias or any."""
        return self.definition.kind


# --- operations -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Parameter:
    """A path, query, header or cookie parameter."""

    name: str
    """Name on the wire."""
    location: ParameterLocation
    """`in`."""
    type: TypeRef
    """The parameter's schema (of its `content` media type, if it uses `content`)."""
    required: bool
    """Always true for path parameters."""
    style: str
    """`style`, defaulted per location (form for query and cookie, simple for path and header)."""
    explode: bool
    """`explode`, defaulted per style (true for form)."""
    deprecated: bool = False
    """`deprecated: true`."""
    description: str | None = None
    """`description`."""
    content_type: str | None = None
    """Media type when the parameter is given through `content` rather than `schema`."""
    default: Value | None = None
    """`default` of the parameter's (inline) schema: the value an absent parameter takes."""
    json_schema: Value | None = None
    """Its schema (its `content` media type's, `{}` when it gives none) as plain JSON Schema, `$ref`s
    inlined (`codegen.resolve.inline`): what a tool that draws or checks values needs."""


@dataclass(frozen=True)
class Content:
    """A body in one media type."""

    media_type: str
    """e.g. `application/json`."""
    type: TypeRef | None
    """The body's schema; None when the media type gives none (raw bytes)."""
    json_schema: Value | None = None
    """A request body's schema as plain JSON Schema, `$ref`s inlined (`codegen.resolve.inline`);
    None for responses and when the media type gives none."""


@dataclass(frozen=True)
class RequestBody:
    """What an operation accepts."""

    required: bool
    """`required`."""
    content: tuple[Content, ...]
    """One entry per media type, in spec order."""
    description: str | None = None
    """`description`."""


@dataclass(frozen=True)
class Header:
    """A response header."""

    name: str
    """Header name."""
    type: TypeRef
    """Its schema."""
    required: bool = False
    """`required`."""
    description: str | None = None
    """`description`."""


@dataclass(frozen=True)
class Response:
    """One response of an operation."""

    status: str
    """`200`, `2XX` or `default`."""
    description: str
    """`description`."""
    headers: tuple[Header, ...] = ()
    """Headers, in spec order."""
    content: tuple[Content, ...] = ()
    """Bodies by media type; empty for no body."""


@dataclass(frozen=True)
class Operation:
    """One method on one path."""

    id: str
    """`operationId`, or one derived from method and path."""
    name: str
    """Language-neutral PascalCase name, unique in the API."""
    method: str
    """Lower-case HTTP method."""
    path: str
    """Path template, e.g. `/orders/{orderId}`."""
    parameters: tuple[Parameter, ...]
    """Path-level and operation-level parameters merged (operation wins), in spec order."""
    request_body: RequestBody | None
    """The body, if any."""
    responses: tuple[Response, ...]
    """Responses in spec order."""
    origin: Origin
    """Where the operation was defined."""
    summary: str | None = None
    """`summary`."""
    description: str | None = None
    """`description`."""
    deprecated: bool = False
    """`deprecated: true`."""
    tags: tuple[str, ...] = ()
    """`tags`."""


@dataclass(frozen=True)
class Api:
    """A whole spec, resolved."""

    title: str
    """`info.title`."""
    version: str
    """`info.version`."""
    schemas: tuple[Schema, ...]
    """Every named type: components first in spec order, then inline types as they were met."""
    operations: tuple[Operation, ...]
    """Every operation, in spec order (paths, then webhooks)."""
    description: str | None = None
    """`info.description`."""

    @cached_property
    def by_name(self) -> Mapping[str, Schema]:
        """The named types by name."""
        return {s.name: s for s in self.schemas}

    def schema(self, name: str) -> Schema:
        """The named type `name`; KeyError if there is none."""
        return self.by_name[name]


def refs_of(definition: object) -> Iterator[TypeRef]:
    """The TypeRefs a definition uses directly."""
    if isinstance(definition, ObjectDef):
        yield from (f.type for f in definition.fields)
        yield from (p.type for p in definition.patterns)
        if definition.additional is not None:
            yield definition.additional
    elif isinstance(definition, ArrayDef):
        yield definition.items
    elif isinstance(definition, TupleDef):
        yield from definition.items
        if definition.rest is not None:
            yield definition.rest
    elif isinstance(definition, MapDef):
        yield from (p.type for p in definition.patterns)
        if definition.values is not None:
            yield definition.values
    elif isinstance(definition, UnionDef):
        yield from (v.type for v in definition.variants)
    elif isinstance(definition, AliasDef | ScalarDef):
        yield definition.type


def named_in(ref: TypeRef) -> Iterator[str]:
    """The names of the named types `ref` mentions (inside inline lists and maps too)."""
    if isinstance(ref, Named):
        yield ref.name
    elif isinstance(ref, ListOf):
        yield from named_in(ref.items)
    elif isinstance(ref, MapOf):
        yield from named_in(ref.values)
