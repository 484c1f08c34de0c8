from __future__ import annotations

import keyword
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from codegen import names


@pytest.mark.parametrize(
    ("text", "go", "ts", "python"),
    [
        ("2fa-required", "TwoFaRequired", "twoFaRequired", "two_fa_required"),
        ("type", "Type", "type_", "type_"),
        ("default", "Default", "default_", "default"),
        ("x-internal-code", "XInternalCode", "xInternalCode", "x_internal_code"),
        ("userId", "UserID", "userId", "user_id"),
        ("HTTPServer", "HTTPServer", "httpServer", "http_server"),
        ("api_urls", "APIURLs", "apiUrls", "api_urls"),
        ("123", "OneTwoThree", "oneTwoThree", "one_two_three"),
        ("", "Empty", "empty", "empty"),
        ("---", "Empty", "empty", "empty"),
        ("café", "Cafe", "cafe", "cafe"),
        ("Straße", "Strasse", "strasse", "strasse"),
        ("日本", "U65e5U672c", "u65e5U672c", "u65e5_u672c"),
        ("class", "Class", "class_", "class_"),
        ("getV2Items", "GetV2Items", "getV2Items", "get_v2_items"),
    ],
)
def test_identifiers_per_language(text: str, go: str, ts: str, python: str) -> None:
    assert names.go_name(text) == go
    assert names.ts_name(text) == ts
    assert names.python_name(text) == python


def test_pascal_is_neutral_and_python_classes_avoid_keywords() -> None:
    assert names.pascal("user_id") == "UserId"
    assert names.python_class_name("none") == "None_"
    assert names.ts_type_name("2fa-required") == "TwoFaRequired"


def test_words_split_case_digits_and_separators() -> None:
    assert names.words("getHTTPResponse_v2") == ["get", "http", "response", "v2"]
    assert names.words("2fa-required") == ["2", "fa", "required"]


def test_unique_suffixes_in_order() -> None:
    assert names.unique(["Pet", "Pet", "Order", "Pet"]) == ["Pet", "Pet2", "Order", "Pet3"]
    assert names.unique(["A", "A2", "A"]) == ["A", "A2", "A3"]


_FUNCTIONS: list[tuple[Callable[[str], str], frozenset[str]]] = [
    (names.go_name, frozenset()),
    (names.pascal, frozenset()),
    (names.ts_type_name, names.TS_RESERVED),
    (names.ts_name, names.TS_RESERVED),
    (names.python_class_name, names.PYTHON_RESERVED),
    (names.python_name, names.PYTHON_RESERVED),
]


@given(st.text(max_size=40))
def test_every_name_becomes_a_valid_stable_identifier(text: str) -> None:
    for function, reserved in _FUNCTIONS:
        name = function(text)
        assert name.isascii() and name.isidentifier(), (function, text, name)
        assert name not in reserved
        assert function(text) == name  # stable: no hidden state, no randomness
    assert names.go_name(text)[0].isupper()  # exported
    assert not keyword.iskeyword(names.python_name(text)) and not keyword.iskeyword(
        names.python_class_name(text)
    )


@given(st.lists(st.text(max_size=8), max_size=12))
def test_unique_never_repeats_and_is_deterministic(raw: list[str]) -> None:
    made = names.unique(names.pascal(r) for r in raw)
    assert len(set(made)) == len(made) == len(raw)
    assert names.unique(names.pascal(r) for r in raw) == made
