"""The stub's data tables: per event kind, how a dispatcher recognises it, its samples and SAM type
(`data/events.toml`; its aws-lambda-go types come from scan's vocabulary, `migrator/data/events.toml`),
and the pinned Go modules with their go.sum lines and AWS operations (`data/pins.toml`, from
`migrator/stub/refresh_pins.py`)."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

from migrator.errors import MigrateError
from migrator.scan.vocabulary import vocabulary

SDK = "github.com/aws/aws-sdk-go-v2"


class StubTableError(MigrateError):
    """A packaged stub table is malformed (a bug in the package data, not in the user's input)."""


@dataclass(frozen=True)
class EventType:
    """How one event kind looks in Go."""

    kind: str
    request: str  #: Go type of the event, e.g. "events.SQSEvent"
    response: str  #: Go type returned beside the error; "" when the source ignores results
    partial: str  #: response type when the Node code reports partial batch failures ("" = none)
    probe: str  #: "records:<eventSource>", "key:<a>[.<b>]" or "" (cannot be told apart by shape)
    sample: str  #: golden event template or stub sample name
    sam: str  #: SAM event type ("" = none)
    note: str  #: one line for the README
    order: int  #: position in the table: probes are tried in this order


@dataclass(frozen=True)
class Unit:
    """A set of Go packages pinned together: its go.mod requirements and go.sum lines."""

    name: str
    packages: tuple[str, ...]
    require: tuple[tuple[str, str, bool], ...]  #: (module path, version, indirect)
    sum: tuple[str, ...]
    operations: frozenset[str]  #: AWS operations of a service unit


@dataclass(frozen=True)
class Tables:
    events: dict[str, EventType]
    units: dict[str, Unit]
    go: str  #: the go directive

    def event(self, kind: str) -> EventType:
        """The Go types for `kind`; an unknown kind is handled like `direct`."""
        return self.events.get(kind) or self.events["direct"]

    def service_unit(self, service: str) -> Unit | None:
        return self.units.get(f"service/{service}")


def _text(name: str) -> str:
    return resources.files("migrator.stub.data").joinpath(name).read_text(encoding="utf-8")


def _event(kind: str, order: int, row: dict[str, Any]) -> EventType:
    go = vocabulary().go_type(kind)
    try:
        return EventType(
            kind=kind,
            request=go.request,
            response=go.response,
            partial=go.partial,
            probe=str(row["probe"]),
            sample=str(row["sample"]),
            sam=str(row["sam"]),
            note=str(row["note"]),
            order=order,
        )
    except KeyError as exc:
        raise StubTableError(f"migrator/stub/data/events.toml [{kind}]: missing {exc}") from exc


def _unit(name: str, row: dict[str, Any]) -> Unit:
    return Unit(
        name=name,
        packages=tuple(row["packages"]),
        require=tuple((str(p), str(v), bool(i)) for p, v, i in row["require"]),
        sum=tuple(line for line in str(row["sum"]).splitlines() if line),
        operations=frozenset(row.get("operations", ())),
    )


@functools.cache
def load_tables() -> Tables:
    """Both tables, parsed once per process (they are package data and never change)."""
    events = tomllib.loads(_text("events.toml"))
    pins = tomllib.loads(_text("pins.toml"))
    if "direct" not in events:
        raise StubTableError("migrator/stub/data/events.toml: the `direct` kind is required")
    return Tables(
        events={kind: _event(kind, i, row) for i, (kind, row) in enumerate(events.items())},
        units={name: _unit(name, row) for name, row in pins["units"].items()},
        go=str(pins["go"]),
    )
