"""`--from-spec SPEC --operation ID --count N --seed S`: API Gateway events drawn from an operation's schema.

Requests are drawn with hypothesis-jsonschema from the operation's request schema
(`golden.cases.spec_schema`), reproducibly (`golden.cases.draw`), and dressed as REST (payload 1.0, the
default)
or HTTP API (payload 2.0) events (`golden.cases.apigw_events`). The same spec, operation, count, seed and
version give byte-identical events, in any process.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from codegen.output.atomic import write_atomic
from golden.cases.apigw_events import EventVersion, build_event
from golden.cases.draw import draw_examples
from golden.cases.files import Case
from golden.cases.spec_schema import RequestSchema, load_request_schema
from golden.errors import GoldenError


@dataclass(frozen=True)
class GeneratedEvent:
    """One generated event with the typed request it was built from (for checks and reports)."""

    event: dict[str, Any]
    request: dict[str, Any]
    """`{"parameters": {"path": {...}, "query": {...}, "header": {...}, "cookie": {...}}, "body": ...}`."""


def custom_formats() -> dict[str, st.SearchStrategy[str]]:
    """String formats OpenAPI uses that hypothesis-jsonschema does not know."""
    import base64

    return {
        "uuid": st.uuids().map(str),
        "byte": st.binary(max_size=48).map(lambda b: base64.b64encode(b).decode("ascii")),
        "binary": st.text(max_size=64),
        "password": st.text(min_size=1, max_size=32),
    }


def generate_events(
    spec: Path, operation_id: str, *, count: int, seed: int, version: EventVersion = "1.0"
) -> list[GeneratedEvent]:
    """`count` events for `operation_id`, the same ones for the same arguments."""
    if count < 1:
        raise GoldenError(f"--count must be 1 or more, not {count}")
    request_schema = load_request_schema(spec, operation_id)
    return events_for(request_schema, count=count, seed=seed, version=version)


def events_for(
    request_schema: RequestSchema, *, count: int, seed: int, version: EventVersion = "1.0"
) -> list[GeneratedEvent]:
    """Draw `count` requests from an already loaded request schema and build their events."""
    strategy = from_schema(request_schema.json_schema(), custom_formats=custom_formats(), allow_x00=False)
    drawn = draw_examples(strategy, count, seed)
    rng = random.Random(seed)
    events = []
    for request in drawn:
        assert isinstance(request, dict)
        events.append(GeneratedEvent(build_event(request_schema, request, version, rng), request))
    return events


def as_cases(events: list[GeneratedEvent], operation_id: str) -> list[Case]:
    """Cases named like the files `write_cases` writes (`OPERATION-0001.json`)."""
    return [
        Case(_file_name(operation_id, number), e.event, f"--from-spec {operation_id}", None)
        for number, e in enumerate(events, start=1)
    ]


def case_text(event: dict[str, Any]) -> str:
    """A case file's text: indented, keys in the template's order, UTF-8."""
    return json.dumps(event, indent=2, ensure_ascii=False) + "\n"


def _file_name(operation_id: str, number: int) -> str:
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in operation_id)
    return f"{safe}-{number:04d}.json"


def write_cases(events: list[GeneratedEvent], operation_id: str, folder: Path) -> list[Path]:
    """Write one case file per event into `folder` (created); returns the files written."""
    written = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for case in as_cases(events, operation_id):
            path = folder / case.id
            write_atomic(path, case_text(case.event))  # type: ignore[arg-type]
            written.append(path)
    except OSError as exc:
        raise GoldenError(
            f"{folder}: cannot write the case files ({exc.strerror or exc}); name a folder"
        ) from exc
    return written
