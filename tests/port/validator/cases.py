"""The @middy/validator cases both drivers run: a JSON body through http-json-body-parser, validator
and http-error-handler, as API Gateway sends it."""

from __future__ import annotations

import json
from typing import Any

JSON_HEADERS = {"content-type": "application/json"}

ORDER: dict[str, Any] = {
    "type": "object",
    "required": ["body"],
    "properties": {
        "body": {
            "type": "object",
            "additionalProperties": False,
            "required": ["sku", "quantity", "email"],
            "properties": {
                "sku": {"type": "string", "pattern": "^[A-Z0-9-]{4,32}$"},
                "quantity": {"type": "integer", "minimum": 1, "maximum": 100},
                "email": {"type": "string", "format": "email", "maxLength": 64},
                "note": {"type": "string", "minLength": 1, "default": "none"},
                "priority": {"enum": ["low", "high"], "default": "low"},
                "gift": {"type": "boolean", "default": False},
                "tags": {"type": "array", "items": {"type": "string", "minLength": 2}, "maxItems": 3},
                "ship": {"type": "string", "format": "date"},
                "at": {"type": "string", "format": "date-time"},
                "id": {"type": "string", "format": "uuid"},
                "version": {"const": 2},
                "price": {"type": "number", "exclusiveMinimum": 0},
                "code": {"type": ["string", "null"], "maxLength": 3},
            },
        },
        "queryStringParameters": {
            "type": "object",
            "properties": {"page": {"type": "integer", "minimum": 1, "default": 1}},
        },
    },
}
RESPONSE: dict[str, Any] = {
    "type": "object",
    "required": ["statusCode", "body"],
    "properties": {"statusCode": {"type": "integer", "maximum": 299}, "body": {"type": "string"}},
}
VALID = {"sku": "AB-12", "quantity": 2, "email": "a@example.com"}


def event(body: Any, **extra: Any) -> dict[str, Any]:
    """An API Gateway event with a JSON body."""
    return {"headers": JSON_HEADERS, "body": json.dumps(body), **extra}


def order(body: Any, **extra: Any) -> dict[str, Any]:
    return {"event": event(body, **extra), "eventSchema": ORDER, "responseSchema": RESPONSE}


CASES: dict[str, dict[str, Any]] = {
    "valid": order(VALID),
    "defaults applied": order({**VALID, "note": "", "priority": None}),
    "query defaults and coercion": order(VALID, queryStringParameters={"page": "3"}),
    "query default": order(VALID, queryStringParameters={}),
    "coerced types": order({**VALID, "quantity": "7", "gift": "true", "tags": "xy", "code": 12}),
    "one-element array unwrapped": order({**VALID, "quantity": [5], "code": [1, 2]}),
    "missing required": order({"sku": "AB-12"}),
    "wrong types": order({"sku": 12345, "quantity": "many", "email": ["a@b.co", "c@d.co"], "gift": "yes"}),
    "extra properties": order({**VALID, "extra": 1, "more/odd~key": 2}),
    "limits and patterns": order(
        {**VALID, "sku": "ab", "quantity": 101, "price": 0, "tags": ["a", "bb", "cc", "dd"], "note": ""}
    ),
    "formats": order(
        {**VALID, "email": "nope", "ship": "2024-02-30", "at": "2024-01-01T10:00:00", "id": "123"}
    ),
    "good formats": order(
        {
            **VALID,
            "ship": "2024-02-29",
            "at": "2024-01-01T10:00:00.5+02:00",
            "id": "0b4c9f4e-1d2a-4c3b-9a8e-0123456789ab",
        }
    ),
    "enum and const": order({**VALID, "priority": "urgent", "version": 3}),
    "not an object body": order([1, 2]),
    "response fails": {**order(VALID), "response": {"statusCode": 500}},
    "response passes": {**order(VALID), "response": {"statusCode": 201, "body": "ok"}},
    "event schema only": {
        "event": event({"x": 1}),
        "eventSchema": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}},
    },
    "localized errors": {**order({"sku": 1}), "localize": True},
    "context fails": {
        "event": event({}),
        "contextSchema": {
            "type": "object",
            "required": ["functionName"],
            "properties": {"functionName": {"type": "string", "maxLength": 3}},
        },
    },
    "ajv options": {
        "event": event({"n": "5"}),
        "eventSchema": {
            "type": "object",
            "properties": {
                "body": {
                    "type": "object",
                    "properties": {"n": {"type": "integer"}, "m": {"type": "integer", "default": 1}},
                }
            },
        },
        "ajv": {"coerceTypes": False, "useDefaults": False},
    },
    "allErrors off": {"event": event({}), "eventSchema": {"type": "object"}, "ajv": {"allErrors": False}},
    "strict off": {
        "event": event({"a": 1}),
        "eventSchema": {"type": "object", "foo": 1, "required": ["b"]},
        "ajv": {"strict": False},
    },
    "coercion edges": {
        "event": event({"a": "1e3", "b": "Infinity", "c": [True], "d": "", "e": None, "f": " ", "g": "0x10"}),
        "eventSchema": {
            "type": "object",
            "properties": {
                "body": {
                    "type": "object",
                    "properties": {
                        "a": {"type": "integer"},
                        "b": {"type": "number"},
                        "c": {"type": "boolean"},
                        "d": {"type": ["null", "string"]},
                        "e": {"type": "string"},
                        "f": {"type": "number"},
                        "g": {"type": "number"},
                    },
                }
            },
        },
    },
    "additional schema and escaping": {
        "event": event({"ok": 1, "a/b": "x", "t~": 2, "ü": "😀😀😀"}),
        "eventSchema": {
            "type": "object",
            "properties": {
                "body": {
                    "type": "object",
                    "properties": {"ok": {"type": "number"}},
                    "additionalProperties": {"type": "number", "maxLength": 2},
                }
            },
        },
        "ajv": {"strict": False},
    },
    "items errors": {
        "event": event({"list": [{"n": 1}, {"n": "x"}, {}, 4]}),
        "eventSchema": {
            "type": "object",
            "properties": {
                "body": {
                    "type": "object",
                    "properties": {
                        "list": {
                            "type": "array",
                            "minItems": 5,
                            "items": {
                                "type": "object",
                                "required": ["n"],
                                "properties": {"n": {"type": "number"}},
                            },
                        }
                    },
                }
            },
        },
    },
    "unknown keyword": {"event": event({}), "eventSchema": {"type": "object", "foo": 1}},
    "required not declared": {"event": event({}), "eventSchema": {"type": "object", "required": ["x"]}},
    "missing type for keyword": {"event": event({}), "eventSchema": {"properties": {"a": {}}}},
    "unknown format": {"event": event({}), "eventSchema": {"type": "string", "format": "nope"}},
}
