"""A hypothesis strategy for random OpenAPI 3.1 specs: objects, arrays, enums, consts, unions,
nullables, formats, constraints, refs between components and names that collide once in Go.

Unions are kept to what the Go mapping promises to decode faithfully: `oneOf` over different JSON
types (exactly one can match), `anyOf` over anything (the first match wins, and every alternative
re-encodes the document it accepted as it was).
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

Schema = dict[str, Any]

NAMES = [
    "a", "A", "a_b", "a-b", "aB", "type", "func", "Validate", "MarshalJSON", "AdditionalProperties",
    "2fa", "", "id", "ID", "x-y", "日本", "userId", "user_id", "map", "nil",
]  # fmt: skip
COMPONENTS = ["Thing", "thing", "Item", "item_list", "ItemList", "Type", "Nullable", "Date", "Problem", "2d"]

_STRING_FORMATS = st.sampled_from([None, "date-time", "date", "byte", "uuid", "email", "binary"])


def _with_format(schema: Schema, fmt: str | None) -> Schema:
    return {**schema, "format": fmt} if fmt else schema


def _string() -> st.SearchStrategy[Schema]:
    plain = st.builds(
        lambda low, extra: {
            "type": "string",
            "minLength": low,
            **({"maxLength": low + extra} if extra else {}),
        },
        st.integers(0, 3),
        st.integers(0, 6),
    )
    return st.one_of(
        _STRING_FORMATS.map(lambda f: _with_format({"type": "string"}, f)),
        plain,
        st.just({"type": "string", "pattern": "^[a-c]*$"}),
    )


def _number() -> st.SearchStrategy[Schema]:
    ints = st.sampled_from([None, "int32", "int64"]).map(lambda f: _with_format({"type": "integer"}, f))
    bounded = st.integers(-5, 5).map(lambda low: {"type": "integer", "minimum": low, "maximum": low + 100})
    # No `float`: float32 merges values a client of a float32 field would not send (1e-114 and 1e-93
    # both become 0), which uniqueItems would then see as repeats. shop and gostress cover float.
    floats = st.sampled_from([None, "double"]).map(lambda f: _with_format({"type": "number"}, f))
    return st.one_of(ints, bounded, floats)


def leaves(refs: list[str]) -> st.SearchStrategy[Schema]:
    """Schemas without sub-schemas."""
    options = [
        _string(),
        _number(),
        st.just({"type": "boolean"}),
        st.just({}),
        st.lists(st.sampled_from(["red", "Red", "green", "", "2x"]), min_size=1, max_size=4, unique=True).map(
            lambda values: {"type": "string", "enum": values}
        ),
        st.lists(st.integers(-3, 3), min_size=1, max_size=3, unique=True).map(
            lambda values: {"type": "integer", "enum": values}
        ),
        st.sampled_from(["on", 7, True]).map(lambda value: {"const": value}),
    ]
    if refs:
        options.append(st.sampled_from(refs).map(lambda name: {"$ref": f"#/components/schemas/{name}"}))
    return st.one_of(options)


def _object(children: st.SearchStrategy[Schema]) -> st.SearchStrategy[Schema]:
    @st.composite
    def build(draw: st.DrawFn) -> Schema:
        properties = draw(st.dictionaries(st.sampled_from(NAMES), children, min_size=1, max_size=5))
        required = draw(st.lists(st.sampled_from(sorted(properties)), unique=True))
        schema: Schema = {"type": "object", "properties": properties}
        if required:
            schema["required"] = required
        extra = draw(st.sampled_from(["absent", "false", "schema", "true"]))
        if extra == "false":
            schema["additionalProperties"] = False
        elif extra == "schema":
            schema["additionalProperties"] = draw(children)
        elif extra == "true":
            schema["additionalProperties"] = True
        return schema

    return build()


def _nullable(child: Schema) -> Schema:
    kind = child.get("type")
    if isinstance(kind, str) and "enum" not in child:
        return {**child, "type": [kind, "null"]}
    return {"oneOf": [child, {"type": "null"}]}


def schemas(refs: list[str]) -> st.SearchStrategy[Schema]:
    """Random schemas that may refer to the components in `refs`."""

    def extend(children: st.SearchStrategy[Schema]) -> st.SearchStrategy[Schema]:
        return st.one_of(
            _object(children),
            st.builds(
                lambda items, low, unique: {
                    "type": "array",
                    "items": items,
                    "minItems": low,
                    "uniqueItems": unique,
                },
                children,
                st.integers(0, 2),
                st.booleans(),
            ),
            children.map(_nullable),
            st.lists(children, min_size=2, max_size=3).map(lambda members: {"anyOf": members}),
            st.builds(
                lambda s, i, a: {"oneOf": [s, i, a]},
                _string(),
                st.just({"type": "integer"}),
                st.builds(lambda items: {"type": "array", "items": items}, children),
            ),
            st.builds(
                lambda first, second: {"type": "array", "prefixItems": [first, second], "items": False},
                children,
                children,
            ),
            st.just({"type": ["string", "number", "boolean"]}),
        )

    return st.recursive(leaves(refs), extend, max_leaves=6)


@st.composite
def specs(draw: st.DrawFn, count: int = 10) -> dict[str, Any]:
    """A spec with `count` random components; later ones may refer to earlier ones (or themselves
    through an optional property, which makes recursion)."""
    components: dict[str, Schema] = {}
    for index in range(count):
        name = f"{COMPONENTS[index % len(COMPONENTS)]}{'' if index < len(COMPONENTS) else index}"
        schema = draw(schemas(list(components)))
        if draw(st.booleans()):
            schema = {
                "type": "object",
                "properties": {"value": schema, "next": {"$ref": f"#/components/schemas/{name}"}},
            }
        components[name] = schema
    return {
        "openapi": "3.1.0",
        "info": {"title": "Random", "version": "1"},
        "paths": {},
        "components": {"schemas": components},
    }
