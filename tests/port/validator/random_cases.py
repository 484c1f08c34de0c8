"""Seeded random cases for the validator shim: bodies for the ORDER schema, and random schemas of the
subset (keywords only where ajv's strict mode allows them) with random data."""

from __future__ import annotations

import json
import random
from typing import Any

from tests.port.validator.cases import ORDER, VALID, order

#: Values random bodies are built from: each type, strings ajv coerces or not, formats good and bad.
ATOMS: list[Any] = [
    None,
    True,
    False,
    0,
    1,
    -1,
    2.5,
    100,
    101,
    "",
    " ",
    "0",
    "1",
    "2.5",
    "true",
    "false",
    "null",
    "abc",
    "AB-12",
    "a@b.co",
    "2024-02-29",
    "2024-01-01T10:00:00Z",
    "2024-01-01t10:00:00",
    "10:00:00",
    "0b4c9f4e-1d2a-4c3b-9a8e-0123456789ab",
    "low",
    "high",
    "1e3",
    "Infinity",
    "😀😀😀😀",
    "x" * 70,
]


def random_steps(seed: int, count: int) -> list[dict[str, Any]]:
    """`count` ORDER cases with a valid body where up to 3 fields (or the whole body) are random values."""
    rng = random.Random(seed)
    keys = [*ORDER["properties"]["body"]["properties"], "extra"]

    def value(depth: int = 0) -> Any:
        roll = rng.random()
        if roll < 0.7 or depth > 2:
            return rng.choice(ATOMS)
        if roll < 0.85:
            return [value(depth + 1) for _ in range(rng.randint(0, 4))]
        return {k: value(depth + 1) for k in rng.sample(keys, rng.randint(0, 3))}

    steps = []
    for _ in range(count):
        body: Any = dict(VALID)
        for key in rng.sample(keys, rng.randint(0, 3)):
            body[key] = value()
        if rng.random() < 0.1:
            body = value()
        query = {"page": value()}
        steps.append({**order(body, queryStringParameters=query), "major": rng.choice([4, 5])})
    return steps


_TYPES = ["string", "number", "integer", "boolean", "null", "array", "object"]
_DATA: list[Any] = [*ATOMS[:18], "ab", [], [1], ["1"], ["a", "b"], {}, {"a": 1}, {"b": "x"}]


class _Schemas:
    """Random schemas and data from one seeded generator."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def schema(self, depth: int) -> dict[str, Any]:
        s: dict[str, Any] = {}
        if self.chance(0.75):
            t = self.rng.choice(_TYPES)
            s["type"] = self.rng.choice([[t, "null"], ["null", t]]) if t != "null" and self.chance(0.2) else t
            types = s["type"] if isinstance(s["type"], list) else [s["type"]]
            self.typed(s, types, depth)
        if self.chance(0.15):
            s["enum"] = self.rng.sample(_DATA, 3)
        if self.chance(0.1):
            s["const"] = self.rng.choice(_DATA)
        if depth > 0 and self.chance(0.2):
            s["default"] = self.rng.choice(_DATA)
        return s

    def typed(self, s: dict[str, Any], types: list[str], depth: int) -> None:
        rng = self.rng
        if "string" in types:
            for key, values in (
                ("minLength", [0, 1, 3]),
                ("maxLength", [0, 2, 3]),
                ("pattern", ["^a", "b$"]),
            ):
                if self.chance(0.3):
                    s[key] = rng.choice(values)
            if self.chance(0.2):
                s["format"] = rng.choice(["date", "email", "uuid", "date-time", "time"])
        if "number" in types or "integer" in types:
            for key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
                if self.chance(0.25):
                    s[key] = rng.choice([0, 1, 2.5, 3])
        if "array" in types and depth < 3:
            if self.chance(0.6):
                s["items"] = self.schema(depth + 1)
            for key in ("minItems", "maxItems"):
                if self.chance(0.3):
                    s[key] = rng.randint(0, 2)
        if "object" in types and depth < 3:
            props = {k: self.schema(depth + 1) for k in rng.sample(["a", "b", "c"], rng.randint(0, 3))}
            s["properties"] = props
            if props and self.chance(0.5):
                s["required"] = rng.sample(list(props), rng.randint(1, len(props)))
            if self.chance(0.3):
                s["additionalProperties"] = rng.choice([False, True])

    def data(self, depth: int = 0) -> Any:
        roll = self.rng.random()
        if roll < 0.6 or depth > 2:
            return self.rng.choice(_DATA)
        if roll < 0.8:
            return [self.data(depth + 1) for _ in range(self.rng.randint(0, 3))]
        return {
            k: self.data(depth + 1) for k in self.rng.sample(["a", "b", "c", "d"], self.rng.randint(0, 4))
        }


def random_schema_steps(seed: int, count: int) -> list[dict[str, Any]]:
    """`count` cases of a random subset schema for `body.v` and a random value for it."""
    gen = _Schemas(seed)
    steps = []
    for _ in range(count):
        inner = {"type": "object", "properties": {"v": gen.schema(1)}}
        schema = {"type": "object", "properties": {"body": inner}}
        body = json.dumps({"v": gen.data()})
        event = {"headers": {"content-type": "application/json"}, "body": body}
        steps.append({"event": event, "eventSchema": schema, "major": gen.rng.choice([4, 5])})
    return steps
