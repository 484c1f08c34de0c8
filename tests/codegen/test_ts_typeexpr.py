"""IR type references → TS type expressions, keys and literals; JSDoc text."""

from __future__ import annotations

from codegen.emit.ts.docs import jsdoc
from codegen.emit.ts.typeexpr import TypeExpr, key, literal, parenthesised, type_names, union
from codegen.ir import AnyValue, Field, ListOf, MapOf, Named, Scalar, Value


def test_keys_are_bare_only_when_they_are_identifiers() -> None:
    assert [key(k) for k in ("id", "$ref", "_x1", "2fa", "x-y", "a b", "é")] == [
        "id", "$ref", "_x1", '"2fa"', '"x-y"', '"a b"', '"é"',
    ]  # fmt: skip


def test_literals_are_json_text() -> None:
    assert literal({"a": [1, None, 'x"y']}) == '{"a": [1, null, "x\\"y"]}'
    assert literal(-1.5) == "-1.5"


def test_unions_flatten_dedupe_and_respect_strings_and_brackets() -> None:
    assert union(["A | null", "B", "A", "null"]) == "A | null | B"
    assert union(['"a|b"', "{ x: C | D }"]) == '"a|b" | { x: C | D }'
    assert union(["A", "unknown"]) == "unknown"
    assert union([]) == "never"


def test_parentheses_only_around_top_level_unions_and_intersections() -> None:
    assert parenthesised("A | B") == "(A | B)"
    assert parenthesised("A & B") == "(A & B)"
    assert parenthesised("{ a: A | B }") == "{ a: A | B }"
    assert parenthesised('"x|y"') == '"x|y"'


def test_type_expressions() -> None:
    t = TypeExpr({"Pet": "Pet"})
    assert t(Named("Pet", nullable=True)) == "Pet | null"
    assert t(Scalar("integer", "int64")) == "number"
    assert t(ListOf(Scalar("string", nullable=True))) == "(string | null)[]"
    assert t(ListOf(Named("Pet"), nullable=True)) == "Pet[] | null"
    assert t(MapOf(AnyValue())) == "{ [key: string]: unknown }"
    assert t(AnyValue()) == "unknown"
    assert t.tuple([Scalar("string")], Scalar("boolean")) == "[string, ...boolean[]]"
    assert t.tuple([Scalar("string")], None) == "[string]"


def test_type_names_stay_unique() -> None:
    assert type_names(["Pet", "pet", "A"]) == {"Pet": "Pet", "pet": "Pet2", "A": "A"}


def test_jsdoc_escapes_the_comment_end_and_lists_tags() -> None:
    field = Field(
        "N", "n", Scalar("integer", "int64"), False, default=Value(0), deprecated=True, description="a */ b\n"
    )
    assert jsdoc(field, "  ") == (
        "  /**\n"
        "   * a *\\/ b\n"
        "   * Format: int64 (a JS number is exact only up to 2^53 - 1).\n"
        "   * @default 0\n"
        "   * @deprecated\n"
        "   */\n"
    )
    assert jsdoc(Field("N", "n", Named("X"), True)) == ""


def test_the_ts_emitters_tables_are_immutable() -> None:
    from types import MappingProxyType

    from codegen.emit.ts import docs, emitter, typeexpr
    from codegen.resolve.locnames import METHODS

    assert isinstance(docs._FORMAT_NOTES, MappingProxyType)
    assert isinstance(typeexpr._SCALARS, MappingProxyType)
    assert emitter.HTTP_METHODS is METHODS
