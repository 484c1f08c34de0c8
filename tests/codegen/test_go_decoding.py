"""Decoding and Validate() of the generated Go report located problems (what the router answers
with 400), and keep absent, null and value apart. Driven through the compiled round-trip program."""

from __future__ import annotations

from typing import Any

import pytest

from .go.module import GoModule

pytestmark = pytest.mark.slow

# (spec, schema, document, stage, [(pointer, rule), ...])
PROBLEMS: list[tuple[str, str, Any, str, list[tuple[str, str]]]] = [
    ("shop.yaml", "Item", {}, "decode", [("/price", "required")]),  # sku is readOnly: not in requests
    ("shop.yaml", "Item", {"sku": "a", "price": "x"}, "decode", [("/price", "type")]),
    ("shop.yaml", "Item", {"sku": "a", "price": None}, "decode", [("/price", "type")]),
    ("shop.yaml", "Item", [], "decode", [("", "type")]),
    (
        "shop.yaml",
        "Item",
        {"sku": "a", "price": 1, "supplier": {"contact": {"phone": 5}}},
        "decode",
        [("/supplier/contact/phone", "type")],
    ),
    (
        "shop.yaml",
        "Item",
        {"sku": "a", "price": 0, "quantity": 0},
        "validate",
        [("/price", "exclusiveMinimum"), ("/quantity", "minimum")],
    ),
    ("shop.yaml", "Item", {"sku": "a", "price": 1, "status": "gone"}, "validate", [("/status", "enum")]),
    ("shop.yaml", "Empty", {"a": 1}, "decode", [("/a", "additionalProperties")]),
    ("gostress.yaml", "Pair", ["a", 1, 2], "decode", [("", "maxItems")]),
    ("gostress.yaml", "Limits", {"code": "ab"}, "validate", [("/code", "pattern")]),
    ("gostress.yaml", "Limits", {"code": "ABCDEFGHI"}, "validate", [("/code", "maxLength")]),
    (
        "gostress.yaml",
        "Limits",
        {"code": "AB", "tags": ["a", "a", "toolong"], "grid": [[1], [10]], "counts": {"x": -1}},
        "validate",
        [
            ("/tags/1", "uniqueItems"),
            ("/tags/2", "maxLength"),
            ("/grid/1/0", "maximum"),
            ("/counts/x", "minimum"),
        ],
    ),
    (
        "gostress.yaml",
        "Limits",
        {"code": "AB", "score": 0.7, "level": 10},
        "validate",
        [("/score", "multipleOf"), ("/level", "exclusiveMaximum")],
    ),
    ("gostress.yaml", "Expr", {"op": "Mul"}, "decode", [("/op", "discriminator")]),
    ("gostress.yaml", "Expr", {"value": 1}, "decode", [("/op", "required")]),
    (
        "gostress.yaml",
        "Expr",
        {"op": "Add", "left": {"op": "Num"}, "right": {"op": "Num", "value": 2}},
        "decode",
        [("/left/value", "required")],
    ),
    ("gostress.yaml", "Shape", {"radius": 1, "side": 2}, "decode", [("", "oneOf")]),
    ("gostress.yaml", "Shape", {}, "decode", [("", "oneOf")]),
    ("gostress.yaml", "ScalarUnion", [], "decode", [("", "oneOf")]),
    (
        "gostress.yaml",
        "OnlyPatterns",
        {"s_a": 1, "other": 1},
        "decode",
        [("/other", "additionalProperties"), ("/s_a", "type")],
    ),
    (
        "gostress.yaml",
        "Presence",
        {},
        "decode",
        [
            ("/req", "required"),
            ("/reqNull", "required"),
            ("/reqList", "required"),
            ("/reqNullList", "required"),
            ("/reqAny", "required"),
            ("/reqObj", "required"),
            ("/reqNullObj", "required"),
        ],
    ),
    ("gostress.yaml", "Enums", {"small": 2}, "validate", [("/small", "enum")]),
    ("gostress.yaml", "Formats", {"day": "2024-13-01"}, "decode", [("/day", "type")]),
]


@pytest.mark.parametrize(("spec", "schema", "document", "stage", "expected"), PROBLEMS)
def test_bad_documents_give_located_problems(
    go_modules: dict[str, GoModule],
    spec: str,
    schema: str,
    document: Any,
    stage: str,
    expected: list[tuple[str, str]],
) -> None:
    (answer,) = go_modules[spec].round_trip([(schema, document)])
    assert answer.get("stage") == stage, answer
    got = {(p["pointer"], p["rule"]) for p in answer["problems"]}
    assert got == set(expected), answer
    assert all(p["message"] for p in answer["problems"])


PRESENCE_BASE: dict[str, Any] = {
    "req": "r",
    "reqNull": None,
    "reqList": [],
    "reqNullList": None,
    "reqAny": None,
    "reqObj": {"op": "n", "value": 1},
    "reqNullObj": None,
}
SAME: list[tuple[str, str, Any]] = [
    ("gostress.yaml", "Presence", PRESENCE_BASE),
    (
        "gostress.yaml",
        "Presence",
        {**PRESENCE_BASE, "optNull": None, "optNullList": None, "optAny": None, "optNullObj": None},
    ),
    (
        "gostress.yaml",
        "Presence",
        {**PRESENCE_BASE, "optNull": "", "optNullList": [], "optAny": 0, "optList": [], "optMap": {}},
    ),
    ("gostress.yaml", "Presence", {**PRESENCE_BASE, "opt": "", "reqNullObj": {"op": "n", "value": 0}}),
    ("gostress.yaml", "Limits", {"code": "AB", "lookahead": "xyz"}),  # RE2 cannot say (?!x): check skipped
    ("gostress.yaml", "Coded", {"code": 2, "extra": "e"}),
    ("gostress.yaml", "Pair", ["a", 1]),
    ("gostress.yaml", "OpenTuple", [True, "a", "b"]),
    ("gostress.yaml", "OpenTuple", []),
    (
        "gostress.yaml",
        "Keywords",
        {"type": "t", "func": "f", "": "empty", "日本": "jp", "user_id": "a", "userId": "b"},
    ),
    (
        "gostress.yaml",
        "Validate",
        {"Validate": "v", "validate": "w", "MarshalJSON": 1, "AdditionalProperties": "x", "other": [1]},
    ),
    ("gostress.yaml", "MixedPatterns", {"fixed": True, "i_1": 1, "zz": "s"}),
    (
        "gostress.yaml",
        "Formats",
        {"when": "2024-02-29T12:00:00.5+01:00", "day": "2024-02-29", "raw": "aGk=", "bin": "hi"},
    ),
    ("gostress.yaml", "NullableScalarUnion", None),
    ("shop.yaml", "PetOrNull", None),
    ("shop.yaml", "Point", [1]),  # prefixItems without minItems: later positions may be absent
]


@pytest.mark.parametrize(("spec", "schema", "document"), SAME)
def test_absent_null_and_value_come_back_as_they_went(
    go_modules: dict[str, GoModule], spec: str, schema: str, document: Any
) -> None:
    (answer,) = go_modules[spec].round_trip([(schema, document)])
    assert answer == {"doc": document}
