"""What one stub module holds, decided before anything is rendered (templates see only these)."""

from __future__ import annotations

from dataclasses import dataclass

from migrator.scan.model import Function


@dataclass(frozen=True)
class Source:
    """One way the function is invoked, as its Go handler sees it."""

    kinds: tuple[str, ...]  #: scan event kinds sharing this Go type (http + function-url, ...)
    request: str  #: Go type of the event
    response: str  #: Go type returned beside the error ("" = error only)
    probe: str  #: how the dispatcher recognises it ("" = fallback only)
    method: str  #: the app method that handles it, e.g. handleSQS
    user_owned: bool  #: the method lives in port.go (else generated, like the continuation)
    partial: bool  #: the response reports partial batch failures


@dataclass(frozen=True)
class Setting:
    """One environment variable the Node code reads, as a field of the Go settings struct."""

    env: str
    field: str
    required: bool


@dataclass(frozen=True)
class InputField:
    """One key the Node code sets in an operation's input, as Go."""

    name: str  #: the Go field (or the Node key, when the Go struct has no such field)
    value: str | None  #: Go expression when known, e.g. `aws.String(a.settings.OrdersTable)`
    comment: str | None  #: otherwise what is left to port, with the Node expression


@dataclass(frozen=True)
class Site:
    """One place the Node code calls an operation."""

    where: str  #: "file:line"
    fields: tuple[InputField, ...] = ()

    @property
    def values(self) -> tuple[InputField, ...]:
        return tuple(f for f in self.fields if f.value is not None)

    @property
    def comments(self) -> tuple[InputField, ...]:
        return tuple(f for f in self.fields if f.value is None)

    @property
    def width(self) -> int:
        """Column gofmt aligns the values at: the longest `Name:` plus one."""
        return max((len(f.name) for f in self.values), default=0) + 2


@dataclass(frozen=True)
class Call:
    """One AWS operation the Node code calls, as a typed aws-sdk-go-v2 call."""

    operation: str
    typed: bool  #: the pinned package has `<operation>Input` (else a comment only)
    sites: tuple[Site, ...] = ()  #: where the Node code calls it, with the input keys it sets


@dataclass(frozen=True)
class Client:
    """One aws-sdk-go-v2 client, created once at init."""

    service: str  #: Go package name, e.g. dynamodb
    field: str  #: field of the clients struct, e.g. Dynamodb
    import_path: str
    calls: tuple[Call, ...]


@dataclass(frozen=True)
class SpecOperation:
    """One routed operation of `--spec`, named as codegen's Go emitter names it (package `api`)."""

    id: str  #: operationId (or the one codegen derives)
    method: str  #: upper case
    path: str  #: path template, e.g. `/items/{sku}`
    go_name: str  #: Handlers field, e.g. `GetItem`
    input: str  #: decoded input struct, e.g. `GetItemInput`
    output: str  #: sealed output interface, e.g. `GetItemOutput`
    responses: tuple[str, ...]  #: the output's types, e.g. `GetItem200`, `GetItem404`
    body: str  #: Go type of the request body field ("" = no body)


@dataclass(frozen=True)
class BoundOperation:
    """A spec operation one function serves, and the port.go method that implements it."""

    operation: SpecOperation
    method: str  #: app method in port.go, e.g. `opGetItem`
    routes: tuple[str, ...]  #: the function's routes that bind it (`GET /items/{sku} (file:line)`)
    kinds: tuple[str, ...] = ()  #: the event kinds of those routes


@dataclass(frozen=True)
class SpecCase:
    """A golden case drawn from a bound operation's request schema (`migrate golden --from-spec`)."""

    path: str  #: `golden/cases/<kind>-<operationId>.json`
    text: str  #: the API Gateway event, as golden writes it


@dataclass(frozen=True)
class ApiPlan:
    """What `--spec` gives one API function."""

    spec: str  #: the spec as named on the command line
    import_path: str  #: the generated package, `<module>/api`
    operations: tuple[BoundOperation, ...]  #: empty: nothing matched, the stub stays untyped
    unmatched: tuple[str, ...]  #: one line per route or API event that binds no operation
    cases: tuple[SpecCase, ...] = ()  #: golden cases of the routed sources, one per operation and kind


@dataclass(frozen=True)
class ModulePlan:
    """Everything rendered into one module folder."""

    function: Function
    folder: str  #: path-safe folder under the output folder
    module: str  #: Go module path
    sources: tuple[Source, ...]
    dispatch: bool  #: several Go event types: a dispatcher tells them apart by shape
    settings: tuple[Setting, ...]
    clients: tuple[Client, ...]
    unpinned_services: tuple[str, ...]  #: services the Node code calls that have no pinned Go module
    error_types: tuple[str, ...]  #: Go error types named exactly like the Node errors
    skipped_error_types: tuple[str, ...]  #: names that cannot be Go type names
    long_running: bool
    attributevalue: bool  #: lib-dynamodb / util-dynamodb: attributevalue marshalling
    units: tuple[str, ...]  #: pinned units the go.mod is made of
    architecture: str  #: arm64 or x86_64
    memory_mb: int
    timeout_s: int
    partial_reasons: tuple[str, ...]  #: why the facts are incomplete (shown in the README)
    source_notes: tuple[str, ...]  #: README lines about the event sources
    api: ApiPlan | None = None  #: --spec given and the function has API events
