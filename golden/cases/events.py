"""Realistic event templates per event source, as `sam local invoke -e` takes them.

The templates are package data (`golden/data/events/<source>.json`), shaped like the events AWS
delivers: a starting point for golden cases that users edit, not synthetic noise.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from golden.errors import GoldenError

SOURCES: tuple[str, ...] = (
    "sqs",
    "sns",
    "s3",
    "api-gateway-rest",
    "api-gateway-http",
    "eventbridge",
    "schedule",
    "dynamodb-stream",
    "kinesis",
)


def template_text(source: str) -> str:
    """The template for `source`, as JSON text."""
    if source not in SOURCES:
        raise GoldenError(f"no event template for {source!r}; choose one of {', '.join(SOURCES)}")
    return resources.files("golden.data.events").joinpath(f"{source}.json").read_text(encoding="utf-8")


def template(source: str) -> Any:
    """The template for `source`, parsed."""
    return json.loads(template_text(source))
