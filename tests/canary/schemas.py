"""The canary's JSON contracts, as the tests check real output against them."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

from jsonschema import Draft202012Validator

from migrator.canary.state import PREFIX


@cache
def validator(name: str) -> Draft202012Validator:
    """The validator of `migrator/canary/schemas/<name>.schema.json` (the schema checked first)."""
    schema = json.loads(files("migrator.canary").joinpath(f"schemas/{name}.schema.json").read_text())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def check_result(text: str) -> dict[str, Any]:
    """`--format json` output, validated against canary-result.schema.json."""
    body: dict[str, Any] = json.loads(text)
    validator("canary-result").validate(body)
    return body


def check_record(description: str) -> dict[str, Any]:
    """An alias description holding a rollout record, its JSON validated against canary-record.schema.json."""
    assert description.startswith(PREFIX) and len(description) <= 256, description
    body: dict[str, Any] = json.loads(description[len(PREFIX) :])
    validator("canary-record").validate(body)
    return body
