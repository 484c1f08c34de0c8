"""What real specs rely on (issue 12), through the compiled round-trip program: readOnly and
writeOnly by direction, an optional zero time kept, an optional `const` that is no discriminator,
null refused by a non-nullable union, integers beyond 2^53 kept whole, items located by index."""

from __future__ import annotations

from typing import Any

import pytest

from .go.module import GoModule

pytestmark = pytest.mark.slow

SPEC = "realworld.yaml"

# (schema, document, what comes back: the document re-encoded, or the problems as (pointer, rule))
SAME: list[tuple[str, Any]] = [
    ("Event", {"at": "0001-01-01T00:00:00Z"}),  # an optional zero time is a value, not absence
    ("Event", {"at": "2024-02-29T12:00:00Z", "day": "0001-01-01"}),
    ("Payment", {"number": "4242"}),  # train-travel: a card payment without its optional `object`
    ("Payment", {"object": "bank_account", "iban": "DE89"}),
    ("MaybePayment", None),
    ("Big", {"count": 9007199254740993, "anything": 9007199254740993, "list": [18446744073709551615]}),
    ("Big", {"anything": {"n": 1.5e300, "m": -0.0}}),
    ("Bounded", [True, "a", "b"]),
    (
        "Contact",
        {
            "id": "123e4567-e89b-12d3-a456-426614174000",
            "email": "a@b.example",
            "site": "https://x.example/{id}",
        },
    ),
    ("Sealed", {"number": "1", "holder": "h"}),
    ("SealedChoice", {"object": "card", "number": "1"}),
]


@pytest.mark.parametrize(("schema", "document"), SAME)
def test_documents_come_back_as_they_went(
    go_modules: dict[str, GoModule], schema: str, document: Any
) -> None:
    (answer,) = go_modules[SPEC].round_trip([(schema, document)])
    assert answer == {"doc": document}


def test_read_only_is_not_required_in_requests_and_write_only_not_in_responses(
    go_modules: dict[str, GoModule],
) -> None:
    # Decoding reads a request: the server-set `id` may be missing, the client-sent `password` not.
    request, missing_password = go_modules[SPEC].round_trip(
        [("Account", {"name": "n", "password": ""}), ("Account", {"id": "1", "name": "n"})]
    )
    assert request == {"doc": {"id": "", "name": "n"}}  # encoding writes a response: no password
    problems: Any = missing_password["problems"]
    assert {(p["pointer"], p["rule"]) for p in problems} == {("/password", "required")}


PROBLEMS: list[tuple[str, Any, list[tuple[str, str]]]] = [
    ("Payment", None, [("", "type")]),  # a non-nullable union refuses null, never an empty union
    ("Payment", {"object": "card"}, [("", "oneOf")]),
    ("Dates", {"dates": ["2024-01-01", "2024-13-01", "x"]}, [("/dates/1", "type"), ("/dates/2", "type")]),
    ("Dates", {"byName": {"a": "2024-01-01T00:00:00Z", "b": "soon"}}, [("/byName/b", "type")]),
    ("Dates", {"cards": [{"number": "1"}, {"number": 2}]}, [("/cards/1/number", "type")]),
    ("Bounded", [True, "a", "b", "c"], [("", "maxItems")]),  # extra items allowed, but only two
    (
        "Contact",
        {"id": "123", "email": "Ann <a@b.example>", "site": "/relative"},
        [("/id", "format"), ("/email", "format"), ("/site", "format")],
    ),
    ("Contact", {"day": "2024-02-30"}, [("/day", "type")]),  # a date is its Go type: decoding checks it
    ("Sealed", {"number": "1", "holder": "h", "cvc": "1"}, [("/cvc", "additionalProperties")]),
    ("SealedChoice", {"number": "1", "cvc": "1"}, [("", "oneOf")]),
]


@pytest.mark.parametrize(("schema", "document", "expected"), PROBLEMS)
def test_bad_documents_give_located_problems(
    go_modules: dict[str, GoModule], schema: str, document: Any, expected: list[tuple[str, str]]
) -> None:
    (answer,) = go_modules[SPEC].round_trip([(schema, document)])
    problems: Any = answer["problems"]
    assert {(p["pointer"], p["rule"]) for p in problems} == set(expected), answer
